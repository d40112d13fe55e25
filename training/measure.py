"""Measure a model for training/RESULTS.md: dev P/R/F1 per label, words/s (one thread), size, load.

Usage: python training/measure.py MODEL_DIR [DEV_TSV]
(default DEV_TSV: ../shared/corpora/germeval2014/derived/NER-de-dev.4class-bio.tsv)
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEV = REPO.parent / "shared/corpora/germeval2014/derived/NER-de-dev.4class-bio.tsv"


def main(argv: list[str]) -> None:
    import spacy

    from pipeline.evaluate_ner import evaluate_ner, format_report

    model = Path(argv[0])
    dev = Path(argv[1]) if len(argv) > 1 else DEV
    loads = []
    for _ in range(3):
        start = time.perf_counter()
        spacy.load(model)
        loads.append(time.perf_counter() - start)
    result = evaluate_ner(dev, str(model))
    size = sum(p.stat().st_size for p in model.rglob("*") if p.is_file())
    print(format_report(result))
    print(f"size: {size / 1e6:.1f} MB   load: {min(loads):.2f} s (best of 3)")
    row = {
        "f": round(100 * result["overall"]["f"], 2),
        "p": round(100 * result["overall"]["p"], 2),
        "r": round(100 * result["overall"]["r"], 2),
        **{k: round(100 * v["f"], 2) for k, v in result["per_label"].items()},
        "words_per_second": round(result["words_per_second"]),
        "size_mb": round(size / 1e6, 1),
        "load_s": round(min(loads), 2),
    }
    print(json.dumps(row))


if __name__ == "__main__":
    main(sys.argv[1:])
