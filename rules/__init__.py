"""The built-in rules, listed explicitly; third-party rules come through entry points.

`get_rules()` is the registry the engine asks; `checker.registry` adds the `checker.rules`
entry-point group on top of it.
"""

from __future__ import annotations

from checker.rule import Rule
from rules.cumulative_decrease import CumulativeDecrease
from rules.date_mismatch import DateMismatch
from rules.figure_mismatch import FigureMismatch
from rules.misattribution import Misattribution
from rules.repeated_passage import RepeatedPassage
from rules.superlative_conflict import SuperlativeConflict
from rules.temporal_order import TemporalOrder
from rules.title_mismatch import TitleMismatch

__all__ = ["get_rules"]


def get_rules() -> list[type[Rule]]:
    """Every built-in rule class, in the order reports list them."""
    return [
        FigureMismatch,
        DateMismatch,
        TemporalOrder,
        Misattribution,
        TitleMismatch,
        CumulativeDecrease,
        SuperlativeConflict,
        RepeatedPassage,
    ]
