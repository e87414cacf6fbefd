from __future__ import annotations

import random

from checker.extract.intervals import Disjoint


def _overlaps_linear(spans: list[tuple[int, int]], begin: int, end: int) -> bool:
    return any(b < end and begin < e for b, e in spans)


def test_agrees_with_a_linear_scan_while_growing() -> None:
    generator = random.Random(7)
    for _ in range(300):
        spans: list[tuple[int, int]] = []
        disjoint = Disjoint()
        for _ in range(25):
            begin = generator.randint(0, 60)
            end = begin + generator.randint(1, 8)
            expected = _overlaps_linear(spans, begin, end)
            assert disjoint.overlaps(begin, end) is expected
            if not expected:
                spans.append((begin, end))
                disjoint.add(begin, end)


def test_of_refuses_overlapping_spans() -> None:
    assert Disjoint.of([(0, 5), (4, 9)]) is None


def test_of_reads_disjoint_spans_in_any_order() -> None:
    disjoint = Disjoint.of([(10, 14), (0, 3), (20, 21)])
    assert disjoint is not None
    assert disjoint.overlaps(2, 4)
    assert disjoint.overlaps(13, 30)
    assert not disjoint.overlaps(3, 10)
    assert not disjoint.overlaps(14, 20)
    assert not disjoint.overlaps(21, 40)
