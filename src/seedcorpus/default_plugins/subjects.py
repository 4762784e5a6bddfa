"""Who is speaking, read from the words around a speech verb and from the article.

The ``quotes`` enricher finds a speech verb (``mengatakan``) or a cue; this module finds
the subject before the verb past times, places and relative clauses (``Asmar di
Kendari, Minggu (1/7), mengatakan``), the people a description points back to (``kata
pelatih asal Brasil itu``), the nicknames an article explains, and the places it names.
See ``docs/enrichers/quotes.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from seedcorpus.default_plugins import quote_patterns as patterns
from seedcorpus.default_plugins import speakers
from seedcorpus.models import Article

__all__ = [
    "Reader",
    "named_before",
    "nicknames",
    "places_of",
    "searchable",
    "subject",
]

# A nickname and the name it stands for: "Kiki, sapaan akrab Friderica", "Friderica,
# yang akrab disapa Kiki".
_NICKNAME = re.compile(
    rf"(?P<nick>[{patterns.UPPER}][a-z]+),\s+(?:sapaan|panggilan)(?:\s+akrab)?\s+"
    rf"(?P<name>{patterns.RUN})"
)
_NICKNAMED = re.compile(
    rf"(?P<name>{patterns.RUN}),?\s+(?:yang\s+)?(?:akrab\s+)?(?:disapa|dipanggil)\s+"
    rf"(?P<nick>[{patterns.UPPER}][a-z]+)"
)


def subject(text: str, end: int, places: Reader) -> tuple[int, str] | None:
    """Where the subject of a verb at ``end`` starts in ``text``, and its words.

    Looks past a time or a place between them (``Asmar di Kendari, Minggu (1/7),
    mengatakan``) and joins an apposition (``Budi Santoso, Kepala Dinas X, mengatakan``).
    """
    lo = max(0, end - patterns.BEFORE_WINDOW)
    for _ in range(10):  # each turn takes off one adjunct, place or time
        # Cheap tests before the searches, which try a match at every position, on one
        # slice of the last 60 characters: the text may end with an adjunct if it ends
        # with a comma or a parenthesis or one of its last five words introduces a time
        # or place; with a subject (as in _may_end_with_subject) if its last word is
        # capitalized, an acronym in parentheses or a pronoun. Most verbs stop here.
        near = max(lo, end - 60)
        tail = text[near:end]
        stripped = tail.rstrip()
        if stripped.endswith((",", ")")) or not _ADJUNCT_WORDS.isdisjoint(
            stripped.rsplit(None, 5)[-5:]
        ):
            # An adjunct is short: searching its last 60 characters finds it.
            adjunct = patterns.ADJUNCT_END.search(text, near, end)
            if adjunct is not None and adjunct.start() < end:
                end = adjunct.start()
                continue
        words = tail.rstrip(" ,")
        space = words.rfind(" ")
        # The last word, unless it may reach back past the 60 characters.
        last = words[space + 1 :] if space >= 0 or near == lo else _last_word(text, lo, end)
        if not last or not (last[0].isupper() or last[0] == "(" or last in _PRONOUNS):
            return None
        match = patterns.SUBJECT.search(text, _run_start(text, lo, end), end)
        if match is None:
            return None
        run = match.group("subject")
        start = match.start()
        relative = _RELATIVE.search(text, max(lo, start - 40), start)
        if relative is not None and _may_end_with_subject(text, lo, relative.start()):
            # "Budi Prasetyo, yang juga Ketua Kelompok Tani X, mengatakan": the person is
            # before the relative clause, the run after it is the role.
            before = patterns.SUBJECT.search(
                text, _run_start(text, lo, relative.start()), relative.start()
            )
            if before is not None:
                return before.start(), f"{before.group('subject')}, {run}"
        if _last_word(text, lo, start) in _PREPOSITIONS:
            end = text.rindex(" ", lo, start - 1) if " " in text[lo : start - 1] else lo
            continue  # "di Kendari": a place, not the subject
        if speakers.names_a_time_or_place(run, places.places.words):
            end = start  # "Minggu": a time, not the subject
            continue
        if text[lo:start].rstrip().endswith(",") and _may_end_with_subject(text, lo, start):
            apposition = patterns.SUBJECT.search(text, _run_start(text, lo, start), start)
            if (
                apposition is not None
                and _last_word(text, lo, apposition.start()) not in _PREPOSITIONS
                and places.split(apposition.group("subject")).kind
                in ("person", "role", "institution")
            ):
                return apposition.start(), text[apposition.start() : match.end()].rstrip(" ,")
        return start, run
    return None


# A relative clause between a name and a role: "Budi, yang juga Ketua X,".
_RELATIVE = re.compile(
    r",\s+yang\s+(?:juga\s+)?(?:merupakan\s+|adalah\s+|menjabat\s+(?:sebagai\s+)?)?$"
)
_PREPOSITIONS = frozenset(("di", "dari", "ke", "pada", "hari"))
_ADJUNCT_WORDS = frozenset(
    (
        "di", "dari", "ke", "pada", "saat", "ketika", "usai", "seusai", "setelah",
        "sebelum", "dalam", "selepas", "sesudah", "kepada", "melalui", "lewat",
    )
)  # fmt: skip


def _run_start(text: str, lo: int, end: int) -> int:
    """Where a search for the run of name words ending at ``end`` may start: a little
    before the first word of the capitalized words (and their joiners) that end the
    text. The search of :data:`~patterns.SUBJECT` from ``lo`` would try every position;
    this spares it all but a few."""
    at = end
    while at > lo:
        space = text.rfind(" ", lo, at - 1)
        word = text[space + 1 : at].strip(" ,")
        if word and not (
            word[0].isupper() or word[0].isdigit() or word[0] == "(" or word in _JOINERS
        ):
            break
        at = space + 1 if space >= lo else lo
        if space < lo:
            break
    return max(lo, at - 2)


# Lower-case words inside a run of name words: "Dewan Perwakilan Rakyat dan ...".
_JOINERS = frozenset(
    ("dan", "bin", "binti", "van", "von", "de", "der", "al", "of", "for", "and", "the")
)


def _last_word(text: str, lo: int, end: int) -> str:
    """The last word of ``text[lo:end]``."""
    tail = text[lo:end].rstrip(" ,")
    return tail[tail.rfind(" ") + 1 :]


def _may_end_with_subject(text: str, lo: int, end: int) -> bool:
    """A cheap test before the search of :data:`patterns.SUBJECT`, which tries a name at every
    position: the last word is capitalized, an acronym in parentheses or a pronoun."""
    last = _last_word(text, lo, end)
    return bool(last) and (last[0].isupper() or last[0] == "(" or last in _PRONOUNS)


_PRONOUNS = ("dia", "ia", "beliau")


class Reader:
    """What reading one article's attributions needs: its places, and the attributions
    already read (the same words are read again for every verb and quotation)."""

    def __init__(self, places: speakers.Places) -> None:
        self.places = places
        self._read: dict[str, speakers.Attribution] = {}

    def __contains__(self, key: object) -> bool:
        return key in self.places

    def learn(self, words: Iterable[str]) -> None:
        """Take ``words`` as not a person's in this article; read attributions again."""
        self.places.add(words)
        self._read.clear()

    def split(self, run: str) -> speakers.Attribution:
        """:func:`speakers.split` of ``run``, read once per article."""
        found = self._read.get(run)
        if found is None:
            found = self._read[run] = speakers.split(run, self.places.words)
        return found


