"""Tests for seedcorpus.manifest: reading, writing and building INDEX.md, and path safety."""

from __future__ import annotations

import builtins
import io
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

from seedcorpus.errors import ChecksumError, ManifestError, ParseError
from seedcorpus.manifest import (
    DEFAULT_PREAMBLE,
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
from seedcorpus.models import Manifest, ManifestEntry
from seedcorpus.testing import manifests

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
    ],
)
def test_unsafe_or_wrong_paths_are_refused(corpus: Path, file: str, problem: str) -> None:
    with pytest.raises(ManifestError) as caught:
        resolve_entry(corpus, entry(file))
    assert str(caught.value).startswith(f"{corpus / 'INDEX.md'}:7: file {file!r} {problem}")


def test_an_absolute_path_into_the_corpus_is_refused_too(corpus: Path) -> None:
    with pytest.raises(ManifestError, match="is an absolute path"):
        resolve_entry(corpus, entry(str(corpus / "a.txt")))


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every path opened through ``open`` or ``Path.open`` from now on, resolved."""
    paths: list[Path] = []
    real_open = io.open

    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | os.PathLike):
            paths.append(Path(file).resolve())
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", spy)
    monkeypatch.setattr(builtins, "open", spy)
    return paths


def test_the_open_spy_sees_reads(corpus: Path, opened: list[Path]) -> None:
    read_entry_bytes(corpus, entry("a.txt"))
    assert opened == [(corpus / "a.txt").resolve()]


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
    manifest = build_manifest(corpus)
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
        assert e.parser is None
    assert manifest.preamble == ""


def test_build_reads_the_seed_article() -> None:
    entries = build_manifest(Path(__file__).parent.parent / "seeds").entries
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
    manifest = build_manifest(corpus, previous=previous)
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
