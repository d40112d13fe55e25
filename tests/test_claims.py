"""Claims: sources normalised, bounds compared, figures grouped across articles; scored on real articles."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline import claims
from pipeline.claims import Figure, group, normalise_source, same_figure
from pipeline.schemas import SCHEMAS
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "claims"
PRECISION_FLOOR, RECALL_FLOOR = 0.95, 0.90


# --------------------------------------------------------------------------- sources
@pytest.mark.parametrize(
    "raw,source",
    [
        ("dem estnischen Nachrichtendienst", "Geheimdienst (EE)"),
        ("des estnischen Geheimdienstes", "Geheimdienst (EE)"),
        ("des polnischen Generalstabs", "Generalstab (PL)"),
        ("dem litauischen Generalstab", "Generalstab (LT)"),
        ("US-Geheimdienstinformationen", "Geheimdienst (US)"),
        ("US-Angaben", "Angaben (US)"),
        ("des ukrainischen Militärgeheimdienstes HUR", "Militärgeheimdienst (UA)"),
        ("einer ukrainischen Geheimdiensteinschätzung", "Geheimdienst (UA)"),
        ("des britischen Verteidigungsministeriums", "Verteidigungsministerium (GB)"),
        ("Medienberichten", "Medien"),
        ("dem US-Sender CNN", "Medien (US)"),
        ("des israelischen Militärs", "Militär (IL)"),
        ("der finnischen Armee", "Armee (FI)"),
        ("Schätzungen", "Schätzungen"),
        ("westlichen Schätzungen", "Schätzungen"),
        ("einem neuen UN-Bericht", "Bericht"),
        ("der Nachrichtenagentur Reuters", "Nachrichtenagentur"),
        ("Mediazona", "Mediazona"),
        ("dem NIS", "NIS"),
        ("der Behörde", "Behörde"),
    ],
)
def test_normalise_source(raw: str, source: str) -> None:
    assert normalise_source(raw) == source


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_no_source(raw: str | None) -> None:
    assert normalise_source(raw) is None


def test_named_source_takes_the_entity_norm() -> None:
    names = {"Selenskyjs": "Wolodymyr Selenskyj", "CNN": "CNN", "Wolodymyr Selenskyj": "Wolodymyr Selenskyj"}
    assert normalise_source("Selenskyjs", names) == "Wolodymyr Selenskyj"
    assert normalise_source("des ukrainischen Präsidenten Wolodymyr Selenskyj", names) == "Wolodymyr Selenskyj"
    assert normalise_source("dem US-Sender CNN", names) == "CNN"
    assert normalise_source("dem US-Sender CNNX", names) == "Medien (US)"
    assert normalise_source("Selenskyj") == "Selenskyj"


def test_source_tables_parse() -> None:
    stems = claims.source_stems()
    assert len({s for s, _ in stems}) == len(stems)
    families = claims.status_families()
    assert families["deployed"] == families["stationed"]
    assert families["planned"] != families["deployed"]


# --------------------------------------------------------------------------- bounds
EXACT = lambda v: (v, v, "exact")  # noqa: E731
APPROX = lambda v: (v, v, "approx")  # noqa: E731


@pytest.mark.parametrize(
    "a,b",
    [
        (EXACT(12000), APPROX(12000)),  # "12.000" / "rund 12.000"
        ((None, 30000, "up_to"), (25000, 30000, "range")),  # "bis zu 30.000" / "25.000 bis 30.000"
        ((None, 30000, "up_to"), EXACT(30000)),  # "bis zu 30.000" / "30.000"
        ((15000, None, "more_than"), APPROX(15000)),  # "mehr als 15.000" / "etwa 15.000"
        ((3000, None, "at_least"), EXACT(3000)),  # "mindestens 3.000" / "3.000"
        ((3000, None, "more_than"), (3000, None, "at_least")),  # "über 3.000" / "mindestens 3.000"
        (APPROX(4700), EXACT(4680)),  # "rund 4.700" / "4.680"
        (APPROX(600), EXACT(600)),
        ((1000, None, "vague"), (1000, None, "vague")),  # "Tausende" / "Tausende"
    ],
)
def test_same_figure(a: tuple, b: tuple) -> None:
    assert same_figure(a, b) and same_figure(b, a)


@pytest.mark.parametrize(
    "a,b",
    [
        ((30000, None, "at_least"), (None, 30000, "up_to")),  # "mindestens" vs "bis zu" 30.000
        ((30000, None, "at_least"), (25000, 30000, "range")),
        (EXACT(12000), EXACT(11000)),
        (APPROX(12000), EXACT(11000)),
        (APPROX(1000), APPROX(1100)),
        (EXACT(4000), APPROX(4700)),
        ((4000, None, "more_than"), APPROX(4700)),  # "über 4.000" is not "rund 4.700"
        ((1000, None, "vague"), (1000, None, "more_than")),  # "Tausende" vs "mehr als 1.000"
        ((10000, None, "vague"), EXACT(10000)),
    ],
)
def test_not_same_figure(a: tuple, b: tuple) -> None:
    assert not same_figure(a, b) and not same_figure(b, a)


# --------------------------------------------------------------------------- grouping
def fig(fid: str, low, high, qualifier="exact", country="KP", status="deployed", day=None, doc=None, source=None):  # noqa: ANN001, ANN201
    published = dt.date(2025, 1, 1) + dt.timedelta(days=day) if day is not None else None
    return Figure(fid, doc or f"doc-{fid}", 0, 0, 5, "x", low, high, qualifier, country, status, published, source)


def groups(figures: list[Figure], window: int = claims.DEFAULT_WINDOW_DAYS) -> set[frozenset[str]]:
    return {frozenset(f.figure_id for f in c.members) for c in group(figures, window)}


def test_same_figure_in_many_outlets_is_one_claim() -> None:
    figures = [
        fig("a", None, 30000, "up_to", status="planned", day=0),
        fig("b", 25000, 30000, "range", status="planned", day=3),
        fig("c", None, 30000, "up_to", status="planned", day=20),
        fig("d", 30000, None, "at_least", status="planned", day=5),  # contradicts a: another claim
    ]
    assert groups(figures) == {frozenset("abc"), frozenset("d")}


def test_statuses_of_one_family_join_others_do_not() -> None:
    figures = [
        fig("a", 12000, 12000, status="stationed", day=0),
        fig("b", 12000, 12000, "approx", status="deployed", day=1),
        fig("c", 12000, 12000, "approx", status="planned", day=1),
    ]
    assert groups(figures) == {frozenset("ab"), frozenset("c")}


def test_countries_must_agree() -> None:
    figures = [fig("a", 5000, 5000, country="RU", day=0), fig("b", 5000, 5000, country="UA", day=0)]
    assert groups(figures) == {frozenset("a"), frozenset("b")}


def test_window_splits_a_figure_repeated_months_later() -> None:
    figures = [fig("a", 600, 600, status="killed", day=0), fig("b", 600, 600, status="killed", day=150)]
    assert groups(figures, window=45) == {frozenset("a"), frozenset("b")}
    assert groups(figures, window=200) == {frozenset("ab")}


def test_window_chains_a_figure_repeated_week_after_week() -> None:
    figures = [fig(str(i), None, 30000, "up_to", status="planned", day=30 * i) for i in range(5)]
    assert groups(figures, window=31) == {frozenset("01234")}
    assert len(groups(figures, window=29)) == 5


def test_unknown_country_or_status_joins_the_one_matching_claim() -> None:
    figures = [
        fig("a", 15000, 15000, "approx", day=0),
        fig("b", 15000, None, "more_than", country=None, day=0),  # headline without nationality
        fig("c", 15000, 15000, status="other", day=2),
        fig("d", 9000, 9000, country=None, day=0),  # matches nothing: a claim of its own
    ]
    assert groups(figures) == {frozenset("abc"), frozenset("d")}


def test_unknown_country_stays_apart_when_two_claims_match() -> None:
    figures = [
        fig("a", 5000, 5000, country="RU", day=0),
        fig("b", 5000, 5000, country="UA", day=0),
        fig("c", 5000, 5000, country=None, day=1),
    ]
    assert groups(figures) == {frozenset("a"), frozenset("b"), frozenset("c")}


def test_undated_figure_joins_the_one_dated_claim() -> None:
    figures = [fig("a", 11000, 11000, day=0), fig("b", 11000, 11000, day=None)]
    assert groups(figures) == {frozenset("ab")}


def test_grouping_and_ids_do_not_depend_on_input_order() -> None:
    figures = [
        fig("a", None, 30000, "up_to", status="planned", day=0, doc="d1"),
        fig("b", None, 30000, "up_to", status="planned", day=0, doc="d1"),
        fig("c", 14000, 14000, day=1, doc="d2"),
        fig("d", 14000, 14000, "approx", day=2, doc="d3", source="Geheimdienst (EE)"),
    ]
    first = claims.claim_rows(group(figures))
    second = claims.claim_rows(group(list(reversed(figures))))
    assert first == second
    rows, members = first
    by_text = {r["n_figures"]: r for r in rows}
    assert by_text[2]["n_documents"] in (1, 2)
    planned = next(r for r in rows if r["status"] == "planned")
    assert (planned["n_documents"], planned["n_figures"], planned["high"]) == (1, 2, 30000)
    deployed = next(r for r in rows if r["status"] == "deployed")
    assert deployed["attributions"] == ["Geheimdienst (EE)"]
    assert deployed["qualifier"] == "exact"  # one exact, one approx: the more precise form is shown
    assert deployed["first_published"] == dt.date(2025, 1, 2)
    assert deployed["last_published"] == dt.date(2025, 1, 3)
    assert {m["claim_id"] for m in members} == {r["claim_id"] for r in rows}


def test_negative_window_is_refused() -> None:
    with pytest.raises(ValueError):
        group([], window=-1)


# --------------------------------------------------------------------------- the real test set
def _gold() -> list[dict]:
    lines = [ln for ln in (FIXTURES / "gold.tsv").read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _published(path: Path) -> dt.date:
    first = path.read_text(encoding="utf-8").splitlines()[0].split()
    value = first[1]
    return dt.date.fromisoformat(value if len(value) == 10 else f"{value}-01")


def pairwise(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of a grouping over the keys in both (1.0 when no pairs)."""
    keys = sorted(set(gold) & set(pred))
    pairs = list(itertools.combinations(keys, 2))
    same_gold = {p for p in pairs if gold[p[0]] == gold[p[1]]}
    same_pred = {p for p in pairs if pred[p[0]] == pred[p[1]]}
    both = len(same_gold & same_pred)
    return (both / len(same_pred) if same_pred else 1.0, both / len(same_gold) if same_gold else 1.0)


