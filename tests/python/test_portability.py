"""The models run unchanged on DuckDB and Spark: a fast guard (no Spark needed) against the slips
the Spark parity test (make spark-test) would find much later.

- seed column types are names both engines know (DuckDB's varchar is not a Spark type);
- models, singular tests and the yml test arguments use no DuckDB-only SQL: engine-specific SQL
  belongs in a macro with per-adapter implementations (adapter.dispatch), see macros/.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from zorgspiegel.paths import REPO_ROOT

PORTABLE_TYPE = re.compile(r"^(string|integer|int|bigint|smallint|double|float|boolean|date|timestamp"
                           r"|decimal\(\d+, ?\d+\))$", re.IGNORECASE)

# DuckDB functions and syntax that Spark does not have (or spells differently), with the portable way.
DUCKDB_ONLY = {
    r"\bstrftime\s*\(": "year_month() / make_date() or a dispatched macro",
    r"\bstarts_with\s*\(": "substr(x, 1, length(p)) = p",
    r"\bregexp_(full_match|matches)\s*\(": "a dispatched macro",
    r"\btypeof\s*\(": "nothing portable: rely on the column types",
    r"\bstring_agg\s*\(": "dbt.listagg()",
    r"\blist_\w+\s*\(": "a dispatched macro",
    r"\bstruct_pack\s*\(": "a dispatched macro",
    r"\bdate_diff\s*\(": "dbt.datediff()",
    r"\bdate_trunc\s*\(": "dbt.date_trunc()",
    r"\bepoch\s*\(": "a dispatched macro",
    r"::\s*[a-z]": "cast(x as type)",
    r"\bilike\b": "lower(x) like ...",
    r"\bqualify\b": "a window in a subquery",
    r"\bvarchar\b": "dbt.type_string()",
}


def _seed_ymls() -> list[Path]:
    return sorted((REPO_ROOT / "seeds").rglob("*.yml"))


def test_seed_column_types_are_portable():
    bad = []
    for path in _seed_ymls():
        for seed in (yaml.safe_load(path.read_text()) or {}).get("seeds", []):
            for column, type_ in ((seed.get("config") or {}).get("column_types") or {}).items():
                if not PORTABLE_TYPE.match(str(type_)):
                    bad.append(f"{path.relative_to(REPO_ROOT)}: {seed['name']}.{column}: {type_}")
    assert _seed_ymls() and not bad, "use string, integer, bigint, double, boolean, date or decimal(p,s):\n" + \
        "\n".join(bad)


def _sql_sources() -> list[Path]:
    files = [*(REPO_ROOT / "models").rglob("*.sql"), *(REPO_ROOT / "tests").glob("*.sql"),
             *(REPO_ROOT / "analyses").rglob("*.sql"), *(REPO_ROOT / "models").rglob("*.yml"), *_seed_ymls()]
    return sorted(files)


def _code(path: Path) -> str:
    """The SQL of a file without comments (jinja {# #}, -- and yml description text)."""
    text = path.read_text()
    text = re.sub(r"\{#.*?#\}", "", text, flags=re.DOTALL)
    if path.suffix == ".yml":
        # only the values that end up in SQL: test arguments and column names, not descriptions
        keep = []
        for line in text.splitlines():
            stripped = line.strip()
            if re.match(r"^(-\s*)?(expression|column_name|to_where|where|sql|rows)\s*:", stripped):
                keep.append(stripped)
        return "\n".join(keep)
    return "\n".join(line.split("--")[0] for line in text.splitlines())


@pytest.mark.parametrize("pattern", DUCKDB_ONLY, ids=lambda p: re.sub(r"\W+", "", p) or p)
def test_no_duckdb_only_sql_in_models_and_tests(pattern):
    hits = [f"{path.relative_to(REPO_ROOT)}: {line.strip()}" for path in _sql_sources()
            for line in _code(path).splitlines() if re.search(pattern, line, re.IGNORECASE)]
    assert _sql_sources() and not hits, f"use {DUCKDB_ONLY[pattern]} instead:\n" + "\n".join(hits)
