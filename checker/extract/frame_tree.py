"""What a parse tree says around a value: which token carries it, the noun it counts or
measures, the verb or noun that governs it, its clause, that clause's subject, and the
sentence's date expressions and speakers. Read by `checker.extract.frames`, which assembles
them into a claim's frame; nothing here keeps state.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from checker.data import load_data

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Dependencies that open a clause of its own: its entities are not the figure's.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis"})
NOUNS = frozenset({"NOUN", "PROPN"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})
TIME_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)
OFFSET_WORDS = frozenset(
    {"before", "after", "ago", "later", "earlier", "remain", "left", "since", "until", "into"}
)
CLOCK = re.compile(r"\d:\d|\b[ap]\.?m\b|\bgmt\b|\butc\b", re.I)


@dataclass(frozen=True)
class Words:
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    anchor_labels: frozenset[str]
    time_nouns: frozenset[str]
    scale_nouns: frozenset[str]  # "magnitude 6.4", "category 4": the number is its value
    quantity_nouns: frozenset[str]
    labels: dict[str, str]
    size_verbs: frozenset[str]
    size_nouns: frozenset[str]  # words of what a unit measures: "area", "length", "long", "tall"
    size_axis: dict[str, str]  # a word of a length's other axes -> that axis ("tall" -> height)
    verb_axis: dict[str, str]  # a verb that gives a length its axis -> that axis ("rise")
    aspect: dict[str, str]  # a verb of beginning or ending -> "begin" or "end"
    works: frozenset[str]  # nouns of works a year names: "a 2004 film"
    places: frozenset[str]  # kinds of place: "Orsk is a town"
    ship_prefixes: frozenset[str]  # "SS Kestrel Bay", "HMS Vigil": a ship's name
    whole: tuple[str, ...]  # "worldwide", "across the country": the figure is the whole's


@lru_cache(maxsize=1)
def word_lists() -> Words:
    data = load_data("frames")
    reporting = frozenset(data["reporting_verbs"]["words"])
    axes = {word: axis for axis, words in data["measurement"]["axes"].items() for word in words}
    return Words(
        light_verbs=frozenset(data["light_verbs"]["words"]) | reporting,
        reporting_verbs=reporting,
        anchor_labels=frozenset(data["anchors"]["labels"]),
        time_nouns=frozenset(data["time_nouns"]["words"]),
        scale_nouns=frozenset(data["scale_nouns"]["words"]),
        quantity_nouns=frozenset(data["quantity_nouns"]["words"]),
        labels=dict(data["labels"]),
        size_verbs=frozenset(data["measurement"]["verbs"]) | {"be", "locate", "lie", "sit"},
        size_nouns=frozenset(data["measurement"]["properties"]) | frozenset(axes),
        size_axis=axes,
        verb_axis={
            verb: axis for axis, verbs in data["measurement"]["verb_axes"].items() for verb in verbs
        },
        aspect={verb: key for key, verbs in data["aspect"].items() for verb in verbs},
        works=frozenset(data["works"]["words"]),
        places=frozenset(data["places"]["words"]),
        ship_prefixes=frozenset(data["ship_prefixes"]["words"]),
        whole=tuple(data["whole"]["words"]),
    )


def label_predicate(word: str) -> str:
    """The predicate of a label word ("Born" -> bear, "Died" -> die), empty for other words."""
    return word_lists().labels.get(word.lower(), "")


def is_statement(doc: Doc) -> bool:
    """Whether the sentence states something: it has a verb, and is no table row. Datelines
    ("9 May 2017, 21:40 GMT"), bylines and table rows state nothing to compare."""
    text = doc.text
    if "\t" in text or text.count("|") >= 2:
        return False
    if len(doc) <= 10 and CLOCK.search(text):
        return False  # "4 March 2019 Last updated at 08:15 GMT"
    return any(t.pos_ in ("VERB", "AUX") for t in doc)


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def is_clock_or_date(value: Token, measured: bool) -> bool:
    """A number that is part of a time of day or a date ("3:23 PM", "11/30/09"), not a count."""
    if value.ent_type_ == "TIME" and CLOCK.search(entity_of(value.doc, value).text):
        return True
    if scale_before(value) is not None:
        return False  # "magnitude 6.4", whatever the recognizer tags it
    # "600,000": digits grouped in thousands are never a year or a day, whatever the tag
    grouped = _THOUSANDS.fullmatch(value.text) is not None
    return value.ent_type_ == "DATE" and not measured and value.head.lemma_ != "old" and not grouped


def is_offset(value: Token, measured: bool) -> bool:
    """A duration that places something in time ("six weeks before he takes office", "with 5
    minutes remaining"): it depends on when it was written, and is no figure of the story."""
    if not measured:
        return False
    unit = value.head if value.dep_ == "nummod" else value
    if unit.lemma_.lower() not in TIME_UNITS:
        return False
    near = [unit.head, *unit.children, *unit.head.children]
    return any(t.lemma_.lower() in OFFSET_WORDS for t in near)


def beside_person(value: Token) -> bool:
    """ "Klitschko, 36," or "Reid, 33": a bare number set beside a person's name is an age."""
    head = value.head
    return (
        value.dep_ in ("appos", "npadvmod", "amod", "nummod")
        and head.ent_type_ == "PERSON"
        and value.i == head.i + 2
        and value.nbor(-1).text == ","
    )


def value_token(span: Span) -> Token:
    """The token that carries the value: the last number word of the span, else its root."""
    # a sign the tagger calls a number ("600,000+") carries no value
    numbers = [t for t in span if t.like_num or (t.pos_ == "NUM" and t.text[:1].isalnum())]
    token = numbers[-1] if numbers else span.root
    # "1.2 million": climb to the scale word the digits modify
    while token.dep_ in ("compound", "quantmod", "nummod") and token.head.pos_ == "NUM":
        if token.head.i == token.i:
            break
        token = token.head
    return token


def scale_before(value: Token) -> Token | None:
    """The scale a number is a value on, written just before it: "magnitude 6.4"."""
    if value.i == 0:
        return None
    before = value.doc[value.i - 1]
    scales = word_lists().scale_nouns
    return before if before.pos_ in NOUNS and lemma_of(before) in scales else None


def counted_noun(value: Token, span: Span, measured: bool) -> Token | None:
    """The noun the number counts or measures, or None when it stands alone."""
    scale = scale_before(value)
    if scale is not None:
        return scale  # "a magnitude 6.1 earthquake": the number is no count of earthquakes
    token = value
    if token.dep_ in ("nummod", "amod", "compound", "quantmod", "npadvmod", "nmod"):
        head = token.head
        # a unit word is a noun whatever the tagger says ("98 m tall", "m" tagged a verb)
        unit = measured and span.start <= head.i < span.end
        if (head.pos_ in NOUNS or unit) and head.i != token.i:
            token = head
            # a unit word inside the figure ("607 km", "5 percent"): what it measures is
            # further up ("a 607 km stage"), or the unit is all there is
            if measured and span.start <= token.i <= span.end:
                upper = measured_thing(token)
                return upper if upper is not None else None
            return token
    if token.dep_ in ("attr", "acomp") and token.head.lemma_ in ("be", "become", "remain"):
        subject = subject_of(token.head)
        # a subject is a noun phrase, whatever the tagger says ("Turnout ... was 61 percent",
        # "Spending was 5 percent higher", tagged verbs)
        named = subject is not None and (subject.pos_ in NOUNS or subject.pos_ == "VERB")
        return subject if named else None
    if token.dep_ == "pobj" and token.head.lemma_ == "of" and token.head.head.pos_ in NOUNS:
        return token.head.head  # "a death toll of 35", "an area of 5 km2"
    put = put_at(token)
    if put is not None:
        return put  # "officials put the toll at 35"
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if (
        token.dep_ in ("dobj", "pobj")
        and verb.pos_ == "VERB"
        and lemma_of(verb) in word_lists().light_verbs
    ):
        subject = subject_of(verb)  # "the toll rose to 35", "the toll reached 35"
        if subject is not None and subject.pos_ in NOUNS:
            return subject
    return of_noun(token)  # "35 of the soldiers"


def of_noun(token: Token) -> Token | None:
    """The noun of the token's "of" phrase: "35 of the soldiers", "the number of homes"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in NOUNS]
            if objects:
                return objects[0]
    return None


def of_value(noun: Token, value: Token) -> bool:
    """Whether `value` is in the noun's "of" phrase ("a main span of 320 m")."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and c.left_edge.i <= value.i <= c.right_edge.i
        for c in noun.children
    )


