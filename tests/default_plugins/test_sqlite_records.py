"""Record layouts (SQLite schema 4): lists of records stored as arrays read back exactly,
the views read both forms, and databases of schema 3 still read back."""

from __future__ import annotations

import copy
import json
import shutil
import sqlite3
import tempfile
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedcorpus import open_corpus
from seedcorpus.apps.build import build_database
from seedcorpus.apps.synth import synth_corpus
from seedcorpus.default_plugins.browser.metadata import metadata
from seedcorpus.default_plugins.sqlite_records import (
    Layouts,
    _elide,
    _lay_out,
    _lay_out_uniform,
    _place,
    lay_out,
    restore,
)
from seedcorpus.default_plugins.sqlite_rows import article_data, article_select, read_article
from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article, Enrichment, Metadata
from seedcorpus.registry import Registry
from seedcorpus.serialization import data_to_json
from seedcorpus.specs import EnricherSpec
from seedcorpus.testing import articles

SCHEMA3 = Path(__file__).parents[1] / "data" / "schema3"
"""``articles.sqlite`` and ``articles.jsonl``: nine articles with every enricher, written
by the code of schema 3 (commit 2684af6)."""

BUILTIN = Registry.load(entry_points=False, disabled=())

# --- lay_out and restore, on any enrichment ----------------------------------------------

words = st.text(alphabet="ab \n", max_size=10)
scalars = st.none() | st.booleans() | st.integers(-2, 12) | words
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=2) | st.dictionaries(words, children, max_size=2),
    max_leaves=4,
)
# Odd keys too: empty, non-ASCII, a JSON path, one that only looks like "text".
keys = st.sampled_from(
    ["text", "paragraph", "field", "start", "end", "", "é", "$.x", "text ", "0"]
)
odd_keys = st.lists(st.sampled_from(["", "é", "$.x", "text ", "0"]), unique=True, max_size=2)
# The keys of records of one shape: mostly those of a record that locates its text.
shapes = st.one_of(
    st.tuples(st.sampled_from(["paragraph", "field"]), odd_keys).flatmap(
        lambda chosen: st.permutations(["text", chosen[0], "start", "end", *chosen[1]])
    ),
    st.lists(keys, unique=True, max_size=5),
)


@st.composite
def records(draw: st.DrawFn, names: list[str], paragraphs: list[str]) -> dict[str, Any]:
    """A record with the keys ``names`` in order, that may locate a paragraph slice, with
    a ``text`` equal to it, another one, or null."""
    record: dict[str, Any] = {}
    # Mostly values that locate a slice, sometimes anything.
    start, end = sorted(draw(st.lists(st.integers(0, 8), min_size=2, max_size=2)))
    for name in names:
        if name == "paragraph":
            number = draw(st.integers(-1, len(paragraphs)))
            record[name] = number if draw(st.integers(0, 3)) else draw(values)
        elif name == "field":
            record[name] = draw(
                st.sampled_from(["paragraphs.0", "paragraphs.1", "title"]) | values
            )
        elif name in ("start", "end"):
            at = start if name == "start" else end
            record[name] = at if draw(st.integers(0, 3)) else draw(values)
        else:
            record[name] = None
    for name in names:
        if name == "text":
            kind = draw(st.sampled_from(["slice", "slice", "slice", "null", "other"]))
            place = _place(record, paragraphs)
            record[name] = place if kind == "slice" and place is not None else None
            if kind == "other":
                record[name] = draw(values)
        elif name not in ("paragraph", "field", "start", "end"):
            record[name] = draw(values)
    return record


@st.composite
def lists(draw: st.DrawFn, paragraphs: list[str]) -> Any:
    """A field's value: records of one shape (as a list or a tuple), records of mixed
    shapes, a list of lists, any other value."""
    shape = draw(st.sampled_from(["one", "one", "tuple", "mixed", "lists", "value"]))
    if shape in ("one", "tuple"):
        names = draw(shapes)
        items = draw(st.lists(records(names, paragraphs), min_size=1, max_size=4))
        return tuple(items) if shape == "tuple" else items
    if shape == "mixed":
        mixed = shapes.flatmap(lambda names: records(names, paragraphs))
        return draw(st.lists(mixed | values, min_size=1, max_size=4))
    if shape == "lists":
        return draw(st.lists(st.lists(values, max_size=3), max_size=3))
    return draw(values)


@st.composite
def enrichments(draw: st.DrawFn) -> tuple[dict[str, Any], list[str]]:
    count = draw(st.integers(0, 3))
    paragraph = st.text(alphabet="ab \n", min_size=4, max_size=10)
    paragraphs = draw(st.lists(paragraph, min_size=count, max_size=count))
    names = draw(st.lists(st.sampled_from(["items", "quotes", "é", "", "x"]), unique=True))
    enrichment: dict[str, Any] = {"kind": "x"}
    for name in names:
        enrichment[name] = draw(lists(paragraphs))
    return enrichment, paragraphs


