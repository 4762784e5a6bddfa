"""The generated unstructure functions give what cattrs' general generated hooks give."""

from __future__ import annotations

from typing import Any

import attrs
import orjson
import pytest
from cattrs.gen import make_dict_unstructure_fn
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.models import Article, FieldSpans, Metadata, Source
from seedcorpus.registry import Registry
from seedcorpus.serialization import (
    CONTRACT_VERSION,
    data_to_json_bytes,
    data_to_json_line,
    make_converter,
)
from seedcorpus.testing import articles, from_type
from seedcorpus.testing.strategies import sources
from seedcorpus.unstructure import (
    record_unstructurer,
    unstructure_field_spans,
    unstructure_metadata,
)

BUILTIN = Registry.load(entry_points=False, disabled=())
TYPES = tuple(t for spec in BUILTIN.enrichers.values() for t in spec.types)
CONVERTER = BUILTIN.converter


def _same(fast: Any, general: Any) -> None:
    """Equal, keys in the same order, and the same JSON bytes."""
    assert fast == general
    assert list(fast) == list(general)
    assert orjson.dumps(fast) == orjson.dumps(general)


@given(articles(TYPES))
def test_article_function_matches_cattrs_general_hook(article: Article) -> None:
    general = make_dict_unstructure_fn(Article, CONVERTER)
    _same(CONVERTER.unstructure(article), {"contract": CONTRACT_VERSION, **general(article)})
    hook = CONVERTER.get_unstructure_hook(Article)
    assert data_to_json_bytes(hook(article)) + b"\n" == data_to_json_line(hook(article))


@given(sources())
def test_source_function_matches_cattrs_general_hook(source: Source) -> None:
    _same(CONVERTER.unstructure(source), make_dict_unstructure_fn(Source, CONVERTER)(source))


@given(sources())
def test_spans_are_written_as_their_records_say(source: Source) -> None:
    spans = source.spans
    assert isinstance(spans, FieldSpans)
    expected = {span.field: (span.start, span.end) for span in spans}
    _same(unstructure_field_spans(spans), expected)


@given(st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=4))
def test_metadata_is_written_as_the_mapping_protocol_reads_it(items: dict[str, str]) -> None:
    metadata = Metadata(items)
    _same(unstructure_metadata(metadata), dict(metadata))


@attrs.frozen
class Inner:
    name: str
    size: int | None = None


@attrs.frozen
class Outer:
    """Every kind of field the generator writes differently."""

    numbers: tuple[int, ...]
    words: tuple[str, ...]
    inners: tuple[Inner, ...]
    maybe_inner: Inner | None
    maybe_number: int | None
    inner: Inner
    ratio: float


@given(from_type(Outer))
def test_every_kind_of_field_matches_cattrs_general_hook(outer: Outer) -> None:
    converter = make_converter()
    fast = record_unstructurer(Outer, converter, first=(("version", 3),))(outer)
    _same(fast, {"version": 3, **make_dict_unstructure_fn(Outer, converter)(outer)})


def test_a_field_not_set_by_init_is_left_to_cattrs() -> None:
    @attrs.frozen
    class Derived:
        name: str
        length: int = attrs.field(init=False, default=0)

    with pytest.raises(TypeError, match="length"):
        record_unstructurer(Derived, make_converter())


def test_a_non_finite_number_is_written_by_json_in_a_line() -> None:
    data = {"x": CONVERTER.unstructure(float("nan"))}
    assert data_to_json_line(data) == data_to_json_bytes(data) + b"\n" == b'{"x":NaN}\n'
