"""The HTML report in a real browser (headless Chromium over the DevTools protocol).

The example corpus's page loads without a console message, draws every dated figure as a
point, takes keyboard focus and prints without its navigation; pages built from hostile
articles and from a hostile saved report run nothing. Skipped, saying so, where no Chromium is
installed (CI installs it: see .ci/run). `UPDATE_GOLDEN=1` also rewrites the README's
screenshots in docs/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.engine import CheckSettings, check_paths
from checker.report import html
from tests.report.browser import Browser, find_browser
from tests.report.hostile import hostile_report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "fixtures" / "example"
HOSTILE_ARTICLES = Path(__file__).resolve().parent / "hostile-articles"
DOCS = ROOT / "docs"

BROWSER = find_browser()
pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="no Chromium found (Debian: apt-get install chromium): HTML report not browser-tested",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert BROWSER is not None
    with Browser(BROWSER) as running:
        yield running


def _page(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path.as_uri()


def _example_page(tmp_path: Path) -> tuple[str, int, int]:
    """The example corpus's report as a page, how many points its charts should have and how
    many of them are a finding's.

    Checked from the checkout with a relative path, as a user would, so that the page (and
    the README's screenshot) shows paths like fixtures/example/03-damage-count.md.
    """
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        report = check_paths(
            [EXAMPLE.relative_to(ROOT)], settings=CheckSettings(jobs=1, timelines=True)
        )
    finally:
        os.chdir(here)
    assert report.subjects
    published = {a.path for a in report.articles if a.date}
    drawn = [p for s in report.subjects for p in s.points if p.as_of or p.path in published]
    marked = sum(1 for p in drawn if p.finding)
    return _page(tmp_path, "example.html", html.render(report)), len(drawn), marked


NOTHING_RAN = """(() => ({
  title: document.title,
  pwned: document.querySelectorAll('[data-pwned]').length,
  active: document.querySelectorAll('script, img, iframe, object, embed, form').length,
  handlers: [...document.querySelectorAll('*')].filter(
      e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  schemes: [...document.querySelectorAll('a')].filter(
      a => /^(javascript|data|vbscript):/i.test(a.getAttribute('href') || '')).length,
}))()"""


def _assert_nothing_ran(browser: Browser, url: str) -> None:
    page = browser.open(url)
    assert page.errors() == []
    state = browser.evaluate(NOTHING_RAN)
    assert state == {
        "title": "checker report",
        "pwned": 0,
        "active": 0,
        "handlers": 0,
        "schemes": 0,
    }


def test_example_report_loads_cleanly_with_every_point(browser: Browser, tmp_path: Path) -> None:
    url, dated, marked = _example_page(tmp_path)
    page = browser.open(url, width=1100, height=900)
    assert page.errors() == [], page.errors()
    assert browser.evaluate("document.title") == "checker report"
    per_chart = browser.evaluate(
        "[...document.querySelectorAll('svg.timeline')].map(s => s.querySelectorAll('a.pt').length)"
    )
    assert per_chart and all(count >= 2 for count in per_chart)
    assert sum(per_chart) == dated
    assert browser.evaluate("document.querySelectorAll('svg.timeline .ring').length") == marked
    # Drawn, not just present: the first point has a size on screen.
    box = browser.evaluate(
        "(() => { const r = document.querySelector('a.pt').getBoundingClientRect();"
        " return [r.width, r.height]; })()"
    )
    assert box[0] > 5 and box[1] > 5
    shot = tmp_path / "example.png"
    browser.screenshot(shot)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    if os.environ.get("UPDATE_GOLDEN") == "1":
        browser.screenshot(DOCS / "html-report-findings.png", "body", height=760)
        browser.screenshot(DOCS / "html-report-timeline.png", "#timelines", height=1010)


def test_keyboard_reaches_the_points_and_focus_is_visible(browser: Browser, tmp_path: Path) -> None:
    url, _, _ = _example_page(tmp_path)
    browser.open(url)
    focused = browser.evaluate(
        "(() => { const p = document.querySelector('a.pt'); p.focus();"
        " return [document.activeElement === p, getComputedStyle(p).outlineStyle]; })()"
    )
    assert focused == [True, "solid"]
    assert browser.evaluate("document.querySelectorAll('main a[href]').length") > 20


TABLE_SHOWN = "document.querySelector('.subject details table').checkVisibility()"


def test_printed_page_drops_navigation_and_shows_the_tables(
    browser: Browser, tmp_path: Path
) -> None:
    url, _, _ = _example_page(tmp_path)
    browser.open(url)
    assert browser.evaluate(TABLE_SHOWN) is False  # on screen, a chart's table starts folded
    browser.call("Emulation.setEmulatedMedia", media="print")
    try:
        assert browser.evaluate("getComputedStyle(document.querySelector('nav')).display") == "none"
        assert browser.evaluate(TABLE_SHOWN) is True
    finally:
        browser.call("Emulation.setEmulatedMedia", media="")


def test_a_point_opens_its_row(browser: Browser, tmp_path: Path) -> None:
    url, _, _ = _example_page(tmp_path)
    browser.open(url)
    browser.evaluate("document.querySelector('a.pt').dispatchEvent(new MouseEvent('click'))")
    browser.evaluate("new Promise(r => setTimeout(r, 100))")
    assert browser.evaluate("document.querySelector(':target').tagName") == "TR"
    assert browser.evaluate("document.querySelector(':target').closest('details').open") is True


def test_hostile_articles_run_nothing(browser: Browser, tmp_path: Path) -> None:
    report = check_paths([HOSTILE_ARTICLES], settings=CheckSettings(jobs=1, timelines=True))
    assert report.findings and report.subjects  # the page has findings and charts to attack
    text = html.render(report)
    assert "pwned" in text  # the hostile words are there, as words
    _assert_nothing_ran(browser, _page(tmp_path, "hostile.html", text))


def test_hostile_saved_report_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    _assert_nothing_ran(browser, _page(tmp_path, "saved.html", html.render(hostile_report())))


def test_the_harness_would_see_a_script_run(browser: Browser, tmp_path: Path) -> None:
    """The checks above mean something: a page whose script runs is caught by them."""
    bad = (
        "<!DOCTYPE html><title>checker report</title><body><script>"
        "document.body.setAttribute('data-pwned', '1'); console.error('boom');"
        "</script></body>"
    )
    page = browser.open(_page(tmp_path, "bad.html", bad))
    assert any("boom" in error for error in page.errors())
    assert browser.evaluate(NOTHING_RAN)["pwned"] == 1
