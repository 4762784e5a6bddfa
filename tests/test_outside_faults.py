"""Faults an outside battery throws at the command line and the Python API: damaged and
foreign exports given as input, an export that fails while writing to standard output,
outputs that are the input itself, and the like. Each is one clear line naming the file
(and the line, where there is one) with a documented exit code; nothing is lost."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import types
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from importlib.util import find_spec
from pathlib import Path

import pytest
from click.testing import CliRunner

from kit_plugins import Initials
from seedcorpus import open_corpus
from seedcorpus.apps.synth import synth_corpus
from seedcorpus.cli import cli
from seedcorpus.errors import (
    ExportError,
    ManifestError,
    PluginError,
    SeedcorpusError,
    SerializationError,
    UnknownPluginError,
)
from seedcorpus.flat import flat_row
from seedcorpus.hookspecs import hookimpl
from seedcorpus.manifest import scan_folder
from seedcorpus.models import Article, Problem
from seedcorpus.registry import Registry
from seedcorpus.selection import export_selection
from seedcorpus.specs import Document, EnricherSpec, ExporterSpec, ParserSpec

ENV = {**os.environ, "SEEDCORPUS_DISABLE_PLUGINS": "dates,quotes,acronyms,language"}
SEEDS = Path(__file__).parent.parent / "seeds"
SEED_FILE = "000_b88b87f86327f4ee.txt"


def seedcorpus(
    *args: str | Path, cwd: Path, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "seedcorpus", *map(str, args)],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def invoke(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line in this process (as fast as a function call), with what a
    subprocess would give: the exit code and both outputs; a traceback, if any, is in
    standard error."""
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, [str(a) for a in args], prog_name="seedcorpus", env=ENV)
    finally:
        os.chdir(previous)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback: " + repr(result.exception)
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, stderr)


def one_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single ``error:`` line a failing command printed on standard error."""
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    return errors[0]


# Parquet needs the parquet extra (pyarrow); the README's test command installs none.
READABLE = ("sqlite", "jsonl", "csv") + (("parquet",) if find_spec("pyarrow") else ())


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Good exports of the seeds in every readable format."""
    folder = tmp_path_factory.mktemp("exports")
    corpus = open_corpus(SEEDS)
    for format in READABLE:
        corpus.export(format, folder / f"good.{format}")
    return folder


# --- an export that fails while writing to standard output ----------------------------------


def test_a_format_that_cannot_stream_fails_at_once_on_standard_output(tmp_path: Path) -> None:
    # Parquet seeks in its file; the failed writer's open pipe once kept the copy to
    # standard output waiting for ever.
    result = seedcorpus("export", SEEDS, "-f", "parquet", "-o", "-", cwd=tmp_path, timeout=30)
    assert result.returncode == 1
    assert one_error(result).startswith("error: cannot write to standard output: ")
    assert result.stdout == ""


@pytest.mark.parametrize("conditions", [[], ["--language", "id"], ["--where", "title~azer"]])
def test_standard_output_with_or_without_conditions_is_standard_output(
    tmp_path: Path, conditions: list[str]
) -> None:
    # With conditions, -o - once wrote a file called "-" in the current folder.
    result = seedcorpus("export", SEEDS, "-f", "jsonl", "-o", "-", *conditions, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [line[:30] for line in result.stdout.splitlines()] == ['{"contract":2,"id":"000_b88b87']
    assert "wrote standard output: 1 article" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("conditions", [[], ["--language", "id"]])
def test_a_full_standard_output_is_one_line_and_exit_1(
    tmp_path: Path, conditions: list[str]
) -> None:
    # The copier thread printed a traceback, and the command said "wrote" and exit 0.
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "seedcorpus", "export", SEEDS, "-f", "jsonl", "-o", "-",
             *conditions],
            cwd=tmp_path, env=ENV, stdout=full, stderr=subprocess.PIPE, text=True, check=False,
            timeout=60,
        )  # fmt: skip
    assert result.returncode == 1
    assert one_error(result) == "error: standard output: cannot write: no space left on device"


# --- damaged and foreign exports given as input ---------------------------------------------


def _truncated(good: Path, bad: Path) -> None:
    bad.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])


def _text(good: Path, bad: Path) -> None:
    bad.write_text("not what the name says\n")


def _empty(good: Path, bad: Path) -> None:
    bad.write_bytes(b"")


def _foreign_sqlite(good: Path, bad: Path) -> None:
    with closing(sqlite3.connect(bad)) as db, db:
        db.execute("CREATE TABLE articles (x)")


