"""The corpus browser in a real browser: ``seedcorpus serve`` as a subprocess, driven by
Playwright with the system Chromium, as a reader would use it.

Skipped without Playwright or a Chromium binary (``SEEDCORPUS_CHROMIUM``, default
``/usr/bin/chromium``); ``nox -s browser`` sets ``SEEDCORPUS_REQUIRE_BROWSER=1``, which
turns those skips into failures. Screenshots (1400x1000) go to
``SEEDCORPUS_SCREENSHOTS``, or a temporary folder, for people to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from seedcorpus.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_b88b87f86327f4ee.txt"
SEED_ID = SEED.stem
SEED_TITLE = "RI-Azerbaijan memperkuat kerja sama akselerasi pelayanan publik"
CHROMIUM = Path(os.environ.get("SEEDCORPUS_CHROMIUM", "/usr/bin/chromium"))
# Headless and quiet: no network of its own, no first-run work, no GPU on CI machines.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
VIEWPORT = {"width": 1400, "height": 1000}


def unavailable(why: str) -> None:
    """Skip, or fail where the browser is required (``nox -s browser``)."""
    if os.environ.get("SEEDCORPUS_REQUIRE_BROWSER") == "1":
        pytest.fail(why)
    pytest.skip(why)


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article and 60 synthetic ones, built as a user builds them."""
    folder = tmp_path_factory.mktemp("corpus")
    corpus = folder / "corpus"
    run("synth", "-n", "60", "-j", "1", str(corpus))
    shutil.copy(SEED, corpus / SEED.name)
    run("index", str(corpus))
    out = folder / "corpus.sqlite"
    run("build", str(corpus), "-o", str(out), "-j", "1")
    return out


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(database: Path) -> Iterator[str]:
    """``seedcorpus serve`` on a free port; stopped however the tests end."""
    if importlib_missing("datasette"):
        unavailable("datasette is not installed (the serve extra)")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "seedcorpus", "serve", str(database), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None:
                    pytest.fail(f"seedcorpus serve exited: {process.communicate()[1]}")
                if time.monotonic() > deadline:
                    pytest.fail("seedcorpus serve did not answer within 30 s")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
    assert process.returncode is not None


def importlib_missing(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if importlib_missing("playwright"):
        unavailable("playwright is not installed")
    if not CHROMIUM.is_file():
        unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        opened = context.new_page()
        opened.set_default_timeout(15_000)
        yield opened
    finally:
        context.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("SEEDCORPUS_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def cli_search(database: Path, query: str) -> list[str]:
    """The ids ``seedcorpus search`` finds, best first."""
    out = run("search", str(database), query, "--json", "--limit", "100")
    return [json.loads(line)["id"] for line in out.splitlines()]


def test_home_page_leads_with_articles_search_and_speakers(
    page: Any, server: str, screenshots: Path
) -> None:
    page.goto(server + "/")
    assert page.locator(".sc-card-title").all_inner_texts() == [
        "Articles", "Search", "Speakers", "Acronyms",
    ]  # fmt: skip
    assert page.locator(".sc-card-count").first.inner_text() == "61"
    assert page.locator("input[name=q]").is_visible()
    page.screenshot(path=screenshots / "home.png")


def test_article_list_shows_titles_and_facets(page: Any, server: str, screenshots: Path) -> None:
    page.goto(server + "/")
    page.locator("a.sc-card[href$='/article_list']").click()
    page.wait_for_selector(".sc-card-article")
    titles = page.locator(".sc-card-article .sc-title").all_inner_texts()
    assert len(titles) == 61  # all of them: datasette shows 100 a page
    assert all(title.strip() for title in titles)
    published = page.locator(".sc-card-article time").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('datetime'))"
    )
    assert published == sorted(published, reverse=True)
    facets = page.locator(".sc-facet").evaluate_all("nodes => nodes.map(n => n.dataset.column)")
    assert {"tags", "editor", "place", "year", "month", "language"} <= set(facets)
    page.screenshot(path=screenshots / "articles.png")

    # A tag facet narrows the list to the articles with that tag.
    first = page.locator(".sc-facet[data-column=tags] li a").first
    tag, count = (
        first.inner_text(),
        int(page.locator(".sc-facet[data-column=tags] .sc-n").first.inner_text()),
    )
    first.click()
    page.wait_for_selector(".sc-facet li.selected")
    assert page.locator(".sc-summary strong").first.inner_text() == str(count)
    cards = page.locator(".sc-card-article")
    assert cards.count() == count
    for index in range(cards.count()):
        assert tag in cards.nth(index).locator(".sc-tags li").all_inner_texts()


