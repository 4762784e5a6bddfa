"""The ``quotes`` enricher: direct and indirect speech, and who said it.

Direct speech is text in quotation marks (straight or curly) with an attribution after
it (``"...," kata Anas``, ``"...," katanya``, ``"...," Anas menambahkan``) or before it
(``Anas mengatakan, "..."``, ``Menurut Anas, "..."``). Indirect speech is a clause with
an attribution but no quotation marks (``..., kata Menteri ... Abdullah Azwar Anas``,
``Alessandro menambahkan ...``). Speakers are resolved to the fullest name the article
gives (its tags first); pronoun attributions (``katanya``, ``kata dia``) go to the
previous speaker. See ``docs/enrichers/quotes.md``.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterator, Sequence
from typing import ClassVar, NamedTuple

import attrs

from seedcorpus.default_plugins import quote_patterns as patterns
from seedcorpus.default_plugins import speakers, subjects
from seedcorpus.default_plugins.quote_marks import closes as _closes
from seedcorpus.default_plugins.quote_marks import quotations as _quotations
from seedcorpus.default_plugins.quote_marks import unclosed as _unclosed
from seedcorpus.default_plugins.quote_sentences import plain, sentence_end, sentence_start
from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article, Enrichment
from seedcorpus.specs import EnricherSpec
from seedcorpus.text import ArticleText, article_text

__all__ = ["Quote", "Quotes", "enrich", "seedcorpus_enrichers"]

# Speech that closes with these before its mark and a cue word after it is attributed.
_ATTRIBUTED_END = (",", "?", "!")
# A description that points back: "pria itu", "pelatih asal Brasil tersebut".
_ANAPHOR = re.compile(r"\s+(?:[a-z0-9][\w\-]*\s+){1,6}?(?:itu|tersebut)\b")
_POINTS_BACK = re.compile(r"\s+(?:itu|tersebut)\b")
# The cue words without "-nya", to tell "katanya" (the previous speaker) from "tanya".
_CUE_WORDS = frozenset(patterns.CUES.split("|"))
# What subjects.nicknames can find as a nickname (its patterns' group "nick").
_NICKNAME = re.compile(rf"[{patterns.UPPER}][a-z]+")
# Searched once over the whole body (see _by_paragraph).
_INDIRECT_CUE = patterns.INDIRECT_CUE
_INDIRECT_VERBS = patterns.INDIRECT_VERBS


@attrs.frozen
class Quote:
    """One piece of reported speech.

    ``start`` and ``end`` are character offsets into ``article.paragraphs[paragraph]``;
    ``text`` is exactly that slice.
    """

    text: str
    """For direct speech, the words inside the quotation marks (without a trailing
    comma); for indirect speech, the reported clause: the sentence before the attribution
    (``X, kata Anas``), after it (``Anas mengatakan bahwa X``), or the whole sentence when
    the attribution sits inside it (``X, kata dia, Y``)."""
    speaker: str | None
    """The speaker's fullest name in the article, or ``None`` if the text names no person
    (only a title: ``Menteri PANRB menjelaskan``; an institution: ``kata BMKG``)."""
    cue: str | None
    """The attribution word as printed, in lower case, e.g. ``kata``, ``katanya``,
    ``mengatakan``, ``menurut``; ``None`` for a quotation without one."""
    paragraph: int
    """Index of the paragraph in ``article.paragraphs``."""
    direct: bool
    """True for words in quotation marks, False for indirect speech."""
    start: int
    """Offset of the first character of ``text`` in the paragraph."""
    end: int
    """Offset one past the last character."""
    role: str | None = None
    """The title or office printed with the name, e.g. ``Direktur PT Astra Otoparts
    Tbk``; ``None`` if there is none."""
    speaker_kind: str | None = None
    """What the attribution names (see :data:`~seedcorpus.default_plugins.speakers.KINDS`):
    ``person``, ``role`` (a title alone), ``institution``, ``not-a-person`` (a weekday, a
    place) or ``unknown`` (no attribution, or a pronoun with no one before it); ``None``
    in data written before version 2 of the enricher."""
    attribution: str | None = None
    """The words naming the speaker as printed (``Kasubdit Tipikor Ditreskrimsus Polda,
    AKBP Ferdiyan Fahmi``, ``dia``), or ``None``."""


@attrs.frozen
class Quotes(Enrichment):
    """The reported speech of an article, in reading order."""

    kind: ClassVar[str] = "quotes"

    quotes: tuple[Quote, ...] = ()
    """Direct and indirect speech, ordered by paragraph and offset."""


# _Cue and _Said are made several times for every quotation and live only while the
# article is read: a NamedTuple is made a few times faster than a frozen attrs class.
class _Cue(NamedTuple):
    """An attribution as printed: the cue and what names the speaker."""

    cue: str | None
    run: str | None = None
    """The words naming the speaker, as printed."""
    pronoun: bool = False
    """The attribution points back to the previous speaker (``katanya``, ``kata dia``)."""
    inherited: bool = False
    """No attribution of its own: the speech continues the speaker's words around it."""
    anaphor: bool = False
    """A description points back to someone named before: ``kata pelatih asal Brasil
    itu``."""