def through_quantity(noun: Token) -> Token:
    """ "the total number of homes" -> homes: a word for a quantity counts what it is of."""
    if lemma_of(noun) not in word_lists().quantity_nouns:
        return noun
    return of_noun(noun) or noun


def kind_of_people(noun: Token) -> bool:
    """ "volunteers aged 21 to 45": a plural with no definite article names a kind of people;
    "the 33-year-old actress" is someone."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
    return noun.tag_ in ("NNS", "NNPS") and not definite


def classifies(noun: Token, value: Token) -> bool:
    """Whether "<number>-<noun>" modifies another noun, as a kind of it ("3-point range")."""
    hyphenated = value.i + 2 == noun.i and value.nbor(1).text == "-"
    return hyphenated and noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ == "NOUN"


def described_by(noun: Token) -> Token | None:
    """The participle that says what happened to the counted things: "homes damaged since
    the floods began", "the people killed"."""
    for child in noun.children:
        if child.dep_ == "acl" and child.pos_ == "VERB" and child.tag_ == "VBN":
            return child
    return None


def age_owner(value: Token, span: Span) -> Token | None:
    """Whose age it is: "the 33-year-old actress" -> actress, "Reid, 33," -> Reid,
    "a man aged 40" -> man."""
    current = value
    for _ in range(5):
        head = current.head
        if head.i == current.i:
            return None
        if head not in span and head.pos_ in NOUNS | {"PRON"}:
            return head
        if head not in span and head.pos_ not in ("ADJ", "VERB", "NOUN", "NUM", "PUNCT"):
            return None
        current = head
    return None


