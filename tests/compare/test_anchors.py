"""Anchors as writers name things: aliases, acronyms, spellings, and when two anchors agree."""

from __future__ import annotations

import pytest

from checker.compare.anchors import anchors_agree, cluster_anchors, name_key, names_match


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Marina Augusta Baker", "Marina Baker"),
        ("Marina Augusta Baker", "Baker"),
        ("Marina Baker", "Baker"),
        ("ISW", "Institute for the Study of War"),
        ("U.S.", "US"),
        ("Russia", "Russian"),
        ("Tamsin Korr", "Tamsyn Korr"),
        ("Apple", "Apple Computer"),
        ("the Vardan River", "Vardan River"),
        ("Lindenhöhe", "Lindenhohe"),
        ("Ghazi Orhan II", "Orhan II of Varsak"),
        ("King Arvid IV", "Arvid IV of Telmar"),
        ("Orava", "Orava River"),
        ("Blue Hours (album)", "Blue Hours"),
        ("Harlow United F.C.", "Harlow United"),
    ],
)
def test_one_thing_named_two_ways(first: str, second: str) -> None:
    assert names_match(name_key(first), name_key(second))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Marina Baker", "Lena Baker"),
        ("Athens", "Gaza"),
        ("Nordlys X1", "Nordlys X3"),
        ("New York", "New Zealand"),
        ("ISW", "International Space Station"),
        ("Orhan II of Varsak", "Orhan II of Telmar"),
        ("Arvid VII", "Arvid VIII"),
        ("Second Varsak War II", "Second Varsak War III"),
        ("Orsk", "Orsk Cathedral"),
        ("Orsk", "Orsk Airport"),
        ("Blue Hours (album)", "Blue Hours (song)"),
        ("HMS Vigil (1760)", "HMS Vigil (1805)"),
    ],
)
def test_two_things_stay_apart(first: str, second: str) -> None:
    assert not names_match(name_key(first), name_key(second))


def _anchor(primary: str, *others: str) -> tuple[str, ...]:
    return (name_key(primary) if primary else "", *(name_key(o) for o in others))


def test_anchors_agree_by_their_names() -> None:
    assert anchors_agree(_anchor("", "Gaza"), _anchor("", "Israel", "Gaza"))
    assert not anchors_agree(_anchor("", "Athens"), _anchor("", "Gaza"))
    assert not anchors_agree(_anchor("", "Sumatra", "Indonesia"), _anchor("", "Aceh", "Indonesia"))
    # two primary names must match; their places need only meet
    assert anchors_agree(
        _anchor("Lindenhöhe", "Berlin"), _anchor("Lindenhohe", "Havelland", "Berlin")
    )
    assert not anchors_agree(_anchor("Potsdam", "Berlin"), _anchor("Lindenhöhe", "Berlin"))
    # one primary: the other side must be covered by it
    assert anchors_agree(_anchor("Papua"), _anchor("", "Papua"))
    assert not anchors_agree(_anchor("Papua"), _anchor("", "Papua", "Manokwari"))
    assert not anchors_agree((), _anchor("", "Gaza"))


def test_an_anchor_agreeing_with_two_that_disagree_is_left_alone() -> None:
    anchors = [_anchor("", "Israel", "Gaza"), _anchor("", "Egypt", "Gaza"), _anchor("", "Gaza")]
    clusters = cluster_anchors(anchors)
    assert len(set(clusters)) == 3


def test_a_short_name_joins_the_only_long_one_it_names() -> None:
    anchors = [_anchor("Marina Augusta Baker"), _anchor("Baker"), _anchor("Lena Park")]
    clusters = cluster_anchors(anchors)
    assert clusters[0] == clusters[1] != clusters[2]
