"""Scanning a corpus folder: the article files present, and a manifest listing them."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath

from seedcorpus.decoding import decode
from seedcorpus.errors import ManifestError
from seedcorpus.manifest.files import read_entry_bytes, sha256_hex
from seedcorpus.manifest.table import INDEX_NAME, _default_id, path_problem
from seedcorpus.manifest.write import _complete_columns
from seedcorpus.models import Manifest, ManifestEntry
from seedcorpus.text import normalize

__all__ = ["build_manifest", "unlisted_files"]

_LANGUAGE_LINE = re.compile(r"([a-z]{2})\s")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _article_files(root: Path, pattern: str) -> list[str]:
    """Return the relative POSIX paths of the article files a manifest could list."""
    real_root = root.resolve()
    found = []
    for path in root.glob(pattern):
        relative = path.relative_to(root).as_posix()
        if (
            relative == INDEX_NAME
            or any(part.startswith(".") for part in relative.split("/"))
            or path_problem(relative)
            or not path.is_file()
            or not path.resolve().is_relative_to(real_root)
        ):
            continue
        found.append(relative)
    return sorted(found)


def unlisted_files(
    root: str | os.PathLike[str], manifest: Manifest, pattern: str = "**/*.txt"
) -> list[str]:
    """Return the article files under ``root`` that ``manifest`` does not list.

    Files are matched by ``pattern`` (a ``pathlib.Path.glob`` pattern); hidden files
    and folders, ``INDEX.md`` and files that resolve outside ``root`` are not article
    files. Paths are relative, with ``/``, sorted.
    """
    listed = {PurePosixPath(entry.file) for entry in manifest.entries}
    return [f for f in _article_files(Path(root), pattern) if PurePosixPath(f) not in listed]


# --- building -----------------------------------------------------------------------------


def _title_and_language(data: bytes) -> tuple[str | None, str | None]:
    lines = decode(data)[0].splitlines()
    blocks = (line for line in lines if line.strip())
    # A table cell cannot hold control characters (a NUL, in a damaged file).
    title = normalize(_CONTROL.sub("", next(blocks, "")))
    match = _LANGUAGE_LINE.match(next(blocks, ""))
    return title or None, match.group(1) if match else None


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


def build_manifest(
    root: str | os.PathLike[str],
    *,
    pattern: str = "**/*.txt",
    parser: str | None = None,
    titles: bool = True,
    previous: Manifest | None = None,
    max_bytes: int | None = None,
) -> Manifest:
    """Scan ``root`` and return a manifest listing its article files.

    Files are those :func:`unlisted_files` would consider, sorted by relative path. Each
    entry gets the file's ``sha256``; if ``titles``, its first non-empty line as
    ``title``; ``language`` when the next non-empty line starts with a two-letter code
    and a space (the ANTARA tag line, ``id tag,tag``); and ``parser``. Ids are the file
    name without its extension; files that would share an id get their relative path
    without extension instead.

    :param previous: the manifest being rebuilt. Its preamble, postamble and columns are
        kept, and for files still present their id, extra cells and (unless ``parser``
        is given) parser.
    :param max_bytes: refuse files larger than this many bytes; ``None`` for no limit.
    :raises ManifestError: a new file's id would clash with an id kept from ``previous``
        whatever form it takes (only with hand-chosen ids).
    :raises ParseError: a file is larger than ``max_bytes`` or cannot be read.
    """
    root = Path(root)
    files = _article_files(root, pattern)
    old = {PurePosixPath(e.file): e for e in previous.entries} if previous else {}
    kept = {f: old[PurePosixPath(f)] for f in files if PurePosixPath(f) in old}
    ids = _assign_ids(files, {f: e.id for f, e in kept.items()})
    entries = []
    for file in files:
        # Read as a corpus reads it: never through a symlink out of it, within the limit.
        data = read_entry_bytes(root, ManifestEntry(file=file, id=ids[file]), max_bytes=max_bytes)
        title, language = _title_and_language(data)
        before = kept.get(file)
        entries.append(
            ManifestEntry(
                file=file,
                id=ids[file],
                sha256=sha256_hex(data),
                title=title if titles else None,
                language=language,
                parser=parser or (before.parser if before else None),
                extra=before.extra if before else (),
            )
        )
    if previous is None:
        return Manifest(entries=tuple(entries))
    return Manifest(
        entries=tuple(entries),
        columns=tuple(_complete_columns(previous.columns, entries)),
        preamble=previous.preamble,
        postamble=previous.postamble,
    )
