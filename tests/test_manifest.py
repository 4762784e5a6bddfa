"""Tests for seedcorpus.manifest: reading, writing and building INDEX.md, and path safety."""

from __future__ import annotations

import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.errors import ChecksumError, ManifestError, ParseError
from seedcorpus.manifest import (
    DEFAULT_PREAMBLE,
    INDEX_NAME,
    build_manifest,
    format_manifest,
    parse_manifest,
    read_entry_bytes,
    read_manifest,
    resolve_entry,
    sha256_hex,
    unlisted_files,
    write_manifest,
)
from seedcorpus.manifest._fast import _ODD_SPACES, _CompactEntries, _parse_plain
from seedcorpus.manifest.read import _parse_markdown
from seedcorpus.manifest.table import _default_id
from seedcorpus.models import Manifest, ManifestEntry
from seedcorpus.registry import Registry
from seedcorpus.testing import manifest_files, manifests

# Titles and languages come from the parser that claims a file: the built-in antara.
PARSERS = Registry.load(entry_points=False).parsers

ANTARA_TEXT = (
    "RI-Azerbaijan memperkuat  kerja sama\n"
    "\n"
    "id Kementerian PANRB,Abdullah Azwar Anas\n"
    "\n"
    "RI-Azerbaijan memperkuat kerja sama\n"
    "\n"
    "Jakarta (ANTARA) - Indonesia dan Azerbaijan memperkuat kerja sama.\n"
)

REAL_INDEX = """\
# Seeds

Articles from ANTARA, July 2024.

| File | Title | SHA256 | Notes |
|:-----|-------|--------|------:|
| 000_b88b.txt | RI-Azerbaijan memperkuat kerja sama \\| *PANRB* | {sha} | checked |
| sub/001_c99c.txt | Pipes `a\\|b` and a backslash \\\\ here |  |  |

## Sources

Scraped with `seedcorpus index`.
"""


def entry(file: str = "a.txt", **fields: Any) -> ManifestEntry:
    """An entry for ``file`` with the default id, listed on line 7."""
    fields.setdefault("id", Path(file).stem)
    return ManifestEntry(file=file, line=7, **fields)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus folder with articles in subfolders, and things that are not articles."""
    root = tmp_path / "corpus"
    files = {
        "a.txt": ANTARA_TEXT.encode(),
        "sub/b.txt": b"\r\n  Judul\xc2\xa0dengan   spasi \r\n\r\nen tag\r\n",
        "sub/deeper/c.txt": b"\xef\xbb\xbfTitle after a BOM\n\nBody.\n",
        "other/b.txt": b"Latin-1 caf\xe9\n",
        "empty.txt": b"  \n\n",
        "notes.md": b"# Not an article\n",
        ".hidden.txt": b"hidden\n",
        ".git/x.txt": b"hidden folder\n",
        "INDEX.txt": b"Index as text, an article\n",
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file next to the corpus folder, never to be read through the corpus."""
    path = tmp_path / "secret.txt"
    path.write_text("secret\n")
    return path


def write_index(root: Path, text: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "INDEX.md").write_text(text, encoding="utf-8")


# --- round trip -----------------------------------------------------------------------------


@given(manifests())
def test_format_then_parse_gives_the_manifest_back(manifest: Manifest) -> None:
    expected = attrs.evolve(manifest, preamble=manifest.preamble or DEFAULT_PREAMBLE)
    assert parse_manifest(format_manifest(manifest)) == expected


@given(manifests())
def test_format_is_stable(manifest: Manifest) -> None:
    text = format_manifest(manifest)
    assert format_manifest(parse_manifest(text)) == text
    assert text.endswith("\n")


@given(manifests())
def test_entries_know_their_lines(manifest: Manifest) -> None:
    text = format_manifest(manifest)
    lines = text.split("\n")
    for parsed in parse_manifest(text).entries:
        assert parsed.line is not None
        assert lines[parsed.line - 1].startswith("| ")
    table_start = (manifest.preamble or DEFAULT_PREAMBLE).count("\n") + 1
    assert [e.line for e in parse_manifest(text).entries] == [
        table_start + 2 + i for i in range(len(manifest.entries))
    ]


def test_write_then_read_gives_the_manifest_back(tmp_path: Path) -> None:
    manifest = parse_manifest(REAL_INDEX.format(sha="ab" * 32))
    path = write_manifest(manifest, tmp_path)
    assert path == tmp_path / "INDEX.md"
    assert read_manifest(tmp_path) == manifest
    assert [p.name for p in tmp_path.iterdir()] == ["INDEX.md"]


# --- reading --------------------------------------------------------------------------------


