"""Claims -> subject groups (placeholder until grouping lands)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.models import Figure


@dataclass(frozen=True)
class SubjectGroup:
    """Figures about the same subject (what is counted, what happened to it, whose, in what unit),
    across articles. Period and modality are NOT part of this key: rules bucket by them."""

    key: tuple[str, ...]
    label: str  # display form: "russian soldiers killed"
    figures: tuple[Figure, ...]


def group_figures(figures: Sequence[Figure]) -> list[SubjectGroup]:
    return []
