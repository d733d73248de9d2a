"""Behavioural parameters of the synthetic generator.

Reference data (codes, regions, Vektis and CBS figures) lives in the dbt seeds; this module
holds only the assumptions the generator adds on top. Each number says where it comes from
or that it is an assumption, so a reviewer can challenge it.
"""
from __future__ import annotations

import numpy as np

REFERENCE_YEAR = 2023  # the year of the Vektis open data the generator is calibrated to
COST_GROWTH_PER_YEAR = 0.04  # assumption: nominal Zvw cost growth per insured year, ~4 %

# Insurer market shares (assumption, close to the 2023 concern shares published by Vektis/NZa).
MARKET_SHARES = {"3311": 0.28, "7095": 0.23, "9664": 0.22, "3332": 0.13, "3343": 0.09, "3353": 0.05}
SWITCH_RATE = 0.065  # share of insured switching insurer on 1 January (Vektis: 5-7 %)

# Population dynamics per year, as shares of the population (CBS order of magnitude).
BIRTH_RATE = 0.0095
DEATH_RATE = 0.0097
IMMIGRATION_RATE = 0.008
EMIGRATION_RATE = 0.005
ABROAD_SHARE = 0.004  # insured living abroad (buurtcode null): cross-border workers, pensioners
MOVER_SHARE = 0.22  # persons who move house once within the generated window
MOVE_OTHER_GEMEENTE = 0.35  # of movers, share that leaves the gemeente
UNKNOWN_SEX_SHARE = 0.0005

# GP care (LHV/NIVEL orders of magnitude, scaled: 1.0 = the Netherlands).
PRACTICES_NATIONAL = 5000
# GP zorgverleners (0101) in the register per practice over the whole window. On a given day ~80 %
# of them count (not retired, already started, settled after their waarnemer years, werkrelatie
# open), which gives ~2.8 per practice: ~14,000 GPs nationally, as in the real register.
GPS_PER_PRACTICE = 3.5
WAARNEMERS_PER_PRACTICE = 0.45
GP_MULTI_PRACTICE_SHARE = 0.07  # GPs with a werkrelatie at two practices
SMALL_PRACTICES_MIN = 2  # at least this many practices with < 100 patients, at every scale
SMALL_PRACTICE_SHARE = 0.01
ALL_IN_PRACTICE_SHARE = 0.03  # practices paid an all-in tariff instead of a registration fee
PRACTICE_START_STOP_RATE = 0.02  # per year, practices that start or stop during the year
UNREGISTERED_SHARE = 0.012  # insured without any GP practice (besides Wlz residents)
PRACTICE_SWITCH_RATE = 0.04  # per year, patients changing practice at a quarter start
DOUBLE_REGISTRATION_RATE = 0.003  # per year, patients with a fee from two practices in one quarter
ACHTERSTAND_SHARE_LAAG = 0.35  # of patients in a SES 'laag' wijk, share with a deprivation supplement

# GP consults and visits: the codes of the Dashboard huisartsenzorg's list (seed huisarts_prestatiecodes).
# A contact is first outside office hours or not, then a visit or not (by age), then a code of its kind.
# Assumptions, orders of magnitude as publicly reported (not calibrated to a table in ../shared/reference):
# about 8 % of GP contacts fall in the evening, night or weekend (NIVEL Zorgregistraties); home visits are
# mostly for patients of 75 and over; at huisartsenposten (HAP/HDS, which serve nearly the whole country,
# so the practices' own ANW codes are a small rest) roughly a third of the contacts are telephone consults,
# a sixth triage only, and about a tenth visits (InEen benchmark, huisartsenposten). Vaccinations claimed
# under Zvw (not the national flu programme) are a few per cent of the consults.
GP_OUT_OF_HOURS_SHARE = 0.08
GP_VISIT_SHARE_IN_HOURS = (0.25, 0.02)  # share of in-hours contacts that are visits: age >= 75, younger
GP_VISIT_SHARE_OUT_OF_HOURS = (0.30, 0.05)  # the same outside office hours
# Code shares per kind of contact. The NZa replaced the in-hours consult "korter dan 20 minuten", the
# telephone and the e-mail consult by time classes (korter dan 5 minuten, 5 tot 20 minuten) from 2022 (the
# seed's validity dates of 12000/12004/12007 and 12010/12011); the practices' own ANW consults are assumed to
# follow the same change (12200/12204 until 2021, 12207/12208 from 2022), the HAP/HDS codes stay.
GP_CONSULT_CODES_IN_HOURS = {
    "tot_2022": {"12000": 0.60, "12004": 0.25, "12007": 0.04, "12001": 0.08, "12006": 0.03},
    "vanaf_2022": {"12010": 0.27, "12011": 0.60, "12001": 0.10, "12006": 0.03},
}
GP_VISIT_CODES_IN_HOURS = {"12002": 0.60, "12003": 0.40}
GP_CONSULT_CODES_OUT_OF_HOURS = {
    "tot_2022": {"12300": 0.42, "12302": 0.32, "12304": 0.19,
                 "12200": 0.035, "12201": 0.005, "12204": 0.025, "12206": 0.005},
    "vanaf_2022": {"12300": 0.42, "12302": 0.32, "12304": 0.19,
                   "12207": 0.03, "12208": 0.03, "12201": 0.005, "12206": 0.005},
}
GP_VISIT_CODES_OUT_OF_HOURS = {"12301": 0.85, "12202": 0.10, "12203": 0.05}

