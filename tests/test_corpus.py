"""The corpus API on the seed corpus: open, look up, iterate, enrich, export."""

from __future__ import annotations

import json
import math
import sqlite3
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import given, settings

import seedcorpus
from conftest import SEED_ID
from seedcorpus import open_corpus
from seedcorpus.corpus import ArticleSource, Corpus, ExportedCorpus, open_folder
from seedcorpus.errors import ChecksumError, ExportError, SeedcorpusError, UnknownPluginError
from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article, Enrichment, UnknownEnrichment
from seedcorpus.registry import Registry
from seedcorpus.specs import EnricherSpec, ExporterSpec
from seedcorpus.testing import articles


def test_open_corpus_reads_the_manifest_only(seeds: Path, registry: Registry) -> None:
    (seeds / f"{SEED_ID}.txt").write_bytes(b"")  # would fail to parse if it were read
    corpus = open_corpus(seeds, registry=registry)
    assert len(corpus) == 1
    assert corpus.ids() == [SEED_ID]
    assert SEED_ID in corpus


def test_lookup_by_id_gives_the_typed_seed(seeds: Path, registry: Registry) -> None:
    article = open_corpus(seeds, registry=registry)[SEED_ID]
    assert isinstance(article, Article)
    assert article.title == "RI-Azerbaijan memperkuat kerja sama akselerasi pelayanan publik"
    assert article.source.path == f"{SEED_ID}.txt"
    assert article.source.parser == "antara"
    assert len(article.source.sha256) == 64
    assert article.enrichments == ()


def test_iteration_is_in_manifest_order_and_equals_lookup(seeds: Path, registry: Registry) -> None:
    corpus = open_corpus(seeds, registry=registry)
    assert list(corpus) == [corpus[i] for i in corpus.ids()]


def test_unknown_id_is_a_key_error(seeds: Path, registry: Registry) -> None:
    with pytest.raises(KeyError, match="no article 'nope'"):
        open_corpus(seeds, registry=registry)["nope"]


def test_a_changed_file_is_a_checksum_error_not_a_silent_parse(
    seeds: Path, registry: Registry
) -> None:
    path = seeds / f"{SEED_ID}.txt"
    path.write_bytes(path.read_bytes().replace(b"Jakarta", b"Bandung", 1))
    with pytest.raises(ChecksumError, match=f"{SEED_ID}.txt"):
        open_corpus(seeds, registry=registry)[SEED_ID]


def test_enrich_adds_the_named_enrichments(seeds: Path, registry: Registry) -> None:
    corpus = open_corpus(seeds, registry=registry)
    article = corpus.enrich(["stats", "dates"])[SEED_ID]
    assert [e.kind for e in article.enrichments] == ["stats", "dates"]
    assert corpus[SEED_ID].enrichments == ()  # the original view is unchanged
    with pytest.raises(UnknownPluginError):
        corpus.enrich("stats,nope")


@attrs.frozen
class Length(Enrichment):
    kind: ClassVar[str] = "length"
    chars: int


def failing_enricher_plugin() -> types.ModuleType:
    def explode(article: Article) -> Length:
        raise ValueError("cannot count")

    module = types.ModuleType("explosive")

    @hookimpl
    def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
        yield EnricherSpec(name="length", enrich=explode, types=(Length,))

    module.seedcorpus_enrichers = seedcorpus_enrichers  # type: ignore[attr-defined]
    return module


def test_a_failing_enricher_is_named_and_never_drops_the_article(seeds: Path) -> None:
    registry = Registry.load(entry_points=False, extra=[failing_enricher_plugin()])
    corpus = open_corpus(seeds, registry=registry).enrich("length,stats")
    article = corpus[SEED_ID]
    assert [e.kind for e in article.enrichments] == ["stats"]
    [problem] = article.problems
    assert problem.code == "enricher-failed"
    assert "'length' (plugin 'explosive') raised ValueError: cannot count" in problem.message
    assert SEED_ID in problem.message


@attrs.frozen
class Part:
    share: float | None


