"""The plugin contract checks of ``seedcorpus.testing``.

Each check must pass on the built-in plugins and fail, naming what is wrong, on a plugin
that breaks the contract in the way real plugins do; otherwise the checks prove nothing.
"""

from __future__ import annotations

import importlib.util
import json
import time
import types
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import attrs
import pytest
from cattrs import Converter

from kit_plugins import Initials, initials, initials_in_set_order
from seedcorpus.default_plugins import jsonl, stats
from seedcorpus.errors import ParseError
from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article, FieldSpan
from seedcorpus.serialization import article_from_data, article_to_json
from seedcorpus.specs import Document, EnricherSpec, ExporterSpec, ParserSpec
from seedcorpus.testing import check_enricher, check_exporter, check_parser, registry_with
from seedcorpus.text import normalize

BUILTIN = registry_with(builtins=True)
TYPES = tuple(t for spec in BUILTIN.enrichers.values() for t in spec.types)
JSONL = BUILTIN.exporter("jsonl")

# --- registry_with ---


def test_registry_with_holds_only_the_given_plugins() -> None:
    registry = registry_with(jsonl)
    assert list(registry.exporters) == ["jsonl"]
    assert not registry.parsers
    assert not registry.enrichers


def test_registry_with_builtins_adds_every_builtin() -> None:
    def seedcorpus_parsers() -> Iterator[ParserSpec]:
        yield ParserSpec("plain", parse_plain)

    plain = types.ModuleType("plain")
    plain.seedcorpus_parsers = hookimpl(seedcorpus_parsers)  # type: ignore[attr-defined]
    registry = registry_with(plain, builtins=True)
    assert list(registry.parsers) == ["antara", "plain"]
    assert "stats" in registry.enrichers


def test_registry_with_fails_loudly_on_a_broken_plugin() -> None:
    def seedcorpus_exporters() -> Iterator[ExporterSpec]:
        raise RuntimeError("no exporters today")

    broken = types.ModuleType("broken")
    broken.seedcorpus_exporters = hookimpl(seedcorpus_exporters)  # type: ignore[attr-defined]
    with pytest.raises(AssertionError, match=r"'broken'.*RuntimeError: no exporters today"):
        registry_with(broken)


def test_registry_with_fails_loudly_on_a_misspelt_hook() -> None:
    def seedcorpus_exporter() -> Iterator[ExporterSpec]:  # not seedcorpus_exporters
        yield ExporterSpec("lost", JSONL.write)  # pragma: no cover

    typo = types.ModuleType("typo")
    typo.seedcorpus_exporter = hookimpl(seedcorpus_exporter)  # type: ignore[attr-defined]
    with pytest.raises(AssertionError, match=r"'typo'.*unknown hook seedcorpus_exporter"):
        registry_with(typo)


# --- check_parser ---


def parse_plain(document: Document) -> Article:
    """Title, blank line, body: a small parser that keeps the contract."""
    title, _, body = document.text.strip().partition("\n\n")
    if not title.strip():
        raise ParseError("no title")
    return Article(
        id=document.id,
        source=document.source,
        title=normalize(title),
        paragraphs=tuple(normalize(p) for p in body.split("\n\n") if p.strip()),
    )


def parse_with_key_error(document: Document) -> Article:
    fields = dict(line.split(": ", 1) for line in document.text.splitlines() if ": " in line)
    return Article(id=document.id, source=document.source, title=fields["Judul"])


def parse_with_new_id(document: Document) -> Article:
    return attrs.evolve(parse_plain(document), id=document.source.path)


def parse_with_list_tags(document: Document) -> Article:
    article = parse_plain(document)
    return attrs.evolve(article, tags=list(article.title.split()))  # type: ignore[arg-type]


def parse_with_wild_span(document: Document) -> Article:
    article = parse_plain(document)
    span = FieldSpan("title", 0, len(document.text) + 1)
    return attrs.evolve(article, source=attrs.evolve(article.source, spans=(span,)))


def parse_with_raw_lines(document: Document) -> Article:
    """Keeps a paragraph's line breaks: the contract wants text normalized."""
    return attrs.evolve(parse_plain(document), paragraphs=("Satu\ndua",))


def parse_with_empty_title(document: Document) -> Article:
    """A missing title as "", where the contract says None."""
    return attrs.evolve(parse_plain(document), title="")


def test_check_parser_passes_on_the_antara_parser() -> None:
    check_parser(BUILTIN.parser("antara"))


def test_check_parser_passes_on_a_correct_parser() -> None:
    check_parser(ParserSpec("plain", parse_plain))


def test_check_parser_fails_on_a_parser_raising_key_error() -> None:
    with pytest.raises(AssertionError, match=r"parser 'bad' on text .* raised KeyError: 'Judul'"):
        check_parser(ParserSpec("bad", parse_with_key_error))


