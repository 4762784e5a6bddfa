"""The corpus browser's answers to odd addresses, over HTTP in process (datasette's test
client): parameters a page cannot answer, error pages, over-long searches. The pages
themselves are in test_browser_pages.py; tests/browser/ drives them in Chromium."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SEED_ID, SEEDS
from seedcorpus import open_corpus
from seedcorpus.default_plugins.browser.addresses import cleaned_query
from seedcorpus.default_plugins.browser.plugin import MAX_SEARCH_WORDS, safe_fts_query
from seedcorpus.registry import Registry


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("datasette")
    registry = Registry.load(entry_points=False, disabled=())
    out = tmp_path_factory.mktemp("browser") / "seeds.sqlite"
    open_corpus(SEEDS, registry=registry).enrich("all").export("sqlite", out)
    return out


@pytest.fixture(scope="module")
def client(database: Path) -> Any:
    from seedcorpus.default_plugins.browser import create_datasette

    datasette = create_datasette(database)
    asyncio.run(datasette.invoke_startup())
    return datasette.client


def fetch(client: Any, path: str) -> Any:
    return asyncio.run(client.get(path))


# --- parameters a table page cannot answer -----------------------------------------------

LIST = ["id", "title", "published", "year", "place", "tags"]


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ("page=2", ""),
        ("utm_source=mail&place=Jakarta", "place=Jakarta"),
        ("nope__contains=x&tags__arraycontains=PBB", "tags__arraycontains=PBB"),
        ("_sort=nope", ""),
        ("_sort_desc=title&_sort=nope", "_sort_desc=title"),
        ("_next=abc&year=2024", "year=2024"),
        ("_next=-5", ""),
        ("rowid=1", ""),  # a view has no rowid
    ],
)
def test_cleaned_query_drops_what_the_list_cannot_answer(query: str, kept: str) -> None:
    assert cleaned_query(query, LIST, view=True) == kept


@pytest.mark.parametrize(
    "query",
    ["", "place=Jakarta", "_next=100", "_sort=title&_facet=place", "published__gte=2024-07-01",
     "place=%E2%82", "_shape=array&_size=5"],
)  # fmt: skip
def test_cleaned_query_keeps_what_it_can(query: str) -> None:
    assert cleaned_query(query, LIST, view=True) is None


def test_cleaned_query_keeps_a_tables_pagination_and_rowid() -> None:
    assert cleaned_query("_next=a,b&rowid=3", ["id"], view=False) is None


@given(st.lists(st.sampled_from(["place=X", "page=2", "_sort=nope", "_next=7", "a=%FF"])))
def test_cleaning_keeps_the_rest_in_order_and_is_stable(pieces: list[str]) -> None:
    query = "&".join(pieces)
    cleaned = cleaned_query(query, LIST, view=True)
    kept = query if cleaned is None else cleaned
    assert kept.split("&") == [p for p in pieces if p in ("place=X", "_next=7")] or kept == ""
    assert cleaned_query(kept, LIST, view=True) is None


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/seeds/article_list?page=2", "/seeds/article_list"),
        ("/seeds/article_list?utm_source=x&year=2024", "/seeds/article_list?year=2024"),
        ("/seeds/article_list?_next=abc", "/seeds/article_list"),
        ("/seeds/article_list?_sort=nope", "/seeds/article_list"),
        ("/seeds/speakers.json?_sort_desc=nope&_shape=array", "/seeds/speakers.json?_shape=array"),
    ],
)
def test_the_list_redirects_to_what_it_can_show(client: Any, path: str, location: str) -> None:
    response = fetch(client, path)
    assert response.status_code == 302
    assert response.headers["location"] == location
    assert fetch(client, location).status_code == 200


def test_a_list_filtered_on_a_column_is_not_redirected(client: Any) -> None:
    response = fetch(client, "/seeds/article_list?year=2024&_next=0")
    assert response.status_code == 200
    assert "sc-card-article" in response.text


# --- error pages -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "says"),
    [
        ("/seeds/articles/nope", 404, "Record not found"),
        ("/seeds/nope", 404, "Table not found"),
        ("/nope", 404, "Database not found"),
        ("/seeds/article_list?_size=-1", 400, "_size must be a positive integer"),
    ],
)
def test_errors_are_pages_of_the_site(client: Any, path: str, status: int, says: str) -> None:
    response = fetch(client, path)
    assert response.status_code == status
    page = response.text
    assert says in page
    assert "/-/seedcorpus/browser.css" in page  # the site's style
    assert re.search(r'<p class="crumbs">\s*<a href="/">home</a>', page)  # a way home
    assert 'name="q"' in page  # and a search box
    assert f"Error {status}" in page


def test_json_errors_stay_datasettes(client: Any) -> None:
    response = fetch(client, "/seeds/articles/nope.json")
    assert response.status_code == 404
    assert response.json()["error"] == "Record not found"


def test_an_article_is_still_found(client: Any) -> None:
    assert fetch(client, f"/seeds/articles/{SEED_ID}").status_code == 200


# --- searches too long to answer ---------------------------------------------------------


def test_a_search_with_too_many_words_says_so_and_runs_nothing(client: Any) -> None:
    words = " ".join(["pelayanan"] * (MAX_SEARCH_WORDS + 1))
    assert safe_fts_query(words) == '""'
    page = fetch(client, f"/seeds/search?q={words.replace(' ', '+')}").text
    assert f"The search has {MAX_SEARCH_WORDS + 1} words" in page
    assert 'class="sc-result"' not in page


def test_a_search_at_the_limit_runs(client: Any) -> None:
    words = " ".join(["pelayanan"] * MAX_SEARCH_WORDS)
    page = fetch(client, f"/seeds/search?q={words.replace(' ', '+')}").text
    assert 'class="message-error"' not in page
    assert page.count('class="sc-result"') == 1


# --- where a page is in the list ---------------------------------------------------------


@given(st.integers(0, 5000), st.integers(0, 400), st.integers(1, 150))
def test_paging_counts_the_page_inside_the_list(total: int, offset: int, size: int) -> None:
    from seedcorpus.default_plugins.browser.paging import paging

    found = paging({"_next": str(offset), "_size": str(size)}, total, 100)
    if found is None:
        assert offset == 0
        assert total <= size
        return
    assert found.start == offset + 1
    assert found.end == min(offset + size, total)
    assert found.previous is None or 0 <= found.previous < offset
    assert (found.previous is None) == (offset == 0)
    assert found.last is None or offset < found.last < total
    if offset < total:
        assert (found.last is None) == (offset + size >= total)


@pytest.mark.parametrize(
    ("url", "first"),
    [
        ("/db/article_list?_next=100&year=2020", "/db/article_list?year=2020"),
        ("/db/article_list?year=2020&_next=5", "/db/article_list?year=2020"),
        ("/db/article_list?_next_x=1", "/db/article_list?_next_x=1"),
        ("/db/article_list", "/db/article_list"),
    ],
)
def test_a_facet_link_starts_the_list_again(url: str, first: str) -> None:
    from seedcorpus.default_plugins.browser.paging import first_page

    assert first_page(url) == first


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/seeds/article_list", "Articles · seedcorpus: seeds"),
        ("/seeds/article_list?tags__arraycontains=PBB", "Articles tagged PBB · seedcorpus: seeds"),
        ("/seeds/speakers", "Speakers · seedcorpus: seeds"),
    ],
)
def test_lists_have_a_readers_title(client: Any, path: str, title: str) -> None:
    page = fetch(client, path).text
    assert re.search(r"<title>([^<]*)</title>", page).group(1) == title  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "path", ["/seeds/search?q=banjir", "/seeds/speaker?speaker=x", "/seeds/acronym", "/seeds/tag"]
)
def test_the_readers_queries_load_no_sql_editor(client: Any, path: str) -> None:
    page = fetch(client, path).text
    assert "codemirror" not in page.lower()  # 340 kB of editor for SQL nobody sees
    assert "sc-page-head" in page


def test_the_database_page_keeps_its_sql_editor(client: Any) -> None:
    assert "codemirror" in fetch(client, "/seeds").text.lower()


def test_a_search_with_a_nul_says_why_it_finds_nothing(client: Any) -> None:
    assert safe_fts_query("banjir\x00") == '""'
    response = fetch(client, "/seeds/search?q=banjir%00")
    assert "NUL character" in response.text
    assert "unterminated string" not in response.text


def test_a_list_cut_at_the_row_limit_says_it_shows_the_newest(database: Path) -> None:
    from seedcorpus.default_plugins.browser import create_datasette

    datasette = create_datasette(database)
    datasette.max_returned_rows = 2  # the seed has 5 quotes by this speaker
    asyncio.run(datasette.invoke_startup())
    page = fetch(datasette.client, "/seeds/speaker?speaker=Abdullah+Azwar+Anas").text
    assert "The newest 2 quotes in 1 article" in page
