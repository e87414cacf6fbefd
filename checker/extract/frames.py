"""Claim frames: what a figure or a date is about, read from the parse of its sentence.

A frame has three parts read here (the value, the time scope and the source are read by the
figure, date and attribution extractors):

- the **attribute**, what is counted or measured: the noun the number counts ("35,000 Russian
  soldiers" -> soldier), the noun a measurement describes ("a 607 km stage" -> stage), the
  noun of "a death toll of 35", or the subject of "the toll was 35"; with its adjectives and
  compound nouns, lemmatized;
- the **predicate**, the lemma of the verb or noun that governs it ("were killed" -> kill,
  "was laid down" -> lay down, "the deaths of" -> death); verbs that carry no event of their
  own ("be", "have", "say", "reach") leave it empty;
- the **anchor**, who or what it is about: the named entities of the figure's noun phrase and
  of its clause, the clause's subject (a pronoun resolved to the person or thing it stands
  for), else the paragraph's salient entity, else the article's title entity.

`FrameReader` holds the per-article state the anchor needs (the last person named, the title's
entity, the paragraph's entity, aliases) and is fed the article's parsed sentences in order.
Word lists are data (`checker/data/frames.toml`): they only say which verbs are light and which
entity labels can anchor; the vocabulary of predicates and attributes is open.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from checker.compare.anchors import name_key, names_match
from checker.data import load_data
from checker.models import Frame

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["FrameReader", "Mention"]

AnchorFrom = Literal["owner", "subject", "pronoun", "clause", "paragraph", "title", ""]

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_THING_PRONOUNS = frozenset({"it", "its", "itself", "they", "their", "them"})
_IT = frozenset({"it", "its", "itself"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Dependencies that open a clause of its own: its entities are not the figure's.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})
_TIME_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)
_OFFSET_WORDS = frozenset(
    {"before", "after", "ago", "later", "earlier", "remain", "left", "since", "until", "into"}
)
_CLOCK = re.compile(r"\d:\d|\b[ap]\.?m\b|\bgmt\b|\butc\b", re.I)
_ALIAS = re.compile(
    r"^\W*(?:also\s+(?:known\s+as|called|spelt|spelled|written)|a\.?k\.?a\.?|born|n[ée]e|"
    r"formerly|or)\W*$",
    re.I,
)


@dataclass(frozen=True)
class _Words:
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    anchor_labels: frozenset[str]
    time_nouns: frozenset[str]
    quantity_nouns: frozenset[str]
    labels: dict[str, str]
    size_verbs: frozenset[str]
    size_nouns: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_data("frames")
    reporting = frozenset(data["reporting_verbs"]["words"])
    return _Words(
        light_verbs=frozenset(data["light_verbs"]["words"]) | reporting,
        reporting_verbs=reporting,
        anchor_labels=frozenset(data["anchors"]["labels"]),
        time_nouns=frozenset(data["time_nouns"]["words"]),
        quantity_nouns=frozenset(data["quantity_nouns"]["words"]),
        labels=dict(data["labels"]),
        size_verbs=frozenset(data["measurement"]["verbs"]) | {"be", "locate", "lie", "sit"},
        size_nouns=frozenset(data["measurement"]["properties"]),
    )


@dataclass(frozen=True)
class Mention:
    """Where a claim's value lies in its parsed sentence, and what kind of claim it is."""

    start: int
    end: int
    kind: Literal["figure", "date", "age"]
    measured: bool = False  # a figure with a unit ("607 km"), not a count
    source: str | None = None  # who the sentence credits, as the attribution reader resolved it


