"""Full-text search of the SQLite export: query syntax, tokenizer, ranking, snippets, CLI.

The database holds the seed, a real sample article and a few synthetic ones written in
the ANTARA layout, so every query runs on text that went through the parser.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, ROOT, SEED_ID, SEEDS
from seedcorpus import SearchHit, open_corpus
from seedcorpus.cli import cli
from seedcorpus.default_plugins.antara import format_antara
from seedcorpus.default_plugins.sqlite import FTS_COLUMNS, fts_query, search
from seedcorpus.errors import SeedcorpusError, UnknownPluginError
from seedcorpus.manifest import build_manifest, write_manifest
from seedcorpus.models import Article, Byline, Dateline, Source
from seedcorpus.registry import Registry

SAMPLE_ID = "000_016a03571f98f98c"  # Astra Otoparts and Pirelli: real text with "R&D"

FILLER = (
    "Acara tersebut dihadiri ribuan warga dari berbagai kecamatan yang datang sejak pagi "
    "hari untuk menyaksikan pertunjukan seni dan pameran kerajinan tangan khas daerah."
)


def _article(article_id: str, title: str, paragraphs: list[str]) -> Article:
    return Article(
        id=article_id,
        source=Source(path=f"{article_id}.txt", sha256="0" * 64, parser="antara"),
        language="id",
        title=title,
        tags=("Kepri",),
        dateline=Dateline(city="Tanjungpinang", agency="ANTARA"),
        paragraphs=tuple(paragraphs),
        byline=Byline.from_text(reporter="Ahmad Santoso", editor="Dewi Lestari"),
    )


# The ranking pair: "Tanjungpinang" is in TITLE_HIT's title only, and three times in
# BODY_HIT's short body. Unweighted bm25 puts BODY_HIT first; the title weight must not.
TITLE_HIT = _article(
    "100_title",
    "Festival budaya Melayu digelar di Tanjungpinang",
    [f"Festival budaya Melayu digelar pekan ini. {FILLER}", FILLER, FILLER, FILLER],
)
BODY_HIT = _article(
    "101_body",
    "Pemerintah provinsi perbaiki jalan rusak",
    [
        "Jalan menuju Tanjungpinang diperbaiki.",
        "Warga Tanjungpinang menyambut baik perbaikan jalan ke Tanjungpinang itu.",
    ],
)
ACCENTS = _article(
    "102_accents",
    "Kafe di Batam sajikan crème brûlée untuk wisatawan",
    [f"Menu crème brûlée menjadi favorit pengunjung kafe. {FILLER}"],
)
SYNTHETIC = (TITLE_HIT, BODY_HIT, ACCENTS)


def build_search_corpus(folder: Path) -> Path:
    """Write the test corpus (seed, real sample, synthetic articles) into ``folder``."""
    folder.mkdir(parents=True)
    shutil.copy(SEEDS / f"{SEED_ID}.txt", folder)
    shutil.copy(DATA / "samples" / f"{SAMPLE_ID}.txt", folder)
    for article in SYNTHETIC:
        (folder / f"{article.id}.txt").write_text(format_antara(article), encoding="utf-8")
    write_manifest(build_manifest(folder), folder)
    return folder


def build_search_database(folder: Path, destination: Path) -> Path:
    """Export the test corpus to a SQLite database at ``destination``."""
    registry = Registry.load(entry_points=False, disabled=())
    report = open_corpus(build_search_corpus(folder), registry=registry).export(
        "sqlite", destination
    )
    assert report.articles == 2 + len(SYNTHETIC), report.problems
    return destination


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("search")
    return build_search_database(folder / "corpus", folder / "corpus.sqlite")


def ids(hits: list[SearchHit]) -> list[str]:
    return [hit.id for hit in hits]


# --- query syntax ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"pelayanan publik"', [SEED_ID]),
        ('"publik pelayanan"', []),  # a phrase keeps its word order
        ("PELAYANAN", [SEED_ID]),  # case is ignored
        ("Tanjungpinang AND festival", [TITLE_HIT.id]),
        ("Tanjungpinang NOT festival", [BODY_HIT.id]),
        ("festival OR Pirelli", sorted([TITLE_HIT.id, SAMPLE_ID])),
        ("pelayan*", [SEED_ID]),  # a prefix: pelayanan
        ("Tanjung*", sorted([TITLE_HIT.id, BODY_HIT.id])),
        ("title:Tanjungpinang", [TITLE_HIT.id]),  # a column filter
        ("Azerbaijan Pirelli", []),  # plain words must all match
    ],
)
def test_query_syntax(database: Path, query: str, expected: list[str]) -> None:
    assert sorted(ids(search(database, query))) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Hyphens separate words (no tokenchars): each half of a compound or a
        # reduplication is a word of its own, which is what a reader searches for.
        ("Bangsa", [SEED_ID]),  # only in "Perserikatan Bangsa-Bangsa"
        ("masing", [SEED_ID]),  # only in "masing-masing"
        ("RI", [SEED_ID]),  # only in the title's "RI-Azerbaijan"
        ('"Perserikatan Bangsa-Bangsa"', [SEED_ID]),
        # Diacritics are folded both ways (remove_diacritics 2).
        ("creme brulee", [ACCENTS.id]),
        ("Crème", [ACCENTS.id]),
    ],
)
def test_tokenizer_suits_indonesian_text(database: Path, query: str, expected: list[str]) -> None:
    assert ids(search(database, query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("RI-Azerbaijan", SEED_ID),  # FTS5 reads "-Azerbaijan" as a column filter
        ("RI-Azerbaijan kerja", SEED_ID),
        ("1/7/2024", SEED_ID),
        ("R&D", SAMPLE_ID),
        ("a:Pirelli", None),  # "a" is no column; searched as the words "a Pirelli"
    ],
)
def test_plain_text_that_is_not_fts5_is_searched_word_by_word(
    database: Path, query: str, expected: str | None
) -> None:
    assert ids(search(database, query)) == ([expected] if expected else [])


def test_fts_query_keeps_valid_fts5_and_quotes_plain_text() -> None:
    assert fts_query('"a phrase" OR prefix*') == '"a phrase" OR prefix*'
    assert fts_query("RI-Azerbaijan 1/7/2024") == '"RI-Azerbaijan" "1/7/2024"'


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"unclosed', "unterminated string"),
        ("RI-Azerbaijan OR Rusia", "no such column: Azerbaijan"),
        ("(pelayanan", "syntax error"),
        ("pelayanan AND", "syntax error"),
        ("*", "a '*' ends the start of a word (pel*) and cannot stand alone"),
    ],
)
def test_invalid_fts5_syntax_is_one_line_saying_how_to_quote(
    database: Path, query: str, message: str
) -> None:
    with pytest.raises(SeedcorpusError) as raised:
        search(database, query)
    text = str(raised.value)
    assert message in text
    assert '"RI-Azerbaijan"' in text
    assert "\n" not in text


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_query_is_an_error(database: Path, query: str) -> None:
    with pytest.raises(SeedcorpusError, match="empty"):
        search(database, query)


# --- ranking, snippets, limit ------------------------------------------------------------


def test_title_match_ranks_above_body_matches(database: Path) -> None:
    hits = search(database, "Tanjungpinang")
    assert ids(hits) == [TITLE_HIT.id, BODY_HIT.id]
    assert hits[0].score < hits[1].score
    # The control: without column weights the body-heavy article would come first, so
    # the order above is the weights' doing.
    with sqlite3.connect(database) as db:
        unweighted = db.execute(
            "SELECT articles.id FROM articles_fts"
            " JOIN articles ON articles.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH 'Tanjungpinang' ORDER BY bm25(articles_fts)"
        ).fetchall()
    assert [row[0] for row in unweighted] == [BODY_HIT.id, TITLE_HIT.id]


def test_snippet_marks_matches(database: Path) -> None:
    [phrase] = search(database, '"pelayanan publik"')
    assert "[Pelayanan Publik]" in phrase.snippet  # a phrase is marked as one
    [words] = search(database, "Bangsa")
    assert "Perserikatan [Bangsa]-[Bangsa] (PBB)" in words.snippet
    assert words.snippet.startswith("… ")  # cut text is marked, not padded with spaces
    [custom] = search(database, "Pirelli", markers=("<b>", "</b>"))
    assert "<b>Pirelli</b>" in custom.snippet
    assert "[" not in custom.snippet


def test_hits_carry_title(database: Path) -> None:
    [hit] = search(database, "Azerbaijan")
    assert hit.title == "RI-Azerbaijan memperkuat kerja sama akselerasi pelayanan publik"


def test_limit(database: Path) -> None:
    assert ids(search(database, "Tanjungpinang", limit=1)) == [TITLE_HIT.id]
    with sqlite3.connect(database) as db:
        [(matching,)] = db.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'dan'"
        )
    assert 2 < matching < 10
    assert len(search(database, "dan", limit=2)) == 2
    assert len(search(database, "dan")) == matching  # the default limit is 10
    with pytest.raises(SeedcorpusError, match="at least 1"):
        search(database, "dan", limit=0)


# --- databases ---------------------------------------------------------------------------


def test_missing_database_and_database_without_index(tmp_path: Path) -> None:
    with pytest.raises(SeedcorpusError, match="no such database"):
        search(tmp_path / "missing.sqlite", "x")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(SeedcorpusError, match="no such table: articles_fts"):
        search(other, "x")


def test_fts_columns_match_the_schema(database: Path) -> None:
    with sqlite3.connect(database) as db:
        columns = tuple(row[1] for row in db.execute("PRAGMA table_info(articles_fts)"))
    assert columns == FTS_COLUMNS


def test_triggers_keep_the_index_in_step_with_edits(database: Path, tmp_path: Path) -> None:
    copy = Path(shutil.copy(database, tmp_path / "edited.sqlite"))
    with sqlite3.connect(copy) as db:
        db.execute("UPDATE articles SET title = 'Lomba perahu naga' WHERE id = ?", (BODY_HIT.id,))
        db.execute("UPDATE articles SET json = json WHERE id = ?", (TITLE_HIT.id,))
        db.execute("DELETE FROM tags WHERE article_id = ?", (SAMPLE_ID,))
        db.execute("DELETE FROM articles WHERE id = ?", (SAMPLE_ID,))
        db.execute(
            "INSERT INTO articles (id, path, sha256, parser, title, body, json)"
            " VALUES ('new', 'new.txt', '', 'antara', 'Perahu naga', 'Lomba dayung', '{}')"
        )
        # 'integrity-check' with rank 1 compares the index with the content table.
        db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    assert sorted(ids(search(copy, "naga"))) == [BODY_HIT.id, "new"]
    assert ids(search(copy, "rusak")) == []  # the old title is gone from the index
    assert ids(search(copy, "Pirelli")) == []
    assert ids(search(copy, "festival")) == [TITLE_HIT.id]


# --- command line ------------------------------------------------------------------------


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_cli_prints_hits_best_first_with_marked_snippets(database: Path) -> None:
    code, out, err = invoke("search", database, "Tanjungpinang")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"{TITLE_HIT.id}  {TITLE_HIT.title}"
    assert lines[1].startswith("    ")
    assert "[Tanjungpinang]" in lines[1]
    assert lines[2] == f"{BODY_HIT.id}  {BODY_HIT.title}"


def test_cli_json_lines_and_limit(database: Path) -> None:
    code, out, _ = invoke("search", database, "Tanjungpinang", "--json", "--limit", "1")
    assert code == 0
    [line] = out.splitlines()
    hit = json.loads(line)
    assert set(hit) == {"id", "title", "snippet", "score"}
    assert hit["id"] == TITLE_HIT.id
    assert "[Tanjungpinang]" in hit["snippet"]
    assert isinstance(hit["score"], float)


def test_cli_no_matches(database: Path) -> None:
    assert invoke("search", database, "Rusia") == (0, "", "no matches\n")
    assert invoke("search", database, "Rusia", "--json") == (0, "", "")


def test_cli_bad_syntax_is_exit_1_and_one_line(database: Path) -> None:
    code, out, err = invoke("search", database, '"unclosed')
    assert (code, out) == (1, "")
    assert err.startswith("error: search '\"unclosed' failed: unterminated string")
    assert err.count("\n") == 1


def test_cli_limit_must_be_positive(database: Path) -> None:
    code, _, err = invoke("search", database, "dan", "--limit", "0")
    assert code == 2
    assert "--limit" in err


def test_build_then_search_finds_the_seed_with_a_marked_snippet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SEEDCORPUS_DISABLE_PLUGINS", "")
    code, _, err = invoke("build", SEEDS)
    assert code == 0, err
    code, out, _ = invoke("search", "seeds.sqlite", "pelayanan publik")
    assert code == 0
    assert out.startswith(f"{SEED_ID}  RI-Azerbaijan memperkuat kerja sama")
    assert "[Pelayanan] [Publik]" in out


def test_sql_examples_in_the_datasette_page_run(tmp_path: Path) -> None:
    page = (ROOT / "docs" / "datasette.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```sql\n(.*?)```", page, re.DOTALL)
    statements = [s for s in block.split(";") if s.strip()]
    assert len(statements) == 5
    registry = Registry.load(entry_points=False, disabled=())
    database = tmp_path / "seeds.sqlite"
    open_corpus(SEEDS, registry=registry).enrich("all").export("sqlite", database)
    with sqlite3.connect(database) as db:
        results = [db.execute(statement).fetchall() for statement in statements]
    assert all(results), "every example finds something in the seed"


# --- search and serve are the sqlite exporter's capabilities, reached via the registry ---


def test_top_level_search_goes_through_the_registry(database: Path) -> None:
    import seedcorpus

    registry = Registry.load(entry_points=False, disabled=())
    hits = seedcorpus.search(database, "Tanjungpinang", registry=registry)
    assert ids(hits) == ids(search(database, "Tanjungpinang"))
    assert registry.exporter("sqlite").search is search


def test_top_level_search_without_the_sqlite_plugin_says_so(database: Path) -> None:
    import seedcorpus

    registry = Registry.load(entry_points=False, disabled=["sqlite"])
    with pytest.raises(UnknownPluginError, match="no installed exporter offers search"):
        seedcorpus.search(database, "Tanjungpinang", registry=registry)


@pytest.mark.parametrize(
    ("command", "capability"),
    [(["search", "Tanjungpinang"], "search"), (["serve", "--print-metadata"], "serve")],
)
def test_cli_without_the_sqlite_plugin_is_exit_2_saying_so(
    database: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], capability: str
) -> None:
    monkeypatch.setenv("SEEDCORPUS_DISABLE_PLUGINS", "sqlite")
    result = CliRunner().invoke(cli, [command[0], str(database), *command[1:]])
    assert result.exit_code == 2
    assert f"no installed exporter offers {capability}" in result.stderr
    assert "SEEDCORPUS_DISABLE_PLUGINS: sqlite" in result.stderr
    assert "Traceback" not in result.output


def test_cli_format_names_the_exporter_and_must_offer_the_capability(database: Path) -> None:
    code, out, _ = invoke("search", database, "Tanjungpinang", "--format", "sqlite")
    assert code == 0
    assert TITLE_HIT.id in out
    code, _, err = invoke("search", database, "Tanjungpinang", "--format", "jsonl")
    assert code == 2
    assert "the 'jsonl' exporter does not offer search" in err
