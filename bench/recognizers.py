"""Figure values against Microsoft Recognizers-Text's English `NumberWithUnit` specs.

Reads `../shared/eval/recognizers-text-dev/{Age,Currency,Dimension,Temperature}Model.json`
relative to the repository (third-party data, measured here, never copied in). Each case is one
sentence and the quantities with a unit it holds. A gold value is found when a figure of the
sentence has it (relative tolerance 1e-6). Precision is over the figures whose unit belongs to
the model (a currency for the currency model, a duration for ages, a temperature, any other
unit for dimensions): a count without a unit is a figure for us but not a quantity with a unit.

Out of scope, listed with the reason and counted neither way: units the project does not model
(listed in `_UNMODELLED`), and sentences that are not prose but unit conversions or unit
definitions ("how many inches in a foot"). The scorer shared with the other developers
(`score.py recognizers`) counts every figure value instead.

    .venv/bin/python bench/recognizers.py [--show N]
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
from checker.models import Figure, Sentence  # noqa: E402
from checker.normalize import parse_unit  # noqa: E402

DATA = REPO.parent / "shared" / "eval" / "recognizers-text-dev"
MODELS = ("AgeModel", "CurrencyModel", "DimensionModel", "TemperatureModel")
# Units with no place in news figures that the project reads: old or minor currencies named
# without a code, crypto sub-units, angles and turns, apothecary weights.
_UNMODELLED = frozenset(
    {
        "Bitcoin",
        "Satoshi",
        "Sen",
        "Lao kip",
        "Georgian lari",
        "Costa Rican colón",
        "Peseta",
        "Netherlands guilder",
        "Finnish markka",
        "Franc",
        "Turkish lira",
        "Sri Lankan rupee",
        "Mexican peso",
        "Degree",
        "Radian",
        "Turn",
        "Dram",
    }
)
# Not prose: conversion questions and unit definitions.
_NOT_PROSE = re.compile(r"\b(?:convert|how many|equals?\s+to|is equal to)\b", re.I)


def in_family(model: str, unit: str | None) -> bool:
    """Whether a figure's unit is the kind of quantity `model` recognizes."""
    if unit is None:
        return False
    try:
        dimensionality = str(parse_unit(unit).dimensionality)
    except ValueError:
        return False
    if model == "CurrencyModel":
        return dimensionality.startswith("[currency")
    if model == "AgeModel":
        return dimensionality == "[time]"
    if model == "TemperatureModel":
        return dimensionality == "[temperature]"
    # durations and shares have models of their own in Recognizers-Text
    return not dimensionality.startswith("[currency") and dimensionality not in (
        "[temperature]",
        "[time]",
        "dimensionless",
    )


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    predicted: int = 0
    right: int = 0
    out_of_scope: list[tuple[str, str]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _values(figure: Figure) -> list[float]:
    return [v for v in (figure.value, figure.low, figure.high) if v is not None]


def score_model(model: str, cases: list[dict[str, Any]]) -> Score:
    score = Score()
    for number, case in enumerate(cases):
        text = case["Input"]
        results = case.get("Results", [])
        units = {str(r.get("Resolution", {}).get("unit")) for r in results}
        reason = None
        if _NOT_PROSE.search(text):
            reason = "a unit conversion or definition, not prose"
        elif units & _UNMODELLED:
            reason = f"unit not modelled: {', '.join(sorted(units & _UNMODELLED))}"
        if reason:
            score.out_of_scope.append((text, reason))
            continue
        gold = []
        for result in results:
            try:
                gold.append(float(str(result["Resolution"]["value"]).rstrip("%")))
            except (KeyError, ValueError):
                continue
        sentence = Sentence(text=text, line=1, column=1, paragraph=0, index=number)
        figures = find_figures(sentence, ArticleContext(path="bench", published=None), Source())
        every = [v for f in figures for v in _values(f)]
        kept = [f for f in figures if in_family(model, f.unit)]
        score.expected += len(gold)
        for value in gold:
            if any(_close(v, value) for v in every):
                score.found += 1
            else:
                got = ", ".join(f"{f.surface}={f.value:g} {f.unit}" for f in figures)
                score.misses.append(f"{value:g} in {text[:100]!r} (read: {got})")
        for figure in kept:
            score.predicted += 1
            if any(_close(v, g) for v in _values(figure) for g in gold):
                score.right += 1
            else:
                score.extras.append(
                    f"{figure.surface}={figure.value:g} {figure.unit} in {text[:100]!r}"
                )
    return score


def main(show: int) -> int:
    if not DATA.is_dir():
        print("no Recognizers-Text data beside the repository; nothing to measure")
        return 0
    for model in MODELS:
        path = DATA / f"{model}.json"
        if not path.is_file():
            continue
        score = score_model(model, json.loads(path.read_text(encoding="utf-8-sig")))
        for text, reason in score.out_of_scope[:show]:
            print(f"  out of scope ({reason}): {text[:90]!r}")
        for line in score.misses[:show]:
            print(f"  missed {line}")
        for line in score.extras[:show]:
            print(f"  not expected {line}")
        recall = score.found / max(score.expected, 1)
        precision = score.right / max(score.predicted, 1)
        print(
            f"recognizers-{model} value recall {recall:.3f} precision {precision:.3f} "
            f"(gold {score.expected}, predicted {score.predicted}, "
            f"{len(score.out_of_scope)} cases out of scope)"
        )
    return 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    count = int(arguments[arguments.index("--show") + 1]) if "--show" in arguments else 20
    sys.exit(main(count))
