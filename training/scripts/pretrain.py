"""Pretraining of the NER model's tok2vec: the unlabeled text, then ``spacy pretrain``.

Step of the spaCy project (``pretrain``)::

    python scripts/pretrain.py CORPORA WORK [--words N]   # → WORK/pretrain/weights/model-last.bin

Needs WORK/vectors (``vectors`` step): the floret text is part of the pretraining text and
the vectors are the tok2vec's static input.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``training.scripts`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from training.scripts.corpora import WIKIANN_TEXTS, read_wikiann  # noqa: E402
from training.scripts.paths import CODE_FILE, DEFAULT_CONFIG, REPO  # noqa: E402

# Words of unlabeled text the shipped model's tok2vec was pretrained on (0: no pretraining).
PRETRAIN_WORDS = 11_901_748


def _wikiann_lines(corpora: Path) -> Iterator[str]:
    """WikiANN train/dev sentences as plain text (tokens joined by spaces)."""
    for name in WIKIANN_TEXTS:
        for tokens, _ in read_wikiann(corpora, name):
            yield " ".join(tokens)


def prepare_pretrain_text(corpora: Path, work: Path, max_words: int, *, seed: int = 0) -> tuple[Path, int]:
    """Write ``work/pretrain/text.jsonl`` for ``spacy pretrain``; return it and its word count.

    The WikiANN train/dev text (Wikipedia sentences, the genre of half of GermEval), then the
    floret text's paragraphs (``work/vectors/text.txt``) in a seeded shuffle, up to ``max_words``.
    """
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


def pretrain_tok2vec(
    corpora: Path, work: Path, *, config: Path, vectors_dir: Path | None, max_words: int, seed: int = 0
) -> Path:
    """Pretrain the config's tok2vec (its ``[pretraining]`` block, characters objective) on
    ``max_words`` words of unlabeled text; return the weights file for ``init_tok2vec``.

    Reuses ``work/pretrain/weights/model-last.bin`` when a completed run with the same
    ``max_words`` and ``seed`` left it (``done.json``; an interrupted run leaves none).
    """
    weights = work / "pretrain" / "weights"
    last = weights / "model-last.bin"
    done = weights / "done.json"
    settings = {"max_words": max_words, "seed": seed}
    if last.exists() and done.exists() and json.loads(done.read_text(encoding="utf-8")) == settings:
        return last
    text, _ = prepare_pretrain_text(corpora, work, max_words, seed=seed)
    shutil.rmtree(weights, ignore_errors=True)
    command = [
        sys.executable, "-m", "spacy", "pretrain", str(config), str(weights),
        "--code", str(CODE_FILE), "--paths.raw_text", str(text), "--system.seed", str(seed),
    ]
    if vectors_dir is not None:
        command += ["--paths.vectors", str(vectors_dir)]
    else:
        command += ["--paths.vectors", "null",
                    "--components.tok2vec.model.embed.include_static_vectors", "false"]
    subprocess.run(command, check=True, cwd=REPO)
    done.write_text(json.dumps(settings), encoding="utf-8")
    return last



def main(argv: list[str] | None = None) -> None:
    """Pretrain the config's tok2vec from scratch on WORK's text (the ``pretrain`` step)."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("corpora", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("--words", type=int, default=PRETRAIN_WORDS)
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument("--no-vectors", action="store_true", help="pretrain without the static vectors")
    args = parser.parse_args(argv)
    if args.words <= 0:
        parser.error("--words must be positive (a model without pretraining: scripts/train.py --single "
                     "--pretrain-words 0)")
    work = args.work.resolve()
    shutil.rmtree(work / "pretrain" / "weights", ignore_errors=True)
    print(pretrain_tok2vec(
        args.corpora.resolve(), work, config=args.config.resolve(),
        vectors_dir=None if args.no_vectors else work / "vectors" / "spacy", max_words=args.words,
    ))


if __name__ == "__main__":
    main(sys.argv[1:])
