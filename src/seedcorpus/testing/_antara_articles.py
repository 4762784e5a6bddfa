"""Hypothesis strategy for articles the ANTARA layout can hold, and its vocabulary.

:func:`antara_articles` draws articles that ``format_antara`` writes and ``parse_antara``
reads back equal; :mod:`seedcorpus.testing._antara_texts` writes them as noisy and
damaged texts. Re-exported by :mod:`seedcorpus.testing.strategies` and
:mod:`seedcorpus.testing`.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import strategies as st

from seedcorpus.models import (
    Article,
    Byline,
    Caption,
    Copyright,
    Dateline,
    Source,
    Syndication,
)
from seedcorpus.testing._byte_choices import _bytes, _Choices

__all__ = ["antara_articles"]

# Indonesian news vocabulary, with the punctuation, digits and marks real paragraphs have.
_ANTARA_WORDS = (
    "kerja",
    "sama",
    "pelayanan",
    "publik",
    "yang",
    "dan",
    "di",
    "ini",
    "dengan",
    "untuk",
    "negara",
    "kata",
    "dia",
    "telah",
    "Indonesia",
    "Azerbaijan",
    "Menteri",
    "PANRB",
    "(PBB)",
    "MPP",
    "Senin",
    "Senin,",
    "Selasa",
    "2017",
    "207",
    "(kanan)",
    "(1/7/2024).",
    "Senin (1/7).",
    "RI-Azerbaijan",
    "Bangsa-Bangsa",
    "Jakarta,",
    "katanya.",
    '"Kami',
    'negara,"',
    "dia:",
    "lokakarya,",
    "e-KTP",
    "Rp1,5",
    "50%",
    "kios.Kepala",
    "café",
    "TikTok",
    "iPhone",
)
# Words the layout gives a meaning to: a paragraph containing one could turn into a
# dateline, a credit, a link or a footer line (checked case-insensitively).
_ANTARA_KEYWORDS = ("antara", "baca", "pewarta", "editor", "copyright", "tayang", "judul")
_ANTARA_MONTHS = ("Januari", "Februari", "Maret", "Juli", "Agustus", "Desember")
_ANTARA_AGENCIES = ("ANTARA", "ANTARA News", "Antara", "Antara/PRNewswire", "ANTARA/Xinhua")
_ANTARA_CREDIT_HEADS = ("ANTARA", "ANTARA FOTO", "Antaranews", "ANTARA News", "Antara")
_ANTARA_LETTERS = "abcdefghijklmnopqrstuvwxyzéü"


def _free_of_keywords(text: str) -> bool:
    folded = text.casefold()
    return not any(keyword in folded for keyword in _ANTARA_KEYWORDS)


# Hypothesis spends most of the time of a realistic example on its draws, a few dozen
# microseconds each, so a text of many words is decoded from two ``st.binary`` draws (a
# byte a word, saying which; the letters of the random words) rather than drawn word by
# word: as varied, several times cheaper, and still shrinking well (fewer and smaller
# bytes: fewer words, the first word of the vocabulary, random words of "a").
def _decode_words(
    kinds: bytes,
    letters: bytes,
    vocabulary: tuple[str, ...],
    *,
    length: tuple[int, int] = (1, 9),
    capitalize: bool = False,
) -> str:
    """The words ``kinds`` and ``letters`` encode, joined with spaces, at least one.

    A kind below 128 is a word of ``vocabulary``; from 128 on, a random word of ``length``
    (min, max) letters of ``_ANTARA_LETTERS``, the next ones of ``letters`` (read again
    from its start when they run out). Random words are cut short of any layout keyword.
    """
    low, high = length
    words: list[str] = []
    position = 0
    for kind in kinds:
        if kind < 128:
            words.append(vocabulary[kind % len(vocabulary)])
            continue
        size = low + (kind - 128) % (high - low + 1)
        codes = (letters[(position + i) % len(letters)] for i in range(size)) if letters else ()
        position += size
        word = "".join(_ANTARA_LETTERS[code % len(_ANTARA_LETTERS)] for code in codes)
        word = word.ljust(low, "a")
        while not _free_of_keywords(word):
            word = word[:-1]
        words.append(word.capitalize() if capitalize else word)
    return " ".join(words or vocabulary[:1])


def _words(
    vocabulary: tuple[str, ...],
    max_size: int,
    *,
    length: tuple[int, int] = (1, 9),
    capitalize: bool = False,
) -> st.SearchStrategy[str]:
    """Text of one to ``max_size`` words, about half of them from ``vocabulary`` and half
    random ones of ``length`` (min, max) letters, free of the layout's keywords, from two
    draws. The number of words is distributed as ``st.lists`` would draw it."""

    def decode(data: tuple[bytes, bytes]) -> str:
        kinds, letters = data
        return _decode_words(kinds, letters, vocabulary, length=length, capitalize=capitalize)

    kinds = st.binary(min_size=1, max_size=max_size)
    # About as many letters as the random words need, on average (five bytes and up).
    letters = st.binary(min_size=max_size * (length[0] + length[1]) // 8, max_size=max_size * 9)
    return st.tuples(kinds, letters).map(decode)


def _antara_words(max_size: int) -> st.SearchStrategy[str]:
    """Normalized text of one to ``max_size`` Indonesian and random words, free of the
    layout's keywords."""
    return _words(_ANTARA_WORDS, max_size)


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


