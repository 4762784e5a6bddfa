"""Who an attribution names: the person apart from titles, ranks, offices and places.

The ``quotes`` enricher finds attributions (``kata Kasubdit Tipikor Ditreskrimsus Polda,
AKBP Ferdiyan Fahmi``); this module reads the words that name the speaker. :func:`split`
separates the person from the role printed before or after it, and says what kind of
speaker the words name (a person, a title alone, an institution, or not a speaker at all:
a weekday, a place). :class:`Names` resolves a short name (``Zulkifli``) to the fullest
form the article gives (``Zulkifli Hasan``), from its tags, its attributions and its
text (title, caption, lead, indirect speech). See ``docs/enrichers/quotes.md``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Container, Iterable, Sequence

import attrs

from seedcorpus.default_plugins import speaker_words as words
from seedcorpus.default_plugins.speaker_places import Places

__all__ = ["KINDS", "Attribution", "Names", "Places", "names_a_time_or_place", "split"]

KINDS = ("person", "role", "institution", "not-a-person", "unknown")
"""The values of :attr:`Attribution.kind` (and of ``Quote.speaker_kind``)."""

# Bureaucratic and police compounds are made of syllables of the words they stand for
# ("Kemenkes", "Ditreskrimsus", "Diskominfo", "Satpol"): these openings mark them.
_COMPOUND = re.compile(
    r"(?:Kemen|Ditjen|Dirjen|Ditres|Dirres|Satres|Satpol|Kasat|Kasub|Kabag|Kabid|Kadis|"
    r"Kanwil|Kakan|Kapol|Wakapol|Polres|Polsek|Polda|Kodam|Kodim|Korem|Danrem|Dandim|"
    r"Danlan|Pangdam|Pemkab|Pemkot|Pemprov|Bappe|Dinkes|Disdik|Dishub|Diskom|Disnak|"
    r"Dispar|Disper|Diskan|Dispen|Puspen|Kapus|Kadin)[a-z]*"
)
# Words a Roman numeral follows: "Komisi I", "Wilayah V" (not the Balinese "I").
_NUMBERED = frozenset((
    "komisi", "seksi", "bagian", "kelas", "wilayah", "sub", "bidang", "unit", "satuan",
    "tipe", "golongan", "eselon", "lantamal", "kodaeral", "armada", "divisi", "batalyon",
    "regional", "region", "zona", "sektor", "tahap", "jilid", "ring", "level", "pelita",
))  # fmt: skip
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
# Ministers by their portfolio's syllables: "Menkeu", "Menparekraf", "Wamendag".
_MINISTER = re.compile(
    r"(?:Wa)?[Mm]en(?:keu|kes|dag|lu|han|aker|naker|pora|par|tan|hub|sos|ag|kum|kominfo|pupr|"
    r"dik|ristek|perin|investasi|desa|pan|kop|lhk|esdm|atr|ppn|bumn|ses|ko|dagri|kopukm)"
    r"[a-z]*(?:-?[A-Z]+)?"
)
# A word with capitals inside it is a brand or an agency ("JIExpo", "KemenPANRB"),
# not a name; "McDonald" and "DeLeon" are the exceptions kept.
_INNER_CAPITAL = re.compile(r"(?!Mc|Mac|De|Di|Le|La|O')[A-Za-z][a-z]*[A-Z]")
# Portfolios and agencies are nouns made with ke-...-an or pe(r)-...-an ("Menteri
# Keuangan", "Badan Pelayanan Publik"); personal names almost never have that shape.
_INSTITUTION_NOUN = re.compile(r"(?:Ke|Pe)[a-z]{3,}an")
# Lower-case words inside names: "Abdullah bin Ahmad", "Robin van Persie".
_PARTICLES = frozenset(("bin", "binti", "van", "von", "de", "der", "al", "da", "dos", "la"))
_APOSTROPHES = str.maketrans({"`": "'", "’": "'", "‘": "'", "´": "'"})


@functools.lru_cache(maxsize=16384)
def _key(token: str) -> str:
    """The lexicon form of ``token``: lower case, no periods, one kind of apostrophe."""
    return token.translate(_APOSTROPHES).replace(".", "").lower()


@attrs.frozen
class Attribution:
    """What the words of an attribution name.

    >>> split("Kasubdit Tipikor Ditreskrimsus Polda, AKBP Ferdiyan Fahmi")
    Attribution(role='Kasubdit Tipikor Ditreskrimsus Polda, AKBP', name='Ferdiyan Fahmi', kind='person')
    """  # noqa: E501

    role: str | None
    """The title, office or organisation printed with the name, or ``None``."""
    name: str | None
    """The person's name as printed here, or ``None`` when no person is named."""
    kind: str
    """One of :data:`KINDS`: ``person`` (a name), ``role`` (a title alone: ``Menteri
    PANRB``), ``institution`` (an organisation speaking as a body: ``BMKG``,
    ``Kementerian Keuangan``), ``not-a-person`` (a weekday, a month, a place)."""


