"""The rule catalogue: ids, documentation sections, registry and CLI listing."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.registry import discover_rules
from rules import get_rules

SECTIONS = ["## What it does", "## Why it matters", "## Flagged", "## Not flagged"]


@pytest.mark.parametrize("rule", get_rules(), ids=lambda r: r.id)
def test_rule_docstring_has_sections_in_order(rule: type) -> None:
    doc = rule.documentation()
    positions = [doc.find(section) for section in SECTIONS]
    assert all(p >= 0 for p in positions), (rule.id, positions)
    assert positions == sorted(positions)


def test_rule_ids_are_kebab_case_and_unique() -> None:
    ids = [rule.id for rule in get_rules()]
    assert len(ids) == len(set(ids)) == 8
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", i) for i in ids)


def test_registry_lists_builtins() -> None:
    assert set(discover_rules().rules) == {rule.id for rule in get_rules()}


def test_cli_lists_and_documents_rules() -> None:
    runner = CliRunner()
    listing = runner.invoke(app, ["rules"])
    assert listing.exit_code == 0
    assert "repeated-passage" in listing.output
    one = runner.invoke(app, ["rules", "figure-mismatch"])
    assert one.exit_code == 0 and "## Why it matters" in one.output
    unknown = runner.invoke(app, ["rules", "no-such-rule"])
    assert unknown.exit_code == 2
