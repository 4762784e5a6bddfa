"""The ``acronyms`` enricher: acronyms the article defines, with their long forms.

Two forms are recognised: ``Long Form (ABBR)`` and ``ABBR (Long Form)``. A definition
counts only when the letters of the acronym can be read off the long form's words in
order: each word gives a prefix of itself (usually its initial; ``Kemen`` of
``Kementerian``), hyphenated parts count as words (``Bangsa-Bangsa``), and function words
(``dan``, ``untuk``, ...) may give nothing. So ``Pendayagunaan Aparatur Negara dan
Reformasi Birokrasi (PANRB)`` is a definition and ``Organisasi Kesehatan Dunia (WHO)``,
an English acronym of a translated name, is not. See ``docs/enrichers/acronyms.md``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

import attrs

from seedcorpus.default_plugins import speaker_words
from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article, Enrichment, paragraph_field
from seedcorpus.specs import EnricherSpec

__all__ = ["KINDS", "Acronym", "Acronyms", "enrich", "seedcorpus_enrichers"]

_SHORT_WORD = r"[A-Z][A-Za-z0-9&\-]{1,11}"
# In parentheses an acronym may have two parts: "(UU LLAJ)".
_SHORT = (
    rf"{_SHORT_WORD}|[A-Z]{{2,5}} [A-Z][A-Za-z0-9&\-]{{1,10}}"
    r"|[A-Z][a-z]{2,8} [A-Z](?:[A-Z]{1,4}|[a-z]{2,10})"
)
# Every definition has parentheses or a slash; a pattern that starts with a literal is
# searched much faster than one that starts with a capital. Parentheses holding a slash
# are left out: "(1/7/2024)", most of them, defines nothing, and "(Belt and Road
# Initiative/BRI)" is a slash definition, found with the other slashes.
_PARENS = re.compile(r"\((?P<inner>[^()/]{1,150})\)")
# "Long Form (ABBR)": the acronym alone in the parentheses.
_SHORT_FORM = re.compile(_SHORT)
# A syllabic or lower-case abbreviation alone in the parentheses: "Pergub", "pilkada".
_WORD_FORM = re.compile(r"[A-Za-z][a-z]{2,24}")
# "ABBR (Long Form)": the acronym right before them.
_SHORT_BEFORE = re.compile(r"(?<![\w&\-])(?P<short>[A-Z][A-Za-z0-9&\-]{1,24}|[a-z]{3,24})\s*$")
# "Long Form/ABBR" and "ABBR/Long Form": an acronym of capitals on one side of a slash.
_SLASH_SHORT_AFTER = re.compile(r"(?P<short>[A-Z][A-Za-z]{0,3}[A-Z]{1,8})(?![\w/])")
_SLASH_SHORT_BEFORE = re.compile(r"(?<![\w/])(?P<short>[A-Z]{2,10})$")
# A long form does not run across these; a comma only inside a list ending with "dan".
_CLAUSE_BREAKS = '.;:!?()"“”/'
# Everything up to the last of them (one search instead of a str.rfind for each).
_TO_LAST_BREAK = re.compile(f"(?s:.*)[{re.escape(_CLAUSE_BREAKS)}]")
_WORD = re.compile(r"[^\W_]+")
_CONJUNCTION = re.compile(r"\b(?:dan|serta|and|&)(?:\s|$)")
# Words a long form may skip; Indonesian and English (for names kept in English).
# fmt: off
_FUNCTION_WORDS = frozenset((
    "dan", "di", "ke", "dari", "untuk", "yang", "atau", "serta", "bagi", "pada",
    "dalam", "dengan", "oleh", "of", "and", "the", "for", "on", "in", "to", "a", "an",
))
# Words in parentheses that are never an abbreviation of the words before them.
_NOT_ABBREVIATIONS = frozenset((
    "kanan", "kiri", "tengah", "depan", "belakang", "atas", "bawah", "persero", "tbk",
    "red", "ist", "istimewa", "dok", "dokumentasi", "foto", "ilustrasi", "net", "dll",
    "dsb", "ket", "sic", "almarhum", "almarhumah", "alm", "lahir", "hlm", "sebelumnya",
    "baru", "lama", "kini", "dulu", "nonaktif", "purnawirawan", "purn", "ant", "antara",
))
# Nouns of institutions and rules: a capitalized long form of a syllabic abbreviation
# has one ("Dinas ...", "Peraturan Gubernur"), a person's name ("Joko Widodo (Jokowi)")
# does not.
_INSTITUTION_WORDS = frozenset((
    "badan", "dinas", "kementerian", "kantor", "komisi", "komite", "dewan", "majelis",
    "lembaga", "pusat", "satuan", "direktorat", "kepala", "peraturan", "undang", "pemerintah",
    "perusahaan", "perseroan", "kamar", "komando", "markas", "pasukan", "angkatan",
    "kepolisian", "kejaksaan", "pengadilan", "rumah", "sekolah", "universitas", "institut",
    "balai", "unit", "kelompok", "organisasi", "asosiasi", "perhimpunan", "ikatan",
    "persatuan", "gerakan", "partai", "program", "sistem", "operasi", "bantuan", "dana",
    "tim", "pos", "koperasi", "yayasan", "bank", "pasar", "bandar", "kawasan", "jalan",
    "gugus", "tugas", "sekretariat", "inspektorat", "wakil", "ketua", "sekretaris",
    "direktur", "menteri", "gubernur", "bupati", "polisi", "daerah", "nasional", "rencana",
    "anggaran", "pendapatan", "belanja", "surat", "kartu", "tanda", "bahan", "harga",
    "pajak", "bea", "cukai", "kredit", "usaha", "hutan", "kebakaran", "lahan", "bencana",
    "penanggulangan", "pelayanan", "terpadu", "kesehatan", "pendidikan", "keluarga",
    "desa", "kota", "kabupaten", "provinsi", "wilayah", "instruksi", "keputusan", "otoritas",
    "komandan", "distrik", "militer", "resor", "sektor", "pangkalan", "armada", "batalyon",
    "brigade", "resimen", "panglima", "inspektur",
))
# What an Indonesian word of an institution's name gives an English acronym: "Organisasi
# Negara-negara Pengekspor Minyak (OPEC)" is the Organization of the Petroleum Exporting
# Countries. The empty string: the word gives no letter ("Hak Asasi Manusia", human
# rights).
_ENGLISH_INITIALS: dict[str, tuple[str, ...]] = {
    "organisasi": ("o",), "negara": ("c", "s", "n"), "pengekspor": ("e",),
    "minyak": ("p", "o"), "kesehatan": ("h",), "dunia": ("w",), "perdagangan": ("t",),
    "perserikatan": ("u",), "bangsa": ("n",), "dana": ("f",), "moneter": ("m",),
    "internasional": ("i",), "bank": ("b",), "pembangunan": ("d",), "asia": ("a",),
    "asosiasi": ("a",), "perhimpunan": ("a",), "kerja": ("c",), "sama": ("",),
    "ekonomi": ("e",), "energi": ("e",), "atom": ("a",), "pangan": ("f",),
    "pertanian": ("a",), "pendidikan": ("e",), "keilmuan": ("s",), "ilmu": ("s",),
    "pengetahuan": ("",), "kebudayaan": ("c",), "anak": ("c",), "darurat": ("e",),
    "pengungsi": ("r",), "tinggi": ("h",), "komisaris": ("c",), "komisi": ("c",),
    "penerbangan": ("a",), "sipil": ("c",), "maritim": ("m",), "pariwisata": ("t",),
    "tenggara": ("se", "s"), "kawasan": ("a", "r"), "bebas": ("f",), "kemitraan": ("p",),
    "komprehensif": ("c",), "regional": ("r",), "investasi": ("i",),
    "infrastruktur": ("i",), "produk": ("p",), "domestik": ("d",), "bruto": ("g",),
    "sumber": ("r",), "daya": ("",), "manusia": ("h",), "kecerdasan": ("i",),
    "buatan": ("a",), "pusat": ("c",), "dewan": ("c", "b"), "keamanan": ("s",),
    "pakta": ("t", "p"), "perjanjian": ("t", "a"), "atlantik": ("a",), "utara": ("n",),
    "selatan": ("s",), "timur": ("e",), "barat": ("w",), "uni": ("u",), "eropa": ("e",),
    "federasi": ("f",), "sepak": ("",), "bola": ("f",), "komite": ("c",),
    "olimpiade": ("o",), "global": ("g",), "iklim": ("c",), "perubahan": ("c",),
    "lingkungan": ("e",), "program": ("p",), "keuangan": ("f",), "stabilitas": ("s",),
    "forum": ("f",), "kelompok": ("g",), "industri": ("i",), "teknologi": ("t",),
    "informasi": ("i",), "komunikasi": ("c",), "penelitian": ("r",), "riset": ("r",),
    "nasional": ("n",), "institut": ("i",), "lembaga": ("i", "a"), "otoritas": ("a",),
    "udara": ("a",), "laut": ("s", "m"), "angkatan": ("f",), "pasukan": ("f",),
    "perdamaian": ("p",), "misi": ("m",), "kantor": ("o",), "palang": ("c",),
    "merah": ("r",), "sekretariat": ("s",), "majelis": ("a",), "kemanusiaan": ("h",),
    "hak": ("r",), "asasi": ("",), "perusahaan": ("c",), "gas": ("g",), "alam": ("n",),
    "layanan": ("s",), "sistem": ("s",), "badan": ("a", "b"), "kepolisian": ("p",),
    "kriminal": ("c",), "pemuda": ("y",), "wanita": ("w",), "perempuan": ("w",),
    "pekerja": ("w",), "buruh": ("l",), "pelajar": ("s",), "mahasiswa": ("s",),
    "universitas": ("u",), "kerja sama": ("c",), "inisiatif": ("i",), "prakarsa": ("i",),
    "jalan": ("r",), "sabuk": ("b",), "digital": ("d",), "ekspor": ("e",),
    "teknik": ("e",), "fasilitas": ("f",), "sains": ("s",), "matematika": ("m",),
    "standardisasi": ("s",),
}  # fmt: skip
# fmt: on
# Characters before an acronym searched for its long form.
_WINDOW = 200
# A long form has at most this many more words than its acronym has letters.
_EXTRA_WORDS = 4
KINDS = ("initialism", "syllabic", "lower-case", "slash", "cross-language")
"""The values of :attr:`Acronym.kind`."""


@attrs.frozen
class Acronym:
    """One acronym definition.

    ``start`` and ``end`` are character offsets into the text of ``field``
    (``article.title``, ``article.caption.text`` or ``article.paragraphs[i]`` for
    ``paragraphs.<i>``) and span the whole definition, ``Long Form (ABBR)``,
    ``ABBR (Long Form)``, ``Long Form/ABBR`` or ``ABBR/Long Form``.
    """

    short: str
    """The acronym as printed, e.g. ``PBB``."""
    long: str
    """The long form as printed, e.g. ``Perserikatan Bangsa-Bangsa``."""
    start: int
    """Offset of the first character of the definition in the field's text."""
    end: int
    """Offset one past the last character (the closing parenthesis)."""
    field: str
    """The field the definition is in, ``title``, ``caption.text`` or ``paragraphs.<i>``."""
    kind: str | None = None
    """How the acronym is made (one of :data:`KINDS`): ``initialism`` (``PBB``: word
    initials), ``syllabic`` (``Disdikbud``, ``Pergub``: parts of words), ``lower-case``
    (``pilkada``, ``lapas``), ``slash`` (``Belt and Road Initiative/BRI``),
    ``cross-language`` (``Organisasi Negara-negara Pengekspor Minyak (OPEC)``: an English
    acronym of a translated name). ``None`` in data written before version 2."""
    evidence: str | None = None
    """What each word of the long form gives the acronym, e.g. ``Dis+dik+bud`` or
    ``organisasi=O negara=C pengekspor=E minyak=P``."""


