"""Hypothesis strategies and helpers for testing seedcorpus and its plugins.

Every strategy the project's own tests use lives here, so plugin authors test with the
same generators.
"""

from __future__ import annotations

import json
from types import UnionType
from typing import Any, Union, get_args, get_origin

import attrs
from hypothesis import strategies as st

from seedcorpus.models import Article, Enrichment, FieldSpan, Source, UnknownEnrichment

__all__: list[str] = [
    "antara_articles",
    "antara_renderings",
    "antara_texts",
    "articles",
    "check_enricher",
    "check_exporter",
    "check_parser",
    "from_type",
    "manifest_entries",
    "manifest_files",
    "manifest_texts",
    "manifests",
    "registry_with",
    "unknown_enrichments",
]

# --- manifests ---------------------------------------------------------------------------

# This section's imports sit here so that other sections' edits do not collide with them.
from pathlib import PurePosixPath

from seedcorpus.manifest import DEFAULT_PREAMBLE, KNOWN_COLUMNS, sha256_hex
from seedcorpus.models import Manifest, ManifestEntry
from seedcorpus.text import normalize

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
    word = st.sampled_from(_TRICKY_WORDS) | st.text(
        st.characters(codec="utf-8", exclude_characters="\0"), min_size=1
    )
    return st.lists(word, min_size=1, max_size=5).map(" ".join).map(normalize).filter(bool)


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

# This section's imports sit here so that other sections' edits do not collide with them.
from seedcorpus.models import (  # noqa: E402
    Byline,
    Caption,
    Copyright,
    Dateline,
    Syndication,
)
from seedcorpus.models import Source as _Source  # noqa: E402

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


