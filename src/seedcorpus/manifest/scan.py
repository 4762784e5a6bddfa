"""Scanning a corpus folder: the article files present, and a manifest listing them.

Given the installed parsers, a file belongs in the manifest when a parser claims it (see
:mod:`seedcorpus.claims`); its row names that parser, and takes its title and language
from what that parser reads in it. A file no parser claims is reported, never listed
silently and never read by a parser that did not claim it.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path, PurePosixPath

import attrs

from seedcorpus.claims import claim, claimants
from seedcorpus.decoding import decode_article
from seedcorpus.errors import ManifestError, SeedcorpusError
from seedcorpus.manifest.files import read_entry_bytes, sha256_hex
from seedcorpus.manifest.table import INDEX_NAME, _default_id, path_problem
from seedcorpus.manifest.write import _complete_columns
from seedcorpus.models import Manifest, ManifestEntry, Problem, Source
from seedcorpus.specs import Document, ParserSpec
from seedcorpus.text import normalize

__all__ = ["FolderScan", "build_manifest", "pattern_problem", "scan_folder", "unlisted_files"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Without parsers to claim files, these are the article files (what 0.1 listed).
_PLAIN_PATTERN = "**/*.txt"


@attrs.frozen
class FolderScan:
    """What scanning a folder found: the manifest, and what it could not list."""

    manifest: Manifest
    """The files listed, in path order."""
    problems: tuple[Problem, ...] = ()
    """``unclaimed`` for each file no parser claims (not listed), ``ambiguous`` for each
    file several parsers claim with no way to choose (listed without a parser), ``link``
    for each symlink that leads nowhere or out of the corpus (not listed), ``name`` for
    each file whose name is not UTF-8 (not listed), and ``unreadable`` for each file
    whose parser cannot read it (listed, with no title)."""


_UNDECODED = re.compile("[\ud800-\udfff]")


def _printable(name: str) -> str:
    """``name`` as one line that prints: undecodable bytes as U+FFFD, control characters
    as escapes.

    >>> _printable("new\\nline.txt"), _printable("bad\\udcff.txt")
    ('new\\\\nline.txt', 'bad�.txt')
    """
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def pattern_problem(pattern: str) -> str | None:
    """What is wrong with ``pattern`` as a glob pattern for the files of a corpus
    folder (empty, absolute, reaching out of the folder, or one pathlib refuses), or
    ``None`` for a good one.

    >>> print(pattern_problem("/data/*.txt"))
    is absolute; give a pattern relative to the corpus folder, as in '**/*.txt'
    """
    if not pattern.strip():
        return "is empty; give a pattern relative to the corpus folder, as in '**/*.txt'"
    if PurePosixPath(pattern).is_absolute():
        return "is absolute; give a pattern relative to the corpus folder, as in '**/*.txt'"
    if ".." in PurePosixPath(pattern).parts:
        return "contains '..'; a corpus lists only files inside its folder"
    try:
        # pathlib checks the pattern before it touches the file system.
        next(Path("/nonexistent/seedcorpus").glob(pattern), None)
    except (ValueError, NotImplementedError, IndexError) as error:
        why = f" ({error})" if isinstance(error, ValueError) else ""
        return f"is not a glob pattern of files{why}; as in '**/*.txt'"
    return None


def _article_files(root: Path, pattern: str, refused: list[Problem] | None = None) -> list[str]:
    """Return the relative POSIX paths of the article files a manifest could list, and
    add to ``refused`` a problem for each symlink that leads nowhere or out of ``root``
    (never read, so never listed)."""
    real_root = root.resolve()
    found = []
    for path in root.glob(pattern):
        relative = path.relative_to(root).as_posix()
        if (
            relative == INDEX_NAME
            or any(part.startswith(".") for part in relative.split("/"))
            or path.is_dir()
        ):
            continue
        # Bytes that are not UTF-8 stay as lone surrogates: INDEX.md (UTF-8) cannot hold
        # the name, nor a message print it; a leading space, a backslash or a line break
        # no row can list. Never dropped without a word.
        unlisted = "is not UTF-8" if _UNDECODED.search(relative) else path_problem(relative)
        if unlisted:
            if refused is not None:
                shown = _printable(relative)
                message = f"its name cannot be listed in INDEX.md ({unlisted}); rename it"
                refused.append(Problem("name", f"{message}; not listed", shown))
            continue
        if not path.is_file():  # a broken symlink, a loop, a device or a pipe
            if refused is not None and path.is_symlink():
                refused.append(Problem("link", "a symlink to nothing; not listed", relative))
            continue
        if not path.resolve().is_relative_to(real_root):
            if refused is not None:
                message = "a symlink to a file outside the corpus; not listed"
                refused.append(Problem("link", message, relative))
            continue
        found.append(relative)
    found.sort()
    if refused:
        refused.sort(key=lambda problem: problem.path or "")
    return found


def _specs(parsers: Mapping[str, ParserSpec] | Iterable[ParserSpec]) -> list[ParserSpec]:
    return list(parsers.values()) if isinstance(parsers, Mapping) else list(parsers)


def unlisted_files(
    root: str | os.PathLike[str],
    manifest: Manifest,
    pattern: str | None = None,
    *,
    parsers: Mapping[str, ParserSpec] | Iterable[ParserSpec] | None = None,
) -> list[str]:
    """Return the article files under ``root`` that ``manifest`` does not list.

    Files are matched by ``pattern`` (a ``pathlib.Path.glob`` pattern; by default every
    file with ``parsers``, else ``**/*.txt``) and, with ``parsers``, must be claimed by
    one of them (by pattern; nothing is read). Hidden files and folders, ``INDEX.md``
    and files that resolve outside ``root`` are not article files. Paths are relative,
    with ``/``, sorted.
    """
    listed = {PurePosixPath(entry.file) for entry in manifest.entries}
    glob = pattern or (_PLAIN_PATTERN if parsers is None else "**/*")
    files = [f for f in _article_files(Path(root), glob) if PurePosixPath(f) not in listed]
    if parsers is None:
        return files
    specs = _specs(parsers)
    return [file for file in files if claimants(specs, file)]


def _assign_ids(files: Sequence[str], kept: dict[str, str]) -> dict[str, str]:
    """Give each file a unique id. Files in ``kept`` keep theirs; a new file gets its name
    without extension, or where that clashes its path without extension, then its path."""
    forms: list[Callable[[str], str]] = [
        _default_id,
        lambda file: str(PurePosixPath(file).with_suffix("")),
        lambda file: file,
    ]
    form = {file: 0 for file in files if file not in kept}
    while True:
        ids = kept | {file: forms[n](file) for file, n in form.items()}
        counts = Counter(ids.values())
        clashing = [file for file, n in form.items() if counts[ids[file]] > 1]
        if not clashing:
            return ids
        movable = [file for file in clashing if form[file] < len(forms) - 1]
        if not movable:
            # Paths are unique, so only a hand-chosen id kept from before can get here.
            raise ManifestError(
                f"cannot give {clashing[0]!r} an id: {ids[clashing[0]]!r} is taken"
            )
        for file in movable:
            form[file] += 1


def _cell(value: str | None) -> str | None:
    """``value`` as a table cell can hold it: one line, no control characters."""
    if not isinstance(value, str):
        return None
    return normalize(_CONTROL.sub("", value)) or None


def _title_and_language(
    spec: ParserSpec, file: str, article_id: str, data: bytes, problems: list[Problem]
) -> tuple[str | None, str | None]:
    """The title and language ``spec`` reads in the file; none where it cannot read it,
    and then an ``unreadable`` problem in ``problems`` that says why."""
    try:
        decoded = decode_article(data, path=file)
        source = Source(path=file, sha256=sha256_hex(data), parser=spec.name)
        article = spec.parse(Document(id=article_id, text=decoded.text, source=source))
        return _cell(article.title), _cell(article.language)
    except (Exception, SystemExit) as error:  # any parser's failure (even exit())
        # A file a parser claims by its name but cannot read (a README.md beside
        # front-matter articles) is listed all the same: say so now, not at the build.
        why = error.message if isinstance(error, SeedcorpusError) else repr(error)
        line = error.line if isinstance(error, SeedcorpusError) else None
        message = f"claimed by {spec.name!r}, which cannot read it: {why}; listed"
        problems.append(Problem("unreadable", message, file, line))
        return None, None


def scan_folder(
    root: str | os.PathLike[str],
    parsers: Mapping[str, ParserSpec] | Iterable[ParserSpec],
    *,
    pattern: str | None = None,
    parser: str | None = None,
    titles: bool = True,
    previous: Manifest | None = None,
    max_bytes: int | None = None,
    progress: Callable[[], None] | None = None,
) -> FolderScan:
    """Scan ``root`` and return a manifest of the files the ``parsers`` claim.

    Every file (or every file ``pattern`` matches) is considered, as
    :func:`unlisted_files` would, in path order. A file's parser is ``parser`` if given,
    else the one its row in ``previous`` names, else the parser that claims it. Its row
    gets the file's ``sha256``, that parser's name and, if ``titles``, the title and
    language that parser reads (empty where it reads none, or fails). Ids are the file
    name without its extension; files that would share an id get their relative path
    without extension instead.

    :param parsers: the installed parsers, e.g. ``Registry.load().parsers``.
    :param previous: the manifest being rebuilt. Its preamble, postamble and columns are
        kept, and for files still present their id, extra cells and parser.
    :param max_bytes: refuse files larger than this many bytes; ``None`` for no limit.
    :param progress: called after each file is read (hashed, and its title read).
    :raises ManifestError: a new file's id would clash with an id kept from ``previous``
        whatever form it takes (only with hand-chosen ids).
    :raises ParseError: a claimed file is larger than ``max_bytes`` or cannot be read.
    """
    return _scan(root, _specs(parsers), pattern, parser, titles, previous, max_bytes, progress)


def _scan(
    root: str | os.PathLike[str],
    specs: list[ParserSpec] | None,
    pattern: str | None,
    parser: str | None,
    titles: bool,
    previous: Manifest | None,
    max_bytes: int | None,
    progress: Callable[[], None] | None = None,
) -> FolderScan:
    root = Path(root)
    by_name = {spec.name: spec for spec in specs or ()}
    problems: list[Problem] = []
    if pattern is not None and (problem := pattern_problem(pattern)):
        raise SeedcorpusError(f"the pattern {pattern!r} {problem}")
    glob = pattern or (_PLAIN_PATTERN if specs is None else "**/*")
    found = _article_files(root, glob, problems)
    old = {PurePosixPath(e.file): e for e in previous.entries} if previous else {}
    files = []
    for file in found:
        before = old.get(PurePosixPath(file))
        named = parser or (before.parser if before else None)
        if specs is None or named or claimants(specs, file):
            files.append(file)
        else:  # nothing is read from a file no parser claims
            problems.append(
                Problem("unclaimed", "no installed parser claims this file; not listed", file)
            )
    kept = {f: old[PurePosixPath(f)] for f in files if PurePosixPath(f) in old}
    ids = _assign_ids(files, {f: e.id for f, e in kept.items()})
    entries = []
    for file in files:
        # Read as a corpus reads it: never through a symlink out of it, within the limit.
        data = read_entry_bytes(root, ManifestEntry(file=file, id=ids[file]), max_bytes=max_bytes)
        before = kept.get(file)
        name = parser or (before.parser if before else None)
        if name is None and specs is not None:
            try:
                name = claim(specs, file, data)[0].name
            except SeedcorpusError as error:  # several claim it: listed, to be named
                problems.append(Problem(error.code, error.message, file))
        spec = by_name.get(name) if name else None
        title = language = None
        if titles and spec is not None:
            title, language = _title_and_language(spec, file, ids[file], data, problems)
        if progress is not None:
            progress()
        entries.append(
            ManifestEntry(
                file=file,
                id=ids[file],
                sha256=sha256_hex(data),
                title=title,
                language=language,
                parser=name,
                extra=before.extra if before else (),
            )
        )
    problems.sort(key=lambda problem: problem.path or "")
    if previous is None:
        return FolderScan(Manifest(entries=tuple(entries)), tuple(problems))
    manifest = Manifest(
        entries=tuple(entries),
        columns=tuple(_complete_columns(previous.columns, entries)),
        preamble=previous.preamble,
        postamble=previous.postamble,
    )
    return FolderScan(manifest, tuple(problems))


def build_manifest(
    root: str | os.PathLike[str],
    *,
    pattern: str | None = None,
    parser: str | None = None,
    titles: bool = True,
    previous: Manifest | None = None,
    max_bytes: int | None = None,
    parsers: Mapping[str, ParserSpec] | Iterable[ParserSpec] | None = None,
) -> Manifest:
    """Scan ``root`` and return a manifest listing its article files.

    With ``parsers``, this is :func:`scan_folder`'s manifest (its problems are dropped:
    use :func:`scan_folder` to see them). Without, no file is read for more than its
    checksum: the files ``pattern`` matches (default ``**/*.txt``) are listed with no
    title or language, and with ``parser`` (or their previous one) as their parser.
    Parameters as for :func:`scan_folder`.
    """
    specs = None if parsers is None else _specs(parsers)
    return _scan(root, specs, pattern, parser, titles, previous, max_bytes).manifest
