"""One subject's timeline as inline SVG: its figures over their as-of dates.

Geometry is computed here in plain numbers (`Chart`, `Mark`) and written out by `svg`, so the
tests can check where things land without parsing markup. Every text that came from an article
(sources, file names, the subject) is escaped where it is written.

What is drawn, and how it stays readable without colour:
- facts and estimates are filled circles; targets and forecasts hollow diamonds with a dashed
  outline, and their labels say "target";
- ranges and hedges are vertical intervals from low to high; "over"/"up to" without a stated
  end get an arrow pointing the open way;
- running totals of facts are joined by a line in date order;
- the figures of a finding get a ring and a "!" in their label;
- each mark is a link (keyboard focusable) to its row in the table under the chart, and carries
  its number, source and article as a visible label where there is room, else its number.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from checker.models import Modality, Qualifier, SubjectFigures, SubjectPoint
from checker.report.escape import html_text

__all__ = [
    "Chart",
    "Mark",
    "format_value",
    "layout",
    "period_text",
    "svg",
    "time_ticks",
    "value_ticks",
]

WIDTH = 760
HEIGHT = 300
LEFT = 78
RIGHT = 16
TOP = 16
BOTTOM = 46
CHAR_WIDTH = 6.1  # average advance of an 11px sans-serif character, for label boxes
LABEL_HEIGHT = 13
LABEL_GAP = 14  # from a point's centre to its label, clear of the finding ring
MAX_POINTS = 300

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_value(value: float) -> str:
    """ "35,000", "7.4", "1,200,000": thousands separated, no needless decimals."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def _axis_value(value: float) -> str:
    """Short tick labels: "35,000", "1.2M", "3B"."""
    size = abs(value)
    if size >= 1e9:
        return f"{value / 1e9:g}B"
    if size >= 1e6:
        return f"{value / 1e6:g}M"
    return format_value(value)


def value_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]: a step of 1, 2, 2.5 or 5 times a power of ten,
    the one nearest to a `count`th of the span."""
    if high <= low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = min((m * magnitude for m in (1, 2, 2.5, 5, 10)), key=lambda s: abs(math.log(s / raw)))
    first = math.floor(low / step) * step
    ticks: list[float] = []
    value = first
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
        if len(ticks) > 4 * count:  # floating-point guard; never reached with sane input
            break
    return ticks


def _month_start(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def time_ticks(start: dt.date, end: dt.date, most: int = 8) -> list[tuple[dt.date, str]]:
    """Dated ticks on a calendar scale between start and end: days, weeks, months or years,
    whichever gives at most `most` ticks; each with its label."""
    span = (end - start).days
    if span <= 60:
        step = next((s for s in (1, 2, 7, 14) if span / s <= most), 14)
        first = start
        if step >= 7:  # weeks start on Mondays
            first = start + dt.timedelta(days=(7 - start.weekday()) % 7)
        days = [first + dt.timedelta(days=i) for i in range(0, span + 1, step)]
        days = [d for d in days if d <= end]
        return [(d, f"{_MONTHS[d.month - 1]} {d.day}") for d in days]
    months_span = (end.year - start.year) * 12 + end.month - start.month
    if months_span <= 48:
        step = next((s for s in (1, 2, 3, 6, 12) if months_span / s <= most), 12)
        ticks: list[tuple[dt.date, str]] = []
        day = _month_start(start, 0 if start.day == 1 else 1)
        while day <= end:
            label = _MONTHS[day.month - 1]
            if not ticks or ticks[-1][0].year != day.year:  # each year named once
                label += f" {day.year}"
            ticks.append((day, label))
            day = _month_start(day, step)
        return ticks
    years = end.year - start.year
    step = next((s for s in (1, 2, 5, 10, 20, 50) if years / s <= most), 100)
    first_year = (start.year // step + (0 if start == dt.date(start.year, 1, 1) else 1)) * step
    return [(dt.date(y, 1, 1), str(y)) for y in range(first_year, end.year + 1, step)]


@dataclass(frozen=True)
class Mark:
    """One point as drawn: its place, its interval, its label."""

    number: int  # 1-based, the row of the table under the chart
    point: SubjectPoint
    day: dt.date
    x: float
    y: float
    low_y: float | None  # the interval's ends, when the figure is a range or a hedge
    high_y: float | None
    arrow: int  # -1: open downwards ("up to"), 1: open upwards ("over"), 0: none
    target: bool
    label: str  # the visible label ("3 ! Elena Marek · 05-second-wave"), or only the number
    label_x: float
    label_y: float
    label_anchor: str  # "start" or "end"


@dataclass(frozen=True)
class Chart:
    subject: SubjectFigures
    marks: tuple[Mark, ...]
    undated: tuple[tuple[int, SubjectPoint], ...]  # (number, point) with no date to place
    x_ticks: tuple[tuple[float, str], ...]
    y_ticks: tuple[tuple[float, str], ...]
    running: tuple[tuple[float, float], ...]  # the running-total line's vertices


def period_text(point: SubjectPoint) -> str:
    """What time a figure covers: "2026-03", "running total since 2022-02-24", or ""."""
    start, end = point.period_start, point.period_end
    if point.cumulative:
        return "running total" + (f" since {start.isoformat()}" if start else "")
    if start and end:
        if start == end:
            return start.isoformat()
        if start.day == 1 and (end + dt.timedelta(days=1)).day == 1 and start.month == end.month:
            return start.isoformat()[:7]
        return f"{start.isoformat()} to {end.isoformat()}"
    return ""


def article_name(path: str) -> str:
    """A short name for an article: its file name without the extension."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def point_day(point: SubjectPoint, published: Mapping[str, dt.date]) -> dt.date | None:
    """Where a point sits in time: its as-of date, else its article's publication date."""
    return point.as_of or published.get(point.path)


