"""Claims from text: sentences first, then each extractor over every sentence in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from checker.compat import dimension, dimension_name
from checker.extract.attribution import find_attributions, source_for
from checker.extract.context import ArticleContext
from checker.extract.dates import find_dates
from checker.extract.figures import find_figures
from checker.extract.frames import FrameReader, Mention
from checker.extract.paragraph_scope import (
    opening_day,
    opening_period,
    with_occasion,
    with_opening_period,
)
from checker.extract.people import confirmed_headline_people, find_people
from checker.extract.scope_period import with_scope_period
from checker.extract.sentences import split_sentences
from checker.figure_cap import MAX_FIGURES_PER_SENTENCE
from checker.models import Article, Claim, DateClaim, Figure, Sentence
from checker.nlp import parse

__all__ = ["extract", "extract_article", "extract_sentences"]


def extract(text: str, published: dt.date | None = None, *, path: str = "<text>") -> list[Claim]:
    """Every claim in `text`, dates resolved against `published`."""
    line_numbers = tuple(range(1, text.count("\n") + 2))
    return extract_sentences(split_sentences(text, line_numbers), published, path=path)


def extract_article(article: Article) -> list[Claim]:
    sentences = split_sentences(article.body, article.line_numbers)
    return extract_sentences(sentences, article.date, path=article.path, title=article.title)


def extract_sentences(
    sentences: Sequence[Sentence],
    published: dt.date | None,
    *,
    path: str,
    title: str | None = None,
) -> list[Claim]:
    context = ArticleContext(path=path, published=published)
    per_sentence: list[list[Claim]] = []
    for sentence in sentences:
        people = find_people(sentence, context)
        attributions = find_attributions(sentence, context)
        source = source_for(sentence, attributions, context)
        found: list[Claim] = [*people, *attributions]
        # One past the cap, so that `checker.figure_cap` can tell that figures were dropped.
        found.extend(find_figures(sentence, context, source)[: MAX_FIGURES_PER_SENTENCE + 1])
        found.extend(find_dates(sentence, context, source))
        per_sentence.append(found)
    position = {sentence.index: k for k, sentence in enumerate(sentences)}
    for claim in confirmed_headline_people(context, sentences):
        per_sentence[position[claim.sentence_index]].insert(0, claim)
    return [c for found in _with_frames(sentences, per_sentence, title) for c in found]


def _mention(claim: Claim) -> Mention | None:
    start, end = claim.value_span
    if end <= start:
        return None
    if isinstance(claim, Figure):
        # the figure reader knows an age: "aged 33", "33 years old", "the 33-year-old"
        is_age = claim.noun == "age"
        return Mention(
            start,
            end,
            "age" if is_age else "figure",
            measured=claim.unit is not None,
            length=dimension(claim.unit) == "[length]",
            source=claim.source,
        )
    if isinstance(claim, DateClaim):
        lived = claim.event in ("born", "died") and bool(claim.participants)
        person = claim.participants[0] if lived else None
        return Mention(start, end, "date", source=claim.source, person=person)
    return None


# The relations of a date of the saying itself, which bound a deed it reports as done.
_SAID_ON = frozenset({"on", "in", "at", "during", "of"})


def _with_frames(
    sentences: Sequence[Sentence], per_sentence: list[list[Claim]], title: str | None
) -> list[list[Claim]]:
    """Each figure and date with its frame. Only the sentences that hold one are parsed, with
    the first sentence of their paragraphs (it names what the paragraph is about), in one
    batch."""
    mentions = [
        [(i, m) for i, c in enumerate(found) if (m := _mention(c))] for found in per_sentence
    ]
    wanted = {k for k, found in enumerate(mentions) if found}
    if not wanted:
        return per_sentence
    firsts: dict[int, int] = {}
    for k, sentence in enumerate(sentences):
        firsts.setdefault(sentence.paragraph, k)
    wanted |= {firsts[sentences[k].paragraph] for k in wanted}
    order = sorted(wanted)
    texts = [sentences[k].text for k in order]
    docs = parse([title, *texts] if title else texts)
    reader = FrameReader()
    if title:
        reader.read_title(next(docs), " ".join(s.text for s in sentences))
    result = list(per_sentence)
    opening: DateClaim | None = None
    day: DateClaim | None = None  # the day of the event the paragraph opens with
    for k, doc in zip(order, docs, strict=True):
        frames = reader.read(doc, sentences[k].paragraph, [m for _, m in mentions[k]])
        first = firsts[sentences[k].paragraph] == k
        if first:
            opening = opening_period([c for c in per_sentence[k] if isinstance(c, DateClaim)])
            day = None
        if not mentions[k]:
            continue
        updated = list(per_sentence[k])
        framed: list[int] = []
        for (index, _), frame in zip(mentions[k], frames, strict=True):
            if frame is None:
                continue
            claim = updated[index]
            update: dict[str, object] = {"frame": frame}
            if isinstance(claim, Figure):
                update["subject"] = frame.label or dimension_name(claim.unit)
            if isinstance(claim, DateClaim) and frame.done_by and claim.relation in _SAID_ON:
                update["relation"] = "by"  # "in 2009, they claimed to have held walks"
            updated[index] = claim.model_copy(update=update)
            framed.append(index)
        # the sentence's dates with their frames: what each one dates
        dates = [c for c in updated if isinstance(c, DateClaim)]
        for index in framed:
            claim = updated[index]
            if isinstance(claim, Figure):
                claim = with_scope_period(claim, dates)
            if isinstance(claim, Figure) and opening is not None and not first:
                claim = with_opening_period(claim, opening, doc)
            if isinstance(claim, Figure) and day is not None and not first and not dates:
                claim = with_occasion(claim, day)
            updated[index] = claim
        result[k] = updated
        if first:
            day = opening_day([c for c in updated if isinstance(c, DateClaim)])
    return result
