from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.sentences import split_sentences
from checker.load import ARTICLE_SUFFIXES, load, parse_article, walk
from checker.models import Article, DateSource, Diagnostic

STORY = "The relief fund reached 4,100 families by March.\nIt plans to reach 6,000.\n"


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _one(tmp_path: Path, name: str, content: str | bytes) -> tuple[Article | None, list[str]]:
    path = _write(tmp_path, name, content)
    result = load([path])
    assert len(result.articles) <= 1
    messages = [d.message for d in result.diagnostics]
    assert all(d.path == str(path) for d in result.diagnostics)
    return (result.articles[0] if result.articles else None), messages


# --- formats ---------------------------------------------------------------------------------


def test_yaml_front_matter_gives_metadata_and_shifts_lines(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Relief update\ndate: 2026-03-04\noutlet: Valley Post\n"
        "author: [A. Novak, B. Kral]\nurl: https://example.org/a\n---\n" + STORY
    )
    article, messages = _one(tmp_path, "a.md", text)
    assert article is not None and messages == []
    assert (article.title, article.outlet, article.url) == (
        "Relief update",
        "Valley Post",
        "https://example.org/a",
    )
    assert article.author == "A. Novak, B. Kral"
    assert article.date == dt.date(2026, 3, 4) and article.date_source is DateSource.METADATA
    assert article.body.startswith("The relief fund")
    assert article.line_numbers[:2] == (8, 9)
    [first, _] = split_sentences(article.body, article.line_numbers)
    assert first.line == 8


def test_toml_front_matter(tmp_path: Path) -> None:
    text = '+++\ntitle = "Relief"\ndate = 2026-03-04\n+++\n' + STORY
    article, messages = _one(tmp_path, "a.markdown", text)
    assert article is not None and messages == []
    assert article.title == "Relief" and article.date == dt.date(2026, 3, 4)
    assert article.line_numbers[0] == 5


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('"2026-02-20"', dt.date(2026, 2, 20)),
        ('"February 20, 2026"', dt.date(2026, 2, 20)),
        ("2026-02-20T08:30:00Z", dt.date(2026, 2, 20)),
        ('"20 Feb 2026"', dt.date(2026, 2, 20)),
    ],
)
def test_metadata_date_forms(tmp_path: Path, value: str, expected: dt.date) -> None:
    article, _ = _one(tmp_path, "a.md", f"---\ndate: {value}\n---\n{STORY}")
    assert article is not None and article.date == expected
    assert article.date_source is DateSource.METADATA


def test_txt_is_plain_text(tmp_path: Path) -> None:
    article, _ = _one(tmp_path, "a.txt", "---\ntitle: x\n---\n" + STORY)
    assert article is not None and article.title is None
    assert article.body.startswith("---") and article.line_numbers[0] == 1


def test_html_visible_text_with_source_lines(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Flood desk</title>\n"
        '<meta property="article:published_time" content="2026-03-04T09:00:00Z">\n'
        "<style>p { color: red }</style></head>\n"
        "<body><script>var note = 'The hidden figure is 999.';</script>\n"
        "<h1>Relief &amp; repair</h1>\n"
        "<p>The fund reached <b>4,100</b> families\n"
        "by March. Officials said\n"
        "More boats arrived on Monday.</p>\n"
        "<noscript>Turn on scripts</noscript><template><p>Hidden 12</p></template>\n"
        "</body></html>\n"
    )
    article, messages = _one(tmp_path, "page.html", page)
    assert article is not None and messages == []
    assert article.title == "Flood desk"
    assert article.date == dt.date(2026, 3, 4) and article.date_source is DateSource.METADATA
    for hidden in ("999", "color", "Turn on", "Hidden 12", "Flood desk"):
        assert hidden not in article.body
    sentences = split_sentences(article.body, article.line_numbers)
    located = {s.text: s.line for s in sentences}
    assert located["Relief & repair"] == 5
    assert located["The fund reached 4,100 families by March."] == 6
    # a sentence that starts a source line after a sentence end keeps that line
    assert located["Officials said More boats arrived on Monday."] == 7


