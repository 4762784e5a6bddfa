"""Faults of the machine and of the user, through the real command line: a file size
limit, a read-only or missing folder, a foreign or damaged database, Ctrl-C, and SIGKILL
followed by the next run. Each is one clear line and a documented exit code; the
previous output stays byte for byte, and no temporary file or lock is left behind."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from seedcorpus import open_corpus
from seedcorpus.apps.synth import synth_corpus

ENV = {**os.environ, "SEEDCORPUS_DISABLE_PLUGINS": "dates,quotes,acronyms,language"}
ARTICLES = 1500
PREVIOUS = b"the previous output\n"
SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus whose build and export outlast the moments the tests interrupt them at
    by hundreds of milliseconds, however fast the code gets."""
    root = tmp_path_factory.mktemp("faults") / "corpus"
    synth_corpus(root, ARTICLES, seed=4)
    return root


def seedcorpus(
    *args: str | Path, cwd: Path, limit: int | None = None, env: dict[str, str] = ENV
) -> subprocess.CompletedProcess[str]:
    """Run the command line; with ``limit``, under RLIMIT_FSIZE of that many bytes."""

    def limited() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "seedcorpus", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=limited,
        check=False,
        timeout=120,
    )


def debris(folder: Path) -> list[str]:
    """What runs leave beside their output: temporaries and lock files."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def one_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single line a failing command printed on standard error."""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# --- a file size limit (what a full disk looks like to a process) --------------------------


def test_a_file_size_limit_during_an_export_keeps_the_previous_output(
    corpus: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    output.write_bytes(PREVIOUS)
    result = seedcorpus(
        "export", corpus, "-f", "jsonl", "-o", output, "--force", cwd=tmp_path, limit=200_000
    )
    assert result.returncode == 1
    assert one_error(result) == (
        f"error: {output}: cannot write: the file size limit was reached; "
        "the previous output was kept"
    )
    assert output.read_bytes() == PREVIOUS
    assert debris(tmp_path) == []


def test_a_file_size_limit_during_an_incremental_build_keeps_the_database(
    corpus: Path, tmp_path: Path
) -> None:
    output = tmp_path / "db.sqlite"
    assert seedcorpus("build", SEEDS, "-o", output, cwd=tmp_path).returncode == 0
    before = output.read_bytes()
    result = seedcorpus(
        "build", corpus, "-o", output, "-j", "1", cwd=tmp_path, limit=len(before) + 100_000
    )
    assert result.returncode == 1
    assert one_error(result).startswith(f"error: {output}: cannot write: ")
    assert output.read_bytes() == before
    assert debris(tmp_path) == []


# --- folders that cannot be written ------------------------------------------------------------


def test_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    result = seedcorpus("build", SEEDS, "-o", tmp_path / "nope" / "x.sqlite", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        one_error(result) == f"error: {tmp_path / 'nope'}: the folder to write into does not exist"
    )
    result = seedcorpus("export", SEEDS, "-f", "jsonl", "-o", tmp_path / "nope/x", cwd=tmp_path)
    assert result.returncode == 1
    assert "the folder to write into does not exist" in one_error(result)


def read_only_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):  # root writes anywhere: use a file system that refuses
        folder.chmod(0o755)
        folder = Path("/sys/fs")
        if os.access(folder, os.W_OK) and not _refuses(folder):
            pytest.skip("no read-only folder to test with")
    return folder


def _refuses(folder: Path) -> bool:
    try:
        (folder / ".probe").touch()
    except OSError:
        return True
    (folder / ".probe").unlink()
    return False


@pytest.mark.parametrize("command", ["build", "export"])
def test_a_read_only_destination_is_one_line(tmp_path: Path, command: str) -> None:
    folder = read_only_folder(tmp_path)
    output = folder / "out.sqlite"
    args = ["-f", "sqlite"] if command == "export" else []
    result = seedcorpus(command, SEEDS, *args, "-o", output, cwd=tmp_path)
    assert result.returncode == 1
    line = one_error(result)
    assert line.startswith(f"error: {output}: cannot write: "), line
    assert line.endswith(("permission denied", "read-only")) or "previous output" in line
    assert not output.exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
@pytest.mark.parametrize(
    "args",
    [
        ["build", SEEDS, "-o", "/proc/out.sqlite"],
        ["export", SEEDS, "-f", "sqlite", "-o", "/proc/out.sqlite"],
        ["synth", "/proc/corpus", "-n", "3"],
    ],
)
def test_a_folder_no_file_can_be_made_in_is_one_line(
    tmp_path: Path, args: list[str | Path]
) -> None:
    # /proc exists but takes no new files, whoever asks: the system's reason is given.
    result = seedcorpus(*args, cwd=tmp_path)
    assert result.returncode == 1
    output = next(arg for arg in args if str(arg).startswith("/proc/"))
    assert one_error(result).startswith(f"error: {output}: cannot create files in its folder (")


