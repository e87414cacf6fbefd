"""A saved report with markup, scripts and `javascript:` URLs in every field that text can
reach: what `checker report` must render inert, whoever wrote the JSON."""

from __future__ import annotations

import datetime as dt

from checker.models import (
    ArticleInfo,
    DateSource,
    Diagnostic,
    Evidence,
    Finding,
    Modality,
    Report,
    Severity,
    SubjectFigures,
    SubjectPoint,
    Summary,
)

SCRIPT = "<script>document.title='pwned';document.body.setAttribute('data-pwned','1')</script>"
IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
LINK = "<a href=\"javascript:document.title='pwned'\">here</a> [page](javascript:alert(1))"
EVIL_PATH = "javascript:document.title='pwned'//<svg onload=alert(1)>.md"


def hostile_report() -> Report:
    points = (
        SubjectPoint(
            path=EVIL_PATH,
            line=3,
            value=4500,
            as_of=dt.date(2026, 2, 3),
            source=f"Harbor {IMG}",
            finding=True,
        ),
        SubjectPoint(
            path="b.md",
            line=7,
            value=5400,
            low=5000,
            high=5800,
            as_of=dt.date(2026, 2, 10),
            source=f"Mallory {SCRIPT}",
            modality=Modality.TARGET,
            finding=True,
        ),
    )
    finding = Finding(
        rule=f"figure-mismatch{SCRIPT}",
        severity=Severity.ERROR,
        message=f"4,500 vs 5,400 “{IMG}” {LINK}",
        subject=SCRIPT,
        evidence=(
            Evidence(
                path=EVIL_PATH,
                line=3,
                text=f"Director said 4,500 residents left {SCRIPT} {IMG} {LINK}.",
                value=4500,
                source=f"Harbor {IMG}",
                date=f"2026-01{SCRIPT}",
            ),
            Evidence(
                path="b.md",
                line=7,
                text=f"Director said 5,400 residents left {LINK}.",
                value=5400,
                source=f"Mallory {SCRIPT}",
            ),
        ),
    )
    return Report(
        articles=[
            ArticleInfo(path=EVIL_PATH, date=dt.date(2026, 2, 3), date_source=DateSource.METADATA),
            ArticleInfo(path="b.md", date=dt.date(2026, 2, 10), date_source=DateSource.METADATA),
        ],
        summary=Summary(articles=2, claims=4, error=1),
        findings=[finding],
        diagnostics=[Diagnostic(path=EVIL_PATH, message=SCRIPT)],
        subjects=[SubjectFigures(subject=f"residents {SCRIPT}", unit=IMG, points=points)],
    )