# Other AGB providers per 1.0 scale (order of magnitude of the real register).
PROVIDERS_NATIONAL = {
    # kwalificatie: (zorgverleners, onderneming kwalificatie, ondernemingen)
    "0200": (3500, "0205", 2000),
    "0401": (26000, "0499", 8000),
    "0403": (2000, "0499", 0),
    "0404": (2500, "0499", 0),
    "0501": (5000, "0499", 0),
    "0801": (3600, "0899", 550),
    "1200": (9000, "1299", 5000),
    "9406": (12000, "9499", 3000),
    "9402": (3000, "9499", 0),
    "9405": (1200, "7300", 0),
    "9110": (15000, "9199", 1000),
    "9117": (2500, "9199", 0),
}
SPECIALISTS_NATIONAL = 25000
HOSPITALS_NATIONAL = 80
GGZ_PROVIDERS_NATIONAL = 500
POH_PER_PRACTICE = {"8501": 1.2, "8502": 0.6}
POH_OUDEREN_QUALIFIED_SHARE = 0.5  # of POH-S: also qualified POH-ouderen (8503)

# Prevalences by age (per person, assumption from RIVM/NIVEL orders of magnitude).
AGE_GRID = np.array([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90])


def by_age(values: list[float]) -> np.ndarray:
    """A value per five-year class on AGE_GRID (19 classes)."""
    arr = np.asarray(values, dtype=float)
    assert arr.shape == (19,)
    return arr


DEMENTIA_PREVALENCE = by_age([0] * 13 + [0.01, 0.03, 0.06, 0.12, 0.22, 0.35])
EPA_PREVALENCE = by_age([0, 0, 0, 0.002, 0.010, 0.014, 0.015, 0.015, 0.015, 0.014, 0.013, 0.012,
                         0.010, 0.008, 0.006, 0.005, 0.004, 0.003, 0.002])
GGZ_EPISODE_RATE = by_age([0, 0, 0.005, 0.04, 0.08, 0.08, 0.075, 0.07, 0.065, 0.06, 0.055, 0.05,
                           0.04, 0.03, 0.025, 0.02, 0.015, 0.01, 0.01])
CRISIS_RATE = 0.0015  # per adult per year
WLZ_FRAIL_ELDERLY = by_age([0] * 15 + [0.005, 0.02, 0.06, 0.14])
WLZ_DISABILITY = 0.006  # VG/LG, any age
DEMENTIA_IN_WLZ_INSTELLING = 0.45
WLZ_MET_BEHANDELING = 0.6

