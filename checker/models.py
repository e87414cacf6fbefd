"""Pydantic models at the pipeline's boundaries.

Article -> Claim (Figure | DateClaim | Attribution | PersonClaim) -> Finding -> Report.
Claims are flat on purpose: every field of the SPEC's `checker claims` table is an attribute,
so reports and the JSON Lines export need no per-kind translation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Qualifier(StrEnum):
    """How a figure's value holds. `change` marks a change or an earlier level ("rose by 5%",
    "fell 3 points", "up from 20,000"), never compared with a level."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"
    CHANGE = "change"


class Modality(StrEnum):
    FACT = "fact"
    ESTIMATE = "estimate"
    TARGET = "target"
    FORECAST = "forecast"


class Granularity(StrEnum):
    """How precise a date is. Day, month and year are calendar units; the others name a
    period that a date claim's `date` and `end` bound (a week runs Monday to Sunday, a season
    three months of the northern year, a decade "the 1890s", a century "the 19th century")."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class DateSource(StrEnum):
    METADATA = "metadata"
    INFERRED = "inferred"
    UNKNOWN = "unknown"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def __setstate__(self, state: dict[Any, Any]) -> None:
        # Claims arrive pickled from worker processes by the hundred thousand, each with its own
        # copy of the set of field names it was given: that set took more memory than the
        # claim's values. Models of one shape now share one set. Sharing is safe because these
        # models are frozen: pydantic copies the set before changing it (`model_copy`).
        names = state.get("__pydantic_fields_set__")
        if names is not None:
            state = {**state, "__pydantic_fields_set__": _shared_names(frozenset(names))}
        super().__setstate__(state)


def share_field_names(models: Iterable[BaseModel]) -> None:
    """Let models of one shape share one set of field names, as unpickled ones do (see
    `Frozen.__setstate__`): for claims validated from the extraction cache by the hundred
    thousand. Only for frozen models, whose set pydantic never changes in place."""
    for model in models:
        shared = _shared_names(frozenset(model.model_fields_set))
        object.__setattr__(model, "__pydantic_fields_set__", shared)  # as pydantic sets it


# Claims stored without their None fields come in a few hundred shapes.
@lru_cache(maxsize=4096)
def _shared_names(names: frozenset[str]) -> set[str]:
    return set(names)


class Sentence(Frozen):
    """One sentence of an article's body, located in the source file."""

    text: str
    line: int  # 1-based line in the source file
    column: int  # 1-based column in that line
    paragraph: int  # index of the paragraph (block of lines) the sentence is in
    index: int  # position of the sentence in the article


class Article(Frozen):
    """A loaded file: metadata plus the body text with its map back to source lines."""

    path: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    date: dt.date | None = None
    date_source: DateSource = DateSource.UNKNOWN
    body: str
    # line_numbers[i] is the source line of body line i (front matter and HTML shift them).
    line_numbers: tuple[int, ...]
    sha256: str = ""


class Frame(Frozen):
    """What a figure or a date is about, read from the parse of its sentence.

    `anchor`: who or what it is about, full names as the article gives them: its primary name
    first (the owner of the noun phrase, the clause's subject or agent, a pronoun resolved, or
    with no name in the sentence the paragraph's or the title's entity), then the other named
    entities of its clause. `anchor_from` says where the first name came from; "clause" means
    there is no primary name, only the clause's entities. `predicate`: the lemma of the
    governing verb or noun ("kill", "bear", "lay down"), empty for verbs that carry no event of
    their own ("be", "say"). `attribute`: what is counted or measured, lemmatized ("soldier",
    "stage length"), empty when the number stands alone. `scope`: the date expressions of its
    sentence as written ("this season; yesterday"), which may say what time it covers.
    `setting`: the place a relative clause sets a figure in ("at Marlow Tech, where he ran for
    5,912 yards" -> "Marlow Tech"): it holds there only.
    `joined`: the clause names several places or parties together ("the embassies in Arden
    and Molk", "Russia and Ukraine lost"): a figure of it is their total.
    `label`: what a figure counts as its sentence words it ("soldiers killed"), for reports;
    matching reads the lemmas, never the label.
    `first`: a date is of the event's first occurrence ("was first published in 1971"): an
    occurrence dated before it is wrong, one dated after it may be another.
    `first_of_all`: the event is the first of all its noun names ("the first walk took
    place", not "the first walk in Canada"): nothing its noun names took place before it,
    however another sentence words it.
    `done_by`: a date of a saying that reports the event as done ("in 2009, organizers
    claimed to have held walks"): the event took place then or before.
    """

    anchor: tuple[str, ...] = ()
    anchor_from: Literal["owner", "subject", "pronoun", "clause", "paragraph", "title", ""] = ""
    aliases: tuple[str, ...] = ()  # other names the article gives the first ("also known as")
    predicate: str = ""
    attribute: str = ""
    scope: str = ""
    setting: str = ""
    joined: bool = False
    label: str = ""
    first: bool = False
    first_of_all: bool = False
    done_by: bool = False

    @property
    def has_primary(self) -> bool:
        return bool(self.anchor) and self.anchor_from not in ("clause", "")


class ClaimBase(Frozen):
    path: str
    line: int
    column: int
    text: str  # the sentence the claim was read from
    surface: str = ""  # the words the claim was read from, inside `text`
    # Where the value itself (the number, the date expression) lies in `text`, [start, end).
    value_span: tuple[int, int] = (0, 0)
    sentence_index: int = 0
    paragraph: int = 0
    source: str | None = None  # who the sentence credits; the first of source_chain
    source_chain: tuple[str, ...] = ()
    # The organisation the credited person speaks for, as the article titles them: "Coastal
    # Agency" for "Coastal Agency Director Lena Ruiz". "The agency says" and "Ruiz said" credit
    # one source.
    source_affiliation: str | None = None


