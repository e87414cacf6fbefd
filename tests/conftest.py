from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def seeds_dated() -> Path:
    folder = CORPUS / "seeds-dated"
    if not folder.is_dir():
        pytest.skip("the shared seed corpus is not beside this checkout")
    return folder


@pytest.fixture(scope="session")
def seeds_raw() -> Path:
    folder = CORPUS / "seeds"
    if not folder.is_dir():
        pytest.skip("the shared seed corpus is not beside this checkout")
    return folder