@dataclass
class FrameReader:
    """Reads frames sentence by sentence, in article order (the anchor needs what came before)."""

    title_entity: str | None = None
    # The title's entity when it is a person the article names: "he" in an encyclopedia's
    # article about someone is that someone.
    title_person: str | None = None
    # Surname or short name -> the full name the article gave first ("Baker" -> "Marina Baker").
    aliases: dict[str, str] = field(default_factory=dict)
    last_person: str | None = None
    people: set[str] = field(default_factory=set)  # the persons named so far
    # A name -> the other names the article says it goes by ("also known as Carl Weiss"),
    # which other articles may use alone.
    other_names: dict[str, list[str]] = field(default_factory=dict)
    paragraph: int = -1
    paragraph_entity: str | None = None

    def read_title(self, doc: Doc, body: str) -> None:
        """The article's title entity: its first named entity that the body names too (in a
        headline set in Title Case the recognizer finds entities that are none), else the
        title itself when it is a bare name (an encyclopedia's article title: "Karl
        Weyprecht", "HMS Royal George (1756)")."""
        # the title repeated as a heading does not count, however its quotes are written
        folded = f" {_words_of(body)} ".replace(f" {_words_of(doc.text)} ", " ")
        names = [
            self._name(e)
            for e in doc.ents
            if e.label_ in _words().anchor_labels and f" {_words_of(e.text)} " in folded
        ]
        # a title that is a person's name ("Karl Weyprecht"), not one that holds one ("Battle
        # of Martín García")
        words = [t for t in doc if t.is_alpha]
        people = [e for e in doc.ents if e.label_ == "PERSON" and len(e) == len(words)]
        if people:
            self.title_person = self._name(people[0])
        if names:
            self.title_entity = names[0]
        elif len(doc) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in doc):
            words = [t for t in doc if t.is_alpha]
            if words and all(t.is_title or t.is_upper for t in words if len(t) > 3):
                self.title_entity = re.sub(r"\s*\(.*\)\s*$", "", doc.text.strip())

    def read(self, doc: Doc, paragraph: int, mentions: Iterable[Mention]) -> list[Frame | None]:
        """The frames of `mentions` in one parsed sentence, then learn what it names."""
        if paragraph != self.paragraph:
            self.paragraph, self.paragraph_entity = paragraph, None
        self._learn_aliases(doc)
        frames = [self._frame(doc, mention) for mention in mentions]
        self._learn_salience(doc)
        return frames

    # -- the three parts -------------------------------------------------------------------

    def _frame(self, doc: Doc, mention: Mention) -> Frame | None:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        if not _is_statement(doc):
            # "Julian Lewis Jones Born 27 August 1968": an infobox line says what it dates
            return self._labelled_date(doc, span) if mention.kind == "date" else None
        value = span.root if mention.kind == "date" else _value_token(span)
        if mention.kind == "date" and value.dep_ == "nummod" and value.head.pos_ == "NOUN":
            return None  # "more than 1000 people": a count read as a year
        if mention.kind == "figure" and not mention.measured and _beside_person(value):
            mention = Mention(mention.start, mention.end, "age")  # "Klitschko, 36, stopped"
        if mention.kind == "figure" and (
            _is_clock_or_date(value, mention) or _is_offset(value, mention)
        ):
            return None
        if mention.kind == "age":
            noun = _age_owner(value, span)
            if noun is None:
                return None
        else:
            noun = None if mention.kind == "date" else _counted_noun(value, span, mention.measured)
            if noun is not None:
                noun = _through_quantity(noun)
            if noun is not None and not mention.measured and _classifies(noun, value):
                return None  # "a 3-point range", "a 10-point lead": a kind, not a count
        if mention.kind == "age":
            # "volunteers aged 21 to 45": the age of a kind of people, not of someone
            generic = noun is not None and noun.pos_ == "NOUN" and _kind_of_people(noun)
            attribute = f"{_lemma(noun)} age" if generic and noun is not None else "age"
        elif mention.kind == "date":
            attribute = _object_of(value, span)
        else:
            attribute = _attribute(noun, span) if noun is not None else ""
        if noun is None and mention.kind == "figure" and not mention.measured:
            # A number with no noun is compared only as an argument of its verb ("killed 35",
            # "35 were killed"), not as a word hanging off a name or a clause.
            governor = (
                value.head if value.dep_ in _ARGUMENTS and value.head.pos_ == "VERB" else None
            )
        else:
            governor = _governor(noun if noun is not None else value, span)
        # the clause the figure is stated in, for its anchor and its time
        stated_in = governor
        if noun is not None and mention.kind == "figure":
            governor = _described_by(noun) or governor  # "homes damaged since ..."
        if mention.kind == "age":
            governor = stated_in = None  # an age is a property of its owner, whatever the verb
        sized = mention.measured and attribute in _words().size_nouns  # "has an area of 612 km2"
        predicate = _predicate(governor, measured=mention.measured and not sized)
        anchor, anchor_from = self._anchor(doc, value, noun, stated_in, mention, span)
        if attribute == "age" and anchor_from not in ("owner", "subject", "pronoun"):
            return None  # an age is someone's: without a named someone, stay quiet
        if not attribute and mention.kind == "figure" and governor is not None:
            # "a 75 km ... quake": no counted noun, so the thing the clause is about says what
            # the measurement is of ("the bridge is 1.5 km long" -> bridge)
            attribute = _subject_attribute(governor)
        return Frame(
            anchor=anchor,
            anchor_from=anchor_from,
            aliases=tuple(self.other_names.get(anchor[0], ())) if anchor else (),
            predicate=predicate,
            attribute=attribute,
            scope=_scope(doc, noun if noun is not None else value, span),
        )

    def _labelled_date(self, doc: Doc, span: Span) -> Frame | None:
        """A date after a label word with a name before it, on a line with no verb: "Julian
        Lewis Jones Born 27 August 1968", "Founded: 1867". The label is the predicate; the
        line's entity, else the title's, the anchor."""
        before = [t for t in doc[: span.start] if not (t.is_punct or t.is_space)]
        if not before:
            return None
        label = before[-1].lower_
        predicate = canonical_label(label)
        if not predicate:
            return None
        names = [self._name(e) for e in doc.ents if e.label_ in _words().anchor_labels]
        anchor = names[:1] or ([self.title_entity] if self.title_entity else [])
        if not anchor:
            return None
        return Frame(anchor=tuple(anchor), anchor_from="subject", predicate=predicate)

    def _anchor(
        self,
        doc: Doc,
        value: Token,
        noun: Token | None,
        governor: Token | None,
        mention: Mention,
        span: Span,
    ) -> tuple[tuple[str, ...], AnchorFrom]:
        """The anchor's names, the primary one first when there is one: the owner of the noun
        phrase ("Russia's soldiers"), else the clause's subject or agent (a pronoun resolved),
        else for an age the person it is set beside. The other named entities of the phrase and
        the clause follow ("in Gaza"). With no name at all, the paragraph's or the title's."""
        labels = _words().anchor_labels
        owned = {t.i for t in span}
        phrase_root = noun if noun is not None else value
        primary: str | None = None
        kind: AnchorFrom = "clause"
        others: list[str] = []
        for token in _phrase(phrase_root, owned, participles=True):
            if token.ent_type_ in labels and token.ent_iob_ == "B":
                name = self._name(_entity_of(doc, token))
                root = _entity_of(doc, token).root
                # "Russia's soldiers"; "the Tayler Mane height", "the Vero bridge length": a
                # name before a word for a size is whose size it is
                owns = root.dep_ == "poss" or (
                    root.dep_ == "compound"
                    and root.head.i == phrase_root.i
                    and _lemma(phrase_root) in _words().size_nouns
                )
                if token.dep_ == "poss" or owns:
                    primary, kind = primary or name, "owner"
                else:
                    others.append(name)
        if mention.kind == "age" and not (noun is not None and _kind_of_people(noun)):
            # someone's age: "Reid, 33", "the 33-year-old Reid", "he is 33"
            if primary is None:
                apposed = self._apposed(phrase_root, doc)
                if apposed:
                    primary, kind = apposed[0], "owner"
                else:
                    names, kind = self._subject_anchor(doc, _subject_of(phrase_root))
                    primary = names[0] if names else None
            return ((primary,), kind) if primary else ((), "")
        head = governor if governor is not None else phrase_root
        clause = _clause_head(head)
        # The subject of "put", "estimate", "say" is who gives the figure, not what it is about.
        reported = _lemma(clause) in _words().reporting_verbs
        subject = _subject_of(clause) or _agent_of(clause)
        if subject is not None and subject.i == phrase_root.i and clause.dep_ == "conj":
            subject = _subject_of(clause.head)  # "They had 45 dead and 50 wounded"
        own_subject = subject is not None and subject.i != phrase_root.i
        if primary is None and subject is not None and own_subject and not reported:
            names, subject_kind = self._subject_anchor(doc, subject)
            if names:
                primary, kind = names[0], subject_kind
            elif subject.lower_ in _PERSON_PRONOUNS | _THING_PRONOUNS:
                return (), ""  # "They had 45 dead": whoever they are, it is not known here
        source_tokens = _speakers(doc, clause)
        if reported and subject is not None:
            source_tokens |= {t.i for t in subject.subtree}
        for entity in doc.ents:
            if entity.label_ not in labels or any(t.i in owned for t in entity):
                continue
            if entity.root.i in source_tokens:
                continue
            if _clause_head(entity.root).i == clause.i:
                others.append(self._name(entity))
        if primary is not None:
            rest = [n for n in dict.fromkeys(others) if n != primary]
            return (primary, *rest), kind
        if others:
            return tuple(dict.fromkeys(others)), "clause"
        # No name in the clause: the things it names with common nouns ("the northern
        # harbour", "the island"), beside who gave the figure ("Governor Marek said 35,000
        # residents were evacuated") or else the entity the paragraph or the title is about.
        # the counted noun's own heads are not things it is about ("the total number of")
        heads = {t.i for t in phrase_root.ancestors if t.i != clause.i}
        things = _things(clause, phrase_root, owned | source_tokens | heads)
        speaker = [mention.source] if mention.source else []
        borrowed = speaker[:1] or [n for n in (self.paragraph_entity or self.title_entity,) if n]
        if things:
            # the borrowed name is what the sentence is about; its things narrow it down
            return (*borrowed, *things), ("paragraph" if borrowed else "clause")
        if speaker:
            return (speaker[0],), "paragraph"
        if self.paragraph_entity:
            return (self.paragraph_entity,), "paragraph"
        if self.title_entity:
            return (self.title_entity,), "title"
        return (), ""

    def _subject_anchor(
        self, doc: Doc, subject: Token | None
    ) -> tuple[tuple[str, ...], AnchorFrom]:
        if subject is None:
            return (), ""
        word = subject.lower_
        if word in _PERSON_PRONOUNS:
            person = self.title_person or self.last_person
            return ((person,), "pronoun") if person else ((), "")
        if word in _THING_PRONOUNS:
            # "it": the thing the title or paragraph names, never a person; "they" may be any
            # group, so it is left unresolved
            if word not in _IT:
                return (), ""
            things = (self.title_entity, self.paragraph_entity)
            thing = next(
                (t for t in things if t and t != self.title_person and t not in self.people), None
            )
            return ((thing,), "pronoun") if thing else ((), "")
        if subject.ent_type_ in _words().anchor_labels:
            return (self._name(_entity_of(doc, subject)),), "subject"
        if subject.pos_ == "PROPN" and not subject.ent_type_:
            # a name the entity recognizer missed ("Angermünde is located ...")
            parts = [t for t in subject.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            name = " ".join(t.text for t in [*parts, subject])
            return (self.aliases.get(name.lower(), name),), "subject"
        return (), ""

    def _apposed(self, noun: Token, doc: Doc) -> list[str]:
        """A person set beside the noun: "Tara Reid, 33," or "the actress, Tara Reid"."""
        labels = _words().anchor_labels
        found: list[str] = []
        for token in (noun.head, *noun.children):
            if token.ent_type_ in labels and token.ent_type_ == "PERSON":
                found.append(self._name(_entity_of(doc, token)))
        return found

    # -- what the article has named so far ---------------------------------------------------

    def _name(self, entity: Span) -> str:
        text = _clean_name(entity.text)
        return self.aliases.get(text.lower(), text)

    def _learn_aliases(self, doc: Doc) -> None:
        people = [e for e in doc.ents if e.label_ == "PERSON"]
        for entity in people:
            full = _clean_name(entity.text)
            parts = full.split()
            if len(parts) >= 2:
                self.aliases.setdefault(parts[-1].lower(), full)
                if len(parts) >= 3:  # "Marina Augusta Baker" -> "Marina Baker" too
                    self.aliases.setdefault(f"{parts[0]} {parts[-1]}".lower(), full)
        # "Karl Weyprecht, also spelt Carl Weyprecht": the second name is the first one.
        for first, second in pairwise(people):
            between = doc.text[first.end_char : second.start_char]
            if _ALIAS.match(between):
                full, other = self._name(first), _clean_name(second.text)
                self.aliases.setdefault(other.lower(), full)
                self.other_names.setdefault(full, []).append(other)

    def _learn_salience(self, doc: Doc) -> None:
        labels = _words().anchor_labels
        if self.title_entity and not self.title_person:
            title = name_key(self.title_entity)
            if any(e.label_ == "PERSON" and names_match(name_key(e.text), title) for e in doc.ents):
                self.title_person = self.title_entity
        for entity in doc.ents:
            if entity.label_ == "PERSON":
                self.people.add(self._name(entity))
            if entity.label_ == "PERSON" and entity.root.dep_ in _SUBJECTS | {"ROOT", "appos"}:
                self.last_person = self._name(entity)
        if self.last_person is None:
            persons = [e for e in doc.ents if e.label_ == "PERSON"]
            if persons:
                self.last_person = self._name(persons[0])
        if self.paragraph_entity is None:
            subjects = [e for e in doc.ents if e.label_ in labels and e.root.dep_ in _SUBJECTS]
            named = subjects or [e for e in doc.ents if e.label_ in labels]
            if named:
                self.paragraph_entity = self._name(named[0])


# -- reading the parse ---------------------------------------------------------------------


def canonical_label(word: str) -> str:
    """The predicate of a label word ("Born" -> bear, "Died" -> die), empty for other words."""
    return _words().labels.get(word.lower(), "")


def _is_statement(doc: Doc) -> bool:
    """Whether the sentence states something: it has a verb, and is no table row. Datelines
    ("4 October 2013, 18:07 GMT"), bylines and table rows state nothing to compare."""
    text = doc.text
    if "\t" in text or text.count("|") >= 2:
        return False
    if len(doc) <= 10 and _CLOCK.search(text):
        return False  # "16 September 2013 Last updated at 12:42 GMT"
    return any(t.pos_ in ("VERB", "AUX") for t in doc)


def _is_clock_or_date(value: Token, mention: Mention) -> bool:
    """A number that is part of a time of day or a date ("3:23 PM", "11/30/09"), not a count."""
    if value.ent_type_ == "TIME" and _CLOCK.search(_entity_of(value.doc, value).text):
        return True
    return value.ent_type_ == "DATE" and not mention.measured and value.head.lemma_ != "old"


def _is_offset(value: Token, mention: Mention) -> bool:
    """A duration that places something in time ("six weeks before he takes office", "with 5
    minutes remaining"): it depends on when it was written, and is no figure of the story."""
    if not mention.measured:
        return False
    unit = value.head if value.dep_ == "nummod" else value
    if unit.lemma_.lower() not in _TIME_UNITS:
        return False
    near = [unit.head, *unit.children, *unit.head.children]
    return any(t.lemma_.lower() in _OFFSET_WORDS for t in near)


def _beside_person(value: Token) -> bool:
    """ "Klitschko, 36," or "Reid, 33": a bare number set beside a person's name is an age."""
    head = value.head
    return (
        value.dep_ in ("appos", "npadvmod", "amod", "nummod")
        and head.ent_type_ == "PERSON"
        and value.i == head.i + 2
        and value.nbor(-1).text == ","
    )


def _value_token(span: Span) -> Token:
    """The token that carries the value: the last number word of the span, else its root."""
    numbers = [t for t in span if t.like_num or t.pos_ == "NUM"]
    token = numbers[-1] if numbers else span.root
    # "1.2 million": climb to the scale word the digits modify
    while token.dep_ in ("compound", "quantmod", "nummod") and token.head.pos_ == "NUM":
        if token.head.i == token.i:
            break
        token = token.head
    return token


def _counted_noun(value: Token, span: Span, measured: bool) -> Token | None:
    """The noun the number counts or measures, or None when it stands alone."""
    token = value
    if token.dep_ in ("nummod", "amod", "compound", "quantmod", "npadvmod", "nmod"):
        head = token.head
        if head.pos_ in _NOUNS and head.i != token.i:
            token = head
            # a unit word inside the figure ("607 km", "5 percent"): what it measures is
            # further up ("a 607 km stage"), or the unit is all there is
            if measured and span.start <= token.i <= span.end:
                upper = _measured(token)
                return upper if upper is not None else None
            return token
    if token.dep_ in ("attr", "acomp") and token.head.lemma_ in ("be", "become", "remain"):
        subject = _subject_of(token.head)
        return subject if subject is not None and subject.pos_ in _NOUNS else None
    if token.dep_ == "pobj" and token.head.lemma_ == "of" and token.head.head.pos_ in _NOUNS:
        return token.head.head  # "a death toll of 35", "an area of 5 km2"
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if (
        token.dep_ in ("dobj", "pobj")
        and verb.pos_ == "VERB"
        and _lemma(verb) in _words().light_verbs
    ):
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in _NOUNS]
        if token.dep_ == "pobj" and objects:
            return objects[0]  # "officials put the toll at 35"
        subject = _subject_of(verb)  # "the toll rose to 35", "the toll reached 35"
        if subject is not None and subject.pos_ in _NOUNS:
            return subject
    return _of_noun(token)  # "35 of the soldiers"


