"""Parsers claim files: patterns, sniffing, routing manifest rows, and `index` on mixed
folders (claimed files listed with their parser, unclaimed ones warned about)."""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.claims import (
    SNIFF_BYTES,
    Route,
    claim,
    claimants,
    matches,
    route,
    suffix_claimant,
)
from seedcorpus.cli import cli
from seedcorpus.corpus import open_corpus
from seedcorpus.default_plugins.antara import sniff_antara
from seedcorpus.errors import AmbiguousClaimError, ParseError, UnclaimedFileError
from seedcorpus.hookspecs import hookimpl
from seedcorpus.manifest import read_manifest, scan_folder, unlisted_files, write_manifest
from seedcorpus.models import Article, Byline, Manifest, ManifestEntry
from seedcorpus.registry import Registry
from seedcorpus.specs import Document, ParserSpec
from seedcorpus.testing import registry_with

SEEDS = Path(__file__).parent.parent / "seeds"
NASTY = Path(__file__).parent / "data" / "nasty"

ANTARA = "Judul berita\n\nid Tag,Lain\n\nJudul berita\n\nJakarta (ANTARA) - Isi berita.\n"
BODY_FIRST = "Jakarta (ANTARA) - Berita tanpa judul.\n\nParagraf kedua.\n"


def parse_news_json(document: Document) -> Article:
    """A small JSON parser for these tests: title (may be absent), url, reporters, body."""
    try:
        data = json.loads(document.text)
    except ValueError as error:
        raise ParseError(f"not JSON: {error}") from None
    return Article(
        id=document.id,
        source=document.source,
        title=data.get("title"),
        url=data.get("url"),
        byline=Byline(reporters=tuple(data.get("reporters", ()))),
        paragraphs=tuple(data.get("body", ())),
    )


def looks_like_news_json(head: bytes) -> bool:
    return head.lstrip().startswith(b"{")


class NewsJson:
    """A plugin with a parser that claims ``*.json``."""

    @hookimpl
    def seedcorpus_parsers(self) -> Iterator[ParserSpec]:
        yield ParserSpec(
            name="newsjson",
            parse=parse_news_json,
            patterns=("*.json",),
            sniff=looks_like_news_json,
        )


def spec(name: str, *patterns: str, sniff: object = None) -> ParserSpec:
    return ParserSpec(name=name, parse=parse_news_json, patterns=patterns, sniff=sniff)  # type: ignore[arg-type]


# --- patterns -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.txt", "a.txt", True),
        ("*.txt", "2024/07/a.txt", True),
        ("*.txt", "a.txt.bak", False),
        ("*.txt", "a.TXT", False),
        ("news/*.json", "news/a.json", True),
        ("news/*.json", "news/sub/a.json", False),
        ("news/*.json", "old/news/a.json", False),
        ("**/news/*.json", "old/news/a.json", True),
        ("**/news/*.json", "news/a.json", True),
        ("a?.json", "ab.json", True),
        ("[ab]*.json", "b1.json", True),
        ("[!ab]*.json", "b1.json", False),
        ("[a-c]?.json", "c1.json", True),
    ],
)
def test_patterns_match_names_or_whole_paths(pattern: str, path: str, expected: bool) -> None:
    assert matches(pattern, path) is expected


@given(
    st.text("ab.*?", min_size=1, max_size=6),
    st.text("ab.", min_size=1, max_size=8),
    st.text("ab/", max_size=6),
)
def test_a_name_pattern_agrees_with_fnmatch_on_the_file_name(
    pattern: str, name: str, folders: str
) -> None:
    path = f"{folders.strip('/')}/{name}" if folders.strip("/") else name
    assert matches(pattern, path) == fnmatch.fnmatchcase(name, pattern)


def test_a_spec_refuses_patterns_that_are_not_relative_globs() -> None:
    with pytest.raises(ValueError, match="patterns must be a tuple"):
        spec("bad", "/abs/*.txt")
    with pytest.raises(ValueError, match="patterns must be a tuple"):
        ParserSpec(name="bad", parse=parse_news_json, patterns="*.txt")  # type: ignore[arg-type]


# --- claiming -------------------------------------------------------------------------------


