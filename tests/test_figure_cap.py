"""A sentence with more figures than the cap keeps the first ones, and the article says so once."""

from __future__ import annotations

from pathlib import Path

from checker.engine import extract_all
from checker.figure_cap import MAX_FIGURES_PER_SENTENCE, cap_figures
from checker.load import load
from checker.models import Figure


def _table_sentence(count: int) -> str:
    return "Results: " + ", ".join(f"{n + 11} boats" for n in range(count)) + ".\n"


def test_figures_past_the_cap_are_dropped_with_one_diagnostic(tmp_path: Path) -> None:
    article = tmp_path / "results.md"
    text = "The ferry carried 130 cars.\n\n" + _table_sentence(80) + "\n" + _table_sentence(70)
    article.write_text(text, encoding="utf-8")
    extraction = extract_all(load([article]))
    figures = [c for c in extraction.claims if isinstance(c, Figure)]
    per_sentence: dict[int, int] = {}
    for figure in figures:
        per_sentence[figure.sentence_index] = per_sentence.get(figure.sentence_index, 0) + 1
    assert max(per_sentence.values()) == MAX_FIGURES_PER_SENTENCE
    assert any(f.value == 130 for f in figures)  # other sentences keep theirs
    [diagnostic] = extraction.diagnostics
    assert diagnostic.path == str(article)
    assert diagnostic.message.startswith(f"2 sentences hold more than {MAX_FIGURES_PER_SENTENCE}")


def test_a_sentence_at_the_cap_loses_nothing(tmp_path: Path) -> None:
    article = tmp_path / "results.md"
    article.write_text(_table_sentence(MAX_FIGURES_PER_SENTENCE), encoding="utf-8")
    extraction = extract_all(load([article]))
    assert not extraction.diagnostics
    kept, note = cap_figures(extraction.claims, str(article))
    assert note is None and list(kept) == extraction.claims
