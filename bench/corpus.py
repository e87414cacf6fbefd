"""A synthetic archive for benchmarks: N news-like articles about a shared world of stories.

A seeded generator first invents a world: places, and per story a subject (what is counted and
what happened to it, in one place), its period, value and source, an institution's founding
year, an official with a title, a quote. Each article then reports a few stories, each fact
restated in one of several wordings and number spellings ("12,400", "12.4 thousand", "about
12,000"), the way several outlets cover the same events. A small share of articles carries one
seeded contradiction (a figure off by a third, a founding year moved, another source credited),
so the rules have real work and real findings. All sentences are templates written for this
project; the same arguments always give the same files.

    python -m bench.corpus OUT_DIR [COUNT] [--seed N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from dataclasses import dataclass, replace
from pathlib import Path

SYLLABLES = [
    "vel", "mor", "ka", "dan", "ost", "rin", "bel", "tor",
    "as", "lun", "per", "go", "sim", "nar", "eb", "tul", "fen", "ari", "zo", "quel",
]  # fmt: skip
FIRST_NAMES = ["Elena", "Tomasz", "Priya", "Jonas", "Marta", "Samuel", "Ingrid", "Kofi", "Aiko"]
SURNAMES = ["Varga", "Lind", "Raman", "Okafor", "Quintero", "Achebe", "Holm", "Mensah", "Sato"]
TITLES = ["Mayor", "Finance Minister", "Health Commissioner", "Police Chief", "Port Director"]
SOURCES = [
    "the statistics office",
    "the regional council",
    "the harbour authority",
    "the central bank",
    "the transport ministry",
    "the health agency",
    "the fire service",
    "the university observatory",
]
# (counted noun, what happened to it): each pair reads as one subject.
SUBJECTS = [
    ("households", "lost power"),
    ("workers", "were laid off"),
    ("passengers", "were stranded"),
    ("homes", "were flooded"),
    ("patients", "were treated"),
    ("visitors", "were counted"),
    ("trees", "were planted"),
    ("vehicles", "were registered"),
]
INSTITUTIONS = ["museum", "library", "theatre", "hospital", "university", "brewery", "orchestra"]
MONTHS = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
QUOTE_WORDS = [
    "we", "will", "rebuild", "the", "network", "before", "winter", "and", "nobody", "should",
    "be", "left", "without", "help", "this", "year", "our", "teams", "are", "ready",
]  # fmt: skip
FILLER = [
    "Residents gathered outside the town hall on a grey afternoon.",
    "The council meeting ran late into the evening.",
    "Several shops on the main street stayed closed.",
    "Local volunteers handed out tea and blankets.",
    "The debate is expected to continue next week.",
    "Critics said the plan lacked detail.",
]


@dataclass(frozen=True)
class Story:
    place: str
    noun: str
    event: str
    year: int
    month: int
    value: int
    source: str
    institution: str
    founded: int
    title: str
    person: str
    quote: str


def _place(rng: random.Random) -> str:
    return "".join(rng.sample(SYLLABLES, rng.randint(3, 4))).capitalize()


def _story(rng: random.Random) -> Story:
    noun, event = rng.choice(SUBJECTS)
    return Story(
        place=_place(rng),
        noun=noun,
        event=event,
        year=rng.randint(2015, 2025),
        month=rng.randint(1, 12),
        value=rng.randint(12, 980) * rng.choice([10, 100]),
        source=rng.choice(SOURCES),
        institution=rng.choice(INSTITUTIONS),
        founded=rng.randint(1780, 1990),
        title=rng.choice(TITLES),
        person=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}{_place(rng).lower()}",
        quote=" ".join(rng.choice(QUOTE_WORDS) for _ in range(rng.randint(8, 12))).capitalize(),
    )


def world(count: int, seed: int) -> list[Story]:
    """Three stories per article; an article tells about ten, so each story is told about
    three times, by different articles."""
    rng = random.Random(seed)
    return [_story(rng) for _ in range(max(12, count * 3))]


def _spell(rng: random.Random, value: int) -> str:
    style = rng.randrange(4)
    if style == 0 or value < 1000:
        return f"{value:,}"
    if style == 1:
        return f"{value / 1000:g} thousand"
    if style == 2:
        return str(value)
    return f"about {round(value, -2):,}" if value >= 10_000 else f"{value:,}"


def _contradict(rng: random.Random, story: Story) -> Story:
    """One fact of `story` changed: what a held-out variant or a careless copy looks like."""
    change = rng.randrange(3)
    if change == 0:
        return replace(story, value=story.value + max(100, story.value // 3 // 100 * 100))
    if change == 1:
        return replace(story, founded=story.founded + rng.choice([-7, -2, 3, 11]))
    return replace(story, source=rng.choice([s for s in SOURCES if s != story.source]))


def sentences(rng: random.Random, story: Story) -> list[str]:
    s = story
    month = MONTHS[s.month - 1]
    figure = _spell(rng, s.value)
    day = rng.randint(1, 28)
    facts = [
        rng.choice(
            [
                f"{figure} {s.place} {s.noun} {s.event} in {month} {s.year}, "
                f"according to {s.source}.",
                f"In {month} {s.year}, {figure} {s.place} {s.noun} {s.event}, {s.source} said.",
                f"Figures from {s.source} show that {figure} {s.noun} in {s.place} {s.event} "
                f"during {month} {s.year}.",
                f"{s.source.capitalize()} counted {figure} {s.place} {s.noun} that {s.event} "
                f"in {month} {s.year}.",
            ]
        ),
        rng.choice(
            [
                f"The {s.place} {s.institution} was founded in {s.founded}.",
                f"Founded in {s.founded}, the {s.institution} of {s.place} is the oldest nearby.",
                f"The {s.institution} in {s.place}, founded in {s.founded}, reopened this year.",
            ]
        ),
        rng.choice(
            [
                f"{s.title} {s.person} visited {s.place} on {month} {day}, {s.year}.",
                f"On {month} {day}, {s.year}, {s.title} {s.person} toured {s.place}.",
            ]
        ),
        rng.choice(
            [
                f'"{s.quote}," {s.person} told reporters in {s.place}.',
                f'{s.person} said in {s.place}: "{s.quote}."',
            ]
        ),
    ]
    rng.shuffle(facts)
    return facts[: rng.randint(2, 4)]


def article(rng: random.Random, index: int, stories: list[Story] | None = None) -> str:
    stories = stories or world(30, index)
    told = rng.sample(stories, min(len(stories), rng.randint(7, 12)))
    # Published after everything it reports, as news is.
    latest = max(dt.date(s.year, s.month, 28) for s in told)
    published = latest + dt.timedelta(days=rng.randint(1, 60))
    if rng.random() < 0.05:  # a seeded contradiction
        told[0] = _contradict(rng, told[0])
    paragraphs = []
    for story in told:
        lines = sentences(rng, story)
        for filler in rng.sample(FILLER, rng.randint(1, 3)):
            lines.insert(rng.randint(0, len(lines)), filler)
        paragraphs.append(" ".join(lines))
    front = (
        f"---\ntitle: Report {index} from {told[0].place}\n"
        f"date: {published.isoformat()}\noutlet: Bench Daily\n---\n\n"
    )
    return front + "\n\n".join(paragraphs) + "\n"


def write_archive(folder: Path, count: int, *, seed: int = 7) -> list[Path]:
    """Write `count` articles under `folder` (ten per subfolder) and return their paths."""
    rng = random.Random(seed)
    stories = world(count, seed)
    files = []
    for index in range(count):
        file = folder / f"{index // 10:04d}" / f"article-{index:06d}.md"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(article(rng, index, stories), encoding="utf-8")
        files.append(file)
    return files


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    write_archive(options.folder, options.count, seed=options.seed)
