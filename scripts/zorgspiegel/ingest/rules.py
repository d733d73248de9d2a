"""The data-quality rules of every source table, as data: one place for each rule.

Each rule becomes one Great Expectations expectation (see expectations.py) whose `meta.regel`
is the rule id that lands in the quarantine and the supplier's report. Rules that need other
deliveries (a reversal's original, a regel_id seen before) are computed in SQL against the
warehouse (references.py) into helper columns starting with `_`, which a rule here asserts.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache

from ..paths import SEEDS_DIR
from ..spec import SOURCES

PERSOON_ID = r"^[0-9a-f]{64}$"
AGB = r"^[0-9]{8}$"
FORMATS = {  # column name -> (rule id, regex, message)
    "persoon_id": ("persoon_id_ongeldig", PERSOON_ID, "persoon_id must be 64 lowercase hexadecimal characters"),
    "uzovi": ("uzovi_ongeldig", r"^[0-9]{4}$", "uzovi must be 4 digits"),
    "declarant_agb": ("agb_ongeldig", AGB, "declarant_agb must be an AGB code of 8 digits"),
    "zorgverlener_agb": ("agb_ongeldig", AGB, "zorgverlener_agb must be an AGB code of 8 digits"),
    "onderneming_agb": ("agb_ongeldig", AGB, "onderneming_agb must be an AGB code of 8 digits"),
    "vestiging_agb": ("agb_ongeldig", AGB, "vestiging_agb must be an AGB code of 8 digits"),
    "aanbieder_agb": ("agb_ongeldig", AGB, "aanbieder_agb must be an AGB code of 8 digits"),
    "agb_code": ("agb_ongeldig", AGB, "agb_code must be an AGB code of 8 digits"),
    "kvk_nummer": ("kvk_ongeldig", r"^[0-9]{8}$", "kvk_nummer must be 8 digits"),
    "postcode": ("postcode_ongeldig", r"^[1-9][0-9]{3}[A-Z]{2}$", "postcode must look like 1234AB"),
}


def _seed_values(name: str, column: str) -> tuple[str, ...]:
    for sub in ("reference", "domain"):
        path = SEEDS_DIR / sub / f"{name}.csv"
        if path.exists():
            with open(path, encoding="utf-8", newline="") as f:
                return tuple(sorted({row[column] for row in csv.DictReader(f)}))
    raise FileNotFoundError(f"seed {name} not found")


@lru_cache
def code_sets() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """column -> (rule id, message, allowed values): code lists from the seeds, so ingest and
    models agree on what a valid code is."""
    prestaties = _seed_values("huisarts_prestatiecodes", "prestatiecode") + _seed_values("zorgprestaties",
                                                                                            "prestatiecode")
    return {
        "zorgstroom": ("zorgstroom_onbekend", "zorgstroom is not in the seed zorgstromen",
                       _seed_values("zorgstromen", "zorgstroom")),
        "prestatiecode": ("prestatiecode_onbekend", "prestatiecode is not a known tariff code", tuple(sorted(prestaties))),
        "buurtcode": ("buurtcode_onbekend", "buurtcode is not a CBS buurt (2025)", _seed_values("cbs_buurten", "buurtcode")),
        "gemeentecode": ("gemeentecode_onbekend", "gemeentecode is not a CBS gemeente (2025)",
                         _seed_values("cbs_gemeenten", "gemeentecode")),
        "kwalificatiecode": ("kwalificatie_onbekend", "kwalificatiecode is not in the seed agb_kwalificaties",
                             _seed_values("agb_kwalificaties", "kwalificatiecode")),
        "voorziening": ("voorziening_onbekend", "voorziening is not in the seed wmo_voorzieningen",
                        _seed_values("wmo_voorzieningen", "voorziening")),
        "hulpvorm": ("hulpvorm_onbekend", "hulpvorm is not in the seed jeugdhulpvormen",
                     _seed_values("jeugdhulpvormen", "hulpvorm")),
        "diagnosegroep": ("diagnosegroep_onbekend", "diagnosegroep is not in the seed ggz_diagnosegroepen",
                          _seed_values("ggz_diagnosegroepen", "diagnosegroep")),
        "zorgprofiel": ("zorgprofiel_onbekend", "zorgprofiel is not in the seed wlz_zorgprofielen",
                        _seed_values("wlz_zorgprofielen", "zorgprofiel")),
        "geslacht": ("geslacht_ongeldig", "geslacht must be M, V or O", ("M", "O", "V")),
        "debet_credit": ("debet_credit_ongeldig", "debet_credit must be D or C", ("C", "D")),
        "entiteit": ("entiteit_ongeldig", "entiteit must be zorgverlener, onderneming or vestiging",
                     ("onderneming", "vestiging", "zorgverlener")),
        "leveringsvorm": ("leveringsvorm_ongeldig", "leveringsvorm must be instelling, vpt, mpt or pgb",
                          ("instelling", "mpt", "pgb", "vpt")),
    }


NON_NEGATIVE = {"bedrag": "bedrag_negatief", "kosten": "kosten_negatief", "aantal": "aantal_negatief",
                "ddd": "ddd_negatief", "aanmeldwachttijd_dagen": "wachttijd_negatief",
                "behandelwachttijd_dagen": "wachttijd_negatief"}


@dataclass(frozen=True)
class Rule:
    regel: str  # rule id, stored in the quarantine
    kind: str  # not_null | regex | in_set | min | pair_ge | pair_eq | is_false
    column: str
    message: str  # what a supplier reads
    args: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def reads(self) -> tuple[str, ...]:
        """The columns the rule looks at (pair rules compare two)."""
        return (self.column, *(self.args[k] for k in ("column_a", "column_b") if k in self.args))


# Rules computed against the warehouse (references.py) and asserted through a helper column.
REFERENCE_RULES = {
    ("zvw_declaraties", "declaraties"): [
        Rule("regel_id_dubbel", "is_false", "_regel_id_dubbel",
             "regel_id was delivered before by this insurer (or twice in this delivery)"),
        Rule("terugdraaiing_zonder_origineel", "is_false", "_origineel_onbekend",
             "a 'C' line reverses a regel_id that never arrived (origineel_regel_id unknown)"),
        Rule("dubbele_terugdraaiing", "is_false", "_dubbel_teruggedraaid",
             "a 'C' line reverses a line that was already reversed"),
        Rule("credit_zonder_origineel_regel_id", "is_false", "_credit_zonder_origineel",
             "a 'C' line must name origineel_regel_id"),
        Rule("verwerkt_buiten_periode", "is_false", "_buiten_periode",
             "verwerkingsdatum must fall in the delivery's processing month (periode)"),
    ],
    ("ggz_wachttijden", "ggz_wachttijden"): [
        Rule("peildatum_buiten_periode", "is_false", "_buiten_periode", "peildatum must fall in the delivery's month"),
    ],
}

SUPPLIER_COLUMN = {  # the column that must equal the manifest's leverancier
    ("zvw_declaraties", "declaraties"): ("uzovi", "uzovi_niet_leverancier", "uzovi must equal the supplier"),
    ("zvw_verzekerden", "verzekerden"): ("uzovi", "uzovi_niet_leverancier", "uzovi must equal the supplier"),
    ("jeugdwet_trajecten", "jeugdwet_trajecten"): (
        "gemeentecode", "andere_gemeente", "gemeentecode must equal the supplying gemeente (leverancier)"),
    ("ggz_wachttijden", "ggz_wachttijden"): ("aanbieder_agb", "aanbieder_niet_leverancier",
                                             "aanbieder_agb must equal the supplier"),
}


def rules_for(bron: str, tabel: str) -> list[Rule]:
    """Every rule of a source table, from the spec (required columns, dates), the seeds (code
    lists), the formats above and the reference rules."""
    columns = SOURCES[bron].tables[tabel]
    out: list[Rule] = []
    codes = code_sets()
    for c in columns:
        if not c.nullable:
            out.append(Rule(f"{c.name}_ontbreekt", "not_null", c.name, f"{c.name} is required"))
        if c.name in FORMATS:
            regel, regex, msg = FORMATS[c.name]
            out.append(Rule(regel, "regex", c.name, msg, {"regex": regex}))
        if c.name in codes:
            regel, msg, values = codes[c.name]
            out.append(Rule(regel, "in_set", c.name, msg, {"values": list(values)}))
        if c.name in NON_NEGATIVE:
            out.append(Rule(NON_NEGATIVE[c.name], "min", c.name, f"{c.name} must be >= 0", {"min": 0}))
        if c.type == "date":
            out.append(Rule("datum_in_toekomst", "pair_ge", c.name,
                            f"{c.name} lies after the delivery was made (aangemaakt_op)",
                            {"column_a": "_aangemaakt_op"}))
    names = {c.name for c in columns}
    if {"begindatum", "einddatum"} <= names:
        out.append(Rule("einddatum_voor_begindatum", "pair_ge", "begindatum", "einddatum lies before begindatum",
                        {"column_a": "einddatum"}))
    if (bron, tabel) in SUPPLIER_COLUMN:
        col, regel, msg = SUPPLIER_COLUMN[(bron, tabel)]
        out.append(Rule(regel, "pair_eq", col, msg, {"column_b": "_leverancier"}))
    out.extend(REFERENCE_RULES.get((bron, tabel), []))
    out.append(Rule("ongeldig_type", "is_null", "_type_fouten", "a value cannot be read as its type (see kolom)"))
    return out
