"""The JSON contract: one cattrs converter for every record seedcorpus reads or writes.

The converter is built after plugins load (see :attr:`seedcorpus.Registry.converter`),
from the enrichment types the installed enrichers declare, so a plugin's records serialize
and read back typed. An enrichment whose ``kind`` no installed plugin declares is kept as
:class:`~seedcorpus.models.UnknownEnrichment` and written back unchanged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any, get_args

import cattrs
from cattrs import Converter
from cattrs.v import format_exception

from seedcorpus.errors import SerializationError
from seedcorpus.models import Article, Enrichment, FieldSpans, UnknownEnrichment

__all__ = ["article_from_data", "article_from_json", "article_to_json", "make_converter"]

# A surrogate, or a JSON escape that may spell one: only then is the text checked for one
# that is not half of a pair.
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")


def make_converter(enrichment_types: Iterable[type[Enrichment]] = ()) -> Converter:
    """Build the converter for articles whose enrichments may be any of ``enrichment_types``.

    >>> from seedcorpus.models import Source
    >>> converter = make_converter()
    >>> article = Article(id="a", source=Source("a.txt", "00", "antara"), title="Judul")
    >>> converter.unstructure(article)["source"]
    {'path': 'a.txt', 'sha256': '00', 'parser': 'antara', 'encoding': 'utf-8', 'spans': {}}
    """
    converter = Converter(forbid_extra_keys=True)
    by_kind: dict[str, type[Enrichment]] = {}
    for cls in enrichment_types:
        if not cls.kind:
            raise TypeError(f"{cls.__qualname__} has no 'kind'")
        by_kind[cls.kind] = cls

    # Spans are stored as {"field": [start, end]}: far smaller than a list of objects.
    converter.register_unstructure_hook(
        FieldSpans, lambda spans: {span.field: [span.start, span.end] for span in spans}
    )
    converter.register_structure_hook(
        FieldSpans,
        lambda data, _: FieldSpans.from_lists(
            data, [offset for start, end in data.values() for offset in (start, end)]
        ),
    )

    def is_enrichment_union(t: Any) -> bool:
        return set(get_args(t)) == {Enrichment, UnknownEnrichment}

    def unstructure_enrichment(enrichment: Enrichment | UnknownEnrichment) -> Any:
        if isinstance(enrichment, UnknownEnrichment):
            return json.loads(enrichment.json)
        fields = converter.unstructure(enrichment, unstructure_as=type(enrichment))
        return {"kind": enrichment.kind, **fields}

    def structure_enrichment(data: Any, _: Any) -> Enrichment | UnknownEnrichment:
        if not isinstance(data, Mapping) or not isinstance(data.get("kind"), str):
            raise ValueError("an enrichment must be an object with a string 'kind'")
        cls = by_kind.get(data["kind"])
        if cls is None:
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            return UnknownEnrichment(kind=data["kind"], json=text)
        return converter.structure({k: v for k, v in data.items() if k != "kind"}, cls)

    converter.register_unstructure_hook_func(is_enrichment_union, unstructure_enrichment)
    converter.register_structure_hook_func(is_enrichment_union, structure_enrichment)
    return converter


def _describe(error: BaseException, type_: Any) -> str:
    # Our own hooks raise ValueError with a sentence that says more than cattrs' default.
    if type(error) is ValueError and str(error):
        return str(error)
    return format_exception(error, type_)


def article_to_json(article: Article, converter: Converter) -> str:
    """Return the article's JSON form (one line, UTF-8 text, keys in contract order)."""
    return json.dumps(converter.unstructure(article), ensure_ascii=False)


def article_from_json(
    text: str | bytes, converter: Converter, *, path: str | None = None, line: int | None = None
) -> Article:
    """Read an article from its JSON form.

    :raises SerializationError: naming ``path`` and ``line`` when the text is not JSON or
        does not follow the contract.
    """
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