def _of_noun(token: Token) -> Token | None:
    """The noun of the token's "of" phrase: "35 of the soldiers", "the number of homes"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in _NOUNS]
            if objects:
                return objects[0]
    return None


def _through_quantity(noun: Token) -> Token:
    """ "the total number of homes" -> homes: a word for a quantity counts what it is of."""
    if _lemma(noun) not in _words().quantity_nouns:
        return noun
    return _of_noun(noun) or noun


def _kind_of_people(noun: Token) -> bool:
    """ "volunteers aged 21 to 45": a plural with no definite article names a kind of people;
    "the 33-year-old actress" is someone."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
    return noun.tag_ in ("NNS", "NNPS") and not definite


def _classifies(noun: Token, value: Token) -> bool:
    """Whether "<number>-<noun>" modifies another noun, as a kind of it ("3-point range")."""
    hyphenated = value.i + 2 == noun.i and value.nbor(1).text == "-"
    return hyphenated and noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ == "NOUN"


def _described_by(noun: Token) -> Token | None:
    """The participle that says what happened to the counted things: "homes damaged since
    the floods began", "the people killed"."""
    for child in noun.children:
        if child.dep_ == "acl" and child.pos_ == "VERB" and child.tag_ == "VBN":
            return child
    return None


def _age_owner(value: Token, span: Span) -> Token | None:
    """Whose age it is: "the 33-year-old actress" -> actress, "Reid, 33," -> Reid,
    "a man aged 40" -> man."""
    current = value
    for _ in range(5):
        head = current.head
        if head.i == current.i:
            return None
        if head not in span and head.pos_ in _NOUNS | {"PRON"}:
            return head
        if head not in span and head.pos_ not in ("ADJ", "VERB", "NOUN", "NUM", "PUNCT"):
            return None
        current = head
    return None


