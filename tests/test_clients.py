"""Real clients read what seedcorpus exports, as their users would run them.

* datasette serves the SQLite export with full-text search found unaided, in process and
  through ``seedcorpus serve`` as a real server;
* pyarrow and DuckDB read the Parquet export with the schema docs/formats/parquet.md gives;
* Hugging Face ``datasets`` loads the JSONL export offline.

Each test is skipped when its client is not installed; ``nox -s clients`` installs them
all and sets ``SEEDCORPUS_REQUIRE_CLIENTS=1``, which turns those skips into failures.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEED_ID, SEEDS
from seedcorpus import open_corpus
from seedcorpus.cli import cli
from seedcorpus.default_plugins.browser import create_datasette
from seedcorpus.default_plugins.browser.metadata import metadata
from seedcorpus.registry import Registry
from test_search import BODY_HIT, TITLE_HIT, build_search_database

EDITOR = "Herry Soebanto"


def our_metadata(database: Path) -> dict[str, Any]:
    """The metadata `seedcorpus serve` gives datasette."""
    return metadata(database)


TITLE = "RI-Azerbaijan memperkuat kerja sama akselerasi pelayanan publik"


def client(name: str) -> ModuleType:
    """Import a client library, skipping the test without it (failing under nox)."""
    if os.environ.get("SEEDCORPUS_REQUIRE_CLIENTS") == "1":
        return __import__(name, fromlist=["_"])
    return pytest.importorskip(name)


def export(tmp_path: Path, format_: str) -> Path:
    """The seed corpus, with every built-in enrichment, exported as ``format_``."""
    registry = Registry.load(entry_points=False, disabled=())
    out = tmp_path / f"seeds.{format_}"
    open_corpus(SEEDS, registry=registry).enrich("all").export(format_, out)
    return out


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp("clients"), "sqlite")


# --- datasette ---------------------------------------------------------------------------


def get_json(datasette: Any, path: str) -> Any:
    response = asyncio.run(datasette.client.get(path))
    assert response.status_code == 200, response.text
    return response.json()


def test_datasette_finds_the_full_text_index_unaided(database: Path) -> None:
    app = client("datasette.app")
    datasette = app.Datasette([str(database)])  # no metadata: detection alone
    assert asyncio.run(datasette.get_database("seeds").fts_table("articles")) == "articles_fts"
    rows = get_json(datasette, "/seeds/articles.json?_search=pelayanan&_shape=array")
    assert [(row["id"], row["title"]) for row in rows] == [(SEED_ID, TITLE)]
    # datasette quotes each word of a search itself, so punctuation needs no care.
    rows = get_json(datasette, "/seeds/articles.json?_search=RI-Azerbaijan&_shape=array")
    assert [row["id"] for row in rows] == [SEED_ID]
    assert get_json(datasette, "/seeds/articles.json?_search=Rusia&_shape=array") == []
    # ?_searchmode=raw passes FTS5 syntax through: here a prefix.
    rows = get_json(
        datasette, "/seeds/articles.json?_search=pelayan*&_searchmode=raw&_shape=array"
    )
    assert [row["id"] for row in rows] == [SEED_ID]


def test_datasette_with_our_metadata(database: Path) -> None:
    client("datasette.app")
    datasette = create_datasette(database)
    [hit] = get_json(datasette, "/seeds/search.json?q=%22pelayanan+publik%22&_shape=array")
    assert hit["id"] == SEED_ID
    assert hit["editor"] == EDITOR
    assert hit["published"] == "2024-07-01"
    assert "<mark>Pelayanan Publik</mark>" in hit["snippet"]
    [tagged] = get_json(datasette, "/seeds/tag.json?tag=Indonesia-Azerbaijan&_shape=array")
    assert tagged["id"] == SEED_ID
    facets = get_json(datasette, "/seeds/article_list.json")["facet_results"]
    assert set(facets) == {"tags", "year", "month", "place", "editor", "language"}
    [editor] = facets["editor"]["results"]
    assert (editor["value"], editor["count"]) == (EDITOR, 1)
    assert {tag["value"] for tag in facets["tags"]["results"]} == {
        "Kementerian PANRB", "Abdullah Azwar Anas", "Indonesia-Azerbaijan", "Ulvi Mehdiyev",
    }  # fmt: skip
    info = get_json(datasette, "/-/metadata.json")
    assert info["title"] == "seedcorpus: seeds"


def test_datasette_ranked_search_puts_title_matches_first(tmp_path: Path) -> None:
    client("datasette.app")
    database = build_search_database(tmp_path / "corpus", tmp_path / "corpus.sqlite")
    datasette = create_datasette(database)
    rows = get_json(datasette, "/corpus/search.json?q=Tanjungpinang&_shape=array")
    assert [row["id"] for row in rows] == [TITLE_HIT.id, BODY_HIT.id]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_seedcorpus_serve_runs_datasette_with_search(database: Path) -> None:
    client("datasette")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "seedcorpus", "serve", str(database), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/seeds/articles.json?_shape=array&_search="

    def found(words: str) -> list[str]:
        with urllib.request.urlopen(base + urllib.parse.quote(words), timeout=5) as response:
            return [row["id"] for row in json.load(response)]

    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                hits = found("pelayanan publik")
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None:
                    _, err = server.communicate()
                    pytest.fail(f"seedcorpus serve exited with {server.returncode}: {err}")
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert hits == [SEED_ID]
        assert found("Rusia") == []  # the search filters: it is not just every row
    finally:
        server.terminate()
        try:
            out, err = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            out, err = server.communicate()
    assert f"serving {database} at http://127.0.0.1:{port}/ (Ctrl-C" in out, err


def test_serve_without_datasette_is_one_line_naming_the_extra(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # None in sys.modules makes the import fail, as when the extra is not installed.
    monkeypatch.setitem(sys.modules, "datasette", None)
    monkeypatch.setitem(sys.modules, "datasette.app", None)
    result = CliRunner().invoke(cli, ["serve", str(database)])
    assert result.exit_code == 1
    assert result.stderr == "error: serving needs datasette: pip install 'seedcorpus[serve]'\n"


def test_serve_print_metadata(database: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", str(database), "--print-metadata"])
    assert result.exit_code == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed == our_metadata(database)
    assert "articles_fts" in printed["databases"]["seeds"]["queries"]["search"]["sql"]


def test_serve_refuses_a_database_seedcorpus_did_not_write(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    result = CliRunner().invoke(cli, ["serve", str(other), "--print-metadata"])
    assert result.exit_code == 1
    assert "not a database written by `seedcorpus build`" in result.stderr


# --- Parquet: pyarrow and DuckDB ---------------------------------------------------------


def _split_fields(text: str) -> list[str]:
    """Split ``a: x, b: struct<c, d: y>`` at its top-level commas."""
    fields, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += {"<": 1, ">": -1}.get(char, 0)
        if char == "," and depth == 0:
            fields.append(text[start:index].strip())
            start = index + 1
    fields.append(text[start:].strip())
    return fields


def expand_doc_type(text: str) -> str:
    """The docs' shorthand ``struct<a, b: string>`` written out: ``struct<a: string, b:
    string>``, which is how Arrow prints types (less the ``element:`` of lists)."""
    if text.startswith("list<"):
        return f"list<{expand_doc_type(text[5:-1])}>"
    if not text.startswith("struct<"):
        return text
    fields, waiting = [], []
    for field in _split_fields(text[7:-1]):
        if ":" not in field:
            waiting.append(field)
            continue
        name, type_ = field.split(":", 1)
        type_ = expand_doc_type(type_.strip())
        fields += [f"{other}: {type_}" for other in waiting] + [f"{name}: {type_}"]
        waiting = []
    return f"struct<{', '.join(fields)}>"


def documented_parquet_schema() -> dict[str, str]:
    """Column name → type, from the table in docs/formats/parquet.md."""
    page = (ROOT / "docs" / "formats" / "parquet.md").read_text(encoding="utf-8")
    columns = {}
    for line in page.splitlines():
        cells = line.split(" | ")
        if line.startswith("| `") and len(cells) == 2:
            type_ = re.match(r"`([^`]+)`", cells[1])
            assert type_ is not None, line
            for name in re.findall(r"`([^`]+)`", cells[0]):
                columns[name] = expand_doc_type(type_.group(1))
    return columns


def test_doc_type_shorthand_expands() -> None:
    assert expand_doc_type("struct<a, b: string, c: list<struct<d, e: int64>>>") == (
        "struct<a: string, b: string, c: list<struct<d: int64, e: int64>>>"
    )


def test_pyarrow_reads_the_documented_schema(tmp_path: Path) -> None:
    parquet = client("pyarrow.parquet")
    path = export(tmp_path, "parquet")
    schema = parquet.read_schema(path)
    # pyarrow names a map's entries after its column: map<string, string ('metadata')>.
    actual = {
        field.name: re.sub(r" \('\w+'\)", "", str(field.type).replace("element: ", ""))
        for field in schema
    }
    documented = documented_parquet_schema()
    assert len(documented) == 22
    assert actual == documented
    [row] = parquet.read_table(path).to_pylist()
    assert row["byline"] == {"reporters": [], "editors": [EDITOR]}
    assert row["tags"][2] == "Indonesia-Azerbaijan"


def test_duckdb_queries_nested_fields(tmp_path: Path) -> None:
    duckdb = client("duckdb")
    path = export(tmp_path, "parquet")
    connection = duckdb.connect()
    # The query docs/formats/parquet.md shows, on the file as `export` writes it.
    rows = connection.execute(f"SELECT id, title, byline.editor FROM '{path}'").fetchall()
    assert rows == [(SEED_ID, TITLE, EDITOR)]
    described = connection.execute(f"DESCRIBE SELECT * FROM '{path}'").fetchall()
    types = {name: type_ for name, type_, *_ in described}
    assert set(types) == set(documented_parquet_schema())
    assert types["byline"] == "STRUCT(reporter VARCHAR, editor VARCHAR)"
    assert types["tags"] == "VARCHAR[]"
    tags = connection.execute(f"SELECT unnest(tags) FROM '{path}'").fetchall()
    assert ("Kementerian PANRB",) in tags
    published = connection.execute(
        "SELECT e.json ->> '$.published' FROM"
        f" (SELECT unnest(enrichments) AS e FROM '{path}') WHERE e.kind = 'dates'"
    ).fetchall()
    assert published == [("2024-07-01",)]


# --- JSONL: Hugging Face datasets --------------------------------------------------------


def test_hf_datasets_loads_the_jsonl_export_offline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    datasets = client("datasets")
    path = export(tmp_path, "jsonl")
    loaded = datasets.load_dataset(
        "json", data_files=str(path), split="train", cache_dir=str(tmp_path / "cache")
    )
    assert loaded.num_rows == 1
    [row] = loaded.to_list()
    expected = json.loads(path.read_text(encoding="utf-8"))
    for field in ("id", "title", "language", "tags", "paragraphs", "byline", "copyright"):
        assert row[field] == expected[field], field
    assert row["id"] == SEED_ID
    assert row["byline"] == {"reporter": None, "editor": EDITOR}
    # Older datasets versions merge enrichments into one struct, padding with None:
    # compare the fields each enrichment has.
    assert len(row["enrichments"]) == len(expected["enrichments"])
    for loaded_one, written in zip(row["enrichments"], expected["enrichments"], strict=True):
        assert same({key: loaded_one[key] for key in written}, written)


def same(loaded: object, written: object) -> bool:
    """Equal, but floats only to 1e-9: datasets' JSON feature may not give back the
    shortest repr of a float (0.938 came back as 0.9380000000000001)."""
    if isinstance(written, float) and isinstance(loaded, float):
        return math.isclose(loaded, written, rel_tol=1e-9)
    if isinstance(written, dict) and isinstance(loaded, dict):
        return loaded.keys() == written.keys() and all(
            same(loaded[key], value) for key, value in written.items()
        )
    if isinstance(written, list) and isinstance(loaded, list):
        return len(loaded) == len(written) and all(map(same, loaded, written))
    return loaded == written
