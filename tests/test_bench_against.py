"""The "against 0.1.0" table: paired runs, old then new, and the median of their ratios.

A stand-in for the benchmark driver answers instantly, so the pairing and the table are
checked without installing the previous release (``nox -s bench`` does that).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from against import Against  # noqa: E402

OLD_PYTHON = "/old/bin/python"
# Seconds per 100 articles for each (version, case), one value per pair.
SECONDS = {
    ("old", "cli"): [4.0, 4.0, 8.0],
    ("new", "cli"): [2.0, 1.0, 4.0],  # ratios 2, 4, 2: median 2
    ("old", "jsonl"): [1.0, 1.0, 1.0],
    ("new", "jsonl"): [1.0, 0.5, 2.0],  # ratios 1, 2, 0.5: median 1
    ("old", "parse"): [1.0, 1.0, 1.0],
    ("new", "parse"): [0.5, 0.5, 0.5],
}


class FakeBench:
    """What Against uses of bench.Bench."""

    n = 2_000
    root = Path("/corpus")

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, int, dict[str, Any]]] = []

    def run_child(self, case: str, k: int, *, python: str, **extra: Any) -> dict[str, Any]:
        side = "old" if python == OLD_PYTHON else "new"
        index = sum(1 for call in self.calls if call[:2] == (side, case))
        self.calls.append((side, case, k, extra))
        seconds = SECONDS[side, case][index] * k / 100
        run = {"seconds": seconds, "articles": k}
        if case == "cli":
            run |= {"db_bytes": 600 if side == "old" else 200, "text_bytes": 100}
        return {"runs": [run], "rss_mib": 90.0 if side == "old" else 50.0}

    @staticmethod
    def verdict(met: bool, detail: str) -> str:
        return "met" if met else "MISSED"

    def judge(self, value: float, limit: float, target: str, at: int = 0) -> tuple[str, str]:
        return target, self.verdict(value <= limit, "")


def subset(root: Path, k: int) -> Path:
    return root.with_name(f"{root.name}.first-{k}")


def test_each_workload_runs_old_then_new_in_pairs() -> None:
    bench = FakeBench()
    Against(bench, OLD_PYTHON, "0.1.0", subset).run(build_k=400, parse_k=1000, pairs=3)
    order = [(side, case) for side, case, _, _ in bench.calls]
    cases = ("cli", "jsonl", "parse")
    assert order == [(side, case) for case in cases for _ in range(3) for side in ("old", "new")]
    for _, case, k, extra in bench.calls:
        assert extra["runs"] == 1
        assert extra["warm_root"] == Path("/corpus.first-20")
        assert k == (400 if case == "cli" else 1000)
        if case == "cli":
            assert (extra["root"], extra["jobs"]) == (Path("/corpus.first-400"), 1)


def test_the_table_gives_the_median_of_the_pair_ratios() -> None:
    against = Against(FakeBench(), OLD_PYTHON, "0.1.0", subset)
    against.run(build_k=400, parse_k=1000, pairs=3)
    rows = {
        line.split("|")[1].strip(): [cell.strip() for cell in line.split("|")[2:-1]]
        for line in against.table().splitlines()
        if line.startswith("| ") and not line.startswith(("| workload", "| ---"))
    }
    build = rows["SQLite build, all enrichers (`build --jobs 1`)"]
    assert build[:2] == ["400", "3"]
    assert build[4:] == ["**2.00×**", "2.00–4.00×", "≥ 2×", "met"]
    assert rows["JSONL export"][4:] == ["**1.00×**", "0.50–2.00×", "≥ 1.6×", "MISSED"]
    assert rows["typed parse"][4] == "**2.00×**"
    assert rows["database size / corpus text"][2:4] == ["6.00×", "2.00×"]
    rss = next(cells for label, cells in rows.items() if label.startswith("streaming RSS"))
    assert rss[2:4] == ["90 MiB", "50 MiB"]


def test_a_failing_child_is_said_in_its_row() -> None:
    class Failing(FakeBench):
        def run_child(self, case: str, k: int, *, python: str, **extra: Any) -> dict[str, Any]:
            if python == OLD_PYTHON and case == "jsonl":
                raise RuntimeError("no such exporter")
            return super().run_child(case, k, python=python, **extra)

    against = Against(Failing(), OLD_PYTHON, "0.1.0", subset)
    against.run(build_k=400, parse_k=1000, pairs=3)
    assert "| JSONL export | | | | | | | | old failed: no such exporter |" in against.table()
