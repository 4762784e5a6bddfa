"""Building on a Dask cluster: a LocalCluster on 127.0.0.1 gives what a local build gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seedcorpus import open_corpus
from seedcorpus.apps.cluster import SHARDS_FILE, build_on_cluster
from seedcorpus.apps.synth import synth_corpus
from seedcorpus.errors import SeedcorpusError
from seedcorpus.registry import Registry

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
            processes=True,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_cluster_shards_equal_the_local_export(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "corpus"
    synth_corpus(root, 120, seed=5)
    registry = Registry.load()
    corpus = open_corpus(root, registry=registry).enrich("all")
    corpus.export("jsonl", tmp_path / "local.jsonl")

    report = build_on_cluster(corpus, tmp_path / "shards", scheduler=client, partition_size=50)
    assert (report.articles, report.shards, report.problems) == (120, 3, ())
    summary = json.loads((tmp_path / "shards" / SHARDS_FILE).read_text())
    files = [shard["file"] for shard in summary["shards"]]
    assert files == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    joined = b"".join((tmp_path / "shards" / name).read_bytes() for name in files)
    assert joined == (tmp_path / "local.jsonl").read_bytes()


def test_cluster_parquet_shards_read_back(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pyarrow")
    root = tmp_path / "corpus"
    synth_corpus(root, 30, seed=6)
    corpus = open_corpus(root).enrich("stats")
    build_on_cluster(corpus, tmp_path / "shards", scheduler=client, format="parquet")
    back = list(open_corpus(tmp_path / "shards" / "part-00000.parquet", registry=corpus.registry))
    assert back == list(corpus)


def test_unknown_shard_format_is_refused(tmp_path: Path) -> None:
    corpus = open_corpus(Path(__file__).parent.parent / "seeds")
    with pytest.raises(SeedcorpusError, match="jsonl or parquet, not 'csv'"):
        build_on_cluster(corpus, tmp_path / "x", scheduler="tcp://127.0.0.1:1", format="csv")


def test_build_command_with_a_scheduler_address(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from seedcorpus.cli import cli

    root = tmp_path / "corpus"
    synth_corpus(root, 10, seed=7)
    address = client.scheduler.address
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(root), "--scheduler", address, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "10 articles in 1 shard, 0 problems" in result.output
    assert json.loads((out / SHARDS_FILE).read_text())["articles"] == 10
