"""Figure-extractor accuracy against quantulum3's English quantity test cases.

Reads `../shared/eval/quantulum3-quantities.json` relative to the repository (third-party data,
measured here, never copied in). For every sentence the extractor's values are matched to the
expected ones (relative tolerance 1e-6); value precision and recall are over the cases the project
treats as figures. Expected quantities that are not figures here (years, numbers in names, a unit
word with no number, a change read as its new value...) are listed as out of scope with the
reason, and a predicted value that matches one of them counts neither way. Units are scored
separately on matched values whose quantulum unit name pint can read.

    .venv/bin/python bench/accuracy.py [--verbose]
"""

from __future__ import annotations

import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker.extract.context import ArticleContext, Source  # noqa: E402
from checker.extract.figures import find_figures  # noqa: E402
from checker.models import Sentence  # noqa: E402
from checker.normalize import parse_unit, same_dimension, to_base  # noqa: E402

DATA = REPO.parent / "shared" / "eval" / "quantulum3-quantities.json"
_CHANGE = re.compile(r"\b(?:rose|reduced|fell|increased|decreased|changed)\s+from\b", re.I)
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_UNIT_NAMES = {
    "dimensionless": None,
    "pound sterling": "GBP",
    "dollar": "USD",
    "euro": "EUR",
    "percentage": "percent",
    "pound-mass": "pound",
    "degree Celsius": "degree_Celsius",
    "degree fahrenheit": "degree_Fahrenheit",
    "ton": "metric_ton",
    "count": "1",
}


def scope(case: str, expected: dict[str, Any]) -> str | None:
    """Why an expected quantity is not a figure for this project, or None when it is one."""
    surface = str(expected.get("surface", ""))
    value = float(expected["value"])
    unit = expected.get("unit")
    if unit == "dimensionless" and surface.isdigit() and 1000 <= value <= 2199:
        return "year"
    if unit == "dimensionless" and surface.isdigit():
        before = case[: case.find(surface)].rstrip()
        last = before.split()[-1].strip("\"'“”(") if before.split() else ""
        if (
            last
            and (any(c.isupper() for c in last) or any(c.isdigit() for c in last))
            and last[0].isalpha()
        ):
            return "number in a name or model"
    if re.match(
        r"^(?:an?|one)\s+(?:square\s+|baker's\s+)?[a-z]+$", surface, re.I
    ) and not re.search(
        r"hundred|thousand|million|billion|half|halves|third|quarter|fourth|fifth|sixth|tenth",
        surface,
        re.I,
    ):
        return "unit word without a number"
    if re.search(r"\bdozen|gross\b", surface, re.I):
        return "counting word read as a unit"
    if surface.lower() == "absolute zero":
        return "named constant"
    if surface.startswith("(") and surface.endswith(")"):
        return "accounting notation"
    if re.search(r"\dx\d+\^", surface):
        return "arithmetic expression"
    if re.match(r"^-\d+-\d", surface):
        return "ambiguous range notation"
    if " to " in surface and _CHANGE.search(case):
        return "change: read as its new value"
    return None


def quantulum_unit(name: str | None) -> str | None:
    """quantulum3's unit name as a pint expression ("kilometre per hour" -> "kilometre / hour")."""
    if name is None or name in _UNIT_NAMES:
        return _UNIT_NAMES.get(name) if name else None
    expression = name
    for word, code in _UNIT_NAMES.items():
        if code and word in expression:
            expression = expression.replace(word, code)
    expression = re.sub(r"\bsquare (\w+)", r"\1 ** 2", expression)
    expression = re.sub(r"\bcubic (\w+)", r"\1 ** 3", expression)
    expression = re.sub(r"\binverse (\w+)", r"1 / \1", expression)
    expression = expression.replace(" per ", " / ").replace("watt hour", "watt_hour")
    expression = expression.replace("megawatt_hour", "megawatt_hour").replace(
        "megawatt hour", "megawatt_hour"
    )
    expression = expression.replace("baker's", "").replace("'", "")
    expression = expression.replace("count / ", "1 / ")
    return expression.strip()


