"""`[vocabulary]`: a newsroom's own words, added to the bundled tables.

    [vocabulary]
    titles = ["harbour master", "county executive"]     # read before a name, like "mayor"
    boilerplate = ["^subscribe to the morning briefing$"]  # lines that are never reporting
                                                         # (regular expressions, lower case)
    [vocabulary.synonyms.attributes]                     # what is counted: one lemma, and
    resident = ["inhabitant", "householder"]             # the lemmas that mean the same
    [vocabulary.synonyms.predicates]                     # what happened to it
    evacuate = ["relocate", "move out"]

Synonym tables are those of `checker/data/synonyms.toml` (attributes, predicates,
verb_attributes, superlatives): they correct the frames' open vocabulary. The words only add to
the bundled ones; they reach extraction through `checker.data.set_overlay`.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

# The tables of checker/data/synonyms.toml a user may extend.
SYNONYM_TABLES = frozenset({"attributes", "predicates", "verb_attributes", "superlatives"})


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    titles: tuple[str, ...] = ()
    synonyms: dict[str, dict[str, list[str]]] = {}
    boilerplate: tuple[str, ...] = ()

    @field_validator("titles")
    @classmethod
    def _plain_titles(cls, titles: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = tuple(" ".join(t.lower().split()) for t in titles)
        if any(not t for t in cleaned):
            raise ValueError("a title cannot be empty")
        return cleaned

    @field_validator("synonyms")
    @classmethod
    def _known_tables(
        cls, synonyms: dict[str, dict[str, list[str]]]
    ) -> dict[str, dict[str, list[str]]]:
        unknown = sorted(set(synonyms) - SYNONYM_TABLES)
        if unknown:
            known = ", ".join(sorted(SYNONYM_TABLES))
            raise ValueError(f"unknown synonym table {unknown[0]!r} (known: {known})")
        return {
            table: {k.lower(): [w.lower() for w in v] for k, v in words.items()}
            for table, words in synonyms.items()
        }

    @field_validator("boilerplate")
    @classmethod
    def _patterns_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"{pattern!r} is not a regular expression: {error}") from None
        return patterns

    def overlay(self) -> dict[str, Any]:
        """The additions per data file, for `checker.data.set_overlay`."""
        additions: dict[str, Any] = {}
        if self.titles:
            additions["titles"] = {"titles": list(self.titles)}
        if self.synonyms:
            additions["synonyms"] = {name: dict(table) for name, table in self.synonyms.items()}
        if self.boilerplate:
            additions["boilerplate"] = {"patterns": list(self.boilerplate)}
        return additions
