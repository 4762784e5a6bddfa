"""The exception tree. Every error names the file and line it is about, where it has one.

``str(error)`` is one line, ready to print: ``seeds/INDEX.md:7: row has 3 cells, header has 4``.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable

__all__ = [
    "AmbiguousClaimError",
    "ChecksumError",
    "ExportError",
    "ManifestError",
    "ParseError",
    "PluginError",
    "SeedcorpusError",
    "SerializationError",
    "UnclaimedFileError",
    "UnknownEnrichmentKind",
    "UnknownPluginError",
]

# Every character str.splitlines() breaks at, written as its escape.
_ONE_LINE = {ord(char): repr(char)[1:-1] for char in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


class SeedcorpusError(Exception):
    """Base of every error seedcorpus raises on purpose.

    :param message: one sentence saying what is wrong.
    :param path: the file it is about, if any.
    :param line: the 1-based line in that file, if known.
    """

    code = "error"
    """A short stable identifier of the error type, used in ``check --json``."""

    def __init__(
        self, message: str, *, path: str | os.PathLike[str] | None = None, line: int | None = None
    ):
        # One line whatever the cause put in it (a key from a JSON file, a plugin's text).
        self.message = message.translate(_ONE_LINE)
        self.path = None if path is None else os.fspath(path)
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.path, self.line) if part is not None)
        where = where.translate(_ONE_LINE)
        return f"{where}: {self.message}" if where else self.message


class ManifestError(SeedcorpusError):
    """``INDEX.md`` is missing, malformed, or lists something it must not.

    >>> print(ManifestError("no table with a 'file' column", path="seeds/INDEX.md", line=1))
    seeds/INDEX.md:1: no table with a 'file' column
    """

    code = "manifest"


class ChecksumError(SeedcorpusError):
    """A file's bytes do not match the ``sha256`` the manifest lists for it.

    >>> print(ChecksumError("sha256 is 3a5f..., manifest says 9c1b...", path="seeds/a.txt"))
    seeds/a.txt: sha256 is 3a5f..., manifest says 9c1b...
    """

    code = "checksum"


class ParseError(SeedcorpusError):
    """An article file cannot be read as an article.

    >>> print(ParseError("the file is empty", path="seeds/a.txt", line=1))
    seeds/a.txt:1: the file is empty
    """

    code = "parse"


class UnclaimedFileError(ManifestError):
    """A manifest row names no parser, and no installed parser claims its file.

    >>> print(UnclaimedFileError("no installed parser claims 'a.xml'", path="INDEX.md", line=3))
    INDEX.md:3: no installed parser claims 'a.xml'
    """

    code = "unclaimed"


class AmbiguousClaimError(ManifestError):
    """A manifest row names no parser, and several installed parsers claim its file.

    >>> print(AmbiguousClaimError("'a.txt' is claimed by antara and plain", path="INDEX.md"))
    INDEX.md: 'a.txt' is claimed by antara and plain
    """

    code = "ambiguous"


class SerializationError(SeedcorpusError):
    """JSON that does not follow the article contract.

    >>> print(SerializationError("'title' is missing", path="out.jsonl", line=3))
    out.jsonl:3: 'title' is missing
    """

    code = "json"


class ExportError(SeedcorpusError):
    """An export could not be written; the destination is left as it was.

    >>> print(ExportError("exists; pass force=True to replace it", path="out.sqlite"))
    out.sqlite: exists; pass force=True to replace it
    """

    code = "export"


class PluginError(SeedcorpusError):
    """A plugin failed to load, conflicts with another, or raised while working.

    >>> print(PluginError("plugin 'wordfreq' raised ValueError: boom on article 'a1'"))
    plugin 'wordfreq' raised ValueError: boom on article 'a1'
    """

    code = "plugin"


class UnknownPluginError(PluginError, LookupError):
    """A plugin name that no installed plugin provides.

    >>> print(UnknownPluginError.for_name("exporter", "xml", ["jsonl", "sqlite"]))
    unknown exporter 'xml'; choose one of: jsonl, sqlite
    >>> print(UnknownPluginError.for_name("exporter", "sqlit", ["jsonl", "sqlite"]))
    unknown exporter 'sqlit'; choose one of: jsonl, sqlite; did you mean 'sqlite'?
    """

    code = "unknown-plugin"

    @classmethod
    def for_name(cls, kind: str, name: str, choices: Iterable[str]) -> UnknownPluginError:
        """Build the error for ``name``, listing the valid ``choices`` and the closest."""
        names = sorted(choices)
        listed = ", ".join(names) or "(none installed)"
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
        guess = f"; did you mean {close[0]!r}?" if close else ""
        return cls(f"unknown {kind} {name!r}; choose one of: {listed}{guess}")


class UnknownEnrichmentKind(SeedcorpusError, KeyError):
    """An enrichment kind that no enrichment class declares.

    >>> print(UnknownEnrichmentKind.for_kind("dtaes", ["dates", "stats"]))
    no enrichment kind 'dtaes'; did you mean 'dates'?
    """

    code = "unknown-enrichment"

    @classmethod
    def for_kind(cls, kind: str, known: Iterable[str]) -> UnknownEnrichmentKind:
        """Build the error for ``kind``, suggesting the closest of the ``known`` kinds."""
        known = sorted(known)
        close = difflib.get_close_matches(kind, known, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(known) or '(none)'}"
        return cls(f"no enrichment kind {kind!r}; {hint}")

    def __str__(self) -> str:  # KeyError would quote the message
        return SeedcorpusError.__str__(self)
