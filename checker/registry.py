"""Which rules exist: the built-ins from `rules.get_rules()` plus the `checker.rules` entry points.

An entry point may name a Rule subclass or a callable returning a list of them. A plugin that fails
to load, or that collides with an existing id, is reported as a diagnostic and skipped, never fatal.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from importlib import metadata

from checker.models import Diagnostic
from checker.rule import Rule
from rules import get_rules

ENTRY_POINT_GROUP = "checker.rules"


@dataclass
class RuleCatalogue:
    rules: dict[str, type[Rule]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _is_rule_class(candidate: object) -> bool:
    return inspect.isclass(candidate) and issubclass(candidate, Rule) and hasattr(candidate, "id")


def discover_rules(*, plugins: bool = True) -> RuleCatalogue:
    catalogue = RuleCatalogue({rule.id: rule for rule in get_rules()})
    if not plugins:
        return catalogue
    try:
        # Looked up on the module at call time, so tests can stand in for installed packages.
        points = list(metadata.entry_points(group=ENTRY_POINT_GROUP))
    except Exception as error:  # broken package metadata costs the plugins, not the run
        message = f"cannot list plugins: {error}"
        catalogue.diagnostics.append(Diagnostic(path=ENTRY_POINT_GROUP, message=message))
        return catalogue
    for point in points:
        where = f"plugin {point.name} ({point.value})"
        try:
            loaded = point.load()
            found = [loaded] if _is_rule_class(loaded) else list(loaded())
        except Exception as error:  # a broken plugin must not stop the run
            catalogue.diagnostics.append(Diagnostic(path=where, message=f"failed to load: {error}"))
            continue
        for rule in found:
            if not _is_rule_class(rule):
                catalogue.diagnostics.append(Diagnostic(path=where, message="not a Rule subclass"))
            elif rule.id in catalogue.rules:
                catalogue.diagnostics.append(
                    Diagnostic(path=where, message=f"rule id {rule.id!r} already exists; skipped")
                )
            else:
                catalogue.rules[rule.id] = rule
    return catalogue
