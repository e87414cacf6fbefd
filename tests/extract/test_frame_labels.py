"""Frames of infobox and table lines, read from their labels: lines written for these tests."""

from __future__ import annotations

from typing import Literal

from checker.extract.frame_labels import labelled_frame
from checker.models import Frame
from checker.nlp import parse


def _frame(
    text: str, words: str, kind: Literal["figure", "date"], title: str | None = None
) -> Frame | None:
    doc = next(parse([text]))
    start = text.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    assert span is not None
    return labelled_frame(doc, span, kind, lambda entity: entity.text, title)


def test_a_label_word_dates_its_event() -> None:
    frame = _frame("Julian Ross Born\t27 August 1968", "27 August 1968", "date")
    assert frame is not None and frame.predicate == "bear"


def test_a_label_says_what_a_figure_is_and_whose() -> None:
    line = "Race details\tStages:\t3\tDistance:\t585 km (364 mi)"
    frame = _frame(line, "585", "figure", title="2019 Tour of Vesland")
    assert frame is not None and frame.attribute == "distance"
    assert frame.anchor == ("2019 Tour of Vesland",) and frame.anchor_from == "title"
    frame = _frame("Total distance of 2019 Tour of Vesland:\t558 km", "558", "figure")
    assert frame is not None and frame.attribute == "total distance"
    assert frame.anchor == ("2019 Tour of Vesland",)


def test_a_label_line_gives_a_process_a_start_and_an_end() -> None:
    line = "Production of the Vero K5: May 2011 – June 2019"
    start = _frame(line, "May 2011", "date")
    end = _frame(line, "June 2019", "date")
    assert start is not None and start.predicate == "production begin"
    assert end is not None and end.predicate == "production end"


def test_a_value_with_no_label_has_no_frame() -> None:
    assert _frame("Race details\t3\t585 km", "585", "figure", title="Vesland") is None