@attrs.frozen
class Acronyms(Enrichment):
    """The acronyms an article defines, each once, in order of first definition."""

    kind: ClassVar[str] = "acronyms"

    acronyms: tuple[Acronym, ...] = ()
    """One entry per short form; the first definition wins."""


def _letters(short: str) -> str | None:
    """The letters to spell, or None if ``short`` does not look like an acronym."""
    if sum(map(str.isupper, short)) < 2:
        return None  # "Persero", "Covid": a word in parentheses
    return "".join(c for c in short.lower() if c.isalpha())


def _prefixes(
    letters: str, words: Sequence[str], skips: int = 1, first: bool = True
) -> list[str] | None:
    """What each word gives when ``words`` spell ``letters`` by prefixes, function words
    optional; None if they do not. ``skips`` content words inside the long form may give
    nothing too ("Stasiun Pengisian Bahan Bakar Umum (SPBU)": "bahan bakar" is one B)."""
    if not words:
        return [] if not letters else None
    word = words[0]
    for length in range(1, min(len(word), len(letters)) + 1):
        if word[length - 1] != letters[length - 1]:
            break
        rest = _prefixes(letters[length:], words[1:], skips, first=False)
        if rest is not None:
            return [word[:length], *rest]
    if letters and word[:2] in ("ke", "pe") and not first:
        # A noun made with ke-/pe(r)-/pen- may give its root's initial: "Kantor
        # Kesyahbandaran dan Otoritas Pelabuhan (KSOP)".
        for affix in (2, 3, 4):
            if word[affix : affix + 1] == letters[0]:
                rest = _prefixes(letters[1:], words[1:], skips, first=False)
                if rest is not None:
                    return [word[affix], *rest]
    skippable = word in _FUNCTION_WORDS or (skips > 0 and len(words) > 1 and letters)
    if skippable:
        rest = _prefixes(letters, words[1:], skips - (word not in _FUNCTION_WORDS), first)
        if rest is not None:
            return ["", *rest]
    return None


