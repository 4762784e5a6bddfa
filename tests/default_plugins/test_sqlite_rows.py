"""The SQLite row layout stores each text once and gives back exactly what was written."""

from __future__ import annotations

import copy
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from seedcorpus.columns import ARTICLE_COLUMNS
from seedcorpus.default_plugins import sqlite
from seedcorpus.default_plugins.sqlite_records import _elide, _place, _restore
from seedcorpus.default_plugins.sqlite_rows import (
    _IN_COLUMNS,
    _drop_columns,
    _paragraph_spans,
    _unfold_spans,
    inserted_records,
)
from seedcorpus.duplicates import find_in_records
from seedcorpus.models import Article, Source, Syndication
from seedcorpus.registry import Registry
from seedcorpus.serialization import data_to_json
from seedcorpus.testing import articles

words = st.text(alphabet="ab \n", max_size=12)


@st.composite
def enrichment_and_paragraphs(draw: st.DrawFn) -> tuple[dict[str, Any], list[str]]:
    """An enrichment whose records may locate a paragraph slice (by ``paragraph`` or
    ``field``, in range or not), with a text equal to it, another text, or none."""
    paragraphs = draw(st.lists(words, max_size=4))
    records = []
    for _ in range(draw(st.integers(0, 4))):
        record: dict[str, Any] = {}
        number = draw(st.integers(-1, 5))
        if draw(st.booleans()):
            record["paragraph"] = number
        else:
            record["field"] = draw(
                st.sampled_from([f"paragraphs.{number}", f"paragraphs.0{number}", "title", 3])
            )
        start, end = sorted(draw(st.lists(st.integers(-1, 14), min_size=2, max_size=2)))
        record["start"], record["end"] = start, end
        text = draw(st.sampled_from(["slice", "other", "none"]))
        if text == "slice" and 0 <= number < len(paragraphs) and start >= 0:
            record["text"] = paragraphs[number][start:end]
        elif text == "other":
            record["text"] = draw(words)
        records.append(record)
    return {"kind": "x", "items": records, "n": 1}, paragraphs


@given(enrichment_and_paragraphs())
def test_eliding_texts_is_undone_exactly(case: tuple[dict[str, Any], list[str]]) -> None:
    enrichment, paragraphs = case
    original = copy.deepcopy(enrichment)
    lean = _elide(enrichment, paragraphs)
    assert enrichment == original  # the unstructured data is not changed in place
    if lean is None:
        return
    assert len(str(lean)) < len(str(original))
    assert _restore(copy.deepcopy(lean), paragraphs) == original


def _elide_as_before(enrichment: dict[str, Any], paragraphs: list[str]) -> dict[str, Any] | None:
    # The plain version _elide replaced (it copies every list, and calls _place for every
    # record): the rows it gives must stay byte for byte the same.
    lean: dict[str, Any] = {}
    elided = False
    for key, value in enrichment.items():
        if isinstance(value, list | tuple) and value and isinstance(value[0], dict):
            records = []
            for record in value:
                if isinstance(record, dict) and (place := _place(record, paragraphs)) is not None:
                    if "text" not in record:
                        return None
                    if record["text"] == place:
                        record = {k: v for k, v in record.items() if k != "text"}
                        elided = True
                records.append(record)
            value = records
        lean[key] = value
    return lean if elided else None


@given(enrichment_and_paragraphs(), st.booleans())
def test_eliding_writes_what_the_plain_version_wrote(
    case: tuple[dict[str, Any], list[str]], as_tuple: bool
) -> None:
    enrichment, paragraphs = case
    if as_tuple:
        enrichment["items"] = tuple(enrichment["items"])
    lean, before = _elide(enrichment, paragraphs), _elide_as_before(enrichment, paragraphs)
    assert (lean is None) == (before is None)
    if lean is not None:
        assert data_to_json(lean) == data_to_json(before)


def test_a_located_record_without_text_keeps_the_enrichment_whole() -> None:
    paragraphs = ["Kata dia."]
    enrichment = {
        "kind": "x",
        "items": [
            {"text": "Kata", "paragraph": 0, "start": 0, "end": 4},
            {"paragraph": 0, "start": 5, "end": 8},  # reading back would add a text
        ],
    }
    assert _elide(enrichment, paragraphs) is None
    assert _elide({"kind": "x", "items": enrichment["items"][:1]}, paragraphs) == {
        "kind": "x",
        "items": [{"paragraph": 0, "start": 0, "end": 4}],
    }


names = st.sampled_from(["title", "tags.0", "byline.reporters", "x"])


@given(st.lists(words, max_size=4), st.data())
def test_paragraph_spans_fold_and_unfold_exactly(
    paragraphs: list[str], data: st.DataObject
) -> None:
    before = data.draw(st.lists(names, max_size=3, unique=True))
    after = data.draw(st.lists(names.filter(lambda n: n not in before), max_size=2, unique=True))
    middle = [f"paragraphs.{n}" for n in range(len(paragraphs))]
    if data.draw(st.booleans()):
        middle = middle[::-1]  # out of order: not folded, still exact
    spans = {name: (i, i + 1) for i, name in enumerate([*before, *middle, *after])}
    source = {"path": "a.txt", "spans": dict(spans)}
    folded = {"paragraphs": _paragraph_spans(paragraphs, source), "source": source}
    body = "\n\n".join(paragraphs)
    assert [body[p[0] : p[0] + p[1]] for p in folded["paragraphs"]] == paragraphs
    _unfold_spans(folded)
    unfolded = folded["source"]["spans"]
    assert [(k, tuple(v)) for k, v in unfolded.items()] == list(spans.items())