def units_agree(expected: str | None, predicted: str | None) -> bool | None:
    """True/False when comparable, None when pint cannot read the expected unit."""
    if expected is None or predicted is None:
        return expected is None and predicted is None
    try:
        parse_unit(expected)
    except ValueError:
        return None
    if not same_dimension(expected, predicted):
        return False
    first, _ = to_base(1.0, expected)
    second, _ = to_base(1.0, predicted)
    return math.isclose(first, second, rel_tol=1e-6)


@dataclass
class Score:
    expected: int = 0
    predicted: int = 0
    hits: int = 0
    unit_agree: int = 0
    unit_compared: int = 0
    out_of_scope: list[tuple[str, str, str]] = field(default_factory=list)
    misses: list[tuple[str, str]] = field(default_factory=list)
    extras: list[tuple[str, str]] = field(default_factory=list)
    unit_errors: list[tuple[str, str, str]] = field(default_factory=list)


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


def run(cases: list[dict[str, Any]]) -> Score:
    score = Score()
    for number, case in enumerate(cases):
        text = case["req"]
        sentence = Sentence(text=text, line=1, column=1, paragraph=0, index=number)
        figures = find_figures(sentence, ArticleContext(path="bench", published=None), Source())
        predicted = list(figures)
        wanted = []
        ignored = []
        for expected in case["res"]:
            reason = scope(text, expected)
            if reason:
                score.out_of_scope.append((text, str(expected.get("surface")), reason))
                ignored.append(float(expected["value"]))
                # what the project reads instead ("$680" of a change) counts neither way
                surface = str(expected.get("surface", ""))
                ignored.extend(float(n.replace(",", "")) for n in _NUMBER.findall(surface))
            else:
                wanted.append(expected)
        score.expected += len(wanted)
        for expected in wanted:
            match = next((f for f in predicted if close(f.value, float(expected["value"]))), None)
            if match is None:
                score.misses.append((text, str(expected.get("surface"))))
                continue
            predicted.remove(match)
            score.hits += 1
            score.predicted += 1
            agree = units_agree(quantulum_unit(expected.get("unit")), match.unit)
            if agree is not None:
                score.unit_compared += 1
                score.unit_agree += int(agree)
                if not agree:
                    score.unit_errors.append((text, str(expected.get("unit")), str(match.unit)))
        for figure in predicted:
            if any(close(figure.value, value) for value in ignored):
                continue
            score.predicted += 1
            score.extras.append((text, f"{figure.surface} = {figure.value:g}"))
    return score


def main(argv: list[str]) -> int:
    if not DATA.is_file():
        print(f"no evaluation data at {DATA.relative_to(REPO.parent)}; nothing to measure")
        return 0
    cases = json.loads(DATA.read_text(encoding="utf-8"))
    score = run(cases)
    precision = score.hits / score.predicted if score.predicted else 1.0
    recall = score.hits / score.expected if score.expected else 1.0
    units = score.unit_agree / score.unit_compared if score.unit_compared else 1.0
    print(f"quantulum3 quantities: {len(cases)} sentences")
    print(f"{'measure':<22}{'value':>10}")
    print(f"{'in-scope expected':<22}{score.expected:>10}")
    print(f"{'predicted (scored)':<22}{score.predicted:>10}")
    print(f"{'value matches':<22}{score.hits:>10}")
    print(f"{'value precision':<22}{precision:>10.3f}")
    print(f"{'value recall':<22}{recall:>10.3f}")
    print(f"{'unit agreement':<22}{units:>10.3f}  ({score.unit_agree}/{score.unit_compared})")
    print(f"\nout of scope ({len(score.out_of_scope)}):")
    for text, surface, reason in score.out_of_scope:
        print(f"  {reason:<32} {surface!r:<24} in {text[:60]!r}")
    verbose = "--verbose" in argv
    if verbose or len(score.misses) + len(score.extras) <= 30:
        print(f"\nmissed ({len(score.misses)}):")
        for text, surface in score.misses:
            print(f"  {surface!r:<28} in {text[:70]!r}")
        print(f"\nnot expected ({len(score.extras)}):")
        for text, found in score.extras:
            print(f"  {found:<28} in {text[:70]!r}")
        print(f"\nunit disagreements ({len(score.unit_errors)}):")
        for text, expected_unit, found_unit in score.unit_errors:
            print(f"  {expected_unit!r} vs {found_unit!r} in {text[:60]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
