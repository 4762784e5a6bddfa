"""Conditions on articles that every backend can evaluate: in Python on typed articles,
as an SQL ``WHERE`` over a ``.sqlite`` export, and with pyarrow over a ``.parquet`` one.

A condition is a frozen record. Combine them with ``&``, ``|`` and ``~``; make them with
:func:`published`, :func:`tag`, :func:`editor`, :func:`reporter`, :func:`speaker`,
:func:`language`, :func:`place`, :func:`text`, :func:`where` or :class:`Predicate` (any
Python function, evaluated in Python only). ``corpus.filter(...)`` takes them (see
:mod:`seedcorpus.selection`). The three evaluations agree on every article: a test
checks it, with Hypothesis, over a folder and its exports.

Matching rules, the same in every backend: names (reporter, editor, speaker, dateline
place) and :func:`text` ignore the case of ASCII letters; tags and :func:`where`'s ``=``
are exact; a missing value (no dateline, no ``dates`` enrichment) matches nothing, not
even ``!=``.

>>> condition = tag("Kementerian PANRB") & published(since="2024-07-01") & ~language("en")
>>> condition.sql()[0].count("?")
3
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from seedcorpus.errors import SeedcorpusError
from seedcorpus.flat import FLAT_COLUMNS, byline_names, flat_row, speakers
from seedcorpus.models import Article

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow

__all__ = [
    "And",
    "Condition",
    "Everything",
    "Field",
    "Name",
    "Not",
    "Or",
    "Predicate",
    "Speaker",
    "Tag",
    "Text",
    "editor",
    "language",
    "place",
    "published",
    "reporter",
    "speaker",
    "tag",
    "text",
    "where",
]

SQL = tuple[str, tuple[Any, ...]]
"""An SQL expression over the ``articles`` table and its ``?`` parameters."""

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _fold(value: str) -> str:
    """Lower-case ASCII letters only, as SQLite's ``lower`` and pyarrow's ``ascii_lower``."""
    return value.translate(_ASCII_LOWER)


class Condition:
    """A test of an article. Subclasses define the three evaluations; combine with
    ``&``, ``|``, ``~``."""

    pushable: ClassVar[bool] = True
    """False if only Python can evaluate it (a :class:`Predicate`, or one containing one)."""

    def matches(self, article: Article) -> bool:
        """Evaluate on one typed article."""
        raise NotImplementedError

    def sql(self) -> SQL:
        """The SQL form over the ``articles`` table of a ``.sqlite`` export; never NULL."""
        raise NotImplementedError

    def arrow(self, table: pyarrow.Table) -> pyarrow.Array:
        """A boolean array (no nulls) over a table of Parquet export rows."""
        raise NotImplementedError

    def columns(self) -> frozenset[str]:
        """The top-level Parquet columns :meth:`arrow` reads."""
        return frozenset()

    def __and__(self, other: Condition) -> Condition:
        return And((self, other))

    def __or__(self, other: Condition) -> Condition:
        return Or((self, other))

    def __invert__(self) -> Condition:
        return Not(self)


def _pc() -> Any:
    import pyarrow.compute

    return pyarrow.compute


def _filled(array: Any) -> Any:
    return _pc().fill_null(array, False)


# How each flat column is read from a Parquet table: (top-level column, struct field or "").
_ARROW_PATHS = {
    "path": ("source", "path"), "sha256": ("source", "sha256"), "parser": ("source", "parser"),
    "caption": ("caption", "text"), "caption_credit": ("caption", "credit"),
    "dateline_city": ("dateline", "city"), "dateline_agency": ("dateline", "agency"),
    "original_title": ("syndication", "original_title"), "reporter": ("byline", "reporters"),
    "editor": ("byline", "editors"), "copyright_year": ("copyright", "year"),
    "body": ("paragraphs", ""), "published": ("enrichments", ""),
}  # fmt: skip


def _arrow_column(table: Any, name: str) -> Any:
    pc = _pc()
    top, field = _ARROW_PATHS.get(name, (name, ""))
    column = table[top]
    if name == "body":
        return pc.binary_join(column, "\n\n")
    if name == "published":
        return _enrichment_field(table, "dates", "published")
    if name in ("reporter", "editor"):
        # The flat column is the names joined with " dan ", null for none (as the
        # model's ``byline.reporter`` property gives it).
        names = pc.struct_field(column, field)
        joined = pc.binary_join(names, " dan ")
        return pc.if_else(pc.greater(pc.list_value_length(names), 0), joined, None)
    return pc.struct_field(column, field) if field else column


def _enrichment_field(table: Any, kind: str, key: str) -> Any:
    """One string field of one enrichment kind per row, from the JSON the Parquet
    export stores; null where the row has no such enrichment or the value is not a
    string. The JSON is the exporter's ``json.dumps``, so ``"key": "`` is exact."""
    import pyarrow as pa

    pc = _pc()
    column = table["enrichments"]
    flat = pc.list_flatten(column)
    parents = pc.list_parent_indices(column)
    mine = pc.equal(pc.struct_field(flat, "kind"), kind)
    texts = pc.filter(pc.struct_field(flat, "json"), mine)
    owners = pc.filter(parents, mine)
    pattern = re.escape(f'"{key}": "') + r'(?P<v>(?:[^"\\]|\\.)*)"'
    values = pc.struct_field(pc.extract_regex(texts, pattern), "v")
    rows = pa.array(range(table.num_rows), pa.int64())
    return pc.take(values, pc.index_in(rows, value_set=owners))