def _plain_spans(paragraphs: list[str], source: dict[str, Any]) -> list[tuple[Any, ...]]:
    """How the paragraphs' spans were folded before they were made in one pass."""
    located: list[tuple[Any, ...]] = []
    start = 0
    for paragraph in paragraphs:
        located.append((start, len(paragraph)))
        start += len(paragraph) + 2
    spans = source["spans"]
    names = list(spans)
    count = len(located)
    wanted = [f"paragraphs.{n}" for n in range(count)]
    if not count or "paragraphs.0" not in spans:
        return located
    at = names.index("paragraphs.0")
    if names[at : at + count] != wanted:
        return located
    source["paragraphs_at"] = at
    return [spot + tuple(spans.pop(name)) for spot, name in zip(located, wanted, strict=True)]


# What a span may be: a pair as make_converter writes it, or what another converter might.
places = st.one_of(
    st.tuples(st.integers(0, 9), st.integers(0, 9)),
    st.lists(st.integers(0, 9), max_size=3),
    st.text("ab", max_size=3),
)


@given(st.lists(words, max_size=4), st.data())
def test_paragraph_spans_fold_as_they_did(paragraphs: list[str], data: st.DataObject) -> None:
    names_before = data.draw(st.lists(names, max_size=2, unique=True))
    middle = [f"paragraphs.{n}" for n in range(len(paragraphs) + data.draw(st.integers(-1, 1)))]
    spans = {name: data.draw(places) for name in [*names_before, *middle]}
    source, expected_source = {"spans": dict(spans)}, {"spans": dict(spans)}
    assert _paragraph_spans(paragraphs, source) == _plain_spans(paragraphs, expected_source)
    assert source == expected_source
    assert list(source["spans"]) == list(expected_source["spans"])


def test_an_unknown_kind_with_a_located_text_and_a_big_number_reads_back(tmp_path: Path) -> None:
    from seedcorpus.models import Article, Source, UnknownEnrichment
    from seedcorpus.registry import Registry

    kept = (
        '{"kind":"x","big":123456789012345678901234567890,"small":1e-07,'
        '"items":[{"text":"Kata","paragraph":0,"start":0,"end":4}]}'
    )
    article = Article(
        id="a",
        source=Source("a.txt", "00", "antara"),
        title="Judul",
        paragraphs=("Kata dia.", "Dua."),
        enrichments=(UnknownEnrichment("x", kept),),
    )
    registry = Registry.load(entry_points=False, disabled=())
    spec = registry.exporter("sqlite")
    assert spec.read is not None
    spec.write(iter([article]), tmp_path / "a.sqlite", registry.converter)
    assert list(spec.read(tmp_path / "a.sqlite", registry.converter)) == [article]


BUILTIN = Registry.load(entry_points=False, disabled=())
TYPES = tuple(t for spec in BUILTIN.enrichers.values() for t in spec.types)


def _copies(items: list[Article]) -> list[Article]:
    """``items`` with some copied under a new id (a duplicate, perhaps syndicated)."""
    copies = [attrs.evolve(a, id=f"{a.id}-copy{n}") for n, a in enumerate(items[::2])]
    return [a for a in items + copies if a.id]


@settings(max_examples=40)
@given(st.lists(articles(TYPES), max_size=4).map(_copies))
def test_the_records_written_are_the_records_read_back(items: list[Article]) -> None:
    unique = list({a.id: a for a in items}.values())
    with closing(sqlite3.connect(":memory:")) as connection:
        connection.executescript(sqlite._SCHEMA)
        written = list(inserted_records(connection, unique, BUILTIN.converter))
        read = list(sqlite.duplicates_records(connection))
        assert written == read
        # And so the build finds what refresh_duplicates finds.
        assert find_in_records(written, near=False) == sqlite.refresh_duplicates(connection)


def _drop_columns_as_before(data: dict[str, Any], row: list[Any]) -> None:
    """_drop_columns as it was first written: each value looked up from the article."""
    for keys, column in _IN_COLUMNS:
        parent: Any = data
        for key in keys[:-1]:
            parent = parent.get(key)
            if not isinstance(parent, dict):
                break
        else:
            at = ARTICLE_COLUMNS.index(column)
            if keys[-1] in parent and parent[keys[-1]] == row[at]:
                del parent[keys[-1]]


small = st.none() | st.sampled_from(["a", "b", 1])
children = st.sampled_from(["path", "sha256", "parser", "text", "credit", "city", "agency",
                            "original_title", "x"])  # fmt: skip
objects = st.dictionaries(children, small, max_size=4) | small
parents = st.sampled_from(["source", "title", "caption", "dateline", "syndication", "x"])


@given(st.dictionaries(parents, objects), st.lists(small, min_size=19, max_size=19))
def test_dropping_columns_does_what_it_did(data: dict[str, Any], row: list[Any]) -> None:
    before = copy.deepcopy(data)
    _drop_columns(data, row)
    _drop_columns_as_before(before, row)
    assert data_to_json(data) == data_to_json(before)


def test_a_site_with_a_nul_character_is_read_back_whole() -> None:
    # SQLite's json_extract cuts a string at a NUL: the records are read in Python.
    article = Article(
        id="a",
        source=Source("a.txt", "00", "antara"),
        paragraphs=("Teks.",),
        syndication=Syndication(site="a\x00b", original_title="Judul"),
    )
    with closing(sqlite3.connect(":memory:")) as connection:
        connection.executescript(sqlite._SCHEMA)
        assert list(inserted_records(connection, [article], BUILTIN.converter)) == [
            ("a", None, "Teks.", "Judul", "a\x00b")
        ]
        assert list(sqlite.duplicates_records(connection)) == [
            ("a", None, "Teks.", "Judul", "a\x00b")
        ]
