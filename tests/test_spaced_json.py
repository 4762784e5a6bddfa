"""The JSONL line writer: byte for byte what ``json.dumps(data, ensure_ascii=False)``
writes, for articles and for any JSON data (the stand-ins and the spans shortcut must
never show)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.registry import Registry
from seedcorpus.spaced_json import spaced_json
from seedcorpus.testing import articles

CONVERTER = Registry.load().converter

# Strings rich in what the writer must get right: separators, quotes, backslashes, the
# control characters it uses as stand-ins, and non-ASCII text.
_TEXT = st.text(alphabet=st.sampled_from(list(',:"\\ \x03\x04\x00aé€\u2028\n[]{}')), max_size=12)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | _TEXT
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=4).map(tuple)
        | st.dictionaries(_TEXT, inner, max_size=4)
    ),
    max_leaves=12,
)


def _expected(data: Any) -> bytes | type[Exception]:
    try:
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
    except Exception as error:
        return type(error)


def _written(data: Any) -> bytes | type[Exception]:
    try:
        return spaced_json(data)
    except Exception as error:
        return type(error)


@given(articles())
def test_an_article_line_is_json_dumps(article: Any) -> None:
    data = CONVERTER.unstructure(article)
    assert spaced_json(data) == json.dumps(data, ensure_ascii=False).encode("utf-8")


@given(
    _JSON,
    st.lists(_TEXT, max_size=4) | _JSON,
    st.dictionaries(_TEXT, st.tuples(st.integers(0, 2**64), st.integers(0, 9)) | _JSON),
    st.dictionaries(_TEXT, _JSON, max_size=3),
)
def test_any_data_is_json_dumps(data: Any, paragraphs: Any, spans: Any, source: Any) -> None:
    # The shapes the shortcuts look for (paragraphs, source.spans), holding anything.
    shaped = {"title": data, "source": {**source, "spans": spans}, "paragraphs": paragraphs}
    for value in (data, shaped):
        assert _written(value) == _expected(value)


def test_stand_ins_in_the_data_are_written_as_they_are() -> None:
    data = {"title": "\x03", "source": {"spans": {"a": (1, 2)}, "x": "\x04"}, "paragraphs": ["p"]}
    assert spaced_json(data) == json.dumps(data, ensure_ascii=False).encode("utf-8")
    spans = {"a,b": (1, 2), "c:d": (3, 4), 'e"': (5, 6), "f": (7.0, 8)}
    data = {"source": {"spans": spans}, "paragraphs": ("a, b", "c: d")}
    assert spaced_json(data) == b'{"source": {"spans": {"a,b": [1, 2], "c:d": [3, 4], ' + (
        b'"e\\"": [5, 6], "f": [7.0, 8]}}, "paragraphs": ["a, b", "c: d"]}'
    )
