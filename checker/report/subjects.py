"""What a report carries about each subject's figures, for the HTML timelines.

`subject_figures` is the one place that turns a subject group into the report's entry: when the
subject of a figure comes from its frame (anchor, predicate, attribute) rather than today's
subject key, only `_label` and `_unit` here change; the HTML reads the entry, never the group.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from checker.group import SubjectGroup
from checker.models import Figure, Finding, SubjectFigures, SubjectPoint

__all__ = ["finding_marks", "same_value", "subject_entry", "subject_figures"]

# The values each (path, line) is cited with as evidence (None when the evidence gives no value);
# two figures can share a line: "40 boats and 300 firefighters".
Marks = dict[tuple[str, int], set[float | None]]


def finding_marks(findings: Iterable[Finding]) -> Marks:
    marks: Marks = {}
    for finding in findings:
        for evidence in finding.evidence:
            marks.setdefault((evidence.path, evidence.line), set()).add(evidence.value)
    return marks


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _marked(figure: Figure, marks: Marks) -> bool:
    """Whether the figure is evidence of a finding: its line and its value are cited (a finding
    about a title in the same sentence does not mark the sentence's figure)."""
    values = marks.get((figure.path, figure.line), ())
    return any(value is not None and same_value(value, figure.value) for value in values)


def _plural(noun: str) -> str:
    if noun.endswith("s"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def _unit(group: SubjectGroup) -> str | None:
    """What the values are in: a unit ("km²", "EUR") or the counted noun ("residents")."""
    for figure in group.figures:
        if figure.unit:
            return figure.unit.replace(" ** 2", "²").replace(" ** 3", "³").replace(" / ", "/")
    for figure in group.figures:
        if figure.noun:
            return _plural(figure.noun)
    return None


def _label(group: SubjectGroup) -> str:
    return group.label


def subject_entry(group: SubjectGroup, marks: Marks) -> SubjectFigures:
    """The report's entry for one subject group: its label, unit and every figure as a point."""
    points = tuple(
        SubjectPoint(
            path=figure.path,
            line=figure.line,
            value=figure.value,
            low=figure.low,
            high=figure.high,
            qualifier=figure.qualifier,
            modality=figure.modality,
            period_start=figure.period_start,
            period_end=figure.period_end,
            as_of=figure.as_of,
            source=figure.source,
            cumulative=figure.cumulative,
            finding=_marked(figure, marks),
        )
        for figure in group.figures
    )
    return SubjectFigures(subject=_label(group), unit=_unit(group), points=points)


def subject_figures(
    groups: Sequence[SubjectGroup],
    findings: Iterable[Finding],
    *,
    focus: Collection[str] | None = None,
) -> list[SubjectFigures]:
    """Entries for the subjects whose figures come from more than one article (with `focus`,
    only those with a figure in a focused path), in the groups' order."""
    marks = finding_marks(findings)
    entries: list[SubjectFigures] = []
    for group in groups:
        paths = {figure.path for figure in group.figures}
        if len(paths) < 2:
            continue
        if focus is not None and not paths.intersection(focus):
            continue
        entries.append(subject_entry(group, marks))
    return entries
