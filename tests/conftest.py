"""Shared fixtures: the seed articles and the --update-golden switch; helpers to run a
script and write a small corpus."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in SEED_FILES}


def load_cases(path: Path) -> list[list[str]]:
    """Rows of a tab-separated case table (lines starting with # are comments)."""
    return [line.split("\t") for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")]


def run_script(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run one of the project's scripts (``scripts/NAME``) with this interpreter."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / name), *args], capture_output=True, text=True, check=False
    )


def write_corpus(path: Path, texts: list[str]) -> Path:
    """A corpus file as SaudiNewsNet's: one JSON object with a ``text`` per line, gzip."""
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for t in texts:
            f.write(json.dumps({"text": t}, ensure_ascii=False) + "\n")
    return path
