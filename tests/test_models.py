"""The records' own behaviour: FieldSpans is a compact sequence equal to its spans."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.models import FieldSpan, FieldSpans, Source

spans_lists = st.lists(
    st.builds(
        FieldSpan,
        field=st.text(max_size=12),
        start=st.integers(0, 2**40),
        end=st.integers(0, 2**40),
    ),
    max_size=8,
)


@given(spans_lists)
def test_field_spans_hold_exactly_the_spans_given(spans: list[FieldSpan]) -> None:
    compact = FieldSpans(spans)
    assert list(compact) == spans
    assert len(compact) == len(spans)
    assert [compact[i] for i in range(-len(spans), len(spans))] == spans + spans
    assert compact == tuple(spans)
    assert tuple(spans) == compact
    assert hash(compact) == hash(tuple(spans))
    assert compact[1:] == spans[1:]


@given(spans_lists, spans_lists)
def test_field_spans_are_equal_exactly_when_their_spans_are(
    a: list[FieldSpan], b: list[FieldSpan]
) -> None:
    assert (FieldSpans(a) == FieldSpans(b)) == (a == b)
    assert (FieldSpans(a) == tuple(b)) == (a == b)


@given(spans_lists)
def test_field_spans_pickle_and_copy(spans: list[FieldSpan]) -> None:
    compact = FieldSpans(spans)
    assert pickle.loads(pickle.dumps(compact)) == compact
    assert copy.deepcopy(compact) == compact


def test_field_spans_from_lists_need_two_offsets_a_field() -> None:
    assert FieldSpans.from_lists(["title"], [0, 5]) == (FieldSpan("title", 0, 5),)
    with pytest.raises(ValueError, match="two offsets per field"):
        FieldSpans.from_lists(["title"], [0])
    with pytest.raises(IndexError):
        FieldSpans()[0]


def test_a_source_stores_any_spans_it_is_given_compactly() -> None:
    spans = (FieldSpan("title", 0, 5),)
    source = Source("a.txt", "00", "antara", spans=spans)
    assert isinstance(source.spans, FieldSpans)
    assert source == Source("a.txt", "00", "antara", spans=list(spans))
    assert Source("a.txt", "00", "antara", spans=source.spans).spans is source.spans
    assert "FieldSpan(field='title', start=0, end=5)" in repr(source)


OFFSETS = st.lists(
    st.one_of(st.integers(), st.booleans(), st.floats(allow_nan=False), st.text(max_size=1)),
    max_size=6,
)


@given(OFFSETS)
def test_field_spans_from_a_list_are_as_from_any_iterable(
    offsets: list[object],
) -> None:
    # A list is packed with struct before the array is made: the same array, or the
    # same error the array gives for any other iterable.
    def made(given: Any) -> object:
        fields = ["f"] * (len(offsets) // 2)
        try:
            spans = FieldSpans.from_lists(fields, given)
        except (TypeError, OverflowError, ValueError) as error:
            return type(error), str(error)
        return spans._fields, spans._offsets

    assert made(offsets) == made(iter(offsets))