class _Said(NamedTuple):
    """A quote before its speaker is resolved."""

    paragraph: int
    start: int
    end: int
    direct: bool
    cue: _Cue | None
    runs_on: bool = False
    """The quotation is not closed in its paragraph: it goes on in the next."""


_START = operator.attrgetter("start")
# The usual _Cue and _Said are made by tuple.__new__ with every field: a NamedTuple's
# own __new__ is a Python function (for the defaults) that costs a third of each.
_new = tuple.__new__


def _cue(
    nya: str | None,
    cue: str | None,
    name: str | None,
    pronoun: str | None,
    subject: str | None = None,
    verb: str | None = None,
) -> _Cue | None:
    """The attribution an attribution pattern matched, or None if the words are not one.

    The arguments are the pattern's groups of those names (None for a group it lacks),
    taken with one ``match.group(...)`` call: building a dict of them for every
    quotation costs more than reading it."""
    if nya:
        return _new(_Cue, (nya.lower(), None, True, False, False))
    if cue is not None:
        cue = cue.lower()
        # One word (most cues) has no spaces to even out: spares two splits and a join.
        word = cue
        if not cue.isalpha():
            cue = " ".join(cue.split())  # "demikian  kata"
            word = cue.split()[0]
        points_back = cue.endswith("nya") and cue[:-3] in _CUE_WORDS  # not "tanya"
        if points_back:
            name = pronoun = None  # "katanya kepada wartawan": the previous speaker
        if name is None and pronoun is None and not points_back:
            return None  # "kata kunci", "jelas bahwa": the word, not an attribution
        return _new(_Cue, (word, name or pronoun, name is None, False, False))
    if subject is None or subject.split()[0].lower() in _NOT_SUBJECTS:
        return None
    if _PRONOUN.fullmatch(subject):
        return _new(_Cue, (verb, subject, True, False, False))
    return _new(_Cue, (verb, subject, False, False, False))


_PRONOUN = re.compile(patterns.PRONOUN)
# Capitalized pronouns that are not a speaker anyone can name.
_NOT_SUBJECTS = frozenset(["kami", "kita", "saya", "aku", "mereka", "anda", "kalian"])


