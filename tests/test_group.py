from __future__ import annotations

import datetime as dt

import pytest

from checker.group import RawKey, group_figures, groups_from_raw, happens_once_to, raw_key
from checker.models import Figure, Frame
from tests.test_compat import figure


def _keys(*figures: Figure) -> list[tuple[str, ...]]:
    """Group keys of figures stated on lines 1, 2, 3 ...: each its own sentence."""
    lines = [f.model_copy(update={"line": n}) for n, f in enumerate(figures, start=1)]
    return [g.key for g in group_figures(lines)]


def _frame(*anchor: str, attribute: str = "soldier", predicate: str = "kill", **rest: str) -> Frame:
    return Frame(anchor=anchor, attribute=attribute, predicate=predicate, **rest)  # type: ignore[arg-type]


def test_synonym_overrides_share_a_group() -> None:
    groups = group_figures(
        [
            figure(1, line=1, frame=_frame("Russia", attribute="troop", predicate="die")),
            figure(2, line=2, frame=_frame("Russia", attribute="serviceman", predicate="kill")),
            figure(3, line=3, frame=_frame("Russia", attribute="soldier", predicate="death")),
        ]
    )
    assert len(groups) == 1
    assert groups[0].key[:2] == ("soldier", "kill")
    assert len(groups[0].figures) == 3


def test_broader_words_stay_apart() -> None:
    keys = _keys(
        figure(1, frame=_frame("Russia", attribute="personnel")),
        figure(2, frame=_frame("Russia")),
        figure(3, frame=_frame("Russia", predicate="wound")),
        figure(4, frame=_frame("Russia", attribute="casualty", predicate="")),
    )
    assert len(keys) == 4


def test_anchors_must_agree() -> None:
    athens = figure(3, frame=_frame("Athens", attribute="person"))
    gaza = figure(40, frame=_frame("Gaza", attribute="person"))
    assert len(_keys(athens, gaza)) == 2
    # a name and the longer anchor that holds it are about the same thing
    israel_gaza = figure(45, frame=_frame("Israel", "Gaza", attribute="person"))
    assert len(_keys(gaza, israel_gaza)) == 1
    # two places of one country are not one place
    sumatra = figure(5, frame=_frame("Sumatra", "Indonesia", attribute="person"))
    aceh = figure(9, frame=_frame("Aceh", "Indonesia", attribute="person"))
    assert len(_keys(sumatra, aceh)) == 2


def test_an_anchor_agreeing_with_two_that_disagree_stays_alone() -> None:
    a = figure(1, line=1, frame=_frame("Israel", "Gaza", attribute="person"))
    b = figure(2, line=2, frame=_frame("Egypt", "Gaza", attribute="person"))
    gaza = figure(3, line=3, frame=_frame("Gaza", attribute="person"))
    groups = group_figures([a, b, gaza])
    assert len(groups) == 3


def test_primary_names_must_match() -> None:
    town = figure(
        69,
        unit="kilometer",
        frame=_frame("Lindenhöhe", "Berlin", attribute="", predicate="", anchor_from="subject"),
    )
    same = figure(
        80,
        unit="kilometer",
        frame=_frame(
            "Lindenhohe", "Berlin", "Havelland", attribute="", predicate="", anchor_from="subject"
        ),
    )
    other = figure(
        30,
        unit="kilometer",
        frame=_frame("Potsdam", "Berlin", attribute="", predicate="", anchor_from="subject"),
    )
    assert len(_keys(town, same)) == 1
    assert len(_keys(town, other)) == 2


def test_people_named_three_ways_are_one_anchor() -> None:
    full = figure(
        1.9,
        unit="meter",
        frame=_frame(
            "Marina Augusta Baker", attribute="height", predicate="", anchor_from="subject"
        ),
    )
    short = figure(
        1.8,
        unit="meter",
        frame=_frame("Marina Baker", attribute="height", predicate="", anchor_from="subject"),
    )
    surname = figure(
        1.7,
        unit="meter",
        frame=_frame("Baker", attribute="height", predicate="", anchor_from="subject"),
    )
    other = figure(
        1.6,
        unit="meter",
        frame=_frame("Lena Baker", attribute="height", predicate="", anchor_from="subject"),
    )
    assert len(_keys(full, short, surname)) == 1
    assert len(_keys(full, other)) == 2


