"""When and where a value holds, read from the parse: sentences written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from checker.extract.frame_scope import in_parentheses, names_joined, scope_of, setting_of
from checker.nlp import parse


def _doc(text: str) -> Doc:
    return next(parse([text]))


def _span(doc: Doc, words: str) -> Span:
    start = doc.text.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    assert span is not None
    return span


def test_a_date_in_a_parenthesis_is_an_aside() -> None:
    doc = _doc("Tomas Berg (1890–1961) painted the fjord for forty years.")
    assert in_parentheses(_span(doc, "1890–1961"))
    doc = _doc("Tomas Berg painted the fjord in 1911 (his best year).")
    assert not in_parentheses(_span(doc, "1911"))


def test_a_where_clause_sets_the_figure_in_its_place() -> None:
    doc = _doc("Reeve played at Marlow Tech, where he ran for 5,912 yards.")
    assert setting_of(_span(doc, "5,912").root) == "Marlow Tech"


def test_places_named_together_make_a_total() -> None:
    doc = _doc("The floods in Arden and Molk destroyed 340 homes.")
    assert names_joined(doc, _span(doc, "340").root)
    doc = _doc("The floods in Molk destroyed 120 homes.")
    assert not names_joined(doc, _span(doc, "120").root)


def test_the_date_of_saying_is_no_scope() -> None:
    doc = _doc("Officials said on Monday that 17 workers were killed.")
    assert scope_of(doc, _span(doc, "17").root, _span(doc, "17")) == ""
    doc = _doc("Forces killed 35,000 soldiers in March.")
    assert "march" in scope_of(doc, _span(doc, "35,000").root, _span(doc, "35,000"))


def test_the_time_of_the_subject_is_the_figures_scope() -> None:
    doc = _doc("Profit for the prior-year nine months contained a gain of 18 cents a share.")
    assert scope_of(doc, _span(doc, "18").root, _span(doc, "18")) == "the prior-year nine months"
    doc = _doc("This quarter's earnings contained a gain of 31 cents a share.")
    assert "quarter" in scope_of(doc, _span(doc, "31").root, _span(doc, "31"))


def test_the_time_of_a_reports_subject_dates_the_saying() -> None:
    doc = _doc("The bulletin of May 3 said that 17 homes were destroyed.")
    assert scope_of(doc, _span(doc, "17").root, _span(doc, "17")) == ""
