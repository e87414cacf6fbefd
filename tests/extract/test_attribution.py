from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.extract import extract, extract_article
from checker.extract.attribution import find_attributions, source_for
from checker.extract.context import ArticleContext, Source
from checker.extract.names import canonical_source
from checker.extract.people import find_people
from checker.load import load
from checker.models import Attribution, Claim, Sentence

PUBLISHED = dt.date(2026, 2, 20)


def _context() -> ArticleContext:
    return ArticleContext(path="a.md", published=PUBLISHED)


def _read(
    text: str, context: ArticleContext | None = None
) -> tuple[list[Attribution], Source, ArticleContext]:
    context = context or _context()
    sentence = Sentence(text=text, line=1, column=1, paragraph=0, index=0)
    find_people(sentence, context)
    attributions = find_attributions(sentence, context)
    return attributions, source_for(sentence, attributions, context), context


def _chains(text: str, context: ArticleContext | None = None) -> set[tuple[str, ...]]:
    attributions, _, _ = _read(text, context)
    return {a.source_chain for a in attributions}


def test_according_to_keeps_the_in_a_newspaper_name() -> None:
    _, source, _ = _read("Prices rose by a third, according to The Moscow Times.")
    assert source.chain == ("The Moscow Times",)


def test_according_to_restores_the_for_newspapers() -> None:
    _, source, _ = _read("Losses were lower, according to the Washington Post.")
    assert source.name == "The Washington Post"


def test_chain_citing_a_report_with_its_date() -> None:
    attributions, source, context = _read(
        "The Kremlin is preparing a call-up, according to The Moscow Times, citing a report "
        "by the Institute for the Study of War (ISW) on February 19."
    )
    assert source.chain == ("The Moscow Times", "Institute for the Study of War")
    [attribution] = attributions
    assert attribution.verb == "according to"
    assert attribution.cited_date == dt.date(2026, 2, 19)
    assert context.acronyms["ISW"] == "Institute for the Study of War"


def test_cited_date_on_the_first_source() -> None:
    [attribution], _, _ = _read(
        "Deaths have climbed sharply, according to Reuters on November 30, citing "
        "European assessments."
    )
    assert attribution.source_chain == ("Reuters",)  # an adjective is no second source
    assert attribution.cited_date == dt.date(2025, 11, 30)


def test_acronym_and_possessive_map_to_the_full_name() -> None:
    context = _context()
    _read("A study by the Institute for the Study of War (ISW) was published.", context)
    assert _chains("ISW highlights that offices stay open.", context) == {
        ("Institute for the Study of War",)
    }
    assert _chains("ISW experts argue that the plan is risky.", context) == {
        ("Institute for the Study of War",)
    }
    _, source, _ = _read(
        "The Kyiv Independent, citing ISW's reading of the data, reported that 30,000 men "
        "join each month.",
        context,
    )
    assert source.chain == ("The Kyiv Independent", "Institute for the Study of War")


def test_known_acronym_with_a_leading_the() -> None:
    _, source, _ = _read("The CSIS estimates that 1.2 million were killed or wounded.")
    assert source.name == "Center for Strategic and International Studies"


def test_aliases_from_data() -> None:
    _, source, _ = _read("The U.S. State Department recently estimated losses at 200,000.")
    assert source.name == "US State Department"
    assert canonical_source("US State Department") == "US State Department"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ukrainian Defense Minister Mykhailo Fedorov reported that 35,000 died.",
            "Mykhailo Fedorov",
        ),
        (
            "In May, Defense Minister Sergei Shoigu stated that the army would grow.",
            "Sergei Shoigu",
        ),
        ("The losses doubled, Bloomberg wrote.", "Bloomberg"),
        ("Reuters writes that the talks stalled.", "Reuters"),
        ("Meduza, an independent news site, claimed that 20 regions took part.", "Meduza"),
        ("“We will not send conscripts to the front,” said Dmitry Peskov.", "Dmitry Peskov"),
    ],
)
def test_reporting_verb_forms(text: str, expected: str) -> None:
    _, source, _ = _read(text)
    assert source.name == expected


def test_not_a_source() -> None:
    for text in (
        "Russian officials claimed that the plan was voluntary.",
        "Western intelligence estimates suggest a rise.",
        "It was previously reported that numbers rose.",
        "Deaths have climbed sharply, according to these assessments.",
    ):
        _, source, _ = _read(text)
        assert source == Source(), text


def test_pronoun_and_the_institute_inherit_the_last_source() -> None:
    context = _context()
    _read("Defense Minister Anna Novak reported that 12,000 enlisted.", context)
    _, source, _ = _read("She stated that the target is 20,000.", context)
    assert source.name == "Anna Novak"
    _read("The Institute for Economic Research said prices rose.", context)
    _read("Reuters reported the figure first.", context)
    _, source, _ = _read("The institute also noted that wages fell.", context)
    assert source.name == "Institute for Economic Research"
    _read("Reuters reported the figure first.", context)
    _, source, _ = _read("The outlet assessed that the rule is new.", context)
    assert source.name == "Reuters"


