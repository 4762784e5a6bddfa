"""Writing ``INDEX.md``: the table in its plain form, replaced atomically."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

from seedcorpus.atomic import atomic_destination
from seedcorpus.manifest.table import (
    DEFAULT_PREAMBLE,
    INDEX_NAME,
    KNOWN_COLUMNS,
    _column_key,
    _default_id,
)
from seedcorpus.models import Manifest, ManifestEntry

__all__ = ["format_manifest", "write_manifest"]


def _escape(value: str) -> str:
    if any(char in value for char in "\0\r\n") or value != value.strip():
        raise ValueError(
            f"a table cell cannot hold {value!r}: no line breaks, NUL, or spaces at either end"
        )
    return value.replace("\\", "\\\\").replace("|", "\\|")


def _complete_columns(columns: Iterable[str], entries: Sequence[ManifestEntry]) -> list[str]:
    """Return ``columns`` plus a column for every value an entry has, so nothing is lost."""
    # One pass over the entries: compact ones are made anew on each pass.
    known = {"file"}
    extra: dict[str, None] = {}  # names in the order they are met
    for entry in entries:
        if entry.id != _default_id(entry.file):
            known.add("id")
        for key in ("sha256", "title", "language", "parser"):
            if getattr(entry, key):
                known.add(key)
        for name, value in entry.extra:
            if value:
                extra[name] = None
    result: list[str] = []
    seen: set[str] = set()
    for name in [*columns, *(key for key in KNOWN_COLUMNS if key in known), *extra]:
        if _column_key(name) not in seen:
            seen.add(_column_key(name))
            result.append(name)
    return result


def _cells(entry: ManifestEntry, keys: Sequence[str]) -> list[str]:
    known = {
        # A default id like "a " (from "a .txt") cannot be written in a cell, and an
        # empty id cell means the same, so write that.
        "id": "" if entry.id == _default_id(entry.file) != entry.id.strip() else entry.id,
        "file": entry.file,
        "sha256": entry.sha256,
        "title": entry.title,
        "language": entry.language,
        "parser": entry.parser,
    }
    extra = {_column_key(name): value for name, value in entry.extra}
    return [(known[key] if key in known else extra.get(key)) or "" for key in keys]


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(_escape(cell) for cell in cells) + " |\n"


def _is_blank(line: str) -> bool:
    return not line.strip(" \t")


def format_manifest(manifest: Manifest) -> str:
    """Return the Markdown of ``INDEX.md`` for ``manifest``.

    The output is deterministic and reads back equal with :func:`parse_manifest`: ``|``
    and ``\\`` in cells are escaped; a blank line separates the table from the preamble
    (``DEFAULT_PREAMBLE`` if it is empty) and the postamble; the text ends with a newline.
    A column is added for any field or extra cell that has a value but no column.

    :raises ValueError: a cell holds a line break or NUL, or starts or ends with
        whitespace, which a Markdown table cannot keep.
    """
    columns = _complete_columns(manifest.columns, manifest.entries)
    keys = [_column_key(name) for name in columns]
    preamble = manifest.preamble or DEFAULT_PREAMBLE
    if not preamble.endswith("\n") or not _is_blank(preamble[:-1].rpartition("\n")[2]):
        preamble = preamble.rstrip("\n") + "\n\n"
    postamble = manifest.postamble
    if postamble and not _is_blank(postamble.partition("\n")[0]):
        postamble = "\n" + postamble
    if postamble and not postamble.endswith("\n"):
        postamble += "\n"
    return "".join(
        [
            preamble,
            _row(columns),
            _row("---" for _ in columns),
            *(_row(_cells(entry, keys)) for entry in manifest.entries),
            postamble,
        ]
    )


def write_manifest(manifest: Manifest, root: str | os.PathLike[str]) -> Path:
    """Write ``manifest`` to ``root/INDEX.md`` atomically and return that path.

    The text goes to a hidden temporary file in ``root`` that then replaces ``INDEX.md``
    in one step (``seedcorpus.atomic.atomic_destination``), so a reader never sees a
    half-written manifest; an existing manifest's permissions are kept.
    """
    target = Path(root) / INDEX_NAME
    data = format_manifest(manifest).encode("utf-8")
    # A missing folder is the caller's mistake, reported as the OS reports it.
    if not target.parent.is_dir():
        raise FileNotFoundError(f"no such folder: {target.parent}")
    with atomic_destination(target, force=True) as temporary:
        # Written with open(), so the umask applies as to any new file; an existing
        # manifest's permissions are kept.
        temporary.write_bytes(data)
        if target.exists():
            shutil.copymode(target, temporary)
    return target
