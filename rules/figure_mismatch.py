"""`figure-mismatch`: incompatible figures for the same subject, period and modality."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from functools import cache, partial

from pydantic import Field

from checker.archive_keys import subject_group_keys
from checker.clusters import Reported
from checker.compare.restatements import disagreements
from checker.compat import (
    DEFAULT_TOLERANCE,
    LASTING_DIMENSIONS,
    describe,
    dimension,
    interval,
    same_range,
)
from checker.group import SubjectGroup, groups_of, happens_once, register_figures
from checker.models import Claim, Figure, Finding, Granularity, Modality, Qualifier, Severity
from checker.rule import ArchiveKey, Rule, RuleContext, RuleOptions, period_label
from checker.twins import about_two_things, count_numbers, long_enough, mask_numbers, twins

# Facts and estimates answer the same question; a goal or a forecast answers another one.
_MODALITY_CLASS = {
    Modality.FACT: "fact",
    Modality.ESTIMATE: "fact",
    Modality.TARGET: "target",
    Modality.FORECAST: "forecast",
}
_MAX_EVIDENCE = 8  # per side of a finding; a huge cluster is summarised by its first members


class FigureMismatchOptions(RuleOptions):
    tolerance: float = Field(DEFAULT_TOLERANCE, ge=0, le=1)
    as_of_window_days: int = Field(31, ge=0)
    running_total_window_days: int = Field(14, ge=0)


class FigureMismatch(Rule):
    """Two claims give incompatible figures for the same subject and period.

    ## What it does
    Groups figures by subject (what is counted, what happened to it, whose, in what unit), then
    by period and modality, turns each figure into the interval of values it allows (qualifiers,
    ranges, rounding and units applied) and reports figures whose intervals cannot overlap.
    Figures with no period describe a current state and are compared only when their as-of
    dates are close; a state as of a whole year ("as of the 2010 census") is that year's, as
    "at the 2010 census" is. Figures from the facts register take part when one is loaded.
    Inside one sentence, it checks a figure against the sentence's own restatement of it: a
    conversion into another unit ("43 miles (69 km)") and a list of the things counted
    ("three clubs (A, B and C)"), each copy of the sentence listed in one finding.

    ## Why it matters
    A reader who sees 35,000 in one story and 53,000 in the next for the same month cannot
    trust either; one of them is a typo, a misread source or a changed fact nobody noted.

    ## Flagged
    "Fedorov said 35,000 Russian soldiers were killed in December." next to
    "Fedorov said 53,000 Russian soldiers were killed in December."
    "The route runs 43 miles (90 km)." "Three clubs (Ashford, Brill, Cotton and Dunmore)."

    ## Not flagged
    "35,000" next to "35 thousand" or "nearly 35,000"; a target ("the goal is 50,000 by
    summer") next to a fact; December figures next to January figures; an age limit of 27 in
    2023 next to 30 in 2025; two values in one sentence ("rose from 20,000 to 35,000"), and a
    conversion in units whose size depends on the country ("2 million tons (1.8 million
    tonnes)"), a partial list ("five clubs (including A and B)") or a breakdown ("12 people
    (7 men and 5 women)"); bare counts with no owner and no event ("42 regions", "31
    regions"), which may count different sets; a count of what happened that rose between two
    reports ("buried 16 people", police said on Monday; "buried 23", on Thursday); figures of
    two occasions, whatever the articles' dates ("The Hawks beat the Foxes on Sunday. Lind
    scored 31 points." and "... lost to the Suns on Monday. Lind scored 18 points." a week
    later: two games).

    ## Options
    - `tolerance` (0.05): relative slack of "about"/"nearly" figures and of rounding.
    - `as_of_window_days` (31): how close the as-of dates of period-less figures must be.
    - `running_total_window_days` (14): how close the as-of dates of two running totals must
      be ("nearly 1.2 million since the invasion" on January 31 and "1.5 million" on
      February 1 disagree; a month apart, a total may have grown).
    """

    id = "figure-mismatch"
    severity = Severity.ERROR
    Options = FigureMismatchOptions
    archive_indexed = True

    def archive_keys(self, claim: Claim) -> Iterator[ArchiveKey]:
        """A figure's subject group, and its sentence with its numbers masked (a twin), whose
        archive figures bring their own groups: a twin finding is labelled by its group."""
        if not isinstance(claim, Figure):
            return
        yield from subject_group_keys(claim)
        twin = _twin_key(mask_numbers, claim)
        if twin is not None:
            masked, ordinal, unit = twin
            yield ArchiveKey(f"{self.id}/twin:{masked}\x1f{ordinal}\x1f{unit}", follow=True)
        if claim.restates is not None or claim.listed is not None:
            # a restatement's finding lists every copy of its sentence
            yield ArchiveKey(f"{self.id}/restated:{claim.text}")

    def check(self, context: RuleContext) -> Iterator[Finding]:
        options = self.options
        assert isinstance(options, FigureMismatchOptions)
        register = register_figures(context.facts)
        register_ids = {id(figure) for figure in register}
        covered = Reported(key=id)
        labels: dict[int, SubjectGroup] = {}
        for group in groups_of(context.figures, context.groups, register):
            for figure in group.figures:
                labels[id(figure)] = group
            for finding, outlier, majority in self._check_group(
                group, context, options, register_ids
            ):
                covered.add(outlier, majority)
                yield finding
        yield from self._twin_findings(context, labels, covered)
        yield from self._restatement_findings(context, options.tolerance)

    def _restatement_findings(self, context: RuleContext, tolerance: float) -> Iterator[Finding]:
        """A figure and the way its own sentence states it again: "43 miles (90 km)", "three
        clubs (A, B, C and D)"; one finding per mistake, with every copy of its sentence."""
        for problem, copies in disagreements(context.figures, tolerance):
            if not context.any_in_focus(copies):
                continue
            copies = context.focused_first(copies)
            head = copies[0]
            more = f" and {len(copies) - 1} more" if len(copies) > 1 else ""
            message = f"{problem} ({head.path}:{head.line}{more})"
            yield self.finding(message, copies[:_MAX_EVIDENCE], subject=head.subject)

    def _twin_findings(
        self,
        context: RuleContext,
        labels: dict[int, SubjectGroup],
        covered: Reported,
    ) -> Iterator[Finding]:
        """One sentence in two articles with its n-th figure changed: "at least 42 regions" and
        "at least 24 regions", "up to 900,000" and "up to 700,000". Compared even where the
        subject alone would not be (a bare count, a hedge wide enough to overlap)."""
        # Copies of a story repeat sentences verbatim: each distinct text is masked once.
        for twin in twins(context.figures, partial(_twin_key, cache(mask_numbers))):
            if not context.any_in_focus(twin):
                continue
            values: dict[tuple[object, ...], list[Figure]] = {}
            for figure in twin:
                values.setdefault(_stated(figure), []).append(figure)
            if len(values) < 2:
                continue
            sides = sorted(values.values(), key=lambda side: (-len(side), _order(side[0])))
            main = sorted(sides[0], key=_order)
            for other in sides[1:]:
                other = sorted(other, key=_order)
                if covered.covers_all(other, main):
                    continue
                if about_two_things(main[0].frame, other[0].frame):
                    continue
                if _other_periods(main, other):
                    continue
                group = labels.get(id(main[0])) or SubjectGroup(
                    key=("", "", "", dimension(main[0].unit)),
                    label=main[0].subject or main[0].surface,
                    figures=(*main, *other),
                )
                yield self._finding(group, other, main, context)

    def _check_group(
        self,
        group: SubjectGroup,
        context: RuleContext,
        options: FigureMismatchOptions,
        register_ids: set[int],
    ) -> Iterator[tuple[Finding, list[Figure], list[Figure]]]:
        # a size (no event happened to it) holds whatever the time
        state = not group.key[1]
        aged = state and group.key[0] == "age"
        lasting = _holds_for_good(group.key)
        periods: dict[tuple[object, ...], list[Figure]] = {}
        current: dict[str, list[tuple[dt.date, Figure]]] = {}
        totals: dict[str, list[tuple[dt.date, Figure]]] = {}
        for figure in group.figures:
            if figure.rank:
                continue  # "the ninth-seeded team": whose rank takes the frame's anchor
            modality = _MODALITY_CLASS[figure.modality]
            if figure.qualifier is Qualifier.CHANGE:
                modality += " change"  # "rose by 5%" is no level: compared with changes only
            as_of = figure.as_of or context.published(figure.path)
            if figure.cumulative:
                if as_of is None:
                    continue
                totals.setdefault(modality, []).append((as_of, figure))
            elif lasting:
                # A tower's height or a country's area does not drift between articles (a year
                # in its sentence dates something else: "330 m tall, completed in 1889").
                periods.setdefault((modality, "timeless"), []).append(figure)
            elif (
                aged
                and figure.period_start is not None
                and figure.period_granularity is Granularity.DAY
            ):
                # an age on one day ("Ortega, 52, resigned on Friday") is the age as of that
                # day, as an undated one is as of its article's date; a toll on one day is
                # that day's, and may rise by the next
                current.setdefault(modality, []).append((figure.period_start, figure))
            elif figure.period_start is not None:
                key = (modality, figure.period_start, figure.period_end, figure.period_granularity)
                periods.setdefault(key, []).append(figure)
            elif state and (year := _whole_year(figure.as_of)) is not None:
                # a state (no event counted) "as of the 2010 census" is the year's figure, as
                # "at the 2010 census" is; "as of 2010, 35 had been killed" counts up to then
                periods.setdefault((modality, *year, Granularity.YEAR), []).append(figure)
            elif as_of is not None:
                current.setdefault(modality, []).append((as_of, figure))
            elif happens_once(group.key[1]):
                # An undated count of what happens once ("killed in the fire") holds for good.
                periods.setdefault((modality, "timeless"), []).append(figure)
            # Any other undated figure ("25 points", "16 rebounds") is a state at a time
            # nobody stated: two of them may be from different games, seasons or years.
        buckets: list[list[Figure]] = list(periods.values())
        # A running total grows: only totals stated within days of each other must agree.
        total_window = dt.timedelta(days=options.running_total_window_days)
        for dated in totals.values():
            for run in _time_windows(dated, total_window):
                by_start: dict[tuple[int, int] | None, list[Figure]] = {}
                for figure in run:
                    start = figure.period_start
                    month = (start.year, start.month) if start else None
                    by_start.setdefault(month, []).append(figure)
                buckets.extend(_by_start(by_start))
        window = dt.timedelta(days=options.as_of_window_days)
        # A count of what happened ("killed in the fire", "buried by the landslide",
        # "evacuated") grows as it is counted: a later report above an earlier one is an
        # update, not a contradiction.
        tolls = happens_once(group.key[1]) or (
            not state and group.key[-1].startswith(("count", "dimensionless"))
        )
        stated: dict[int, dt.date] = {}
        for dated in current.values():
            stated.update((id(figure), as_of) for as_of, figure in dated)
            buckets.extend(_time_windows(dated, window))
        found: list[tuple[list[Figure], list[Figure]]] = []
        for bucket in buckets:
            if len(bucket) < 2 or not context.any_in_focus(bucket):
                continue
            if tolls and id(bucket[0]) in stated:
                conflicts = _falling(bucket, stated, options.tolerance)
            else:
                conflicts = _conflicts(bucket, options.tolerance) or _range_conflicts(
                    bucket, options.tolerance
                )
            for outlier, majority in conflicts:
                together = (*outlier, *majority)
                if all(id(f) in register_ids for f in together):
                    continue  # the register against itself is not an article's problem
                if _other_occasions(outlier, majority):
                    continue
                found.append((outlier, majority))
        for outlier, majority in _by_values(found):
            yield self._finding(group, outlier, majority, context), outlier, majority

    def _finding(
        self,
        group: SubjectGroup,
        outlier: list[Figure],
        majority: list[Figure],
        context: RuleContext,
    ) -> Finding:
        # Each side comes in article order; the checked articles' figures lead it.
        outlier, majority = context.focused_first(outlier), context.focused_first(majority)
        first, second = sorted((outlier, majority), key=lambda side: _order(side[0]))
        label = None if _holds_for_good(group.key) else period_label(first[0])
        subject = group.label + (f", {label}" if label else "")
        message = f"{_side(first)} vs {_side(second)}: {subject}"
        claims = [*first[:_MAX_EVIDENCE], *second[:_MAX_EVIDENCE]]
        return self.finding(message, claims, subject=group.label)