def _csv_of_another_program(good: Path, bad: Path) -> None:
    bad.write_text("a,b\n1,2\n")


DAMAGE: dict[str, tuple[str, Callable[[Path, Path], None]]] = {
    "truncated sqlite": ("sqlite", _truncated),
    "text named .sqlite": ("sqlite", _text),
    "empty sqlite": ("sqlite", _empty),
    "foreign sqlite": ("sqlite", _foreign_sqlite),
    "truncated parquet": ("parquet", _truncated),
    "text named .parquet": ("parquet", _text),
    "truncated csv": ("csv", _truncated),
    "csv of another program": ("csv", _csv_of_another_program),
}
DAMAGE = {name: case for name, case in DAMAGE.items() if case[0] in READABLE}


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize(
    "command",
    [["show"], ["export", "-f", "jsonl", "-o", "out.jsonl"], ["report", "--json"], ["duplicates"]],
    ids=["show", "export", "report", "duplicates"],
)
def test_a_damaged_or_foreign_export_is_one_line_naming_it(
    exports: Path, tmp_path: Path, damage: str, command: list[str]
) -> None:
    format, make = DAMAGE[damage]
    bad = tmp_path / f"bad.{format}"
    make(exports / f"good.{format}", bad)
    before = bad.read_bytes()
    result = invoke(command[0], bad, *command[1:], cwd=tmp_path)
    assert result.returncode == 1
    message = one_error(result)
    if format == "csv":  # the csv reader names the line that lacks its json column
        assert message.startswith(f"error: {bad}:")
        assert "'json'" in message
    else:
        assert message.startswith(f"error: {bad}: cannot be read as a {format} export: ")
    assert bad.read_bytes() == before
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("damage", [d for d in DAMAGE if DAMAGE[d][0] == "sqlite"])
def test_duplicates_store_never_writes_into_a_damaged_or_foreign_database(
    exports: Path, tmp_path: Path, damage: str
) -> None:
    _, make = DAMAGE[damage]
    bad = tmp_path / "bad.sqlite"
    make(exports / "good.sqlite", bad)
    before = bad.read_bytes()
    result = invoke("duplicates", bad, "--store", cwd=tmp_path)
    assert result.returncode == 1
    assert one_error(result).startswith(f"error: {bad}: ")
    assert bad.read_bytes() == before