def test_reads_a_real_looking_index() -> None:
    sha = sha256_hex(b"x")
    manifest = parse_manifest(REAL_INDEX.format(sha=sha.upper()))
    assert manifest.columns == ("File", "Title", "SHA256", "Notes")
    assert manifest.preamble == "# Seeds\n\nArticles from ANTARA, July 2024.\n\n"
    assert manifest.postamble == "\n## Sources\n\nScraped with `seedcorpus index`.\n"
    first, second = manifest.entries
    assert first == ManifestEntry(
        file="000_b88b.txt",
        id="000_b88b",
        sha256=sha,
        title="RI-Azerbaijan memperkuat kerja sama | *PANRB*",
        extra=(("Notes", "checked"),),
    )
    assert second == ManifestEntry(
        file="sub/001_c99c.txt",
        id="001_c99c",
        title="Pipes `a|b` and a backslash \\ here",
    )
    assert (first.line, second.line) == (7, 8)


def test_format_keeps_prose_extra_columns_and_their_order() -> None:
    text = REAL_INDEX.format(sha="ab" * 32)
    formatted = format_manifest(parse_manifest(text))
    assert formatted.startswith("# Seeds\n\nArticles from ANTARA, July 2024.\n\n")
    assert "| File | Title | SHA256 | Notes |\n| --- | --- | --- | --- |\n" in formatted
    assert formatted.endswith("\n## Sources\n\nScraped with `seedcorpus index`.\n")


def test_ids_default_to_the_file_name_without_extension() -> None:
    text = "| id | file |\n| -- | -- |\n|  | a/b.c.txt |\n| mine | d.txt |\n"
    assert [e.id for e in parse_manifest(text).entries] == ["b.c", "mine"]


def test_empty_cells_are_none_and_extra_cells_absent() -> None:
    text = "| file | title | language | parser | notes |\n|-|-|-|-|-|\n| a.txt | | | | |\n"
    (parsed,) = parse_manifest(text).entries
    assert parsed == ManifestEntry(file="a.txt", id="a")


def test_cells_are_raw_text_not_rendered_html() -> None:
    text = "| file | title |\n|-|-|\n| a.txt | *a* <b>b</b> &amp; [c](d) \\*e\\* |\n"
    (parsed,) = parse_manifest(text).entries
    # Backslash escapes are undone, as a rendered table shows them; the rest stays as typed.
    assert parsed.title == "*a* <b>b</b> &amp; [c](d) *e*"


def test_the_table_is_the_first_one_with_a_file_column() -> None:
    text = (
        "| name | value |\n| --- | --- |\n| a | b |\n\n"
        "> | file |\n> | --- |\n> | quoted.txt |\n\n"
        "| file |\n| --- |\n| a.txt |\n\n"
        "| file |\n| --- |\n| later.txt |\n"
    )
    manifest = parse_manifest(text)
    assert [e.file for e in manifest.entries] == ["a.txt"]
    assert manifest.preamble.endswith("> | quoted.txt |\n\n")
    assert manifest.postamble == "\n| file |\n| --- |\n| later.txt |\n"


def test_crlf_line_endings_count_lines_like_lf() -> None:
    text = "# T\r\n\r\n| file |\r\n| --- |\r\n| a.txt |\r\n| b.txt |\r\n"
    assert [e.line for e in parse_manifest(text).entries] == [5, 6]


def test_a_table_with_no_rows_is_an_empty_corpus() -> None:
    assert parse_manifest("| file | id |\n| --- | --- |\n").entries == ()


def test_format_writes_the_default_preamble_and_missing_columns() -> None:
    manifest = Manifest(
        entries=(ManifestEntry(file="a.txt", id="x", sha256="ab" * 32, extra=(("k", "v"),)),),
        columns=("file",),
    )
    assert format_manifest(manifest) == (
        DEFAULT_PREAMBLE
        + "| file | id | sha256 | k |\n| --- | --- | --- | --- |\n"
        + f"| a.txt | x | {'ab' * 32} | v |\n"
    )


def test_a_default_id_a_cell_cannot_hold_is_written_empty() -> None:
    manifest = Manifest(
        entries=(ManifestEntry(file="sub/a .txt", id="a "),), columns=("id", "file")
    )
    text = format_manifest(manifest)
    assert text.endswith("| id | file |\n| --- | --- |\n|  | sub/a .txt |\n")
    assert parse_manifest(text) == attrs.evolve(manifest, preamble=DEFAULT_PREAMBLE)


def test_format_separates_the_table_from_the_prose() -> None:
    manifest = Manifest(entries=(), columns=("file",), preamble="# T", postamble="After")
    assert format_manifest(manifest) == "# T\n\n| file |\n| --- |\n\nAfter\n"


@pytest.mark.parametrize("value", ["two\nlines", "cr\rhere", " padded", "nul\0"])
def test_format_refuses_cells_a_table_cannot_hold(value: str) -> None:
    manifest = Manifest(entries=(ManifestEntry(file="a.txt", id="a", title=value),))
    with pytest.raises(ValueError, match="table cell"):
        format_manifest(manifest)


# --- errors ---------------------------------------------------------------------------------