# Built once: strategies are cheap to draw from but not to build and validate.
_ANTARA_TITLES = _antara_words(12).map(_capitalized)
_ANTARA_PARAGRAPHS = _antara_words(30).map(_capitalized)
# No comma in a tag, and no tag starting with a digit: "5,4" between digits is read as
# one tag ("gempa 5,4 sr"), so a tag ending in a digit must not meet one starting with one.
# No tag ends with a period: the tag line's final period is punctuation.
_ANTARA_TAGS = _words(
    tuple(
        word
        for word in _ANTARA_WORDS
        if "," not in word and not word[0].isdigit() and not word.endswith(".")
    ),
    3,
)
_ANTARA_NAME = _words(
    ("Herry", "Soebanto", "Arnidhya", "Nur", "Zhafira", "Dadan"),
    3,
    length=(2, 8),
    capitalize=True,
)
_ANTARA_PLACES = _words(
    ("Jakarta", "Mataram", "NTB", "ISTANBUL", "Kota", "Baru"),
    2,
    length=(1, 8),
    capitalize=True,
)


_ANTARA_LETTERS_ASCII = "abcdefghijklmnopqrstuvwxyz"


def _antara_name(draw: st.DrawFn, choices: _Choices) -> str:
    """One name, or two joined with ``dan``."""
    if choices.flag():
        return f"{draw(_ANTARA_NAME)} dan {draw(_ANTARA_NAME)}"
    return draw(_ANTARA_NAME)


def _antara_date(choices: _Choices) -> str | None:
    day, form = 1 + choices.below(31), choices.below(3)
    if form == 0:
        return None
    if form == 1:
        return f"{day}/{1 + choices.below(12)}{choices.pick(('', '/2016', '/2024'))}"
    return f"{day} {choices.pick(_ANTARA_MONTHS)}{choices.pick(('', ' 2016', ' 2024'))}"


