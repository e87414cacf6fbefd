"""Split an article's body into located sentences, leaving out page furniture.

A line break ends a sentence unless the line runs on (hard-wrapped Markdown): into a lowercase
continuation, or from a line that stops mid-phrase (a comma, "and", "of", an open bracket);
headings and list items stand alone. Markdown markup (links, images, emphasis, inline
HTML, code fences) is removed without losing track of columns: every sentence reports the line
and column where its first character sits in the source file. Boilerplate lines and reader
appeals come from `data/boilerplate.toml`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from checker.data import load_data
from checker.models import Sentence

__all__ = ["Boilerplate", "boilerplate", "clean_line", "split_sentences", "split_text"]

# A sentence ends at . ! ? (with closing quotes or brackets) before whitespace and a capital,
# digit or opening quote; a lowercase start after a period is checked separately (see below).
_END = re.compile(r"""[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Za-z0-9])""")
_MARKUP_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|>\s*|\d+[.)]\s+)")
# Inline markup, dropped: a link's brackets and target go, its label stays as ordinary text (so
# emphasis inside it is dropped too). Every repeat is bounded, so a line of 10,000 "[" stays linear.
_INLINE = re.compile(
    r"<!--.{0,500}?-->"
    r"|!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)"
    r"|\[(?=[^\]\n]{0,500}\](?:\([^)\n]{0,2000}\)|\[[^\]\n]{0,200}\]))"
    r"|\]\([^)\n]{0,2000}\)"
    r"|\]\[[^\]\n]{0,200}\]"
    r"|<https?://[^>\s]{0,2000}>"
    r"|</?[A-Za-z][\w-]{0,30}(?:\s[^<>]{0,2000})?/?>"
    r"|\*\*|__|\*|`"
)
_HAS_MARKUP = re.compile(r"[<\[*_`]")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_REFERENCE_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s*\S")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_ALNUM = re.compile(r"[^\W_]")
# A comma or a word that needs what follows it; a heading or a caption does not end so.
_OPEN_END = re.compile(
    r"(?:,|\b(?:and|or|of|the|a|an|to|in|for|with|by|at|on|from|as|than|that|said|says))$"
)
# Reader appeals are short; a long sentence is reporting, whatever words it shares with them.
_APPEAL_MAX_LENGTH = 240


@dataclass(frozen=True)
class _Union:
    """Many patterns as two alternations: those anchored at the start ("^...") are tried at
    offset 0 only, the rest searched for. One alternation of both would try every anchored
    pattern at every offset of the line."""

    anchored: re.Pattern[str] | None
    floating: re.Pattern[str] | None
    # The same two without IGNORECASE, for lowercased ASCII text (every line and sentence, run
    # through `search`): there they match alike, and the engine then skips ahead to a literal
    # prefix instead of trying every offset. Not when a pattern has an uppercase letter.
    anchored_folded: re.Pattern[str] | None = None
    floating_folded: re.Pattern[str] | None = None
    has_folded: bool = False

    def search(self, text: str) -> bool:
        """Whether a pattern matches `text`, which the caller has lowercased."""
        anchored, floating = self.anchored, self.floating
        if self.has_folded and text.isascii():
            anchored, floating = self.anchored_folded, self.floating_folded
        if anchored is not None and anchored.match(text):
            return True
        return floating is not None and floating.search(text) is not None


def _is_anchored(pattern: str) -> bool:
    """ "^..." with no top-level "|" (which would let another branch match anywhere)."""
    if not pattern.startswith("^"):
        return False
    depth = 0
    in_class = False
    escaped = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
    return True


@dataclass(frozen=True)
class Boilerplate:
    exact: frozenset[str]
    line_pattern: _Union
    sentence_pattern: _Union
    abbreviations: frozenset[str]

    def is_boilerplate_line(self, line: str) -> bool:
        folded = line.strip().lower()
        if folded in self.exact:
            return True
        return self.line_pattern.search(folded)

    def is_appeal(self, sentence: str) -> bool:
        if len(sentence) > _APPEAL_MAX_LENGTH:
            return False
        folded = sentence.strip().lower()
        return self.sentence_pattern.search(folded)


def _union(patterns: Sequence[str]) -> _Union:
    # One alternation instead of a loop over patterns: one pass per line.
    def compiled(group: list[str], flags: re.RegexFlag = re.I) -> re.Pattern[str] | None:
        return re.compile("|".join(f"(?:{p})" for p in group), flags) if group else None

    anchored = [p for p in patterns if _is_anchored(p)]
    floating = [p for p in patterns if not _is_anchored(p)]
    if any(p != p.lower() for p in patterns):  # "\S" or a capital: case would matter
        return _Union(compiled(anchored), compiled(floating))
    return _Union(
        compiled(anchored),
        compiled(floating),
        compiled(anchored, re.NOFLAG),
        compiled(floating, re.NOFLAG),
        has_folded=True,
    )


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    data = load_data("boilerplate")
    return Boilerplate(
        exact=frozenset(s.lower() for s in data["exact"]),
        line_pattern=_union(data["patterns"]),
        sentence_pattern=_union(data["sentence_patterns"]),
        abbreviations=frozenset(s.lower() for s in data["abbreviations"]),
    )


@dataclass(frozen=True)
class _Piece:
    """One cleaned source line; `starts`/`columns` map text offsets back to source columns."""

    text: str
    line: int  # source line
    starts: tuple[int, ...]  # offsets in `text` where a run of source text begins
    columns: tuple[int, ...]  # 1-based source column of each run's first character

    def column_at(self, offset: int) -> int:
        run = bisect_right(self.starts, offset) - 1
        return self.columns[run] + offset - self.starts[run]


def clean_line(line: str) -> tuple[str, int]:
    """Strip Markdown markup; return the text and how many leading characters were dropped."""
    text, starts, columns = _clean(line)
    return text, (columns[0] - 1 if starts else len(line))


def _clean(line: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    prefix = _MARKUP_PREFIX.match(line)
    position = prefix.end() if prefix else 0
    if not _HAS_MARKUP.search(line, position):
        # The common case, plain prose: one run, no copying beyond the strip.
        text = line[position:].strip()
        if not text:
            return "", (), ()
        lead = len(line) - len(line.lstrip()) if position == 0 else position
        if position:
            lead += len(line[position:]) - len(line[position:].lstrip())
        return text, (0,), (lead + 1,)
    runs: list[tuple[str, int]] = []  # (text, 0-based source offset)
    for match in _INLINE.finditer(line, position):
        runs.append((line[position : match.start()], position))
        position = match.end()
    runs.append((line[position:], position))
    parts: list[str] = []
    starts: list[int] = []
    columns: list[int] = []
    length = 0
    for text, offset in runs:
        if not parts:
            # Leading whitespace (before the first visible character) is dropped.
            stripped = text.lstrip()
            offset += len(text) - len(stripped)
            text = stripped
        if not text:
            continue
        parts.append(text)
        starts.append(length)
        columns.append(offset + 1)
        length += len(text)
    joined = "".join(parts).rstrip()
    return joined, tuple(starts), tuple(columns)


def _is_standalone(raw: str) -> bool:
    return bool(_MARKUP_PREFIX.match(raw))


def _unfinished(line: str) -> bool:
    """A line that stops mid-phrase, so the next runs on even when it starts with a name:
    "...three clubs (Ashford, Brill and" before "Dunmore) went down"."""
    # only the line's end is searched: a regex anchored at "$" is tried at every offset
    return bool(_OPEN_END.search(line, max(0, len(line) - 6))) or line.count("(") > line.count(")")


def _is_furniture_shape(text: str) -> bool:
    """Horizontal rules, setext underlines, table rules: no letter or digit at all."""
    return _ALNUM.search(text) is None


def _paragraphs(body: str, line_numbers: Sequence[int]) -> Iterator[list[_Piece]]:
    furniture = boilerplate()
    block: list[_Piece] = []
    previous = ""
    in_fence = False
    for index, raw in enumerate(body.split("\n")):
        if _FENCE.match(raw):
            # Code is not reporting; a fence also ends the paragraph before it.
            in_fence = not in_fence
            if block:
                yield block
                block = []
            continue
        if in_fence or _REFERENCE_DEFINITION.match(raw):
            continue
        text, starts, columns = _clean(raw)
        if not text:
            if block:
                yield block
                block = []
            continue
        if text == previous or _is_furniture_shape(text) or furniture.is_boilerplate_line(text):
            # Captions are often printed twice; furniture is never reporting.
            previous = text
            continue
        previous = text
        source_line = line_numbers[index] if index < len(line_numbers) else index + 1
        piece = _Piece(text, source_line, starts, columns)
        runs_on = (
            block
            and not _is_standalone(raw)
            and block[-1].text[-1:] not in ".!?:\"'”’)"
            and (text[:1].islower() or _unfinished(block[-1].text))
        )
        if block and not runs_on:
            yield block
            block = []
        block.append(piece)
    if block:
        yield block


_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."


def _word_before(text: str, dot: int) -> str:
    """The letters and dots just before `dot` (at most 24 characters back), as
    `_WORD_BEFORE.search(text, dot - 24, dot)` reads them: stripped off the end in C, where the
    regex would be tried at each of the 24 offsets, twice for most full stops."""
    segment = text[max(0, dot - 24) : dot]
    if segment.endswith("\n"):  # the regex's `$` also matches before a final newline
        match = _WORD_BEFORE.search(segment)
        return match.group(1) if match else ""
    return segment[len(segment.rstrip(_WORD_CHARS)) :]


def _is_abbreviation(text: str, dot: int) -> bool:
    word = _word_before(text, dot).lower()
    if word in boilerplate().abbreviations:
        return True
    # Initials ("J. K. Rowling") and dotted acronyms ("U.S.") end no sentence.
    if len(word) == 1 and word.isalpha() and text[dot - 1].isupper():
        return True
    # Nor do a life date's letters before a year: "(b. 1950)", "(b. 1901, d. 1977)".
    opens = text[max(0, dot - 2) : dot - 1] == "(" or text[max(0, dot - 3) : dot - 1] == ", "
    year_after = text[dot + 1 : dot + 3].strip()[:1].isdigit()
    return len(word) == 1 and word.islower() and opens and year_after


def _lowercase_break(text: str, dot: int) -> bool:
    """ "... and training. reports that ..." (a name lost in copying): still two sentences.

    Only after a plain lowercase word of three letters or more, so that "approx. three" and
    "U.S. officials" stay whole.
    """
    word = _word_before(text, dot)
    return len(word) >= 3 and word.isalpha() and word.islower()


def split_text(text: str) -> list[tuple[int, str]]:
    """Split one paragraph's text into (offset, sentence) pairs."""
    sentences: list[tuple[int, str]] = []
    start = 0
    for match in _END.finditer(text):
        mark = match.start()
        end = match.end()
        if text[mark] == ".":
            if _is_abbreviation(text, mark):
                continue
            if text[end].islower() and not _lowercase_break(text, mark):
                continue
        elif text[end].islower():
            continue
        chunk = text[start:end].strip()
        if chunk:
            sentences.extend(_bounded(text, start, chunk))
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.extend(_bounded(text, start, tail))
    return sentences


