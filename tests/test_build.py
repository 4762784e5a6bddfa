"""The main job: full, incremental and parallel builds of the SQLite database."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import types
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import ClassVar

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedcorpus import open_corpus
from seedcorpus.apps.build import build_database
from seedcorpus.apps.synth import synth_corpus
from seedcorpus.errors import SeedcorpusError, UnknownPluginError
from seedcorpus.hookspecs import hookimpl
from seedcorpus.manifest import build_manifest, read_manifest, write_manifest
from seedcorpus.models import Article, Enrichment
from seedcorpus.pipeline import BATCH_SIZE, default_jobs
from seedcorpus.registry import Registry
from seedcorpus.specs import EnricherSpec, ExporterSpec, UpdateOutcome, UpdateRequest


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synthetic") / "corpus"
    synth_corpus(root, 3 * BATCH_SIZE + 5, seed=3)
    return root


def rows(database: Path) -> list[tuple[str, str]]:
    """Each article's id and whole JSON form, put back together from its rows."""
    from seedcorpus.default_plugins.sqlite_rows import article_data, article_select

    with sqlite3.connect(database) as db:
        select = article_select(db)
        found = db.execute(f"SELECT articles.id, {select} FROM articles ORDER BY rowid")
        return [(row[0], json.dumps(article_data(row[1:]), ensure_ascii=False)) for row in found]


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


def failing_exporter() -> types.ModuleType:
    """An exporter ``broken`` that fails after reading one article."""

    def write(articles: Iterable[Article], destination: Path, converter: object) -> None:
        next(iter(articles))
        raise OSError("the disk is full")

    module = types.ModuleType("broken")

    @hookimpl
    def seedcorpus_exporters() -> Iterator[ExporterSpec]:
        yield ExporterSpec(name="broken", write=write, suffix=".txt")

    module.seedcorpus_exporters = seedcorpus_exporters  # type: ignore[attr-defined]
    return module


def test_an_exporter_failing_mid_way_stops_the_workers_at_once(
    synthetic: Path, tmp_path: Path
) -> None:
    import multiprocessing

    registry = Registry.load(entry_points=False, disabled=(), extra=[failing_exporter()])
    corpus = open_corpus(synthetic, registry=registry)
    # The error's traceback keeps the reading frames alive: the pool must not wait for
    # them to be collected (at exit, that is too late for a clean shutdown).
    with pytest.raises(SeedcorpusError, match="the disk is full") as failure:
        corpus.export("broken", tmp_path / "out.txt", jobs=2)
    assert failure.value.__traceback__ is not None
    assert multiprocessing.active_children() == []
    assert list(tmp_path.iterdir()) == []


# --- edits INDEX.md does not know, through the real command line ------------------------------

CLI_ENV = {**os.environ, "SEEDCORPUS_DISABLE_PLUGINS": "dates,quotes,acronyms,language"}


def seedcorpus(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "seedcorpus", *map(str, args)]
    return subprocess.run(
        command, cwd=cwd, env=CLI_ENV, capture_output=True, text=True, check=False
    )


