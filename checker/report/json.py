"""The machine report, schema `checker.report/1` (SPEC "JSON report").

The document is exactly `Report.to_json_dict()`: keys in the models' field order, so two runs
over the same input print the same bytes and a diff of two reports shows only what changed.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from json.encoder import encode_basestring  # type: ignore[attr-defined]

from checker.gc_pause import paused
from checker.models import Report
from checker.report.escape import json_inert


def render(report: Report, *, color: bool = False, checked: Collection[str] | None = None) -> str:
    """The report as indented JSON; `color` and `checked` are accepted for a uniform call.

    `ensure_ascii=False` keeps names such as "Zelenskyy" or "Kyiv" readable; control characters
    (ESC included) are still written as \\u escapes by the encoder, and `json_inert` escapes the
    C1 controls and bidi overrides it would leave raw, so the output is inert.
    """
    with paused():  # a large report is millions of small strings: see checker.gc_pause
        parts: list[str] = []
        _encode(report.to_json_dict(), "\n", parts)
        parts.append("\n")
        # Joined, then the pieces let go before escaping: a 90,000-finding report is 100 MB
        # of text in millions of pieces, and holding both at once would double the peak.
        document = "".join(parts)
        del parts
        return json_inert(document)


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


def _fallback(value: object, newline: str) -> str:
    """Scalars (numbers, booleans, None, anything unusual) exactly as `json.dumps` writes them."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return text.replace("\n", newline) if "\n" in text else text