def _pieces(word: str, letters: str, first: bool) -> Iterator[int]:
    """Lengths of the starts of ``letters`` that ``word`` may give in a syllabic
    abbreviation: a subsequence that begins with the word's first letter ("Dis" of
    "Dinas"), or two or more letters in a row ("dik" of "Pendidikan", "bud" of
    "Kebudayaan"); the first word gives such a run only of three letters or more ("pol"
    of "Kepolisian", "dan" of "Komandan")."""
    for length in range(min(len(letters), 6), 0, -1):
        piece = letters[:length]
        opens = piece[0] == word[0] and _subsequence(piece, word)
        inside = (not first and length >= 2 and piece in word) or (
            first and length >= 3 and word.find(piece) > 0
        )
        if opens or inside:
            yield length


def _subsequence(piece: str, word: str) -> bool:
    found = iter(word)
    return all(c in found for c in piece)


def _syllables(
    letters: str, words: Sequence[str], first: bool = True, skips: int = 0
) -> list[str] | None:
    """What each word gives when ``words`` spell ``letters`` by syllables; None if not.
    ``skips`` content words after the first may give nothing ("Kepolisian Negara Republik
    Indonesia (Polri)")."""
    if not words:
        return [] if not letters else None
    if not letters:
        return None if any(w not in _FUNCTION_WORDS for w in words) else [""] * len(words)
    word = words[0]
    for length in _pieces(word, letters, first):
        rest = _syllables(letters[length:], words[1:], False, skips)
        if rest is not None:
            return [letters[:length], *rest]
    if not first and (word in _FUNCTION_WORDS or skips > 0):
        rest = _syllables(letters, words[1:], False, skips - (word not in _FUNCTION_WORDS))
        if rest is not None:
            return ["", *rest]
    return None


