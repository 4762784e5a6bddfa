"""Synthetic corpora: deterministic, varied, readable by the parser exactly as intended."""

from __future__ import annotations

import hashlib
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import seedcorpus
import seedcorpus.apps.synth.writing
from seedcorpus.apps.synth import CUE_VERBS, SynthArticle, synth_article, synth_corpus, synth_path
from seedcorpus.cli import cli
from seedcorpus.manifest import read_manifest
from seedcorpus.models import Article, Problem

SAMPLE = 200


@pytest.fixture(scope="module")
def sample() -> list[SynthArticle]:
    return [synth_article(index) for index in range(SAMPLE)]


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "corpus"
    synth_corpus(out, SAMPLE, per_folder=64)
    return out


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _without_spans(article: Article) -> Article:
    return attrs.evolve(article, source=attrs.evolve(article.source, spans=()))


# --- determinism ---------------------------------------------------------------------------


def test_same_seed_writes_byte_identical_corpora(tmp_path: Path) -> None:
    synth_corpus(tmp_path / "a", 30, seed=5, per_folder=7)
    synth_corpus(tmp_path / "b", 30, seed=5, per_folder=7)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_another_seed_writes_other_articles(tmp_path: Path) -> None:
    synth_corpus(tmp_path / "a", 30, seed=5, per_folder=7)
    synth_corpus(tmp_path / "b", 30, seed=6, per_folder=7)
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert first.keys() == second.keys()
    assert all(first[name] != second[name] for name in first)


def test_parallel_workers_write_the_same_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Chunks smaller than a folder, so a worker starts in the middle of one.
    monkeypatch.setattr(seedcorpus.apps.synth.writing, "_CHUNK", 7)
    synth_corpus(tmp_path / "serial", 30, seed=2, per_folder=10)
    synth_corpus(tmp_path / "parallel", 30, seed=2, per_folder=10, jobs=2)
    assert _files(tmp_path / "serial") == _files(tmp_path / "parallel")


def test_articles_do_not_depend_on_the_process(sample: list[SynthArticle]) -> None:
    # str hashing differs between processes; nothing generated may depend on it.
    code = (
        "import hashlib\nfrom seedcorpus.apps.synth import synth_article\n"
        "print(hashlib.sha256(b''.join(synth_article(i).data for i in range(40))).hexdigest())"
    )
    here = hashlib.sha256(b"".join(article.data for article in sample[:40])).hexdigest()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == here


def test_synth_corpus_writes_what_synth_article_makes(corpus_folder: Path) -> None:
    for index in (0, 63, 64, SAMPLE - 1):
        article = synth_article(index, per_folder=64)
        assert (corpus_folder / article.path).read_bytes() == article.data


# --- layout of the folder -------------------------------------------------------------------


def test_folders_hold_at_most_per_folder_files(tmp_path: Path) -> None:
    synth_corpus(tmp_path, 25, per_folder=10)
    sizes = {
        folder.name: len(list(folder.iterdir()))
        for folder in tmp_path.iterdir()
        if folder.is_dir()
    }
    assert sizes == {"0000": 10, "0001": 10, "0002": 5}


def test_paths_are_numbered_by_folder() -> None:
    assert synth_path(0) == "0000/000000000.txt"
    assert synth_path(123_456) == "0012/000123456.txt"
    assert synth_path(25, per_folder=10) == "0002/000000025.txt"


def test_manifest_lists_every_file_with_its_checksum(tmp_path: Path) -> None:
    returned = synth_corpus(tmp_path, 25, per_folder=10)
    manifest = read_manifest(tmp_path)
    assert manifest.entries == returned.entries
    files = _files(tmp_path)
    assert sorted(entry.file for entry in manifest.entries) == sorted(
        name for name in files if name != "INDEX.md"
    )
    for index, entry in enumerate(manifest.entries):
        expected = synth_article(index, per_folder=10).expected
        assert entry.sha256 == hashlib.sha256(files[entry.file]).hexdigest()
        assert (entry.id, entry.title, entry.language) == (
            expected.id,
            expected.title,
            expected.language,
        )


def test_an_empty_corpus_has_an_empty_manifest(tmp_path: Path) -> None:
    assert synth_corpus(tmp_path, 0).entries == ()
    assert len(seedcorpus.open_corpus(tmp_path)) == 0


@pytest.mark.parametrize(("n", "per_folder", "jobs"), [(-1, 10, 1), (5, 0, 1), (5, 10, 0)])
def test_bad_sizes_are_refused(tmp_path: Path, n: int, per_folder: int, jobs: int) -> None:
    with pytest.raises(ValueError, match="must be"):
        synth_corpus(tmp_path, n, per_folder=per_folder, jobs=jobs)


# --- the parser reads what was meant --------------------------------------------------------


