"""Hypothesis strategies for what the JSON contract holds: values, sources, articles.

:func:`from_type` draws values of the types the models are built from (never NaN or
infinities), :func:`articles` any article the JSON form can carry, with known and
unknown enrichments. Re-exported by :mod:`seedcorpus.testing.strategies` and
:mod:`seedcorpus.testing`.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from types import UnionType
from typing import Any, Union, get_args, get_origin

import attrs
from hypothesis import strategies as st

from seedcorpus.models import (
    Article,
    Enrichment,
    FieldSpan,
    Metadata,
    Source,
    UnknownEnrichment,
)

__all__ = ["articles", "from_type", "sources", "unknown_enrichments"]

_SCALARS: dict[Any, st.SearchStrategy[Any]] = {
    str: st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    int: st.integers(min_value=-(2**53), max_value=2**53),
    float: st.floats(allow_nan=False, allow_infinity=False, width=64),
    bool: st.booleans(),
    type(None): st.none(),
    # Aware times with a whole-minute UTC offset, as sources print them.
    datetime: st.builds(
        lambda moment, minutes: moment.replace(tzinfo=timezone(timedelta(minutes=minutes))),
        st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)),
        st.integers(min_value=-23 * 60, max_value=23 * 60),
    ),
}
_SCALARS[Metadata] = st.dictionaries(_SCALARS[str], _SCALARS[str], max_size=3).map(Metadata)


def from_type(tp: Any) -> st.SearchStrategy[Any]:
    """A strategy for values of ``tp`` that the JSON converter can hold.

    ``tp`` may be ``str``, ``int``, ``float``, ``bool``, ``None``, ``X | None``,
    ``tuple[X, ...]`` or an attrs class built from those (resolved recursively). Unlike
    ``st.from_type`` it never draws NaN or infinities, which JSON cannot hold.
    """
    if tp in _SCALARS:
        return _SCALARS[tp]
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, UnionType):
        return st.one_of(*(from_type(arg) for arg in args))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return st.lists(from_type(args[0]), max_size=4).map(tuple)
    if attrs.has(tp):
        attrs.resolve_types(tp)
        fields = {field.name: from_type(field.type) for field in attrs.fields(tp) if field.init}
        return st.builds(tp, **fields)
    raise TypeError(f"no strategy for {tp!r}")


def unknown_enrichments(
    known: frozenset[str] = frozenset(),
) -> st.SearchStrategy[UnknownEnrichment]:
    """Enrichments of kinds that no plugin knows (and not in ``known``), with JSON payloads."""
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers(-(2**31), 2**31) | _SCALARS[str],
        lambda children: (
            st.lists(children, max_size=3) | st.dictionaries(_SCALARS[str], children, max_size=3)
        ),
        max_leaves=8,
    )
    kinds = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True).filter(
        lambda kind: kind not in known
    )

    def build(kind: str, fields: dict[str, Any]) -> UnknownEnrichment:
        data = {"kind": kind, **{k: v for k, v in fields.items() if k != "kind"}}
        return UnknownEnrichment(kind, json.dumps(data, ensure_ascii=False, separators=(",", ":")))

    return st.builds(build, kinds, st.dictionaries(_SCALARS[str], json_values, max_size=4))


def articles(
    enrichment_types: tuple[type[Enrichment], ...] = (),
) -> st.SearchStrategy[Article]:
    """Any article the JSON contract can hold, with enrichments of the given types
    and of unknown kinds (which must survive a round trip unchanged)."""
    known = frozenset(cls.kind for cls in enrichment_types)
    enrichment = st.one_of(
        unknown_enrichments(known), *(from_type(cls) for cls in enrichment_types)
    )

    def unique_kinds(items: list[Enrichment | UnknownEnrichment]) -> tuple[Any, ...]:
        seen: dict[str, Enrichment | UnknownEnrichment] = {}
        for item in items:
            seen.setdefault(item.kind, item)
        return tuple(seen.values())

    attrs.resolve_types(Article)
    fields = {
        field.name: from_type(field.type)
        for field in attrs.fields(Article)
        if field.name not in ("source", "enrichments")
    }
    return st.builds(
        Article,
        **fields,
        source=sources(),
        enrichments=st.lists(enrichment, max_size=4).map(unique_kinds),
    )


def sources() -> st.SearchStrategy[Source]:
    """Sources whose spans name each field at most once, as the parser writes them."""
    offsets = st.integers(min_value=0, max_value=10**6)
    spans = st.dictionaries(_SCALARS[str], st.tuples(offsets, offsets).map(sorted), max_size=5)
    return st.builds(
        Source,
        path=_SCALARS[str],
        sha256=st.text("0123456789abcdef", min_size=64, max_size=64),
        parser=_SCALARS[str],
        encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
        spans=spans.map(
            lambda d: tuple(FieldSpan(field, start, end) for field, (start, end) in d.items())
        ),
    )
