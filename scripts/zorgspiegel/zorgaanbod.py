"""Dashboard Zorgaanbod on the command line: compare gemeenten with the national figures, and the
CSV download, both read from the contracted mart ``marts.zorgaanbod__gemeente``.

The counting rules live in the mart (see its yml); this module only selects and validates. Every
value a user gives reaches SQL as a ``?`` parameter, and is first checked against the values the
mart holds, so unknown or odd input fails with a clear message listing what is allowed.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Sequence

import duckdb
import pandas as pd

MART = "marts.zorgaanbod__gemeente"
MAX_GEMEENTEN = 5
ALLE = "(alle)"  # zorgspecialisme of the zorgsoort total in the mart
KOLOMMEN = ["peildatum", "niveau", "gemeentecode", "gemeentenaam", "zorgsoort", "zorgspecialisme",
            "aantal_vestigingen", "aantal_zorgverleners"]


class ZorgaanbodInputError(ValueError):
    """A value the user gave is not allowed; ``parameter`` names the input (e.g. 'gemeente')."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


def _column(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence = ()) -> list:
    return [row[0] for row in con.execute(sql, list(params)).fetchall()]


def _listing(values: Sequence, limit: int = 12) -> str:
    shown = ", ".join(str(v) for v in values[:limit])
    return shown + (f", ... ({len(values)} in all)" if len(values) > limit else "")


def peildata(con: duckdb.DuckDBPyConnection) -> list[dt.date]:
    """The peildata (AGB snapshot dates) in the mart, oldest first."""
    return _column(con, f"select distinct peildatum from {MART} order by peildatum")


def resolve_peildatum(con: duckdb.DuckDBPyConnection, peildatum: dt.date | str | None) -> dt.date:
    """The given peildatum if the mart has it, else the latest one when None."""
    beschikbaar = peildata(con)
    if not beschikbaar:
        raise ZorgaanbodInputError("peildatum", f"{MART} is empty: build the warehouse first (dbt build)")
    if peildatum is None:
        return beschikbaar[-1]
    if isinstance(peildatum, dt.datetime):
        peildatum = peildatum.date()
    if isinstance(peildatum, str):
        try:
            peildatum = dt.date.fromisoformat(peildatum.strip())
        except ValueError:
            raise ZorgaanbodInputError(
                "peildatum", f"{peildatum!r} is not a date (YYYY-MM-DD); allowed: {_listing(beschikbaar)}") from None
    if peildatum not in beschikbaar:
        raise ZorgaanbodInputError(
            "peildatum", f"no AGB snapshot on {peildatum}; allowed peildata: {_listing(beschikbaar)}")
    return peildatum


def _check_zorgsoort(con: duckdb.DuckDBPyConnection, zorgsoort: str) -> str:
    zorgsoorten = _column(con, f"select distinct zorgsoort from {MART} order by zorgsoort")
    if zorgsoort not in zorgsoorten:
        raise ZorgaanbodInputError(
            "zorgsoort", f"unknown zorgsoort {zorgsoort!r}; allowed: {', '.join(zorgsoorten)}")
    return zorgsoort


def _check_specialisme(con: duckdb.DuckDBPyConnection, zorgsoort: str, specialisme: str | None) -> str:
    if specialisme is None:
        return ALLE
    specialismen = _column(
        con, f"select distinct zorgspecialisme from {MART} where zorgsoort = ? order by zorgspecialisme",
        [zorgsoort])
    if specialisme not in specialismen:
        raise ZorgaanbodInputError(
            "specialisme",
            f"unknown zorgspecialisme {specialisme!r} for zorgsoort {zorgsoort!r}; allowed: "
            f"{', '.join(specialismen)} ({ALLE} = the zorgsoort total, the default)")
    return specialisme


def _check_gemeenten(con: duckdb.DuckDBPyConnection, gemeenten: Sequence[str]) -> list[str]:
    codes = list(dict.fromkeys(g.strip().upper() for g in gemeenten))  # as given, duplicates once
    if len(codes) > MAX_GEMEENTEN:
        raise ZorgaanbodInputError(
            "gemeente", f"at most {MAX_GEMEENTEN} gemeenten can be compared, got {len(codes)}: {', '.join(codes)}")
    bekend = dict(con.execute(
        f"select distinct gemeentecode, gemeentenaam from {MART} where niveau = 'gemeente' order by gemeentecode"
    ).fetchall())
    onbekend = [c for c in codes if c not in bekend]
    if onbekend:
        voorbeelden = [f"{code} {naam}" for code, naam in list(bekend.items())[:5]]
        raise ZorgaanbodInputError(
            "gemeente",
            f"unknown gemeentecode {', '.join(repr(c) for c in onbekend)}; allowed: the {len(bekend)} CBS "
            f"gemeentecodes in the mart, 'GM' + 4 digits (e.g. {', '.join(voorbeelden)})")
    return codes


def compare(con: duckdb.DuckDBPyConnection, peildatum: dt.date | str | None, zorgsoort: str,
            specialisme: str | None, gemeenten: Sequence[str]) -> pd.DataFrame:
    """Up to five gemeenten next to the national figures for one zorgsoort (and zorgspecialisme;
    None = the zorgsoort total '(alle)') on a peildatum (None = the latest).

    Returns one row per gemeente, in the order given, followed by the national row
    (niveau 'nederland'), with the mart's columns. Raises ZorgaanbodInputError for more than five
    gemeenten, an unknown gemeentecode, zorgsoort, zorgspecialisme or peildatum."""
    codes = _check_gemeenten(con, gemeenten)
    zorgsoort = _check_zorgsoort(con, zorgsoort)
    specialisme = _check_specialisme(con, zorgsoort, specialisme)
    peildatum = resolve_peildatum(con, peildatum)
    df = con.execute(
        f"""
        select {', '.join(KOLOMMEN)}
        from {MART}
        where peildatum = ? and zorgsoort = ? and zorgspecialisme = ?
          and (niveau = 'nederland' or list_contains(?, gemeentecode))
        """,
        [peildatum, zorgsoort, specialisme, codes],
    ).df()
    volgorde = {code: i for i, code in enumerate(codes)}
    df["_volgorde"] = [volgorde.get(code, len(codes)) if niveau == "gemeente" else len(codes)
                       for code, niveau in zip(df.gemeentecode, df.niveau)]
    df = df.sort_values("_volgorde", kind="stable").drop(columns="_volgorde").reset_index(drop=True)
    df["peildatum"] = pd.to_datetime(df["peildatum"]).dt.date
    return df


def export_csv(con: duckdb.DuckDBPyConnection, path: Path | str, peildatum: dt.date | str | None) -> int:
    """Write the CSV download for a peildatum (None = the latest): every gemeente and the national
    level, every zorgsoort and zorgspecialisme (incl. the '(alle)' totals), the mart's columns.
    UTF-8, ';' separator, header row, ISO dates, empty field = null (gemeentecode of the national
    rows), as the delivery spec's CSV. Returns the number of data rows."""
    peildatum = resolve_peildatum(con, peildatum)
    df = con.execute(
        f"""
        select {', '.join(KOLOMMEN)}
        from {MART}
        where peildatum = ?
        order by niveau desc, gemeentecode, zorgsoort, zorgspecialisme
        """,
        [peildatum],
    ).df()
    df["peildatum"] = pd.to_datetime(df["peildatum"]).dt.strftime("%Y-%m-%d")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, sep=";", index=False, encoding="utf-8", lineterminator="\n")
    return len(df)
