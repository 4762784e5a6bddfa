"""An article's JSONL line: the bytes of ``json.dumps(data, ensure_ascii=False)``, faster.

The JSONL export has always written each article as ``json.dumps`` does by default
(``", "`` between items, ``": "`` after keys), and its bytes stay the same. ``json``
escapes long non-ASCII strings slowly (half of an article's time went to its paragraphs)
and its per-item work made the span table as costly again; orjson writes both several
times faster but only in the compact form. So :func:`spaced_json` has orjson write the
paragraphs (joined with ``", "``) and the spans (where the compact text can be spaced
with two byte replacements), ``json`` the runs of other items between them, and joins
the pieces: no pass over the whole text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import chain
from typing import Any

import orjson

__all__ = ["spaced_json"]

# Without the check for circular data (unstructured data has none), which costs a set
# entry per container: the text is the same.
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def _make_encode() -> Callable[[Any], str]:
    # What JSONEncoder.encode runs for a container, made once: encode() builds its C
    # encoder at every call, which cost more than writing a short run of items. Used
    # only where it writes a sample exactly as encode() does.
    try:
        iterencode = json.encoder.c_make_encoder(  # type: ignore[attr-defined]
            None, _ENCODER.default, json.encoder.encode_basestring, None,
            ": ", ", ", False, False, True,
        )  # fmt: skip
        sample = {"a": [1, 2.5, None, True, "é\n"], "b": {"c": float("nan")}}
        if "".join(iterencode(sample, 0)) != _ENCODER.encode(sample):
            return _ENCODER.encode
    except Exception:  # not CPython, or another signature
        return _ENCODER.encode

    def encode(data: Any) -> str:
        return "".join(iterencode(data, 0))

    return encode


_ENCODE = _make_encode()
_PAIR_TYPES = {tuple, list}
_STR, _INT = {str}, {int}
# Span names seen to be written alike by orjson and json, and to hold no "," or ":".
_PLAIN_NAMES: set[str] = set()
_MAX_NAMES = 10_000
_NOT_PLAIN = frozenset(',:"\\')


def spaced_json(data: Any) -> bytes:
    """The UTF-8 bytes of ``json.dumps(data, ensure_ascii=False)``, for ``data`` as
    ``converter.unstructure`` gives it; fastest for an article's.

    >>> spaced_json({"paragraphs": ("Satu, dua.", "Tiga: empat"), "title": "A"})
    b'{"paragraphs": ["Satu, dua.", "Tiga: empat"], "title": "A"}'

    :raises UnicodeEncodeError: for a string holding a lone surrogate, as writing
        ``json.dumps``' text as UTF-8 would.
    """
    if type(data) is dict:
        written = _object(data, _ARTICLE)
        if written is not None:
            return written
    return _ENCODE(data).encode("utf-8")


def _object(
    data: dict[Any, Any], special: dict[str, Callable[[Any], bytes | None]]
) -> bytes | None:
    """``data`` as json writes it, the values of the keys in ``special`` written by
    their function (where it does not return None), the runs of other items between
    them by json; None if no key was special. (No Python step per item: an article has
    some thirty.)"""
    marks = []
    for key, write in special.items():
        if key in data:
            piece = write(data[key])
            if piece is not None:
                marks.append((key, piece))
    if not marks:
        return None
    keys = list(data)
    places = [(keys.index(key), key, piece) for key, piece in marks]
    if any(type(keys[at]) is not str for at, _, _ in places):
        return None  # a str subclass equal to the name: left to json
    items = list(data.items())
    pieces: list[bytes] = []
    start = 0
    for at, key, piece in sorted(places):
        if at > start:  # the items before, without braces
            pieces.append(_ENCODE(dict(items[start:at]))[1:-1].encode("utf-8"))
        pieces.append(_ENCODE(key).encode("utf-8") + b": " + piece)
        start = at + 1
    if start < len(items):
        pieces.append(_ENCODE(dict(items[start:]))[1:-1].encode("utf-8"))
    return b"{" + b", ".join(pieces) + b"}"


def _paragraphs(paragraphs: Any) -> bytes | None:
    if type(paragraphs) not in _PAIR_TYPES or set(map(type, paragraphs)) != _STR:
        return None
    try:
        return b"[" + b", ".join(map(orjson.dumps, paragraphs)) + b"]"
    except orjson.JSONEncodeError:  # a lone surrogate: json says so
        return None


def _source(source: Any) -> bytes | None:
    return _object(source, _SOURCE) if type(source) is dict else None


def _spans(spans: Any) -> bytes | None:
    """``{"field": [start, end], ...}`` as json writes it, from orjson's compact text
    with a space put after every "," and ":": only where the names hold neither and need
    no escape, and the values are arrays of integers."""
    if type(spans) is not dict or not spans:
        return None
    pairs = spans.values()
    if set(map(type, pairs)) - _PAIR_TYPES or set(map(type, chain.from_iterable(pairs))) - _INT:
        return None
    if not _PLAIN_NAMES.issuperset(spans):
        for name in spans:
            if type(name) is not str or not name.isprintable() or _NOT_PLAIN.intersection(name):
                return None
        if len(_PLAIN_NAMES) > _MAX_NAMES:
            _PLAIN_NAMES.clear()
        _PLAIN_NAMES.update(spans)
    try:
        compact = orjson.dumps(spans)
    except orjson.JSONEncodeError:  # an offset beyond 64 bits
        return None
    return compact.replace(b",", b", ").replace(b":", b": ")


_ARTICLE: dict[str, Callable[[Any], bytes | None]] = {
    "paragraphs": _paragraphs,
    "source": _source,
}
_SOURCE: dict[str, Callable[[Any], bytes | None]] = {"spans": _spans}
