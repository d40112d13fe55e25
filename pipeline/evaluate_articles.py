"""Evaluate the whole pipeline on gold-annotated articles: troop figures, people, places, organisations."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.dataset as ds

from pipeline.runner import run

ATTRIBUTES = ("qualifier", "country", "status")


@dataclass
class Score:
    """Counts for one kind of item, micro-averaged over documents."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    attribute_hits: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, attribute: str) -> float:
        return self.attribute_hits[attribute] / self.tp if self.tp else 0.0


@dataclass
class ArticleReport:
    documents: int
    troop_figures: Score
    people: Score
    places: Score
    organisations: Score


def _key(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


def match_names(
    doc: str, predicted: Sequence[dict], gold: Sequence[dict], score: Score, attributes: Sequence[str] = ()
) -> None:
    """One-to-one matching of predicted canonical names against gold name/also forms."""
    score.n_pred += len(predicted)
    score.n_gold += len(gold)
    free = list(range(len(gold)))
    for pred in predicted:
        hit = next(
            (
                i
                for i in free
                if _key(pred["name"]) in {_key(gold[i]["name"]), *map(_key, gold[i].get("also", []))}
            ),
            None,
        )
        if hit is None:
            score.spurious.append(f"{doc}: {pred['name']}")
            continue
        free.remove(hit)
        score.tp += 1
        for attr in attributes:
            score.attribute_hits[attr] += pred.get(attr) == gold[hit].get(attr)
    score.misses.extend(f"{doc}: {gold[i]['name']}" for i in free)


def match_figures(doc: str, predicted: Sequence[dict], gold: Sequence[dict], score: Score) -> None:
    """Match troop figures on (low, high), in text order, one to one."""
    score.n_pred += len(predicted)
    score.n_gold += len(gold)
    free = list(range(len(gold)))
    for pred in predicted:
        hit = next(
            (i for i in free if (gold[i]["low"], gold[i]["high"]) == (pred["low"], pred["high"])), None
        )
        if hit is None:
            score.spurious.append(f"{doc}: {pred['text']!r} ({pred['low']}, {pred['high']})")
            continue
        free.remove(hit)
        score.tp += 1
        for attr in ATTRIBUTES:
            ok = pred.get(attr) == gold[hit].get(attr)
            score.attribute_hits[attr] += ok
            if not ok:
                score.misses.append(
                    f"{doc}: {attr} of {pred['text']!r}: {pred.get(attr)} != {gold[hit].get(attr)}"
                )
    score.misses.extend(f"{doc}: {gold[i]['text']!r} ({gold[i]['low']}, {gold[i]['high']})" for i in free)


def _rows(out: Path, table: str) -> list[dict]:
    return ds.dataset(out / table, format="parquet").to_table().to_pylist()


def eval_articles(
    directory: str | Path, model: str | None = None, *, aliases: str | Path | None = None, workers: int = 1
) -> ArticleReport:
    """Run the pipeline over ``directory`` and score it against the ``NNN.json`` gold files."""
    directory = Path(directory)
    with tempfile.TemporaryDirectory(prefix="lagebild-eval-") as tmp:
        out = Path(tmp) / "tables"
        run([str(directory)], out, model, workers=workers, aliases=aliases, progress=False)
        tables = {
            t: _rows(out, t) for t in ("documents", "troop_figures", "people", "places", "organisations")
        }
    by_doc: dict[str, dict[str, list[dict]]] = {}
    doc_names = {d["doc_id"]: Path(d["path"]).stem for d in tables["documents"]}
    for table, rows in tables.items():
        for row in rows:
            by_doc.setdefault(doc_names.get(row["doc_id"], "?"), {}).setdefault(table, []).append(row)
    report = ArticleReport(0, Score(), Score(), Score(), Score())
    for gold_path in sorted(directory.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = by_doc.get(gold_path.stem, {})
        report.documents += 1
        doc = gold_path.stem
        figures = sorted(pred.get("troop_figures", []), key=lambda r: r["start"])
        match_figures(doc, figures, gold.get("troop_figures", []), report.troop_figures)
        match_names(doc, pred.get("people", []), gold.get("people", []), report.people)
        match_names(doc, pred.get("places", []), gold.get("places", []), report.places, ("country",))
        match_names(doc, pred.get("organisations", []), gold.get("organisations", []), report.organisations)
    return report


def format_report(report: ArticleReport, *, show_errors: int = 0) -> str:
    """A printable table of the scores (and the first ``show_errors`` misses per kind)."""
    lines = [f"Articles: {report.documents}", f"{'':16}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
    extra: dict[str, Callable[[Score], str]] = {
        "troop figures": lambda s: "  " + "  ".join(f"{a} acc {s.accuracy(a):.3f}" for a in ATTRIBUTES),
        "places": lambda s: f"  country acc {s.accuracy('country'):.3f}",
    }
    kinds = [
        ("troop figures", report.troop_figures),
        ("people", report.people),
        ("places", report.places),
        ("organisations", report.organisations),
    ]
    for name, s in kinds:
        tail = extra[name](s) if name in extra else ""
        lines.append(f"{name:16}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.n_gold:7d}{s.n_pred:7d}{tail}")
    if show_errors:
        for name, s in kinds:
            for label, items in (("missed", s.misses), ("spurious", s.spurious)):
                for item in items[:show_errors]:
                    lines.append(f"  {name} {label}: {item}")
    return "\n".join(lines)