@pytest.mark.parametrize(
    ("parse", "message"),
    [
        (parse_with_new_id, "id, source.path and source.sha256 must be the document's"),
        (parse_with_list_tags, "changes through its JSON form: tags: expected"),
        (parse_with_wild_span, "FieldSpan.* is outside the text"),
        (parse_with_raw_lines, r"paragraphs.0 is not whitespace-normalized: .*seedcorpus.text"),
        (parse_with_empty_title, r"title is an empty string; a part the text does not have"),
    ],
)
def test_check_parser_fails_on_a_broken_article(
    parse: Callable[[Document], Article], message: str
) -> None:
    with pytest.raises(AssertionError, match=message):
        check_parser(ParserSpec("bad", parse))


def test_check_parser_tries_the_given_texts() -> None:
    from hypothesis import strategies as st

    with pytest.raises(AssertionError, match="on text 'Judul: x'"):
        check_parser(ParserSpec("plain", parse_with_new_id), st.just("Judul: x"))


def parse_judul_only(document: Document) -> Article:
    # Reads its own format and assumes every file is in it: crashes on any other.
    fields = dict(line.split(": ", 1) for line in document.text.splitlines() if ": " in line)
    return Article(id=document.id, source=document.source, title=fields["Judul"])


def test_check_parser_still_tries_the_builtin_texts_with_custom_ones() -> None:
    from hypothesis import strategies as st

    # Titles that pass every check, so that only the built-in texts can fail it.
    own_format = st.text("abc", min_size=1).map(lambda title: f"Judul: {title}x")
    with pytest.raises(AssertionError, match="raised KeyError: 'Judul'"):
        check_parser(ParserSpec("judul", parse_judul_only), own_format)


def parse_with_initials(document: Document) -> Article:
    # A parser attaching typed metadata, as an enrichment its plugin registers.
    article = parse_plain(document)
    return attrs.evolve(article, enrichments=(initials(article),))


def test_check_parser_round_trips_a_registered_enrichment_it_attaches() -> None:
    check_parser(ParserSpec("plain", parse_with_initials), enrichment_types=(Initials,))


def test_check_parser_names_an_attached_enrichment_the_converter_does_not_know() -> None:
    with pytest.raises(
        AssertionError, match="attaches a Initials enrichment, which the converter"
    ):
        check_parser(ParserSpec("plain", parse_with_initials))


# --- check_enricher ---


def initials_as_list(article: Article) -> Initials:
    return Initials(letters=[word[0] for word in (article.title or "").split()])  # type: ignore[arg-type]


def average_word_length(article: Article) -> Initials:
    words = article.text.split()
    return Initials(letters=(str(sum(map(len, words)) // len(words)),))


def test_check_enricher_passes_on_a_correct_enricher() -> None:
    check_enricher(EnricherSpec("initials", initials, types=(Initials,)))


@pytest.mark.parametrize("name", sorted(BUILTIN.enrichers))
def test_check_enricher_passes_on_the_builtin_enrichers(name: str) -> None:
    check_enricher(BUILTIN.enricher(name))


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (
            EnricherSpec("wordcount", stats.enrich, types=(stats.Stats,)),
            "returned kind 'stats'; it must be 'wordcount'",
        ),
        (
            EnricherSpec("stats", initials, types=(stats.Stats,)),
            r"returned Initials\(.*\), not one of its declared types \(Stats\)",
        ),
        (
            EnricherSpec("initials", average_word_length, types=(Initials,)),
            "enricher 'initials' on Article.* raised ZeroDivisionError",
        ),
        (
            EnricherSpec("initials", initials_as_list, types=(Initials,)),
            r"Initials\(letters=\[.*\]\) reads back from its JSON form as Initials\(letters=\(",
        ),
    ],
    ids=["wrong kind", "undeclared type", "raises", "no round trip"],
)
def test_check_enricher_fails_on_a_broken_enricher(spec: EnricherSpec, message: str) -> None:
    with pytest.raises(AssertionError, match=message):
        check_enricher(spec)


def test_check_enricher_fails_on_output_in_set_order() -> None:
    spec = EnricherSpec("initials", initials_in_set_order, types=(Initials,))
    with pytest.raises(
        AssertionError,
        match=r"enricher 'initials' on Article.* gives another result under PYTHONHASHSEED=",
    ):
        check_enricher(spec)
    # In one process it looks deterministic: only another hash seed shows the bug.
    check_enricher(spec, hash_seeds=(), max_examples=25)


def test_check_enricher_warns_when_it_cannot_run_under_other_seeds() -> None:
    def local_initials(article: Article) -> Initials:
        return initials(article)

    with pytest.warns(UserWarning, match="cannot be imported by name"):
        check_enricher(EnricherSpec("initials", local_initials, types=(Initials,)), max_examples=5)


# --- check_exporter ---


# Fewer examples than the profile's: drawing articles with every built-in enrichment is
# slow, and tests/default_plugins/test_exporters.py covers these exporters' read-back too.
@pytest.mark.parametrize("name", ["jsonl", "csv", "parquet"])
def test_check_exporter_passes_on_the_builtin_file_exporters(name: str) -> None:
    if name == "parquet" and importlib.util.find_spec("pyarrow") is None:
        pytest.skip("the parquet exporter needs pyarrow")
    check_exporter(BUILTIN.exporter(name), enrichment_types=TYPES, max_examples=25)


def test_check_exporter_passes_on_sqlite() -> None:
    # Fewer still: each write of a database also waits for the disk.
    check_exporter(BUILTIN.exporter("sqlite"), enrichment_types=TYPES, max_examples=10)


def write_without_tags(
    articles: Iterable[Article], destination: Path, converter: Converter
) -> None:
    with destination.open("w", encoding="utf-8") as out:
        for article in articles:
            data = converter.unstructure(article)
            del data["tags"]
            out.write(json.dumps(data) + "\n")


def read_lines(source: Path, converter: Converter) -> Iterator[Article]:
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            yield article_from_data(json.loads(line), converter)


def write_with_timestamp(
    articles: Iterable[Article], destination: Path, converter: Converter
) -> None:
    with destination.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"written": time.time_ns()}) + "\n")
        for article in articles:
            out.write(article_to_json(article, converter) + "\n")


