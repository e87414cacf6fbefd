"""The HTML page: inert whatever the text, findings first, links that stay files, a golden."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html.parser import HTMLParser

from checker.models import (
    ArticleInfo,
    Evidence,
    Finding,
    Modality,
    Qualifier,
    Report,
    Severity,
    SubjectFigures,
    SubjectPoint,
)
from checker.report import html
from checker.report.html_highlight import highlight, spans
from tests.report.hostile import hostile_report
from tests.report.sample import empty_report, sample_report

Golden = Callable[[str, str], None]

# Every element the page may contain: no script, no embedded or fetched content.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "nav",
    "ul", "ol", "li", "a", "main", "section", "article", "span", "svg", "path", "circle",
    "rect", "text", "polyline", "g", "blockquote", "mark", "div", "table", "caption", "thead",
    "tbody", "tr", "th", "td", "code", "footer", "details", "summary",
}  # fmt: skip


class Page(HTMLParser):
    """The tags, attributes and visible text of a page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def hrefs(self) -> list[str]:
        return [a["href"] or "" for tag, a in self.tags if "href" in a]


def sample_with_subjects() -> Report:
    report = sample_report()
    points = (
        SubjectPoint(
            path="archive/a.md",
            line=14,
            value=35000,
            as_of=dt.date(2026, 1, 5),
            period_start=dt.date(2025, 12, 1),
            period_end=dt.date(2025, 12, 31),
            source="Mykhailo Fedorov",
            finding=True,
        ),
        SubjectPoint(
            path="drafts/b.md",
            line=9,
            value=53000,
            as_of=dt.date(2026, 1, 20),
            period_start=dt.date(2025, 12, 1),
            period_end=dt.date(2025, 12, 31),
            source="NATO",
            finding=True,
        ),
        SubjectPoint(
            path="archive/c.md",
            line=3,
            value=50000,
            as_of=dt.date(2026, 1, 10),
            source="Kyiv",
            modality=Modality.TARGET,
        ),
    )
    quiet = SubjectFigures(
        subject="recruits",
        unit="recruits",
        points=(
            SubjectPoint(path="archive/a.md", line=20, value=1200, source="Officials"),
            SubjectPoint(path="drafts/b.md", line=30, value=1200, source="the ministry"),
        ),
    )
    report.subjects = [
        quiet,
        SubjectFigures(subject="russian soldiers killed", unit="soldiers", points=points),
    ]
    return report


def test_html_golden(golden: Golden) -> None:
    golden("html.txt", html.render(sample_with_subjects(), checked=["drafts/"]))


def _assert_inert(text: str) -> Page:
    page = Page(text)
    for tag, attrs in page.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "srcdoc", "action", "formaction", "background"), name
            assert "javascript:" not in (value or "").lower(), (tag, name, value)
    for href in page.hrefs():
        assert href.startswith(("#", "./", "../", "file:")), href
    assert "url(" not in text and "@import" not in text  # the stylesheet fetches nothing
    assert "http://" not in text.split("<body>")[0]
    return page


def test_hostile_text_is_inert_and_still_readable() -> None:
    text = html.render(sample_report())
    page = _assert_inert(text)
    visible = "".join(page.text)
    assert "<script>alert(1)</script>" in visible  # shown as the words it is
    assert "&lt;script&gt;" in text and "<script" not in text


def test_hostile_saved_report_is_inert() -> None:
    text = html.render(hostile_report())
    page = _assert_inert(text)
    assert "<script" not in text.lower() and "<img" not in text.lower()
    visible = "".join(page.text)
    assert "onerror=" in visible and "<script>document.title" in visible  # words, not markup
    # The file link is a relative, percent-encoded path: the colon cannot start a scheme.
    assert any(h.startswith("./javascript%3Adocument.title") for h in page.hrefs())


def test_page_forbids_scripts_and_fetches() -> None:
    text = html.render(sample_report())
    assert 'http-equiv="Content-Security-Policy"' in text
    assert "default-src 'none'" in text and "script-src 'none'" in text


def test_findings_come_first_errors_on_top() -> None:
    text = html.render(sample_with_subjects())
    order = [text.index(f'id="{key}"') for key in ("findings", "timelines", "sources", "articles")]
    assert order == sorted(order)
    severities = [
        a["class"]
        for t, a in Page(text).tags
        if t == "article" and "finding" in (a.get("class") or "")
    ]
    assert severities == ["finding error", "finding warning", "finding info"]


def test_findings_link_to_their_timeline_and_subjects_sort_by_findings() -> None:
    text = html.render(sample_with_subjects())
    # The subject with findings is drawn first although the report lists it second.
    assert text.index("russian soldiers killed</h3>") < text.index("recruits</h3>")
    assert 'On the timeline of <a href="#s1">russian soldiers killed</a>' in text
    assert '<a href="#f1">finding 1</a>' in text


def test_sources_table_marks_a_figure_credited_to_two_sources() -> None:
    text = html.render(sample_with_subjects())
    sources = text[text.index('id="sources"') : text.index('id="articles"')]
    assert "1,200 credited to Officials (a); the ministry (b)" in sources
    assert '<td class="shared">1,200</td>' in sources


def test_report_without_subjects_says_why_there_is_no_timeline() -> None:
    text = html.render(sample_report())
    assert "carries no figures to draw" in text
    assert "No findings" in html.render(empty_report())