@attrs.frozen
class Ratio(Enrichment):
    kind: ClassVar[str] = "ratio"
    value: float
    parts: tuple[Part, ...] = ()


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_an_enricher_giving_nan_is_named_and_the_export_reads_back(
    seeds: Path, tmp_path: Path, value: float
) -> None:
    # JSON has no NaN: it was written as null, and the export could not be read back.
    module = types.ModuleType("divider")

    @hookimpl
    def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
        yield EnricherSpec(name="ratio", enrich=lambda a: Ratio(value), types=(Ratio,))

    module.seedcorpus_enrichers = seedcorpus_enrichers  # type: ignore[attr-defined]
    registry = Registry.load(entry_points=False, extra=[module])
    corpus = open_corpus(seeds, registry=registry).enrich("ratio,stats")
    [problem] = corpus[SEED_ID].problems
    assert problem.code == "enricher-failed"
    assert "'ratio' (plugin 'divider') raised ValueError: value is not a finite" in (
        problem.message
    )
    corpus.export("jsonl", tmp_path / "out.jsonl")
    [article] = open_corpus(tmp_path / "out.jsonl", registry=registry)
    assert [e.kind for e in article.enrichments] == ["stats"]


def test_a_finite_check_looks_into_records_and_passes_what_is_finite() -> None:
    from seedcorpus.enriching import _finite_check

    check = _finite_check(Ratio)
    assert check is not None
    assert check(Ratio(0.5, (Part(0.25), Part(None)))) is None
    assert check(Ratio(0.5, (Part(0.25), Part(math.nan)))) == "parts[1].share"
    assert _finite_check(Length) is None  # no float field: nothing to check