def _any_per_row(table: Any, list_column: Any, element_matches: Any) -> Any:
    """True for the rows of ``list_column`` having an element where ``element_matches``."""
    import pyarrow as pa

    pc = _pc()
    owners = pc.filter(pc.list_parent_indices(list_column), _filled(element_matches))
    rows = pa.array(range(table.num_rows), pa.int64())
    return pc.is_in(rows, value_set=owners)


_OPS = ("~=", "!=", "<=", ">=", "=", "<", ">", "~")


@attrs.frozen
class Field(Condition):
    """A flat column (see :data:`~seedcorpus.flat.FLAT_COLUMNS`) compared with a value.

    ``op`` is ``=``, ``!=``, ``<``, ``<=``, ``>``, ``>=``, ``~`` (contains, ignoring ASCII
    case) or ``~=`` (equal, ignoring ASCII case). The value takes the column's type (a
    number column compared with ``~`` or ``~=`` is compared as its text), because
    SQLite would convert it where Python would not.
    """

    column: str = attrs.field()
    op: str = attrs.field()
    value: str | int = attrs.field()

    def __attrs_post_init__(self) -> None:
        kind = str if self.op in ("~", "~=") else FLAT_COLUMNS[self.column]
        try:
            value = kind(self.value)
        except ValueError:
            raise SeedcorpusError(f"{self.column} is a number; {self.value!r} is not") from None
        object.__setattr__(self, "value", value)  # frozen: set once, while being made

    @column.validator
    def _known(self, attribute: Any, value: str) -> None:
        if value not in FLAT_COLUMNS:
            raise SeedcorpusError(
                f"unknown column {value!r}; choose one of: {', '.join(FLAT_COLUMNS)}"
            )

    @op.validator
    def _op(self, attribute: Any, value: str) -> None:
        if value not in _OPS:
            raise SeedcorpusError(f"unknown operator {value!r}; choose one of: {' '.join(_OPS)}")

    def matches(self, article: Article) -> bool:
        """Compare the article's column value; a missing value is no match."""
        actual = flat_row(article)[self.column]
        if actual is None:
            return False
        if self.op in ("~", "~="):
            actual, wanted = _fold(str(actual)), _fold(str(self.value))
            return wanted in actual if self.op == "~" else actual == wanted
        return bool(_COMPARE[self.op](actual, self.value))

    def sql(self) -> SQL:
        """``COALESCE(column op ?, 0)``."""
        column = f"articles.{self.column}"
        if self.op == "~":
            return f"COALESCE(instr(lower({column}), lower(?)) > 0, 0)", (self.value,)
        if self.op == "~=":
            return f"COALESCE(lower({column}) = lower(?), 0)", (self.value,)
        return f"COALESCE({column} {self.op} ?, 0)", (self.value,)

    def arrow(self, table: Any) -> Any:
        """The comparison with pyarrow compute."""
        pc = _pc()
        column = _arrow_column(table, self.column)
        if self.op in ("~", "~="):
            text = pc.ascii_lower(pc.cast(column, "string"))
            if self.op == "~":
                return _filled(pc.match_substring(text, _fold(str(self.value))))
            return _filled(pc.equal(text, _fold(str(self.value))))
        return _filled(pc.call_function(_ARROW_COMPARE[self.op], [column, self.value]))

    def columns(self) -> frozenset[str]:
        """The column the value lives in."""
        return frozenset({_ARROW_PATHS.get(self.column, (self.column, ""))[0]})


