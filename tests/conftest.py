"""Shared fixtures: a fresh copy of the seed corpus, a registry of built-ins only, and a
spy on the files opened."""

from __future__ import annotations

import builtins
import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from seedcorpus.registry import Registry

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
SEED_ID = "000_b88b87f86327f4ee"
DATA = Path(__file__).parent / "data"

# A shared or loaded machine can make drawing examples slow: that says nothing about the
# code under test, so the too_slow health check is off (no deadline, for the same reason).
_LOADED = [HealthCheck.too_slow]
settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=_LOADED)
settings.register_profile("dev", max_examples=50, deadline=None, suppress_health_check=_LOADED)
settings.register_profile(
    "fuzz", max_examples=100_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def registry() -> Registry:
    """The built-in plugins only: installed third-party plugins don't change test results."""
    return Registry.load(entry_points=False, disabled=())


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A private copy of the seed corpus that a test may change."""
    return Path(shutil.copytree(SEEDS, tmp_path / "seeds"))


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file (not folder) opened through ``open`` or ``os.open`` from now on, as
    its real path: read from ``/proc/self/fd``, so opens relative to a folder count."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc/self/fd")
    paths: list[Path] = []
    real_open, real_os_open = io.open, os.open

    def record(descriptor: int) -> None:
        path = Path(os.readlink(f"/proc/self/fd/{descriptor}"))
        if not path.is_dir():
            paths.append(path)

    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened_file = real_open(file, *args, **kwargs)
        if not isinstance(file, int):  # a descriptor was recorded when os.open made it
            record(opened_file.fileno())
        return opened_file

    def os_spy(path: Any, *args: Any, **kwargs: Any) -> int:
        descriptor = real_os_open(path, *args, **kwargs)
        record(descriptor)
        return descriptor

    monkeypatch.setattr(io, "open", spy)
    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(os, "open", os_spy)
    return paths
