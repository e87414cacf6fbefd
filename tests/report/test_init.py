from __future__ import annotations

import pytest

import checker.report as report_package
from checker.report import FORMATS, render
from tests.report.sample import sample_report


def test_all_is_sorted_and_exported() -> None:
    assert report_package.__all__ == sorted(report_package.__all__)
    for name in report_package.__all__:
        assert hasattr(report_package, name)


def test_formats_are_those_of_the_spec() -> None:
    assert set(FORMATS) == {"table", "concise", "json", "markdown", "github", "sarif", "html"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_render_dispatches_and_ends_with_newline(fmt: str) -> None:
    text = render(sample_report(), fmt)
    assert text == FORMATS[fmt](sample_report())
    assert text.endswith("\n")


def test_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="markdown"):
        render(sample_report(), "yaml")
