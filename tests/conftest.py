"""Shared fixtures: the seed article and the benchmark data (skipped cleanly when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_85b7ea4a11748d8f.txt"
BENCHMARKS = Path(os.environ.get("PERSPECTIVES_BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    with open(SEED, encoding="utf-8", newline="") as fh:
        return fh.read()


@pytest.fixture(scope="session")
def benchmarks_dir() -> Path:
    if not BENCHMARKS.is_dir():
        pytest.skip(f"benchmark data not found at {BENCHMARKS}")
    return BENCHMARKS
