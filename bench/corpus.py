"""A synthetic archive for benchmarks: N news-like articles full of figures, dates and sources.

The text is generated from templates written for this project, with a seeded random generator,
so the same arguments always give the same files. It aims at the extractor's workload (numbers
in many spellings, dated events, attributions, people with titles), not at realistic prose.

    python -m bench.corpus OUT_DIR [COUNT]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

PEOPLE = [
    ("Mayor", "Elena Varga"),
    ("Finance Minister", "Tomasz Lind"),
    ("Chief Executive", "Priya Raman"),
    ("Health Commissioner", "Jonas Okafor"),
    ("Police Chief", "Marta Quintero"),
    ("former Governor", "Samuel Achebe"),
    ("Transport Secretary", "Ingrid Holm"),
]
SOURCES = [
    "the statistics office",
    "the regional council",
    "Reuters",
    "the harbour authority",
    "a ministry spokesperson",
    "the central bank",
    "local broadcaster Radio Nord",
]
PLACES = ["Lindau", "Port Avel", "Marrow County", "the northern district", "Kessel", "Oranbay"]
NOUNS = [
    "passengers",
    "households",
    "workers",
    "vehicles",
    "homes",
    "patients",
    "tonnes of grain",
    "hectares of forest",
    "kilometres of track",
    "visitors",
]
EVENTS = [
    "opened",
    "was founded",
    "was signed",
    "closed",
    "was announced",
    "was approved",
    "began operating",
]
THINGS = ["the new bridge", "the clinic", "the trade agreement", "the rail link", "the museum"]
MONTHS = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
QUALIFIERS = ["", "about ", "nearly ", "more than ", "up to ", "at least ", "roughly "]

TEMPLATES = [
    "{qualifier}{figure} {noun} were recorded in {place} in {month} {year}, according to {source}.",
    "{title} {person} said on {date} that {qualifier}{figure} {noun} had been affected.",
    "{thing} {event} on {date}, {source} reported.",
    "Since {year}, the total has reached {qualifier}{figure} {noun}, {source} estimated.",
    '"We expect {figure} {noun} by the end of {next_year}," {person} told reporters.',
    "The figure rose by {percent}% compared with {month}, {source} said, citing internal data.",
    "In {place}, {thing} {event} in {month} {year}.",
    "{title} {person} visited {place} between {month} and {month2} {year}.",
    "The project will cost {money} million euros over {years} years, according to {source}.",
    "Officials plan to add {figure} {noun} by summer, {person} said.",
]


def _figure(rng: random.Random) -> str:
    value = rng.choice([rng.randint(2, 999), rng.randint(1_000, 99_999), rng.randint(10, 900)])
    style = rng.randrange(4)
    if style == 0:
        return f"{value:,}"
    if style == 1:
        return f"{value / 10:.1f} million"
    if style == 2:
        return f"{value} thousand"
    return str(value)


def sentence(rng: random.Random, year: int) -> str:
    day = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    month, month2 = sorted(rng.sample(range(12), 2))
    title, person = rng.choice(PEOPLE)
    return rng.choice(TEMPLATES).format(
        qualifier=rng.choice(QUALIFIERS),
        figure=_figure(rng),
        noun=rng.choice(NOUNS),
        place=rng.choice(PLACES),
        month=MONTHS[month],
        month2=MONTHS[month2],
        year=year,
        next_year=year + 1,
        date=f"{MONTHS[day.month - 1]} {day.day}",
        source=rng.choice(SOURCES),
        title=title,
        person=person,
        thing=rng.choice(THINGS).capitalize(),
        event=rng.choice(EVENTS),
        percent=rng.randint(1, 60),
        money=rng.randint(5, 900),
        years=rng.randint(2, 12),
    )


def article(rng: random.Random, index: int) -> str:
    published = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
    paragraphs = []
    for _ in range(rng.randint(6, 12)):
        paragraphs.append(" ".join(sentence(rng, published.year) for _ in range(rng.randint(2, 4))))
    front = (
        f"---\ntitle: Report {index} from {rng.choice(PLACES)}\n"
        f"date: {published.isoformat()}\noutlet: Bench Daily\n---\n\n"
    )
    return front + "\n\n".join(paragraphs) + "\n"


def write_archive(folder: Path, count: int, *, seed: int = 7) -> list[Path]:
    """Write `count` articles under `folder` (ten per subfolder) and return their paths."""
    rng = random.Random(seed)
    files = []
    for index in range(count):
        file = folder / f"{index // 10:03d}" / f"article-{index:05d}.md"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(article(rng, index), encoding="utf-8")
        files.append(file)
    return files


if __name__ == "__main__":
    write_archive(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
