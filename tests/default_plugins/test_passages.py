"""Hand-written passages: every failure class of real text, each several times.

``tests/data/passages/passages.jsonl`` holds short news passages written for these tests
(see the README there), each with the expected direct-quote speakers, in order, and the
map of the acronyms it defines. Both enrichers must get every passage exactly right.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from seedcorpus.apps.evaluate import main, passage_article, passage_results, score_passages

PASSAGES = Path(__file__).parent.parent / "data" / "passages" / "passages.jsonl"
ROWS: list[dict[str, Any]] = [
    json.loads(line) for line in PASSAGES.read_text("utf-8").splitlines() if line
]
# The failure classes of the issue that the passages must each cover several times.
CLASSES = {
    "weekday", "role", "comma", "cue", "short-name", "title", "institution",
    "acronym-comma", "acronym-cross", "acronym-syllabic",
}  # fmt: skip


def test_there_are_enough_passages_of_every_class() -> None:
    counts = Counter(name for row in ROWS for name in row["classes"])

    assert len(ROWS) >= 60
    assert set(counts) == CLASSES
    assert min(counts.values()) >= 3, counts
    assert len({row["id"] for row in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_passage(row: dict[str, Any]) -> None:
    speakers, defined = passage_results(passage_article(row))

    assert speakers == row["speakers"]
    assert defined == row["acronyms"]


def test_score_is_perfect_in_every_class() -> None:
    scores = score_passages(PASSAGES)

    assert [s.name for s in scores][-1] == "all"
    assert {s.name for s in scores} == CLASSES | {"all"}
    for score in scores:
        assert score.speakers == score.acronyms == score.total, score.misses


def test_score_counts_a_wrong_passage(tmp_path: Path) -> None:
    row = {**ROWS[0], "speakers": ["Someone Else"], "acronyms": {}}
    path = tmp_path / "passages.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")

    scores = {s.name: s for s in score_passages(path)}

    assert (scores["all"].total, scores["all"].speakers) == (1, 0)
    assert any("Someone Else" in line for line in scores["all"].misses)


def test_evaluate_command_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--passages", str(PASSAGES)]) == 0

    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["class", "passages", "speakers", "acronyms"]
    assert "weekday" in out
    assert out.splitlines()[-1].split()[0] == "all"
