"""Baselines survive: path spelling, lines moving and edits to other words of the sentence."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.fingerprint import fingerprint, stable_path
from checker.models import Figure

A = (
    "---\ntitle: Floods\ndate: 2026-04-02\n---\n\n"
    "County Executive Dana Moro said 2,300 residents were evacuated in March.\n"
)
B = (
    "---\ntitle: After the floods\ndate: 2026-04-09\n---\n\n"
    "County Executive Dana Moro said 3,200 residents were evacuated in March.\n"
)
B_MOVED = (
    "---\ntitle: After the floods\ndate: 2026-04-09\n---\n\nA new first paragraph.\n\n"
    "County Executive Dana Moro said 3,200 residents were evacuated in March.\n"
)


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # the repository's root: fingerprints are relative to it
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(A, encoding="utf-8")
    (folder / "b.md").write_text(B, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path.parent / "cache"))
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


def fingerprints(*args: str) -> list[str]:
    _, out = run("check", *args, "-f", "json")
    return [f["fingerprint"] for f in json.loads(out)["findings"]]


def test_stable_path_ignores_the_spelling(newsroom: Path) -> None:
    spellings = ["articles/a.md", "./articles/a.md", str(newsroom / "articles" / "a.md")]
    assert {stable_path(s) for s in spellings} == {"articles/a.md"}


def test_baseline_matches_every_spelling_of_the_path(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [accepted] = fingerprints("articles")
    assert run("baseline", "articles", "-o", str(newsroom.parent / "base.json"))[0] == 0
    base = str(newsroom.parent / "base.json")
    assert fingerprints(str(newsroom / "articles")) == [accepted]
    assert run("check", str(newsroom / "articles"), "--baseline", base)[0] == 0
    monkeypatch.chdir(newsroom / "articles")
    assert fingerprints(".") == [accepted]
    assert run("check", ".", "--baseline", base)[0] == 0


def test_moved_lines_keep_the_fingerprint_a_new_figure_does_not(newsroom: Path) -> None:
    [accepted] = fingerprints("articles")
    (newsroom / "articles" / "b.md").write_text(B_MOVED, encoding="utf-8")
    assert fingerprints("articles") == [accepted]
    (newsroom / "articles" / "b.md").write_text(B.replace("3,200", "3,400"), encoding="utf-8")
    assert fingerprints("articles") != [accepted]


def _figure(value: float, text: str, path: str = "articles/b.md") -> Figure:
    return Figure(
        path=path,
        line=6,
        column=1,
        text=text,
        value=value,
        noun="resident",
        subject="residents evacuated",
        period_start=dt.date(2026, 3, 1),
        period_end=dt.date(2026, 3, 31),
        source="Dana Moro",
    )


def test_other_words_of_the_sentence_keep_the_fingerprint(newsroom: Path) -> None:
    before = _figure(3200, "County Executive Dana Moro said 3,200 residents were evacuated.")
    after = _figure(
        3200,
        "Dana Moro, the county executive, told reporters on Friday that 3,200 residents were "
        "evacuated, most of them by boat.",
        path=str(newsroom / "articles" / "b.md"),
    )
    other = _figure(3400, before.text.replace("3,200", "3,400"))
    assert fingerprint("figure-mismatch", "residents evacuated", [before]) == fingerprint(
        "figure-mismatch", "residents evacuated", [after]
    )
    assert fingerprint("figure-mismatch", "residents evacuated", [before]) != fingerprint(
        "figure-mismatch", "residents evacuated", [other]
    )
