"""The corpus report: its numbers, the self-contained HTML page, and the command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from conftest import SEEDS
from seedcorpus import open_corpus
from seedcorpus.apps import report
from seedcorpus.cli import cli
from seedcorpus.models import Article, Byline, Problem
from seedcorpus.registry import Registry


@pytest.fixture(scope="module")
def seed() -> Article:
    registry = Registry.load(entry_points=False, disabled=())
    return next(iter(open_corpus(SEEDS, registry=registry).enrich("dates,quotes,acronyms")))


def test_the_numbers_count_what_the_articles_carry(seed: Article) -> None:
    copy = attrs.evolve(
        seed, id="copy", byline=Byline(reporters=("Ani", "Budi"), editors=("Budi",))
    )
    problems = [Problem("no-title", "x"), Problem("no-title", "y"), Problem("bad-date", "z")]
    numbers = report.collect("test", [seed, copy], problems, near=False)
    assert numbers.articles == 2
    assert numbers.months == (("2024-07", 2),)
    assert dict(numbers.ranked["tags"])["Kementerian PANRB"] == 2
    assert dict(numbers.ranked["editors"]) == {"Herry Soebanto": 1, "Budi": 1}
    assert dict(numbers.ranked["reporters"]) == {"Ani": 1, "Budi": 1}
    # Articles quoting a speaker, not quotes: the seed quotes Anas five times.
    assert dict(numbers.ranked["speakers"]) == {"Abdullah Azwar Anas": 2}
    assert dict(numbers.ranked["acronyms"])["PBB"] == 2
    assert numbers.ranked["problems"] == (("no-title", 2), ("bad-date", 1))
    data = numbers.to_json()
    assert data["duplicates"]["clusters"] == 1
    assert data["duplicates"]["largest"] == [{"kind": "exact", "ids": [seed.id, "copy"]}]


def test_the_page_is_self_contained_with_a_table_beside_each_chart(seed: Article) -> None:
    pytest.importorskip("matplotlib")
    page = report.render_html(report.collect("seeds <1>", [seed], [], near=False))
    assert "seeds &lt;1&gt;" in page
    sections = re.findall(r"<section>.*?</section>", page, re.DOTALL)
    assert len(sections) == 10
    charts = [s for s in sections if "<svg" in s]
    assert len(charts) == 7  # reporters and problems are empty; duplicates has no chart
    assert all("<table>" in s for s in charts)
    assert not re.search(r"<script|<link|src=|@import|url\((?!#)", page)
    ids = re.findall(r'id="([^"]+)"', page)
    assert len(ids) == len(set(ids))  # the inline SVGs share one id namespace


def test_without_matplotlib_the_page_has_the_tables(
    seed: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report, "charts_available", lambda: False)
    page = report.render_html(report.collect("seeds", [seed], [], near=False))
    assert "<svg" not in page
    assert "pip install 'seedcorpus[report]'" in page
    assert "<td>Kementerian PANRB</td>" in page


def test_the_command_writes_the_page_or_prints_json(seeds: Path, tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", str(seeds), "-o", str(output)])
    assert result.exit_code == 0, result.output
    charts = 7 if report.charts_available() else 0
    assert output.read_text(encoding="utf-8").count("<svg") == charts
    result = CliRunner().invoke(cli, ["report", str(seeds), "--json", "--exact-only"])
    data = json.loads(result.output)
    assert data["articles"] == 1
    assert data["speakers"] == {"Abdullah Azwar Anas": 1}
    result = CliRunner().invoke(cli, ["report", str(seeds)])
    assert result.exit_code == 2
    assert "--output" in result.output
