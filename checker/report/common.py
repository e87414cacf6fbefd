"""What every report format shares: the count line and which evidence is the "checked" side.

With `--against`, the engine knows which paths are being checked (the draft, the PR's folder)
and which are the archive. Formats that point at one place (a GitHub annotation, a SARIF
location) or draw a diff (`-` archive, `+` checked) ask these helpers, so they agree.
"""

from __future__ import annotations

from collections.abc import Collection

from checker.models import Evidence, Finding, Report, Severity


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def severity_counts(report: Report) -> dict[Severity, int]:
    """Findings per severity, counted from the findings shown (not the summary, which may
    count findings a baseline later removed)."""
    counts = dict.fromkeys(Severity, 0)
    for finding in report.findings:
        counts[finding.severity] += 1
    return counts


def count_line(report: Report) -> str:
    """ "2 findings (1 error, 1 warning, 0 info) in 5 articles (140 claims)." or, when there
    is nothing to report, "No findings in 5 articles (140 claims)." """
    where = (
        f"in {_plural(report.summary.articles, 'article')} "
        f"({_plural(report.summary.claims, 'claim')})."
    )
    if not report.findings:
        return f"No findings {where}"
    counts = severity_counts(report)
    by_severity = ", ".join(
        [
            _plural(counts[Severity.ERROR], "error"),
            _plural(counts[Severity.WARNING], "warning"),
            f"{counts[Severity.INFO]} info",
        ]
    )
    return f"{_plural(len(report.findings), 'finding')} ({by_severity}) {where}"


def posix_path(path: str) -> str:
    """The path with forward slashes and no leading "./", as reports print it."""
    text = path.replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    return text


def is_checked(evidence: Evidence, checked: Collection[str] | None) -> bool:
    """Whether `evidence` lies in the checked paths (a file among them, or under a folder)."""
    if not checked:
        return False
    path = posix_path(evidence.path)
    for item in checked:
        root = posix_path(item).rstrip("/")
        if path == root or path.startswith(root + "/"):
            return True
    return False


def checked_flags(finding: Finding, checked: Collection[str] | None) -> list[bool]:
    """For each piece of evidence, whether it is the checked (`+`) side.

    Without checked paths, the primary location (the article that disagrees) is the one under
    review and all the others are the record it is compared with; without one, the last piece
    (evidence is in order, earlier articles first).
    """
    count = len(finding.evidence)
    if checked:
        return [is_checked(e, checked) for e in finding.evidence]
    primary = finding.primary if finding.primary is not None else count - 1
    return [i == primary for i in range(count)]


def primary_evidence(finding: Finding, checked: Collection[str] | None) -> Evidence | None:
    """Where a one-place format points: the engine's primary location (the article that
    disagrees, see `checker.consolidate`) when it is checked; else the first checked evidence;
    else the first evidence."""
    evidence = finding.evidence
    if finding.primary is not None and 0 <= finding.primary < len(evidence):
        chosen = evidence[finding.primary]
        if not checked or is_checked(chosen, checked):
            return chosen
    for item in evidence:
        if is_checked(item, checked):
            return item
    return evidence[0] if evidence else None


def rule_counts(report: Report) -> list[tuple[str, int]]:
    """(rule id, findings) for every rule that made one, most findings first (`--statistics`)."""
    counts: dict[str, int] = {}
    for finding in report.findings:
        counts[finding.rule] = counts.get(finding.rule, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