# Read for every word of every attribution, and the same words recur: remembered, as
# are _key and _is_role_word.
@functools.lru_cache(maxsize=16384)
def _is_weekday_or_month(token: str) -> bool:
    key = _key(token)
    return (
        key in words.WEEKDAYS
        or key in words.MONTHS
        or token[:1].isdigit()
        or token.startswith("(")
    )


@functools.lru_cache(maxsize=16384)
def _is_role_word(token: str) -> bool:
    """Whether ``token`` is a title, rank, honorific or organisation word."""
    key = _key(token)
    if (
        key in words.PERSON_TITLES
        or key in words.ORGANISATION_WORDS
        or key in words.HONORIFICS
        or key in words.PLACES
        or key == "dan"
        or token == "&"
        or token.startswith("(")
    ):
        return True
    if _INITIALS.fullmatch(token):
        return key in words.HONORIFICS  # "M.Y. Bramuda", but "H." and "K.H." are titles
    if len(key) > 1 and token.replace(".", "").replace("-", "").isupper():
        return True  # PT, PANRB, R&D, AKBP, DKI
    if any(c.isdigit() for c in token) or _INNER_CAPITAL.match(token):
        return True  # "Dandim 1417 Kendari", "Covid-19", "U-23", "JIExpo"
    if _MINISTER.fullmatch(token):
        return True  # "Menkeu"
    if len(key) >= 8 and key.endswith("nya"):
        return True  # "Penyanyinya, Happy Asmara": a description ("her singer"), no name
    if "'" in key and key.split("'")[0] in words.HONORIFICS:
        return True  # Dato'Sri
    return (
        _INSTITUTION_NOUN.fullmatch(token) is not None
        or _COMPOUND.fullmatch(token) is not None
        or ("-" in token and all(_is_role_word(part) for part in token.split("-") if part))
        or ("/" in token and all(_is_role_word(part) for part in token.split("/") if part))
    )


def _institution_only(tokens: Sequence[str]) -> bool:
    """Whether ``tokens`` name an organisation speaking as a body: they open with an
    organisation's word and hold no title, rank or honorific before a person's name
    ("Direktorat Jenderal Imigrasi", "Polda Metro Jaya")."""
    return _key(tokens[0]) in words.ORGANISATION_HEADS and not any(
        _is_person_title(t) for t in tokens
    )


@functools.lru_cache(maxsize=16384)
def _is_person_title(token: str) -> bool:
    key = _key(token)
    return (
        key in words.PERSON_TITLES
        or key in words.HONORIFICS
        or _MINISTER.fullmatch(token) is not None
    )