def _bounds(point: SubjectPoint) -> tuple[float, float]:
    low = point.low if point.low is not None else point.value
    high = point.high if point.high is not None else point.value
    return min(low, high, point.value), max(low, high, point.value)


def _short_label(number: int, point: SubjectPoint) -> str:
    source = point.source or "no source"
    if len(source) > 28:
        source = source[:27] + "…"
    name = article_name(point.path)
    if len(name) > 24:
        name = name[:23] + "…"
    flags = (" !" if point.finding else "") + (" target" if _is_target(point) else "")
    return f"{number}{flags} {source} · {name}"


def _is_target(point: SubjectPoint) -> bool:
    return point.modality in (Modality.TARGET, Modality.FORECAST)


Box = tuple[float, float, float, float]  # left, top, right, bottom


def _overlaps(box: Box, others: Sequence[Box]) -> bool:
    left, top, right, bottom = box
    return any(
        left < o_right and o_left < right and top < o_bottom and o_top < bottom
        for o_left, o_top, o_right, o_bottom in others
    )


def _place_label(
    x: float, y: float, text: str, taken: list[Box], rows: int = 2
) -> tuple[float, float, str] | None:
    """A free spot for `text` beside (x, y): right, then left, then up to `rows` rows up or
    down (with a leader line to the point)."""
    width = len(text) * CHAR_WIDTH + 4
    shifts = [0] + [sign * row * LABEL_HEIGHT for row in range(1, rows + 1) for sign in (-1, 1)]
    for dy in shifts:
        for side in (1, -1):
            anchor_x = x + side * LABEL_GAP
            start = anchor_x if side == 1 else anchor_x - width
            box = (start, y + dy - 9, start + width, y + dy + 4)
            inside = box[0] >= LEFT and box[2] <= WIDTH - RIGHT
            inside = inside and box[1] >= TOP and box[3] <= HEIGHT - BOTTOM
            if inside and not _overlaps(box, taken):
                taken.append(box)
                return (anchor_x, y + dy + 3, "start" if side == 1 else "end")
    return None


