"""End to end over seeds/: the product's acceptance for the sample article."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from pipeline.runner import run
from pipeline.schemas import SCHEMAS
from tests.conftest import SEEDS


def rows(out: Path, table: str) -> list[dict]:
    return ds.dataset(out / table, format="parquet", schema=SCHEMAS[table]).to_table().to_pylist()


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory) -> dict[str, list[dict]]:
    out = tmp_path_factory.mktemp("seed") / "tables"
    run([str(SEEDS)], out, workers=1, progress=False)
    return {t: rows(out, t) for t in SCHEMAS}


def test_document(seed_tables) -> None:
    (doc,) = seed_tables["documents"]
    assert doc["published"] == "2025-07"
    assert "Anzeige" not in doc["text"]
    assert doc["text"].startswith("Beim Treffen mit Russlands Außenminister")
    assert doc["n_sentences"] == len(seed_tables["sentences"]) > 10


def test_people(seed_tables) -> None:
    people = {p["name"]: p for p in seed_tables["people"]}
    assert set(people) == {"Kim Jong Un", "Sergej Lawrow", "Wladimir Putin"}
    assert "Machthaber" in people["Kim Jong Un"]["roles"]
    assert "Außenminister" in people["Sergej Lawrow"]["roles"]
    assert {"Kremlchef", "Präsident"} <= set(people["Wladimir Putin"]["roles"])


def test_places(seed_tables) -> None:
    places = {(p["name"], p["country"]) for p in seed_tables["places"]}
    expected = {("Wonsan", "KP"), ("Kursk", "RU"), ("Russland", "RU"), ("Nordkorea", "KP"), ("Ukraine", "UA")}
    assert expected <= places
    names = [p["name"] for p in seed_tables["places"]]
    assert len(names) == len(set(names))
    for place in seed_tables["places"]:
        if place["name"] in {"Wonsan", "Kursk"}:
            assert place["lat"] is not None and place["lon"] is not None


def test_organisations(seed_tables) -> None:
    assert "KCNA" in {o["name"] for o in seed_tables["organisations"]}


def test_troop_figures(seed_tables) -> None:
    figures = Counter(
        (f["low"], f["high"], f["qualifier"], f["country"], f["status"]) for f in seed_tables["troop_figures"]
    )
    assert figures == Counter(
        {
            (None, 30000, "up_to", "KP", "planned"): 2,
            (None, 14000, "up_to", "KP", "deployed"): 1,
            (1000, None, "vague", "KP", "deployed"): 1,
        }
    )
    texts = {f["text"] for f in seed_tables["troop_figures"]}
    assert "bis zu 30.000 zusätzliche Soldat:innen" in texts


def test_offsets_of_every_row(seed_tables) -> None:
    text = {d["doc_id"]: d["text"] for d in seed_tables["documents"]}
    checked = 0
    for table, table_rows in seed_tables.items():
        if "start" not in SCHEMAS[table].names:
            continue
        for row in table_rows:
            assert text[row["doc_id"]][row["start"] : row["end"]] == row["text"], (table, row)
            checked += 1
    assert checked > 50


def test_entity_refs_point_at_referents(seed_tables) -> None:
    ids = {p["person_id"] for p in seed_tables["people"]} | {p["place_id"] for p in seed_tables["places"]}
    ids |= {o["org_id"] for o in seed_tables["organisations"]}
    for ent in seed_tables["entities"]:
        if ent["label"] in ("PER", "LOC", "ORG") and ent["ref_id"] is not None:
            assert ent["ref_id"] in ids, ent


def test_rerun_does_not_duplicate(tmp_path) -> None:
    out = tmp_path / "tables"
    run([str(SEEDS)], out, workers=1, progress=False)
    first = {t: len(rows(out, t)) for t in SCHEMAS if t != "runs"}
    summary = run([str(SEEDS)], out, workers=1, progress=False)
    assert summary.counts["unchanged"] == 1 and summary.counts["added"] == 0
    assert {t: len(rows(out, t)) for t in SCHEMAS if t != "runs"} == first
    assert len(rows(out, "runs")) == 2


def test_same_input_same_tables(tmp_path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    run([str(SEEDS)], a, workers=1, progress=False)
    run([str(SEEDS)], b, workers=1, progress=False)
    for table in SCHEMAS:
        if table != "runs":
            assert rows(a, table) == rows(b, table), table


def test_corona_is_no_place(tmp_path) -> None:
    """ "Corona" in German news is the virus and its pandemic, not the Californian city."""
    import pyarrow.dataset as ds

    from pipeline.runner import run

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Die Corona-Pandemie traf den Tourismus in Österreich hart.", encoding="utf-8")
    run([str(folder)], tmp_path / "out", None, progress=False)
    names = [r["name"] for r in ds.dataset(tmp_path / "out" / "places", format="parquet").to_table().to_pylist()]
    assert names == ["Österreich"]
