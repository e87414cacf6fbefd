from __future__ import annotations

from checker.group import RawKey, group_figures, groups_from_raw, raw_key, resolve_keys, subject_key
from tests.test_compat import figure


def _keys(*figures: object) -> list[tuple[str, ...]]:
    return [g.key for g in group_figures(list(figures))]  # type: ignore[arg-type]


def test_synonyms_share_a_group() -> None:
    groups = group_figures(
        [
            figure(1, noun="troop", event="dead"),
            figure(2, noun="serviceman", event="killed in action"),
            figure(3, noun="soldiers", event="died"),
        ]
    )
    assert len(groups) == 1
    assert groups[0].key[:2] == ("soldier", "killed")
    assert len(groups[0].figures) == 3


def test_broader_words_stay_apart() -> None:
    keys = _keys(
        figure(1, noun="personnel"),
        figure(2, noun="soldier"),
        figure(3, noun="soldier", event="wounded"),
        figure(4, noun="casualty", event=None),
    )
    assert len(keys) == 4


def test_owners_and_units_are_part_of_the_key() -> None:
    assert len(_keys(figure(1), figure(2, modifiers=("ukrainian",)))) == 2
    assert len(_keys(figure(1), figure(2, modifiers=("russia",)))) == 1
    km = figure(1.5, unit="kilometer", noun=None, event=None, subject="bridge length")
    metres = figure(1500, unit="meter", noun=None, event=None, subject="bridge length")
    road = figure(3, unit="kilometer", noun=None, event=None, subject="road length")
    assert len(_keys(km, metres, road)) == 2


def test_fuzzy_match_only_within_block() -> None:
    groups = group_figures([figure(1, noun="draft-dodger"), figure(2, noun="draftdodger")])
    assert len(groups) == 1
    # "skilled" is near "killed" as a string but starts differently: not merged
    assert len(_keys(figure(1, event="killed"), figure(2, event="skilled"))) == 2


def test_no_subject_no_group() -> None:
    assert subject_key(figure(1, noun=None, event=None, subject="")) is None
    assert group_figures([figure(1, noun=None, event=None, subject="")]) == []


def test_order_is_deterministic() -> None:
    figures = [figure(1, noun="zebra"), figure(2, noun="apple"), figure(3, noun="mango")]
    assert _keys(*figures) == _keys(*reversed(figures))


def test_words_with_digits_never_match_fuzzily() -> None:
    assert len(_keys(figure(1, noun="t-72 tank"), figure(2, noun="t-73 tank"))) == 2
    assert len(_keys(figure(1, event="mobilized"), figure(2, event="mobilizd"))) == 1


def test_a_measurement_needs_a_subject_beyond_its_unit() -> None:
    bridge = figure(1.5, unit="kilometer", noun=None, event=None, subject="kilometer")
    assert subject_key(bridge) is None
    tunnel = figure(4, unit="kilometer", noun=None, event=None, subject="kilometers")
    assert group_figures([bridge, tunnel]) == []


def test_a_property_alone_names_no_thing() -> None:
    length = {"unit": "kilometer", "noun": None, "event": None, "modifiers": ("length",)}
    assert group_figures([figure(1.5, subject="length", **length)]) == []
    assert len(group_figures([figure(1.5, subject="bridge length", **length)])) == 1


def _raw(noun: str) -> RawKey:
    return RawKey(noun, False, "", True, "", "count")


def test_resolve_keys_first_spelling_seen_wins() -> None:
    right, wrong = _raw("dehumidifier"), _raw("dehumidifer")
    assert set(resolve_keys([right, wrong, right]).values()) == {("dehumidifier", "", "", "count")}
    assert set(resolve_keys([wrong, right]).values()) == {("dehumidifer", "", "", "count")}


def test_groups_from_raw_follow_the_first_figure_not_the_arrival_order() -> None:
    """Raw groups from a cluster arrive in any order, with interleaved global indexes."""
    figures = [
        figure(1, noun="dehumidifers", path="a.md", subject="dehumidifers"),
        figure(2, noun="dehumidifiers", path="b.md", subject="dehumidifiers"),
        figure(3, noun="dehumidifers", path="c.md", subject="dehumidifers"),
        figure(4, noun="dehumidifiers", path="d.md", subject="dehumidifiers"),
    ]
    keys = [key for f in figures if (key := raw_key(f)) is not None]
    assert len(keys) == 4
    assert keys[0] == keys[2] != keys[1] == keys[3]
    arrived = [
        (keys[1], [(3, figures[3]), (1, figures[1])]),  # the later spelling, members unsorted
        (keys[0], [(2, figures[2]), (0, figures[0])]),
    ]
    groups = groups_from_raw(arrived)
    assert groups == group_figures(figures)
    assert len(groups) == 1
    assert groups[0].key[0] == "dehumidifer"
    assert groups[0].label == "dehumidifers"
    assert [f.value for f in groups[0].figures] == [1, 2, 3, 4]