HEAD = "# Corpus\n\n| id | file | title |\n| --- | --- | --- |\n"  # rows start on line 5


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        pytest.param("| a | a.txt |\n", "INDEX.md:5: row has 2 cells, header has 3", id="short"),
        pytest.param("| a | a.txt | t | u |\n", "INDEX.md:5: row has 4 cells", id="long"),
        pytest.param("| a | a.txt | `x|y` |\n", "INDEX.md:5: row has 4", id="code-pipe"),
        pytest.param(
            "| a | a.txt | t |\nA note.\n", "INDEX.md:6: row has 1 cell, header has 3", id="prose"
        ),
        pytest.param("| a |  | t |\n", "INDEX.md:5: the 'file' cell is empty", id="no-file"),
        pytest.param(
            "| a | a.txt | t |\n| a | b.txt | u |\n",
            "INDEX.md:6: id 'a' is already listed on line 5",
            id="duplicate-id",
        ),
        pytest.param(
            "| a | a.txt | t |\n| b | ./a.txt | u |\n",
            "INDEX.md:6: file './a.txt' is already listed on line 5",
            id="duplicate-file",
        ),
        pytest.param(
            "| a | ../a.txt | t |\n", "INDEX.md:5: file '../a.txt' contains '..'", id=".."
        ),
        pytest.param("| a | /etc/a | t |\n", "INDEX.md:5: file '/etc/a' is an absolute", id="abs"),
        pytest.param("| a | a\\b.txt | t |\n", "INDEX.md:5: file 'a\\\\b.txt' contains a back"),
        pytest.param("| a | http://x.org/a | t |\n", "INDEX.md:5: file 'http://x.org/a' looks"),
        pytest.param("| a | C:/a.txt | t |\n", "INDEX.md:5: file 'C:/a.txt' looks like a URL"),
    ],
)
def test_bad_rows_are_errors_naming_the_line(rows: str, message: str) -> None:
    with pytest.raises(ManifestError) as caught:
        parse_manifest(HEAD + rows)
    assert str(caught.value).startswith(message)


def test_an_escaped_pipe_is_text_not_a_cell_separator() -> None:
    (parsed,) = parse_manifest(HEAD + "| a | a.txt | x \\| y \\\\| z |\n").entries
    # markdown-it takes any "\\|" as an escaped pipe; what is left of "\\\\|" is "\\|",
    # a Markdown escape: the rendered table shows "|" too.
    assert parsed.title == "x | y | z"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# Nothing here\n", "INDEX.md: no table with a 'file' column"),
        ("| id | title |\n| -- | -- |\n| a | b |\n", "INDEX.md: no table with a 'file' column"),
        ("\n| file | |\n| -- | -- |\n", "INDEX.md:2: column 2 has no name"),
        ("\n| file | Notes | notes |\n| -- | -- | -- |\n", "INDEX.md:2: column 'notes' appears"),
        (
            "| file | sha256 |\n| -- | -- |\n| a.txt | abc |\n",
            "INDEX.md:3: sha256 'abc' is not 64",
        ),
    ],
)
def test_bad_tables_are_errors(text: str, message: str) -> None:
    with pytest.raises(ManifestError) as caught:
        parse_manifest(text)
    assert str(caught.value).startswith(message)


def test_errors_name_the_index_inside_the_corpus(tmp_path: Path) -> None:
    write_index(tmp_path, HEAD + "| a | a.txt |\n")
    with pytest.raises(ManifestError) as caught:
        read_manifest(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'INDEX.md'}:5: row has 2 cells")


def test_a_missing_index_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ManifestError) as caught:
        read_manifest(tmp_path)
    assert (
        str(caught.value)
        == f"{tmp_path / 'INDEX.md'}: not found; a corpus folder needs an INDEX.md"
    )


def test_an_index_that_is_not_utf8_is_an_error_naming_the_line(tmp_path: Path) -> None:
    (tmp_path / "INDEX.md").write_bytes(b"# T\n\n| file |\n| --- |\n| caf\xe9.txt |\n")
    with pytest.raises(ManifestError, match=r"INDEX\.md:5: is not valid UTF-8"):
        read_manifest(tmp_path)


def test_a_bom_is_not_part_of_the_preamble(tmp_path: Path) -> None:
    (tmp_path / "INDEX.md").write_bytes(b"\xef\xbb\xbf# T\n\n| file |\n| --- |\n| a.txt |\n")
    assert read_manifest(tmp_path).preamble == "# T\n\n"


# --- path safety ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "problem"),
    [
        ("", "is empty"),
        ("../secret.txt", "contains '..'"),
        ("sub/../../secret.txt", "contains '..'"),
        ("/etc/hostname", "is an absolute path"),
        ("sub\\b.txt", "contains a backslash"),
        ("https://example.com/a.txt", "looks like a URL"),
        ("file:a.txt", "looks like a URL"),
        ("C:/a.txt", "looks like a URL"),
        (".", "does not name a file"),
        ("sub", "is a folder, not a file"),
        ("missing.txt", "does not exist"),
        (" a.txt", "starts or ends with whitespace"),
        ("INDEX.md", "is INDEX.md itself"),
        ("./INDEX.md", "is INDEX.md itself"),
    ],
)
def test_unsafe_or_wrong_paths_are_refused(corpus: Path, file: str, problem: str) -> None:
    with pytest.raises(ManifestError) as caught:
        resolve_entry(corpus, entry(file))
    assert str(caught.value).startswith(f"{corpus / 'INDEX.md'}:7: file {file!r} {problem}")