def age_event(value: Token, span: Span) -> Token | None:
    """The verb an age is given at: "died at the age of 71" or "died aged 73" -> died."""
    current, said = value, False
    for _ in range(5):
        head = current.head
        if head.i == current.i:
            return None
        said = said or head.lower_ in ("age", "aged")
        if head.lower_ == "aged":
            current = head  # "died on 7 June 1998, aged 83": the tagger's verb "aged"
            continue
        if head.pos_ == "VERB" and head not in span:
            return head if said else None
        if head.pos_ not in ("ADP", "NOUN", "ADJ", "NUM"):
            return None
        current = head
    return None


def measured_thing(unit: Token) -> Token | None:
    """What a unit word's measurement is of: "a 607 km stage" -> stage; "the race is 607 km
    long" -> race; "a length of 607 km" -> length."""
    head = unit.head
    if unit.dep_ in ("compound", "amod", "nmod", "npadvmod", "nummod") and head.pos_ in NOUNS:
        return head
    if unit.dep_ == "npadvmod" and head.pos_ == "ADJ":  # "607 km long"
        verb = head.head
        subject = subject_of(verb) if head.dep_ in ("acomp", "attr") else None
        return subject if subject is not None and subject.pos_ in NOUNS else None
    if unit.dep_ == "pobj" and head.lemma_ == "of" and head.head.pos_ in NOUNS:
        return head.head
    verb = head.head
    if unit.dep_ == "pobj" and head.lower_ == "to" and lemma_of(verb) in word_lists().verb_axis:
        # "its tower rises to 64 m": the subject's height, when the subject is a common noun
        subject = subject_of(verb)
        return subject if subject is not None and subject.pos_ == "NOUN" else None
    if unit.dep_ in ("attr", "dobj") and head.lemma_ in ("be", "measure", "cover", "span"):
        subject = subject_of(head)  # a named subject is the anchor, not what is measured
        # a common word the tagger took for a verb is still the subject noun ("Turnout")
        common = subject is not None and subject.pos_ in ("NOUN", "VERB")
        return subject if common else None
    return put_at(unit)  # "the board put turnout at 67%"


def put_at(token: Token) -> Token | None:
    """The object of a verb that only gives a value, when `token` is in its preposition:
    "officials put the toll at 35" -> toll."""
    verb = token.head.head
    if (
        token.dep_ != "pobj"
        or verb.pos_ != "VERB"
        or lemma_of(verb) not in word_lists().light_verbs
    ):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in NOUNS), None)


def object_of_light_verb(noun: Token) -> bool:
    """Whether the noun is the object of a verb that only gives a value ("put the toll at")."""
    return noun.dep_ == "dobj" and lemma_of(noun.head) in word_lists().light_verbs


def whole_of(governor: Token | None, value: Token) -> str:
    """The word that makes a figure the whole's ("12,000 people worldwide", "rose 3% across
    the country"), said in the clause of the verb it hangs on; "" for none."""
    head = governor if governor is not None else value
    text = " ".join(t.lower_ for t in head.subtree)
    return next((w for w in word_lists().whole if f" {w} " in f" {text} "), "")