@pytest.mark.parametrize(
    "args",
    [
        ["build", SEEDS],
        ["build", SEEDS, "--full"],
        ["export", SEEDS, "-f", "jsonl", "--force"],
        ["export", SEEDS, "-f", "sqlite", "--force"],
    ],
)
def test_a_folder_is_never_replaced_by_a_file(tmp_path: Path, args: list[str | Path]) -> None:
    folder = tmp_path / "out"
    (folder / "inside").mkdir(parents=True)
    (folder / "inside" / "kept.txt").write_text("kept")
    result = seedcorpus(*args, "-o", folder, cwd=tmp_path)
    assert result.returncode == 1
    assert (
        one_error(result)
        == f"error: {folder}: is a folder, but the output is a file: give a file name"
    )
    assert (folder / "inside" / "kept.txt").read_text() == "kept"
    assert debris(tmp_path) == []


def test_a_file_is_never_replaced_by_a_folder(tmp_path: Path) -> None:
    output = tmp_path / "out"
    output.write_bytes(PREVIOUS)
    result = seedcorpus("export", SEEDS, "-f", "antara", "--force", "-o", output, cwd=tmp_path)
    assert result.returncode == 1
    assert (
        one_error(result)
        == f"error: {output}: is a file, but the output is a folder: give a folder name"
    )
    assert output.read_bytes() == PREVIOUS
    assert debris(tmp_path) == []


# --- outputs a build did not write -----------------------------------------------------------


def test_a_damaged_database_is_refused_and_kept(tmp_path: Path) -> None:
    output = tmp_path / "db.sqlite"
    output.write_bytes(b"SQLite format 3\x00" + b"\x07" * 3000)
    result = seedcorpus("build", SEEDS, "-o", output, cwd=tmp_path)
    assert result.returncode == 1
    line = one_error(result)
    assert line.startswith(f"error: {output}: cannot be read as a database (")
    assert line.endswith("pass --full to replace it")
    assert output.read_bytes()[16:] == b"\x07" * 3000
    assert debris(tmp_path) == []


def test_a_foreign_database_is_refused_unless_full(tmp_path: Path) -> None:
    output = tmp_path / "mine.sqlite"
    with closing(sqlite3.connect(output)) as db, db:
        db.execute("CREATE TABLE precious (x)")
    before = output.read_bytes()
    result = seedcorpus("build", SEEDS, "-o", output, cwd=tmp_path)
    assert result.returncode == 1
    assert "is a SQLite database seedcorpus did not write" in one_error(result)
    assert output.read_bytes() == before
    replaced = seedcorpus("build", SEEDS, "-o", output, "--full", cwd=tmp_path)
    assert replaced.returncode == 0, replaced.stderr
    assert replaced.stdout.startswith(f"wrote {output}: 1 article, 0 problems")


def test_a_disabled_sqlite_exporter_is_a_clear_usage_error(tmp_path: Path) -> None:
    env = {**ENV, "SEEDCORPUS_DISABLE_PLUGINS": "sqlite"}
    result = seedcorpus("build", SEEDS, cwd=tmp_path, env=env)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "Error: the 'sqlite' exporter is disabled (SEEDCORPUS_DISABLE_PLUGINS)" in result.stderr
    assert "Usage: seedcorpus build" in result.stderr
    assert not (tmp_path / "seeds.sqlite").exists()


# --- Ctrl-C and SIGKILL ---------------------------------------------------------------------

Moment = Callable[[Path], bool]


def temporaries(output: Path) -> list[Path]:
    return sorted(output.parent.glob(f".{output.name}.*.tmp"))


def created(output: Path) -> bool:
    """As soon as the temporary output exists."""
    return bool(temporaries(output))


def started(output: Path) -> bool:
    """At once: during start-up."""
    return True


def filled(output: Path) -> bool:
    """Once the temporary holds a good part of the data."""
    return any(p.stat().st_size > 300_000 for p in temporaries(output) if p.exists())


