"""The stats enricher and its sentence splitter."""

from __future__ import annotations

import cattrs
import pytest
from articles import SAMPLE, SEED, article, news_articles
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.default_plugins import stats
from seedcorpus.default_plugins.stats import WORDS_PER_MINUTE, Stats
from seedcorpus.models import Article
from seedcorpus.testing import check_enricher
from seedcorpus.text import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_empty_body() -> None:
    assert stats.enrich(article(title="Judul saja")) == Stats(0, 0, 0, 0.0)


def test_counts_a_small_body() -> None:
    result = stats.enrich(article("Satu dua tiga. Empat lima!", "Enam tujuh?"))

    assert result == Stats(words=7, sentences=3, paragraphs=2, reading_minutes=0.0)


@pytest.mark.parametrize(("words", "minutes"), [(200, 1.0), (260, 1.3), (1000, 5.0), (19, 0.1)])
def test_reading_time(words: int, minutes: float) -> None:
    result = stats.enrich(article(" ".join(["kata"] * words) + "."))

    assert (result.words, result.reading_minutes) == (words, minutes)
    assert WORDS_PER_MINUTE == 200


def test_seed_and_sample() -> None:
    seed, sample = stats.enrich(SEED), stats.enrich(SAMPLE)

    assert (seed.paragraphs, seed.sentences) == (9, 10)  # paragraph 4 has two sentences
    assert (sample.paragraphs, sample.sentences) == (9, 13)
    assert seed.words > 250
    assert seed.reading_minutes == round(seed.words / WORDS_PER_MINUTE, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Harga naik menjadi Rp1.500 per kilogram hari ini.",
        "Pasien ditangani dr. Andi di rumah sakit.",
        "Kantornya di Jl. Sudirman No. 12 Jakarta.",
        "Menurut Muhammad S. Anwar semua baik.",
        "Kata Kapolda Irjen Pol. Irfan Sitompul di Jakarta, Jumat.",
        "Inflasi tercatat 2.5 persen.",
        '"Kami siap," kata dia.',
    ],
)
def test_one_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harga naik. Warga mengeluh.", ["Harga naik.", "Warga mengeluh."]),
        ("Benarkah? Ya! Tentu…", ["Benarkah?", "Ya!", "Tentu…"]),
        ('Ia berkata. "Kami siap."', ["Ia berkata.", '"Kami siap."']),
        (
            "Pasar dibuka di kios.Kepala Dinas hadir.",
            ["Pasar dibuka di kios.", "Kepala Dinas hadir."],
        ),
        ("  Tanpa titik akhir  ", ["Tanpa titik akhir"]),
        ("", []),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@given(news_articles())
def test_enrich_is_total_and_round_trips(item: Article) -> None:
    result = stats.enrich(item)
    converter = cattrs.Converter()

    assert converter.structure(converter.unstructure(result), Stats) == result
    assert result.paragraphs == len(item.paragraphs)
    assert result.sentences <= sum(len(p) for p in item.paragraphs)
    assert result.reading_minutes >= 0


@given(news_articles())
def test_sentence_spans_are_ordered_and_stripped(item: Article) -> None:
    for paragraph in item.paragraphs:
        spans = sentence_spans(paragraph)
        ends = [position for span in spans for position in span]
        assert ends == sorted(ends)
        for start, end in spans:
            assert paragraph[start:end] == paragraph[start:end].strip() != ""


def test_plugin_contract() -> None:
    (spec,) = stats.seedcorpus_enrichers()
    assert spec.name == Stats.kind
    check_enricher(spec, max_examples=50)


@given(
    st.text(st.sampled_from("ab \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2028é"), max_size=30)
    | st.text(st.sampled_from("ab \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x01\x7f"), max_size=80)
)
def test_words_are_counted_as_split_counts_them(text: str) -> None:
    assert stats._word_count(text) == len(text.split())