def test_an_absolute_path_into_the_corpus_is_refused_too(corpus: Path) -> None:
    with pytest.raises(ManifestError, match="is an absolute path"):
        resolve_entry(corpus, entry(str(corpus / "a.txt")))


def test_the_open_spy_sees_reads(corpus: Path, opened: list[Path]) -> None:
    read_entry_bytes(corpus, entry("sub/b.txt"))
    assert opened == [(corpus / "sub" / "b.txt").resolve()]


@pytest.mark.parametrize(
    ("link", "target", "file"),
    [
        pytest.param("link.txt", "secret.txt", "link.txt", id="file-link"),
        pytest.param("linked", ".", "linked/secret.txt", id="folder-link"),
    ],
)
def test_a_symlink_out_of_the_corpus_is_refused_before_anything_is_opened(
    corpus: Path, outside: Path, opened: list[Path], link: str, target: str, file: str
) -> None:
    (corpus / link).symlink_to(outside.parent / target)
    with pytest.raises(ManifestError) as caught:
        read_entry_bytes(corpus, entry(file))
    assert str(caught.value).startswith(f"{corpus / 'INDEX.md'}:7: file {file!r} resolves to")
    assert "outside the corpus" in str(caught.value)
    assert opened == []


def test_a_symlink_inside_the_corpus_is_followed(corpus: Path) -> None:
    (corpus / "alias.txt").symlink_to(corpus / "sub" / "b.txt")
    assert resolve_entry(corpus, entry("alias.txt")) == (corpus / "sub" / "b.txt").resolve()