def test_a_damaged_export_opened_in_python_raises_a_serialization_error(
    exports: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.sqlite"
    _truncated(exports / "good.sqlite", bad)
    corpus = open_corpus(bad)
    with pytest.raises(SerializationError, match=r"bad\.sqlite: cannot be read as a sqlite"):
        list(corpus)
    with pytest.raises(SerializationError, match="cannot be read as a sqlite export"):
        len(corpus)


def test_a_good_export_still_reads_through_the_guard(exports: Path) -> None:
    for format in READABLE:
        corpus = open_corpus(exports / f"good.{format}")
        assert [a.id for a in corpus] == open_corpus(SEEDS).ids()
        assert len(corpus) == 1


# --- JSON Lines read back -------------------------------------------------------------------


def test_a_jsonl_line_that_is_not_utf8_is_named_by_its_line(exports: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    good = (exports / "good.jsonl").read_bytes()
    bad.write_bytes(good + b'{"title": "caf\xe9"}\n')
    with pytest.raises(SerializationError) as raised:
        list(open_corpus(bad))
    assert str(raised.value) == f"{bad}:2: not valid UTF-8: byte 0xe9 at column 15"
    result = invoke("show", bad, cwd=tmp_path)
    assert result.returncode == 1
    assert one_error(result) == f"error: {bad}:2: not valid UTF-8: byte 0xe9 at column 15"


def test_a_jsonl_file_starting_with_a_byte_order_mark_reads(exports: Path, tmp_path: Path) -> None:
    marked = tmp_path / "marked.jsonl"
    marked.write_bytes(b"\xef\xbb\xbf" + (exports / "good.jsonl").read_bytes())
    assert list(open_corpus(marked)) == list(open_corpus(exports / "good.jsonl"))


# --- index --pattern ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        ("", "is empty"),
        ("/etc/*", "is absolute"),
        ("../*", "contains '..'"),
        ("***/x", "is not a glob pattern of files"),
        (".", "is not a glob pattern of files"),
    ],
)
def test_a_pattern_index_cannot_use_is_a_usage_error(
    tmp_path: Path, pattern: str, why: str
) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    before = (corpus / "INDEX.md").read_bytes()
    result = invoke("index", corpus, "--pattern", pattern, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"Error: Invalid value for '--pattern': {pattern!r} {why}" in result.stderr
    assert (corpus / "INDEX.md").read_bytes() == before
    with pytest.raises(SeedcorpusError, match=f"the pattern {re.escape(repr(pattern))} {why}"):
        scan_folder(corpus, Registry.load().parsers, pattern=pattern)


def test_a_good_pattern_still_lists_what_it_matches(tmp_path: Path) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    (corpus / "INDEX.md").unlink()
    result = invoke("index", corpus, "--pattern", "*.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert open_corpus(corpus).ids() == open_corpus(SEEDS).ids()


# --- an output that is the input ------------------------------------------------------------


INDEX = "the corpus's INDEX.md"


def _copy_of_seeds(tmp_path: Path) -> Path:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    return corpus


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["export", "{c}", "-f", "jsonl", "-o", "{c}/INDEX.md", "--force"], INDEX),
        (["export", "{c}", "-f", "csv", "-o", "{c}/./{a}.txt", "--force"], "the article file"),
        (["export", "{c}", "-f", "antara", "-o", "{c}", "--force"], "the corpus folder"),
        (["export", "{c}", "-f", "antara", "-o", ".", "--force"], "a folder holding the corpus"),
        (["build", "{c}", "-f", "jsonl", "-o", "{c}/INDEX.md"], INDEX),
        (["build", "{c}", "-o", "{c}/INDEX.md", "--full"], INDEX),
        (["report", "{c}", "-o", "{c}/{a}.txt", "--enrich", "none"], "the article file"),
    ],
    ids=["export-index", "export-article", "export-folder", "export-parent", "build-format",
         "build-full", "report"],
)  # fmt: skip
def test_no_output_replaces_the_corpus_it_reads(
    tmp_path: Path, args: list[str], what: str
) -> None:
    corpus = _copy_of_seeds(tmp_path)
    article = open_corpus(SEEDS).ids()[0]
    before = _snapshot(tmp_path)
    result = invoke(*(a.format(c=corpus, a=article) for a in args), cwd=tmp_path)
    assert result.returncode == 1
    line = one_error(result)
    assert f": is {what}" in line
    assert line.endswith("an output never replaces the corpus it reads: choose another output")
    assert _snapshot(tmp_path) == before  # no lock, no temporary, nothing replaced


def test_the_python_api_refuses_to_export_over_its_own_corpus(tmp_path: Path) -> None:
    corpus = _copy_of_seeds(tmp_path)
    before = _snapshot(corpus)
    opened = open_corpus(corpus)
    with pytest.raises(ExportError, match=r"is the corpus's INDEX\.md"):
        opened.export("jsonl", corpus / "INDEX.md", force=True)
    with pytest.raises(ExportError, match="is the article file"):
        export_selection(opened.filter(language="id"), "csv", corpus / f"{opened.ids()[0]}.txt")
    assert _snapshot(corpus) == before