def _segment(tokens: list[str], places: Container[str]) -> tuple[int, int, str]:
    """Where the name is in ``tokens``: ``(start, end, kind)``; ``start == end`` when
    no one is named."""
    end = len(tokens)
    # Degrees after the name ("Budi Santoso SH MH").
    while end > 1 and (
        _key(tokens[end - 1]) in words.DEGREES or _is_weekday_or_month(tokens[end - 1])
    ):
        end -= 1
    start = 0
    while start < end and _key(tokens[start]) in words.CONNECTIVES:
        if _key(tokens[start]) in words.NAME_OPENERS and end - start >= 3:
            break  # "Lalu Muhamad Iqbal": a Sasak name, not "then"
        start += 1
    first = strong = start  # after the last role word; after the last lexicon one
    at = start
    while at < end:
        token = tokens[at]
        key = _key(token)
        numeral = token in ("I", "V", "X") and at > start and _key(tokens[at - 1]) in _NUMBERED
        if numeral or _is_role_word(token) or (token[:1].islower() and key not in _PARTICLES):
            first = strong = at + 1
            # A place-bound office or a company marker: the next word is the place or
            # company when words enough remain for the person ("Bupati Landak Karolin
            # Margret Natasa", "PT Evoluzione Alessandro Monzani", "Bank Mega Kostaman
            # Thayib").
            left = end - at - 1
            if key in words.PLACE_OFFICES and left >= 2:
                following = tokens[at + 1]
                if _key(following) in places or (
                    left >= 3
                    and not _is_role_word(following)
                    and following[:1].isupper()
                    and _key(following) not in words.NAME_OPENERS
                ):
                    first = strong = at + 2
                    at += 1
        elif key in places or key in words.WEEKDAYS or key in words.MONTHS:
            first = at + 1  # a place the article names, or a time
        elif key == "sri" and at > start and _key(tokens[at - 1]) in ("dato'", "dato", "tan"):
            first = strong = at + 1
        at += 1
    if (
        first == end
        and end - start >= 2
        and _key(tokens[end - 1]) in words.PERSON_TITLES
        and not _is_role_word(tokens[end - 2])
        and tokens[end - 2][:1].isupper()
    ):
        # A title word after a name is the name's ("Erwin Zainul Hakim").
        first = max(
            start,
            max((i + 1 for i in range(start, end - 1) if _is_role_word(tokens[i])), default=start),
        )
    if (
        first == end
        and end - start >= 2
        and tokens[end - 1].isupper()
        and len(tokens[end - 1]) <= 3
        and not _is_role_word(tokens[end - 2])
        and tokens[end - 2][:1].isupper()
    ):
        first = end - 1  # "Mahfud MD": capitals after a name are the name's
        while first > start and not _is_role_word(tokens[first - 1]):
            first -= 1
    starts = [
        at
        for at in range(first + 1, end - 1)
        if _key(tokens[at]) in words.NAME_STARTS and tokens[at][:1].isupper()
    ]
    if starts and not any(_key(t) in words.NAME_OPENERS for t in tokens[first : starts[0]]):
        first = starts[0]  # "Kemlu Lalu Muhamad Iqbal": the name starts at "Lalu"
    name = tokens[first:end]
    if not name and strong < end:
        # Only words the article uses for a place or a company stand where the name
        # should be: "kata Aburizal Bakrie" where "PT Bakrie" also occurs. Weekdays and
        # months stay out.
        name = [t for t in tokens[strong:end] if not _is_weekday_or_month(t)]
        first = end - len(name)
    if name and all(_is_weekday_or_month(t) or _key(t) in places for t in name):
        return end, end, "not-a-person"
    if name and (
        _key(name[0]) in words.NOT_SPEAKERS
        or not all(t[:1].isupper() or t in _PARTICLES for t in name)
    ):
        return end, end, "unknown"
    role = tokens[start:first]
    if name and not _institution_only(tokens[start:end]):
        if (
            len(name) == 1
            and role
            and all(t[:1].isupper() for t in role)
            and not any(_is_person_title(t) for t in role)
        ):
            return end, end, "institution"  # "Jasa Marga", "Bank Mandiri": no one named
        return first, end, "person"
    role = tokens[start:end]
    if not role:
        return end, end, "unknown"
    if all(_is_weekday_or_month(t) or _key(t) in places or _key(t) in words.PLACES for t in role):
        return end, end, "not-a-person"
    if _key(role[0]) not in words.ORGANISATION_HEADS and any(_is_person_title(t) for t in role):
        return end, end, "role"
    return end, end, "institution"


def names_a_time_or_place(run: str, places: Container[str] = frozenset()) -> bool:
    """Whether every word of ``run`` is a weekday, a month, a date or a place: a cheap
    test that gives the same answer as ``split(run).kind == "not-a-person"`` for the
    words that stand before a speech verb (``Minggu``, ``Kendari``, ``Rabu (12/6)``)."""
    return all(
        _is_weekday_or_month(t) or _key(t) in places or _key(t) in words.PLACES
        for t in run.replace(",", " ").split()
    )


_PARENTHESES = re.compile(r"\([^()]*\)")
_GLUE = "\u2060"  # a word joiner: not a space, so split() keeps the words together
_COMMA = "\u201a"


def _unglued(text: str) -> str:
    return text.replace(_GLUE, " ").replace(_COMMA, ",")