def edit(path: Path, word: str) -> None:
    """Add a sentence with ``word`` to the longest line (a body paragraph)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda n: len(lines[n]))
    lines[longest] += f" Kata {word} muncul."
    path.write_text("\n".join(lines), encoding="utf-8")


def found(database: Path, word: str) -> list[str]:
    with sqlite3.connect(database) as db:
        query = (
            "SELECT articles.id FROM articles_fts JOIN articles"
            " ON articles.rowid = articles_fts.rowid WHERE articles_fts MATCH ?"
        )
        return [row[0] for row in db.execute(query, (word,))]


@pytest.fixture
def small(tmp_path: Path) -> Path:
    root = tmp_path / "small"
    synth_corpus(root, 12, seed=8)
    return root


def test_an_edited_file_is_reported_never_up_to_date_until_reindexed(
    small: Path, tmp_path: Path
) -> None:
    database = tmp_path / "small.sqlite"
    assert seedcorpus("build", small, cwd=tmp_path).returncode == 0
    entry = read_manifest(small).entries[3]
    edit(small / entry.file, "zebrakuda")
    actual = hashlib.sha256((small / entry.file).read_bytes()).hexdigest()
    for _ in range(2):  # and again: the next build still says so
        result = seedcorpus("build", small, cwd=tmp_path)
        assert result.returncode == 1
        assert "up to date" not in result.stdout
        assert f"problem: {small / entry.file}: " in result.stderr
        assert "[checksum]" in result.stderr
        assert (
            f"hint: 1 file changed since INDEX.md was written: run `seedcorpus index {small}` "
            f"to accept the edits, or `seedcorpus build {small} --reindex`" in result.stderr
        )
    first = seedcorpus("build", small, "-o", tmp_path / "again.sqlite", cwd=tmp_path)
    assert first.returncode == 1  # a first build says the same
    assert entry.id not in dict(rows(database))  # as a full build: no stale copy is served
    result = seedcorpus("build", small, "--reindex", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"{small / 'INDEX.md'}: new sha256 for {entry.file}\n"
    assert result.stdout.startswith("updated small.sqlite: 1 article written, 0 removed")
    assert f"| {actual} |" in (small / "INDEX.md").read_text()
    assert found(database, "zebrakuda") == [entry.id]
    assert seedcorpus("build", small, cwd=tmp_path).stdout.startswith("small.sqlite is up to date")


def test_the_first_report_names_both_checksums(small: Path, tmp_path: Path) -> None:
    assert seedcorpus("build", small, cwd=tmp_path).returncode == 0
    entry = read_manifest(small).entries[0]
    edit(small / entry.file, "kijang")
    actual = hashlib.sha256((small / entry.file).read_bytes()).hexdigest()
    result = seedcorpus("build", small, cwd=tmp_path)
    assert result.returncode == 1
    assert (
        f"problem: {small / entry.file}: changed since INDEX.md was written: sha256 is "
        f"{actual}, INDEX.md says {entry.sha256} [checksum]\n" in result.stderr
    )
    assert result.stdout.startswith("updated small.sqlite: 0 articles written, 1 removed")


def test_a_touched_file_is_read_once_then_trusted(small: Path, tmp_path: Path) -> None:
    database = tmp_path / "small.sqlite"
    assert seedcorpus("build", small, cwd=tmp_path).returncode == 0
    entry = read_manifest(small).entries[1]
    os.utime(small / entry.file, ns=(1, 1))
    result = seedcorpus("build", small, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("small.sqlite is up to date (12 articles)")
    with sqlite3.connect(database) as db:
        (mtime,) = db.execute(
            "SELECT mtime_ns FROM seedcorpus_files WHERE article_id = ?", (entry.id,)
        ).fetchone()
    assert mtime == 1  # the stat cache was refreshed: the next build reads nothing
    before = database.read_bytes()
    assert seedcorpus("build", small, cwd=tmp_path).returncode == 0
    assert database.read_bytes() == before


def test_an_export_of_a_folder_reports_an_edit_and_what_to_run(
    small: Path, tmp_path: Path
) -> None:
    entry = read_manifest(small).entries[2]
    edit(small / entry.file, "rusa")
    result = seedcorpus("export", small, "-f", "jsonl", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    assert f"problem: {small / entry.file}: sha256 is " in result.stderr
    assert "hint: 1 file changed since INDEX.md was written" in result.stderr
    assert result.stdout.startswith("wrote out.jsonl: 11 articles, 1 problem")


# --- the update capability is the exporter's -----------------------------------------------


def test_build_reaches_formats_only_through_the_registry() -> None:
    source = Path(__file__).parent.parent / "src" / "seedcorpus"
    for module in (source / "apps" / "build.py", *(source / "cli").glob("*.py")):
        assert "default_plugins" not in module.read_text(encoding="utf-8"), module


def recording_exporter(calls: list[str], *, updates: bool) -> types.ModuleType:
    """An exporter ``lines`` writing one id a line; with ``updates``, an update
    capability that records what it was asked and rebuilds whole."""

    def write(articles: Iterable[Article], destination: Path, converter: object) -> None:
        destination.write_text("".join(f"{article.id}\n" for article in articles))

    def update(request: UpdateRequest) -> UpdateOutcome:
        calls.append(f"update {len(request.entries)} {sorted(request.stamps)}")
        with request.stage(copy=False) as temporary:
            count = request.rebuild(temporary)
        return UpdateOutcome("full", added=count)

    module = types.ModuleType("lines")

    @hookimpl
    def seedcorpus_exporters() -> Iterator[ExporterSpec]:
        yield ExporterSpec(
            name="lines", write=write, suffix=".txt", update=update if updates else None
        )

    module.seedcorpus_exporters = seedcorpus_exporters  # type: ignore[attr-defined]
    return module


@pytest.mark.parametrize("updates", [True, False])
def test_a_third_party_exporter_may_offer_update(
    seeds: Path, tmp_path: Path, updates: bool
) -> None:
    calls: list[str] = []
    plugin = recording_exporter(calls, updates=updates)
    registry = Registry.load(entry_points=False, disabled=(), extra=[plugin])
    corpus = open_corpus(seeds, registry=registry).enrich(["stats"])
    report = build_database(corpus, tmp_path / "out.txt", format="lines")
    assert (report.mode, report.added) == ("full", 1)
    assert (tmp_path / "out.txt").read_text() == f"{corpus.ids()[0]}\n"
    expected = ["update 1 ['enricher:stats', 'exporter:lines', 'parser:antara']"]
    assert calls == (expected if updates else [])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt", "seeds"]


def test_a_disabled_exporter_is_named_as_disabled(seeds: Path) -> None:
    registry = Registry.load(entry_points=False, disabled=("sqlite",))
    with pytest.raises(UnknownPluginError, match=r"the 'sqlite' exporter is disabled"):
        build_database(open_corpus(seeds, registry=registry), "x.sqlite")


# --- property: an update equals a full build, whatever was edited -----------------------------

EDITS = st.lists(
    st.sampled_from(["same", "touched", "edited", "edited-and-indexed", "unlisted"]),
    min_size=6,
    max_size=6,
)


@pytest.fixture(scope="module")
def six(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("six") / "corpus"
    synth_corpus(root, 6, seed=12)
    return root


def apply_edits(root: Path, plan: list[str]) -> set[str]:
    """Change the corpus at ``root`` as ``plan`` says, entry by entry; return the files
    whose bytes INDEX.md no longer matches."""
    manifest = read_manifest(root)
    entries, unmatched = [], set()
    for entry, change in zip(manifest.entries, plan, strict=True):
        path = root / entry.file
        if change == "touched":
            os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
        elif change.startswith("edited"):
            edit(path, "ubah")
            if change == "edited":
                unmatched.add(str(path))
            else:
                entry = attrs.evolve(entry, sha256=hashlib.sha256(path.read_bytes()).hexdigest())
        if change != "unlisted":
            entries.append(entry)
    write_manifest(attrs.evolve(manifest, entries=tuple(entries)), root)
    return unmatched


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=EDITS)
def test_an_update_after_any_edits_equals_a_full_build(six: Path, plan: list[str]) -> None:
    registry = Registry.load(entry_points=False, disabled=())
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        root = copy_corpus(six, work / "corpus")
        database = work / "db.sqlite"
        build_database(open_corpus(root, registry=registry).enrich(["stats"]), database)
        unmatched = apply_edits(root, plan)
        corpus = open_corpus(root, registry=registry).enrich(["stats"])
        report = build_database(corpus, database)
        full = build_database(corpus, work / "full.sqlite")
        assert rows(database) == rows(work / "full.sqlite")
        checksum = {p.path for p in report.problems if p.code == "checksum"}
        assert checksum == unmatched == {p.path for p in full.problems if p.code == "checksum"}
        changed = any(change != "same" and change != "touched" for change in plan)
        assert (report.mode == "unchanged") == (not changed)


def test_a_build_from_an_export_file_is_always_whole(
    seeds: Path, registry: Registry, tmp_path: Path
) -> None:
    exported = tmp_path / "seeds.jsonl"
    open_corpus(seeds, registry=registry).export("jsonl", exported)
    corpus = open_corpus(exported, registry=registry)
    database = tmp_path / "db.sqlite"
    for _ in range(2):
        report = build_database(corpus, database)
        assert (report.mode, report.added, report.removed) == ("full", 1, 0)
    assert [article_id for article_id, _ in rows(database)] == corpus.ids()


# --- the default number of jobs ---


def test_default_jobs_is_the_cores_this_process_may_use(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "process_cpu_count", lambda: 6, raising=False)
    assert default_jobs() == 6
    monkeypatch.setattr(os, "process_cpu_count", lambda: None, raising=False)
    assert default_jobs() == 1  # unknown: one process


def test_default_jobs_before_python_3_13_reads_the_affinity(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delattr(os, "process_cpu_count", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 3, 5}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    assert default_jobs() == 3
    monkeypatch.delattr(os, "sched_getaffinity")
    assert default_jobs() == 64
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert default_jobs() == 1


def test_build_help_shows_the_default_jobs() -> None:
    from click.testing import CliRunner

    from seedcorpus.cli import cli

    result = CliRunner().invoke(cli, ["build", "--help"])
    assert "the cores this process may use" in " ".join(result.output.split())
