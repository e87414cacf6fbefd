from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from checker.diff import (
    ChangeKind,
    DiffError,
    diff_claims,
    diff_paths,
    render_diff,
    summary_line,
)
from checker.models import (
    Article,
    Attribution,
    Claim,
    DateClaim,
    Figure,
    Frame,
    Granularity,
    Modality,
    PersonClaim,
    Qualifier,
)

DEC = dt.date(2025, 12, 1)
DEC_END = dt.date(2025, 12, 31)


def frame(predicate: str, attribute: str, anchor: str = "", **extra: Any) -> Frame:
    """What a figure is about, as the parse would give it; `anchor` named by the sentence."""
    named: dict[str, Any] = {"anchor": (anchor,), "anchor_from": "owner"} if anchor else {}
    return Frame(predicate=predicate, attribute=attribute, **named, **extra)


SOLDIERS = frame("kill", "soldier", "Russia")


def figure(value: float, line: int = 3, *, path: str = "v1.md", **extra: Any) -> Figure:
    fields: dict[str, Any] = {
        "path": path,
        "line": line,
        "column": 1,
        "text": f"Kyiv said its army stopped {value:,.0f} Russian soldiers last month.",
        "subject": "russian soldiers killed",
        "frame": SOLDIERS,
        "period_start": DEC,
        "period_end": DEC_END,
        "period_granularity": Granularity.MONTH,
        "source": "Mykhailo Fedorov",
    }
    fields.update(extra)
    return Figure(value=value, **fields)


def date_claim(day: dt.date, line: int = 5, *, path: str = "v1.md", **extra: Any) -> DateClaim:
    fields: dict[str, Any] = {
        "path": path,
        "line": line,
        "column": 1,
        "text": "The president put his name to the levy decree that week.",
        "event": "decree signed",
        "participants": ("Vladimir Putin",),
        "granularity": Granularity.DAY,
    }
    fields.update(extra)
    return DateClaim(date=day, **fields)


def person(title: str | None, line: int = 7, *, path: str = "v1.md", **extra: Any) -> PersonClaim:
    return PersonClaim(
        path=path,
        line=line,
        column=1,
        text="The minister spoke to reporters in Kyiv on Tuesday.",
        person="Mykhailo Fedorov",
        title=title,
        **extra,
    )


def quote(source: str, line: int = 9, *, path: str = "v1.md") -> Attribution:
    return Attribution(
        path=path,
        line=line,
        column=1,
        text=f'"The reserve is a trap," {source} told the paper.',
        verb="quote",
        quote="The reserve is a trap",
        source=source,
    )


def as_new(claims: list[Claim], shift: int = 0) -> list[Claim]:
    """The same claims in the NEW file, every line moved down by `shift`."""
    return [c.model_copy(update={"path": "v2.md", "line": c.line + shift}) for c in claims]


# --- matching ----------------------------------------------------------------------------


def test_identical_claims_on_moved_lines_are_unchanged() -> None:
    old: list[Claim] = [figure(35000), date_claim(dt.date(2025, 12, 8)), person("Defense Minister")]
    assert diff_claims(old, as_new(old, shift=12)) == []


def test_a_changed_figure_value_is_one_changed_claim() -> None:
    changes = diff_claims([figure(35000)], [figure(53000, line=4, path="v2.md")])
    assert len(changes) == 1
    change = changes[0]
    assert (change.change, change.kind, change.field) == (ChangeKind.CHANGED, "figure", "value")
    assert change.old is not None and change.new is not None
    assert (change.old.path, change.old.line) == ("v1.md", 3)
    assert (change.new.path, change.new.line) == ("v2.md", 4)
    assert change.detail.startswith("35,000 → 53,000 ")  # in an editor's words
    assert "value" not in change.detail


def test_a_changed_qualifier_is_reported() -> None:
    new = figure(35000, path="v2.md", qualifier=Qualifier.AT_LEAST)
    [change] = diff_claims([figure(35000)], [new])
    assert change.field == "qualifier"


