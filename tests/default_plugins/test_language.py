"""The language enricher: lingua when installed, the function-word profile otherwise."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import SimpleNamespace

import cattrs
import pytest
from articles import SAMPLE, SEED, article, news_articles
from hypothesis import given

from seedcorpus.default_plugins import language
from seedcorpus.default_plugins.language import (
    LONG_SAMPLE_CHARS,
    SAMPLE_CHARS,
    Language,
    profile_scores,
)
from seedcorpus.models import Article
from seedcorpus.testing import check_enricher

ENGLISH = (
    "The minister said that the cooperation between the two countries has been going on "
    "for a long time, and that it will be expanded to public services this year."
)
MALAY = (
    "Kerajaan berkata bahawa perkhidmatan awam akan ditambah baik kerana rakyat "
    "memerlukan sokongan, iaitu melalui syarikat tempatan dan agensi kerajaan negeri."
)


@pytest.fixture
def without_lingua(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make ``import lingua`` fail, as if the optional extra were not installed."""
    monkeypatch.setitem(sys.modules, "lingua", None)
    language._detector.cache_clear()
    yield
    language._detector.cache_clear()


@pytest.fixture
def with_lingua() -> None:
    pytest.importorskip("lingua")


@pytest.mark.usefixtures("with_lingua")
@pytest.mark.parametrize("item", [SEED, SAMPLE], ids=["seed", "sample"])
def test_lingua_detects_indonesian(item: Article) -> None:
    result = language.enrich(item)

    assert (result.detected, result.method) == ("id", "lingua")
    assert result.score > 0.9
    assert result.declared == item.language


@pytest.mark.usefixtures("with_lingua")
@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (MALAY, "ms")])
def test_lingua_tells_english_and_malay(text: str, code: str) -> None:
    assert language.enrich(article(text)).detected == code


class StubDetector:
    """Unsure about short texts (Malay 0.6), sure about long ones (Indonesian 1.0)."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def compute_language_confidence_values(self, text: str) -> list[SimpleNamespace]:
        self.texts.append(text)
        code, value = ("MS", 0.6) if len(text) <= SAMPLE_CHARS else ("ID", 1.0)
        iso = SimpleNamespace(name=code)
        return [SimpleNamespace(language=SimpleNamespace(iso_code_639_1=iso), value=value)]


def test_unsure_lingua_reads_a_longer_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    stub = StubDetector()
    monkeypatch.setattr(language, "_detector", lambda: stub)
    result = language.enrich(SEED)

    assert (result.detected, result.score, result.method) == ("id", 1.0, "lingua")
    assert [len(text) <= SAMPLE_CHARS for text in stub.texts] == [True, False]
    assert len(stub.texts[1]) <= LONG_SAMPLE_CHARS


def test_short_text_is_not_read_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    stub = StubDetector()
    monkeypatch.setattr(language, "_detector", lambda: stub)
    result = language.enrich(article("Kata dia.", title="Judul"))

    assert (result.detected, result.score) == ("ms", 0.6)
    assert stub.texts == ["Judul Kata dia."]


@pytest.mark.usefixtures("without_lingua")
@pytest.mark.parametrize("item", [SEED, SAMPLE], ids=["seed", "sample"])
def test_profile_detects_indonesian_without_lingua(item: Article) -> None:
    result = language.enrich(item)

    assert (result.detected, result.method) == ("id", "profile")
    assert result.score > 0.8


@pytest.mark.usefixtures("without_lingua")
@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (MALAY, "ms")])
def test_profile_tells_english_and_malay(text: str, code: str) -> None:
    result = language.enrich(article(text))

    assert (result.detected, result.method) == (code, "profile")


@pytest.mark.usefixtures("without_lingua")
def test_profile_without_any_listed_word_detects_nothing() -> None:
    result = language.enrich(article("12345 !!!", title="Xyzzy"))

    assert (result.detected, result.score) == (None, 0.0)


def test_profile_scores_share_one() -> None:
    scores = profile_scores(SEED.text)

    assert sum(scores.values()) == pytest.approx(1.0)
    assert scores["id"] > scores["ms"] > scores["en"]


def test_profile_with_only_shared_words_cannot_tell_indonesian_from_malay() -> None:
    scores = profile_scores("dan yang di ini itu akan")

    assert scores == {"id": 0.5, "ms": 0.5, "en": 0.0}


def test_declared_language_is_passed_through() -> None:
    assert language.enrich(article(ENGLISH, language="id")).declared == "id"


@given(news_articles())
def test_enrich_is_total_and_round_trips(item: Article) -> None:
    result = language.enrich(item)
    converter = cattrs.Converter()

    assert converter.structure(converter.unstructure(result), Language) == result
    assert result.detected in {"id", "ms", "en", None}
    assert 0.0 <= result.score <= 1.0
    assert (result.detected is None) == (result.score == 0.0)


@pytest.mark.usefixtures("without_lingua")
@given(news_articles())
def test_profile_is_total(item: Article) -> None:
    result = language.enrich(item)

    assert result.method == "profile"
    assert 0.0 <= result.score <= 1.0


def test_plugin_contract() -> None:
    (spec,) = language.seedcorpus_enrichers()
    assert spec.name == Language.kind
    check_enricher(spec, max_examples=50)
