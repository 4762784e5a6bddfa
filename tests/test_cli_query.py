"""The condition options of export, show and search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from seedcorpus import open_corpus, query
from seedcorpus.apps.synth import synth_corpus
from seedcorpus.cli import cli
from seedcorpus.cli_query import build_condition, needed_enrichers, sql_named


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cliq") / "c"
    synth_corpus(out, 60, seed=4)
    return out


@pytest.fixture(scope="module")
def database(folder: Path) -> Path:
    path = folder.parent / "c.sqlite"
    open_corpus(folder).enrich("dates,quotes").export("sqlite", path)
    return path


def _run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.output


def test_export_keeps_the_matching_articles(folder: Path, database: Path, tmp_path: Path) -> None:
    expected = open_corpus(database).filter(tag="Jakarta", since="2020").ids()
    assert 0 < len(expected) < 60
    for source, extra in ((database, ()), (folder, ("--enrich", "dates"))):
        out = tmp_path / f"{source.name}.jsonl"
        code, output = _run(
            "export", source, "-f", "jsonl", "-o", out, "--tag", "Jakarta", "--since", "2020",
            *extra,
        )  # fmt: skip
        assert code == 0, output
        lines = out.read_text(encoding="utf-8").splitlines()
        assert [json.loads(line)["id"] for line in lines] == expected


def test_show_lists_matches_without_an_id(database: Path) -> None:
    expected = open_corpus(database).filter(query.where("title~ke")).ids()
    code, output = _run("show", database, "--where", "title~ke", "-n", "0")
    assert code == 0, output
    assert [line.split()[0] for line in output.splitlines()] == expected
    code, output = _run("show", database, "--where", "title~ke", "-n", "2", "--json")
    assert [json.loads(line)["id"] for line in output.splitlines()] == expected[:2]


def test_show_refuses_an_id_with_conditions_and_a_missing_enrichment(folder: Path) -> None:
    code, output = _run("show", folder, "000000001", "--tag", "Jakarta")
    assert code == 2
    assert "not both" in output
    code, output = _run("show", folder, "--speaker", "Budi")
    assert code == 2
    assert "add --enrich quotes" in output


def test_search_keeps_hits_that_meet_the_conditions(database: Path) -> None:
    corpus = open_corpus(database)
    jakarta = set(corpus.filter(query.place("Jakarta")).ids())
    code, output = _run("search", database, "kata", "--json", "-n", "100")
    everything = [json.loads(line)["id"] for line in output.splitlines()]
    code, output = _run(
        "search", database, "kata", "--json", "-n", "100", "--where", "dateline_city~=jakarta"
    )
    assert code == 0, output
    kept = [json.loads(line)["id"] for line in output.splitlines()]
    assert kept == [i for i in everything if i in jakarta]
    assert 0 < len(kept) < len(everything)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--since", "07-2024", "is not a date"),
        ("--where", "colour=red", "unknown column"),
        ("--where", "copyright_year>=soon", "is a number"),
    ],
)
def test_bad_conditions_are_usage_errors(
    database: Path, option: str, value: str, message: str
) -> None:
    code, output = _run("show", database, option, value)
    assert code == 2
    assert message in output


def test_the_condition_helpers() -> None:
    condition = build_condition(since="2024", tag=("A", "B"), speaker="Ani")
    assert condition is not None
    assert needed_enrichers(condition) == {"dates", "quotes"}
    assert needed_enrichers(~query.tag("x")) == set()
    assert build_condition() is None
    text, parameters = sql_named(query.tag("A") | query.editor("B"))
    assert "?" not in text
    assert parameters == {"where0": "A", "where1": "B"}
