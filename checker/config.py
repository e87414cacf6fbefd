"""`checker.toml`, or `[tool.checker]` in `pyproject.toml`: which rules run, and how.

    fail-on = "error"                 # error | warning | info | never
    facts = "facts.toml"              # relative to the config file
    exclude = ["drafts/**", "*.tmp.md"]
    max-article-kb = 200              # longer articles are skipped, with a diagnostic

    [rules.figure-mismatch]
    enabled = true
    severity = "warning"
    tolerance = 0.05                  # any option of the rule's Options model

    [vocabulary]                      # the newsroom's own words: see checker.vocabulary
    titles = ["harbour master"]

Unknown keys, unknown rule ids, bad values: a ConfigError naming the file, the line and the key.
Nothing in the file is executed; it is parsed with tomllib and validated with pydantic.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.errors import ConfigError
from checker.models import Severity
from checker.rule import Rule
from checker.vocabulary import Vocabulary

CONFIG_NAMES = ("checker.toml",)


class RuleSettings(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    enabled: bool = True
    severity: Severity | None = None

    @property
    def options(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    fail_on: Literal["error", "warning", "info", "never"] | None = Field(None, alias="fail-on")
    facts: Path | None = None
    exclude: tuple[str, ...] = ()
    max_article_kb: int | None = Field(None, alias="max-article-kb", gt=0)
    rules: dict[str, RuleSettings] = {}
    vocabulary: Vocabulary = Vocabulary()
    path: Path | None = Field(None, exclude=True)

    def build_rules(self, catalogue: dict[str, type[Rule]]) -> list[Rule]:
        """The enabled rules with their severities and validated options."""
        built: list[Rule] = []
        for rule_id, rule_class in catalogue.items():
            settings = self.rules.get(rule_id, RuleSettings())
            if not settings.enabled:
                continue
            try:
                options = rule_class.Options.model_validate(settings.options)
            except ValidationError as error:
                problem = error.errors()[0]
                key = ".".join(str(p) for p in problem["loc"])
                raise self._error(f"rules.{rule_id}.{key}", problem["msg"]) from None
            built.append(rule_class(options, settings.severity))
        return built

    def check_rule_ids(self, known: set[str]) -> None:
        for rule_id in self.rules:
            if rule_id not in known:
                raise self._error(f"rules.{rule_id}", f"unknown rule id {rule_id!r}")

    def _error(self, key: str, message: str) -> ConfigError:
        path = self.path or Path("<config>")
        return ConfigError(str(path), f"{key}: {message}", line=_line_of(path, key), key=key)


def _line_of(path: Path, dotted_key: str) -> int | None:
    """Best effort: the line where the key's last part (or its table) is written."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    parts = dotted_key.split(".")
    for candidate in (parts[-1], ".".join(parts[:2]), parts[0]):
        pattern = re.compile(rf"^\s*(\[+[^\]]*)?{re.escape(candidate)}\b")
        for number, line in enumerate(lines, start=1):
            if pattern.search(line):
                return number
    return None


def _parse(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), f"cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        line = int(match.group(1)) if match else None
        raise ConfigError(str(path), f"invalid TOML: {error}", line=line) from None
    except RecursionError:
        # tomllib recurses per nested array or inline table; a hostile file can exhaust it.
        raise ConfigError(str(path), "invalid TOML: nested too deeply") from None


def load_config(path: Path) -> Config:
    """Read a checker.toml, or the [tool.checker] table of a pyproject.toml."""
    data = _parse(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("checker", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError(str(path), "tool.checker: must be a table", key="tool.checker")
    try:
        config = Config.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        key = ".".join(str(p) for p in problem["loc"])
        message = "unknown key" if problem["type"] == "extra_forbidden" else problem["msg"]
        raise ConfigError(
            str(path), f"{key}: {message}", line=_line_of(path, key), key=key
        ) from None
    facts = config.facts
    if facts is not None and not facts.is_absolute():
        facts = path.parent / facts
    return config.model_copy(update={"path": path, "facts": facts})


def find_config(start: Path) -> Path | None:
    """checker.toml, else a pyproject.toml with [tool.checker], in `start` or its parents."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.checker" in _read_or_empty(pyproject):
            return pyproject
    return None


def _read_or_empty(path: Path) -> str:
    """A discovered file we cannot read is not ours to fail on: it is simply not a config."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