@st.composite
def antara_articles(draw: st.DrawFn) -> Article:
    """Articles the ANTARA layout can hold: ``format_antara`` writes them and
    ``parse_antara`` (both in the built-in ``antara`` plugin) reads them back
    equal, apart from ``source.spans``. Every optional part is sometimes present.

    The layout gives some text a meaning, so the values are restricted to what it can hold:

    * No free text (title, tags, caption, paragraphs, links, footer values) contains the
      words ``antara``, ``baca``, ``pewarta``, ``editor``, ``copyright``, ``tayang`` or
      ``judul`` in any letter case: with them a paragraph could read as a dateline, a
      caption credit, a ``Baca juga`` link or a footer line.
    * Titles, captions and paragraphs start with a capital letter (as they do in ANTARA
      articles): a block starting with a two-letter lower-case word reads as a tag line.
    * ``tags`` are set only with a ``language`` (the tag line starts with the language
      code), which is two lower-case ASCII letters; tags contain no comma and do not
      start with a digit (``5,4`` between digits stays inside one tag) nor end with a
      period (a tag line's final period is punctuation).
    * A caption without a credit comes only with a dateline: without one, only a credit
      tells a caption from the first paragraph. A caption is never empty.
    * Dateline parts are as printed in real datelines: places of letters and spaces, a
      date ``d/m`` or ``d Month [yyyy]``, an agency starting with ANTARA or Antara.
    * ``published_at`` is a whole minute in WIB, WITA or WIT, the zones the layout's
      date line prints.
    * ``Copyright.year`` has four digits; ``problems`` and ``enrichments`` are empty
      (the layout does not carry them).
    """
    # The small choices come from one draw and each text from one more: drawing them one
    # by one, at a few dozen microseconds a draw, cost most of the time of an example.
    choices = _Choices(draw(_bytes(96)))
    article_id = f"{choices.below(1000):03d}_{choices.take(8).hex()}"
    sha256 = choices.take(32).hex()
    language = None
    if choices.flag():
        if choices.flag():
            language = choices.pick(("id", "en"))
        else:
            language = choices.pick(_ANTARA_LETTERS_ASCII) + choices.pick(_ANTARA_LETTERS_ASCII)
    dateline = None
    if choices.flag():
        dateline = Dateline(
            city=draw(_ANTARA_PLACES),
            agency=choices.pick(_ANTARA_AGENCIES),
            region=draw(_ANTARA_PLACES) if choices.flag() else None,
            date=_antara_date(choices),
        )
    caption = None
    if choices.flag():
        if dateline is None or choices.flag():
            head, tail = choices.pick(_ANTARA_CREDIT_HEADS), choices.pick(("", "/foc.", "/tom"))
            text = draw(_ANTARA_PARAGRAPHS) if choices.flag() else ""
            caption = Caption(text=text, credit=f"{head}/{_antara_name(draw, choices)}{tail}")
        else:
            caption = Caption(text=draw(_ANTARA_PARAGRAPHS))
    published_at = None
    if choices.flag():
        zone = timezone(timedelta(hours=choices.pick((7, 8, 9))))
        day = (1990 + choices.below(40), 1 + choices.below(12), 1 + choices.below(28))
        published_at = datetime(*day, choices.below(24), choices.below(60), tzinfo=zone)
    title = draw(_ANTARA_TITLES)
    tags = () if language is None else tuple(draw(_ANTARA_TAGS) for _ in range(choices.below(5)))
    # Distinct: a page printing a long paragraph twice is repeating itself (the parser
    # drops the repeat).
    paragraphs = tuple(dict.fromkeys(draw(_ANTARA_PARAGRAPHS) for _ in range(choices.below(6))))
    related = tuple(draw(_ANTARA_TITLES) for _ in range(choices.below(4)))
    syndication = None
    if choices.flag():
        site = choices.pick(("Antaranews.com", "kalbar.antaranews.com", "Example.id"))
        syndication = Syndication(site=site, original_title=draw(_ANTARA_TITLES))
    reporter = _antara_name(draw, choices) if choices.flag() else None
    editor = _antara_name(draw, choices) if choices.flag() else None
    copyright = None
    if choices.flag():
        if choices.flag():
            holder = _antara_name(draw, choices)
        else:
            holder = choices.pick(("ANTARA", "LKBN ANTARA"))
        copyright = Copyright(holder=holder, year=1000 + choices.below(9000))
    return Article(
        id=article_id,
        source=Source(path=f"{article_id}.txt", sha256=sha256, parser="antara"),
        title=title,
        language=language,
        tags=tags,
        published_at=published_at,
        caption=caption,
        dateline=dateline,
        paragraphs=paragraphs,
        related=related,
        syndication=syndication,
        byline=Byline.from_text(reporter=reporter, editor=editor),
        copyright=copyright,
    )
