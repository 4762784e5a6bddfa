"""The user-style script that ``nox -s typing`` checks with ``mypy --strict``: it holds
the README's example, unchanged, and it runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
SCRIPT = ROOT / "examples" / "user_script.py"


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    assert match, "README.md has no python example"
    return match.group(1)


def test_the_script_holds_the_readme_example_unchanged() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    start = script.index("# --- the README example ---\n") + len("# --- the README example ---\n")
    end = script.index("# --- end of the README example ---")
    assert script[start:end] == readme_example()


def test_the_script_runs() -> None:
    env = {**os.environ, "SEEDCORPUS_DISABLE_PLUGINS": ""}
    result = subprocess.run(
        [sys.executable, str(SCRIPT)], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "RI-Azerbaijan memperkuat kerja sama akselerasi pelayanan publik 2024-07-01\n"
    )