def test_a_symlink_loop_is_refused(corpus: Path) -> None:
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    with pytest.raises(ManifestError, match=r"INDEX\.md:7: file 'loop.txt'"):
        resolve_entry(corpus, entry("loop.txt"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_rather_than_read(corpus: Path) -> None:
    os.mkfifo(corpus / "pipe.txt")
    with pytest.raises(ManifestError, match="is not a regular file"):
        read_entry_bytes(corpus, entry("pipe.txt"))


# --- reading entries ------------------------------------------------------------------------


def test_reads_bytes_and_checks_the_checksum(corpus: Path) -> None:
    data = (corpus / "sub" / "b.txt").read_bytes()
    assert read_entry_bytes(corpus, entry("sub/b.txt", sha256=sha256_hex(data))) == data
    upper = entry("sub/b.txt", sha256=sha256_hex(data).upper())
    assert read_entry_bytes(corpus, upper) == data


@pytest.mark.parametrize("file", ["alias.txt", "alias/b.txt", "sub/./b.txt"])
def test_reading_follows_symlinks_that_stay_inside_the_corpus(corpus: Path, file: str) -> None:
    (corpus / "alias.txt").symlink_to(corpus / "sub" / "b.txt")
    (corpus / "alias").symlink_to("sub")
    assert read_entry_bytes(corpus, entry(file)) == (corpus / "sub" / "b.txt").read_bytes()


def test_a_corpus_reached_through_a_symlink_is_read(corpus: Path) -> None:
    link = corpus.parent / "link-to-corpus"
    link.symlink_to(corpus)
    assert read_entry_bytes(link, entry("sub/b.txt")) == (corpus / "sub" / "b.txt").read_bytes()


def test_a_checksum_mismatch_names_the_file_and_both_digests_shortened(corpus: Path) -> None:
    wrong = "0" * 64
    with pytest.raises(ChecksumError) as caught:
        read_entry_bytes(corpus, entry("a.txt", sha256=wrong))
    actual = sha256_hex((corpus / "a.txt").read_bytes())
    expected = f"{corpus / 'a.txt'}: sha256 is {actual[:12]}..., manifest says {wrong[:12]}..."
    assert str(caught.value) == expected


def test_a_file_over_the_size_limit_is_a_parse_error(corpus: Path) -> None:
    size = (corpus / "a.txt").stat().st_size
    assert len(read_entry_bytes(corpus, entry("a.txt"), max_bytes=size)) == size
    with pytest.raises(ParseError) as caught:
        read_entry_bytes(corpus, entry("a.txt"), max_bytes=size - 1)
    expected = f"{corpus / 'a.txt'}: is larger than the limit of {size - 1} bytes"
    assert str(caught.value) == expected


# --- building -------------------------------------------------------------------------------


def test_build_lists_article_files_sorted_with_checksums_and_titles(corpus: Path) -> None:
    manifest = build_manifest(corpus, parsers=PARSERS)
    rows = [(e.file, e.id, e.title, e.language) for e in manifest.entries]
    assert rows == [
        ("INDEX.txt", "INDEX", "Index as text, an article", None),
        ("a.txt", "a", "RI-Azerbaijan memperkuat kerja sama", "id"),
        ("empty.txt", "empty", None, None),
        ("other/b.txt", "other/b", "Latin-1 café", None),
        ("sub/b.txt", "sub/b", "Judul dengan spasi", "en"),
        ("sub/deeper/c.txt", "c", "Title after a BOM", None),
    ]
    for e in manifest.entries:
        assert e.sha256 == sha256_hex((corpus / e.file).read_bytes())
        assert e.parser == "antara"  # the parser that claims *.txt
    assert manifest.preamble == ""


def test_build_reads_the_seed_article() -> None:
    entries = build_manifest(Path(__file__).parent.parent / "seeds", parsers=PARSERS).entries
    seed = next(e for e in entries if e.file == "000_b88b87f86327f4ee.txt")
    assert (seed.id, seed.language) == ("000_b88b87f86327f4ee", "id")
    assert seed.title == "RI-Azerbaijan memperkuat kerja sama akselerasi pelayanan publik"


def test_build_without_titles_and_with_a_parser(corpus: Path) -> None:
    manifest = build_manifest(corpus, pattern="*.txt", titles=False, parser="antara")
    assert [(e.file, e.title, e.parser) for e in manifest.entries] == [
        ("INDEX.txt", None, "antara"),
        ("a.txt", None, "antara"),
        ("empty.txt", None, "antara"),
    ]


def test_build_skips_symlinks_out_of_the_corpus(corpus: Path, outside: Path) -> None:
    (corpus / "link.txt").symlink_to(outside)
    assert "link.txt" not in [e.file for e in build_manifest(corpus).entries]


def test_build_writes_an_index_that_reads_back_equal(corpus: Path) -> None:
    manifest = build_manifest(corpus)
    write_manifest(manifest, corpus)
    assert read_manifest(corpus) == attrs.evolve(manifest, preamble=DEFAULT_PREAMBLE)
    for e in read_manifest(corpus).entries:
        read_entry_bytes(corpus, e)


def test_rebuild_keeps_prose_ids_and_extra_cells_of_files_still_there(corpus: Path) -> None:
    previous = parse_manifest(
        "# Mine\n\n| file | id | editor | parser |\n| --- | --- | --- | --- |\n"
        "| a.txt | first | Herry | plain |\n| gone.txt | gone | Someone | |\n\nBye.\n"
    )
    (corpus / "a2").mkdir()
    (corpus / "a2" / "first.txt").write_text("clashes with a kept id\n")
    manifest = build_manifest(corpus, previous=previous, parsers=PARSERS)
    assert (manifest.preamble, manifest.postamble) == ("# Mine\n\n", "\nBye.\n")
    assert manifest.columns == ("file", "id", "editor", "parser", "sha256", "title", "language")
    by_file = {e.file: e for e in manifest.entries}
    assert "gone.txt" not in by_file
    assert (by_file["a.txt"].id, by_file["a.txt"].extra) == ("first", (("editor", "Herry"),))
    assert by_file["a.txt"].parser == "plain"
    assert by_file["a2/first.txt"].id == "a2/first"
    assert by_file["sub/b.txt"].extra == ()
    assert build_manifest(corpus, previous=previous, parser="antara").entries[1].parser == "antara"
    assert parse_manifest(format_manifest(manifest)) == manifest


def test_build_escalates_ids_until_they_are_unique(tmp_path: Path) -> None:
    for name in ["x.md", "x.txt", "x.md.txt"]:
        (tmp_path / name).write_text("t\n")
    ids = {e.file: e.id for e in build_manifest(tmp_path, pattern="*").entries}
    assert ids == {"x.md": "x.md", "x.txt": "x.txt", "x.md.txt": "x.md.txt"}


def test_build_refuses_an_id_it_cannot_make_unique(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a\n")
    (tmp_path / "b.txt").write_text("b\n")
    (tmp_path / "c.txt").write_text("c\n")
    previous = Manifest(
        entries=(ManifestEntry(file="a.txt", id="b"), ManifestEntry(file="c.txt", id="b.txt"))
    )
    with pytest.raises(ManifestError, match=r"cannot give 'b\.txt' an id: 'b\.txt' is taken"):
        build_manifest(tmp_path, previous=previous)


def test_unlisted_files_are_article_files_the_manifest_misses(corpus: Path) -> None:
    manifest = parse_manifest("| file |\n| --- |\n| ./a.txt |\n| sub/b.txt |\n| gone.txt |\n")
    assert unlisted_files(corpus, manifest) == [
        "INDEX.txt",
        "empty.txt",
        "other/b.txt",
        "sub/deeper/c.txt",
    ]
    assert unlisted_files(corpus, manifest, pattern="*.md") == ["notes.md"]


# --- writing --------------------------------------------------------------------------------


def test_write_replaces_the_index_and_keeps_its_permissions(tmp_path: Path) -> None:
    write_index(tmp_path, "old")
    (tmp_path / "INDEX.md").chmod(0o640)
    manifest = Manifest(entries=(ManifestEntry(file="a.txt", id="a"),))
    write_manifest(manifest, tmp_path)
    assert (tmp_path / "INDEX.md").read_text() == format_manifest(manifest)
    assert stat.S_IMODE((tmp_path / "INDEX.md").stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_index_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_index(tmp_path, "old")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    replace: Callable[..., None] = fail
    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError, match="disk full"):
        write_manifest(Manifest(entries=()), tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["INDEX.md"]
    assert (tmp_path / "INDEX.md").read_text() == "old"


# --- the fast path agrees with markdown-it --------------------------------------------------
# parse_manifest reads plain tables with string operations and leaves the rest to
# markdown-it (_parse_markdown, the reference); these properties hold it to the reference.


def outcome(parse: Callable[[str], Manifest | None], text: str) -> tuple[object, ...]:
    """What reading ``text`` gives: the manifest and its entries' lines, or the error."""
    try:
        manifest = parse(text)
    except ManifestError as error:
        return (type(error), str(error))
    if manifest is None:
        return (None,)
    return (manifest, [parsed.line for parsed in manifest.entries])


def fast(text: str) -> Manifest | None:
    """The fast path alone: ``None`` where it leaves the text to markdown-it."""
    return _parse_plain(text.replace("\r\n", "\n"), INDEX_NAME)


@given(manifests(max_entries=8))
def test_the_fast_path_reads_what_format_writes_as_markdown_it_does(manifest: Manifest) -> None:
    text = format_manifest(manifest)
    assert outcome(fast, text) == outcome(_parse_markdown, text)
    assert outcome(parse_manifest, text) == outcome(_parse_markdown, text)


# What hand-edited manifests hold: padding (some of it whitespace that Python and
# markdown-it trim differently), lines that end a table or start another block, cells
# that are bad paths, checksums or duplicates.
_NOISE = ("", " ", "  ", "   ", "    ", "\t", "\xa0", "\u2003", "\x0b", "\x1c", "\x85", "\u3000")
_LINES = (
    *("", "   ", "A note.", "# Notes", "> | file |", "- item | x", "1. a | b", "```", "~~~"),
    *("<div>", "<!-- | -->", "<!--", "<b>x</b> | y", "---", "***", "===", "| --- | --- |"),
    *("|", "||", "\\|", "| a \\|", "    | a.txt | b |", "\t| a.txt |", "a.txt | b", "`a|b` | c"),
    *("[x]: /url", "| file |", "| file | id |", "| :-- | --: |", "\0", "| a.txt |\t", "|\xa0|"),
)
_CELLS = (
    *("", "a.txt", "b.txt", "./a.txt", "a//b.txt", "sub/./c.txt", ".hidden.txt", "a", "x y"),
    *("../x.txt", "/etc/x", "a\\b.txt", "https://x/y.txt", ".", "sub/", "a.txt ", "é/ü.txt"),
    *("ab" * 32, "AB" * 32, "abc", "\\|", "|", "`x|y`", "\\\\", "\xa0a", "a\x1c", "\\*"),
)


@st.composite
def hand_edited_manifests(draw: st.DrawFn) -> str:
    """Manifests as format_manifest writes them, then edited by hand a few times, with
    LF or CRLF line ends."""
    text = format_manifest(draw(manifests(max_entries=5)))
    width = len(_parse_markdown(text).columns)
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 5))):
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        edit = draw(st.sampled_from(["pad", "unpipe", "insert", "repeat", "drop", "char", "row"]))
        if edit == "pad":
            lines[index] = draw(st.sampled_from(_NOISE)) + line + draw(st.sampled_from(_NOISE))
        elif edit == "unpipe":
            lines[index] = (
                line.removeprefix("|") if draw(st.booleans()) else line.removesuffix("|")
            )
        elif edit == "insert":
            lines.insert(index, draw(st.sampled_from(_LINES)))
        elif edit == "repeat":
            lines.insert(index, line)
        elif edit == "drop" and len(lines) > 1:
            del lines[index]
        elif edit == "char":
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(st.sampled_from("|\\ \t\xa0`<>-:*#")) + line[at:]
        elif edit == "row":
            cells = draw(st.lists(st.sampled_from(_CELLS), min_size=width - 1, max_size=width + 1))
            lines.insert(index, "| " + " | ".join(cells) + " |")
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


@given(hand_edited_manifests())
def test_the_fast_path_and_markdown_it_agree_on_hand_edited_manifests(text: str) -> None:
    assert outcome(parse_manifest, text) == outcome(_parse_markdown, text)


@given(hand_edited_manifests(), st.integers(1, 300), st.booleans())
def test_reading_the_file_a_slice_at_a_time_gives_what_parsing_its_text_gives(
    text: str, size: int, bom: bool
) -> None:
    try:
        data = (("\ufeff" if bom else "") + text).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: no file holds them
        return
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "INDEX.md").write_bytes(data)
        name = str(Path(folder) / "INDEX.md")
        with mock.patch("seedcorpus.manifest._fast._CHUNK", size):
            read = outcome(lambda _: read_manifest(folder), text)
        assert read == outcome(lambda t: parse_manifest(t, path=name), text)


