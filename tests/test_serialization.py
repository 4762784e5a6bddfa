"""The JSON contract: one converter, tagged enrichments, unknown kinds kept verbatim."""

from __future__ import annotations

import json
import re
from typing import ClassVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.errors import SerializationError
from seedcorpus.models import Article, Enrichment, Source, UnknownEnrichment
from seedcorpus.registry import Registry
from seedcorpus.serialization import (
    article_from_data,
    article_from_json,
    article_to_json,
    make_converter,
)
from seedcorpus.testing import articles

BUILTIN = Registry.load(entry_points=False, disabled=())
TYPES = tuple(t for spec in BUILTIN.enrichers.values() for t in spec.types)
CONVERTER = BUILTIN.converter

CONTRACT_KEYS = [
    "contract", "id", "source", "language", "title", "url", "published_at", "section", "tags",
    "summary", "image", "caption", "dateline", "paragraphs", "signoff", "related",
    "syndication", "byline", "copyright", "metadata", "problems", "enrichments",
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
    assert data["byline"] == {"reporters": [], "editors": []}
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


# --- JSON types are read strictly -----------------------------------------------------

VALID = {"id": "a", "title": "t", "source": {"path": "a", "sha256": "b", "parser": "c"}}


def with_value(path: str, value: object) -> dict[str, object]:
    """VALID with ``value`` at the dotted ``path`` (created where missing)."""
    data = json.loads(json.dumps(VALID))
    *parents, last = path.split(".")
    node = data
    for key in parents:
        node = node.setdefault(key, {})
    node[last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("title", 5, "expected a string, got a number @ $.title"),
        ("title", True, "expected a string, got true @ $.title"),
        ("title", ["t"], "expected a string, got an array @ $.title"),
        ("id", {"a": 1}, "expected a string, got an object @ $.id"),
        ("language", 1, "expected a string, got a number @ $.language"),
        ("source.parser", 1.5, "expected a string, got a number @ $.source.parser"),
        ("tags", "abc", "expected an array, got a string @ $.tags"),
        ("tags", [1], "expected a string, got a number @ $.tags[0]"),
        ("paragraphs", {"0": "p"}, "expected an array, got an object @ $.paragraphs"),
        ("caption", "Foto", "expected an object, got a string @ $.caption"),
        ("byline", None, "expected an object, got null @ $.byline"),
        ("copyright", {"holder": "A", "year": "2020"}, "expected an integer, got a string"),
        ("copyright", {"holder": "A", "year": 2020.0}, "expected an integer, got a number"),
        ("copyright", {"holder": "A", "year": False}, "expected an integer, got false"),
        ("problems", [{"code": "c", "message": "m", "line": "3"}], "@ $.problems[0].line"),
        ("source.spans", [["title", 0, 1]], "expected an object of [start, end] offsets"),
        ("source.spans", {"title": [0, 1, 2]}, "span 'title': expected [start, end]"),
        ("source.spans", {"title": [0, 1.5]}, "span 'title': expected [start, end]"),
        ("source.spans", {"title": [-1, 1]}, "span 'title': expected [start, end]"),
        ("source.spans", {"title": [0, 2**63]}, "span 'title': expected [start, end]"),
        ("source.spans", {"title": [True, 1]}, "span 'title': expected [start, end]"),
    ],
)
def test_wrong_json_types_are_refused_naming_the_field(
    path: str, value: object, message: str
) -> None:
    text = json.dumps(with_value(path, value))
    with pytest.raises(SerializationError) as caught:
        article_from_json(text, CONVERTER, path="out.jsonl", line=2)
    assert str(caught.value).startswith("out.jsonl:2: not an article: ")
    assert message in str(caught.value)
    with pytest.raises(SerializationError, match=re.escape(message)):
        article_from_data(json.loads(text), CONVERTER, path="out.parquet", line=2)


STATS = {"kind": "stats", "words": 1, "sentences": 1, "paragraphs": 1, "reading_minutes": 0.5}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("NaN", "expected a finite number, got nan @ $.enrichments[0].reading_minutes"),
        ("Infinity", "expected a finite number, got inf @ $.enrichments[0].reading_minutes"),
        ("-Infinity", "expected a finite number, got -inf"),
        ("1e999", "expected a finite number, got inf"),
        ('"0.5"', "expected a number, got a string @ $.enrichments[0].reading_minutes"),
        ("true", "expected a number, got true"),
    ],
)
def test_a_number_field_takes_only_a_finite_number(text: str, message: str) -> None:
    data = with_value("enrichments", [{**STATS, "reading_minutes": "@"}])
    with pytest.raises(SerializationError) as caught:
        article_from_json(json.dumps(data).replace('"@"', text), CONVERTER)
    assert message in str(caught.value)


def test_an_integer_is_a_number() -> None:
    data = with_value("enrichments", [{**STATS, "reading_minutes": 2}])
    (stats,) = article_from_json(json.dumps(data), CONVERTER).enrichments
    assert getattr(stats, "reading_minutes", None) == 2.0


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_an_unknown_enrichment_cannot_hold_nan_or_infinity(constant: str) -> None:
    # It is written back verbatim: NaN would make the output invalid JSON.
    data = with_value("enrichments", [{"kind": "unknown", "score": "@"}])
    with pytest.raises(SerializationError, match=r"NaN or infinity @ \$\.enrichments\[0\]$"):
        article_from_json(json.dumps(data).replace('"@"', constant), CONVERTER)


def leaves(data: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Paths of the strings, numbers and booleans in ``data``."""
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in leaves(value, (*path, key))]
    if isinstance(data, list):
        return [leaf for index, value in enumerate(data) for leaf in leaves(value, (*path, index))]
    return [path] if data is not None else []


def cattrs_path(path: tuple[str | int, ...]) -> str:
    """The path as the error message names it: ``$.enrichments[0].words``."""
    if path[:2] == ("source", "spans"):
        path = path[:2]  # the spans are read as one value
    if path[0] == "metadata":
        path = path[:1]  # so is the metadata map (its message names the key)
    if path[0] == "enrichments" and path[2:] == ("kind",):
        path = path[:2]  # the kind tells how to read the rest
    return "$" + "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in path)


KNOWN_KINDS = {cls.kind for cls in TYPES}
# For each JSON type, values of other JSON types (never null: optional fields take it).
OTHER_TYPES = {
    str: st.integers() | st.floats(allow_nan=False) | st.booleans() | st.just([]) | st.just({}),
    int: st.text() | st.floats() | st.booleans() | st.just([]) | st.just({}),
    float: st.text() | st.booleans() | st.just([]) | st.just({}),
}


@given(articles(TYPES), st.data())
def test_a_value_of_another_json_type_is_refused_naming_its_field(
    article: Article, data: st.DataObject
) -> None:
    document = json.loads(article_to_json(article, CONVERTER))
    paths = [
        path
        for path in leaves(document)
        # The payload of an unknown kind is free-form; its "kind" must be a string.
        if not (
            path[0] == "enrichments"
            and document["enrichments"][path[1]]["kind"] not in KNOWN_KINDS
        )
    ]
    if not paths:
        return
    path = data.draw(st.sampled_from(paths))
    *parents, last = path
    node = document
    for key in parents:
        node = node[key]
    leaf_type = type(node[last]) if not isinstance(node[last], bool) else bool
    node[last] = data.draw(OTHER_TYPES.get(leaf_type, st.text()))
    text = json.dumps(document)
    with pytest.raises(SerializationError) as caught:
        article_from_json(text, CONVERTER, path="out.jsonl", line=1)
    assert cattrs_path(path) in str(caught.value)