def _antara_words(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    """Normalized text of Indonesian and random words, free of the layout's keywords."""
    word = st.sampled_from(_ANTARA_WORDS) | st.text(_ANTARA_LETTERS, min_size=1, max_size=9)
    return (
        st.lists(word, min_size=min_size, max_size=max_size)
        .map(" ".join)
        .filter(_free_of_keywords)
    )


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


# Built once: strategies are cheap to draw from but not to build and validate.
_ANTARA_TITLES = _antara_words(1, 12).map(_capitalized)
_ANTARA_PARAGRAPHS = _antara_words(1, 30).map(_capitalized)
_ANTARA_TAGS = _antara_words(1, 3).filter(lambda text: "," not in text)
_ANTARA_NAME = st.lists(
    st.sampled_from(("Herry", "Soebanto", "Arnidhya", "Nur", "Zhafira", "Dadan"))
    | st.text(_ANTARA_LETTERS, min_size=2, max_size=8).map(str.capitalize),
    min_size=1,
    max_size=3,
).map(" ".join)
_ANTARA_NAMES = (_ANTARA_NAME | st.tuples(_ANTARA_NAME, _ANTARA_NAME).map(" dan ".join)).filter(
    _free_of_keywords
)
_ANTARA_PLACES = (
    st.lists(
        st.sampled_from(("Jakarta", "Mataram", "NTB", "ISTANBUL", "Kota", "Baru"))
        | st.text(_ANTARA_LETTERS, min_size=1, max_size=8).map(str.capitalize),
        min_size=1,
        max_size=2,
    )
    .map(" ".join)
    .filter(_free_of_keywords)
)
_ANTARA_DATELINES = st.builds(
    Dateline,
    city=_ANTARA_PLACES,
    agency=st.sampled_from(_ANTARA_AGENCIES),
    region=st.none() | _ANTARA_PLACES,
    date=st.none()
    | st.builds(
        "{}/{}{}".format,
        st.integers(1, 31),
        st.integers(1, 12),
        st.sampled_from(("", "/2016", "/2024")),
    )
    | st.builds(
        "{} {}{}".format,
        st.integers(1, 31),
        st.sampled_from(_ANTARA_MONTHS),
        st.sampled_from(("", " 2016", " 2024")),
    ),
)
_ANTARA_CREDITS = st.builds(
    "{}/{}{}".format,
    st.sampled_from(_ANTARA_CREDIT_HEADS),
    _ANTARA_NAMES,
    st.sampled_from(("", "/foc.", "/tom")),
)
_ANTARA_CREDITED_CAPTIONS = st.builds(
    Caption, text=_ANTARA_PARAGRAPHS | st.just(""), credit=_ANTARA_CREDITS
)
_ANTARA_ANY_CAPTIONS = _ANTARA_CREDITED_CAPTIONS | st.builds(Caption, text=_ANTARA_PARAGRAPHS)
_ANTARA_SYNDICATIONS = st.builds(
    Syndication,
    site=st.sampled_from(("Antaranews.com", "kalbar.antaranews.com", "Example.id")),
    original_title=_ANTARA_TITLES,
)
_ANTARA_COPYRIGHTS = st.builds(
    Copyright,
    holder=st.sampled_from(("ANTARA", "LKBN ANTARA")) | _ANTARA_NAMES,
    year=st.integers(1000, 9999),
)
_ANTARA_LANGUAGES = st.sampled_from(("id", "en")) | st.text(
    "abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=2
)
_ANTARA_IDS = st.builds(
    "{:03d}_{}".format, st.integers(0, 999), st.binary(min_size=8, max_size=8).map(bytes.hex)
)


@st.composite
def antara_articles(draw: st.DrawFn) -> Article:
    """Articles the ANTARA layout can hold: ``format_antara`` writes them and
    ``parse_antara`` (both in :mod:`seedcorpus.default_plugins.antara`) reads them back
    equal, apart from ``source.spans``. Every optional part is sometimes present.

    The layout gives some text a meaning, so the values are restricted to what it can hold:

    * No free text (title, tags, caption, paragraphs, links, footer values) contains the
      words ``antara``, ``baca``, ``pewarta``, ``editor``, ``copyright``, ``tayang`` or
      ``judul`` in any letter case: with them a paragraph could read as a dateline, a
      caption credit, a ``Baca juga`` link or a footer line.
    * Titles, captions and paragraphs start with a capital letter (as they do in ANTARA
      articles): a block starting with a two-letter lower-case word reads as a tag line.
    * ``tags`` are set only with a ``language`` (the tag line starts with the language
      code), which is two lower-case ASCII letters; tags contain no comma.
    * A caption without a credit comes only with a dateline: without one, only a credit
      tells a caption from the first paragraph. A caption is never empty.
    * Dateline parts are as printed in real datelines: places of letters and spaces, a
      date ``d/m`` or ``d Month [yyyy]``, an agency starting with ANTARA or Antara.
    * ``Copyright.year`` has four digits; ``problems`` and ``enrichments`` are empty
      (the layout does not carry them).
    """
    article_id = draw(_ANTARA_IDS)
    language = draw(st.none() | _ANTARA_LANGUAGES)
    dateline = draw(st.none() | _ANTARA_DATELINES)
    captions = _ANTARA_CREDITED_CAPTIONS if dateline is None else _ANTARA_ANY_CAPTIONS
    return Article(
        id=article_id,
        source=_Source(
            path=f"{article_id}.txt",
            sha256=draw(st.binary(min_size=32, max_size=32)).hex(),
            parser="antara",
        ),
        title=draw(_ANTARA_TITLES),
        language=language,
        tags=() if language is None else tuple(draw(st.lists(_ANTARA_TAGS, max_size=4))),
        caption=draw(st.none() | captions),
        dateline=dateline,
        paragraphs=tuple(draw(st.lists(_ANTARA_PARAGRAPHS, max_size=5))),
        related=tuple(draw(st.lists(_ANTARA_TITLES, max_size=3))),
        syndication=draw(st.none() | _ANTARA_SYNDICATIONS),
        byline=Byline(
            reporter=draw(st.none() | _ANTARA_NAMES), editor=draw(st.none() | _ANTARA_NAMES)
        ),
        copyright=draw(st.none() | _ANTARA_COPYRIGHTS),
    )


# Whitespace noise, one draw each. Between blocks: one to three blank lines, some holding
# only spaces, tabs or U+00A0. On a line: how spaces are written, what leads and trails.
_ANTARA_SEPARATORS = st.sampled_from(
    ("\n\n", "\n\n", "\n\n", "\n \n", "\n\t\n", "\n\n\n", "\n\xa0 \n\n", "\n \n\t\n")
)
_ANTARA_LINE_NOISE = st.sampled_from(
    [
        (space, lead, trail)
        for space in (" ", " ", " ", "\xa0", "  ", "\t")
        for lead in ("", "", "", " ", "\xa0")
        for trail in ("", "", "", " ", "\xa0", " \t")
    ]
)


@st.composite
def antara_renderings(draw: st.DrawFn) -> tuple[Article, str]:
    """An article from :func:`antara_articles` and a text of it in the ANTARA layout that
    :func:`~seedcorpus.default_plugins.antara.parse_antara` must read back as that article
    (apart from ``source.spans``).

    The text varies as real files do: CRLF or lone-CR line ends, U+00A0, tabs and runs of
    spaces inside lines, leading and trailing whitespace, several and whitespace-only
    separator lines, no final newline, no repeated title (where the layout allows it),
    ``(credit)`` in parentheses, the dateline's dash as ``--``, en or em dash,
    ``Pewarta :``/``PEWARTA:`` spellings, empty ``Pewarta`` and ``Editor`` lines, ``Â©``
    and ``(c)`` for ``©``, footer lines in any order, as separate blocks, or glued onto
    one line or onto the last paragraph, and ``Baca juga`` links anywhere in the body.
    """
    article = draw(antara_articles())
    blocks: list[str] = [article.title]
    if article.language is not None:
        separator = draw(st.sampled_from((",", ", ")))
        blocks.append(f"{article.language} {separator.join(article.tags)}".rstrip())
    # Without a dateline, a first paragraph like the title would read as its repetition;
    # before a dateline, a caption without a credit takes the place of a missing one.
    caption = article.caption
    if (
        article.dateline is None
        or (caption is not None and caption.credit is None)
        or draw(st.booleans())
    ):
        blocks.append(article.title)
    if caption is not None:
        credit = caption.credit
        if credit is not None and draw(st.booleans()):
            credit = f"({credit})"
        blocks.append(" ".join(part for part in (caption.text, credit) if part))
    body = list(article.paragraphs)
    if article.dateline is not None:
        dateline = article.dateline
        place = ", ".join(part for part in (dateline.city, dateline.region, dateline.date) if part)
        dash = draw(st.sampled_from(("-", "--", "–", "—")))
        lead = draw(st.sampled_from(("", "", " ")))
        opening = f"{lead}{place} ({dateline.agency}) {dash}"
        blocks.append(f"{opening} {body.pop(0)}" if body else opening)
    after = len(blocks)
    blocks.extend(body)
    for title in article.related:  # anywhere in the body, in their order
        key = draw(st.sampled_from(("Baca juga:", "Baca juga :", "BACA JUGA:", "Baca Juga:")))
        after = draw(st.integers(after, len(blocks)))
        blocks.insert(after, f"{key} {title}")
        after += 1

    footer: list[str] = []
    if article.syndication is not None:
        site, original = article.syndication.site, article.syndication.original_title
        footer.append(f"Berita ini telah tayang di {site} dengan judul: {original}")
    reporter = draw(st.sampled_from(("Pewarta: ", "Pewarta : ", "PEWARTA: ")))
    if article.byline.reporter is not None or draw(st.booleans()):
        footer.append(reporter + (article.byline.reporter or ""))
    editor = draw(st.sampled_from(("Editor: ", "Editor : ")))
    if article.byline.editor is not None or draw(st.booleans()):
        footer.append(editor + (article.byline.editor or ""))
    if article.copyright is not None:
        symbol = draw(st.sampled_from(("COPYRIGHT ©", "COPYRIGHT Â©", "Copyright (c)")))
        footer.append(f"{symbol} {article.copyright.holder} {article.copyright.year}")
    footer = draw(st.permutations(footer))
    if footer:
        style = draw(st.sampled_from(("lines", "blocks", "glued", "glued to body")))
        if style == "lines":
            blocks.append("\n".join(footer))
        elif style == "blocks":
            blocks.extend(footer)
        elif style == "glued" or footer[0].startswith("Editor"):
            blocks.append(draw(st.sampled_from(("", " "))).join(footer))
        else:  # "Editor:" could end a sentence, so only the other keys split a paragraph
            blocks[-1] += "".join(footer)

    lines = [line for block in blocks for line in block.split("\n")]
    noisy = []
    for line in lines:
        space, lead, trail = draw(_ANTARA_LINE_NOISE)
        noisy.append(lead + line.replace(" ", space) + trail)
    # Rebuild the blocks from the noisy lines, with blank-line runs between them.
    text, position = "", 0
    for number, block in enumerate(blocks):
        count = block.count("\n") + 1
        if number:
            text += draw(_ANTARA_SEPARATORS)
        text += "\n".join(noisy[position : position + count])
        position += count
    text = draw(st.sampled_from(("", "", "", " ", "\xa0"))) + text
    text += draw(st.sampled_from(("", "\n", "\n\n", "\n \n")))
    line_end = draw(st.sampled_from(("\n", "\r\n", "\r", "mixed")))
    if line_end == "mixed":
        parts = text.split("\n")
        ends = st.sampled_from(("\n", "\r\n"))
        text = parts[0] + "".join(draw(ends) + part for part in parts[1:])
    elif line_end != "\n":
        text = text.replace("\n", line_end)
    return article, text


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
    text = draw(antara_renderings())[1]
    for _ in range(draw(st.integers(0, 4))):
        edit = draw(st.sampled_from(("cut", "lose", "repeat", "flatten", "insert")))
        lines = text.split("\n")
        if edit == "cut":
            text = text[: draw(st.integers(0, len(text)))]
        elif edit in ("lose", "repeat"):
            index = draw(st.integers(0, len(lines) - 1))
            lines[index : index + 1] = [] if edit == "lose" else [lines[index]] * 2
            text = "\n".join(lines)
        elif edit == "flatten":
            text = text.replace("\n\n", draw(st.sampled_from(("", " ", "\n"))))
        else:
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(_ANTARA_FRAGMENTS)) + text[at:]
    return text