def attribute_words(noun: Token, span: Span | None = None) -> list[Token]:
    """The counted noun with its adjectives and compounds, in sentence order; named entities
    and numbers left out (they are the anchor and the value)."""
    words: list[Token] = []
    for child in noun.children:
        if child.i >= noun.i or (span is not None and span.start <= child.i < span.end):
            continue
        if (
            child.dep_ in ("amod", "compound")
            and not child.ent_type_
            and child.is_alpha
            and child.pos_ in ("ADJ", "NOUN", "VERB")
        ):
            words.append(child)
    words.append(noun)
    return sorted(words, key=lambda t: t.i)


def attribute_of(noun: Token, span: Span) -> str:
    """The counted noun's words, lemmatized: "wounded soldiers" -> "wounded soldier"."""
    return " ".join(lemma_of(t) for t in attribute_words(noun, span))


# "is 2.7 km long": the adjective a length is measured by, as the noun a report shows
_SIZE_WORDS = {"long": "length", "far": "distance"}


def label_of(
    noun: Token | None, span: Span, attribute: str, predicate: str, governor: Token | None
) -> str:
    """What a figure counts as its sentence words it, for reports: "soldiers killed",
    "residents evacuated", "stage length". The attribute as the sentence writes it when it is
    the counted noun's words, then the verb that says what was done to them when the frame
    takes it for the predicate ("had a population of" has none)."""
    words = _SIZE_WORDS.get(attribute) or word_lists().size_axis.get(attribute, attribute)
    tokens = attribute_words(noun, span) if noun is not None and attribute else []
    if tokens and attribute == " ".join(lemma_of(t) for t in tokens):
        words = " ".join(t.text.lower() for t in tokens)
    happened = ""
    # "killed 35 soldiers", "35 soldiers were killed", a bare "killed 14"; "the toll rose"
    # says nothing was done, and an attribute borrowed from the clause's subject has its own verb
    done_to = not attribute if noun is None else noun.dep_ in ("dobj", "nsubjpass")
    if governor is not None and predicate and done_to and governor.tag_ in ("VBN", "VBD"):
        happened = governor.text.lower()
    return " ".join(part for part in (words, happened) if part)


# The words after a length that make it a height above the sea.
_ABOVE_THE_SEA = ("above sea level", "above mean sea level", "above the sea", "amsl", "asl")


def size_adjective(value: Token) -> str:
    """The adjective that says which axis a measurement is on: "is 2.7 km long", "the tallest
    actor (6' 8")"; empty when there is none."""
    sizes = word_lists().size_nouns
    # the word right after the number and its unit: "185 m high and 520 m long", however the
    # parse ties the second measurement to the first
    doc = value.doc
    unit, after = value.i + 1, value.i + 2
    if " ".join(t.lower_ for t in doc[after : after + 4]).startswith(_ABOVE_THE_SEA):
        return "elevation"  # "Lake Orrin sits 321 m above sea level"
    candidates: list[Token] = (
        [doc[after]]
        if after < len(doc) and not doc[unit].is_punct and not doc[after].is_punct
        else []
    )
    # the number's head, then its unit's head ("2.7" -> "km" -> "long"; "stood 1.80 m tall")
    for head in (value.head, value.head.head):
        candidates.append(head)
        candidates += [
            c for c in head.children if c.dep_ in ("amod", "acomp", "advcl", "oprd", "appos")
        ]
    # "At 221 m, Corvin Tower is the tallest building": the adjective of the copula's noun
    for noun in (c for c in clause_head(value).children if c.dep_ == "attr"):
        candidates += [c for c in noun.children if c.dep_ == "amod"]
    for token in candidates:
        if token.pos_ == "ADJ" and lemma_of(token) in sizes:
            return lemma_of(token)
    return ""


def subject_attribute(governor: Token) -> str:
    """The clause's subject as an attribute, when it is a common noun: "the bridge is 1.5 km
    long" -> bridge; empty for names (they anchor) and pronouns."""
    verb = governor if governor.pos_ in ("VERB", "AUX") else None
    subject = subject_of(verb) if verb is not None else None
    if subject is None or subject.pos_ != "NOUN" or subject.ent_type_:
        return ""
    words = [
        c
        for c in subject.children
        if c.i < subject.i and c.dep_ in ("amod", "compound") and not c.ent_type_ and c.is_alpha
    ]
    return " ".join(lemma_of(t) for t in [*words, subject])


