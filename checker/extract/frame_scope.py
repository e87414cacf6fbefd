"""When and where a figure or a date holds, read from the parse of its sentence.

The time scope (the date expressions attached to the figure or to the clauses above it, not
the date of saying), the place a relative clause sets it in, whether its clause names several
places together (a total), whether a date sits in a parenthesis (an aside about a name), and
whether a date is the period of a count rather than the date of an event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.extract.frame_tree import ARGUMENTS, clause_head, governor_of, lemma_of, word_lists

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["dates_a_count", "in_parentheses", "names_joined", "scope_of", "setting_of"]


def scope_of(doc: Doc, token: Token, span: Span) -> str:
    """The date expressions that say what time the figure covers, as written ("this season",
    "yesterday", "on 11th March", "at the 2011 census"): those attached to the figure, its noun
    or a verb of the clauses above it, or naming the object of a preposition that is, or to the
    subject of such a verb ("profit for the nine months contained ...", "this quarter's
    earnings contained ..."); not a date inside another noun phrase ("the largest October
    outbreak")."""
    path = {t.i for t in token.ancestors} | {token.i}
    found: list[str] = []
    for entity in doc.ents:
        if entity.label_ != "DATE" or (entity.start < span.end and span.start < entity.end):
            continue
        attach = entity.root.head
        named = entity.root.dep_ in ("compound", "nummod") and entity.root.pos_ in ("NUM", "PROPN")
        if attach.dep_ == "pobj" and named:
            attach = attach.head  # "at the 2011 census", "in the 2004 tsunami": its preposition
        if attach.pos_ == "ADP":
            attach = attach.head
        if lemma_of(attach) in word_lists().reporting_verbs:
            continue  # "officials said on Monday that 17 were killed": when it was said
        on_path = attach.i in path and (attach.pos_ in ("VERB", "AUX") or attach.i == token.i)
        if on_path or _subject_of(attach, path):
            found.append(entity.text.lower())
    return "; ".join(found)


def _subject_of(noun: Token, path: set[int]) -> bool:
    """Whether `noun` is the subject of a verb in `path` that does not report: the time of the
    subject is the time of what the verb says of it, but "the report of May 3 said" dates the
    saying."""
    verb = noun.head
    return (
        noun.dep_ in ("nsubj", "nsubjpass")
        and verb.i in path
        and verb.pos_ in ("VERB", "AUX")
        and lemma_of(verb) not in word_lists().reporting_verbs
    )


def in_parentheses(span: Span) -> bool:
    """Whether `span` lies inside a parenthesis of its sentence."""
    text = span.doc.text
    before, after = text[: span.start_char], text[span.end_char :]
    if before.rfind("(") <= before.rfind(")"):
        return False  # no parenthesis open before it
    closing, opening = after.find(")"), after.find("(")
    return closing >= 0 and (opening < 0 or closing < opening)


def setting_of(token: Token) -> str:
    """The place a relative clause above the figure is set in ("He played at Marlow Tech,
    where he ran for 5,912 yards"): the figure holds there, not wherever its anchor is."""
    for ancestor in token.ancestors:
        if ancestor.dep_ != "relcl":
            continue
        if any(c.dep_ == "advmod" and c.lower_ == "where" for c in ancestor.children):
            clause = {t.i for t in ancestor.subtree}
            place = [t.text for t in ancestor.head.subtree if t.i not in clause]
            return " ".join(place).strip(" ,")
    return ""


def names_joined(doc: Doc, head: Token) -> bool:
    """Whether the clause of `head` names several places or parties together ("the embassies
    in Arden and Molk", "Russia and Ukraine lost"): a figure of it is their total,
    which the figure of one of them is not."""
    clause = clause_head(head).i
    labels = word_lists().anchor_labels
    return any(
        entity.label_ in labels
        and entity.root.dep_ == "conj"
        and entity.root.head.ent_type_ in labels
        and clause_head(entity.root).i == clause
        for entity in doc.ents
    )


def dates_a_count(value: Token, span: Span) -> bool:
    """Whether the date's event is a number of things ("killed 35,000 soldiers in December",
    "9,000 were killed in January"): then the date is the period of a figure, which recurs
    month after month, not the date of one event."""
    governor = governor_of(value, span)
    if governor is None or governor.pos_ != "VERB":
        return False
    for child in governor.children:
        # a cardinal: "a second book was published" counts nothing
        if span.start <= child.i < span.end:
            continue  # "born 1963": the date itself, which the parse took for the object
        if child.dep_ in ARGUMENTS and (
            child.tag_ == "CD" or any(c.dep_ == "nummod" and c.tag_ == "CD" for c in child.children)
        ):
            return True
    return False