@pytest.mark.parametrize(
    ("query", "start"),
    [("RI-Azerbaijan", "/"), ('"pelayanan publik"', "/corpus/article_list"), ("banjir", "/")],
)
def test_search_finds_what_the_cli_finds(
    page: Any, server: str, database: Path, screenshots: Path, query: str, start: str
) -> None:
    page.goto(server + start)
    page.fill("input[name=q]", query)
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".sc-summary")
    hrefs = page.locator(".sc-result a.sc-title").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('href'))"
    )
    found = [href.rsplit("/", 1)[1] for href in hrefs]
    expected = cli_search(database, query)
    assert expected, f"the CLI finds nothing for {query}: a useless test"
    assert found == expected
    if query != "banjir":
        assert found[0] == SEED_ID
    results = page.locator(".sc-result")
    for index in range(results.count()):
        assert results.nth(index).locator(".sc-snippet mark").count() >= 1
    assert page.locator("textarea, pre#sql-query").count() == 0  # no SQL shown
    name = "".join(c if c.isalnum() else "-" for c in query).strip("-").lower()
    page.screenshot(path=screenshots / f"search-{name}.png")


def test_article_page_shows_title_paragraphs_and_quotes(
    page: Any, server: str, screenshots: Path
) -> None:
    page.goto(f"{server}/corpus/search?q=RI-Azerbaijan")
    page.locator(".sc-result a.sc-title").first.click()
    page.wait_for_selector(".sc-article")
    assert page.locator("h1").inner_text() == SEED_TITLE
    assert page.title() == SEED_TITLE
    assert page.locator(".sc-paragraph").count() == 9
    assert page.locator(".sc-paragraph .quote.direct").count() >= 2
    speakers = page.locator(".sc-paragraph .sc-speaker").all_inner_texts()
    assert "Abdullah Azwar Anas" in speakers
    assert "Kementerian PANRB" in page.locator(".sc-tags li").all_inner_texts()
    assert "ANTARA/HO-Humas Kementerian PANRB" in page.locator(".sc-caption").inner_text()
    assert page.locator(".sc-source").inner_text().count("000_b88b87f86327f4ee") >= 2
    page.screenshot(path=screenshots / "article.png")

    page.locator(".sc-paragraph .sc-speaker", has_text="Abdullah Azwar Anas").first.click()
    page.wait_for_selector(".sc-quote")
    assert page.locator("h1").inner_text() == "Abdullah Azwar Anas"
    assert page.locator(".sc-quote").count() >= 3
    page.screenshot(path=screenshots / "speaker.png")


def test_speaker_and_acronym_lists(page: Any, server: str, screenshots: Path) -> None:
    page.goto(server + "/")
    page.locator("a.sc-card[href$='/speakers']").click()
    # all_inner_texts() does not wait: wait for the table the click navigates to.
    page.wait_for_selector("td.col-quotes")
    counts = page.locator("td.col-quotes").all_inner_texts()
    numbers = [int(c.replace(",", "")) for c in counts]
    assert numbers
    assert numbers == sorted(numbers, reverse=True)
    page.screenshot(path=screenshots / "speakers.png")
    page.locator("td.col-speaker a").first.click()
    page.wait_for_selector(".sc-quote")
    page.goto(server + "/corpus/acronyms")
    page.locator("td.col-short a", has_text="PBB").click()
    page.wait_for_selector(".sc-card-article")
    assert SEED_TITLE in page.locator(".sc-articles").inner_text()


def test_keyboard_reaches_the_content_first_and_sees_where_it_is(
    page: Any, server: str, screenshots: Path
) -> None:
    page.goto(f"{server}/corpus/articles/{SEED_ID}")
    assert page.locator("html").get_attribute("lang") == "en"
    # The article's own text is Indonesian, the site's words English.
    assert page.locator("h1").get_attribute("lang") == "id"
    assert page.locator(".sc-article-body").get_attribute("lang") == "id"
    assert page.locator(".sc-article-foot").get_attribute("lang") == "en"
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to the content"
    assert skip.is_visible()
    box = skip.bounding_box()
    assert box is not None  # on screen when focused
    assert box["x"] >= 0
    assert box["y"] >= 0
    outline = skip.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline not in ("none", "")
    page.screenshot(path=screenshots / "skip-link.png")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # Past the header: the next stop is in the content, not the crumbs.
    assert page.locator(":focus").evaluate("e => !!e.closest('main')")


