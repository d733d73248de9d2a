"""Build the reference seeds (``seeds/reference/*.csv``) from the public CBS files.

The input folder holds the cleaned CBS copies described in its ``SOURCES.md``. This
module turns them into the dbt seeds the warehouse joins on: gemeenten, wijken,
buurten, a long gemeente -> regio table and a SES-WOA class per wijk.

Some classifications have no public source in the input folder. Those rows are
built synthetically, deterministically, and carry ``is_synthetisch = true`` plus a
``bron`` text that says how they were made, so nobody mistakes them for real data.

Everything is deterministic: sorted rows, a fixed column order, ``\\n`` line
endings and no random state, so that a rebuild gives byte-identical files and
``git diff`` shows only real changes.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from pathlib import Path
from statistics import NormalDist

import numpy as np
import pandas as pd

# --- Input files (names as listed in SOURCES.md) --------------------------------
GEMEENTEN_2025 = "cbs_gemeenten_2025.csv"
GEMEENTEN_PROVINCIE_2024 = "cbs_gemeenten_2024_provincie.csv"
KERNCIJFERS_2023 = "cbs_kerncijfers_gemeenten_2023.csv"
KERNCIJFERS_2024 = "cbs_kerncijfers_gemeenten_2024.csv"
GGD_REGIO_2023 = "cbs_gemeente_ggdregio_2023.csv"
WIJKEN_2025 = "cbs_wijken_2025.csv"
BUURTEN_2025 = "cbs_buurten_2025.csv"
PC4_GEMEENTE_2023 = "cbs_pc4_gemeente_2023.csv"
SES_WOA_2019_AMSTERDAM = "cbs_ses_woa_2019_amsterdam.csv"

SEED_SUBDIR = "reference"

# CBS province codes (PV20..PV31) in CBS order; keyed on the names the 85755NED
# export uses, so an unexpected spelling fails instead of silently mis-coding.
PROVINCIE_CODES = {
    "Groningen": "PV20",
    "Fryslân": "PV21",
    "Drenthe": "PV22",
    "Overijssel": "PV23",
    "Flevoland": "PV24",
    "Gelderland": "PV25",
    "Utrecht": "PV26",
    "Noord-Holland": "PV27",
    "Zuid-Holland": "PV28",
    "Zeeland": "PV29",
    "Noord-Brabant": "PV30",
    "Limburg": "PV31",
}

REGIO_INDELINGEN = ("provincie", "ggd_regio", "arbeidsmarktregio", "hechte_huisartsenzorg")

# Synthetic arbeidsmarktregio: 25 GGD regions + the 10 most populous split in two = 35,
# the real number of arbeidsmarktregio's.
AMR_AANTAL = 35

# Synthetic hechte huisartsenzorg: about one region per 300,000 inhabitants
# (1-3 per GGD region), never a region below 150,000.
HH_INWONERS_PER_REGIO = 300_000
HH_MIN_INWONERS = 150_000
HH_MAX_DELEN = 3

# Synthetic SES-WOA: weight of the gemeente profile against the per-wijk noise.
# 0.6**2 + 0.8**2 = 1, so the combined z-score keeps unit variance.
SES_GEWICHT_GEMEENTE = 0.6
SES_GEWICHT_WIJK = 0.8

BRON_PROVINCIE = (
    "Bron: CBS, Gebieden in Nederland 2024 (85755NED), CC BY 4.0; "
    "code PVxx toegekend op provincienaam"
)
BRON_GGD = (
    "Bron: CBS, Gebieden in Nederland 2023 (85385NED), CC BY 4.0; "
    "indeling 2023, gemeentecodes ongewijzigd t/m 2025"
)
BRON_AMR_SYNTHETISCH = (
    "SYNTHETISCH, geen echte arbeidsmarktregio-indeling: 25 GGD-regio's 2023 (Bron: CBS), "
    "waarvan de 10 met de meeste inwoners (2024) in twee aaneengesloten delen zijn gesplitst; "
    "gemeenten geordend op hun mediane postcode (PC4, Bron: CBS) als benadering van de ligging"
)
BRON_HH_SYNTHETISCH = (
    "SYNTHETISCH, geen openbare indeling beschikbaar: elke GGD-regio 2023 (Bron: CBS) "
    f"in 1-{HH_MAX_DELEN} aaneengesloten delen gesplitst, ca. 1 deel per "
    f"{HH_INWONERS_PER_REGIO:_} inwoners (2024) en minimaal {HH_MIN_INWONERS:_} per deel; "
    "gemeenten geordend op hun mediane postcode (PC4, Bron: CBS) als benadering van de ligging; "
    "elke regio ligt binnen één provincie"
).replace("_", ".")


# --- Reading -----------------------------------------------------------------------


def read_text_csv(path: Path) -> pd.DataFrame:
    """Read a CSV with every column as text, so codes keep their leading zeros.

    Only empty cells become missing: CBS names such as "NA" must stay text.
    """
    if not path.is_file():
        raise FileNotFoundError(f"Reference file not found: {path}")
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])


def check_gemeente_lists(lists: dict[str, pd.Series]) -> None:
    """Raise ValueError unless every file lists the same, unique gemeentecodes.

    All seeds are keyed on the 2025 list; a file that drifted (a merger, a dropped
    row) would silently lose or invent gemeenten in joins, so stop here instead.
    """
    problems = []
    for name, codes in lists.items():
        dupes = sorted(codes[codes.duplicated()].unique())
        if dupes:
            problems.append(f"{name}: duplicate gemeentecodes {dupes}")
    reference_name, reference = next(iter(lists.items()))
    expected = set(reference)
    for name, codes in lists.items():
        missing, extra = sorted(expected - set(codes)), sorted(set(codes) - expected)
        if missing or extra:
            problems.append(
                f"{name} vs {reference_name}: missing {missing or 'none'}, extra {extra or 'none'}"
            )
    if problems:
        raise ValueError("Gemeente lists of the reference files do not match:\n  " + "\n  ".join(problems))


def check_parents(child: pd.Series, parents: pd.Series, what: str) -> None:
    """Raise ValueError if a child row points at a parent code that does not exist."""
    orphans = sorted(set(child) - set(parents))
    if orphans:
        raise ValueError(f"{what}: {len(orphans)} unknown parent codes, e.g. {orphans[:5]}")


# --- Gemeenten, wijken, buurten ------------------------------------------------------


def build_gemeenten(
    gemeenten_2025: pd.DataFrame,
    provincie_2024: pd.DataFrame,
    kerncijfers_2023: pd.DataFrame,
) -> pd.DataFrame:
    """One row per 2025 gemeente: 2025 name, province, 2023 kerncijfers, 2024 population.

    Names come from the 2025 list only: the other files write some names in another
    style ("Hengelo" vs "Hengelo (O.)"), which is not a difference in the gemeente.
    """
    k = kerncijfers_2023.rename(
        columns={
            "inwoners": "inwoners_2023",
            "inwoners_man": "inwoners_man_2023",
            "inwoners_vrouw": "inwoners_vrouw_2023",
        }
    )
    df = (
        gemeenten_2025[["gemeentecode", "gemeentenaam"]]
        .merge(provincie_2024[["gemeentecode", "provincienaam", "inwoners_2024_01_01"]], on="gemeentecode", validate="1:1")
        .merge(k, on="gemeentecode", validate="1:1", suffixes=("", "_2023"))
        .rename(columns={"inwoners_2024_01_01": "inwoners_2024"})
    )
    for col in ("inwoners_2023", "inwoners_man_2023", "inwoners_vrouw_2023", "stedelijkheid_1_5", "inwoners_2024"):
        df[col] = df[col].astype("Int64")
    for col in ("p_00_14_jr", "p_15_24_jr", "p_25_44_jr", "p_45_64_jr", "p_65_eo_jr"):
        df[col] = df[col].astype(float)
    columns = [
        "gemeentecode", "gemeentenaam", "provincienaam",
        "inwoners_2023", "inwoners_man_2023", "inwoners_vrouw_2023",
        "p_00_14_jr", "p_15_24_jr", "p_25_44_jr", "p_45_64_jr", "p_65_eo_jr",
        "stedelijkheid_1_5", "inwoners_2024",
    ]  # fmt: skip
    return df[columns].sort_values("gemeentecode", ignore_index=True)


def build_wijken(wijken_2025: pd.DataFrame) -> pd.DataFrame:
    """One row per 2025 wijk with its gemeente."""
    df = wijken_2025[["wijkcode", "wijknaam", "gemeentecode"]]
    return df.sort_values("wijkcode", ignore_index=True)


def build_buurten(buurten_2025: pd.DataFrame) -> pd.DataFrame:
    """One row per 2025 buurt with its wijk and gemeente."""
    df = buurten_2025[["buurtcode", "buurtnaam", "wijkcode", "gemeentecode"]]
    return df.sort_values("buurtcode", ignore_index=True)


# --- Gemeente -> regio (long format) -------------------------------------------------


def regio_rows(
    df: pd.DataFrame, indeling: str, code_col: str, naam_col: str, synthetisch: bool, bron: str
) -> pd.DataFrame:
    """Shape one classification into the long gemeente_regio layout."""
    return pd.DataFrame(
        {
            "gemeentecode": df["gemeentecode"].to_numpy(),
            "regio_indeling": indeling,
            "regio_code": df[code_col].to_numpy(),
            "regio_naam": df[naam_col].to_numpy(),
            "is_synthetisch": "true" if synthetisch else "false",
            "bron": bron,
        }
    )


def provincie_rows(gemeenten: pd.DataFrame) -> pd.DataFrame:
    """Real province per gemeente, coded PV20..PV31 from the province name."""
    unknown = sorted(set(gemeenten["provincienaam"]) - set(PROVINCIE_CODES))
    if unknown:
        raise ValueError(f"Unknown provincienaam (no PV code): {unknown}")
    df = gemeenten.assign(provincie_code=gemeenten["provincienaam"].map(PROVINCIE_CODES))
    return regio_rows(df, "provincie", "provincie_code", "provincienaam", False, BRON_PROVINCIE)


def ggd_rows(ggd: pd.DataFrame) -> pd.DataFrame:
    """Real GGD region per gemeente (CBS 2023 classification)."""
    return regio_rows(ggd, "ggd_regio", "ggd_regio_code", "ggd_regio_naam", False, BRON_GGD)


def pc4_volgorde(pc4_gemeente: pd.DataFrame) -> pd.Series:
    """Address-weighted median PC4 per gemeente, as a rough west-east/north-south key.

    Dutch postcodes are handed out by area, so neighbouring gemeenten mostly have
    nearby PC4 numbers. Without geometry this is the cheapest honest proxy for
    "which gemeenten lie next to each other".
    """
    df = pc4_gemeente.assign(
        pc4_nr=pc4_gemeente["pc4"].astype(int), adressen=pc4_gemeente["aantal_adressen"].astype(int)
    ).sort_values(["gemeentecode", "pc4_nr"])
    df["cum"] = df.groupby("gemeentecode")["adressen"].cumsum()
    df["half"] = df.groupby("gemeentecode")["adressen"].transform("sum") / 2
    return df[df["cum"] >= df["half"]].groupby("gemeentecode")["pc4_nr"].first()


def beste_splitsing(inwoners: list[int], delen: int) -> tuple[int, ...]:
    """Cut points that split an ordered list into contiguous parts, largest smallest part.

    Maximising the smallest part keeps parts balanced; brute force is fine because
    a GGD region has at most ~26 gemeenten and we cut at most twice. The first best
    option wins, which keeps the result deterministic.
    """
    if delen <= 1 or len(inwoners) < delen:
        return ()
    cum = np.concatenate([[0], np.cumsum(inwoners)])
    best, best_min = (), -1
    for cuts in itertools.combinations(range(1, len(inwoners)), delen - 1):
        edges = (0, *cuts, len(inwoners))
        smallest = min(cum[b] - cum[a] for a, b in itertools.pairwise(edges))
        if smallest > best_min:
            best, best_min = cuts, smallest
    return best


def deel_labels(n: int, cuts: tuple[int, ...]) -> list[int]:
    """Part number (1-based) for each of n ordered items, given cut points."""
    return [1 + sum(i >= c for c in cuts) for i in range(n)]


def splits_regios(basis: pd.DataFrame, delen_per_regio: dict[str, int]) -> pd.DataFrame:
    """Split each base region into its number of contiguous parts, in PC4 order.

    ``basis`` has one row per gemeente with gemeentecode, gemeentenaam, basis_code,
    provincie_code, inwoners_2024 and pc4_volgorde. Returns it with a ``deel`` column.
    """
    out = []
    for code, grp in basis.sort_values(["basis_code", "pc4_volgorde", "gemeentecode"]).groupby("basis_code", sort=True):
        cuts = beste_splitsing(grp["inwoners_2024"].tolist(), delen_per_regio.get(code, 1))
        out.append(grp.assign(deel=deel_labels(len(grp), cuts)))
    return pd.concat(out, ignore_index=True)


def nummer_regios(delen: pd.DataFrame, prefix: str) -> pd.DataFrame:
    """Give every (basis_code, deel) a code prefixNN and a readable name.

    Regions are numbered in CBS province order, then base region, then part, so
    codes read north to south like CBS lists do. The name is the largest gemeente
    (by inwoners 2024) plus " e.o." when the region holds more than one gemeente.
    """
    keys = delen.groupby(["basis_code", "deel"]).agg(
        provincie_code=("provincie_code", "first"), aantal=("gemeentecode", "size")
    )
    keys = keys.reset_index().sort_values(["provincie_code", "basis_code", "deel"], ignore_index=True)
    keys["regio_code"] = [f"{prefix}{i:02d}" for i in range(1, len(keys) + 1)]
    grootste = (
        delen.sort_values(["inwoners_2024", "gemeentecode"], ascending=[False, True])
        .groupby(["basis_code", "deel"])["gemeentenaam"]
        .first()
        .rename("grootste")
        .reset_index()
    )
    keys = keys.merge(grootste, on=["basis_code", "deel"])
    keys["regio_naam"] = keys["grootste"].where(keys["aantal"] == 1, keys["grootste"] + " e.o.")
    return delen.merge(keys[["basis_code", "deel", "regio_code", "regio_naam"]], on=["basis_code", "deel"])


def regio_basis(gemeenten: pd.DataFrame, ggd: pd.DataFrame, volgorde: pd.Series) -> pd.DataFrame:
    """Per gemeente: GGD region as base region, its province code, population, PC4 key.

    GGD regions are used as the base because each lies in a single province, so
    every split of one stays inside a province too.
    """
    df = gemeenten[["gemeentecode", "gemeentenaam", "provincienaam", "inwoners_2024"]].merge(
        ggd[["gemeentecode", "ggd_regio_code"]], on="gemeentecode", validate="1:1"
    )
    df = df.rename(columns={"ggd_regio_code": "basis_code"})
    df["provincie_code"] = df["provincienaam"].map(PROVINCIE_CODES)
    df["pc4_volgorde"] = df["gemeentecode"].map(volgorde)
    if df["pc4_volgorde"].isna().any():
        raise ValueError(f"No PC4 for gemeenten {sorted(df.loc[df['pc4_volgorde'].isna(), 'gemeentecode'])}")
    spread = df.groupby("basis_code")["provincie_code"].nunique()
    if (spread > 1).any():
        raise ValueError(f"GGD regions spanning provinces: {sorted(spread[spread > 1].index)}")
    return df


def synthetische_arbeidsmarktregio(basis: pd.DataFrame) -> pd.DataFrame:
    """35 synthetic regions: the GGD regions, the most populous ones cut in two."""
    inwoners = basis.groupby("basis_code")["inwoners_2024"].sum().sort_values(ascending=False, kind="stable")
    te_splitsen = AMR_AANTAL - len(inwoners)
    delen = {code: 2 for code in inwoners.index[:te_splitsen]}
    df = nummer_regios(splits_regios(basis, delen), "AM")
    return regio_rows(df, "arbeidsmarktregio", "regio_code", "regio_naam", True, BRON_AMR_SYNTHETISCH)


def echte_arbeidsmarktregio(mapping: pd.DataFrame, gemeentecodes: pd.Series, bron: str) -> pd.DataFrame:
    """Real arbeidsmarktregio per gemeente from a supplied mapping; must cover all gemeenten.

    A ``bron`` column in the mapping wins over the generic ``bron`` text: it carries
    the per-row provenance (e.g. which rows were derived through a merger).
    """
    required = {"gemeentecode", "arbeidsmarktregio_code", "arbeidsmarktregio_naam"}
    if not required <= set(mapping.columns):
        raise ValueError(f"Arbeidsmarktregio mapping lacks columns {sorted(required - set(mapping.columns))}")
    check_gemeente_lists({"gemeenten 2025": gemeentecodes, "arbeidsmarktregio mapping": mapping["gemeentecode"]})
    if mapping[sorted(required)].isna().any().any():
        raise ValueError("Arbeidsmarktregio mapping has empty codes or names")
    rows = regio_rows(mapping, "arbeidsmarktregio", "arbeidsmarktregio_code", "arbeidsmarktregio_naam", False, bron)
    if "bron" in mapping.columns:
        rows["bron"] = mapping["bron"].fillna(bron).to_numpy()
    return rows


def hh_delen(inwoners: int, gemeenten: int) -> int:
    """Number of parts for a GGD region: ~1 per 300,000 inhabitants, 1 to 3."""
    return max(1, min(HH_MAX_DELEN, gemeenten, inwoners // HH_INWONERS_PER_REGIO))


def synthetische_hechte_huisartsenzorg(basis: pd.DataFrame) -> pd.DataFrame:
    """Synthetic 'hechte huisartsenzorg' regions: GGD regions split into 1-3 parts.

    The number of parts drops until every part has at least HH_MIN_INWONERS, so a
    big city that dominates its region (Amsterdam) does not leave tiny leftovers.
    """
    delen = {}
    for code, grp in basis.sort_values(["pc4_volgorde", "gemeentecode"]).groupby("basis_code", sort=True):
        pops = grp["inwoners_2024"].tolist()
        n = hh_delen(sum(pops), len(pops))
        while n > 1 and min(part_sums(pops, beste_splitsing(pops, n))) < HH_MIN_INWONERS:
            n -= 1
        delen[code] = n
    df = nummer_regios(splits_regios(basis, delen), "HH")
    return regio_rows(df, "hechte_huisartsenzorg", "regio_code", "regio_naam", True, BRON_HH_SYNTHETISCH)


def part_sums(values: list[int], cuts: tuple[int, ...]) -> list[int]:
    """Sum of each contiguous part of values, given cut points."""
    edges = (0, *cuts, len(values))
    return [sum(values[a:b]) for a, b in itertools.pairwise(edges)]


# --- SES-WOA per wijk ----------------------------------------------------------------


def normaliseer_naam(naam: str) -> str:
    """Lower-case name with punctuation folded to spaces ("IJburg-West" == "IJburg West")."""
    return re.sub(r"[^0-9a-zà-ÿ]+", " ", naam.lower()).strip()


def echte_ses_scores(ses: pd.DataFrame, wijken: pd.DataFrame) -> pd.DataFrame:
    """Real 2019 wijk scores matched to 2025 wijken: first on code, then on name.

    Amsterdam re-coded its wijken (WK0363xx -> WK0363AA...), so codes alone match
    nothing; a unique exact name match within the same gemeente is taken as the
    same wijk. Returns wijkcode, ses_woa_score, bron for matched wijken only.
    """
    src = ses[(ses["regiotype"] == "wijk") & ses["ses_woa_totaalscore_gem"].notna()].copy()
    src["score"] = src["ses_woa_totaalscore_gem"].astype(float)
    src["gemeentecode"] = "GM" + src["regiocode"].str[2:6]
    on_code = wijken.merge(src[["regiocode", "score"]], left_on="wijkcode", right_on="regiocode")
    on_code["bron"] = "Bron: CBS, SES-WOA 2019 (85163NED), CC BY 4.0; gekoppeld op wijkcode"

    rest = wijken[~wijken["wijkcode"].isin(on_code["wijkcode"])].assign(
        naam_key=lambda d: d["wijknaam"].map(normaliseer_naam)
    )
    src = src[~src["regiocode"].isin(on_code["regiocode"])].assign(
        naam_key=lambda d: d["regionaam"].map(normaliseer_naam)
    )
    # Only names that are unique on both sides, so one 2019 score never lands twice.
    rest = rest[~rest.duplicated(["gemeentecode", "naam_key"], keep=False)]
    src = src[~src.duplicated(["gemeentecode", "naam_key"], keep=False)]
    on_name = rest.merge(src[["gemeentecode", "naam_key", "regiocode", "score"]], on=["gemeentecode", "naam_key"])
    on_name["bron"] = (
        "Bron: CBS, SES-WOA 2019 (85163NED), CC BY 4.0; gekoppeld op wijknaam aan 2019-wijk "
        + on_name["regiocode"]
        + " (grenzen kunnen sinds 2019 gewijzigd zijn)"
    )
    cols = ["wijkcode", "score", "bron"]
    return pd.concat([on_code[cols], on_name[cols]], ignore_index=True).rename(columns={"score": "ses_woa_score"})


def echte_wijkscores(ses: pd.DataFrame) -> np.ndarray:
    """All real 2019 wijk scores in the file, matched to a 2025 wijk or not, sorted."""
    scores = ses.loc[ses["regiotype"] == "wijk", "ses_woa_totaalscore_gem"].dropna().astype(float)
    return np.sort(scores.to_numpy())


def tertiel_grenzen(scores: np.ndarray) -> tuple[float, float]:
    """Tertile cut-offs of the real scores, rounded to 3 decimals like the scores."""
    low, high = np.quantile(scores, [1 / 3, 2 / 3])
    return round(float(low), 3), round(float(high), 3)


def klasse(score: float, grenzen: tuple[float, float]) -> str:
    """laag below the lower tertile, hoog at/above the upper tertile, else midden."""
    if score < grenzen[0]:
        return "laag"
    return "hoog" if score >= grenzen[1] else "midden"


def hash_normaal(code: str) -> float:
    """Deterministic standard-normal value from a code (no random module state).

    SHA-256 gives a uniform number in (0, 1) that is stable across Python versions
    and machines; the inverse normal CDF turns it into a z-score.
    """
    u = (int.from_bytes(hashlib.sha256(code.encode("utf-8")).digest()[:8], "big") + 0.5) / 2**64
    return NormalDist().inv_cdf(u)


def zscore(values: pd.Series) -> pd.Series:
    """Standardise to mean 0, sd 1 (population sd)."""
    return (values - values.mean()) / values.std(ddof=0)


def gemeente_ses_profiel(kerncijfers_2023: pd.DataFrame) -> pd.Series:
    """Gemeente-level push of the synthetic score, higher = more affluent-looking.

    Many one-person households and 65+ go with lower income, education and work
    history (the SES-WOA parts); less urban (stedelijkheid 5) leans a little lower too.
    """
    k = kerncijfers_2023.set_index("gemeentecode")
    profiel = (
        -0.5 * zscore(k["p_eenp_hh"].astype(float))
        - 0.3 * zscore(k["p_65_eo_jr"].astype(float))
        - 0.2 * zscore(k["stedelijkheid_1_5"].astype(float))
    )
    return profiel.rename("profiel")


def synthetische_ses_scores(
    wijken: pd.DataFrame, profiel: pd.Series, real_scores: np.ndarray, grenzen: tuple[float, float]
) -> pd.DataFrame:
    """Synthetic score per wijk with the same distribution as the real scores.

    z = 0.6 * standardised gemeente profile + 0.8 * hash noise is ~N(0, 1); its
    normal percentile is looked up in the real scores (quantile mapping). The real
    tertile cut-offs then split the synthetic wijken into ~thirds as well.
    """
    df = wijken[["wijkcode", "gemeentecode"]].copy()
    gemeente_z = zscore(df["gemeentecode"].map(profiel))
    wijk_z = df["wijkcode"].map(hash_normaal)
    z = SES_GEWICHT_GEMEENTE * gemeente_z + SES_GEWICHT_WIJK * wijk_z
    percentiel = z.map(NormalDist().cdf).to_numpy()
    df["ses_woa_score"] = np.quantile(real_scores, percentiel).round(3)
    df["bron"] = (
        "SYNTHETISCH: hash van wijkcode plus gemeenteprofiel (eenpersoonshuishoudens, 65+, stedelijkheid; "
        "Bron: CBS kerncijfers 2023), via percentielen afgebeeld op de echte SES-WOA 2019-wijkscores "
        f"Amsterdam (Bron: CBS, 85163NED); klassegrenzen {grenzen[0]} / {grenzen[1]}"
    )
    return df[["wijkcode", "ses_woa_score", "bron"]]


def build_ses_woa_wijk(wijken: pd.DataFrame, ses: pd.DataFrame, kerncijfers_2023: pd.DataFrame) -> pd.DataFrame:
    """SES-WOA score and class for every 2025 wijk; real where a 2019 score matches."""
    real_scores = echte_wijkscores(ses)
    grenzen = tertiel_grenzen(real_scores)
    echt = echte_ses_scores(ses, wijken)
    echt["bron"] = echt["bron"] + f"; klassegrenzen (tertielen echte wijkscores) {grenzen[0]} / {grenzen[1]}"
    rest = wijken[~wijken["wijkcode"].isin(echt["wijkcode"])]
    synth = synthetische_ses_scores(rest, gemeente_ses_profiel(kerncijfers_2023), real_scores, grenzen)
    df = pd.concat(
        [echt.assign(is_synthetisch="false"), synth.assign(is_synthetisch="true")], ignore_index=True
    ).merge(wijken[["wijkcode", "gemeentecode"]], on="wijkcode", validate="1:1")
    df["ses_woa_klasse"] = df["ses_woa_score"].map(lambda s: klasse(s, grenzen))
    columns = ["wijkcode", "gemeentecode", "ses_woa_score", "ses_woa_klasse", "is_synthetisch", "bron"]
    return df[columns].sort_values("wijkcode", ignore_index=True)


# --- Writing -------------------------------------------------------------------------


def write_seed(df: pd.DataFrame, path: Path, float_format: str | None = None) -> int:
    """Write one seed byte-for-byte reproducibly; return the number of data rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, sep=",", lineterminator="\n", encoding="utf-8", float_format=float_format)
    return len(df)


