"""The JSON contract: one converter, tagged enrichments, unknown kinds kept verbatim."""

from __future__ import annotations

import json
from typing import ClassVar

import attrs
import pytest
from hypothesis import given

from seedcorpus.errors import SerializationError
from seedcorpus.models import Article, Enrichment, Source, UnknownEnrichment
from seedcorpus.registry import Registry
from seedcorpus.serialization import article_from_json, article_to_json, make_converter
from seedcorpus.testing import articles

BUILTIN = Registry.load(entry_points=False, disabled=())
TYPES = tuple(t for spec in BUILTIN.enrichers.values() for t in spec.types)
CONVERTER = BUILTIN.converter

CONTRACT_KEYS = [
    "id", "source", "language", "title", "tags", "caption", "dateline", "paragraphs",
    "related", "syndication", "byline", "copyright", "problems", "enrichments",
]  # fmt: skip


@given(articles(TYPES))
def test_article_to_json_to_article_is_identity(article: Article) -> None:
    assert article_from_json(article_to_json(article, CONVERTER), CONVERTER) == article


@given(articles(TYPES))
def test_json_to_article_to_json_is_identity(article: Article) -> None:
    text = article_to_json(article, CONVERTER)
    assert article_to_json(article_from_json(text, CONVERTER), CONVERTER) == text


def test_json_keys_follow_the_contract_order() -> None:
    article = Article(id="a", source=Source("a.txt", "ab", "antara"), title="Judul")
    data = json.loads(article_to_json(article, CONVERTER))
    assert list(data) == CONTRACT_KEYS
    assert data["byline"] == {"reporter": None, "editor": None}
    assert data["caption"] is None
    assert data["tags"] == []


@attrs.frozen
class WordCount(Enrichment):
    kind: ClassVar[str] = "wordcount"
    words: int


def test_enrichments_are_tagged_by_kind_and_read_back_typed() -> None:
    converter = make_converter([WordCount])
    article = Article(
        id="a", source=Source("a.txt", "ab", "antara"), title="t", enrichments=(WordCount(3),)
    )
    data = json.loads(article_to_json(article, converter))
    assert data["enrichments"] == [{"kind": "wordcount", "words": 3}]
    assert article_from_json(json.dumps(data), converter).enrichments == (WordCount(3),)


def test_a_kind_without_a_plugin_is_kept_and_written_back_unchanged() -> None:
    written = make_converter([WordCount])
    article = Article(
        id="a", source=Source("a.txt", "ab", "antara"), title="t", enrichments=(WordCount(3),)
    )
    text = article_to_json(article, written)
    uninstalled = make_converter([])
    read = article_from_json(text, uninstalled)
    assert read.enrichments == (UnknownEnrichment("wordcount", '{"kind":"wordcount","words":3}'),)
    assert article_to_json(read, uninstalled) == text
    assert article_from_json(article_to_json(read, uninstalled), written) == article


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ("[1]", "must be a JSON object"),
        ('{"id": "a"}', "required field missing @ $.source"),
        (
            '{"id": "a", "title": "t", "source": {"path": "a", "sha256": "b", "parser": "c"},'
            ' "bogus": 1}',
            "extra fields found (bogus)",
        ),
        (
            '{"id": "a", "title": "t", "source": {"path": "a", "sha256": "b", "parser": "c"},'
            ' "enrichments": [{"no": "kind"}]}',
            "string 'kind'",
        ),
    ],
)
def test_bad_json_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(SerializationError) as caught:
        article_from_json(text, CONVERTER, path="out.jsonl", line=7)
    assert str(caught.value).startswith("out.jsonl:7: ")
    assert message in str(caught.value)


def test_an_enrichment_class_without_kind_is_refused() -> None:
    @attrs.frozen
    class Nameless(Enrichment):
        value: int

    with pytest.raises(TypeError, match="Nameless"):
        make_converter([Nameless])