def test_one_matching_pattern_claims_without_reading() -> None:
    def never() -> bytes:
        raise AssertionError("the file must not be read")

    chosen, reason = claim([spec("t", "*.txt"), spec("j", "*.json")], "a/b.json", never)
    assert (chosen.name, reason) == ("j", "pattern *.json")


_PATTERNS = st.one_of(
    st.text("ab.", max_size=4).map(lambda ending: f"*{ending}"),  # an ending
    st.text("ab.*?[]/", min_size=1, max_size=5).filter(lambda p: not p.startswith("/")),
)


@given(
    st.lists(st.lists(_PATTERNS, max_size=3), min_size=1, max_size=3),
    st.text("ab./", min_size=1, max_size=10),
)
def test_the_suffix_claimant_says_what_claim_says(patterns: list[list[str]], path: str) -> None:
    parsers = [spec(f"p{number}", *mine) for number, mine in enumerate(patterns)]
    claimant = suffix_claimant(parsers)
    endings = all(p[0] == "*" and not set(p[1:]) & set("*?[/") for mine in patterns for p in mine)
    assert (claimant is not None) == endings
    if claimant is not None:
        try:
            chosen, _ = claim(parsers, path, b"")  # no sniff: one claimant, or an error
            expected = chosen.name
        except (UnclaimedFileError, AmbiguousClaimError):
            expected = None
        assert claimant(path) == expected


def test_no_matching_pattern_is_unclaimed_and_lists_what_is_claimed() -> None:
    with pytest.raises(UnclaimedFileError) as caught:
        claim([spec("t", "*.txt"), spec("none")], "a.xml", b"")
    assert caught.value.code == "unclaimed"
    assert "no installed parser claims 'a.xml' (parsers and their patterns: t (*.txt))" in str(
        caught.value
    )


def test_sniffing_breaks_a_tie_and_sees_only_the_first_bytes() -> None:
    seen: list[int] = []

    def yes(head: bytes) -> bool:
        seen.append(len(head))
        return True

    parsers = [spec("a", "*.txt", sniff=lambda head: False), spec("b", "*.txt", sniff=yes)]
    chosen, reason = claim(parsers, "x.txt", b"x" * (SNIFF_BYTES * 2))
    assert (chosen.name, reason) == ("b", "sniffed among a, b")
    assert seen == [SNIFF_BYTES]


def test_a_parser_without_sniff_wins_when_the_others_refuse() -> None:
    parsers = [spec("a", "*.txt", sniff=lambda head: False), spec("b", "*.txt")]
    assert claim(parsers, "x.txt", lambda: b"")[0].name == "b"


@pytest.mark.parametrize(
    "sniffs",
    [
        pytest.param((None, None), id="neither-sniffs"),
        pytest.param((True, True), id="both-say-yes"),
        pytest.param((False, False), id="both-say-no"),
        pytest.param(("raise", False), id="one-raises"),
    ],
)
def test_a_tie_sniffing_cannot_break_is_ambiguous(sniffs: tuple[object, object]) -> None:
    def sniffer(said: object) -> object:
        if said is None:
            return None

        def sniff(head: bytes) -> bool:
            if said == "raise":
                raise RuntimeError("broken sniff")
            return bool(said)

        return sniff

    parsers = [
        spec("a", "*.txt", sniff=sniffer(sniffs[0])),
        spec("b", "*.txt", sniff=sniffer(sniffs[1])),
    ]
    with pytest.raises(AmbiguousClaimError, match=r"claimed by several parsers: a \(\*\.txt\), b"):
        claim(parsers, "x.txt", b"")


def test_a_route_prefers_the_parser_column_then_the_chosen_parser() -> None:
    parsers = [spec("j", "*.json")]
    assert route(parsers, "a.json", b"", column="x", chosen="y") == Route("x", "parser column")
    assert route(parsers, "a.json", b"", chosen="y") == Route("y", "chosen for every row")
    assert str(route(parsers, "a.json", b"")) == "j (pattern *.json)"


def test_antara_claims_txt_and_sniffs_its_layout() -> None:
    antara = Registry.load(entry_points=False).parser("antara")
    assert antara.patterns == ("*.txt",)
    assert sniff_antara((SEEDS / "000_b88b87f86327f4ee.txt").read_bytes()[:SNIFF_BYTES])
    assert sniff_antara((NASTY / "utf16-le-bom.txt").read_bytes())
    assert sniff_antara(BODY_FIRST.encode())
    assert not sniff_antara(b'{"title": "Jakarta (ANTARA) - x"}')
    assert not sniff_antara(b"Just some notes\n\nnothing more\n")
    assert not sniff_antara(b"")
    assert [p.name for p in claimants([antara], "x.json")] == []


