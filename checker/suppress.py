"""Findings a person has accepted: inline `<!-- checker: ignore RULE-ID -->` and baseline files.

An inline comment silences the named rules (comma- or space-separated; none named = every rule)
for a finding with evidence on the comment's own line or the line just below it. A baseline is
a JSON file of fingerprints; fingerprints hash the claims' content, not line numbers, so they
survive edits elsewhere in the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from checker.errors import ConfigError
from checker.models import Article, Diagnostic, Finding

_IGNORE = re.compile(r"<!--\s*checker:\s*ignore\b(?P<ids>[^>]*?)-->", re.I)
ALL_RULES = "*"
BASELINE_SCHEMA = "checker.baseline/1"


def inline_ignores(article: Article) -> dict[int, set[str]]:
    """Source line -> rule ids ignored there (the comment's line and the one after it)."""
    ignored: dict[int, set[str]] = {}
    if "checker:" not in article.body:
        return ignored
    for index, text in enumerate(article.body.split("\n")):
        for match in _IGNORE.finditer(text):
            ids = set(re.split(r"[\s,]+", match.group("ids").strip())) - {""}
            line = article.line_numbers[index] if index < len(article.line_numbers) else index + 1
            for target in (line, line + 1):
                ignored.setdefault(target, set()).update(ids or {ALL_RULES})
    return ignored


def unknown_ignores(articles: Iterable[Article], known: Collection[str]) -> list[Diagnostic]:
    """A warning for each inline comment that names a rule no catalogue has (a typo would
    otherwise silence nothing, silently)."""
    warnings = []
    for article in articles:
        if "checker:" not in article.body:
            continue
        for index, text in enumerate(article.body.split("\n")):
            for match in _IGNORE.finditer(text):
                ids = set(re.split(r"[\s,]+", match.group("ids").strip())) - {"", ALL_RULES}
                for rule_id in sorted(ids - set(known)):
                    line = (
                        article.line_numbers[index]
                        if index < len(article.line_numbers)
                        else index + 1
                    )
                    message = (
                        f"line {line}: warning: `checker: ignore {rule_id}` names no known rule, "
                        f"so it silences nothing (known: {', '.join(sorted(known))})"
                    )
                    warnings.append(Diagnostic(path=article.path, message=message))
    return warnings


def apply_inline(findings: Sequence[Finding], articles: Iterable[Article]) -> list[Finding]:
    by_path: Mapping[str, dict[int, set[str]]] = {a.path: inline_ignores(a) for a in articles}

    def silenced(finding: Finding) -> bool:
        for piece in finding.evidence:
            ids = by_path.get(piece.path, {}).get(piece.line, set())
            if finding.rule in ids or ALL_RULES in ids:
                return True
        return False

    return [f for f in findings if not silenced(f)]


class BaselineEntry(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    fingerprint: str
    rule: str = ""
    message: str = ""


class Baseline(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    schema_: str = BASELINE_SCHEMA
    findings: tuple[BaselineEntry, ...] = ()

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(entry.fingerprint for entry in self.findings)


def baseline_of(findings: Iterable[Finding]) -> str:
    entries = [
        {"fingerprint": f.fingerprint, "rule": f.rule, "message": f.message} for f in findings
    ]
    return (
        json.dumps({"schema": BASELINE_SCHEMA, "findings": entries}, indent=2, ensure_ascii=False)
        + "\n"
    )


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), f"cannot read baseline: {error}") from None
    except json.JSONDecodeError as error:
        raise ConfigError(str(path), f"invalid JSON: {error.msg}", line=error.lineno) from None
    except RecursionError:
        # The json module recurses per nested array or object; a hostile file can exhaust it.
        raise ConfigError(str(path), "invalid JSON: nested too deeply") from None
    if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA:
        raise ConfigError(str(path), f"not a baseline file (expected schema {BASELINE_SCHEMA!r})")
    try:
        return Baseline(findings=data.get("findings", ()))
    except ValidationError as error:
        problem = error.errors()[0]
        key = ".".join(str(p) for p in problem["loc"])
        raise ConfigError(str(path), f"{key}: {problem['msg']}", key=key) from None


def apply_baseline(findings: Sequence[Finding], baseline: Baseline) -> list[Finding]:
    accepted = baseline.fingerprints
    return [f for f in findings if f.fingerprint not in accepted]