def _twin_key(mask: Callable[[str], str], figure: Figure) -> tuple[str, int, str] | None:
    """The sentence with its numbers masked (by `mask`), and which of its figures this is;
    None for a number the parse says is no figure of the story (a dateline, a time of day)."""
    if figure.frame is None:
        return None
    masked = mask(figure.text)
    if not long_enough(masked, figure.text):
        return None
    position = figure.text.find(figure.surface) if figure.surface else -1
    ordinal = count_numbers(figure.text[: max(position, 0)])
    return masked, ordinal, figure.unit or ""


def _stated(figure: Figure) -> tuple[object, ...]:
    return (figure.value, figure.low, figure.high, figure.qualifier)


def _order(figure: Figure) -> tuple[str, int, int]:
    return (figure.path, figure.line, figure.column)


def _side(figures: Sequence[Figure]) -> str:
    head = figures[0]
    where = f"{head.path}:{head.line}" + (f", {head.source}" if head.source else "")
    more = f" and {len(figures) - 1} more" if len(figures) > 1 else ""
    return f"{describe(head)} ({where}){more}"


def _by_start(by_start: dict[tuple[int, int] | None, list[Figure]]) -> list[list[Figure]]:
    """Running totals of one as-of month, split by the month they count from.

    "Since the war began" and "since January" are different totals. A total with no stated
    start joins the only stated start there is; with several, it is compared with none.
    """
    starts = [key for key in by_start if key is not None]
    if len(starts) == 1 and None in by_start:
        return [[*by_start[starts[0]], *by_start[None]]]
    return list(by_start.values())


