"""An article's JSONL line: the bytes of ``json.dumps(data, ensure_ascii=False)``, faster.

The JSONL export has always written each article as ``json.dumps`` does by default
(``", "`` between items, ``": "`` after keys), and its bytes stay the same. ``json``
escapes long non-ASCII strings slowly (half of an article's time went to its paragraphs)
and its per-item work made the span table as costly again; orjson writes both several
times faster but only in the compact form. So :func:`spaced_json` has orjson write the
paragraphs (joined with ``", "``) and the spans (where the compact text can be spaced
with two byte replacements), ``json`` the rest, and puts the pieces in place.
"""

from __future__ import annotations

import json
from itertools import chain
from typing import Any

import orjson

__all__ = ["spaced_json"]

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
# Stand-ins for the pieces orjson writes: json writes them as "\u0003" and "\u0004".
_PARAGRAPHS, _SPANS = "\x03", "\x04"
_PARAGRAPHS_AT, _SPANS_AT = b'"\\u0003"', b'"\\u0004"'
_PAIR_TYPES = {tuple, list}


def spaced_json(data: Any) -> bytes:
    """The UTF-8 bytes of ``json.dumps(data, ensure_ascii=False)``, for ``data`` as
    ``converter.unstructure`` gives it; fastest for an article's.

    >>> spaced_json({"paragraphs": ("Satu, dua.", "Tiga: empat"), "title": "A"})
    b'{"paragraphs": ["Satu, dua.", "Tiga: empat"], "title": "A"}'

    :raises UnicodeEncodeError: for a string holding a lone surrogate, as writing
        ``json.dumps``' text as UTF-8 would.
    """
    if type(data) is not dict:
        return _ENCODE(data).encode("utf-8")
    rest = data.copy()
    pieces: list[tuple[bytes, bytes]] = []
    paragraphs: Any = data.get("paragraphs")
    if type(paragraphs) in (tuple, list) and set(map(type, paragraphs)) == {str}:
        try:
            written = b", ".join(map(orjson.dumps, paragraphs))
        except orjson.JSONEncodeError:  # a lone surrogate: json says so below
            pass
        else:
            pieces.append((_PARAGRAPHS_AT, b"[" + written + b"]"))
            rest["paragraphs"] = _PARAGRAPHS
    source: Any = data.get("source")
    spans = _spaced_spans(source["spans"]) if type(source) is dict else None
    if spans is not None:
        rest["source"] = {**source, "spans": _SPANS}
        pieces.append((_SPANS_AT, spans))
    text = _ENCODE(rest).encode("utf-8")
    for at, piece in pieces:
        if text.count(at) != 1:  # a string of the data is the stand-in itself
            return _ENCODE(data).encode("utf-8")
        text = text.replace(at, piece)
    return text


def _spaced_spans(spans: Any) -> bytes | None:
    """``{"field": [start, end], ...}`` as json writes it, or None where that cannot be
    told from orjson's compact text by counting: for a name holding ``,``, ``:``, a
    quote or a backslash, or anything but pairs of integers."""
    if type(spans) is not dict or not spans:
        return None
    pairs = spans.values()
    if not (
        set(map(type, pairs)) <= _PAIR_TYPES
        and set(map(len, pairs)) == {2}
        and set(map(type, chain.from_iterable(pairs))) == {int}
    ):
        return None
    try:
        compact = orjson.dumps(spans)
    except orjson.JSONEncodeError:  # an offset beyond 64 bits
        return None
    count = len(spans)
    # n pairs under plain names: n colons, n commas in the pairs and n - 1 between
    # them; a name with more of them, or one that needs an escape, is left to json.
    if compact.count(b":") != count or compact.count(b",") != 2 * count - 1 or b"\\" in compact:
        return None
    return compact.replace(b",", b", ").replace(b":", b": ")
