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
entity, the paragraph's entity, aliases) and is fed the article's parsed sentences in order;
what the parse tree says around one value is read by `checker.extract.frame_tree`, when and
where it holds by `checker.extract.frame_scope`, and lines with no verb (infobox and table
lines) by `checker.extract.frame_labels`. Word lists are data (`checker/data/frames.toml`):
light verbs, entity labels that can anchor, words for a quantity or a size, label words of
infobox lines; the vocabulary of predicates and attributes is open.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from checker.compare.anchors import name_key, names_match, plain_words
from checker.extract import frame_tree as tree
from checker.extract.frame_labels import labelled_frame
from checker.extract.frame_scope import (
    dates_a_count,
    in_parentheses,
    names_joined,
    scope_of,
    setting_of,
)
from checker.models import Frame

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["FrameReader", "Mention"]

AnchorFrom = Literal["owner", "subject", "pronoun", "clause", "paragraph", "title", ""]

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_THING_PRONOUNS = frozenset({"it", "its", "itself", "they", "their", "them"})
_IT = frozenset({"it", "its", "itself"})
_POSSESSIVES = frozenset({"his", "her", "its"})
_ALIAS = re.compile(
    r"^\W*(?:also\s+(?:known\s+as|called|spelt|spelled|written)|a\.?k\.?a\.?|born|n[ée]e|"
    r"formerly|or)\W*$",
    re.I,
)


@dataclass(frozen=True)
class Mention:
    """Where a claim's value lies in its parsed sentence, and what kind of claim it is."""

    start: int
    end: int
    kind: Literal["figure", "date", "age"]
    measured: bool = False  # a figure with a unit ("607 km"), not a count
    length: bool = False  # its unit is a length
    source: str | None = None  # who the sentence credits, as the attribution reader resolved it
    # whose birth or death the date reader says it is: the name its life dates follow
    person: str | None = None


_CIRCA = frozenset({"circa", "c.", "ca."})


def _bracketed(token: Token) -> bool:
    """Whether a token of a title sits in its closing bracket: "album" in "Blue Hours
    (album)"."""
    return "(" in token.doc.text[: token.idx] and token.doc.text.rstrip().endswith(")")


def _named_in(title: str, body: str) -> bool:
    """Whether the body names the title inside a sentence, in the title's own capitals ("the
    Stop Coastal Dredging Now campaign"): a title the parse reads as a verb phrase is a name
    all the same. A headline ("Storm Hits Orsk Coast") is not repeated so."""
    words = title.split()
    if len(words) < 2:
        return False
    pattern = r"[\w,;] " + r"\s+".join(re.escape(w) for w in words) + r"\b"
    return re.search(pattern, body) is not None


def _names_a_kind_of_thing(doc: Doc) -> bool:
    """Whether a title is one noun phrase that ends with its head, a common noun, and holds a
    name before it: "Kelford railway station", "2004 Varn Ocean earthquake" (an encyclopedia's
    titles are set in sentence case)."""
    root = doc[-1]
    return (
        len(doc) <= _TITLE_PHRASE_TOKENS
        and root.pos_ == "NOUN"
        and root.dep_ == "ROOT"
        and not any(t.pos_ in _NOT_IN_A_NAME for t in doc)
        and any(t.pos_ == "PROPN" for t in doc)
    )


