from __future__ import annotations

import datetime as dt
from typing import Any

from checker.models import Attribution, Claim, Figure, Granularity, Modality, Qualifier
from checker.rule import RuleContext
from rules.misattribution import Misattribution, MisattributionOptions, same_source
from tests.test_compat import frame_of

DECEMBER: dict[str, Any] = {
    "period_start": dt.date(2025, 12, 1),
    "period_end": dt.date(2025, 12, 31),
    "period_granularity": Granularity.MONTH,
}


def figure(value: float, *chain: str, path: str = "a.md", **fields: Any) -> Figure:
    defaults: dict[str, Any] = {
        "line": 5, "column": 1, "text": "A sentence.", "noun": "soldier", "event": "killed",
        "modifiers": ("russian",), "subject": "russian soldiers killed", **DECEMBER,
    }  # fmt: skip
    defaults.update(fields)
    defaults.setdefault("frame", frame_of(defaults))
    defaults.pop("event"), defaults.pop("modifiers")  # the frame's parts
    source = chain[0] if chain else None
    return Figure(path=path, value=value, source=source, source_chain=chain, **defaults)


def quote(words: str, *chain: str, path: str = "a.md") -> Attribution:
    return Attribution(
        path=path, line=8, column=1, text=f"“{words},” they said.", quote=words,
        verb="quote", source=chain[0] if chain else None, source_chain=chain,
    )  # fmt: skip


def _run(*claims: Claim, **options: Any) -> list[str]:
    context = RuleContext(articles={}, claims=list(claims))
    return [f.message for f in Misattribution(MisattributionOptions(**options)).check(context)]


def test_sources_match_flexibly() -> None:
    assert same_source("ISW", "Institute for the Study of War")
    assert same_source("the Institute for the Study of War", "Institute for the Study of War")
    assert same_source("Mykhailo Fedorov", "Ukrainian Defense Minister Mykhailo Fedorov")
    assert same_source("Fedorov", "Mykhailo Fedorov")
    assert not same_source("NATO", "Mykhailo Fedorov")
    assert not same_source("Bloomberg", "The Moscow Times")


def test_same_figure_different_sources_flags() -> None:
    messages = _run(figure(35_000, "Mykhailo Fedorov"), figure(35_000, "NATO", path="b.md", line=9))
    assert len(messages) == 1
    assert "Mykhailo Fedorov (a.md:5)" in messages[0] and "NATO (b.md:9)" in messages[0]


def test_relay_missing_source_or_other_figure_stay_quiet() -> None:
    assert not _run(
        figure(35_000, "The Moscow Times", "ISW"),
        figure(35_000, "Institute for the Study of War", path="b.md"),
    )
    assert not _run(
        figure(35_000, "The Moscow Times", "ISW"), figure(35_000, "The Moscow Times", path="b.md")
    )
    assert not _run(figure(35_000, "Mykhailo Fedorov"), figure(35_000, path="b.md"))
    assert not _run(figure(35_000, "Mykhailo Fedorov"), figure(53_000, "NATO", path="b.md"))
    assert not _run(
        figure(35_000, "Mykhailo Fedorov"),
        figure(35_000, "NATO", path="b.md", period_start=dt.date(2025, 11, 1)),
    )
    assert not _run(
        figure(35_000, "Mykhailo Fedorov"),
        figure(35_000, "NATO", path="b.md", modality=Modality.TARGET),
    )
    assert not _run(
        figure(35_000, "Mykhailo Fedorov"),
        figure(35_000, "NATO", path="b.md", qualifier=Qualifier.APPROX),
    )
    # within one article two sources may well agree on a figure
    assert not _run(figure(35_000, "Mykhailo Fedorov"), figure(35_000, "NATO"))


def test_quotes() -> None:
    words = "Russian casualties and fatalities are without precedent in modern history"
    assert _run(quote(words, "CSIS"), quote(words.lower() + ".", "RAND Corporation", path="b.md"))
    assert not _run(
        quote(words, "CSIS"),
        quote(words, "Center for Strategic and International Studies", path="b.md"),
    )
    assert not _run(
        quote("No comment at all", "CSIS"), quote("No comment at all", "RAND", path="b.md")
    )
    assert not _run(
        quote(words, "CSIS"),
        quote("An entirely different remark made by someone else", "RAND", path="b.md"),
    )


def test_copies_of_a_quote_credited_two_ways_make_one_finding() -> None:
    # A wire story republished 2,000 times, its quote credited to the mayor in most copies and
    # to the governor in some: one finding naming the first copy of each side and the count.
    words = "we have never seen water rise this fast"
    claims = [
        quote(words, "Governor Tomas Rieck" if n % 4 == 0 else "Mayor Elena Varga", path=f"{n}.md")
        for n in range(2_000)
    ]
    context = RuleContext(articles={}, claims=list(claims))
    [finding] = Misattribution().check(context)
    assert finding.message == (
        f"the quote “{words}” is credited to Governor Tomas Rieck (0.md:8 and 499 more) but to"
        " Mayor Elena Varga (1.md:8 and 1499 more)"
    )
    assert len(finding.evidence) == 16


def test_copies_of_a_figure_credited_two_ways_make_one_finding() -> None:
    claims = [
        figure(35_000, "NATO" if n % 2 else "Mykhailo Fedorov", path=f"{n}.md")
        for n in range(1_000)
    ]
    messages = _run(*claims)
    assert messages == [
        "35,000 russian soldiers killed is credited to Mykhailo Fedorov (0.md:5 and 499 more)"
        " but to NATO (1.md:5 and 499 more)"
    ]


def test_copies_inside_one_article_are_never_paired() -> None:
    assert not _run(figure(35_000, "NATO"), figure(35_000, "Mykhailo Fedorov", line=9))
