"""The JSON contract: one cattrs converter for every record seedcorpus reads or writes.

The converter is built after plugins load (see :attr:`seedcorpus.Registry.converter`),
from the enrichment types the installed enrichers declare, so a plugin's records serialize
and read back typed. An enrichment whose ``kind`` no installed plugin declares is kept as
:class:`~seedcorpus.models.UnknownEnrichment` and written back unchanged.

It is cattrs' converter for orjson: JSON text is written and read by orjson (compiled),
with the standard library's ``json`` as the exact fallback for what orjson refuses
(``NaN``, integers beyond 64 bits, UTF-16 input), so every input reads as it always did.
"""

from __future__ import annotations

import json
import math
import operator
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from itertools import chain
from typing import Any, get_args, get_origin

import attrs
import cattrs
import orjson
from cattrs import Converter
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import AttributeValidationNote, ClassValidationError
from cattrs.fns import identity
from cattrs.preconf.orjson import OrjsonConverter
from cattrs.preconf.orjson import make_converter as make_orjson_converter
from cattrs.v import format_exception

from seedcorpus.errors import SerializationError
from seedcorpus.models import (
    Article,
    Enrichment,
    FieldSpans,
    Metadata,
    Source,
    UnknownEnrichment,
)
from seedcorpus.text import split_names
from seedcorpus.unstructure import (
    Verbatim,
    is_optional,
    is_records_tuple,
    optional_unstructure,
    orjson_default,
    record_unstructurer,
    records_unstructure,
    unstructure_field_spans,
    unstructure_float,
    unstructure_metadata,
)
from seedcorpus.unstructure import inexact as _inexact

__all__ = [
    "CONTRACT_VERSION",
    "article_from_data",
    "article_from_json",
    "article_to_json",
    "article_unstructurer",
    "data_to_json",
    "data_to_json_bytes",
    "data_to_json_line",
    "make_converter",
]

CONTRACT_VERSION = 2
"""The version of the JSON contract written, as each article's first key ``contract``.
Readers accept every earlier version: an article without the key is contract 1."""

# A surrogate, or a JSON escape that may spell one: only then is the text checked for one
# that is not half of a pair.
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")


# JSON types, as strict as the contract: cattrs' defaults call str(), int() or float() on
# whatever they get, so 5 would read as the title "5" and "2020" as a year.
_JSON_TYPES = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}
# The offsets of spans are stored as 64-bit integers.
_MAX_OFFSET = 2**63 - 1


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "an array"
    return "an object" if isinstance(value, Mapping) else type(value).__name__


def _wrong_type(expected: str, value: Any) -> ValueError:
    # A ValueError with a sentence: _describe shows it as it is, after the field's path.
    return ValueError(f"expected {expected}, got {_json_type(value)}")


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is not str:
        raise _wrong_type("a string", value)
    return value


