"""Hypothesis strategies for manifests: cell texts, file paths, entries, whole tables.

The public ones are re-exported by :mod:`seedcorpus.testing.strategies` and
:mod:`seedcorpus.testing`.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from hypothesis import strategies as st

from seedcorpus.manifest import DEFAULT_PREAMBLE, KNOWN_COLUMNS, sha256_hex
from seedcorpus.models import Manifest, ManifestEntry
from seedcorpus.text import normalize

__all__ = ["manifest_entries", "manifest_files", "manifest_texts", "manifests"]

# Words that break naive tables: cell separators and escapes, inline markup a renderer
# would interpret, entities, emoji (some of several code points), Indonesian headlines.
_TRICKY_WORDS = (
    "|",
    "\\",
    "\\|",
    "|\\",
    "\\\\",
    "*a*",
    "_b_",
    "<b>",
    "</b>",
    "`",
    "`code`",
    "#",
    "# x",
    "&amp;",
    "[x](y)",
    "---",
    ":-:",
    "😀",
    "🇮🇩",
    "👩‍👩‍👧",
    "Perserikatan Bangsa-Bangsa (PBB)",
    "RI-Azerbaijan memperkuat kerja sama",
    "Senin (1/7/2024).",
    "COPYRIGHT © ANTARA 2024",
    "Â©",
    "e\u0301",
    "\\*not em\\*",
    "&#124;",
)
_PREAMBLES = (
    "",
    DEFAULT_PREAMBLE,
    "# Seeds\n\nArticles from *ANTARA*, July 2024; rebuilt with `seedcorpus index`.\n\n",
    "# Seeds\n\n| source | licence |\n| --- | --- |\n| ANTARA | see site |\n\n",
)
_POSTAMBLES = (
    "",
    "\n",
    "\nRows are sorted by file.\n",
    "\n## Notes\n\n- a | b\n- `x|y`\n",
)


def manifest_texts() -> st.SearchStrategy[str]:
    """Non-empty text as a manifest cell holds it: one line, whitespace-normalized with
    ``seedcorpus.text.normalize``, often with ``|``, backslashes, Markdown markup,
    emoji or Indonesian words in it."""
    return _MANIFEST_TEXTS


_MANIFEST_RANDOM_WORDS = st.text(st.characters(codec="utf-8", exclude_characters="\0"), min_size=1)
# One to five words, one byte each: a tricky word below 128, else a random one.
_MANIFEST_WORD_KINDS = st.binary(min_size=1, max_size=5)


@st.composite
def _manifest_words(draw: st.DrawFn) -> str:
    # Drawn with one choice for the kinds of the words, one more for each random word: a
    # list of words drawn one by one costs several times as much (three choices a word).
    return " ".join(
        _TRICKY_WORDS[kind % len(_TRICKY_WORDS)] if kind < 128 else draw(_MANIFEST_RANDOM_WORDS)
        for kind in draw(_MANIFEST_WORD_KINDS)
    )


# Built once: a strategy is cheap to draw from, not to build and validate.
_MANIFEST_TEXTS = _manifest_words().map(normalize).filter(bool)


def manifest_files() -> st.SearchStrategy[str]:
    """Safe relative paths a manifest may list: ``.txt`` files up to three folders deep,
    with names that need escaping in a table (``|``) or look like markup (``#``, ``*``)."""
    segment = st.text(st.sampled_from("abcxyz019_- |#*é"), min_size=1, max_size=6)
    return (
        st.lists(segment, min_size=1, max_size=3)
        .map(lambda parts: "/".join(parts) + ".txt")
        .filter(lambda path: path == path.strip())
    )


def manifest_entries(columns: tuple[str, ...]) -> st.SearchStrategy[ManifestEntry]:
    """Entries of a manifest with these ``columns``: a value or ``None`` for each known
    column present (the default id when ``id`` is ``None``), ``None`` for known columns
    absent, and extra cells, in column order, for the unknown ones."""
    return _manifest_entries(columns)


@st.composite
def _manifest_entries(draw: st.DrawFn, columns: tuple[str, ...]) -> ManifestEntry:
    present = {name.lower() for name in columns}

    def cell(key: str, values: st.SearchStrategy[str]) -> str | None:
        return draw(st.none() | values) if key in present else None

    file = draw(manifest_files())
    extra = ((name, draw(st.none() | manifest_texts())) for name in columns)
    return ManifestEntry(
        file=file,
        id=cell("id", manifest_texts()) or PurePosixPath(file).stem,
        sha256=cell("sha256", st.binary(max_size=16).map(sha256_hex)),
        title=cell("title", manifest_texts()),
        language=cell("language", st.sampled_from(["id", "en"]) | manifest_texts()),
        parser=cell("parser", st.sampled_from(["antara", "plain"]) | manifest_texts()),
        extra=tuple(
            (name, value)
            for name, value in extra
            if name.lower() not in KNOWN_COLUMNS and value is not None
        ),
    )


def manifests(*, max_entries: int = 6) -> st.SearchStrategy[Manifest]:
    """Manifests that ``seedcorpus.manifest.format_manifest`` writes and
    ``parse_manifest`` reads back equal (an empty preamble reads back as
    ``DEFAULT_PREAMBLE``): known columns in any order and letter case, extra columns with
    any names, unique ids and files, Markdown before and after the table."""
    return _manifests(max_entries)


@st.composite
def _manifests(draw: st.DrawFn, max_entries: int) -> Manifest:
    optional = [key for key in KNOWN_COLUMNS if key != "file"]
    known = draw(st.lists(st.sampled_from(optional), unique=True))
    known = [draw(st.sampled_from([key, key.upper(), key.capitalize()])) for key in known]
    extra = draw(
        st.lists(
            manifest_texts().filter(lambda name: name.lower() not in KNOWN_COLUMNS),
            max_size=3,
            unique_by=str.lower,
        )
    )
    columns = tuple(draw(st.permutations(["file", *known, *extra])))
    entries = draw(
        st.lists(
            manifest_entries(columns),
            max_size=max_entries,
            unique_by=(lambda entry: entry.id, lambda entry: entry.file),
        )
    )
    heading = manifest_texts().map(lambda text: f"# {text}\n\n")
    return Manifest(
        entries=tuple(entries),
        columns=columns,
        preamble=draw(st.sampled_from(_PREAMBLES) | heading),
        postamble=draw(st.sampled_from(_POSTAMBLES) | heading.map(lambda text: "\n" + text)),
    )