class _Asked(Container[str]):
    """``places``, remembering every word asked about and the answer."""

    __slots__ = ("answers", "places")

    def __init__(self, places: Container[str]) -> None:
        self.places = places
        self.answers: dict[object, bool] = {}

    def __contains__(self, key: object) -> bool:
        found = key in self.places
        self.answers[key] = found
        return found


# Attributions read before, in any article: for each run, the answers about places the
# reading depended on (the words found among them, the words not) and what it gave. The
# same words recur across articles ("kata Anas"); the reading is a pure function of the
# run and those answers, so one whose answers all hold again is the same reading.
_READ: dict[str, list[tuple[frozenset[object], frozenset[object], Attribution]]] = {}
_READ_RUNS = 8192
_READ_VARIANTS = 4


def split(run: str, places: Container[str] = frozenset()) -> Attribution:
    """Separate the person in the attribution words ``run`` from their role.

    ``places`` are lower-case words the article uses as place names (the dateline city,
    ``di Kendari``), which stand between an office and a name.

    >>> split("Direktur PT Astra Otoparts Tbk Yusak Kristian")
    Attribution(role='Direktur PT Astra Otoparts Tbk', name='Yusak Kristian', kind='person')
    >>> split("Minggu").kind
    'not-a-person'
    """
    known = _READ.get(run)
    if known is not None:
        if isinstance(places, (set, frozenset)):
            # Set operations test all the answers without a Python loop.
            for inside, outside, attribution in known:
                if inside <= places and outside.isdisjoint(places):
                    return attribution
        else:
            for inside, outside, attribution in known:
                if all(key in places for key in inside) and not any(
                    key in places for key in outside
                ):
                    return attribution
    asked = _Asked(places)
    attribution = _split(run, asked)
    if known is None:
        if len(_READ) >= _READ_RUNS:
            _READ.clear()  # a bound, not a policy: most runs recur within a few articles
        known = _READ[run] = []
    if len(known) < _READ_VARIANTS:
        answers = asked.answers
        known.append(
            (
                frozenset(key for key, found in answers.items() if found),
                frozenset(key for key, found in answers.items() if not found),
                attribution,
            )
        )
    return attribution


def _split(run: str, places: Container[str]) -> Attribution:
    """:func:`split`, without the memory of earlier readings."""
    # "Kepala Pusat Data, Informasi, dan Komunikasi Kebencanaan BNPB Abdul Muhari": the
    # commas of a list that ends with "dan" are inside the role, not between parts.
    if "(" in run:
        # "(Menko Polhukam)" is one word of the role, and its inner commas no boundary.
        run = _PARENTHESES.sub(lambda m: m.group().replace(" ", _GLUE).replace(",", _COMMA), run)
    parts = run.split(",")
    if len(parts) > 2:
        listed = max(
            (n for n, part in enumerate(parts) if n and part.split()[:1] in (["dan"], ["serta"])),
            default=0,
        )
        if listed:
            parts = [",".join(parts[: listed + 1]), *parts[listed + 1 :]]
    segments = [part.split() for part in parts]
    # Degrees after a comma ("Ir. Kusnardi, M.Si.") and lone initials are not a name.
    segments = [
        tokens
        for tokens in segments
        if tokens and not all(_key(t) in words.DEGREES or len(_key(t)) == 1 for t in tokens)
    ]
    results = [(tokens, _segment(tokens, places)) for tokens in segments]
    for number, (tokens, (start, end, kind)) in enumerate(results):
        if kind != "person":
            continue
        if start > 0 and number + 1 < len(results):
            # "Kepala Balai Taman Nasional Gunung Rinjani, Dedy Asriady": words after a
            # role, then a name alone after the comma: the name is the person.
            _, (next_start, _, next_kind) = results[number + 1]
            if next_kind == "person" and next_start == 0:
                continue
        name = " ".join(tokens[start:end])
        before = [" ".join(t) for t, _ in results[:number]] + [" ".join(tokens[:start])]
        role = ", ".join(part for part in before if part)
        if not role and number + 1 < len(results):
            # "Budi Santoso, Kepala Dinas X": the apposition after the name is the role.
            after, (_, _, a_kind) = results[number + 1]
            if a_kind in ("role", "institution"):
                role = " ".join(after)
        return Attribution(_unglued(role) or None, _unglued(name), "person")
    if not results:
        return Attribution(None, None, "unknown")
    tokens, (_, _, kind) = results[0]
    text = ", ".join(" ".join(t) for t, _ in results if _[2] != "not-a-person")
    return Attribution(_unglued(text) or None, None, kind)


