"""The delivery specification (../shared/spec/deliveries.md, version 1) as data.

One place for the sources, their tables, columns, types and supplier/period formats: the
generator writes from it and the ingest checks against it.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

SPEC_VERSIE = "1"

ARROW_TYPES = {
    "str": pa.string(),
    "date": pa.date32(),
    "int": pa.int64(),
    "dec": pa.decimal128(14, 2),
    "bool": pa.bool_(),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # str | date | int | dec | bool
    nullable: bool = False


@dataclass(frozen=True)
class Source:
    bron: str
    leverancier_pattern: str  # regular expression for manifest.leverancier
    periode_pattern: str  # regular expression for manifest.periode
    tables: dict[str, tuple[Column, ...]]


def _cols(spec: str) -> tuple[Column, ...]:
    """'a:str b:date? c:dec' -> Columns; '?' marks nullable."""
    out = []
    for item in spec.split():
        name, typ = item.split(":")
        out.append(Column(name, typ.rstrip("?"), typ.endswith("?")))
    return tuple(out)


YEAR = r"^(19|20)\d{2}$"
MONTH = r"^(19|20)\d{2}-(0[1-9]|1[0-2])$"
DAY = r"^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"

SOURCES: dict[str, Source] = {
    s.bron: s
    for s in [
        Source("zvw_verzekerden", r"^\d{4}$", YEAR, {"verzekerden": _cols(
            "persoon_id:str uzovi:str geboortedatum:date geslacht:str buurtcode:str? begindatum:date "
            "einddatum:date?")}),
        Source("zvw_declaraties", r"^\d{4}$", MONTH, {"declaraties": _cols(
            "regel_id:str uzovi:str persoon_id:str zorgstroom:str prestatiecode:str atc_code:str? ddd:dec? "
            "diagnosecode:str? begindatum:date einddatum:date aantal:int bedrag:dec debet_credit:str "
            "origineel_regel_id:str? declarant_agb:str zorgverlener_agb:str? verwerkingsdatum:date")}),
        Source("agb_register", r"^VEKTIS$", DAY, {
            "zorgverleners": _cols("zorgverlener_agb:str geboortedatum:date geslacht:str begindatum:date "
                                   "einddatum:date?"),
            "ondernemingen": _cols("onderneming_agb:str naam:str kvk_nummer:str begindatum:date einddatum:date?"),
            "vestigingen": _cols("vestiging_agb:str onderneming_agb:str naam:str postcode:str gemeentecode:str "
                                 "begindatum:date einddatum:date?"),
            "werkrelaties": _cols("zorgverlener_agb:str vestiging_agb:str begindatum:date einddatum:date?"),
            "kwalificaties": _cols("agb_code:str entiteit:str kwalificatiecode:str begindatum:date "
                                   "einddatum:date?"),
        }),
        Source("wlz_zorg", r"^ZK\d{2}$", MONTH, {"wlz_zorg": _cols(
            "persoon_id:str leveringsvorm:str met_behandeling:bool zorgprofiel:str begindatum:date "
            "einddatum:date? kosten:dec")}),
        Source("wmo_voorzieningen", r"^CBS$", YEAR, {"wmo_voorzieningen": _cols(
            "persoon_id:str gemeentecode:str voorziening:str begindatum:date einddatum:date? kosten:dec?")}),
        Source("jeugdwet_trajecten", r"^GM\d{4}$", YEAR, {"jeugdwet_trajecten": _cols(
            "persoon_id:str gemeentecode:str hulpvorm:str begindatum:date einddatum:date? kosten:dec")}),
        Source("ggz_wachttijden", r"^\d{8}$", MONTH, {"ggz_wachttijden": _cols(
            "aanbieder_agb:str vestiging_agb:str peildatum:date diagnosegroep:str aanmeldwachttijd_dagen:int "
            "behandelwachttijd_dagen:int")}),
    ]
}


def arrow_schema(bron: str, tabel: str) -> pa.Schema:
    return pa.schema([pa.field(c.name, ARROW_TYPES[c.type], nullable=c.nullable)
                      for c in SOURCES[bron].tables[tabel]])


def to_table(bron: str, tabel: str, columns: dict) -> pa.Table:
    """Build a spec-typed Arrow table from numpy arrays / lists, in the spec's column order."""
    schema = arrow_schema(bron, tabel)
    arrays = []
    for field in schema:
        value = columns[field.name]
        arr = value if isinstance(value, (pa.Array, pa.ChunkedArray)) else pa.array(value)
        arrays.append(arr.cast(field.type) if arr.type != field.type else arr)
    return pa.Table.from_arrays(arrays, schema=schema)
