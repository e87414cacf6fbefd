"""Property tests: the reading half of the checker never raises and its time grows linearly.

Hypothesis feeds arbitrary and news-flavoured text to the extractor, and arbitrary bytes to the
article parser (front matter, HTML, encodings). The timing tests use the adversarial patterns of
`bench/adversarial.py` (runs of digits, separators and spaces glued into one endless sentence)
and assert only generous bounds, so a slow machine does not fail them but backtracking does.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker.extract import extract
from checker.extract.numbers import find_numbers
from checker.extract.ordinals import find_ranks
from checker.extract.timex import find_times
from checker.extract.timex_periods import era_years, find_periods
from checker.frontmatter import split_front_matter
from checker.html_text import html_to_text
from checker.load import parse_article
from checker.models import Article

REPO = Path(__file__).resolve().parents[1]
PUBLISHED = dt.date(2024, 5, 1)

# Pieces of news prose the extractors react to: numbers, separators, scale words, months,
# qualifiers, reporting verbs, titles, quotes. Joined at random they hit odd combinations.
TOKENS = [
    *("0", "1", "7", "12", "1,000", "2.5", "1 000", "10-20", "3/4", "½", "٣", "１２"),
    *(",", ".", " ", "  ", "-", "–", "—", "/", "%", "$", "€", "£", "(", ")", '"', "“", "”"),
    *("'", ":", ";", "\n", "\n\n", "\t", "\u00a0", "\u2009", "!", "?", "…", "#", "*", "_"),
    *("million", "billion", "thousand", "dozen", "half", "per cent", "percent", "km", "m2"),
    *("January", "March", "2024", "1999", "in", "on", "since", "between", "and", "until"),
    *("about", "nearly", "more than", "at least", "up to", "some", "roughly", "over"),
    *("said", "told", "according to", "reported", "citing", "the ministry", "Reuters"),
    *("President", "former", "Minister", "Dr.", "Mr.", "Jr.", "U.S.", "e.g.", "No."),
    *("people", "soldiers", "homes", "killed", "wounded", "largest", "first", "last"),
    *("<b>", "</p>", "[link](x)", "**", "---", "+++", "> ", "- ", "1. ", "|", "`"),
]
# Every way the date reader can be reached, densely: spread among the tokens above, a format
# would turn up too rarely for a run of 150 examples (an ISO date once crashed extraction).
DATE_TOKENS = [
    *("2024-05-01", "2020-02-30", "2013-14", "2022–2024", "Sept. 2022", "May 5", "may 5"),
    *("5 May", "7th of November 1867", "in December", "since March", "3 months ago"),
    *("last year", "next month", "between April and July", "mid-June", "1999", "20"),
    *(" ", " ", ", ", " on ", " in ", " the ", ". ", "-", "/", "will", "said"),
]
# Numbers and dates in the forms writers use, each a separate reader's business: two-unit
# measures, shares, signs and decimals in words, ranks, scores, labels, weekdays, periods.
FORM_TOKENS = [
    *("6 ft", "8 in", "6-foot-8", "6′8″", "5'10\"", "1 h 20 min", "3 dollars", "50 cents"),
    *("one in three", "3 out of 4", "a quarter of", "half a million", "minus", "negative"),
    *("five point five", "3 hundred and 21", "dozens of", "tens of thousands of", "lakh"),
    *("11th largest", "came fifth", "ranked 2nd", "52-3", "45-7-2", "555-123-4567", "page"),
    *("No. 7", "#3", "221 Baker Street", "3:23 PM", "23:40", "[1]", "2500 BC", "AD 79"),
    *("on Tuesday", "yesterday", "last June", "next Monday", "the previous week", "Q3 2024"),
    *("the third quarter", "last summer", "the fall of 1998", "the 1890s", "the '90s"),
    *("19th century", "a year earlier", "two weeks ago", "USD 200", "115USD", "30 MUSD"),
    *("rose by 5%", "fell 3 points", "up from", "percentage points", "fined 10 pounds"),
    *(" ", " ", ", ", " and ", " in ", "-", "/", ". ", "will", "said", "km/h", "%", "1", "20"),
]
news_text = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)
date_text = st.lists(st.sampled_from(DATE_TOKENS), max_size=30).map("".join)
form_text = st.lists(st.sampled_from(FORM_TOKENS), max_size=40).map("".join)
any_text = st.one_of(news_text, date_text, form_text, st.text(max_size=300))


@settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(text=any_text, published=st.one_of(st.none(), st.dates()))
def test_extract_never_raises(text: str, published: dt.date | None) -> None:
    claims = extract(text, published)
    for claim in claims:
        assert 1 <= claim.line <= text.count("\n") + 1


@settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(text=st.one_of(form_text, st.text(max_size=200)), published=st.one_of(st.none(), st.dates()))
def test_each_reader_never_raises(text: str, published: dt.date | None) -> None:
    """The readers one by one, on text that reaches them: numbers, their joins, ranks, time
    expressions and the periods read from the publication date."""
    numbers = find_numbers(text)
    assert all(0 <= n.begin < n.end <= len(text) for n in numbers)
    for span in find_times(text, published):
        assert 0 <= span.begin < span.stop <= len(text) and span.start <= span.end
    find_periods(text, published, lambda _: False)
    find_ranks(text)
    list(era_years(text))


@settings(max_examples=150, deadline=None, database=None)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        any_text.map(lambda t: t.encode("utf-8")),
        any_text.map(lambda t: ("---\n" + t + "\n---\n" + t).encode("utf-8")),
        any_text.map(lambda t: ("+++\n" + t + "\n+++\n" + t).encode("utf-8")),
        any_text.map(lambda t: b"\xff\xfe" + t.encode("utf-16-le")),
    ),
    suffix=st.sampled_from([".md", ".txt", ".html", ".markdown", ".htm"]),
)
def test_parse_article_never_raises(data: bytes, suffix: str) -> None:
    article, diagnostics = parse_article(data, f"case{suffix}")
    assert article is not None or diagnostics  # a file that is not used says why
    if article is not None:
        assert isinstance(article, Article)
        assert len(article.line_numbers) >= article.body.count("\n") + 1


@settings(max_examples=150, deadline=None, database=None)
@given(text=st.one_of(any_text, st.text(alphabet="<>/!-[]{}&;#\"'= abp", max_size=300)))
@example(text="<![0")  # a marked section without a name: the standard parser asserts on it
def test_html_and_front_matter_never_raise(text: str) -> None:
    page = html_to_text(text)
    assert len(page.line_numbers) >= page.text.count("\n") + 1
    for fence in ("---", "+++"):
        front = split_front_matter(f"{fence}\n{text}\n{fence}\nbody\n")
        assert front.body_line >= 1


# --- time --------------------------------------------------------------------------------------


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_adversarial", REPO / "bench" / "adversarial.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


ADVERSARIAL = _bench()
SIZE = 64 * 1024
FAST = [
    *("digits", "digits-spaced", "thousands-commas", "thousands-dots", "thousands-spaces"),
    *("thin-spaces", "decimal-chains", "slashes", "number-words", "ordinals"),
    *("many-sentences", "spaces", "newlines"),
]
SLOW = sorted(set(ADVERSARIAL.PATTERNS) - set(FAST))


def _seconds(text: str) -> float:
    started = time.perf_counter()
    extract(text, PUBLISHED)
    return time.perf_counter() - started


@pytest.mark.parametrize("name", FAST)
def test_adversarial_input_is_fast_and_linear(name: str) -> None:
    unit = ADVERSARIAL.PATTERNS[name]
    small = min(_seconds(ADVERSARIAL.build(unit, SIZE // 8)) for _ in range(3))
    large = _seconds(ADVERSARIAL.build(unit, SIZE))
    # Eight times the text: linear work takes about 8x, quadratic 64x; allow three times the
    # linear cost, plus timer noise on a busy machine.
    assert large < 24 * small + 0.3, f"{name}: {small:.4f} s -> {large:.4f} s"


@pytest.mark.parametrize("name", SLOW)
def test_figure_dense_input_grows_linearly(name: str) -> None:
    """Text packed with figures costs more per byte, but sentences are bounded in length, so four
    times the text takes about four times as long (quadratic work would take sixteen)."""
    unit = ADVERSARIAL.PATTERNS[name]
    small = min(_seconds(ADVERSARIAL.build(unit, SIZE // 16)) for _ in range(2))
    large = _seconds(ADVERSARIAL.build(unit, SIZE // 4))
    assert large < 10.0, f"{name}: 16 KB took {large:.2f} s"
    assert large < 12 * small + 0.5, f"{name}: {small:.4f} s -> {large:.4f} s"


@settings(max_examples=200, deadline=None, database=None)
@given(
    value=st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.dates(),
        st.datetimes(),
        any_text,
        st.from_regex(r"\A-?\d{1,9}[-/.]\d{1,4}[-/.]\d{1,4}(T\d\d:\d\d(:\d\d)?Z?)?\Z"),
    )
)
def test_publication_date_values_never_raise(value: object) -> None:
    from checker.pubdate import infer_date, parse_date_value

    parsed = parse_date_value(value)
    assert parsed is None or isinstance(parsed, dt.date)
    if isinstance(value, str):
        inferred = infer_date(value)
        assert inferred is None or isinstance(inferred, dt.date)