def _measured(unit: Token) -> Token | None:
    """What a unit word's measurement is of: "a 607 km stage" -> stage; "the race is 607 km
    long" -> race; "a length of 607 km" -> length."""
    head = unit.head
    if unit.dep_ in ("compound", "amod", "nmod", "npadvmod", "nummod") and head.pos_ in _NOUNS:
        return head
    if unit.dep_ == "npadvmod" and head.pos_ == "ADJ":  # "607 km long"
        verb = head.head
        subject = _subject_of(verb) if head.dep_ in ("acomp", "attr") else None
        return subject if subject is not None and subject.pos_ in _NOUNS else None
    if unit.dep_ == "pobj" and head.lemma_ == "of" and head.head.pos_ in _NOUNS:
        return head.head
    if unit.dep_ in ("attr", "dobj") and head.lemma_ in ("be", "measure", "cover", "span"):
        subject = _subject_of(head)  # a named subject is the anchor, not what is measured
        return subject if subject is not None and subject.pos_ == "NOUN" else None
    return None


def _attribute(noun: Token, span: Span) -> str:
    """The counted noun with its adjectives and compounds, lemmatized, named entities and
    numbers left out (they are the anchor and the value)."""
    words: list[Token] = []
    for child in noun.children:
        if child.i >= noun.i or span.start <= child.i < span.end:
            continue
        if (
            child.dep_ in ("amod", "compound")
            and not child.ent_type_
            and child.is_alpha
            and child.pos_ in ("ADJ", "NOUN", "VERB")
        ):
            words.append(child)
    words.append(noun)
    return " ".join(_lemma(t) for t in sorted(words, key=lambda t: t.i))