def as_from_a_terminal() -> None:
    """Start with Ctrl-C at its default, as a command run from a terminal does: tests
    started in the background (``cmd &``) ignore SIGINT, and a child inherits that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def interrupt(
    args: list[str | Path], output: Path, moment: Moment, how: signal.Signals, *, delay: float = 0
) -> subprocess.Popen[bytes]:
    """Start ``seedcorpus ARGS`` and send ``how`` to its process group at ``moment``, as
    a terminal sends Ctrl-C to every process of a command."""
    process = subprocess.Popen(
        [sys.executable, "-m", "seedcorpus", *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=ENV,
        start_new_session=True,
        preexec_fn=as_from_a_terminal,
    )
    deadline = time.monotonic() + 60
    while not moment(output):
        if process.poll() is not None:
            pytest.fail(f"finished before the signal: {process.communicate()[1]!r}")
        assert time.monotonic() < deadline, "the moment never came"
        time.sleep(0.002)
    time.sleep(delay)
    os.killpg(process.pid, how)
    process.wait(timeout=60)
    return process


def built(corpus: Path, output: Path) -> bytes:
    result = seedcorpus("build", corpus, "-o", output, "-j", "2", cwd=output.parent)
    assert result.returncode == 0, result.stderr
    return output.read_bytes()


def changed_corpus(tmp_path: Path) -> Path:
    """A corpus at another place whose articles all differ: an update redoes them all.

    Twice the articles of ``corpus``: a two-job update of 1,500 articles ended about
    1.4 s after its temporary appeared, and on a loaded machine a signal sent 50 ms
    after that once came too late."""
    root = tmp_path / "changed"
    synth_corpus(root, 2 * ARTICLES, seed=9)
    return root


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_during_an_incremental_build_exits_130_and_keeps_the_database(
    corpus: Path, tmp_path: Path, jobs: str
) -> None:
    output = tmp_path / "db.sqlite"
    before = built(corpus, output)
    args: list[str | Path] = ["build", changed_corpus(tmp_path), "-o", output, "-j", jobs]
    process = interrupt(args, output, created, signal.SIGINT, delay=0.05)
    assert process.stderr is not None
    assert process.returncode == 130
    assert process.stderr.read().decode() == "interrupted; the previous output was kept\n"
    assert output.read_bytes() == before
    assert debris(tmp_path) == []


def test_ctrl_c_during_an_export_exits_130_and_keeps_the_output(
    corpus: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    output.write_bytes(PREVIOUS)
    args: list[str | Path] = ["export", corpus, "-f", "jsonl", "-o", output, "--force"]
    process = interrupt(args, output, filled, signal.SIGINT)
    assert process.returncode == 130
    assert process.stderr is not None
    assert b"Traceback" not in process.stderr.read()
    assert output.read_bytes() == PREVIOUS
    assert debris(tmp_path) == []


def test_sigterm_during_an_incremental_build_exits_143_and_keeps_the_database(
    corpus: Path, tmp_path: Path
) -> None:
    output = tmp_path / "db.sqlite"
    before = built(corpus, output)
    args: list[str | Path] = ["build", changed_corpus(tmp_path), "-o", output, "-j", "2"]
    process = interrupt(args, output, created, signal.SIGTERM, delay=0.05)
    assert process.stderr is not None
    assert process.returncode == 143
    assert process.stderr.read().decode() == "interrupted; the previous output was kept\n"
    assert output.read_bytes() == before
    assert debris(tmp_path) == []


@pytest.mark.parametrize("moment", [started, created, filled], ids=lambda m: m.__name__)
def test_after_a_sigkill_the_next_build_is_not_blocked_and_leaves_nothing(
    corpus: Path, tmp_path: Path, moment: Moment
) -> None:
    output = tmp_path / "db.sqlite"
    before = built(SEEDS, output)
    args: list[str | Path] = ["build", corpus, "-o", output, "-j", "1"]
    # SQLite writes the temporary out at the commit, a few tens of milliseconds before
    # the rename: a kill then comes at once, and may still come after the rename.
    delay = 0 if moment is filled else 0.05
    process = interrupt(args, output, moment, signal.SIGKILL, delay=delay)
    assert process.returncode == -signal.SIGKILL
    # The output is the previous one or, only if the kill came after the rename, the
    # new one whole: never a mix.
    finished = moment is filled and output.read_bytes() != before
    if finished:
        assert len(open_corpus(output)) == ARTICLES
    else:
        assert output.read_bytes() == before
    # Whatever the killed run left (its temporary, its lock file) is only debris.
    assert all(name.startswith(".db.sqlite.") for name in debris(tmp_path))
    again = seedcorpus("build", corpus, "-o", output, "-j", "1", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "waiting" not in again.stderr
    expected = f"{output} is up to date" if finished else f"updated {output}: {ARTICLES} articles"
    assert again.stdout.startswith(expected)
    assert debris(tmp_path) == []


def test_a_file_size_limit_while_indexing_is_one_line_and_keeps_the_index(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "seeds"
    corpus.mkdir()
    for path in SEEDS.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    (corpus / "copy.txt").write_bytes((corpus / "000_b88b87f86327f4ee.txt").read_bytes())
    before = (corpus / "INDEX.md").read_bytes()
    result = seedcorpus("index", corpus, cwd=tmp_path, limit=len(before))
    assert result.returncode == 1
    assert one_error(result) == (
        f"error: {corpus / 'INDEX.md'}: cannot write: the file size limit was reached;"
        " the previous output was kept"
    )
    assert (corpus / "INDEX.md").read_bytes() == before
    assert debris(corpus) == []
