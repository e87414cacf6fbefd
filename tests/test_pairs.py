from __future__ import annotations

import random

from checker.pairs import differing_pairs


def _all_pairs(keys: list[str]) -> list[tuple[int, int]]:
    n = len(keys)
    return [(i, j) for i in range(n) for j in range(i + 1, n) if keys[i] != keys[j]]


def test_pairs_across_keys_come_in_all_pairs_order() -> None:
    rng = random.Random(7)
    for _ in range(50):
        keys = [rng.choice("abcd") for _ in range(rng.randrange(30))]
        assert list(differing_pairs(keys)) == _all_pairs(keys)


def test_items_of_one_key_make_no_pairs() -> None:
    assert list(differing_pairs(["1867"] * 500)) == []
    assert list(differing_pairs([])) == []


def test_one_dissenting_item_pairs_once_with_each_other_item() -> None:
    keys = ["1867"] * 3_000
    keys[1_200] = "1868"
    pairs = list(differing_pairs(keys))
    assert len(pairs) == 2_999
    assert pairs[0] == (0, 1_200) and pairs[-1] == (1_200, 2_999)
