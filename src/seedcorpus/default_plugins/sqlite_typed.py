"""The typed way into the ``sqlite`` exporter's rows: an article's JSON form without its
enrichments, and each enrichment laid out, straight from the typed records.

:mod:`~seedcorpus.default_plugins.sqlite_rows` stores an article's JSON form without its
enrichments, and each enrichment as :func:`~seedcorpus.default_plugins.sqlite_records.lay_out`
gives it: its lists of records as arrays of their values. Unstructuring each record into
an object only to take its values out again was a fifth of the time taken to write an
enriched article, so here a record's values are read straight from its attributes, for
the enrichment classes where that gives the same values (every field of its records goes
out as it is). Any other enrichment, or one whose records are not what its class
declares, goes the general way: unstructured by the converter, then laid out. Either way
the rows are the same, to the byte.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any, get_args

import attrs
import cattrs
from cattrs import Converter
from cattrs.fns import identity

from seedcorpus.default_plugins.sqlite_records import elide_at, lay_out, layout_json, row_places
from seedcorpus.models import Enrichment, UnknownEnrichment
from seedcorpus.serialization import article_unstructurer
from seedcorpus.unstructure import is_records_tuple, record_unstructurer

__all__ = ["Unstructurer"]

_Laid = tuple[dict[str, Any], bool, str | None]
_ENRICHMENT = Enrichment | UnknownEnrichment  # the type of an article's enrichments
# What cattrs names the functions it generates: a hook of another origin may do anything.
_CATTRS_FILE = "<cattrs generated unstructure "


class _Records:
    """A field of records whose values are read from their attributes."""

    __slots__ = ("checked", "hook", "keys", "places", "type", "values")

    def __init__(self, cls: type[Any], converter: Converter) -> None:
        self.type = {cls}
        self.keys = tuple(field.name for field in attrs.fields(cls))
        self.places = row_places(self.keys)  # for elide_at: found once, not per article
        self.values: Callable[[Any], tuple[Any, ...]] = attrgetter(*self.keys)
        self.hook = converter.get_unstructure_hook(cls)
        self.checked = False  # the first record is compared with the converter's object


# A value of another type may hold records, or be a list that holds some.
_SEQUENCES = (list, tuple)
# Values of these types hold none: most values of an enrichment, let through at once.
_PLAIN = frozenset({str, int, float, bool, type(None)})


class _Plan:
    """How to lay out one enrichment class: its JSON form with the fields of records
    left as they are (to be read by :class:`_Records`)."""

    __slots__ = ("layouts", "others", "records", "unstructure")

    def __init__(self, cls: type[Any], converter: Converter, records: dict[str, _Records]):
        self.records = records
        # The layout of each set of fields laid out, by their names (see lay_out).
        self.layouts: dict[tuple[str, ...], str] = {}
        kind = getattr(cls, "kind", None)
        # As the converter's hook for enrichments does: the kind first, then the fields.
        self.unstructure = record_unstructurer(
            cls, converter, first=(("kind", kind),), raw=tuple(records)
        )
        names = ("kind", *(field.name for field in attrs.fields(cls)))
        self.others = tuple(name for name in names if name not in records)
        """The keys of the JSON form that are not fields of records."""

    def lay_out(self, enrichment: Any, paragraphs: Sequence[str]) -> _Laid | None:
        """What ``lay_out`` gives for the unstructured ``enrichment``, or None if this
        way cannot tell (the general way then lays it out)."""
        data = self.unstructure(enrichment)
        for name in self.others:
            value = data[name]
            kind = type(value)
            if kind in _PLAIN:
                continue
            # A list of objects elsewhere would be laid out too: the general way.
            if kind is list or kind is tuple:
                if value and isinstance(value[0], dict):
                    return None
            elif isinstance(value, _SEQUENCES):
                return None
        laid_out: list[str] = []
        elided = False
        for name, records in self.records.items():
            value = data[name]
            if not value:
                data[name] = []  # as the converter writes an empty tuple of records
                continue
            # The records unstructure to objects of one shape only if all are of the class.
            if set(map(type, value)) != records.type:
                return None
            rows: list[list[Any]] = list(map(list, map(records.values, value)))
            if not records.checked:
                expected = list(records.hook(value[0]).items())
                if expected != list(zip(records.keys, rows[0], strict=True)):
                    return None
                records.checked = True
            found = elide_at(rows, records.places, paragraphs)
            if found is None:
                return None
            elided = elided or found
            data[name] = rows
            laid_out.append(name)
        if not laid_out:
            return data, elided, None
        names = tuple(laid_out)
        layout = self.layouts.get(names)
        if layout is None:
            fields = tuple((name, self.records[name].keys) for name in names)
            layout = self.layouts[names] = layout_json(fields)
        return data, elided, layout


def _generated(hook: Any) -> bool:
    filename = getattr(getattr(hook, "__code__", None), "co_filename", "")
    return isinstance(filename, str) and filename.startswith(_CATTRS_FILE)


def _plan(cls: type[Any], converter: Converter) -> _Plan | None:
    """The plan for an enrichment class, or None if it must go the general way."""
    if not (isinstance(cls, type) and issubclass(cls, Enrichment) and attrs.has(cls)):
        return None
    if not _generated(converter.get_unstructure_hook(cls)):
        return None
    records: dict[str, _Records] = {}
    for field in attrs.fields(cls):
        if not is_records_tuple(field.type):
            continue
        item = get_args(field.type)[0]
        if not attrs.has(item):
            continue  # numbers, say: not records, left as they are
        fields = attrs.fields(item)
        if (
            len(fields) < 2  # attrgetter gives a tuple for two names or more
            or not _generated(converter.get_unstructure_hook(item))
            or not all(
                field.init and converter.get_unstructure_hook(field.type) == identity
                for field in fields
            )
        ):
            return None
        records[field.name] = _Records(item, converter)
    try:
        return _Plan(cls, converter, records)
    except TypeError:  # a class record_unstructurer does not cover
        return None


class Unstructurer:
    """The JSON forms a writer of rows needs, made once per write from a converter."""

    __slots__ = ("_enrichment", "_plans", "article", "converter")

    # cattrs.Converter spelled out: the docs resolve this signature's names as written.
    def __init__(self, converter: cattrs.Converter) -> None:
        self.converter = converter
        self.article = article_unstructurer(converter, omit=("enrichments",))
        """``converter.unstructure(article)`` without its ``enrichments``."""
        self._enrichment = converter.get_unstructure_hook(_ENRICHMENT)
        self._plans: dict[type[Any], _Plan | None] = {}

    def enrichment(self, enrichment: Any, paragraphs: Sequence[str]) -> _Laid:
        """What :func:`~seedcorpus.default_plugins.sqlite_records.lay_out` gives for the
        enrichment's JSON form (the payload, whether texts were elided, the layout); an
        unknown kind's payload as it was read, with no layout."""
        cls = type(enrichment)
        try:
            plan = self._plans[cls]
        except KeyError:
            plan = self._plans[cls] = _plan(cls, self.converter)
        if plan is not None:
            laid = plan.lay_out(enrichment, paragraphs)
            if laid is not None:
                return laid
        return self._general(enrichment, paragraphs)

    def enrichments(self, enrichments: Sequence[Any], paragraphs: Sequence[str]) -> list[_Laid]:
        """:meth:`enrichment` of each of an article's enrichments."""
        # The plans are looked up here, not in a call per enrichment: this runs for every
        # article.
        plans = self._plans
        laid: list[_Laid] = []
        for enrichment in enrichments:
            plan = plans.get(type(enrichment), _UNSEEN)
            if plan is _UNSEEN:
                laid.append(self.enrichment(enrichment, paragraphs))  # makes its plan
                continue
            found = None if plan is None else plan.lay_out(enrichment, paragraphs)
            laid.append(self._general(enrichment, paragraphs) if found is None else found)
        return laid

    def _general(self, enrichment: Any, paragraphs: Sequence[str]) -> _Laid:
        data = self._enrichment(enrichment)
        if type(data) is dict:
            return lay_out(data, paragraphs)
        return data, False, None  # an unknown kind's payload, written back byte for byte


_UNSEEN: Any = object()  # a class whose plan is not made yet
