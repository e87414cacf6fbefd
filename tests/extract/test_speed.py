"""Extraction stays fast: linear on hostile input, and the rewritten helpers read exactly as the
regular expressions they replace (so that speed changed no claim)."""

from __future__ import annotations

import random
import re
import time

import pytest

from checker.extract import extract
from checker.extract.attribution import _TAIL_WORD, _tail_word
from checker.extract.figure_filter import after_uncertainty
from checker.extract.figure_text import LAST_WORD, clause_before, last_word

# Numbers, separators and dates in one "sentence": the quadratic versions of the figure
# extractor took seconds on 20 KB of them. Time is compared with itself on an eighth of the
# text, so a slow machine does not fail the test, a quadratic reader does.
_HOSTILE = {
    "numbers and separators": "1,2.3-4 5/6:",
    "months and years": "in May 5 and June 2020 ",
}


def _seconds(text: str) -> float:
    started = time.perf_counter()
    extract(text)
    return time.perf_counter() - started


@pytest.mark.parametrize("name", sorted(_HOSTILE))
def test_hostile_sentence_is_linear(name: str) -> None:
    unit = _HOSTILE[name]
    small = min(_seconds((unit * 2000)[:2_500]) for _ in range(3))
    large = _seconds((unit * 2000)[:20_000])
    # eight times the text: linear work takes about 8x, quadratic 64x
    assert large < 24 * small + 0.3, f"{name}: {small:.4f} s -> {large:.4f} s"


def _strings(alphabet: str, count: int, seed: int) -> list[str]:
    generator = random.Random(seed)
    return [
        "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 12)))
        for _ in range(count)
    ]


def _key(match: re.Match[str] | None) -> tuple[tuple[int, int], str] | None:
    return None if match is None else (match.span(), match.group(1))


def test_last_word_reads_like_the_pattern_over_the_head() -> None:
    for text in _strings("aZ9_- \n\t.é", 4000, 1):
        for position in range(len(text) + 1):
            expected = LAST_WORD.search(text[:position])
            assert _key(last_word(text, position)) == _key(expected), (text, position)


def test_tail_word_reads_like_the_pattern() -> None:
    for text in _strings("ab_- \n\t.é5,", 4000, 2):
        assert _key(_tail_word(text)) == _key(_TAIL_WORD.search(text)), text


def test_uncertainty_and_clause_read_like_the_old_searches() -> None:
    uncertainty = re.compile(r"(?:\+/-|±)\s*$")
    for text in _strings("a1 \n.±+/-;:", 4000, 3):
        for position in range(len(text) + 1):
            head = text[:position]
            assert after_uncertainty(text, position) == bool(uncertainty.search(head))
            stop = max(head.rfind(";"), head.rfind(". "), head.rfind(":"))
            assert clause_before(text, position) == (head[stop + 1 :] if stop >= 0 else head)
