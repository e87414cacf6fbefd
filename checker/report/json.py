"""The machine report, schema `checker.report/1` (SPEC "JSON report").

The document is exactly `Report.to_json_dict()`: keys in the models' field order, so two runs
over the same input print the same bytes and a diff of two reports shows only what changed.
It is written finding by finding (`write`): the text of a report with 100,000 findings is
never held whole, only one finding's at a time.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import TextIO

from checker.gc_pause import paused
from checker.models import Report
from checker.report.escape import json_inert
from checker.report.stream import text_of


def render(report: Report, *, color: bool = False, checked: Collection[str] | None = None) -> str:
    """The report as indented JSON; `color` and `checked` are accepted for a uniform call."""
    return text_of(write, report, color=color, checked=checked)


def write(
    report: Report, out: TextIO, *, color: bool = False, checked: Collection[str] | None = None
) -> None:
    """Write the report as indented JSON to `out`, one finding at a time.

    `ensure_ascii=False` keeps names such as "Zelenskyy" or "Kyiv" readable; control characters
    (ESC included) are still written as \\u escapes by the encoder, and `json_inert` escapes the
    C1 controls and bidi overrides it would leave raw, so the output is inert.
    """
    with paused():  # a large report is millions of small strings: see checker.gc_pause
        document = report.model_copy(update={"findings": []}).to_json_dict()
        findings = (f.model_dump(mode="json", by_alias=True) for f in report.findings)
        document["findings"] = Lazy(findings)
        write_document(document, out)


class Lazy:
    """A JSON array whose items are made one by one while it is written, and let go after."""

    def __init__(self, items: Iterable[object]) -> None:
        self.items = items


class _Sink(list[str]):
    """Pieces of text on their way to `out`, handed over every few thousand."""

    def __init__(self, out: TextIO) -> None:
        super().__init__()
        self.out = out

    def drain(self) -> None:
        # `json_inert` escapes single characters, so escaping piece by piece is the same.
        self.out.write(json_inert("".join(self)))
        self.clear()


_DRAIN_AT = 4096  # pieces


def write_document(document: object, out: TextIO) -> None:
    """`document` as `json.dumps(document, indent=2, ensure_ascii=False)` writes it, made inert
    (`json_inert`), plus a final newline; `Lazy` arrays are written item by item."""
    sink = _Sink(out)
    _encode(document, "\n", sink)
    sink.append("\n")
    sink.drain()


# The text is the same as `json.dumps(document, indent=2, ensure_ascii=False)`, written here
# because with `indent` the standard library encodes through nested Python generators (its C
# encoder only does compact output), which took longer than finding 90,000 findings. Strings
# go through the standard library's own escaping; anything but dicts with string keys, lists,
# strings, numbers, booleans and None goes through `json.dumps` itself.


_INDENT = "  "


def _encode(value: object, newline: str, parts: list[str]) -> None:
    """Append the indented JSON of `value`; `newline` is a line break plus the current indent."""
    if isinstance(value, str):
        parts.append(encode_basestring(value))
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + _INDENT
        separator = "{" + inner
        if not all(isinstance(key, str) for key in value):  # json.dumps coerces such keys
            parts.append(_fallback(value, newline))
            return
        for key, item in value.items():
            parts.append(separator + encode_basestring(key) + ": ")
            _encode(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "}")
    elif isinstance(value, Lazy):
        _encode_lazy(value, newline, parts)
    elif isinstance(value, list | tuple):
        if not value:
            parts.append("[]")
            return
        inner = newline + _INDENT
        separator = "[" + inner
        for item in value:
            parts.append(separator)
            _encode(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "]")
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif type(value) is int:
        parts.append(int.__repr__(value))
    elif type(value) is float and value - value == 0:  # finite: NaN and infinities fall back
        parts.append(float.__repr__(value))
    else:
        parts.append(_fallback(value, newline))


def _encode_lazy(value: Lazy, newline: str, parts: list[str]) -> None:
    inner = newline + _INDENT
    separator = "[" + inner
    for item in value.items:
        parts.append(separator)
        _encode(item, inner, parts)
        separator = "," + inner
        if isinstance(parts, _Sink) and len(parts) > _DRAIN_AT:
            parts.drain()
    parts.append("[]" if separator.startswith("[") else newline + "]")


def _fallback(value: object, newline: str) -> str:
    """Scalars (numbers, booleans, None, anything unusual) exactly as `json.dumps` writes them."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return text.replace("\n", newline) if "\n" in text else text
