"""The corpus browser's pages, rendered in process by datasette's test client, and the
article page's markup as a property. tests/browser/ drives the same pages in Chromium."""

from __future__ import annotations

import asyncio
import html
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from conftest import DATA, SEED_ID, SEEDS
from seedcorpus import open_corpus
from seedcorpus.cli import cli
from seedcorpus.default_plugins.browser.article import Mark, article_page, paragraph_html
from seedcorpus.default_plugins.browser.metadata import TABLES, metadata
from seedcorpus.default_plugins.sqlite import search
from seedcorpus.errors import SeedcorpusError
from seedcorpus.registry import Registry

TITLE = "RI-Azerbaijan memperkuat kerja sama akselerasi pelayanan publik"


def _url(kind: str) -> Any:
    return lambda value: f"/{kind}/{value}"


# --- paragraph markup --------------------------------------------------------------------

_TAG = re.compile(r"</?(q|abbr)>")


def _marks(tag: str) -> st.SearchStrategy[list[Mark]]:
    offsets = st.integers(-2, 40)
    return st.lists(
        st.builds(lambda a, b: Mark(a, b, f"<{tag}>", f"</{tag}>"), offsets, offsets),
        max_size=6,
    )


@given(st.text(max_size=40), _marks("q"), _marks("abbr"))
def test_paragraph_html_keeps_the_text_and_nests_its_tags(
    text: str, quotes: list[Mark], acronyms: list[Mark]
) -> None:
    marked = paragraph_html(text, quotes, acronyms)
    assert html.unescape(_TAG.sub("", marked)) == text
    assert "<" not in _TAG.sub("", marked)  # the text's own "<" is escaped
    stack: list[str] = []
    for closing, name in re.findall(r"<(/?)(q|abbr)>", marked):
        if closing:
            assert stack.pop() == name
        else:
            assert "abbr" not in stack  # acronyms never contain anything
            stack.append(name)
    assert stack == []


def test_paragraph_html_puts_an_acronym_inside_its_quote() -> None:
    text = 'kata dia: "PBB bekerja"'
    quote = Mark(11, 22, '<span class="quote">', "</span>")
    acronym = Mark(11, 14, "<abbr>", "</abbr>")
    assert paragraph_html(text, [quote], [acronym]) == (
        'kata dia: &quot;<span class="quote"><abbr>PBB</abbr> bekerja</span>&quot;'
    )