def test_pairwise_scores() -> None:
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    assert pairwise(gold, gold) == (1.0, 1.0)
    assert pairwise(gold, {"a": 1, "b": 1, "c": 1, "d": 2}) == (1 / 3, 1 / 2)


def test_fixture_articles_have_sources_and_gold() -> None:
    sources = list(csv.DictReader(
        [ln for ln in (FIXTURES / "sources.tsv").read_text(encoding="utf-8").splitlines() if not ln.startswith("#")],
        delimiter="\t",
    ))  # fmt: skip
    files = {p.name for p in FIXTURES.glob("*.txt")}
    assert {s["file"] for s in sources} == files
    assert all(s["url"].startswith("http") for s in sources)
    assert len({s["outlet"].split(" (")[0] for s in sources}) >= 6
    for row in _gold():
        text = (FIXTURES / row["file"]).read_text(encoding="utf-8")
        assert row["text"] in text, row
    keys = [(row["file"], row["text"]) for row in _gold()]
    assert len(keys) == len(set(keys))


def test_grouping_of_the_gold_figures() -> None:
    """The grouping rule alone, on the hand-annotated figures of the real articles."""
    figures, gold = [], {}
    for i, row in enumerate(_gold()):
        low, high = (int(row[k]) if row[k] else None for k in ("low", "high"))
        fid = f"{row['file']}:{i}"
        figures.append(
            Figure(fid, row["file"], 0, i, i + 1, row["text"], low, high, row["qualifier"],
                   row["country"] or None, row["status"], _published(FIXTURES / row["file"]))
        )  # fmt: skip
        gold[fid] = row["claim"]
    pred = {f.figure_id: c.claim_id for c in group(figures) for f in c.members}
    precision, recall = pairwise(gold, pred)
    print(f"gold figures {len(gold)}: pairwise precision {precision:.3f} recall {recall:.3f}")
    assert precision >= PRECISION_FLOOR and recall >= RECALL_FLOOR


