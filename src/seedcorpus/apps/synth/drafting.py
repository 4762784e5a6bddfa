"""One synthetic article drawn from a random generator: its parts and its noisy text.

``_Draft`` draws everything an article holds (title, tags, caption, dateline, paragraphs
with quotations and acronym definitions, footer) from one :class:`random.Random`, and
renders the text with the whitespace damage of scraped copies. The same generator state
gives the same article: the order and number of draws is what keeps corpora
byte-identical for a seed.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from typing import TypeVar

from seedcorpus.apps.synth.vocabulary import (
    _ACRONYMS,
    _CAPTION_ACTIONS,
    _CLAUSES,
    _DATELINE_AGENCIES,
    _FIRST_NAMES,
    _GENERIC_SUBJECTS,
    _HUMAS,
    _JAKARTA,
    _LAST_NAMES,
    _MONTHS,
    _OPENERS,
    _PLACES,
    _QUOTE_SUBJECTS,
    _ROLES,
    _TAG_TOPICS,
    _TITLE_VERBS,
    _TITLE_VERBS_LONG,
    _TOPIC_NAMES,
    _TOPICS,
    _WEEKDAYS,
    CUE_VERBS,
)
from seedcorpus.models import Byline, Caption, Copyright, Dateline, Syndication

__all__: list[str] = []

_T = TypeVar("_T")
_FIRST_DAY = datetime.date(2015, 1, 1)
_DAYS = 3653  # ten years of publication dates


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Person:
    """A person the article quotes: full role and name the first time, a short form later."""

    __slots__ = ("full", "mentioned", "name_only", "short")

    def __init__(self, full: str, name_only: str, short: str) -> None:
        self.full = full
        self.name_only = name_only
        self.short = short
        self.mentioned = False

    def name(self) -> str:
        if self.mentioned:
            return self.short
        self.mentioned = True
        return self.full


class _Draft:
    """One article, drawn from ``rng``: its parts as the parser should read them, and
    the text that carries them (with the noise of real files)."""

    def __init__(self, rng: random.Random) -> None:
        # random() is a bare C call; choice() and randrange() cost ten times more in
        # Python code, and an article draws a few hundred numbers.
        self.random = rng.random
        pick, below, random_ = self.pick, self.below, self.random
        self.cues: list[str] = []
        self.acronyms: list[tuple[str, str]] = []
        self.defined: set[str] = set()
        self.caption_line = ""
        self.published = _FIRST_DAY + datetime.timedelta(days=below(_DAYS))
        published = self.published
        self.weekday = _WEEKDAYS[published.weekday()]
        # Most ANTARA news is written in Jakarta, whose datelines name no region.
        place = _JAKARTA if random_() < 0.3 else pick(_PLACES)
        self.city, self.region_short, self.region = place
        topic = pick(_TOPIC_NAMES)
        self.subjects, title_objects = _TOPICS[topic][0], _TOPICS[topic][2]
        self.clauses, self.seconds = _CLAUSES[topic]
        self.persons = [self.person() for _ in range(1 + below(3))]
        self.complements = self.make_complements()
        self.institution_long, self.institution = pick(_ACRONYMS)
        institution = self.institution

        title_verb = below(len(_TITLE_VERBS))
        title_object = pick(title_objects)
        where = pick((f" {self.region_short}", f" di {self.city}", "", f" {published.year}"))
        self.title = f"{institution}{where} {_TITLE_VERBS[title_verb]} {title_object}"
        self.language: str | None = None
        self.tags: tuple[str, ...] = ()
        if random_() < 0.85:
            self.language = "id"
            tags = [self.persons[0].name_only, institution, self.city, _TAG_TOPICS[topic]]
            first = below(4)  # a rotation, so every tag gets to lead
            self.tags = tuple((tags[first:] + tags[:first])[: 2 + below(3)])

        self.caption: Caption | None = None
        if random_() < 0.7:
            self.caption = self.make_caption(self.persons[0])

        agency_kind = below(3)
        agency = _DATELINE_AGENCIES[agency_kind]
        if agency_kind == 0 or (agency_kind == 1 and place is _JAKARTA):
            self.dateline = Dateline(city=self.city, agency=agency)
        elif agency_kind == 1:
            self.dateline = Dateline(city=self.city, agency=agency, region=self.region_short)
        else:
            date = f"{published.day}/{published.month}"
            self.dateline = Dateline(city=self.city, agency=agency, date=date)

        self.paragraphs = self.body(3 + below(23), 2600 + below(2800))

        self.syndication: Syndication | None = None
        footer: list[str] = []
        if random_() < 0.5:
            name = self.institution_long if random_() < 0.5 else institution
            original = f"{name} {_TITLE_VERBS_LONG[title_verb]} {title_object}{where}"
            self.syndication = Syndication("Antaranews.com", original)
            footer.append(f"Berita ini telah tayang di Antaranews.com dengan judul: {original}")
        reporter = editor = None
        kind = below(5)
        if kind == 0:
            footer.append("Pewarta :")
        elif kind == 1:
            reporter = self.plain_name()
            footer.append(f"Pewarta: {reporter}")
        elif kind == 2:
            reporter = f"{self.plain_name()} dan {self.plain_name()}"
            footer.append(f"Pewarta : {reporter}")
        elif kind == 3:
            reporter = self.plain_name()
            footer.append(f"PEWARTA: {reporter}")
        kind = below(4)
        if kind == 0:
            footer.append("Editor:")
        elif kind < 3:
            editor = self.plain_name()
            footer.append(f"Editor: {editor}")
        self.byline = Byline.from_text(reporter, editor)
        self.copyright: Copyright | None = None
        if random_() < 0.8:
            self.copyright = Copyright("ANTARA", published.year)
            footer.append(f"COPYRIGHT © ANTARA {published.year}")

        self.text = self.render(footer)

    # --- drawing ------------------------------------------------------------------------

    def pick(self, items: Sequence[_T]) -> _T:
        """One of ``items``, uniformly."""
        return items[int(self.random() * len(items))]

    def below(self, n: int) -> int:
        """An integer from 0 to ``n - 1``, uniformly."""
        return int(self.random() * n)

    # --- parts --------------------------------------------------------------------------

    def plain_name(self) -> str:
        return f"{self.pick(_FIRST_NAMES)} {self.pick(_LAST_NAMES)}"

    def person(self) -> _Person:
        last = self.pick(_LAST_NAMES)
        name = f"{self.pick(_FIRST_NAMES)} {last}"
        role = self.pick(_ROLES).format(city=self.city, region=self.region_short)
        return _Person(f"{role} {name}", name, last)

    def date_in_text(self) -> str:
        """A mention of the publication day in one of the forms articles use."""
        day = self.published
        kind = self.below(3)
        if kind == 0:
            return f"{self.weekday} ({day.day}/{day.month})"
        if kind == 1:
            return f"{self.weekday} ({day.day}/{day.month}/{day.year})"
        return f"{self.weekday}, {day.day} {_MONTHS[day.month - 1]} {day.year}"

    def make_caption(self, person: _Person) -> Caption:
        pick, random_ = self.pick, self.random
        day = self.published
        if random_() < 0.8:
            text = (
                f"{person.full} (kanan) {pick(_CAPTION_ACTIONS)} di {self.city}, "
                f"{self.weekday} ({day.day}/{day.month}/{day.year})."
            )
        else:
            text = f"{person.full} {pick(_CAPTION_ACTIONS)} di {self.city}."
        style = self.below(3)
        if style == 0:
            credit = f"ANTARA/HO-{pick(_HUMAS).format(city=self.city, region=self.region_short)}"
            self.caption_line = f"{text} {credit}"
        elif style == 1:
            credit = f"ANTARA FOTO/{self.plain_name()}"
            self.caption_line = f"{text} ({credit})" if random_() < 0.5 else f"{text} {credit}"
        else:
            credit = f"Antaranews/{self.plain_name()}"
            self.caption_line = f"{text} ({credit})"
        return Caption(text, credit)

    def subject(self) -> str:
        """Who a sentence is about; the article's acronym is defined where first used."""
        kind = self.below(10)
        if kind < 4:
            return self.pick(_GENERIC_SUBJECTS)
        if kind < 7:
            return self.pick(self.subjects)
        if kind < 9:
            if not self.defined:
                self.defined.add(self.institution)
                self.acronyms.append((self.institution, self.institution_long))
                return f"{self.institution_long} ({self.institution})"
            return self.institution
        return self.pick(self.persons).name()

    def make_complements(self) -> tuple[str, ...]:
        """Where, when or how much, to end clauses with; a few empty. Drawn once per
        article: a clause then costs one draw instead of a function call and several."""
        year = self.published.year
        below = self.below
        return (
            f" di {self.city}",
            f" pada {self.date_in_text()}",
            f" pada {self.date_in_text()}",
            f" sepanjang tahun {year}",
            f" sebesar {1 + below(99)},{1 + below(9)} persen",
            f" sebesar {1 + below(99)},{1 + below(9)} persen",
            f" senilai Rp{2 + below(899)} miliar",
            f" senilai Rp{2 + below(899)} miliar",
            f" bagi masyarakat di {self.region}",
            f" hingga akhir {self.pick(_MONTHS)} {year}",
            f" hingga akhir {self.pick(_MONTHS)} {year}",
            *("" for _ in range(5)),
        )

    def clause(self) -> str:
        """A verb phrase with its object, maybe a complement and a second clause."""
        # The hottest code of the generator, so it indexes inline instead of calling pick().
        random_ = self.random
        clauses, complements, seconds = self.clauses, self.complements, self.seconds
        text = (
            clauses[int(random_() * len(clauses))] + complements[int(random_() * len(complements))]
        )
        if random_() < 0.5:
            text += seconds[int(random_() * len(seconds))]
        return text

    def sentences(self, length: int) -> str:
        """Sentences of narration, at least one, until they reach ``length`` characters."""
        random_ = self.random
        parts: list[str] = []
        size = 0
        while size < length:
            subject = self.subject()
            if random_() < 0.3:
                sentence = f"{_OPENERS[int(random_() * len(_OPENERS))]}{subject} {self.clause()}."
            else:
                sentence = f"{_capitalize(subject)} {self.clause()}."
            parts.append(sentence)
            size += len(sentence) + 1
        return " ".join(parts)

    def quoted(self, length: int) -> str:
        """The words of a quotation, without closing punctuation: one to three sentences,
        as many as ``length`` characters ask for."""
        pick = self.pick
        parts: list[str] = []
        size = 0
        while size < length and len(parts) < 3:
            part = f"{pick(_QUOTE_SUBJECTS)} {self.clause()}"
            parts.append(part)
            size += len(part) + 2
        return ". ".join(parts)

    def body(self, count: int, length: int) -> list[str]:
        """``count`` paragraphs of about ``length`` characters in all."""
        pick, below = self.pick, self.below
        per_paragraph = length // count
        lead = self.persons[0]
        paragraphs = [
            f"{_capitalize(self.subject())} {self.clause()}, "
            f"kata {lead.name()} di {self.city}, {self.weekday}."
        ]
        self.cues.append("kata")
        for _ in range(count - 1):
            kind = below(10)
            if kind < 3:
                person = pick(self.persons)
                cue = pick(CUE_VERBS)
                if person.mentioned and self.random() < 0.4:
                    cue += "nya"
                    attribution = cue
                else:
                    attribution = f"{cue} {person.name()}"
                self.cues.append(cue)
                paragraphs.append(f'"{self.quoted(per_paragraph - 40)}," {attribution}.')
            elif kind == 3:
                self.cues.append("katanya")
                paragraphs.append(f'"{self.quoted(per_paragraph - 10)}," katanya.')
            elif kind == 4:
                cue = pick(CUE_VERBS)
                self.cues.append(cue)
                paragraphs.append(f"{_capitalize(self.subject())}, {cue} dia, {self.clause()}.")
            else:
                paragraphs.append(self.sentences(per_paragraph))
        return paragraphs

    # --- the text -----------------------------------------------------------------------

    def noisy(self, paragraph: str) -> str:
        """The paragraph with the whitespace damage of real files; normalizing undoes it."""
        random_ = self.random
        if random_() < 0.15:
            # A no-break space, alone or before an ordinary one: "Azerbaijan\xa0 memperkuat".
            space = paragraph.find(" ", self.below(len(paragraph)))
            if space > 0:
                filler = "\xa0" if random_() < 0.5 else "\xa0 "
                paragraph = f"{paragraph[:space]}{filler}{paragraph[space + 1 :]}"
        if random_() < 0.05:
            paragraph += self.pick((" ", "\xa0 ", "\t"))
        return paragraph

    def render(self, footer: list[str]) -> str:
        random_ = self.random
        title_line = self.title + (" " if random_() < 0.1 else "")
        blocks = [title_line]
        if self.language is not None:
            blocks.append(f"{self.language} {','.join(self.tags)}")
        blocks.append(title_line)
        if self.caption is not None:
            blocks.append(self.caption_line)
        dateline = self.dateline
        place = ", ".join(p for p in (dateline.city, dateline.region, dateline.date) if p)
        dash = "–" if random_() < 0.1 else "-"
        first, *rest = self.paragraphs
        blocks.append(f"{place} ({dateline.agency}) {dash} {self.noisy(first)}")
        blocks.extend(self.noisy(paragraph) for paragraph in rest)
        if random_() < 0.1:
            text = self.pick(("\n\n\n", "\n \n", "\n\t\n\n")).join(blocks)
        else:
            text = "\n\n".join(blocks)
        if footer:
            text += ("\n\n\n\n" if random_() < 0.5 else "\n\n") + "\n".join(footer)
        if random_() < 0.8:
            text += "\n"
        if random_() < 0.05:
            text = text.replace("\n", "\r\n")
        return text