def test_figures_of_other_subjects_are_not_paired_as_changes() -> None:
    # One figure removed and an unrelated one added in a far different sentence.
    recruits = frame("recruit", "soldier", "Russia")
    old = [figure(35000), figure(9000, line=8, frame=recruits, text="Recruits: 9,000.")]
    new = [
        *as_new([figure(35000)]),
        figure(
            400,
            line=20,
            path="v2.md",
            frame=frame("launch", "drone"),
            subject="drones launched",
            text="Overnight the air force counted four hundred drones over the capital.",
        ),
    ]
    kinds = sorted((c.change.value, c.kind) for c in diff_claims(old, new))
    assert kinds == [("added", "figure"), ("removed", "figure")]


def test_a_figure_moved_to_another_month_in_a_similar_sentence_is_changed() -> None:
    nov: dict[str, Any] = {
        "period_start": dt.date(2025, 11, 1),
        "period_end": dt.date(2025, 11, 30),
    }
    [change] = diff_claims([figure(35000)], [figure(35000, path="v2.md", **nov)])
    assert change.change is ChangeKind.CHANGED
    assert change.fields == ("period",)
    assert change.detail.endswith(": period December 2025 → November 2025")


def test_a_period_the_extractor_missed_on_one_side_is_no_change() -> None:
    new = figure(35000, path="v2.md", period_start=None, period_end=None)
    assert diff_claims([figure(35000)], [new]) == []


REWORDED: dict[str, Any] = {
    "path": "v2.md",
    "subject": "mobilization reserve",
    "frame": frame("call", "reserve", "ministry"),
    "text": "A law adopted late last year lets the ministry call on a reserve of 2 million people.",
}


def test_a_reworded_sentence_with_the_same_amount_is_no_change() -> None:
    old = figure(
        2e6, frame=frame("mobilize", "reserve"), subject="reserve mobilized", text="A 2m reserve."
    )
    assert diff_claims([old], [figure(2e6, **REWORDED)]) == []


def test_a_reworded_sentence_with_another_qualifier_is_a_change() -> None:
    old = figure(
        2e6, frame=frame("mobilize", "reserve"), subject="reserve mobilized", text="Reserve: 2m."
    )
    new = figure(2e6, qualifier=Qualifier.AT_LEAST, **REWORDED)
    [change] = diff_claims([old], [new])
    assert change.fields == ("qualifier",)


def test_a_changed_cited_date_or_chain_of_an_attribution() -> None:
    def credit(path: str, chain: tuple[str, ...], day: int) -> Attribution:
        return Attribution(
            path=path,
            line=1,
            column=1,
            text=f"A new call-up is being prepared, a paper wrote, citing a report of March {day}.",
            verb="according to",
            source=chain[0],
            source_chain=chain,
            cited_date=dt.date(2026, 3, day),
        )

    old = credit("v1.md", ("The Moscow Times", "ISW"), 19)
    [change] = diff_claims([old], [credit("v2.md", ("The Moscow Times", "ISW"), 18)])
    assert change.fields == ("cited_date",)
    assert change.detail.endswith("date of the cited report March 19, 2026 → March 18, 2026")
    [change] = diff_claims([old], [credit("v2.md", ("The Moscow Times", "Bloomberg"), 19)])
    assert change.fields == ("source_chain",)
    # A chain shortened in a rewrite ("citing ISW" dropped) is not another source.
    assert diff_claims([old], [credit("v2.md", ("The Moscow Times",), 19)]) == []


def test_a_figure_stated_twice_then_once_changes_nothing() -> None:
    old: list[Claim] = [figure(35000), figure(35000, line=12)]
    assert diff_claims(old, as_new(old[:1])) == []


def test_a_changed_date_for_the_same_event() -> None:
    old = [date_claim(dt.date(2025, 12, 8))]
    new = [date_claim(dt.date(2025, 12, 18), path="v2.md")]
    [change] = diff_claims(old, new)
    assert (change.kind, change.field) == ("date", "date")


def test_a_figure_credited_to_someone_else() -> None:
    [change] = diff_claims([figure(35000)], [figure(35000, path="v2.md", source="NATO")])
    assert (change.kind, change.field) == ("figure", "source")


def test_a_fuller_name_for_the_same_source_is_no_change() -> None:
    new = [figure(35000, path="v2.md", source="Ukrainian Defense Minister Mykhailo Fedorov")]
    assert diff_claims([figure(35000)], new) == []


def test_a_quote_credited_to_someone_else() -> None:
    [change] = diff_claims([quote("Ivan Petrov")], [quote("Olga Sidorova", path="v2.md")])
    assert (change.kind, change.field) == ("attribution", "source")


