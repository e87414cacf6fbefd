"""The HTML report: one self-contained page to read findings and see each figure's history.

Findings first (errors on top), each with both sides' sentences and the disagreeing values
marked; then a timeline per subject stated in more than one article (`html_subjects`,
`html_chart`); then who said what (the sources table), the articles and the diagnostics.

The page loads nothing: styles and charts are inline, there is no script, and a Content
Security Policy forbids scripts, fetches and any outside resource, so even a mistake in escaping
could not run code or call out. All article text goes through `html.escape`; file links are
percent-encoded relative paths, so no scheme (`javascript:`) can come from a file name.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection, Sequence
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from checker.models import Evidence, Finding, Report, Severity
from checker.report.common import checked_flags, count_line, posix_path
from checker.report.escape import html_text
from checker.report.html_highlight import highlight
from checker.report.html_style import CSS
from checker.report.html_subjects import (
    MAX_SUBJECTS,
    sorted_subjects,
    sources_section,
    timeline_section,
)

__all__ = ["MAX_FINDINGS", "file_href", "relative_folder", "render"]

MAX_FINDINGS = 1000  # findings written out; the rest are counted (the JSON report has them all)

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "script-src 'none'; form-action 'none'; base-uri 'none'"
)

# A shape per severity, so that it is not told by colour alone.
_ICONS = {
    Severity.ERROR: '<path d="M2,2L10,10M10,2L2,10" stroke="currentColor" stroke-width="3"/>',
    Severity.WARNING: '<path d="M6,0L12,12H0Z"/>',
    Severity.INFO: '<circle cx="6" cy="6" r="5"/>',
}


def file_href(path: str, line: int, links_from: str | None = None) -> str:
    """A link to `path` at `line`: relative to the folder `links_from` (where the report is
    written; None: the working folder), percent-encoded so that it is never a URL scheme."""
    if os.path.isabs(path):
        return Path(path).as_uri() + f"#L{line}"
    target = path
    if links_from:
        target = os.path.relpath(path, links_from)
    text = posix_path(target.replace(os.sep, "/"))
    if not text.startswith("../"):
        text = "./" + text
    return quote(text, safe="/._-~") + f"#L{line}"


def _severity(severity: Severity) -> str:
    return (
        f'<span class="sev {severity.value}"><svg viewBox="0 0 12 12" aria-hidden="true">'
        f"{_ICONS[severity]}</svg>{severity.value}</span>"
    )


def _side(
    finding: Finding,
    evidence: Evidence,
    letter: str,
    role: str,
    published: dict[str, dt.date],
    links_from: str | None,
) -> str:
    where = f"{posix_path(evidence.path)}:{evidence.line}"
    href = file_href(evidence.path, evidence.line, links_from)
    meta = [f'<span class="who">{letter}</span>{role}']
    meta.append(f'<a href="{html_text(href)}">{html_text(where)}</a>')
    if evidence.source:
        meta.append(f"source: {html_text(evidence.source)}")
    else:
        meta.append("no source named")
    day = published.get(evidence.path)
    if day:
        meta.append(f"published {day.isoformat()}")
    if evidence.date == "cumulative":
        meta.append("running total")
    elif evidence.date:
        meta.append(f"refers to {html_text(evidence.date)}")
    return (
        f'<li class="side"><div class="meta">{" · ".join(meta)}</div>'
        f"<blockquote>{highlight(finding, evidence)}</blockquote></li>"
    )


def _finding(
    index: int,
    finding: Finding,
    checked: Collection[str] | None,
    published: dict[str, dt.date],
    links_from: str | None,
    timeline: tuple[str, str] | None,
) -> str:
    anchor = f"f{index + 1}"
    flags = checked_flags(finding, checked)
    sides = []
    for number, (evidence, flag) in enumerate(zip(finding.evidence, flags, strict=True)):
        letter = chr(ord("A") + number) if number < 26 else str(number + 1)
        role = ""
        if checked:
            role = " (checked)" if flag else " (archive)"
        sides.append(_side(finding, evidence, letter, role, published, links_from))
    see = ""
    if timeline is not None:
        see = (
            f'<p class="see">On the timeline of <a href="#{timeline[0]}">'
            f"{html_text(timeline[1])}</a></p>"
        )
    return (
        f'<article class="finding {finding.severity.value}" id="{anchor}" '
        f'aria-labelledby="{anchor}-h"><h3 id="{anchor}-h">{_severity(finding.severity)}'
        f'<span class="rule">{html_text(finding.rule)}</span> '
        f'<a href="#{anchor}" aria-label="link to finding {index + 1}">#{index + 1}</a></h3>'
        f'<p class="message">{html_text(finding.message)}</p>'
        '<ol class="sides">' + "\n".join(sides) + f"</ol>{see}</article>"
    )


def _findings_section(
    report: Report,
    checked: Collection[str] | None,
    published: dict[str, dt.date],
    links_from: str | None,
    timelines: dict[int, tuple[str, str]],
) -> str:
    parts = ['<section id="findings" aria-labelledby="findings-h">']
    parts.append(f'<h2 id="findings-h">Findings ({len(report.findings)})</h2>')
    if not report.findings:
        parts.append('<p class="note">No findings: the articles agree.</p>')
    for index, finding in enumerate(report.findings[:MAX_FINDINGS]):
        parts.append(_finding(index, finding, checked, published, links_from, timelines.get(index)))
    hidden = len(report.findings) - MAX_FINDINGS
    if hidden > 0:
        parts.append(f'<p class="note">{hidden} more findings not shown; see the JSON report.</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _articles_section(report: Report, links_from: str | None) -> str:
    rows = "\n".join(
        f'<tr><td><a href="{html_text(file_href(a.path, 1, links_from))}">'
        f"{html_text(posix_path(a.path))}</a></td>"
        f"<td>{a.date.isoformat() if a.date else 'unknown'}</td>"
        f"<td>{a.date_source.value}</td></tr>"
        for a in report.articles
    )
    return (
        '<section id="articles" aria-labelledby="articles-h">'
        f'<h2 id="articles-h">Articles ({len(report.articles)})</h2>'
        '<div class="scroll"><table><thead><tr><th>article</th><th>published</th>'
        f"<th>date from</th></tr></thead><tbody>{rows}</tbody></table></div></section>"
    )


def _diagnostics_section(report: Report) -> str:
    if not report.diagnostics:
        return ""
    items = "\n".join(
        f"<li>{html_text(posix_path(d.path))}: {html_text(d.message)}</li>"
        for d in report.diagnostics
    )
    return (
        '<section id="diagnostics" aria-labelledby="diagnostics-h">'
        f'<h2 id="diagnostics-h">Diagnostics ({len(report.diagnostics)})</h2>'
        f"<ul>{items}</ul></section>"
    )


def _nav(report: Report, subjects: int) -> str:
    links = [
        ("findings", f"Findings ({len(report.findings)})"),
        ("timelines", f"Timelines ({subjects})"),
        ("sources", "Sources"),
        ("articles", f"Articles ({len(report.articles)})"),
    ]
    if report.diagnostics:
        links.append(("diagnostics", f"Diagnostics ({len(report.diagnostics)})"))
    items = "".join(f'<li><a href="#{key}">{text}</a></li>' for key, text in links)
    return f'<nav aria-label="Sections"><ul>{items}</ul></nav>'


def _timeline_links(
    ordered: Sequence[tuple[object, list[int]]], labels: Sequence[str]
) -> dict[int, tuple[str, str]]:
    """For each finding index, the first subject chart that shows it: (anchor, subject)."""
    links: dict[int, tuple[str, str]] = {}
    for number, ((_, indexes), label) in enumerate(zip(ordered, labels, strict=True), start=1):
        for index in indexes:
            links.setdefault(index, (f"s{number}", label))
    return links


def render(
    report: Report,
    *,
    color: bool = False,
    checked: Collection[str] | None = None,
    links_from: str | None = None,
) -> str:
    """The report as one HTML page; `links_from`: the folder the page is written to, so that
    its links to articles are relative to it (None: the working folder)."""
    # Errors on top whoever wrote the report (the engine already sorts; a saved one may not).
    ordered_findings = sorted(report.findings, key=lambda f: -f.severity.rank)
    if ordered_findings != report.findings:
        report = report.model_copy(update={"findings": ordered_findings})
    published = {a.path: a.date for a in report.articles if a.date}
    subjects = report.subjects or []
    ordered = sorted_subjects(subjects, report.findings)
    drawn = ordered[:MAX_SUBJECTS]  # a finding links only to a chart that is on the page
    timelines = _timeline_links(drawn, [s.subject for s, _ in drawn])
    anchors = {i: f"f{i + 1}" for i in range(min(len(report.findings), MAX_FINDINGS))}

    def href(path: str, line: int) -> str:
        return file_href(path, line, links_from)

    if report.subjects is None:
        charts = (
            '<section id="timelines"><h2>Timelines</h2><p class="note">This report carries '
            "no figures to draw. Timelines need a report made with <code>--format html</code> "
            "or <code>--format json</code> by a version that records them.</p></section>"
            '<section id="sources"><h2>Sources</h2><p class="note">No figures to attribute.'
            "</p></section>"
        )
    else:
        charts = timeline_section(ordered, published, href, anchors) + sources_section(ordered)
    body = (
        '<a class="skip" href="#findings">Skip to the findings</a>'
        "\n<header><h1>Source-consistency report</h1>"
        f'<p class="summary">{html_text(count_line(report))}</p>'
        f"{_nav(report, len(subjects))}</header>"
        '\n<main id="main">\n'
        + _findings_section(report, checked, published, links_from, timelines)
        + "\n"
        + charts
        + "\n"
        + _articles_section(report, links_from)
        + "\n"
        + _diagnostics_section(report)
        + "</main>\n<footer>Written by checker. This page loads nothing from the network "
        "and runs no script.</footer>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        "<title>checker report</title>"
        f"<style>{CSS}</style></head><body>{body}</body></html>\n"
    )


def relative_folder(output: Path | None) -> str | None:
    """`links_from` for a report written to `output` (None: stdout, links from here)."""
    if output is None:
        return None
    return str(PurePosixPath(os.path.relpath(output.resolve().parent, Path.cwd())))
