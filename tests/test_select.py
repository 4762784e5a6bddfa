"""The ``select`` capability: exports run conditions themselves, through their exporter
spec; names are matched one person at a time in every backend; older layouts and
enriched views are tested in Python."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from cattrs import Converter

from seedcorpus import open_corpus, query
from seedcorpus.corpus import ExportedCorpus
from seedcorpus.models import Article, Byline
from seedcorpus.registry import Registry
from seedcorpus.selection import PushdownBackend, StreamBackend

ROOT = Path(__file__).parent.parent
CONTRACT1 = Path(__file__).parent / "data" / "contract1"
HAS_ARROW = importlib.util.find_spec("pyarrow") is not None
PUSHING = ("sqlite", "parquet") if HAS_ARROW else ("sqlite",)

BYLINES = [
    Byline(reporters=("Ani", "Budi Santoso"), editors=("Citra",)),
    Byline(reporters=("Budi Santoso",), editors=("Citra", "Dadan Ramdani")),
    Byline(reporters=("Dadan Ramdani",)),
    Byline(),
    Byline(reporters=("ani",), editors=("Budi",)),
]


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load(entry_points=False, disabled=())


@pytest.fixture(scope="module")
def bylined(tmp_path_factory: pytest.TempPathFactory, registry: Registry) -> list[Article]:
    [seed] = open_corpus(ROOT / "seeds", registry=registry)
    return [attrs.evolve(seed, id=f"a{n}", byline=b) for n, b in enumerate(BYLINES)]


@pytest.fixture(scope="module")
def exports(
    tmp_path_factory: pytest.TempPathFactory, registry: Registry, bylined: list[Article]
) -> dict[str, ExportedCorpus]:
    out = tmp_path_factory.mktemp("select")
    opened = {}
    for name in ("jsonl", *PUSHING):
        path = out / f"bylines.{name}"
        registry.exporter(name).write(iter(bylined), path, registry.converter)
        corpus = open_corpus(path, registry=registry)
        assert isinstance(corpus, ExportedCorpus)
        opened[name] = corpus
    return opened


NAMES = ["Ani", "ANI", "Budi Santoso", "Budi", "Citra", "Dadan Ramdani", "Ani dan Budi Santoso"]


@pytest.mark.parametrize("role", ["reporter", "editor"])
@pytest.mark.parametrize("name", NAMES)
def test_a_name_matches_one_person_of_several_in_every_backend(
    exports: dict[str, ExportedCorpus], bylined: list[Article], role: str, name: str
) -> None:
    condition = query.Name(role, name)
    expected = [a.id for a in bylined if condition.matches(a)]
    for format_ in PUSHING:
        assert isinstance(exports[format_]._selection_backend(), PushdownBackend)
        assert exports[format_].filter(condition).ids() == expected, format_
        assert exports[format_].filter(~condition).ids() == [
            a.id for a in bylined if a.id not in expected
        ], format_
    assert exports["jsonl"].filter(condition).ids() == expected


def test_the_names_a_condition_finds_are_whole_names() -> None:
    article_names = Byline(reporters=("Ani", "Budi Santoso"))
    assert query.reporter("budi santoso").matches(_with(article_names))
    assert not query.reporter("Budi").matches(_with(article_names))
    assert not query.reporter("Ani dan Budi Santoso").matches(_with(article_names))


def _with(byline: Byline) -> Article:
    [seed] = open_corpus(ROOT / "seeds")
    return attrs.evolve(seed, byline=byline)


@pytest.mark.parametrize("op", ["=", "~", "!="])
@pytest.mark.parametrize("role", ["reporter", "editor"])
def test_the_flat_byline_columns_are_the_names_joined_in_every_backend(
    exports: dict[str, ExportedCorpus], bylined: list[Article], role: str, op: str
) -> None:
    # The flat column of a byline with no names is missing: it matches nothing.
    pair = "Ani dan Budi Santoso" if role == "reporter" else "Citra dan Dadan Ramdani"
    condition = query.Field(role, op, pair if op != "~" else "dan")
    expected = [a.id for a in bylined if condition.matches(a)]
    assert expected  # so that the comparison means something
    for format_ in PUSHING:
        assert exports[format_].filter(condition).ids() == expected, format_


@pytest.mark.parametrize("suffix", [".sqlite", ".parquet"])
def test_an_older_layout_is_tested_in_python(suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    old = open_corpus(CONTRACT1 / f"seeds{suffix}")
    assert isinstance(old._selection_backend(), StreamBackend)
    [only] = old.ids()
    assert old.filter(editor="herry soebanto").ids() == [only]
    assert old.filter(reporter="Herry Soebanto").ids() == []
    assert len(old.filter(editor="Herry Soebanto")) == 1


def test_an_enriched_view_of_an_export_is_tested_in_python(
    exports: dict[str, ExportedCorpus],
) -> None:
    view = exports["sqlite"].enrich("dates")
    assert isinstance(view._selection_backend(), StreamBackend)
    assert view.filter(query.editor("citra")).ids() == ["a0", "a1"]


@attrs.frozen
class Recording:
    """A plugin's selector: evaluates in Python, recording what it was asked."""

    articles: list[Article]
    asked: list[object]

    def count(self, condition: query.Condition | None) -> int:
        self.asked.append(condition)
        return sum(1 for _ in self.rows(condition, 0))

    def rows(
        self,
        condition: query.Condition | None,
        start: int,
        *,
        skip: int = 0,
        limit: int | None = None,
    ) -> Iterator[tuple[int, Article]]:
        self.asked.append(condition)
        found = [
            (n, a)
            for n, a in enumerate(self.articles)
            if n >= start and (condition is None or condition.matches(a))
        ]
        return iter(found[skip : None if limit is None else skip + limit])

    def id_at(self, position: int) -> str | None:
        return self.articles[position].id if position < len(self.articles) else None

    def enrichers(self) -> tuple[str, ...] | None:
        return ("made-up",)


def test_a_plugin_exporter_offering_select_gets_the_pushable_part(
    exports: dict[str, ExportedCorpus], registry: Registry, bylined: list[Article]
) -> None:
    asked: list[object] = []

    def select(path: Path, converter: Converter) -> Recording:
        return Recording(bylined, asked)

    spec = attrs.evolve(registry.exporter("jsonl"), select=select)
    corpus = ExportedCorpus(exports["jsonl"].root, spec, registry)
    pushed = query.editor("Citra")
    picky = query.Predicate(lambda article: article.id != "a0")
    assert corpus.filter(pushed, picky).ids() == ["a1"]
    assert asked[-1] == query.And((pushed,))  # the predicate stays in Python
    assert corpus.filter(pushed)[1:].ids() == ["a1"]
    assert len(corpus.filter(pushed)) == 2
    assert asked[-1] == pushed
    assert "made-up" in repr(corpus)
