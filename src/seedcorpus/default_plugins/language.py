"""The ``language`` enricher: the declared language and the detected one.

Detection chooses among Indonesian (``id``), Malay (``ms``) and English (``en``). A
small built-in function-word profile decides when it is sure; otherwise, with the
optional extra ``language`` installed (``pip install seedcorpus[language]``), the lingua
language detector does, limited to those three languages and built once, when the
first article needs it. Without lingua the profile always decides (``method`` says
which one did). See ``docs/enrichers/language.md``.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

import attrs

from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article, Enrichment
from seedcorpus.specs import EnricherSpec

if TYPE_CHECKING:
    from lingua import LanguageDetector

__all__ = [
    "LONG_SAMPLE_CHARS",
    "PROFILE_STEP_CHARS",
    "PROFILE_SURE",
    "PROFILE_SURE_WORDS",
    "SAMPLE_CHARS",
    "UNSURE_BELOW",
    "Language",
    "enrich",
    "profile_scores",
    "seedcorpus_enrichers",
]

PROFILE_SURE = 0.8
"""With lingua installed, a profile score at least this high (with at least
:data:`PROFILE_SURE_WORDS` listed words read) decides without lingua. Indonesian needs
three Indonesian spellings and no Malay one for it, Malay the reverse, English four in
five listed words. lingua costs a hundred times more; on synthetic ANTARA-style articles
the profile is sure of all but about one in a hundred."""

PROFILE_SURE_WORDS = 10
"""Listed words the profile must have read before it may be sure: a title such as
``The Jakarta Post ...`` alone is not English."""

PROFILE_STEP_CHARS = 1000
"""With lingua installed, the profile reads the text this many characters at a time
(cut at a space) and stops as soon as it is sure, so a long article costs about as much
as a short one."""

SAMPLE_CHARS = 300
"""Characters of the title and body given to lingua first. Its cost grows with the text,
and a few sentences of news prose usually decide among the three languages; the profile,
which is far cheaper, reads the whole text."""

LONG_SAMPLE_CHARS = 2000
"""Characters given to lingua again when the first sample leaves it unsure."""

UNSURE_BELOW = 0.9
"""A lingua score below this on the first sample makes it read the longer one. On
synthetic ANTARA-style articles this happens about once in a hundred, and three in two
thousand first samples were called Malay; the longer one got all of them right."""

# Function words and spellings that tell the three languages apart. Indonesian and Malay
# share most function words (COMMON); the two spelling lists are words where they differ
# ("karena"/"kerana", "uang"/"wang", "pelayanan"/"perkhidmatan").
# fmt: off
_COMMON = frozenset((
    "yang", "dan", "di", "ke", "dari", "dengan", "untuk", "dalam", "pada", "ini", "itu",
    "akan", "juga", "tidak", "tersebut", "adalah", "oleh", "atas", "telah", "sudah",
    "kepada", "sebagai", "bagi", "serta", "lebih", "antara", "para", "mereka", "kami",
    "kita", "saat", "secara", "hingga", "sejak", "masih", "namun", "agar", "harus",
    "hanya", "seperti", "sangat", "tahun", "menjadi", "apa", "siapa", "bagaimana",
    "dapat", "ada", "lagi", "kini", "tetapi", "atau", "sebuah", "satu", "dua", "tiga",
))
_INDONESIAN = frozenset((
    "karena", "bahwa", "saja", "yaitu", "yakni", "setelah", "uang", "maupun",
    "pemerintah", "bisa", "persen", "kualitas", "aktivitas", "universitas", "komunitas",
    "perusahaan", "pelayanan", "kantor", "mobil", "polisi", "menit", "telepon",
    "sepeda", "berbeda", "dukungan", "mencoba", "gratis", "provinsi", "nggak",
))
_MALAY = frozenset((
    "kerana", "bahawa", "sahaja", "iaitu", "selepas", "wang", "baharu", "mahupun",
    "kerajaan", "boleh", "peratus", "kualiti", "aktiviti", "universiti", "komuniti",
    "syarikat", "perkhidmatan", "pejabat", "kereta", "polis", "minit", "telefon",
    "basikal", "berbeza", "sokongan", "mencuba", "percuma", "ialah", "semasa",
    "manakala", "negeri", "bagaimanapun", "sebarang", "menerusi", "kakitangan",
    "agensi", "sila",
))
_ENGLISH = frozenset((
    "the", "of", "and", "to", "in", "is", "for", "on", "that", "with", "as", "was",
    "by", "at", "from", "are", "be", "this", "it", "has", "have", "said", "will", "an",
    "which", "not", "or", "but", "were", "their", "its", "they", "he", "she", "we",
    "been", "who", "would", "after", "also",
))
# fmt: on
# Which list each word is in; punctuation becomes space, so words are what split() gives.
_LISTS = dict.fromkeys(_COMMON, "common")
_LISTS |= dict.fromkeys(_INDONESIAN, "id")
_LISTS |= dict.fromkeys(_MALAY, "ms")
_LISTS |= dict.fromkeys(_ENGLISH, "en")
_PUNCTUATION = str.maketrans(dict.fromkeys(string.punctuation + "“”‘’–—…", " "))
# The same for ASCII text as bytes, where one table lowers the letters and blanks the
# punctuation (and the separators \x1c-\x1f, which str.split() takes for whitespace and
# bytes.split() does not): several times faster than str.lower() and str.translate().
_ASCII_WORDS = bytes(
    ord(" ") if chr(byte) in string.punctuation or 0x1C <= byte <= 0x1F else ord(chr(byte).lower())
    for byte in range(128)
) + bytes(range(128, 256))
# The letter for each list that _listed() gives.
_CODES = {
    word: {"common": b"c", "id": b"i", "ms": b"m", "en": b"e"}[name]
    for word, name in _LISTS.items()
}
_ASCII_CODES = {word.encode("ascii"): code for word, code in _CODES.items()}
# A set's table is sparser than a dict's: a word in no list (most words) is ruled out
# with fewer probes.
_LISTED = frozenset(_CODES)
_ASCII_LISTED = frozenset(_ASCII_CODES)


@attrs.frozen
class Language(Enrichment):
    """The article's declared language and the one its text is written in."""

    kind: ClassVar[str] = "language"

    declared: str | None
    """The code on the tag line (``article.language``), e.g. ``id``; ``None`` if absent."""
    detected: str | None
    """``id``, ``ms`` or ``en``; ``None`` when the text gives nothing to decide on."""
    score: float
    """The detector's confidence in ``detected``, from 0.0 to 1.0 (0.0 when it is ``None``)."""
    method: str
    """Which detector decided, ``lingua`` or ``profile``."""


