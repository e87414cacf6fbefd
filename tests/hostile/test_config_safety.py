"""Config, facts and baseline files are data: parsed safely, validated, never executed.

A broken file given explicitly is a usage error: exit 2 and one line on stderr naming the file
(and the line or key when known), never a traceback. Plugins come only from entry points; a
plugin that fails to load and a rule that raises are both reported and the other rules still run.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

from checker.models import Finding, Severity
from checker.rule import Rule, RuleContext
from tests.hostile.conftest import assert_clean, assert_good_still_checked, check_json, run_cli

DEEP_TOML = "x = " + "[" * 50_000 + "]" * 50_000 + "\n"


def _assert_usage_error(args: list[str | Path], bad: Path, reason: str) -> None:
    run = run_cli("check", *args, "--format", "json")
    assert_clean(run, codes=(2,))
    assert run.stdout == ""  # no half report for a CI job to misread as "no findings"
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert str(bad) in lines[0] and reason in lines[0], lines[0]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('fail-on = "error"\n[rules\n', "invalid TOML"),
        ("fail-on = 'sometimes'\n", "fail-on"),
        ("colour = true\n", "unknown key"),
        ("[rules.no-such-rule]\nenabled = true\n", "unknown rule id"),
        ('[rules.figure-mismatch]\nseverity = "fatal"\n', "severity"),
        (DEEP_TOML, "nested too deeply"),
        ("exclude = 5\n", "exclude"),
    ],
    ids=["toml", "fail-on", "unknown-key", "rule-id", "severity", "deep", "exclude"],
)
def test_broken_config(folder: Path, tmp_path: Path, text: str, reason: str) -> None:
    config = tmp_path / "checker.toml"
    config.write_text(text, encoding="utf-8")
    _assert_usage_error([folder, "--config", config], config, reason)


def test_config_not_utf8(folder: Path, tmp_path: Path) -> None:
    config = tmp_path / "checker.toml"
    config.write_bytes(b"fail-on = '\xff\xfe'\n")
    _assert_usage_error([folder, "--config", config], config, "cannot read")


def test_pyproject_with_odd_tool_table(folder: Path, tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('tool = "not a table"\n', encoding="utf-8")
    run = run_cli("check", folder, "--config", config, "--format", "json", "--fail-on", "never")
    assert_clean(run, codes=(0,))  # no [tool.checker]: defaults, as for any other project
    assert_good_still_checked(run, folder)
    config.write_text('[tool]\nchecker = "not a table"\n', encoding="utf-8")
    _assert_usage_error([folder, "--config", config], config, "tool.checker")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"[[people]]\nname = \n", b"invalid TOML"),
        (b'[[people]]\nname = "A"\nroles = [{title = "x", from = "soon"}]\n', b"roles"),
        (b'[[figures]]\nsubject = "homes"\nvalue = "many"\n', b"value"),
        (b'[secrets]\nkey = "x"\n', b"unknown table"),
        (b"people = 3\n", b"array of tables"),
        (DEEP_TOML.encode(), b"nested too deeply"),
        (bytes(range(256)), b"cannot read"),
    ],
    ids=["toml", "role-date", "figure-value", "table", "not-array", "deep", "binary"],
)
def test_broken_facts(folder: Path, tmp_path: Path, data: bytes, reason: bytes) -> None:
    facts = tmp_path / "facts.toml"
    facts.write_bytes(data)
    _assert_usage_error([folder, "--facts", facts], facts, reason.decode())


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{not json", "invalid JSON"),
        ('{"schema": "something/else", "findings": []}', "not a baseline"),
        ('{"schema": "checker.baseline/1", "findings": [{"rule": "x"}]}', "fingerprint"),
        ('{"schema": "checker.baseline/1", "findings": 7}', "findings"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("", "invalid JSON"),
    ],
    ids=["json", "schema", "entry", "findings-type", "deep", "empty"],
)
def test_broken_baseline(folder: Path, tmp_path: Path, text: str, reason: str) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(text, encoding="utf-8")
    _assert_usage_error([folder, "--baseline", baseline], baseline, reason)


def test_config_values_are_never_executed(folder: Path, tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    payload = f"__import__('os').system('touch {marker}')"
    config = tmp_path / "checker.toml"
    config.write_text(f'facts = "{payload}"\nexclude = ["{payload}"]\n', encoding="utf-8")
    run = run_cli("check", folder, "--config", config, "--format", "json")
    assert_clean(run, codes=(2,))  # the facts "path" does not exist
    assert "cannot read facts register" in run.stderr
    assert not marker.exists()


def test_yaml_front_matter_tags_are_never_executed(folder: Path, tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    (folder / "tagged.md").write_text(
        f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\n\nText here.\n',
        encoding="utf-8",
    )
    run = check_json(folder)
    assert_clean(run, codes=(0,))
    assert not marker.exists()
    assert_good_still_checked(run, folder)


# --- plugins -------------------------------------------------------------------------------


class ExplodingRule(Rule):
    """Always raises: stands in for a third-party rule with a bug."""

    id = "exploding-plugin"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        raise ZeroDivisionError("plugin bug")
        yield  # pragma: no cover - makes this a generator like real rules


class _Point:
    """The part of `importlib.metadata.EntryPoint` the registry uses."""

    def __init__(self, name: str, value: str, target: object) -> None:
        self.name, self.value, self.group = name, value, "checker.rules"
        self._target = target

    def load(self) -> object:
        if isinstance(self._target, BaseException):
            raise self._target
        return self._target


@pytest.fixture
def plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    points = [
        _Point("broken", "missing_pkg.rules:Rule", ImportError("No module named 'missing_pkg'")),
        _Point("exploding", "tests.hostile:ExplodingRule", ExplodingRule),
        _Point("junk", "junk:thing", lambda: ["not a rule"]),
    ]

    def fake(**kwargs: object) -> list[_Point]:
        return points if kwargs.get("group") == "checker.rules" else []

    monkeypatch.setattr(metadata, "entry_points", fake)


@pytest.mark.usefixtures("plugins")
def test_broken_plugin_and_raising_rule_are_reported(folder: Path) -> None:
    run = check_json(folder)
    assert_clean(run, codes=(0,))
    by_path = {d["path"]: d["message"] for d in run.report["diagnostics"]}
    assert "ZeroDivisionError" in by_path["rule exploding-plugin"]
    assert "plugin broken (missing_pkg.rules:Rule): failed to load" in run.stderr
    assert "plugin junk (junk:thing): not a Rule subclass" in run.stderr
    assert_good_still_checked(run, folder)  # the built-in rules all still ran


@pytest.mark.usefixtures("plugins")
def test_plugin_load_failures_are_in_the_json_report(folder: Path) -> None:
    run = check_json(folder)
    by_path = {d["path"]: d["message"] for d in run.report["diagnostics"]}
    assert "failed to load" in by_path["plugin broken (missing_pkg.rules:Rule)"]
    assert "not a Rule subclass" in by_path["plugin junk (junk:thing)"]


def test_listing_plugins_that_cannot_be_listed(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(**kwargs: object) -> list[object]:
        raise ValueError("corrupt METADATA")

    monkeypatch.setattr(metadata, "entry_points", broken)
    run = check_json(folder)
    assert_clean(run, codes=(0,))
    assert "cannot list plugins: corrupt METADATA" in run.stderr
    assert_good_still_checked(run, folder)
