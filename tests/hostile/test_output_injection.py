"""Article text and file names cannot take over a report: no markup, workflow command or escape.

Two articles disagree about a figure in sentences laced with terminal escapes, HTML, mentions,
fences and workflow commands, and a third file's *name* carries a newline and "::error". Every
format is rendered through the CLI and checked for the hostile bits surviving in a live form.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.hostile.conftest import assert_clean, run_cli

PAYLOAD = (
    "\x1b]0;owned\x07\x1b[2J\x1b[31m<script>alert(1)</script> <img src=x onerror=y> "
    "@everyone ``` ~~~ [link](javascript:x) \u202eevil\u202c %0A::set-env name=A::1"
)
HOSTILE_NAME = "evil\n::error file=forged.md,line=1::forged annotation\x1b[5m.md"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / "hostile"
    root.mkdir()
    for name, number, day in (("a.md", "4,200", "02"), ("b.md", "5,900", "09")):
        (root / name).write_text(
            f"---\ndate: 2024-05-{day}\n---\n\nThe storm destroyed {number} homes in the region "
            f"in April 2024, the regional council said {PAYLOAD}.\n",
            encoding="utf-8",
        )
    (root / HOSTILE_NAME).write_bytes(b"")  # empty: becomes a diagnostic naming it
    return root


def _render(folder: Path, fmt: str) -> str:
    run = run_cli("check", folder, "--format", fmt, "--fail-on", "never")
    assert_clean(run, codes=(0,))
    return run.stdout


def _assert_no_controls(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "\u202e" not in text


def test_the_finding_really_carries_the_payload(hostile: Path) -> None:
    # Guard for the tests below: they are only meaningful if hostile text reaches the report.
    report = json.loads(_render(hostile, "json"))
    texts = [e["text"] for f in report["findings"] for e in f["evidence"]]
    assert any("@everyone" in t and "::set-env" in t and "\u202e" in t for t in texts)
    assert any(HOSTILE_NAME in d["path"] for d in report["diagnostics"])


def test_github_annotations_cannot_be_forged(hostile: Path) -> None:
    out = _render(hostile, "github")
    lines = out.splitlines()
    assert lines, "expected annotations"
    for line in lines:
        assert re.match(r"::(error|warning|notice) ", line), line
        # The command ends at the first "::" after its properties; nothing after may open one.
        assert "\n" not in line and "\r" not in line
    assert not any(line.startswith("::error file=forged.md") for line in lines)
    assert "%250A::set-env" in out  # the article's own "%0A" is escaped, not decoded
    _assert_no_controls(out)


def test_markdown_is_inert(hostile: Path) -> None:
    out = _render(hostile, "markdown")
    assert "<script" not in out and "<img" not in out
    outside = re.sub(r"^(`{3,})diff\n.*?^\1$", "", out, flags=re.M | re.S)
    assert "@everyone" not in outside  # a mention would ping a whole organisation
    _assert_no_controls(out)
    # Every fence that opens is closed by the same fence: article backticks cannot end it early.
    fences = re.findall(r"^(`{3,})(diff)?$", out, flags=re.M)
    opened = [f for f, lang in fences if lang]
    closed = [f for f, lang in fences if not lang]
    assert opened and sorted(opened) == sorted(closed)
    for block in re.findall(r"^(`{3,})diff\n(.*?)^\1$", out, flags=re.M | re.S):
        runs = re.findall(r"`+", block[1])
        assert all(len(run) < len(block[0]) for run in runs)
    for line in out.splitlines():
        assert not line.startswith("::error"), line


def test_table_has_no_terminal_escapes(hostile: Path) -> None:
    out = _render(hostile, "table")
    _assert_no_controls(out)
    # Shown, flattened (the report may wrap it, never at the start of a line).
    assert "::error file=forged.md" in " ".join(out.split())
    assert not any(line.startswith("::error") for line in out.splitlines())


@pytest.mark.parametrize("fmt", ["sarif", "json"])
def test_json_formats_escape_controls_but_keep_the_data(hostile: Path, fmt: str) -> None:
    out = _render(hostile, fmt)
    _assert_no_controls(out)  # written as \\u escapes
    assert "\\u202e" in out  # ... yet still there: the data is faithful
    assert "\u202e" in json.dumps(json.loads(out), ensure_ascii=False)


def test_stderr_diagnostics_have_no_escapes(hostile: Path) -> None:
    run = run_cli("check", hostile, "--format", "json", "--fail-on", "never")
    assert_clean(run, codes=(0,))
    _assert_no_controls(run.stderr)
    assert not any(line.startswith("::error") for line in run.stderr.splitlines())