@pytest.mark.slow
def test_claims_of_the_real_articles_end_to_end(tmp_path: Path) -> None:
    """Run Lagebild on the real articles; score the claims of the figures it found against the gold."""
    import pipeline

    articles = tmp_path / "articles"
    shutil.copytree(FIXTURES, articles, ignore=shutil.ignore_patterns("*.tsv"))
    out = tmp_path / "data"
    pipeline.run([str(articles)], out, workers=1, progress=False)
    tables = pipeline.load(out, ["documents", "troop_figures", "figure_claims", "claims"])
    docs = tables["documents"].set_index("doc_id")
    troops = tables["troop_figures"].merge(tables["figure_claims"][["figure_id", "claim_id"]], on="figure_id")
    assert troops["claim_id"].notna().all() and len(troops) == len(tables["figure_claims"])
    gold, pred = {}, {}
    for i, row in enumerate(_gold()):
        key = f"{row['file']}:{i}"
        gold[key] = row["claim"]
        found = docs.index[docs["path"].str.endswith("/" + row["file"])]
        if not len(found):  # the article became an errors row: its figures count as not found
            continue
        start = docs.loc[found[0], "text"].index(row["text"])
        end = start + len(row["text"])
        hits = troops[(troops["doc_id"] == found[0]) & (troops["start"] < end) & (troops["end"] > start)]
        if len(hits):
            pred[key] = hits.iloc[0]["claim_id"]
    precision, recall = pairwise(gold, pred)
    print(f"found {len(pred)} of {len(gold)} gold figures: pairwise precision {precision:.3f} recall {recall:.3f}")
    assert len(pred) >= 0.9 * len(gold)
    # measured: 44 of 47 found, precision 1.000, recall 0.778 (0.556-0.667 before troops.py read clause
    # structure). The misses are figures whose status or country the extraction reads differently from the
    # gold (headlines without a country word), which keep figures apart; with the gold attributes the
    # grouping reaches 0.977 (test above).
    assert precision >= PRECISION_FLOOR and recall >= 0.7

    # a rerun changes nothing: same parts, same ids
    before = sorted(p.name for p in (out / "claims").glob("*.parquet"))
    ids = set(tables["claims"]["claim_id"])
    pipeline.run([str(articles)], out, workers=1, progress=False)
    assert sorted(p.name for p in (out / "claims").glob("*.parquet")) == before
    assert set(pipeline.load(out, ["claims"])["claims"]["claim_id"]) == ids

    # a changed article moves its figures: the 12,000 of BR no longer joins Kurier's
    br = articles / "br_2024-10.txt"
    br.write_text(br.read_text(encoding="utf-8").replace("12.000 nordkoreanische", "19.000 nordkoreanische"), encoding="utf-8")
    pipeline.run([str(articles)], out, workers=1, progress=False)
    after = pipeline.load(out, ["claims", "troop_figures", "figure_claims"])
    figs = after["troop_figures"].merge(after["figure_claims"][["figure_id", "claim_id"]], on="figure_id")
    nineteen = figs[figs["text"].str.startswith("19.000")]
    assert len(nineteen) == 1
    claim = after["claims"].set_index("claim_id").loc[nineteen.iloc[0]["claim_id"]]
    assert (claim["n_figures"], claim["high"]) == (1, 19000)
    assert set(after["figure_claims"]["figure_id"]) == set(after["troop_figures"]["figure_id"])
    for part in (out / "claims").glob("*.parquet"):  # readable directly, declared schema
        assert pq.read_table(part).schema.equals(SCHEMAS["claims"], check_metadata=False)


