"""The machine report, schema `checker.report/1` (SPEC "JSON report").

The document is exactly `Report.to_json_dict()`: keys in the models' field order, so two runs
over the same input print the same bytes and a diff of two reports shows only what changed.
"""

from __future__ import annotations

import json
from collections.abc import Collection

from checker.models import Report
from checker.report.escape import json_inert


def render(report: Report, *, color: bool = False, checked: Collection[str] | None = None) -> str:
    """The report as indented JSON; `color` and `checked` are accepted for a uniform call.

    `ensure_ascii=False` keeps names such as "Zelenskyy" or "Kyiv" readable; control characters
    (ESC included) are still written as \\u escapes by the encoder, and `json_inert` escapes the
    C1 controls and bidi overrides it would leave raw, so the output is inert.
    """
    return json_inert(json.dumps(report.to_json_dict(), indent=2, ensure_ascii=False)) + "\n"
