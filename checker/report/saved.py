"""Reading a saved JSON report back (`checker report REPORT.json`), to render it again."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from checker.errors import CheckerError
from checker.models import Report

__all__ = ["ReportFileError", "read_report"]

SCHEMA = "checker.report/1"
MAX_BYTES = 512 * 1024 * 1024


class ReportFileError(CheckerError):
    """A saved report cannot be read: missing, not JSON, another schema, invalid fields."""

    def __init__(self, path: Path, reason: str):
        self.path = path
        super().__init__(f"{path}: {reason}")


def read_report(path: Path) -> Report:
    """The report saved at `path` by `checker check --format json`."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ReportFileError(path, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ReportFileError(path, f"cannot read the report: {error}") from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportFileError(path, f"not JSON (line {error.lineno}): {error.msg}") from error
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        found = data.get("schema") if isinstance(data, dict) else None
        raise ReportFileError(path, f"not a checker report (schema {found!r}, expected {SCHEMA!r})")
    try:
        return Report.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ReportFileError(path, f"invalid report at {where}: {first['msg']}") from error
