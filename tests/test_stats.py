"""Tests for pipeline.stats: what stats() counts and ranks, and what format_stats() prints."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.schemas import COUNT_FIELDS, TABLES, to_arrow
from pipeline.stats import Named, Stats, format_stats, stats

D1, D2 = "1111111111111111", "2222222222222222"


def _doc(doc_id: str, published: str) -> dict:
    return {"doc_id": doc_id, "path": f"{doc_id}.txt", "published": published,
            "published_date": dt.date.fromisoformat(f"{published}-01"), "title": None, "text": "…",
            "n_sentences": 1, "n_chars": 1, "lang": "de", "encoding": "utf-8", "content_hash": "0" * 64}  # fmt: skip


def _fig(doc_id: str, n: int, low: int | None, high: int | None, country: str | None, status: str) -> dict:
    return {"figure_id": f"{doc_id}-{n}", "doc_id": doc_id, "sent_idx": 0, "start": n, "end": n + 1,
            "text": "x", "low": low, "high": high, "qualifier": "exact" if low == high else "up_to",
            "country": country, "status": status, "attribution": None, "sentence": "x"}  # fmt: skip


def _person(doc_id: str, pid: str, name: str, mentions: int) -> dict:
    return {"doc_id": doc_id, "person_id": pid, "name": name, "roles": [], "mentions": mentions}


def _place(doc_id: str, pid: str, name: str, country: str | None, mentions: int) -> dict:
    return {"doc_id": doc_id, "place_id": pid, "name": name, "country": country, "kind": "city",
            "lat": 39.15, "lon": 127.44, "geonames_id": None, "mentions": mentions}  # fmt: skip


def _org(doc_id: str, org_id: str, name: str, country: str | None, kind: str, mentions: int) -> dict:
    return {"doc_id": doc_id, "org_id": org_id, "name": name, "country": country, "kind": kind,
            "mentions": mentions}  # fmt: skip


def _run(run_id: str, hour: int) -> dict:
    at = dt.datetime(2025, 7, 2, hour, tzinfo=dt.UTC)
    return {"run_id": run_id, "started": at, "finished": at, "model": "de_lagebild", "model_version": "0.1",
            "lagebild_version": "0.1.0", "counts": {n: 2 for n in COUNT_FIELDS}, "seconds": 3.25,
            "words_per_second": 100.0}  # fmt: skip


ROWS: dict[str, list[dict]] = {
    "documents": [_doc(D1, "2025-07"), _doc(D2, "2025-09")],
    "people": [
        _person(D1, "p-kim", "Kim Jong Un", 4),
        _person(D2, "p-kim", "Kim", 1),
        _person(D1, "p-lawrow", "Sergej Lawrow", 2),
        _person(D2, "p-putin", "Wladimir Putin", 2),
    ],
    "places": [
        _place(D1, "g-wonsan", "Wonsan", "KP", 2),
        _place(D1, "g-kursk", "Kursk", "RU", 1),
        _place(D2, "g-kursk", "Kursk", "RU", 3),
    ],
    "organisations": [
        _org(D1, "o-kcna", "KCNA", "KP", "media", 1),
        # the same bare ministry of two states: two organisations, each with its country
        _org(D1, "o-mod-ru", "Verteidigungsministerium", "RU", "government", 3),
        _org(D2, "o-mod-ru", "russisches Verteidigungsministerium", "RU", "government", 2),
        _org(D2, "o-mod-gb", "Verteidigungsministerium", "GB", "government", 4),
        _org(D2, "o-nato", "NATO", None, "international", 1),
    ],
    "entities": [
        {
            "doc_id": D1,
            "sent_idx": 0,
            "start": 0,
            "end": 3,
            "text": "Kim",
            "label": "PER",
            "norm": "Kim Jong Un",
            "ref_id": "p-kim",
            "country": "KP",
            "note": None,
        },
        {
            "doc_id": D1,
            "sent_idx": 0,
            "start": 4,
            "end": 9,
            "text": "Kursk",
            "label": "LOC",
            "norm": "Kursk",
            "ref_id": "g-kursk",
            "country": "RU",
            "note": None,
        },
    ],  # fmt: skip
    "troop_figures": [
        _fig(D1, 1, 14000, 14000, "KP", "deployed"),
        _fig(D2, 1, None, 30000, "KP", "planned"),
        _fig(D2, 2, 11000, 11000, "KP", "deployed"),
        _fig(D2, 3, 500, 500, None, "killed"),
    ],
    "errors": [{"path": "bad.txt", "stage": "ingest", "error": "empty", "message": "empty", "run_id": "r2"}],
    "runs": [_run("r1", 10), _run("r2", 11)],
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tables")
    for table, rows in ROWS.items():
        (out / table).mkdir()
        pq.write_table(to_arrow(table, rows), out / table / "part-x.parquet")
    return out


def test_rows_and_dates(tables: Path) -> None:
    s = stats(tables)
    assert list(s.rows) == list(TABLES)
    assert s.rows["documents"] == 2 and s.rows["troop_figures"] == 4 and s.rows["tokens"] == 0
    assert (s.first_published, s.last_published) == (dt.date(2025, 7, 1), dt.date(2025, 9, 1))
    assert s.entities_by_label == {"LOC": 1, "PER": 1}


def test_most_named_are_summed_over_documents(tables: Path) -> None:
    s = stats(tables, top=2)
    assert s.people == [Named("Kim Jong Un", 5, 2), Named("Sergej Lawrow", 2, 1)]
    assert s.places[0] == Named("Kursk", 4, 2, "RU", "city")
    assert s.organisations == [
        Named("Verteidigungsministerium", 5, 2, "RU", "government"),
        Named("Verteidigungsministerium", 4, 1, "GB", "government"),
    ]


def test_organisations_carry_their_country(tables: Path) -> None:
    orgs = stats(tables).organisations
    assert [(o.name, o.country) for o in orgs][-2:] == [("KCNA", "KP"), ("NATO", None)]
    lines = format_stats(stats(tables)).splitlines()
    gb = next(ln for ln in lines if "Verteidigungsministerium" in ln and "GB" in ln)
    assert "United Kingdom" in gb and "government" in gb
    nato = next(ln for ln in lines if "NATO" in ln)
    assert "international" in nato and "?" not in nato


def test_troops_by_country_and_status(tables: Path) -> None:
    groups = {(g.country, g.status): g for g in stats(tables).troops}
    deployed = groups[("KP", "deployed")]
    assert (deployed.figures, deployed.documents, deployed.low_total, deployed.high_total) == (
        2,
        2,
        25000,
        25000,
    )
    planned = groups[("KP", "planned")]
    assert (planned.low_total, planned.high_total, planned.open_low, planned.largest) == (
        None,
        30000,
        1,
        30000,
    )
    assert groups[(None, "killed")].figures == 1
    assert stats(tables).troops[0].status == "deployed"  # most figures first


def test_errors_and_runs(tables: Path) -> None:
    s = stats(tables)
    assert s.errors == [("ingest", "empty", 1)]
    assert [r.run_id for r in s.runs] == ["r2", "r1"]
    assert s.runs[0].finished == dt.datetime(2025, 7, 2, 11, tzinfo=dt.UTC)


def test_format_names_everything(tables: Path) -> None:
    text = format_stats(stats(tables))
    for expected in ("Kim Jong Un", "Wonsan", "Kursk", "KCNA", "deployed", "25,000", "30,000", "empty", "r2"):
        assert expected in text
    assert "KP " in text and "Korea" in text
    assert text == format_stats(stats(tables))  # deterministic


def test_empty_folder(tmp_path: Path) -> None:
    s = stats(tmp_path)
    assert isinstance(s, Stats)
    assert set(s.rows.values()) == {0}
    assert s.people == [] and s.troops == [] and s.runs == []
    text = format_stats(s)
    assert "0 documents" in text and "(none)" in text


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        stats(tmp_path / "typo")