# The same tags recur across articles; whether one names a person depends on it alone.
@functools.lru_cache(maxsize=16384)
def _tag_name(tag: str) -> tuple[str, ...] | None:
    """The words of ``tag`` if it looks like a person's full name, else None."""
    tokens = tuple(tag.split())
    if len(tokens) > 1 and all(t.isalpha() for t in tokens) and _name_tokens(tokens):
        return tokens
    return None


def _name_tokens(tokens: Sequence[str]) -> bool:
    return bool(tokens) and all(
        t[:1].isupper() and not _is_role_word(t) and not _is_weekday_or_month(t) for t in tokens
    )


@attrs.define
class Names:
    """The names an article gives its people, to resolve a short mention to the fullest.

    ``known`` are full names, longest first (tags that look like names, the names
    attributions print); ``text`` is the article's text (title, caption, paragraphs)
    searched on demand for a fuller form of a name no known name contains.
    """

    known: list[tuple[str, ...]]
    text: str
    places: Container[str] = frozenset()
    reader: Callable[[str], Attribution] | None = None
    """Reads attribution words as :func:`split` does with ``places``; a caller that has
    read them before passes its own, which remembers."""
    _cache: dict[tuple[str, ...], tuple[str, ...]] = attrs.field(factory=dict)
    _names: dict[str, str] = attrs.field(factory=dict, init=False, repr=False, eq=False)
    """The answers of :meth:`fullest` by the name as asked: most names are asked again."""

    @classmethod
    def build(
        cls,
        tags: Iterable[str],
        names: Iterable[str],
        text: str,
        places: Container[str] = frozenset(),
        reader: Callable[[str], Attribution] | None = None,
    ) -> Names:
        """Known names from person-like ``tags`` and the ``names`` attributions print."""
        known = [tokens for tokens in map(_tag_name, tags) if tokens is not None]
        short = [tuple(n.split()) for n in names]
        for tokens in short:
            if len(tokens) > 1 and tokens not in known:
                known.append(_cut(tokens, short, text))
        known.sort(key=len, reverse=True)
        return cls(known, text, places, reader)

    def fullest(self, name: str) -> str:
        """The fullest form of ``name`` the article gives: a known name that contains it
        as whole words, else the longest run of name words around it in the text."""
        found = self._names.get(name)
        if found is None:
            tokens = tuple(name.split())
            cached = self._cache.get(tokens)
            if cached is None:
                cached = self._cache[tokens] = self._fullest(tokens)
            found = self._names[name] = " ".join(cached)
        return found

    def _fullest(self, tokens: tuple[str, ...]) -> tuple[str, ...]:
        # A name attributions print longer, in one attribution, is cut first: "Mandiri
        # Darmawan Junaidi" is "Darmawan Junaidi" when "kata Darmawan" occurs too.
        tokens = _cut(tokens, self.known, self.text)
        for candidate in self.known:
            if len(candidate) > len(tokens) and _contains(candidate, tokens):
                return candidate
            if len(candidate) < len(tokens) and _contains(tokens, candidate):
                # A known full name inside the printed one: the rest is a role or a
                # place ("Landak Karolin Margret Natasa" and the tag "Karolin Margret
                # Natasa"), unless the rest is itself a name's first word.
                at = _index(tokens, candidate)
                if at > 0 and not all(_key(t) in words.NAME_OPENERS for t in tokens[:at]):
                    return candidate
        if len(tokens) == 1:
            word = tokens[0].lower()
            for candidate in self.known:
                # A contraction starts with the first letter of the name's first word:
                # tested first, it spares the lowered words and the search of most names.
                if candidate[0].lower()[:1] == word[:1] and _contraction(
                    word, [t.lower() for t in candidate]
                ):
                    return candidate  # "Jokowi" of "Joko Widodo"
        if len(tokens) >= 3:
            return tokens
        return self._from_text(tokens) or tokens

    def _from_text(self, tokens: tuple[str, ...]) -> tuple[str, ...] | None:
        """The longest name in the text that contains ``tokens``: the capitalized words
        around each place the text prints them, read as an attribution is read."""
        best: tuple[str, ...] | None = None
        mention = " ".join(tokens)
        text = self.text
        at = text.find(mention)
        while at >= 0:
            end = at + len(mention)
            if (at and (text[at - 1].isalnum() or text[at - 1] in "'’-")) or (
                end < len(text) and (text[end].isalnum() or text[end] in "'’-")
            ):
                at = text.find(mention, end)
                continue
            # No name word holds a comma: the search starts after the last one, which
            # spares it the positions before (it tries a run at each).
            lo = max(0, at - 60)
            before = _RUN_BEFORE.search(text, text.rfind(",", lo, at) + 1 or lo, at)
            after = _RUN_AFTER.match(text, end)
            at = text.find(mention, end)
            left = before.group().split() if before else []
            right = after.group().split() if after else []
            if not left and not right:
                continue
            # Name words after the mention; before it, the run is read as an attribution
            # is, so that a title or a company stays out ("PT Evoluzione Alessandro").
            kept_right: list[str] = []
            for token in right:
                if not _name_tokens([token]) or _key(token) in self.places:
                    break
                kept_right.append(token)
            run = " ".join((*left, *tokens, *kept_right))
            attribution = self.reader(run) if self.reader else split(run, self.places)
            if attribution.name is None:
                continue
            named = tuple(attribution.name.split())
            if _contains(named, tokens) and (best is None or len(named) > len(best)):
                best = named
        if best is not None and len(best) > len(tokens):
            return best
        return None


