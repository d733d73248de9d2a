"""Where the project's files live, so every command finds the seeds from any working directory."""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(os.environ.get("ZORGSPIEGEL_HOME", Path(__file__).resolve().parents[2]))
SEEDS_DIR = REPO_ROOT / "seeds"
DEFAULT_REFERENCE_DIR = Path(
    os.environ.get("ZORGSPIEGEL_REFERENCE_DIR", REPO_ROOT.parent / "shared" / "reference")
)


def default_db() -> Path:
    """The warehouse DuckDB file: $ZORGSPIEGEL_DUCKDB or build/zorgspiegel.duckdb."""
    return Path(os.environ.get("ZORGSPIEGEL_DUCKDB", REPO_ROOT / "build" / "zorgspiegel.duckdb"))
