"""Frames of lines that state no sentence: infobox and table lines, read from their labels.

"Julian Ross Born 27 August 1968" dates a birth, "Distance: 585 km" measures a distance, and
"Production of the Vero K5: May 2011 – June 2019" gives a process a start and an end. The label
says what the value is; the line's names, else the article's title entity, whose it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from checker.extract import frame_tree as tree
from checker.models import Frame

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["labelled_frame"]

Namer = Callable[["Span"], str]  # an entity -> the name the article knows it by

_VALUES = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
_DASH_AFTER = re.compile(r"\s*[-–—]\s*\S")
_DASH_BEFORE = re.compile(r"\S\s*[-–—]\s*$")


def labelled_frame(
    doc: Doc,
    span: Span,
    kind: Literal["figure", "date"],
    name: Namer,
    title_entity: str | None,
) -> Frame | None:
    """The frame of the value at `span` on a line with no verb; None when no label says it."""
    if kind == "date":
        return _labelled_date(doc, span, name, title_entity)
    return _labelled_figure(doc, span, title_entity)


def _labelled_date(doc: Doc, span: Span, name: Namer, title_entity: str | None) -> Frame | None:
    """A date after a label word with a name before it, on a line with no verb: "Julian
    Ross Born 27 August 1968", "Founded: 1867". The label is the predicate; the
    line's entity, else the title's, the anchor."""
    ranged = _labelled_range(doc, span, name, title_entity)
    if ranged is not None:
        return ranged
    before = [t for t in doc[: span.start] if not (t.is_punct or t.is_space)]
    if not before:
        return None
    label = before[-1].lower_
    predicate = tree.label_predicate(label)
    if not predicate:
        return None
    names = [name(e) for e in doc.ents if e.label_ in tree.word_lists().anchor_labels]
    anchor = names[:1] or ([title_entity] if title_entity else [])
    if not anchor:
        return None
    return Frame(anchor=tuple(anchor), anchor_from="subject", predicate=predicate)


def _labelled_figure(doc: Doc, span: Span, title_entity: str | None) -> Frame | None:
    """ "Distance: 585 km", "Total distance of the 2019 Tour of Vesland: 558 km": in an infobox
    or a table line, the label before the colon says what the figure is. Its words before
    "of" are the attribute; the name after "of", else the title's entity, the anchor."""
    before = [t for t in doc[: span.start] if not t.is_space]
    if not before or before[-1].text != ":":
        return None
    label: list[Token] = []
    for token in reversed(doc[: before[-1].i]):
        if token.is_space or (token.is_punct and token.text not in "-'"):
            break  # the previous cell
        label.insert(0, token)
    of = next((k for k, t in enumerate(label) if t.lower_ == "of"), len(label))
    # the previous label's value ("Dates: 4–6 June 2019 Stages: 3") is not this label's
    values = [k for k, t in enumerate(label[:of]) if t.like_num or t.ent_type_ in _VALUES]
    if values:
        label, of = label[values[-1] + 1 :], of - values[-1] - 1
    words = [t for t in label[:of] if t.is_alpha]
    if not words or len(words) > 4:
        return None
    named = " ".join(t.text for t in label[of + 1 :] if t.lower_ != "the")
    anchor = named or title_entity
    if not anchor:
        return None
    return Frame(
        anchor=(anchor,),
        anchor_from="subject" if named else "title",
        attribute=" ".join(t.lemma_.lower() for t in words),
    )


def _labelled_range(doc: Doc, span: Span, name: Namer, title_entity: str | None) -> Frame | None:
    """ "Production of the Vero K5: May 2011 – June 2019": a line that opens with a
    common noun and a colon gives the process the noun names a start and an end date, as
    "production began in May 2011" does. The label's names are the anchor."""
    colons = [t for t in doc[: span.start] if t.text == ":"]
    if len(colons) != 1 or doc[0].pos_ != "NOUN" or doc[0].ent_type_:
        return None
    colon = colons[0]
    between = [t for t in doc[colon.i + 1 : span.start] if not t.is_space]
    if not between and _DASH_AFTER.match(doc.text, span.end_char):
        aspect = "begin"
    elif between and _DASH_BEFORE.search(doc.text, 0, span.start_char):
        if not all(t.ent_type_ == "DATE" or t.is_punct for t in between):
            return None
        aspect = "end"
    else:
        return None
    labels = tree.word_lists().anchor_labels
    names = [name(e) for e in doc.ents if e.label_ in labels and e.end <= colon.i]
    if not names:  # a model name the recognizer missed ("the Vero K5")
        names = [" ".join(t.text for t in run) for run in tree.proper_runs(doc[: colon.i])]
    anchor = names or ([title_entity] if title_entity else [])
    if not anchor:
        return None
    return Frame(
        anchor=tuple(dict.fromkeys(anchor)),
        anchor_from="clause" if names else "title",
        predicate=f"{tree.lemma_of(doc[0])} {aspect}",
    )