def _whole_year(day: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The year an as-of date on its last day stands for (all "as of 2010" gives), else None."""
    if day is None or (day.month, day.day) != (12, 31):
        return None
    return dt.date(day.year, 1, 1), day


def _time_windows(
    dated: list[tuple[dt.date, Figure]], window: dt.timedelta
) -> Iterator[list[Figure]]:
    """Runs of period-less figures whose as-of dates lie within `window` of the run's first.

    A value may change over time (an age limit raised by law), so only figures stated close
    together in time are compared. Sorting first keeps this linear after the sort.
    """
    dated.sort(key=lambda item: (item[0], _order(item[1])))
    run: list[Figure] = []
    anchor: dt.date | None = None
    for as_of, figure in dated:
        if anchor is not None and as_of - anchor > window:
            yield run
            run = []
        if not run:
            anchor = as_of
        run.append(figure)
    if run:
        yield run


def _conflicts(bucket: list[Figure], tolerance: float) -> list[tuple[list[Figure], list[Figure]]]:
    """(outlier cluster, main cluster) pairs whose intervals cannot overlap.

    Sorting by interval and sweeping merges figures whose intervals chain into clusters in
    O(n log n). One cluster means agreement. Otherwise the largest cluster (earliest on a tie)
    is the main account and every other cluster is reported once against it.
    """
    spans = sorted(
        ((interval(figure, tolerance), figure) for figure in bucket),
        key=lambda item: (item[0], _order(item[1])),
    )
    clusters: list[list[Figure]] = []
    reach = -float("inf")
    for span, figure in spans:
        if not clusters or span.low > reach:
            clusters.append([])
        clusters[-1].append(figure)
        reach = max(reach, span.high)
    if len(clusters) < 2:
        return []
    for cluster in clusters:
        cluster.sort(key=_order)
    main = min(clusters, key=lambda c: (-len(c), _order(c[0])))
    return [
        (cluster, main)
        for cluster in clusters
        if cluster is not main and not _one_sentence([*cluster, *main])
    ]


def _other_occasions(first: Sequence[Figure], second: Sequence[Figure]) -> bool:
    """Whether every figure on each side is of a known day, and no day of one side is within a
    day of the other's: "Bryant scored 31 points" after "The Lakers beat the Celtics on
    Sunday" and "Bryant scored 18 points" after "... lost to the Suns on Monday" a week
    later are two games' points, whenever the articles were published."""
    return _apart(first, second, _occasions)


def _other_periods(first: Sequence[Figure], second: Sequence[Figure]) -> bool:
    """Whether every figure on each side covers a known period, and no period of one side
    shares a day with the other's: "the festival was held in June 2019 and drew 40,000
    visitors" and the same words of June 2021 with 25,000 are two years' festivals, not a copy
    with its figure changed."""
    return _apart(first, second, _periods)


_Spans = Callable[[Sequence[Figure]], list[tuple[dt.date, dt.date]] | None]


def _apart(first: Sequence[Figure], second: Sequence[Figure], spans: _Spans) -> bool:
    """Whether `spans` gives every figure of both sides a span and no span of one side shares
    a day with one of the other's."""
    first_spans, second_spans = spans(first), spans(second)
    if first_spans is None or second_spans is None:
        return False
    return all(a[1] < b[0] or b[1] < a[0] for a in first_spans for b in second_spans)


def _periods(figures: Sequence[Figure]) -> list[tuple[dt.date, dt.date]] | None:
    """Each figure's period; None when one of them has none."""
    periods: list[tuple[dt.date, dt.date]] = []
    for figure in figures:
        if figure.period_start is None or figure.period_end is None:
            return None
        periods.append((figure.period_start, figure.period_end))
    return periods


def _occasions(figures: Sequence[Figure]) -> list[tuple[dt.date, dt.date]] | None:
    """The day each figure is of (its paragraph's event, or a period of one day) with the day
    after it, when its reports may still date it; None when one of them has none. Two such
    spans share a day exactly when their days are at most a day apart."""
    days: list[tuple[dt.date, dt.date]] = []
    for figure in figures:
        if figure.occasion is not None:
            day = figure.occasion
        elif figure.period_start is not None and figure.period_start == figure.period_end:
            day = figure.period_start
        else:
            return None
        days.append((day, day + _SAME_OCCASION))
    return days


# Days apart that one occasion's reports may still date it: "late Sunday" is Monday's news.
_SAME_OCCASION = dt.timedelta(days=1)


def _holds_for_good(key: tuple[str, ...]) -> bool:
    """A size (no event happened to it), or an age at what happens once ("died on 7 June 1998,
    aged 83"): whatever date its sentence gives, the figure holds for good."""
    attribute, predicate, dimension = key[0], key[1], key[-1]
    return (dimension in LASTING_DIMENSIONS and not predicate) or (
        attribute == "age" and happens_once(predicate)
    )


def _falling(
    bucket: list[Figure], stated: dict[int, dt.date], tolerance: float
) -> list[tuple[list[Figure], list[Figure]]]:
    """Conflicts of a count that may only grow: figures of one day that disagree, and a figure
    below one stated on an earlier day (the highest earlier one is the main account). One
    sweep by date after a sort."""
    by_day: dict[dt.date, list[Figure]] = {}
    for figure in bucket:
        by_day.setdefault(stated[id(figure)], []).append(figure)
    found: list[tuple[list[Figure], list[Figure]]] = []
    highest: tuple[float, Figure] | None = None  # the largest low bound of earlier days
    for day in sorted(by_day):
        figures = sorted(by_day[day], key=_order)
        found += _conflicts(figures, tolerance)
        if highest is not None:
            below = [f for f in figures if interval(f, tolerance).high < highest[0]]
            if below:
                found.append((below, [highest[1]]))
        for figure in figures:
            low = interval(figure, tolerance).low
            if highest is None or low > highest[0]:
                highest = (low, figure)
    return found


def _by_values(
    conflicts: list[tuple[list[Figure], list[Figure]]],
) -> list[tuple[list[Figure], list[Figure]]]:
    """Conflicts between the same stated values in the same period merged into one, each side
    in article order: copies of a story published on many days, or in several time windows,
    repeat one disagreement, which an editor reads once. Either side may be the outlier of a
    conflict; the first conflict between two values says which is."""
    merged: dict[tuple[object, ...], dict[frozenset[object], dict[int, Figure]]] = {}
    for outlier, main in conflicts:
        values = (frozenset(map(_stated, outlier)), frozenset(map(_stated, main)))
        key = (period_label(outlier[0]), frozenset(values))
        sides = merged.setdefault(key, {values[0]: {}, values[1]: {}})
        for side, figures in zip(values, (outlier, main), strict=True):
            sides[side].update((id(figure), figure) for figure in figures)
    # Two sides of a conflict never state the same values, so each entry holds two sides.
    return [
        (sorted(outlier.values(), key=_order), sorted(main.values(), key=_order))
        for outlier, main in (tuple(sides.values()) for sides in merged.values())
    ]


def _range_conflicts(
    bucket: list[Figure], tolerance: float
) -> list[tuple[list[Figure], list[Figure]]]:
    """Ranges whose ends differ ("aged 18 to 30" vs "aged 18 to 35"), which overlap and so pass
    the interval sweep. Ranges are clustered by their ends, one pass after a sort."""
    ranges = sorted(
        (f for f in bucket if f.qualifier is Qualifier.RANGE),
        key=lambda f: (f.low or f.value, f.high or f.value, _order(f)),
    )
    clusters: list[list[Figure]] = []
    for figure in ranges:
        if clusters and same_range(clusters[-1][0], figure, tolerance):
            clusters[-1].append(figure)
        else:
            clusters.append([figure])
    if len(clusters) < 2:
        return []
    main = min(clusters, key=lambda c: (-len(c), _order(min(c, key=_order))))
    return [
        (sorted(cluster, key=_order), sorted(main, key=_order))
        for cluster in clusters
        if cluster is not main and not _one_sentence([*cluster, *main])
    ]


def _one_sentence(figures: Sequence[Figure]) -> bool:
    """All from one sentence: "rose from 20,000 to 35,000" compares values, it does not
    contradict itself."""
    return len({(f.path, f.line, f.sentence_index) for f in figures}) == 1
