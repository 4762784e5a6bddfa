"""Tests of the scraperjson plugin: the seedcorpus contract check, the format, and a
folder mixing ANTARA text files and scraper JSON files, end to end."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from seedcorpus import (
    Document,
    ParseError,
    Registry,
    Source,
    article_from_json,
    article_to_json,
    open_corpus,
)
from seedcorpus.cli import cli
from seedcorpus.manifest import read_manifest
from seedcorpus.testing import check_parser, registry_with

import seedcorpus_scraperjson
from seedcorpus_scraperjson import FORMAT, parse_scraperjson, sniff_scraperjson

REGISTRY = registry_with(seedcorpus_scraperjson, builtins=True)
HERE = Path(__file__).resolve().parent.parent
SAMPLES = HERE / "samples"
SEEDS = HERE.parents[1] / "seeds"
# A scraped article without a headline: an article all the same, with a no-title problem.
UNTITLED = HERE / "tests" / "data" / "2024-07-03-tanpa-judul.json"


def parse(data: object, path: str = "a.json") -> Any:
    text = data if isinstance(data, str) else json.dumps(data)
    source = Source(path=path, sha256="0" * 64, parser="scraperjson")
    return parse_scraperjson(Document(id="a", text=text, source=source))


def story(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {"format": FORMAT, "url": "https://warta.example/a"}
    data |= {"headline": "Judul", "body": ["Isi."]}
    data.update(changes)
    return data


# --- the plugin contract ---

texts = st.one_of(st.text(), st.sampled_from([json.dumps(story()), "{}", "[]", "null"]))
values = st.none() | st.text(max_size=20) | st.integers() | st.lists(st.text(max_size=10))
documents = st.fixed_dictionaries(
    {"format": st.just(FORMAT), "url": st.text(min_size=1, max_size=20)},
    optional=dict.fromkeys(
        ("published", "section", "headline", "reporters", "lang", "summary", "body"), values
    )
    | {"image": st.none() | st.dictionaries(st.sampled_from(["src", "caption"]), values)},
).map(json.dumps)


def test_scraperjson_keeps_the_parser_contract() -> None:
    check_parser(REGISTRY.parser("scraperjson"), texts | documents)


def test_the_spec_claims_json_files() -> None:
    spec = REGISTRY.parser("scraperjson")
    assert spec.patterns == ("*.json",)
    assert spec.sniff is sniff_scraperjson


def test_the_entry_point_names_the_module() -> None:
    try:
        distribution = metadata.distribution("seedcorpus-scraperjson")
    except metadata.PackageNotFoundError:
        pytest.skip("seedcorpus-scraperjson is not installed (pip install -e .)")
    (entry_point,) = [ep for ep in distribution.entry_points if ep.group == "seedcorpus"]
    assert entry_point.name == "scraperjson"
    assert entry_point.load() is seedcorpus_scraperjson


# --- the format ---


def test_a_full_sample_fills_the_news_fields() -> None:
    text = (SAMPLES / "2024-07-01-dermaga.json").read_text(encoding="utf-8")
    article = parse(text)
    assert article.title == "Pelabuhan Tanjung Priok menambah dua dermaga"
    assert article.url == "https://warta.example/ekonomi/2024/07/01/dermaga-baru-tanjung-priok"
    wib = timezone(timedelta(hours=7))
    assert article.published_at == datetime(2024, 7, 1, 14, 35, tzinfo=wib)
    assert article.section == "Ekonomi"
    assert article.byline.reporters == ("Ani Suryani", "Budi Santoso")
    assert article.byline.editors == ("Citra Lestari",)
    assert article.image is not None
    assert article.image.credit == "Warta/Dedi Kurniawan"
    assert article.summary is not None
    assert article.summary.startswith("Dua dermaga baru")
    assert len(article.paragraphs) == 3
    assert dict(article.metadata) == {
        "crawled_at": "2024-07-02T03:00:00Z",
        "page_id": "88121",
        "site": "warta.example",
    }
    assert article.dateline is None  # nothing faked: the format has no dateline
    assert article.problems == ()


def test_the_json_form_keeps_the_time_zone() -> None:
    article = parse((SAMPLES / "2024-07-02-banjir.json").read_text(encoding="utf-8"))
    text = article_to_json(article, REGISTRY.converter)
    assert json.loads(text)["published_at"] == "2024-07-02T09:10:00+08:00"
    assert article_from_json(text, REGISTRY.converter) == article


def test_no_headline_is_an_article_without_title_and_a_problem() -> None:
    assert parse(UNTITLED.read_text(encoding="utf-8")).title is None
    article = parse(story(headline=None))
    assert article.title is None
    assert [p.code for p in article.problems] == ["no-title"]
    assert article.problems[0].path == "a.json"


@pytest.mark.parametrize(
    ("stamp", "code"),
    [("2024-07-01T14:35:00", "no-time-zone"), ("1 Juli 2024", "bad-timestamp")],
)
def test_a_time_without_zone_is_left_out_never_guessed(stamp: str, code: str) -> None:
    article = parse(story(published=stamp))
    assert article.published_at is None
    assert [p.code for p in article.problems] == [code]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ('{"format": "scraperjson/1",\n "url": }', "not valid JSON: Expecting value"),
        ("[1, 2]", "the file holds a JSON list, not an object"),
        (story(format="other/2"), "'format' is 'other/2', not 'scraperjson/1'"),
        (story(url=None), "'url' is missing"),
        (story(body=[" ", ""]), "'body' has no paragraph"),
        (story(section=7), "'section' must be a string, not int"),
        (story(reporters="Ani"), "'reporters' must be a list of strings"),
        (story(image="x.jpg"), "'image' must be an object, not str"),
        (story(headline="\ud800"), "'headline' holds a lone surrogate"),
    ],
)
def test_what_is_not_an_article_is_a_parse_error(data: object, message: str) -> None:
    with pytest.raises(ParseError, match=message.replace("(", r"\(")):
        parse(data)


def test_a_json_error_names_its_line() -> None:
    with pytest.raises(ParseError) as caught:
        parse('{"format": "scraperjson/1",\n "url": }')
    assert caught.value.line == 2


@given(st.binary(max_size=64))
def test_sniffing_any_bytes_answers(head: bytes) -> None:
    assert sniff_scraperjson(head) in (True, False)


def test_sniffing_finds_the_format_key() -> None:
    assert sniff_scraperjson((SAMPLES / "2024-07-02-banjir.json").read_bytes()[:4096])
    assert not sniff_scraperjson(b'{"name": "package.json"}')
    assert not sniff_scraperjson(b"Judul\n\nid tag\n")


# --- a folder mixing ANTARA text and scraper JSON ---


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    root = Path(shutil.copytree(SAMPLES, tmp_path / "mixed"))
    shutil.copy(UNTITLED, root)
    for text in SEEDS.glob("*.txt"):
        shutil.copy(text, root)
    (root / "notes.md").write_text("Notes about the crawl.\n")
    return root


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs the seedcorpus repository")
def test_index_build_and_search_a_mixed_folder(
    mixed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Registry, "load", classmethod(lambda cls, **options: REGISTRY))
    runner = CliRunner()
    result = runner.invoke(cli, ["index", str(mixed)])
    assert result.exit_code == 0, result.stderr
    assert "unclaimed" in result.stderr  # notes.md: reported, not listed
    rows = {entry.file: entry for entry in read_manifest(mixed).entries}
    assert "notes.md" not in rows
    assert rows["2024-07-01-dermaga.json"].parser == "scraperjson"
    assert rows["2024-07-03-tanpa-judul.json"].title is None
    assert {rows[file].parser for file in rows if file.endswith(".txt")} == {"antara"}

    database = tmp_path / "mixed.sqlite"
    result = runner.invoke(cli, ["build", str(mixed), "-o", str(database), "-j", "1"])
    assert result.exit_code == 1  # the untitled article's no-title problem
    assert f"{len(rows)} articles, 1 problem" in result.stdout

    corpus = open_corpus(database, registry=REGISTRY)
    article = corpus["2024-07-01-dermaga"]
    assert article.url is not None
    assert article.published_at is not None
    assert article.published_at.utcoffset() == timedelta(hours=7)
    assert article.byline.reporters == ("Ani Suryani", "Budi Santoso")

    result = runner.invoke(cli, ["search", str(database), "dermaga"])
    assert result.stdout.split()[0] == "2024-07-01-dermaga"
    result = runner.invoke(cli, ["search", str(database), "Azerbaijan"])
    assert result.stdout.split()[0] == "000_b88b87f86327f4ee"