# --- articles ----------------------------------------------------------------------------

_SCALARS: dict[Any, st.SearchStrategy[Any]] = {
    str: st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    int: st.integers(min_value=-(2**53), max_value=2**53),
    float: st.floats(allow_nan=False, allow_infinity=False, width=64),
    bool: st.booleans(),
    type(None): st.none(),
}


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


# --- plugin contract checks --------------------------------------------------------------

# This section's imports sit here so that other sections' edits do not collide with them.
import hashlib  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Iterator, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

from cattrs import Converter  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

from seedcorpus.atomic import atomic_destination  # noqa: E402
from seedcorpus.errors import ParseError  # noqa: E402
from seedcorpus.plugins import DEFAULT_PLUGINS, describe_error  # noqa: E402
from seedcorpus.registry import Registry  # noqa: E402
from seedcorpus.serialization import (  # noqa: E402
    article_from_json,
    article_to_json,
    make_converter,
)
from seedcorpus.specs import Document, EnricherSpec, ExporterSpec, ParserSpec  # noqa: E402

# The checks take a parameter called ``articles``; this name keeps the strategy reachable.
_articles = articles


def registry_with(*plugins: object, builtins: bool = False) -> Registry:
    """A registry of exactly the given plugin modules or objects (and the built-ins if
    ``builtins``), ignoring installed entry points and ``SEEDCORPUS_DISABLE_PLUGINS``, so a
    test sees the same plugins on every machine.

    >>> from seedcorpus.default_plugins import jsonl
    >>> from seedcorpus.testing import registry_with
    >>> list(registry_with(jsonl).exporters)
    ['jsonl']

    :raises AssertionError: if one of ``plugins`` fails to register or its hook raises:
        in a test, a skipped plugin must not look like a missing one.
    """
    registry = Registry.load(builtins=builtins, entry_points=False, extra=plugins, disabled=())
    builtin_names = {module.rsplit(".", 1)[-1] for module in DEFAULT_PLUGINS}
    failures = [str(f) for f in registry.failures if not builtins or f.name not in builtin_names]
    if failures:
        raise AssertionError("; ".join(failures))
    return registry


