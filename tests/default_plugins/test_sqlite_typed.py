"""The typed way into the SQLite rows gives what unstructuring, then laying out, gives."""

from __future__ import annotations

import math
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedcorpus.default_plugins.dates import DateMention, Dates
from seedcorpus.default_plugins.quotes import Quote, Quotes
from seedcorpus.default_plugins.sqlite_records import lay_out
from seedcorpus.default_plugins.sqlite_typed import Unstructurer
from seedcorpus.default_plugins.stats import Stats
from seedcorpus.models import Article, Enrichment, UnknownEnrichment
from seedcorpus.registry import Registry
from seedcorpus.serialization import article_unstructurer, data_to_json, make_converter
from seedcorpus.testing import articles

BUILTIN = Registry.load(entry_points=False, disabled=())
TYPES = tuple(t for spec in BUILTIN.enrichers.values() for t in spec.types)


@attrs.frozen
class Measure:
    text: str | None
    paragraph: int
    start: int
    end: int
    weight: float  # not a value that goes out as it is: these records go the general way


@attrs.frozen
class Measures(Enrichment):
    kind: ClassVar[str] = "measures"
    measures: tuple[Measure, ...] = ()


CONVERTER = make_converter([*TYPES, Measures])


def general(enrichment: Any, paragraphs: tuple[str, ...]) -> tuple[Any, bool, str | None]:
    """The way every enrichment went before: unstructured, then laid out."""
    hook = CONVERTER.get_unstructure_hook(Enrichment | UnknownEnrichment)
    data = hook(enrichment)
    if type(data) is not dict:
        return data, False, None
    return lay_out(data, paragraphs)


def same(enrichment: Any, paragraphs: tuple[str, ...]) -> None:
    payload, elided, layout = Unstructurer(CONVERTER).enrichment(enrichment, paragraphs)
    expected, expected_elided, expected_layout = general(enrichment, paragraphs)
    assert data_to_json(payload) == data_to_json(expected)
    assert (elided, layout) == (expected_elided, expected_layout)


words = st.text(alphabet="ab é\n", max_size=12)


@st.composite
def located(draw: st.DrawFn) -> tuple[Any, tuple[str, ...]]:
    """Paragraphs, and quotes, date mentions or measures that may locate their text in
    them: the slice, another text, or none (a null)."""
    paragraphs = tuple(draw(st.lists(words, max_size=3)))

    def place() -> tuple[int, int, int, str | None]:
        number = draw(st.integers(-1, 3))
        start, end = sorted(draw(st.lists(st.integers(-1, 13), min_size=2, max_size=2)))
        choice = draw(st.sampled_from(["slice", "other", "none"]))
        text: str | None = draw(words) if choice == "other" else None
        if choice == "slice" and 0 <= number < len(paragraphs) and start >= 0:
            text = paragraphs[number][start:end]
        return number, start, end, text

    kind = draw(st.sampled_from(["quotes", "dates", "measures"]))
    items: list[Any] = []
    for _ in range(draw(st.integers(0, 3))):
        number, start, end, text = place()
        if kind == "quotes":
            items.append(Quote(text or "", None, None, number, True, start, end))
            if text is None and draw(st.booleans()):
                items[-1] = attrs.evolve(items[-1], text=None)  # a null of its own
        elif kind == "dates":
            # Usual names, a number with a leading zero (not among the usual names, read
            # all the same), a field outside the paragraphs, a name that is no number.
            names = [f"paragraphs.{number}", f"paragraphs.0{number}", "title", "dateline.date"]
            field = draw(st.sampled_from([*names, "paragraphs.x", "paragraphs."]))
            items.append(DateMention(text or "", None, start, end, field, "day"))
        else:
            items.append(Measure(text, number, start, end, draw(st.floats())))
    if kind == "quotes":
        return Quotes(tuple(items)), paragraphs
    if kind == "dates":
        return Dates(None, 0.5, tuple(items), (1, 2)), paragraphs
    return Measures(tuple(items)), paragraphs


@given(located())
def test_located_records_are_laid_out_as_before(case: tuple[Any, tuple[str, ...]]) -> None:
    same(*case)


@settings(max_examples=60)
@given(articles(TYPES))
def test_any_enrichment_is_laid_out_as_before(article: Article) -> None:
    for enrichment in article.enrichments:
        same(enrichment, article.paragraphs)