# Tokens a title may have and still be one thing's name.
_TITLE_PHRASE_TOKENS = 8
# Words that make a title more than one noun phrase: a clause ("Quake kills 35"), a place or a
# part ("Fire in Athens", "Sinking of the SS Arvel"), two things ("earthquake and tsunami").
_NOT_IN_A_NAME = frozenset({"VERB", "AUX", "ADP", "CCONJ", "DET", "PRON", "PUNCT", "PART"})


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
    # Whether the title is a bare name (an encyclopedia's "Tamsin Korr"), and whether the last
    # sentence read had it for subject: then "he" or "she" in the next one is its person, even
    # when the recognizer took the name for an organisation.
    title_is_name: bool = False
    title_was_subject: bool = False
    title_words: frozenset[str] = frozenset()  # the title's lemmas, lower-cased
    # The article says its title is a work or a place ("The Glass Road is a 1998 film", "Orsk
    # is a town in Varnland"): whatever the recognizer tags its name, it is no person, and "it"
    # is the work or the place.
    title_is_thing: bool = False

    def read_title(self, doc: Doc, body: str) -> None:
        """The article's title entity: its first named entity that the body names too (in a
        headline set in Title Case the recognizer finds entities that are none), else the
        title itself when it is a bare name (an encyclopedia's article title: "Karl
        Ostrander", "HMS Vigilant (1760)")."""
        self.title_words = frozenset(t.lemma_.lower() for t in doc if t.is_alpha)
        # the title repeated as a heading does not count, however its quotes are written
        folded = f" {tree.words_of(body)} ".replace(f" {tree.words_of(doc.text)} ", " ")
        names = [
            self._name(e)
            for e in doc.ents
            if e.label_ in tree.word_lists().anchor_labels
            and f" {tree.words_of(e.text)} " in folded
        ]
        # a title that is a person's name ("Karl Ostrander"), not one that holds one ("Battle
        # of Santa Ines")
        words = [t for t in doc if t.is_alpha]
        people = [e for e in doc.ents if e.label_ == "PERSON" and len(e) == len(words)]
        if people and words[0].text not in tree.word_lists().ship_prefixes:
            self.title_person = self._name(people[0])
        if _names_a_kind_of_thing(doc):
            # "Kelford railway station", "October 2010 North American storm complex" (an
            # encyclopedia's titles are in sentence case): the thing its last noun names, which
            # the name before it only tells apart from others of its kind
            self.title_entity = " ".join(doc.text.split())
            self.title_is_name = True
        elif names:
            self.title_entity = names[0]
            self.title_is_name = any(len(e) == len(words) for e in doc.ents)
        elif (
            len(doc) <= 6
            and (not any(t.pos_ in ("VERB", "AUX") for t in doc) or _named_in(doc.text, body))
            and words
            # the bracket that tells like-named articles apart is in lower case: "(album)"
            and all(t.is_title or t.is_upper for t in words if len(t) > 3 and not _bracketed(t))
        ):
            # the bracket stays: "Blue Hours (album)" and "Blue Hours (song)" are two things
            self.title_entity = " ".join(doc.text.split())
            self.title_is_name = True

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
        if not tree.is_statement(doc):
            # "Julian Ross Born 27 August 1968", "Distance: 585 km": an infobox or table line
            # says what its values are with labels
            if mention.kind == "age":
                return None
            return labelled_frame(doc, span, mention.kind, self._name, self.title_entity)
        value = span.root if mention.kind == "date" else tree.value_token(span)
        if mention.kind == "date" and value.dep_ == "nummod" and value.head.lower_ in _CIRCA:
            value = value.head  # "born circa 1850": the parse hangs the year on "circa"
        if mention.kind == "date" and value.dep_ == "nummod" and value.head.pos_ == "NOUN":
            if tree.lemma_of(value.head) in tree.word_lists().works:
                return self._work_year(doc, value, mention, span)
            return None  # "more than 1000 people": a count read as a year
        if mention.kind == "figure" and not mention.measured and tree.beside_person(value):
            mention = Mention(mention.start, mention.end, "age")  # "Klitschko, 36, stopped"
        if mention.kind == "figure" and (
            tree.is_clock_or_date(value, mention.measured)
            or tree.is_offset(value, mention.measured)
        ):
            return None
        if mention.kind == "age":
            noun = tree.age_owner(value, span)
            if noun is None:
                return self._age_at_event(doc, value, span)
        else:
            noun = (
                None if mention.kind == "date" else tree.counted_noun(value, span, mention.measured)
            )
            if noun is not None:
                noun = tree.through_quantity(noun)
            if noun is not None and not mention.measured and tree.classifies(noun, value):
                return None  # "a 3-point range", "a 10-point lead": a kind, not a count
        if mention.kind == "age":
            # "volunteers aged 21 to 45": the age of a kind of people, not of someone
            generic = noun is not None and noun.pos_ == "NOUN" and tree.kind_of_people(noun)
            attribute = f"{tree.lemma_of(noun)} age" if generic and noun is not None else "age"
        elif mention.kind == "date":
            if dates_a_count(value, span):
                return None  # "killed 35,000 soldiers in December": a figure's period
            attribute = ""  # the object of the verb it dates, once that verb is known
        else:
            attribute = tree.attribute_of(noun, span) if noun is not None else ""
        if noun is None and mention.kind == "figure" and not mention.measured:
            # A number with no noun is compared only as an argument of its verb ("killed 35",
            # "35 were killed"), not as a word hanging off a name or a clause.
            governor = (
                value.head if value.dep_ in tree.ARGUMENTS and value.head.pos_ == "VERB" else None
            )
        else:
            governor = tree.governor_of(noun if noun is not None else value, span)
        deed = tree.reported_deed(governor) if mention.kind == "date" else None
        if deed is not None:
            # "In 2009, organizers claimed to have held walks": the date is the saying's, and
            # the latest the deed can have been done
            governor = deed
        if mention.kind == "date":
            attribute = tree.object_of(governor)
        # the clause the figure is stated in, for its anchor and its time
        stated_in = governor
        scale = tree.scale_before(value)
        if noun is not None and scale is not None and scale.i == noun.i:
            governor = None  # a magnitude is its quake's, whatever struck or measured it
        if noun is not None and mention.kind == "figure":
            governor = tree.described_by(noun) or governor  # "homes damaged since ..."
        if mention.kind == "age":
            governor = stated_in = None  # an age is a property of its owner, whatever the verb
        # "has an area of 612 km2", "has a main span of 320 m", "put turnout at 67%": the noun
        # says what is measured, and the verb only gives it to its owner or its source
        sized = mention.measured and (
            attribute in tree.word_lists().size_nouns
            or (noun is not None and tree.of_value(noun, value))
            or (noun is not None and tree.object_of_light_verb(noun))
        )
        predicate = tree.predicate_of(
            governor, measured=mention.measured and not sized
        ) or tree.light_verb_saying(governor, attribute)
        if mention.kind == "figure" and tree.whole_of_a_part(value):
            predicate = ""  # "35 of the 120 passengers were killed": 120 were aboard
        occurred = tree.occurrence(governor) if mention.kind == "date" else None
        if occurred is not None:
            # "took place", "was fought", "was held": one event, however it is said to happen
            predicate, attribute = "occur", occurred.what
        aside = mention.kind == "date" and in_parentheses(span)
        if aside:
            # "Tomas Berg (1890–1961) painted ...": an aside about the name before it, which
            # the clause's verb does not date (the date reader says born and died)
            predicate = ""
        anchor: tuple[str, ...]
        if aside and mention.person:
            # and whose the dates are is that name, whatever else the clause names ("Ghazi
            # Orhan II (Turkish name; 1316–1370), son of Osman Bey, was the fourth ruler")
            anchor, anchor_from = (self._known(mention.person),), "subject"
        else:
            # "her coronation took place", "the museum's opening took place": whose the event
            # is, as whose a counted noun is
            owned_event = occurred.owned if occurred is not None else None
            anchor, anchor_from = self._anchor(
                doc, value, owned_event or noun, stated_in, mention, span
            )
        if attribute == "age" and anchor_from not in ("owner", "subject", "pronoun"):
            return None  # an age is someone's: without a named someone, stay quiet
        whole = tree.whole_of(stated_in, value) if mention.kind == "figure" else ""
        if whole and anchor:
            # the whole's figure meets no place's: {Garo Works, worldwide} and {Garo Works,
            # Ostel} tell two scopes apart, as two places do
            anchor = (*anchor, whole)
        measures_subject = noun is not None and noun.dep_ in tree.SUBJECTS
        if mention.measured and measures_subject and anchor_from == "subject":
            # "the lake covers 47 km2" in the article "Lake Varo": the title's lake is what is
            # measured, as in "Lake Varo covers 47 km2"; its noun adds nothing
            attribute = ""
        axis = tree.size_adjective(value) if mention.measured else ""
        # "the Vero bridge is 2.7 km long", "the tallest actor (6' 8")": the axis says what is
        # measured; but "its main span is 340 m long" or "the bridge's main span ..." measures
        # a part its owner has, which "long" does not name, and "Orsk Cathedral's spire is 98 m
        # tall" is the spire's height, not the cathedral's
        owned_part = bool(attribute) and anchor_from in ("owner", "pronoun")
        other_axis = tree.word_lists().size_axis.get(axis, "")
        verb_axis = (
            tree.word_lists().verb_axis.get(tree.lemma_of(governor), "")
            if mention.measured and governor is not None
            else ""
        )
        if axis and owned_part:
            attribute = f"{attribute} {other_axis}" if other_axis else attribute
        elif axis:
            attribute = axis
        elif owned_part and verb_axis:
            attribute = f"{attribute} {verb_axis}"  # "its tower rises to 64 m": its height
        elif (
            not attribute
            and mention.kind == "figure"
            and governor is not None
            and anchor_from != "subject"
        ):
            # "a 75 km ... quake": no counted noun, so the thing the clause is about says what
            # the measurement is of ("a bridge near Vero is 1.5 km long" -> bridge); a subject
            # that is the anchor ("Lake Orsen covers 587 km2") is what is measured
            attribute = tree.subject_attribute(governor)
        elif not attribute and verb_axis:
            # "Mount Kell rises to 2,450 m": the verb says which of the subject's sizes
            attribute = verb_axis
        stands = governor is not None and tree.lemma_of(governor) in ("be", "stand")
        if not attribute and mention.length and stands and self._is_person(doc, anchor):
            attribute = "height"  # "Jon Brask stands 6 ft 4 in": a person's length is a height
        return Frame(
            anchor=anchor,
            anchor_from=anchor_from,
            aliases=tuple(self.other_names.get(anchor[0], ())) if anchor else (),
            predicate=predicate,
            attribute=attribute,
            scope=scope_of(doc, noun if noun is not None else value, span),
            setting=setting_of(value) if mention.kind == "figure" else "",
            joined=mention.kind == "figure"
            and names_joined(doc, stated_in if stated_in is not None else value),
            label=tree.label_of(noun, span, attribute, predicate, governor)
            if mention.kind != "date"
            else "",
            first=mention.kind == "date"
            and (
                tree.first_time(governor) or (occurred is not None and occurred.first_of_its_kind)
            ),
            first_of_all=occurred is not None and occurred.first_of_all,
            done_by=deed is not None,
        )

    def _age_at_event(self, doc: Doc, value: Token, span: Span) -> Frame | None:
        """ "Ivo Lint died at the age of 71", "he retired aged 60": the age of the verb's
        subject when it happened, which the event tells apart from their other ages."""
        verb = tree.age_event(value, span)
        if verb is None:
            return None
        names, kind = self._subject_anchor(doc, tree.subject_of(verb))
        if not names:
            return None
        return Frame(
            anchor=names[:1],
            anchor_from=kind,
            predicate=tree.predicate_of(verb),
            attribute="age",
            label="age",
        )

    def _work_year(self, doc: Doc, value: Token, mention: Mention, span: Span) -> Frame | None:
        """ "Night at Molk is a 2004 film", "Night at Molk, a 2004 film": the year a work is
        named by is the year it came out, and the work is the anchor (never, say, its
        director: "Petra Lund directed Winter at Halden, a 2011 film")."""
        noun = value.head
        if noun.dep_ == "attr":  # "Night at Molk is a 2004 film": the copula's subject
            anchor, anchor_from = self._subject_anchor(doc, tree.subject_of(noun.head))
        elif noun.dep_ == "appos" and noun.head.pos_ in tree.NOUNS:
            # "Night at Molk, a 2004 film": the name it is set beside, with its own words
            aside = {t.i for t in noun.subtree}
            words = [t for t in noun.head.subtree if t.i not in aside and not t.is_punct]
            if not any(t.pos_ == "PROPN" or t.ent_type_ for t in words):
                return None
            anchor, anchor_from = (" ".join(t.text for t in words),), "subject"
        else:
            return None  # whose work, the sentence does not say
        if not anchor:
            return None
        return Frame(anchor=anchor, anchor_from=anchor_from, predicate="release")

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
        labels = tree.word_lists().anchor_labels
        owned = {t.i for t in span}
        phrase_root = noun if noun is not None else value
        primary: str | None = None
        kind: AnchorFrom = "clause"
        others: list[str] = []
        # an event or a measured part someone owns: "the first walk of the Orsk Rovers took
        # place", "the spire of Orsk Cathedral is 98 m tall"
        of_owner = mention.kind == "date" or mention.measured
        owning = tree.named_of(noun) if of_owner and noun is not None else set()
        for token in tree.phrase_tokens(phrase_root, owned, participles=True):
            if (
                token.ent_type_ in labels
                and token.ent_iob_ == "B"
                and not tree.common_word(doc, token)
            ):
                name = self._name(tree.entity_of(doc, token))
                root = tree.entity_of(doc, token).root
                # "Russia's soldiers"; "the Tamsyn Korr height", "the Vero bridge length": a
                # name before a word for a size is whose size it is
                owns = root.dep_ == "poss" or (
                    root.dep_ == "compound"
                    and root.head.i == phrase_root.i
                    and tree.lemma_of(phrase_root) in tree.word_lists().size_nouns
                )
                if token.dep_ == "poss" or owns or root.i in owning:
                    primary, kind = primary or name, "owner"
                else:
                    others.append(name)
        owner = next(
            (c for c in phrase_root.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVES),
            None,
        )
        # "the bridge's main span", "the main span of the bridge"
        titled = next(
            (
                c
                for c in (*phrase_root.children, *tree.of_objects(phrase_root))
                if c.dep_ in ("poss", "pobj") and self._names_the_title(c)
            ),
            None,
        )
        if primary is None and titled is not None and self.title_entity is not None:
            # "the bridge's main span" in the article "Orsund Bridge": the title's bridge
            primary, kind = self.title_entity, "owner"
        if primary is None and owner is not None:
            subject_name = self._clause_subject_owns(doc, owner)
            if subject_name is not None:
                primary, kind = subject_name, "owner"
        if primary is None and owner is not None:
            # "Its main span measures 340 m", "his height was 1.80 m": whose, as "it" or "he"
            # would be; after another noun the pronoun may point back to ("an old ferry crossed
            # here, and its main span measured 40 m"), whose it is stays unknown
            before = doc[owner.sent.start : owner.i]
            if any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in before):
                return (), ""
            names, kind = self._subject_anchor(doc, owner)
            if not names:
                return (), ""
            primary = names[0]
        if mention.kind == "age" and not (noun is not None and tree.kind_of_people(noun)):
            # someone's age: "Reid, 33", "the 33-year-old Reid", "he is 33"
            if primary is None:
                apposed = self._apposed(phrase_root, doc)
                if apposed:
                    primary, kind = apposed[0], "owner"
                else:
                    names, kind = self._subject_anchor(doc, tree.subject_of(phrase_root))
                    primary = names[0] if names else None
            return ((primary,), kind) if primary else ((), "")
        head = governor if governor is not None else phrase_root
        clause = tree.clause_head(head)
        # The subject of "put", "estimate", "say" is who gives the figure, not what it is about.
        reported = tree.lemma_of(clause) in tree.word_lists().reporting_verbs
        subject = tree.subject_of(clause) or tree.agent_of(clause)
        reporter = tree.speaker_of(clause)
        if (
            subject is not None
            and subject.lower_ in _PERSON_PRONOUNS | _THING_PRONOUNS
            and reporter is not None
            and not (subject.lower_ == "it" and tree.lemma_of(clause) == "be")  # "it's been"
            and self._subject_anchor(doc, reporter)[0]
        ):
            # "the founders said they had held debates", "Orsk Mills said it had closed two
            # plants": the pronoun of what a speaker reports doing is the speaker, when the
            # speaker is named
            subject = reporter
        if subject is not None and subject.i == phrase_root.i and clause.dep_ == "conj":
            subject = tree.subject_of(clause.head)  # "They had 38 dead and 61 wounded"
        own_subject = subject is not None and subject.i != phrase_root.i
        if primary is None and mention.measured and not own_subject and not reported:
            # "The Sava River is 214 km long": the subject is the thing measured
            names, subject_kind = self._subject_anchor(doc, subject)
            if names:
                primary, kind = names[0], subject_kind
            elif (
                subject is not None
                and subject.pos_ == "NOUN"
                and not any(t.pos_ == "PROPN" or t.ent_type_ for t in subject.subtree)
            ):
                return (), ""  # "the old viaduct was 300 metres long": not the title's
        patient = (
            self._patient(doc, clause)
            if primary is None and mention.kind == "date" and not reported
            else ()
        )
        if patient:
            # "Edwin Marsh founded the university in 1851" dates the university's founding, as
            # "the university was founded by Edwin Marsh in 1851" does: in either voice, the
            # thing an event that happens once happened to comes first, and the doer joins the
            # other names
            primary, kind = patient[0], "subject"
        if primary is None and subject is not None and own_subject and not reported:
            names, subject_kind = self._subject_anchor(doc, subject)
            if names:
                primary, kind = names[0], subject_kind
            elif subject.lower_ in _PERSON_PRONOUNS | _THING_PRONOUNS:
                return (), ""  # "They had 38 dead": whoever they are, it is not known here
        source_tokens = tree.speaker_tokens(doc, clause)
        if reported and subject is not None:
            source_tokens |= {t.i for t in subject.subtree}
        # a subject outside its clause ("the museum in Narvel, founded in 1869": the noun a
        # participle describes) is named by the names of its own phrase
        subject_phrase = (
            {t.i for t in tree.phrase_tokens(subject, set())}
            if subject is not None and not reported
            else set()
        )
        for entity in doc.ents:
            if entity.label_ not in labels or any(t.i in owned for t in entity):
                continue
            if tree.common_word(doc, entity.root):
                continue
            if entity.root.i in source_tokens:
                continue
            if tree.clause_head(entity.root).i == clause.i or entity.root.i in subject_phrase:
                others.append(self._name(entity))
        if subject is not None and not reported:
            # a name in the subject that the recognizer missed ("production of the Halden K7
            # tractor began"): what the clause is about
            for run in tree.proper_runs(doc[subject.left_edge.i : subject.right_edge.i + 1]):
                if not any(t.ent_type_ or t.i in owned or t.i in source_tokens for t in run):
                    others.append(self._known(" ".join(t.text for t in run)))
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
        things = tree.things_named(clause, phrase_root, owned | source_tokens | heads)
        speaker = [mention.source] if mention.source else []
        borrowed = speaker[:1] or [n for n in (self.paragraph_entity or self.title_entity,) if n]
        if things and not borrowed and not any(self._says_which(t) for t in things):
            # "the company earned $12.8 million" in an untitled article: which company, no
            # other article can tell
            return (), ""
        if things:
            # the borrowed name is what the sentence is about and its things narrow it down.
            # In a news story "the plant opened in 1990" is the plant's, not its company's,
            # so neither is the primary name; in an encyclopedia's article about a club, "the
            # club was founded" is the article's club.
            return (*borrowed, *things), ("paragraph" if self.title_is_name else "clause")
        if speaker:
            return (speaker[0],), "paragraph"
        if self._names_other_parties(doc, source_tokens | owned):
            # "Oster Bank -- 20 billion yen of bonds, priced to yield 6.25%, via Kessel Ltd."
            # under a paragraph about another issuer: the sentence names its own parties,
            # which the parse did not tie to the figure, so whose figure it is stays unknown
            return (), ""
        if self.paragraph_entity:
            return (self.paragraph_entity,), "paragraph"
        if self.title_entity:
            return (self.title_entity,), "title"
        return (), ""

    def _patient(self, doc: Doc, clause: Token) -> tuple[str, ...]:
        """The name of an active verb's direct object, when the verb is an event that happens
        once to it and the object is named (a name, or the title's thing: "the university" in
        "University of Wexley"); a pronoun object is left unresolved, since the pronoun rules
        read subjects."""
        if not any(c.dep_ in ("nsubj", "csubj") for c in clause.children):
            return ()
        # imported here: checker.group reads this package's modules, so a top-level import
        # would be circular
        from checker.group import happens_once

        if not happens_once(tree.predicate_of(clause)):
            # an event that recurs is its doer's ("Orn joined the Orsk Museum" and "she joined
            # the museum"); its object only tells occurrences apart, among the other names
            return ()
        obj = next((c for c in clause.children if c.dep_ in ("dobj", "obj")), None)
        if obj is None or obj.pos_ == "PRON":
            return ()
        names, _ = self._subject_anchor(doc, obj)
        return names

    def _clause_subject_owns(self, doc: Doc, owner: Token) -> str | None:
        """The name of the clause's subject when a possessive pronoun after it is its own:
        "Russia aimed to increase its armed forces" (the subject of "aimed" is that of
        "increase"), "Baker raised his offer to $40 million"; "its" is never a person's, "his"
        and "her" only a person's."""
        subject = tree.subject_of(tree.clause_head(owner))
        if subject is None or subject.i >= owner.i or not subject.ent_type_:
            return None
        if (subject.ent_type_ == "PERSON") != (owner.lower_ in _PERSON_PRONOUNS):
            return None
        names, _ = self._subject_anchor(doc, subject)
        return names[0] if names else None

    def _names_other_parties(self, doc: Doc, skip: set[int]) -> bool:
        """Whether the sentence names an organisation or a person (outside `skip`) that is not
        the entity the paragraph or the title is about."""
        borrowed = self.paragraph_entity or self.title_entity
        if borrowed is None:
            return False
        known = set(borrowed.lower().split())
        for entity in doc.ents:
            if entity.label_ not in ("ORG", "PERSON") or entity.root.i in skip:
                continue
            if tree.common_word(doc, entity.root):
                continue
            words = set(self._name(entity).lower().split())
            if words and not (words <= known or known <= words):
                return True
        return False

    def _is_person(self, doc: Doc, anchor: tuple[str, ...]) -> bool:
        """Whether the anchor's primary name is a person's, as the article has named them."""
        if not anchor:
            return False
        named = {self._name(e) for e in doc.ents if e.label_ == "PERSON"}
        return anchor[0] in named | self.people or anchor[0] == self.title_person

    def _says_which(self, thing: str) -> bool:
        """Whether a thing named with a common noun is told apart from others of its kind: by
        its words ("the northern harbour") or by the title ("the island" in "A quiet year on
        the island")."""
        return " " in thing or thing in self.title_words

    def _subject_anchor(
        self, doc: Doc, subject: Token | None
    ) -> tuple[tuple[str, ...], AnchorFrom]:
        if subject is None:
            return (), ""
        word = subject.lower_
        if word in _PERSON_PRONOUNS:
            if self.title_person is None and (
                self.title_was_subject or (self.title_is_name and not self.people)
            ):
                # an encyclopedia's article about someone says "she" of them, even before
                # naming them, when no one else has been named
                self.title_person = self.title_entity
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
        labels = tree.word_lists().anchor_labels
        title = self.title_entity
        if title is not None and subject.pos_ == "PROPN" and self._is_the_title(subject):
            # "The 1927 Tour of Vesland was 1,342 km long": the title's words, however the
            # recognizer cut them ("Tour", "Vesland")
            return (title,), "subject"
        if subject.ent_type_ in labels and not tree.common_word(doc, subject):
            return (self._name(tree.entity_of(doc, subject)),), "subject"
        person = self.title_person
        if person and not subject.ent_type_ and subject.text == person.split()[-1]:
            # "Lund died at 85" in the article "Ida Lund", the surname tagged a common noun
            return (person,), "subject"
        if subject.pos_ == "NOUN":
            # "a second book was published, The Glass Harbour": the name set beside the noun
            for child in subject.children:
                if child.dep_ == "appos" and child.ent_type_ in labels:
                    return (self._name(tree.entity_of(doc, child)),), "subject"
        if subject.pos_ == "PROPN" and not subject.ent_type_:
            # a name the entity recognizer missed ("Velmar is located ..."), unless it is a
            # capitalized first word the article's title does not name ("Net fell 16%")
            parts = [t for t in subject.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            first = subject.i == subject.sent.start and not parts
            if first and subject.lower_ not in self.title_words:
                return (), ""
            name = " ".join(t.text for t in [*parts, subject])
            return (self._known(name),), "subject"
        if self.title_entity is not None and (
            self._names_the_title(subject) or self._is_the_title(subject)
        ):
            return (self.title_entity,), "subject"
        return (), ""

    def _is_the_title(self, subject: Token) -> bool:
        """Whether the subject's words are the title's name ("Night at Molk is a 2004 film" in
        the article "Night at Molk"), however the recognizer tagged them."""
        if self.title_entity is None:
            return False
        phrase = subject.doc[subject.left_edge.i : subject.i + 1]
        phrase_words = [
            t for t in subject.subtree if t.i > subject.i and t.dep_ in ("prep", "pobj")
        ]
        words = " ".join(t.text for t in [*phrase, *phrase_words])
        said, title = plain_words(name_key(words)), plain_words(name_key(self.title_entity))
        # "Kelford station" of "Kelford railway station": the title said shorter
        return said == title or (
            len(said) > 1 and bool(title) and said[-1] == title[-1] and set(said) <= set(title)
        )

    def _names_the_title(self, noun: Token) -> bool:
        """ "The bridge spans 1,240 metres" in the article "Arden Bridge", "the lake" in "Lake
        Verrin": a definite common noun that the title's name ends or starts with is the
        title's thing. In an encyclopedia's article, whose title is a bare name, so is the
        subject "the album" or "the ship": it is what the article is about."""
        if self.title_entity is None or noun.pos_ != "NOUN":
            return False
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children):
            return False
        described = [c for c in noun.children if c.dep_ in ("amod", "compound", "nummod", "poss")]
        lemma = tree.lemma_of(noun)
        if lemma in tree.word_lists().time_nouns:
            return False
        words = plain_words(name_key(self.title_entity))
        if (
            words
            and lemma in (words[0], words[-1])
            # "the storm complex" in "October 2010 North American storm complex": its words
            and all(c.lemma_.lower() in self.title_words for c in described)
        ):
            return True
        if described:
            return False  # "the second season", "the new bridge": one of several
        encyclopedic = self.title_is_name and self.title_person is None
        # "the road over Mount Varrow" is told apart by its own phrase: not the title's thing
        placed = any(c.dep_ == "prep" for c in noun.children)
        return encyclopedic and noun.dep_ in ("nsubj", "nsubjpass") and not placed

    def _says_title_is_a_thing(self, doc: Doc) -> bool:
        """ "The Glass Road is a 1998 film directed by Ivo Marr", "Orsk is a town in
        Varnland", "Dunmore Bridge is a cable-stayed bridge": the main clause says that the
        title's name is a work (a film, an album, a novel), a place, or the kind of thing its
        own last word names."""
        if self.title_entity is None:
            return False
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None or tree.lemma_of(root) != "be":
            return False
        subject = tree.subject_of(root)
        attribute = next((c for c in root.children if c.dep_ == "attr"), None)
        if subject is None or attribute is None:
            return False
        words = tree.word_lists()
        kind = tree.lemma_of(attribute)
        named = plain_words(name_key(self.title_entity))
        if kind not in words.works | words.places and kind not in named[-1:]:
            return False
        phrase = doc[subject.left_edge.i : subject.right_edge.i + 1].text
        return names_match(name_key(phrase), name_key(self.title_entity))

    def _has_title_for_subject(self, doc: Doc) -> bool:
        """Whether the sentence's main clause has the title's bare name for subject ("In 2007,
        Tamsyn Korr joined the Ostend Players" in the article "Tamsin Korr")."""
        if not self.title_is_name or self.title_entity is None or self.title_person:
            return False
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        subject = tree.subject_of(root) if root is not None else None
        if subject is None or subject.pos_ != "PROPN":
            return False
        if subject.ent_type_ and subject.ent_type_ not in ("PERSON", "ORG"):
            return False  # a place or a people is never "he"
        name = (
            tree.entity_of(doc, subject).text
            if subject.ent_type_
            else " ".join(t.text for t in subject.subtree if t.pos_ == "PROPN")
        )
        return names_match(name_key(name), name_key(self.title_entity))

    def _apposed(self, noun: Token, doc: Doc) -> list[str]:
        """A person set beside the noun: "Tara Reid, 33," or "the actress, Tara Reid"."""
        labels = tree.word_lists().anchor_labels
        found: list[str] = []
        for token in (noun.head, *noun.children):
            if token.ent_type_ in labels and token.ent_type_ == "PERSON":
                found.append(self._name(tree.entity_of(doc, token)))
        return found

    # -- what the article has named so far ---------------------------------------------------

    def _name(self, entity: Span) -> str:
        return self._known(tree.clean_name(entity.text))

    def _known(self, name: str) -> str:
        """The full name the article gave first for `name` ("Baker" -> "Marina Baker")."""
        return self.aliases.get(name.lower(), name)

    def _learn_aliases(self, doc: Doc) -> None:
        people = [e for e in doc.ents if e.label_ == "PERSON"]
        for entity in people:
            full = tree.clean_name(entity.text)
            parts = full.split()
            if len(parts) >= 2:
                self.aliases.setdefault(parts[-1].lower(), full)
                if len(parts) >= 3:  # "Marina Augusta Baker" -> "Marina Baker" too
                    self.aliases.setdefault(f"{parts[0]} {parts[-1]}".lower(), full)
        # "Karl Ostrander, also spelt Carl Ostrander": the second name is the first one.
        for first, second in pairwise(people):
            between = doc.text[first.end_char : second.start_char]
            if _ALIAS.match(between):
                full, other = self._name(first), tree.clean_name(second.text)
                self.aliases.setdefault(other.lower(), full)
                self.other_names.setdefault(full, []).append(other)

    def _learn_salience(self, doc: Doc) -> None:
        labels = tree.word_lists().anchor_labels
        self.title_was_subject = self._has_title_for_subject(doc)
        if not self.title_is_thing and self._says_title_is_a_thing(doc):
            self.title_is_thing = True
            self.title_person = None
        title = name_key(self.title_entity) if self.title_entity else ""
        unknown = self.title_entity and not self.title_person and not self.title_is_thing
        if unknown and any(
            e.label_ == "PERSON" and names_match(name_key(e.text), title) for e in doc.ents
        ):
            self.title_person = self.title_entity
        for entity in doc.ents:
            if self.title_is_thing and names_match(name_key(entity.text), title):
                continue  # the work's or the place's name, tagged a person
            if entity.label_ == "PERSON":
                self.people.add(self._name(entity))
            if entity.label_ == "PERSON" and entity.root.dep_ in tree.SUBJECTS | {"ROOT", "appos"}:
                self.last_person = self._name(entity)
        if self.last_person is None:
            persons = [e for e in doc.ents if e.label_ == "PERSON"]
            if persons:
                self.last_person = self._name(persons[0])
        if self.paragraph_entity is None:
            subjects = [e for e in doc.ents if e.label_ in labels and e.root.dep_ in tree.SUBJECTS]
            named = subjects or [e for e in doc.ents if e.label_ in labels]
            if named:
                self.paragraph_entity = self._name(named[0])
