"""Lagebild: German news articles in, normalised Parquet tables out.

The Python twins of the command-line verbs are re-exported here and imported lazily, so
``import pipeline`` stays cheap (spaCy loads only when a verb needs it).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_TWINS = {
    "run": "pipeline.runner",
    "load_nlp": "pipeline.recognise",
    "load": "pipeline.read",
    "connect": "pipeline.read",
    "stats": "pipeline.stats",
    "train": "pipeline.train",
    "evaluate_ner": "pipeline.evaluate_ner",
    "eval_articles": "pipeline.evaluate_articles",
}

__all__ = ["__version__", *_TWINS]


def __getattr__(name: str) -> Any:
    if name in _TWINS:
        return getattr(import_module(_TWINS[name]), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
