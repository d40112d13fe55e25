"""Where the training recipe finds the repository, the spaCy project, its config and code file."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TRAINING_DIR = REPO / "training"
DEFAULT_CONFIG = TRAINING_DIR / "ner.cfg"
CODE_FILE = TRAINING_DIR / "code.py"
SHARED_CORPORA = REPO.parent / "shared" / "corpora"