def test_links_keep_a_readable_colour_when_hovered(page: Any, server: str) -> None:
    page.goto(server + "/corpus/article_list")
    title = page.locator(".sc-card-article a.sc-title").first
    rest = title.evaluate("e => getComputedStyle(e).color")
    title.hover()
    hovered = title.evaluate("e => getComputedStyle(e).color")
    # datasette's hover green, rgb(103, 201, 141), is 1.9:1 on the page; the accent 6.4:1.
    assert rest == hovered == "rgb(11, 92, 173)"


def test_no_console_errors_or_failed_requests(page: Any, server: str) -> None:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda request: problems.append(request.url))
    paths = [
        "/", "/corpus/article_list", "/corpus/search?q=banjir", f"/corpus/articles/{SEED_ID}",
        "/corpus/speakers", "/corpus/acronyms", "/corpus/tag?tag=Jakarta",
    ]  # fmt: skip
    for path in paths:
        page.goto(server + path)
    assert problems == []


@pytest.mark.parametrize(
    "path",
    [
        "/corpus/article_list",
        "/corpus/search?q=" + "x" * 3000,
        "/corpus/speakers",
        f"/corpus/articles/{SEED_ID}",
        "/corpus/speaker?speaker=Abdullah+Azwar+Anas",
    ],
)
def test_a_phone_shows_the_page_without_sideways_scrolling(
    browser: Any, server: str, screenshots: Path, path: str
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.goto(server + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} is {width} px wide on a 375 px screen"
        if path.endswith("article_list"):
            # The articles first, the facets after them, and a link down to those.
            first = page.locator(".sc-card-article").first.bounding_box()
            assert first is not None
            assert first["y"] < 800
            assert page.locator(".sc-jump a").is_visible()
            facets = page.locator("#facets").bounding_box()
            assert facets is not None
            assert facets["y"] > first["y"]
            page.screenshot(path=screenshots / "articles-phone.png")
    finally:
        context.close()


def test_paging_through_the_list_and_back(page: Any, server: str, screenshots: Path) -> None:
    def position() -> str:
        return str(page.locator(".sc-pages span").inner_text())

    page.goto(server + "/corpus/article_list?_size=20")
    assert position() == "1–20 of 61"
    assert page.locator(".sc-pages", has_text="Previous").count() == 0
    page.locator(".sc-pages a", has_text="Next").click()
    page.wait_for_url("**_next=20**")
    assert position() == "21–40 of 61"
    page.locator(".sc-pages a", has_text="Last").click()
    page.wait_for_url("**_next=60**")
    assert position() == "61–61 of 61"
    assert page.locator(".sc-pages a", has_text="Next").count() == 0
    page.screenshot(path=screenshots / "articles-last-page.png", full_page=True)
    page.locator(".sc-pages a", has_text="Previous").click()
    page.wait_for_url("**_next=40**")
    assert position() == "41–60 of 61"
    page.go_back()
    page.wait_for_url("**_next=60**")
    assert position() == "61–61 of 61"
    page.locator(".sc-pages a", has_text="First").click()
    page.wait_for_url(lambda url: "_next" not in url)
    assert position() == "1–20 of 61"
    # A facet from a later page starts the narrower list from its top.
    page.goto(server + "/corpus/article_list?_size=20&_next=40")
    page.locator(".sc-facet[data-column=year] li a").first.click()
    page.wait_for_selector(".sc-facet li.selected")
    assert "_next" not in page.url
    assert page.locator(".sc-card-article").count() > 0


def test_sorting_the_list_oldest_first(page: Any, server: str) -> None:
    page.goto(server + "/corpus/article_list")
    assert page.title() == "Articles · seedcorpus: corpus"
    page.locator(".sc-sort a", has_text="oldest first").click()
    page.wait_for_url("**_sort=published**")
    assert page.locator(".sc-sort strong").inner_text() == "oldest first"
    published = page.locator(".sc-card-article time").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('datetime'))"
    )
    assert published == sorted(published)
    assert len(published) > 1
