from __future__ import annotations

from pathlib import Path

import pytest

from checker.extract.sentences import clean_line, split_sentences
from checker.load import load
from checker.models import Sentence

# Furniture seen in the seed articles; none of it may come out as a sentence.
FURNITURE = (
    "category",
    "latest news",
    "min read",
    "authors",
    "donate now",
    "see all",
    "top of page",
    "bottom of page",
    ".jpeg)",
    ".png)",
    "photo:",
    "we bring you stories",
    "your support keeps",
    "every article pushes back",
    "support united24",
    "your donation powers",
    "we tell the war as it is",
    "illustrative image",
)


def _lines(body: str) -> list[Sentence]:
    return split_sentences(body, tuple(range(1, body.count("\n") + 2)))


def _texts(body: str) -> list[str]:
    return [s.text for s in _lines(body)]


def _seed_sentences(folder: Path) -> list[tuple[Path, Sentence]]:
    loaded = load([folder])
    assert len(loaded.articles) == 5
    return [
        (Path(article.path), sentence)
        for article in loaded.articles
        for sentence in split_sentences(article.body, article.line_numbers)
    ]


@pytest.mark.parametrize("kind", ["seeds_dated", "seeds_raw"])
def test_no_seed_sentence_is_furniture(kind: str, request: pytest.FixtureRequest) -> None:
    found = _seed_sentences(request.getfixturevalue(kind))
    assert len(found) > 80
    for _path, sentence in found:
        folded = sentence.text.lower()
        assert not any(word in folded for word in FURNITURE), sentence.text


@pytest.mark.parametrize("kind", ["seeds_dated", "seeds_raw"])
def test_every_seed_sentence_sits_at_its_line_and_column(
    kind: str, request: pytest.FixtureRequest
) -> None:
    for path, sentence in _seed_sentences(request.getfixturevalue(kind)):
        line = path.read_text(encoding="utf-8").split("\n")[sentence.line - 1]
        head = sentence.text[:40]
        assert line[sentence.column - 1 :].startswith(head), (path.name, sentence)


def test_the_december_figure_keeps_its_place(seeds_dated: Path) -> None:
    hits = [
        (path, s) for path, s in _seed_sentences(seeds_dated) if "35,000 Russian soldiers" in s.text
    ]
    assert {path.name[:3] for path, _ in hits} == {"000", "002"}
    for path, sentence in hits:
        lines = path.read_text(encoding="utf-8").split("\n")
        expected = next(i for i, line in enumerate(lines, 1) if "35,000 Russian soldiers" in line)
        assert (sentence.line, sentence.column) == (expected, 1)
        assert sentence.text.endswith("in December.")


def test_sentences_after_the_first_on_a_line_get_their_column(seeds_dated: Path) -> None:
    [(path, sentence)] = [
        (p, s) for p, s in _seed_sentences(seeds_dated) if s.text.startswith("The U.S. State")
    ]
    line = path.read_text(encoding="utf-8").split("\n")[sentence.line - 1]
    assert sentence.column == line.index("The U.S. State") + 1 > 1


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. State Department put the toll at 200,000 in its latest review.",
        "Reservists were first called up in Sept. 2022 across the country.",
        "Mr. Smith, a spokesman, confirmed the figure to reporters.",
        "The drill ran from 9 a.m. Monday to noon, said Gen. Petrov of the district staff.",
        "Analysts such as J. K. Moreau disagree with that estimate.",
        "Eda Lorn (b. 1950) is a poet, and Tomas Brell (b. 1901, d. 1977) a composer.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(text: str) -> None:
    assert _texts(text) == [text]


def test_sentence_ends_are_still_found() -> None:
    assert _texts("The army grew. It shrank later! Why? 2025 was worse.") == [
        "The army grew.",
        "It shrank later!",
        "Why?",
        "2025 was worse.",
    ]


def test_a_letter_that_ends_a_sentence_still_ends_it() -> None:
    assert _texts("He chose plan b. 1950 was a hard year.") == [
        "He chose plan b.",
        "1950 was a hard year.",
    ]


def test_a_lowercase_start_after_a_plain_word_is_a_new_sentence() -> None:
    # A copy that lost the outlet's name: "... and training. reports that ..."
    body = "Drills were chaotic, with complaints about training. reports that 400,000 are due."
    assert _texts(body) == [
        "Drills were chaotic, with complaints about training.",
        "reports that 400,000 are due.",
    ]