_PARTITIVE_DETERMINERS = frozenset({"the", "her", "his", "its", "their", "our", "these", "those"})


def whole_of_a_part(value: Token) -> bool:
    """Whether the number counts the whole a part is taken from ("35 of the 120 passengers were
    killed", "Of the 480 people on board, 312 died"): how many there were, which the verb does
    not say happened to them all. Read from the words too ("312 of her 480 passengers died"),
    since the parse of such a phrase often hangs the "of" on the pronoun."""
    noun = value.head if value.dep_ == "nummod" else None
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        taken_by = noun.head.head
        if taken_by.pos_ == "NUM":
            return True
        if taken_by.pos_ == "VERB" and any(
            c.pos_ == "NUM" and c.dep_ in SUBJECTS | {"dobj"} for c in taken_by.children
        ):
            return True
    doc, i = value.doc, value.i
    if i >= 1 and doc[i - 1].lower_ in _PARTITIVE_DETERMINERS:
        i -= 1
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].pos_ == "NUM"


def first_time(governor: Token | None) -> bool:
    """Whether the verb is said of its first occurrence ("was first published", "first
    married"), not of the first of a list ("First, the company was founded")."""
    if governor is None or governor.pos_ != "VERB":
        return False
    return any(
        child.dep_ == "advmod"
        and child.lower_ == "first"
        and child.i + 1 < len(child.doc)
        and not child.nbor().is_punct
        for child in governor.children
    )


# Verbs that say their subject happened ("the battle took place", "the race was held"); the
# staging ones say so of their subject in the passive ("the regatta was held"), and of their
# object in the active ("the club held a regatta", whose the regatta is).
_OCCUR = frozenset({"take place", "happen", "occur"})
_OCCUR_PASSIVE = frozenset({"hold", "fight"})
_STAGE = frozenset({"hold", "organize", "organise", "stage", "host"})
# What a noun may carry and still name every event of its kind: "its first walk", "the first
# walk of the Orsk Rovers" (whose); not "the first walk in Canada", "the first walk of the
# season" or "the first night walk".
_UNRESTRICTING = frozenset({"det", "poss", "punct", "case", "predet"})


@dataclass(frozen=True)
class Occurrence:
    """A verb that says something happened ("the battle took place on 4 June", "the Battle
    of Kessel Ford was fought on 14 June", "the regatta was held in 1880", "the club organized
    a walk in 2011"), with the noun of what happened read once for all that is asked of it."""

    noun: Token | None
    staged: bool = False  # said of the verb's object: the subject staged it

    @property
    def what(self) -> str:
        """What happened: the noun with its adjectives and compounds, which may make it
        another kind of event ("a half marathon", "a local election"); "" when a name says
        it."""
        noun = self.noun
        # a lower-case noun the recognizer took into a name is still a common noun ("the
        # first congress of the Orsk League")
        if noun is None or noun.pos_ != "NOUN" or (noun.ent_type_ and not noun.is_lower):
            return ""
        return " ".join(lemma_of(t) for t in attribute_words(noun))

    @property
    def owned(self) -> Token | None:
        """The noun, when it is someone's ("her coronation took place", "the museum's opening
        took place", "the first walk of the Orsk Rovers took place"). What someone staged is
        theirs through the clause's subject."""
        noun = self.noun
        if not self.what or noun is None or self.staged:
            return None
        return (
            noun if any(child.dep_ == "poss" for child in noun.children) or named_of(noun) else None
        )

    @property
    def first_of_its_kind(self) -> bool:
        """Whether what happened is the first of its kind ("the first walk took place",
        "organized its first walk", "the first race on the lake was held")."""
        return self.noun is not None and any(
            child.dep_ == "amod" and child.lower_ == "first" for child in self.noun.children
        )

    @property
    def first_of_all(self) -> bool:
        """Whether what happened is the first of all its kind, not of some ("the first walk
        took place"; not "the first walk in Canada", "the first night walk")."""
        noun = self.noun
        if noun is None or not self.first_of_its_kind:
            return False
        whose = bool(named_of(noun))  # "of" a name says whose, and restricts nothing
        return all(
            child.dep_ in _UNRESTRICTING
            or (child.dep_ == "amod" and child.lower_ == "first")
            or (child.dep_ == "prep" and child.lower_ == "of" and whose)
            or (child.dep_ == "compound" and child.pos_ == "PROPN")
            for child in noun.children
        )