def test_deeply_nested_html_does_not_crash(tmp_path: Path) -> None:
    page = "<div>" * 50_000 + "<p>The dam held.</p>" + "</div>" * 50_000
    article, messages = _one(tmp_path, "deep.htm", page)
    assert article is not None and messages == []
    assert article.body == "The dam held."


def test_unclosed_head_does_not_hide_the_body(tmp_path: Path) -> None:
    article, _ = _one(tmp_path, "a.html", "<html><head><title>T</title><body><p>The dam held.</p>")
    assert article is not None and article.body == "The dam held."


def test_crlf_line_endings(tmp_path: Path) -> None:
    article, _ = _one(tmp_path, "a.md", b"---\r\ntitle: T\r\n---\r\nOne line.\r\nTwo line.\r\n")
    assert article is not None and article.title == "T"
    assert article.body == "One line.\nTwo line.\n" and article.line_numbers[:2] == (4, 5)


def test_sha256_is_of_the_raw_bytes(tmp_path: Path) -> None:
    raw = codecs.BOM_UTF8 + STORY.encode()
    article, _ = _one(tmp_path, "a.txt", raw)
    assert article is not None and article.sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = "---\ntitle: Über\n---\n" + STORY
    raw = text.encode(encoding)
    if encoding == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    article, messages = _one(tmp_path, "a.md", raw)
    assert messages == []
    assert article is not None and article.title == "Über"
    assert article.body == STORY


# --- publication date ------------------------------------------------------------------------


def test_date_inferred_from_latest_complete_date(tmp_path: Path) -> None:
    body = (
        "Boats on the river at Ostrava on March 2, 2026. Illustrative image.\n"
        "The levee broke on February 27, 2026, and again on March 1.\n"
        "A similar flood hit in May 2010.\n"
    )
    article, _ = _one(tmp_path, "a.txt", body)
    assert article is not None
    assert article.date == dt.date(2026, 3, 2) and article.date_source is DateSource.INFERRED


def test_dateline_wins_over_later_dates(tmp_path: Path) -> None:
    body = "OSTRAVA, March 3, 2026 (Valley Post) - The talks are set for April 9, 2026.\n"
    article, _ = _one(tmp_path, "a.txt", body)
    assert article is not None and article.date == dt.date(2026, 3, 3)


def test_date_unknown_without_a_complete_date(tmp_path: Path) -> None:
    article, _ = _one(tmp_path, "a.txt", "The levee broke on March 1. It was 2026.\n")
    assert article is not None
    assert article.date is None and article.date_source is DateSource.UNKNOWN


def test_front_matter_date_that_is_not_a_date(tmp_path: Path) -> None:
    text = "---\ntitle: T\ndate: next week\n---\nBoats arrived on March 2, 2026.\n"
    article, messages = _one(tmp_path, "a.md", text)
    assert article is not None and article.title == "T"
    [message] = messages
    assert "'date'" in message and "next week" in message
    assert article.date == dt.date(2026, 3, 2) and article.date_source is DateSource.INFERRED


def test_impossible_yaml_date_is_a_diagnostic(tmp_path: Path) -> None:
    article, messages = _one(tmp_path, "a.md", "---\ndate: 2026-02-30\n---\n" + STORY)
    assert article is not None and article.date_source is DateSource.UNKNOWN
    assert len(messages) == 1 and "front matter" in messages[0]


# --- bad input -------------------------------------------------------------------------------


def test_malformed_yaml_keeps_the_body(tmp_path: Path) -> None:
    text = "---\ntitle: T\nauthor: [unclosed\noutlet: X\n---\n" + STORY
    article, messages = _one(tmp_path, "a.md", text)
    assert article is not None and article.title is None
    assert article.body == STORY and article.line_numbers[0] == 6
    [message] = messages
    assert "YAML" in message and "line 4" in message


