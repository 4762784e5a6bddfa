"""Shared fixtures: a fresh copy of the seed corpus and a registry of built-ins only."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from seedcorpus.registry import Registry

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
SEED_ID = "000_b88b87f86327f4ee"
DATA = Path(__file__).parent / "data"

settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile("dev", max_examples=50, deadline=None)
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
