"""`checker check`, `baseline` and `claims` end to end: exit codes, config, suppressions, output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DRIFT = FIXTURES / "figure-mismatch" / "flag-monthly-killed"


@pytest.fixture
def drift(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two articles whose December figures disagree, in a folder of their own."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a.md", "b.md"):
        shutil.copy(DRIFT / name, folder / name)
    monkeypatch.chdir(tmp_path)  # no stray checker.toml from the repository
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_exit_codes_follow_fail_on(drift: Path) -> None:
    assert run("check", str(drift))[0] == 1
    assert run("check", str(drift), "--fail-on", "never")[0] == 0
    assert run("check", str(drift / "a.md"))[0] == 0
    code, _, err = run("check", str(drift / "missing.md"))
    assert code == 2 and "missing.md" in err


def test_json_report_names_both_lines(drift: Path) -> None:
    code, out, _ = run("check", str(drift), "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["schema"] == "checker.report/1"
    [finding] = [f for f in report["findings"] if f["rule"] == "figure-mismatch"]
    assert {(Path(e["path"]).name, e["line"]) for e in finding["evidence"]} == {
        ("a.md", 6),
        ("b.md", 6),
    }


@pytest.mark.parametrize("fmt", ["table", "markdown", "github", "sarif"])
def test_every_format_mentions_the_rule(drift: Path, fmt: str) -> None:
    code, out, _ = run("check", str(drift), "--format", fmt)
    assert code == 1 and "figure-mismatch" in out


def test_output_is_written_outside_and_refused_inside(drift: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    code, out, _ = run("check", str(drift), "--format", "json", "--output", str(target))
    assert code == 1 and out == "" and json.loads(target.read_text())["findings"]
    code, _, err = run("check", str(drift), "--output", str(drift / "report.md"))
    assert code == 2 and "refusing" in err and not (drift / "report.md").exists()


def test_inline_suppression_on_the_line_above(drift: Path) -> None:
    article = drift / "b.md"
    lines = article.read_text().splitlines()
    lines.insert(5, "<!-- checker: ignore figure-mismatch -->")
    article.write_text("\n".join(lines) + "\n")
    assert run("check", str(drift))[0] == 0
    article.write_text(article.read_text().replace("figure-mismatch", "date-mismatch"))
    assert run("check", str(drift))[0] == 1


def test_baseline_accepts_findings_and_survives_edits(drift: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    code, _, _ = run("baseline", str(drift), "-o", str(baseline))
    assert code == 0 and json.loads(baseline.read_text())["findings"]
    assert run("check", str(drift), "--baseline", str(baseline))[0] == 0
    # Lines added above the claim move it, but its fingerprint stays.
    article = drift / "a.md"
    text = article.read_text().replace("---\n\n", "---\n\nA new first paragraph.\n\n", 1)
    article.write_text(text)
    assert run("check", str(drift), "--baseline", str(baseline))[0] == 0
    baseline.write_text("{not json")
    code, _, err = run("check", str(drift), "--baseline", str(baseline))
    assert code == 2 and "baseline.json" in err


def test_config_turns_rules_off_and_changes_severity(drift: Path, tmp_path: Path) -> None:
    config = tmp_path / "checker.toml"
    config.write_text('[rules.figure-mismatch]\nseverity = "warning"\n')
    code, out, _ = run("check", str(drift), "--format", "json")
    assert code == 0 and json.loads(out)["summary"]["warning"] >= 1
    config.write_text("[rules.figure-mismatch]\nenabled = false\n")
    assert run("check", str(drift))[0] == 0
    config.write_text('fail-on = "never"\n')
    assert run("check", str(drift))[0] == 0


def test_config_sets_the_article_size_limit(drift: Path, tmp_path: Path) -> None:
    (drift / "long.md").write_text(
        "The ferry sank in the harbour at dawn.\n\n" * 100, encoding="utf-8"
    )
    (tmp_path / "checker.toml").write_text("max-article-kb = 2\n")
    _, out, _ = run("check", str(drift), "--format", "json")
    report = json.loads(out)
    shown = "articles/long.md"  # paths are shown relative to the working folder
    assert shown not in {a["path"] for a in report["articles"]} and report["articles"]
    [message] = [d["message"] for d in report["diagnostics"] if d["path"] == shown]
    assert "over the 2 KB article limit" in message
    (tmp_path / "checker.toml").write_text("max-article-kb = 0\n")
    code, _, err = run("check", str(drift))
    assert code == 2 and "max-article-kb" in err


def test_config_in_pyproject(drift: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "news"\n\n[tool.checker.rules.figure-mismatch]\nenabled = false\n'
    )
    assert run("check", str(drift))[0] == 0


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[rules.no-such-rule]\nenabled = false\n", "rules.no-such-rule"),
        ("colour = true\n", "colour"),
        ("[rules.figure-mismatch]\ntolerance = 7\n", "tolerance"),
        ("[rules.figure-mismatch]\nwidth = 1\n", "width"),
        ('max-article-kb = "big"\n', "max-article-kb"),
        ("fail-on = [\n", "checker.toml"),
    ],
)
def test_bad_config_exits_2_naming_file_and_key(
    drift: Path, tmp_path: Path, text: str, named: str
) -> None:
    config = tmp_path / "checker.toml"
    config.write_text(text)
    code, _, err = run("check", str(drift), "--config", str(config))
    assert code == 2
    assert "checker.toml" in err and named in err and "Traceback" not in err


def test_facts_register_from_config(drift: Path, tmp_path: Path) -> None:
    (tmp_path / "facts.toml").write_text(
        '[[figures]]\nsubject = "Russian soldiers killed in December 2025"\n'
        'value = 35000\nas_of = 2026-01-15\nsource = "Ministry of Defence"\n'
    )
    (tmp_path / "checker.toml").write_text('facts = "facts.toml"\n')
    code, out, _ = run("check", str(drift / "b.md"), "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert any("facts.toml" in e["path"] for f in report["findings"] for e in f["evidence"])


def test_claims_jsonl_has_the_spec_fields(drift: Path) -> None:
    code, out, _ = run("claims", str(drift), "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows
    assert {"kind", "path", "line", "column", "value", "unit", "subject", "source"} <= set(rows[0])
    assert any(r["kind"] == "figure" and r["value"] == 53000 for r in rows)