# No prose sentence is this long; a longer run (a table flattened to one line, a list of numbers,
# hostile input) is cut at spaces so that per-sentence work stays bounded and the whole is linear.
MAX_SENTENCE = 1500


def _bounded(text: str, offset: int, chunk: str) -> list[tuple[int, str]]:
    if len(chunk) <= MAX_SENTENCE:
        return [(offset, chunk)]
    base = offset + len(text[offset:]) - len(text[offset:].lstrip())
    pieces: list[tuple[int, str]] = []
    begin = 0
    while begin < len(chunk):
        stop = min(begin + MAX_SENTENCE, len(chunk))
        if stop < len(chunk):
            space = chunk.rfind(" ", begin + MAX_SENTENCE // 2, stop)
            stop = space if space > begin else stop
        piece = chunk[begin:stop]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            pieces.append((base + begin + lead, piece.strip()))
        begin = stop
    return pieces


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
            first = sentence_offset
            while joined[first].isspace():
                first += 1
            piece_index = bisect_right(starts, first) - 1
            piece = pieces[piece_index]
            result.append(
                Sentence(
                    text=sentence,
                    line=piece.line,
                    column=piece.column_at(first - starts[piece_index]),
                    paragraph=paragraph_index,
                    index=len(result),
                )
            )
    return result
