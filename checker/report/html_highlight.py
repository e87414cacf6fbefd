"""Find the words of a sentence that carry a finding's disagreement, and mark them.

A piece of evidence says which value it holds (`value`, `date`, `source`), not where in its
sentence that value is written, so the words are found again here: the numeral that reads as
the value ("35,000", "35 thousand", "1.2 million"), the date's day and month, the source's name,
and phrases the message quotes (“former Interior Minister”). Every piece of text is escaped
on its way out; only our own `<mark>` tags are markup.
"""

from __future__ import annotations

import re

from checker.models import Evidence, Finding
from checker.report.escape import html_text, strip_controls

__all__ = ["highlight", "spans"]

_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d+)(\.\d+)?"
    r"(?:\s*(thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_QUOTED = re.compile(r"[“\"]([^”\"]{2,80})[”\"]")

Span = tuple[int, int]


def _number_spans(text: str, value: float) -> list[Span]:
    found: list[Span] = []
    for match in _NUMBER.finditer(text):
        digits = re.sub(r"[,\u00a0\u202f ]", "", match.group(1)) + (match.group(2) or "")
        number = float(digits)
        scale = match.group(3)
        if scale:
            number *= _SCALES[scale.lower()]
        if abs(number - value) <= 1e-9 * max(1.0, abs(value)):
            found.append(match.span())
        elif scale and abs(float(digits) - value) <= 1e-9 * max(1.0, abs(value)):
            found.append(match.span(1))  # "1.2 million" given as 1.2 with a unit of millions
    return found


def _date_spans(text: str, date: str) -> list[Span]:
    parts = date.split("-")
    if not parts or not parts[0].isdigit():
        return []
    year = parts[0]
    if len(parts) == 1:
        return [m.span() for m in re.finditer(rf"\b{year}\b", text)]
    try:
        month = _MONTHS[int(parts[1]) - 1]
    except (ValueError, IndexError):
        return []
    short = month[:3]
    names = rf"(?:{month}|{short}\.?)"
    if len(parts) == 2:
        pattern = rf"\b{names}(?:\s+{year})?\b"
    else:
        day = str(int(parts[2])) if parts[2].isdigit() else parts[2]
        pattern = rf"\b(?:{names}\s+{day}(?:st|nd|rd|th)?|{day}(?:st|nd|rd|th)?\s+{names})\b"
        pattern += rf"(?:,?\s+{year}\b)?"
    return [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]


def _phrase_spans(text: str, phrase: str) -> list[Span]:
    phrase = phrase.strip()
    if len(phrase) < 2:
        return []
    return [m.span() for m in re.finditer(re.escape(phrase), text, re.IGNORECASE)]


def spans(finding: Finding, evidence: Evidence, text: str | None = None) -> list[Span]:
    """Non-overlapping (start, end) spans to mark in `text` (default: `evidence.text`)."""
    text = evidence.text if text is None else text
    found: list[Span] = []
    if evidence.value is not None:
        found += _number_spans(text, evidence.value)
    elif evidence.date:
        found += _date_spans(text, evidence.date)
    if finding.rule == "misattribution" and evidence.source:
        found += _phrase_spans(text, evidence.source)
    for quoted in _QUOTED.findall(finding.message):
        found += _phrase_spans(text, quoted)
    merged: list[Span] = []
    for start, end in sorted(found, key=lambda s: (s[0], -s[1])):
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    return merged


def highlight(finding: Finding, evidence: Evidence) -> str:
    """The evidence's sentence as escaped HTML with its disagreeing values in `<mark>`."""
    text = strip_controls(evidence.text)
    out: list[str] = []
    position = 0
    for start, end in spans(finding, evidence, text):
        out.append(html_text(text[position:start]))
        out.append(f"<mark>{html_text(text[start:end])}</mark>")
        position = end
    out.append(html_text(text[position:]))
    return "".join(out)
