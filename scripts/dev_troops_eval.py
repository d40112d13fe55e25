"""Dev measurement of troop-figure extraction against the gold articles (P/R/F1, attribute accuracy)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy

from pipeline.ingest import split_date_header  # noqa: E402
from pipeline.numbers import find_numbers
from pipeline.records import Sentence, TroopFigure
from pipeline.tokenizer import fix_gender_forms


def _import_troops():
    """Import the troops module (tolerating an unfinished ``pipeline.normalise`` package)."""
    try:
        from pipeline.normalise.troops import extract_troop_figures
    except ImportError:  # sibling normalisers still missing: load the package bare
        import importlib
        import types

        import pipeline

        pkg = types.ModuleType("pipeline.normalise")
        pkg.__path__ = [str(Path(pipeline.__file__).parent / "normalise")]
        sys.modules["pipeline.normalise"] = pkg
        extract_troop_figures = importlib.import_module("pipeline.normalise.troops").extract_troop_figures
    return extract_troop_figures


def strip_header(raw: str) -> str:
    """Drop a leading `` date YYYY-MM[-DD]`` header (the article may follow on that line)."""
    return split_date_header(raw)[1]


def sentences_of(nlp, text: str) -> list[Sentence]:
    doc = nlp(text)
    return [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)]


def match(gold: list[dict], pred: list[TroopFigure]) -> list[tuple[dict, TroopFigure | None]]:
    """One-to-one matching on (low, high) in text order, as ``lagebild eval-articles`` does:
    each prediction takes the first free gold figure with the same bounds."""
    free = list(range(len(gold)))
    found: dict[int, TroopFigure] = {}
    for p in sorted(pred, key=lambda f: f.start):
        hit = next((i for i in free if (gold[i]["low"], gold[i]["high"]) == (p.low, p.high)), None)
        if hit is not None:
            free.remove(hit)
            found[hit] = p
    return [(g, found.get(i)) for i, g in enumerate(gold)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dir", nargs="?", default="/work/shared/articles/dev")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and errors")
    args = ap.parse_args()
    extract = _import_troops()
    nlp = fix_gender_forms(spacy.blank("de"))
    nlp.add_pipe("sentencizer")
    tp = fp = fn = 0
    correct = {"qualifier": 0, "country": 0, "status": 0}
    for txt in sorted(Path(args.dir).glob("*.txt")):
        gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))["troop_figures"]
        text = strip_header(txt.read_text(encoding="utf-8"))
        sents = sentences_of(nlp, text)
        pred = extract(text, sents, find_numbers(text, sents))
        pairs = match(gold, pred)
        matched = {id(p) for _, p in pairs if p is not None}
        for g, p in pairs:
            if p is None:
                fn += 1
                if args.verbose:
                    print(f"{txt.stem} MISS {g['text']!r} ({g['low']}, {g['high']})")
                continue
            tp += 1
            for key in correct:
                if getattr(p, key) == g[key]:
                    correct[key] += 1
                elif args.verbose:
                    print(f"{txt.stem} {key.upper()} {p.text!r}: {getattr(p, key)} ≠ {g[key]}")
        for p in pred:
            if id(p) not in matched:
                fp += 1
                if args.verbose:
                    print(f"{txt.stem} FP {p.text!r} ({p.low}, {p.high}) in: {p.sentence[:120]!r}")
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(f"troop figures: tp={tp} fp={fp} fn={fn}  P={prec:.3f} R={rec:.3f} F1={f1:.3f}")
    for key, n in correct.items():
        print(f"{key} accuracy on matched: {n}/{tp} = {n / tp if tp else 0:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
