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
    documents: int = 0  # documents whose gold annotates this kind

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


def match_items(
    doc: str,
    predicted: Sequence[dict],
    gold: Sequence[dict],
    score: Score,
    same: Callable[[dict, dict], bool],
    describe: Callable[[dict], str],
    attributes: Sequence[str] = (),
) -> None:
    """One-to-one, first-fit matching of predicted against gold items, in the given order.

    Counts true positives, spurious predictions and misses; for matched pairs, counts
    which ``attributes`` agree (a disagreement is listed among the misses).
    """
    score.documents += 1
    score.n_pred += len(predicted)
    score.n_gold += len(gold)
    free = list(range(len(gold)))
    for pred in predicted:
        hit = next((i for i in free if same(pred, gold[i])), None)
        if hit is None:
            score.spurious.append(f"{doc}: {describe(pred)}")
            continue
        free.remove(hit)
        score.tp += 1
        for attr in attributes:
            ok = pred.get(attr) == gold[hit].get(attr)
            score.attribute_hits[attr] += ok
            if not ok:
                score.misses.append(
                    f"{doc}: {attr} of {describe(pred)}: {pred.get(attr)} != {gold[hit].get(attr)}"
                )
    score.misses.extend(f"{doc}: {describe(gold[i])}" for i in free)


def same_name(pred: dict, gold: dict) -> bool:
    """A predicted canonical name matches the gold name or one of its accepted forms."""
    return _key(pred["name"]) in {_key(gold["name"]), *map(_key, gold.get("also", []))}


def same_bounds(pred: dict, gold: dict) -> bool:
    """Troop figures match on (low, high)."""
    return (pred["low"], pred["high"]) == (gold["low"], gold["high"])


def _name(item: dict) -> str:
    return str(item["name"])


def _figure(item: dict) -> str:
    return f"{item['text']!r} ({item['low']}, {item['high']})"


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
        # a gold file scores only the kinds it annotates (a check set may hold troop figures alone)
        if "troop_figures" in gold:
            figures = sorted(pred.get("troop_figures", []), key=lambda r: r["start"])
            match_items(
                doc,
                figures,
                gold["troop_figures"],
                report.troop_figures,
                same_bounds,
                _figure,
                ATTRIBUTES,
            )
        for kind, attributes in (("people", ()), ("places", ("country",)), ("organisations", ())):
            if kind not in gold:
                continue
            match_items(
                doc,
                pred.get(kind, []),
                gold[kind],
                getattr(report, kind),
                same_name,
                _name,
                attributes,
            )
    return report


def combine_reports(reports: Sequence[ArticleReport]) -> ArticleReport:
    """Several folders' reports as one, micro-averaged (counts and attribute hits added up)."""
    total = ArticleReport(0, Score(), Score(), Score(), Score())
    for report in reports:
        total.documents += report.documents
        for kind in ("troop_figures", "people", "places", "organisations"):
            into, part = getattr(total, kind), getattr(report, kind)
            into.tp += part.tp
            into.documents += part.documents
            into.n_pred += part.n_pred
            into.n_gold += part.n_gold
            into.attribute_hits.update(part.attribute_hits)
            into.misses.extend(part.misses)
            into.spurious.extend(part.spurious)
    return total


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
        if not s.documents:
            lines.append(f"{name:16}  (not annotated)")
            continue
        tail = extra[name](s) if name in extra else ""
        lines.append(f"{name:16}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.n_gold:7d}{s.n_pred:7d}{tail}")
    if show_errors:
        for name, s in kinds:
            for label, items in (("missed", s.misses), ("spurious", s.spurious)):
                for item in items[:show_errors]:
                    lines.append(f"  {name} {label}: {item}")
    return "\n".join(lines)
