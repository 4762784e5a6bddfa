"""The accuracy harness, and 100% on the seed and the shared samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA, SEEDS
from seedcorpus.evaluate import evaluate, main, text_carries
from seedcorpus.registry import Registry


@pytest.mark.parametrize(
    ("folder", "gold"),
    [(SEEDS, DATA / "seeds-gold.jsonl"), (DATA / "samples", DATA / "samples" / "gold.jsonl")],
)
def test_every_field_matches_gold(folder: Path, gold: Path, registry: Registry) -> None:
    scores = evaluate(folder, gold, registry=registry)
    assert {s.field for s in scores} >= {"title", "caption", "published", "paragraph_count"}
    assert [line for s in scores for line in s.misses] == []
    assert all(s.total >= 1 for s in scores)


def test_a_wrong_gold_value_is_a_miss_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = json.loads((DATA / "seeds-gold.jsonl").read_text(encoding="utf-8"))
    gold["editor"] = "Someone Else"
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold), encoding="utf-8")
    assert main([str(SEEDS), "--gold", str(path)]) == 1
    out = capsys.readouterr().out
    assert "editor                 0     1     0.0%" in out
    assert "expected 'Someone Else', got 'Herry Soebanto'" in out


@pytest.mark.parametrize(
    ("day", "text", "carried"),
    [
        ("2024-07-01", "Senin (1/7/2024)", True),
        ("2024-07-01", "pada 1 Juli 2024", True),
        ("2024-07-01", "pada 11/7", False),
        ("2016-02-23", "di Jakarta, Selasa.", False),
        (None, "1/7", False),
    ],
)
def test_text_carries(day: str | None, text: str, carried: bool) -> None:
    assert text_carries(day, text) is carried
