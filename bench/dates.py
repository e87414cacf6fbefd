"""Date-claim accuracy against TimeBank 1.2 and AQUAINT (TempEval-3 training release, TimeML).

Reads `../shared/eval/timebank-aquaint/*/*.tml` relative to the repository (third-party data,
measured here, never copied in). Each document's text becomes an article dated by its `<DCT>`;
a gold `TIMEX3 type="DATE"` whose value is a day, a month or a year is found when a date claim
on the same line has that value (a prefix at the gold's granularity). Precision is over all date
claims: every date expression a reader would resolve should be a claim, whatever event it dates.
Gold values that are not calendar dates (`PRESENT_REF`, weeks `1998-W10`, quarters `1998-Q1`,
decades `199`, seasons `1998-SU`) are out of this protocol: claims for them count as unmatched
unless another gold on their line agrees.

    .venv/bin/python bench/dates.py [--show N]
"""

from __future__ import annotations

import html
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker.extract import extract_article  # noqa: E402
from checker.load import parse_article  # noqa: E402
from checker.models import DateClaim  # noqa: E402

DATA = REPO.parent / "shared" / "eval" / "timebank-aquaint"
_TAG = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>|<[^>]+>", re.S)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_CALENDAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_FRONT_LINES = 3  # "---", "date: ...", "---"


def read_timeml(markup: str) -> tuple[str, str, list[tuple[int, str, str]]]:
    """(publication date, plain text, [(offset, value, expression)]) of one TimeML file."""
    dct_match = re.search(r'<DCT><TIMEX3[^>]*value="([^"]+)"', markup)
    body_match = re.search(r"<TEXT>(.*)</TEXT>", markup, re.S)
    if dct_match is None or body_match is None:
        raise ValueError("not a TimeML document")
    body = body_match.group(1)
    parts: list[str] = []
    gold: list[tuple[int, str, str]] = []
    position = 0
    for match in _TAG.finditer(body):
        parts.append(body[position : match.start()])
        if match.group(1) is not None:
            attributes = dict(_ATTRIBUTE.findall(match.group(1)))
            offset = sum(len(p) for p in parts)
            parts.append(match.group(2))
            value = attributes.get("value", "")
            if attributes.get("type") == "DATE" and _CALENDAR.match(value):
                gold.append((offset, value, match.group(2)))
            else:
                # a time expression the protocol leaves out: a TIME ("Friday night"), a
                # quarter, a week, a season, a duration
                gold.append((offset, "", match.group(2)))
        position = match.end()
    parts.append(body[position:])
    return dct_match.group(1)[:10], html.unescape("".join(parts).strip("\n")), gold


def main(show: int) -> int:
    files = sorted(DATA.glob("*/*.tml"))
    if not files:
        print(f"skipped: no TimeML files under {DATA}")
        return 0
    found = gold_total = right = predicted = shown = out_of_protocol = 0
    wrong: Counter[str] = Counter()
    extra: list[str] = []
    for file in files:
        dct, text, gold = read_timeml(file.read_text(encoding="utf-8"))
        source = f"---\ndate: {dct}\n---\n{text}\n"
        article, _ = parse_article(source.encode(), f"{file.stem}.md")
        if article is None:
            continue
        lines = text.splitlines()
        claims = [c for c in extract_article(article) if isinstance(c, DateClaim)]
        by_line: dict[int, list[DateClaim]] = {}
        for claim in claims:
            by_line.setdefault(claim.line, []).append(claim)
        gold_by_line: dict[int, list[str]] = {}
        other_by_line: dict[int, list[str]] = {}
        for offset, value, expression in gold:
            line = text.count("\n", 0, offset) + _FRONT_LINES + 1
            if not value:
                other_by_line.setdefault(line, []).append(expression.lower())
                continue
            gold_by_line.setdefault(line, []).append(value)
            got = [c.date.isoformat() for c in by_line.get(line, [])]
            hit = any(g.startswith(value) for g in got)
            found += hit
            gold_total += 1
            if not hit:
                wrong[expression.lower()] += 1
                if shown < show:
                    shown += 1
                    print(f"missed {file.stem}:{line} {expression!r} = {value} (got {got})")
        for claim in claims:
            predicted += 1
            values = gold_by_line.get(claim.line, [])
            if any(claim.date.isoformat().startswith(v) for v in values):
                right += 1
                continue
            surface = claim.surface.lower()
            if any(
                surface in other or other in surface for other in other_by_line.get(claim.line, [])
            ):
                out_of_protocol += 1
                continue
            if len(extra) < show:
                index = claim.line - _FRONT_LINES - 1
                sentence = lines[index][:90] if 0 <= index < len(lines) else ""
                extra.append(
                    f"extra {file.stem}:{claim.line} {claim.surface!r} -> {claim.date} "
                    f"({sentence!r})"
                )
    print("\n".join(extra))
    print("most missed expressions:", ", ".join(f"{w!r}×{n}" for w, n in wrong.most_common(25)))
    in_protocol = predicted - out_of_protocol
    print(
        f"timebank-aquaint DATE recall {found / max(gold_total, 1):.3f} "
        f"precision {right / max(predicted, 1):.3f} (gold {gold_total}, predicted {predicted}); "
        f"precision {right / max(in_protocol, 1):.3f} without the {out_of_protocol} claims on "
        "time expressions the protocol leaves out (quarters, weeks, times of day, durations)"
    )
    return 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    count = int(arguments[arguments.index("--show") + 1]) if "--show" in arguments else 20
    sys.exit(main(count))