# FKG prevalence by age (persons with >= threshold DDD in a year), assumption.
FKG_PREVALENCE = {
    "FKG01": by_age([0] * 5 + [0.002, 0.003, 0.005, 0.01, 0.02, 0.035, 0.05, 0.07, 0.09, 0.11, 0.12,
                     0.12, 0.11, 0.09]),
    "FKG02": by_age([0.001] * 4 + [0.003] * 6 + [0.008, 0.01, 0.015, 0.02, 0.025, 0.03, 0.03, 0.025, 0.02]),
    "FKG03": by_age([0.03, 0.04, 0.04, 0.03, 0.03, 0.03, 0.03, 0.03, 0.035, 0.04, 0.045, 0.05, 0.06, 0.07,
                     0.08, 0.09, 0.09, 0.08, 0.07]),
    "FKG04": by_age([0] * 9 + [0.005, 0.01, 0.015, 0.025, 0.04, 0.07, 0.10, 0.14, 0.17, 0.18]),
    "FKG05": by_age([0] * 7 + [0.01, 0.02, 0.04, 0.07, 0.11, 0.16, 0.22, 0.28, 0.33, 0.36, 0.36, 0.33]),
    "FKG06": by_age([0] * 8 + [0.01, 0.03, 0.06, 0.10, 0.15, 0.22, 0.28, 0.30, 0.28, 0.22, 0.15]),
    "FKG07": by_age([0.002] * 4 + [0.01] * 6 + [0.02, 0.025, 0.03, 0.035, 0.04, 0.045, 0.05, 0.05, 0.05]),
    "FKG08": by_age([0] * 4 + [0.002] * 6 + [0.005] * 9),
    "FKG09": by_age([0.003] * 19),
    "FKG10": by_age([0] * 11 + [0.001, 0.002, 0.004, 0.008, 0.012, 0.016, 0.018, 0.015]),
    "FKG12": by_age([0, 0, 0.003, 0.02, 0.04, 0.05, 0.055, 0.06, 0.065, 0.07, 0.07, 0.07, 0.065, 0.06,
                     0.06, 0.065, 0.07, 0.07, 0.07]),
    "FKG13": by_age([0, 0, 0.002, 0.005, 0.01, 0.012, 0.012, 0.012, 0.012, 0.012, 0.012, 0.011, 0.01,
                     0.01, 0.01, 0.012, 0.02, 0.03, 0.04]),
    "FKG14": by_age([0, 0.02, 0.05, 0.04, 0.025, 0.02, 0.015, 0.012, 0.01, 0.008, 0.005, 0.003, 0.001,
                     0, 0, 0, 0, 0, 0]),
    "FKG15": by_age([0] * 9 + [0.002, 0.005, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.05, 0.05]),
    "FKG16": by_age([0] * 4 + [0.001] * 10 + [0.0005] * 5),
    "FKG17": by_age([0] * 8 + [0.002, 0.004, 0.006, 0.008, 0.01, 0.012, 0.014, 0.015, 0.015, 0.012, 0.01]),
}
# FKG11 (dementia medication) follows the dementia flag rather than an independent prevalence.
DEMENTIA_ON_MEDICATION = 0.3

ACUTE_ATC = ["J01CA04", "J01FA10", "N02BE01", "M01AE01", "R05DA09", "D07AC01", "A02BC01", "S01AA01",
             "J01XE01", "H02AB06"]

# Relative weights of each Vektis care category by age class (rows: AGE_GRID) and sex.
# They only seed the iterative proportional fitting of cost per (age, sex, category) to the
# Vektis margins, so they shape where categories sit, not the totals.
_old = np.array([0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 0.9, 1.4, 2.4, 4.5, 8,
                 13, 20])
