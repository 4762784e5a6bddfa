"""The orjson layer: compact bytes, and the same articles and errors as the json module.

orjson reads and writes the JSON text; what it refuses or reads differently (NaN,
integers beyond 64 bits, UTF-16, a kept payload's own spelling) takes the exact path,
so these properties compare the fast path with it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.default_plugins.language import Language
from seedcorpus.default_plugins.quotes import Quote
from seedcorpus.default_plugins.stats import Stats
from seedcorpus.errors import SerializationError
from seedcorpus.models import (
    Article,
    Copyright,
    Dateline,
    FieldSpan,
    Problem,
    Source,
    UnknownEnrichment,
)
from seedcorpus.registry import Registry
from seedcorpus.serialization import (
    _article_from_json_exactly,
    _flat_record_hook,
    article_from_json,
    article_to_json,
    data_to_json,
)
from seedcorpus.testing import articles

BUILTIN = Registry.load(entry_points=False, disabled=())
TYPES = tuple(t for spec in BUILTIN.enrichers.values() for t in spec.types)
CONVERTER = BUILTIN.converter
SOURCE = Source("a.txt", "ab", "antara", spans=[FieldSpan("title", 0, 5)])


def test_the_json_form_is_compact_utf8_with_json_escapes() -> None:
    article = Article(id="a", source=SOURCE, title="Jalan \u201cRaya\u201d\t\x00", tags=("é",))
    text = article_to_json(article, CONVERTER)
    assert text.startswith(
        '{"contract":2,"id":"a","source":{"path":"a.txt","sha256":"ab","parser":"antara",'
        '"encoding":"utf-8","spans":{"title":[0,5]}},"language":null,'
        '"title":"Jalan \u201cRaya\u201d\\t\\u0000",'
    )
    assert '"tags":["é"]' in text
    # The same text json writes with compact separators.
    assert text == json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))


def test_an_unknown_kind_is_written_back_byte_for_byte() -> None:
    kept = '{"kind":"x","small":1e-07,"big":123456789012345678901234567890,"s":"é"}'
    article = Article(id="a", source=SOURCE, enrichments=(UnknownEnrichment("x", kept),))
    text = article_to_json(article, CONVERTER)
    assert f'"enrichments":[{kept}]' in text
    assert article_from_json(text, CONVERTER) == article
    # Whoever reads the unstructured data gets a plain mapping of it.
    (payload,) = CONVERTER.unstructure(article)["enrichments"]
    assert payload == json.loads(kept)
    assert json.loads(json.dumps(payload)) == json.loads(kept)


def test_an_integer_beyond_64_bits_round_trips() -> None:
    article = Article(id="a", source=SOURCE, copyright=Copyright("A", 2**70))
    text = article_to_json(article, CONVERTER)
    assert f'"year":{2**70}' in text
    assert article_from_json(text, CONVERTER) == article
    assert article_from_json(text.encode(), CONVERTER) == article


def test_nan_is_written_as_before_and_refused_on_reading() -> None:
    stats = Stats(words=1, sentences=1, paragraphs=1, reading_minutes=float("nan"))
    text = article_to_json(Article(id="a", source=SOURCE, enrichments=(stats,)), CONVERTER)
    assert '"reading_minutes":NaN' in text  # never a silent null
    with pytest.raises(SerializationError, match="expected a finite number, got nan"):
        article_from_json(text, CONVERTER)


def test_utf16_bytes_and_a_bom_read_as_before() -> None:
    article = Article(id="a", source=SOURCE, title="Judul")
    text = article_to_json(article, CONVERTER)
    assert article_from_json(text.encode("utf-16"), CONVERTER) == article
    assert article_from_json(text.encode("utf-8-sig"), CONVERTER) == article


def outcome(read: Callable[..., Article], text: str | bytes) -> object:
    """The article read from ``text``, or the message of the error raised."""
    try:
        return read(text, CONVERTER, path="p", line=1)
    except SerializationError as error:
        return str(error)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)


def paths(data: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every path in ``data``, containers included."""
    found = [path] if path else []
    if isinstance(data, dict):
        return found + [p for key, value in data.items() for p in paths(value, (*path, key))]
    if isinstance(data, list):
        return found + [p for i, value in enumerate(data) for p in paths(value, (*path, i))]
    return found


@given(articles(TYPES), JSON_VALUES, st.data())
def test_orjson_reads_any_edited_article_as_json_does(
    article: Article, value: object, data: st.DataObject
) -> None:
    document = json.loads(article_to_json(article, CONVERTER))
    *parents, last = data.draw(st.sampled_from(paths(document)))
    node = document
    for key in parents:
        node = node[key]
    node[last] = value
    text = json.dumps(document, ensure_ascii=False)
    for given_text in (text, text.encode()):
        fast = outcome(article_from_json, given_text)
        assert fast == outcome(_article_from_json_exactly, given_text)


@given(articles(TYPES))
def test_unstructured_data_is_what_the_json_text_holds(article: Article) -> None:
    data = CONVERTER.unstructure(article)
    assert json.loads(json.dumps(data)) == json.loads(article_to_json(article, CONVERTER))


def structured(structure: object, data: object, cls: type) -> object:
    """The record made, or the type and text of the error raised."""
    try:
        return structure(data, cls)  # type: ignore[operator]
    except Exception as error:
        return type(error), str(error)


RECORDS = [Quote, Stats, Language, Problem, Dateline, Copyright]


@given(st.sampled_from(RECORDS), st.data())
def test_a_record_of_scalars_reads_as_cattrs_reads_it(cls: type, data: st.DataObject) -> None:
    # The flat hook checks all types at once and hands anything unusual to cattrs' own.
    general = CONVERTER.gen_structure_attrs_fromdict(cls)
    flat = _flat_record_hook(cls, general)
    assert flat is not None
    names = [field.name for field in attrs.fields(cls)]
    keys = data.draw(st.lists(st.sampled_from([*names, "extra"]), unique=True) | st.just(names))
    values = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=3)
    record = {key: data.draw(values) for key in keys}
    assert structured(flat, record, cls) == structured(general, record, cls)


@given(articles(TYPES))
def test_each_enrichment_s_text_is_that_part_of_the_article_s(article: Article) -> None:
    text = article_to_json(article, CONVERTER)
    data = CONVERTER.unstructure(article)
    parts = [data_to_json(enrichment) for enrichment in data["enrichments"]]
    assert text.endswith(f',"enrichments":[{",".join(parts)}]}}')


def test_unstructured_shapes_of_optional_and_tuple_fields() -> None:
    # The hooks that skip cattrs' per-value wrappers give what cattrs gave: tuples of
    # strings pass through, other tuples become lists, optional values their inner form.
    converter = Registry.load().converter
    moment = datetime(2024, 1, 1, tzinfo=UTC)
    cases: list[tuple[object, object, object]] = [
        (tuple[int, ...], (1, 2), [1, 2]),
        (tuple[str, ...], ("a",), ("a",)),
        (tuple[str | None, ...], ("a", None), ["a", None]),
        (tuple[datetime, ...], (moment,), ["2024-01-01T00:00:00+00:00"]),
        (int | None, 3, 3),
        (str | None, None, None),
        (datetime | None, moment, "2024-01-01T00:00:00+00:00"),
        (
            tuple[Problem, ...],
            (Problem("c", "m"),),
            [{"code": "c", "message": "m", "path": None, "line": None}],
        ),
    ]
    for type_, value, expected in cases:
        result = converter.unstructure(value, type_)
        assert result == expected, type_
        assert type(result) is type(expected), type_