def layout(subject: SubjectFigures, published: Mapping[str, dt.date]) -> Chart:
    """Where every point, interval, tick and label of one subject's chart goes."""
    numbered = list(enumerate(subject.points[:MAX_POINTS], start=1))
    dated = [(n, p, d) for n, p in numbered if (d := point_day(p, published)) is not None]
    undated = tuple((n, p) for n, p in numbered if point_day(p, published) is None)
    if not dated:
        return Chart(subject, (), undated, (), (), ())
    first = min(d for _, _, d in dated)
    last = max(d for _, _, d in dated)
    pad = max(3, (last - first).days // 12)
    start, end = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)
    lows, highs = zip(*(_bounds(p) for _, p, _ in dated), strict=True)
    low, high = min(lows), max(highs)
    if low >= 0 and (low <= 0.5 * high or low == high):
        low = 0.0  # counts from zero where the figures are not all bunched far above it
    else:  # a margin below and above, so no point sits on the frame
        margin = (high - low) * 0.1 or abs(high) * 0.1 or 1.0
        low, high = low - margin, high + margin
    ticks = value_ticks(low, high)
    y_min, y_max = ticks[0], ticks[-1]
    if y_max <= high:  # a point on the top tick would touch the frame
        y_max = high + (ticks[1] - ticks[0] if len(ticks) > 1 else 1.0)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    total_days = max(1, (end - start).days)

    def x_of(day: dt.date) -> float:
        return round(LEFT + plot_w * (day - start).days / total_days, 2)

    def y_of(value: float) -> float:
        return round(TOP + plot_h * (1 - (value - y_min) / (y_max - y_min)), 2)

    positions = [(n, p, d, x_of(d), y_of(p.value)) for n, p, d in dated]
    # Labels keep clear of every mark, finding rings (radius 10) included.
    taken: list[Box] = [(x - 11, y - 11, x + 11, y + 11) for _, _, _, x, y in positions]
    marks: list[Mark] = []
    for number, point, day, x, y in sorted(positions, key=lambda item: (item[3], item[4])):
        low_v, high_v = _bounds(point)
        interval = low_v != high_v
        arrow = 0
        if not interval and point.qualifier is Qualifier.AT_LEAST:
            arrow = 1
        elif not interval and point.qualifier is Qualifier.AT_MOST:
            arrow = -1
        text = _short_label(number, point)
        placed = _place_label(x, y, text, taken)
        if placed is None:
            text = str(number)
            placed = _place_label(x, y, text, taken, rows=5) or (x + LABEL_GAP, y + 3, "start")
        label_x, label_y, anchor = placed
        marks.append(
            Mark(
                number=number,
                point=point,
                day=day,
                x=x,
                y=y,
                low_y=y_of(low_v) if interval else None,
                high_y=y_of(high_v) if interval else None,
                arrow=arrow,
                target=_is_target(point),
                label=text,
                label_x=round(label_x, 2),
                label_y=round(label_y, 2),
                label_anchor=anchor,
            )
        )
    marks.sort(key=lambda m: m.number)
    running = tuple(
        (m.x, m.y)
        for m in sorted(marks, key=lambda m: (m.day, m.number))
        if m.point.cumulative and not m.target
    )
    return Chart(
        subject=subject,
        marks=tuple(marks),
        undated=undated,
        x_ticks=tuple((x_of(d), label) for d, label in time_ticks(start, end)),
        y_ticks=tuple((y_of(v), _axis_value(v)) for v in ticks if y_min <= v <= y_max),
        running=running if len(running) > 1 else (),
    )