def test_units_must_share_a_dimension() -> None:
    km = figure(
        1.5, unit="kilometer", frame=_frame("Main Bridge", attribute="bridge", predicate="")
    )
    metres = figure(
        1500, unit="meter", frame=_frame("Main Bridge", attribute="bridge", predicate="")
    )
    tonnes = figure(
        1500, unit="tonne", frame=_frame("Main Bridge", attribute="bridge", predicate="")
    )
    assert len(_keys(km, metres, tonnes)) == 2


def test_a_length_on_another_axis_is_another_thing() -> None:
    def size(value: float, attribute: str) -> Figure:
        frame = _frame("Main Bridge", attribute=attribute, predicate="", anchor_from="subject")
        return figure(value, unit="meter", frame=frame)

    keys = _keys(size(2400, "length"), size(2.4, "long"), size(31, "wide"), size(30, "width"))
    assert sorted(key[0] for key in keys) == ["", "width"]


def test_a_dated_count_with_a_borrowed_anchor_is_grouped() -> None:
    frame = _frame("Storm Alfa", attribute="tornado", predicate="", anchor_from="paragraph")
    dated = figure(87, frame=frame, period_start=dt.date(2010, 10, 1))
    assert raw_key(dated) is not None
    assert raw_key(figure(87, frame=frame)) is None


def test_a_figure_set_in_a_place_is_not_grouped() -> None:
    frame = _frame("Lena Baker", attribute="yard", predicate="run", setting="Marlow Tech")
    assert raw_key(figure(5912, unit="yard", frame=frame)) is None


def test_no_frame_no_anchor_no_group() -> None:
    assert raw_key(figure(1, frame=None)) is None
    assert raw_key(figure(1, frame=_frame())) is None
    assert group_figures([figure(1, frame=None), figure(2, frame=None)]) == []


def test_a_bare_count_with_a_borrowed_anchor_is_not_grouped() -> None:
    # "42 regions" in an article about a storm: nothing happened to them, and the anchor is
    # only the paragraph's, so another "31 regions" may be another set
    bare = _frame("Storm Alfa", attribute="region", predicate="", anchor_from="paragraph")
    assert raw_key(figure(42, frame=bare)) is None
    named = _frame("Storm Alfa", attribute="region", predicate="", anchor_from="clause")
    assert raw_key(figure(42, frame=named)) is not None


def test_a_time_the_checker_could_not_place_keeps_a_figure_out() -> None:
    scoped = _frame("Lena Baker", attribute="point", predicate="score", scope="this season")
    assert raw_key(figure(25, frame=scoped)) is None


def test_a_sentence_giving_two_values_of_one_frame_is_left_out() -> None:
    # "three of the seven bullets": the frame does not tell the two apart
    three = figure(3, text="S", sentence_index=4, frame=_frame("Lena Baker", attribute="bullet"))
    seven = figure(7, text="S", sentence_index=4, frame=_frame("Lena Baker", attribute="bullet"))
    other = figure(9, path="b.md", frame=_frame("Lena Baker", attribute="bullet"))
    groups = group_figures([three, seven, other])
    assert [[f.value for f in g.figures] for g in groups] == [[9]]


def test_a_sentence_giving_two_periods_values_keeps_them() -> None:
    # "from 7,900 in 2001 to 8,402 in 2011": both hold, each in its year
    frame = _frame("Delm", attribute="population", predicate="")
    years = [
        {"period_start": dt.date(y, 1, 1), "period_end": dt.date(y, 12, 31)} for y in (2001, 2011)
    ]
    first = figure(7900, text="S", sentence_index=4, frame=frame, **years[0])
    second = figure(8402, text="S", sentence_index=4, frame=frame, **years[1])
    groups = group_figures([first, second])
    assert [[f.value for f in g.figures] for g in groups] == [[7900, 8402]]


def test_order_is_deterministic() -> None:
    figures = [
        figure(1, frame=_frame("Zeta", attribute="zebra")),
        figure(2, frame=_frame("Alpha", attribute="apple")),
        figure(3, frame=_frame("Mu", attribute="mango")),
    ]
    assert _keys(*figures) == _keys(*reversed(figures))