def write_until_error(
    articles: Iterable[Article], destination: Path, converter: Converter
) -> None:
    with destination.open("w", encoding="utf-8") as out:
        try:
            for article in articles:
                out.write(article_to_json(article, converter) + "\n")
        except Exception:  # the bug under test: a partial file passes for a whole one
            pass


def write_with_backup(
    articles: Iterable[Article], destination: Path, converter: Converter
) -> None:
    JSONL.write(articles, destination, converter)
    destination.with_name(destination.name + ".bak").write_bytes(destination.read_bytes())


def test_check_exporter_fails_when_read_back_drops_a_field() -> None:
    spec = ExporterSpec("lossy", write_without_tags, read=read_lines, suffix=".jsonl")
    with pytest.raises(
        AssertionError, match=r"read back differs: article \d+ .*tags: expected \("
    ):
        check_exporter(spec)


def test_check_exporter_fails_on_a_non_deterministic_exporter() -> None:
    spec = ExporterSpec("stamped", write_with_timestamp, suffix=".jsonl")
    with pytest.raises(AssertionError, match="two writes of the same articles differ"):
        check_exporter(spec)


def test_check_exporter_can_skip_the_same_bytes_check() -> None:
    check_exporter(
        ExporterSpec("stamped", write_with_timestamp), deterministic=False, max_examples=25
    )


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (ExporterSpec("partial", write_until_error), "the write returned normally"),
        (ExporterSpec("backup", write_with_backup), r"files left beside the output: \['\.out"),
        (
            ExporterSpec("folder", JSONL.write, directory=True),
            "wrote a file at the path it was given, but its spec has directory=True",
        ),
    ],
    ids=["swallows errors", "leaves files", "file, not folder"],
)
def test_check_exporter_fails_on_an_exporter_that_breaks_atomicity(
    spec: ExporterSpec, message: str
) -> None:
    with pytest.raises(AssertionError, match=message):
        check_exporter(spec)


def write_but_the_last(
    articles: Iterable[Article], destination: Path, converter: Converter
) -> None:
    # Write-only, and loses an article: the bug a read-back check cannot see.
    kept = list(articles)[:-1]
    with destination.open("w", encoding="utf-8") as out:
        for article in kept:
            out.write(article_to_json(article, converter) + "\n")


def count_one(destination: Path) -> int:
    return 1


def test_check_exporter_fails_when_an_article_never_arrives() -> None:
    spec = ExporterSpec("lossy", write_but_the_last, suffix=".jsonl")
    with pytest.raises(AssertionError, match=r"1 of \d+ articles never arrived.*zqkit"):
        check_exporter(spec)


def test_check_exporter_fails_when_count_disagrees() -> None:
    spec = ExporterSpec("miscount", JSONL.write, suffix=".jsonl", count=count_one)
    with pytest.raises(AssertionError, match=r"wrote \d+ articles, but count says .* holds 1"):
        check_exporter(spec)


def test_check_exporter_passes_a_write_only_exporter_that_keeps_every_article() -> None:
    check_exporter(ExporterSpec("plain", JSONL.write, suffix=".jsonl"), max_examples=25)