def test_attribution_of_a_figure_sentence_is_reported_once() -> None:
    credit = Attribution(
        path="v1.md", line=3, column=1, text="x", verb="said", source="Mykhailo Fedorov"
    )
    old: list[Claim] = [figure(35000), credit]
    new: list[Claim] = [
        figure(35000, path="v2.md", source="NATO"),
        credit.model_copy(update={"path": "v2.md", "source": "NATO"}),
    ]
    assert [c.kind for c in diff_claims(old, new)] == ["figure"]


def test_a_person_with_another_title() -> None:
    [change] = diff_claims([person("Defense Minister")], [person("Prime Minister", path="v2.md")])
    assert (change.kind, change.field) == ("person", "title")


def test_a_longer_form_of_the_same_title_is_no_change() -> None:
    new = person("Ukrainian Defense Minister", path="v2.md")
    assert diff_claims([person("Defense Minister")], [new]) == []


def test_a_rank_word_makes_another_title() -> None:
    new = person("Deputy Defense Minister", path="v2.md")
    [change] = diff_claims([person("Defense Minister")], [new])
    assert change.field == "title"


def test_a_title_dropped_in_a_rewrite_is_no_change() -> None:
    assert diff_claims([person("Defense Minister")], [person(None, path="v2.md")]) == []


def test_added_and_removed_people() -> None:
    other = PersonClaim(
        path="v2.md", line=2, column=1, text="Someone else spoke.", person="Kaja Kallas"
    )
    changes = diff_claims([person("Defense Minister")], [other])
    assert sorted(c.change.value for c in changes) == ["added", "removed"]


def test_a_changed_modality_is_a_different_figure() -> None:
    target = figure(50000, path="v2.md", modality=Modality.TARGET, text="The goal is 50,000.")
    changes = diff_claims([figure(35000)], [*as_new([figure(35000)]), target])
    assert [(c.change.value, c.kind) for c in changes] == [("added", "figure")]


# --- pairing by frame --------------------------------------------------------------------

EVACUATED = frame("evacuate", "resident", "Dravik Council")
EVACUATION = "Dravik Council evacuated 1,200 residents from the river towns last month."
MOVED_OUT = "Last month 1,200 people were moved out of the riverside towns on the council's orders."
SURGE = "The storm surge was the highest since 1999, the weather office said."
TOLL = "The storm killed 14 people and injured 37 people in Dravik, the coast guard said."


def _age(value: float, name: str, *, path: str = "v1.md") -> Figure:
    return figure(
        value,
        path=path,
        frame=frame("", "age", name),
        subject="age",
        text=f"Harbour master {name}, {value:.0f}, closed the port on Monday.",
    )


def _toll(killed: float, injured: float, *, path: str = "v1.md", **extra: Any) -> list[Claim]:
    text = TOLL.replace("14", f"{killed:.0f}").replace("37", f"{injured:.0f}")
    # The display subject reads "people" for both: only the frames tell them apart.
    return [
        figure(
            killed, path=path, frame=frame("kill", "people"), subject="people", text=text, **extra
        ),
        figure(
            injured,
            path=path,
            frame=frame("injure", "people"),
            subject="people",
            text=text,
            **extra,
        ),
    ]


NOVEMBER: dict[str, Any] = {
    "period_start": dt.date(2025, 11, 1),
    "period_end": dt.date(2025, 11, 30),
}


