"""Two real processes writing the same output take turns: the second waits for the
first's lock, and the output is one run's, never a mix."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from seedcorpus.apps.synth import synth_corpus
from seedcorpus.atomic import output_lock

ENV = {**os.environ, "SEEDCORPUS_DISABLE_PLUGINS": "dates,quotes,acronyms,language"}
ARTICLES = 40


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("concurrency")
    synth_corpus(root / "a", ARTICLES, seed=1)
    synth_corpus(root / "b", ARTICLES, seed=2)
    return root / "a", root / "b"


def start(*args: str | Path, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "seedcorpus", *map(str, args)],
        cwd=cwd,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def waiting(process: subprocess.Popen[str], output: Path) -> None:
    """Wait until ``process`` says it waits for the lock on ``output``."""
    assert process.stderr is not None
    line = process.stderr.readline()
    assert line.startswith(f"waiting for another seedcorpus run writing {output} (pid "), line


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=60)
    return process.returncode, out, err


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_two_builds_wait_for_the_lock_then_take_turns(
    corpora: tuple[Path, Path], tmp_path: Path
) -> None:
    corpus, _ = corpora
    output = tmp_path / "out.sqlite"
    args = ("build", corpus, "-o", output, "-j", "1")
    # This process holds the lock, so both builds are surely running at once.
    with output_lock(output):
        first, second = start(*args, cwd=tmp_path), start(*args, cwd=tmp_path)
        waiting(first, output)
        waiting(second, output)
    results = sorted([finish(first), finish(second)], key=lambda result: result[1])
    assert [code for code, _, _ in results] == [0, 0], results
    # One wrote it whole; the other then found it up to date.
    assert results[0][1].startswith(f"{output} is up to date ({ARTICLES} articles)")
    assert results[1][1].startswith(f"wrote {output}: {ARTICLES} articles")
    with closing(sqlite3.connect(output)) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (ARTICLES,)
    assert leftovers(tmp_path) == []


def test_two_exports_to_one_file_give_one_runs_output_whole(
    corpora: tuple[Path, Path], tmp_path: Path
) -> None:
    expected = []
    for corpus in corpora:
        reference = tmp_path / f"{corpus.name}.jsonl"
        assert (
            finish(start("export", corpus, "-f", "jsonl", "-o", reference, cwd=tmp_path))[0] == 0
        )
        expected.append(reference.read_bytes())
    output = tmp_path / "out" / "same.jsonl"
    output.parent.mkdir()
    with output_lock(output):
        runs = [
            start(
                "export", corpus, "-f", "jsonl", "-o", output, "--force", "-j", "1", cwd=tmp_path
            )
            for corpus in corpora
        ]
        for run in runs:
            waiting(run, output)
    assert [finish(run)[0] for run in runs] == [0, 0]
    assert output.read_bytes() in expected
    assert leftovers(output.parent) == []


def test_without_force_the_second_export_says_the_output_exists(
    corpora: tuple[Path, Path], tmp_path: Path
) -> None:
    output = tmp_path / "once.jsonl"
    with output_lock(output):
        runs = [
            start("export", corpus, "-f", "jsonl", "-o", output, "-j", "1", cwd=tmp_path)
            for corpus in corpora
        ]
        for run in runs:
            waiting(run, output)
    results = sorted(finish(run) for run in runs)
    assert [code for code, _, _ in results] == [0, 1]
    assert f"error: {output}: already exists; use force (--force) to replace it" in results[1][2]
    assert "Traceback" not in results[1][2]