def test_a_plain_index_is_read_without_holding_its_whole_text(tmp_path: Path) -> None:
    rows = "".join(f"| {n} | d/{n:05d}.txt | {'ab' * 32} | T{n} |\n" for n in range(3000))
    write_index(tmp_path, "# Corpus\n\n| id | file | sha256 | title |\n| - | - | - | - |\n" + rows)
    whole = mock.Mock(side_effect=AssertionError("the whole text was parsed"))
    with (
        mock.patch("seedcorpus.manifest._fast._CHUNK", 1000),
        mock.patch("seedcorpus.manifest.read.parse_manifest", whole),
    ):
        manifest = read_manifest(tmp_path)
    assert len(manifest.entries) == 3000
    assert manifest.entries[2999].file == "d/02999.txt"
    assert manifest.entries[2999].line == 3004


def test_a_duplicate_before_a_bad_row_is_the_error_reported(tmp_path: Path) -> None:
    rows = "".join(f"| {n} | {n:05d}.txt | t |\n" for n in range(3000))
    text = HEAD + rows.replace("| 2000 |", "| 7 |") + "| x | y.txt |\n"
    write_index(tmp_path, text)
    with mock.patch("seedcorpus.manifest._fast._CHUNK", 500):
        assert outcome(fast, text) == outcome(_parse_markdown, text)
        with pytest.raises(ManifestError, match=r":2005: id '7' is already listed on line 12"):
            read_manifest(tmp_path)


