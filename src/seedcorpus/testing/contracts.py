"""Contract checks any plugin can run in its own tests, and a registry of chosen plugins.

Import them from :mod:`seedcorpus.testing`.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import attrs
from cattrs import Converter
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from seedcorpus.atomic import atomic_destination
from seedcorpus.errors import ParseError
from seedcorpus.models import Article, Enrichment, Source
from seedcorpus.plugins import DEFAULT_PLUGINS, describe_error
from seedcorpus.registry import Registry
from seedcorpus.serialization import article_from_json, article_to_json, make_converter
from seedcorpus.specs import Document, EnricherSpec, ExporterSpec, ParserSpec
from seedcorpus.testing.hashseeds import enrich_under_seeds, import_name, outcome
from seedcorpus.testing.strategies import antara_texts, articles
from seedcorpus.text import normalize

# The checks take a parameter called ``articles``; this name keeps the strategy reachable.
_articles = articles


def registry_with(*plugins: object, builtins: bool = False) -> Registry:
    """A registry of exactly the given plugin modules or objects (and the built-ins if
    ``builtins``), ignoring installed entry points and ``SEEDCORPUS_DISABLE_PLUGINS``, so a
    test sees the same plugins on every machine.

    >>> import importlib
    >>> from seedcorpus.testing import registry_with
    >>> from seedcorpus.plugins import DEFAULT_PLUGINS
    >>> jsonl = importlib.import_module(next(m for m in DEFAULT_PLUGINS if m.endswith("jsonl")))
    >>> list(registry_with(jsonl).exporters)
    ['jsonl']

    :raises AssertionError: if one of ``plugins`` fails to register or its hook raises:
        in a test, a skipped plugin must not look like a missing one.
    """
    registry = Registry.load(builtins=builtins, entry_points=False, extra=plugins, disabled=())
    builtin_names = {module.rsplit(".", 1)[-1] for module in DEFAULT_PLUGINS}
    failures = [str(f) for f in registry.failures if not builtins or f.name not in builtin_names]
    if failures:
        raise AssertionError("; ".join(failures))
    return registry


def _settings(max_examples: int | None) -> settings:
    # One clear failure, not an ExceptionGroup: callers match a single AssertionError.
    # No explain phase: it traces every line of every shrink step, which makes shrinking
    # a failure tens of times slower (minutes, for an exporter), to name a few lines.
    options = settings(
        deadline=None,
        report_multiple_bugs=False,
        phases=[phase for phase in settings().phases if phase is not Phase.explain],
    )
    return options if max_examples is None else settings(options, max_examples=max_examples)


def _slow_settings(max_examples: int | None) -> settings:
    # Writing files per example is slow by nature; that is not a problem of the strategy.
    return settings(
        _settings(max_examples),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def _field_differences(expected: Article, actual: object) -> str:
    if not isinstance(actual, Article):
        return f"got {actual!r} instead of an Article"
    return "; ".join(
        f"{field.name}: expected {getattr(expected, field.name)!r}, "
        f"got {getattr(actual, field.name)!r}"
        for field in attrs.fields(Article)
        if getattr(expected, field.name) != getattr(actual, field.name)
    )


def _list_differences(expected: Sequence[Article], actual: Sequence[object]) -> str:
    if len(expected) != len(actual):
        return f"wrote {len(expected)} articles, read back {len(actual)}"
    for position, (wrote, read) in enumerate(zip(expected, actual, strict=True)):
        if wrote != read:
            return f"article {position} ({wrote.id!r}): {_field_differences(wrote, read)}"
    return "no difference"


def _round_trip(article: Article, converter: Converter, where: str) -> None:
    try:
        again: object = article_from_json(article_to_json(article, converter), converter)
    except Exception as error:
        raise AssertionError(
            f"{where}: the article does not survive its JSON form: {describe_error(error)}"
        ) from error
    if again != article:
        raise AssertionError(
            f"{where}: the article changes through its JSON form: "
            f"{_field_differences(article, again)}"
        )


def _text_fields(article: Article) -> Iterator[tuple[str, str, bool]]:
    """Every text field of ``article`` that has a value: its path (``paragraphs.0``), the
    text, and whether it may be empty (a part's own field: a caption that is only a
    credit has the text ``""``; elsewhere a missing part is ``None``, or no item)."""
    for name in ("title", "section", "summary", "signoff"):
        value = getattr(article, name)
        if value is not None:
            yield name, value, False
    lists = {
        "tags": article.tags,
        "paragraphs": article.paragraphs,
        "related": article.related,
        "byline.reporters": article.byline.reporters,
        "byline.editors": article.byline.editors,
    }
    for name, values in lists.items():
        yield from ((f"{name}.{number}", value, False) for number, value in enumerate(values))
    parts = {
        "caption": article.caption,
        "image": article.image,
        "dateline": article.dateline,
        "syndication": article.syndication,
        "copyright": article.copyright,
    }
    for name, part in parts.items():
        for field in attrs.fields(type(part)) if part is not None else ():
            value = getattr(part, field.name)
            if isinstance(value, str) and f"{name}.{field.name}" not in _NOT_TEXT:
                yield f"{name}.{field.name}", value, True


# String fields that hold an address or a date, not text to normalize.
_NOT_TEXT = frozenset({"image.url", "dateline.date"})


def _check_normalized(article: Article, where: str) -> None:
    """The JSON contract's rule for text: whitespace-normalized, and no empty string
    standing for a part the text does not have."""
    for name, value, may_be_empty in _text_fields(article):
        if value == "" and not may_be_empty:
            raise AssertionError(
                f"{where}: {name} is an empty string; a part the text does not have is "
                "None (or no item in a list)"
            )
        if value != normalize(value):
            raise AssertionError(
                f"{where}: {name} is not whitespace-normalized: {value!r}; pass text fields "
                f"through seedcorpus.text.normalize, which gives {normalize(value)!r}"
            )


def _parser_texts() -> st.SearchStrategy[str]:
    """Damaged ANTARA texts, and arbitrary text alone and as blank-line separated blocks."""
    blocks = st.lists(st.text(max_size=80), max_size=8).map("\n\n".join)
    return antara_texts() | st.text() | blocks


def check_parser(
    spec: ParserSpec,
    texts: st.SearchStrategy[str] | None = None,
    *,
    enrichment_types: tuple[type[Enrichment], ...] = (),
    max_examples: int | None = None,
) -> None:
    """Check that a parser keeps the plugin contract on generated file texts.

    For every text, ``spec.parse`` must either raise
    :class:`~seedcorpus.errors.ParseError` or return an ``Article`` that keeps the
    document's ``id``, ``source.path`` and ``source.sha256``, names ``spec.name`` in
    ``source.parser``, has every span inside the text, keeps its text fields
    whitespace-normalized (:func:`seedcorpus.text.normalize`) with ``None``, never ``""``,
    for a part the text does not have, and reads back equal from its JSON form.

    :param texts: file texts in the parser's own format, tried *besides* the built-in
        ones (:func:`~seedcorpus.testing.antara_texts`, arbitrary text, and blank-line
        separated blocks of arbitrary text): a parser meets every kind of file.
    :param enrichment_types: the enrichment classes the parser may attach to articles
        (its plugin registers them through an enricher's ``types``); the JSON round trip
        uses a converter that knows them, as the registry's does. An attached enrichment
        of another class fails the check.
    :param max_examples: how many texts to try; by default the current Hypothesis
        profile's setting.
    :raises AssertionError: describing the first failing text (after shrinking it).
    """
    converter = make_converter(enrichment_types)
    ids = st.from_regex(r"[0-9a-z_]{1,24}", fullmatch=True)
    strategy = _parser_texts() if texts is None else st.one_of(texts, _parser_texts())

    @_settings(max_examples)
    @given(text=strategy, article_id=ids)
    def run(text: str, article_id: str) -> None:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        source = Source(path=f"{article_id}.txt", sha256=digest, parser=spec.name)
        where = f"parser {spec.name!r} on text {text!r}"
        try:
            article: object = spec.parse(Document(id=article_id, text=text, source=source))
        except ParseError:
            return
        except Exception as error:
            raise AssertionError(
                f"{where} raised {describe_error(error)}; a parser may only raise ParseError"
            ) from error
        if not isinstance(article, Article):
            raise AssertionError(f"{where} returned {article!r}, not an Article")
        kept = (article.id, article.source.path, article.source.sha256)
        if kept != (article_id, source.path, source.sha256):
            raise AssertionError(
                f"{where}: id, source.path and source.sha256 must be the document's "
                f"{(article_id, source.path, source.sha256)!r}, got {kept!r}"
            )
        if article.source.parser != spec.name:
            raise AssertionError(
                f"{where}: source.parser is {article.source.parser!r}, not {spec.name!r}"
            )
        for span in article.source.spans:
            if not 0 <= span.start <= span.end <= len(text):
                raise AssertionError(f"{where}: {span!r} is outside the text")
        for enrichment in article.enrichments:
            if isinstance(enrichment, Enrichment) and type(enrichment) not in enrichment_types:
                raise AssertionError(
                    f"{where}: attaches a {type(enrichment).__qualname__} enrichment, which "
                    "the converter does not know: register it through an enricher's types, "
                    "and pass it in enrichment_types"
                )
        _check_normalized(article, where)
        _round_trip(article, converter, where)

    run()


def check_enricher(
    spec: EnricherSpec,
    articles: st.SearchStrategy[Article] | None = None,
    *,
    hash_seeds: Sequence[int] = (1, 2),
    max_examples: int | None = None,
) -> None:
    """Check that an enricher keeps the plugin contract on generated articles.

    For every article, ``spec.enrich`` must not raise, must return an instance of one of
    ``spec.types`` whose ``kind`` is ``spec.name``, and the article with that enrichment
    must read back equal from its JSON form through ``make_converter(spec.types)``.

    Then every article tried is enriched again in a fresh interpreter per hash seed (see
    :mod:`seedcorpus.testing.hashseeds`), and each result must equal this process's: an
    enricher whose output follows the iteration order of a set (or anything else that
    varies from one process to the next) fails.

    :param articles: the articles to try; by default
        :func:`articles(spec.types) <seedcorpus.testing.articles>`.
    :param hash_seeds: the ``PYTHONHASHSEED`` values to run under; ``()`` skips this
        step. It needs ``spec.enrich`` and ``spec.types`` importable by name (module-level
        functions and classes, as a parallel build needs them anyway); for an enricher
        that is not, the step is skipped with a warning.
    :param max_examples: how many articles to try; by default the current Hypothesis
        profile's setting.
    :raises AssertionError: describing the first failing article (after shrinking it).
    """
    converter = make_converter(spec.types)
    names = ", ".join(cls.__qualname__ for cls in spec.types)
    tried: dict[str, str] = {}  # an article's JSON text -> this process's outcome

    @_slow_settings(max_examples)
    @given(article=articles if articles is not None else _articles(spec.types))
    def run(article: Article) -> None:
        where = f"enricher {spec.name!r} on {article!r}"
        try:
            enrichment: object = spec.enrich(article)
        except Exception as error:
            raise AssertionError(f"{where} raised {describe_error(error)}") from error
        if not isinstance(enrichment, spec.types):
            raise AssertionError(
                f"{where} returned {enrichment!r}, not one of its declared types ({names})"
            )
        if enrichment.kind != spec.name:
            raise AssertionError(
                f"{where} returned kind {enrichment.kind!r}; it must be {spec.name!r}"
            )
        # Only the enrichment is compared: the rest of the article is not the enricher's.
        others = tuple(e for e in article.enrichments if e.kind != spec.name)
        enriched = attrs.evolve(article, enrichments=(*others, enrichment))
        try:
            again = article_from_json(article_to_json(enriched, converter), converter)
        except Exception as error:
            raise AssertionError(
                f"{where}: {enrichment!r} does not survive its JSON form: {describe_error(error)}"
            ) from error
        if again.enrichment(spec.name) != enrichment:
            raise AssertionError(
                f"{where}: {enrichment!r} reads back from its JSON form as "
                f"{again.enrichment(spec.name)!r}"
            )
        tried.setdefault(
            article_to_json(article, converter), outcome(spec.enrich, article, converter)
        )

    run()
    if hash_seeds:
        _check_hash_seeds(spec, tried, hash_seeds)


def _check_hash_seeds(spec: EnricherSpec, tried: dict[str, str], seeds: Sequence[int]) -> None:
    enrich = import_name(spec.enrich)
    types = [name for name in map(import_name, spec.types) if name is not None]
    if enrich is None or len(types) != len(spec.types):
        warnings.warn(
            f"enricher {spec.name!r}: its function or types cannot be imported by name, "
            "so it was not run under other hash seeds",
            stacklevel=3,
        )
        return
    texts = list(tried)
    for seed, outcomes in enrich_under_seeds(enrich, types, texts, seeds).items():
        for text, here, there in zip(texts, tried.values(), outcomes, strict=True):
            if here != there:
                article = article_from_json(text, make_converter(spec.types))
                raise AssertionError(
                    f"enricher {spec.name!r} on {article!r} gives another result under "
                    f"PYTHONHASHSEED={seed}: {there} instead of {here}; its output must not "
                    "depend on the iteration order of a set (sort, or keep a list)"
                )


class _Interrupted(Exception):
    """Raised by the articles iterator to interrupt a write midway."""


def _interrupted(items: Sequence[Article]) -> Iterator[Article]:
    yield from items[: len(items) // 2]
    raise _Interrupted("the articles iterator failed midway (raised by check_exporter)")


def _snapshot(path: Path) -> dict[str, bytes]:
    """The bytes of a file, or of every file under a folder by relative path."""
    if path.is_file():
        return {"": path.read_bytes()}
    return {
        child.relative_to(path).as_posix(): child.read_bytes()
        for child in sorted(path.rglob("*"))
        if child.is_file()
    }


def check_exporter(
    spec: ExporterSpec,
    article_lists: st.SearchStrategy[list[Article]] | None = None,
    *,
    enrichment_types: tuple[type[Enrichment], ...] = (),
    deterministic: bool = True,
    max_examples: int | None = None,
) -> None:
    """Check that an exporter keeps the plugin contract on generated lists of articles.

    Each list is written the way :meth:`seedcorpus.ArticleSource.export` writes it, through
    ``seedcorpus.atomic.atomic_destination`` into a temporary folder, and then:

    * the output is a folder if ``spec.directory`` is set, a file otherwise;
    * if ``spec.read`` is set, reading the output back gives the same articles, in order;
    * writing the same articles again gives the same bytes (every file of a folder);
    * every article arrives: written again under distinctive ids, the output holds each
      of them, once, in order, as ``spec.read`` reads them back; and as many as
      ``spec.count`` says, if the spec has it. An exporter with neither (a write-only
      format) must have each id in a file name or a file's bytes; give a format that
      leaves ids out a ``count``;
    * a write whose articles iterator raises midway must raise too, leave no output where
      there was none, leave a previous output byte for byte as it was, and leave no
      other file behind.

    :param article_lists: the lists to write; by default up to four
        :func:`articles(enrichment_types) <seedcorpus.testing.articles>` with unique ids.
    :param enrichment_types: enrichment classes the articles may carry, and the exporter's
        converter knows.
    :param deterministic: set to ``False`` for a format that embeds a timestamp or random
        ids, to skip the same-bytes check.
    :param max_examples: how many lists to try; by default the current Hypothesis
        profile's setting.
    :raises AssertionError: describing the first failing list (after shrinking it).
    """
    converter = make_converter(enrichment_types)
    if article_lists is None:
        article_lists = st.lists(
            _articles(enrichment_types), max_size=4, unique_by=lambda article: article.id
        )

    @_slow_settings(max_examples)
    @given(items=article_lists)
    def run(items: list[Article]) -> None:
        with tempfile.TemporaryDirectory(prefix="seedcorpus-check-") as folder:
            _check_export(spec, items, Path(folder), converter, deterministic=deterministic)

    run()


def _check_export(
    spec: ExporterSpec,
    items: list[Article],
    folder: Path,
    converter: Converter,
    *,
    deterministic: bool,
) -> None:
    where = f"exporter {spec.name!r} writing {items!r}"
    output = folder / f"out{spec.suffix}"

    def write(destination: Path, articles: Iterator[Article]) -> None:
        with atomic_destination(destination, force=True, directory=spec.directory) as temporary:
            spec.write(articles, temporary, converter)
            if temporary.is_dir() != spec.directory or not temporary.exists():
                made = "a folder" if temporary.is_dir() else "a file" if temporary.exists() else ""
                raise AssertionError(
                    f"{where}: wrote {made or 'nothing'} at the path it was given, "
                    f"but its spec has directory={spec.directory}"
                )

    def write_all() -> dict[str, bytes]:
        try:
            write(output, iter(items))
        except AssertionError:
            raise
        except Exception as error:
            raise AssertionError(f"{where} raised {describe_error(error)}") from error
        return _snapshot(output)

    first = write_all()
    if spec.read is not None:
        try:
            back = list(spec.read(output, converter))
        except Exception as error:
            raise AssertionError(
                f"{where}: reading the output back raised {describe_error(error)}"
            ) from error
        if back != items:
            raise AssertionError(
                f"{where}: what was read back differs: {_list_differences(items, back)}"
            )
    if deterministic and write_all() != first:
        raise AssertionError(f"{where}: two writes of the same articles differ")

    for destination, before in ((output, first), (folder / f"new{spec.suffix}", None)):
        try:
            write(destination, _interrupted(items))
        except AssertionError:
            raise
        except Exception:  # _Interrupted itself, or the exporter's own error wrapping it
            pass
        else:
            raise AssertionError(
                f"{where}: the articles iterator raised midway, but the write returned "
                "normally; an exporter must let the error through"
            )
        if before is None and destination.exists():
            raise AssertionError(f"{where}: an interrupted write left output behind")
        if before is not None and _snapshot(destination) != before:
            raise AssertionError(f"{where}: an interrupted write changed the previous output")
    leftovers = sorted(path.name for path in folder.iterdir() if path != output)
    if leftovers:
        raise AssertionError(f"{where}: files left beside the output: {leftovers}")
    _check_arrival(spec, items, folder, converter, where, write)


def _check_arrival(
    spec: ExporterSpec,
    items: list[Article],
    folder: Path,
    converter: Converter,
    where: str,
    write: Callable[[Path, Iterator[Article]], None],
) -> None:
    """Every article arrives: the same articles under ids that cannot be mistaken for
    anything else are written again, and found by ``read``, by ``count``, or, for an
    exporter with neither, by their ids in the output's file names or bytes."""
    # Fixed length, so no id is part of another; letters and digits, so any format
    # can hold them in a file name or its text.
    marked = [attrs.evolve(article, id=f"zqkit{n:05d}") for n, article in enumerate(items)]
    expected = [article.id for article in marked]
    destination = folder / f"arrival{spec.suffix}"
    write(destination, iter(marked))
    try:
        if spec.read is not None:
            found = [article.id for article in spec.read(destination, converter)]
            if found != expected:
                raise AssertionError(
                    f"{where}: wrote the ids {expected}, read back {found}: every article "
                    "must arrive, once, in order"
                )
        if spec.count is not None:
            counted = spec.count(destination)
            if counted != len(marked):
                raise AssertionError(
                    f"{where}: wrote {len(marked)} articles, but count says the output "
                    f"holds {counted}"
                )
        if spec.read is None and spec.count is None:
            files = _snapshot(destination)
            missing = [
                article_id
                for article_id in expected
                if not any(
                    article_id in name or article_id.encode() in data
                    for name, data in files.items()
                )
            ]
            if missing:
                raise AssertionError(
                    f"{where}: {len(missing)} of {len(marked)} articles never arrived: no "
                    f"file name or content holds the ids {missing}. If the format leaves "
                    "ids out or compresses them, give the spec a count (or read)"
                )
    finally:
        if destination.is_dir():
            shutil.rmtree(destination)
        else:
            destination.unlink(missing_ok=True)