def of_objects(noun: Token) -> list[Token]:
    """The objects of the noun's "of": "the main span of the bridge" -> bridge."""
    return [
        grand
        for child in noun.children
        if child.dep_ == "prep" and child.lower_ == "of"
        for grand in child.children
        if grand.dep_ == "pobj"
    ]


def named_of(noun: Token) -> set[int]:
    """The tokens of a common noun's "of" phrase when it holds a name ("the coronation of
    Sigrun II", "the first walk of the Orsk Rovers"); empty otherwise, and for a name's own
    "of" ("the 1931 Tour of Hallam")."""
    if noun.pos_ != "NOUN":
        return set()
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            inside = list(child.subtree)
            labels = word_lists().anchor_labels
            if any(t.pos_ == "PROPN" or t.ent_type_ in labels for t in inside):
                return {t.i for t in inside}
    return set()


def occurrence(governor: Token | None) -> Occurrence | None:
    """The occurrence a verb that says something happened states; None for any other verb,
    and for a staging verb whose object is no event of a kind ("held 35 hostages", "hosted
    the Olympic Games")."""
    if governor is None or governor.pos_ != "VERB":
        return None
    predicate = predicate_of(governor) or lemma_of(governor)
    passive = any(child.dep_ in ("auxpass", "nsubjpass") for child in governor.children)
    if predicate in _OCCUR or (passive and predicate in _OCCUR_PASSIVE):
        return Occurrence(subject_of(governor))
    if passive or lemma_of(governor) not in _STAGE:
        return None
    staged = next((c for c in governor.children if c.dep_ == "dobj"), None)
    if (
        staged is None
        or staged.pos_ != "NOUN"
        or staged.ent_type_
        or any(c.dep_ == "nummod" for c in staged.children)
    ):
        return None
    return Occurrence(staged, staged=True)


def reported_deed(verb: Token | None) -> Token | None:
    """The deed a verb of saying reports as done, with no date of its own: "in 2009,
    organizers claimed to have held walks", "in May the firm said it had closed two plants".
    A date of the saying is then the latest the deed can have been done."""
    if verb is None or lemma_of(verb) not in word_lists().reporting_verbs:
        return None
    for child in verb.children:
        if child.dep_ not in ("xcomp", "ccomp") or child.pos_ != "VERB" or child.tag_ != "VBN":
            continue
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in child.children)
        if perfect and not any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
            return child
    return None


def speaker_of(clause: Token) -> Token | None:
    """The subject of the verb of saying the clause reports after it ("the founders said they
    had held debates" -> founders); None for a clause nobody is said to report, and for a
    quote set before its speaker ("he had a setback," the coach said), whose "he" is
    someone else."""
    said = clause.head
    if clause.dep_ != "ccomp" or said.i >= clause.i:
        return None
    if lemma_of(said) not in word_lists().reporting_verbs:
        return None
    speaker = subject_of(said)
    return speaker if speaker is not None and speaker.pos_ in NOUNS else None


def object_of(governor: Token | None) -> str:
    """For a date: the object of the event it dates, so that recurring events are told apart
    ("signed a decree on March 3" -> decree); a named object is the anchor, not this."""
    if governor is None or governor.pos_ != "VERB":
        return ""
    for child in governor.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.pos_ == "NOUN" and not child.ent_type_:
            return lemma_of(child)
    subject = subject_of(governor)
    described = governor.dep_ in ("acl", "advcl") and governor.tag_ == "VBN"
    relative = governor.dep_ == "relcl" and any(
        c.dep_ == "nsubjpass" and c.lower_ in RELATIVE for c in governor.children
    )
    # "the museum in Narvel, founded in 1869", "the museum, which was founded in 1869": the
    # noun the participle or the passive relative clause describes is what it dates
    if (described or relative) and subject is not None and subject.pos_ == "NOUN":
        return "" if subject.ent_type_ else lemma_of(subject)
    return ""


def governor_of(token: Token, span: Span | None) -> Token | None:
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
            if owner.pos_ in NOUNS and head.lemma_ == "of" and owner.dep_ != "ROOT" and not inside:
                return owner  # "the deaths of 35 people", "the decree of December 8"
            current = head
            continue
        if head.pos_ in NOUNS | {"NUM", "ADJ", "ADP", "ADV"}:
            current = head
            continue
        return None
    return None


