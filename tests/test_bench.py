"""The benchmark runs end to end: ``benchmarks/bench.py --quick`` prints a full table.

Timings are not checked: they depend on the machine. The quick run generates a 2,000
article corpus and measures each case on at most 200 of them, in about 30 seconds.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
ROWS = (
    "floor: read every file's bytes",
    "typed parse, 1 core",
    "parse + all enrichers",
    "build SQLite + FTS5 (API, 1 core)",
    "seedcorpus build --jobs 1",
    "seedcorpus build --jobs 2",
    "JSONL export",
    "corpus[id] (median latency)",
    "open_corpus (read INDEX.md)",
    "streaming iteration (parse)",
    "holding every article in a list",
    "NLTK PlaintextCorpusReader.paras()",
    "HF load_dataset, cold",
    "HF load_dataset, cached",
)
# Rows that must have measured something whatever is installed: seedcorpus's own cases.
MEASURED = ROWS[:4] + ROWS[6:11]


def test_quick_benchmark_prints_every_row(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--quick", "--cache", tmp_path],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "## 2,000 articles" in result.stdout
    main, _, select = result.stdout.partition("### Selection and duplicates")
    rows = {
        line.split("|")[1].strip(): line
        for line in main.splitlines()
        if line.startswith("| ") and not line.startswith(("| case", "| ---"))
    }
    assert list(rows) == list(ROWS)
    for label in MEASURED:
        cells = [cell.strip() for cell in rows[label].split("|")[1:-1]]
        # articles, runs and peak RSS are filled in for a case that ran.
        assert cells[1], f"{label}: {rows[label]}"
        assert cells[2] == "1", f"{label}: {rows[label]}"
        assert cells[6].endswith("MiB"), f"{label}: {rows[label]}"
    # The selection section: fast counts of exports, and duplicates found as documented.
    assert "| len() of a SQLite export | 2,000 |" in select
    if importlib.util.find_spec("pyarrow") is not None:
        assert "| len() of a Parquet export | 2,000 |" in select
    assert "precision 1.000" in select