def test_sentence_without_attribution_has_no_source() -> None:
    context = _context()
    _read("Reuters reported the figure first.", context)
    _, source, _ = _read("Prices rose again in March.", context)
    assert source == Source()
    assert context.last_source.name == "Reuters"


def test_quote_with_its_speaker() -> None:
    attributions, _, _ = _read("“These losses have no parallel in modern history,” CSIS stated.")
    [quote] = [a for a in attributions if a.verb == "quote"]
    assert quote.source == "Center for Strategic and International Studies"
    assert quote.quote == "These losses have no parallel in modern history"


def test_quote_told_an_outlet_credits_the_outlet() -> None:
    attributions, source, _ = _read(
        '"Nobody will be forced to sign up," the official reportedly told Verstka.'
    )
    assert source.name == "Verstka"
    assert any(a.verb == "quote" and a.source == "Verstka" for a in attributions)


def test_scare_quotes_are_no_quotes() -> None:
    attributions, _, _ = _read("Reuters said the plan is “very likely” to pass.")
    assert not [a for a in attributions if a.verb == "quote"]


def test_verbs_of_acting_need_a_clause_after_them() -> None:
    # "wrote", "announced" describe acts unless a statement follows
    for text in (
        "Lidia Orlova wrote her first opera at nineteen.",
        "Putin announced the mobilization in September.",
    ):
        _, source, _ = _read(text)
        assert source == Source(), text
    _, source, _ = _read("Lidia Orlova wrote that the opera took a decade.")
    assert source.name == "Lidia Orlova"


def test_generic_plural_is_no_source() -> None:
    _, source, _ = _read("Analysts say a new call-up could come in 2026.")
    assert source == Source()


def test_inverted_verb_with_a_lowercase_title() -> None:
    attributions, source, _ = _read(
        "“Our reserves are running down faster than anyone planned,” said analyst Maria Lind."
    )
    assert source.name == "Maria Lind"
    assert any(a.verb == "quote" and a.source == "Maria Lind" for a in attributions)


def test_unnamed_organisation_still_dates_its_citation() -> None:
    [attribution], _, _ = _read("The lake kept rising, according to the water agency on March 3.")
    assert attribution.source == "water agency"
    # just after publication: the year is the publication year
    assert attribution.cited_date == dt.date(2026, 3, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("According to data from the World Bank, growth slowed to 2%.", "World Bank"),
        ("The estimate, published by Reuters, is disputed.", "Reuters"),
        ("As Reuters reported last week, the deal fell through.", "Reuters"),
        ("The head of the agency, Rafael Grossi, said the plant was safe.", "Rafael Grossi"),
    ],
)
def test_more_attribution_forms(text: str, expected: str) -> None:
    _, source, _ = _read(text)
    assert source.name == expected


def test_unnamed_company_does_not_borrow_the_last_source() -> None:
    context = _context()
    _read("Reuters reported the merger first.", context)
    _, source, _ = _read("The company said revenue rose 4%.", context)
    assert source == Source()


# --- the seed corpus (skipped when it is not beside the checkout) ---------------------------


def _corpus_claims(folder: Path, stem: str) -> list[Claim]:
    [article] = [a for a in load([folder]).articles if Path(a.path).name.startswith(stem)]
    return extract_article(article)


def test_corpus_sources(seeds_dated: Path) -> None:
    for stem in ("000", "002"):
        [fedorov] = [
            c
            for c in _corpus_claims(seeds_dated, stem)
            if isinstance(c, Attribution) and "35,000" in c.text
        ]
        assert fedorov.source == "Mykhailo Fedorov", stem
    claims = _corpus_claims(seeds_dated, "002")
    csis = [c for c in claims if isinstance(c, Attribution) and "nearly 1.2 million" in c.text]
    assert csis and all(c.source == "Center for Strategic and International Studies" for c in csis)
    [bloomberg] = [c for c in claims if isinstance(c, Attribution) and c.cited_date is not None]
    assert bloomberg.source == "Bloomberg"
    assert bloomberg.cited_date == dt.date(2025, 11, 30)


def test_corpus_chain_in_the_first_sentence(seeds_dated: Path) -> None:
    claims = _corpus_claims(seeds_dated, "000")
    first = [c for c in claims if isinstance(c, Attribution) and "groundwork" in c.text]
    assert first[0].source_chain == ("The Moscow Times", "Institute for the Study of War")


def test_names_in_other_latin_alphabets_are_names() -> None:
    claims = extract("According to Šimon Král, 1,200 homes were damaged in Brezno.")
    assert any(isinstance(c, Attribution) and c.source == "Šimon Král" for c in claims)