@attrs.frozen
class LongQuote(Quote):
    note: str = "x"


def test_a_record_of_a_subclass_goes_the_general_way() -> None:
    # Written with the fields its tuple's type declares, as the converter writes it.
    quotes = Quotes(
        (Quote("a", None, None, 0, True, 0, 1), LongQuote("b", None, None, 0, True, 1, 2))
    )
    same(quotes, ("ab",))


def test_a_record_of_another_type_fails_as_before() -> None:
    # attrs does not check types: a plugin may put anything in the tuple.
    odd = Quotes((Quote("a", None, None, 0, True, 0, 1), {"text": "a"}))  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        general(odd, ("ab",))
    with pytest.raises(AttributeError):
        Unstructurer(CONVERTER).enrichment(odd, ("ab",))


def test_a_nan_in_a_record_goes_out_as_before() -> None:
    same(Measures((Measure("a", 0, 0, 1, math.nan),)), ("ab",))


@settings(max_examples=60)
@given(articles(TYPES))
def test_an_article_without_its_enrichments_unstructures_as_before(article: Article) -> None:
    expected = CONVERTER.unstructure(article)
    del expected["enrichments"]
    assert article_unstructurer(CONVERTER, omit=("enrichments",))(article) == expected


def test_the_built_in_enrichments_take_the_typed_way() -> None:
    unstructurer = Unstructurer(CONVERTER)
    quote = Quote("ab", None, None, 0, True, 0, 2)
    mention = DateMention("b", None, 1, 2, "paragraphs.0", "day")
    for enrichment in (Quotes((quote,)), Dates(None, 0.5, (mention,)), Measures()):
        unstructurer.enrichment(enrichment, ("ab",))
    plans = {cls.kind: plan for cls, plan in unstructurer._plans.items()}
    assert plans["quotes"] is not None
    assert plans["dates"] is not None
    assert plans["measures"] is None  # a float in its records: the general way
    payload, elided, _ = unstructurer.enrichment(Quotes((quote,)), ("ab",))
    assert elided
    assert payload["quotes"] == [[None, None, None, 0, True, 0, 2, None, None, None]]


@settings(max_examples=60)
@given(articles(TYPES))
def test_an_articles_enrichments_are_laid_out_as_each_one_alone(article: Article) -> None:
    # Unknown kinds too (the general way), and the second article's plans already made.
    unstructurer = Unstructurer(CONVERTER)
    for _ in range(2):
        laid = unstructurer.enrichments(article.enrichments, article.paragraphs)
        alone = [general(enrichment, article.paragraphs) for enrichment in article.enrichments]
        assert [(data_to_json(payload), *rest) for payload, *rest in laid] == [
            (data_to_json(payload), *rest) for payload, *rest in alone
        ]


class Label(str):
    """A string of a subclass: not a plain value, so its enrichment is looked at closer."""


@pytest.mark.parametrize(
    "odd",
    [
        [{"text": "a", "paragraph": 0, "start": 0, "end": 1}],  # records where a count is
        ({"text": "a", "paragraph": 0, "start": 0, "end": 1},),
        [1, 2],
        (),
        Label("many"),
        math.inf,
    ],
)
def test_a_value_that_is_not_its_fields_type_is_laid_out_as_before(odd: Any) -> None:
    # attrs does not check types: a list of records in a field of a number is laid out
    # by the general way, as unstructuring then laying out did.
    stats = Stats(odd, 1, 1, 0.5)
    same(stats, ("ab",))
    unstructurer = Unstructurer(CONVERTER)
    assert (
        unstructurer.enrichments([stats, stats], ("ab",))
        == [unstructurer.enrichment(stats, ("ab",))] * 2
    )


@pytest.mark.parametrize(
    "field", ["paragraphs.1", "paragraphs.01", "paragraphs.1 ", "paragraphs.", "title", "x"]
)
def test_a_mention_is_elided_by_the_paragraph_its_field_names(field: str) -> None:
    # "paragraphs.01" is not a usual name, but names paragraph 1 all the same.
    mention = DateMention("cd", None, 0, 2, field, "day")
    same(Dates(None, 0.5, (mention,)), ("ab", "cd"))
    _, elided, _ = Unstructurer(CONVERTER).enrichment(Dates(None, 0.5, (mention,)), ("ab", "cd"))
    assert elided is (field in ("paragraphs.1", "paragraphs.01"))