def stored(payload: dict[str, Any]) -> dict[str, Any]:
    """``payload`` as the ``json`` column gives it back."""
    loaded: dict[str, Any] = json.loads(data_to_json(payload))
    return loaded


def tabulable(value: Any, paragraphs: list[str]) -> bool:
    """Whether a field must be stored as arrays: records of one shape, none of which
    locates a slice with a null text of its own."""
    if not (isinstance(value, list | tuple) and value and isinstance(value[0], dict)):
        return False
    if any(not isinstance(r, dict) or list(r) != list(value[0]) for r in value):
        return False
    return not any(
        "text" in r and r["text"] is None and _place(r, paragraphs) is not None for r in value
    )


@given(enrichments())
def test_laid_out_records_read_back_equal(case: tuple[dict[str, Any], list[str]]) -> None:
    enrichment, paragraphs = case
    original = copy.deepcopy(enrichment)
    payload, elided, layout = lay_out(enrichment, paragraphs)
    assert enrichment == original  # the unstructured data is not changed in place
    back = restore(stored(payload), paragraphs, elided, layout)
    assert back == stored(enrichment)
    tabulated = [name for name, value in enrichment.items() if tabulable(value, paragraphs)]
    # Records stored as arrays come back byte for byte, each key in its place (an elided
    # text of a record stored as an object comes back as its first key, as in schema 3).
    assert [data_to_json(back[name]) for name in tabulated] == [
        data_to_json(enrichment[name]) for name in tabulated
    ]
    if layout is None:
        assert tabulated == []
        # Without a layout the row is what schema 3 wrote.
        lean = _elide(enrichment, paragraphs)
        assert (data_to_json(payload), elided) == (data_to_json(lean or enrichment), bool(lean))
    else:
        assert json.loads(layout) == {name: list(enrichment[name][0]) for name in tabulated}
        assert all(isinstance(row, list) for name in tabulated for row in payload[name])


@given(enrichments())
def test_the_one_pass_lay_out_gives_what_the_general_one_gives(
    case: tuple[dict[str, Any], list[str]],
) -> None:
    enrichment, paragraphs = case
    original = copy.deepcopy(enrichment)
    fast = _lay_out_uniform(enrichment, paragraphs)
    assert enrichment == original
    general = _lay_out(enrichment, paragraphs)
    if fast is not None:
        assert fast == general
        assert data_to_json(fast[0]) == data_to_json(general[0])  # keys in the same order
        assert [type(value) for value in fast[0].values()] == [
            type(value) for value in general[0].values()
        ]
    else:  # refused only where some list of records is kept as objects
        record_lists = [
            value
            for value in enrichment.values()
            if isinstance(value, list | tuple) and value and isinstance(value[0], dict)
        ]
        assert not all(tabulable(value, paragraphs) for value in record_lists)


def test_the_built_in_enrichments_are_laid_out_in_one_pass() -> None:
    corpus = open_corpus(Path(__file__).parents[2] / "seeds", registry=BUILTIN).enrich("all")
    laid_out = 0
    for article in corpus:
        data = BUILTIN.converter.unstructure(article)
        for enrichment in data["enrichments"]:
            fast = _lay_out_uniform(enrichment, data["paragraphs"])
            assert fast is not None
            assert fast == _lay_out(enrichment, data["paragraphs"])
            laid_out += fast[2] is not None
    assert laid_out > 0


def test_an_elided_text_is_null_in_its_array() -> None:
    paragraphs = ["Kata dia."]
    enrichment = {
        "kind": "x",
        "items": [
            {"text": "Kata", "paragraph": 0, "start": 0, "end": 4},
            {"text": "lain", "paragraph": 0, "start": 5, "end": 8},
        ],
    }
    payload, elided, layout = lay_out(enrichment, paragraphs)
    assert payload == {"kind": "x", "items": [[None, 0, 0, 4], ["lain", 0, 5, 8]]}
    assert (elided, layout) == (True, '{"items":["text","paragraph","start","end"]}')


def test_a_located_record_with_a_null_text_keeps_its_list_as_objects() -> None:
    paragraphs = ["Kata dia."]
    items = [
        {"text": "Kata", "paragraph": 0, "start": 0, "end": 4},
        {"text": None, "paragraph": 0, "start": 5, "end": 8},  # would read back as "dia"
    ]
    others = [{"a": 1}, {"a": 2}]
    payload, elided, layout = lay_out({"kind": "x", "items": items, "others": others}, paragraphs)
    assert payload == {
        "kind": "x",
        "items": [{"paragraph": 0, "start": 0, "end": 4}, items[1]],
        "others": [[1], [2]],
    }
    assert (elided, layout) == (True, '{"others":["a"]}')


