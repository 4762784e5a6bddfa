"""Read, write and verify ``INDEX.md``, the manifest of a corpus.

The manifest is a Markdown document. Its first table with a ``file`` column lists the
article files, one row each; the text before and after the table is kept verbatim. The
table is read as markdown-it-py reads it (GFM tables): markdown-it is the reference, and a
fast path reads the plain rows ``format_manifest`` writes with string operations where it
can prove markdown-it would read the same. The format is described in
``docs/manifest.md``.

One concept a module; this package re-exports the public names:

* ``table``: the columns, safe paths, and a row made an entry;
* ``read``: :func:`parse_manifest`, :func:`read_manifest`;
* ``_fast``: the private fast reader, which reads a file a slice at a time;
* ``_compact``: the compact entries it keeps;
* ``write``: :func:`format_manifest`, :func:`write_manifest`;
* ``files``: :func:`read_entry_bytes`, :func:`resolve_entry`,
  :func:`sha256_hex`: the listed files, read safely;
* ``scan``: :func:`scan_folder`, :func:`build_manifest`,
  :func:`unlisted_files`, :func:`pattern_problem`.
"""

from __future__ import annotations

from seedcorpus.manifest.files import read_entry_bytes, resolve_entry, sha256_hex
from seedcorpus.manifest.read import parse_manifest, read_manifest
from seedcorpus.manifest.scan import (
    FolderScan,
    build_manifest,
    pattern_problem,
    scan_folder,
    unlisted_files,
)
from seedcorpus.manifest.table import (
    DEFAULT_PREAMBLE,
    INDEX_NAME,
    KNOWN_COLUMNS,
    path_problem,
)
from seedcorpus.manifest.write import format_manifest, write_manifest

__all__ = [
    "DEFAULT_PREAMBLE",
    "INDEX_NAME",
    "KNOWN_COLUMNS",
    "FolderScan",
    "build_manifest",
    "format_manifest",
    "parse_manifest",
    "path_problem",
    "pattern_problem",
    "read_entry_bytes",
    "read_manifest",
    "resolve_entry",
    "scan_folder",
    "sha256_hex",
    "unlisted_files",
    "write_manifest",
]