_ARROW_COMPARE = {
    "=": "equal", "!=": "not_equal", "<": "less", "<=": "less_equal", ">": "greater",
    ">=": "greater_equal",
}  # fmt: skip
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b,
}  # fmt: skip


@attrs.frozen
class Tag(Condition):
    """The article has this tag (exactly)."""

    tag: str

    def matches(self, article: Article) -> bool:
        """Membership in ``article.tags``."""
        return self.tag in article.tags

    def sql(self) -> SQL:
        """Membership in the ids the ``tags`` index gives: one lookup, not one per row
        (an ``EXISTS`` per article makes SQLite scan the tag's rows for every article)."""
        return "articles.id IN (SELECT article_id FROM tags WHERE tag = ?)", (self.tag,)

    def arrow(self, table: Any) -> Any:
        """Any element of the ``tags`` list equals the tag."""
        pc = _pc()
        tags = table["tags"]
        return _any_per_row(table, tags, pc.equal(pc.list_flatten(tags), self.tag))

    def columns(self) -> frozenset[str]:
        """``tags``."""
        return frozenset({"tags"})


@attrs.frozen
class Name(Condition):
    """One of the byline's reporters or editors (``role``) is ``name`` (ASCII case
    ignored)."""

    role: str = attrs.field(validator=attrs.validators.in_(("reporter", "editor")))
    name: str = attrs.field()

    def matches(self, article: Article) -> bool:
        """Membership in :func:`~seedcorpus.flat.byline_names`."""
        wanted = _fold(self.name)
        return any(_fold(name) == wanted for name in byline_names(article.byline, self.role))

    def sql(self) -> SQL:
        """The name between separators in the byline column, which holds the names
        joined with ``" dan "``: each join becomes ``char(1)``, so a name matches one
        person, never a pair."""
        column = f"articles.{self.role}"
        joined = f"char(1) || lower(replace({column}, ' dan ', char(1))) || char(1)"
        return f"COALESCE(instr({joined}, char(1) || lower(?) || char(1)) > 0, 0)", (self.name,)

    def arrow(self, table: Any) -> Any:
        """Any element of the byline's ``reporters`` or ``editors`` list equals the
        name, ignoring ASCII case."""
        pc = _pc()
        names = pc.struct_field(table["byline"], f"{self.role}s")
        found = pc.equal(pc.ascii_lower(pc.list_flatten(names)), _fold(self.name))
        return _any_per_row(table, names, found)

    def columns(self) -> frozenset[str]:
        """``byline``."""
        return frozenset({"byline"})