def test_every_article_parses_as_intended_without_problems(corpus_folder: Path) -> None:
    corpus = seedcorpus.open_corpus(corpus_folder)
    problems: list[Problem] = []
    parsed = list(corpus.articles(problems))
    assert problems == []
    assert len(parsed) == SAMPLE
    for index, article in enumerate(parsed):
        assert _without_spans(article) == synth_article(index, per_folder=64).expected


def test_seedcorpus_check_passes(corpus_folder: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(corpus_folder)])
    assert result.exit_code == 0, result.output
    assert f"{SAMPLE} articles read, 0 problems" in result.stdout


def test_acronym_definitions_are_in_the_text(sample: list[SynthArticle]) -> None:
    defined = [article for article in sample if article.acronyms]
    assert len(defined) > SAMPLE // 2
    for article in defined:
        for short, long in article.acronyms:
            assert f"{long} ({short})" in article.expected.text


# --- variety --------------------------------------------------------------------------------


def _count(sample: list[SynthArticle], pattern: str) -> int:
    compiled = re.compile(pattern, re.MULTILINE)
    return sum(1 for article in sample if compiled.search(article.text))


_WEEKDAY = "(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)"
VARIANTS = {
    **{f"cue {cue}": rf'," {cue}(?:nya)?[ .]|, {cue} dia,' for cue in CUE_VERBS},
    "cue katanya": r'," katanya\.',
    "credit ANTARA/HO-": r"\. ANTARA/HO-[\w -]+\r?$",
    "credit ANTARA FOTO/": r"\. \(?ANTARA FOTO/[\w ]+\)?\r?$",
    "credit (Antaranews/)": r"\. \(Antaranews/[\w ]+\)\r?$",
    "dateline Jakarta (ANTARA)": r"^Jakarta \(ANTARA\) [-–] ",
    "dateline with region": r"^[\w ]+, [\w ]+ \(ANTARA News\) [-–] ",
    "dateline with date": r"^[\w ]+, \d{1,2}/\d{1,2} \(Antara\) [-–] ",
    "date weekday (d/m/yyyy)": _WEEKDAY + r" \(\d+/\d+/\d{4}\)",
    "date weekday (d/m)": _WEEKDAY + r" \(\d+/\d+\)",
    "date weekday, d Month yyyy": _WEEKDAY + r", \d+ [A-Z][a-z]+ \d{4}",
    "acronym definition": r"[A-Z][a-z]+(?: [A-Za-z-]+)+ \([A-Z]{2,}\)",
    "tag line": r"\A[^\n]+\r?\n\s*\nid [^\n]+,",
    "no tag line": r"\A([^\r\n]+)\r?\n\s*\n\1\r?\n",
    "empty Pewarta": r"^Pewarta :\r?$",
    "Pewarta with name": r"^(?:Pewarta|PEWARTA) ?: ?\w+",
    "two reporters": r"^Pewarta ?: \w+ \w+ dan \w+",
    "empty Editor": r"^Editor:\r?$",
    "Editor with name": r"^Editor: \w+",
    "no Editor": r"\A(?![\s\S]*^Editor:)",
    "copyright": r"^COPYRIGHT © ANTARA \d{4}\r?\n?\Z",
    "no copyright": r"\A(?![\s\S]*COPYRIGHT)",
    "syndication": r"^Berita ini telah tayang di Antaranews\.com dengan judul: \w",
    "no-break space": "\xa0",
    "trailing space": r"\S[ \t\xa0]+\r?$",
    "whitespace-only line": r"^[ \t]+\r?$",
    "CRLF": r"\r\n",
    "LF only": r"\A[^\r]*\Z",
    "no final newline": r"\S\Z",
    "en dash": r"\) – ",
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_variant_occurs(sample: list[SynthArticle], variant: str) -> None:
    assert _count(sample, VARIANTS[variant]) > 0


def test_captions_are_present_and_absent(sample: list[SynthArticle]) -> None:
    with_caption = sum(1 for article in sample if article.expected.caption is not None)
    assert 0 < with_caption < SAMPLE


def test_paragraph_counts_span_3_to_25(sample: list[SynthArticle]) -> None:
    counts = [len(article.expected.paragraphs) for article in sample]
    assert (min(counts), max(counts)) == (3, 25)


def test_sizes_resemble_real_articles(sample: list[SynthArticle]) -> None:
    assert 3000 <= statistics.median(len(article.data) for article in sample) <= 6000


def test_cues_are_recorded_as_printed(sample: list[SynthArticle]) -> None:
    cue = re.compile(rf"\b((?:{'|'.join(CUE_VERBS)})(?:nya)?)(?=\.| dia,| [A-Z])")
    for article in sample:
        assert tuple(cue.findall(article.expected.text)) == article.cues
