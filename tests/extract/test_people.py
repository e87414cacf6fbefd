from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.extract import extract, extract_article
from checker.extract.context import ArticleContext
from checker.extract.people import find_people, split_title
from checker.load import load
from checker.models import PersonClaim, Sentence


def _context() -> ArticleContext:
    return ArticleContext(path="a.md", published=dt.date(2026, 1, 10))


def _people(text: str, context: ArticleContext | None = None) -> list[PersonClaim]:
    sentence = Sentence(text=text, line=3, column=1, paragraph=0, index=0)
    return find_people(sentence, context or _context())


@pytest.mark.parametrize(
    ("text", "person", "title", "former"),
    [
        (
            "Ukrainian Defense Minister Mykhailo Fedorov said 35,000 died.",
            "Mykhailo Fedorov",
            "Ukrainian Defense Minister",
            False,
        ),
        (
            "The drive is led by former president Dmitry Medvedev.",
            "Dmitry Medvedev",
            "President",
            True,
        ),
        ("Spokesman Dmitry Peskov denied it on Monday.", "Dmitry Peskov", "Spokesman", False),
        (
            "Vice Admiral Vladimir Tsimlyansky gave assurances.",
            "Vladimir Tsimlyansky",
            "Vice Admiral",
            False,
        ),
        (
            "Human rights lawyer Pavel Chikov counts 42 regions.",
            "Pavel Chikov",
            "Human Rights Lawyer",
            False,
        ),
        (
            "Aides said former U.S. President Donald Trump was angry.",
            "Donald Trump",
            "U.S. President",
            True,
        ),
        (
            "Russian President Vladimir Putin signed it.",
            "Vladimir Putin",
            "Russian President",
            False,
        ),
        (
            "In May, Defense Minister Sergei Shoigu spoke.",
            "Sergei Shoigu",
            "Defense Minister",
            False,
        ),
        (
            "The deal was signed by ex-president Petro Poroshenko.",
            "Petro Poroshenko",
            "President",
            True,
        ),
    ],
)
def test_title_before_name(text: str, person: str, title: str, former: bool) -> None:
    [claim] = _people(text)
    assert (claim.person, claim.title, claim.former) == (person, title, former)
    assert claim.line == 3


def test_appositive_titles() -> None:
    [claim] = _people(
        "Dara Massicot, a defense researcher at the think tank RAND Corporation, disagrees."
    )
    assert (claim.person, claim.title) == ("Dara Massicot", "Defense Researcher")
    [claim] = _people("Emmanuel Macron, the president of France, arrived late.")
    assert (claim.person, claim.title) == ("Emmanuel Macron", "President of France")


def test_surname_resolves_to_the_full_name() -> None:
    context = _context()
    _people("Defense Minister Sergei Shoigu spoke first.", context)
    [claim] = _people("Former minister Shoigu left in May.", context)
    assert claim.person == "Sergei Shoigu" and claim.former
    assert context.people["Shoigu"] == "Sergei Shoigu"


def test_the_organisation_a_title_names_is_remembered() -> None:
    context = _context()
    _people("Coastal Agency Director Lena Ruiz briefed reporters.", context)
    _people("Tomas Berg, the director of the Harbour Trust, arrived late.", context)
    _people("Police Chief Ana Vidal declined to comment.", context)
    assert context.affiliations == {"Lena Ruiz": "Coastal Agency", "Tomas Berg": "Harbour Trust"}


def test_descriptor_remembers_without_a_claim() -> None:
    context = _context()
    assert _people("The Russian leader, Vladimir Putin, has signed a decree.", context) == []
    assert context.people["Putin"] == "Vladimir Putin"
    assert context.last_person == "Vladimir Putin"


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin signed it.",  # no title in the mention
        "The governor of Moscow Region spoke.",  # a place
        "President Street was closed for repairs.",  # one word after the title, not a person
        "It is a major Russian city near Voronezh.",  # "major" in lowercase is no rank
        "General Motors Company reported a loss.",
        "Verstka, an independent online news site, reported it.",
    ],
)
def test_not_titled_people(text: str) -> None:
    assert _people(text) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A title-case headline capitalizes its verbs: "Declares State" is no name.
        ("The governor acted on Sunday.", []),
        # The body names the person the headline titled: the headline's claim stands.
        ("The mayor hired Ines Ortega again on Monday.", [("Ines Ortega", "Attorney")]),
    ],
)
def test_a_title_case_headline_names_only_whom_the_body_names(
    body: str, expected: list[tuple[str, str]]
) -> None:
    text = f"Governor Declares State of Emergency, Rehires Attorney Ines Ortega\n\n{body}\n"
    people = [c for c in extract(text, dt.date(2026, 3, 8)) if isinstance(c, PersonClaim)]
    assert [(c.person, c.title) for c in people] == expected
    assert all(c.line == 1 for c in people)


def test_split_title_for_sources() -> None:
    assert split_title("Ukrainian Defense Minister Mykhailo Fedorov") == (
        "Ukrainian Defense Minister",
        "Mykhailo Fedorov",
        False,
    )
    assert split_title("Bloomberg") == (None, "Bloomberg", False)


def _corpus_people(folder: Path, stem: str) -> dict[str, PersonClaim]:
    [article] = [a for a in load([folder]).articles if Path(a.path).name.startswith(stem)]
    return {c.person: c for c in extract_article(article) if isinstance(c, PersonClaim)}


def test_corpus_people(seeds_dated: Path) -> None:
    trump = _corpus_people(seeds_dated, "004")["Donald Trump"]
    assert (trump.title, trump.former) == ("U.S. President", True)
    people = _corpus_people(seeds_dated, "003")
    assert (people["Dmitry Medvedev"].title, people["Dmitry Medvedev"].former) == (
        "President",
        True,
    )
    assert (people["Dmitry Peskov"].title, people["Dmitry Peskov"].former) == ("Spokesman", False)
    # places and organisations are not people
    assert not {"Moscow", "Voronezh", "RAND Corporation", "Wagner Group"} & set(people)
