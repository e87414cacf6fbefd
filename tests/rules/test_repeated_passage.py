from __future__ import annotations

import datetime as dt
from typing import Any

from checker.models import Article, Attribution, Claim, Figure, Severity
from checker.rule import RuleContext
from rules.repeated_passage import RepeatedPassage, RepeatedPassageOptions

KILLED = (
    "Officials in Kyiv said that drone units destroyed 35,000 enemy soldiers during December, "
    "a record for any single month of the war."
)
# KILLED with its attribution cut
UNCREDITED = (
    "Drone units destroyed 35,000 enemy soldiers during December, "
    "a record for any single month of the war."
)
GOAL = (
    "The stated aim is to push that monthly figure to 50,000 before the summer, nearly twice "
    "the average losses NATO calculated for the previous year."
)
SHORT = "Officials said 35,000 were killed in December."


def claim(path: str, index: int, text: str, source: str | None = None) -> Figure:
    return Figure(
        path=path, line=10 + 2 * index, column=1, text=text, sentence_index=index, value=1,
        source=source, source_chain=(source,) if source else (),
    )  # fmt: skip


def _run(*claims: Claim, dates: dict[str, dt.date] | None = None, **options: Any) -> list[Any]:
    dates = dates or {"a.md": dt.date(2026, 1, 31), "b.md": dt.date(2026, 2, 20)}
    articles = {p: Article(path=p, date=d, body="", line_numbers=()) for p, d in dates.items()}
    context = RuleContext(articles=articles, claims=list(claims))
    return list(RepeatedPassage(RepeatedPassageOptions(**options)).check(context))


def test_run_of_repeated_sentences_is_one_finding() -> None:
    findings = _run(
        claim("a.md", 3, KILLED, "Kyiv"),
        claim("a.md", 4, GOAL, "Kyiv"),
        claim("b.md", 7, KILLED.replace("During", "in"), "Kyiv"),
        claim("b.md", 8, GOAL, "Kyiv"),
    )
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity is Severity.INFO
    assert {f"{e.path}:{e.line}" for e in finding.evidence} == {
        "a.md:16", "a.md:18", "b.md:24", "b.md:26",
    }  # fmt: skip
    assert "passage of 2 sentences" in finding.message


def test_copy_that_drops_the_attribution_is_a_warning() -> None:
    findings = _run(
        claim("a.md", 3, KILLED, "Kyiv"),
        claim("b.md", 7, UNCREDITED),
        Attribution(path="a.md", line=16, column=1, text=KILLED, sentence_index=3, source="Kyiv"),
    )
    assert len(findings) == 1
    assert findings[0].severity is Severity.WARNING
    assert "drops the attribution to Kyiv" in findings[0].message
    # the earlier article without a source is not a copy that dropped it
    assert (
        _run(claim("a.md", 3, KILLED), claim("b.md", 7, KILLED, "Kyiv"))[0].severity
        is Severity.INFO
    )


def test_short_reworded_or_same_article_stay_quiet() -> None:
    assert not _run(claim("a.md", 1, SHORT), claim("b.md", 1, SHORT))
    assert not _run(
        claim("a.md", 1, KILLED),
        claim("b.md", 1, "Drone units destroyed 35,000 enemy soldiers in December, Kyiv says, "
              "more than in any other month since the invasion began."),
    )  # fmt: skip
    assert not _run(claim("a.md", 1, KILLED), claim("a.md", 5, KILLED))


def test_separate_repeats_are_separate_findings() -> None:
    findings = _run(
        claim("a.md", 1, KILLED), claim("a.md", 9, GOAL),
        claim("b.md", 1, KILLED), claim("b.md", 9, GOAL),
    )  # fmt: skip
    assert len(findings) == 2


def _plain_alike(first: str, second: str, similarity: int = 90) -> bool:
    """The definition `_alike` must keep, without its shortcut before partial_ratio."""
    from rapidfuzz import fuzz

    if fuzz.ratio(first, second) >= similarity:
        return True
    shorter, longer = sorted((first, second), key=len)
    return len(shorter) >= 0.6 * len(longer) and fuzz.partial_ratio(shorter, longer) >= max(
        similarity, 95
    )


def test_alike_shortcut_agrees_with_the_plain_scores() -> None:
    import random

    words = [
        "the",
        "river",
        "crested",
        "at",
        "meters",
        "agency",
        "said",
        "on",
        "monday",
        "flood",
        "level",
        "city",
        "of",
    ]
    generator = random.Random(5)
    rule = RepeatedPassage()
    pairs = []
    for _ in range(3000):
        base = [generator.choice(words) for _ in range(generator.randint(8, 20))]
        copy = list(base)
        for _ in range(generator.randint(0, 4)):  # edits: drops, swaps, insertions
            spot = generator.randrange(len(copy))
            action = generator.random()
            if action < 0.4 and len(copy) > 2:
                del copy[spot]
            elif action < 0.7:
                copy[spot] = generator.choice(words)
            else:
                copy.insert(spot, generator.choice(words))
        if generator.random() < 0.3:  # a clause cut off one end
            copy = copy[generator.randint(1, 4) :] or copy
        pairs.append((" ".join(base), " ".join(copy)))
    verdicts = [rule._alike(a, b) for a, b in pairs]
    assert verdicts == [_plain_alike(a, b) for a, b in pairs]
    assert any(verdicts) and not all(verdicts)  # both outcomes exercised


def test_many_copies_of_one_sentence_pair_across_articles_only() -> None:
    dates = {f"{name}.md": dt.date(2026, 1, day) for day, name in enumerate("abcd", start=1)}
    claims = [claim(path, 2, KILLED) for path in dates] + [claim("a.md", 5, KILLED)]
    findings = _run(*claims, dates=dates)
    spans = sorted(tuple(e.path for e in f.evidence) for f in findings)
    # a.md, the earliest, holds the sentence twice: each later copy is reported once, against
    # a.md's first; never a.md against itself, nor b, c and d against each other.
    assert spans == [("a.md", "b.md"), ("a.md", "c.md"), ("a.md", "d.md")]
    assert all(f.evidence[0].line == findings[0].evidence[0].line for f in findings)
