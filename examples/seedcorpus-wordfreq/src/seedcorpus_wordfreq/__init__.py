"""seedcorpus-wordfreq: an example seedcorpus plugin.

It adds two things, through the same hooks the built-in plugins use:

* the ``wordfreq`` enricher: the most frequent content words of an article's body;
* the ``markdown`` exporter: a folder with one Markdown page per article and an index.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import ClassVar

import attrs
from cattrs import Converter
from seedcorpus import (
    Article,
    EnricherSpec,
    Enrichment,
    ExporterSpec,
    UnknownEnrichment,
    hookimpl,
)

__all__ = [
    "STOPWORDS",
    "TOP",
    "WordCount",
    "WordFreq",
    "count_words",
    "page_name",
    "render_article",
    "seedcorpus_enrichers",
    "seedcorpus_exporters",
    "write_markdown",
]

# --- the enricher -------------------------------------------------------------------------

TOP = 10
"""How many words a :class:`WordFreq` keeps."""

_STOPWORDS = """
    ada adalah agar akan aku anda antara apa atau bagi bahwa banyak baru belum bisa
    dalam dan dari dengan di dia hal hanya harus hingga ia ini itu jadi juga kami kata
    katanya ke kita lagi lain lebih maka masih mereka namun oleh pada para pun saat
    sama sampai saja sangat satu sebagai secara sejak serta sudah telah tentang tetapi
    tersebut untuk yaitu yakni yang
"""
STOPWORDS = frozenset(_STOPWORDS.split())
"""Indonesian function words (and the reporting verbs ``kata``, ``katanya``) that say
nothing about what an article is about."""

# Letters only, so numbers and punctuation are not words; hyphenated compounds such as
# "Bangsa-Bangsa" stay one word, as Indonesian writes reduplication that way.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@attrs.frozen
class WordCount:
    """One word and how often it occurs."""

    word: str
    """The word, in lower case."""
    count: int
    """How many times it occurs in the body."""


@attrs.frozen
class WordFreq(Enrichment):
    """The most frequent content words of an article's body.

    In JSON: ``{"kind": "wordfreq", "words": [{"word": "pelayanan", "count": 10}, ...]}``.
    """

    kind: ClassVar[str] = "wordfreq"

    words: tuple[WordCount, ...]
    """Up to :data:`TOP` words, most frequent first; equally frequent words in
    alphabetical order. Stopwords and one-letter words are not counted."""


def count_words(article: Article) -> WordFreq:
    """Count the content words of the body (the paragraphs, not the title or caption)."""
    counts = Counter(
        word
        for paragraph in article.paragraphs
        for word in _WORD.findall(paragraph.lower())
        if len(word) > 1 and word not in STOPWORDS
    )
    # Sorting by (-count, word) rather than Counter.most_common makes ties deterministic.
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP]
    return WordFreq(words=tuple(WordCount(word, count) for word, count in ranked))


@hookimpl
def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
    """Provide the ``wordfreq`` enricher."""
    yield EnricherSpec(
        name="wordfreq",
        enrich=count_words,
        types=(WordFreq,),
        description="Most frequent content words of the body, with counts",
    )


# --- the exporter -------------------------------------------------------------------------

# Names that are safe as file names everywhere and need no escaping in a Markdown link.
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
# Characters that would be read as inline markup, and constructs that only mean
# something at the start of a line (headings, quotes, lists, rules).
_MARKUP = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^([#>+=-])|^(\d+)([.)])")


def page_name(article_id: str, taken: set[str]) -> str:
    """A file name for the article's page, unique among ``taken`` (compared ignoring
    case, for case-insensitive file systems), which it is added to.

    The id itself when it is a safe file name, otherwise a name made from its hash.
    """
    if _SAFE_NAME.fullmatch(article_id):
        base = article_id
    else:
        digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()
        base = f"article-{digest[:12]}"
    name, number = base, 1
    while name.lower() in taken:
        number += 1
        name = f"{base}-{number}"
    taken.add(name.lower())
    return f"{name}.md"


def _inline(text: str) -> str:
    """Text as one line of Markdown that renders as itself."""
    text = _MARKUP.sub(r"\\\1", " ".join(text.split()))
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def _code_block(data: object) -> list[str]:
    # An indented code block, unlike a fenced one, cannot be closed early by its content.
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return ["    " + line for line in text.splitlines()]


def render_article(article: Article, converter: Converter) -> str:
    """The Markdown page of one article."""
    lines = [f"# {_inline(article.title or '') or '(untitled)'}", ""]
    facts = {
        "id": article.id,
        "source": f"{article.source.path} ({article.source.parser})",
        "language": article.language,
        "tags": ", ".join(article.tags),
        "dateline": article.dateline and f"{article.dateline.city} ({article.dateline.agency})",
        "reporter": article.byline.reporter,
        "editor": article.byline.editor,
    }
    lines += [f"- **{key}:** {_inline(value)}" for key, value in facts.items() if value]
    if article.caption is not None:
        credit = f" ({article.caption.credit})" if article.caption.credit else ""
        lines += ["", f"> {_inline(article.caption.text + credit)}"]
    for paragraph in article.paragraphs:
        lines += ["", _inline(paragraph)]
    for enrichment in article.enrichments:
        lines += ["", f"## {_inline(enrichment.kind)}", ""]
        if isinstance(enrichment, WordFreq):
            lines += ["| word | count |", "| --- | ---: |"]
            lines += [f"| {_inline(w.word)} | {w.count} |" for w in enrichment.words]
        else:
            # Any other kind, even one no installed plugin knows, as its JSON form.
            data = converter.unstructure(enrichment, unstructure_as=Enrichment | UnknownEnrichment)
            lines += _code_block(data)
    return "\n".join(lines) + "\n"


def write_markdown(articles: Iterable[Article], destination: Path, converter: Converter) -> None:
    """Write ``destination/index.md`` and one page per article, named by :func:`page_name`."""
    destination.mkdir()
    taken = {"index"}
    index = ["# Articles", ""]
    for article in articles:
        name = page_name(article.id, taken)
        page = render_article(article, converter)
        (destination / name).write_text(page, encoding="utf-8", newline="\n")
        index.append(f"- [{_inline(article.title or '') or '(untitled)'}]({name})")
    (destination / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8", newline="\n")


@hookimpl
def seedcorpus_exporters() -> Iterator[ExporterSpec]:
    """Provide the ``markdown`` exporter."""
    yield ExporterSpec(
        name="markdown",
        write=write_markdown,
        directory=True,
        description="A folder of Markdown pages, one per article, and an index.md",
    )
