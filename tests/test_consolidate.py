"""One finding per root cause, pointing at the article that disagrees."""

from __future__ import annotations

import datetime as dt

from checker.consolidate import consolidate, primary_index
from checker.models import Evidence, Finding, Report, Severity
from checker.report import github

DATES = {
    "a.md": dt.date(2026, 3, 1),
    "b.md": dt.date(2026, 3, 5),
    "c.md": dt.date(2026, 3, 9),
    "d.md": dt.date(2026, 3, 12),
}


def piece(path: str, line: int = 1, value: float | None = None) -> Evidence:
    return Evidence(path=path, line=line, text=f"text of {path}", value=value)


def finding(rule: str, *evidence: Evidence, subject: str = "s") -> Finding:
    return Finding(
        rule=rule,
        severity=Severity.ERROR,
        message=f"{rule} " + " vs ".join(e.path for e in evidence),
        subject=subject,
        fingerprint=rule + "".join(e.path for e in evidence),
        evidence=evidence,
    )


def test_the_checked_article_comes_first() -> None:
    one = finding("figure-mismatch", piece("a.md", value=1), piece("b.md", value=2))
    assert primary_index(one, DATES, focus={"a.md"}) == 0


def test_the_side_that_differs_from_the_majority() -> None:
    one = finding(
        "figure-mismatch",
        piece("a.md", value=35),
        piece("b.md", value=53),
        piece("c.md", value=35),
    )
    assert primary_index(one, DATES) == 1


def test_else_the_later_article() -> None:
    one = finding("figure-mismatch", piece("c.md", value=1), piece("a.md", value=2))
    assert primary_index(one, DATES) == 0


def test_a_register_line_is_never_the_primary_location() -> None:
    one = finding("title-mismatch", piece("../facts.toml", 3), piece("a.md", 7))
    [located] = consolidate([one], DATES)
    assert located.evidence[located.primary or 0].path == "a.md"
    assert github.render(Report(findings=[located])).startswith("::error file=a.md,line=7")


def test_one_wrong_former_is_one_finding_at_that_article() -> None:
    odd = piece("c.md", 12)
    pairs = [
        finding("title-mismatch", piece("a.md", 4), odd),
        finding("title-mismatch", piece("b.md", 4), odd),
        finding("title-mismatch", odd, piece("d.md", 2)),
    ]
    [merged] = consolidate(pairs, DATES)
    assert len(merged.evidence) == 4
    assert merged.evidence[merged.primary or 0] == odd
    assert merged.message.endswith("; it also disagrees with b.md:4, d.md:2")


def test_a_changed_figure_is_not_also_a_repeated_passage() -> None:
    figure = finding("figure-mismatch", piece("a.md", 6, 35), piece("b.md", 6, 53))
    copy = finding("repeated-passage", piece("a.md", 6), piece("b.md", 6))
    elsewhere = finding("repeated-passage", piece("a.md", 9), piece("b.md", 9))
    kept = consolidate([figure, copy, elsewhere], DATES)
    assert [f.rule for f in kept] == ["figure-mismatch", "repeated-passage"]
    assert kept[1].evidence[0].line == 9
