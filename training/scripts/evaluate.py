"""Score a trained model on GermEval dev like ``lagebild evaluate-ner`` and compare its F1
with the shipped model's (the reproduction check of the spaCy project).

Step of the spaCy project (``evaluate``)::

    python scripts/evaluate.py MODEL CORPORA OUT_JSON

Prints the P/R/F1 table, the speed next to spaCy's stock CPU NER (ratio model / stock), and
the dev F1 against the one recorded in ``pipeline/models/de_lagebild/meta.json``; writes the
figures to OUT_JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``training.scripts`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from training.scripts.corpora import GERMEVAL_DEV  # noqa: E402
from training.scripts.meta import MODEL_NAME, lagebild_meta  # noqa: E402
from training.scripts.paths import REPO  # noqa: E402

SHIPPED = REPO / "pipeline" / "models" / MODEL_NAME
# How far a reproduction's dev F1 may be from the shipped model's (issue 15: within 0.5).
TOLERANCE = 0.5


def compare_with_shipped(f1: float, shipped: Path = SHIPPED) -> dict[str, Any]:
    """``f1`` (percent) against the dev F1 the shipped model's meta.json records."""
    recorded = lagebild_meta(shipped).get("dev_scores", {}).get("overall", {}).get("f")
    if recorded is None:
        return {"shipped_dev_f1": None, "difference": None, "within_tolerance": None}
    difference = round(f1 - recorded, 2)
    return {"shipped_dev_f1": recorded, "difference": difference, "within_tolerance": abs(difference) <= TOLERANCE}


def main(argv: list[str] | None = None) -> None:
    """Score MODEL on CORPORA's GermEval dev; print the table and the comparison; write OUT_JSON."""
    import argparse

    from pipeline.evaluate_ner import evaluate_ner, format_report

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("model", type=Path)
    parser.add_argument("corpora", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    result = evaluate_ner(args.corpora.resolve() / GERMEVAL_DEV, str(args.model.resolve()))
    f1 = round(100 * result["overall"]["f"], 2)
    comparison = compare_with_shipped(f1)
    print(format_report(result))
    if comparison["shipped_dev_f1"] is not None:
        verdict = "within" if comparison["within_tolerance"] else "NOT within"
        print(f"\ndev F1 {f1:.2f}, shipped {MODEL_NAME} {comparison['shipped_dev_f1']:.2f}: "
              f"{comparison['difference']:+.2f} ({verdict} ±{TOLERANCE})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"dev_f1": f1, **comparison, **result}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