# Capitalized words right before and right after a mention in the text.
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][a-z]{0,3}\.|[A-ZÀ-ÖØ-Þ][\w'’`\-]*)"
_RUN_BEFORE = re.compile(rf"(?:(?:{_NAME_WORD}|bin|binti|van|von|de|der|al) )+$")
_RUN_AFTER = re.compile(rf"(?: {_NAME_WORD}(?![\w'’\-]))+")


def _contraction(word: str, tokens: Sequence[str]) -> bool:
    """Whether ``word`` is made of a start of every one of ``tokens``, in order
    ("jokowi" of "joko widodo"), and of more than their initials."""
    if len(tokens) < 2 or len(word) <= len(tokens):
        return False

    def made(at: int, index: int) -> bool:
        if index == len(tokens):
            return at == len(word)
        token = tokens[index]
        return any(
            word.startswith(token[:length], at) and made(at + length, index + 1)
            for length in range(1, len(token) + 1)
        )

    return made(0, 0)


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    return _index(longer, shorter) >= 0


def _index(longer: Sequence[str], shorter: Sequence[str]) -> int:
    size = len(shorter)
    for at in range(len(longer) - size + 1):
        if tuple(longer[at : at + size]) == tuple(shorter):
            return at
    return -1


def _cut(
    tokens: tuple[str, ...], mentions: Iterable[tuple[str, ...]], text: str
) -> tuple[str, ...]:
    """``tokens`` without leading words that are not the person's: when another mention
    starts inside them ("Darmawan" inside "Mandiri Darmawan Junaidi") and the words before
    it stand elsewhere in ``text`` without the rest of the name ("Bank Mandiri"). A
    name's usual first words stay ("Muhammad Tito Karnavian"), and so does a first name
    used only with the rest ("Sufmi Dasco Ahmad" and "kata Dasco")."""
    if len(tokens) < 3:
        return tokens
    mentions = list(mentions)
    if any(m and m == tokens[: len(m)] for m in mentions if len(m) < len(tokens)):
        return tokens  # "kata Arief" confirms "Arief Prasetyo Adi" starts with a name
    for mention in mentions:
        if len(mention) >= len(tokens):
            continue
        at = _index(tokens, mention)
        if (
            0 < at < len(tokens) - len(mention)
            and not all(_key(t) in words.NAME_OPENERS for t in tokens[:at])
            and _stands_alone(text, tokens[at - 1], tokens[at])
        ):
            return tokens[at:]
    return tokens


def _stands_alone(text: str, word: str, following: str) -> bool:
    """Whether ``text`` prints ``word`` somewhere not followed by ``following``."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        whole = (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        )
        if whole and not text.startswith(" " + following, end):
            return True
        at = text.find(word, end)
    return False
