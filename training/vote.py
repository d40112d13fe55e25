"""Measure a strict-majority vote of NER models on GermEval dev: each model's F1, the vote's F1,
and the speed of a lazy vote (the third model only where the first two differ).

Usage: python training/vote.py MODEL_A MODEL_B MODEL_C [MORE ...] [--dev TSV]
(``default`` = the shipped model; the lazy-vote speed is measured for the first three models)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import DEV  # noqa: E402  (also pins BLAS to one thread and puts the repo on sys.path)


def main(argv: list[str]) -> None:
    from pipeline.ensemble import vote_spans
    from pipeline.evaluate_ner import predict_spans, read_germeval, score_spans, tags_to_spans
    from pipeline.recognise import load_nlp

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="+")
    parser.add_argument("--dev", type=Path, default=DEV)
    args = parser.parse_args(argv)
    if len(args.models) < 3:
        parser.error("a vote needs at least three models")
    sentences = read_germeval(args.dev)
    gold = [tags_to_spans(s.tags) for s in sentences]
    models = [load_nlp(None if m == "default" else m) for m in args.models]
    preds = [predict_spans(nlp, (s.tokens for s in sentences)) for nlp in models]
    for name, pred in zip(args.models, preds, strict=True):
        print(f"{100 * score_spans(gold, pred)['overall']['f']:6.2f}  {name}")
    voted = [set(vote_spans(votes)[0]) for votes in zip(*preds, strict=True)]
    print(f"{100 * score_spans(gold, voted)['overall']['f']:6.2f}  vote (strict majority of {len(models)})")

    texts = [" ".join(s.tokens) for s in sentences]
    a, b, c = models[:3]
    for _ in range(2):
        start = time.perf_counter()
        words = [[t.text for t in doc] for doc in a.tokenizer.pipe(texts)]
        first = predict_spans(a, words)
        one = time.perf_counter() - start
        second = predict_spans(b, words)
        differ = [i for i, (x, y) in enumerate(zip(first, second, strict=True)) if x != y]
        predict_spans(c, [words[i] for i in differ])  # the vote itself costs next to nothing
        lazy = time.perf_counter() - start
        n = sum(map(len, words))
        print(f"words/s: first model {n / one:,.0f}; lazy vote of the first three {n / lazy:,.0f} "
              f"(third model on {len(differ)}/{len(words)} sentences)")


if __name__ == "__main__":
    main(sys.argv[1:])
