"""Delivery-level checks: the manifest, the files (presence, SHA-256, row counts) and each
file's schema against the delivery spec. A failure rejects the whole delivery, with a reason a
supplier can act on (file, rule, what was expected)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ..generator.writer import sha256_of
from ..spec import ARROW_TYPES, SOURCES, SPEC_VERSIE

READ_ROWS = 128 * 1024  # rows per record batch read from a file: bounds the memory of reading
MANIFEST_KEYS = {"spec_versie", "bron", "aanlevering_id", "leverancier", "periode", "aangemaakt_op", "bestanden"}


class Rejected(Exception):
    """The whole delivery is rejected: `regel` is the rule id, the message says what to fix."""

    def __init__(self, regel: str, message: str):
        super().__init__(message)
        self.regel = regel


def read_manifest(folder: Path) -> dict:
    path = folder / "manifest.json"
    if not path.is_file():
        raise Rejected("manifest_ontbreekt", f"{path}: manifest.json is missing")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise Rejected("manifest_onleesbaar", f"{path}: not valid UTF-8 JSON ({e})") from None
    if not isinstance(manifest, dict) or set(manifest) != MANIFEST_KEYS:
        got = sorted(manifest) if isinstance(manifest, dict) else type(manifest).__name__
        raise Rejected("manifest_velden", f"{path}: keys must be {sorted(MANIFEST_KEYS)}, got {got}")
    return manifest


def check_manifest(folder: Path, m: dict) -> None:
    where = folder / "manifest.json"
    if m["spec_versie"] != SPEC_VERSIE:
        raise Rejected("spec_versie", f"{where}: spec_versie {m['spec_versie']!r} is not supported (use {SPEC_VERSIE!r})")
    source = SOURCES.get(m["bron"])
    if source is None:
        raise Rejected("bron_onbekend", f"{where}: bron {m['bron']!r} is not one of {sorted(SOURCES)}")
    if not re.match(source.leverancier_pattern, str(m["leverancier"])):
        raise Rejected("leverancier_ongeldig", f"{where}: leverancier {m['leverancier']!r} does not match "
                                               f"{source.leverancier_pattern} for {m['bron']}")
    if not re.match(source.periode_pattern, str(m["periode"])):
        raise Rejected("periode_ongeldig", f"{where}: periode {m['periode']!r} does not match {source.periode_pattern}")
    expected = rf"^{re.escape(m['bron'])}-{re.escape(str(m['leverancier']))}-{re.escape(str(m['periode']))}-\d{{3}}$"
    if not re.match(expected, str(m["aanlevering_id"])):
        raise Rejected("aanlevering_id_ongeldig", f"{where}: aanlevering_id {m['aanlevering_id']!r} must be "
                                                  f"<bron>-<leverancier>-<periode>-<3 digits>")
    if folder.name != m["aanlevering_id"] or folder.parent.name != m["bron"]:
        raise Rejected("map_ongeldig", f"{folder}: folder must be <root>/{m['bron']}/{m['aanlevering_id']}")
    files = m["bestanden"]
    tables = [f.get("tabel") for f in files] if isinstance(files, list) else []
    if not tables or len(set(tables)) != len(tables) or not set(tables) <= set(source.tables):
        raise Rejected("bestanden_ongeldig", f"{where}: bestanden must list each table of {m['bron']} at most once "
                                             f"({sorted(source.tables)}), got {tables}")


def check_file(folder: Path, entry: dict) -> Path:
    """Presence and SHA-256 of one data file (the row count is checked when it is read)."""
    path = folder / str(entry.get("naam", ""))
    if not entry.get("naam") or not path.is_file():
        raise Rejected("bestand_ontbreekt", f"{path}: file listed in the manifest is missing")
    if path.suffix not in (".parquet", ".csv"):
        raise Rejected("bestandsformaat", f"{path}: data files must be .parquet or .csv")
    actual = sha256_of(path)
    if actual != entry.get("sha256"):
        raise Rejected("checksum", f"{path}: SHA-256 is {actual}, the manifest says {entry.get('sha256')} "
                                   f"(file truncated or altered after the manifest was made)")
    return path


def read_batches(path: Path, bron: str, tabel: str, rijen: int) -> Iterator[pa.RecordBatch]:
    """The file as Arrow record batches in the spec's columns. Parquet must carry the spec's types
    and is streamed (READ_ROWS rows at a time, whatever the file's size); CSV is read as
    text (types are checked per value later, so one bad value costs one row).

    The schema and row count are checked before the first batch is yielded; an unreadable batch
    later raises Rejected too."""
    if path.suffix == ".parquet":
        return _parquet_batches(path, bron, tabel, rijen)
    return iter(_read_csv(path, bron, tabel, rijen).to_batches(max_chunksize=READ_ROWS))


def _parquet_batches(path: Path, bron: str, tabel: str, rijen: int) -> Iterator[pa.RecordBatch]:
    columns = SOURCES[bron].tables[tabel]
    names = [c.name for c in columns]
    try:
        file = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as e:
        raise Rejected("bestand_onleesbaar", f"{path}: not a readable Parquet file ({e})") from None
    schema = file.schema_arrow
    _check_columns(path, schema.names, names)
    for c in columns:
        want, got = ARROW_TYPES[c.type], schema.field(c.name).type
        if not _compatible(got, want):
            raise Rejected("kolomtype", f"{path}: column {c.name} has type {got}, expected {c.type} ({want})")
    if file.metadata.num_rows != rijen:
        raise Rejected("aantal_rijen", f"{path}: {file.metadata.num_rows} rows, the manifest says {rijen}")
    return _stream(file, path, names)


def _stream(file: pq.ParquetFile, path: Path, names: list[str]) -> Iterator[pa.RecordBatch]:
    try:
        yield from file.iter_batches(batch_size=READ_ROWS, columns=names)
    except (pa.ArrowException, OSError) as e:
        raise Rejected("bestand_onleesbaar", f"{path}: not a readable Parquet file ({e})") from None


def _read_csv(path: Path, bron: str, tabel: str, rijen: int) -> pa.Table:
    names = [c.name for c in SOURCES[bron].tables[tabel]]
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise Rejected("codering", f"{path}: line {line}: byte 0x{data[e.start]:02x} is not valid UTF-8 "
                                   f"(the spec requires UTF-8)") from None
    header_text = data.split(b"\n", 1)[0].decode("utf-8").lstrip("\ufeff").strip()
    if ";" not in header_text and "," in header_text:
        raise Rejected("scheidingsteken", f"{path}: fields must be separated by ';', the header uses ','")
    try:
        table = pacsv.read_csv(path, parse_options=pacsv.ParseOptions(delimiter=";"),
                               convert_options=pacsv.ConvertOptions(
                                   column_types={n: pa.string() for n in names}, strings_can_be_null=True,
                                   null_values=[""]))
    except pa.ArrowInvalid as e:
        regel = "codering" if "UTF8" in str(e) or "utf8" in str(e) else "bestand_onleesbaar"
        raise Rejected(regel, f"{path}: cannot be read as the spec's CSV ({e})") from None
    _check_columns(path, table.column_names, names)
    table = table.select(names)
    if table.num_rows != rijen:
        raise Rejected("aantal_rijen", f"{path}: {table.num_rows} rows, the manifest says {rijen}")
    return table


def _check_columns(path: Path, got: list[str], want: list[str]) -> None:
    missing = [c for c in want if c not in got]
    extra = [c for c in got if c not in want]
    if missing or extra:
        raise Rejected("kolommen", f"{path}: columns differ from the spec: missing {missing}, unexpected {extra}")


def _compatible(got: pa.DataType, want: pa.DataType) -> bool:
    if pa.types.is_decimal(want):
        return pa.types.is_decimal(got) or pa.types.is_integer(got)
    if pa.types.is_integer(want):
        return pa.types.is_integer(got)
    if pa.types.is_string(want):
        return pa.types.is_string(got) or pa.types.is_large_string(got)
    return got == want
