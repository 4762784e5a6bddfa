"""Fuzzing: whatever the input, only the documented errors come out.

* bytes → :func:`~seedcorpus.decoding.decode`: a str, never an error;
* bytes → :func:`~seedcorpus.decoding.decode_article` → ``parse_antara``: an
  article, or a :class:`~seedcorpus.errors.ParseError`;
* text → :func:`~seedcorpus.manifest.parse_manifest`: a manifest whose paths are all
  safe, or a :class:`~seedcorpus.errors.ManifestError`;
* text or bytes → :func:`~seedcorpus.serialization.article_from_json`: an article, or a
  :class:`~seedcorpus.errors.SerializationError`.

The normal run uses the active Hypothesis profile (``ci``: 100 examples each);
``nox -s fuzz`` runs the ``fuzz`` profile: 100,000 examples each. Every file in
``tests/data/nasty/`` goes through every entry point in every run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import DATA
from seedcorpus.apps.synth import SynthArticle, synth_article
from seedcorpus.decoding import decode, decode_article
from seedcorpus.default_plugins.antara import parse_antara
from seedcorpus.errors import ManifestError, ParseError, SerializationError
from seedcorpus.manifest import KNOWN_COLUMNS, format_manifest, parse_manifest, path_problem
from seedcorpus.models import Article, Manifest, ManifestEntry, Source
from seedcorpus.serialization import article_from_json, make_converter
from seedcorpus.specs import Document
from seedcorpus.testing import antara_texts, manifest_texts

NASTY_FILES = sorted(p for p in (DATA / "nasty").rglob("*") if p.is_file())
CONVERTER = make_converter()
SOURCE = Source("fuzz.txt", "0" * 64, "antara")
# Characters decode_article removes: none may be left in its text.
CONTROLS = {chr(c) for c in [*range(0x09), *range(0x0E, 0x1C), *range(0x7F, 0x85)]} | {
    *map(chr, range(0x86, 0xA0)),
    "\ufeff",
}

# --- the targets, each with the checks that hold for any input -----------------------------


def check_error(error: Exception, where: str) -> None:
    """A documented error is one line that starts with the file (and line) it names."""
    assert str(error).startswith(where)
    assert "\n" not in str(error)


def check_decode(data: bytes) -> None:
    text, encoding = decode(data)
    text.encode("utf-8")  # no lone surrogate: every output can hold it
    assert encoding


def check_article_bytes(data: bytes) -> None:
    try:
        decoded = decode_article(data, path="fuzz.txt")
    except ParseError as error:
        check_error(error, "fuzz.txt:")
        return
    assert CONTROLS.isdisjoint(decoded.text)
    check_parse(decoded.text)


def check_parse(text: str) -> None:
    try:
        article = parse_antara(Document(id="fuzz", text=text, source=SOURCE))
    except ParseError as error:
        check_error(error, "fuzz.txt:")  # with a line
        return
    assert isinstance(article, Article)
    assert article.title or article.paragraphs  # a file with neither is refused
    assert article.title is None or article.title == article.title.strip()


def check_manifest(text: str) -> None:
    try:
        manifest = parse_manifest(text, path="INDEX.md")
    except ManifestError as error:
        check_error(error, "INDEX.md")
        return
    assert isinstance(manifest, Manifest)
    # What the reader lets through is safe to join to the corpus folder, and unique.
    assert all(path_problem(entry.file) is None for entry in manifest.entries)
    assert len({entry.id for entry in manifest.entries}) == len(manifest.entries)


def check_json(text: str | bytes) -> None:
    try:
        article = article_from_json(text, CONVERTER, path="out.jsonl", line=3)
    except SerializationError as error:
        check_error(error, "out.jsonl:3: ")
        return
    assert isinstance(article, Article)


# --- strategies --------------------------------------------------------------------------------
# Hypothesis spends most of a fuzz run generating. Besides raw text and bytes, the
# properties edit real-looking documents (synthetic articles, their JSON and manifests,
# made once) cheaply, so 100,000 examples of each fit in minutes.

FRAGMENTS = (
    *("\n", "\n\n", "\r\n", "\r", " ", "\xa0", "\t", "\u2028"),
    *("Pewarta: ", "Editor:", "COPYRIGHT © ANTARA 2024", "COPYRIGHT Â©", "Baca juga: "),
    *("Jakarta (ANTARA) - ", "(ANTARA FOTO/Nama)", "Berita ini telah tayang di "),
    *("id tag,tag", "\0", "\x01", "\ufeff", "\x9d", "Â©", "â€œ", "\ud83d\ude00"),
    *("|", "\\", "\\|", "`", "---", "| --- |", "../", "/", "C:", "http://", "~"),
    *("{", "}", "[", "]", '"', ",", ":", "null", "1e999", "NaN", "\\ud800", "\\u0000"),
)
EXAMPLES = [synth_article(index, seed=20240701) for index in range(48)]
ARTICLE_TEXTS = [example.text for example in EXAMPLES]
ARTICLE_JSONS = [json.dumps(CONVERTER.unstructure(example.expected)) for example in EXAMPLES]


def manifest_text(examples: list[SynthArticle]) -> str:
    entries = [
        ManifestEntry(file=e.path, id=e.path.replace("/", "-"), title=e.expected.title)
        for e in examples
    ]
    return format_manifest(Manifest(entries=tuple(entries)))


MANIFEST_TEXTS = [manifest_text(EXAMPLES[i : i + 4]) for i in range(0, len(EXAMPLES), 4)]


# Strategies drawn from inside composites are built once: one built at each draw is also
# validated at each draw, which costs more than drawing.
EDIT_COUNTS = st.integers(1, 4)
EDIT_KINDS = st.integers(0, 3)
INSERTED_FRAGMENTS = st.sampled_from(FRAGMENTS)
INSERTED_TEXTS = st.text(max_size=4)


def edited(pool: list[str]) -> st.SearchStrategy[str]:
    """A text of ``pool``, cut, with pieces removed, or with fragments inserted."""
    texts = st.sampled_from(pool)

    @st.composite
    def edit(draw: st.DrawFn) -> str:
        text = draw(texts)
        # At least one edit: unedited texts would soon repeat, and Hypothesis skips repeats.
        for _ in range(draw(EDIT_COUNTS)):
            at = draw(st.integers(0, len(text)))  # Hypothesis caches integers() by bounds
            kind = draw(EDIT_KINDS)
            if kind == 0:
                text = text[:at]
            elif kind == 1:
                text = text[:at] + text[draw(st.integers(at, min(len(text), at + 300))) :]
            elif kind == 2:
                text = text[:at] + draw(INSERTED_FRAGMENTS) + text[at:]
            else:
                text = text[:at] + draw(INSERTED_TEXTS) + text[at:]
        return text

    return edit()


ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1252", "latin-1")


EDITED_ARTICLES = edited(ARTICLE_TEXTS)
ENCODINGS_DRAWN = st.sampled_from(ENCODINGS)


@st.composite
def article_bytes(draw: st.DrawFn) -> bytes:
    """An edited article text in some encoding (unencodable characters replaced)."""
    text = draw(EDITED_ARTICLES)
    return text.encode(draw(ENCODINGS_DRAWN), errors="replace")


CELLS = (
    *(*KNOWN_COLUMNS, "---", ":--:", "", "a.txt", "../x.txt", "/etc/x", "C:/x"),
    *("https://x/y.txt", "a\\b.txt", "sub/", ".", "a.txt "),
)
# A table's shape in few draws, since each draw costs: a byte a cell (one row a draw),
# a third of them a text (one more draw), the others one of CELLS.
ROWS = st.lists(st.binary(max_size=6), min_size=1, max_size=5)
TEXTS = manifest_texts()
SEPARATOR_WIDTHS = st.integers(-6, 6)  # no separator row below 1
HEADINGS = st.sampled_from(["", "# Corpus\n\n"])


@st.composite
def tables(draw: st.DrawFn) -> str:
    """Documents made of table rows (column names, paths good and bad, tricky text),
    with or without a separator row."""

    def cell(byte: int) -> str:
        return draw(TEXTS) if byte >= 171 else CELLS[byte % len(CELLS)]

    rows = ["| " + " | ".join(map(cell, row)) + " |" for row in draw(ROWS)]
    if (width := draw(SEPARATOR_WIDTHS)) > 0:
        rows.insert(1, "| --- " * width + "|")
    return draw(HEADINGS) + "\n".join(rows) + "\n"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


# --- properties ---------------------------------------------------------------------------------


@given(st.binary() | article_bytes())
def test_any_bytes_decode_and_give_an_article_or_a_parse_error(data: bytes) -> None:
    check_decode(data)
    check_article_bytes(data)


@given(EDITED_ARTICLES | st.text())
def test_any_text_parses_or_is_a_parse_error(text: str) -> None:
    check_parse(text)


# The realistic strategies cost a few milliseconds an example, more than the edits above,
# and Hypothesis keeps mutating such examples once it has one, so in a union they would
# take most of the run: they get properties of their own.
@given(antara_texts())
def test_any_antara_text_parses_or_is_a_parse_error(text: str) -> None:
    check_parse(text)


@given(edited(MANIFEST_TEXTS) | st.text())
def test_any_text_is_a_safe_manifest_or_a_manifest_error(text: str) -> None:
    check_manifest(text)


@given(tables())
def test_any_table_is_a_safe_manifest_or_a_manifest_error(text: str) -> None:
    check_manifest(text)


@given(
    edited(ARTICLE_JSONS)
    | json_values.map(json.dumps)
    | st.text()
    | st.binary()
    | edited(ARTICLE_JSONS).map(lambda text: text.encode("utf-8", errors="surrogatepass"))
)
def test_any_json_is_an_article_or_a_serialization_error(text: str | bytes) -> None:
    check_json(text)


# --- the nasty inputs, in every run ----------------------------------------------------------


@pytest.mark.parametrize("path", NASTY_FILES, ids=lambda path: path.name)
def test_nasty_inputs_give_only_documented_errors(path: Path) -> None:
    data = path.read_bytes()
    check_decode(data)
    check_article_bytes(data)
    check_manifest(decode(data)[0])
    check_json(data)
    check_json(decode(data)[0])


def test_the_nasty_inputs_are_there() -> None:
    names = {path.name for path in NASTY_FILES}
    assert {"INDEX.md", "binary-junk.txt", "deep.json", "lone-surrogate.json"} <= names