@attrs.frozen
class Speaker(Condition):
    """A quote in the ``quotes`` enrichment has this speaker (ASCII case ignored)."""

    name: str

    def matches(self, article: Article) -> bool:
        """Any resolved speaker equals the name."""
        wanted = _fold(self.name)
        return any(_fold(found) == wanted for found in speakers(article))

    def sql(self) -> SQL:
        """Membership in the ids of the ``quotes`` rows with that speaker (one scan)."""
        return (
            "articles.id IN (SELECT article_id FROM quotes WHERE lower(speaker) = lower(?))",
            (self.name,),
        )

    def arrow(self, table: Any) -> Any:
        """The speaker's JSON form in the stored ``quotes`` enrichment JSON."""
        pc = _pc()
        enrichments = table["enrichments"]
        flat = pc.list_flatten(enrichments)
        needle = _fold(f'"speaker": {json.dumps(self.name, ensure_ascii=False)}')
        found = pc.and_(
            pc.equal(pc.struct_field(flat, "kind"), "quotes"),
            pc.match_substring(pc.ascii_lower(pc.struct_field(flat, "json")), needle),
        )
        return _any_per_row(table, enrichments, found)

    def columns(self) -> frozenset[str]:
        """``enrichments``."""
        return frozenset({"enrichments"})


@attrs.frozen
class Text(Condition):
    """The title, caption or body contains ``query`` (ASCII case ignored)."""

    query: str

    def _parts(self) -> tuple[Field, ...]:
        return tuple(Field(c, "~", self.query) for c in ("title", "caption", "body"))

    def matches(self, article: Article) -> bool:
        """Substring in any of the three."""
        return any(part.matches(article) for part in self._parts())

    def sql(self) -> SQL:
        """Three ``instr`` tests."""
        return Or(self._parts()).sql()

    def arrow(self, table: Any) -> Any:
        """Three substring tests."""
        return Or(self._parts()).arrow(table)

    def columns(self) -> frozenset[str]:
        """``title``, ``caption``, ``paragraphs``."""
        return frozenset({"title", "caption", "paragraphs"})


@attrs.frozen
class Everything(Condition):
    """Matches every article."""

    def matches(self, article: Article) -> bool:
        """True."""
        return True

    def sql(self) -> SQL:
        """``1``."""
        return "1", ()

    def arrow(self, table: Any) -> Any:
        """All true."""
        import pyarrow as pa

        return pa.repeat(pa.scalar(True), table.num_rows)


@attrs.frozen
class And(Condition):
    """All of ``parts`` match."""

    parts: tuple[Condition, ...]

    @property
    def pushable(self) -> bool:  # type: ignore[override]
        """Whether every part is."""
        return all(part.pushable for part in self.parts)

    def matches(self, article: Article) -> bool:
        """All parts match."""
        return all(part.matches(article) for part in self.parts)

    def sql(self) -> SQL:
        """The parts joined with ``AND``."""
        return _join(" AND ", self.parts, "1")

    def arrow(self, table: Any) -> Any:
        """The parts' masks and-ed."""
        result = Everything().arrow(table)
        for part in self.parts:
            result = _pc().and_(result, part.arrow(table))
        return result

    def columns(self) -> frozenset[str]:
        """Every part's columns."""
        return frozenset().union(*(part.columns() for part in self.parts))


@attrs.frozen
class Or(Condition):
    """Any of ``parts`` matches."""

    parts: tuple[Condition, ...]

    @property
    def pushable(self) -> bool:  # type: ignore[override]
        """Whether every part is."""
        return all(part.pushable for part in self.parts)

    def matches(self, article: Article) -> bool:
        """Any part matches."""
        return any(part.matches(article) for part in self.parts)

    def sql(self) -> SQL:
        """The parts joined with ``OR``."""
        return _join(" OR ", self.parts, "0")

    def arrow(self, table: Any) -> Any:
        """The parts' masks or-ed."""
        result = Not(Everything()).arrow(table)
        for part in self.parts:
            result = _pc().or_(result, part.arrow(table))
        return result

    def columns(self) -> frozenset[str]:
        """Every part's columns."""
        return frozenset().union(*(part.columns() for part in self.parts))