def test_groups_from_raw_do_not_depend_on_the_arrival_order() -> None:
    """Raw groups from a cluster arrive in any order, with interleaved global indexes."""
    figures = [
        figure(1, path="a.md", frame=_frame("Marina Baker")),
        figure(2, path="b.md", frame=_frame("Baker")),
        figure(3, path="c.md", frame=_frame("Marina Baker")),
        figure(4, path="d.md", frame=_frame("Baker")),
    ]
    keys = [key for f in figures if (key := raw_key(f)) is not None]
    assert len(keys) == 4
    assert keys[0] == keys[2] != keys[1] == keys[3]
    assert isinstance(keys[0], RawKey)
    arrived = [
        (keys[1], [(3, figures[3]), (1, figures[1])]),  # members unsorted
        (keys[0], [(2, figures[2]), (0, figures[0])]),
    ]
    groups = groups_from_raw(arrived)
    assert groups == group_figures(figures)
    assert len(groups) == 1
    assert [f.value for f in groups[0].figures] == [1, 2, 3, 4]


def test_users_extend_the_synonym_overrides() -> None:
    from checker.data import set_overlay
    from checker.vocabulary import Vocabulary

    moved = figure(300, line=1, frame=_frame("Vero", attribute="resident", predicate="relocate"))
    evacuated = figure(
        500, line=2, frame=_frame("Vero", attribute="resident", predicate="evacuate")
    )
    assert len(group_figures([moved, evacuated])) == 2
    vocabulary = Vocabulary.model_validate({"synonyms": {"predicates": {"evacuate": ["relocate"]}}})
    set_overlay(vocabulary.overlay())
    try:
        assert len(group_figures([moved, evacuated])) == 1
    finally:
        set_overlay({})


def test_a_verb_and_its_noun_said_with_one_noun() -> None:
    employs = figure(4500, line=1, frame=_frame("Acme", attribute="people", predicate="employ"))
    employees = figure(5200, line=2, frame=_frame("Acme", attribute="employee", predicate=""))
    assert len(group_figures([employs, employees])) == 1
    holds = figure(
        9200, line=3, frame=_frame("Kessel Park", attribute="spectator", predicate="hold")
    )
    capacity = figure(8200, line=4, frame=_frame("Kessel Park", attribute="capacity", predicate=""))
    assert len(group_figures([holds, capacity])) == 1


def test_a_bare_count_of_the_killed_counts_people() -> None:
    people = figure(14, line=1, frame=_frame("Arden", attribute="people", predicate="kill"))
    bare = figure(21, line=2, frame=_frame("Arden", attribute="", predicate="kill"))
    deaths = figure(41, line=3, frame=_frame("Arden", attribute="death", predicate="cause"))
    soldiers = figure(9, line=4, frame=_frame("Arden", attribute="soldier", predicate="kill"))
    groups = group_figures([people, bare, deaths, soldiers])
    assert sorted(len(g.figures) for g in groups) == [1, 3]


def test_users_extend_the_verb_phrases() -> None:
    from checker.data import set_overlay
    from checker.vocabulary import Vocabulary

    enrols = figure(4500, line=1, frame=_frame("Varn", attribute="student", predicate="enrol"))
    members = figure(5400, line=2, frame=_frame("Varn", attribute="member", predicate=""))
    assert len(group_figures([enrols, members])) == 2
    phrases = {"verb_attributes": {"member": ["enrol student"]}}
    set_overlay(Vocabulary.model_validate({"synonyms": phrases}).overlay())
    try:
        assert len(group_figures([enrols, members])) == 1
    finally:
        set_overlay({})


def test_an_unknown_synonym_table_is_a_config_error() -> None:
    import pydantic

    from checker.vocabulary import Vocabulary

    with pytest.raises(pydantic.ValidationError, match="unknown synonym table 'nouns'"):
        Vocabulary.model_validate({"synonyms": {"nouns": {"resident": ["inhabitant"]}}})


def test_inhabitants_are_the_population() -> None:
    inhabitants = _frame("Tessel Creek", attribute="inhabitant", predicate="")
    population = _frame("Tessel Creek", attribute="population", predicate="")
    a, b = raw_key(figure(5432, frame=inhabitants)), raw_key(figure(5423, frame=population))
    assert a is not None and b is not None and a.attribute == b.attribute == "population"


def test_a_ship_sinks_once_and_shares_sink_again() -> None:
    assert happens_once_to("sink", "SS Marrow Bay")
    assert happens_once_to("go down", "HMS Vigil")  # the synonyms make it a sinking
    assert not happens_once_to("sink", "Garo Works")
    assert not happens_once_to("launch", "SS Marrow Bay")  # once by its predicate, not here
