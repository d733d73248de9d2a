"""Compare a generated data set with the real figures it is calibrated to (Vektis Zvw 2023).

Net claim amounts (D minus C lines) of the treatment year, per insured year of persons living
in the Netherlands, by (age class, sex), care category and gemeente, next to Vektis, scaled
by the generator's yearly cost growth when another year is compared.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from .generator import params
from .paths import SEEDS_DIR


@dataclass
class Calibration:
    leeftijd_geslacht: pd.DataFrame
    zorgcategorie: pd.DataFrame
    gemeente: pd.DataFrame
    verzekerden_gemeente: pd.DataFrame

    def max_abs_deviation(self, table: str) -> float:
        return float(getattr(self, table).afwijking_pct.abs().max())


def _files(root: Path, bron: str, tabel: str, periode: str = "*") -> str:
    """All delivered files of a table (of one periode): Parquet or the spec's CSV."""
    pattern = f"{root}/{bron}/{bron}-*-{periode}-*/{tabel}"
    if list(root.glob(f"{bron}/{bron}-*-{periode}-*/{tabel}.parquet")):
        return f"read_parquet('{pattern}.parquet', union_by_name = true)"
    return f"read_csv('{pattern}.csv', delim = ';', header = true, types = {{'bedrag': 'DECIMAL(14,2)'}})"


