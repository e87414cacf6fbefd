"""Baselines survive: path spelling, lines moving and edits to other words of the sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.fingerprint import stable_path

A = (
    "---\ntitle: Floods\ndate: 2026-04-02\n---\n\n"
    "County Executive Dana Moro said 2,300 residents were evacuated in March.\n"
)
B = (
    "---\ntitle: After the floods\ndate: 2026-04-09\n---\n\n"
    "County Executive Dana Moro said 3,200 residents were evacuated in March.\n"
)
B_EDITED = (
    "---\ntitle: After the floods\ndate: 2026-04-09\n---\n\nA new first paragraph.\n\n"
    "County Executive Dana Moro told reporters on Friday that 3,200 residents were evacuated in "
    "March, most of them by boat.\n"
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


def test_edits_elsewhere_in_the_sentence_keep_the_fingerprint(newsroom: Path) -> None:
    [accepted] = fingerprints("articles")
    (newsroom / "articles" / "b.md").write_text(B_EDITED, encoding="utf-8")
    assert fingerprints("articles") == [accepted]
    (newsroom / "articles" / "b.md").write_text(B.replace("3,200", "3,400"), encoding="utf-8")
    assert fingerprints("articles") != [accepted]