def test_a_located_record_without_text_in_objects_keeps_every_text() -> None:
    paragraphs = ["Kata dia."]
    enrichment = {
        "kind": "x",
        "items": [{"text": "Kata", "paragraph": 0, "start": 0, "end": 4}],
        "mixed": [{"paragraph": 0, "start": 5, "end": 8}, 1],  # no text: not elidable
    }
    payload, elided, layout = lay_out(enrichment, paragraphs)
    assert payload["items"] == [["Kata", 0, 0, 4]]
    assert not elided
    assert restore(stored(payload), paragraphs, elided, layout) == enrichment


def test_layouts_are_added_once_and_found_again() -> None:
    with sqlite3.connect(":memory:") as db:
        db.execute("CREATE TABLE record_layouts (id INTEGER PRIMARY KEY, keys TEXT UNIQUE)")
        layouts = Layouts(db)
        first, second = layouts.id('{"a":["x"]}'), layouts.id('{"b":["y"]}')
        assert (layouts.id('{"a":["x"]}'), layouts.id(None)) == (first, None)
        assert first != second
        assert Layouts(db).id('{"b":["y"]}') == second
        assert db.execute("SELECT count(*) FROM record_layouts").fetchone() == (2,)


# --- whole articles, with a plugin's records ---------------------------------------------


@attrs.frozen
class Passage:
    text: str | None
    paragraph: int
    start: int
    end: int
    note: Metadata
    speaker_kind: str | None


@attrs.frozen
class Passages(Enrichment):
    kind: ClassVar[str] = "passages"
    passages: tuple[Passage, ...]
    grid: tuple[tuple[int, ...], ...]


def passages_plugin() -> types.ModuleType:
    module = types.ModuleType("passages")

    @hookimpl
    def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
        yield EnricherSpec(name="passages", enrich=lambda a: Passages((), ()), types=(Passages,))

    module.seedcorpus_enrichers = seedcorpus_enrichers  # type: ignore[attr-defined]
    return module


PLUGGED = Registry.load(entry_points=False, disabled=(), extra=[passages_plugin()])
TYPES = tuple(t for spec in PLUGGED.enrichers.values() for t in spec.types)


@st.composite
def located_articles(draw: st.DrawFn) -> Article:
    """Any article, most with paragraphs and a ``passages`` enrichment whose passages
    locate their texts in them: the slice, another text, or none."""
    article = draw(articles(TYPES))
    if not draw(st.integers(0, 4)):
        return article
    paragraphs = article.paragraphs or tuple(draw(st.lists(st.text(min_size=1), min_size=1)))
    found = []
    for _ in range(draw(st.integers(1, 4))):
        number = draw(st.integers(0, len(paragraphs) - 1))
        size = len(paragraphs[number])
        start, end = sorted(draw(st.lists(st.integers(0, size), min_size=2, max_size=2)))
        text = draw(st.sampled_from(["slice", "other", "none"]))
        found.append(
            Passage(
                paragraphs[number][start:end] if text == "slice" else None,
                number,
                start,
                end,
                Metadata({"é": "x"}) if draw(st.booleans()) else Metadata(),
                draw(st.none() | st.text(max_size=3)),
            )
        )
        if text == "other":
            found[-1] = attrs.evolve(found[-1], text=draw(st.text(max_size=5)))
    grid = tuple(draw(st.lists(st.lists(st.integers(), max_size=2).map(tuple), max_size=2)))
    others = tuple(e for e in article.enrichments if e.kind != "passages")
    return attrs.evolve(
        article, paragraphs=paragraphs, enrichments=(*others, Passages(tuple(found), grid))
    )


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(located_articles(), max_size=3))
def test_any_article_reads_back_equal(items: list[Article]) -> None:
    items = list({a.id: a for a in items}.values())
    spec = PLUGGED.exporter("sqlite")
    assert spec.read is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.sqlite"
        spec.write(iter(items), path, PLUGGED.converter)
        assert list(spec.read(path, PLUGGED.converter)) == items


# --- schema 3, the views, updates --------------------------------------------------------


