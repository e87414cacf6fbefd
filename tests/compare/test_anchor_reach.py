"""`reach` decides a few anchors' clusters as clustering the whole block would."""

from __future__ import annotations

import random

from checker.compare.anchor_reach import AnchorIndex, reach, visit_order
from checker.compare.anchors import anchors_agree, cluster_anchors

# Few words, so that anchors agree often: shared words, subsets, initials, near spellings.
WORDS = ["elena", "varga", "vargas", "lind", "port", "authority", "pa", "kofi", "mensah", "km"]
NAMES = [
    "elena",
    "elena varga",
    "elena vargas",
    "varga",
    "port authority",
    "pa",
    "kofi mensah",
    "mensah",
    "lind|linde",
    "harbourmaster",
    "harbourmastr",
    "orhan ii",
    "ghazi orhan ii",
    "orhan ii of varsak",
    "orhan iii",
]


def _anchor(rng: random.Random) -> tuple[str, ...]:
    primary = rng.choice(["", *NAMES]) if rng.random() < 0.7 else ""
    others = sorted({rng.choice(NAMES + WORDS) for _ in range(rng.randint(0, 2))} - {primary})
    return (primary, *others) if primary or others else ("", rng.choice(WORDS))


def _clusters(anchors: list[tuple[str, ...]]) -> dict[tuple[str, ...], frozenset[tuple[str, ...]]]:
    numbers = dict(zip(anchors, cluster_anchors(anchors), strict=True))
    members: dict[int, set[tuple[str, ...]]] = {}
    for anchor, number in numbers.items():
        members.setdefault(number, set()).add(anchor)
    return {anchor: frozenset(members[number]) for anchor, number in numbers.items()}


def test_reached_anchors_cluster_the_wanted_ones_exactly() -> None:
    for seed in range(300):
        rng = random.Random(seed)
        block = sorted({_anchor(rng) for _ in range(rng.randint(2, 40))})
        wanted = rng.sample(block, rng.randint(1, min(3, len(block))))
        reached = reach(AnchorIndex(block), wanted)
        assert set(wanted) <= reached
        extras = rng.sample(block, rng.randint(0, len(block)))  # read for other reasons
        whole, part = _clusters(block), _clusters(sorted(reached | set(extras)))
        for anchor in wanted:
            assert part[anchor] == whole[anchor], (seed, anchor)


def test_the_visit_order_is_the_clustering_order() -> None:
    """`cluster_anchors` numbers clusters in the order it visits their first anchors."""
    for seed in range(100):
        rng = random.Random(seed)
        block = list({_anchor(rng) for _ in range(20)})
        numbers = dict(zip(block, cluster_anchors(block), strict=True))
        firsts: dict[int, tuple[str, ...]] = {}
        for anchor in sorted(block, key=visit_order):
            firsts.setdefault(numbers[anchor], anchor)
        assert sorted(firsts) == list(range(len(firsts)))
        assert [firsts[n] for n in sorted(firsts)] == sorted(firsts.values(), key=visit_order)


def _scanned(anchors: list[tuple[str, ...]]) -> list[int]:
    """`cluster_anchors` as it reads a small block: every anchor against every representative."""
    from checker.compare.anchors import anchors_agree

    distinct = sorted(set(anchors), key=visit_order)
    representatives: list[tuple[tuple[str, ...], bool]] = []
    cluster_of: dict[tuple[str, ...], int] = {}
    for anchor in distinct:
        matches = [k for k, (rep, _) in enumerate(representatives) if anchors_agree(anchor, rep)]
        if len(matches) == 1 and representatives[matches[0]][1]:
            cluster_of[anchor] = matches[0]
        else:
            cluster_of[anchor] = len(representatives)
            representatives.append((anchor, not matches))
    return [cluster_of[a] for a in anchors]


def test_a_large_block_read_through_its_index_clusters_as_a_full_scan() -> None:
    rng = random.Random(11)
    for _ in range(40):
        anchors = [_anchor(rng) for _ in range(rng.randint(60, 160))]
        assert cluster_anchors(anchors) == _scanned(anchors)


def _respelt(rng: random.Random, name: str) -> str:
    """`name` with a few letters dropped, added or changed."""
    letters = list(name)
    for _ in range(rng.randint(0, 3)):
        at = rng.randrange(len(letters))
        action = rng.random()
        if action < 0.35 and len(letters) > 1:
            del letters[at]
        elif action < 0.7:
            letters[at] = rng.choice("aeiourstln")
        else:
            letters.insert(at, rng.choice("aeiourstln"))
    return "".join(letters).strip() or name


def test_the_index_offers_every_name_that_matches() -> None:
    """The index's candidates hold every anchor that agrees, near spellings included: it looks
    them up by pieces of the name, and a spelling within `fuzz.ratio` 90 keeps one whole."""
    rng = random.Random(5)
    for _ in range(20):
        bases = [
            " ".join(
                "".join(rng.choice("aeiourstlnkmv") for _ in range(rng.randint(2, 12)))
                for _ in range(rng.randint(1, 3))
            )
            for _ in range(25)
        ]
        names = sorted({_respelt(rng, rng.choice(bases)) for _ in range(120)} | set(bases))
        anchors = [("", name) for name in names]
        index = AnchorIndex(anchors)
        for anchor in anchors:
            agreeing = {o for o in anchors if o != anchor and anchors_agree(anchor, o)}
            assert agreeing <= index.candidates(anchor), anchor


def test_the_index_offers_regnal_names() -> None:
    """ "ghazi orhan ii" and "orhan ii of varsak" share no first or last word: the index finds
    them through their regnal name."""
    names = ["ghazi orhan ii", "orhan ii of varsak", "orhan ii of telmar", "orhan iii", "orhan"]
    anchors = [(name,) for name in names]
    index = AnchorIndex(anchors)
    for anchor in anchors:
        agreeing = {o for o in anchors if o != anchor and anchors_agree(anchor, o)}
        assert agreeing <= index.candidates(anchor), anchor
    assert ("orhan ii of varsak",) in index.neighbours(("ghazi orhan ii",))
    assert ("orhan ii of telmar",) not in index.neighbours(("orhan ii of varsak",))
