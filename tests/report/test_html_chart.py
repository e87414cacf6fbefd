"""The timeline's geometry: time and value scales, intervals, shapes, labels, running totals."""

from __future__ import annotations

import datetime as dt

from checker.models import Modality, Qualifier, SubjectFigures, SubjectPoint
from checker.report.html_chart import (
    BOTTOM,
    HEIGHT,
    LEFT,
    RIGHT,
    TOP,
    WIDTH,
    format_value,
    layout,
    svg,
    time_ticks,
    value_ticks,
)

D = dt.date


def point(day: dt.date | None, value: float, **fields: object) -> SubjectPoint:
    return SubjectPoint(path=f"{value}.md", line=1, value=value, as_of=day, **fields)  # type: ignore[arg-type]


def test_time_scale_is_proportional_to_days() -> None:
    subject = SubjectFigures(
        subject="homes damaged",
        points=(point(D(2026, 3, 1), 10), point(D(2026, 3, 11), 20), point(D(2026, 5, 10), 30)),
    )
    marks = layout(subject, {}).marks
    a, b, c = (m.x for m in marks)
    assert LEFT < a < b < c < WIDTH - RIGHT
    assert abs((b - a) / (c - a) - 10 / 70) < 0.01  # 10 days of 70, not 1 step of 2


def test_value_scale_higher_is_up_and_counts_start_at_zero() -> None:
    subject = SubjectFigures(
        subject="s", points=(point(D(2026, 1, 1), 100), point(D(2026, 2, 1), 300))
    )
    chart = layout(subject, {})
    low, high = chart.marks
    assert high.y < low.y
    assert chart.y_ticks[0][1] == "0" and chart.y_ticks[0][0] == HEIGHT - BOTTOM
    assert high.y >= TOP


def test_ranges_are_intervals_and_hedges_point_the_open_way() -> None:
    subject = SubjectFigures(
        subject="s",
        points=(
            point(D(2026, 1, 1), 25, low=18, high=30, qualifier=Qualifier.RANGE),
            point(D(2026, 1, 5), 200, qualifier=Qualifier.AT_LEAST),
            point(D(2026, 1, 9), 90, qualifier=Qualifier.AT_MOST),
            point(D(2026, 1, 12), 50),
        ),
    )
    ranged, over, under, exact = layout(subject, {}).marks
    assert ranged.low_y is not None and ranged.high_y is not None
    assert ranged.high_y < ranged.y < ranged.low_y
    assert (over.arrow, under.arrow, exact.arrow) == (1, -1, 0)
    assert exact.low_y is None


def test_targets_are_drawn_apart_and_findings_marked() -> None:
    subject = SubjectFigures(
        subject="families rehoused",
        points=(
            point(D(2026, 4, 2), 20000, modality=Modality.TARGET, source="Relief Alliance"),
            point(D(2026, 5, 4), 8500, finding=True, source="Relief Alliance"),
        ),
    )
    text = svg(layout(subject, {}), "s1")
    assert text.count('class="pt"') == 2
    assert text.count('data-kind="target"') == 1 and 'class="shape target"' in text
    assert text.count('class="ring"') == 1 and 'data-finding="1"' in text
    target, fact = layout(subject, {}).marks
    assert "target" in target.label and "!" in fact.label


def test_running_totals_are_joined_in_date_order() -> None:
    subject = SubjectFigures(
        subject="homes damaged",
        points=(
            point(D(2026, 5, 4), 11800, cumulative=True),
            point(D(2026, 3, 21), 12400, cumulative=True),
            point(D(2026, 4, 10), 14900, cumulative=True),
            point(D(2026, 4, 1), 500),  # not a running total: not on the line
        ),
    )
    chart = layout(subject, {})
    xs = [x for x, _ in chart.running]
    assert len(xs) == 3 and xs == sorted(xs)
    assert "<polyline" in svg(chart, "s1")


def test_undated_points_fall_back_to_publication_or_stay_off_the_chart() -> None:
    subject = SubjectFigures(
        subject="s",
        points=(
            SubjectPoint(path="a.md", line=1, value=1),
            SubjectPoint(path="b.md", line=1, value=2),
        ),
    )
    chart = layout(subject, {"a.md": D(2026, 1, 1)})
    assert [m.number for m in chart.marks] == [1] and [n for n, _ in chart.undated] == [2]
    assert layout(subject, {}).marks == ()


def test_labels_do_not_overlap_and_stay_inside() -> None:
    points = tuple(
        point(D(2026, 1, 1) + dt.timedelta(days=i), 1000 + 5 * i, source="Ministry of Defence")
        for i in range(12)
    )
    marks = layout(SubjectFigures(subject="s", points=points), {}).marks
    boxes = []
    for mark in marks:
        width = len(mark.label) * 6.1
        left = mark.label_x if mark.label_anchor == "start" else mark.label_x - width
        boxes.append((left, mark.label_y - 12, left + width, mark.label_y + 1))
    for i, a in enumerate(boxes):
        assert a[0] >= LEFT - 1 and a[2] <= WIDTH - RIGHT + 1
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_ticks_are_round_and_readable() -> None:
    assert value_ticks(0, 53000) == [0, 10000, 20000, 30000, 40000, 50000, 60000]
    assert value_ticks(11800, 12400)[:2] == [11800, 11900]
    days = time_ticks(D(2026, 3, 1), D(2026, 3, 10))
    assert days[0] == (D(2026, 3, 1), "Mar 1") and len(days) <= 8
    months = time_ticks(D(2023, 1, 15), D(2026, 2, 1))
    assert all(d.day == 1 for d, _ in months) and len(months) <= 8
    named = [label.split()[1] for _, label in months if " " in label]
    assert named == sorted(set(named)) == [str(y) for y in range(2023, 2027)]  # each year once
    assert months[0][1].endswith(str(months[0][0].year))  # the first month names its year
    years = time_ticks(D(1990, 6, 1), D(2026, 1, 1))
    assert [label for _, label in years][:2] == ["1995", "2000"]
    assert format_value(35000) == "35,000" and format_value(7.4) == "7.4"


def test_svg_names_its_unit_and_escapes_it() -> None:
    subject = SubjectFigures(
        subject="<b>x</b>",
        unit="<i>km²</i>",
        points=(point(D(2026, 1, 1), 1), point(D(2026, 2, 1), 2)),
    )
    text = svg(layout(subject, {}), "s1")
    assert "&lt;i&gt;km²&lt;/i&gt;</text>" in text and "<i>" not in text and "<b>" not in text


def test_points_are_named_links_a_screen_reader_can_reach() -> None:
    subject = SubjectFigures(
        subject="s", points=(point(D(2026, 1, 1), 1, source="NATO"), point(D(2026, 2, 1), 2))
    )
    text = svg(layout(subject, {}), "s4")
    assert 'role="group"' in text and 'role="img"' not in text  # img would hide the links
    assert text.count('<a class="pt" href="#s4-p') == 2
    assert text.count("</title>") == 3  # the chart's, and one name per point
    assert "<title>#1: 1 as of 2026-01-01, NATO, 1.md:1</title>" in text
