"""Copies of the seed articles with one fact changed, and with facts reworded.

Reads the dated seed articles from `../shared/corpus/seeds-dated/` relative to the repository
(third-party text, measured here, never copied in). For each article, each figure, date and
source the checker reads in it becomes one mutation: a copy of the article dated a day later,
with that one fact changed (a figure times 1.5, a date's day moved by three, a source renamed,
a titled person called "former", a superlative turned round: "largest" for "smallest"),
checked together with the five originals. A mutation is caught when an error or warning finding
that the originals alone do not raise has evidence in the copy and in another article (a copy
repeats its original's own problems, such as a report cited before the events it reports).
Rewordings that change no fact ("reported" for "said", "almost" for "nearly", "Sept." for
"September", "35 thousand" for "35,000", "two soldiers" for "2 soldiers") must raise nothing.

    .venv/bin/python bench/seed_mutations.py [--limit N]
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker.engine import check_paths  # noqa: E402
from checker.extract import extract_article  # noqa: E402
from checker.load import load  # noqa: E402
from checker.models import (  # noqa: E402
    Attribution,
    DateClaim,
    Figure,
    Finding,
    PersonClaim,
    Severity,
)

SEEDS = REPO.parent / "shared" / "corpus" / "seeds-dated"
_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_MONTH_ENDS = ("ber", "ary", "rch", "ril", "May", "une", "uly", "ust", ".")
_AFTER_NO_MONTH = "".join(f"(?<!{re.escape(end)} )" for end in _MONTH_ENDS)
# (what a reader would call it, pattern, replacement): the same facts, written another way
REWORDINGS: list[tuple[str, str, str | Callable[[re.Match[str]], str]]] = [
    ("reported", r"\bsaid\b", "reported"),
    ("almost", r"\bnearly\b", "almost"),
    ("Sept.", r"\bSeptember\b", "Sept."),
    ("said", r"\breported\b", "said"),
    ("35 thousand", r"\b(\d{1,3}),000\b(?![,.]\d)", r"\1 thousand"),
    # a count, not the day of a date ("December 8 and ...")
    ("spelled out", _AFTER_NO_MONTH + r"\b([2-9]) (?=[a-z])", lambda m: f"{_WORDS[int(m[1])]} "),
]
# a number as written, its groups split by commas, dots or spaces ("400 000")
_DIGITS = re.compile(r"\d[\d,.]*(?: \d{3}(?![\d,.]))*")
_DAY = re.compile(r"\b([12]?\d)\b")


def _key(finding: Finding) -> tuple[str, str]:
    return (finding.rule, finding.message)


def _in_body(text: str, old: str, new: str) -> str | None:
    """`text` with the first `old` after the front matter replaced: a headline repeated as the
    front matter's title is metadata, and changing it there changes no claim."""
    start = text.find("\n---", 3) + 4 if text.startswith("---") else 0
    at = text.find(old, start)
    return None if at < 0 else text[:at] + new + text[at + len(old) :]


def _changed_figure(text: str, claim: Figure) -> str | None:
    found = _DIGITS.search(claim.surface)
    if not found or claim.value == 0:
        return None
    new = f"{claim.value * 1.5:,.0f}" if claim.value >= 10 else f"{claim.value * 1.5:g}"
    changed_surface = claim.surface.replace(found.group(), new, 1)
    sentence = claim.text.replace(claim.surface, changed_surface, 1)
    return _in_body(text, claim.text, sentence)


def _changed_date(text: str, claim: DateClaim) -> str | None:
    start, end = claim.value_span
    written = claim.text[start:end]
    day = _DAY.search(written)
    if not day:
        return None
    moved = written.replace(day.group(1), str((int(day.group(1)) + 2) % 28 + 1), 1)
    sentence = claim.text[:start] + moved + claim.text[end:]
    return _in_body(text, claim.text, sentence)


def _changed_source(text: str, claim: Attribution) -> str | None:
    if not claim.source or claim.source not in claim.text or claim.source == "Reuters":
        return None
    sentence = claim.text.replace(claim.source, "Reuters", 1)
    return _in_body(text, claim.text, sentence)


def _changed_title(text: str, claim: PersonClaim) -> str | None:
    """The person called "former" what they still are: the slip a title most often takes."""
    if not claim.title or claim.former or claim.title not in claim.text:
        return None
    sentence = claim.text.replace(claim.title, f"former {claim.title}", 1)
    return _in_body(text, claim.text, sentence)