def nicknames(body: str, places: Reader) -> dict[str, str]:
    """The nicknames the article explains, each with the name it stands for; ``body`` is
    its paragraphs joined with newlines (:attr:`seedcorpus.text.ArticleText.body`)."""
    # A literal test spares most articles both searches; each of "sapaan", "disapa",
    # "panggilan" and "dipanggil" holds "sapa" or "panggil", so two scans do for four.
    if "sapa" not in body and "panggil" not in body:
        return {}
    found = {}
    for pattern in (_NICKNAME, _NICKNAMED):
        for match in pattern.finditer(body):
            name = places.split(match.group("name")).name
            if name is not None:
                found[match.group("nick")] = name
    return found


def named_before(
    paragraphs: Sequence[str], paragraph: int, start: int, places: Reader, names: speakers.Names
) -> str | None:
    """The last person named before offset ``start`` of ``paragraphs[paragraph]``, in it
    or the paragraph before: whom a description such as ``pelatih asal Brasil itu``
    points back to."""
    for index in (paragraph, paragraph - 1):
        if index < 0:
            continue
        text = paragraphs[index][:start] if index == paragraph else paragraphs[index]
        runs = [m.group() for m in patterns.RUN_ONLY.finditer(text)]
        for run in reversed(runs):
            attribution = places.split(run)
            if attribution.kind == "person" and attribution.name is not None:
                return names.fullest(attribution.name)
    return None


def places_of(article: Article, body: str | None = None) -> speakers.Places:
    """The words the article uses as place names: its dateline, ``di Kendari``,
    ``Kabupaten Landak``. ``body``: the paragraphs joined with newlines, if at hand."""
    known: list[str] = []
    if article.dateline is not None:
        known += article.dateline.city.lower().split()
        known += (article.dateline.region or "").lower().split()
    if body is None:
        body = "\n".join(article.paragraphs)
    return speakers.Places(body, known)


def searchable(article: Article) -> str:
    """The text a short name's fuller form is looked for in: the title (unless every
    word is capitalized, as in a Title Case headline), the caption and the paragraphs."""
    parts = []
    title = article.title or ""
    words = title.split()
    if words and sum(w[:1].isupper() for w in words) * 2 <= len(words):
        parts.append(title)
    if article.caption is not None:
        parts.append(article.caption.text)
    parts += article.paragraphs
    return "\n".join(parts)