def predicate_of(governor: Token | None, *, measured: bool = False) -> str:
    """The governor's lemma, with its particle ("lay down"); empty for light verbs. For a
    measurement only the verbs that state a size are light ("is 1.5 km long", "covers 612
    km2"): "Bush had 404 yards" or "the man fell 2,000 feet" is no size of anything."""
    if governor is None:
        return ""
    lemma = lemma_of(governor)
    if governor.pos_ in NOUNS:
        return lemma
    process = _process_of(governor)
    if process:
        return process
    light = word_lists().size_verbs if measured else word_lists().light_verbs
    if lemma in light:
        return ""
    if lemma == "leave":
        # "the storm left 23 people dead", "left 300 homeless": the state it left them in
        state = next((c for c in governor.children if c.dep_ == "oprd" and c.pos_ == "ADJ"), None)
        if state is not None:
            return lemma_of(state)
    particles = [
        c.lower_
        for c in governor.children
        # "passed away": a preposition with no object, right after its verb, is its particle
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.pos_ == "ADP" and c.i == governor.i + 1)
    ]
    if lemma == "take":
        # "took part", "took place", "took office": the bare noun makes the verb
        particles += [
            c.lower_ for c in governor.children if c.dep_ == "dobj" and not list(c.children)
        ]
    return " ".join([lemma, *particles])


def light_verb_saying(governor: Token | None, attribute: str) -> str:
    """A light verb's lemma when, with the attribute, it says what the figure is ("the stadium
    holds 9,200 spectators": its capacity, in the synonyms' `verb_attributes`); "" otherwise."""
    if governor is None or not attribute:
        return ""
    lemma = lemma_of(governor)
    return lemma if f"{lemma} {attribute}" in _verb_attribute_phrases() else ""


@lru_cache(maxsize=1)
def _verb_attribute_phrases() -> frozenset[str]:
    table: dict[str, list[str]] = load_data("synonyms").get("verb_attributes", {})
    return frozenset(phrase for phrases in table.values() for phrase in phrases)


def _process_of(verb: Token) -> str:
    """ "Production began", "the company started production", "the war ended": the process
    and whether it began or ended ("production begin"); empty for other verbs, or when what
    began is no common noun ("Smith started on Monday")."""
    aspect = word_lists().aspect.get(lemma_of(verb))
    if aspect is None:
        return ""
    for child in verb.children:
        if (
            child.dep_ in ("nsubj", "nsubjpass", "dobj")
            and child.pos_ == "NOUN"
            and not child.ent_type_
            and lemma_of(child) not in word_lists().time_nouns
        ):
            return f"{lemma_of(child)} {aspect}"
    return ""


def process_predicate(predicate: str) -> bool:
    """Whether a predicate names a process that began or ended ("production begin")."""
    words = predicate.split()
    return len(words) == 2 and words[1] in ("begin", "end")


def clause_head(token: Token) -> Token:
    """The verb that heads the clause `token` is in."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") and (
            current.dep_ in CLAUSE_DEPS or current.dep_ == "ROOT"
        ):
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def agent_of(verb: Token) -> Token | None:
    """The doer of a passive verb: "killed by the police" -> police."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                # "Baker, who was born in 1972": the relative clause's noun
                return _said_to_be(verb.head)
            return child
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in NOUNS | {"PRON"}:
        return _said_to_be(verb.head)  # "a lake covering 5 km2"
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return subject_of(verb.head)  # "was born in Oslo and died in Bergen"
    if (
        verb.dep_ == "xcomp"
        and verb.head.i != verb.i
        and not any(c.dep_ in ("dobj", "obj", "dative") for c in verb.head.children)
    ):
        # "Russia aimed to increase its forces to 1.5 million": who aims is who increases;
        # after an object ("ordered the army to recruit") the object would be, so not then
        return subject_of(verb.head)
    if verb.dep_ == "advcl" and verb.tag_ in ("VBN", "VBG") and verb.head.i != verb.i:
        # "Founded in 1851, the library of Velm is the oldest": a participle with no subject
        # of its own is said of the main clause's subject
        return subject_of(verb.head)
    return None


