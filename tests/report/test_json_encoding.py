"""The JSON report's own indented encoder writes what `json.dumps(indent=2)` would."""

from __future__ import annotations

import io
import json

import pytest

from checker.report.escape import json_inert
from checker.report.json import Lazy, _encode, write_document


def encoded(value: object) -> str:
    parts: list[str] = []
    _encode(value, "\n", parts)
    return "".join(parts)


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        (),
        "plain",
        {"empty list": [], "empty dict": {}, "nested": {"deeper": {"deepest": []}}},
        [1, -7, 10**30, 2.5, -0.0, 1e16, 1.5e-05, 35000.0, True, False, None],
        {"text": 'Quote "marks", a back\\slash, a tab\t, a newline\n, an escape \x1b[2J'},
        {"names": ["Zelenskyy", "Kyiv", "Škoda", "東京"], "bidi": "\u202eevil"},
        {"not finite": [float("nan"), float("inf"), -float("inf")]},
        {"keys": {1: "int key", "2": "str key"}},
        [[{"a": [{"b": ()}]}], ({"t": (1, "x")},)],
    ],
)
def test_same_text_as_json_dumps(value: object) -> None:
    assert encoded(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_report_document_round_trips() -> None:
    document = {
        "schema": "checker.report/1",
        "findings": [
            {
                "rule": "repeated-passage",
                "evidence": [{"path": "a.md", "line": 3, "value": 0.1, "source": None}],
            }
        ],
    }
    text = encoded(document)
    assert json.loads(text) == document
    assert text == json.dumps(document, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("count", [0, 1, 3, 5_000])
def test_a_lazy_array_is_written_as_a_list_would_be(count: int) -> None:
    # 5,000 items: the pieces are handed to the stream several times on the way.
    items = [
        {"rule": "r", "evidence": [{"line": n, "text": "caf\u00e9 \u202e"}]} for n in range(count)
    ]
    document = {"before": [1, 2], "findings": items, "after": {}}
    out = io.StringIO()
    write_document({**document, "findings": Lazy(iter(items))}, out)
    assert out.getvalue() == json_inert(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def test_a_long_array_reaches_the_stream_in_pieces() -> None:
    class Counting(io.StringIO):
        def __init__(self) -> None:
            super().__init__()
            self.largest = 0

        def write(self, text: str) -> int:
            self.largest = max(self.largest, len(text))
            return super().write(text)

    items = ({"rule": "figure-mismatch", "line": n} for n in range(50_000))
    out = Counting()
    write_document({"findings": Lazy(items)}, out)
    assert out.largest < len(out.getvalue()) / 10  # never the whole document at once