def _subject_attribute(governor: Token) -> str:
    """The clause's subject as an attribute, when it is a common noun: "the bridge is 1.5 km
    long" -> bridge; empty for names (they anchor) and pronouns."""
    verb = governor if governor.pos_ in ("VERB", "AUX") else None
    subject = _subject_of(verb) if verb is not None else None
    if subject is None or subject.pos_ != "NOUN" or subject.ent_type_:
        return ""
    words = [
        c
        for c in subject.children
        if c.i < subject.i and c.dep_ in ("amod", "compound") and not c.ent_type_ and c.is_alpha
    ]
    return " ".join(_lemma(t) for t in [*words, subject])


def _scope(doc: Doc, token: Token, span: Span) -> str:
    """The date expressions that say what time the figure covers, as written ("this season",
    "yesterday", "on 11th March"): those attached to the figure, its noun or a verb of the
    clauses above it; not a date inside another noun phrase ("the largest October outbreak")."""
    path = {t.i for t in token.ancestors} | {token.i}
    found: list[str] = []
    for entity in doc.ents:
        if entity.label_ != "DATE" or (entity.start < span.end and span.start < entity.end):
            continue
        attach = entity.root.head
        if attach.pos_ == "ADP":
            attach = attach.head
        if attach.i in path and (attach.pos_ in ("VERB", "AUX") or attach.i == token.i):
            found.append(entity.text.lower())
    return "; ".join(found)


