"""Read, write and verify ``INDEX.md``, the manifest of a corpus.

The manifest is a Markdown document. Its first table with a ``file`` column lists the
article files, one row each; the text before and after the table is kept verbatim. The
table is parsed with markdown-it-py (GFM tables), never by hand; this module only adds
what markdown-it does not check: ragged rows, duplicates, and paths that would reach
outside the corpus. The format is described in ``docs/manifest.md``.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import secrets
import shutil
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath

import attrs
from markdown_it import MarkdownIt
from markdown_it.token import Token

from seedcorpus.decoding import decode
from seedcorpus.errors import ChecksumError, ManifestError, ParseError
from seedcorpus.models import Manifest, ManifestEntry
from seedcorpus.text import normalize

__all__ = [
    "DEFAULT_PREAMBLE",
    "INDEX_NAME",
    "KNOWN_COLUMNS",
    "build_manifest",
    "format_manifest",
    "parse_manifest",
    "path_problem",
    "read_entry_bytes",
    "read_manifest",
    "resolve_entry",
    "sha256_hex",
    "unlisted_files",
    "write_manifest",
]

INDEX_NAME = "INDEX.md"
"""The file name of the manifest in a corpus folder."""

KNOWN_COLUMNS = ("id", "file", "sha256", "title", "language", "parser")
"""The columns seedcorpus reads into :class:`~seedcorpus.models.ManifestEntry` fields,
lower-case; any other column is kept in ``ManifestEntry.extra``."""

DEFAULT_PREAMBLE = "# Corpus index\n\n"
"""The Markdown written before the table when a manifest has no preamble of its own."""

_MARKDOWN = MarkdownIt("commonmark").enable("table")
# markdown-it normalizes line endings before parsing; token maps count these lines.
_NEWLINES = re.compile(r"\r\n?")
# markdown-it's table rule treats a pipe right after a backslash as cell text, even when
# that backslash is itself escaped; counting cells must follow the same rule.
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
# CommonMark: a backslash before ASCII punctuation escapes it. The writer only escapes
# `\` and `|` (markdown-it itself turns `\|` into `|`), but hand-written cells may use
# any escape, and a reader sees them unescaped in the rendered table too.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
_URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_LANGUAGE_LINE = re.compile(r"([a-z]{2})\s")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def sha256_hex(data: bytes) -> str:
    """Return the lower-case hex SHA-256 of ``data``.

    >>> sha256_hex(b"")[:16]
    'e3b0c44298fc1c14'
    """
    return hashlib.sha256(data).hexdigest()


# --- reading ------------------------------------------------------------------------------


@attrs.frozen
class _Table:
    start: int
    """0-based index of the header line."""
    end: int
    """0-based index of the first line after the table."""
    header: list[str]
    rows: list[tuple[int, list[str]]]
    """(0-based line index, raw cell contents) for each body row."""


def _tables(tokens: Sequence[Token]) -> Iterator[_Table]:
    """Yield the top-level tables; tables in lists or quotes belong to the prose."""
    table: _Table | None = None
    cells: list[str] = []
    for token in tokens:
        if token.type == "table_open" and token.level == 0 and token.map:
            table = _Table(start=token.map[0], end=token.map[1], header=[], rows=[])
            cells = table.header
        elif table is None:
            continue
        elif token.type == "tr_open" and token.map and token.map[0] != table.start:
            cells = []
            table.rows.append((token.map[0], cells))
        elif token.type == "inline":
            cells.append(token.content)
        elif token.type == "table_close":
            yield table
            table = None


def _column_key(name: str) -> str:
    return name.strip().lower()


def _unescape(content: str) -> str:
    return _ESCAPE.sub(r"\1", content)


def _count_cells(line: str) -> int:
    cells = _CELL_SEPARATOR.split(line.strip())
    # As in GFM, a pipe at either end of the row opens or closes it and makes no cell.
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return len(cells)


def _default_id(file: str) -> str:
    return PurePosixPath(file).stem


def path_problem(file: str) -> str | None:
    """Say why ``file`` cannot be a path inside the corpus, judging the text alone;
    ``None`` if it can."""
    if not file:
        return "is empty"
    if "\\" in file:
        return "contains a backslash; use '/' between folders"
    if _URL_SCHEME.match(file):
        return "looks like a URL; only paths inside the corpus are allowed"
    if file.startswith("/"):
        return "is an absolute path; use a path relative to the corpus folder"
    if ".." in file.split("/"):
        return "contains '..'; a manifest cannot list files outside the corpus"
    if any(char in file for char in "\0\r\n"):
        return "contains a control character"
    if file != file.strip():
        return "starts or ends with whitespace"
    if not PurePosixPath(file).name:
        return "does not name a file"
    return None


def parse_manifest(text: str, *, path: str = INDEX_NAME) -> Manifest:
    """Parse the text of an ``INDEX.md``.

    :param text: the whole document.
    :param path: how to name the document in errors, e.g. ``seeds/INDEX.md``.
    :raises ManifestError: the document has no table with a ``file`` column, a row has
        the wrong number of cells, a ``file`` cell is empty or unsafe, a ``sha256`` is
        not 64 hex digits, or an id or a file is listed twice. The message names
        ``path`` and the line.
    """
    text = _NEWLINES.sub("\n", text)
    lines = text.split("\n")
    table = next(
        (t for t in _tables(_MARKDOWN.parse(text)) if "file" in map(_column_key, t.header)),
        None,
    )
    if table is None:
        raise ManifestError("no table with a 'file' column", path=path)

    columns = [_unescape(name) for name in table.header]
    keys = _check_columns(columns, path=path, line=table.start + 1)
    entries: list[ManifestEntry] = []
    line_of_id: dict[str, int] = {}
    line_of_file: dict[PurePosixPath, int] = {}
    for index, raw_cells in table.rows:
        line = index + 1
        found = _count_cells(lines[index])
        if found != len(columns):
            cells = "cell" if found == 1 else "cells"
            message = f"row has {found} {cells}, header has {len(columns)}"
            raise ManifestError(message, path=path, line=line)
        entry = _entry(columns, keys, [_unescape(cell) for cell in raw_cells], path, line)
        if entry.id in line_of_id:
            message = f"id {entry.id!r} is already listed on line {line_of_id[entry.id]}"
            raise ManifestError(message, path=path, line=line)
        file_key = PurePosixPath(entry.file)
        if file_key in line_of_file:
            message = f"file {entry.file!r} is already listed on line {line_of_file[file_key]}"
            raise ManifestError(message, path=path, line=line)
        line_of_id[entry.id] = line
        line_of_file[file_key] = line
        entries.append(entry)

    return Manifest(
        entries=tuple(entries),
        columns=tuple(columns),
        preamble="".join(f"{line}\n" for line in lines[: table.start]),
        postamble="\n".join(lines[table.end :]),
    )


def _check_columns(columns: list[str], *, path: str, line: int) -> list[str]:
    keys = [_column_key(name) for name in columns]
    for number, (name, key) in enumerate(zip(columns, keys, strict=True), start=1):
        if not key:
            raise ManifestError(f"column {number} has no name", path=path, line=line)
        if keys.index(key) != number - 1:
            raise ManifestError(f"column {name!r} appears twice", path=path, line=line)
    return keys


def _entry(
    columns: list[str], keys: list[str], values: list[str], path: str, line: int
) -> ManifestEntry:
    cells = dict(zip(keys, values, strict=True))
    file = cells["file"]
    if not file:
        raise ManifestError("the 'file' cell is empty", path=path, line=line)
    problem = path_problem(file)
    if problem:
        raise ManifestError(f"file {file!r} {problem}", path=path, line=line)
    sha256 = cells.get("sha256") or None
    if sha256 is not None and not _SHA256.fullmatch(sha256):
        raise ManifestError(f"sha256 {sha256!r} is not 64 hex digits", path=path, line=line)
    return ManifestEntry(
        file=file,
        id=cells.get("id") or _default_id(file),
        sha256=sha256.lower() if sha256 else None,
        title=cells.get("title") or None,
        language=cells.get("language") or None,
        parser=cells.get("parser") or None,
        extra=tuple(
            (name, value)
            for name, key, value in zip(columns, keys, values, strict=True)
            if key not in KNOWN_COLUMNS and value
        ),
        line=line,
    )


def read_manifest(root: str | os.PathLike[str]) -> Manifest:
    """Read and parse ``root/INDEX.md``.

    :raises ManifestError: the file is missing, a symlink out of ``root``, unreadable, not
        UTF-8, or malformed (see :func:`parse_manifest`); errors name the file as
        ``root/INDEX.md``.
    """
    path = Path(root) / INDEX_NAME
    try:
        outside = not path.resolve().is_relative_to(Path(root).resolve())
    except (OSError, RuntimeError):  # a symlink loop: reading it says so
        outside = False
    if outside:
        raise ManifestError("is a symlink to a file outside the corpus", path=path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ManifestError("not found; a corpus folder needs an INDEX.md", path=path) from None
    except OSError as error:
        raise ManifestError(f"cannot be read: {error.strerror}", path=path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ManifestError("is not valid UTF-8", path=path, line=line) from None
    return parse_manifest(text, path=str(path))


# --- writing ------------------------------------------------------------------------------


def _escape(value: str) -> str:
    if any(char in value for char in "\0\r\n") or value != value.strip():
        raise ValueError(
            f"a table cell cannot hold {value!r}: no line breaks, NUL, or spaces at either end"
        )
    return value.replace("\\", "\\\\").replace("|", "\\|")


def _has_values(key: str, entries: Sequence[ManifestEntry]) -> bool:
    if key == "file":
        return True
    if key == "id":
        return any(entry.id != _default_id(entry.file) for entry in entries)
    return any(getattr(entry, key) for entry in entries)


def _complete_columns(columns: Iterable[str], entries: Sequence[ManifestEntry]) -> list[str]:
    """Return ``columns`` plus a column for every value an entry has, so nothing is lost."""
    result: list[str] = []

    def add(name: str) -> None:
        if _column_key(name) not in map(_column_key, result):
            result.append(name)

    for name in columns:
        add(name)
    for key in KNOWN_COLUMNS:
        if _has_values(key, entries):
            add(key)
    for entry in entries:
        for name, value in entry.extra:
            if value:
                add(name)
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
    in one step, so a reader never sees a half-written manifest.
    """
    target = Path(root) / INDEX_NAME
    data = format_manifest(manifest).encode("utf-8")
    temporary = target.with_name(f".{INDEX_NAME}.{secrets.token_hex(8)}.tmp")
    # os.open applies the umask to 0o666, as for any new file; mkstemp would force 0o600.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if target.exists():
            shutil.copymode(target, temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


# --- safety -------------------------------------------------------------------------------


def resolve_entry(root: str | os.PathLike[str], entry: ManifestEntry) -> Path:
    """Return the real path of ``entry``'s file, refusing anything outside ``root``.

    Refused, with a :class:`~seedcorpus.errors.ManifestError` naming ``root/INDEX.md`` and
    the entry's line: an empty path, a backslash, a URL (``scheme:``), an absolute path,
    a ``..`` segment, a path whose real path (after following symlinks) is not inside
    the real path of ``root``, a missing file, a folder or anything not a regular file.
    Nothing is opened.
    """
    index = Path(root) / INDEX_NAME
    problem = path_problem(entry.file)
    if problem:
        raise ManifestError(f"file {entry.file!r} {problem}", path=index, line=entry.line)
    try:
        real_root = _real_root(os.fspath(root))
        real = (real_root / entry.file).resolve()
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop before 3.13
        message = f"file {entry.file!r} cannot be resolved: {error}"
        raise ManifestError(message, path=index, line=entry.line) from None
    if not real.is_relative_to(real_root):
        message = f"file {entry.file!r} resolves to {str(real)!r}, outside the corpus"
        raise ManifestError(message, path=index, line=entry.line)
    try:
        mode = real.stat().st_mode  # one stat answers exists, folder and regular file
    except OSError:
        raise ManifestError(
            f"file {entry.file!r} does not exist", path=index, line=entry.line
        ) from None
    if stat.S_ISDIR(mode):
        message = f"file {entry.file!r} is a folder, not a file"
        raise ManifestError(message, path=index, line=entry.line)
    if not stat.S_ISREG(mode):
        message = f"file {entry.file!r} is not a regular file"
        raise ManifestError(message, path=index, line=entry.line)
    return real


@functools.lru_cache(maxsize=64)
def _real_root(root: str) -> Path:
    # Resolving the corpus root for every article was a quarter of reading one.
    return Path(root).resolve(strict=True)


def read_entry_bytes(
    root: str | os.PathLike[str], entry: ManifestEntry, *, max_bytes: int | None = None
) -> bytes:
    """Return the bytes of ``entry``'s file, checked against the manifest.

    :param max_bytes: refuse files larger than this many bytes; ``None`` for no limit.
    :raises ManifestError: the path is refused by :func:`resolve_entry`.
    :raises ParseError: the file cannot be read, or is larger than ``max_bytes``.
    :raises ChecksumError: the entry has a ``sha256`` and the bytes do not match it.
    """
    real = resolve_entry(root, entry)
    shown = Path(root) / entry.file
    try:
        with real.open("rb") as file:
            # The size is checked before reading, so a huge file is never read; read()
            # then sizes its buffer from the file (read(max_bytes + 1) would allocate
            # max_bytes for every small file).
            too_large = max_bytes is not None and os.fstat(file.fileno()).st_size > max_bytes
            data = b"" if too_large else file.read()
            too_large = too_large or (max_bytes is not None and len(data) > max_bytes)
    except OSError as error:  # no permission, removed since it was resolved, I/O error
        raise ParseError(f"cannot be read: {error.strerror or error}", path=shown) from None
    if too_large:
        raise ParseError(f"is larger than the limit of {max_bytes} bytes", path=shown)
    if entry.sha256 is not None:
        actual = sha256_hex(data)
        if actual != entry.sha256.lower():
            message = f"sha256 is {actual[:12]}..., manifest says {entry.sha256[:12].lower()}..."
            raise ChecksumError(message, path=shown)
    return data


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
    :raises ManifestError: a new file's id would clash with an id kept from ``previous``
        whatever form it takes (only with hand-chosen ids).
    """
    root = Path(root)
    files = _article_files(root, pattern)
    old = {PurePosixPath(e.file): e for e in previous.entries} if previous else {}
    kept = {f: old[PurePosixPath(f)] for f in files if PurePosixPath(f) in old}
    ids = _assign_ids(files, {f: e.id for f, e in kept.items()})
    entries = []
    for file in files:
        data = (root / file).read_bytes()
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