def _translated(letters: str, words: Sequence[str]) -> list[str] | None:
    """What each word gives when the English acronym ``letters`` is made of the English
    words for ``words``, in any order; None if it is not."""
    options: list[tuple[str, ...]] = []
    for word in words:
        base = word.split("-")[0]
        if not base or base in _FUNCTION_WORDS:  # "-" alone, or "-nya", gives no letter
            options.append(("",))
        elif base in _ENGLISH_INITIALS:
            options.append(_ENGLISH_INITIALS[base])
        else:
            options.append((base[0],))
    if not any(base.split("-")[0] in _ENGLISH_INITIALS for base in words):
        return None

    def choose(at: int, left: str) -> list[str] | None:
        if at == len(options):
            return [] if not left else None
        for option in options[at]:
            remaining = left
            for c in option:
                if c not in remaining:
                    break
                remaining = remaining.replace(c, "", 1)
            else:
                rest = choose(at + 1, remaining)
                if rest is not None:
                    return [option, *rest]
        return None

    return choose(0, letters)


def _words(text: str) -> list[tuple[int, str]]:
    """The words of ``text`` with their offsets; a hyphenated word is one word here and
    in :data:`_WORD` several, so both are tried by the callers."""
    return [(m.start(), m.group()) for m in _WORD.finditer(text)]


