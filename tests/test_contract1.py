"""Exports written by seedcorpus 0.1 (JSON contract 1) read back as today's articles.

The files in ``tests/data/contract1`` were written by the 0.1 code from ``seeds/`` with
every enricher; contract 1 kept the byline as two strings (``reporter``, ``editor``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import seedcorpus
from seedcorpus.models import Byline

DATA = Path(__file__).parent / "data" / "contract1"
ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize("suffix", [".jsonl", ".sqlite", ".parquet", ".csv"])
def test_a_contract_1_export_reads_back(suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    [old] = seedcorpus.open_corpus(DATA / f"seeds{suffix}")
    [new] = seedcorpus.open_corpus(ROOT / "seeds").enrich("all")
    assert old.byline == Byline(reporters=(), editors=("Herry Soebanto",))
    assert (old.id, old.title, old.paragraphs, old.tags) == (
        new.id,
        new.title,
        new.paragraphs,
        new.tags,
    )
    assert [e.kind for e in old.enrichments] == [e.kind for e in new.enrichments]