# (old claims, new claims, [(change, fields, old value, new value)], sorted)
FRAME_CASES: dict[str, tuple[list[Claim], list[Claim], list[tuple[Any, ...]]]] = {
    "a reworded sentence with the same frame is unchanged": (
        [figure(1200, frame=EVACUATED, subject="residents evacuated", text=EVACUATION)],
        [figure(1200, path="v2.md", frame=EVACUATED, subject="people moved", text=MOVED_OUT)],
        [],
    ),
    "a new value in a reworded sentence with the same frame is changed": (
        [figure(1200, frame=EVACUATED, subject="residents evacuated", text=EVACUATION)],
        [
            figure(
                1300,
                path="v2.md",
                frame=EVACUATED,
                subject="people moved",
                text=MOVED_OUT.replace("1,200", "1,300"),
            )
        ],
        [("changed", ("value",), 1200, 1300)],
    ),
    "two people's ages in alike sentences are two facts": (
        [_age(61, "Edvin Solberg")],
        [_age(57, "Petra Lund", path="v2.md")],
        [("added", (), None, 57), ("removed", (), 61, None)],
    ),
    "two people of one age in alike sentences are two facts": (
        [_age(61, "Edvin Solberg")],
        [_age(61, "Petra Lund", path="v2.md")],
        [("added", (), None, 61), ("removed", (), 61, None)],
    ),
    "killed and injured in one sentence pair by predicate, not by an equal value": (
        _toll(14, 37),
        _toll(12, 14, path="v2.md"),
        [("changed", ("value",), 14, 12), ("changed", ("value",), 37, 14)],
    ),
    # Both keys change with the month, so the similarity pass pairs them (injured listed first).
    "killed and injured moved to another month pair by predicate": (
        _toll(14, 37),
        _toll(14, 37, path="v2.md", **NOVEMBER)[::-1],
        [("changed", ("period",), 14, 14), ("changed", ("period",), 37, 37)],
    ),
}


def _value(side: Any) -> float | None:
    return None if side is None else side.claim["value"]


@pytest.mark.parametrize(("old", "new", "expected"), FRAME_CASES.values(), ids=list(FRAME_CASES))
def test_figures_pair_by_their_frames(
    old: list[Claim], new: list[Claim], expected: list[tuple[Any, ...]]
) -> None:
    changes = diff_claims(old, new)
    found = sorted((c.change.value, c.fields, _value(c.old), _value(c.new)) for c in changes)
    assert found == expected


def test_another_predicate_is_a_change_of_what_is_counted() -> None:
    killed = _toll(14, 37)[0]
    assert isinstance(killed, Figure)
    injured = killed.model_copy(update={"path": "v2.md", "frame": frame("injure", "people")})
    [change] = diff_claims([killed], [injured])
    assert change.fields == ("subject",)
    # The display subject reads the same on both sides, so the frames say what changed.
    assert change.detail.endswith(": what is counted kill → injure")


@pytest.mark.parametrize(
    ("since", "word", "shown"),
    [
        (1999, "lowest", "highest since 1999 → lowest since 1999"),
        (2005, "highest", "highest since 1999 → highest since 2005"),
        (None, None, "highest since 1999 → none"),
    ],
)
def test_a_changed_superlative_is_reported(since: int | None, word: str | None, shown: str) -> None:
    def called(word: str | None, since: int | None, path: str) -> Figure:
        return figure(
            3.2,
            path=path,
            unit="meter",
            frame=frame("", "height", "storm surge"),
            subject="height",
            superlative=word,
            superlative_since=dt.date(since, 1, 1) if since else None,
            text=SURGE.replace("highest", word or "highest").replace("1999", str(since or 1999)),
        )

    [change] = diff_claims([called("highest", 1999, "v1.md")], [called(word, since, "v2.md")])
    assert (change.change, change.fields) == (ChangeKind.CHANGED, ("superlative",))
    assert change.detail.endswith(f": superlative {shown}")


# --- files and folders -------------------------------------------------------------------


def _fake_extract(article: Article) -> list[Claim]:
    """One figure per line "killed: N" so folder handling is tested without the extractor."""
    claims: list[Claim] = []
    for number, line in enumerate(article.body.splitlines(), start=1):
        match = re.fullmatch(r"killed: (\d+)", line.strip())
        if match:
            claims.append(figure(float(match.group(1)), line=number, path=article.path))
    return claims


def test_folders_pair_articles_by_relative_path(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    for root in (old, new):
        (root / "desk").mkdir(parents=True)
    (old / "desk" / "a.md").write_text("intro\nkilled: 35000\n")
    (new / "desk" / "a.md").write_text("new intro\n\nkilled: 53000\n")
    (old / "gone.md").write_text("killed: 10\n")
    (new / "fresh.md").write_text("killed: 20\nkilled: 30\n")

    result = diff_paths(old, new, extract=_fake_extract)
    rows = [(c.change.value, c.kind, c.claims) for c in result.changes]
    assert ("changed", "figure", 1) in rows
    # A whole article is a heading, then every claim it counts, listed.
    assert ("removed", "article", 0) in rows and ("added", "article", 0) in rows
    assert rows.count(("added", "figure", 1)) == 2 and rows.count(("removed", "figure", 1)) == 1
    changed = next(c for c in result.changes if c.change is ChangeKind.CHANGED)
    assert changed.new is not None and changed.new.line == 3
    assert (
        summary_line(result) == "1 changed, 2 added, 1 removed claims (1 article added, 1 removed)"
    )


def test_two_files_pair_whatever_their_names(tmp_path: Path) -> None:
    (tmp_path / "v1.md").write_text("killed: 35000\n")
    (tmp_path / "v2.md").write_text("killed: 35000\n")
    assert diff_paths(tmp_path / "v1.md", tmp_path / "v2.md", extract=_fake_extract).changes == []


def test_a_file_against_a_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "v1.md").write_text("x\n")
    with pytest.raises(DiffError):
        diff_paths(tmp_path / "v1.md", tmp_path, extract=_fake_extract)


