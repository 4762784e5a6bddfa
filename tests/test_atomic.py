"""Atomic outputs: a SIGKILL at any moment of ``export`` or ``build`` leaves the previous
output byte for byte, or none; never a half-written file under the final name.

Real subprocesses are killed (their whole process group, workers included) at chosen
moments: at start-up, as soon as the temporary output exists, and once it holds a good
part of the data. Temporary files (``.OUT.<random>.tmp``) and the lock file may be left
behind by a kill; the next run to the same output removes them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from seedcorpus.apps.synth import synth_corpus
from seedcorpus.atomic import atomic_destination
from seedcorpus.errors import ExportError

ARTICLES = 1500
PREVIOUS = b"the previous output\n"
# Only the fast enricher: a build still runs one, and the test stays short.
ENV = {**os.environ, "SEEDCORPUS_DISABLE_PLUGINS": "dates,quotes,acronyms,language"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic corpus whose export and builds outlast the moments the tests kill
    them at by hundreds of milliseconds."""
    root = tmp_path_factory.mktemp("atomic") / "corpus"
    synth_corpus(root, ARTICLES)
    return root


def corpus_bytes(root: Path) -> int:
    return sum(path.stat().st_size for path in root.rglob("*.txt"))


def temporaries(output: Path) -> list[Path]:
    return sorted(output.parent.glob(f".{output.name}.*"))


def size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


Moment = Callable[[Path], bool]


def started(output: Path) -> bool:
    """Kill during start-up: imports, reading the manifest."""
    return True


def created(output: Path) -> bool:
    """Kill as soon as the temporary output exists."""
    return bool(temporaries(output))


def filled(share: int) -> Moment:
    """Kill once the temporary output holds ``share`` bytes."""

    def moment(output: Path) -> bool:
        return any(size(path) >= share for path in temporaries(output) if path.exists())

    return moment


def run_and_kill(args: list[str], output: Path, moment: Moment, *, delay: float = 0.0) -> None:
    """Run ``seedcorpus ARGS`` and SIGKILL its process group at ``moment``."""
    process = subprocess.Popen(
        [sys.executable, "-m", "seedcorpus", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=ENV,
        start_new_session=True,  # its own process group: worker processes die with it
    )
    try:
        deadline = time.monotonic() + 60
        while not moment(output):
            if process.poll() is not None:
                stderr = process.stderr.read().decode() if process.stderr else ""
                pytest.fail(f"finished (exit {process.returncode}) before the kill: {stderr}")
            if time.monotonic() > deadline:
                pytest.fail("the moment to kill never came")
            time.sleep(0.002)
        time.sleep(delay)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        if process.stderr:
            process.stderr.close()
    assert process.returncode == -signal.SIGKILL


def snapshot(path: Path) -> dict[str, bytes] | bytes | None:
    """The bytes of a file, the files of a folder, or ``None`` if there is nothing."""
    if path.is_dir():
        return {str(p.relative_to(path)): p.read_bytes() for p in path.rglob("*") if p.is_file()}
    return path.read_bytes() if path.exists() else None


def assert_untouched(output: Path, before: dict[str, bytes] | bytes | None) -> None:
    assert snapshot(output) == before
    names = [path.name for path in output.parent.iterdir()]
    # Nothing but the output itself and temporaries named after it.
    strays = [n for n in names if n != output.name and not n.startswith(f".{output.name}.")]
    assert strays == []


@pytest.mark.parametrize(
    ("format_", "jobs", "moment"),
    [
        pytest.param("jsonl", "1", started, id="jsonl-start"),
        pytest.param("jsonl", "1", None, id="jsonl-half"),
        pytest.param("sqlite", "2", created, id="sqlite-created-2-jobs"),
        pytest.param("sqlite", "2", None, id="sqlite-half-2-jobs"),
        pytest.param("antara", "1", None, id="folder-half"),
    ],
)
def test_a_killed_export_leaves_the_previous_output(
    corpus: Path, tmp_path: Path, format_: str, jobs: str, moment: Moment | None
) -> None:
    output = tmp_path / f"out.{format_}"
    if format_ == "antara":
        output.mkdir()
        (output / "INDEX.md").write_bytes(PREVIOUS)
    else:
        output.write_bytes(PREVIOUS)
    before = snapshot(output)
    args = ["export", str(corpus), "-f", format_, "-o", str(output), "--force", "-j", jobs]
    run_and_kill(args, output, moment or filled(corpus_bytes(corpus) // 3))
    assert_untouched(output, before)


def test_a_killed_export_with_no_previous_output_leaves_none(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    args = ["export", str(corpus), "-f", "jsonl", "-o", str(output), "-j", "1"]
    run_and_kill(args, output, filled(corpus_bytes(corpus) // 3))
    assert_untouched(output, None)
    # Leftover temporaries do not get in the way of the next export to the same place.
    seeds = Path(__file__).parent.parent / "seeds"
    again = [sys.executable, "-m", "seedcorpus", "export", str(seeds), *args[2:]]
    assert subprocess.run(again, env=ENV, capture_output=True, check=False).returncode == 0
    assert len(output.read_bytes().splitlines()) == 1
    assert [path.name for path in tmp_path.iterdir()] == [output.name]  # and are removed


def test_a_killed_first_build_leaves_the_previous_file(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "corpus.sqlite"
    output.write_bytes(PREVIOUS)
    # --full: a build replaces a file it did not write only when told to.
    args = ["build", str(corpus), "-o", str(output), "-j", "1", "--full"]
    run_and_kill(args, output, filled(corpus_bytes(corpus) // 2))
    assert_untouched(output, PREVIOUS)


def test_a_killed_incremental_build_leaves_the_previous_database(
    corpus: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out" / "corpus.sqlite"
    output.parent.mkdir()
    built = subprocess.run(
        [sys.executable, "-m", "seedcorpus", "build", str(corpus), "-o", str(output), "-j", "2"],
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    before = output.read_bytes()
    # A different corpus at the same place: a build now has every article to redo.
    changed = tmp_path / "changed"
    synth_corpus(changed, ARTICLES, seed=1)
    args = ["build", str(changed), "-o", str(output), "-j", "1"]
    run_and_kill(args, output, created, delay=0.2)
    assert_untouched(output, before)


# --- atomic_destination itself ---------------------------------------------------------------


def test_a_failure_inside_leaves_the_previous_file_and_no_temporary(tmp_path: Path) -> None:
    output = tmp_path / "out.txt"
    output.write_bytes(PREVIOUS)

    def write_half() -> None:
        with atomic_destination(output, force=True) as temporary:
            temporary.write_bytes(b"half")
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_half()
    assert output.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_folder_output_replaces_the_previous_folder_whole(tmp_path: Path) -> None:
    output = tmp_path / "site"
    output.mkdir()
    (output / "old.md").write_text("old")
    with atomic_destination(output, force=True, directory=True) as temporary:
        temporary.mkdir()
        (temporary / "new.md").write_text("new")
    assert [p.name for p in output.iterdir()] == ["new.md"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_an_existing_output_is_kept_without_force(tmp_path: Path) -> None:
    output = tmp_path / "out.txt"
    output.write_bytes(PREVIOUS)
    with (
        pytest.raises(ExportError, match="already exists"),
        atomic_destination(output) as temporary,
    ):
        temporary.write_bytes(b"new")  # pragma: no cover - never reached
    assert output.read_bytes() == PREVIOUS