def _mark_svg(mark: Mark, anchor_id: str) -> str:
    x, y = mark.x, mark.y
    parts: list[str] = []
    if mark.low_y is not None and mark.high_y is not None:
        parts.append(
            f'<path class="interval" d="M{x - 4},{mark.low_y}H{x + 4}M{x},{mark.low_y}'
            f'V{mark.high_y}M{x - 4},{mark.high_y}H{x + 4}"/>'
        )
    if mark.arrow:
        tip = y - 22 * mark.arrow
        head = tip + 6 * mark.arrow
        parts.append(
            f'<path class="interval" d="M{x},{y}V{tip}M{x - 4},{head}L{x},{tip}L{x + 4},{head}"/>'
        )
    if mark.point.finding:
        parts.append(f'<circle class="ring" cx="{x}" cy="{y}" r="10"/>')
    if mark.target:
        parts.append(
            f'<path class="shape target" d="M{x},{y - 7}L{x + 7},{y}L{x},{y + 7}L{x - 7},{y}Z"/>'
        )
    else:
        parts.append(f'<circle class="shape fact" cx="{x}" cy="{y}" r="5"/>')
    if abs(mark.label_y - 3 - y) > 1:  # a label moved off its point's row: a leader line
        side = 1 if mark.label_anchor == "start" else -1
        parts.append(
            f'<path class="leader" d="M{x + 6 * side},{y}L{mark.label_x},{mark.label_y - 4}"/>'
        )
    weight = ' font-weight="bold"' if mark.point.finding else ""
    parts.append(
        f'<text class="label" x="{mark.label_x}" y="{mark.label_y}" '
        f'text-anchor="{mark.label_anchor}"{weight}>{html_text(mark.label)}</text>'
    )
    point = mark.point
    title = (
        f"#{mark.number}: {format_value(point.value)} as of {mark.day.isoformat()}, "
        f"{point.source or 'no source'}, {point.path}:{point.line}"
        + (f", {period}" if (period := period_text(point)) else "")
        + (" (target)" if mark.target else "")
        + (" (part of a finding)" if point.finding else "")
    )
    kind = "target" if mark.target else "fact"
    return (
        f'<a class="pt" href="#{anchor_id}-p{mark.number}" data-kind="{kind}" '
        f'data-finding="{int(point.finding)}" data-value="{point.value!r}" '
        f'data-date="{mark.day.isoformat()}"><title>{html_text(title)}</title>'
        + "".join(parts)
        + "</a>"
    )


def svg(chart: Chart, anchor_id: str) -> str:
    """The chart as an inline SVG element; `anchor_id` prefixes the ids of the table rows."""
    subject = chart.subject
    unit = subject.unit or "value"
    title = f"Timeline of {subject.subject} ({unit}), {len(chart.marks)} figures by as-of date"
    out = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" '
        f'aria-labelledby="{anchor_id}-t"><title id="{anchor_id}-t">{html_text(title)}</title>',
        f'<rect class="frame" x="{LEFT}" y="{TOP}" width="{WIDTH - LEFT - RIGHT}" '
        f'height="{HEIGHT - TOP - BOTTOM}"/>',
    ]
    bottom = HEIGHT - BOTTOM
    for y, label in chart.y_ticks:
        out.append(f'<path class="grid" d="M{LEFT},{y}H{WIDTH - RIGHT}"/>')
        out.append(
            f'<text class="tick" x="{LEFT - 6}" y="{y + 4}" text-anchor="end">{label}</text>'
        )
    for x, label in chart.x_ticks:
        out.append(f'<path class="grid" d="M{x},{TOP}V{bottom}"/>')
        # A label near the right edge ends at its tick rather than running out of the frame.
        anchor = "end" if x + len(label) * CHAR_WIDTH / 2 > WIDTH - 2 else "middle"
        out.append(
            f'<text class="tick" x="{x}" y="{bottom + 16}" text-anchor="{anchor}">{label}</text>'
        )
    out.append(
        f'<text class="axis" x="{LEFT + (WIDTH - LEFT - RIGHT) / 2}" y="{HEIGHT - 6}" '
        f'text-anchor="middle">as-of date</text>'
    )
    middle = TOP + (HEIGHT - TOP - BOTTOM) / 2
    out.append(
        f'<text class="axis" x="14" y="{middle}" text-anchor="middle" '
        f'transform="rotate(-90 14 {middle})">{html_text(unit)}</text>'
    )
    if chart.running:
        points = " ".join(f"{x},{y}" for x, y in chart.running)
        out.append(f'<polyline class="running" points="{points}"/>')
    out.extend(_mark_svg(mark, anchor_id) for mark in chart.marks)
    out.append("</svg>")
    return "\n".join(out)
