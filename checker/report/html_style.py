"""The HTML report's stylesheet: inline, no fonts or images from anywhere, a print version.

Severity and kind never rest on colour alone: each severity has its word and its own shape,
targets are hollow dashed diamonds, findings' figures have a ring and bold labels.
"""

from __future__ import annotations

__all__ = ["CSS"]

CSS = """
:root { --ink: #1b1b1f; --muted: #55575e; --line: #d5d7dd; --paper: #ffffff;
  --soft: #f4f5f7; --error: #b3261e; --warning: #8a5300; --info: #1d5fa8;
  --mark: #ffe08a; --focus: #1d5fa8; --fact: #2b5c8a; --target: #7a4e9c; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--paper);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
header, main { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 18px; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 28px 0 10px; padding-bottom: 4px;
  border-bottom: 2px solid var(--ink); }
h3 { font-size: 1rem; margin: 0 0 6px; }
.summary { margin: 0 0 8px; color: var(--muted); }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0;
  margin: 6px 0 12px; }
a { color: #0b4f9c; }
a:focus-visible, .pt:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.pt:focus-visible .shape { stroke-width: 4; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 12px; top: 8px; background: var(--paper); padding: 4px 8px; z-index: 2; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--info);
  border-radius: 6px; padding: 10px 14px; margin: 0 0 14px; background: var(--paper); }
.finding.error { border-left-color: var(--error); }
.finding.warning { border-left-color: var(--warning); border-left-style: double;
  border-left-width: 7px; }
.finding.info { border-left-style: dotted; }
.sev { display: inline-flex; align-items: center; gap: 4px; font-weight: 700;
  text-transform: uppercase; font-size: .78rem; letter-spacing: .04em; margin-right: 6px; }
.sev.error { color: var(--error); } .sev.warning { color: var(--warning); }
.sev.info { color: var(--info); }
.sev svg { width: 12px; height: 12px; fill: currentColor; }
.rule { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem;
  background: var(--soft); padding: 1px 5px; border-radius: 3px; }
.message { margin: 4px 0 10px; font-weight: 600; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
  gap: 10px; list-style: none; padding: 0; margin: 0; }
.side { background: var(--soft); border-radius: 4px; padding: 8px 10px; }
.side .meta { font-size: .85rem; color: var(--muted); margin-bottom: 4px; }
.side .who { font-weight: 700; color: var(--ink); }
.side blockquote { margin: 0; }
mark { background: var(--mark); color: inherit; padding: 0 2px; border-radius: 2px;
  font-weight: 700; text-decoration: underline; text-decoration-thickness: 2px; }
.see { font-size: .85rem; margin: 8px 0 0; }
.subject { margin: 0 0 26px; }
.subject .counts { color: var(--muted); font-size: .9rem; margin: 0 0 6px; }
svg.timeline { width: 100%; max-width: 900px; height: auto; display: block;
  font: 11px system-ui, "DejaVu Sans", sans-serif; }
.timeline .frame { fill: none; stroke: #9a9ca3; }
.timeline .grid { stroke: #e6e7eb; }
.timeline .tick { fill: var(--muted); }
.timeline .axis { fill: var(--ink); font-weight: 700; }
.timeline .label { fill: var(--ink); }
.timeline .leader { stroke: #9a9ca3; stroke-width: 1; }
.timeline .shape.fact { fill: var(--fact); stroke: #fff; stroke-width: 1.5; }
.timeline .shape.target { fill: #fff; stroke: var(--target); stroke-width: 2;
  stroke-dasharray: 3 2; }
.timeline .interval { stroke: var(--fact); stroke-width: 2; fill: none; }
.timeline .ring { fill: none; stroke: var(--error); stroke-width: 2.5; }
.timeline .running { fill: none; stroke: var(--fact); stroke-width: 2; opacity: .7; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0;
  margin: 4px 0 8px; font-size: .85rem; color: var(--muted); }
.legend svg { width: 22px; height: 14px; vertical-align: -2px; margin-right: 4px; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: 6px 0 10px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { background: var(--soft); }
td.date { white-space: nowrap; }
details { margin: 4px 0 10px; }
summary { cursor: pointer; color: #0b4f9c; font-size: .9rem; }
summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr:target { background: var(--mark); }
tr.in-finding td:first-child::before { content: "! "; color: var(--error); font-weight: 700; }
.scroll { overflow-x: auto; }
td.shared { font-weight: 700; }
td.shared::after { content: " \\2021"; color: var(--error); }
.note { color: var(--muted); font-size: .88rem; }
footer { max-width: 1100px; margin: 30px auto; padding: 0 20px; color: var(--muted);
  font-size: .85rem; }
@media print {
  body { font-size: 10pt; }
  nav, .skip { display: none; }
  header, main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .finding, .subject, tr { break-inside: avoid; }
  .side { background: none; border: 1px solid #999; }
  mark { background: none; border: 1px solid #000; }
  th { background: none; }
  svg.timeline { max-width: 17cm; }
  summary { display: none; }
  details::details-content { content-visibility: visible; display: block; }
}
"""