class Figure(ClaimBase):
    kind: Literal["figure"] = "figure"
    value: float
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = Qualifier.EXACT
    unit: str | None = None  # pint unit, canonical spelling ("kilometer ** 2"), None for counts
    # The noun after the number as a lemma ("soldier"), "age" for an age, "rank" for a
    # position; None when a unit is given. What the figure is about is its `frame`.
    noun: str | None = None
    subject: str = ""  # what it counts as its sentence words it: the frame's label
    modality: Modality = Modality.FACT
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    period_granularity: Granularity | None = None
    cumulative: bool = False  # a running total ("since the war began")
    # A position in an order, not an amount ("the 11th largest", "came fifth"): noun "rank".
    rank: bool = False
    as_of: dt.date | None = None  # the date the figure is valid at
    # The day of the event its paragraph opens with, for a figure with no time of its own:
    # "The Lakers beat the Celtics on Sunday. Bryant scored 31 points." -> that Sunday.
    occasion: dt.date | None = None
    superlative: str | None = None  # "largest since 2011" -> "largest"
    superlative_since: dt.date | None = None
    frame: Frame | None = None  # what it is about; None when the parse names nothing
    # The `value_span` of the figure in the same sentence this one converts: "43 miles (69 km)"
    restates: tuple[int, int] | None = None
    listed: int | None = None  # the items a bracket names right after it: "five (A, B, C, D, E)"


class DateClaim(ClaimBase):
    kind: Literal["date"] = "date"
    date: dt.date  # first day of the period
    end: dt.date | None = None  # last day, for periods ("between April and July")
    granularity: Granularity
    # A life date after a name, "(1815 – 1852)": "born" or "died", and the name. Any other date
    # says what it dates through its frame.
    event: str | None = None
    participants: tuple[str, ...] = ()
    relation: str = "on"  # on | since | until | between | before | after | planned
    # Read against the publication date, with no year written ("on Saturday", "April 9").
    relative: bool = False
    frame: Frame | None = None

    @property
    def happening(self) -> str:
        """What the date dates, in words: "born", "sign decree"; "" when nothing says."""
        if self.event:
            return self.event
        if self.frame is None:
            return ""
        return " ".join(part for part in (self.frame.predicate, self.frame.attribute) if part)

    @property
    def names(self) -> tuple[str, ...]:
        """Who or what it is about: the frame's anchor, else a life date's name."""
        return (
            self.frame.anchor if self.frame is not None and self.frame.anchor else self.participants
        )


class Attribution(ClaimBase):
    kind: Literal["attribution"] = "attribution"
    verb: str | None = None  # "according to", "said", "reported", "citing", "quote"
    quote: str | None = None  # a direct quote's words, when the claim is a quote
    cited_date: dt.date | None = None  # "according to Bloomberg on November 30"


class PersonClaim(ClaimBase):
    kind: Literal["person"] = "person"
    person: str
    title: str | None = None
    former: bool = False


Claim = Annotated[Figure | DateClaim | Attribution | PersonClaim, Field(discriminator="kind")]


class Evidence(Frozen):
    path: str
    line: int
    column: int = 1
    text: str
    value: float | None = None
    source: str | None = None
    date: str | None = None


class Finding(Frozen):
    rule: str
    severity: Severity
    message: str
    subject: str = ""
    fingerprint: str = ""
    evidence: tuple[Evidence, ...] = ()
    # Index in `evidence` of the place a one-location format points at (the article that
    # disagrees); set by the engine (`checker.consolidate`), None: the formats decide.
    primary: int | None = Field(None, exclude=True)


class ArticleInfo(Frozen):
    path: str
    date: dt.date | None = None
    date_source: DateSource = DateSource.UNKNOWN


class Diagnostic(Frozen):
    path: str
    message: str


class Summary(Frozen):
    articles: int = 0
    claims: int = 0
    error: int = 0
    warning: int = 0
    info: int = 0


class SubjectPoint(Frozen):
    """One figure of a subject, as a timeline draws it."""

    path: str
    line: int
    value: float
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = Qualifier.EXACT
    modality: Modality = Modality.FACT
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    as_of: dt.date | None = None
    source: str | None = None
    cumulative: bool = False
    finding: bool = False  # part of the evidence of a finding


class SubjectFigures(Frozen):
    """The figures of one subject across articles: what a report needs to draw its timeline."""

    subject: str  # display label: "residents evacuated"
    unit: str | None = None  # what a value counts or measures: "residents", "kilometer"
    points: tuple[SubjectPoint, ...] = ()


class Report(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    schema_: Literal["checker.report/1"] = Field("checker.report/1", alias="schema")
    articles: list[ArticleInfo] = []
    summary: Summary = Summary()
    findings: list[Finding] = []
    diagnostics: list[Diagnostic] = []
    config: str | None = None  # the config file in use, when there is one
    # Optional: the figures of every subject stated in more than one article, for timelines
    # (`--format html`, and `--format json` so that `checker report` can draw them later).
    # None (the default) leaves the key out of the JSON, so reports without it are unchanged.
    subjects: list[SubjectFigures] | None = None

    def to_json_dict(self) -> dict[str, Any]:
        document = self.model_dump(mode="json", by_alias=True)
        for optional in ("config", "subjects"):
            if getattr(self, optional) is None:
                del document[optional]
        return document
