"""`Report.subjects`: filled from the subject groups, optional in JSON, read back by
`checker report`, and the CLI's html format and report command."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.engine import CheckSettings, check_paths
from checker.group import SubjectGroup
from checker.models import Evidence, Figure, Finding, Modality, Qualifier, Report, Severity
from checker.report import json as json_report
from checker.report.saved import ReportFileError, read_report
from checker.report.subjects import subject_entry, subject_figures
from tests.report.sample import sample_report

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
EXAMPLE = FIXTURES / "example"
DRIFT = FIXTURES / "figure-mismatch" / "flag-monthly-killed"  # a case that must be flagged


def figure(path: str, line: int, value: float, **fields: object) -> Figure:
    given: dict[str, object] = {"noun": "resident", "subject": "residents evacuated", **fields}
    return Figure(path=path, line=line, column=1, text="t", value=value, **given)  # type: ignore[arg-type]


def group(label: str, *figures: Figure) -> SubjectGroup:
    return SubjectGroup(key=(label,), label=label, figures=figures)


def test_only_subjects_from_more_than_one_article_and_findings_marked_by_value() -> None:
    groups = [
        group("residents evacuated", figure("a.md", 3, 35000), figure("b.md", 5, 53000)),
        group("boats", figure("b.md", 5, 40, noun="boat")),
        group("bridges built", figure("c.md", 1, 7, noun="bridge"), figure("c.md", 2, 9)),
    ]
    finding = Finding(
        rule="figure-mismatch",
        severity=Severity.ERROR,
        message="m",
        evidence=(
            Evidence(path="a.md", line=3, text="t", value=35000),
            Evidence(path="b.md", line=5, text="t", value=53000),
        ),
    )
    (entry,) = subject_figures(groups, [finding])
    assert entry.subject == "residents evacuated" and entry.unit == "residents"
    assert [(p.path, p.value, p.finding) for p in entry.points] == [
        ("a.md", 35000, True),
        ("b.md", 53000, True),
    ]
    # A finding about the sentence (a title in it, no value) does not mark its figures.
    other = finding.model_copy(update={"evidence": (Evidence(path="a.md", line=3, text="t"),)})
    assert not any(p.finding for p in subject_figures(groups, [other])[0].points)
    assert subject_figures(groups, [finding], focus={"z.md"}) == []


def test_an_entry_keeps_what_the_timeline_draws() -> None:
    dated = figure(
        "a.md", 1, 768000, low=768000, high=900000, qualifier=Qualifier.AT_LEAST,
        modality=Modality.ESTIMATE, cumulative=True, as_of=dt.date(2024, 12, 1),
        period_start=dt.date(2022, 2, 24), source="Ministry", unit="kilometer ** 2", noun=None,
    )  # fmt: skip
    entry = subject_entry(group("area", dated, figure("b.md", 2, 1, unit="meter")), {})
    assert entry.unit == "kilometer²"
    point = entry.points[0]
    assert (point.low, point.high, point.qualifier, point.modality) == (
        768000,
        900000,
        Qualifier.AT_LEAST,
        Modality.ESTIMATE,
    )
    assert (point.cumulative, point.as_of, point.period_start, point.source) == (
        True, dt.date(2024, 12, 1), dt.date(2022, 2, 24), "Ministry"
    )  # fmt: skip


def test_json_leaves_subjects_out_unless_the_report_carries_them() -> None:
    report = sample_report()
    assert "subjects" not in json.loads(json_report.render(report))
    report.subjects = []
    assert json.loads(json_report.render(report))["subjects"] == []


def test_the_engine_fills_subjects_only_when_asked() -> None:
    plain = check_paths([DRIFT], settings=CheckSettings(jobs=1))
    assert plain.subjects is None
    full = check_paths([DRIFT], settings=CheckSettings(jobs=1, timelines=True))
    assert full.findings == plain.findings
    assert full.subjects is not None
    (mismatch,) = [f for f in full.findings if f.rule == "figure-mismatch"]
    cited = {(e.path, e.line, e.value) for e in mismatch.evidence}
    marked = {(p.path, p.line, p.value) for s in full.subjects for p in s.points if p.finding}
    assert cited <= marked
    assert all(len({p.path for p in s.points}) > 1 for s in full.subjects)


def test_saved_report_reads_back_and_bad_files_are_named(tmp_path: Path) -> None:
    report = sample_report()
    report.subjects = []
    saved = tmp_path / "r.json"
    saved.write_text(json_report.render(report), encoding="utf-8")
    assert read_report(saved) == report
    for text, reason in [
        ("{", "not JSON"),
        ('{"schema": "other/1"}', "not a checker report"),
        ('{"schema": "checker.report/1", "findings": [{"rule": 3}]}', "invalid report at findings"),
    ]:
        saved.write_text(text, encoding="utf-8")
        with pytest.raises(ReportFileError, match=reason):
            read_report(saved)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_html_and_report_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "out" / "report.html"
    code, _, _ = run("check", str(EXAMPLE), "--format", "html", "--output", str(page), "-j", "1")
    assert code == 1  # the example corpus has errors
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and 'class="pt"' in text
    saved = tmp_path / "report.json"
    run("check", str(EXAMPLE), "--format", "json", "--output", str(saved), "-j", "1")
    assert "subjects" in json.loads(saved.read_text(encoding="utf-8"))
    again = tmp_path / "again.html"
    assert run("report", str(saved), "--format", "html", "--output", str(again))[0] == 0
    assert again.read_text(encoding="utf-8") == text  # absolute paths: the same file: links
    code, out, _ = run("report", str(saved), "--format", "markdown")
    assert code == 0 and out.startswith("**checker**")
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    code, _, err = run("report", str(bad))
    assert code == 2 and "bad.json" in err and "Traceback" not in err
    assert run("report", str(saved), "--output", str(saved))[0] == 2  # never over its input


def test_report_of_an_old_json_without_subjects_still_renders(tmp_path: Path) -> None:
    saved = tmp_path / "old.json"
    saved.write_text(json_report.render(sample_report()), encoding="utf-8")
    code, out, _ = run("report", str(saved))
    assert code == 0 and "carries no figures to draw" in out
    assert isinstance(read_report(saved), Report)
