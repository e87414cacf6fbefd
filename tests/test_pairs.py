from __future__ import annotations

import random
from functools import partial

from checker.pairs import differing_pairs, nearby_pairs


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


def _either(flags: list[bool], i: int, j: int) -> bool:
    return flags[i] or flags[j]


def test_nearby_pairs_equal_the_filtered_all_pairs() -> None:
    rng = random.Random(11)
    for _ in range(50):
        positions = [float(rng.randrange(40)) for _ in range(rng.randrange(25))]
        wanted = partial(_either, [rng.random() < 0.5 for _ in positions])
        expected = [
            (i, j)
            for i in range(len(positions))
            for j in range(i + 1, len(positions))
            if abs(positions[i] - positions[j]) <= 3 + min(positions[i], positions[j]) / 10
            and wanted(i, j)
        ]
        found = nearby_pairs(positions, lambda low: 3 + low / 10, wanted)
        assert found == expected