def build_reference_seeds(
    reference_dir: Path, seeds_dir: Path, arbeidsmarktregio_csv: Path | None = None
) -> dict[str, int]:
    """(Re)write the reference seeds into ``seeds_dir/reference/``; return rows per seed.

    ``arbeidsmarktregio_csv`` is an optional real gemeente -> arbeidsmarktregio
    mapping (gemeentecode, arbeidsmarktregio_code, arbeidsmarktregio_naam) covering
    every gemeente; without it a synthetic classification is built.
    Raises ValueError when the input files disagree on the gemeenten.
    """
    reference_dir, seeds_dir = Path(reference_dir), Path(seeds_dir)
    src = {
        name: read_text_csv(reference_dir / name)
        for name in (
            GEMEENTEN_2025, GEMEENTEN_PROVINCIE_2024, KERNCIJFERS_2023, KERNCIJFERS_2024,
            GGD_REGIO_2023, WIJKEN_2025, BUURTEN_2025, PC4_GEMEENTE_2023, SES_WOA_2019_AMSTERDAM,
        )
    }  # fmt: skip
    check_gemeente_lists(
        {
            name: src[name]["gemeentecode"]
            for name in (GEMEENTEN_2025, GEMEENTEN_PROVINCIE_2024, KERNCIJFERS_2023, KERNCIJFERS_2024, GGD_REGIO_2023)
        }
        | {PC4_GEMEENTE_2023: src[PC4_GEMEENTE_2023]["gemeentecode"].drop_duplicates()}
    )

    gemeenten = build_gemeenten(src[GEMEENTEN_2025], src[GEMEENTEN_PROVINCIE_2024], src[KERNCIJFERS_2023])
    wijken = build_wijken(src[WIJKEN_2025])
    buurten = build_buurten(src[BUURTEN_2025])
    check_parents(wijken["gemeentecode"], gemeenten["gemeentecode"], "wijken -> gemeenten")
    check_parents(buurten["wijkcode"], wijken["wijkcode"], "buurten -> wijken")

    basis = regio_basis(gemeenten, src[GGD_REGIO_2023], pc4_volgorde(src[PC4_GEMEENTE_2023]))
    if arbeidsmarktregio_csv is None:
        amr = synthetische_arbeidsmarktregio(basis)
    else:
        bron = f"Koppeltabel arbeidsmarktregio's uit {Path(arbeidsmarktregio_csv).name} (aangeleverd)"
        amr = echte_arbeidsmarktregio(read_text_csv(Path(arbeidsmarktregio_csv)), gemeenten["gemeentecode"], bron)
    gemeente_regio = pd.concat(
        [
            provincie_rows(gemeenten),
            ggd_rows(src[GGD_REGIO_2023]),
            amr,
            synthetische_hechte_huisartsenzorg(basis),
        ],
        ignore_index=True,
    ).sort_values(["gemeentecode", "regio_indeling"], ignore_index=True)

    ses = build_ses_woa_wijk(wijken, src[SES_WOA_2019_AMSTERDAM], src[KERNCIJFERS_2023])

    out = seeds_dir / SEED_SUBDIR
    return {
        "cbs_gemeenten": write_seed(gemeenten, out / "cbs_gemeenten.csv", "%.1f"),
        "cbs_wijken": write_seed(wijken, out / "cbs_wijken.csv"),
        "cbs_buurten": write_seed(buurten, out / "cbs_buurten.csv"),
        "gemeente_regio": write_seed(gemeente_regio, out / "gemeente_regio.csv"),
        "ses_woa_wijk": write_seed(ses, out / "ses_woa_wijk.csv", "%.3f"),
    }