def _direct(
    index: int,
    paragraph: str,
    taken: list[tuple[int, int]],
    places: subjects.Reader,
    continued: bool,
) -> list[_Said]:
    """Quotations in ``paragraph``; adds their spans and attributions to ``taken``.

    ``continued``: the previous paragraph's last quotation was not closed, so a closing
    mark before any opening one ends its continuation here.
    """
    said: list[_Said] = []
    previous_end = 0
    searched_from = 0
    spans: list[tuple[int, int, int, int]] = []  # (mark start, text start, text end, mark end)
    if continued:
        first_mark = min(
            i for i in (paragraph.find('"'), paragraph.find("“"), paragraph.find("”")) if i >= 0
        )
        if _closes(paragraph, first_mark) and paragraph.count('"') % 2 == 1:
            spans.append((0, 0, first_mark, first_mark + 1))
            searched_from = first_mark + 1
    spans += _quotations(paragraph, searched_from)
    last_end = spans[-1][3] if spans else searched_from
    opening = _unclosed(paragraph, last_end)
    for mark_start, start, end, mark_end in spans:
        text = paragraph[start:end]
        # The comma before the closing mark belongs to the attribution, not the speech.
        stripped = text.rstrip()
        end = start + len(stripped.rstrip(",").rstrip())
        start += len(text) - len(text.lstrip())
        if start >= end:
            continue
        cue, taken_end = None, mark_end
        after = patterns.AFTER_QUOTE.match(paragraph, mark_end)
        if after is not None:
            cue = _cue(None, *after.group("cue", "name", "pronoun", "subject", "verb"))
            if cue is not None and cue.run and _POINTS_BACK.match(paragraph, after.end()):
                # "kata pelatih asal Brasil itu": a description, not a name
                cue = _Cue(cue.cue, anaphor=True)
            if cue is not None:
                taken_end = after.end()
            elif after.group("cue") and stripped.endswith(_ATTRIBUTED_END):
                # '"...," kata pelatih asal Brasil itu': the person named before;
                # '"...," kata sumber di kejaksaan': an attribution that names no one.
                anaphor = _ANAPHOR.match(paragraph, after.end())
                cue = _Cue(after.group("cue").lower().split()[0], anaphor=anaphor is not None)
                taken_end = after.end()
        if cue is None and mark_start > 0:
            cue = _before(
                paragraph,
                max(previous_end, mark_start - patterns.BEFORE_WINDOW),
                mark_start,
                places,
            )
        if cue is None:
            lead_in = paragraph[previous_end:mark_start].rstrip()
            follows = paragraph[mark_end : mark_end + 2].lstrip()
            if said and lead_in.endswith(","):
                cue = _Cue(None, inherited=True)
            elif lead_in and not lead_in.endswith((".", "!", "?", ":")):
                continue  # a term or a title in quotation marks, not speech
            elif follows[:1].isalnum() and not stripped.endswith(patterns.SPEECH_END):
                continue  # "Mercy and Justice" International Short Film: a title
            elif len(paragraph[start:end].split()) < patterns.MIN_UNATTRIBUTED_WORDS:
                continue
            else:
                cue = _Cue(None, inherited=True)
        said.append(_new(_Said, (index, start, end, True, cue, False)))
        taken.append((mark_start, taken_end))
        previous_end = mark_end
    if opening is not None:
        span = _trimmed(paragraph, opening + 1, len(paragraph))
        if (
            span is not None
            and len(paragraph[span[0] : span[1]].split()) >= patterns.MIN_UNATTRIBUTED_WORDS
        ):
            cue = _before(
                paragraph, max(previous_end, opening - patterns.BEFORE_WINDOW), opening, places
            )
            said.append(
                _Said(
                    index, *span, direct=True, cue=cue or _Cue(None, inherited=True), runs_on=True
                )
            )
            taken.append((opening, len(paragraph)))
    return said


def _before(paragraph: str, lo: int, at: int, places: subjects.Reader) -> _Cue | None:
    """The attribution ending right before an opening quotation mark at ``at``."""
    window = paragraph[lo:at]
    if not _may_end_attribution(window):
        return None
    match = patterns.CUE_BEFORE_QUOTE.search(window)
    if match is not None:
        return _cue(*match.group("nya", "cue", "name", "pronoun"))
    match = patterns.VERB_BEFORE_QUOTE.search(window) or patterns.ANY_VERB_BEFORE_QUOTE.search(
        window
    )
    if match is None:
        return None
    found = subjects.subject(paragraph, lo + match.start(), places)
    if found is None or found[0] < lo:
        return None
    return _cue(None, None, None, None, found[1], match.group("verb"))


def _may_end_attribution(text: str) -> bool:
    """Whether ``text`` may end with an attribution: its last word is a speech verb,
    ``bahwa``, or part of a name or a pronoun. A cheap test that spares most quotations
    the search of the attribution patterns, which try a name at every position."""
    tail = text.rstrip(" ,:")
    return patterns.ATTRIBUTION_END.fullmatch(tail, tail.rfind(" ") + 1) is not None