def test_export_jsonl_writes_the_contract(seeds: Path, registry: Registry, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    report = open_corpus(seeds, registry=registry).enrich("all").export("jsonl", out)
    assert (report.articles, report.problems) == (1, ())
    [line] = out.read_text(encoding="utf-8").splitlines()
    data = json.loads(line)
    assert data["id"] == SEED_ID
    assert {e["kind"] for e in data["enrichments"]} == set(registry.enrichers)


def test_export_refuses_to_overwrite_without_force(
    seeds: Path, registry: Registry, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("keep me")
    corpus = open_corpus(seeds, registry=registry)
    with pytest.raises(ExportError, match="already exists"):
        corpus.export("jsonl", out)
    assert out.read_text() == "keep me"
    corpus.export("jsonl", out, force=True)
    assert json.loads(out.read_text())["id"] == SEED_ID


def half_writer_plugin() -> types.ModuleType:
    def write_half(articles: Any, destination: Path, converter: Any) -> None:
        destination.write_text("half")
        raise OSError("disk full")

    module = types.ModuleType("halfway")

    @hookimpl
    def seedcorpus_exporters() -> Iterator[ExporterSpec]:
        yield ExporterSpec(name="half", write=write_half)

    module.seedcorpus_exporters = seedcorpus_exporters  # type: ignore[attr-defined]
    return module


def test_a_failing_exporter_leaves_the_previous_output(seeds: Path, tmp_path: Path) -> None:
    registry = Registry.load(entry_points=False, extra=[half_writer_plugin()])
    out = tmp_path / "out.txt"
    out.write_text("previous")
    with pytest.raises(
        ExportError, match="exporter 'half' \\(plugin 'halfway'\\) failed: OSError"
    ):
        open_corpus(seeds, registry=registry).export("half", out, force=True)
    assert out.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt", "seeds"]


def test_unreadable_articles_are_skipped_and_reported(
    seeds: Path, registry: Registry, tmp_path: Path
) -> None:
    index = seeds / "INDEX.md"
    index.write_text(index.read_text() + "| gone | gone.txt |  |  |  |  |\n")
    corpus = open_corpus(seeds, registry=registry)
    report = corpus.export("sqlite", tmp_path / "out.sqlite")
    assert report.articles == 1
    [problem] = report.problems
    assert "gone.txt" in str(problem)
    with sqlite3.connect(tmp_path / "out.sqlite") as db:
        assert db.execute("SELECT id FROM articles").fetchall() == [(SEED_ID,)]


def test_public_api_is_exported() -> None:
    for name in seedcorpus.__all__:
        assert getattr(seedcorpus, name).__doc__ or name == "__version__", name


# --- the folder and the export: siblings behind one interface ---


def test_folder_and_export_are_siblings_behind_one_interface(
    seeds: Path, registry: Registry, tmp_path: Path
) -> None:
    assert not issubclass(ExportedCorpus, Corpus)
    assert not issubclass(Corpus, ExportedCorpus)
    folder = open_corpus(seeds, registry=registry).enrich("dates")
    folder.export("jsonl", tmp_path / "out.jsonl")
    export = open_corpus(tmp_path / "out.jsonl", registry=registry)
    assert isinstance(folder, Corpus)
    assert isinstance(export, ExportedCorpus)
    for corpus in (folder, export):
        assert isinstance(corpus, ArticleSource)
        assert len(corpus) == 1
        assert corpus.ids() == [SEED_ID]
        assert SEED_ID in corpus
        assert "nope" not in corpus
        assert [a.id for a in corpus] == [SEED_ID]
        problems: list[Any] = []
        [article] = corpus.articles(problems, strict=False)
        assert article == corpus[SEED_ID] == folder[SEED_ID]
        assert article.enrichment("dates") is not None


def test_enrich_and_export_work_alike_on_both(
    seeds: Path, registry: Registry, tmp_path: Path
) -> None:
    open_corpus(seeds, registry=registry).export("jsonl", tmp_path / "plain.jsonl")
    export = open_corpus(tmp_path / "plain.jsonl", registry=registry)
    enriched = export.enrich("stats")
    assert type(enriched) is ExportedCorpus  # a view of the same kind
    assert export[SEED_ID].enrichments == ()  # the view leaves its source as it was
    assert [e.kind for e in enriched[SEED_ID].enrichments] == ["stats"]
    enriched.export("jsonl", tmp_path / "from-export.jsonl")
    open_corpus(seeds, registry=registry).enrich("stats").export(
        "jsonl", tmp_path / "from-folder.jsonl"
    )
    from_export = (tmp_path / "from-export.jsonl").read_bytes()
    assert from_export == (tmp_path / "from-folder.jsonl").read_bytes()


def test_open_folder_refuses_an_export(seeds: Path, registry: Registry, tmp_path: Path) -> None:
    open_corpus(seeds, registry=registry).export("jsonl", tmp_path / "out.jsonl")
    assert open_folder(seeds, registry=registry).manifest.entries[0].id == SEED_ID
    with pytest.raises(SeedcorpusError, match="is an export, not a corpus folder"):
        open_folder(tmp_path / "out.jsonl", registry=registry)


def write_paragraph_rows(articles: Any, destination: Path, converter: Any) -> None:
    destination.write_text("".join(f"{a.id},{p}\n" for a in articles for p in a.paragraphs))


@hookimpl
def seedcorpus_exporters() -> Iterator[ExporterSpec]:
    yield ExporterSpec(name="paragraphs", write=write_paragraph_rows, suffix=".paragraphs.csv")


def test_a_write_only_plugin_format_is_not_read_by_the_shorter_suffix(
    seeds: Path, tmp_path: Path
) -> None:
    plugin = types.ModuleType("paragraphs_plugin")
    plugin.seedcorpus_exporters = seedcorpus_exporters  # type: ignore[attr-defined]
    registry = Registry.load(entry_points=False, extra=[plugin])
    output = tmp_path / "seeds.paragraphs.csv"
    open_corpus(seeds, registry=registry).export("paragraphs", output)
    # The csv exporter's suffix matches too, but the file is the plugin's: say so.
    with pytest.raises(
        SeedcorpusError,
        match=r"a 'paragraphs' export \(\.paragraphs\.csv\), "
        r"which cannot be read back \(readable: .*\.csv",
    ):
        open_corpus(output, registry=registry)
    # Without the plugin, the csv reader takes it, and names what is wrong with it.
    with pytest.raises(SeedcorpusError, match=r"seeds.paragraphs.csv:1: not a seedcorpus CSV"):
        list(open_corpus(output, registry=Registry.load(entry_points=False)))


def test_exporters_receive_typed_articles_whatever_the_jobs(
    registry: Registry, tmp_path: Path
) -> None:
    from seedcorpus.apps.synth import synth_corpus

    synth_corpus(tmp_path / "corpus", 70, seed=3)  # more than one batch of 64
    received: list[list[object]] = []

    def keep(articles: Any, destination: Path, converter: Any) -> None:
        received.append(list(articles))
        destination.write_text("")

    module = types.ModuleType("keeper")

    @hookimpl
    def seedcorpus_exporters() -> Iterator[ExporterSpec]:
        yield ExporterSpec(name="keep", write=keep)

    module.seedcorpus_exporters = seedcorpus_exporters  # type: ignore[attr-defined]
    plugins = Registry.load(entry_points=False, disabled=(), extra=[module])
    corpus = open_corpus(tmp_path / "corpus", registry=plugins).enrich("stats")
    for jobs, name in ((1, "one"), (2, "two")):
        corpus.export("keep", tmp_path / name, jobs=jobs)
    one, two = received
    assert len(one) == 70
    assert all(isinstance(article, Article) for article in one)
    assert one == two


@pytest.mark.parametrize("listed_title", ["Judul dari INDEX", ""])
def test_a_title_the_text_lost_comes_from_the_manifest(
    tmp_path: Path, registry: Registry, listed_title: str
) -> None:
    body = "Jakarta (ANTARA) - Pemerintah membuka pendaftaran beasiswa.\n\nEditor: Budi\n"
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "INDEX.md").write_text(
        f"| id | file | sha256 | title | language | parser |\n"
        f"| --- | --- | --- | --- | --- | --- |\n"
        f"| a | a.txt |  | {listed_title} |  |  |\n",
        encoding="utf-8",
    )
    article = open_corpus(tmp_path, registry=registry)["a"]
    codes = [problem.code for problem in article.problems]
    if listed_title:
        assert article.title == listed_title
        assert codes == ["title-from-manifest"]
        assert article.problems[0].path == "a.txt"
    else:
        assert article.title is None
        assert codes == ["no-title"]
    assert article.paragraphs == ("Pemerintah membuka pendaftaran beasiswa.",)


def test_a_manifest_title_that_is_the_first_line_is_not_a_title(
    tmp_path: Path, registry: Registry
) -> None:
    # What `seedcorpus index` lists for body-first page text: its dateline paragraph.
    first = "Jakarta (ANTARA) - Pemerintah membuka pendaftaran beasiswa."
    (tmp_path / "a.txt").write_text(f"{first}\n\nEditor: Budi\n", encoding="utf-8")
    (tmp_path / "INDEX.md").write_text(
        "| id | file | sha256 | title | language | parser |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        f"| a | a.txt |  | {first} |  |  |\n",
        encoding="utf-8",
    )
    article = open_corpus(tmp_path, registry=registry)["a"]
    assert article.title is None
    assert [problem.code for problem in article.problems] == ["no-title"]


@settings(max_examples=40)
@given(articles())
def test_enriching_makes_the_article_attrs_evolve_makes(article: Article) -> None:
    # run_enrichers calls a function made for the class in place of attrs.evolve.
    from seedcorpus.enriching import _with

    enrichments, problems = (UnknownEnrichment("x", '{"kind":"x"}'),), ()
    expected = attrs.evolve(article, enrichments=enrichments, problems=problems)
    assert _with(article, enrichments, problems) == expected


def test_no_more_workers_than_batches_nor_jobs_per_core(
    registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # jobs=100000 from a script forked one process per batch of a large corpus.
    from concurrent.futures import ProcessPoolExecutor

    from seedcorpus import pipeline
    from seedcorpus.apps.synth import synth_corpus

    synth_corpus(tmp_path / "corpus", 3 * pipeline.BATCH_SIZE, seed=3)
    started: list[int] = []

    class Counted(ProcessPoolExecutor):
        # Records what was asked, starts two at most: with fork, a pool starts all of
        # its workers at once, and a regression here must not fork a hundred thousand.
        def __init__(self, max_workers: int, **options: Any) -> None:
            started.append(max_workers)
            super().__init__(min(max_workers, 2), **options)

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", Counted)
    corpus = open_corpus(tmp_path / "corpus", registry=registry)
    ids = [article.id for article in corpus.articles([], jobs=100_000)]
    assert ids == corpus.ids()
    assert started == [min(3, pipeline.JOBS_PER_CORE * pipeline.default_jobs())]