def test_hard_wrapped_lines_join_and_keep_the_first_line() -> None:
    body = "The ministry said that 12,000 people\nwere moved to shelters. Aid followed.\n"
    sentences = _lines(body)
    assert [s.text for s in sentences] == [
        "The ministry said that 12,000 people were moved to shelters.",
        "Aid followed.",
    ]
    assert (sentences[0].line, sentences[0].column) == (1, 1)
    assert (sentences[1].line, sentences[1].column) == (2, 25)


@pytest.mark.parametrize(
    ("body", "joined"),
    [
        ("Three clubs (Ashford, Brill and\nDunmore) went down.\n", True),  # an "and" waits
        ("The vote went to Ashford,\nBrill and Dunmore.\n", True),  # so does a comma
        ("The mayor spoke with the head of\nNorthern Rail.\n", True),
        ("Storm damage across the valley\nPolice closed the road.\n", False),  # a title line
        ("Flood warnings\nThe river rose.\n", False),
    ],
)
def test_a_line_that_stops_mid_phrase_runs_on_into_a_capital(body: str, joined: bool) -> None:
    assert (len(_lines(body)) == 1) is joined


def test_headings_and_list_items_stand_alone() -> None:
    body = "## Relief totals\nThe fund grew.\n- first item here\n- second item here\n"
    sentences = _lines(body)
    assert [s.text for s in sentences] == [
        "Relief totals",
        "The fund grew.",
        "first item here",
        "second item here",
    ]
    assert [(s.line, s.column) for s in sentences] == [(1, 4), (2, 1), (3, 3), (4, 3)]


def test_markdown_links_and_emphasis_keep_columns() -> None:
    line = "See [the **report**](https://example.org/a) for more. The toll rose to *4,100* people."
    [first, second] = _lines(line)
    assert first.text == "See the report for more."
    assert second.text == "The toll rose to 4,100 people."
    assert second.column == line.index("The toll") + 1


def test_images_code_rules_and_comments_are_not_text() -> None:
    body = "\n".join(
        [
            "![a flooded street](img/street.jpg)",
            "---",
            "```",
            "The code block says 99 people.",
            "```",
            "[1]: https://example.org/source",
            "<!-- editor: check this --> The river rose by 3 meters.",
            "photo_2026.jpeg",
        ]
    )
    sentences = _lines(body)
    assert [s.text for s in sentences] == ["The river rose by 3 meters."]
    assert (sentences[0].line, sentences[0].column) == (7, 29)


@pytest.mark.parametrize(
    "furniture",
    [
        "2 min read",
        "DONATE NOW",
        "- Category",
        "See all",
        "Authors",
        "top of page",
        "-72b63a4e0c8c475ad81fe3eed3f63729.jpeg)",
        "Photo: Some Agency via Wire Images",
        "Support Example Media Team",
        "Your donation powers reporting from the front.",
    ],
)
def test_furniture_lines_are_dropped(furniture: str) -> None:
    assert _texts(f"The dam held.\n{furniture}\nThe water fell.") == [
        "The dam held.",
        "The water fell.",
    ]


def test_credits_inside_a_caption_line_are_dropped() -> None:
    line = "Volunteers fill sandbags in Ostrava on May 3, 2026. Illustrative image. (Photo: Wire)"
    assert _texts(line) == ["Volunteers fill sandbags in Ostrava on May 3, 2026."]


def test_a_caption_printed_twice_yields_one_sentence() -> None:
    body = "Boats on the river on May 3, 2026.\nBoats on the river on May 3, 2026.\n"
    assert _texts(body) == ["Boats on the river on May 3, 2026."]


def test_clean_line_reports_dropped_prefix() -> None:
    assert clean_line("  - **Bold** start") == ("Bold start", 6)


def test_sentence_indexes_and_paragraphs_count_up() -> None:
    sentences = _lines("One grew. Two fell.\n\nThree rose.")
    assert [s.index for s in sentences] == [0, 1, 2]
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_an_overlong_run_is_cut_at_spaces_with_true_columns() -> None:
    from checker.extract.sentences import MAX_SENTENCE

    line = " ".join(f"{n}%" for n in range(2000))
    sentences = split_sentences(line, (1,))
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    for sentence in sentences:
        start = sentence.column - 1
        assert line[start : start + len(sentence.text)] == sentence.text