def test_malformed_toml_names_the_file_line(tmp_path: Path) -> None:
    article, messages = _one(tmp_path, "a.md", '+++\ntitle = "T"\nbad line\n+++\n' + STORY)
    assert article is not None and article.title is None
    [message] = messages
    assert "TOML" in message and "line 3" in message
    _, [message] = _one(tmp_path, "b.md", '+++\ntitle = "T"\ndate =\n+++\n' + STORY)
    assert "line 4" in message


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    article, messages = _one(tmp_path, "a.md", "---\ntitle: a\n- b\n---\n" + STORY)
    assert article is not None and article.body == STORY
    assert len(messages) == 1 and "YAML" in messages[0]
    article, messages = _one(tmp_path, "b.md", "---\ntitle:\n  - a\n---\n" + STORY)
    assert article is not None and article.title == "a" and messages == []


def test_rules_around_prose_are_not_front_matter(tmp_path: Path) -> None:
    text = "---\nThe levee broke: 300 homes flooded.\n---\n" + STORY
    article, messages = _one(tmp_path, "a.md", text)
    assert article is not None and messages == []
    assert article.body == text and article.line_numbers[0] == 1
    texts = [s.text for s in split_sentences(article.body, article.line_numbers)]
    assert texts[0] == "The levee broke: 300 homes flooded."


