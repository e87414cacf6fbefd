"""Split an article's body into located sentences, leaving out page furniture.

A line break ends a sentence unless the line runs on into a lowercase continuation (hard-wrapped
Markdown); headings and list items stand alone. Boilerplate lines and reader appeals come from
`data/boilerplate.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from checker.data import load_data
from checker.models import Sentence

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt maj adm rep sen gov st mt jr sr vs etc inc ltd co corp "
    "no nos fig approx est dept univ jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n "
    "e.g i.e a.m p.m".split()
)
# A sentence ends at . ! ? (with closing quotes or brackets) before whitespace and a capital,
# digit or opening quote.
_END = re.compile(r"""[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])""")
_MARKUP_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|>\s*|\d+[.)]\s+)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_HTML_COMMENT = re.compile(r"<!--.*?-->")


@dataclass(frozen=True)
class Boilerplate:
    exact: frozenset[str]
    line_patterns: tuple[re.Pattern[str], ...]
    sentence_patterns: tuple[re.Pattern[str], ...]

    def is_boilerplate_line(self, line: str) -> bool:
        folded = line.strip().lower()
        if folded in self.exact:
            return True
        return any(p.search(folded) for p in self.line_patterns)

    def is_appeal(self, sentence: str) -> bool:
        folded = sentence.strip().lower()
        return any(p.search(folded) for p in self.sentence_patterns)


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    data = load_data("boilerplate")
    return Boilerplate(
        exact=frozenset(s.lower() for s in data["exact"]),
        line_patterns=tuple(re.compile(p, re.I) for p in data["patterns"]),
        sentence_patterns=tuple(re.compile(p, re.I) for p in data["sentence_patterns"]),
    )


def clean_line(line: str) -> tuple[str, int]:
    """Strip Markdown markup; return the text and how many leading characters were dropped."""
    line = _HTML_COMMENT.sub("", line)
    prefix = _MARKUP_PREFIX.match(line)
    dropped = prefix.end() if prefix else 0
    text = line[dropped:]
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    stripped = text.lstrip()
    dropped += len(text) - len(stripped)
    return stripped.rstrip(), dropped


def _is_standalone(raw: str) -> bool:
    return bool(_MARKUP_PREFIX.match(raw))


@dataclass(frozen=True)
class _Piece:
    text: str
    line: int  # source line
    column: int  # 1-based column of text[0] in the source line


def _paragraphs(body: str, line_numbers: Sequence[int]) -> Iterator[list[_Piece]]:
    furniture = boilerplate()
    block: list[_Piece] = []
    previous = ""
    for index, raw in enumerate(body.split("\n")):
        text, dropped = clean_line(raw)
        if not text:
            if block:
                yield block
                block = []
            continue
        if text == previous or furniture.is_boilerplate_line(text):
            # Captions are often printed twice; furniture is never reporting.
            previous = text
            continue
        previous = text
        source_line = line_numbers[index] if index < len(line_numbers) else index + 1
        piece = _Piece(text, source_line, dropped + 1)
        runs_on = (
            block
            and not _is_standalone(raw)
            and block[-1].text[-1:] not in ".!?:\"'”’)"
            and text[:1].islower()
        )
        if block and not runs_on:
            yield block
            block = []
        block.append(piece)
    if block:
        yield block


def _is_abbreviation(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    # Initials ("J. K. Rowling") and dotted acronyms ("U.S.") end no sentence.
    return len(word) == 1 and word.isalpha() and text[dot - 1].isupper()


def split_text(text: str) -> list[tuple[int, str]]:
    """Split one paragraph's text into (offset, sentence) pairs."""
    sentences: list[tuple[int, str]] = []
    start = 0
    for match in _END.finditer(text):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        end = match.end()
        chunk = text[start:end].strip()
        if chunk:
            sentences.append((start, chunk))
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append((start, tail))
    return sentences


def split_sentences(body: str, line_numbers: Sequence[int] = ()) -> list[Sentence]:
    """The body's sentences, each with its source line and column, furniture left out."""
    furniture = boilerplate()
    result: list[Sentence] = []
    for paragraph_index, pieces in enumerate(_paragraphs(body, line_numbers)):
        joined = " ".join(p.text for p in pieces)
        # offset in `joined` -> piece, to locate each sentence in the source
        starts: list[int] = []
        offset = 0
        for piece in pieces:
            starts.append(offset)
            offset += len(piece.text) + 1
        for sentence_offset, sentence in split_text(joined):
            if furniture.is_appeal(sentence):
                continue
            piece_index = max(i for i, s in enumerate(starts) if s <= sentence_offset)
            piece = pieces[piece_index]
            lead = len(joined[sentence_offset:]) - len(joined[sentence_offset:].lstrip())
            column = piece.column + sentence_offset - starts[piece_index] + lead
            result.append(
                Sentence(
                    text=sentence,
                    line=piece.line,
                    column=column,
                    paragraph=paragraph_index,
                    index=len(result),
                )
            )
    return result