def _object_of(value: Token, span: Span) -> str:
    """For a date: the object of the event it dates, so that recurring events are told apart
    ("signed a decree on March 3" -> decree); a named object is the anchor, not this."""
    governor = _governor(value, span)
    if governor is None or governor.pos_ != "VERB":
        return ""
    for child in governor.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.pos_ == "NOUN" and not child.ent_type_:
            return _lemma(child)
    return ""


def _governor(token: Token, span: Span | None) -> Token | None:
    """The verb (or event noun) that governs `token`: its clause's event."""
    current = token
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            return None
        if head.pos_ == "VERB" or (head.pos_ == "AUX" and head.dep_ == "ROOT"):
            return head
        if current.dep_ == "pobj" and head.pos_ == "ADP":
            owner = head.head
            inside = span is not None and span.start <= owner.i < span.end
            if owner.pos_ in _NOUNS and head.lemma_ == "of" and owner.dep_ != "ROOT" and not inside:
                return owner  # "the deaths of 35 people", "the decree of December 8"
            current = head
            continue
        if head.pos_ in _NOUNS | {"NUM", "ADJ", "ADP", "ADV"}:
            current = head
            continue
        return None
    return None


def _predicate(governor: Token | None, *, measured: bool = False) -> str:
    """The governor's lemma, with its particle ("lay down"); empty for light verbs. For a
    measurement only the verbs that state a size are light ("is 1.5 km long", "covers 612
    km2"): "Bush had 404 yards" or "the man fell 2,000 feet" is no size of anything."""
    if governor is None:
        return ""
    lemma = _lemma(governor)
    if governor.pos_ in _NOUNS:
        return lemma
    light = _words().size_verbs if measured else _words().light_verbs
    if lemma in light:
        return ""
    particles = [c.lower_ for c in governor.children if c.dep_ == "prt"]
    return " ".join([lemma, *particles])


