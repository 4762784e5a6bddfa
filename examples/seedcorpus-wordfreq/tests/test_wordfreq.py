"""Tests of the wordfreq plugin: the seedcorpus contract checks, then its own behaviour."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest
from hypothesis import given
from seedcorpus import Article, Source, open_corpus
from seedcorpus.testing import articles, check_enricher, check_exporter, registry_with

import seedcorpus_wordfreq
from seedcorpus_wordfreq import STOPWORDS, TOP, WordCount, WordFreq, count_words, page_name

REGISTRY = registry_with(seedcorpus_wordfreq)
SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def article(*paragraphs: str, id: str = "a1", title: str = "Judul") -> Article:
    return Article(id=id, source=Source(f"{id}.txt", "0" * 64, "antara"), title=title,
                   paragraphs=paragraphs)  # fmt: skip


# --- the plugin contract ---


def test_wordfreq_keeps_the_enricher_contract() -> None:
    check_enricher(REGISTRY.enricher("wordfreq"))


def test_markdown_keeps_the_exporter_contract() -> None:
    check_exporter(REGISTRY.exporter("markdown"), enrichment_types=(WordFreq,))


def test_the_entry_point_names_the_module() -> None:
    try:
        distribution = metadata.distribution("seedcorpus-wordfreq")
    except metadata.PackageNotFoundError:
        pytest.skip("seedcorpus-wordfreq is not installed (pip install -e .)")
    (entry_point,) = [ep for ep in distribution.entry_points if ep.group == "seedcorpus"]
    assert entry_point.name == "wordfreq"
    assert entry_point.load() is seedcorpus_wordfreq


# --- the wordfreq enricher ---


def test_counts_content_words_case_insensitively_without_stopwords() -> None:
    result = count_words(article("Anas dan anas di Jakarta.", "Jakarta yang ramai, kata Anas."))
    assert result.words == (WordCount("anas", 3), WordCount("jakarta", 2), WordCount("ramai", 1))


def test_numbers_and_single_letters_are_not_words_but_compounds_are() -> None:
    result = count_words(article("Perserikatan Bangsa-Bangsa: 207 MPP, x 1.500"))
    assert [w.word for w in result.words] == ["bangsa-bangsa", "mpp", "perserikatan"]


def test_keeps_the_top_words_ties_in_alphabetical_order() -> None:
    words = [f"kata{chr(ord('a') + i)}" for i in range(15)]
    result = count_words(article(" ".join(reversed(words)), "katao"))
    assert len(result.words) == TOP
    assert result.words[0] == WordCount("katao", 2)
    assert [w.word for w in result.words[1:]] == words[:9]


def test_an_empty_body_has_no_words() -> None:
    assert count_words(article()) == WordFreq(words=())


@given(articles())
def test_any_article_gives_ranked_content_words(any_article: Article) -> None:
    words = count_words(any_article).words
    assert len(words) <= TOP
    assert all(w.count > 0 and w.word not in STOPWORDS for w in words)
    assert list(words) == sorted(words, key=lambda w: (-w.count, w.word))


# --- the markdown exporter ---


def test_page_names_are_unique_ignoring_case_and_safe() -> None:
    taken = {"index"}
    names = [page_name(i, taken) for i in ["a1", "A1", "index", "../x", "a1-2", "../x"]]
    assert names[:3] == ["a1.md", "A1-2.md", "index-2.md"]
    assert names[3].startswith("article-")
    assert "/" not in names[3]
    assert names[4] == "a1-2-2.md"
    assert names[5] == names[3].removesuffix(".md") + "-2.md"


def test_writes_one_page_per_article_and_an_index(tmp_path: Path) -> None:
    spec = REGISTRY.exporter("markdown")
    articles = [article("Satu *dua*.", id="a1", title="Pertama"), article(id="b/2", title="# Dua")]
    spec.write(iter(articles), tmp_path / "out", REGISTRY.converter)
    pages = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert len(pages) == 3
    assert "a1.md" in pages
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert "- [Pertama](a1.md)" in index
    assert "- [\\# Dua](article-" in index
    page = (tmp_path / "out" / "a1.md").read_text(encoding="utf-8")
    assert page.startswith("# Pertama\n")
    assert "Satu \\*dua\\*." in page


# --- on the repository's seed corpus ---


@pytest.mark.skipif(not (SEEDS / "INDEX.md").is_file(), reason="needs the seedcorpus repository")
def test_seed_article_is_about_public_service(tmp_path: Path) -> None:
    registry = registry_with(seedcorpus_wordfreq, builtins=True)
    corpus = open_corpus(SEEDS, registry=registry).enrich("wordfreq")
    (seed,) = corpus
    result = seed.enrichment("wordfreq")
    assert isinstance(result, WordFreq)
    assert result.words[:4] == (
        WordCount("pelayanan", 10),
        WordCount("publik", 9),
        WordCount("indonesia", 8),
        WordCount("azerbaijan", 7),
    )

    report = corpus.export("markdown", tmp_path / "site")
    assert report.articles == 1
    page = (tmp_path / "site" / f"{seed.id}.md").read_text(encoding="utf-8")
    assert page.startswith("# RI-Azerbaijan memperkuat kerja sama akselerasi pelayanan publik\n")
    assert "| pelayanan | 10 |" in page