def _content(words: Sequence[str]) -> list[str]:
    return [w for w in words if w.lower() not in _FUNCTION_WORDS]


@functools.lru_cache(maxsize=4096)
def _match(short: str, long: str, translate: bool | None = None) -> tuple[str, str] | None:
    """``(kind, evidence)`` when ``long`` is a long form of ``short``, else None.
    ``translate``: only as an English acronym of a translated name (True), never (False),
    or after the other forms (None). Cached: the same definitions recur from article to
    article ("Badan Pusat Statistik (BPS)"), and the answer depends on the strings only."""
    words = [w.lower() for w in _WORD.findall(long)]
    if not words or words[0] in _FUNCTION_WORDS or words[-1] in _FUNCTION_WORDS:
        return None
    letters = _letters(short)
    if translate is True:
        return _translation(short, long, letters)
    if letters is not None and len(words) <= len(letters) + _EXTRA_WORDS:
        pieces = _prefixes(letters, words) if words[0][0] == letters[0] else None
        if pieces is not None:
            lower = any(c.islower() for c in short)
            kind = "syllabic" if lower or any(len(p) > 1 for p in pieces) else "initialism"
            return kind, "+".join(_evidence(short, pieces))
    # "Menko Polhukam": a two-part abbreviation is read as one word.
    plain = short.lower().replace(" ", "")
    syllabic = plain.isalpha() and not short.isupper() and len(plain) >= 3
    if syllabic and plain not in _NOT_ABBREVIATIONS:
        skips = 1 if len(_content(words)) >= 4 else 0
        pieces = _syllables(plain, words, skips=skips) if len(words) <= len(plain) + 2 else None
        if pieces is not None and len(_content(words)) >= 2 and _plausible(short, long):
            kind = "lower-case" if short.islower() else "syllabic"
            return kind, "+".join(_evidence(short, pieces))
    return None if translate is False else _translation(short, long, letters)


def _translation(short: str, long: str, letters: str | None) -> tuple[str, str] | None:
    """``("cross-language", evidence)`` when ``short`` is an English acronym of the
    translated name ``long``."""
    if short.isupper() and letters is not None:
        spaced = [w.lower() for w in long.replace(",", " ").split()]
        spaced = [w.strip("()\"'“”") for w in spaced if w.strip("()\"'“”")]
        # In lower case, only a translated term ("kecerdasan buatan/AI") is taken.
        known = all(w.split("-")[0] in _ENGLISH_INITIALS or w in _FUNCTION_WORDS for w in spaced)
        capitalized = long[:1].isupper() or (known and len(spaced) >= 2)
        if spaced and capitalized and len(spaced) <= len(letters) + _EXTRA_WORDS:
            chosen = _translated(letters, spaced)
            if chosen is not None:
                parts = [f"{w}={c.upper()}" for w, c in zip(spaced, chosen, strict=True) if c]
                return "cross-language", " ".join(parts)
    return None


def _evidence(short: str, pieces: Sequence[str]) -> list[str]:
    """The pieces as printed in ``short`` (its capitals kept), skipped words left out."""
    out, at = [], 0
    letters = [c for c in short if c.isalpha()]
    for piece in pieces:
        if piece:
            out.append("".join(letters[at : at + len(piece)]))
            at += len(piece)
    return out


def _plausible(short: str, long: str) -> bool:
    """Whether a syllabic abbreviation's long form is a thing's name, not a person's: in
    lower case ("lembaga pemasyarakatan"), or with an institution's noun."""
    words = [w for w in long.replace(",", " ").split() if w.lower() not in _FUNCTION_WORDS]
    if len(words) > 1 and all(w[:1].islower() for w in words[1:]):
        return True  # the first word may open a sentence
    if short.islower():
        return False
    if all(w.lower() in speaker_words.PLACES for w in words):
        return True  # places: "Jawa Barat (Jabar)", "Jakarta, Bogor, ... (Jabodetabek)"
    return any(
        w.lower().split("-")[0] in _INSTITUTION_WORDS
        or (len(w) > 6 and w[:2] in ("Ke", "Pe") and w.endswith("an"))
        for w in words
    )


