"""Read a Lagebild tables folder: pandas DataFrames with the declared dtypes, or DuckDB views over the Parquet parts."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schemas import SCHEMA_VERSION, SCHEMAS, TABLES
from pipeline.write import MANIFEST, META_DIR, STAGING

__all__ = ["connect", "dtypes", "load", "pandas_dtype", "table_files"]

PathLike = str | os.PathLike[str]


# --------------------------------------------------------------------------- which files
def _manifest_tables(out: Path) -> dict[str, list[str]] | None:
    """Live part names per table from the manifest, or None when the folder has no manifest."""
    path = out / META_DIR / MANIFEST
    if not path.exists():
        return None
    body = json.loads(path.read_text(encoding="utf-8"))
    if body.get("schema_version") != SCHEMA_VERSION:
        raise RuntimeError(
            f"{out} was written with schema version {body.get('schema_version')}, "
            f"this Lagebild reads {SCHEMA_VERSION}"
        )
    return body.get("tables", {})


def _live_part(out: Path, table: str, part: str) -> Path | None:
    """A live part sits in its table folder, or briefly still in staging right after a commit."""
    for folder in (out / table, out / META_DIR / STAGING / table):
        candidate = folder / f"{part}.parquet"
        if candidate.exists():
            return candidate
    return None


def table_files(path: PathLike, table: str) -> list[Path]:
    """The live Parquet files of ``table`` in ``path``, sorted.

    With a manifest (any folder written by ``lagebild run``) only the parts it names are
    read; without one, every ``*.parquet`` file in ``path/<table>/``.
    """
    if table not in SCHEMAS:
        raise KeyError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
    out = Path(path)
    live = _manifest_tables(out)
    if live is None:
        folder = out / table
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.glob("*.parquet") if not p.name.startswith("."))
    found = (_live_part(out, table, part) for part in live.get(table, []))
    return sorted(p for p in found if p is not None)


def _folder(path: PathLike) -> Path:
    out = Path(path)
    if not out.is_dir():
        raise FileNotFoundError(
            f"no Lagebild tables folder at {out}: run `lagebild run ARTICLES --out {out}` first"
        )
    return out


def _tables(tables: Iterable[str] | None) -> tuple[str, ...]:
    names = tuple(tables) if tables is not None else TABLES
    unknown = [t for t in names if t not in SCHEMAS]
    if unknown:
        raise KeyError(f"unknown tables {unknown}; tables: {', '.join(TABLES)}")
    return names


# --------------------------------------------------------------------------- pandas
def pandas_dtype(type_: pa.DataType, nullable: bool = True) -> object:
    """The pandas dtype a column of arrow type ``type_`` gets in :func:`load`.

    Strings are ``string[pyarrow]`` (missing = ``pd.NA``); integers keep their width, as
    numpy ints when the column cannot be null, else nullable ``Int32``/``Int64``; floats
    are ``float64`` (missing = NaN); dates and timestamps become ``datetime64`` so they
    plot and resample; lists and structs stay Arrow-backed (``.list`` / ``.struct``).
    """
    if pa.types.is_string(type_) or pa.types.is_large_string(type_):
        return pd.StringDtype("pyarrow")
    if pa.types.is_integer(type_):
        numpy_name = str(type_.to_pandas_dtype().__name__)  # e.g. "int32"
        return numpy_name if not nullable else numpy_name.capitalize()
    if pa.types.is_floating(type_):
        return "float64"
    if pa.types.is_boolean(type_):
        return "bool" if not nullable else "boolean"
    if pa.types.is_date(type_):
        return "datetime64[s]"
    if pa.types.is_timestamp(type_):
        return pd.DatetimeTZDtype(unit=type_.unit, tz=type_.tz) if type_.tz else f"datetime64[{type_.unit}]"
    return pd.ArrowDtype(type_)


def dtypes(table: str) -> dict[str, object]:
    """Column name → pandas dtype of ``table``, derived from its declared schema."""
    return {f.name: pandas_dtype(f.type, f.nullable) for f in SCHEMAS[table]}


def _read_arrow(out: Path, table: str) -> pa.Table:
    schema = SCHEMAS[table]
    parts = [pq.read_table(p, schema=schema) for p in table_files(out, table)]
    if not parts:
        return schema.empty_table()
    return pa.concat_tables(parts)


def _to_pandas(table: str, data: pa.Table) -> pd.DataFrame:
    wanted = dtypes(table)
    columns = {}
    for field in data.schema:
        dtype = wanted[field.name]
        column = data.column(field.name)
        if isinstance(dtype, pd.ArrowDtype | pd.StringDtype):
            columns[field.name] = pd.Series(pd.array(column, dtype=dtype), name=field.name)
        else:
            series = column.to_pandas(date_as_object=False)
            columns[field.name] = series.astype(dtype)
    return pd.DataFrame(columns, columns=list(wanted))


def load(path: PathLike, tables: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """Read every table of a Lagebild output folder into pandas, with the declared dtypes.

    Returns ``{table: DataFrame}`` for all tables (or just ``tables``); a table with no
    rows, or no folder of its own, is an empty DataFrame with the right columns and
    dtypes. Row order follows the Parquet parts (sorted by file name), not any meaning.
    Raises FileNotFoundError when ``path`` is not a folder.
    """
    out = _folder(path)
    return {t: _to_pandas(t, _read_arrow(out, t)) for t in _tables(tables)}


# --------------------------------------------------------------------------- duckdb
def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _create_view(con: duckdb.DuckDBPyConnection, out: Path, table: str) -> None:
    files = table_files(out, table)
    if files:
        listing = ", ".join(_sql_string(str(p.resolve())) for p in files)
        con.execute(f'CREATE OR REPLACE VIEW "{table}" AS SELECT * FROM read_parquet([{listing}])')
        return
    # No rows yet: a typed, empty view with the declared columns.
    columns = ", ".join(f'CAST(NULL AS {type_}) AS "{name}"' for name, type_ in _duckdb_columns(con, table))
    con.execute(f'CREATE OR REPLACE VIEW "{table}" AS SELECT {columns} WHERE false')


def _duckdb_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    """(name, DuckDB type) of each declared column, as DuckDB maps the arrow schema."""
    scratch = f"_lagebild_schema_{table}"
    con.register(scratch, SCHEMAS[table].empty_table())
    try:
        return [(row[0], row[1]) for row in con.execute(f'DESCRIBE "{scratch}"').fetchall()]
    finally:
        con.unregister(scratch)


def connect(path: PathLike, tables: Iterable[str] | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per table of a Lagebild output folder.

    ``SELECT * FROM people`` and joins such as ``troop_figures JOIN places USING (doc_id)``
    work directly; empty tables are empty views with the declared columns. The views
    name the parts live at connection time: reconnect after a new run. Raises
    FileNotFoundError when ``path`` is not a folder.
    """
    out = _folder(path)
    con = duckdb.connect(":memory:")
    try:
        con.execute("SET TimeZone = 'UTC'")
    except duckdb.Error:  # pragma: no cover - only without the ICU extension
        pass
    for table in _tables(tables):
        _create_view(con, out, table)
    return con
