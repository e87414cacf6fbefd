"""A hand-built report for the format tests: three findings, one of them full of hostile text."""

from __future__ import annotations

import datetime as dt

from checker.models import (
    ArticleInfo,
    DateSource,
    Diagnostic,
    Evidence,
    Finding,
    Report,
    Severity,
    Summary,
)

# Article text that tries to break every format: a fence, a table pipe, HTML, a heading, a link,
# an image, a mention, a forged workflow command, terminal colors, an OSC title and a bell.
HOSTILE = (
    "The mayor said ```rm -rf``` | cells | <script>alert(1)</script> <!-- hidden -->\n"
    "# Heading [click](https://example.org) ![img](x.png) @octocat\r"
    "\n::error ::pwned \x1b[31mred\x1b[0m \x1b]0;title\x07 bell\x07 50% done, a:b"
)

CHECKED = ("drafts/",)


def sample_report() -> Report:
    figure = Finding(
        rule="figure-mismatch",
        severity=Severity.ERROR,
        message=(
            "35,000 (archive/a.md:14, Mykhailo Fedorov) vs 53,000 (drafts/b.md:9, NATO): "
            "Russian soldiers killed, December 2025"
        ),
        subject="russian soldiers killed",
        fingerprint="0123456789abcdef0123",
        evidence=(
            Evidence(
                path="archive/a.md",
                line=14,
                column=3,
                text="Kyiv put the number of Russian soldiers killed in December at 35,000.",
                value=35000,
                source="Mykhailo Fedorov",
                date="2025-12",
            ),
            Evidence(
                path="drafts/b.md",
                line=9,
                column=1,
                text="In December, 53,000 Russian soldiers were killed, a NATO official said.",
                value=53000,
                source="NATO",
                date="2025-12",
            ),
        ),
    )
    hostile = Finding(
        rule="misattribution",
        severity=Severity.WARNING,
        message="Quote credited to <b>two</b> speakers: `Mayor` | @octocat\n::error ::pwned",
        subject="quote",
        fingerprint="fedcba9876543210fedc",
        evidence=(
            Evidence(path="archive/c.md", line=2, text="An older line, ``` with a fence."),
            Evidence(path="archive/d.md", line=5, column=7, text="A second archive line."),
            Evidence(path="drafts/e,f:g.md", line=40, column=2, text=HOSTILE, source="the mayor"),
        ),
    )
    repeated = Finding(
        rule="repeated-passage",
        severity=Severity.INFO,
        message="Passage repeated without its attribution",
        subject="",
        fingerprint="aaaabbbbccccddddeeee",
        evidence=(
            Evidence(path="archive/a.md", line=20, text="Officials counted 1,200 new recruits."),
            Evidence(path="drafts/b.md", line=30, text="Officials counted 1,200 new recruits."),
        ),
    )
    return Report(
        articles=[
            ArticleInfo(
                path="archive/a.md", date=dt.date(2026, 1, 5), date_source=DateSource.METADATA
            ),
            ArticleInfo(path="drafts/b.md", date=None, date_source=DateSource.UNKNOWN),
        ],
        summary=Summary(articles=5, claims=140, error=1, warning=1, info=1),
        findings=[figure, hostile, repeated],
        diagnostics=[Diagnostic(path="inbox/blob.bin", message="binary file \x1b[2Jskipped")],
    )


def empty_report() -> Report:
    return Report(summary=Summary(articles=4, claims=97))
