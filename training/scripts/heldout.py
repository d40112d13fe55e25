"""A second held-out NER figure: PER/LOC/ORG on German Europarl, which no model here trains or selects on.

GermEval dev picks every checkpoint and every vote, so its F1 flatters the models. The Europarl
NER corpus (Faruqui & Padó; ``europarl-ner-de/``: train, dev and test, 4,396 sentences) is
read only here. It follows CoNLL-2003 conventions (MISC includes nationality adjectives), so
MISC is left out of gold and predictions alike; PER, LOC and ORG are scored by exact span on
the corpus's own tokens. A comparison of two models on it is meaningful; its absolute level
is not GermEval's.

    python scripts/heldout.py CORPORA MODEL [MODEL ...]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``training.scripts`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

EUROPARL = tuple(f"europarl-ner-de/data/NER/EuroParl/{split}.tsv" for split in ("train", "dev", "test"))
LABELS = ("PER", "LOC", "ORG")


def iob1_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, label) spans of IOB1 tags (``I-X`` continues or opens, ``B-X`` opens a
    second entity right after one of the same type), only the labels in ``LABELS``."""
    spans = set()
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if start is not None and not continues:
            if label in LABELS:
                spans.add((start, i, label))
            start, label = None, None
        if prefix in ("B", "I") and not continues:
            start, label = i, kind
    return spans


def read_europarl(corpora: Path) -> Iterator[tuple[list[str], set[tuple[int, int, str]]]]:
    """(tokens, gold PER/LOC/ORG spans) of every Europarl sentence."""
    for name in EUROPARL:
        tokens: list[str] = []
        tags: list[str] = []
        for line in [*(corpora / name).read_text(encoding="utf-8").splitlines(), ""]:
            columns = line.split("\t")
            if len(columns) >= 5:
                tokens.append(columns[0])
                tags.append(columns[-1].strip() or "O")
                continue
            if tokens:
                yield tokens, iob1_spans(tags)
            tokens, tags = [], []


def heldout_scores(corpora: Path, model: str) -> dict:
    """P/R/F1 per label and overall of ``model`` on Europarl PER/LOC/ORG."""
    from pipeline.evaluate_ner import predict_spans, score_spans
    from pipeline.recognise import load_nlp

    rows = list(read_europarl(corpora))
    predicted = predict_spans(load_nlp(model), (tokens for tokens, _ in rows))
    predicted = [{s for s in spans if s[2] in LABELS} for spans in predicted]
    return score_spans([gold for _, gold in rows], predicted)


def main(argv: list[str] | None = None) -> None:
    """Print Europarl PER/LOC/ORG F1 of each MODEL."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("corpora", type=Path)
    parser.add_argument("models", nargs="+")
    parser.add_argument("--out", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    figures = {}
    for model in args.models:
        result = heldout_scores(args.corpora, model)
        figures[model] = {
            label: {k: round(100 * v[k], 2) for k in ("p", "r", "f")}
            for label, v in [("overall", result["overall"]), *sorted(result["per_label"].items())]
            if label == "overall" or label in LABELS
        }
        per_label = "  ".join(f"{k} {v['f']:.2f}" for k, v in figures[model].items() if k != "overall")
        o = figures[model]["overall"]
        print(f"{model}: Europarl PER/LOC/ORG F1 {o['f']:.2f} (P {o['p']:.2f} R {o['r']:.2f}; {per_label})")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