def test_binary_file(tmp_path: Path) -> None:
    article, messages = _one(tmp_path, "a.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert article is None and messages == ["binary file skipped"]


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    article, messages = _one(tmp_path, "a.txt", b"Good line.\nBad \xff byte.\n")
    assert article is None
    [message] = messages
    assert "UTF-8" in message and "byte offset 15" in message and "line 2" in message


@pytest.mark.parametrize("content", [b"", b"  \n\t\n", codecs.BOM_UTF8 + b"\n"])
def test_empty_files(tmp_path: Path, content: bytes) -> None:
    article, messages = _one(tmp_path, "a.md", content)
    assert article is None and messages == ["empty file skipped"]


def test_front_matter_only(tmp_path: Path) -> None:
    article, messages = _one(tmp_path, "a.md", "---\ntitle: T\n---\n\n")
    assert article is None and len(messages) == 1 and "no article text" in messages[0]


def test_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", "word " * 300)
    result = load([path], max_article_kb=1)
    assert result.articles == []
    [diagnostic] = result.diagnostics
    assert diagnostic.path == str(path)
    assert diagnostic.message == (
        "skipped: 1.5 KB is over the 1 KB article limit (max-article-kb in the config)"
    )
    assert load([path]).articles  # the default limit is 200 KB


def test_the_size_limit_of_a_page_is_on_its_text(tmp_path: Path) -> None:
    markup = "<div class='advert'></div>" * 100
    page = _write(tmp_path, "page.html", f"<html><body>{markup}<p>The ferry sank.</p></body>")
    assert page.stat().st_size > 1024
    assert load([page], max_article_kb=1).articles
    wordy = _write(tmp_path, "wordy.html", f"<p>{'word ' * 300}</p>")
    [diagnostic] = load([wordy], max_article_kb=1).diagnostics
    assert "of text is over the 1 KB article limit" in diagnostic.message


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "locked.md", STORY)

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    result = load([path])
    assert result.articles == []
    assert [d.message for d in result.diagnostics] == ["cannot read: permission denied"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    result = load([tmp_path])
    assert result.articles == []
    assert [d.message for d in result.diagnostics] == ["skipped: not a regular file"]


def test_missing_path(tmp_path: Path) -> None:
    result = load([tmp_path / "nowhere.md"])
    assert result.articles == []
    [diagnostic] = result.diagnostics
    assert diagnostic.path.endswith("nowhere.md") and "no such file" in diagnostic.message


@pytest.mark.parametrize(
    "content",
    [
        b"\xfe\xff\x00",
        b"---\n",
        b"+++\n+++\n",
        b"<html",
        b"<!",
        b"---\n&a [*a]\n---\nx",
        b"\xef\xbb",
    ],
)
@pytest.mark.parametrize("suffix", sorted(ARTICLE_SUFFIXES))
def test_garbage_never_raises(tmp_path: Path, content: bytes, suffix: str) -> None:
    article, diagnostics = parse_article(content, f"x{suffix}")
    assert article is not None or diagnostics


# --- folders ---------------------------------------------------------------------------------


def test_folders_are_walked_sorted_and_filtered(tmp_path: Path) -> None:
    _write(tmp_path, "b.md", STORY)
    _write(tmp_path, "a/z.txt", STORY)
    _write(tmp_path, "a/y.html", "<p>The dam held.</p>")
    _write(tmp_path, "c.pdf", b"%PDF-1.4")
    _write(tmp_path, ".git/x.md", STORY)
    _write(tmp_path, ".hidden.md", STORY)
    _write(tmp_path, "drafts/d.md", STORY)
    result = load([tmp_path], excludes=["drafts/*"])
    names = [Path(a.path).relative_to(tmp_path).as_posix() for a in result.articles]
    assert names == ["a/y.html", "a/z.txt", "b.md"]
    [diagnostic] = result.diagnostics
    assert diagnostic.path == str(tmp_path)
    assert diagnostic.message == "skipped 1 file that is not an article (1 .pdf)"


def test_files_of_a_folder_that_are_not_articles_make_one_diagnostic(tmp_path: Path) -> None:
    _write(tmp_path, "a.md", STORY)
    for name in ("photo.jpg", "map.jpg", "LICENSE", "data.csv"):
        _write(tmp_path, f"img/{name}", b"x")
    [diagnostic] = load([tmp_path]).diagnostics
    assert diagnostic.message == (
        "skipped 4 files that are not articles (1 .csv, 2 .jpg, 1 no extension)"
    )
    [named] = load([tmp_path / "img" / "map.jpg"]).diagnostics
    assert named.message == "skipped: not an article file (.jpg)"


def test_a_file_named_twice_loads_once(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.md", STORY)
    result = load([tmp_path, path])
    assert len(result.articles) == 1


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_symlink_loops_end(tmp_path: Path) -> None:
    _write(tmp_path, "news/a.md", STORY)
    (tmp_path / "news" / "again").symlink_to(tmp_path / "news", target_is_directory=True)
    result = load([tmp_path])
    assert [Path(a.path).name for a in result.articles] == ["a.md"]
    assert any("link loop" in d.message for d in result.diagnostics)


def test_loading_writes_nothing(tmp_path: Path) -> None:
    _write(tmp_path, "a.md", "---\ntitle: [\n---\n" + STORY)
    _write(tmp_path, "b.bin.txt", b"\x00\x01")
    before = sorted((p, p.stat().st_mtime_ns) for p in tmp_path.rglob("*"))
    load([tmp_path])
    assert sorted((p, p.stat().st_mtime_ns) for p in tmp_path.rglob("*")) == before


# --- the seed corpus -------------------------------------------------------------------------


def test_seed_articles_load_with_metadata(seeds_dated: Path) -> None:
    result = load([seeds_dated])
    assert result.diagnostics == []
    assert len(result.articles) == 5
    assert all(a.date_source is DateSource.METADATA for a in result.articles)
    first = result.articles[0]
    assert first.outlet == "UNITED24 Media" and first.date == dt.date(2026, 2, 20)
    assert first.line_numbers[0] == 6


def test_raw_seed_date_is_inferred_from_the_caption(seeds_raw: Path) -> None:
    result = load([seeds_raw])
    by_name = {Path(a.path).name[:3]: a for a in result.articles}
    assert by_name["002"].date == dt.date(2026, 1, 19)
    assert by_name["002"].date_source is DateSource.INFERRED


# --- the example corpus ----------------------------------------------------------------------

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "example"


def test_example_articles_load_cleanly() -> None:
    result = load([EXAMPLE])
    assert result.diagnostics == []
    assert 6 <= len(result.articles) <= 8
    for article in result.articles:
        assert article.title and article.outlet
        assert article.date_source is DateSource.METADATA
        assert split_sentences(article.body, article.line_numbers)


def test_example_problem_list_points_at_real_lines() -> None:
    import re

    listing = (EXAMPLE.parent / "example-problems.md").read_text(encoding="utf-8")
    references = re.findall(r"`([\w-]+\.md)` line (\d+)", listing)
    assert len(references) >= 8
    for name, line in references:
        text = (EXAMPLE / name).read_text(encoding="utf-8").split("\n")[int(line) - 1]
        # a sentence of the article, not a blank line, a heading or front matter
        assert text.strip() and not text.startswith(("#", "---")) and ":" not in text[:8]


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=300), suffix=st.sampled_from(sorted(ARTICLE_SUFFIXES)))
def test_any_bytes_give_an_article_or_a_diagnostic(data: bytes, suffix: str) -> None:
    article, diagnostics = parse_article(data, f"x{suffix}")
    assert article is not None or diagnostics
    if article is not None:
        assert article.body.strip()
        assert len(article.line_numbers) == article.body.count("\n") + 1


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet="<>/!-pa =\"'\n&;#x", max_size=200))
def test_any_markup_gives_an_article_or_a_diagnostic(text: str) -> None:
    article, diagnostics = parse_article(text.encode(), "x.html")
    assert article is not None or diagnostics
    if article is not None:
        assert len(article.line_numbers) == article.body.count("\n") + 1