def test_an_extractor_that_raises_becomes_a_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "v1.md").write_text("x\n")
    (tmp_path / "v2.md").write_text("y\n")

    def broken(article: Article) -> list[Claim]:
        raise ValueError("boom")

    result = diff_paths(tmp_path / "v1.md", tmp_path / "v2.md", extract=broken)
    assert len(result.diagnostics) == 2 and "boom" in result.diagnostics[0].message


# --- output ------------------------------------------------------------------------------

HOSTILE = "Evil ```\n# Heading | cell <script>alert(1)</script> @octocat \x1b[31mred\x1b[0m ````"


def _hostile_changes() -> Any:
    old = figure(35000, text=HOSTILE, subject="# soldiers <b>killed</b> @team | x")
    new = figure(53000, path="v2.md", line=4, text=HOSTILE, subject=old.subject)
    return diff_paths_result(diff_claims([old], [new]))


def diff_paths_result(changes: Any) -> Any:
    from checker.diff import DiffResult

    return DiffResult(old="v1.md", new="v2.md", changes=changes)


def test_markdown_has_summary_and_diff_block() -> None:
    result = diff_paths_result(diff_claims([figure(35000)], [figure(53000, line=4, path="v2.md")]))
    text = render_diff(result, "markdown")
    assert text.splitlines()[0] == "**1 changed, 0 added, 0 removed claims**"
    assert "```diff\n- v1.md:3: Kyiv said" in text
    assert "\n+ v2.md:4: Kyiv said its army stopped 53,000" in text


def test_markdown_cannot_be_broken_by_article_text() -> None:
    text = render_diff(_hostile_changes(), "markdown")
    assert "\x1b" not in text
    # Outside the code block no tag survives; inside one, GitHub shows text literally.
    outside = re.sub(r"`````diff\n.*?\n`````", "", text, flags=re.S)
    assert "<script>" not in outside and "<b>" not in outside and "@team" not in outside
    # The fence is longer than the longest backtick run (4) in the text it holds.
    assert "`````diff\n" in text and text.rstrip().endswith("`````")
    heading = next(line for line in text.splitlines() if line.startswith("### "))
    assert "\\#" in heading and "\\|" in heading and "@&#8203;team" in heading
    # No article line starts a line of its own: every line in the block is "-" or "+".
    block = text.split("`````diff\n", 1)[1].split("\n`````", 1)[0]
    assert all(line[:2] in ("- ", "+ ") for line in block.splitlines())


def test_json_is_a_list_of_changes() -> None:
    data = json.loads(render_diff(_hostile_changes(), "json"))
    assert isinstance(data, list) and len(data) == 1
    item = data[0]
    assert (item["change"], item["kind"], item["field"]) == ("changed", "figure", "value")
    assert item["old"]["claim"]["value"] == 35000 and item["new"]["claim"]["value"] == 53000
    assert item["old"]["line"] == 3


def test_table_lists_each_change_without_control_characters() -> None:
    text = render_diff(_hostile_changes(), "table")
    assert text.startswith("1 changed, 0 added, 0 removed claims\n")
    assert "v1.md:3" in text and "v2.md:4" in text and "\x1b" not in text


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(DiffError):
        render_diff(diff_paths_result([]), "xml")


# --- the real extractor on the seed corpus ---------------------------------------------------