def test_outputs_beside_the_articles_and_an_export_over_itself_still_work(tmp_path: Path) -> None:
    corpus = _copy_of_seeds(tmp_path)
    open_corpus(corpus).export("jsonl", corpus / "all.jsonl")
    exported = open_corpus(corpus / "all.jsonl")
    exported.export("jsonl", corpus / "all.jsonl", force=True)
    assert open_corpus(corpus / "all.jsonl").ids() == open_corpus(SEEDS).ids()
    result = invoke(
        "report", corpus, "-o", corpus / "report.html", "--enrich", "none", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert (corpus / "report.html").read_text().startswith("<!")
    assert not [p.name for p in corpus.iterdir() if p.name.startswith(".")]


# --- exporters that misbehave ---------------------------------------------------------------


def _write_nothing(articles: Iterable[Article], destination: Path, converter: object) -> None:
    for _ in articles:
        pass


def _write_a_folder(articles: Iterable[Article], destination: Path, converter: object) -> None:
    destination.mkdir()


def _exit(articles: Iterable[Article], destination: Path, converter: object) -> None:
    destination.write_text("half")
    sys.exit(3)


def _plugin(name: str, hook: str, spec: object) -> types.ModuleType:
    """A plugin module called ``name`` whose ``hook`` gives ``spec``."""
    module = types.ModuleType(name)
    setattr(module, hook, hookimpl(lambda: [spec]))
    return module


@pytest.mark.parametrize(
    ("write", "why"),
    [
        (_write_nothing, "RuntimeError: wrote nothing: it must create the file it is given"),
        (_write_a_folder, "RuntimeError: made a folder where the output is a file"),
        (_exit, "SystemExit: 3"),
    ],
)
def test_an_exporter_that_misbehaves_is_named_and_the_output_kept(
    tmp_path: Path, write: Callable[..., None], why: str
) -> None:
    odd = _plugin("misbehaving", "seedcorpus_exporters", ExporterSpec("odd", write, suffix=".odd"))
    registry = Registry.load(extra=[odd], entry_points=False)
    output = tmp_path / "out.odd"
    output.write_bytes(b"previous")
    with pytest.raises(ExportError) as raised:
        open_corpus(SEEDS, registry=registry).export("odd", output, force=True)
    assert str(raised.value) == f"{output}: exporter 'odd' (plugin 'misbehaving') failed: {why}"
    assert output.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.odd"]


# --- parsers and enrichers that misbehave ---------------------------------------------------


def _parse_to_a_dict(document: Document) -> Article:
    return {"id": document.id}  # type: ignore[return-value]


def _parse_and_exit(document: Document) -> Article:
    sys.exit(4)


@pytest.mark.parametrize(
    ("parse", "why"),
    [
        (_parse_to_a_dict, "TypeError: returned dict, not an Article"),
        (_parse_and_exit, "RuntimeError: called sys.exit(4)"),
    ],
)
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_parser_that_returns_no_article_or_exits_is_named(
    tmp_path: Path, parse: Callable[[Document], Article], why: str, jobs: int
) -> None:
    odd = _plugin("misparsing", "seedcorpus_parsers", ParserSpec("odd", parse))
    registry = Registry.load(extra=[odd], entry_points=False)
    corpus = synth(tmp_path, 40 if jobs > 1 else 1)
    opened = open_corpus(corpus, registry=registry, parser="odd")
    problems: list[Problem] = []
    assert list(opened.articles(problems, jobs=jobs)) == []
    first = opened.ids()[0]
    message = f"parser 'odd' (plugin 'misparsing') raised {why} on article {first!r}"
    assert (problems[0].code, problems[0].message) == ("plugin", message)
    assert len(problems) == len(opened)
    with pytest.raises(PluginError, match=re.escape(message)):
        opened[first]


def test_an_enricher_that_exits_is_an_enricher_failed_problem() -> None:
    spec = EnricherSpec("initials", _exit_enricher, (Initials,))
    module = _plugin("exiting", "seedcorpus_enrichers", spec)
    registry = Registry.load(extra=[module], entry_points=False)
    [article] = open_corpus(SEEDS, registry=registry).enrich("initials")
    [problem] = article.problems
    assert problem.code == "enricher-failed"
    assert "enricher 'initials' (plugin 'exiting') raised SystemExit: 5" in problem.message
    assert article.enrichments == ()


def _exit_enricher(article: Article) -> Initials:
    sys.exit(5)


def synth(tmp_path: Path, n: int) -> Path:
    root = tmp_path / "synth"
    synth_corpus(root, n, seed=1)
    return root


# --- conditions while an enricher's plugin is disabled --------------------------------------


def test_conditions_work_while_the_dates_plugin_is_disabled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Disabled, its module is never imported and "dates" is no known kind: every flat
    # row asked article.enrichment("dates"), which raised for any condition at all.
    monkeypatch.setattr("seedcorpus.models._KINDS", {"stats"})
    registry = Registry.load(entry_points=False, disabled=["dates", "quotes"])
    opened = open_corpus(SEEDS, registry=registry)
    assert [a.id for a in opened.filter(language="id")] == opened.ids()
    assert flat_row(next(iter(opened)))["published"] is None
    result = invoke("show", SEEDS, "--language", "id", cwd=Path.cwd())
    assert result.returncode == 0, result.stderr


# --- text arguments that are not UTF-8 ------------------------------------------------------

NOT_UTF8 = b"caf\xe9".decode("utf-8", "surrogateescape")  # as Python gets it from argv


@pytest.mark.parametrize(
    ("args", "param"),
    [
        (["search", "{db}", NOT_UTF8], "'QUERY'"),
        (["search", "{db}", "pelayanan", "--tag", NOT_UTF8], "'--tag'"),
        (["search", "{db}", "pelayanan", "--where", f"title={NOT_UTF8}"], "'--where'"),
        (["show", "{db}", "--where", f"title~{NOT_UTF8}"], "'--where'"),
        (["export", "{db}", "-f", "jsonl", "-o", "-", "--editor", NOT_UTF8], "'--editor'"),
    ],
)
def test_a_text_argument_that_is_not_utf8_is_a_usage_error(
    exports: Path, tmp_path: Path, args: list[str], param: str
) -> None:
    # The query reached SQLite and raised UnicodeEncodeError: a traceback.
    db = exports / "good.sqlite"
    result = invoke(*(a.format(db=db) for a in args), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"Error: Invalid value for {param}: is not text in UTF-8" in result.stderr


# --- a row naming a parser that is not installed --------------------------------------------


def test_a_row_naming_an_unknown_parser_is_named_by_its_index_line(tmp_path: Path) -> None:
    corpus = _copy_of_seeds(tmp_path)
    index = corpus / "INDEX.md"
    lines = index.read_text().splitlines()
    row = next(n for n, line in enumerate(lines, start=1) if SEED_FILE in line)
    lines[row - 1] = lines[row - 1].rstrip().removesuffix("|").rstrip() + " antra |"
    index.write_text("\n".join(lines) + "\n")
    # It was "a.txt: unknown parser 'antra'": neither INDEX.md nor its line.
    expected = (
        f"{index}:{row}: the 'parser' cell of {SEED_FILE!r} names an unknown parser 'antra'; "
        "choose one of: antara; did you mean 'antara'?"
    )
    with pytest.raises(ManifestError) as raised:
        list(open_corpus(corpus))
    assert str(raised.value) == expected
    result = invoke("check", corpus, cwd=tmp_path)
    assert result.returncode == 1
    # The test's environment disables the enrichers, which the message also names.
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"problem: {expected}")
    assert line.endswith("[manifest]")
    # A parser named elsewhere is still the usage error it was.
    with pytest.raises(UnknownPluginError, match="unknown parser 'nope'"):
        list(open_corpus(SEEDS, parser="nope"))


def test_report_runs_the_enrichers_it_can_while_some_are_disabled(tmp_path: Path) -> None:
    # auto asked for dates, quotes and acronyms whatever was disabled: a usage error.
    result = invoke("report", SEEDS, "--json", cwd=tmp_path)  # ENV disables dates, quotes
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles"] == 1


def test_a_huge_jobs_count_is_lowered_with_a_note(tmp_path: Path) -> None:
    # One worker process per batch of a large corpus: a fork bomb on a small machine.
    from seedcorpus.pipeline import JOBS_PER_CORE, default_jobs

    most = JOBS_PER_CORE * default_jobs()
    result = invoke(
        "export", SEEDS, "-f", "jsonl", "-o", "out.jsonl", "-j", "100000", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    note = (
        f"note: --jobs 100000 is more than {JOBS_PER_CORE} per core this process may use "
        f"({default_jobs()}); using {most}"
    )
    assert result.stderr.splitlines()[0] == note
    result = invoke(
        "export", SEEDS, "-f", "jsonl", "-o", "two.jsonl", "-j", str(most), cwd=tmp_path
    )
    assert "note:" not in result.stderr


# --- problems name files as one can open them from here -------------------------------------


def test_problems_recorded_in_articles_name_the_corpus_folder_like_errors(tmp_path: Path) -> None:
    # An article's problems name its file relative to the corpus ("latin1.txt:1: ..."),
    # errors from the corpus folder ("seeds/empty.txt:1: ..."): both are printed as the
    # latter, as docs/errors.md shows them.
    corpus = tmp_path / "seeds"
    corpus.mkdir()
    (corpus / "latin1.txt").write_bytes("Judul kafé\n\nJakarta (ANTARA) - Isi.\n".encode("cp1252"))
    (corpus / "empty.txt").write_bytes(b"")
    assert invoke("index", corpus, cwd=tmp_path).returncode == 0
    result = invoke("check", "seeds", cwd=tmp_path)
    problems = [line for line in result.stderr.splitlines() if line.startswith("problem: ")]
    assert "problem: seeds/latin1.txt:1: not valid UTF-8; decoded as cp1252 [not-utf8]" in problems
    assert "problem: seeds/empty.txt:1: the file is empty [parse]" in problems
    result = invoke("check", "seeds", "--json", cwd=tmp_path)
    paths = {json.loads(line)["path"] for line in result.stdout.splitlines()}
    assert paths == {"seeds/latin1.txt", "seeds/empty.txt"}
    # Python keeps the article's own path, relative to the corpus, as the export stores it.
    article = open_corpus(corpus)["latin1"]
    assert article.problems[0].path == "latin1.txt"


# --- long work shows progress ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "args", "label"),
    [
        ("seedcorpus.cli.corpus_commands", ["check"], "check"),
        ("seedcorpus.cli_query", ["duplicates", "--exact-only"], "duplicates"),
    ],
)
def test_check_and_duplicates_show_progress(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, module: str, args: list[str], label: str
) -> None:
    # They read and parse every article, a minute for a large corpus, and said nothing.
    shown: list[tuple[str, int, int]] = []

    @contextlib.contextmanager
    def recording(total: int, name: str, *, enabled: bool = True) -> Iterator[Callable[[], None]]:
        ticks = [0]
        yield lambda: ticks.__setitem__(0, ticks[0] + 1)
        shown.append((name, total, ticks[0]))

    monkeypatch.setattr(f"{module}.progress_bar", recording)
    corpus = synth(tmp_path, 5)
    result = invoke(args[0], corpus, *args[1:], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert shown == [(label, 5, 5)]


# --- index: names no row can hold -----------------------------------------------------------


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names must be UTF-8")
def test_index_says_which_names_it_cannot_list_and_lists_the_rest(tmp_path: Path) -> None:
    # A name that is not UTF-8 made index crash (UnicodeEncodeError writing INDEX.md);
    # a leading space, a backslash or a line break dropped the file without a word.
    corpus = tmp_path / "seeds"
    corpus.mkdir()
    text = (SEEDS / SEED_FILE).read_bytes()
    for name in [b"ok.txt", b"bad\xff.txt", b" lead.txt", b"back\\slash.txt", b"new\nline.txt"]:
        (corpus / os.fsdecode(name)).write_bytes(text)
    result = invoke("index", corpus, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    warnings = sorted(line for line in result.stderr.splitlines() if line.startswith("warning:"))
    cannot = "its name cannot be listed in INDEX.md"
    assert warnings == [
        f"warning: {corpus}/ lead.txt: {cannot} (starts or ends with whitespace); rename it; "
        "not listed [name]",
        f"warning: {corpus}/back\\slash.txt: {cannot} (contains a backslash; use '/' between "
        "folders); rename it; not listed [name]",
        f"warning: {corpus}/bad\ufffd.txt: {cannot} (is not UTF-8); rename it; not listed [name]",
        f"warning: {corpus}/new\\nline.txt: {cannot} (contains a control character); rename "
        "it; not listed [name]",
    ]
    assert "1 article (antara 1), 4 files whose name no row can hold" in result.stdout
    assert open_corpus(corpus).ids() == ["ok"]


def test_summaries_count_in_words_that_agree(tmp_path: Path) -> None:
    # "1 articles", "1 clusters of copies": the CLI promises counts in agreeing words.
    result = invoke("duplicates", SEEDS, "--exact-only", cwd=tmp_path)
    assert result.stdout.splitlines()[-1] == (
        "1 article: 0 clusters of copies, 0 republications (exact duplicates only)"
    )
    result = invoke("report", SEEDS, "-o", "r.html", "--enrich", "none", cwd=tmp_path)
    assert result.stdout.startswith("wrote r.html: 1 article")
    assert not result.stdout.startswith("wrote r.html: 1 articles")


def test_serve_on_an_address_it_cannot_use_names_the_host_too(
    exports: Path, tmp_path: Path
) -> None:
    # It said "Invalid value for '--port'" for a host name that does not resolve.
    pytest.importorskip("datasette")
    result = invoke("serve", exports / "good.sqlite", "--host", "no such host", cwd=tmp_path)
    assert result.returncode == 2
    assert "Error: Invalid value for '--host' / '--port': cannot listen on no such host:8001" in (
        result.stderr
    )
    assert result.stderr.rstrip().endswith("; choose another with --host or --port")


def test_index_shows_progress(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # It hashes and parses every file (half a minute for a large corpus) in silence.
    shown: list[tuple[str, int | None, int]] = []

    @contextlib.contextmanager
    def recording(
        total: int | None, name: str, *, enabled: bool = True
    ) -> Iterator[Callable[[], None]]:
        ticks = [0]
        yield lambda: ticks.__setitem__(0, ticks[0] + 1)
        shown.append((name, total, ticks[0]))

    monkeypatch.setattr("seedcorpus.cli.corpus_commands.progress_bar", recording)
    corpus = synth(tmp_path, 5)
    (corpus / "INDEX.md").unlink()
    result = invoke("index", corpus, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert shown == [("index", None, 5)]
