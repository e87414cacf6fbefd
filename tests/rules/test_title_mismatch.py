from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from checker.facts import load_facts
from checker.models import Article, PersonClaim
from checker.rule import RuleContext
from checker.titles import parse_title, same_role, titles_conflict
from rules.title_mismatch import TitleMismatch, TitleMismatchOptions

DATES = {"a.md": dt.date(2026, 1, 31), "b.md": dt.date(2026, 2, 5), "c.md": dt.date(2025, 4, 1)}


def person(name: str, title: str | None, path: str = "a.md", **fields: Any) -> PersonClaim:
    defaults: dict[str, Any] = {"line": 3, "column": 1, "text": "A sentence."}
    defaults.update(fields)
    return PersonClaim(path=path, person=name, title=title, **defaults)


def _run(*claims: PersonClaim, facts: Any = None, **options: Any) -> list[str]:
    articles = {
        path: Article(path=path, date=date, body="", line_numbers=())
        for path, date in DATES.items()
    }
    context = RuleContext(articles=articles, claims=list(claims), facts=facts)
    rule = TitleMismatch(TitleMismatchOptions(**options))
    return [f.message for f in rule.check(context)]


def test_titles_read_into_parts() -> None:
    assert same_role("U.S. President", "President of the United States")
    assert same_role("US president", "president")
    assert same_role("Minister of Defence of Ukraine", "Ukrainian Defense Minister")
    assert not same_role("Russian President", "President of the United States")
    assert not same_role("Deputy Defense Minister", "Defense Minister")
    assert parse_title("ex-president").former
    assert parse_title("Russian leader").generic


def test_conflicting_titles() -> None:
    assert titles_conflict("Defense Minister", "Foreign Minister")
    assert titles_conflict("former president", "President")
    assert titles_conflict("President", "Prime Minister")
    assert not titles_conflict("Russian leader", "Russian President")
    assert not titles_conflict("Defense Minister", "Deputy Prime Minister")
    assert not titles_conflict("former Foreign Minister", "Defense Minister")
    assert not titles_conflict("human rights lawyer", "sociologist")


def test_same_person_different_portfolio_same_week_flags() -> None:
    messages = _run(
        person("Mykhailo Fedorov", "Ukrainian Defense Minister"),
        person("Mykhailo Fedorov", "Foreign Minister", path="b.md", line=7),
    )
    assert len(messages) == 1
    assert "Ukrainian Defense Minister" in messages[0] and "b.md:7" in messages[0]


def test_surname_and_spelling_variants_resolve() -> None:
    assert _run(
        person("Mykhailo Fedorov", "Defense Minister"),
        person("Mykhaylo Fedorov", "Foreign Minister", path="b.md"),
    )
    assert _run(
        person("Mykhailo Fedorov", "Defense Minister"),
        person("Fedorov", "Foreign Minister", path="b.md"),
    )


def test_equivalent_or_far_apart_titles_stay_quiet() -> None:
    assert not _run(
        person("Donald Trump", "U.S. President"),
        person("Donald Trump", "President of the United States", path="b.md"),
    )
    assert not _run(
        person("Mykhailo Fedorov", "Defense Minister"),
        person("Mykhailo Fedorov", "Foreign Minister", path="c.md"),
    )
    assert not _run(
        person("Mykhailo Fedorov", "Defense Minister"),
        person("Mykhailo Fedorov", "Foreign Minister", path="b.md"),
        window_days=3,
    )
    # different people who share a first name
    assert not _run(
        person("Vladimir Putin", "President"),
        person("Vladimir Tsimlyansky", "Vice Admiral", path="b.md"),
    )
    # a bare surname shared by two full names is not resolved
    assert not _run(
        person("Anna Kovalenko", "Defense Minister"),
        person("Ihor Kovalenko", "Mayor", path="c.md"),
        person("Kovalenko", "Foreign Minister", path="b.md"),
    )


def test_former_against_register(tmp_path: Path) -> None:
    register = tmp_path / "facts.toml"
    register.write_text(
        '[[people]]\nname = "Donald Trump"\naliases = ["Trump"]\nroles = [\n'
        '  { title = "President of the United States", from = 2017-01-20, to = 2021-01-20 },\n'
        '  { title = "President of the United States", from = 2025-01-20 },\n]\n',
        encoding="utf-8",
    )
    facts = load_facts(register)
    flagged = _run(
        person("Donald Trump", "U.S. President", path="c.md", former=True, line=11), facts=facts
    )
    assert len(flagged) == 1
    assert "former U.S. President" in flagged[0] and "2025-01-20" in flagged[0]
    assert not _run(person("Donald Trump", "U.S. President", path="c.md"), facts=facts)
    # a current title outside every interval
    DATES["d.md"] = dt.date(2023, 6, 1)
    try:
        assert _run(person("Trump", "President", path="d.md"), facts=facts)
        assert not _run(person("Trump", "former President", path="d.md"), facts=facts)
        # a title the register does not list is not judged
        assert not _run(person("Trump", "businessman", path="d.md"), facts=facts)
    finally:
        del DATES["d.md"]
