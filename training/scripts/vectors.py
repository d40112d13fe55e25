"""Build the floret vectors for de_lagebild: text prep, floret CBOW, spacy init vectors (floret).

Usage: python training/vectors.py [CORPORA] [WORK]   (defaults: ../shared/corpora, training/work)
The spaCy vectors folder ends up in WORK/vectors/spacy; settings are pipeline.train.VECTOR_SETTINGS.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.train import build_vectors  # noqa: E402


def main(argv: list[str]) -> None:
    corpora = Path(argv[0]) if argv else REPO.parent / "shared" / "corpora"
    work = Path(argv[1]) if len(argv) > 1 else REPO / "training" / "work"
    print(build_vectors(corpora, work))


if __name__ == "__main__":
    main(sys.argv[1:])