# --- reading a corpus -----------------------------------------------------------------------


@pytest.fixture
def registry() -> Registry:
    return registry_with(NewsJson(), builtins=True)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of ANTARA text files and JSON files, plus files nobody claims."""
    root = tmp_path / "mixed"
    (root / "json").mkdir(parents=True)
    (root / "a.txt").write_text(ANTARA, encoding="utf-8")
    (root / "body-first.txt").write_text(BODY_FIRST, encoding="utf-8")
    story = {"title": "Berita JSON", "url": "https://example.org/1", "reporters": ["Ani", "Budi"],
             "body": ["Paragraf satu tentang pelabuhan.", "Paragraf dua."]}  # fmt: skip
    (root / "json" / "b.json").write_text(json.dumps(story), encoding="utf-8")
    untitled = {"url": "https://example.org/2", "body": ["Jakarta (ANTARA) - no title here."]}
    (root / "json" / "untitled.json").write_text(json.dumps(untitled), encoding="utf-8")
    (root / "notes.xml").write_text("<notes>Jakarta (ANTARA) - not an article</notes>")
    (root / ".hidden.json").write_text("{}")
    return root


def test_a_row_without_parser_is_read_by_the_parser_that_claims_its_file(
    mixed: Path, registry: Registry
) -> None:
    entries = (ManifestEntry("a.txt", "a"), ManifestEntry("json/b.json", "b"))
    write_manifest(Manifest(entries=entries), mixed)
    corpus = open_corpus(mixed, registry=registry)
    assert corpus.parser is None
    a, b = corpus
    assert (a.source.parser, a.title) == ("antara", "Judul berita")
    assert (b.source.parser, b.title, b.url) == (
        "newsjson",
        "Berita JSON",
        "https://example.org/1",
    )
    assert b.byline.reporters == ("Ani", "Budi")
    assert corpus.parser_names() == {"antara", "newsjson"}


def test_a_row_no_parser_claims_is_an_error_naming_the_row_never_read_by_antara(
    mixed: Path, registry: Registry
) -> None:
    write_manifest(Manifest(entries=(ManifestEntry("notes.xml", "notes"),)), mixed)
    corpus = open_corpus(mixed, registry=registry)
    with pytest.raises(UnclaimedFileError) as caught:
        corpus["notes"]
    assert str(caught.value).startswith(f"{mixed / 'INDEX.md'}:5: no installed parser claims")
    problems: list[object] = []
    assert list(corpus.articles(problems)) == []  # type: ignore[arg-type]
    assert [p.code for p in problems] == ["unclaimed"]  # type: ignore[attr-defined]


def test_the_parser_column_and_the_chosen_parser_come_before_claims(
    mixed: Path, registry: Registry
) -> None:
    entries = (ManifestEntry("json/b.json", "b", parser="newsjson"), ManifestEntry("a.txt", "a"))
    write_manifest(Manifest(entries=entries), mixed)
    corpus = open_corpus(mixed, registry=registry, parser="newsjson")
    assert str(corpus.route(entries[0])) == "newsjson (parser column)"
    assert str(corpus.route(entries[1])) == "newsjson (chosen for every row)"
    with pytest.raises(ParseError, match="not JSON"):
        corpus["a"]


# --- scanning a folder ----------------------------------------------------------------------


def test_scan_lists_claimed_files_with_their_parser_title_and_language(
    mixed: Path, registry: Registry
) -> None:
    scan = scan_folder(mixed, registry.parsers)
    rows = [(e.file, e.parser, e.title, e.language) for e in scan.manifest.entries]
    assert rows == [
        ("a.txt", "antara", "Judul berita", "id"),
        # The parser reads no title: the cell stays empty, never the dateline paragraph.
        ("body-first.txt", "antara", None, None),
        ("json/b.json", "newsjson", "Berita JSON", None),
        ("json/untitled.json", "newsjson", None, None),
    ]
    assert [(p.code, p.path) for p in scan.problems] == [("unclaimed", "notes.xml")]


def test_scan_with_a_pattern_and_a_parser_lists_what_no_parser_claims(
    mixed: Path, registry: Registry
) -> None:
    (mixed / "c.dat").write_text('{"title": "Data"}')
    scan = scan_folder(mixed, registry.parsers, pattern="*.dat", parser="newsjson")
    assert [(e.file, e.parser, e.title) for e in scan.manifest.entries] == [
        ("c.dat", "newsjson", "Data")
    ]
    scan = scan_folder(mixed, registry.parsers, pattern="*.dat")
    assert scan.manifest.entries == ()
    assert [(p.code, p.path) for p in scan.problems] == [("unclaimed", "c.dat")]


def test_scan_keeps_a_previous_rows_parser(mixed: Path, registry: Registry) -> None:
    previous = Manifest(entries=(ManifestEntry("json/b.json", "b", parser="custom"),))
    entries = scan_folder(mixed, registry.parsers, previous=previous).manifest.entries
    assert {e.file: e.parser for e in entries}["json/b.json"] == "custom"


def test_unlisted_files_are_the_claimed_ones(mixed: Path, registry: Registry) -> None:
    manifest = Manifest(entries=(ManifestEntry("a.txt", "a"),))
    assert unlisted_files(mixed, manifest, parsers=registry.parsers) == [
        "body-first.txt",
        "json/b.json",
        "json/untitled.json",
    ]
    assert unlisted_files(mixed, manifest) == ["body-first.txt"]  # without parsers: *.txt


# --- the command line -----------------------------------------------------------------------


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, registry: Registry):  # type: ignore[no-untyped-def]
    """The CLI, with the built-ins and the JSON parser as the installed plugins."""
    monkeypatch.setattr(Registry, "load", classmethod(lambda cls, **options: registry))
    runner = CliRunner()

    def invoke(*args: str | Path) -> tuple[int, str, str]:
        result = runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return invoke


def test_index_build_and_search_a_mixed_folder(run, mixed: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("index", mixed)
    assert code == 0, err
    assert out == (
        f"wrote {mixed / 'INDEX.md'}: 4 articles (antara 2, newsjson 2), 1 file no parser claims\n"
    )
    expected = "no installed parser claims this file; not listed [unclaimed]"
    assert err == f"warning: {mixed / 'notes.xml'}: {expected}\n"
    assert [e.parser for e in read_manifest(mixed).entries] == [
        "antara",
        "antara",
        "newsjson",
        "newsjson",
    ]

    code, out, err = run("check", mixed, "--list")
    assert code == 1  # body-first.txt is read, with a no-title problem
    assert "a.txt\tantara (parser column)\n" in out
    assert "json/b.json\tnewsjson (parser column)\n" in out

    database = tmp_path / "mixed.sqlite"
    code, out, err = run("build", mixed, "-o", database, "-j", "1")
    assert "4 articles, 1 problem" in out, err
    assert "body-first.txt:1: the text has no title [no-title]" in err
    code, out, _ = run("search", database, "pelabuhan")
    assert (code, out.split()[0]) == (0, "b")

    code, out, _ = run("show", mixed, "b")
    assert out.endswith("read from json/b.json by newsjson (parser column)\n")


def test_index_warns_of_a_claimed_file_its_parser_cannot_read(run, mixed: Path) -> None:  # type: ignore[no-untyped-def]
    (mixed / "json" / "notes.json").write_text("crawl notes, not JSON", encoding="utf-8")
    code, out, err = run("index", mixed)
    assert code == 0, err
    assert out.endswith(", 1 file no parser claims, 1 file its parser cannot read\n")
    assert (
        f"warning: {mixed / 'json' / 'notes.json'}: claimed by 'newsjson', which cannot read "
        "it: not JSON: "
    ) in err
    assert "json/notes.json" in [e.file for e in read_manifest(mixed).entries]


def test_rows_without_a_parser_column_say_how_they_are_routed(run, mixed: Path) -> None:  # type: ignore[no-untyped-def]
    entries = tuple(ManifestEntry(file, file[0]) for file in ("a.txt", "json/b.json", "notes.xml"))
    write_manifest(Manifest(entries=entries), mixed)
    code, out, err = run("check", mixed, "--list")
    assert code == 1
    lines = out.splitlines()
    assert lines[:2] == ["a.txt\tantara (pattern *.txt)", "json/b.json\tnewsjson (pattern *.json)"]
    assert lines[2].startswith("notes.xml\t(none: no installed parser claims 'notes.xml'")
    assert f"problem: {mixed / 'INDEX.md'}:7: no installed parser claims" in err
    assert run("show", mixed, "a")[1].endswith("by antara (pattern *.txt)\n")


def sniff_everything(head: bytes) -> bool:
    return True


class Plain:
    """Another parser of ``*.txt`` files, without a sniff."""

    @hookimpl
    def seedcorpus_parsers(self) -> Iterator[ParserSpec]:
        yield ParserSpec(name="plain", parse=parse_news_json, patterns=("*.txt",))


class Greedy:
    """A parser of ``*.txt`` files whose sniff says yes to anything."""

    @hookimpl
    def seedcorpus_parsers(self) -> Iterator[ParserSpec]:
        yield ParserSpec(
            name="greedy", parse=parse_news_json, patterns=("*.txt",), sniff=sniff_everything
        )


def test_parser_names_lists_every_parser_a_tie_may_choose(mixed: Path) -> None:
    # Two parsers claim *.txt: a build must stamp both, as sniffing may pick either.
    entries = (ManifestEntry("a.txt", "a"), ManifestEntry("json/b.json", "b"))
    write_manifest(Manifest(entries=entries), mixed)
    corpus = open_corpus(mixed, registry=registry_with(NewsJson(), Plain(), builtins=True))
    assert corpus.parser_names() == {"antara", "newsjson", "plain"}


def index_with(monkeypatch: pytest.MonkeyPatch, root: Path, *plugins: object) -> tuple[int, str]:
    monkeypatch.undo()  # registry_with itself calls Registry.load
    registry = registry_with(*plugins, builtins=True)
    monkeypatch.setattr(Registry, "load", classmethod(lambda cls, **options: registry))
    (root / "INDEX.md").unlink(missing_ok=True)
    result = CliRunner().invoke(cli, ["index", str(root)])
    return result.exit_code, result.stderr


def test_index_breaks_ties_by_sniffing_and_reports_what_it_cannot(
    monkeypatch: pytest.MonkeyPatch, mixed: Path
) -> None:
    (mixed / "notes.txt").write_text("Just notes\n\nnothing more\n")
    code, err = index_with(monkeypatch, mixed, Plain())
    assert code == 0, err
    rows = {e.file: e.parser for e in read_manifest(mixed).entries}
    assert (rows["a.txt"], rows["notes.txt"]) == ("antara", "plain")

    code, err = index_with(monkeypatch, mixed, Plain(), Greedy())
    assert code == 1
    problem = f"problem: {mixed / 'a.txt'}: 'a.txt' is claimed by several parsers"
    assert problem in err
    assert err.count("[ambiguous]") == 2  # a.txt and body-first.txt: antara and greedy
    rows = {e.file: e.parser for e in read_manifest(mixed).entries}
    assert rows["a.txt"] is None  # listed, for the user to name its parser
    assert rows["notes.txt"] == "greedy"  # antara and plain do not say yes


def test_build_and_index_refuse_an_unknown_parser(run, mixed: Path) -> None:  # type: ignore[no-untyped-def]
    for command in ("build", "index"):
        result = CliRunner().invoke(cli, [command, str(mixed), "--parser", "antra"])
        assert result.exit_code == 2, command
        assert "unknown parser 'antra'; choose one of: antara, newsjson" in result.stderr


def test_build_parser_reads_every_unnamed_row_with_it(run, mixed: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (mixed / "json" / "c.dat").write_text('{"title": "Data", "body": ["Isi data."]}')
    write_manifest(Manifest(entries=(ManifestEntry("json/c.dat", "c"),)), mixed)
    code, _, err = run("build", mixed, "-o", tmp_path / "db.sqlite", "-j", "1")
    assert code == 1
    assert "no installed parser claims 'json/c.dat'" in err
    code, out, err = run(
        "build", mixed, "-o", tmp_path / "db.sqlite", "--parser", "newsjson", "--full"
    )
    assert code == 0, err
    assert "1 article, 0 problems" in out
