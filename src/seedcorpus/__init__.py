"""seedcorpus: a typed, pluggable corpus API for news-article corpora.

>>> import seedcorpus
>>> corpus = seedcorpus.open_corpus("seeds")
>>> corpus.ids()
['000_b88b87f86327f4ee']
>>> corpus["000_b88b87f86327f4ee"].dateline
Dateline(city='Jakarta', agency='ANTARA', region=None, date=None)
"""

from seedcorpus.__about__ import __version__
from seedcorpus.corpus import ArticleSource, Corpus, ExportedCorpus, ExportReport, open_corpus
from seedcorpus.errors import (
    AmbiguousClaimError,
    ChecksumError,
    ExportError,
    ManifestError,
    ParseError,
    PluginError,
    SeedcorpusError,
    SerializationError,
    UnclaimedFileError,
    UnknownEnrichmentKind,
    UnknownPluginError,
)
from seedcorpus.fulltext import search
from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import (
    Article,
    Byline,
    Caption,
    Copyright,
    Dateline,
    Enrichment,
    FieldSpan,
    FieldSpans,
    Image,
    Manifest,
    ManifestEntry,
    Metadata,
    Problem,
    Source,
    Syndication,
    UnknownEnrichment,
)
from seedcorpus.registry import Registry
from seedcorpus.serialization import (
    CONTRACT_VERSION,
    article_from_json,
    article_to_json,
    make_converter,
)
from seedcorpus.specs import Document, EnricherSpec, ExporterSpec, ParserSpec, SearchHit

__all__ = [
    "CONTRACT_VERSION",
    "AmbiguousClaimError",
    "Article",
    "ArticleSource",
    "Byline",
    "Caption",
    "ChecksumError",
    "Copyright",
    "Corpus",
    "Dateline",
    "Document",
    "EnricherSpec",
    "Enrichment",
    "ExportError",
    "ExportReport",
    "ExportedCorpus",
    "ExporterSpec",
    "FieldSpan",
    "FieldSpans",
    "Image",
    "Manifest",
    "ManifestEntry",
    "ManifestError",
    "Metadata",
    "ParseError",
    "ParserSpec",
    "PluginError",
    "Problem",
    "Registry",
    "SearchHit",
    "SeedcorpusError",
    "SerializationError",
    "Source",
    "Syndication",
    "UnclaimedFileError",
    "UnknownEnrichment",
    "UnknownEnrichmentKind",
    "UnknownPluginError",
    "__version__",
    "article_from_json",
    "article_to_json",
    "hookimpl",
    "make_converter",
    "open_corpus",
    "search",
]
