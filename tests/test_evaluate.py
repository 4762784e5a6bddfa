"""The accuracy harness, and 100% on the seed and the shared samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA, SEEDS
from seedcorpus.apps.evaluate import FIELDS, evaluate, main, text_carries
from seedcorpus.registry import Registry

RENDERINGS = DATA / "renderings"
# The columns of the shared samples' gold; the renderings' gold has every field.
SAMPLE_FIELDS = {
    "title", "language", "tags", "caption", "dateline_city", "published", "reporter",
    "editor", "original_title", "copyright_year", "paragraph_count",
}  # fmt: skip


@pytest.mark.parametrize(
    ("folder", "gold", "fields"),
    [
        (SEEDS, DATA / "seeds-gold.jsonl", SAMPLE_FIELDS),
        (DATA / "samples", DATA / "samples" / "gold.jsonl", SAMPLE_FIELDS),
        (RENDERINGS, RENDERINGS / "gold.jsonl", set(FIELDS)),
    ],
)
def test_every_field_matches_gold(
    folder: Path, gold: Path, fields: set[str], registry: Registry
) -> None:
    scores = evaluate(folder, gold, registry=registry)
    assert {s.field for s in scores} >= {"title", "caption", "published", "paragraph_count"}
    assert [line for s in scores for line in s.misses] == []
    assert all(s.total >= 1 for s in scores if s.field in fields)


def test_every_rendering_class_has_fixtures() -> None:
    classes = {path.parent.name for path in RENDERINGS.glob("*/*.txt")}
    assert classes >= {
        "amp", "body_first", "caption", "dateline", "footer", "related", "signoff",
        "single_newline", "tags", "trailer",
    }  # fmt: skip
    rows = [
        json.loads(line)
        for line in (RENDERINGS / "gold.jsonl").read_text("utf-8").split("\n")
        if line
    ]
    assert sorted(row["file"] for row in rows) == sorted(
        path.relative_to(RENDERINGS).as_posix() for path in RENDERINGS.glob("*/*.txt")
    )


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
        ("2015-03-12", "(U.A057/B/M019/M019) 12-03-2015 14:22:11", True),
        ("2015-03-12", "2015-03-12 14:22", True),
        ("2015-03-12", "112-03-2015", False),
        ("2016-02-23", "di Jakarta, Selasa.", False),
        (None, "1/7", False),
    ],
)
def test_text_carries(day: str | None, text: str, carried: bool) -> None:
    assert text_carries(day, text) is carried
