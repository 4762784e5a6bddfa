"""How records become plain data on the way out: the converter's unstructure hooks.

Exporting writes an article's JSON for every article, so how an article becomes plain
data is on the hot path of every export. cattrs generates a function per record that
calls a hook per field. The hooks here make that cheaper:

* an optional field's value goes out as it is when its type does (a string), and
  otherwise through the inner hook after a test for ``None``
  (:func:`optional_unstructure`);
* a tuple of records becomes a list with ``map`` (:func:`records_unstructure`);
* spans and metadata are copied straight from their storage
  (:func:`unstructure_field_spans`, :func:`unstructure_metadata`);
* the article and its source get a function of their own
  (:func:`record_unstructurer`) with those tests and copies written in place, so an
  absent caption or an empty list of problems costs no call at all.

The data is the same as cattrs' own generated hooks give with these hooks (a property
test compares them on generated articles), so the JSON bytes are the same too.
"""

from __future__ import annotations

import json
import linecache
import math
from collections.abc import Callable, Collection
from types import UnionType
from typing import Any, Union, get_args, get_origin

import attrs
import orjson
from cattrs import Converter
from cattrs.fns import identity

from seedcorpus.models import FieldSpans, Metadata

__all__ = [
    "NonFinite",
    "Verbatim",
    "inexact",
    "is_optional",
    "is_records_tuple",
    "optional_unstructure",
    "orjson_default",
    "record_unstructurer",
    "records_unstructure",
    "unstructure_field_spans",
    "unstructure_float",
    "unstructure_metadata",
]


def unstructure_field_spans(spans: FieldSpans) -> dict[str, tuple[int, int]]:
    """Spans as ``{"field": (start, end)}``, straight from the names and the array: no
    :class:`~seedcorpus.models.FieldSpan` is made. Pairs are tuples, which orjson (and
    json) write as arrays.

    >>> from seedcorpus.models import FieldSpan
    >>> unstructure_field_spans(FieldSpans([FieldSpan("title", 0, 5)]))
    {'title': (0, 5)}
    """
    # Iterating the array makes the integers without the list tolist() would build first.
    offsets = iter(spans._offsets)
    return dict(zip(spans._fields, zip(offsets, offsets, strict=True), strict=True))


class Verbatim(dict[str, Any]):
    """The payload of an unknown kind: a dict for whoever reads the unstructured data;
    orjson writes its kept text instead (see :func:`orjson_default`), byte for byte."""

    __slots__ = ("json",)

    def __init__(self, text: str) -> None:
        data = orjson.loads(text)
        super().__init__(json.loads(text) if inexact(data) else data)
        self.json = text


def orjson_default(value: Any) -> Any:
    """orjson's ``default``: how the subclasses above are written."""
    # Called (with OPT_PASSTHROUGH_SUBCLASS) for subclasses of dict, str, int and list:
    # a kept payload as it was written; other subclasses as json writes them.
    if isinstance(value, Verbatim):
        return orjson.Fragment(value.json)
    if isinstance(value, str):
        return str.__str__(value)  # the text itself (an enum's str() is its name)
    if isinstance(value, int):
        return int.__int__(value)
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, list):
        return list(value)
    raise TypeError(f"{type(value).__name__} has no JSON form")


def inexact(data: Any) -> bool:
    """Whether orjson may have read a number in ``data`` as another value than ``json``:
    it reads an integer beyond 64 bits as a float."""
    if isinstance(data, float):
        return data.is_integer() and not -(2**63) <= data < 2**64
    if isinstance(data, dict):
        return any(map(inexact, data.values()))
    if isinstance(data, list):
        return any(map(inexact, data))
    return False


class NonFinite(float):
    """A NaN or infinity on its way out: orjson refuses the subclass (it would write
    ``null``), so the text is written by ``json``, as ``NaN`` (as before)."""


def unstructure_float(value: float) -> float:
    """``value``, or a :class:`NonFinite` for a NaN or an infinity."""
    return value if math.isfinite(value) else NonFinite(value)


def unstructure_metadata(metadata: Metadata) -> dict[str, str]:
    """The metadata as a plain dict, keys sorted as the map keeps them.

    >>> unstructure_metadata(Metadata({"b": "2", "a": "1"}))
    {'a': '1', 'b': '2'}
    """
    # dict(metadata) goes through the Mapping protocol in Python (keys(), then a
    # __getitem__ each): 0.8 µs for an empty map, on every article written.
    return dict(metadata._items)


