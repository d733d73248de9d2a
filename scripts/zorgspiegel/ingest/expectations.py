"""Great Expectations 1.x suites per source table, built from rules.py, and their validation.

One file data context (default `build/gx`) holds the suites, the validation results and the
Data Docs site, so data stewards can browse every validation. Data frames are validated through
the pandas data source (validating through SQLAlchemy + duckdb_engine fails in GE 1.24).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .rules import Rule, rules_for

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

INDEX_COLUMNS = ["aanlevering_id", "rijnummer"]  # name a failing row in GE's unexpected_index_list


def frame_columns(bron: str, tabel: str) -> list[str]:
    """The columns a frame for GE needs: the row's name plus every column a rule reads. The others
    (text the rules never look at) stay out of the frame, which saves memory and conversion."""
    read = [c for r in rules_for(bron, tabel) for c in r.reads]
    return list(dict.fromkeys(INDEX_COLUMNS + read))


@dataclass(frozen=True)
class Failure:
    aanlevering_id: str
    rijnummer: int
    regel: str
    kolom: str
    waarde: str | None


@dataclass
class ValidationOutcome:
    failures: list[Failure]
    failed_rules: dict[str, int]  # rule id -> unexpected count
    success: bool


def _expectation(gx, rule: Rule):
    e, meta = gx.expectations, {"regel": rule.regel, "uitleg": rule.message}
    kind, col, a = rule.kind, rule.column, rule.args
    if kind == "not_null":
        return e.ExpectColumnValuesToNotBeNull(column=col, meta=meta)
    if kind == "is_null":
        return e.ExpectColumnValuesToBeNull(column=col, meta=meta)
    if kind == "regex":
        return e.ExpectColumnValuesToMatchRegex(column=col, regex=a["regex"], meta=meta)
    if kind == "in_set":
        return e.ExpectColumnValuesToBeInSet(column=col, value_set=a["values"], meta=meta)
    if kind == "is_false":
        return e.ExpectColumnValuesToBeInSet(column=col, value_set=[False], meta=meta)
    if kind == "min":
        return e.ExpectColumnValuesToBeBetween(column=col, min_value=a["min"], meta=meta)
    if kind == "pair_ge":  # column_a >= column (e.g. aangemaakt_op >= begindatum)
        return e.ExpectColumnPairValuesAToBeGreaterThanB(column_A=a["column_a"], column_B=col, or_equal=True,
                                                         ignore_row_if="either_value_is_missing", meta=meta)
    if kind == "pair_eq":
        return e.ExpectColumnPairValuesToBeEqual(column_A=col, column_B=a["column_b"],
                                                 ignore_row_if="either_value_is_missing", meta=meta)
    raise ValueError(f"unknown rule kind {kind!r}")


class Validator:
    """Validates data frames of one source table and keeps GE's results and Data Docs."""

    def __init__(self, gx_dir: Path):
        import great_expectations as gx  # slow import (~5 s): only when validating
        from great_expectations.execution_engine import pandas_execution_engine

        # GE fingerprints every frame under 1 GB (an MD5 over a hash of every value) only to label
        # the batch in the stored result; at a million rows that is ~1.5 s per frame and checks
        # nothing, so it is switched off. The validation itself is untouched.
        pandas_execution_engine.HASH_THRESHOLD = 0
        self.gx = gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self.context = gx.get_context(mode="file", project_root_dir=str(gx_dir))
        # One progress bar per validation would flood the ingest's summary.
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        self.context.variables.save()
        self.source = self.context.data_sources.add_or_update_pandas("aanleveringen")
        self._checkpoints: dict[str, object] = {}

    def _checkpoint(self, bron: str, tabel: str):
        from great_expectations.checkpoint import UpdateDataDocsAction

        name = f"{bron}__{tabel}"
        if name in self._checkpoints:
            return self._checkpoints[name]
        gx, ctx = self.gx, self.context
        try:
            asset = self.source.get_asset(name)
        except LookupError:
            asset = self.source.add_dataframe_asset(name)
        try:
            batch = asset.get_batch_definition("geheel")
        except (KeyError, LookupError, ValueError):
            batch = asset.add_batch_definition_whole_dataframe("geheel")
        suite = ctx.suites.add_or_update(gx.ExpectationSuite(
            name=name, expectations=[_expectation(gx, r) for r in rules_for(bron, tabel)]))
        vd = ctx.validation_definitions.add_or_update(gx.ValidationDefinition(name=name, data=batch, suite=suite))
        cp = ctx.checkpoints.add_or_update(gx.Checkpoint(
            name=name, validation_definitions=[vd], actions=[UpdateDataDocsAction(name="data_docs")],
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": INDEX_COLUMNS}))
        self._checkpoints[name] = cp
        return cp

    def validate(self, bron: str, tabel: str, frame: pd.DataFrame) -> ValidationOutcome:
        result = self._checkpoint(bron, tabel).run(batch_parameters={"dataframe": frame})
        failures, failed = [], {}
        for run in result.run_results.values():
            for r in run.results:
                if r.success:
                    continue
                cfg = r.expectation_config
                regel = cfg.meta["regel"]
                failed[regel] = failed.get(regel, 0) + int(r.result.get("unexpected_count") or 0)
                column = cfg.kwargs.get("column") or cfg.kwargs.get("column_B")
                for item in r.result.get("unexpected_index_list") or []:
                    value = item.get(column, item.get(cfg.kwargs.get("column_A")))
                    failures.append(Failure(str(item["aanlevering_id"]), int(item["rijnummer"]), regel,
                                            column, None if pd.isna(value) else str(value)))
        return ValidationOutcome(failures, failed, result.success)

    def docs_index(self) -> Path:
        return Path(self.context.root_directory) / "uncommitted" / "data_docs" / "local_site" / "index.html"