@functools.cache
def _lingua_importable() -> bool:
    """Whether lingua can be imported: then :func:`_detector` gives a detector."""
    try:
        import lingua  # noqa: F401
    except ImportError:
        return False
    return True


@functools.cache
def _detector() -> LanguageDetector | None:
    """The lingua detector for id/ms/en, built on first use; None if lingua is missing.

    Its models are loaded when it is built (about half a second), not on its first detection,
    and one detection is run then too (see below): the enricher's ``prepare`` builds it
    before a parallel build forks its workers, which then share it instead of each
    loading the models again.
    """
    try:
        from lingua import Language as Lingua
        from lingua import LanguageDetectorBuilder
    except ImportError:
        return None
    builder = LanguageDetectorBuilder.from_languages(
        Lingua.INDONESIAN, Lingua.MALAY, Lingua.ENGLISH
    )
    detector = builder.with_preloaded_language_models().build()
    # lingua builds some tables (character classes, its word pattern) on the first
    # detection, about 37 million instructions: do that here too, so the workers of a
    # parallel build share them instead of each building them. Detection has no state,
    # so this changes no answer.
    detector.compute_language_confidence_values("Bahasa Indonesia")
    return detector


def _listed(text: str) -> bytes:
    """One letter for each listed word of ``text``, in order: ``c`` (common), ``i``
    (Indonesian), ``m`` (Malay) or ``e`` (English); words in no list are left out."""
    # Only about one word in three is listed: filtering first (in C) spares the others
    # any further work, and the letters are counted with bytes.count() (a list of list
    # names would be compared item by item).
    if text.isascii():  # (a flag of the string: free)
        ascii_words = text.encode("ascii").translate(_ASCII_WORDS).split()
        listed = filter(_ASCII_LISTED.__contains__, ascii_words)
        return b"".join(map(_ASCII_CODES.__getitem__, listed))
    words = text.lower().translate(_PUNCTUATION).split()
    return b"".join(map(_CODES.__getitem__, filter(_LISTED.__contains__, words)))