def _said_to_be(described: Token) -> Token:
    """The noun a clause describes, or what the copula says that noun is: "Blue Hours is an
    album by Ostend Lights, released in 1998", "the Vesk was a cargo ship that sank in 1917"."""
    if described.dep_ == "attr" and described.head.pos_ == "AUX":
        return subject_of(described.head) or described
    return described


def phrase_tokens(root: Token, skip: set[int], *, participles: bool = False) -> Iterable[Token]:
    """The tokens of the noun phrase headed by `root`, without the clauses inside it; with
    `participles`, with the participle that describes it ("homes damaged in Dolna")."""
    stack = [root]
    while stack:
        token = stack.pop()
        if token.i not in skip:
            yield token
        for child in token.children:
            described = participles and child.dep_ == "acl" and child.tag_ == "VBN"
            if child.dep_ not in CLAUSE_DEPS or described:
                stack.append(child)


def speaker_tokens(doc: Doc, clause: Token) -> set[int]:
    """Tokens of the subjects of the sentence's reporting verbs other than the figure's own
    clause ("..., the Regional Crisis Office said"): the source, not what the figure is about."""
    found: set[int] = set()
    reporting = word_lists().reporting_verbs
    for token in doc:
        if token.lower_ == "according" and token.dep_ == "prep":
            # "according to the Crisis Office", whichever part of speech the tagger gives it
            found.update(t.i for t in token.subtree)
        elif token.i != clause.i and token.pos_ == "VERB" and lemma_of(token) in reporting:
            for child in token.children:
                if child.dep_ in SUBJECTS:
                    found.update(t.i for t in child.subtree)
    return found


def things_named(clause: Token, counted: Token, skip: set[int]) -> list[str]:
    """The definite common-noun phrases of a clause ("the northern harbour", "the island"),
    lemmatized: its subject, objects and objects of prepositions, other than what is counted."""
    found: list[str] = []
    for token in phrase_tokens(clause, skip):
        if token.i == counted.i or token.pos_ != "NOUN" or token.ent_type_:
            continue
        if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
            continue
        if not any(
            (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss"
            for c in token.children
        ):
            continue  # "the northern harbour", "Sunday's marathon"; not "a harbour"
        if token.lemma_.lower() in word_lists().time_nouns or lemma_of(token) == "scale":
            continue  # "the previous week", "on the Richter scale": no thing of the story
        words = [
            c
            for c in token.children
            if c.i < token.i and c.dep_ in ("amod", "compound") and c.is_alpha and not c.ent_type_
        ]
        found.append(" ".join(lemma_of(t) for t in [*words, token]))
    return list(dict.fromkeys(found))


def proper_runs(span: Span) -> list[list[Token]]:
    """The runs of proper nouns in `span` ("the Vero K5" -> [Vero, K5]), but not the name of
    a scale ("on the Richter scale"), which measures and is about nothing."""
    runs: list[list[Token]] = []
    for token in span:
        if token.pos_ != "PROPN" or _names_a_scale(token):
            continue
        if runs and runs[-1][-1].i == token.i - 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def _names_a_scale(token: Token) -> bool:
    head = token
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head.i != token.i and lemma_of(head) == "scale"


def common_word(doc: Doc, token: Token) -> bool:
    """Whether the recognizer made a name of one common word ("Turnout in Brask was 61
    percent": a capitalized first word taken for a person, which the tagger calls a noun or
    a verb)."""
    entity = entity_of(doc, token)
    return len(entity) == 1 and token.pos_ in ("NOUN", "VERB")


def entity_of(doc: Doc, token: Token) -> Span:
    for entity in doc.ents:
        if entity.start <= token.i < entity.end:
            return entity
    return doc[token.i : token.i + 1]


def lemma_of(token: Token) -> str:
    lemma = (token.lemma_ or token.text).lower()
    return _VERB_LEMMA_FIXES.get(lemma, lemma) if token.pos_ == "VERB" else lemma


# Verbs the small model's lemmatizer cuts to another word ("staged" -> "stag").
_VERB_LEMMA_FIXES = {"stag": "stage"}


POSSESSIVE = re.compile(r"(?:'s|’s|')$")


def words_of(text: str) -> str:
    """Lower-case words, one space apart: for finding a name in text however it is punctuated."""
    return " ".join(NON_WORD.sub(" ", text.lower()).split())


NON_WORD = re.compile(r"[\W_]+")


def clean_name(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"^(?:the|The)\s+", "", text)
    return POSSESSIVE.sub("", text).strip(" ,.;:")