_OPPOSITES = {"largest": "smallest", "biggest": "smallest", "highest": "lowest", "most": "fewest"}
_OPPOSITES |= {"smallest": "largest", "lowest": "highest", "fewest": "most"}


def _changed_superlative(text: str, claim: Figure) -> str | None:
    """The figure's superlative turned into its opposite ("the largest since 2011")."""
    word = claim.superlative
    if not word or word.lower() not in _OPPOSITES:
        return None
    found = re.search(rf"\b{word}\b", claim.text, re.I)
    if found is None:
        return None
    opposite = _OPPOSITES[word.lower()]
    sentence = claim.text[: found.start()] + opposite + claim.text[found.end() :]
    return _in_body(text, claim.text, sentence)


def _later(text: str) -> str:
    """The article dated a day later, as a copy published after it would be."""

    def next_day(found: re.Match[str]) -> str:
        return f"date: {dt.date.fromisoformat(found.group(1)) + dt.timedelta(days=1)}"

    return re.sub(r"^date: (\d{4}-\d\d-\d\d)", next_day, text, count=1, flags=re.M)


def _new_findings(folder: Path, copy: Path, baseline: set[tuple[str, str]]) -> list[Finding]:
    report = check_paths(sorted(folder.iterdir()))
    return [
        f
        for f in report.findings
        if f.severity in (Severity.ERROR, Severity.WARNING)
        and _key(f) not in baseline
        and any(Path(e.path).name == copy.name for e in f.evidence)
        and any(Path(e.path).name != copy.name for e in f.evidence)
    ]


def main(argv: list[str]) -> None:
    if not SEEDS.is_dir():
        print("seeds-dated: not found beside the checkout, skipped")
        return
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    originals = sorted(SEEDS.glob("*.md"))
    baseline = {_key(f) for f in check_paths(originals).findings}
    mutations: list[tuple[str, Path, str, str]] = []
    for article in load(originals).articles:
        path = Path(article.path)
        text = path.read_text(encoding="utf-8")
        for claim in extract_article(article):
            changed = None
            if isinstance(claim, Figure) and claim.superlative:
                changed = _changed_superlative(text, claim)
                if changed and changed != text:
                    mutations.append(("superlative", path, changed, claim.text[:90]))
            if isinstance(claim, Figure):
                changed, kind = _changed_figure(text, claim), "figure"
            elif isinstance(claim, DateClaim) and not claim.relative:
                changed, kind = _changed_date(text, claim), "date"
            elif isinstance(claim, Attribution):
                changed, kind = _changed_source(text, claim), "source"
            elif isinstance(claim, PersonClaim):
                changed, kind = _changed_title(text, claim), "title"
            if changed and changed != text:
                mutations.append((kind, path, changed, claim.text[:90]))
    if limit:
        mutations = mutations[:limit]
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as scratch:
        for kind, path, changed, sentence in mutations:
            folder = Path(scratch) / f"m{sum(total.values())}"
            folder.mkdir()
            for original in originals:
                shutil.copy(original, folder)
            copy = folder / f"copy-{path.name}"
            copy.write_text(_later(changed), encoding="utf-8")
            total[kind] += 1
            if _new_findings(folder, copy, baseline):
                caught[kind] += 1
            else:
                print(f"missed {kind:6} {path.name[:3]}: {sentence}")
        false_alarms = 0
        for label, pattern, replacement in REWORDINGS:
            for path in originals:
                text = path.read_text(encoding="utf-8")
                reworded = re.sub(pattern, replacement, text)
                if reworded == text:
                    continue
                folder = Path(scratch) / f"r{false_alarms}-{path.stem}-{label}"
                folder.mkdir()
                for original in originals:
                    shutil.copy(original, folder)
                copy = folder / f"copy-{path.name}"
                copy.write_text(reworded, encoding="utf-8")
                found = _new_findings(folder, copy, baseline)
                for finding in found:
                    print(f"false alarm ({label!r}): {finding.rule}: {finding.message[:150]}")
                false_alarms += len(found)
    for kind in sorted(total):
        print(f"{kind:7} caught {caught[kind]}/{total[kind]}")
    print(f"all     caught {sum(caught.values())}/{sum(total.values())}; "
          f"false alarms on rewordings {false_alarms}")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