ROWS = "| a | a.txt | t |\n| b | sub/b.txt | u |\n"
ODD_TABLES = {
    # The fast path reads these (or finds their error) itself ...
    "plain": (HEAD + ROWS, True),
    "no final newline": (HEAD + ROWS.rstrip("\n"), True),
    "no rows": (HEAD, True),
    "crlf": ((HEAD + ROWS).replace("\n", "\r\n"), True),
    "prose after": (HEAD + ROWS + "\n## Notes\n\nText.\n", True),
    "spaces around rows": (HEAD + "   | a | a.txt | t |  \t\n", True),
    "tight cells": (HEAD + "|a|a.txt|t|\n|b|b.txt||\n", True),
    "escapes": (HEAD + "| a | a.txt | x \\| y \\\\| z \\* |\n", True),
    "no outer pipes": (HEAD + "a | a.txt | t\n", True),
    "text after": (HEAD + ROWS + "A note.\n", True),
    "heading after": (HEAD + ROWS + "# Notes\n", True),
    "quote after": (HEAD + ROWS + "> | c | c.txt | v |\n", True),
    "indented code after": (HEAD + ROWS + "    | c | c.txt | v |\n", True),
    "tab before": (HEAD + "\t| a | a.txt | t |\n", True),
    "odd space at a cell's end": (HEAD + "| a | a.txt | t\xa0|\n| b | b.txt |\u2003u |\n", True),
    "odd space inside a cell": (HEAD + "| a | a.txt | t\xa0u |\n", True),
    "escaped last pipe": (HEAD + "| a | a.txt | t \\|\n", True),
    "ragged": (HEAD + ROWS + "| c | c.txt |\n", True),
    "duplicate id": (HEAD + ROWS + "| c | c.txt | v |\n| a | d.txt | w |\n", True),
    "duplicate file": (HEAD + ROWS + "| c | ./sub/b.txt | v |\n", True),
    "bad path": (HEAD + ROWS + "| c | ../c.txt | v |\n", True),
    "dotted path": (HEAD + "| a | ./a.txt | t |\n| b | .b.txt | u |\n", True),
    "bad sha256": ("| file | sha256 |\n| --- | --- |\n| a.txt | abc |\n", True),
    "a table before": ("| id | title |\n| -- | -- |\n| a | b |\n\n" + HEAD[10:] + ROWS, True),
    "a list before": ("- item\n\n" + HEAD[10:] + ROWS, True),
    "html before": ("<div>\n\n" + HEAD[10:] + ROWS + "</div>\n", True),
    "a table in a fence before": (
        "```\n| file |\n| --- |\n| x.txt |\n```\n\n" + HEAD + ROWS,
        True,
    ),
    "a table after a blank line in a fence before": (
        "```\n\n| file |\n| --- |\n| x.txt |\n```\n\n" + HEAD + ROWS,
        True,
    ),
    "no blank line before": ("Text\n| file |\n| --- |\n| a.txt |\n", True),
    "delimiter without pipes": ("| file | id |\n--- | ---\n| a.txt | a |\n", True),
    "no table": ("# Nothing\n", True),
    "no table with a file column": ("| id |\n| --- |\n| a |\n\n> | file |\n> | --- |\n", True),
    "lone surrogates": (HEAD + "| a | a.txt | \ud83d\ude00 |\n| b | \udcff.txt | u |\n", True),
    "bad header": ("\n| file | Notes | notes |\n| -- | -- | -- |\n| a.txt | | |\n", True),
    # ... and leaves these to markdown-it (in the first three, the table's lines continue
    # the quote, the list item or the table before: there is no table).
    "a table before, no blank line": ("| a |\n| - |\n| file |\n| --- |\n| a.txt |\n", False),
    "a list item before": ("- Text\n| file |\n| --- |\n| a.txt |\n", False),
    "a quote before": ("> Text\n| file |\n| --- |\n| a.txt |\n", False),
    "a file table in a list": ("- | file |\n  | --- |\n  | a.txt |\n", False),
    "unclosed fence": ("```\n\n| file |\n| --- |\n| a.txt |\n", False),
    "open comment": ("<!--\n\n| file |\n| --- |\n| a.txt |\n-->\n", False),
    "nul": (HEAD + "| a | a.txt | t\0 |\n", False),
}


