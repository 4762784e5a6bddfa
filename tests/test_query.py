"""Selection: conditions agree across backends, slices, counts, tables, checkpoints."""

from __future__ import annotations

import importlib.util
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedcorpus import open_corpus, query
from seedcorpus.apps.synth import synth_corpus
from seedcorpus.corpus import Corpus
from seedcorpus.errors import SeedcorpusError
from seedcorpus.flat import byline_names, published_date, speakers
from seedcorpus.models import Article
from seedcorpus.registry import Registry
from seedcorpus.selection import Checkpoint

# Parquet needs the parquet extra; without it the other exports are still compared.
HAS_ARROW = importlib.util.find_spec("pyarrow") is not None
FORMATS = ("sqlite", "parquet", "jsonl") if HAS_ARROW else ("sqlite", "jsonl")
SIZE = 120


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Corpus]:
    """A synthetic folder with dates and quotes, and its exports (parquet in row groups
    of 50, so pushdown crosses group boundaries)."""
    import seedcorpus.default_plugins.parquet as parquet

    out = tmp_path_factory.mktemp("query")
    synth_corpus(out / "c", SIZE, seed=3)
    registry = Registry.load(entry_points=False, disabled=())
    folder = open_corpus(out / "c", registry=registry).enrich("dates,quotes")
    batch, parquet.BATCH = parquet.BATCH, 50
    try:
        for name in FORMATS:
            folder.export(name, out / f"c.{name}")
    finally:
        parquet.BATCH = batch
    corpora = {name: open_corpus(out / f"c.{name}", registry=registry) for name in FORMATS}
    return {"folder": folder, **corpora}


@pytest.fixture(scope="module")
def articles(built: dict[str, Corpus]) -> list[Article]:
    return list(built["folder"])


@pytest.fixture(scope="module")
def values(articles: list[Article]) -> dict[str, list[str]]:
    """Values that occur in the corpus, so drawn conditions match something."""

    def common(items: list[str | None]) -> list[str]:
        return [value for value, _ in Counter(v for v in items if v).most_common(6)]

    return {
        "tag": common([t for a in articles for t in a.tags]),
        "editor": common([n for a in articles for n in byline_names(a.byline, "editor")]),
        "reporter": common([n for a in articles for n in byline_names(a.byline, "reporter")]),
        "speaker": common([s for a in articles for s in speakers(a)]),
        "place": common([a.dateline.city for a in articles if a.dateline]),
        "published": sorted({d for a in articles if (d := published_date(a))}),
    }


def _conditions(values: dict[str, list[str]]) -> st.SearchStrategy[query.Condition]:
    def pick(key: str) -> st.SearchStrategy[str]:
        return st.sampled_from(values[key])

    leaves = st.one_of(
        pick("tag").map(query.tag),
        pick("editor").map(str.upper).map(query.editor),
        pick("reporter").map(query.reporter),
        pick("speaker").map(query.speaker),
        pick("place").map(str.lower).map(query.place),
        st.sampled_from(["id", "en"]).map(query.language),
        st.tuples(pick("published"), pick("published")).map(
            lambda pair: query.published(since=min(pair), until=max(pair)[:7])
        ),
        st.sampled_from(["menteri", "Jakarta", "RI", "banjir", "-"]).map(query.text),
        st.tuples(
            st.sampled_from(["copyright_year", "title", "language", "caption_credit"]),
            st.sampled_from(["=", "!=", "<", ">=", "~", "~="]),
            st.sampled_from(["2020", "a", "id", "ANTARA"]),
        ).map(lambda t: query.where(f"{t[0]}{t[1]}{t[2] if t[0] != 'copyright_year' else 2020}")),
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.tuples(inner, inner).map(lambda p: p[0] & p[1]),
            st.tuples(inner, inner).map(lambda p: p[0] | p[1]),
            inner.map(lambda c: ~c),
        ),
        max_leaves=4,
    )


def test_a_filter_gives_the_same_articles_over_the_folder_and_every_export(
    built: dict[str, Corpus], articles: list[Article], values: dict[str, list[str]]
) -> None:
    # Each example reads the four corpora several times: 40 examples keep it to seconds.
    @settings(max_examples=40)
    @given(condition=_conditions(values), window=st.tuples(st.integers(0, 30), st.integers(0, 30)))
    def check(condition: query.Condition, window: tuple[int, int]) -> None:
        expected = [a for a in articles if condition.matches(a)]
        start, stop = sorted(window)
        for name in FORMATS:
            selection = built[name].filter(condition)
            assert selection.ids() == [a.id for a in expected], name
            assert len(selection) == len(expected), name
            assert selection[start:stop].ids() == [a.id for a in expected[start:stop]], name
        # The articles themselves, typed, not only their ids.
        assert list(built["sqlite"].filter(condition).head(3)) == expected[:3]

    check()


def test_conditions_run_in_sqlite_not_in_python(
    built: dict[str, Corpus], monkeypatch: pytest.MonkeyPatch
) -> None:
    condition = query.tag("Jakarta") & query.published(since="2020")

    def refuse(self: object, article: Article) -> bool:
        raise AssertionError("evaluated in Python")

    for kind in (query.Tag, query.Field, query.And):
        monkeypatch.setattr(kind, "matches", refuse)
    assert len(built["sqlite"].filter(condition).ids()) == len(built["sqlite"].filter(condition))
    if HAS_ARROW:
        assert built["parquet"].filter(condition).ids() == built["sqlite"].filter(condition).ids()