def is_optional(type_: Any) -> bool:
    """Whether ``type_`` is ``X | None`` (or ``Optional[X]``)."""
    args = get_args(type_)
    return len(args) == 2 and type(None) in args and get_origin(type_) in (Union, UnionType)


def is_records_tuple(type_: Any) -> bool:
    """Whether ``type_`` is ``tuple[X, ...]`` of anything but strings."""
    args = get_args(type_)
    return (
        get_origin(type_) is tuple
        and len(args) == 2
        and args[1] is Ellipsis
        and (args[0] is not str)
    )


def _inner(type_: Any) -> Any:
    (inner,) = (arg for arg in get_args(type_) if arg is not type(None))
    return inner


def optional_unstructure(converter: Converter) -> Callable[[Any], Callable[[Any], Any]]:
    """The hook factory for ``X | None``: ``X``'s hook after a test for ``None``, or no
    hook at all where ``X`` goes out as it is."""

    # cattrs' own hook for "X | None" wraps X's hook in a generic function called for
    # every value; a string or integer goes out as it is, so its optional one does too,
    # and the generated record code then reads the attribute in place (a third of the
    # time spent unstructuring an enriched article went to those calls).
    def factory(type_: Any) -> Callable[[Any], Any]:
        hook = converter.get_unstructure_hook(_inner(type_))
        if hook == identity:
            return identity
        return lambda value: None if value is None else hook(value)

    return factory


def records_unstructure(converter: Converter) -> Callable[[Any], Callable[[Any], Any]]:
    """The hook factory for a tuple of records: a list, as cattrs makes it, but with
    ``map`` in place of a generator per tuple."""

    def factory(type_: Any) -> Callable[[Any], list[Any]]:
        hook = converter.get_unstructure_hook(get_args(type_)[0])
        if hook == identity:
            return list
        return lambda items: list(map(hook, items))

    return factory


def record_unstructurer(
    cls: type[Any],
    converter: Converter,
    *,
    first: tuple[tuple[str, Any], ...] = (),
    omit: Collection[str] = (),
    raw: Collection[str] = (),
) -> Callable[[Any], dict[str, Any]]:
    """A function that unstructures an instance of the attrs class ``cls`` as cattrs'
    generated hook does with the hooks above (same keys, order and values), with what
    :func:`optional_unstructure` and :func:`records_unstructure` do written in place.

    :param first: constant items that lead the dict (an article's ``contract``).
    :param omit: fields left out of the dict (a writer that stores them apart).
    :param raw: fields whose values go in the dict as they are, not unstructured (a
        writer that lays their records out itself).
    :raises TypeError: for a class this does not cover (a field that is not set by
        ``__init__``, or a converter that writes aliases); use cattrs' hook for it.
    """
    if getattr(converter, "use_alias", False):
        raise TypeError("a converter that writes aliases")
    fields = attrs.fields(attrs.resolve_types(cls))
    names: dict[str, Any] = {}
    items = [f"{key!r}: {value!r}" for key, value in first]
    for number, field in enumerate(fields):
        if not field.init or field.type is None:
            raise TypeError(f"{cls.__name__}.{field.name} is not a typed __init__ field")
        if field.name in omit:
            continue
        value, hook = f"instance.{field.name}", f"hook{number}"
        full = converter.get_unstructure_hook(field.type)
        if full == identity or field.name in raw:
            items.append(f"{field.name!r}: {value}")
            continue
        if is_optional(field.type):
            names[hook] = converter.get_unstructure_hook(_inner(field.type))
            # Not identity (else so would the full hook be, see optional_unstructure).
            expression = f"None if ({hook}_value := {value}) is None else {hook}({hook}_value)"
        elif is_records_tuple(field.type):
            names[hook] = converter.get_unstructure_hook(get_args(field.type)[0])
            each = f"{hook}_value" if names[hook] == identity else f"map({hook}, {hook}_value)"
            expression = f"list({each}) if ({hook}_value := {value}) else []"
        else:
            names[hook] = full
            expression = f"{hook}({value})"
        items.append(f"{field.name!r}: {expression}")
    name = f"unstructure_{cls.__name__}"
    body = "".join(f"        {item},\n" for item in items)
    source = f"def {name}(instance):\n    return {{\n{body}    }}\n"
    variant = f" omit={sorted(omit)} raw={sorted(raw)}" if omit or raw else ""
    filename = f"<seedcorpus generated unstructure {cls.__module__}.{cls.__qualname__}{variant}>"
    # Kept in linecache, as cattrs does, so a traceback through it shows the code.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), names)
    function: Callable[[Any], dict[str, Any]] = names[name]
    return function
