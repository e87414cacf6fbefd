"""`checker check` as an editor meets it: --version, help, --date, no silent pass, --quiet,
--statistics, --output, concise lines."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app, version

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DRIFT = FIXTURES / "figure-mismatch" / "flag-monthly-killed"
UNDATED = (
    "---\ntitle: Flood update\n---\n\nCrews evacuated 4,000 residents in March, the county said.\n"
)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a.md", "b.md"):
        shutil.copy(DRIFT / name, folder / name)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "undated.md").write_text(UNDATED, encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "80"})
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out == f"checker {version()}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", version())


@pytest.mark.parametrize("command", ["check", "claims", "diff", "baseline", "rules"])
def test_every_option_has_help(command: str) -> None:
    from typer.main import get_command

    click_command = get_command(app).commands[command]  # type: ignore[attr-defined]
    for parameter in click_command.params:
        if parameter.param_type_name == "option":
            assert parameter.help, f"{command} {parameter.opts} has no help"


@pytest.mark.parametrize("command", ["check", "claims", "diff", "baseline", "rules"])
def test_help_keeps_every_bracketed_word(command: str) -> None:
    """Rich reads "[vocabulary]" as a markup tag and prints nothing unless it is escaped."""
    from typer.main import get_command

    click_command = get_command(app).commands[command]  # type: ignore[attr-defined]
    out = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"}).stdout
    shown = " ".join(out.replace("│", " ").split()).replace(" ", "")
    for parameter in click_command.params:
        for word in re.findall(r"\\?(\[[a-z.]+\])", parameter.help or ""):
            assert word in shown, f"{command} {parameter.opts}: {word} is not shown"


def test_help_shows_the_dask_extra() -> None:
    out = CliRunner().invoke(app, ["check", "--help"], env={"COLUMNS": "200"}).stdout
    assert "[dask]" in " ".join(out.replace("│", " ").split()).replace(" ", "")


@pytest.mark.parametrize("fmt", ["table", "concise", "json", "markdown", "github", "sarif"])
def test_undated_draft_is_warned_about_in_every_format(here: Path, fmt: str) -> None:
    code, out, _ = run("check", "drafts/undated.md", "--format", fmt)
    assert code == 0
    assert "publication date unknown" in " ".join(out.split())
    assert "--date" in out


def test_date_option_sets_the_publication_date(here: Path) -> None:
    code, out, _ = run("check", "drafts/undated.md", "--date", "2026-04-02", "-f", "json")
    assert code == 0 and "publication date unknown" not in out
    assert '"date": "2026-04-02"' in out
    code, _, err = run("check", "drafts/undated.md", "--date", "April 2")
    assert code == 2 and "YYYY-MM-DD" in err


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("empty.md", lambda p: p.write_text("")),
        ("notes.docx", lambda p: p.write_text("words")),
        ("nothing", lambda p: p.mkdir()),
    ],
)
def test_nothing_checked_is_exit_2_with_a_diagnostic(here: Path, name: str, make: object) -> None:
    make(here / name)  # type: ignore[operator]
    code, out, err = run("check", name)
    assert code == 2
    assert name in out and "no article was checked" in err


def test_concise_lines(here: Path) -> None:
    code, out, _ = run("check", "articles", "-f", "concise")
    lines = out.splitlines()
    assert code == 1
    assert re.match(r"^articles/[ab]\.md:\d+:\d+: error figure-mismatch ", lines[0]), out
    assert lines[-1].startswith("1 finding")


def test_quiet_prints_findings_only(here: Path) -> None:
    _, out, _ = run("check", "articles", "--quiet")
    assert out.startswith("error figure-mismatch") and "finding" not in out.splitlines()[-1]
    _, out, err = run("check", "drafts", "--quiet")
    assert out == "" and err == ""


def test_statistics_counts_per_rule(here: Path) -> None:
    _, out, _ = run("check", "articles", "--statistics", "-q", "-f", "concise")
    assert out.splitlines()[-1].split() == ["1", "figure-mismatch"]


def test_output_still_prints_the_summary(here: Path, tmp_path: Path) -> None:
    code, out, err = run("check", "articles", "--output", str(tmp_path / "out" / "r.txt"))
    assert code == 1 and out == ""
    assert "1 finding (1 error" in err and "r.txt" in err


def test_table_fits_the_terminal(here: Path) -> None:
    _, out, _ = run("check", "articles")
    assert all(len(line) <= 80 for line in out.splitlines() if " " in line.strip())


def test_paths_are_relative_to_the_working_folder(here: Path) -> None:
    _, out, _ = run("check", str(here / "articles"), "-f", "concise")
    assert str(here) not in out and out.startswith("articles/")


def test_verbose_names_the_config(here: Path) -> None:
    (here / "checker.toml").write_text("fail_on = 'never'\n")
    code, _, err = run("check", "articles", "--verbose")
    assert code == 0 and "checker.toml" in err


def test_json_report_names_the_config(here: Path) -> None:
    import json

    (here / "checker.toml").write_text("fail_on = 'never'\n")
    report = json.loads(run("check", "articles", "-f", "json")[1])
    assert report["config"].endswith("checker.toml")
    (here / "checker.toml").unlink()
    assert "config" not in json.loads(run("check", "articles", "-f", "json")[1])


def test_a_suppression_naming_an_unknown_rule_is_a_warning(here: Path) -> None:
    draft = here / "drafts" / "typo.md"
    draft.write_text(
        "---\ntitle: t\ndate: 2026-03-02\n---\n\n<!-- checker: ignore figure-mismatchh -->\n"
        "The levee held.\n"
    )
    code, out, _ = run("check", str(draft), "-f", "concise")
    assert code == 0
    assert "drafts/typo.md: line 6: warning: `checker: ignore figure-mismatchh`" in out


def test_vocabulary_adds_titles_of_the_users_own(here: Path) -> None:
    draft = here / "drafts" / "port.md"
    draft.write_text(
        "---\ntitle: t\ndate: 2026-03-02\n---\n\nWharfinger Ada Lund said the quay reopened.\n"
    )
    _, out, _ = run("claims", str(draft), "-f", "jsonl")
    assert '"title": "Wharfinger"' not in out
    (here / "checker.toml").write_text('[vocabulary]\ntitles = ["wharfinger"]\n')
    try:
        _, out, _ = run("claims", str(draft), "-f", "jsonl")
    finally:
        from checker.data import set_overlay

        set_overlay({})
    assert '"title": "Wharfinger"' in out


def test_vocabulary_with_a_bad_pattern_is_a_config_error(here: Path) -> None:
    (here / "checker.toml").write_text('[vocabulary]\nboilerplate = ["(unclosed"]\n')
    code, _, err = run("check", "articles")
    assert code == 2 and "checker.toml" in err and "vocabulary.boilerplate" in err


def test_claims_and_baseline_of_nothing_exit_2(here: Path) -> None:
    (here / "nothing").mkdir()
    assert run("claims", "nothing")[0] == 2
    code, _, err = run("baseline", "nothing", "-o", str(here.parent / "b.json"))
    assert code == 2 and "no baseline was written" in err
    assert not (here.parent / "b.json").exists()
