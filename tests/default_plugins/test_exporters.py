"""The built-in file exporters: lossless read-back, determinism, the SQLite tables and search."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedcorpus.errors import SeedcorpusError
from seedcorpus.models import Article
from seedcorpus.registry import Registry
from seedcorpus.serialization import article_to_json
from seedcorpus.testing import antara_articles, articles

BUILTIN = Registry.load(entry_points=False, disabled=())
TYPES = tuple(t for spec in BUILTIN.enrichers.values() for t in spec.types)


def unique_ids(items: list[Article]) -> bool:
    return len({a.id for a in items}) == len(items)


@pytest.mark.parametrize("name", ["jsonl", "sqlite", "csv", "parquet"])
@given(items=st.lists(articles(TYPES), max_size=4).filter(unique_ids))
def test_read_back_equals_what_was_written(name: str, items: list[Article]) -> None:
    if name == "parquet":
        pytest.importorskip("pyarrow")
    spec = BUILTIN.exporter(name)
    assert spec.read is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"out{spec.suffix}"
        spec.write(iter(items), path, BUILTIN.converter)
        assert list(spec.read(path, BUILTIN.converter)) == items


@pytest.mark.parametrize("name", ["jsonl", "csv", "parquet"])
@given(items=st.lists(articles(TYPES), max_size=3))
def test_same_input_same_bytes(name: str, items: list[Article]) -> None:
    if name == "parquet":
        pytest.importorskip("pyarrow")
    spec = BUILTIN.exporter(name)
    with tempfile.TemporaryDirectory() as folder:
        first, second = Path(folder) / "a", Path(folder) / "b"
        spec.write(iter(items), first, BUILTIN.converter)
        spec.write(iter(items), second, BUILTIN.converter)
        assert first.read_bytes() == second.read_bytes()


@given(items=st.lists(articles(TYPES), max_size=3))
def test_a_jsonl_line_is_the_articles_json(items: list[Article]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.jsonl"
        BUILTIN.exporter("jsonl").write(iter(items), path, BUILTIN.converter)
        lines = path.read_text(encoding="utf-8").split("\n")
    assert lines == [article_to_json(a, BUILTIN.converter) for a in items] + [""]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    from conftest import SEEDS
    from seedcorpus import open_corpus

    out = tmp_path / "seeds.sqlite"
    open_corpus(SEEDS, registry=BUILTIN).enrich("all").export("sqlite", out)
    return out


def test_sqlite_tables_carry_the_contract_fields(database: Path) -> None:
    with sqlite3.connect(database) as db:
        db.row_factory = sqlite3.Row
        row = db.execute("SELECT * FROM articles").fetchone()
        tags = [r[0] for r in db.execute("SELECT tag FROM tags ORDER BY position")]
    assert row["title"] == "RI-Azerbaijan memperkuat kerja sama akselerasi pelayanan publik"
    assert row["editor"] == "Herry Soebanto"
    assert row["reporter"] is None
    assert row["copyright_year"] == 2024
    assert row["dateline_city"] == "Jakarta"
    assert row["published"] == "2024-07-01"
    assert row["body"].startswith("Indonesia dan Azerbaijan")
    assert tags == [
        "Kementerian PANRB",
        "Abdullah Azwar Anas",
        "Indonesia-Azerbaijan",
        "Ulvi Mehdiyev",
    ]


@pytest.mark.parametrize(
    "query",
    ['"pelayanan publik"', "pelayan*", "Azerbaijan AND MPP", "Azerbaijan NOT Rusia"],
)
def test_search_finds_the_seed(database: Path, query: str) -> None:
    from seedcorpus.default_plugins.sqlite import search

    [hit] = search(database, query)
    assert hit.id == "000_b88b87f86327f4ee"
    assert "[" in hit.snippet


def test_search_without_matches_and_with_bad_syntax(database: Path) -> None:
    from seedcorpus.default_plugins.sqlite import search

    assert search(database, "Rusia") == []
    with pytest.raises(SeedcorpusError, match="search '\"unclosed' failed"):
        search(database, '"unclosed')


def test_datasette_style_fts_declaration(database: Path) -> None:
    # datasette's detect_fts looks for an FTS table declared with content=[articles].
    with sqlite3.connect(database) as db:
        [sql] = db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()
    assert "USING FTS5" in sql
    assert "content=[articles]" in sql


@pytest.mark.parametrize("name", ["jsonl", "sqlite", "csv", "parquet"])
def test_the_seed_reads_back_typed_from_every_format(name: str, tmp_path: Path) -> None:
    from conftest import SEEDS
    from seedcorpus import open_corpus

    if name == "parquet":
        pytest.importorskip("pyarrow")
    corpus = open_corpus(SEEDS, registry=BUILTIN).enrich("all")
    out = tmp_path / f"seeds{BUILTIN.exporter(name).suffix}"
    corpus.export(name, out)
    reopened = open_corpus(out, registry=BUILTIN)
    assert list(reopened) == list(corpus)
    assert reopened.ids() == corpus.ids()


def without_provenance(article: Article) -> Article:
    import attrs

    return attrs.evolve(article, source=attrs.evolve(article.source, sha256="", spans=()))


def test_the_antara_layout_export_reopens_as_the_same_articles(tmp_path: Path) -> None:
    from conftest import SEEDS
    from seedcorpus import open_corpus

    corpus = open_corpus(SEEDS, registry=BUILTIN)
    corpus.export("antara", tmp_path / "copy")
    copy = open_corpus(tmp_path / "copy", registry=BUILTIN)
    assert [without_provenance(a) for a in copy] == [without_provenance(a) for a in corpus]
    assert copy.manifest.entries[0].parser == "antara"


@given(items=st.lists(antara_articles(), max_size=4).filter(unique_ids))
def test_antara_layout_round_trip(items: list[Article]) -> None:
    from seedcorpus import open_corpus

    with tempfile.TemporaryDirectory() as folder:
        BUILTIN.exporter("antara").write(iter(items), Path(folder) / "out", BUILTIN.converter)
        back = list(open_corpus(Path(folder) / "out", registry=BUILTIN))
    assert [without_provenance(a) for a in back] == [without_provenance(a) for a in items]


def test_sqlite_part_tables_hold_paragraphs_enrichments_and_quotes(database: Path) -> None:
    with sqlite3.connect(database) as db:
        paragraphs = db.execute("SELECT text FROM paragraphs ORDER BY position").fetchall()
        kinds = {kind for (kind,) in db.execute("SELECT kind FROM enrichments")}
        quotes = db.execute(
            "SELECT text, speaker, cue, direct FROM quotes ORDER BY position"
        ).fetchall()
    [article] = BUILTIN.exporter("sqlite").read(database, BUILTIN.converter)
    assert [text for (text,) in paragraphs] == list(article.paragraphs)
    assert kinds == {e.kind for e in article.enrichments} == set(BUILTIN.enrichers)
    [enrichment] = [e for e in article.enrichments if e.kind == "quotes"]
    assert quotes == [(q.text, q.speaker, q.cue, int(q.direct)) for q in enrichment.quotes]
    direct = [(speaker, cue) for _, speaker, cue, is_direct in quotes if is_direct]
    assert direct == [("Abdullah Azwar Anas", "kata"), ("Abdullah Azwar Anas", "katanya")]


def test_sqlite_stores_each_text_once(database: Path) -> None:
    """The body is the only copy of the text: not in the JSON column, and a quote's
    text is left out of its enrichment where it is the paragraph's slice."""
    with sqlite3.connect(database) as db:
        [(stored, body)] = db.execute("SELECT json, body FROM articles").fetchall()
        [(quotes, elided, layout)] = db.execute(
            "SELECT json, elided, keys FROM enrichments JOIN record_layouts"
            " ON record_layouts.id = enrichments.layout WHERE kind = 'quotes'"
        ).fetchall()
    article = json.loads(stored)
    assert "enrichments" not in article
    assert [body[p[0] : p[0] + p[1]] for p in article["paragraphs"]] == body.split("\n\n")
    assert "title" not in article  # the title column holds it
    assert elided == 1
    # The quotes are arrays of values, the keys of their layout in order; no text.
    keys = json.loads(layout)["quotes"]
    rows = json.loads(quotes)["quotes"]
    assert keys[:3] == ["text", "speaker", "cue"]
    assert rows
    assert all(len(row) == len(keys) and row[0] is None for row in rows)