def view_rows(database: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of the views that read enrichments, and of the browser's canned queries
    for every speaker and acronym."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    with sqlite3.connect(database) as db:
        for view in ("quotes", "speakers", "acronyms", "paragraphs"):
            found[view] = db.execute(f"SELECT * FROM {view} ORDER BY 1, 2, 3").fetchall()
        queries = metadata(database)["databases"][database.stem]["queries"]
        for (speaker,) in db.execute("SELECT speaker FROM speakers"):
            rows = db.execute(queries["speaker"]["sql"], {"speaker": speaker}).fetchall()
            found[f"speaker {speaker}"] = rows
        for (short,) in db.execute("SELECT DISTINCT short FROM acronyms"):
            rows = db.execute(queries["acronym"]["sql"], {"short": short}).fetchall()
            found[f"acronym {short}"] = rows
    return found


@pytest.fixture(scope="module")
def schema3_articles() -> list[Article]:
    return list(open_corpus(SCHEMA3 / "articles.jsonl", registry=BUILTIN))


@pytest.fixture(scope="module")
def rebuilt(schema3_articles: list[Article], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The articles of the schema 3 database, written again (schema 4)."""
    path = tmp_path_factory.mktemp("rebuilt") / "articles.sqlite"
    BUILTIN.exporter("sqlite").write(iter(schema3_articles), path, BUILTIN.converter)
    return path


def test_a_schema_3_database_reads_back(schema3_articles: list[Article]) -> None:
    database = SCHEMA3 / "articles.sqlite"
    with sqlite3.connect(database) as db:
        assert db.execute(
            "SELECT value FROM seedcorpus_meta WHERE key = 'schema_version'"
        ).fetchone() == ("3",)
        first = read_article(db, schema3_articles[0].id, BUILTIN.converter)
    assert len(schema3_articles) == 9
    assert list(open_corpus(database, registry=BUILTIN)) == schema3_articles
    assert first == schema3_articles[0]


def test_the_views_give_what_they_gave_in_schema_3(rebuilt: Path) -> None:
    with sqlite3.connect(rebuilt) as db:
        tabulated = {
            kind for (kind,) in db.execute("SELECT kind FROM enrichments WHERE layout IS NOT NULL")
        }
    assert tabulated == {"quotes", "dates", "acronyms"}
    new, old = view_rows(rebuilt), view_rows(SCHEMA3 / "articles.sqlite")
    assert len(new["quotes"]) > 50
    assert len(new["acronyms"]) > 5
    assert all(text for _, _, text, *_ in new["quotes"])
    assert new == old


def test_rows_stored_as_objects_show_in_the_views_as_rows_stored_as_arrays(
    rebuilt: Path, schema3_articles: list[Article], tmp_path: Path
) -> None:
    mixed = Path(shutil.copy(rebuilt, tmp_path / "mixed.sqlite"))
    with sqlite3.connect(mixed) as db:
        select = article_select(db)
        rows = db.execute(f"SELECT articles.id, {select} FROM articles ORDER BY rowid").fetchall()
        for row in rows[::2]:  # every other article, in the form of schema 3
            data = article_data(row[1:])
            for enrichment in data["enrichments"]:
                lean = _elide(enrichment, data["paragraphs"])
                db.execute(
                    "UPDATE enrichments SET json = ?, elided = ?, layout = NULL"
                    " WHERE article_id = ? AND kind = ?",
                    (
                        data_to_json(lean or enrichment),
                        lean is not None,
                        row[0],
                        enrichment["kind"],
                    ),
                )
        assert db.execute(
            "SELECT count(*) FROM enrichments WHERE layout IS NULL AND kind = 'quotes'"
        ).fetchone() == (5,)
    assert view_rows(mixed) == view_rows(rebuilt)
    assert list(open_corpus(mixed, registry=BUILTIN)) == schema3_articles


def test_an_update_that_adds_an_enricher_adds_its_layout(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    synth_corpus(root, 8, seed=5)
    database = tmp_path / "db.sqlite"
    build_database(open_corpus(root, registry=BUILTIN).enrich(["stats", "dates"]), database)
    with sqlite3.connect(database) as db:
        before = dict(db.execute("SELECT keys, id FROM record_layouts"))
    assert [json.loads(keys) for keys in before] == [
        {"mentions": json.loads(next(iter(before)))["mentions"]}
    ]
    corpus = open_corpus(root, registry=BUILTIN).enrich(["stats", "dates", "quotes", "acronyms"])
    report = build_database(corpus, database)
    assert (report.mode, report.reenriched) == ("incremental", 8)
    full = tmp_path / "full.sqlite"
    build_database(corpus, full)
    with sqlite3.connect(database) as db, sqlite3.connect(full) as other:
        after = dict(db.execute("SELECT keys, id FROM record_layouts"))
        assert set(after) == {keys for (keys,) in other.execute("SELECT keys FROM record_layouts")}
        kinds = "SELECT DISTINCT kind FROM enrichments WHERE layout IS NOT NULL ORDER BY kind"
        assert db.execute(kinds).fetchall() == [("acronyms",), ("dates",), ("quotes",)]
    assert before.items() <= after.items()  # the layouts already there keep their ids
    assert list(open_corpus(database, registry=BUILTIN)) == list(corpus)
    assert view_rows(database) == view_rows(full)