def _settings(max_examples: int | None) -> settings:
    # One clear failure, not an ExceptionGroup: callers match a single AssertionError.
    # No explain phase: it traces every line of every shrink step, which makes shrinking
    # a failure tens of times slower (minutes, for an exporter), to name a few lines.
    options = settings(
        deadline=None,
        report_multiple_bugs=False,
        phases=[phase for phase in settings().phases if phase is not Phase.explain],
    )
    return options if max_examples is None else settings(options, max_examples=max_examples)


def _slow_settings(max_examples: int | None) -> settings:
    # Writing files per example is slow by nature; that is not a problem of the strategy.
    return settings(
        _settings(max_examples),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def _field_differences(expected: Article, actual: object) -> str:
    if not isinstance(actual, Article):
        return f"got {actual!r} instead of an Article"
    return "; ".join(
        f"{field.name}: expected {getattr(expected, field.name)!r}, "
        f"got {getattr(actual, field.name)!r}"
        for field in attrs.fields(Article)
        if getattr(expected, field.name) != getattr(actual, field.name)
    )


def _list_differences(expected: Sequence[Article], actual: Sequence[object]) -> str:
    if len(expected) != len(actual):
        return f"wrote {len(expected)} articles, read back {len(actual)}"
    for position, (wrote, read) in enumerate(zip(expected, actual, strict=True)):
        if wrote != read:
            return f"article {position} ({wrote.id!r}): {_field_differences(wrote, read)}"
    return "no difference"


def _round_trip(article: Article, converter: Converter, where: str) -> None:
    try:
        again: object = article_from_json(article_to_json(article, converter), converter)
    except Exception as error:
        raise AssertionError(
            f"{where}: the article does not survive its JSON form: {describe_error(error)}"
        ) from error
    if again != article:
        raise AssertionError(
            f"{where}: the article changes through its JSON form: "
            f"{_field_differences(article, again)}"
        )


def _parser_texts() -> st.SearchStrategy[str]:
    """Damaged ANTARA texts, and arbitrary text alone and as blank-line separated blocks."""
    blocks = st.lists(st.text(max_size=80), max_size=8).map("\n\n".join)
    return antara_texts() | st.text() | blocks


def check_parser(
    spec: ParserSpec,
    texts: st.SearchStrategy[str] | None = None,
    *,
    max_examples: int | None = None,
) -> None:
    """Check that a parser keeps the plugin contract on generated file texts.

    For every text, ``spec.parse`` must either raise
    :class:`~seedcorpus.errors.ParseError` or return an ``Article`` that keeps the
    document's ``id``, ``source.path`` and ``source.sha256``, names ``spec.name`` in
    ``source.parser``, has every span inside the text, and reads back equal from its JSON
    form.

    :param texts: the file texts to try; by default
        :func:`~seedcorpus.testing.antara_texts`, arbitrary text, and blank-line
        separated blocks of arbitrary text.
    :param max_examples: how many texts to try; by default the current Hypothesis
        profile's setting.
    :raises AssertionError: describing the first failing text (after shrinking it).
    """
    converter = make_converter()
    ids = st.from_regex(r"[0-9a-z_]{1,24}", fullmatch=True)

    @_settings(max_examples)
    @given(text=texts if texts is not None else _parser_texts(), article_id=ids)
    def run(text: str, article_id: str) -> None:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        source = Source(path=f"{article_id}.txt", sha256=digest, parser=spec.name)
        where = f"parser {spec.name!r} on text {text!r}"
        try:
            article: object = spec.parse(Document(id=article_id, text=text, source=source))
        except ParseError:
            return
        except Exception as error:
            raise AssertionError(
                f"{where} raised {describe_error(error)}; a parser may only raise ParseError"
            ) from error
        if not isinstance(article, Article):
            raise AssertionError(f"{where} returned {article!r}, not an Article")
        kept = (article.id, article.source.path, article.source.sha256)
        if kept != (article_id, source.path, source.sha256):
            raise AssertionError(
                f"{where}: id, source.path and source.sha256 must be the document's "
                f"{(article_id, source.path, source.sha256)!r}, got {kept!r}"
            )
        if article.source.parser != spec.name:
            raise AssertionError(
                f"{where}: source.parser is {article.source.parser!r}, not {spec.name!r}"
            )
        for span in article.source.spans:
            if not 0 <= span.start <= span.end <= len(text):
                raise AssertionError(f"{where}: {span!r} is outside the text")
        _round_trip(article, converter, where)

    run()


def check_enricher(
    spec: EnricherSpec,
    articles: st.SearchStrategy[Article] | None = None,
    *,
    max_examples: int | None = None,
) -> None:
    """Check that an enricher keeps the plugin contract on generated articles.

    For every article, ``spec.enrich`` must not raise, must return an instance of one of
    ``spec.types`` whose ``kind`` is ``spec.name``, and the article with that enrichment
    must read back equal from its JSON form through ``make_converter(spec.types)``.

    :param articles: the articles to try; by default
        :func:`articles(spec.types) <seedcorpus.testing.articles>`.
    :param max_examples: how many articles to try; by default the current Hypothesis
        profile's setting.
    :raises AssertionError: describing the first failing article (after shrinking it).
    """
    converter = make_converter(spec.types)
    names = ", ".join(cls.__qualname__ for cls in spec.types)

    @_slow_settings(max_examples)
    @given(article=articles if articles is not None else _articles(spec.types))
    def run(article: Article) -> None:
        where = f"enricher {spec.name!r} on {article!r}"
        try:
            enrichment: object = spec.enrich(article)
        except Exception as error:
            raise AssertionError(f"{where} raised {describe_error(error)}") from error
        if not isinstance(enrichment, spec.types):
            raise AssertionError(
                f"{where} returned {enrichment!r}, not one of its declared types ({names})"
            )
        if enrichment.kind != spec.name:
            raise AssertionError(
                f"{where} returned kind {enrichment.kind!r}; it must be {spec.name!r}"
            )
        # Only the enrichment is compared: the rest of the article is not the enricher's.
        others = tuple(e for e in article.enrichments if e.kind != spec.name)
        enriched = attrs.evolve(article, enrichments=(*others, enrichment))
        try:
            again = article_from_json(article_to_json(enriched, converter), converter)
        except Exception as error:
            raise AssertionError(
                f"{where}: {enrichment!r} does not survive its JSON form: {describe_error(error)}"
            ) from error
        if again.enrichment(spec.name) != enrichment:
            raise AssertionError(
                f"{where}: {enrichment!r} reads back from its JSON form as "
                f"{again.enrichment(spec.name)!r}"
            )

    run()


class _Interrupted(Exception):
    """Raised by the articles iterator to interrupt a write midway."""


def _interrupted(items: Sequence[Article]) -> Iterator[Article]:
    yield from items[: len(items) // 2]
    raise _Interrupted("the articles iterator failed midway (raised by check_exporter)")


def _snapshot(path: Path) -> dict[str, bytes]:
    """The bytes of a file, or of every file under a folder by relative path."""
    if path.is_file():
        return {"": path.read_bytes()}
    return {
        child.relative_to(path).as_posix(): child.read_bytes()
        for child in sorted(path.rglob("*"))
        if child.is_file()
    }


def check_exporter(
    spec: ExporterSpec,
    article_lists: st.SearchStrategy[list[Article]] | None = None,
    *,
    enrichment_types: tuple[type[Enrichment], ...] = (),
    deterministic: bool = True,
    max_examples: int | None = None,
) -> None:
    """Check that an exporter keeps the plugin contract on generated lists of articles.

    Each list is written the way :meth:`seedcorpus.Corpus.export` writes it, through
    ``seedcorpus.atomic.atomic_destination`` into a temporary folder, and then:

    * the output is a folder if ``spec.directory`` is set, a file otherwise;
    * if ``spec.read`` is set, reading the output back gives the same articles, in order;
    * writing the same articles again gives the same bytes (every file of a folder);
    * a write whose articles iterator raises midway must raise too, leave no output where
      there was none, leave a previous output byte for byte as it was, and leave no
      other file behind.

    :param article_lists: the lists to write; by default up to four
        :func:`articles(enrichment_types) <seedcorpus.testing.articles>` with unique ids.
    :param enrichment_types: enrichment classes the articles may carry, and the exporter's
        converter knows.
    :param deterministic: set to ``False`` for a format that embeds a timestamp or random
        ids, to skip the same-bytes check.
    :param max_examples: how many lists to try; by default the current Hypothesis
        profile's setting.
    :raises AssertionError: describing the first failing list (after shrinking it).
    """
    converter = make_converter(enrichment_types)
    if article_lists is None:
        article_lists = st.lists(
            _articles(enrichment_types), max_size=4, unique_by=lambda article: article.id
        )

    @_slow_settings(max_examples)
    @given(items=article_lists)
    def run(items: list[Article]) -> None:
        with tempfile.TemporaryDirectory(prefix="seedcorpus-check-") as folder:
            _check_export(spec, items, Path(folder), converter, deterministic=deterministic)

    run()


def _check_export(
    spec: ExporterSpec,
    items: list[Article],
    folder: Path,
    converter: Converter,
    *,
    deterministic: bool,
) -> None:
    where = f"exporter {spec.name!r} writing {items!r}"
    output = folder / f"out{spec.suffix}"

    def write(destination: Path, articles: Iterator[Article]) -> None:
        with atomic_destination(destination, force=True, directory=spec.directory) as temporary:
            spec.write(articles, temporary, converter)
            if temporary.is_dir() != spec.directory or not temporary.exists():
                made = "a folder" if temporary.is_dir() else "a file" if temporary.exists() else ""
                raise AssertionError(
                    f"{where}: wrote {made or 'nothing'} at the path it was given, "
                    f"but its spec has directory={spec.directory}"
                )

    def write_all() -> dict[str, bytes]:
        try:
            write(output, iter(items))
        except AssertionError:
            raise
        except Exception as error:
            raise AssertionError(f"{where} raised {describe_error(error)}") from error
        return _snapshot(output)

    first = write_all()
    if spec.read is not None:
        try:
            back = list(spec.read(output, converter))
        except Exception as error:
            raise AssertionError(
                f"{where}: reading the output back raised {describe_error(error)}"
            ) from error
        if back != items:
            raise AssertionError(
                f"{where}: what was read back differs: {_list_differences(items, back)}"
            )
    if deterministic and write_all() != first:
        raise AssertionError(f"{where}: two writes of the same articles differ")

    for destination, before in ((output, first), (folder / f"new{spec.suffix}", None)):
        try:
            write(destination, _interrupted(items))
        except AssertionError:
            raise
        except Exception:  # _Interrupted itself, or the exporter's own error wrapping it
            pass
        else:
            raise AssertionError(
                f"{where}: the articles iterator raised midway, but the write returned "
                "normally; an exporter must let the error through"
            )
        if before is None and destination.exists():
            raise AssertionError(f"{where}: an interrupted write left output behind")
        if before is not None and _snapshot(destination) != before:
            raise AssertionError(f"{where}: an interrupted write changed the previous output")
    leftovers = sorted(path.name for path in folder.iterdir() if path != output)
    if leftovers:
        raise AssertionError(f"{where}: files left beside the output: {leftovers}")
