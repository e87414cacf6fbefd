"""SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps, IDEs) import.

One run; the driver lists every known rule with its documentation so a viewer can explain a
result; each finding is a result at its checked evidence, with the other evidence as related
locations and the finding's fingerprint as a partial fingerprint, so a service recognises the
same finding across runs even when lines move. A sentence's text is given once per log, as the
snippet of the first location that cites it; later locations refer to its region.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import partial
from pathlib import PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from checker import __version__
from checker.models import Evidence, Finding, Report, Severity
from checker.report.common import posix_path, primary_evidence
from checker.report.json import Lazy, write_document
from checker.report.stream import text_of
from checker.rule import Rule

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "checkerFingerprint/v1"


def _uri(path: str) -> str:
    """A URI reference for `path`: relative with forward slashes, percent-encoded; an absolute
    path becomes a file: URI so it stays unambiguous."""
    text = posix_path(path)
    if PurePosixPath(text).is_absolute():
        return "file://" + quote(text, safe="/")
    if len(text) > 1 and text[1] == ":":  # a Windows drive letter
        return "file:///" + quote(text, safe="/:")
    return quote(text, safe="/")


class _Snippets:
    """Gives a sentence's text once per log: the first location that cites it carries it as its
    snippet, later ones point at the same region, which a viewer reads from the file. A story's
    copies cite one sentence in many findings; the log should not repeat it in each."""

    def __init__(self) -> None:
        self._given: set[tuple[str, int, int]] = set()

    def physical(self, evidence: Evidence) -> dict[str, Any]:
        uri = _uri(evidence.path)
        region: dict[str, Any] = {
            "startLine": max(1, evidence.line),
            "startColumn": max(1, evidence.column),
        }
        cited = (uri, region["startLine"], region["startColumn"])
        if cited not in self._given:
            self._given.add(cited)
            region["snippet"] = {"text": evidence.text}
        return {"artifactLocation": {"uri": uri}, "region": region}


def _label(evidence: Evidence) -> str:
    """What a related location says of its sentence: the value, source and date it gives."""
    parts = [f"{evidence.value:,.12g}" if evidence.value is not None else ""]
    parts += [evidence.source or "", evidence.date or ""]
    said = ", ".join(part for part in parts if part)
    return f"{posix_path(evidence.path)}:{evidence.line}" + (f" ({said})" if said else "")


def _descriptor(rule: type[Rule]) -> dict[str, Any]:
    documentation = rule.documentation()
    descriptor: dict[str, Any] = {"id": rule.id, "name": rule.__name__}
    if rule.summary():
        descriptor["shortDescription"] = {"text": rule.summary()}
    if documentation:
        descriptor["fullDescription"] = {"text": documentation}
        descriptor["help"] = {"text": documentation, "markdown": documentation}
    descriptor["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    return descriptor


def _result(
    finding: Finding, rule_index: int, checked: Collection[str] | None, snippets: _Snippets
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
    }
    primary = primary_evidence(finding, checked)
    if primary is not None:
        result["locations"] = [{"physicalLocation": snippets.physical(primary)}]
        related = [e for e in finding.evidence if e is not primary]
        if related:
            result["relatedLocations"] = [
                {"id": i, "physicalLocation": snippets.physical(e), "message": {"text": _label(e)}}
                for i, e in enumerate(related, start=1)
            ]
    if finding.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    if finding.subject:
        result["properties"] = {"subject": finding.subject}
    return result


def _default_rules() -> Sequence[type[Rule]]:
    from rules import get_rules  # late: the rules package imports the engine's models

    return get_rules()


def to_sarif(
    report: Report,
    *,
    checked: Collection[str] | None = None,
    rule_classes: Sequence[type[Rule]] | None = None,
) -> dict[str, Any]:
    """The SARIF log as a dict. Rules found in results but not in `rule_classes` (a plugin that
    is no longer installed) still get a minimal descriptor, so every `ruleIndex` resolves."""
    log = _log(report, checked, rule_classes)
    run = log["runs"][0]
    run["results"] = list(run["results"].items)
    return log


def _log(
    report: Report,
    checked: Collection[str] | None,
    rule_classes: Sequence[type[Rule]] | None,
) -> dict[str, Any]:
    """The SARIF log, its results made one by one as they are written."""
    classes = list(_default_rules() if rule_classes is None else rule_classes)
    descriptors = [_descriptor(r) for r in classes]
    index = {r.id: i for i, r in enumerate(classes)}
    for finding in report.findings:
        if finding.rule not in index:
            index[finding.rule] = len(descriptors)
            descriptors.append({"id": finding.rule})
    notifications = [
        {
            "level": "warning",
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(d.path)}}}],
        }
        for d in report.diagnostics
    ]
    snippets = _Snippets()
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": {"name": "checker", "version": __version__, "rules": descriptors}},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": Lazy(_result(f, index[f.rule], checked, snippets) for f in report.findings),
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(
    report: Report,
    *,
    color: bool = False,
    checked: Collection[str] | None = None,
    rule_classes: Sequence[type[Rule]] | None = None,
) -> str:
    """The SARIF log as indented JSON; `color` is accepted for a uniform call."""
    return text_of(partial(write, rule_classes=rule_classes), report, checked=checked)


def write(
    report: Report,
    out: TextIO,
    *,
    color: bool = False,
    checked: Collection[str] | None = None,
    rule_classes: Sequence[type[Rule]] | None = None,
) -> None:
    """Write the SARIF log to `out`, one result at a time (`json.write_document`)."""
    write_document(_log(report, checked, rule_classes), out)
