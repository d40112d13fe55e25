"""Tests for pipeline.read: load() dtypes, empty and missing tables, live parts, DuckDB views."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.read import connect, dtypes, load, table_files
from pipeline.schemas import SCHEMAS, TABLES, to_arrow
from pipeline.write import Manifest, Store

DOC = "a1b2c3d4e5f60718"


def _documents() -> list[dict]:
    return [
        {"doc_id": DOC, "path": "seeds/a.txt", "published": "2025-07",
         "published_date": dt.date(2025, 7, 1), "title": None, "text": "Kim Jong Un reiste nach Wonsan.",
         "n_sentences": 1, "n_chars": 31, "lang": "de", "encoding": "utf-8", "content_hash": "f" * 64},
    ]  # fmt: skip


def _troops() -> list[dict]:
    return [
        {"figure_id": "fig1", "doc_id": DOC, "sent_idx": 0, "start": 0, "end": 6, "text": "14.000",
         "low": 14000, "high": 14000, "qualifier": "exact", "country": "KP", "status": "deployed",
         "attribution": None, "sentence": "14.000 Soldaten."},
        {"figure_id": "fig2", "doc_id": DOC, "sent_idx": 0, "start": 7, "end": 20, "text": "mehr als 1000",
         "low": 1000, "high": None, "qualifier": "more_than", "country": None, "status": "killed",
         "attribution": "Kiew", "sentence": "mehr als 1000 Soldaten."},
    ]  # fmt: skip


def _people() -> list[dict]:
    return [
        {"doc_id": DOC, "person_id": "p-kim", "name": "Kim Jong Un", "roles": ["Machthaber"], "mentions": 3},
    ]


def _runs() -> list[dict]:
    from pipeline.schemas import COUNT_FIELDS

    now = dt.datetime(2025, 7, 2, 12, 0, tzinfo=dt.UTC)
    return [
        {"run_id": "r1", "started": now, "finished": now, "model": "de_lagebild", "model_version": None,
         "lagebild_version": "0.1.0", "counts": {n: 1 for n in COUNT_FIELDS}, "seconds": 1.5,
         "words_per_second": 10.0},
    ]  # fmt: skip


ROWS = {"documents": _documents, "troop_figures": _troops, "people": _people, "runs": _runs}


def write_plain(out: Path, rows: dict[str, list[dict]], part: str = "part-x") -> None:
    """Parquet parts without a manifest, the way a hand-made folder looks."""
    for table, table_rows in rows.items():
        (out / table).mkdir(parents=True, exist_ok=True)
        pq.write_table(to_arrow(table, table_rows), out / table / f"{part}.parquet")


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    write_plain(tmp_path, {t: make() for t, make in ROWS.items()})
    return tmp_path


@pytest.fixture
def committed(tmp_path: Path) -> Path:
    """A folder written through the Store, with a manifest naming the live parts."""
    store = Store(tmp_path)
    tables = {t: to_arrow(t, make()) for t, make in ROWS.items()}
    store.stage("part-live", tables)
    manifest = Manifest(tables={t: (["part-live"] if t in tables else []) for t in TABLES})
    store.commit(manifest)
    # A leftover file the manifest does not name must not be read.
    pq.write_table(to_arrow("people", _people()), tmp_path / "people" / "stale.parquet")
    return tmp_path


def test_load_declared_dtypes(plain: Path) -> None:
    frames = load(plain)
    assert set(frames) == set(TABLES)
    for table, frame in frames.items():
        assert list(frame.columns) == SCHEMAS[table].names
        assert {c: str(t) for c, t in frame.dtypes.items()} == {c: str(t) for c, t in dtypes(table).items()}
    troops = frames["troop_figures"]
    assert str(troops["low"].dtype) == "Int64"
    assert troops["high"].isna().tolist() == [False, True]
    assert troops["country"].isna().tolist() == [False, True]
    assert frames["documents"]["published_date"].iloc[0] == pd.Timestamp("2025-07-01")
    assert frames["people"]["roles"].iloc[0] == ["Machthaber"]
    assert frames["runs"]["finished"].dt.tz is not None
    assert frames["runs"]["counts"].struct.field("documents").tolist() == [1]


def test_load_empty_folder_gives_empty_typed_frames(tmp_path: Path) -> None:
    frames = load(tmp_path)
    for table, frame in frames.items():
        assert frame.empty
        assert list(frame.columns) == SCHEMAS[table].names
    assert str(frames["places"]["lat"].dtype) == "float64"
    assert str(frames["places"]["mentions"].dtype) == "int32"


def test_load_selected_tables_and_unknown_table(plain: Path) -> None:
    assert list(load(plain, ["people"])) == ["people"]
    with pytest.raises(KeyError):
        load(plain, ["peoples"])


def test_several_parts_are_concatenated(plain: Path) -> None:
    more = [dict(_people()[0], doc_id="ffffffffffffffff", mentions=1)]
    write_plain(plain, {"people": more}, part="part-y")
    people = load(plain, ["people"])["people"]
    assert people["mentions"].tolist() == [3, 1]


def test_manifest_names_the_live_parts(committed: Path) -> None:
    assert [p.name for p in table_files(committed, "people")] == ["part-live.parquet"]
    assert [p.name for p in table_files(committed, "places")] == ["part-empty.parquet"]  # no rows
    assert load(committed, ["places"])["places"].empty
    assert len(load(committed)["people"]) == 1
    con = connect(committed)
    assert con.execute("SELECT count(*) FROM people").fetchone() == (1,)


def test_connect_one_view_per_table(plain: Path) -> None:
    con = connect(plain)
    names = {row[0] for row in con.execute("SHOW TABLES").fetchall()}
    assert names == set(TABLES)
    row = con.execute(
        "SELECT p.name, t.low, t.country FROM troop_figures t JOIN people p USING (doc_id) "
        "WHERE t.country = 'KP'"
    ).fetchone()
    assert row == ("Kim Jong Un", 14000, "KP")
    assert con.execute("SELECT published_date FROM documents").fetchone() == (dt.date(2025, 7, 1),)


def test_connect_empty_tables_are_typed_views(tmp_path: Path) -> None:
    con = connect(tmp_path)
    for table in TABLES:
        rel = con.sql(f"SELECT * FROM {table}")
        assert rel.columns == SCHEMAS[table].names
        assert rel.fetchall() == []
    types = {row[0]: row[1] for row in con.execute("DESCRIBE places").fetchall()}
    assert types["lat"] == "DOUBLE"
    assert types["mentions"] == "INTEGER"
    assert con.execute("SELECT count(*), sum(high) FROM troop_figures").fetchone() == (0, None)


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="lagebild run"):
        load(tmp_path / "typo")
    with pytest.raises(FileNotFoundError):
        connect(tmp_path / "typo")
    assert table_files(tmp_path / "typo", "people") == []


# --------------------------------------------------------------------------- any reader, any run
@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tables of a run without errors and without --tokens: errors and tokens have no rows."""
    from pipeline.runner import run
    from tests.badcorpus import make_good_corpus, make_standin_model

    base = tmp_path_factory.mktemp("clean")
    make_good_corpus(base / "in", 3)
    summary = run([base / "in"], base / "out", make_standin_model(base / "model"), workers=1)
    assert summary.counts["errors"] == 0 and summary.counts["documents"] == 3
    return base / "out"


@pytest.mark.parametrize("table", TABLES)
def test_every_table_of_a_run_opens_in_pandas_duckdb_and_polars(clean_run: Path, table: str) -> None:
    import duckdb
    import polars as pl

    folder = clean_run / table
    declared = SCHEMAS[table]
    rows = 0 if table in ("errors", "tokens") else None
    frame = pd.read_parquet(folder)
    assert list(frame.columns) == declared.names
    rel = duckdb.sql(f"select * from read_parquet('{folder}/*.parquet')")
    assert rel.columns == declared.names
    scratch = duckdb.connect()
    scratch.register("declared", declared.empty_table())
    assert rel.types == scratch.sql("select * from declared").types
    polars = pl.read_parquet(f"{folder}/*.parquet")
    assert polars.schema == pl.from_arrow(declared.empty_table()).schema
    assert len(frame) == len(rel.fetchall()) == polars.height
    if rows is not None:
        assert len(frame) == rows
    else:
        assert len(frame) > 0
    # and through Lagebild's own readers
    assert list(load(clean_run, [table])[table].columns) == declared.names
    assert connect(clean_run, [table]).sql(f"select * from {table}").columns == declared.names
