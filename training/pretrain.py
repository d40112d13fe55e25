"""Pretrain the de_lagebild tok2vec (spaCy characters objective) on the unlabeled German text.

Usage: python training/pretrain.py [WORK] [--words N] [--epochs N]
Writes WORK/pretrain/text.jsonl (a deterministic sample of the floret text, WORK/vectors/text.txt,
plus the WikiANN train/dev text) and runs ``spacy pretrain`` with training/pretrain.cfg into
WORK/pretrain/weights; the NER config then takes ``--paths.init_tok2vec WORK/pretrain/weights/modelN.bin``.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "training" / "pretrain.cfg"
WIKIANN = ("wikiann-de/WikiANN/de/train", "wikiann-de/WikiANN/de/dev")
# WikiANN train sentence 322 is also a GermEval test sentence (SOURCE.md): never use it.
WIKIANN_SKIP = {("wikiann-de/WikiANN/de/train", 322)}


def _wikiann_lines(corpora: Path) -> Iterator[str]:
    for name in WIKIANN:
        tokens: list[str] = []
        index = 0
        for line in (corpora / name).read_text(encoding="utf-8").splitlines() + [""]:
            if line.strip():
                tokens.append(line.split("\t")[0].removeprefix("de:"))
                continue
            if tokens and (name, index) not in WIKIANN_SKIP:
                yield " ".join(tokens)
            if tokens:
                index += 1
            tokens = []


def write_text(work: Path, corpora: Path, max_words: int, seed: int = 0) -> tuple[Path, int]:
    """Shuffle the floret text's paragraphs (seeded), keep ``max_words`` words, add WikiANN."""
    lines = (work / "vectors" / "text.txt").read_text(encoding="utf-8").splitlines()
    random.Random(seed).shuffle(lines)
    out = work / "pretrain" / "text.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    n_words = 0
    with open(out, "w", encoding="utf-8") as handle:
        for line in _wikiann_lines(corpora):
            n_words += line.count(" ") + 1
            handle.write(json.dumps({"text": line}, ensure_ascii=False) + "\n")
        for line in lines:
            if n_words >= max_words:
                break
            n_words += line.count(" ") + 1
            handle.write(json.dumps({"text": line}, ensure_ascii=False) + "\n")
    return out, n_words


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", nargs="?", type=Path, default=REPO / "training" / "work")
    parser.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    parser.add_argument("--words", type=int, default=20_000_000)
    parser.add_argument("--epochs", type=int, default=1)
    args = parser.parse_args(argv)
    text, n_words = write_text(args.work, args.corpora, args.words)
    print(f"pretraining text: {n_words:,} words in {text}", flush=True)
    subprocess.run(
        [sys.executable, "-m", "spacy", "pretrain", str(CONFIG), str(args.work / "pretrain" / "weights"),
         "--code", str(REPO / "training" / "code.py"),
         "--paths.raw_text", str(text), "--paths.vectors", str(args.work / "vectors" / "spacy"),
         "--pretraining.max_epochs", str(args.epochs)],
        check=True, cwd=REPO,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
