"""The main job: full, incremental and parallel builds of the SQLite database."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import attrs
import pytest

from seedcorpus import open_corpus
from seedcorpus.build import build_database
from seedcorpus.errors import SeedcorpusError
from seedcorpus.hookspecs import hookimpl
from seedcorpus.manifest import build_manifest, read_manifest, write_manifest
from seedcorpus.models import Article, Enrichment
from seedcorpus.pipeline import BATCH_SIZE
from seedcorpus.registry import Registry
from seedcorpus.specs import EnricherSpec
from seedcorpus.synth import synth_corpus


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synthetic") / "corpus"
    synth_corpus(root, 3 * BATCH_SIZE + 5, seed=3)
    return root


def rows(database: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(database) as db:
        return db.execute("SELECT id, json FROM articles ORDER BY rowid").fetchall()


def test_parallel_output_is_identical_to_serial(
    synthetic: Path, registry: Registry, tmp_path: Path
) -> None:
    corpus = open_corpus(synthetic, registry=registry).enrich("all")
    serial = corpus.export("jsonl", tmp_path / "serial.jsonl", jobs=1)
    parallel = corpus.export("jsonl", tmp_path / "parallel.jsonl", jobs=2)
    assert serial.articles == parallel.articles == len(corpus)
    assert (tmp_path / "serial.jsonl").read_bytes() == (tmp_path / "parallel.jsonl").read_bytes()
    build_database(corpus, tmp_path / "one.sqlite", jobs=1)
    build_database(corpus, tmp_path / "two.sqlite", jobs=2)
    assert rows(tmp_path / "one.sqlite") == rows(tmp_path / "two.sqlite")


def copy_corpus(source: Path, destination: Path) -> Path:
    import shutil

    return Path(shutil.copytree(source, destination))


def reindex(root: Path) -> None:
    write_manifest(build_manifest(root, previous=read_manifest(root)), root)


def test_unchanged_corpus_does_nothing(
    synthetic: Path, registry: Registry, tmp_path: Path
) -> None:
    corpus = open_corpus(synthetic, registry=registry).enrich("all")
    database = tmp_path / "db.sqlite"
    assert build_database(corpus, database).mode == "full"
    before = database.stat().st_mtime_ns, database.read_bytes()
    report = build_database(corpus, database)
    assert (report.mode, report.added, report.removed, report.reenriched) == ("unchanged", 0, 0, 0)
    assert (database.stat().st_mtime_ns, database.read_bytes()) == before


def test_changed_added_and_removed_articles(
    synthetic: Path, registry: Registry, tmp_path: Path
) -> None:
    root = copy_corpus(synthetic, tmp_path / "corpus")
    database = tmp_path / "db.sqlite"
    build_database(open_corpus(root, registry=registry).enrich("all"), database)
    first, second, *_ = read_manifest(root).entries
    changed = root / first.file
    changed.write_text(
        changed.read_text(encoding="utf-8").replace(" - ", " - Kalimat baru sekali. ", 1),
        encoding="utf-8",
    )
    (root / second.file).unlink()
    (root / "extra").mkdir()
    (root / "extra" / "new.txt").write_bytes((root / first.file).read_bytes())
    reindex(root)

    corpus = open_corpus(root, registry=registry).enrich("all")
    report = build_database(corpus, database)
    assert (report.mode, report.added, report.removed) == ("incremental", 2, 1)
    stored = dict(rows(database))
    assert second.id not in stored
    assert "Kalimat baru sekali." in stored[first.id]
    assert "new" in stored
    # The incremental result equals a full build of the same corpus, row for row.
    build_database(corpus, tmp_path / "full.sqlite")
    assert sorted(rows(database)) == sorted(rows(tmp_path / "full.sqlite"))
    with sqlite3.connect(database) as db:
        [(found,)] = db.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Kalimat'"
        ).fetchall()
    assert found == 2


@attrs.frozen
class Mark(Enrichment):
    kind: ClassVar[str] = "mark"
    version: str


def marking_plugin(
    version: str,
    *,
    mark: Callable[[], str] | None = None,
    prepare: Callable[[], object] | None = None,
) -> types.ModuleType:
    """An enricher ``mark`` (its spec at ``version``) marking each article with ``mark()``,
    by default the version."""

    def enrich(article: Article) -> Mark:
        return Mark(mark() if mark else version)

    module = types.ModuleType("marking")

    @hookimpl
    def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
        yield EnricherSpec(
            name="mark", enrich=enrich, types=(Mark,), version=version, prepare=prepare
        )

    module.seedcorpus_enrichers = seedcorpus_enrichers  # type: ignore[attr-defined]
    return module


def test_an_enricher_whose_version_changed_runs_again(synthetic: Path, tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite"
    for version, expected_mode in (("1", "full"), ("2", "incremental")):
        registry = Registry.load(entry_points=False, disabled=(), extra=[marking_plugin(version)])
        corpus = open_corpus(synthetic, registry=registry).enrich(["stats", "mark"])
        report = build_database(corpus, database)
        assert report.mode == expected_mode
    assert (report.added, report.reenriched) == (0, len(corpus))
    for _, text in rows(database):
        assert {"kind": "mark", "version": "2"} in json.loads(text)["enrichments"]
        assert "stats" in [e["kind"] for e in json.loads(text)["enrichments"]]


def test_a_strict_failure_leaves_the_database_as_it_was(
    seeds: Path, registry: Registry, tmp_path: Path
) -> None:
    database = tmp_path / "db.sqlite"
    build_database(open_corpus(seeds, registry=registry), database)
    before = database.read_bytes()
    index = seeds / "INDEX.md"
    index.write_text(index.read_text() + "| gone | gone.txt |  |  |  |  |\n")
    with pytest.raises(SeedcorpusError, match=r"gone\.txt"):
        build_database(open_corpus(seeds, registry=registry), database, strict=True)
    assert database.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite", "seeds"]


def test_full_rebuilds_even_when_up_to_date(
    seeds: Path, registry: Registry, tmp_path: Path
) -> None:
    database = tmp_path / "db.sqlite"
    corpus = open_corpus(seeds, registry=registry)
    build_database(corpus, database)
    assert build_database(corpus, database, full=True).mode == "full"


def preparing_plugin(prepare: Callable[[], object]) -> types.ModuleType:
    """An enricher that marks each article with what ``prepare`` left in ``LOADED``."""
    return marking_plugin("1", mark=lambda: str(LOADED.get("by")), prepare=prepare)


LOADED: dict[str, int] = {}


def test_prepare_runs_once_before_the_workers_fork_and_they_share_it(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.modules[__name__], "LOADED", {})
    calls: list[int] = []

    def prepare() -> None:
        calls.append(os.getpid())
        LOADED["by"] = os.getpid()

    registry = Registry.load(entry_points=False, disabled=(), extra=[preparing_plugin(prepare)])
    corpus = open_corpus(synthetic, registry=registry).enrich(["mark"])
    corpus.export("jsonl", tmp_path / "out.jsonl", jobs=2)
    assert calls == [os.getpid()]
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    marks = {json.loads(line)["enrichments"][0]["version"] for line in lines}
    assert marks == {str(os.getpid())}


def test_a_failing_prepare_does_not_stop_a_parallel_build(synthetic: Path, tmp_path: Path) -> None:
    def prepare() -> None:
        raise RuntimeError("no model here")

    registry = Registry.load(entry_points=False, disabled=(), extra=[preparing_plugin(prepare)])
    corpus = open_corpus(synthetic, registry=registry).enrich(["mark"])
    report = corpus.export("jsonl", tmp_path / "out.jsonl", jobs=2)
    assert report.articles == len(corpus)
