"""The command line: every command, its output and its exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEED_ID
from seedcorpus import Article, Source, article_to_json
from seedcorpus.cli import cli
from seedcorpus.registry import Registry


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SEEDCORPUS_DISABLE_PLUGINS", "")
    runner = CliRunner()

    def invoke(*args: str | Path) -> tuple[int, str, str]:
        result = runner.invoke(
            cli, [str(a) for a in args], catch_exceptions=False, prog_name="seedcorpus"
        )
        return result.exit_code, result.stdout, result.stderr

    return invoke


def test_build_writes_corpus_name_sqlite_and_prints_a_summary(
    run, seeds: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("build", seeds)
    assert code == 0, err
    assert "1 article, 0 problems" in out
    assert (tmp_path / "seeds.sqlite").is_file()
    code, out, _ = run("search", "seeds.sqlite", "pelayanan publik")
    assert code == 0
    assert SEED_ID in out
    assert "[pelayanan]" in out.lower()


def test_a_second_build_is_up_to_date_and_a_changed_one_updates(run, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("build", seeds, "-o", "x.sqlite")[0] == 0
    code, out, _ = run("build", seeds, "-o", "x.sqlite")
    assert code == 0
    assert out.startswith("x.sqlite is up to date (1 article)")
    index = seeds / "INDEX.md"
    index.write_text(index.read_text().replace("| 000_b88b87f86327f4ee |", "| renamed |", 1))
    code, out, _ = run("build", seeds, "-o", "x.sqlite")
    assert code == 0
    assert out.startswith("updated x.sqlite: 1 article written, 1 removed, 0 re-enriched")


def test_export_jsonl_with_enrichers(run, seeds: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(
        "export", seeds, "--format", "jsonl", "-o", "out.jsonl", "--enrich", "stats"
    )
    assert code == 0, err
    data = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert [e["kind"] for e in data["enrichments"]] == ["stats"]
    code, _, err = run("export", seeds, "--format", "jsonl", "-o", "out.jsonl")
    assert code == 1
    assert "already exists" in err


def test_unknown_format_is_a_usage_error_listing_choices(run, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("export", seeds, "--format", "xml", "-o", "out.xml")
    assert code == 2
    assert "unknown exporter 'xml'; choose one of:" in err
    assert "jsonl" in err


def test_check_passes_on_the_seeds_and_fails_on_a_changed_file(run, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("check", seeds)
    assert code == 0
    assert "1 article read, 0 problems" in out
    path = seeds / f"{SEED_ID}.txt"
    path.write_bytes(path.read_bytes() + b"\nextra")
    code, out, err = run("check", seeds)
    assert code == 1
    assert f"{SEED_ID}.txt" in err
    assert "Traceback" not in err
    code, out, _ = run("check", seeds, "--json")
    problem = json.loads(out.splitlines()[0])
    assert problem["code"] == "checksum"
    assert problem["path"].endswith(f"{SEED_ID}.txt")


def test_index_writes_a_manifest_that_opens(run, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    (seeds / "INDEX.md").unlink()
    code, out, _ = run("index", seeds)
    assert code == 0
    assert "1 article" in out
    assert run("check", seeds)[0] == 0


def test_show_prints_title_and_json(run, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("show", seeds, SEED_ID)
    assert code == 0
    assert out.startswith("RI-Azerbaijan memperkuat")
    code, out, _ = run("show", seeds, SEED_ID, "--json")
    assert json.loads(out)["byline"]["editors"] == ["Herry Soebanto"]
    code, _, err = run("show", seeds, "nope")
    assert code == 2
    assert "no article 'nope'" in err


def test_show_prints_the_general_news_fields(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = Article(
        id="dermaga",
        source=Source("dermaga.json", "0" * 64, "scraperjson"),
        title="Dermaga baru",
        url="https://warta.example/dermaga",
        published_at=datetime(2024, 7, 1, 14, 35, tzinfo=timezone(timedelta(hours=7))),
        section="Ekonomi",
        summary="Dua dermaga baru.",
        paragraphs=("Isi berita.",),
    )
    converter = Registry.load(entry_points=False).converter
    (tmp_path / "news.jsonl").write_text(article_to_json(article, converter) + "\n")
    code, out, _ = run("show", "news.jsonl", "dermaga")
    assert code == 0
    assert out.splitlines()[:6] == [
        "Dermaga baru",
        "2024-07-01T14:35:00+07:00  Ekonomi",
        "https://warta.example/dermaga",
        "",
        "Dua dermaga baru.",
        "",
    ]


def test_problems_name_files_as_the_user_opens_them(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "news"
    corpus.mkdir()
    # A problem the parser records (relative to the folder) and an error (the file as
    # opened) are printed alike, with the folder in front.
    (corpus / "nul.txt").write_text("Judul\n\nJakarta (ANTARA) - Isi\x00 berita.\n")
    (corpus / "empty.txt").write_text("")
    assert run("index", "news")[0] == 0
    code, _, err = run("check", "news")
    assert code == 1
    assert "problem: news/nul.txt:3: removed 1 control character (NUL) [control-characters]" in err
    assert "problem: news/empty.txt" in err
    code, out, _ = run("check", "news", "--json")
    paths = {json.loads(line)["code"]: json.loads(line)["path"] for line in out.splitlines()}
    assert paths["control-characters"] == "news/nul.txt"


def test_missing_manifest_is_one_line_and_exit_1(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty").mkdir()
    code, _, err = run("check", tmp_path / "empty")
    assert code == 1
    assert err.count("\n") == 1
    assert "INDEX.md" in err


def test_plugins_lists_every_builtin(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("plugins", "--json")
    assert code == 0
    entries = [json.loads(line) for line in out.splitlines()]
    names = {(e["kind"], e["name"]) for e in entries}
    assert {("parser", "antara"), ("exporter", "sqlite"), ("enricher", "quotes")} <= names
    assert all(e["package"] == "seedcorpus" for e in entries if e["name"] == "antara")


def test_plugins_table_shows_spec_versions_in_aligned_columns(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("plugins")
    assert code == 0
    header, *rows = out.splitlines()
    columns = ["KIND", "NAME", "VERSION", "PLUGIN", "PACKAGE", "OFFERS", "DESCRIPTION"]
    assert header.split() == columns
    starts = [header.index(name) for name in columns]
    for row in rows:
        # Every cell starts where its heading does, after a gap of spaces.
        for start in starts[1:]:
            assert row[start - 2 : start] == "  ", row
            assert row[start] != " ", row
    by_name = {(row.split()[0], row.split()[1]): row for row in rows}
    dates = by_name["enricher", "dates"]
    version = dates[starts[2] : starts[3]].strip()
    assert version == Registry.load(entry_points=False).enricher("dates").version
    sqlite = by_name["exporter", "sqlite"]
    assert sqlite[starts[5] : starts[6]].strip() == (
        "read,search,serve,count,select,duplicates,update"
    )


def test_show_of_a_foreign_csv_names_the_file_without_a_traceback(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "notes.csv").write_text("id,text\na,hello\n", encoding="utf-8")
    code, _, err = run("show", "notes.csv")
    assert code == 1
    assert "notes.csv:1: not a seedcorpus CSV export: its header has no 'json' column" in err
    assert "Traceback" not in err


def test_python_dash_m_runs_the_cli() -> None:
    env = {**os.environ, "SEEDCORPUS_DISABLE_PLUGINS": ""}
    result = subprocess.run(
        [sys.executable, "-m", "seedcorpus", "--version"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0
    assert result.stdout.startswith("seedcorpus, version ")


# --- --max-bytes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "limit"),
    [("2000", 2000), ("2kB", 2000), ("2k", 2000), ("2KiB", 2048), (" 2 kb ", 2000), ("0", 0)],
)
def test_max_bytes_takes_bytes_or_a_unit(run, seeds: Path, size: str, limit: int) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("check", seeds, "--max-bytes", size)
    assert code == 1
    assert f"{SEED_ID}.txt: is larger than the limit of {limit} bytes [parse]" in err
    assert "0 articles read, 1 problem" in out


def test_max_bytes_above_the_file_size_reads_it(run, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    size = (seeds / f"{SEED_ID}.txt").stat().st_size
    assert run("check", seeds, "--max-bytes", str(size))[0] == 0
    assert run("check", seeds, "--max-bytes", str(size - 1))[0] == 1
    assert run("check", seeds, "--max-bytes", "1MiB")[0] == 0


@pytest.mark.parametrize("size", ["", "ten", "-1", "1.5MB", "1TB", "1 M B"])
def test_a_bad_max_bytes_is_a_usage_error(run, seeds: Path, size: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("check", seeds, "--max-bytes", size)
    assert code == 2
    assert "is not a size" in err


def test_every_command_that_reads_articles_takes_max_bytes(run, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    limit = f"{SEED_ID}.txt: is larger than the limit of 1000 bytes"
    code, _, err = run("build", seeds, "--max-bytes", "1kB")
    assert code == 1
    assert limit in err
    code, _, err = run("export", seeds, "-f", "jsonl", "-o", "out.jsonl", "--max-bytes", "1kB")
    assert code == 1
    assert limit in err
    code, _, err = run("show", seeds, SEED_ID, "--max-bytes", "1kB")
    assert code == 1
    assert err == f"error: {seeds / SEED_ID}.txt: is larger than the limit of 1000 bytes\n"
    assert run("show", seeds, SEED_ID, "--max-bytes", "1MB")[0] == 0


def test_index_refuses_a_file_over_max_bytes_and_writes_nothing(run, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    manifest = (seeds / "INDEX.md").read_bytes()
    (seeds / "huge.txt").write_bytes(b"Judul\n\n" + b"x" * 5000)
    code, out, err = run("index", seeds, "--max-bytes", "4kB")
    assert code == 1
    assert err == f"error: {seeds / 'huge.txt'}: is larger than the limit of 4000 bytes\n"
    assert (seeds / "INDEX.md").read_bytes() == manifest
    code, out, _ = run("index", seeds)  # 10MB by default
    assert code == 0
    assert "2 articles" in out


# --- conventions ---------------------------------------------------------------------------


def subcommands() -> list[str]:
    return sorted(cli.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", ["", *subcommands()])
def test_every_command_has_an_example_in_its_help(run, command: str) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(*([command] if command else []), "--help")
    assert code == 0
    assert "Example" in out
    assert "  seedcorpus " in out.split("Example", 1)[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["export", "{seeds}", "-f", "jsnol", "-o", "x"],
            "unknown exporter 'jsnol'; choose one of: antara, csv, jsonl, parquet, sqlite; "
            "did you mean 'jsonl'?",
        ),
        (
            ["export", "{seeds}", "-f", "jsonl", "-o", "x", "--enrich", "stat"],
            "did you mean 'stats'?",
        ),
        (["build", "{seeds}", "-f", "sqlit"], "did you mean 'sqlite'?"),
    ],
)
def test_an_unknown_plugin_name_gets_a_guess_the_list_and_the_commands_usage(
    run, seeds: Path, args: list[str], message: str
) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(*[arg.format(seeds=seeds) for arg in args])
    assert code == 2
    assert message in err
    assert f"Usage: seedcorpus {args[0]} [OPTIONS]" in err


def test_quiet_prints_only_the_summary(run, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("build", seeds, "--max-bytes", "1kB", "-q")
    assert code == 1
    assert err == ""
    assert out.startswith("wrote seeds.sqlite: 0 articles, 1 problem, ")


def test_synth_refuses_a_folder_that_is_not_empty(run, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    manifest = (seeds / "INDEX.md").read_bytes()
    code, _, err = run("synth", seeds, "-n", "3")
    assert code == 1
    assert err == (
        f"error: {seeds}: the folder is not empty (2 files, and an INDEX.md listing 1 article); "
        "synth would replace its INDEX.md and leave the files it does not list unlisted: "
        "choose an empty or new folder, or pass --force (force=True) to write anyway\n"
    )
    assert (seeds / "INDEX.md").read_bytes() == manifest
    code, out, _ = run("synth", seeds, "-n", "3", "--force")
    assert (code, out) == (0, f"wrote {seeds}: 3 articles\n")


def test_index_refuses_to_drop_the_rows_of_missing_files(run, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    (seeds / "second.txt").write_bytes((seeds / f"{SEED_ID}.txt").read_bytes())
    assert run("index", seeds)[:2] == (0, f"wrote {seeds / 'INDEX.md'}: 2 articles (antara 2)\n")
    (seeds / f"{SEED_ID}.txt").unlink()
    manifest = (seeds / "INDEX.md").read_bytes()
    code, _, err = run("index", seeds)
    assert code == 1
    assert err == (
        f"error: {seeds / 'INDEX.md'}: 1 listed file no longer in the folder "
        f"({SEED_ID}.txt); writing INDEX.md would lose their rows: restore the files, "
        "or pass --force to drop the rows\n"
    )
    assert (seeds / "INDEX.md").read_bytes() == manifest
    wrote = f"wrote {seeds / 'INDEX.md'}: 1 article (antara 1)\n"
    assert run("index", seeds, "--force")[:2] == (0, wrote)


def test_serve_checks_the_port_before_announcing_it(run, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, out, err = run("serve", seeds / "INDEX.md", "--port", str(port))
    assert code == 2
    assert out == ""
    assert f"port {port} on 127.0.0.1 is in use; choose another with --port" in err


def cli_process(*args: str | Path, **options: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "SEEDCORPUS_DISABLE_PLUGINS": ""}
    command = [sys.executable, "-m", "seedcorpus", *map(str, args)]
    return subprocess.run(command, env=env, check=False, **options)  # type: ignore[call-overload, no-any-return]


def test_dash_output_streams_to_stdout_and_appends_without_truncating(
    seeds: Path, tmp_path: Path
) -> None:
    reference = tmp_path / "ref.jsonl"
    assert cli_process("export", seeds, "-f", "jsonl", "-o", reference).returncode == 0
    piped = cli_process("export", seeds, "-f", "jsonl", "-o", "-", capture_output=True)
    assert piped.returncode == 0
    assert piped.stdout == reference.read_bytes()
    assert piped.stderr.decode().startswith("wrote standard output: 1 article, 0 problems")
    appended = tmp_path / "log.jsonl"
    appended.write_bytes(b"kept\n")
    with appended.open("ab") as out:
        assert cli_process("export", seeds, "-f", "jsonl", "-o", "-", stdout=out).returncode == 0
    assert appended.read_bytes() == b"kept\n" + reference.read_bytes()
    assert not (tmp_path / "-").exists()


def test_dash_output_of_a_seeking_format_is_one_clear_error(seeds: Path) -> None:
    result = cli_process("export", seeds, "-f", "sqlite", "-o", "-", capture_output=True)
    assert result.returncode == 1
    err = result.stderr.decode()
    assert err.startswith("error: cannot write to standard output: ")
    assert err.count("\n") == 1


def test_progress_is_shown_on_a_terminal_only(tmp_path: Path) -> None:
    import pty

    from seedcorpus.apps.synth import synth_corpus

    synth_corpus(tmp_path / "c", 150, seed=2)
    env = {**os.environ, "SEEDCORPUS_DISABLE_PLUGINS": "dates,quotes,acronyms,language"}
    command = [sys.executable, "-m", "seedcorpus", "export", "c", "-f", "jsonl", "-j", "1"]
    leader, follower = pty.openpty()
    with os.fdopen(leader, "rb", buffering=0) as terminal:
        process = subprocess.Popen(
            [*command, "-o", "a.jsonl"], cwd=tmp_path, env=env, stderr=follower
        )
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = terminal.read(4096)
            except OSError:  # EIO: the command closed its end
                break
            if not chunk:
                break
            seen += chunk
        assert process.wait(timeout=60) == 0
    assert b"articles/s" in seen
    assert b"/150" in seen
    plain = subprocess.run(
        [*command, "-o", "b.jsonl"], cwd=tmp_path, env=env, capture_output=True, check=False
    )
    assert (plain.returncode, plain.stderr) == (0, b"")
