"""Duplicates: exact and near copies with known edits, republications, SQLite tables, CLI."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus import duplicates, open_corpus
from seedcorpus.apps.synth import synth_corpus
from seedcorpus.cli import cli
from seedcorpus.models import Article, Syndication
from seedcorpus.registry import Registry


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    out = tmp_path_factory.mktemp("dups") / "c"
    synth_corpus(out, 160, seed=11)
    return list(open_corpus(out, registry=Registry.load(entry_points=False, disabled=())))


def test_copies_with_known_edits_are_found_as_documented(originals: list[Article]) -> None:
    pytest.importorskip("datasketch")
    rates = (0.0, 0.01, 0.02, 0.05, 0.1, 0.3, 0.5)
    found = duplicates.measure(originals, rates)
    # The figures docs/duplicates.md states for the default threshold.
    assert found.precision == 1.0
    assert all(found.recall[rate] == 1.0 for rate in (0.0, 0.01, 0.02, 0.05))
    assert found.recall[0.1] >= 0.8
    assert found.recall[0.3] <= 0.1
    assert found.recall[0.5] == 0.0


def test_a_stricter_threshold_misses_more_edited_copies(originals: list[Article]) -> None:
    pytest.importorskip("datasketch")
    loose = duplicates.measure(originals[:80], (0.05, 0.1))
    strict = duplicates.measure(originals[:80], (0.05, 0.1), threshold=0.8)
    assert strict.recall[0.1] < loose.recall[0.1]


def test_exact_duplicates_ignore_case_punctuation_and_spacing(originals: list[Article]) -> None:
    first = originals[0]
    loud = "  ".join(first.text.upper().split()) + " !!"
    shouting = attrs.evolve(first, id="loud", paragraphs=(loud,))
    found = duplicates.find_duplicates([first, originals[1], shouting], near=False)
    assert found.clusters == (duplicates.Cluster("exact", (first.id, "loud")),)
    assert not found.near
    assert duplicates.body_key("Ini, ya!") == duplicates.body_key("ini ya")
    assert duplicates.body_key(" ... ") is None


def test_a_near_cluster_is_labelled_near(originals: list[Article]) -> None:
    pytest.importorskip("datasketch")
    copy = duplicates.edited_copy(originals[2], 0.02, seed=1)
    found = duplicates.find_duplicates([originals[2], copy, originals[3]])
    assert found.clusters == (duplicates.Cluster("near", (originals[2].id, copy.id)),)


def test_without_datasketch_only_exact_duplicates_are_found(
    originals: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(duplicates, "near_available", lambda: False)
    copy = duplicates.edited_copy(originals[2], 0.02, seed=1)
    found = duplicates.find_duplicates([originals[2], copy, originals[2]])
    assert not found.near
    assert found.clusters == (duplicates.Cluster("exact", (originals[2].id, originals[2].id)),)


def _republished(original: Article, new_id: str, title: str) -> Article:
    return attrs.evolve(
        original,
        id=new_id,
        title=f"Judul daerah {new_id}",
        paragraphs=(f"Teks lain sama sekali untuk {new_id}.",),
        syndication=Syndication("Antaranews.com", title),
    )


def test_a_syndication_line_links_to_the_article_with_that_title(
    originals: list[Article],
) -> None:
    original = originals[5]
    assert original.title is not None
    copy = _republished(originals[6], "regional", f"  {original.title.upper()} ")
    orphan = _republished(originals[7], "orphan", "Judul yang tidak ada di korpus")
    found = duplicates.find_duplicates([original, copy, orphan], near=False)
    assert found.republications == (
        duplicates.Republication(
            "regional", original.id, copy.syndication.original_title, "Antaranews.com"
        ),  # type: ignore[union-attr]
    )


@pytest.fixture
def with_copies(originals: list[Article], tmp_path: Path) -> Path:
    """A JSONL corpus with one exact copy, one near copy and one republication."""
    registry = Registry.load(entry_points=False, disabled=())
    articles = [
        *originals[:20],
        attrs.evolve(originals[0], id="exact-copy"),
        duplicates.edited_copy(originals[1], 0.02, seed=3),
        _republished(originals[3], "regional", originals[2].title or ""),
    ]
    path = tmp_path / "copies.jsonl"
    registry.exporter("jsonl").write(articles, path, registry.converter)
    return path


def test_the_sqlite_export_has_clusters_and_republications(
    with_copies: Path, tmp_path: Path, originals: list[Article]
) -> None:
    database = tmp_path / "copies.sqlite"
    open_corpus(with_copies).export("sqlite", database)
    with closing(sqlite3.connect(database)) as connection:
        clusters = connection.execute(
            "SELECT cluster, article_id, kind FROM duplicate_clusters ORDER BY cluster, article_id"
        ).fetchall()
        links = connection.execute("SELECT article_id, original_id FROM republications").fetchall()
    assert clusters == [(1, originals[0].id, "exact"), (1, "exact-copy", "exact")]
    assert links == [("regional", originals[2].id)]
    if not duplicates.near_available():
        return
    result = CliRunner().invoke(cli, ["duplicates", str(database), "--store"])
    assert result.exit_code == 0, result.output
    with closing(sqlite3.connect(database)) as connection:
        kinds = connection.execute("SELECT kind, COUNT(*) FROM duplicate_clusters GROUP BY kind")
        assert dict(kinds.fetchall()) == {"exact": 2, "near": 2}


def test_the_command_prints_clusters_and_json(with_copies: Path, originals: list[Article]) -> None:
    result = CliRunner().invoke(cli, ["duplicates", str(with_copies)])
    assert result.exit_code == 0, result.output
    assert "cluster 1 (exact, 2 articles)" in result.output
    assert f"republished: regional copies {originals[2].id}" in result.output
    result = CliRunner().invoke(cli, ["duplicates", str(with_copies), "--json"])
    # Without datasketch a note goes to stderr first; the JSON is the last line.
    data = json.loads(result.output.splitlines()[-1])
    near = duplicates.near_available()
    assert [c["kind"] for c in data["clusters"]] == ["exact", "near"][: 1 + near]
    assert data["near"] is near
    assert data["articles"] == 23


def test_the_command_says_when_near_duplicates_are_unavailable(
    with_copies: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(duplicates, "near_available", lambda: False)
    result = CliRunner().invoke(cli, ["duplicates", str(with_copies)])
    assert result.exit_code == 0, result.output
    assert "pip install 'seedcorpus[duplicates]'" in result.output
    assert result.output.rstrip().endswith("(exact duplicates only)")


def test_an_incremental_build_keeps_the_tables_in_step(seeds: Path, tmp_path: Path) -> None:
    database = tmp_path / "seeds.sqlite"
    assert (
        CliRunner().invoke(cli, ["build", str(seeds), "-o", str(database), "-j", "1"]).exit_code
        == 0
    )
    (seeds / "copy.txt").write_bytes(next(seeds.glob("000_*.txt")).read_bytes())
    assert CliRunner().invoke(cli, ["index", str(seeds)]).exit_code == 0
    result = CliRunner().invoke(cli, ["build", str(seeds), "-o", str(database), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "updated" in result.output  # the incremental path, not a rebuild
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute("SELECT article_id, kind FROM duplicate_clusters").fetchall()
    assert sorted(rows) == [("000_b88b87f86327f4ee", "exact"), ("copy", "exact")]


@given(st.text(max_size=40) | st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_the_ascii_shortcut_finds_the_same_words(text: str) -> None:
    # The key hashes the words the \w+ regular expression finds, case-folded; ASCII
    # text takes a byte-table shortcut that must find exactly those.
    expected = " ".join(duplicates._WORD.findall(text.casefold())).encode()
    assert duplicates._joined_words(text) == expected


# Words that glue into the same letters when spaced or punctuated apart ("ab c", "a bc"),
# in both cases and beyond ASCII, so the glued key meets bodies it must tell apart.
_glue_words = st.sampled_from(["ab", "c", "abc", "A", "b", "C", "é", "É", "ß", "ss"])
_glue_gaps = st.sampled_from([" ", ", ", "  ", "-", ".", "\n\n", "", "“"])
_glue_bodies = st.lists(st.tuples(_glue_words, _glue_gaps), max_size=4).map(
    lambda pairs: "".join(word + gap for word, gap in pairs)
)


@given(st.lists(_glue_bodies, min_size=1, max_size=10))
def test_keying_bodies_by_their_glued_words_finds_the_same_copies(bodies: list[str]) -> None:
    records = [(f"a{n}", None, body, None, None) for n, body in enumerate(bodies)]
    by_id = {record[0]: record[2] for record in records}
    expected = duplicates.find_in_records(records, near=False)
    assert duplicates.find_in_records(records, near=False, read_body=by_id.__getitem__) == expected
