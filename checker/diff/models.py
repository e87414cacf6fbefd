"""What a diff returns: the changes between two versions, and the error when none can be made.

Pydantic models so `checker diff -f json` and callers share one shape; a change keeps both
sides of a fact (where it is, its sentence, the fact in short) so a reader needs no other file.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from checker.errors import CheckerError
from checker.models import Diagnostic


class DiffError(CheckerError):
    """OLD and NEW cannot be compared (a file against a folder)."""


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class ChangeSide(BaseModel):
    """One version of a changed claim: where it is, the sentence, and the fact in short."""

    model_config = ConfigDict(frozen=True)

    path: str
    line: int
    column: int = 1
    text: str
    fact: str  # "35,000 russian soldiers killed, 2025-12 (Mykhailo Fedorov)"
    claim: dict[str, object] | None = None  # every field of the claim, JSON-ready


class Change(BaseModel):
    model_config = ConfigDict(frozen=True)

    change: ChangeKind
    kind: Literal["figure", "date", "attribution", "person", "article"]
    field: str | None = None  # the first field that differs, for `changed`
    fields: tuple[str, ...] = ()  # every field that differs
    subject: str = ""
    detail: str = ""  # "value: 35,000 -> 53,000" for `changed`, the fact otherwise
    old: ChangeSide | None = None
    new: ChangeSide | None = None
    claims: int = 1  # claims this entry stands for (a whole article counts all of its own)


class DiffResult(BaseModel):
    old: str
    new: str
    changes: list[Change] = []
    diagnostics: list[Diagnostic] = []

    def count(self, change: ChangeKind) -> int:
        return sum(c.claims for c in self.changes if c.change is change)