# --------------------------------------------------------------------------- written with the run
def _doc(doc_id: str, published: str) -> dict:
    return {"doc_id": doc_id, "path": f"{doc_id}.txt", "published": published,
            "published_date": dt.date.fromisoformat(published), "title": None, "text": "x" * 40, "n_sentences": 1,
            "n_chars": 40, "lang": "de", "encoding": "utf-8", "content_hash": doc_id}  # fmt: skip


def _troop(doc_id: str, start: int, high: int, attribution: str | None = None) -> dict:
    return {"figure_id": f"{doc_id}-{start}", "doc_id": doc_id, "sent_idx": 0, "start": start, "end": start + 6,
            "text": "Soldat", "low": None, "high": high, "qualifier": "up_to", "country": "KP", "status": "planned",
            "attribution": attribution, "sentence": "x"}  # fmt: skip


def _stage_docs(store, manifest, part: str, docs: list[dict], troops: list[dict]) -> None:  # noqa: ANN001
    from pipeline.schemas import to_arrow

    store.stage(part, {"documents": to_arrow("documents", docs), "troop_figures": to_arrow("troop_figures", troops)})
    for table in ("documents", "troop_figures"):
        manifest.tables[table].append(part)


def test_claims_are_committed_with_the_run_and_a_crash_keeps_the_last_ones(tmp_path: Path) -> None:
    from pipeline.read import load
    from pipeline.write import Store

    out = tmp_path / "out"
    store = Store(out)
    first = store.manifest.copy()
    _stage_docs(store, first, "part-a", [_doc("d1", "2025-07-01"), _doc("d2", "2025-07-03")],
                [_troop("d1", 0, 30000, "Medienberichten"), _troop("d1", 20, 30000), _troop("d2", 5, 30000,
                 "dem estnischen Nachrichtendienst")])  # fmt: skip
    claims.update(store, first)
    store.commit(first)
    tables = load(out, ["claims", "figure_claims"])
    assert len(tables["claims"]) == 1 and len(tables["figure_claims"]) == 3
    row = tables["claims"].iloc[0]
    assert (row["n_documents"], row["n_figures"], row["high"]) == (2, 3, 30000)
    assert list(row["attributions"]) == ["Geheimdienst (EE)", "Medien"]
    live = sorted(p.name for p in (out / "claims").iterdir())

    again = store.manifest.copy()  # nothing changed: the live part stays, nothing is staged
    claims.update(store, again)
    assert again.tables["claims"] == first.tables["claims"]
    assert not list((out / "_lagebild" / "staging" / "claims").iterdir())

    crashed = store.manifest.copy()  # a new article, then the run dies before its commit
    _stage_docs(store, crashed, "part-b", [_doc("d3", "2025-07-05")], [_troop("d3", 0, 14000)])
    claims.update(store, crashed)
    assert list((out / "_lagebild" / "staging" / "claims").iterdir())  # staged, not live
    assert sorted(p.name for p in (out / "claims").iterdir()) == live
    assert len(load(out, ["claims"])["claims"]) == 1  # readers still see the last run's claims

    recovered = Store(out)  # the next run: recovery drops what never became live, then rebuilds
    recovered.publish(recover=True)
    assert not list((out / "_lagebild" / "staging" / "claims").iterdir())
    nxt = recovered.manifest.copy()
    _stage_docs(recovered, nxt, "part-b", [_doc("d3", "2025-07-05")], [_troop("d3", 0, 14000)])
    claims.update(recovered, nxt)
    recovered.commit(nxt)
    after = load(out, ["claims", "figure_claims"])
    assert sorted(after["claims"]["high"]) == [14000, 30000]
    assert set(after["claims"]["claim_id"]) >= set(tables["claims"]["claim_id"])  # the old claim keeps its id