def _candidates(text: str, start: int, limit: int) -> Iterator[int]:
    """Start offsets of the runs of words ending right before ``start``, shortest first:
    within the clause, across commas only in a list that ends with "dan"."""
    # A word of a long form is rarely longer than 16 characters.
    window = max(0, start - min(_WINDOW, 16 * limit))
    last_break = _TO_LAST_BREAK.match(text, window, start)
    offset = window if last_break is None else last_break.end()
    words = _words(text[offset:start])
    for count in range(1, min(len(words), limit) + 1):
        at = offset + words[-count][0]
        span = text[at:start]
        if "," in span and not _CONJUNCTION.search(span[span.rindex(",") :]):
            break
        yield at


def _long_before(text: str, start: int, short: str) -> tuple[int, str, str] | None:
    """The shortest long form of ``short`` ending right before ``start``, as its start
    offset, kind and evidence; None if there is none."""
    limit = len(short) + _EXTRA_WORDS
    initial = short[0].lower()
    for at in _candidates(text, start, limit):
        # Only a long form that opens with the acronym's letter (or, for a syllabic one,
        # its first syllable after a prefix: "Kepolisian Resor (Polres)") is worth the
        # full test.
        opening = text[at : at + 14].lower()
        if opening[0] == initial or (not short.isupper() and short[:3].lower() in opening):
            found = _match(short, text[at:start].rstrip(" ,"), translate=False)
            if found is not None:
                return at, *found
    if short.isupper():
        for at in _candidates(text, start, limit):
            if text[at].isupper():
                found = _match(short, text[at:start].rstrip(" ,"), translate=True)
                if found is not None:
                    return at, *found
    return None


def _long_after(text: str, start: int, short: str) -> tuple[int, str, str] | None:
    """The shortest long form of ``short`` starting at ``start`` (``ABBR/Long Form``), as
    its end offset, kind and evidence."""
    ends = [m.end() for m in _WORD.finditer(text, start, min(len(text), start + _WINDOW))]
    for end in ends[: len(short) + _EXTRA_WORDS]:
        span = text[start:end]
        if any(c in span for c in _CLAUSE_BREAKS + ","):
            break
        found = _match(short, span)
        if found is not None and found[0] == "initialism":
            return end, *found
    return None


