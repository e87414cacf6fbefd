from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """Compare text with golden/<name>; rewrite the file instead when UPDATE_GOLDEN=1."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if os.environ.get("UPDATE_GOLDEN") == "1":
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
            return
        if not path.exists():
            pytest.fail(f"no golden file {name}; run with UPDATE_GOLDEN=1 and review it")
        assert text == path.read_bytes().decode("utf-8")

    return check