def _indirect(
    index: int,
    paragraph: str,
    taken: list[tuple[int, int]],
    cues: list[re.Match[str]],
    verbs: list[re.Match[str]],
    offset: int,
    places: subjects.Reader,
    text: ArticleText,
) -> list[_Said]:
    """Attributions outside quotation marks, with the clause each reports.

    ``cues`` and ``verbs`` are the matches of :data:`patterns.INDIRECT_CUE` and
    :data:`patterns.INDIRECT_VERBS` in the paragraph, found in a text where it starts
    at ``offset``.
    """
    # (where the attribution starts, the cue, the reported span; None: sentence's own end)
    # Only attributions outside the quotations are kept, so that a paragraph with none
    # is not split into sentences.
    found: list[tuple[int, _Cue, int | None, int | None]] = []
    for match in cues:
        at, after = match.start() - offset, match.end() - offset
        cue = _cue(None, *match.group("cue", "name", "pronoun"))
        if cue is None or _inside(taken, at):
            continue
        if cue.pronoun and paragraph.startswith(",", after):
            found.append((at, cue, None, None))  # "<clause>, kata dia, <clause>."
        else:
            found.append((at, cue, None, at))  # "<clause>, kata Anas."
    for verb in verbs:
        at = verb.start() - offset
        if _inside(taken, at):
            continue  # the verb of a direct quotation's attribution
        subject = subjects.subject(paragraph, at, places)
        if subject is not None and not _inside(taken, subject[0]):  # "Anas mengatakan <clause>."
            cue = _cue(None, None, None, None, subject[1], verb.group("verb"))
            if cue is not None:
                found.append((subject[0], cue, verb.end() - offset, None))
    if not found:
        return []

    said: list[_Said] = []
    periods = plain(paragraph)  # the bounds are read without a split where plain to see
    for at, cue, start, end in found:
        lo = start if start is not None else sentence_start(paragraph, at) if periods else -1
        hi = end if end is not None else sentence_end(paragraph, at) if periods else -1
        if lo < 0 or hi < 0:
            sentence = (0, len(paragraph))
            for bounds in text.sentences(index):
                if bounds[0] <= at < bounds[1]:
                    sentence = bounds
                    break
            lo, hi = sentence[0] if lo < 0 else lo, sentence[1] if hi < 0 else hi
        span = _trimmed(paragraph, lo, hi)
        if span is not None:
            said.append(_new(_Said, (index, span[0], span[1], False, cue, False)))
    return said


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` is in one of ``spans``."""
    # A loop, not any() over a generator: this runs for every verb and attribution, on
    # lists of one or two spans, where making the generator costs more than the test.
    for start, end in spans:  # noqa: SIM110
        if start <= at < end:
            return True
    return False


def _trimmed(paragraph: str, start: int, end: int) -> tuple[int, int] | None:
    """The span from ``start`` to ``end`` without surrounding spaces and punctuation."""
    text = paragraph[start:end]
    stripped = text.strip().rstrip(".,;:!?").rstrip()
    if not stripped:
        return None
    start += len(text) - len(text.lstrip())
    return start, start + len(stripped)


def _by_paragraph(
    paragraphs: Sequence[str], patterns: Sequence[Sequence[re.Pattern[str]]]
) -> tuple[list[int], list[dict[int, list[re.Match[str]]]]]:
    """Where each paragraph starts in the text searched, and for each group of
    ``patterns`` their matches by paragraph index (in the order of the group's patterns,
    then of the text)."""
    found: list[dict[int, list[re.Match[str]]]] = [{} for _ in patterns]
    # One search over the whole body instead of one per paragraph. NUL between paragraphs
    # is a character no pattern matches or skips over (not even as whitespace), so no
    # match reaches across it and every lookaround sees a paragraph's end as it would
    # the end of the text. (A NUL is looked for in each paragraph: faster than a count.)
    if any("\x00" in paragraph for paragraph in paragraphs):  # one by one
        for index, paragraph in enumerate(paragraphs):
            for group, by_index in zip(patterns, found, strict=True):
                matches = [match for pattern in group for match in pattern.finditer(paragraph)]
                if matches:
                    by_index[index] = matches
        return [0] * len(paragraphs), found
    body = "\x00".join(paragraphs)
    starts = []
    offset = 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 1
    for group, by_index in zip(patterns, found, strict=True):
        for pattern in group:
            for match in pattern.finditer(body):
                index = bisect.bisect_right(starts, match.start()) - 1
                by_index.setdefault(index, []).append(match)
    return starts, found


def enrich(article: Article) -> Quotes:
    """Find the direct and indirect speech in ``article`` and resolve the speakers."""
    paragraphs = article.paragraphs
    starts, (cues, verbs) = _by_paragraph(
        paragraphs, [[patterns.INDIRECT_CUE], patterns.INDIRECT_VERBS]
    )
    text = article_text(paragraphs)
    places = subjects.Reader(subjects.places_of(article, text.body))
    said: list[_Said] = []
    continued = runs_on = False
    for index, paragraph in enumerate(paragraphs):
        taken: list[tuple[int, int]] = []
        # Most paragraphs have no quotation mark: a literal test is much cheaper than
        # the call (and a search that starts with a set of marks).
        if '"' in paragraph or "“" in paragraph or "”" in paragraph:
            in_paragraph = _direct(index, paragraph, taken, places, continued)
            continued = bool(in_paragraph) and in_paragraph[-1].runs_on
            runs_on = runs_on or continued  # (only _direct's last quote may run on)
        else:
            in_paragraph, continued = [], False
        if index in cues or index in verbs:
            in_paragraph += _indirect(
                index,
                paragraph,
                taken,
                cues.get(index, []),
                verbs.get(index, []),
                starts[index],
                places,
                text,
            )
        if len(in_paragraph) > 1:
            said += sorted(in_paragraph, key=_START)
        elif in_paragraph:
            said.append(in_paragraph[0])  # most paragraphs: nothing to sort
    if not said:
        return Quotes()

    runs = {
        s.cue.run: places.split(s.cue.run)
        for s in said
        if s.cue and s.cue.run and not s.cue.pronoun
    }
    # An organisation that speaks as a body ("kata Jasa Marga") names words that are not
    # a person's elsewhere in the article ("Group Head Jasa Marga Lisye Octaviana").
    learned = {
        word.lower()
        for attribution in runs.values()
        if attribution.kind == "institution" and attribution.role
        for word in attribution.role.split()
        if word[:1].isupper() and word.isalpha() and not word.isupper()
    }
    if learned:
        places.learn(learned)
        runs = {run: places.split(run) for run in runs}
    names = speakers.Names.build(
        article.tags,
        [a.name for a in runs.values() if a.name],
        subjects.searchable(article),
        places.places.words,
        places.split,
    )
    # Only a one-word name can be a nickname: most articles never search for them.
    nicknames: dict[str, str] | None = None
    quotes: list[Quote] = []
    previous: str | None = None
    for index, start, end, direct, cue, _ in said:
        speaker, kind, role = None, "unknown", None
        if cue is not None and cue.anaphor:
            speaker = subjects.named_before(paragraphs, index, start, places, names) or previous
            kind = "person" if speaker else "unknown"
        elif cue is not None and cue.pronoun:
            # No one has spoken yet: the person the text named last ("Budi Hartanto (52),
            # nelayan ..., mengeluhkan ..." then '"...," keluhnya').
            speaker = previous or subjects.named_before(paragraphs, index, start, places, names)
            kind = "person" if speaker else "unknown"
        elif cue is not None and cue.run is not None:
            attribution = runs[cue.run]
            role, kind = attribution.role, attribution.kind
            name = attribution.name
            if name is not None:
                if " " not in name and _NICKNAME.fullmatch(name):  # (a literal test first)
                    if nicknames is None:
                        nicknames = subjects.nicknames(text.body, places)
                    name = nicknames.get(name, name)
                speaker = names.fullest(name)
        elif cue is not None and cue.inherited and previous is not None:
            speaker, kind = previous, "person"
        # An attribution by title alone ("Menteri PANRB menjelaskan") usually refers back
        # to the person already speaking, so it does not reset the previous speaker.
        previous = speaker or previous
        # The fields in their order, without keywords: a third faster, for every quote.
        quotes.append(
            Quote(
                paragraphs[index][start:end],  # text
                speaker,
                None if cue is None else cue.cue,  # cue
                index,  # paragraph
                direct,
                start,
                end,
                role,
                kind,  # speaker_kind
                None if cue is None else cue.run,  # attribution
            )
        )
    # A quotation that goes on in the next paragraph is the words of whoever the next
    # paragraph's attribution names (later quotes are not changed before they are read).
    for number, s in enumerate(said) if runs_on else ():
        if s.runs_on and s.cue is not None and s.cue.inherited:
            following = next((n for n in said[number + 1 :] if n.direct), None)
            at = said.index(following) if following is not None else -1
            if (
                at >= 0
                and following is not None
                and following.paragraph == s.paragraph + 1
                and quotes[at].speaker
            ):
                quotes[number] = attrs.evolve(
                    quotes[number], speaker=quotes[at].speaker, speaker_kind="person"
                )
    return Quotes(quotes=tuple(quotes))


@hookimpl
def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
    """Provide the ``quotes`` enricher."""
    yield EnricherSpec(
        name="quotes",
        enrich=enrich,
        types=(Quotes,),
        description="Direct and indirect speech with resolved speakers",
        version="3",
    )