@pytest.mark.parametrize(("text", "proven"), ODD_TABLES.values(), ids=ODD_TABLES.keys())
def test_odd_tables_read_as_markdown_it_reads_them(text: str, proven: bool) -> None:
    assert outcome(parse_manifest, text) == outcome(_parse_markdown, text)
    assert (outcome(fast, text) != (None,)) == proven


@given(hand_edited_manifests(), st.integers(1, 300))
def test_the_fast_path_reads_a_table_in_slices_of_any_size(text: str, size: int) -> None:
    with mock.patch("seedcorpus.manifest._fast._CHUNK", size):
        assert outcome(parse_manifest, text) == outcome(_parse_markdown, text)


@pytest.mark.parametrize("size", [1, 100, 5000, 1 << 20])
def test_a_long_mixed_table_reads_as_markdown_it_reads_it(size: int) -> None:
    # Rows 0-999 are plain (whole slices of them are checked at once), the rest are not.
    plain = ["plain", "café ☕", "😀 x", ""]
    odd = ["Tanda \\| pipa", "\\*a\\*", "t\xa0u", "a\\\\", "x"]
    rows = "".join(
        f"| {n} | d{n // 100}/{n}.txt | {'ab' * 32 if n % 3 else ''} | {plain[n % 4]} |\n"
        for n in range(1000)
    ) + "".join(
        f"| {n if n % 7 else ''} | d{n // 100}/{n}.txt | {'ab' * 32 if n % 3 else ''} "
        f"| {odd[n % len(odd)]} |{'  ' if n % 11 == 0 else ''}\n"
        for n in range(1000, 1500)
    )
    text = "# Corpus\n\n| id | file | sha256 | title |\n| --- | --- | --- | --- |\n" + rows
    with mock.patch("seedcorpus.manifest._fast._CHUNK", size):
        assert outcome(fast, text) == outcome(_parse_markdown, text)
        parsed, expected = parse_manifest(text).entries, _parse_markdown(text).entries
    assert isinstance(parsed, _CompactEntries)
    assert [e.line for e in parsed] == [e.line for e in expected]
    for index in (0, 511, 512, 513, 1023, 1024, 1499, -1):
        assert parsed[index] == expected[index]
        assert parsed[index].line == expected[index].line
    assert parsed[700:710] == expected[700:710]


def test_the_fast_path_finds_an_error_as_the_reference_does_in_a_long_table() -> None:
    rows = "".join(f"| {n} | {n:05d}.txt | t |\n" for n in range(3000))
    text = HEAD + rows + "| 17 | x.txt | t |\n"
    assert outcome(fast, text) == outcome(_parse_markdown, text)
    assert outcome(fast, text)[1] == "INDEX.md:3005: id '17' is already listed on line 22"


def test_compact_entries_behave_as_the_tuple_of_their_entries() -> None:
    manifest = Manifest(
        entries=tuple(
            entry(f"d/{n}.txt", title=f"t{n}", language="id", extra=(("Notes", "x" * n),))
            for n in range(5)
        ),
        columns=("id", "file", "title", "language", "Notes"),
    )
    text = format_manifest(manifest)
    entries, expected = parse_manifest(text).entries, _parse_markdown(text).entries
    assert isinstance(entries, _CompactEntries)
    assert isinstance(expected, tuple)
    assert len(entries) == 5
    assert list(entries) == list(expected)
    assert [e.line for e in entries] == [e.line for e in expected] == [5, 6, 7, 8, 9]
    assert (entries[0], entries[-1], entries[-5]) == (expected[0], expected[4], expected[0])
    assert entries[1:4:2] == expected[1:4:2]
    assert isinstance(entries[1:3], tuple)
    assert entries == expected
    assert expected == entries
    assert entries != expected[:-1]
    assert entries != list(expected)
    assert hash(entries) == hash(expected)
    assert entries + () == expected == () + entries  # noqa: RUF005 (tuple's + works too)
    assert repr(entries) == repr(expected)
    assert entries.index(expected[2]) == 2
    assert expected[3] in entries
    assert entries[0].language is entries[1].language  # shared, not one string each
    copied = pickle.loads(pickle.dumps(entries))
    assert copied == expected
    assert [e.line for e in copied] == [e.line for e in expected]
    for index in (5, -6):
        with pytest.raises(IndexError):
            entries[index]


def test_the_odd_spaces_are_all_of_pythons_other_whitespace() -> None:
    whitespace = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    assert set("".join(_ODD_SPACES)) == whitespace - set(" \t\n")
    assert set(_ODD_SPACES[0]) == {char for char in whitespace if char.isascii()} - set(" \t\n")


@given(st.text(st.sampled_from("ab./ \\é"), max_size=8) | manifest_files())
def test_default_ids_are_pathlib_stems(file: str) -> None:
    assert _default_id(file) == PurePosixPath(file).stem