def calibrate(root: Path, jaar: int = params.REFERENCE_YEAR, scale: float | None = None) -> Calibration:
    con = duckdb.connect()
    seeds = SEEDS_DIR
    growth = (1 + params.COST_GROWTH_PER_YEAR) ** (jaar - params.REFERENCE_YEAR)
    con.execute(f"""
        create view buurt as select * from read_csv('{seeds}/reference/cbs_buurten.csv', all_varchar = true);
        create view klasse as select * from read_csv('{seeds}/domain/leeftijdsklassen.csv');
        create view stroom as select * from read_csv('{seeds}/domain/zorgstromen.csv');
        create view vektis_lg as select * from read_csv('{seeds}/reference/vektis_zvw_leeftijd_geslacht.csv');
        create view vektis_gc as select * from read_csv('{seeds}/reference/vektis_zvw_gemeente_zorgcategorie.csv',
            types = {{'gemeentecode': 'VARCHAR'}});
        create view verz as select * from {_files(root, 'zvw_verzekerden', 'verzekerden', str(jaar))};
        create view decl as select * from {_files(root, 'zvw_declaraties', 'declaraties')};
        create table persoon as
        select v.persoon_id,
               any_value(v.geslacht) as geslacht,
               any_value(date_diff('year', v.geboortedatum, date '{jaar}-07-01')
                   - case when strftime(v.geboortedatum, '%m%d') > '0701' then 1 else 0 end) as leeftijd,
               sum(date_diff('day', greatest(v.begindatum, date '{jaar}-01-01'),
                   least(coalesce(v.einddatum, date '{jaar}-12-31'), date '{jaar}-12-31')) + 1)
                   / (date_diff('day', date '{jaar}-01-01', date '{jaar}-12-31') + 1.0) as verzekerdejaren,
               any_value(b.gemeentecode) as gemeentecode
        from verz as v inner join buurt as b on v.buurtcode = b.buurtcode
        where v.begindatum <= date '{jaar}-12-31' and coalesce(v.einddatum, date '{jaar}-12-31') >= date '{jaar}-01-01'
        group by v.persoon_id;
        create table kosten as
        select d.persoon_id, s.zorgcategorie,
               sum(case when d.debet_credit = 'C' then -d.bedrag else d.bedrag end) as kosten
        from decl as d inner join stroom as s on d.zorgstroom = s.zorgstroom
        where year(d.begindatum) = {jaar}
        group by all;
        create table pk as
        select p.*, k.leeftijdsklasse, k.vektis_leeftijdsklasse, k.volgorde
        from persoon as p inner join klasse as k on least(greatest(p.leeftijd, 0), 150)
            between k.leeftijd_van and k.leeftijd_tot
        where p.geslacht in ('M', 'V');
    """)

    def compare(sql: str, keys: list[str]) -> pd.DataFrame:
        df = con.execute(sql).df()
        df["vektis_per_verzekerdejaar"] = df["vektis_per_verzekerdejaar"] * growth
        df["afwijking_pct"] = 100 * (df["per_verzekerdejaar"] / df["vektis_per_verzekerdejaar"] - 1)
        return df.sort_values(keys).reset_index(drop=True)

    lg = compare("""
        with g as (
            select pk.volgorde, pk.vektis_leeftijdsklasse, pk.geslacht, sum(pk.verzekerdejaren) as verzekerdejaren,
                   coalesce(sum(c.kosten), 0) as kosten
            from pk left join (select persoon_id, sum(kosten) as kosten from kosten group by 1) as c using (persoon_id)
            group by all)
        select g.volgorde, g.vektis_leeftijdsklasse as leeftijdsklasse, g.geslacht, g.verzekerdejaren,
               g.kosten / g.verzekerdejaren as per_verzekerdejaar,
               v.kosten_totaal_eur / v.verzekerdejaren as vektis_per_verzekerdejaar
        from g inner join vektis_lg as v using (vektis_leeftijdsklasse, geslacht)""", ["volgorde", "geslacht"])
    cat = compare("""
        with g as (select zorgcategorie, sum(kosten) as kosten from kosten
                   where persoon_id in (select persoon_id from pk) group by 1),
             v as (select zorgcategorie, sum(kosten_eur) / sum(verzekerdejaren) as vektis_per_verzekerdejaar
                   from vektis_gc group by 1)
        select v.zorgcategorie, coalesce(g.kosten, 0) / (select sum(verzekerdejaren) from pk) as per_verzekerdejaar,
               v.vektis_per_verzekerdejaar
        from v left join g using (zorgcategorie)""", ["zorgcategorie"])
    gem = compare("""
        with g as (
            select pk.gemeentecode, sum(pk.verzekerdejaren) as verzekerdejaren, coalesce(sum(c.kosten), 0) as kosten
            from pk left join (select persoon_id, sum(kosten) as kosten from kosten group by 1) as c using (persoon_id)
            group by all),
             v as (select gemeentecode, sum(kosten_eur) / max(verzekerdejaren) as vektis_per_verzekerdejaar,
                          max(verzekerdejaren) as vektis_verzekerdejaren
                   from vektis_gc group by 1)
        select g.gemeentecode, g.verzekerdejaren, g.kosten / g.verzekerdejaren as per_verzekerdejaar,
               v.vektis_per_verzekerdejaar, v.vektis_verzekerdejaren
        from g inner join v using (gemeentecode)""", ["gemeentecode"])
    total = con.execute("select sum(verzekerdejaren) from pk").fetchone()[0]
    vektis_total = con.execute("select sum(verzekerdejaren) from vektis_lg").fetchone()[0]
    s = scale if scale is not None else total / vektis_total
    verz = gem[["gemeentecode", "verzekerdejaren", "vektis_verzekerdejaren"]].copy()
    verz["afwijking_pct"] = 100 * (verz.verzekerdejaren / (verz.vektis_verzekerdejaren * s) - 1)
    return Calibration(lg, cat, gem, verz)


def report(c: Calibration) -> str:
    q = lambda s: f"median {s.abs().median():.1f} %, p90 {s.abs().quantile(0.9):.1f} %, max {s.abs().max():.1f} %"  # noqa: E731
    lines = ["Cost per insured year by age class and sex (generated vs Vektis 2023):",
             c.leeftijd_geslacht.to_string(index=False, float_format=lambda x: f"{x:,.1f}"),
             "", "Cost per insured year by care category:",
             c.zorgcategorie.to_string(index=False, float_format=lambda x: f"{x:,.1f}"),
             "", f"Cost per insured year per gemeente, |deviation|: {q(c.gemeente.afwijking_pct)}",
             f"Insured years per gemeente vs Vektis x scale, |deviation|: {q(c.verzekerden_gemeente.afwijking_pct)}",
             f"Largest |deviation|: age/sex {c.max_abs_deviation('leeftijd_geslacht'):.1f} %, "
             f"category {c.max_abs_deviation('zorgcategorie'):.1f} %"]
    return "\n".join(lines)