def profile_scores(text: str) -> dict[str, float]:
    """Score ``text`` as ``id``, ``ms`` and ``en`` by counting listed words.

    The English share is English function words over all listed words found. The rest
    is split between Indonesian and Malay by the words spelled the Indonesian way
    (``karena``, ``pelayanan``) against those spelled the Malay way (``kerana``,
    ``perkhidmatan``), with one extra count each (Laplace smoothing), so a text with only
    the function words they share scores 0.5 for each. The scores add up to 1, or are
    all 0 for text without any listed word.

    >>> from seedcorpus.default_plugins.language import profile_scores
    >>> scores = profile_scores("Menurut dia, pelayanan publik di Indonesia sudah baik.")
    >>> max(scores, key=scores.__getitem__)
    'id'
    """
    listed = _listed(text)
    return _scores(len(listed), listed.count(b"i"), listed.count(b"m"), listed.count(b"e"))


def _scores(total: int, indonesian: int, malay: int, english: int) -> dict[str, float]:
    """The scores :func:`profile_scores` gives for ``total`` listed words, of which these
    many are Indonesian, Malay and English spellings."""
    if not total:
        return {"id": 0.0, "ms": 0.0, "en": 0.0}
    family = 1 - english / total
    indonesian_share = (indonesian + 1) / (indonesian + malay + 2)
    return {
        "id": family * indonesian_share,
        "ms": family * (1 - indonesian_share),
        "en": english / total,
    }


def _sure_profile(text: str) -> dict[str, float] | None:
    """The profile's scores on the start of ``text`` once it is sure, or None if it is
    not sure even of the whole text. Reads :data:`PROFILE_STEP_CHARS` at a time."""
    total = indonesian = malay = english = 0
    start, length = 0, len(text)
    while start < length:
        # Cut at a space, so no word is split between two steps and the counts are
        # those of the whole prefix read so far.
        end = start + PROFILE_STEP_CHARS
        if end < length:
            end = text.find(" ", end)
            if end < 0:
                end = length
        else:
            end = length
        listed = _listed(text[start:end])
        total += len(listed)
        indonesian += listed.count(b"i")
        malay += listed.count(b"m")
        english += listed.count(b"e")
        start = end
        if total >= PROFILE_SURE_WORDS:
            scores = _scores(total, indonesian, malay, english)
            if max(scores.values()) >= PROFILE_SURE:
                return scores
    return None


def _prefix(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit]


def _lingua_scores(detector: LanguageDetector, text: str) -> dict[str, float]:
    values = detector.compute_language_confidence_values(text)
    return {value.language.iso_code_639_1.name.lower(): value.value for value in values}


def enrich(article: Article) -> Language:
    """Detect the language of the title and body of ``article``."""
    text = " ".join((article.title or "", *article.paragraphs))
    # Where the profile is sure, lingua is not needed: its detector (about half a second
    # to build) is built only for the first article that needs it, so a small build of
    # plainly Indonesian articles never waits for it.
    sure = _sure_profile(text) if _lingua_importable() else None
    detector = None if sure is not None else _detector()
    if sure is not None:
        scores, method = sure, "profile"
    elif detector is None:
        scores, method = profile_scores(text), "profile"
    else:
        scores, method = _lingua_scores(detector, _prefix(text, SAMPLE_CHARS)), "lingua"
        if max(scores.values(), default=0.0) < UNSURE_BELOW and len(text) > SAMPLE_CHARS:
            scores = _lingua_scores(detector, _prefix(text, LONG_SAMPLE_CHARS))
    # max() keeps the first of equal scores: "id" before "ms" before "en".
    best = max(("id", "ms", "en"), key=lambda code: scores.get(code, 0.0))
    score = scores.get(best, 0.0)
    return Language(
        declared=article.language,
        detected=best if score > 0 else None,
        score=round(score, 3),
        method=method,
    )


@hookimpl
def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
    """Provide the ``language`` enricher."""
    yield EnricherSpec(
        name="language",
        enrich=enrich,
        types=(Language,),
        description="Declared and detected language (Indonesian, Malay or English)",
        # 2: the profile decides without lingua when it is sure.
        version="2",
        prepare=_detector,
    )