@attrs.frozen
class Not(Condition):
    """``part`` does not match."""

    part: Condition

    @property
    def pushable(self) -> bool:  # type: ignore[override]
        """Whether the part is."""
        return self.part.pushable

    def matches(self, article: Article) -> bool:
        """The part does not match."""
        return not self.part.matches(article)

    def sql(self) -> SQL:
        """``NOT (part)``; parts never give NULL, so this is exact."""
        text, parameters = self.part.sql()
        return f"NOT ({text})", parameters

    def arrow(self, table: Any) -> Any:
        """The part's mask inverted."""
        return _pc().invert(self.part.arrow(table))

    def columns(self) -> frozenset[str]:
        """The part's columns."""
        return self.part.columns()


def _join(word: str, parts: Iterable[Condition], empty: str) -> SQL:
    texts: list[str] = []
    parameters: list[Any] = []
    for part in parts:
        text, values = part.sql()
        texts.append(f"({text})")
        parameters.extend(values)
    return (word.join(texts) or empty), tuple(parameters)


@attrs.frozen
class Predicate(Condition):
    """Any Python function of an article; evaluated in Python only (an export backend
    pushes down the other conditions, and runs this on what they let through)."""

    function: Callable[[Article], bool]
    pushable: ClassVar[bool] = False

    def matches(self, article: Article) -> bool:
        """Call the function."""
        return bool(self.function(article))

    def sql(self) -> SQL:
        """Not possible."""
        raise TypeError("a Python predicate has no SQL form")

    def arrow(self, table: Any) -> Any:
        """Not possible."""
        raise TypeError("a Python predicate has no Arrow form")


def published(since: str | None = None, until: str | None = None) -> Condition:
    """Published on or after ``since`` and on or before ``until`` (``YYYY-MM-DD``,
    or a prefix such as ``2024-07``; either may be None), by
    :func:`~seedcorpus.flat.published_date`."""
    parts: list[Condition] = []
    if since:
        parts.append(Field("published", ">=", since))
    if until:
        # "2024-07" as an upper bound includes every day of July: "~" sorts after digits.
        parts.append(Field("published", "<=", until if len(until) >= 10 else until + "~"))
    if len(parts) == 1:
        return parts[0]
    return And(tuple(parts)) if parts else Everything()


def tag(value: str) -> Condition:
    """The article has this tag."""
    return Tag(value)


def editor(name: str) -> Condition:
    """One of the byline's editors is ``name``."""
    return Name("editor", name)


def reporter(name: str) -> Condition:
    """One of the byline's reporters is ``name``."""
    return Name("reporter", name)


def speaker(name: str) -> Condition:
    """Someone called ``name`` is quoted (needs the ``quotes`` enrichment)."""
    return Speaker(name)


def language(code: str) -> Condition:
    """The declared language is ``code`` (``id``, ``en``)."""
    return Field("language", "=", code)


def place(city: str) -> Condition:
    """The dateline's city is ``city`` (ASCII case ignored)."""
    return Field("dateline_city", "~=", city)


def text(query: str) -> Condition:
    """The title, caption or body contains ``query`` (ASCII case ignored)."""
    return Text(query)


_WHERE = re.compile(r"\s*([a-z_]+)\s*(~=|!=|<=|>=|=|<|>|~)\s*(.*?)\s*", re.DOTALL)


def where(expression: str) -> Field:
    """Parse ``COLUMN OP VALUE``, as ``language=id``, ``copyright_year>=2020``,
    ``title~banjir`` (see :class:`Field` for the operators, and
    :data:`~seedcorpus.flat.FLAT_COLUMNS`).

    >>> where("copyright_year >= 2020")
    Field(column='copyright_year', op='>=', value=2020)

    :raises SeedcorpusError: for another shape, an unknown column, or a non-number
        compared with a number column.
    """
    match = _WHERE.fullmatch(expression)
    if match is None:
        raise SeedcorpusError(
            f"cannot read the condition {expression!r}: write COLUMN OP VALUE, as in "
            "language=id or title~banjir"
        )
    column, op, raw = match.groups()
    return Field(column, op, raw)  # Field gives the value the column's type