def test_file_links_are_relative_to_the_report() -> None:
    assert html.file_href("fixtures/a b.md", 4) == "./fixtures/a%20b.md#L4"
    assert html.file_href("fixtures/a.md", 4, "out/site") == "../../fixtures/a.md#L4"
    assert html.file_href("/abs/x.md", 2) == "file:///abs/x.md#L2"
    assert html.file_href("javascript:alert(1)", 1) == "./javascript%3Aalert%281%29#L1"


def _finding(rule: str, message: str, evidence: Evidence) -> Finding:
    return Finding(rule=rule, severity=Severity.ERROR, message=message, evidence=(evidence,))


def test_highlight_marks_the_value_however_it_is_written() -> None:
    cases = [
        ("Marek said 35 thousand residents left.", 35000, "35 thousand"),
        ("Marek said 35,000 residents left.", 35000, "35,000"),
        ("Nearly 1.2 million were counted.", 1.2e6, "1.2 million"),
        ("The river rose 7.4 meters on 3 March.", 7.4, "7.4"),
    ]
    for text, value, marked in cases:
        evidence = Evidence(path="a.md", line=1, text=text, value=value)
        found = [text[s:e] for s, e in spans(_finding("figure-mismatch", "", evidence), evidence)]
        assert found == [marked], text
    # A day and a year are not a grouped number: "March 4 2026" is not 4,202 and a 6.
    evidence = Evidence(path="a.md", line=1, text="On March 4 2026, boats sank.", value=4202)
    assert spans(_finding("figure-mismatch", "", evidence), evidence) == []
    # 3,500 must not be marked for 35,000, nor the 35 inside 350.
    evidence = Evidence(path="a.md", line=1, text="Of 350 buses, 3,500 seats", value=35)
    assert spans(_finding("figure-mismatch", "", evidence), evidence) == []


def test_highlight_marks_dates_titles_and_sources_and_escapes_the_rest() -> None:
    dated = Evidence(path="a.md", line=1, text="The decree, dated March 3, <b>", date="2026-03-03")
    finding = _finding("date-mismatch", "", dated)
    assert highlight(finding, dated) == "The decree, dated <mark>March 3</mark>, &lt;b&gt;"
    titled = Evidence(path="a.md", line=2, text="Former Interior Minister Ivana Kos met them.")
    finding = _finding(
        "title-mismatch", "Kos is “former Interior Minister” but “Interior Minister”", titled
    )
    assert highlight(finding, titled).startswith("<mark>Former Interior Minister</mark> Ivana")
    sourced = Evidence(path="a.md", line=3, text="According to Reuters, 5 died.", source="Reuters")
    finding = _finding("misattribution", "", sourced)
    assert "<mark>Reuters</mark>" in highlight(finding, sourced)


def test_undated_and_qualified_points_render() -> None:
    report = Report(
        articles=[ArticleInfo(path="a.md"), ArticleInfo(path="b.md", date=dt.date(2026, 1, 2))],
        subjects=[
            SubjectFigures(
                subject="troops",
                points=(
                    SubjectPoint(path="a.md", line=1, value=5, qualifier=Qualifier.AT_LEAST),
                    SubjectPoint(path="b.md", line=1, value=7, qualifier=Qualifier.APPROX),
                ),
            )
        ],
    )
    text = html.render(report)
    assert "undated (not drawn)" in text and "at least 5" in text and "about 7" in text
    assert text.count('class="pt"') == 1


def test_a_saved_report_out_of_order_still_shows_errors_first() -> None:
    report = sample_report()
    report.findings = list(reversed(report.findings))  # info, warning, error
    classes = [
        a["class"]
        for t, a in Page(html.render(report)).tags
        if t == "article" and "finding" in (a.get("class") or "")
    ]
    assert classes == ["finding error", "finding warning", "finding info"]


def test_a_subject_with_many_figures_is_capped() -> None:
    many = tuple(
        SubjectPoint(path=f"{i % 2}.md", line=i, value=i, as_of=dt.date(2026, 1, 1 + i % 28))
        for i in range(1, 400)
    )
    text = html.render(Report(subjects=[SubjectFigures(subject="s", points=many)]))
    assert text.count('class="pt"') == 300 and "99 more figures not shown" in text


def test_no_link_points_to_a_chart_left_off_the_page() -> None:
    findings, subjects = [], []
    for i in range(61):
        evidence = tuple(
            Evidence(path=f"{side}.md", line=i + 1, text="t", value=i + 1) for side in "ab"
        )
        findings.append(
            Finding(rule="figure-mismatch", severity=Severity.ERROR, message="m", evidence=evidence)
        )
        points = tuple(
            SubjectPoint(path=f"{side}.md", line=i + 1, value=i + 1, finding=True) for side in "ab"
        )
        subjects.append(SubjectFigures(subject=f"subject {i:02d}", points=points))
    page = Page(html.render(Report(findings=findings, subjects=subjects)))
    targets = {a["id"] for _, a in page.tags if a.get("id")}
    assert "60 more subjects" not in "".join(page.text) and "1 more subjects" in "".join(page.text)
    for href in page.hrefs():
        if href.startswith("#"):
            assert href[1:] in targets, href
