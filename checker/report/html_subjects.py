"""The HTML report's timelines (one chart and table per subject) and its sources table.

Everything here reads `Report.subjects` (see `checker.report.subjects` for how a subject group
becomes an entry) and the findings; article text is escaped where it is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from checker.models import Finding, Qualifier, SubjectFigures, SubjectPoint
from checker.report.escape import html_text
from checker.report.html_chart import (
    MAX_POINTS,
    article_name,
    format_value,
    layout,
    period_text,
    point_day,
    svg,
)
from checker.report.subjects import same_value

__all__ = [
    "MAX_SUBJECTS",
    "evidence_index",
    "findings_of",
    "sorted_subjects",
    "sources_section",
    "timeline_section",
    "value_text",
]

MAX_SUBJECTS = 60  # charts drawn; the rest are counted
MAX_SOURCES = 14  # columns of the sources table

Href = Callable[[str, int], str]


def value_text(point: SubjectPoint) -> str:
    """The figure as a reader would say it: "35,000", "over 200,000", "18 to 30"."""
    value = format_value(point.value)
    if point.low is not None and point.high is not None and point.low != point.high:
        return f"{format_value(point.low)} to {format_value(point.high)}"
    prefix = {
        Qualifier.APPROX: "about ",
        Qualifier.AT_LEAST: "at least ",
        Qualifier.AT_MOST: "up to ",
    }.get(point.qualifier, "")
    return prefix + value


EvidenceIndex = dict[tuple[str, int], list[tuple[int, float]]]


def evidence_index(findings: Sequence[Finding]) -> EvidenceIndex:
    """(path, line) -> (finding index, value) for every piece of evidence that gives a value."""
    index: EvidenceIndex = {}
    for number, finding in enumerate(findings):
        for evidence in finding.evidence:
            if evidence.value is not None:
                index.setdefault((evidence.path, evidence.line), []).append(
                    (number, evidence.value)
                )
    return index


def findings_of(subject: SubjectFigures, index: EvidenceIndex) -> list[int]:
    """Indexes (0-based, sorted) of the findings whose evidence is a marked point of
    `subject`: the same line and the same value."""
    found: set[int] = set()
    for point in subject.points:
        if point.finding:
            for number, value in index.get((point.path, point.line), ()):
                if same_value(value, point.value):
                    found.add(number)
    return sorted(found)


def sorted_subjects(
    subjects: Sequence[SubjectFigures], findings: Sequence[Finding]
) -> list[tuple[SubjectFigures, list[int]]]:
    """Subjects with their findings, most findings first, then by name."""
    index = evidence_index(findings)
    paired = [(s, findings_of(s, index)) for s in subjects]
    return sorted(paired, key=lambda item: (-len(item[1]), item[0].subject.lower()))


_LEGEND = (
    '<ul class="legend" aria-label="How to read the charts">'
    '<li><svg viewBox="0 0 22 14" aria-hidden="true"><circle cx="11" cy="7" r="5" '
    'fill="#2b5c8a"/></svg>fact or estimate</li>'
    '<li><svg viewBox="0 0 22 14" aria-hidden="true"><path d="M11,1L17,7L11,13L5,7Z" '
    'fill="#fff" stroke="#7a4e9c" stroke-width="2" stroke-dasharray="3 2"/></svg>'
    "target or forecast (not a fact)</li>"
    '<li><svg viewBox="0 0 22 14" aria-hidden="true"><path d="M11,1V13M7,1H15M7,13H15" '
    'stroke="#2b5c8a" stroke-width="2"/></svg>range or hedge</li>'
    '<li><svg viewBox="0 0 22 14" aria-hidden="true"><circle cx="11" cy="7" r="5.5" '
    'fill="none" stroke="#b3261e" stroke-width="2"/></svg>ring and "!": part of a finding</li>'
    '<li><svg viewBox="0 0 22 14" aria-hidden="true"><path d="M1,12L21,2" stroke="#2b5c8a" '
    'stroke-width="2"/></svg>running total</li></ul>'
)


def _points_table(
    subject: SubjectFigures,
    anchor: str,
    published: Mapping[str, dt.date],
    href: Href,
) -> str:
    rows = []
    for number, point in enumerate(subject.points[:MAX_POINTS], start=1):
        day = point_day(point, published)
        kind = point.modality.value + (", running total" if point.cumulative else "")
        classes = ' class="in-finding"' if point.finding else ""
        where = f"{point.path}:{point.line}"
        rows.append(
            f'<tr id="{anchor}-p{number}"{classes}><td class="num">{number}</td>'
            f'<td class="num">{html_text(value_text(point))}</td>'
            f'<td class="date">{day.isoformat() if day else "undated (not drawn)"}</td>'
            f"<td>{html_text(period_text(point))}</td><td>{html_text(kind)}</td>"
            f"<td>{html_text(point.source or 'no source')}</td>"
            f'<td><a href="{html_text(href(point.path, point.line))}">{html_text(where)}</a></td>'
            f"<td>{'yes' if point.finding else ''}</td></tr>"
        )
    hidden = len(subject.points) - len(rows)
    if hidden > 0:
        rows.append(f'<tr><td colspan="8">{hidden} more figures not shown.</td></tr>')
    return (
        f"<details><summary>The {len(subject.points)} figures of this chart</summary>"
        '<div class="scroll"><table><thead><tr><th>#</th><th>value</th><th>as of</th>'
        "<th>period</th><th>kind</th><th>source</th><th>article</th><th>finding</th></tr>"
        "</thead><tbody>" + "\n".join(rows) + "</tbody></table></div></details>"
    )


def timeline_section(
    ordered: Sequence[tuple[SubjectFigures, list[int]]],
    published: Mapping[str, dt.date],
    href: Href,
    anchors: Mapping[int, str],
) -> str:
    """One chart, its legend and its table per subject, in the given order."""
    parts = ['<section id="timelines" aria-labelledby="timelines-h">']
    parts.append('<h2 id="timelines-h">Timelines</h2>')
    if not ordered:
        parts.append('<p class="note">No subject has figures from more than one article.</p>')
    else:
        parts.append(
            '<p class="note">Each subject stated in more than one article: its figures over the '
            "date they are valid at (as-of), with the source and article of each. Subjects "
            "with the most findings come first.</p>" + _LEGEND
        )
    for index, (subject, finding_indexes) in enumerate(ordered[:MAX_SUBJECTS], start=1):
        anchor = f"s{index}"
        unit = ""
        if subject.unit and subject.unit.lower() not in subject.subject.lower().split():
            unit = f" ({html_text(subject.unit)})"
        links = ", ".join(
            f'<a href="#{anchors[i]}">finding {i + 1}</a>' for i in finding_indexes if i in anchors
        )
        articles = len({p.path for p in subject.points})
        counts = f"{len(subject.points)} figures from {articles} articles; " + (
            f"{len(finding_indexes)} finding(s): {links}" if finding_indexes else "no finding"
        )
        parts.append(
            f'<article class="subject" id="{anchor}" aria-labelledby="{anchor}-h">'
            f'<h3 id="{anchor}-h">{html_text(subject.subject)}{unit}</h3>'
            f'<p class="counts">{counts}</p>'
            + svg(layout(subject, published), anchor)
            + _points_table(subject, anchor, published, href)
            + "</article>"
        )
    hidden = len(ordered) - MAX_SUBJECTS
    if hidden > 0:
        parts.append(f'<p class="note">{hidden} more subjects not drawn; see the JSON report.</p>')
    parts.append("</section>")
    return "\n".join(parts)


def sources_section(ordered: Sequence[tuple[SubjectFigures, list[int]]]) -> str:
    """Who said what: subjects by sources, each cell the values credited; a value credited to
    two or more sources within one subject is marked (bold and ‡) and listed under the table."""
    counts: dict[str, int] = {}
    for subject, _ in ordered:
        for point in subject.points:
            name = point.source or "no source"
            counts[name] = counts.get(name, 0) + 1
    sources = sorted(counts, key=lambda s: (-counts[s], s.lower()))[:MAX_SOURCES]
    parts = ['<section id="sources" aria-labelledby="sources-h">']
    parts.append('<h2 id="sources-h">Sources</h2>')
    if not ordered:
        parts.append('<p class="note">No figures to attribute.</p></section>')
        return "\n".join(parts)
    header = "".join(f'<th scope="col">{html_text(s)}</th>' for s in sources)
    rows: list[str] = []
    shared_notes: list[str] = []
    for index, (subject, _) in enumerate(ordered[:MAX_SUBJECTS], start=1):
        by_value: dict[str, dict[str, list[SubjectPoint]]] = {}
        for point in subject.points:
            by_value.setdefault(value_text(point), {}).setdefault(
                point.source or "no source", []
            ).append(point)
        shared = {
            value
            for value, who in by_value.items()
            if len([s for s in who if s != "no source"]) > 1
        }
        for value in sorted(shared):
            credited = "; ".join(
                f"{html_text(source)} ({', '.join(article_name(p.path) for p in points)})"
                for source, points in by_value[value].items()
            )
            shared_notes.append(
                f'<li><a href="#s{index}">{html_text(subject.subject)}</a>: '
                f"{html_text(value)} credited to {html_text(credited)}</li>"
            )
        cells = []
        for source in sources:
            values = [v for v, who in by_value.items() if source in who]
            marked = any(v in shared for v in values)
            text = ", ".join(html_text(v) for v in values)
            cls = ' class="shared"' if marked else ""
            cells.append(f"<td{cls}>{text}</td>")
        rows.append(
            f'<tr><th scope="row"><a href="#s{index}">{html_text(subject.subject)}</a></th>'
            + "".join(cells)
            + "</tr>"
        )
    parts.append(
        '<div class="scroll"><table><thead><tr><th scope="col">subject</th>'
        + header
        + "</tr></thead><tbody>"
        + "\n".join(rows)
        + "</tbody></table></div>"
    )
    if shared_notes:
        parts.append(
            '<h3 id="shared-h">Figures credited to more than one source (‡)</h3>'
            f'<ul aria-labelledby="shared-h">{"".join(shared_notes)}</ul>'
        )
    else:
        parts.append('<p class="note">No figure is credited to more than one source.</p>')
    if len(counts) > MAX_SOURCES:
        parts.append(
            f'<p class="note">{len(counts) - MAX_SOURCES} less frequent sources not shown.</p>'
        )
    parts.append("</section>")
    return "\n".join(parts)