def _clause_head(token: Token) -> Token:
    """The verb that heads the clause `token` is in."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") and (
            current.dep_ in _CLAUSE_DEPS or current.dep_ == "ROOT"
        ):
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def _agent_of(verb: Token) -> Token | None:
    """The doer of a passive verb: "killed by the police" -> police."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def _subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head  # "Baker, who was born in 1972": the relative clause's noun
            return child
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in _NOUNS | {"PRON"}:
        return verb.head  # "a lake covering 5 km2"
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return _subject_of(verb.head)  # "was born in Oslo and died in Bergen"
    return None


def _phrase(root: Token, skip: set[int], *, participles: bool = False) -> Iterable[Token]:
    """The tokens of the noun phrase headed by `root`, without the clauses inside it; with
    `participles`, with the participle that describes it ("homes damaged in Dolna")."""
    stack = [root]
    while stack:
        token = stack.pop()
        if token.i not in skip:
            yield token
        for child in token.children:
            described = participles and child.dep_ == "acl" and child.tag_ == "VBN"
            if child.dep_ not in _CLAUSE_DEPS or described:
                stack.append(child)


def _speakers(doc: Doc, clause: Token) -> set[int]:
    """Tokens of the subjects of the sentence's reporting verbs other than the figure's own
    clause ("..., the Regional Crisis Office said"): the source, not what the figure is about."""
    found: set[int] = set()
    reporting = _words().reporting_verbs
    for token in doc:
        if token.i != clause.i and token.pos_ == "VERB" and _lemma(token) in reporting:
            for child in token.children:
                if child.dep_ in _SUBJECTS:
                    found.update(t.i for t in child.subtree)
        elif token.lower_ == "according" and token.dep_ == "prep":
            found.update(t.i for t in token.subtree)  # "according to the Crisis Office"
    return found


def _things(clause: Token, counted: Token, skip: set[int]) -> list[str]:
    """The definite common-noun phrases of a clause ("the northern harbour", "the island"),
    lemmatized: its subject, objects and objects of prepositions, other than what is counted."""
    found: list[str] = []
    for token in _phrase(clause, skip):
        if token.i == counted.i or token.pos_ != "NOUN" or token.ent_type_:
            continue
        if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
            continue
        if token.lemma_.lower() in _words().time_nouns:
            continue
        words = [
            c
            for c in token.children
            if c.i < token.i and c.dep_ in ("amod", "compound") and c.is_alpha and not c.ent_type_
        ]
        found.append(" ".join(_lemma(t) for t in [*words, token]))
    return list(dict.fromkeys(found))


def _entity_of(doc: Doc, token: Token) -> Span:
    for entity in doc.ents:
        if entity.start <= token.i < entity.end:
            return entity
    return doc[token.i : token.i + 1]


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


def _words_of(text: str) -> str:
    """Lower-case words, one space apart: for finding a name in text however it is punctuated."""
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


_NON_WORD = re.compile(r"[\W_]+")


def _clean_name(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"^(?:the|The)\s+", "", text)
    return _POSSESSIVE.sub("", text).strip(" ,.;:")