# --- the article page's data -------------------------------------------------------------


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus with every built-in enrichment, as the sqlite exporter writes it."""
    registry = Registry.load(entry_points=False, disabled=())
    out = tmp_path_factory.mktemp("browser") / "seeds.sqlite"
    open_corpus(SEEDS, registry=registry).enrich("all").export("sqlite", out)
    return out


@pytest.fixture(scope="module")
def seed_json(exported: Path) -> dict[str, Any]:
    from seedcorpus.default_plugins.sqlite_rows import article_data, article_select

    with sqlite3.connect(exported) as connection:
        row = connection.execute(f"SELECT {article_select(connection)} FROM articles").fetchone()
    return article_data(row)


def test_article_page_of_the_seed(seed_json: dict[str, Any]) -> None:
    page = article_page(seed_json, speaker_url=_url("speaker"), acronym_url=_url("acronym"))
    assert page["title"] == TITLE
    assert not page["untitled"]
    assert page["editors"] == ["Herry Soebanto"]
    assert page["published"] == "2024-07-01"
    assert page["place"] == "Jakarta"
    assert page["credit"] == "ANTARA/HO-Humas Kementerian PANRB"
    assert len(page["paragraphs"]) == len(seed_json["paragraphs"])
    assert page["speakers"][0]["name"] == "Abdullah Azwar Anas"
    assert page["speakers"][0]["url"] == "/speaker/Abdullah Azwar Anas"
    assert {"short": "PBB", "long": "Perserikatan Bangsa-Bangsa", "url": "/acronym/PBB"} in (
        page["acronyms"]
    )
    quoted = [p for p in page["paragraphs"] if p["quoted"]]
    assert quoted
    assert all('class="quote direct"' in p["html"] for p in quoted)
    assert page["source"]["sha256"] == seed_json["source"]["sha256"]


def test_article_page_reads_contract_2_bylines_and_untitled_articles() -> None:
    data = {
        "id": "x",
        "title": None,
        "paragraphs": ["A lead that stands in for the missing title.", "More."],
        "byline": {"reporters": ["A", "B"], "editors": ["C"]},
        "published_at": "2024-07-01T09:00:00+07:00",
        "image": {"caption": "A photo", "credit": "ANTARA"},
        "problems": [{"code": "no-title", "message": "The file has no title."}],
    }
    page = article_page(data, speaker_url=_url("s"), acronym_url=_url("a"))
    assert page["untitled"]
    assert page["title"].startswith("A lead that stands in")
    assert (page["reporters"], page["editors"]) == (["A", "B"], ["C"])
    assert page["published"] == "2024-07-01T09:00:00+07:00"
    assert (page["caption"], page["credit"]) == ("A photo", "ANTARA")
    assert page["problems"][0]["code"] == "no-title"


# --- the pages, in process ---------------------------------------------------------------


@pytest.fixture(scope="module")
def database(exported: Path) -> Path:
    pytest.importorskip("datasette")
    return exported


def get(database: Path, path: str) -> str:
    from seedcorpus.default_plugins.browser import create_datasette

    response = asyncio.run(create_datasette(database).client.get(path))
    assert response.status_code == 200, response.text
    return str(response.text)


def test_home_leads_with_articles_search_and_speakers(database: Path) -> None:
    page = get(database, "/")
    cards = re.findall(r'<span class="sc-card-title">(\w+)</span>', page)
    assert cards == ["Articles", "Search", "Speakers", "Acronyms"]
    assert 'action="/seeds/search"' in page
    titles = [
        html.unescape(t) for t in re.findall(r"<th scope=\"row\"><a [^>]*>([^<]+)</a>", page)
    ]
    assert titles == [info["title"] for info in TABLES.values()]
    assert TITLE in page  # among the latest articles


def test_article_page_has_the_title_as_heading_and_marked_quotes(
    database: Path, seed_json: dict[str, Any]
) -> None:
    page = get(database, f"/seeds/articles/{SEED_ID}")
    assert re.search(rf"<h1 lang=\"id\">\s*{re.escape(TITLE)}\s*</h1>", page)
    assert page.count('<p class="sc-paragraph') == len(seed_json["paragraphs"]) > 1
    assert 'class="quote direct"' in page
    assert 'href="/seeds/speaker?speaker=Abdullah+Azwar+Anas"' in page
    assert 'href="/seeds/article_list?tags__arraycontains=Indonesia-Azerbaijan"' in page
    assert "Syndicated from Antaranews.com" in page
    # The raw row stays one click away.
    raw = get(database, f"/seeds/articles/{SEED_ID}?_raw=1")
    assert "sc-paragraph" not in raw
    assert "sha256" in raw


@pytest.mark.parametrize("query", ["RI-Azerbaijan", '"pelayanan publik"', "Azerbaijan"])
def test_search_page_quotes_like_the_cli(database: Path, query: str) -> None:
    from urllib.parse import quote_plus

    page = get(database, f"/seeds/search?q={quote_plus(query)}")
    found = re.findall(r'<a class="sc-title" href="/seeds/articles/([^"]+)">', page)
    assert found == [hit.id for hit in search(database, query, limit=100)] == [SEED_ID]
    assert "<mark>" in page
    assert "select articles.id" not in page  # no SQL in the reader's face


def test_search_page_explains_a_query_the_cli_refuses(database: Path) -> None:
    page = get(database, "/seeds/search?q=%22unclosed+OR")
    assert 'class="message-error"' in page
    assert "quote words with punctuation" in page
    assert 'class="sc-result"' not in page


def test_speaker_page_lists_the_quotes_with_their_article(database: Path) -> None:
    page = get(database, "/seeds/speaker?speaker=Abdullah+Azwar+Anas")
    assert "<h1>Abdullah Azwar Anas</h1>" in page
    assert page.count('<li class="sc-quote') >= 3
    assert f'href="/seeds/articles/{SEED_ID}"' in page


def test_lists_link_speakers_and_acronyms(database: Path) -> None:
    assert 'href="/seeds/speaker?speaker=Abdullah+Azwar+Anas"' in get(database, "/seeds/speakers")
    assert 'href="/seeds/acronym?short=PBB"' in get(database, "/seeds/acronyms")
    assert "Perserikatan Bangsa-Bangsa" in get(database, "/seeds/acronym?short=PBB")


def test_an_older_database_asks_to_be_rebuilt(database: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    old.write_bytes(database.read_bytes())
    with sqlite3.connect(old) as connection:
        connection.execute("DROP VIEW speakers")
    with pytest.raises(SeedcorpusError, match="run `seedcorpus build` again"):
        metadata(old)


def test_article_page_lists_the_parsers_problems(tmp_path: Path) -> None:
    pytest.importorskip("datasette")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(DATA / "antara" / "title_mismatch.txt", corpus)
    assert CliRunner().invoke(cli, ["index", str(corpus)]).exit_code == 0
    out = tmp_path / "corpus.sqlite"
    registry = Registry.load(entry_points=False, disabled=())
    open_corpus(corpus, registry=registry).enrich("all").export("sqlite", out)
    page = get(out, "/corpus/articles/title_mismatch")
    assert "Problems the parser noted" in page
    assert "<code>title-mismatch</code> (line 5)" in page
