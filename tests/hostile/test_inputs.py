"""Hostile files beside good ones: each becomes a diagnostic naming it and why; the rest is checked.

Every case writes one bad file into a folder that also holds two good, disagreeing articles,
runs `checker check FOLDER --format json` and asserts: exit 0 (with --fail-on never), no
traceback, a diagnostic for the bad file with the reason, and the good pair still flagged.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.conftest import assert_clean, assert_good_still_checked, check_json, run_cli

CLAIM_LINE = "The storm destroyed 310 bridges in the region in April 2024, the council said.\n"


def _utf16_le(text: str) -> bytes:
    return b"\xff\xfe" + text.encode("utf-16-le")


# name -> (file name, bytes, a piece of the expected diagnostic, whether the body is still read)
CASES: dict[str, tuple[str, bytes, str, bool]] = {
    "binary with nul bytes": ("photo.md", bytes(range(256)) * 40, "binary", False),
    "binary without nul bytes": ("blob.txt", bytes(range(128, 256)) * 40, "invalid UTF-8", False),
    "latin-1": ("cafe.md", "Le café a fermé 12 jours.\n".encode("latin-1"), "invalid UTF-8", False),
    "cp1252 quotes": ("quotes.txt", b"\x93Hello\x94 said 4 people.\n", "invalid UTF-8", False),
    "utf-16 odd byte count": ("half.md", b"\xff\xfeA\x00B", "invalid UTF-16", False),
    "empty": ("empty.md", b"", "empty", False),
    "whitespace only": ("blank.md", b"  \n\n\t\r\n   \n", "empty", False),
    "front matter only": ("meta.md", b"---\ntitle: Nothing\n---\n\n", "no article text", False),
    "malformed yaml": (
        "bad-yaml.md",
        b"---\ntitle: [never closed\ndate: 2024-05-01\n---\n\n" + CLAIM_LINE.encode(),
        "malformed YAML front matter at line 3",
        True,
    ),
    "malformed toml": (
        "bad-toml.md",
        b'+++\ntitle = "no end\n+++\n\n' + CLAIM_LINE.encode(),
        "malformed TOML front matter",
        True,
    ),
    "yaml date that is words": (
        "words-date.md",
        b"---\ntitle: Fine\ndate: the week after next\n---\n\n" + CLAIM_LINE.encode(),
        "'date' is not a date",
        True,
    ),
    "yaml impossible date": (
        "feb-30.md",
        b"---\ndate: 2024-02-30\n---\n\n" + CLAIM_LINE.encode(),
        "malformed YAML front matter",
        True,
    ),
    "toml date that is a number": (
        "num-date.md",
        b"+++\ndate = 12\n+++\n\n" + CLAIM_LINE.encode(),
        "'date' is not a date",
        True,
    ),
    "yaml python tag is not executed": (
        "tag.md",
        b'---\ntitle: !!python/object/apply:os.system ["exit 3"]\n---\n\n' + CLAIM_LINE.encode(),
        "could not determine a constructor",
        True,
    ),
    # libyaml recurses in C: without a depth bound this input kills the interpreter outright.
    "yaml nested 100,000 deep": (
        "deep-yaml.md",
        b"---\ntitle: " + b"[" * 100_000 + b"]" * 100_000 + b"\n---\n\n" + CLAIM_LINE.encode(),
        "nested deeper than",
        True,
    ),
    "yaml block sequences 100,000 deep": (
        "deep-block.md",
        b"---\ntitle:\n" + b"- " * 100_000 + b"x\n---\n\n" + CLAIM_LINE.encode(),
        "nested deeper than",
        True,
    ),
    "toml nested 100,000 deep": (
        "deep-toml.md",
        b"+++\ntitle = " + b"[" * 100_000 + b"]" * 100_000 + b"\n+++\n\n" + CLAIM_LINE.encode(),
        "nested deeper than",
        True,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES), ids=str)
def test_bad_file_is_a_diagnostic_and_the_rest_is_checked(folder: Path, case: str) -> None:
    name, data, reason, body_read = CASES[case]
    bad = folder / name
    bad.write_bytes(data)
    run = check_json(folder)
    assert_clean(run, codes=(0,))
    messages = run.diagnostics_for(bad)
    assert any(reason in m for m in messages), messages
    assert (str(bad) in run.article_paths) is body_read
    assert_good_still_checked(run, folder)


def test_yaml_alias_bomb_is_harmless(folder: Path) -> None:
    # Nine levels of nine-fold aliases: a billion strings if anything expanded them to text.
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    text = "---\n" + "\n".join(lines) + "\ntitle: *a8\n---\n\n" + CLAIM_LINE
    bad = folder / "bomb.md"
    bad.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    run = check_json(folder)
    assert time.perf_counter() - started < 10
    assert_clean(run, codes=(0,))
    assert str(bad) in run.article_paths
    assert_good_still_checked(run, folder)


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"\xef\xbb\xbf", "utf-8")],
)
def test_byte_order_marks_are_read(folder: Path, bom: bytes, encoding: str) -> None:
    file = folder / "bom.md"
    file.write_bytes(bom + ("---\ndate: 2024-05-05\n---\n\n" + CLAIM_LINE).encode(encoding))
    run = check_json(folder)
    assert_clean(run, codes=(0,))
    assert run.diagnostics_for(file) == []
    assert str(file) in run.article_paths
    dated = {a["path"]: a["date"] for a in run.report["articles"]}
    assert dated[str(file)] == "2024-05-05"  # the front matter was found behind the mark
    assert_good_still_checked(run, folder)


def test_symlink_loop_ends_with_a_diagnostic(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    (folder / "self").symlink_to(folder / "self")  # a link to itself: cannot be resolved
    run = check_json(folder)
    assert_clean(run, codes=(0,))
    assert any("link loop" in m for m in run.diagnostics_for(folder / "sub" / "back"))
    assert run.diagnostics_for(folder / "self")
    assert_good_still_checked(run, folder)


def test_dangling_link_with_an_article_name(folder: Path) -> None:
    (folder / "gone.md").symlink_to(folder / "never-written.md")
    run = check_json(folder)
    assert_clean(run, codes=(0,))
    assert run.diagnostics_for(folder / "gone.md") == ["broken link"]
    assert_good_still_checked(run, folder)


def test_named_pipe_is_not_read(folder: Path) -> None:
    # Opening a FIFO blocks until a writer comes: the loader must not even try.
    os.mkfifo(folder / "pipe.md")
    run = check_json(folder)
    assert_clean(run, codes=(0,))
    assert any("not a regular file" in m for m in run.diagnostics_for(folder / "pipe.md"))
    assert_good_still_checked(run, folder)


def _deny(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """Make `target` unreadable even for root (which ignores file modes)."""
    real_open: Callable[..., object] = Path.open

    def guarded(self: Path, *args: object, **kwargs: object) -> object:
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)


def test_unreadable_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = folder / "secret.md"
    bad.write_text(CLAIM_LINE, encoding="utf-8")
    bad.chmod(0)
    if os.geteuid() == 0:
        _deny(monkeypatch, bad)
    try:
        run = check_json(folder)
    finally:
        bad.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert_clean(run, codes=(0,))
    assert run.diagnostics_for(bad) == ["cannot read: permission denied"]
    assert_good_still_checked(run, folder)


def test_unreadable_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = folder / "locked"
    locked.mkdir()
    (locked / "inside.md").write_text(CLAIM_LINE, encoding="utf-8")
    real_scandir = os.scandir

    def guarded(path: object) -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", guarded)
    run = check_json(folder)
    assert_clean(run, codes=(0,))
    assert run.diagnostics_for(locked) == ["cannot read: permission denied"]
    assert_good_still_checked(run, folder)


def test_html_nested_50000_deep(folder: Path) -> None:
    page = folder / "nest.html"
    depth = 50_000
    page.write_text(
        "<html><body>" + "<div><span>" * depth + CLAIM_LINE + "</span></div>" * depth,
        encoding="utf-8",
    )
    started = time.perf_counter()
    run = check_json(folder)
    assert time.perf_counter() - started < 20
    assert_clean(run, codes=(0,))
    assert str(page) in run.article_paths
    assert run.report["summary"]["claims"] >= 3  # the page's own figure was read
    assert_good_still_checked(run, folder)


def test_html_unclosed_tags_and_comments(folder: Path) -> None:
    page = folder / "broken.html"
    page.write_text(
        "<p>" + CLAIM_LINE + "<script>never closed <!-- <div <<<>>> &#99999999; &bogus;",
        encoding="utf-8",
    )
    run = check_json(folder)
    assert_clean(run, codes=(0,))
    assert str(page) in run.article_paths
    assert_good_still_checked(run, folder)


def _allowing(folder: Path, kilobytes: int) -> tuple[str, ...]:
    """Command-line arguments for a config that raises the article size limit."""
    config = folder.parent / "checker.toml"
    config.write_text(f"max-article-kb = {kilobytes}\n", encoding="utf-8")
    return ("--config", str(config))


def test_one_megabyte_single_line(folder: Path) -> None:
    line = ("The river rose past the old stone walls where people walk at dusk, " * 16_000)[
        : 1024 * 1024
    ]
    file = folder / "line.txt"
    file.write_text(line, encoding="utf-8")
    started = time.perf_counter()
    run = check_json(folder, extra=_allowing(folder, 2048))
    elapsed = time.perf_counter() - started
    assert_clean(run, codes=(0,))
    assert str(file) in run.article_paths
    assert elapsed < 15, f"1 MB on one line took {elapsed:.1f} s"
    assert_good_still_checked(run, folder)


@pytest.mark.big
def test_twenty_megabyte_article(folder: Path) -> None:
    # Prose without figures: the point is size (memory, line maps, sentence splitting), and a
    # figure-dense 20 MB file would measure extraction speed instead (see bench/adversarial.py).
    paragraph = (
        "The river runs past the old stone walls where people walk at dusk and talk about the "
        "weather. Nobody in the town remembers a quieter spring than this one.\n\n"
    )
    file = folder / "huge.md"
    file.write_text(paragraph * (20 * 1024 * 1024 // len(paragraph) + 1), encoding="utf-8")
    assert file.stat().st_size >= 20 * 1024 * 1024
    run = check_json(folder, extra=_allowing(folder, 25 * 1024))
    assert_clean(run, codes=(0,))
    assert str(file) in run.article_paths
    assert_good_still_checked(run, folder)


def test_article_over_the_default_limit_is_skipped_and_named(folder: Path) -> None:
    paragraph = "The river runs past the old stone walls where people walk at dusk.\n\n"
    file = folder / "long.md"
    file.write_text(paragraph * (300 * 1024 // len(paragraph)), encoding="utf-8")
    run = check_json(folder)
    assert_clean(run, codes=(0,))
    assert str(file) not in run.article_paths
    [message] = run.diagnostics_for(file)
    assert "over the 200 KB article limit" in message and "max-article-kb" in message
    assert_good_still_checked(run, folder)


def test_file_names_that_look_like_options_or_markup(folder: Path) -> None:
    odd = folder / "--format=table <b>@here.md"
    odd.write_text(CLAIM_LINE, encoding="utf-8")
    run = check_json(folder)
    assert_clean(run, codes=(0,))
    assert str(odd) in run.article_paths
    assert_good_still_checked(run, folder)


def test_file_over_the_size_limit_is_not_read(folder: Path) -> None:
    huge = folder / "dump.txt"
    with huge.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: costs no disk, and is never read
    run = check_json(folder)
    assert_clean(run, codes=(0,))
    assert any("60 MB is over the 200 KB article limit" in m for m in run.diagnostics_for(huge))
    assert_good_still_checked(run, folder)


def test_terminal_escapes_in_text_are_blanked_not_read(folder: Path) -> None:
    # "\x1b[2J" would read as "2 J" (two joules) and "\x1b]0;" as a zero.
    noisy = folder / "noisy.md"
    noisy.write_text(
        "\x1b]0;title\x07\x1b[2J\x1b[31mThe flood closed 37 schools in April 2024.\x1b[0m\x08\n",
        encoding="utf-8",
    )
    run = run_cli("claims", noisy, "--format", "jsonl")
    assert_clean(run, codes=(0,))
    claims = [json.loads(line) for line in run.stdout.splitlines()]
    figures = [c for c in claims if c["kind"] == "figure"]
    assert [f["value"] for f in figures] == [37]
    assert all(f["unit"] is None for f in figures)
    assert "\x1b" not in run.stdout and "\\u001b" not in run.stdout
    # Blanked, not removed: the sentence still starts at the column it has in the file.
    assert figures[0]["column"] == len("\x1b]0;title\x07\x1b[2J\x1b[31m") + 1
