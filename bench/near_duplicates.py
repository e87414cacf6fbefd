"""An archive of copies of one wire story, republished and updated: what real archives hold.

Each copy tells the same story in the same words, but a few of its facts take one of a handful
of values (the toll as it was revised, a date given two ways, a quote credited to another
official, a superlative with another figure), so a rule sees thousands of claims that fall into
a few clusters of identical ones. A rule that pairs copies instead of clusters, or lists every
copy as evidence, grows with the square of the archive here.

    python -m bench.near_duplicates OUT N [--seed S]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

if not __package__:  # run as a script: make `bench` importable from the repo
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# Each fact: the values copies choose from, the first (most copies) the most likely.
DEAD = (41, 41, 43, 47)
INJURED = (210, 230, 260)
HOMES = (1_200, 1_450, 2_000)
EVACUATED = (18_000, 18_000, 21_500)
STRUCK = ((3, 14), (3, 14), (3, 15))  # (month, day) of 2026
OPENED = (1998, 1998, 1989)
SPEAKER = ("Mayor Elena Varga", "Mayor Elena Varga", "Governor Tomas Rieck")
RECORD = (41, 39, 52)  # the deadliest storm's toll
RAINFALL = (310, 310, 340)
VISITORS = (12_000, 12_000, 9_500)  # the fewest since 2005, said in every copy
EARLIER_VISITORS = (9_000, 14_000)  # a year in between, told by some copies
REOPENS = (4, 4, 2)  # the day in March the bridge reopens; some copies are dated before it


def copy(rng: random.Random, index: int) -> str:
    """One copy: the story with each fact drawn from its values."""
    dead, injured = rng.choice(DEAD), rng.choice(INJURED)
    homes, evacuated = rng.choice(HOMES), rng.choice(EVACUATED)
    month, day = rng.choice(STRUCK)
    struck = dt.date(2026, month, day)
    speaker = rng.choice(SPEAKER)
    published = struck - dt.timedelta(days=12) + dt.timedelta(days=index % 20)
    lines = [
        f"Storm Kiran struck the coast of Varenne on {struck:%B} {struck.day}, 2026, killing"
        f" {dead} people, the regional health ministry said.",
        f"At least {injured} people were injured in Varenne, according to the Red Cross.",
        f"The storm destroyed {homes:,} homes in the province, officials said.",
        f"Authorities evacuated {evacuated:,} residents from low-lying districts before the"
        " storm made landfall.",
        f"It was the deadliest storm in Varenne since records began, with {rng.choice(RECORD)}"
        " deaths.",
        f"The Calder Bridge, which opened in {rng.choice(OPENED)}, was closed to traffic.",
        f"Weather officials measured {rng.choice(RAINFALL)} millimetres of rain in 24 hours.",
        f'"We have never seen water rise this fast," said {speaker}.',
        f"Only {rng.choice(VISITORS):,} tourists visited Varenne in 2025, the fewest since 2005.",
        f"Just {rng.choice(EARLIER_VISITORS):,} tourists visited Varenne in 2015, the harbour"
        " office said.",
        f"The Calder Bridge reopened to traffic on March {rng.choice(REOPENS)}, 2026.",
        "Rescue teams worked through the night to reach isolated villages.",
        "Schools across the province will remain closed until next week.",
    ]
    front = (
        f"---\ntitle: Storm Kiran update {index}\ndate: {published.isoformat()}\n"
        "outlet: Wire Daily\n---\n\n"
    )
    return front + "\n\n".join(lines) + "\n"


def write_copies(folder: Path, count: int, *, seed: int = 11) -> list[Path]:
    """Write `count` copies under `folder` (a hundred per subfolder) and return their paths."""
    rng = random.Random(seed)
    files = []
    for index in range(count):
        file = folder / f"{index // 100:03d}" / f"copy-{index:05d}.md"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(copy(rng, index), encoding="utf-8")
        files.append(file)
    return files


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=11)
    options = parser.parse_args()
    write_copies(options.folder, options.count, seed=options.seed)