CATEGORY_AGE_PROFILE = {
    "General practice": (by_age([1.3, 0.7, 0.6, 0.7, 0.8, 0.9, 0.9, 0.9, 0.9, 1, 1.1, 1.2, 1.3, 1.5, 1.7,
                                 2, 2.3, 2.5, 2.6]), 1.2),
    "Pharmacy": (by_age([0.3, 0.3, 0.4, 0.5, 0.5, 0.6, 0.6, 0.7, 0.8, 1, 1.3, 1.6, 2, 2.5, 3, 3.4, 3.6,
                         3.6, 3.4]), 1.1),
    "Medical specialist care": (by_age([1.1, 0.4, 0.4, 0.5, 0.6, 0.7, 0.8, 0.8, 0.9, 1, 1.3, 1.6, 2,
                                        2.5, 3.1, 3.5, 3.7, 3.5, 3.0]), 1.0),
    "Mental health (GGZ)": (by_age([0, 0.05, 0.2, 1.8, 2.8, 2.6, 2.3, 2.0, 1.8, 1.6, 1.4, 1.2, 0.9,
                                    0.6, 0.5, 0.5, 0.5, 0.5, 0.4]), 1.3),
    "Dental care": (by_age([1.5, 3, 3.2, 2.2, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7,
                            0.7, 0.6, 0.5]), 1.0),
    "Paramedical care": (by_age([0.6, 0.9, 0.7, 0.6, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5,
                                 1.6, 1.8, 2, 2, 1.8]), 1.3),
    "Maternity care": (by_age([0.3, 0, 0, 0.05, 1.5, 4, 6, 4, 1.2, 0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0]), None),
    "Medical devices": (by_age([0.5, 0.3, 0.3, 0.3, 0.3, 0.4, 0.4, 0.5, 0.6, 0.7, 0.9, 1.1, 1.4, 1.8,
                                2.4, 3.2, 4.2, 5, 5.5]), 1.0),
    "Nursing, rehabilitation and short-stay care": (_old, 1.2),
    "Patient transport": (by_age([0.5, 0.2, 0.2, 0.3, 0.3, 0.3, 0.3, 0.4, 0.4, 0.5, 0.6, 0.8, 1, 1.3, 1.8,
                                  2.5, 3.5, 4.5, 5.5]), 1.0),
    "Other Zvw care": (by_age([0.8, 0.6, 0.6, 0.7, 0.8, 0.9, 0.9, 0.9, 1, 1, 1.1, 1.2, 1.3, 1.4, 1.6,
                               1.9, 2.2, 2.5, 2.8]), 1.0),
}
# Maternity care: only women (and babies, for kraamzorg delivered to the newborn's mother).
MATERNITY_MALE_ONLY_BABIES = True

# Per care stream: share of its Vektis category (national), mean amount per claim line (EUR),
# processing lag after the end of treatment in days (gamma: mean, shape), duration in days.
STREAMS = {
    # zorgstroom: (share, mean_amount, lag_mean, lag_shape, max_duration)
    "huisarts_inschrijftarief": (0.34, None, 25, 3.0, 0),
    "huisarts_consult": (0.30, None, 20, 2.0, 0),
    "huisarts_mdz": (0.14, None, 30, 3.0, 0),
    "huisarts_overig": (0.22, None, 25, 2.0, 0),
    "farmacie": (1.00, 45.0, 12, 2.0, 0),
    "msz": (1.00, 1450.0, 120, 1.6, 120),
    "ggz_consulten": (0.70, 155.0, 45, 1.5, 0),
    "ggz_verblijf": (0.24, 2900.0, 60, 1.5, 0),
    "ggz_overig": (0.05, 120.0, 45, 1.5, 0),
    "ggz_innovatie": (0.01, 90.0, 60, 1.5, 0),
    "mondzorg": (1.00, 75.0, 20, 2.0, 0),
    "fysiotherapie": (0.75, 38.0, 30, 2.0, 0),
    "paramedisch_overig": (0.25, 45.0, 30, 2.0, 0),
    "verloskunde": (0.35, 380.0, 40, 2.0, 200),
    "kraamzorg": (0.55, 1600.0, 35, 2.0, 8),
    "geboortezorg_integraal": (0.10, 1800.0, 60, 2.0, 200),
    "hulpmiddelen": (1.00, 160.0, 25, 2.0, 90),
    "wijkverpleging": (0.72, 310.0, 30, 2.0, 28),
    "eerstelijnsverblijf": (0.08, 3200.0, 40, 2.0, 30),
    "grz": (0.20, 9500.0, 60, 2.0, 60),
    "ziekenvervoer_zittend": (0.35, 60.0, 25, 2.0, 0),
    "ziekenvervoer_liggend": (0.65, 750.0, 30, 2.0, 0),
    "eerstelijns_ondersteuning": (0.15, 40.0, 40, 2.0, 0),
    "gzsp": (0.30, 220.0, 45, 2.0, 30),
    "grensoverschrijdend": (0.35, 600.0, 90, 1.5, 30),
    "overig": (0.20, 150.0, 40, 2.0, 0),
}
FRAILTY_SHAPE = 0.8  # gamma shape of a person's propensity to use care (mean 1): concentrates use
AMOUNT_SHAPE = 1.5  # gamma shape of the amount of one claim line around its mean
REVERSAL_RATE = 0.015  # share of claim lines later reversed (C) ...
CORRECTED_AFTER_REVERSAL = 0.8  # ... of which this share is re-claimed with a new amount

# Deliveries of claims stop at this many months after the last generated year (the "as of").
DELIVERY_MONTHS_AFTER_LAST_YEAR = 6
