"""Lagebild: German news articles in, normalised Parquet tables out.

The Python twins of the command-line verbs, with the same parameter names:
``run`` (lagebild run), ``stats`` (lagebild stats),
``evaluate_ner`` (lagebild evaluate-ner), ``eval_articles`` (lagebild eval-articles),
``report`` (lagebild report), plus
``load_nlp``, ``load`` and ``connect``. Training (``lagebild train``) is the spaCy project
``training/project.yml`` of a source checkout, not part of this package.
"""

from __future__ import annotations

__version__ = "0.1.0"

# Bound after the submodules are imported, so that ``pipeline.stats`` and friends stay the
# functions even where a module of the same name is imported elsewhere.
from pipeline.evaluate_articles import eval_articles  # noqa: E402
from pipeline.evaluate_ner import evaluate_ner  # noqa: E402
from pipeline.read import connect, load  # noqa: E402
from pipeline.recognise import load_nlp  # noqa: E402
from pipeline.report import report  # noqa: E402
from pipeline.runner import run  # noqa: E402
from pipeline.stats import stats  # noqa: E402

__all__ = [
    "__version__", "run", "stats", "report", "evaluate_ner", "eval_articles", "load_nlp", "load", "connect",
]  # fmt: skip
