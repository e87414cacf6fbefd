"""The facts register (`--facts facts.toml`): people's roles over time and reference figures.

Read with `tomllib` (data only, nothing executed) and validated by pydantic; any problem becomes a
`ConfigError` naming the file, the line of the entry and the offending key. Each entry keeps its
line, found by counting the `[[people]]` / `[[figures]]` headers in order, so that a finding can
point at the register line it disagrees with.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.errors import ConfigError
from checker.models import Figure, Qualifier
from checker.titles import name_key, same_person, same_role, surname

__all__ = ["FactsRegister", "RegisterFigure", "RegisterPerson", "Role", "load_facts"]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Role(_Entry):
    """A title held from `from` (inclusive) until `to` (exclusive; open when absent)."""

    title: str = Field(min_length=1)
    start: dt.date = Field(alias="from")
    end: dt.date | None = Field(default=None, alias="to")

    def holds_on(self, date: dt.date) -> bool:
        return self.start <= date and (self.end is None or date < self.end)


class RegisterPerson(_Entry):
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class RegisterFigure(_Entry):
    subject: str = Field(min_length=1)
    value: float
    as_of: dt.date
    source: str = Field(min_length=1)
    unit: str | None = None
    qualifier: Qualifier | None = None
    line: int = 0


class FactsRegister(_Entry):
    path: str
    people: tuple[RegisterPerson, ...] = ()
    figures: tuple[RegisterFigure, ...] = ()

    def find_person(self, name: str) -> RegisterPerson | None:
        """The register person `name` refers to: a name or alias, a unique surname, or a near
        spelling of a full name."""
        key = name_key(name)
        if not key:
            return None
        for person in self.people:
            if any(name_key(n) == key for n in person.names):
                return person
        if " " not in key:
            by_surname = [p for p in self.people if any(surname(n) == key for n in p.names)]
            return by_surname[0] if len(by_surname) == 1 else None
        for person in self.people:
            if any(same_person(name, n) for n in person.names):
                return person
        return None

    def roles_at(self, name: str, date: dt.date) -> list[Role]:
        """The roles the person called `name` held on `date` (empty if unknown)."""
        person = self.find_person(name)
        return [r for r in person.roles if r.holds_on(date)] if person else []

    def roles_matching(self, name: str, title: str) -> list[Role]:
        """Every interval in which the person held a role that `title` can name."""
        person = self.find_person(name)
        return [r for r in person.roles if same_role(r.title, title)] if person else []

    def figure_claims(self) -> list[Figure]:
        """Each register figure as a `Figure`, read by the same extractor as the articles so that
        its subject and period compare with theirs; it points at the register line."""
        from checker.extract import extract  # late: extraction imports much more than we need

        claims: list[Figure] = []
        for entry in self.figures:
            shown = f"{int(entry.value):,}" if entry.value.is_integer() else f"{entry.value:,}"
            unit = f" {entry.unit}" if entry.unit else ""
            sentence = f"{shown}{unit} {entry.subject}."
            extracted = [
                c for c in extract(sentence, entry.as_of, path=self.path) if isinstance(c, Figure)
            ]
            figure = extracted[0] if extracted else Figure(
                path=self.path, line=entry.line, column=1, text=sentence, value=entry.value,
                subject=entry.subject.lower(),
            )  # fmt: skip
            update: dict[str, Any] = {
                "path": self.path,
                "line": entry.line,
                "column": 1,
                "text": f"register: {entry.subject} = {shown}{unit}",
                "source": entry.source,
                "source_chain": (entry.source,),
                "as_of": entry.as_of,
                "value": entry.value,
            }
            if entry.qualifier is not None:
                update["qualifier"] = entry.qualifier
            claims.append(figure.model_copy(update=update))
        return claims


_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(people|figures)[ \t]*\]\]", re.M)
_TOML_LINE = re.compile(r"line (\d+)")


def _header_lines(text: str) -> dict[str, list[int]]:
    lines: dict[str, list[int]] = {"people": [], "figures": []}
    for match in _HEADER.finditer(text):
        lines[match.group(1)].append(text.count("\n", 0, match.start()) + 1)
    return lines


def _key_of(location: tuple[int | str, ...]) -> str:
    key = ""
    for part in location:
        key += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if key else part)
    return key


def load_facts(path: str | Path) -> FactsRegister:
    """Read and validate a facts register; every problem is a `ConfigError`."""
    shown = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(shown, f"cannot read facts register: {error}") from error
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        raise ConfigError(
            shown, f"invalid TOML: {error}", line=int(found.group(1)) if found else None
        ) from error
    except RecursionError:
        # tomllib recurses per nested array or inline table; a hostile file can exhaust it.
        raise ConfigError(shown, "invalid TOML: nested too deeply") from None
    unknown = sorted(set(data) - {"people", "figures"})
    if unknown:
        raise ConfigError(shown, f"unknown table {unknown[0]!r}", key=unknown[0])
    headers = _header_lines(text)
    for section in ("people", "figures"):
        entries = data.get(section, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise ConfigError(shown, f"{section} must be an array of tables", key=section)
        for index, entry in enumerate(entries):
            lines = headers[section]
            entry["line"] = lines[index] if index < len(lines) else 0
    try:
        return FactsRegister.model_validate({"path": shown, **data})
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"])
        key = _key_of(location)
        line: int | None = None
        if len(location) >= 2 and isinstance(location[1], int):
            entries = data.get(str(location[0]), [])
            if location[1] < len(entries):
                line = entries[location[1]].get("line") or None
        raise ConfigError(shown, f"{key}: {first['msg']}", line=line, key=key) from error
