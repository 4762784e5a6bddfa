"""Hypothesis strategies for articles, manifests and ANTARA texts.

Every strategy the project's own tests use lives here, so plugin authors test with the
same generators. Import them from :mod:`seedcorpus.testing`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import PurePosixPath
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
from hypothesis import strategies as st

from seedcorpus.manifest import DEFAULT_PREAMBLE, KNOWN_COLUMNS, sha256_hex
from seedcorpus.models import (
    Article,
    Byline,
    Caption,
    Copyright,
    Dateline,
    Enrichment,
    FieldSpan,
    Manifest,
    ManifestEntry,
    Metadata,
    Source,
    Syndication,
    UnknownEnrichment,
)
from seedcorpus.text import normalize

# --- manifests ---------------------------------------------------------------------------


# Words that break naive tables: cell separators and escapes, inline markup a renderer
# would interpret, entities, emoji (some of several code points), Indonesian headlines.
_TRICKY_WORDS = (
    "|",
    "\\",
    "\\|",
    "|\\",
    "\\\\",
    "*a*",
    "_b_",
    "<b>",
    "</b>",
    "`",
    "`code`",
    "#",
    "# x",
    "&amp;",
    "[x](y)",
    "---",
    ":-:",
    "😀",
    "🇮🇩",
    "👩‍👩‍👧",
    "Perserikatan Bangsa-Bangsa (PBB)",
    "RI-Azerbaijan memperkuat kerja sama",
    "Senin (1/7/2024).",
    "COPYRIGHT © ANTARA 2024",
    "Â©",
    "e\u0301",
    "\\*not em\\*",
    "&#124;",
)
_PREAMBLES = (
    "",
    DEFAULT_PREAMBLE,
    "# Seeds\n\nArticles from *ANTARA*, July 2024; rebuilt with `seedcorpus index`.\n\n",
    "# Seeds\n\n| source | licence |\n| --- | --- |\n| ANTARA | see site |\n\n",
)
_POSTAMBLES = (
    "",
    "\n",
    "\nRows are sorted by file.\n",
    "\n## Notes\n\n- a | b\n- `x|y`\n",
)


def manifest_texts() -> st.SearchStrategy[str]:
    """Non-empty text as a manifest cell holds it: one line, whitespace-normalized with
    ``seedcorpus.text.normalize``, often with ``|``, backslashes, Markdown markup,
    emoji or Indonesian words in it."""
    return _MANIFEST_TEXTS


_MANIFEST_RANDOM_WORDS = st.text(st.characters(codec="utf-8", exclude_characters="\0"), min_size=1)
# One to five words, one byte each: a tricky word below 128, else a random one.
_MANIFEST_WORD_KINDS = st.binary(min_size=1, max_size=5)


@st.composite
def _manifest_words(draw: st.DrawFn) -> str:
    # Drawn with one choice for the kinds of the words, one more for each random word: a
    # list of words drawn one by one costs several times as much (three choices a word).
    return " ".join(
        _TRICKY_WORDS[kind % len(_TRICKY_WORDS)] if kind < 128 else draw(_MANIFEST_RANDOM_WORDS)
        for kind in draw(_MANIFEST_WORD_KINDS)
    )


# Built once: a strategy is cheap to draw from, not to build and validate.
_MANIFEST_TEXTS = _manifest_words().map(normalize).filter(bool)


def manifest_files() -> st.SearchStrategy[str]:
    """Safe relative paths a manifest may list: ``.txt`` files up to three folders deep,
    with names that need escaping in a table (``|``) or look like markup (``#``, ``*``)."""
    segment = st.text(st.sampled_from("abcxyz019_- |#*é"), min_size=1, max_size=6)
    return (
        st.lists(segment, min_size=1, max_size=3)
        .map(lambda parts: "/".join(parts) + ".txt")
        .filter(lambda path: path == path.strip())
    )


def manifest_entries(columns: tuple[str, ...]) -> st.SearchStrategy[ManifestEntry]:
    """Entries of a manifest with these ``columns``: a value or ``None`` for each known
    column present (the default id when ``id`` is ``None``), ``None`` for known columns
    absent, and extra cells, in column order, for the unknown ones."""
    return _manifest_entries(columns)


@st.composite
def _manifest_entries(draw: st.DrawFn, columns: tuple[str, ...]) -> ManifestEntry:
    present = {name.lower() for name in columns}

    def cell(key: str, values: st.SearchStrategy[str]) -> str | None:
        return draw(st.none() | values) if key in present else None

    file = draw(manifest_files())
    extra = ((name, draw(st.none() | manifest_texts())) for name in columns)
    return ManifestEntry(
        file=file,
        id=cell("id", manifest_texts()) or PurePosixPath(file).stem,
        sha256=cell("sha256", st.binary(max_size=16).map(sha256_hex)),
        title=cell("title", manifest_texts()),
        language=cell("language", st.sampled_from(["id", "en"]) | manifest_texts()),
        parser=cell("parser", st.sampled_from(["antara", "plain"]) | manifest_texts()),
        extra=tuple(
            (name, value)
            for name, value in extra
            if name.lower() not in KNOWN_COLUMNS and value is not None
        ),
    )


def manifests(*, max_entries: int = 6) -> st.SearchStrategy[Manifest]:
    """Manifests that ``seedcorpus.manifest.format_manifest`` writes and
    ``parse_manifest`` reads back equal (an empty preamble reads back as
    ``DEFAULT_PREAMBLE``): known columns in any order and letter case, extra columns with
    any names, unique ids and files, Markdown before and after the table."""
    return _manifests(max_entries)


@st.composite
def _manifests(draw: st.DrawFn, max_entries: int) -> Manifest:
    optional = [key for key in KNOWN_COLUMNS if key != "file"]
    known = draw(st.lists(st.sampled_from(optional), unique=True))
    known = [draw(st.sampled_from([key, key.upper(), key.capitalize()])) for key in known]
    extra = draw(
        st.lists(
            manifest_texts().filter(lambda name: name.lower() not in KNOWN_COLUMNS),
            max_size=3,
            unique_by=str.lower,
        )
    )
    columns = tuple(draw(st.permutations(["file", *known, *extra])))
    entries = draw(
        st.lists(
            manifest_entries(columns),
            max_size=max_entries,
            unique_by=(lambda entry: entry.id, lambda entry: entry.file),
        )
    )
    heading = manifest_texts().map(lambda text: f"# {text}\n\n")
    return Manifest(
        entries=tuple(entries),
        columns=columns,
        preamble=draw(st.sampled_from(_PREAMBLES) | heading),
        postamble=draw(st.sampled_from(_POSTAMBLES) | heading.map(lambda text: "\n" + text)),
    )


# --- ANTARA texts ------------------------------------------------------------------------

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


_T = TypeVar("_T")


class _Choices:
    """Small choices read from one draw of bytes, a byte (or two) each; byte 0 gives the
    first option, so the choices shrink with the bytes. Past the end, every byte is 0."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._index = 0

    def byte(self) -> int:
        """The next byte."""
        index = self._index
        self._index += 1
        return self._data[index] if index < len(self._data) else 0

    def below(self, limit: int) -> int:
        """A number from 0 to ``limit - 1``; from two bytes when ``limit`` exceeds 64."""
        value = self.byte() if limit <= 64 else self.byte() << 8 | self.byte()
        return value % limit

    def flag(self) -> bool:
        """True or false, about evenly (false for byte 0)."""
        return self.byte() % 2 == 1

    def pick(self, options: Sequence[_T]) -> _T:
        """One of ``options``."""
        return options[self.byte() % len(options)]

    def take(self, size: int) -> bytes:
        """The next ``size`` bytes."""
        return bytes(self.byte() for _ in range(size))


@functools.cache
def _bytes(size: int) -> st.SearchStrategy[bytes]:
    """``size`` bytes in one draw: many small choices at the cost of one. Built once a
    size: a strategy built inside a composite is built, validated and labelled again at
    each draw, which costs more than the draw."""
    return st.binary(min_size=size, max_size=size)


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
        caption=caption,
        dateline=dateline,
        paragraphs=paragraphs,
        related=related,
        syndication=syndication,
        byline=Byline.from_text(reporter=reporter, editor=editor),
        copyright=copyright,
    )


_ANTARA_ARTICLES = antara_articles()


# Whitespace noise, a byte each (the first option for byte 0). Between blocks: one to
# three blank lines, some holding only spaces, tabs or U+00A0. On a line: how spaces are
# written, what leads and trails.
_ANTARA_SEPARATORS = (
    "\n\n",
    "\n\n",
    "\n\n",
    "\n \n",
    "\n\t\n",
    "\n\n\n",
    "\n\xa0 \n\n",
    "\n \n\t\n",
)
_ANTARA_LINE_NOISE = [
    (space, lead, trail)
    for space in (" ", " ", " ", "\xa0", "  ", "\t")
    for lead in ("", "", "", " ", "\xa0")
    for trail in ("", "", "", " ", "\xa0", " \t")
]


@st.composite
def antara_renderings(draw: st.DrawFn) -> tuple[Article, str]:
    """An article from :func:`antara_articles` and a text of it in the ANTARA layout that
    the built-in ``antara`` parser must read back as that article
    (apart from ``source.spans``).

    The text varies as real files do: CRLF or lone-CR line ends, U+00A0, tabs and runs of
    spaces inside lines, leading and trailing whitespace, several and whitespace-only
    separator lines, no final newline, no repeated title (where the layout allows it),
    ``(credit)`` in parentheses, the dateline's dash as ``--``, en or em dash,
    ``Pewarta :``/``PEWARTA:`` spellings, empty ``Pewarta`` and ``Editor`` lines, ``Â©``
    and ``(c)`` for ``©``, footer lines in any order, as separate blocks, or glued onto
    one line or onto the last paragraph, and ``Baca juga`` links anywhere in the body.
    """
    article = draw(_ANTARA_ARTICLES)
    title = article.title
    assert title is not None  # the strategy always draws one
    choices = _Choices(draw(_bytes(32)))
    blocks: list[str] = [title]
    if article.language is not None:
        separator = choices.pick((",", ", "))
        blocks.append(f"{article.language} {separator.join(article.tags)}".rstrip())
    # Without a dateline, a first paragraph like the title would read as its repetition;
    # before a dateline, a caption without a credit takes the place of a missing one.
    caption = article.caption
    if (
        article.dateline is None
        or (caption is not None and caption.credit is None)
        or choices.flag()
    ):
        blocks.append(title)
    if caption is not None:
        credit = caption.credit
        if credit is not None and choices.flag():
            credit = f"({credit})"
        blocks.append(" ".join(part for part in (caption.text, credit) if part))
    body = list(article.paragraphs)
    if article.dateline is not None:
        dateline = article.dateline
        place = ", ".join(part for part in (dateline.city, dateline.region, dateline.date) if part)
        dash = choices.pick(("-", "--", "–", "—"))
        lead = choices.pick(("", "", " "))
        opening = f"{lead}{place} ({dateline.agency}) {dash}"
        blocks.append(f"{opening} {body.pop(0)}" if body else opening)
    after = len(blocks)
    blocks.extend(body)
    for title in article.related:  # anywhere in the body, in their order
        key = choices.pick(("Baca juga:", "Baca juga :", "BACA JUGA:", "Baca Juga:"))
        after += choices.below(len(blocks) - after + 1)
        blocks.insert(after, f"{key} {title}")
        after += 1

    footer: list[str] = []
    if article.syndication is not None:
        site, original = article.syndication.site, article.syndication.original_title
        footer.append(f"Berita ini telah tayang di {site} dengan judul: {original}")
    reporter = choices.pick(("Pewarta: ", "Pewarta : ", "PEWARTA: "))
    if article.byline.reporter is not None or choices.flag():
        footer.append(reporter + (article.byline.reporter or ""))
    editor = choices.pick(("Editor: ", "Editor : "))
    if article.byline.editor is not None or choices.flag():
        footer.append(editor + (article.byline.editor or ""))
    if article.copyright is not None:
        symbol = choices.pick(("COPYRIGHT ©", "COPYRIGHT Â©", "Copyright (c)"))
        footer.append(f"{symbol} {article.copyright.holder} {article.copyright.year}")
    for index in range(len(footer) - 1, 0, -1):  # any order (as written for byte 0)
        other = index - choices.below(index + 1)
        footer[index], footer[other] = footer[other], footer[index]
    if footer:
        style = choices.pick(("lines", "blocks", "glued", "glued to body"))
        if style == "lines":
            blocks.append("\n".join(footer))
        elif style == "blocks":
            blocks.extend(footer)
        elif style == "glued" or footer[0].startswith("Editor"):
            blocks.append(choices.pick(("", " ")).join(footer))
        else:  # "Editor:" could end a sentence, so only the other keys split a paragraph
            blocks[-1] += "".join(footer)

    lines = [line for block in blocks for line in block.split("\n")]
    noise = draw(_bytes(len(lines) + len(blocks)))
    noisy = []
    for line, byte in zip(lines, noise, strict=False):
        space, lead, trail = _ANTARA_LINE_NOISE[byte % len(_ANTARA_LINE_NOISE)]
        noisy.append(lead + line.replace(" ", space) + trail)
    # Rebuild the blocks from the noisy lines, with blank-line runs between them.
    text, position = "", 0
    for number, block in enumerate(blocks):
        count = block.count("\n") + 1
        if number:
            text += _ANTARA_SEPARATORS[noise[len(lines) + number] % len(_ANTARA_SEPARATORS)]
        text += "\n".join(noisy[position : position + count])
        position += count
    text = choices.pick(("", "", "", " ", "\xa0")) + text
    text += choices.pick(("", "\n", "\n\n", "\n \n"))
    line_end = choices.pick(("\n", "\r\n", "\r", "mixed"))
    if line_end == "mixed":
        parts = text.split("\n")
        ends = draw(_bytes(len(parts) - 1))
        text = parts[0] + "".join(
            ("\n", "\r\n")[end % 2] + part for end, part in zip(ends, parts[1:], strict=True)
        )
    elif line_end != "\n":
        text = text.replace("\n", line_end)
    return article, text


_ANTARA_RENDERINGS = antara_renderings()


# Fragments of the layout's syntax that damaged copies scatter around.
_ANTARA_FRAGMENTS = (
    "Baca juga: ",
    "Baca juga: Judul lain",
    "Pewarta:",
    "Pewarta : A dan B",
    "Editor :",
    "Editor: Herry Soebanto",
    "COPYRIGHT © ANTARA 2024",
    "COPYRIGHT Â© 2024",
    "Berita ini telah tayang di Antaranews.com dengan judul: ",
    "Jakarta (ANTARA) - ",
    "Mataram, NTB, 7/12 (Antara) -- ",
    "(ANTARA FOTO/Nama)",
    "ANTARA/HO-Humas",
    "id tag,lain",
    "(",
    ")",
    ",",
    "/",
    "\r",
    "\n",
    "\r\n",
    "\n\n",
    "\xa0",
    "\u2028",
    "e\u0301",
    "samaAnas",
)


@st.composite
def antara_texts(draw: st.DrawFn) -> str:
    """Realistic ANTARA-layout texts, noisy and often damaged: those of
    :func:`antara_renderings`, then edited a few times the way scraped copies are: cut
    short, lines lost or repeated, paragraphs flattened into one (separators removed,
    sentences glued), and layout fragments (``Baca juga:``, ``Pewarta:``, datelines,
    credits, stray line breaks) inserted anywhere. For totality and provenance tests:
    there is no expected article."""
    text = draw(_ANTARA_RENDERINGS)[1]
    choices = _Choices(draw(_bytes(20)))
    for _ in range(choices.below(5)):
        edit = choices.pick(("cut", "lose", "repeat", "flatten", "insert"))
        lines = text.split("\n")
        if edit == "cut":
            text = text[: choices.below(len(text) + 1)]
        elif edit in ("lose", "repeat"):
            index = choices.below(len(lines))
            lines[index : index + 1] = [] if edit == "lose" else [lines[index]] * 2
            text = "\n".join(lines)
        elif edit == "flatten":
            text = text.replace("\n\n", choices.pick(("", " ", "\n")))
        else:
            at = choices.below(len(text) + 1)
            text = text[:at] + choices.pick(_ANTARA_FRAGMENTS) + text[at:]
    return text


# --- articles ----------------------------------------------------------------------------

_SCALARS: dict[Any, st.SearchStrategy[Any]] = {
    str: st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    int: st.integers(min_value=-(2**53), max_value=2**53),
    float: st.floats(allow_nan=False, allow_infinity=False, width=64),
    bool: st.booleans(),
    type(None): st.none(),
    # Aware times with a whole-minute UTC offset, as sources print them.
    datetime: st.builds(
        lambda moment, minutes: moment.replace(tzinfo=timezone(timedelta(minutes=minutes))),
        st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)),
        st.integers(min_value=-23 * 60, max_value=23 * 60),
    ),
}
_SCALARS[Metadata] = st.dictionaries(_SCALARS[str], _SCALARS[str], max_size=3).map(Metadata)


def from_type(tp: Any) -> st.SearchStrategy[Any]:
    """A strategy for values of ``tp`` that the JSON converter can hold.

    ``tp`` may be ``str``, ``int``, ``float``, ``bool``, ``None``, ``X | None``,
    ``tuple[X, ...]`` or an attrs class built from those (resolved recursively). Unlike
    ``st.from_type`` it never draws NaN or infinities, which JSON cannot hold.
    """
    if tp in _SCALARS:
        return _SCALARS[tp]
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, UnionType):
        return st.one_of(*(from_type(arg) for arg in args))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return st.lists(from_type(args[0]), max_size=4).map(tuple)
    if attrs.has(tp):
        attrs.resolve_types(tp)
        fields = {field.name: from_type(field.type) for field in attrs.fields(tp) if field.init}
        return st.builds(tp, **fields)
    raise TypeError(f"no strategy for {tp!r}")


def unknown_enrichments(
    known: frozenset[str] = frozenset(),
) -> st.SearchStrategy[UnknownEnrichment]:
    """Enrichments of kinds that no plugin knows (and not in ``known``), with JSON payloads."""
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers(-(2**31), 2**31) | _SCALARS[str],
        lambda children: (
            st.lists(children, max_size=3) | st.dictionaries(_SCALARS[str], children, max_size=3)
        ),
        max_leaves=8,
    )
    kinds = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True).filter(
        lambda kind: kind not in known
    )

    def build(kind: str, fields: dict[str, Any]) -> UnknownEnrichment:
        data = {"kind": kind, **{k: v for k, v in fields.items() if k != "kind"}}
        return UnknownEnrichment(kind, json.dumps(data, ensure_ascii=False, separators=(",", ":")))

    return st.builds(build, kinds, st.dictionaries(_SCALARS[str], json_values, max_size=4))


def articles(
    enrichment_types: tuple[type[Enrichment], ...] = (),
) -> st.SearchStrategy[Article]:
    """Any article the JSON contract can hold, with enrichments of the given types
    and of unknown kinds (which must survive a round trip unchanged)."""
    known = frozenset(cls.kind for cls in enrichment_types)
    enrichment = st.one_of(
        unknown_enrichments(known), *(from_type(cls) for cls in enrichment_types)
    )

    def unique_kinds(items: list[Enrichment | UnknownEnrichment]) -> tuple[Any, ...]:
        seen: dict[str, Enrichment | UnknownEnrichment] = {}
        for item in items:
            seen.setdefault(item.kind, item)
        return tuple(seen.values())

    attrs.resolve_types(Article)
    fields = {
        field.name: from_type(field.type)
        for field in attrs.fields(Article)
        if field.name not in ("source", "enrichments")
    }
    return st.builds(
        Article,
        **fields,
        source=sources(),
        enrichments=st.lists(enrichment, max_size=4).map(unique_kinds),
    )


def sources() -> st.SearchStrategy[Source]:
    """Sources whose spans name each field at most once, as the parser writes them."""
    offsets = st.integers(min_value=0, max_value=10**6)
    spans = st.dictionaries(_SCALARS[str], st.tuples(offsets, offsets).map(sorted), max_size=5)
    return st.builds(
        Source,
        path=_SCALARS[str],
        sha256=st.text("0123456789abcdef", min_size=64, max_size=64),
        parser=_SCALARS[str],
        encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
        spans=spans.map(
            lambda d: tuple(FieldSpan(field, start, end) for field, (start, end) in d.items())
        ),
    )