def _tree_with_links(root: Path) -> None:
    """Articles, hidden and non-article files, a link to a file and to a folder, a dangling
    link, a link loop and an excluded file."""
    (root / "a").mkdir(parents=True)
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a" / "one.md").write_text("One ferry carried 130 cars.\n", encoding="utf-8")
    (root / "a" / "two.txt").write_text("Two ferries carried 40 cars.\n", encoding="utf-8")
    (root / "b" / "deep" / "three.html").write_text("<p>Three.</p>", encoding="utf-8")
    (root / "b" / "skip.draft.md").write_text("Excluded.\n", encoding="utf-8")
    (root / "b" / "photo.jpg").write_bytes(b"\xff\xd8")
    (root / ".hidden.md").write_text("Hidden.\n", encoding="utf-8")
    (root / "c-link.md").symlink_to(root / "a" / "one.md")
    (root / "d-folder").symlink_to(root / "b", target_is_directory=True)
    (root / "e-dangling.md").symlink_to(root / "nowhere.md")
    (root / "b" / "deep" / "loop").symlink_to(root / "b", target_is_directory=True)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
@pytest.mark.parametrize("shown", ["absolute", "relative", "dot"])
def test_walk_meets_what_load_reads_with_real_paths_and_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: str
) -> None:
    archive = tmp_path / "archive"
    _tree_with_links(archive)
    root: Path = {
        "absolute": archive,
        "relative": Path("archive"),
        "dot": Path("."),
    }[shown]
    monkeypatch.chdir(archive if shown == "dot" else tmp_path)
    excludes = ["*.draft.md"]
    walked_notes: list[Diagnostic] = []
    walked = list(walk(root, excludes=excludes, diagnostics=walked_notes))
    loaded = load([root], excludes=excludes, note_skipped=False)
    assert [file.path for file in walked] == [article.path for article in loaded.articles]
    assert len(walked) == 3  # the linked file once, the linked folder's files once
    for file in walked:
        assert file.identity == os.path.realpath(file.path)
        # the load reads the files after the walk, so their access times may have moved on
        status = os.stat(file.path)
        assert (file.status.st_size, file.status.st_mtime_ns, file.status.st_ino) == (
            status.st_size,
            status.st_mtime_ns,
            status.st_ino,
        )
    assert walked_notes == loaded.diagnostics
    assert any(note.message == "broken link" for note in walked_notes)
    assert any("link loop" in note.message for note in walked_notes)