def _structure_int(value: Any, _: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _wrong_type("an integer", value)
    return int(value)


def _structure_float(value: Any, _: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _wrong_type("a number", value)
    if not math.isfinite(value):
        raise ValueError(f"expected a finite number, got {value}")
    return float(value)


def _structure_bool(value: Any, _: Any) -> bool:
    if not isinstance(value, bool):
        raise _wrong_type("true or false", value)
    return value


_SCALAR_TYPES: dict[Any, frozenset[type]] = {
    str: frozenset({str}),
    int: frozenset({int}),
    float: frozenset({float, int}),
    bool: frozenset({bool}),
}


def _flat_record_hook(
    cls: type[Any], structure_record: Callable[[Any, Any], Any]
) -> Callable[[Any, Any], Any] | None:
    """A faster hook for a record of scalars (a quote, a date mention, a problem), or
    ``None`` for another record.

    One check of every value's type, in C, then the class; anything else (a missing or
    extra key, a wrong type, a non-finite number) goes to ``structure_record``, which
    says what is wrong as before.
    """
    fields = attrs.fields(attrs.resolve_types(cls))
    allowed: list[frozenset[type]] = []
    for field in fields:
        type_ = field.type
        optional = is_optional(type_)
        if optional:
            (type_,) = (arg for arg in get_args(type_) if arg is not type(None))
        if (
            type_ not in _SCALAR_TYPES
            or not field.init
            or field.kw_only
            or field.alias != field.name
        ):
            return None
        allowed.append(_SCALAR_TYPES[type_] | ({type(None)} if optional else set()))
    if not fields:
        return None
    count = len(fields)
    values_of = operator.itemgetter(*(field.name for field in fields))
    numbers = [i for i, types in enumerate(allowed) if float in types]
    accepts = frozenset.__contains__

    def structure_flat(data: Any, _: Any) -> Any:
        if type(data) is dict and len(data) == count:
            try:
                values = values_of(data)
            except KeyError:
                return structure_record(data, cls)
            if count == 1:
                values = (values,)
            if all(map(accepts, allowed, map(type, values))):
                if not numbers:
                    return cls(*values)
                values = list(values)
                for i in numbers:
                    if values[i] is not None:
                        if not math.isfinite(values[i]):
                            return structure_record(data, cls)
                        values[i] = float(values[i])
                return cls(*values)
        return structure_record(data, cls)

    return structure_flat


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _structure_field_spans(data: Any, _: Any) -> FieldSpans:
    # {"field": [start, end], ...}: offsets are non-negative 64-bit integers.
    if type(data) is dict:
        pairs = data.values()
        # The usual case, checked without a Python step per span: lists of two ints.
        if set(map(type, pairs)) <= _LISTS and set(map(len, pairs)) <= _PAIRS:
            offsets = list(chain.from_iterable(pairs))
            if set(map(type, offsets)) <= _INTS:
                try:
                    spans = FieldSpans.from_lists(data, offsets)
                except OverflowError:  # beyond 64 bits: the loop below says which
                    pass
                else:
                    if not offsets or min(spans._offsets) >= 0:
                        return spans
    if not isinstance(data, Mapping):
        raise _wrong_type("an object of [start, end] offsets", data)
    offsets = []
    for field, pair in data.items():
        if not (
            isinstance(pair, list | tuple)
            and len(pair) == 2
            and all(type(offset) is int and 0 <= offset <= _MAX_OFFSET for offset in pair)
        ):
            raise ValueError(f"span {field!r}: expected [start, end], two integers from 0")
        offsets.extend(pair)
    return FieldSpans.from_lists(data, offsets)


_LISTS = frozenset({list, tuple})
_PAIRS = frozenset({2})
_INTS = frozenset({int})
_STRS = frozenset({str})


def _structure_datetime(value: Any, _: Any) -> datetime:
    if type(value) is not str:
        raise _wrong_type("an ISO 8601 date and time", value)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected an ISO 8601 date and time, got {value!r}") from None
    if moment.tzinfo is None:
        raise ValueError(f"expected a time with its UTC offset, got {value!r}")
    return moment


def _structure_metadata(data: Any, _: Any) -> Metadata:
    if not isinstance(data, Mapping):
        raise _wrong_type("an object of strings", data)
    for key, value in data.items():
        if type(value) is not str:
            raise ValueError(f"metadata {key!r}: expected a string, got {_json_type(value)}")
    return Metadata(data)


def _upgrade(data: Mapping[str, Any]) -> dict[str, Any]:
    """An article's JSON object in the current contract, from any earlier one."""
    article = dict(data)
    version = article.pop("contract", 1)
    if type(version) is not int or not 1 <= version <= CONTRACT_VERSION:
        # Raised the way cattrs reports a field, so the message names $.contract.
        error = ValueError(
            f"expected a contract version from 1 to {CONTRACT_VERSION}, got {version!r}"
            " (a newer seedcorpus may read it)"
        )
        error.__notes__ = [AttributeValidationNote("contract", "contract", int)]
        raise ClassValidationError("While structuring Article", [error], Article)
    byline = article.get("byline")
    if version == 1 and isinstance(byline, Mapping):
        # Contract 1 kept each footer value as printed: "A dan B" is two people.
        names = {key: byline.get(key) for key in ("reporter", "editor")}
        unknown = set(byline) - set(names)
        if unknown or not all(v is None or isinstance(v, str) for v in names.values()):
            raise ValueError("byline: expected {reporter, editor} strings (contract 1)")
        article["byline"] = {
            "reporters": list(split_names(names["reporter"] or "")),
            "editors": list(split_names(names["editor"] or "")),
        }
    return article


def _is_article(type_: Any) -> bool:
    return type_ is Article


def _is_source(type_: Any) -> bool:
    return type_ is Source


def make_converter(enrichment_types: Iterable[type[Enrichment]] = ()) -> OrjsonConverter:
    """Build the converter for articles whose enrichments may be any of ``enrichment_types``.

    It reads JSON types strictly: a string field takes only a string, an integer field
    only an integer (not ``true``, ``2.0`` or ``"2"``), a number field only a finite
    number, a list field only an array and a record only an object. Unstructured
    articles are plain JSON data, with tuples where JSON has arrays.

    >>> from seedcorpus.models import Source
    >>> converter = make_converter()
    >>> article = Article(id="a", source=Source("a.txt", "00", "antara"), title="Judul")
    >>> converter.unstructure(article)["source"]
    {'path': 'a.txt', 'sha256': '00', 'parser': 'antara', 'encoding': 'utf-8', 'spans': {}}
    """
    converter = make_orjson_converter(forbid_extra_keys=True)
    for scalar, hook in (
        (str, _structure_str),
        (int, _structure_int),
        (float, _structure_float),
        (bool, _structure_bool),
    ):
        converter.register_structure_hook(scalar, hook)
    converter.register_unstructure_hook(float, unstructure_float)

    def tuple_hook(type_: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        items = homogenous_tuple_structure_factory(type_, converter)
        if get_args(type_)[0] is str:
            # Tags, paragraphs, names: one check for all items; the items hook only to
            # name the one that is not a string.
            def structure_strings(data: Any, _: Any) -> tuple[Any, ...]:
                if type(data) is list and set(map(type, data)) <= _STRS:
                    return tuple(data)
                if not isinstance(data, list | tuple):
                    raise _wrong_type("an array", data)
                return items(data, type_)  # type: ignore[no-any-return]

            return structure_strings

        def structure_tuple(data: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(data, list | tuple):
                raise _wrong_type("an array", data)
            return items(data, type_)  # type: ignore[no-any-return]

        return structure_tuple

    def record_hook(cls: type[Any]) -> Callable[[Any, Any], Any]:
        fields = converter.gen_structure_attrs_fromdict(cls)

        def structure_record(data: Any, _: Any) -> Any:
            if type(data) is not dict and not isinstance(data, Mapping):
                raise _wrong_type("an object", data)
            return fields(data, cls)

        return _flat_record_hook(cls, structure_record) or structure_record

    def optional_hook(type_: Any) -> Callable[[Any, Any], Any]:
        # In place of orjson's union passthrough, which would take true for an integer.
        (inner,) = (arg for arg in get_args(type_) if arg is not type(None))
        structure = converter.get_structure_hook(inner)
        return lambda data, _: None if data is None else structure(data, inner)

    converter.register_structure_hook_factory(_is_homogeneous_tuple, tuple_hook)
    converter.register_structure_hook_factory(attrs.has, record_hook)
    converter.register_structure_hook_factory(is_optional, optional_hook)
    # Tuples of strings go out as they are: orjson writes a tuple as an array.
    # (cattrs' identity: generated code then reads the attribute in place.)
    converter.register_unstructure_hook_func(lambda t: t == tuple[str, ...], identity)
    converter.register_unstructure_hook_factory(is_optional, optional_unstructure(converter))
    converter.register_unstructure_hook_factory(is_records_tuple, records_unstructure(converter))
    converter.register_structure_hook(datetime, _structure_datetime)
    # datetime.isoformat, not orjson's RFC 3339: it also writes offsets with seconds.
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_structure_hook(Metadata, _structure_metadata)
    converter.register_unstructure_hook(Metadata, unstructure_metadata)

    by_kind: dict[str, type[Enrichment]] = {}
    for cls in enrichment_types:
        if not cls.kind:
            raise TypeError(f"{cls.__qualname__} has no 'kind'")
        by_kind[cls.kind] = cls

    # Spans are stored as {"field": [start, end]}: far smaller than a list of objects.
    converter.register_unstructure_hook(FieldSpans, unstructure_field_spans)
    converter.register_structure_hook(FieldSpans, _structure_field_spans)

    def is_enrichment_union(t: Any) -> bool:
        return set(get_args(t)) == {Enrichment, UnknownEnrichment}

    field_hooks: dict[type[Any], Callable[[Any], Any]] = {}

    def unstructure_enrichment(enrichment: Enrichment | UnknownEnrichment) -> Any:
        if isinstance(enrichment, UnknownEnrichment):
            return Verbatim(enrichment.json)
        cls = type(enrichment)
        hook = field_hooks.get(cls)
        if hook is None:
            hook = field_hooks[cls] = converter.get_unstructure_hook(cls)
        return {"kind": enrichment.kind, **hook(enrichment)}

    def structure_enrichment(data: Any, _: Any) -> Enrichment | UnknownEnrichment:
        if not isinstance(data, Mapping) or not isinstance(data.get("kind"), str):
            raise ValueError("an enrichment must be an object with a string 'kind'")
        cls = by_kind.get(data["kind"])
        if cls is None:
            try:
                text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
            except ValueError:
                raise ValueError("expected finite numbers, got NaN or infinity") from None
            return UnknownEnrichment(kind=data["kind"], json=text)
        return converter.structure({k: v for k, v in data.items() if k != "kind"}, cls)

    converter.register_unstructure_hook_func(is_enrichment_union, unstructure_enrichment)
    converter.register_structure_hook_func(is_enrichment_union, structure_enrichment)

    # The contract version leads every article; older versions are upgraded on reading.
    # The hooks are generated when first asked for: that was most of the time taken to
    # build the converter, which a small export paid in full (and a writer never reads).
    # Articles and their sources are written by functions of their own, for speed (see
    # seedcorpus.unstructure); every other record by cattrs' generated hook.
    def unstructure_article_hook(_: Any) -> Callable[[Article], dict[str, Any]]:
        return _article_unstructurer(converter)

    def unstructure_source_hook(_: Any) -> Callable[[Source], dict[str, Any]]:
        return record_unstructurer(Source, converter)

    def structure_article_hook(_: Any) -> Callable[[Any, Any], Article]:
        structure_article = converter.gen_structure_attrs_fromdict(Article)

        def structure_versioned(data: Any, _: Any) -> Article:
            if not isinstance(data, Mapping):
                raise _wrong_type("an object", data)
            return structure_article(_upgrade(data), Article)

        return structure_versioned

    converter.register_unstructure_hook_factory(_is_article, unstructure_article_hook)
    converter.register_unstructure_hook_factory(_is_source, unstructure_source_hook)
    converter.register_structure_hook_factory(_is_article, structure_article_hook)
    return converter


def _article_unstructurer(
    converter: Converter, omit: tuple[str, ...] = ()
) -> Callable[[Article], dict[str, Any]]:
    return record_unstructurer(
        Article, converter, first=(("contract", CONTRACT_VERSION),), omit=omit
    )


# Where the converter's own hook for articles comes from (see seedcorpus.unstructure).
_ARTICLE_HOOK_FILE = "<seedcorpus generated unstructure seedcorpus.models.Article>"


def article_unstructurer(
    converter: Converter, omit: tuple[str, ...] = ()
) -> Callable[[Article], dict[str, Any]]:
    """A function that gives ``converter.unstructure(article)`` without the fields
    ``omit``, as the converter's own hook would give it with them taken out afterwards
    (same keys, order and values). A writer that stores the enrichments apart uses it
    to leave them alone. Make it once per write: it compiles a function.
    """
    hook = converter.get_unstructure_hook(Article)
    if getattr(getattr(hook, "__code__", None), "co_filename", None) == _ARTICLE_HOOK_FILE:
        return _article_unstructurer(converter, omit)

    def unstructure_then_omit(article: Article) -> dict[str, Any]:
        # A converter that was not made by make_converter: its hook, then the omission.
        data: dict[str, Any] = hook(article)
        for name in omit:
            data.pop(name, None)
        return data

    return unstructure_then_omit


def _describe(error: BaseException, type_: Any) -> str:
    # Our own hooks raise ValueError with a sentence that says more than cattrs' default.
    if type(error) is ValueError and str(error):
        return str(error)
    return format_exception(error, type_)


def article_to_json(article: Article, converter: Converter) -> str:
    """Return the article's JSON form (one line, UTF-8 text, keys in contract order,
    compact: no space after ``,`` and ``:``)."""
    return data_to_json(converter.unstructure(article))


def data_to_json(data: Any) -> str:
    """Return the JSON text of unstructured data (``converter.unstructure`` of an article
    or of any part of one, such as one enrichment), written as
    :func:`~seedcorpus.article_to_json` writes it: compact, byte for byte the same as
    that part of the article's text.

    >>> data_to_json({"kind": "stats", "words": 3, "tags": ("a", "é")})
    '{"kind":"stats","words":3,"tags":["a","é"]}'
    """
    try:
        return _orjson_dumps(data).decode()
    except orjson.JSONEncodeError:
        return _json_dumps(data)


def data_to_json_bytes(data: Any) -> bytes:
    """:func:`data_to_json` as UTF-8 bytes, to write to a binary file as they are.

    :raises UnicodeEncodeError: for text with a lone surrogate, which UTF-8 cannot hold.
    """
    try:
        return _orjson_dumps(data)
    except orjson.JSONEncodeError:
        return _json_dumps(data).encode("utf-8")


def data_to_json_line(data: Any) -> bytes:
    """:func:`data_to_json_bytes` and a newline: a JSON Lines line.

    :raises UnicodeEncodeError: for text with a lone surrogate, which UTF-8 cannot hold.
    """
    # orjson adds the newline as it writes, saving a copy of the whole line.
    try:
        return orjson.dumps(data, default=orjson_default, option=_LINE_OPTIONS)
    except orjson.JSONEncodeError:
        return _json_dumps(data).encode("utf-8") + b"\n"


_LINE_OPTIONS = orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_APPEND_NEWLINE


def _orjson_dumps(data: Any) -> bytes:
    return orjson.dumps(data, default=orjson_default, option=orjson.OPT_PASSTHROUGH_SUBCLASS)


def _json_dumps(data: Any) -> str:
    # What orjson does not write (an integer beyond 64 bits, NaN, a lone surrogate) is
    # written as json writes it, in the same compact form.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def article_from_json(
    text: str | bytes, converter: Converter, *, path: str | None = None, line: int | None = None
) -> Article:
    """Read an article from its JSON form.

    :raises SerializationError: naming ``path`` and ``line`` when the text is not JSON or
        does not follow the contract.
    """
    # orjson first; whatever it refuses, and every error, goes the exact way below, so
    # the result and the message are what json would give.
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        pass
    else:
        if type(data) is dict:
            try:
                article: Article = converter.structure(data, Article)
            except Exception:  # told below, the exact way
                pass
            else:
                if not any(
                    isinstance(enrichment, UnknownEnrichment) and _inexact(kept)
                    for enrichment, kept in zip(
                        article.enrichments, data.get("enrichments", ()), strict=False
                    )
                ):
                    return article
    return _article_from_json_exactly(text, converter, path=path, line=line)


def _article_from_json_exactly(
    text: str | bytes, converter: Converter, *, path: str | None, line: int | None
) -> Article:
    try:
        if isinstance(text, bytes):
            # As json.loads does, but strict: UTF-8 cannot hold a surrogate.
            text = text.decode(json.detect_encoding(text))
        data = json.loads(text)
    except ValueError as error:
        raise SerializationError(f"not valid JSON: {error}", path=path, line=line) from None
    except RecursionError:
        message = "not valid JSON: nested too deeply"
        raise SerializationError(message, path=path, line=line) from None
    if _SURROGATE.search(text):
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            # Valid JSON (a "\ud800" escape), but no UTF-8 output could hold it.
            message = "not an article: a string holds a lone surrogate"
            raise SerializationError(message, path=path, line=line) from None
        except RecursionError:
            message = "not valid JSON: nested too deeply"
            raise SerializationError(message, path=path, line=line) from None
    return article_from_data(data, converter, path=path, line=line)


def article_from_data(
    data: Any, converter: Converter, *, path: str | None = None, line: int | None = None
) -> Article:
    """Read an article from its JSON form already decoded into Python objects.

    :raises SerializationError: naming ``path`` and ``line`` when ``data`` does not follow
        the contract.
    """
    if not isinstance(data, dict):
        raise SerializationError("an article must be a JSON object", path=path, line=line)
    try:
        return converter.structure(data, Article)
    except Exception as error:  # cattrs wraps every failure; describe it in one line
        details = "; ".join(cattrs.transform_error(error, format_exception=_describe))
        raise SerializationError(f"not an article: {details}", path=path, line=line) from None
