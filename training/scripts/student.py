"""Train one student NER on GermEval train and the vote-labelled transfer set (``distil.cfg``).

The student starts from the teacher's own ``tok2vec`` + ``ner`` (sourced, so the vectors, the
lexicon features and the architecture are the shipped ones) and is trained on a folder that
holds GermEval train twice (gold weighs more than silver) and the transfer set written by
``scripts/distil.py``. The checkpoint is chosen on GermEval dev (``model-best``).

Step of the spaCy project (``student``)::

    python scripts/student.py CORPUS_DIR TRANSFER.spacy TEACHER OUT [--max-steps N]
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``training.scripts`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from training.scripts.paths import TRAINING_DIR  # noqa: E402

CONFIG = TRAINING_DIR / "distil.cfg"
GOLD_COPIES = 2


def training_folder(corpus: Path, transfer: Path, folder: Path) -> Path:
    """``folder`` holding GermEval train ``GOLD_COPIES`` times and the transfer set (spaCy's
    corpus reader takes every .spacy file of a folder)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for k in range(GOLD_COPIES):
        shutil.copyfile(corpus / "train.spacy", folder / f"germeval-{k}.spacy")
    shutil.copyfile(transfer, folder / "transfer.spacy")
    return folder


def train_student(corpus: Path, transfer: Path, teacher: Path, out: Path, *, max_steps: int = -1) -> Path:
    """Train the student into ``out``; return ``out/model-best``."""
    from spacy.cli.train import train

    import training.code  # noqa: F401  (the tokenizer callback and the lexicon architecture)

    folder = training_folder(corpus, transfer, out / "train")
    overrides = {
        "paths.train": str(folder),
        "paths.dev": str(corpus / "dev.spacy"),
        "paths.teacher": str(teacher),
        **({"training.max_steps": max_steps} if max_steps >= 0 else {}),
    }
    train(CONFIG, out, overrides=overrides)
    shutil.rmtree(folder)
    return out / "model-best"


def main(argv: list[str] | None = None) -> None:
    """Train the distilled student."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("corpus", type=Path, help="the folder with train.spacy and dev.spacy")
    parser.add_argument("transfer", type=Path)
    parser.add_argument("teacher", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--max-steps", type=int, default=-1, help="-1: the config's")
    args = parser.parse_args(argv)
    print(train_student(args.corpus, args.transfer, args.teacher, args.out, max_steps=args.max_steps))


if __name__ == "__main__":
    main(sys.argv[1:])
