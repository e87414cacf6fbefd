"""Frames of sentences written for these tests: anchor, predicate, attribute, time scope.

Each case names the words of one value in a sentence and the frame its claim must carry;
`anchor` lists names that must all be in the claim's anchor, `None` means no frame at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from checker.extract import extract_sentences
from checker.extract.frames import FrameReader
from checker.extract.sentences import split_sentences
from checker.models import DateClaim, Figure, Frame
from checker.nlp import parse

PUBLISHED = dt.date(2026, 3, 12)


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    value: str  # the words of the value whose frame is checked
    predicate: str | None = None
    attribute: str | None = None
    anchor: tuple[str, ...] = ()
    no_frame: bool = False
    title: str | None = None
    label: str | None = None  # what reports call it, in the sentence's words


CASES = [
    Case(
        "passive kill in a place",
        "Twelve people were killed in Vero County on Monday.",
        "Twelve",
        "kill",
        "people",
        ("Vero County",),
    ),
    Case(
        "active verb with a named subject",
        "Storm Alda destroyed 4,200 homes in Brezno.",
        "4,200",
        "destroy",
        "home",
        ("Storm Alda", "Brezno"),
    ),
    Case(
        "owner of the counted noun",
        "Russia's army lost 5,000 tanks in the winter.",
        "5,000",
        "lose",
        "tank",
        ("Russia",),
    ),
    Case(
        "a toll put at a number by its source",
        "Officials put the death toll at 45.",
        "45",
        "",
        "death toll",
    ),
    Case(
        "a toll that rose",
        "The death toll in the Alda earthquake rose to 130.",
        "130",
        "",
        "death toll",
        ("Alda",),
    ),
    Case(
        "a quantity word counts what it is of",
        "The total number of homes damaged in Dolna has risen to 14,900.",
        "14,900",
        "damage",
        "home",
        ("Dolna",),
    ),
    Case(
        "a size stated with a copula",
        "The Vero bridge is 1.2 km long.",
        "1.2 km",
        "",
        "long",
        ("Vero",),
    ),
    Case(
        "a size on another axis",
        "The Vero bridge is 31 m wide.",
        "31 m",
        "",
        "wide",
        ("Vero",),
    ),
    Case(
        "a label line names what its figure is",
        "Race details\tStages:\t3\tDistance:\t585[2] km (364 mi)",
        "585",
        "",
        "distance",
        title="2019 Tour of Vesland",
    ),
    Case(
        "a size stated as an area",
        "Lake Orsen has a surface area of 612 km2.",
        "612 km2",
        "",
        "surface area",
        ("Lake Orsen",),
    ),
    Case(
        "a relative clause's subject is its noun",
        "Anglers travel to Lake Orsen, which covers 587 square kilometres.",
        "587 square kilometres",
        "",
        "",
        ("Lake Orsen",),
    ),
    Case(
        "an age set beside a name",
        "Anna Holt, 34, reached the summit on Sunday.",
        "34",
        "",
        "age",
        ("Anna Holt",),
    ),
    Case(
        "the age of nobody named", "The 33-year-old actress left the studio.", "33", no_frame=True
    ),
    Case(
        "the age of a kind of people",
        "The service accepts volunteers aged 21 to 45.",
        "21 to 45",
        "",
        "volunteer age",
    ),
    Case("a timestamp", "Updated: May 24, 2025, 3:23 PM ET", "3:23", no_frame=True),
    Case(
        "a number that classifies", "Hansen hit a 3-point shot at the buzzer.", "3", no_frame=True
    ),
    Case(
        "an offset in time",
        "Six weeks before the vote, Lena Park resigned.",
        "Six weeks",
        no_frame=True,
    ),
    Case(
        "a date's predicate",
        "HMS Vigilant was laid down on 14 March 1757.",
        "14 March 1757",
        "lay down",
        None,
        ("Vigilant",),
    ),
    Case(
        "a pronoun is the title's person",
        "He died on 2 March 1881 in Trieste.",
        "2 March 1881",
        "die",
        None,
        ("Karl Weiss",),
        title="Karl Weiss",
    ),
    Case(
        "a process that began",
        "Serial production of the Vero K5 tractor began in March 2011.",
        "March 2011",
        "production begin",
        None,
    ),
    Case(
        "a process started by someone",
        "Halden Works started construction of the dam in 1998.",
        "1998",
        "construction begin",
        None,
    ),
    Case(
        "a label line gives a process a start",
        "Production of the Vero K5: May 2011 – June 2019",
        "May 2011",
        "production begin",
        None,
        ("Vero",),
    ),
    Case(
        "a label line gives a process an end",
        "Production of the Vero K5: May 2011 – June 2019",
        "June 2019",
        "production end",
        None,
        ("Vero",),
    ),
    Case(
        "'they' stays unresolved",
        "They had 38 dead and 61 wounded.",
        "61",
        no_frame=False,
        anchor=(),
    ),
    Case(
        "a participle after the noun it dates",
        "The museum in Narvel, founded in 1869, reopened this year.",
        "1869",
        "found",
        "museum",
        ("Narvel",),
    ),
    Case(
        "a participle before the subject it dates",
        "Founded in 1851, the library of Ostrava Nova is the oldest nearby.",
        "1851",
        "found",
        "library",
        ("Ostrava Nova",),
    ),
    Case(
        "a participle after a noun the copula names",
        "Blue Hours is the second album by Ostend Lights, released in 1998.",
        "1998",
        "release",
        None,
        ("Blue Hours",),
        title="Blue Hours",
    ),
    Case(
        "a name set beside the subject",
        "In 1968, a second book was published, The Glass Harbour, where Vera Lund wrote of it.",
        "1968",
        "publish",
        None,
        ("Glass Harbour",),
    ),
    Case(
        "a height someone stood",
        "Ruta Sabal stood 1.80 m tall.",
        "1.80",
        None,
        "tall",
        ("Ruta Sabal",),
    ),
    Case(
        "the title's thing measured by its noun",
        "The lake covers 47 km2.",
        "47",
        None,
        "",
        ("Lake Varsund",),
        title="Lake Varsund",
    ),
    Case(
        "a sentence opened by its owner's pronoun",
        "Its main span measures 340 m.",
        "340",
        "",
        "main span",
        ("Orsund Bridge",),
        title="Orsund Bridge",
    ),
    Case(
        "a part its owner has, measured along its length",
        "Its main span is 340 m long.",
        "340",
        "",
        "main span",
        ("Orsund Bridge",),
        title="Orsund Bridge",
    ),
    Case(
        "a size given to its owner by 'has ... of'",
        "The Orsund Bridge has a main span of 320 metres.",
        "320",
        "",
        "main span",
        ("Orsund Bridge",),
    ),
    Case(
        "a capitalized common noun taken for a name",
        "Turnout in Brask was 61 percent.",
        "61",
        "",
        "turnout",
        ("Brask",),
    ),
    Case(
        "a share a source puts at a value",
        "The election board put turnout in Brask at 67%.",
        "67",
        "",
        "turnout",
        ("Brask",),
    ),
    Case(
        "an age at an event",
        "Ivar Lindqvist died at the age of 71.",
        "71",
        "die",
        "age",
        ("Ivar Lindqvist",),
    ),
    Case(
        "the subject of an aim is that of the verb it aims at, and its owner",
        "The minister said that Norland aimed to double its 1,400 vessels by 2030.",
        "1,400",
        None,
        "vessel",
        ("Norland",),
    ),
    Case(
        "a person's possessive is the person subject's",
        "Governor Ana Marek raised her offer to 3,000 homes after the floods.",
        "3,000",
        None,
        None,
        ("Ana Marek",),
    ),
    Case(
        "an infobox line",
        "Julian Ross Born\t27 August 1968",
        "27 August 1968",
        "bear",
        None,
        ("Julian Ross",),
    ),
    Case(
        "a passive participle says what was done to the counted noun",
        "Border guards said 2,400 Belarusian troops were deployed.",
        "2,400",
        "deploy",
        "troop",
        ("Belarusian",),
        label="troops deployed",
    ),
    Case(
        "the object of an active verb",
        "Allied drones killed 1,100 Russian soldiers in March.",
        "1,100",
        "kill",
        "soldier",
        ("Russian",),
        label="soldiers killed",
    ),
    Case(
        "a country as the clause's subject owns what it lost",
        "Ukraine, by most accounts, may have lost at least 60,000 soldiers.",
        "60,000",
        "lose",
        "soldier",
        ("Ukraine",),
        label="soldiers lost",
    ),
    Case(
        "a verb that carries no event of its own is left out of the label",
        "Russian forces have suffered nearly 900,000 casualties.",
        "900,000",
        "",
        "casualty",
        label="casualties",
    ),
    Case(
        "a noun measured by an of-phrase",
        "At the last census the town had a population of 48,210.",
        "48,210",
        attribute="population",
        label="population",
    ),
    Case(
        "two measurements of one thing by their own nouns",
        "The glider has a wingspan of 18.5 m and a range of 1,100 km.",
        "1,100",
        attribute="range",
        label="range",
    ),
    Case(
        "a grouped count the tagger calls a date, with a sign after it",
        "Big Rally in Brezno; 40,000+ Expected",
        "40,000",
        "expect",
        anchor=("Brezno",),
    ),
    Case(
        "the verb of a noun that is not what it acts on stays out of the label",
        "Jon Brask was sentenced to three life sentences on Friday.",
        "three",
        "sentence",
        "life sentence",
        ("Jon Brask",),
        label="life sentences",
    ),
    Case(
        "a word that makes the figure the whole's joins its anchor as a place would",
        "Garo Works employs 12,000 people worldwide, its annual report says.",
        "12,000",
        anchor=("Garo Works", "worldwide"),
    ),
    Case(
        "a second measurement's own axis",
        "The dam is 185 m high and 520 m long.",
        "520",
        attribute="long",
        label="length",
    ),
    Case(
        "what took place",
        "The battle took place on 4 June 1644 south of the ford.",
        "4 June 1644",
        predicate="occur",
        attribute="battle",
    ),
    Case(
        "a battle fought",
        "The Battle of Harrow Ford was fought on 14 June 1644.",
        "14 June 1644",
        predicate="occur",
        attribute="",
        anchor=("Battle of Harrow Ford",),
    ),
    Case(
        "a race held",
        "The first race on the lake was held in 1880.",
        "1880",
        predicate="occur",
        attribute="race",
    ),
    Case(
        "the whole a part is taken from",
        "Thirty-five of the 120 passengers were killed.",
        "120",
        predicate="",
        attribute="passenger",
    ),
    Case(
        "the whole after the part",
        "The crash killed 12 of the 30 people aboard.",
        "30",
        predicate="",
    ),
    Case("the whole after a pronoun", "312 of her 480 passengers died.", "480", predicate=""),
    Case(
        "the part",
        "Thirty-five of the 120 passengers were killed.",
        "Thirty-five",
        predicate="kill",
    ),
    Case(
        "a vote held by someone took place",
        "The council held a vote on the budget on 3 May 2018.",
        "3 May 2018",
        predicate="occur",
        attribute="vote",
    ),
    Case(
        "a walk organized took place, the organizer's",
        "The Tarn Walkers organized a walk in Halifax in 2011.",
        "2011",
        predicate="occur",
        attribute="walk",
        anchor=("Tarn Walkers", "Halifax"),
    ),
    Case(
        "what took place keeps the words that make it another kind",
        "The Halm Rowing Club held a practice regatta in 1864.",
        "1864",
        predicate="occur",
        attribute="practice regatta",
        anchor=("Halm Rowing Club",),
    ),
    Case(
        "a concert staged took place",
        "The Kessel Choral Society staged a concert in 1868.",
        "1868",
        predicate="occur",
        attribute="concert",
        anchor=("Kessel Choral Society",),
    ),
]


def _frame(case: Case) -> Frame | None:
    lines = tuple(range(1, case.text.count("\n") + 2))
    claims = extract_sentences(
        split_sentences(case.text, lines), PUBLISHED, path="a.md", title=case.title
    )
    start = case.text.index(case.value)
    for claim in claims:
        if isinstance(claim, Figure | DateClaim) and claim.value_span[0] <= start < max(
            claim.value_span[1], claim.value_span[0] + 1
        ):
            return claim.frame
    if case.no_frame:
        return None
    raise AssertionError(f"no claim at {case.value!r}: {claims}")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_frame(case: Case) -> None:
    frame = _frame(case)
    if case.no_frame:
        assert frame is None, frame
        return
    if case.name == "'they' stays unresolved":
        assert frame is None or not frame.anchor, frame
        return
    assert frame is not None
    if case.predicate is not None:
        assert frame.predicate == case.predicate, frame
    if case.attribute is not None:
        assert frame.attribute == case.attribute, frame
    for name in case.anchor:
        assert any(name in part for part in frame.anchor), frame
    if case.label is not None:
        assert frame.label == case.label, frame


def test_the_month_of_a_count_is_no_event_date() -> None:
    text = "Drone units killed 35,000 soldiers in December."
    assert _frame(Case("count", text, "December", no_frame=True)) is None
    text = "The fort was completed in December 1750."
    frame = _frame(Case("event", text, "December 1750"))
    assert frame is not None and frame.predicate == "complete"


def test_a_date_of_the_sentence_above_the_figure_is_its_scope() -> None:
    text = "On 11 March, Lena Park learned that her unit had seven wounded."
    frame = _frame(Case("scope", text, "seven"))
    assert frame is not None and "11 march" in frame.scope


def test_a_date_inside_another_noun_phrase_is_not_its_scope() -> None:
    text = "The 64 tornadoes made it the largest November outbreak ever seen in Vero."
    frame = _frame(Case("no scope", text, "64"))
    assert frame is not None and frame.scope == ""


def test_a_figure_takes_the_period_its_paragraph_opens_with() -> None:
    text = (
        "During the March 2024 floods the river rose quickly. "
        "In the end, 140 homes in Brezno were flooded."
    )
    lines = (1,)
    claims = extract_sentences(split_sentences(text, lines), PUBLISHED, path="a.md")
    figure = next(c for c in claims if isinstance(c, Figure) and c.value == 140)
    assert figure.period_start == dt.date(2024, 3, 1)
    assert figure.period_end == dt.date(2024, 3, 31)


def test_a_figure_of_today_does_not_take_the_paragraphs_period() -> None:
    text = "In 2020, the Vero shelter had 50 beds. It now has 80 beds."
    claims = extract_sentences(split_sentences(text, (1,)), PUBLISHED, path="a.md")
    figure = next(c for c in claims if isinstance(c, Figure) and c.value == 80)
    assert figure.period_start is None


def test_a_figure_in_a_where_clause_is_set_in_its_place() -> None:
    text = "Reeve played at Marlow Tech, where he ran for 5,912 yards."
    frame = _frame(Case("setting", text, "5,912"))
    assert frame is not None and frame.setting == "Marlow Tech"
    frame = _frame(Case("no setting", "Reeve ran for 212 yards at Marlow Tech.", "212"))
    assert frame is not None and frame.setting == ""


def test_he_after_the_titles_bare_name_as_subject_is_that_name() -> None:
    # the recognizer takes this made-up name for an organisation
    text = "In 2009, Tayden Mane joined the Ostend Players. He is the tallest actor (6' 8\")."
    claims = extract_sentences(
        split_sentences(text, (1,)), PUBLISHED, path="a.md", title="Tayden Mane"
    )
    height = next(c for c in claims if isinstance(c, Figure))
    assert height.frame is not None and height.frame.anchor == ("Tayden Mane",)


def test_the_year_a_work_is_named_by_is_its_release() -> None:
    frame = _frame(
        Case("work", "Night at Molk is a 2004 drama film.", "2004", title="Night at Molk")
    )
    assert frame is not None and frame.predicate == "release"
    assert frame.anchor == ("Night at Molk",)
    text = "Petra Lund directed Winter at Halden, a 2011 drama film."
    frame = _frame(Case("work beside its name", text, "2011"))
    assert frame is not None and frame.anchor == ("Winter at Halden",)


def test_a_possessive_after_another_noun_names_no_owner() -> None:
    case = Case(
        "its after another thing",
        "An old ferry crossed here, and its main span measured 40 m.",
        "40",
        title="Orsund Bridge",
    )
    frame = _frame(case)
    assert frame is None or not frame.anchor, frame


def test_its_is_no_persons() -> None:
    text = "The minister said that Ana Marek aimed to double its 1,400 vessels by 2030."
    frame = _frame(Case("its after a person", text, "1,400"))
    assert frame is None or not frame.anchor, frame


def test_life_dates_are_of_the_name_they_follow() -> None:
    # whatever else the clause names: the son's father and the realm are not whose dates these are
    text = (
        "Ghazi Orhan II (Turkish name; 1316–1370), son of Osman Bey, was the fourth ruler of "
        "the Varsak emirate."
    )
    frame = _frame(Case("life dates", text, "1316"))
    assert frame is not None and frame.anchor == ("Ghazi Orhan II",), frame


def test_it_is_the_work_the_article_says_its_title_is() -> None:
    # the small model tags the film's name a person; the article says it is a film
    text = (
        "The Glass Road is a 1998 film directed by Ivo Marr. It has a running time of 112 minutes."
    )
    sentences = split_sentences(text, (1,))
    claims = extract_sentences(sentences, PUBLISHED, path="a.md", title="The Glass Road")
    frame = next(c.frame for c in claims if isinstance(c, Figure) and c.value == 112)
    assert frame is not None and frame.anchor and "Glass Road" in frame.anchor[0], frame


def _primary(text: str, value: str, title: str | None = None) -> str:
    frame = _frame(Case("primary", text, value, title=title))
    assert frame is not None and frame.has_primary, frame
    return frame.anchor[0]


def test_what_an_active_verb_acts_on_is_the_dates_primary_anchor() -> None:
    # the founding is the museum's, in either voice; its founder is one of the other names
    text = "Amos Pike founded the Harlan Museum in 1851."
    assert _primary(text, "1851") == "Harlan Museum"
    frame = _frame(Case("founder", text, "1851"))
    assert frame is not None and "Amos Pike" in frame.anchor, frame
    assert _primary("The Harlan Museum was founded by Amos Pike in 1851.", "1851") == (
        "Harlan Museum"
    )


def test_an_object_that_is_the_titles_thing_is_the_title() -> None:
    text = "Amos Pike established the college in 1857."
    assert _primary(text, "1857", title="Harlan College") == "Harlan College"


def test_a_pronoun_object_leaves_the_subject_primary() -> None:
    text = "Ruth Hale married him in 1952."
    assert _primary(text, "1952") == "Ruth Hale"


def test_a_sentence_case_title_is_the_thing_its_last_noun_names() -> None:
    title = "Kelford railway station"
    assert _primary("The station opened in 1887.", "1887", title=title) == title
    assert _primary("Kelford station was opened in 1888.", "1888", title=title) == title


def test_another_thing_of_the_titles_kind_is_not_the_title() -> None:
    title = "Kelford railway station"
    frame = _frame(
        Case("goods", "The goods station at Dunmere opened in 1890.", "1890", title=title)
    )
    assert frame is not None and title not in frame.anchor, frame


def test_a_recurring_events_doer_stays_primary() -> None:
    # a club signs many players: the signing is the club's, and the player one of its names
    frame = _frame(Case("signs", "Harlow United signed Tomas Reyes on 3 February.", "3 February"))
    assert frame is not None and frame.anchor[0] == "Harlow United", frame
    assert "Tomas Reyes" in frame.anchor, frame


def test_a_date_of_a_verb_said_first_is_its_first_occurrence() -> None:
    for text, value in (
        ("The novel was first published in 1971 by Marrow House.", "1971"),
        ("First published in 1971, the novel sold well.", "1971"),
        ("She first married in 1950.", "1950"),
    ):
        frame = _frame(Case("first", text, value))
        assert frame is not None and frame.first, (text, frame)
    for text, value in (
        # the first step of a list, the first of a kind of people, and no "first" at all
        ("First, the company was founded in 1867.", "1867"),
        ("She was the first woman to climb the peak in 1950.", "1950"),
        ("The novel was published in 1971.", "1971"),
    ):
        frame = _frame(Case("not first", text, value))
        assert frame is not None and not frame.first, (text, frame)


def test_it_is_the_place_the_article_says_its_title_is() -> None:
    # the small model takes the made-up town's name for a person; "is a town" says otherwise
    text = "Brenmar is a market town on the River Sull. At the 2011 census it had 14,250 people."
    claims = extract_sentences(split_sentences(text, (1,)), PUBLISHED, path="a.md", title="Brenmar")
    figure = next(c for c in claims if isinstance(c, Figure) and c.surface == "14,250")
    assert figure.frame is not None and figure.frame.anchor[:1] == ("Brenmar",), figure.frame


def test_the_first_of_what_took_place_is_its_first_occurrence() -> None:
    frame = _frame(Case("first race", "The first race on the lake was held in 1880.", "1880"))
    assert frame is not None and frame.first, frame
    frame = _frame(Case("a race", "The race on the lake was held in 1880.", "1880"))
    assert frame is not None and not frame.first, frame


def test_the_first_of_all_its_kind_is_told_from_the_first_of_some() -> None:
    text = "The first walk of the Tarn Walkers took place in September 2011."
    frame = _frame(Case("first walk", text, "September 2011"))
    assert frame is not None and frame.first and frame.first_of_all, frame
    assert frame.anchor[:1] == ("Tarn Walkers",) and frame.anchor_from == "owner", frame
    for restricted in (
        "The first walk in Canada took place in September 2011.",
        "The first night walk took place in September 2011.",
        "The first walk of the season took place in September 2011.",
    ):
        frame = _frame(Case("first of some", restricted, "September 2011"))
        assert frame is not None and not frame.first_of_all, (restricted, frame)
    # what was held is no event when it is counted: "held 35 hostages"
    text = "The rebels held 35 hostages in the embassy in March 1997."
    frame = _frame(Case("hostages", text, "March 1997", no_frame=True))
    assert frame is None or frame.predicate != "occur", frame


def test_a_date_of_saying_bounds_the_deed_it_reports_as_done() -> None:
    text = "In 2009, the Tarn Walkers claimed to have organized walks in 41 cities."
    date = _claim_at(text, "2009")
    assert isinstance(date, DateClaim)
    assert date.frame is not None and date.frame.done_by, date.frame
    assert (date.frame.predicate, date.frame.attribute, date.relation) == ("occur", "walk", "by")
    for said in (
        "In 2009, the Tarn Walkers said they would hold walks in 41 cities.",
        "In 2009, the Tarn Walkers said they had held walks in 41 cities in 2006.",
    ):
        date = _claim_at(said, "2009")
        assert isinstance(date, DateClaim)
        assert date.frame is None or not date.frame.done_by, (said, date.frame)
        assert date.relation != "by", said


def test_a_title_the_body_names_is_a_name_though_it_reads_as_a_verb_phrase() -> None:
    title = "Stop Coastal Dredging Now"
    body = "The Stop Coastal Dredging Now campaign began in 2004. It held marches in 2009."
    reader = FrameReader()
    reader.read_title(next(parse([title])), body)
    assert reader.title_entity == title
    # a headline the body does not repeat is no name
    reader = FrameReader()
    reader.read_title(next(parse(["Storm Hits Orsk Coast"])), "A storm hit the coast of Orsk.")
    assert reader.title_entity is None


def _claim_at(text: str, value: str, title: str | None = None) -> Figure | DateClaim:
    """The figure or date whose value is written `value`, in a text of several sentences."""
    claims = extract_sentences(split_sentences(text, (1,)), PUBLISHED, path="a.md", title=title)
    return next(
        c
        for c in claims
        if isinstance(c, Figure | DateClaim) and c.text[slice(*c.value_span)].startswith(value)
    )


def test_the_part_of_the_titles_thing_named_with_of_is_the_titles() -> None:
    text = "The main span of the bridge is 401 metres long."
    assert _primary(text, "401", title="Dunmore Bridge") == "Dunmore Bridge"
    frame = _frame(Case("span", text, "401", title="Dunmore Bridge"))
    assert frame is not None and frame.attribute == "main span", frame
    text = "The main span of the old ferry bridge was 140 metres long."
    frame = _frame(Case("other bridge", text, "140", title="Dunmore Bridge"))
    assert frame is None or frame.anchor[:1] != ("Dunmore Bridge",), frame


def test_a_part_named_with_of_is_its_owners_part() -> None:
    # "m" is tagged a verb here: a unit word is still the unit
    for text in (
        "The spire of Orsk Cathedral is 98 m tall.",
        "Orsk Cathedral's spire is 98 m tall.",
    ):
        frame = _frame(Case("spire", text, "98"))
        assert frame is not None and frame.anchor[:1] == ("Orsk Cathedral",), (text, frame)
        assert (frame.attribute, frame.predicate) == ("spire height", ""), (text, frame)
    text = "The abbey's tower rises to 64 metres."
    frame = _frame(Case("tower", text, "64", title="Kessel Abbey"))
    assert frame is not None and frame.attribute == "tower height", frame


def test_a_light_verb_that_says_what_its_noun_is_stays_in_the_frame() -> None:
    # "holds 9,200 spectators" is a capacity (synonyms' verb_attributes), which the light verb
    # alone would not say
    frame = _frame(Case("holds", "Kessel Park holds 9,200 spectators.", "9,200"))
    assert frame is not None and (frame.predicate, frame.attribute) == ("hold", "spectator")
    frame = _frame(Case("rose", "The toll rose to 35.", "35"))
    assert frame is not None and frame.predicate == "", frame


def test_a_length_above_sea_level_is_an_elevation() -> None:
    frame = _frame(Case("lake", "Lake Orrin sits 321 m above sea level.", "321"))
    assert frame is not None and frame.attribute == "elevation", frame


def test_a_ships_title_is_no_person_whatever_the_recognizer_says() -> None:
    text = "The ship was launched on 14 April 1911 at the Halm yard."
    assert _primary(text, "14 April 1911", title="SS Kestrel Bay") == "SS Kestrel Bay"


def test_the_pronoun_of_a_deed_a_named_speaker_reports_is_the_speaker() -> None:
    text = "Orsk Mills said it had closed two plants in Tavel in 2019."
    assert _primary(text, "two") == "Orsk Mills"
    # a quote set before its speaker speaks of someone else
    text = '"He had a setback in 2019," Ivo Lint said of the striker.'
    frame = _frame(Case("quote", text, "2019", no_frame=True))
    assert frame is None or frame.anchor[:1] != ("Ivo Lint",), frame


def test_a_relative_clause_after_the_copula_is_said_of_the_subject() -> None:
    text = "The Marrow Bay was a cargo ship that sank off Cape Tallis on 3 February 1917."
    frame = _frame(Case("ship", text, "3 February 1917"))
    assert frame is not None and frame.anchor[:1] == ("Marrow Bay",), frame
    assert frame.predicate == "sink", frame


def test_a_title_said_to_be_the_kind_its_last_word_names_is_a_thing() -> None:
    # the recognizer tags "Dunmore Bridge" a person; "it" is still the bridge
    text = (
        "Dunmore Bridge is a cable-stayed bridge over the Sull estuary. It has a main span of"
        " 410 metres."
    )
    claim = _claim_at(text, "410", title="Dunmore Bridge")
    assert claim.frame is not None and claim.frame.anchor[:1] == ("Dunmore Bridge",), claim.frame


def test_whose_event_took_place_is_its_owner() -> None:
    title = "Sigrun II of Hallam"
    text = "Her coronation took place on 12 June 1753 in the abbey church of Tavel."
    assert _primary(text, "12 June 1753", title=title) == title
    frame = _frame(Case("coronation", text, "12 June 1753", title=title))
    assert frame is not None and (frame.predicate, frame.attribute) == ("occur", "coronation")


def test_a_subject_that_is_the_title_is_it_however_the_recognizer_cut_it() -> None:
    title = "1931 Tour of Hallam"
    text = "The 1931 Tour of Hallam was 1,342 km long."
    assert _primary(text, "1,342", title=title) == title


def test_the_name_of_a_scale_is_about_nothing() -> None:
    text = "An earthquake measuring 6.1 on the Richter scale struck on Monday, killing 35 people."
    frame = _frame(Case("scale", text, "35"))
    assert frame is None or not any("Richter" in name for name in frame.anchor), frame
    assert frame is None or not any("scale" in name for name in frame.anchor), frame


def test_a_circa_date_dates_its_verb() -> None:
    frame = _frame(Case("circa", "Hal Brisk was born circa 1850 in Delm.", "1850"))
    assert frame is not None and frame.predicate == "bear", frame
