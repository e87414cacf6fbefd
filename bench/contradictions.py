"""Judgement on text we did not write: false alarms on ECB+ news, catches on WikiContradict.

Reads the development sets from `../shared/eval/` relative to the repository (third-party text,
measured here, never copied in) and follows the protocols of its README:

- **ECB+ dev**: one check over every topic; each error or warning finding is classed by where its
  evidence lies: cross-topic (two stories: always a false alarm), cross-event (the two events of
  one topic: almost always false) or same-event (to be read). Every finding is printed, so that
  the same-event ones can be read.
- **WikiContradict dev**: each row's two passages become two articles titled with the row's
  Wikipedia title; one check over all rows. A hit is a figure-mismatch or date-mismatch finding
  with evidence in both passages of one row; a false alarm is such a finding across rows.

- **TimeBank and AQUAINT**: news documents about many stories, checked together: nearly every
  error or warning finding is a false alarm, and each is printed to be read.

    .venv/bin/python bench/contradictions.py [ecbplus|wikicontradict|timebank] [--quiet]
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker.engine import check_paths  # noqa: E402
from checker.models import Finding, Severity  # noqa: E402

EVAL = REPO.parent / "shared" / "eval"
MISMATCH_RULES = frozenset({"figure-mismatch", "date-mismatch"})


def _where(path: str) -> str:
    return "/".join(Path(path).parts[-3:])


def _show(finding: Finding, label: str) -> None:
    print(f"[{label}] {finding.rule}: {finding.message[:220]}")
    for evidence in finding.evidence[:2]:
        print(f"    {_where(evidence.path)}:{evidence.line}  {evidence.text[:160]}")


def ecbplus(quiet: bool) -> None:
    folder = EVAL / "ecbplus-dev"
    if not folder.is_dir():
        print("ecbplus-dev: not found beside the checkout, skipped")
        return
    started = time.perf_counter()
    report = check_paths([folder])
    seconds = time.perf_counter() - started
    classes: Counter[str] = Counter()
    for finding in report.findings:
        if finding.severity not in (Severity.ERROR, Severity.WARNING):
            continue
        parts = [Path(e.path).parts for e in finding.evidence]
        topics = {p[-3] for p in parts if len(p) >= 3}
        events = {(p[-3], p[-2]) for p in parts if len(p) >= 3}
        label = "cross-topic" if len(topics) > 1 else "cross-event" if len(events) > 1 else "same"
        classes[label] += 1
        if not quiet:
            _show(finding, label)
    total = sum(classes.values())
    articles = len(report.articles)
    print(
        f"ecbplus-dev: {articles} articles, {total} error/warning findings "
        f"({100 * total / max(articles, 1):.1f} per 100 articles): cross-topic "
        f"{classes['cross-topic']}, cross-event {classes['cross-event']}, same-event "
        f"{classes['same']}; {seconds:.1f} s"
    )


def wikicontradict(quiet: bool) -> None:
    table = EVAL / "wikicontradict-dev.csv"
    if not table.is_file():
        print("wikicontradict-dev: not found beside the checkout, skipped")
        return
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for number, row in enumerate(rows):
            folder = root / f"row{number:03d}"
            folder.mkdir()
            title = row["WikipediaArticleTitle"].replace('"', "'")
            for side in ("1", "2"):
                text = row["context" + side].strip()
                (folder / f"passage{side}.md").write_text(f'---\ntitle: "{title}"\n---\n{text}\n')
        report = check_paths([root])
    hits: set[int] = set()
    false_alarms: list[Finding] = []
    for finding in report.findings:
        if finding.rule not in MISMATCH_RULES:
            continue
        rows_seen = {Path(e.path).parent.name for e in finding.evidence}
        passages = {Path(e.path).name for e in finding.evidence}
        if len(rows_seen) > 1:
            false_alarms.append(finding)
        elif len(passages) == 2:
            hits.add(int(next(iter(rows_seen))[3:]))
    explicit = [n for n, row in enumerate(rows) if row["contradictType"].startswith("Explicit")]
    if not quiet:
        for number in explicit:
            row = rows[number]
            mark = "caught" if number in hits else "missed"
            print(f"{mark} row{number:03d} [{row['WikipediaArticleTitle']}] "
                  f"{row['answer1'][:50]!r} vs {row['answer2'][:50]!r}")  # fmt: skip
        for finding in false_alarms:
            _show(finding, "false alarm")
    caught = sum(1 for n in explicit if n in hits)
    print(
        f"wikicontradict-dev: explicit rows caught {caught}/{len(explicit)}, all rows "
        f"{len(hits)}/{len(rows)}, false alarms across rows {len(false_alarms)}"
    )


def timebank(quiet: bool) -> None:
    """News we did not write, about many stories: TimeBank and AQUAINT documents, each an
    article dated by its DCT, all checked together. Few of their stories overlap, so nearly
    every error or warning finding is a false alarm: each one is printed to be read."""
    from bench.dates import DATA, read_timeml

    files = sorted(DATA.glob("*/*.tml"))
    if not files:
        print("timebank-aquaint: not found beside the checkout, skipped")
        return
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for file in files:
            dct, text, _ = read_timeml(file.read_text(encoding="utf-8"))
            folder = root / file.parent.name
            folder.mkdir(exist_ok=True)
            (folder / f"{file.stem}.md").write_text(f"---\ndate: {dct}\n---\n{text}\n")
        report = check_paths([root])
    serious = [f for f in report.findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    kinds: Counter[str] = Counter()
    for finding in serious:
        documents = {Path(e.path).name for e in finding.evidence}
        kinds["across documents" if len(documents) > 1 else "in one document"] += 1
        if not quiet:
            _show(finding, finding.rule)
    print(
        f"timebank-aquaint: {len(report.articles)} articles, {len(serious)} error/warning "
        f"findings ({kinds['across documents']} across documents, "
        f"{kinds['in one document']} in one document)"
    )


def main(argv: list[str]) -> None:
    quiet = "--quiet" in argv
    sets = {"ecbplus": ecbplus, "wikicontradict": wikicontradict, "timebank": timebank}
    for name in [a for a in argv if not a.startswith("--")] or list(sets):
        sets[name](quiet)


if __name__ == "__main__":
    main(sys.argv[1:])