def test_a_python_predicate_runs_on_what_the_pushed_conditions_let_through(
    built: dict[str, Corpus], articles: list[Article]
) -> None:
    def long(article: Article) -> bool:
        return len(article.paragraphs) > 4

    expected = [a.id for a in articles if "Jakarta" in a.tags and long(a)]
    assert expected  # the corpus has such articles, so the test can fail
    for name in ("folder", *FORMATS):
        assert built[name].filter(long, tag="Jakarta").ids() == expected, name
        assert built[name].filter(query.tag("Jakarta")).filter(long)[1:].ids() == expected[1:]


def test_slices_and_head(built: dict[str, Corpus], articles: list[Article]) -> None:
    ids = [a.id for a in articles]
    for name in ("folder", *FORMATS):
        corpus = built[name]
        assert corpus[0:2].ids() == ids[0:2]
        assert corpus[-3:].ids() == ids[-3:]
        assert corpus[10:40:7][1:3].ids() == ids[10:40:7][1:3]
        assert corpus.head(4).ids() == ids[:4]
        assert len(corpus[5:9]) == 4
    with pytest.raises(ValueError, match="step"):
        built["folder"][::-1]


def test_len_of_exports_reads_no_article(built: dict[str, Corpus], tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(Path(built["sqlite"].root).read_bytes())
    with sqlite3.connect(broken) as connection:
        connection.execute("UPDATE articles SET json = 'not json'")
    corpus = open_corpus(broken)
    assert len(corpus) == SIZE  # would raise if any row were parsed
    with pytest.raises(SeedcorpusError):
        list(corpus.head(1))
    for name in FORMATS:
        assert len(built[name]) == SIZE


def test_the_repr_of_an_enriched_export_names_its_enrichers(built: dict[str, Corpus]) -> None:
    for name in FORMATS:
        assert repr(built[name]).endswith(f"{SIZE} articles, enrichers: dates,quotes>"), name
    assert "enrichers: dates,quotes,stats>" in repr(built["sqlite"].enrich("stats"))


def test_a_checkpoint_resumes_where_the_iteration_stopped(
    built: dict[str, Corpus], articles: list[Article]
) -> None:
    expected = [a.id for a in articles if "Jakarta" in a.tags][2:]
    for name in ("folder", *FORMATS):
        selection = built[name].filter(tag="Jakarta")[2:]
        cursor = selection.iter()
        first = [next(cursor).id for _ in range(3)]
        token = str(cursor.checkpoint)  # what a program saves before it stops
        rest = [a.id for a in selection.iter(start=token)]
        assert first + rest == expected, name
        with pytest.raises(SeedcorpusError, match="different selection"):
            built[name].filter(tag="Ekonomi").iter(start=token)
    cursor = built["folder"].iter()
    next(cursor)
    assert [a.id for a in built["folder"].iter(start=cursor.checkpoint)] == [
        a.id for a in articles[1:]
    ]


def test_a_checkpoint_on_a_changed_corpus_is_an_error(built: dict[str, Corpus]) -> None:
    cursor = built["sqlite"].iter()
    next(cursor)
    token = str(cursor.checkpoint)
    forged = token.rsplit(":", 1)[0] + ":not-the-id"
    with pytest.raises(SeedcorpusError, match="changed since the checkpoint"):
        list(built["sqlite"].iter(start=forged))
    with pytest.raises(SeedcorpusError, match="not a seedcorpus checkpoint"):
        Checkpoint.parse("garbage")


def test_tables_have_the_flat_columns(built: dict[str, Corpus], articles: list[Article]) -> None:
    pytest.importorskip("pyarrow")
    table = built["parquet"].filter(tag="Jakarta").to_arrow()
    assert table.num_rows == sum("Jakarta" in a.tags for a in articles)
    assert {"id", "title", "published", "editor", "tags", "copyright_year"} <= set(
        table.column_names
    )
    pytest.importorskip("pandas")
    frame = built["folder"].head(5).to_pandas()
    assert list(frame["id"]) == [a.id for a in articles[:5]]


def test_where_reads_column_op_value(built: dict[str, Corpus]) -> None:
    assert query.where("title ~ banjir bandang") == query.Field("title", "~", "banjir bandang")
    with pytest.raises(SeedcorpusError, match="unknown column"):
        query.where("colour=red")
    with pytest.raises(SeedcorpusError, match="is a number"):
        query.where("copyright_year>=soon")
    # Values take the column's type, as SQLite would convert them.
    assert query.Field("copyright_year", "=", "2024") == query.Field("copyright_year", "=", 2024)
    assert query.Field("copyright_year", "~", 202).value == "202"
    with pytest.raises(SeedcorpusError, match="COLUMN OP VALUE"):
        query.where("just words")
    with pytest.raises(TypeError, match="unknown keyword"):
        built["folder"].filter(colour="red")


@pytest.mark.parametrize(
    "condition",
    [
        query.Field("copyright_year", "~", 202),  # a number column as text
        query.Field("copyright_year", "~=", "2020"),
        query.Field("copyright_year", "<", "2021"),
        query.where("published~2024-0"),
        query.Field("caption", "!=", "x"),  # a missing caption meets no condition
        ~query.place("Jakarta"),  # but the negation of one it does not meet
        query.text('"') | query.speaker('a "quoted" name'),
    ],
    ids=repr,
)
def test_edge_conditions_agree_everywhere(
    built: dict[str, Corpus], articles: list[Article], condition: query.Condition
) -> None:
    expected = [a.id for a in articles if condition.matches(a)]
    for name in FORMATS:
        assert built[name].filter(condition).ids() == expected, name
