"""Whether a figure is a fact, an estimate, a target or a forecast.

The sentence is scanned once for the modality cues of `checker/data/modality.toml`
(`modality_cues`); each figure then takes the nearest cue before it in its clause, or is a target
when "to be drafted" or "by this summer" follows it (`modality_of`).
"""

from __future__ import annotations

from checker.extract.figure_draft import Draft
from checker.extract.figure_text import clause_start
from checker.extract.figure_words import word_lists
from checker.models import Modality


def modality_cues(text: str, until: int) -> list[tuple[int, Modality]]:
    """Where each modality cue ends in the sentence, read once for all its figures.

    Only cues ending by `until` (the last figure's start) are ever used; the scan stops where no
    cue starting by then can reach, one character past it so word boundaries read the same."""
    words = word_lists()
    stop = len(text)
    if words.modality_width is not None:
        stop = min(stop, until + words.modality_width + 1)
    pattern, subject = words.modality, text
    if words.modality_folded is not None and text.isascii():
        # lowercasing ASCII keeps every offset; the pattern then needs no IGNORECASE
        pattern, subject = words.modality_folded, text.lower()
    cues = [
        (match.end(), Modality(match.lastgroup))
        for match in pattern.finditer(subject, 0, stop)
        if match.lastgroup
    ]
    cues.sort(key=lambda cue: cue[0])
    return cues


def modality_of(text: str, draft: Draft, cues: list[tuple[int, Modality]]) -> Modality:
    """The nearest cue before the figure in its clause; "to be drafted" or "by this summer" after
    it make it a target whatever came before."""
    if word_lists().target_after.match(text, draft.end):
        return Modality.TARGET
    start = clause_start(text, draft.begin)
    best = Modality.FACT
    for end, kind in cues:
        if end > draft.begin:
            break
        if end >= start:
            best = kind
    return best
