"""Messy and hostile input: every case gives an article with its problems or a one-line
error naming the file, the run goes on, and nothing outside the corpus is read.

The cases live in ``tests/data/nasty/`` (see its ``INDEX.md``); the ones that cannot be
committed (a file over the size limit, a symlink out of the corpus, a folder where a
file is expected) are added to a copy of it here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest
from click.testing import CliRunner

from conftest import DATA, SEEDS
from seedcorpus import decoding, open_corpus
from seedcorpus.cli import cli
from seedcorpus.corpus import DEFAULT_MAX_BYTES
from seedcorpus.default_plugins.antara import parse_antara
from seedcorpus.errors import ParseError, PluginError, SeedcorpusError, SerializationError
from seedcorpus.hookspecs import hookimpl
from seedcorpus.manifest import read_manifest, unlisted_files, write_manifest
from seedcorpus.models import Article, Enrichment, Problem, Source
from seedcorpus.registry import Registry
from seedcorpus.serialization import article_from_json, make_converter
from seedcorpus.specs import Document, EnricherSpec, ParserSpec
from seedcorpus.testing import registry_with

NASTY = DATA / "nasty"
HAS_FTFY = decoding._mojibake_fixer() is not None

# What reading each file gives: the codes of the problems recorded in its article, or
# the code of the error that stopped it (then it is the only one).
ARTICLES: dict[str, list[str]] = {
    "utf8.txt": [],
    "utf8-bom.txt": [],
    "utf16-le-bom.txt": ["not-utf8"],
    "utf16-be-bom.txt": ["not-utf8"],
    "cp1252.txt": ["not-utf8"],
    "latin1.txt": ["not-utf8"],
    "crlf.txt": [],
    "cr-only.txt": [],
    "nul-bytes.txt": ["control-characters"],
    "title-only.txt": [],
    "long-line.txt": [],
    "no-blank-lines.txt": ["no-blank-lines"],
    "mojibake.txt": ["mojibake-fixed"] if HAS_FTFY else [],
}
ERRORS: dict[str, str] = {
    "binary-junk.txt": "parse",
    "empty.txt": "parse",
    "whitespace-only.txt": "parse",
    "checksum.txt": "checksum",
    "missing.txt": "manifest",
}
# Made by the `nasty` fixture.
MADE: dict[str, str] = {"large.txt": "parse", "outside.txt": "manifest", "folder.txt": "manifest"}
# Files whose article must be the baseline's (utf8.txt), title aside.
SAME_AS_UTF8 = [
    "utf8-bom.txt",
    "utf16-le-bom.txt",
    "utf16-be-bom.txt",
    "cp1252.txt",
    "crlf.txt",
    "cr-only.txt",
    "nul-bytes.txt",
    "no-blank-lines.txt",
    *(["mojibake.txt"] if HAS_FTFY else []),
]


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file beside the corpus, never to be read through it."""
    path = tmp_path / "secret.txt"
    path.write_text("Rahasia\n\nJakarta (ANTARA) - jangan dibaca.\n")
    return path


@pytest.fixture
def nasty(tmp_path: Path, secret: Path) -> Path:
    """A copy of ``tests/data/nasty`` with the cases that are made, not committed."""
    root = Path(shutil.copytree(NASTY, tmp_path / "nasty"))
    with (root / "large.txt").open("wb") as file:
        file.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: no 10 MB written
    (root / "outside.txt").symlink_to(secret)
    (root / "folder.txt").mkdir()
    (root / "loop").symlink_to(".")  # scanning for unlisted files must not go round
    with (root / "INDEX.md").open("a", encoding="utf-8") as index:
        index.write("| large | large.txt |  | over the size limit |\n")
        index.write("| outside | outside.txt |  | a symlink out of the corpus |\n")
        index.write("| folder | folder.txt |  | a folder, not a file |\n")
    return root