def test_a_seed_against_a_reflowed_copy_changes_nothing(seeds_dated: Path, tmp_path: Path) -> None:
    seed = sorted(seeds_dated.glob("*.md"))[0]
    text = seed.read_text(encoding="utf-8")
    head, _, body = text.partition("\n---\n")
    # Lines move (blank lines added between paragraphs), no fact changes.
    moved = head + "\n---\n\n\n" + body.replace("\n\n", "\n\n\n")
    (tmp_path / "v2.md").write_text(moved, encoding="utf-8")
    result = diff_paths(seed, tmp_path / "v2.md")
    assert result.diagnostics == []
    assert result.changes == []


def test_a_seed_with_one_figure_changed(seeds_dated: Path, tmp_path: Path) -> None:
    seed = next(p for p in sorted(seeds_dated.glob("*.md")) if "35,000" in p.read_text("utf-8"))
    from checker.extract import extract_article
    from checker.load import load

    claims = extract_article(load([seed]).articles[0])
    if not any(isinstance(c, Figure) and c.value == 35000 for c in claims):
        pytest.skip("figure extraction does not read this figure yet")
    (tmp_path / "v2.md").write_text(
        seed.read_text("utf-8").replace("35,000", "53,000", 1), encoding="utf-8"
    )
    changes = diff_paths(seed, tmp_path / "v2.md").changes
    assert [(c.change.value, c.kind, c.field) for c in changes] == [("changed", "figure", "value")]


# --- in an editor's words ---------------------------------------------------------------------


def test_a_changed_figure_reads_as_an_editor_writes_it() -> None:
    text = "Kyiv said its army stopped 35,000 Russian soldiers in December."
    old = figure(35000, text=text, source="Mykhailo Fedorov")
    new = figure(53000, path="v2.md", text=text.replace("35,000", "53,000"), source=old.source)
    [change] = diff_claims([old], [new])
    assert change.detail == (
        "35,000 → 53,000 Russian soldiers killed, December 2025, Mykhailo Fedorov"
    )
    heading = render_diff(diff_paths_result([change]), "markdown").splitlines()[2]
    assert heading == f"### Changed figure: {change.detail}"


def test_a_dropped_former_reads_as_the_two_titles() -> None:
    old = person("Defense Minister", former=True)
    [change] = diff_claims([old], [person("Defense Minister", path="v2.md")])
    assert change.detail == "Mykhailo Fedorov: “former Defense Minister” → “Defense Minister”"
    table = render_diff(diff_paths_result([change]), "table")
    assert "True" not in table and "False" not in table and "former" in table


# Invented rewordings read by the real extractor: (old sentence, new sentence, the figure
# changes as (change, first field)).
REWORDINGS = {
    "evacuated, reworded, new value": (
        "Rescuers evacuated 1,200 residents of Dravik on Monday.",
        "On Monday, 1,300 Dravik residents were evacuated by rescuers.",
        [("changed", "value")],
    ),
    "destroyed, reworded, new value": (
        "The fire destroyed 48 homes in Lisvik, officials said.",
        "Officials said 52 Lisvik homes were destroyed in the fire.",
        [("changed", "value")],
    ),
    "another person's age": (
        "Harbour master Edvin Solberg, 61, closed the port on Monday.",
        "Harbour master Petra Lund, 57, closed the port on Monday.",
        [("added", None), ("removed", None)],
    ),
    "superlative turned round": (
        "The storm surge was the highest since 1999, at 3.2 metres, the weather office said.",
        "The storm surge was the lowest since 1999, at 3.2 metres, the weather office said.",
        [("changed", "superlative")],
    ),
    "superlative from another year": (
        "The storm surge reached 3.2 metres, the highest since 1999, the weather office said.",
        "The storm surge reached 3.2 metres, the highest since 2005, the weather office said.",
        [("changed", "superlative")],
    ),
}


@pytest.mark.parametrize(("old", "new", "expected"), REWORDINGS.values(), ids=list(REWORDINGS))
def test_rewordings_read_by_the_extractor(
    old: str, new: str, expected: list[tuple[str, str | None]], tmp_path: Path
) -> None:
    head = "---\ntitle: Storm on the Kessel coast\ndate: 2026-03-04\n---\n\n"
    (tmp_path / "v1.md").write_text(head + old + "\n", encoding="utf-8")
    (tmp_path / "v2.md").write_text(head + new + "\n", encoding="utf-8")
    changes = diff_paths(tmp_path / "v1.md", tmp_path / "v2.md").changes
    assert sorted((c.change.value, c.field) for c in changes if c.kind == "figure") == expected
