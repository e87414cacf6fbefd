"""`title-mismatch`: a person given titles that cannot both hold at the article's date."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence

from checker.models import Claim, Evidence, Finding, PersonClaim, Severity
from checker.pairs import nearby_pairs
from checker.rule import ArchiveKey, Rule, RuleContext, RuleOptions
from checker.titles import name_key, parse_title, same_person, surname, titles_conflict


class TitleMismatchOptions(RuleOptions):
    # Two articles further apart than this may both be right: people change jobs.
    window_days: int = 60


class TitleMismatch(Rule):
    """A person is given titles that conflict at the article's date.

    ## What it does
    Reads each person's title ("former U.S. President Donald Trump", "Ukrainian Defense Minister
    Mykhailo Fedorov") and compares it with the facts register, when one is given, and with the
    titles other articles published at about the same time give the same person. Titles compare
    by their parts, so "U.S. President", "US president" and "President of the United States" are
    one role.

    ## Why it matters
    A wrong title misinforms the reader about who holds power; "former" in front of a sitting
    president is a classic slip that survives editing because it reads naturally.

    ## Flagged
    With a register listing Donald Trump as President of the United States from 2025-01-20, an
    article dated 2025-04-01 calling him "former U.S. President". Without a register, one article
    calling Mykhailo Fedorov "Defense Minister" and another of the same week "Foreign Minister".

    ## Not flagged
    "U.S. President" in one article and "President of the United States" in another; "Russian
    leader" next to "Russian President" (a generic word never conflicts); different titles in
    articles a year apart (people change jobs).

    ## Options
    `window_days` (default 60): articles further apart than this are not compared with each other.
    """

    id = "title-mismatch"
    severity = Severity.ERROR
    Options = TitleMismatchOptions
    archive_indexed = True

    def archive_keys(self, claim: Claim) -> Iterator[ArchiveKey]:
        """A titled person's surname: mentions are compared, and bare surnames resolved,
        within one surname."""
        if isinstance(claim, PersonClaim) and claim.title:
            yield ArchiveKey(f"{self.id}/surname:{surname(claim.person)}")

    def check(self, context: RuleContext) -> Iterator[Finding]:
        dated = [
            (claim, date)
            for claim in context.people
            if claim.title and (date := context.published(claim.path)) is not None
        ]
        if context.facts is not None:
            yield from self._against_register(context, dated)
        yield from self._across_articles(dated, context)

    def _against_register(
        self, context: RuleContext, dated: Sequence[tuple[PersonClaim, dt.date]]
    ) -> Iterator[Finding]:
        facts = context.facts
        assert facts is not None
        for claim, date in dated:
            title = claim.title or ""
            person = facts.find_person(claim.person)
            if person is None:
                continue
            roles = facts.roles_matching(claim.person, title)
            if not roles:
                continue
            former = claim.former or parse_title(title).former
            holding = [role for role in roles if role.holds_on(date)]
            shown = f"former {title}" if claim.former and not parse_title(title).former else title
            if former and holding:
                role = holding[0]
                reason = f"the facts register has {role.title} from {role.start.isoformat()}"
                reason += f" to {role.end.isoformat()}" if role.end else " with no end"
            elif not former and not holding:
                periods = ", ".join(
                    f"{r.start.isoformat()}..{r.end.isoformat() if r.end else ''}" for r in roles
                )
                reason = f"the facts register has {roles[0].title} only for {periods}"
            else:
                continue
            register = Evidence(
                path=facts.path,
                line=person.line,
                text=f"register: {person.name}: {roles[0].title}",
                source="facts register",
            )
            yield self.finding(
                f"{person.name} is called “{shown}” in an article of {date.isoformat()} "
                f"({claim.path}:{claim.line}), but {reason}",
                [claim],
                subject=name_key(person.name),
                extra=[register],
            )

    def _across_articles(
        self, dated: Sequence[tuple[PersonClaim, dt.date]], context: RuleContext
    ) -> Iterator[Finding]:
        assert isinstance(self.options, TitleMismatchOptions)
        window = self.options.window_days
        full_names: dict[str, set[str]] = defaultdict(set)  # surname -> full-name keys
        for claim, _ in dated:
            key = name_key(claim.person)
            if " " in key:
                full_names[surname(key)].add(key)
        blocks: dict[str, list[tuple[PersonClaim, dt.date, str]]] = defaultdict(list)
        for claim, date in dated:
            key = name_key(claim.person)
            if " " not in key:
                # A bare surname counts only when one full name in the run carries it.
                candidates = full_names.get(key, set())
                if len(candidates) != 1:
                    continue
                key = next(iter(candidates))
            blocks[surname(key)].append((claim, date, key))
        seen: set[tuple[str, ...]] = set()
        for block in blocks.values():
            titles = [_full_title(claim) for claim, _, _ in block]
            for i, j in _within_window(block, window, titles):
                first, first_date, first_key = block[i]
                second, second_date, second_key = block[j]
                if first.path == second.path:
                    continue
                # Two unfocused articles: a finding that would be dropped, and whose marker
                # (it names both paths) can never hide a focused one.
                if not (context.in_focus(first.path) or context.in_focus(second.path)):
                    continue
                if not same_person(first_key, second_key):
                    continue
                first_title, second_title = titles[i], titles[j]
                if not titles_conflict(first_title, second_title):
                    continue
                marker = (first_key, *sorted([first.path, second.path]))
                marker += tuple(sorted([first_title.lower(), second_title.lower()]))
                if marker in seen:
                    continue
                seen.add(marker)
                earlier, later = sorted(
                    [(first_date, first, first_title), (second_date, second, second_title)],
                    key=lambda item: (item[0], item[1].path),
                )
                yield self.finding(
                    f"{later[1].person} is “{earlier[2]}” in {earlier[1].path}:"
                    f"{earlier[1].line} ({earlier[0].isoformat()}) but “{later[2]}” in "
                    f"{later[1].path}:{later[1].line} ({later[0].isoformat()})",
                    [earlier[1], later[1]],
                    subject=first_key,
                )


def _within_window(
    block: Sequence[tuple[PersonClaim, dt.date, str]], window: int, titles: Sequence[str]
) -> list[tuple[int, int]]:
    """Index pairs (i < j) of the block dated at most `window` days apart, with different
    `titles` (one title never conflicts with itself).

    A much-quoted official has thousands of mentions, nearly all with one title; sorting by
    date and sweeping keeps the work to the pairs inside the window instead of all pairs, and a
    block with one title has none. Pairs come back in (i, j) order, the order of the all-pairs
    loop, so the same pair of mentions is reported as before.
    """
    if len(set(titles)) < 2:
        return []
    days = [float(date.toordinal()) for _, date, _ in block]
    return nearby_pairs(days, lambda _: window, lambda i, j: titles[i] != titles[j])


def _full_title(claim: PersonClaim) -> str:
    title = claim.title or ""
    if claim.former and not parse_title(title).former:
        return f"former {title}"
    return title