def run_cli(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def run_subprocess(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SEEDCORPUS_DISABLE_PLUGINS": ""}
    return subprocess.run(
        [sys.executable, "-m", "seedcorpus", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


# --- the nasty corpus, end to end ---------------------------------------------------------


def test_the_committed_index_lists_every_case_and_only_unlisted_txt_is_missing() -> None:
    listed = [entry.file for entry in read_manifest(NASTY).entries]
    assert sorted(listed) == sorted([*ARTICLES, *ERRORS])
    assert unlisted_files(NASTY, read_manifest(NASTY)) == ["unlisted.txt"]


def test_check_over_the_nasty_cases_reports_each_on_one_line(nasty: Path) -> None:
    result = run_subprocess("check", nasty, cwd=nasty.parent)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    expected = [
        *((file, code) for file, codes in ARTICLES.items() for code in codes),
        *ERRORS.items(),
        *MADE.items(),
    ]
    problems = [line for line in lines if line.startswith("problem: ")]
    warnings = [line for line in lines if line.startswith("warning: ")]
    hints = [line for line in lines if line.startswith("hint: ")]
    assert len(problems) + len(warnings) + len(hints) == len(lines), result.stderr
    # The changed file gets, at the end, what to run to accept the edit.
    assert hints == [
        f"hint: 1 file changed since INDEX.md was written: run `seedcorpus index {nasty}` "
        f"to accept the edits, or `seedcorpus build {nasty} --reindex` to accept them and build"
    ]
    assert lines[-1] == hints[0]
    assert warnings == [
        f"warning: {nasty / 'unlisted.txt'}: file is not listed in INDEX.md [unlisted]"
    ]
    assert len(problems) == len(expected), result.stderr
    for file, code in expected:
        # Errors about a listed path name INDEX.md and the row; the rest name the file.
        named = [line for line in problems if f"'{file}'" in line or f"{file}:" in line]
        assert len(named) == 1, (file, result.stderr)
        assert named[0].endswith(f"[{code}]"), named[0]
    summary = f"checked {len(ARTICLES) + len(ERRORS) + len(MADE)} entries: "
    assert result.stdout == f"{summary}{len(ARTICLES)} articles read, {len(problems)} problems\n"


def test_check_json_prints_one_object_per_problem(nasty: Path) -> None:
    code, out, err = run_cli("check", nasty, "--json")
    assert (code, err) == (1, "")
    rows = [json.loads(line) for line in out.splitlines()]
    assert all(list(row) == ["path", "line", "code", "message"] for row in rows)
    assert {row["code"] for row in rows} >= {"not-utf8", "parse", "checksum", "unlisted"}
    binary = next(row for row in rows if row["path"].endswith("binary-junk.txt"))
    assert (binary["line"], binary["code"]) == (1, "parse")
    assert binary["message"].startswith("looks like binary data, not text")


@pytest.mark.parametrize("file", list(ARTICLES))
def test_each_readable_case_gives_an_article_and_its_problems(
    nasty: Path, registry: Registry, file: str
) -> None:
    corpus = open_corpus(nasty, registry=registry)
    article = corpus[file.removesuffix(".txt")]
    assert [problem.code for problem in article.problems] == ARTICLES[file]
    assert all(problem.path == file for problem in article.problems)
    assert article.title


@pytest.mark.parametrize("file", [*ERRORS, *MADE])
def test_each_unreadable_case_is_one_error_naming_the_file(
    nasty: Path, registry: Registry, file: str
) -> None:
    corpus = open_corpus(nasty, registry=registry)
    with pytest.raises(SeedcorpusError) as caught:
        corpus[file.removesuffix(".txt")]
    error = caught.value
    assert error.code == {**ERRORS, **MADE}[file]
    assert "\n" not in str(error)
    assert file in str(error)
    assert str(error.path).startswith(str(nasty))


@pytest.mark.parametrize("file", SAME_AS_UTF8)
def test_encodings_and_line_ends_give_the_same_article(
    nasty: Path, registry: Registry, file: str
) -> None:
    corpus = open_corpus(nasty, registry=registry)
    baseline, article = corpus["utf8"], corpus[file.removesuffix(".txt")]
    assert article.tags == baseline.tags
    assert article.dateline == baseline.dateline
    assert article.paragraphs == baseline.paragraphs
    assert (article.byline, article.copyright) == (baseline.byline, baseline.copyright)


def test_decoded_text_keeps_what_the_file_says(nasty: Path, registry: Registry) -> None:
    corpus = open_corpus(nasty, registry=registry)
    assert corpus["latin1"].title == "Artikel latin-1 café"
    assert corpus["latin1"].source.encoding == "cp1252"
    assert corpus["utf16-be-bom"].source.encoding == "utf-16"
    assert "naïve" in corpus["cp1252"].paragraphs[1]
    if not HAS_FTFY:
        assert "â€œKami" in corpus["mojibake"].paragraphs[1]


def test_the_size_limit_is_configurable(nasty: Path, registry: Registry) -> None:
    corpus = open_corpus(nasty, registry=registry, max_bytes=100)
    with pytest.raises(ParseError) as caught:
        corpus["utf8"]
    assert str(caught.value) == f"{nasty / 'utf8.txt'}: is larger than the limit of 100 bytes"


def test_a_file_that_cannot_be_read_is_an_error_not_a_crash(
    nasty: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def deny(path: Any, *args: Any, **kwargs: Any) -> int:
        if Path(path).name == "utf8.txt":  # tests may run as root: chmod would not do
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    problems: list[Problem] = []
    read = list(open_corpus(nasty, registry=registry).articles(problems))
    assert len(read) == len(ARTICLES) - 1
    assert f"{nasty / 'utf8.txt'}: cannot be read: Permission denied [parse]" in map(str, problems)


def test_a_very_long_line_parses(tmp_path: Path) -> None:
    line = "Jakarta (ANTARA) - " + "Pemerintah memperkuat layanan publik, kata dia. " * 40_000
    # A second long line unlike the first: the first printed again would be a repeat.
    other = "Warga menyambut baik layanan itu, katanya. " * 40_000
    text = f"Judul\n\n{line}\n\n{other}\n"
    source = Source("a.txt", "0" * 64, "antara")
    article = parse_antara(Document(id="a", text=text, source=source))
    assert len(article.paragraphs) == 2
    assert len(article.paragraphs[0]) > 1_000_000


def test_errors_stay_one_line_whatever_their_cause() -> None:
    with pytest.raises(SerializationError) as caught:
        article_from_json('{"id": "a", "\\nkey\\u2028": 1}', make_converter(), path="x.jsonl")
    assert str(caught.value).startswith("x.jsonl: not an article:")
    assert len(str(caught.value).splitlines()) == 1
    error = PluginError("raised ValueError: line one\nline two\r\n", path="a\nb.txt", line=2)
    assert str(error) == "a\\nb.txt:2: raised ValueError: line one\\nline two\\r\\n"
    assert error.path == "a\nb.txt"  # the path itself is kept as it is


# --- nothing outside the corpus is read ----------------------------------------------------


def test_no_command_reads_a_byte_outside_the_corpus(
    nasty: Path, secret: Path, opened: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(nasty.parent)
    monkeypatch.setenv("SEEDCORPUS_DISABLE_PLUGINS", "")
    (nasty / "large.txt").unlink()  # keeps `index` and `build` quick
    assert run_cli("check", nasty)[0] == 1
    assert run_cli("export", nasty, "-f", "jsonl", "-o", "out.jsonl", "-j", "1")[0] == 1
    # A manifest without checksums: an incremental build hashes the files itself.
    manifest = read_manifest(nasty)
    entries = tuple(attrs.evolve(entry, sha256=None) for entry in manifest.entries)
    write_manifest(attrs.evolve(manifest, entries=entries, columns=("id", "file")), nasty)
    # Built while it is a file; then it becomes a symlink out of the corpus.
    (nasty / "outside.txt").unlink()
    shutil.copyfile(nasty / "utf8.txt", nasty / "outside.txt")
    assert run_cli("build", nasty, "-o", "db.sqlite", "-j", "1")[0] == 1
    (nasty / "outside.txt").unlink()
    (nasty / "outside.txt").symlink_to(secret)
    (nasty / "utf8.txt").write_text("Judul baru\n\nJakarta (ANTARA) - Isi baru.\n")
    # An update: the kept articles' files are hashed again.
    assert run_cli("build", nasty, "-o", "db.sqlite", "-j", "1")[0] == 1
    # --force: the manifest lists a missing file, whose row index would otherwise keep.
    assert run_cli("index", nasty, "--force")[0] == 0
    assert (nasty / "utf8.txt").resolve() in opened  # the spy sees reads
    assert secret.resolve() not in opened


def test_index_says_which_symlinks_it_does_not_follow(tmp_path: Path, secret: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text("Judul\n\nJakarta (ANTARA) - Isi.\n")
    (root / "outside.txt").symlink_to(secret)
    (root / "broken.txt").symlink_to(root / "gone.txt")
    (root / "inside.txt").symlink_to(root / "a.txt")  # stays in the corpus: listed
    code, out, err = run_cli("index", root)
    assert code == 0
    assert err.splitlines() == [
        f"warning: {root / 'broken.txt'}: a symlink to nothing; not listed [link]",
        f"warning: {root / 'outside.txt'}: a symlink to a file outside the corpus; "
        "not listed [link]",
    ]
    assert out.endswith(", 2 symlinks not followed\n")
    assert [entry.file for entry in read_manifest(root).entries] == ["a.txt", "inside.txt"]


# --- manifest problems: the whole corpus is refused, in one line ---------------------------

TABLE = "| id | file |\n| --- | --- |\n"


@pytest.mark.parametrize(
    ("index", "message"),
    [
        pytest.param(None, "INDEX.md: not found; a corpus folder needs an INDEX.md", id="missing"),
        pytest.param(
            "# Seeds\n\nNo table.\n", "INDEX.md: no table with a 'file' column", id="no-table"
        ),
        pytest.param(
            "| id | title |\n| --- | --- |\n| a | b |\n",
            "INDEX.md: no table with a 'file' column",
            id="no-file-column",
        ),
        pytest.param(
            TABLE + "| a | a.txt |\n| a | b.txt |\n",
            "INDEX.md:4: id 'a' is already listed on line 3",
            id="duplicate-id",
        ),
        pytest.param(
            TABLE + "| a | a.txt |\n| b | a.txt |\n",
            "INDEX.md:4: file 'a.txt' is already listed on line 3",
            id="duplicate-file",
        ),
        pytest.param(TABLE + "| a | /etc/passwd |\n", "is an absolute path", id="absolute"),
        pytest.param(TABLE + "| a | ../secret.txt |\n", "contains '..'", id="dotdot"),
        pytest.param(TABLE + "| a | sub\\\\a.txt |\n", "contains a backslash", id="backslash"),
        pytest.param(TABLE + "| a | https://x.org/a.txt |\n", "looks like a URL", id="url"),
        pytest.param(
            b"| file |\n| --- |\n| caf\xe9.txt |\n", "INDEX.md:3: is not valid UTF-8", id="bytes"
        ),
    ],
)
def test_a_bad_manifest_is_one_line_and_exit_1(
    tmp_path: Path, index: str | bytes | None, message: str
) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text("Judul\n")
    if isinstance(index, str):
        (root / "INDEX.md").write_text(index, encoding="utf-8")
    elif index is not None:
        (root / "INDEX.md").write_bytes(index)
    code, out, err = run_cli("check", root)
    assert (code, out) == (1, "")
    assert err.startswith(f"error: {root / 'INDEX.md'}")
    assert message in err
    assert err.count("\n") == 1
    code, out, err = run_cli("check", root, "--json")
    [row] = [json.loads(line) for line in out.splitlines()]
    assert (code, err, row["code"]) == (1, "", "manifest")
    assert row["path"] == str(root / "INDEX.md")


def test_an_index_that_links_out_of_the_corpus_is_never_read(
    tmp_path: Path, secret: Path, opened: list[Path]
) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    secret.write_text(TABLE + "| a | a.txt |\n")  # it would read as a manifest
    (root / "INDEX.md").symlink_to(secret)
    opened.clear()
    code, _, err = run_cli("check", root)
    assert code == 1
    assert err == f"error: {root / 'INDEX.md'}: is a symlink to a file outside the corpus\n"
    assert secret.resolve() not in opened


def test_an_unlisted_file_is_only_a_warning(seeds: Path) -> None:
    (seeds / "extra.txt").write_text("Judul\n")
    code, out, err = run_cli("check", seeds)
    assert code == 0
    assert err == f"warning: {seeds / 'extra.txt'}: file is not listed in INDEX.md [unlisted]\n"
    assert out.endswith("1 article read, 0 problems\n")


# --- lenient and strict ----------------------------------------------------------------------


def test_strict_check_stops_at_the_first_problem_in_one_line(nasty: Path) -> None:
    code, out, err = run_cli("check", nasty, "--strict")
    assert (code, out) == (1, "")
    first = nasty / "utf16-le-bom.txt"
    assert err == f"error: {first}: decoded as utf-16, from its byte-order mark [not-utf8]\n"


def test_lenient_export_writes_every_readable_article(
    nasty: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEEDCORPUS_DISABLE_PLUGINS", "")
    out = tmp_path / "out.jsonl"
    code, summary, err = run_cli("export", nasty, "-f", "jsonl", "-o", out, "-j", "1")
    assert code == 1
    assert "Traceback" not in err
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [file.removesuffix(".txt") for file in ARTICLES]
    assert f"{len(ARTICLES)} articles" in summary


def test_strict_export_writes_nothing_and_keeps_the_previous_output(
    nasty: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEEDCORPUS_DISABLE_PLUGINS", "")
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli("export", nasty, "-f", "jsonl", "-o", out, "--strict", "-j", "1")
    assert code == 1
    assert err.count("\n") == 1
    assert not out.exists()
    out.write_text("previous")
    run_cli("export", nasty, "-f", "jsonl", "-o", out, "--strict", "--force", "-j", "1")
    assert out.read_text() == "previous"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["nasty", "out.jsonl", "secret.txt"]


# --- plugins that fail ------------------------------------------------------------------------


def flaky_parse(document: Document) -> Article:
    """The antara parser, except that it crashes on the article ``crlf``."""
    if document.id == "crlf":
        raise RuntimeError("parser bug")
    return parse_antara(document)


def flaky_parser_plugin() -> types.ModuleType:
    module = types.ModuleType("flaky")

    @hookimpl
    def seedcorpus_parsers() -> Iterator[ParserSpec]:
        yield ParserSpec(name="flaky", parse=flaky_parse)

    module.seedcorpus_parsers = seedcorpus_parsers  # type: ignore[attr-defined]
    return module


def test_a_crashing_parser_is_named_with_the_article_and_the_others_go_on(nasty: Path) -> None:
    registry = registry_with(flaky_parser_plugin(), builtins=True)
    corpus = open_corpus(nasty, registry=registry, parser="flaky")
    problems: list[Problem] = []
    read = [article.id for article in corpus.articles(problems)]
    assert read == [file.removesuffix(".txt") for file in ARTICLES if file != "crlf.txt"]
    [crash] = [problem for problem in problems if problem.code == PluginError.code]
    assert crash.message == (
        "parser 'flaky' (plugin 'flaky') raised RuntimeError: parser bug on article 'crlf'"
    )
    assert crash.path == str(nasty / "crlf.txt")


@attrs.frozen
class Words(Enrichment):
    """A test enrichment: the number of words in the title."""

    kind: ClassVar[str] = "words"
    count: int


def count_words(article: Article) -> Words:
    """Counts title words; crashes on the article ``crlf``."""
    if article.id == "crlf":
        raise ValueError("cannot count")
    return Words(count=len(article.title.split()))


def flaky_enricher_plugin() -> types.ModuleType:
    module = types.ModuleType("wordy")

    @hookimpl
    def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
        yield EnricherSpec(name="words", enrich=count_words, types=(Words,))

    module.seedcorpus_enrichers = seedcorpus_enrichers  # type: ignore[attr-defined]
    return module


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_crashing_enricher_never_drops_an_article(tmp_path: Path, jobs: int) -> None:
    # More articles than one batch, so two jobs really run in worker processes.
    corpus_root = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus_root)
    seed = (corpus_root / "000_b88b87f86327f4ee.txt").read_bytes()
    files = ["crlf.txt", *(f"{n:03d}.txt" for n in range(80))]
    for name in files:
        (corpus_root / name).write_bytes(seed)
    rows = "".join(f"| {name.removesuffix('.txt')} | {name} |\n" for name in files)
    (corpus_root / "INDEX.md").write_text(TABLE + rows, encoding="utf-8")

    registry = registry_with(flaky_enricher_plugin(), builtins=True)
    corpus = open_corpus(corpus_root, registry=registry).enrich("words,stats")
    out = tmp_path / "out.jsonl"
    report = corpus.export("jsonl", out, jobs=jobs)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [name.removesuffix(".txt") for name in files]
    kinds = {line["id"]: [e["kind"] for e in line["enrichments"]] for line in lines}
    assert kinds.pop("crlf") == ["stats"]
    assert set(map(tuple, kinds.values())) == {("words", "stats")}
    [problem] = report.problems
    assert problem.code == "enricher-failed"
    assert problem.message == (
        "enricher 'words' (plugin 'wordy') raised ValueError: cannot count on article 'crlf'"
    )