class _Joined:
    """``texts`` joined into one string, searched once instead of each text in turn (most
    paragraphs hold neither a parenthesis nor a slash)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.joined = "".join(texts)
        self.texts = texts
        self._ends: list[int] | None = None

    def _index(self, at: int) -> tuple[int, int, int]:
        """The index, start and end of the text that holds offset ``at`` of the join."""
        if self._ends is None:  # made only for an article with something to place
            self._ends = list(itertools.accumulate(map(len, self.texts)))
        ends = self._ends
        # bisect_right: an empty text ends where the next one starts, and is passed over.
        index = bisect.bisect_right(ends, at)
        return index, ends[index - 1] if index else 0, ends[index]

    def parentheses(self) -> dict[int, list[tuple[int, int, str]]]:
        """The ``(start, end, inner text)`` of the parentheses in the texts, by index."""
        found: dict[int, list[tuple[int, int, str]]] = {}
        joined = self.joined
        # str.find() skips to each "(" (memchr) much faster than the pattern's own scan
        # for its first character. The inner text ends at the first of "()/" after the
        # "(": a match here that runs past its text's end has no match in its text
        # either, and one inside it is the match finditer() on the text alone finds.
        paren = joined.find("(")
        while paren >= 0:
            match = _PARENS.match(joined, paren)
            if match is not None:
                index, start, end = self._index(paren)
                if match.end() <= end:
                    inner = (paren - start, match.end() - start, match["inner"])
                    found.setdefault(index, []).append(inner)
                    paren = joined.find("(", match.end())
                    continue
            paren = joined.find("(", paren + 1)
        return found

    def with_slashes(self) -> list[int]:
        """The indexes of the texts that may hold a slash definition, in order: those with
        a slash right after a cased letter. :func:`_slashes` finds nothing in the others
        ("1/7/2024"); a text whose first character is a slash after a cased last letter
        of the text before is taken too, which is harmless."""
        joined = self.joined
        indexes: list[int] = []
        slash = joined.find("/")
        while slash >= 0:
            before = joined[slash - 1] if slash else ""
            if before.islower() or before.isupper():
                index, _, end = self._index(slash)
                if not indexes or indexes[-1] != index:
                    indexes.append(index)
                slash = end - 1  # on to the next text
            slash = joined.find("/", slash + 1)
        return indexes


def _find(field: str, text: str, parentheses: list[tuple[int, int, str]]) -> Iterator[Acronym]:
    for paren_start, paren_end, inner in parentheses:
        if not inner.isupper() and inner.lower() in _NOT_ABBREVIATIONS:
            continue  # "(kanan)", "(Persero)"
        if _SHORT_FORM.fullmatch(inner) or _WORD_FORM.fullmatch(inner):
            found = _long_before(text, paren_start, inner)
            if found is not None:
                start, kind, evidence = found
                long = text[start:paren_start].rstrip(" ,")
                yield Acronym(inner, long, start, paren_end, field, kind, evidence)
                continue
            if _SHORT_FORM.fullmatch(inner) and " " not in inner:
                continue
        before = _SHORT_BEFORE.search(text, max(0, paren_start - 28), paren_start)
        if before is None:
            continue
        short, long = before.group("short"), inner.strip()
        found_after = _match(short, long)
        if found_after is not None:
            yield Acronym(short, long, before.start(), paren_end, field, *found_after)


def _slashes(field: str, text: str) -> Iterator[Acronym]:
    """``Long Form/ABBR`` and ``ABBR/Long Form`` in ``text``."""
    # Slashes are found with str.find: most are in dates ("(1/7)") and fail the cheap
    # tests on their neighbours before any pattern runs.
    slash = text.find("/")
    while slash > 0:
        after = _SLASH_SHORT_AFTER.match(text, slash + 1) if text[slash - 1].islower() else None
        if after is not None:
            short = after.group("short")
            for at in _candidates(text, slash, len(short) + _EXTRA_WORDS):
                long = text[at:slash]
                found = _match(short, long)
                if found is not None:
                    yield Acronym(short, long, at, after.end(), field, "slash", found[1])
                    break
        before = (
            _SLASH_SHORT_BEFORE.search(text, max(0, slash - 11), slash)
            if text[slash - 1].isupper() and text[slash + 1 : slash + 2].isupper()
            else None
        )
        if before is not None:
            short = before.group("short")
            found_after = _long_after(text, slash + 1, short)
            if found_after is not None:
                end, _, evidence = found_after
                long = text[slash + 1 : end]
                yield Acronym(short, long, before.start(), end, field, "slash", evidence)
        slash = text.find("/", slash + 1)


def enrich(article: Article) -> Acronyms:
    """Find the acronym definitions in the title, caption and paragraphs of ``article``."""
    texts = [article.title or ""]
    if article.caption is not None:
        texts.append(article.caption.text)
    texts += article.paragraphs
    # Field names are made only for the few texts with parentheses.
    first_paragraph = len(texts) - len(article.paragraphs)
    names = ["title", "caption.text"][:first_paragraph]

    joined = _Joined(texts)
    found: list[tuple[int, int, Acronym]] = []
    for index, parentheses in joined.parentheses().items():
        number = index - first_paragraph
        field = names[index] if number < 0 else paragraph_field(number)
        found += ((index, a.start, a) for a in _find(field, texts[index], parentheses))
    for index in joined.with_slashes():
        number = index - first_paragraph
        field = names[index] if number < 0 else paragraph_field(number)
        found += ((index, a.start, a) for a in _slashes(field, texts[index]))
    # The first definition in reading order wins, whichever form it took.
    first: dict[str, Acronym] = {}
    for _, _, acronym in sorted(found, key=lambda item: item[:2]):
        first.setdefault(acronym.short, acronym)
    return Acronyms(acronyms=tuple(first.values()))


@hookimpl
def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
    """Provide the ``acronyms`` enricher."""
    yield EnricherSpec(
        name="acronyms",
        enrich=enrich,
        types=(Acronyms,),
        description="Acronyms defined in the text, with their long forms",
        version="2",
    )