# --- versions in the outputs' metadata; counts without reading back ---


def test_sqlite_records_its_exporter_version_and_the_contract(database: Path) -> None:
    with sqlite3.connect(database) as db:
        meta = dict(db.execute("SELECT key, value FROM seedcorpus_meta"))
    assert meta["exporter:sqlite"] == BUILTIN.exporter("sqlite").version
    assert meta["contract"] == "2"


def test_parquet_records_its_exporter_version_in_key_value_metadata(tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    from conftest import SEEDS
    from seedcorpus import open_corpus

    out = tmp_path / "seeds.parquet"
    open_corpus(SEEDS, registry=BUILTIN).export("parquet", out)
    metadata = parquet.ParquetFile(out).schema_arrow.metadata
    assert metadata[b"seedcorpus.exporter"] == b"parquet"
    assert metadata[b"seedcorpus.exporter_version"] == BUILTIN.exporter("parquet").version.encode()
    assert metadata[b"seedcorpus.contract"] == b"2"


@pytest.mark.parametrize("name", ["jsonl", "sqlite", "parquet"])
@settings(max_examples=20)  # the read-back property above covers the writing itself
@given(items=st.lists(articles(TYPES), max_size=4).filter(unique_ids))
def test_count_gives_the_number_of_articles_written(name: str, items: list[Article]) -> None:
    if name == "parquet":
        pytest.importorskip("pyarrow")
    spec = BUILTIN.exporter(name)
    assert spec.count is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"out{spec.suffix}"
        spec.write(iter(items), path, BUILTIN.converter)
        assert spec.count(path) == len(items)
