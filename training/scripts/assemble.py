"""The shipped model from its trained runs: the three voters assembled into one pipeline
(``assemble_pipeline``: ``ner`` + disabled members + ``pipeline.ensemble``'s ``ner_vote``),
scored on GermEval dev, meta.json and scores.json written.

Step of the spaCy project (``assemble``)::

    python scripts/assemble.py CORPORA OUT   # OUT/members/NAME/model-best → OUT/model-best
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if __package__ in (None, ""):  # run as a script: make ``training.scripts`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pipeline.ensemble import VOTE_NAME  # noqa: E402
from training.scripts.corpora import GERMEVAL_DEV  # noqa: E402
from training.scripts.meta import ENSEMBLE_DESCRIPTION, dir_size, lagebild_meta, write_meta  # noqa: E402

# The shipped model's four training runs (OUT/members/NAME), in training order: ``main`` is
# the pipeline's own ``ner``, the teacher only labels WikiANN for ``self-training``, and the
# last two vote as disabled pipes of ``ner_vote`` (the last one lazily).
MEMBER_RUNS = ("main", "smartdata-teacher", "self-training", "smartdata")
VOTERS = {"ner_self": "self-training", "ner_smartdata": "smartdata"}

if TYPE_CHECKING:
    from spacy.language import Language


def assemble_pipeline(main: Path, members: dict[str, Path], out: Path) -> Language:
    """Build a voting pipeline from trained models and write it to ``out``; return it.

    ``main``: a model with ``tok2vec`` + ``ner`` (its pipeline and tokenizer are kept).
    ``members``: component name → model folder, in the order the vote runs them (the last
    lazily). Each member's ``ner`` gets its own copy of its tok2vec (``replace_listeners``) and
    joins the pipeline disabled; all models must share the main model's vectors. The string
    store is written with the entity labels only (see ``prune_strings``).
    """
    import spacy

    import pipeline.ner_features  # noqa: F401  (the models' lexicon architecture)
    import pipeline.tokenizer  # noqa: F401  (the gender-form tokenizer setting)

    nlp = spacy.load(main)
    for name, path in members.items():
        member = spacy.load(path)
        member.replace_listeners("tok2vec", "ner", ["model.tok2vec.tok2vec"])
        nlp.add_pipe("ner", name=name, source=member)
        nlp.disable_pipe(name)
    nlp.add_pipe(VOTE_NAME, after="ner", config={"members": list(members)})
    nlp.to_disk(out)
    labels = {label for name in ("ner", *members) for label in nlp.get_pipe(name).labels}
    prune_strings(Path(out), labels)
    return nlp


def prune_strings(model_dir: Path, keep: Iterable[str]) -> None:
    """Rewrite the model's ``vocab/strings.json`` with only ``keep``.

    The saved string store holds every word seen in training (3 MB for the shipped model), but
    nothing in the models reads it: features are hashes computed from the text, and every
    string a Doc needs is added when the Doc is made. Checked on GermEval dev and the dev
    articles: the same entities with and without the training words.
    """
    path = model_dir / "vocab" / "strings.json"
    path.write_text(json.dumps(sorted(set(keep)), ensure_ascii=False), encoding="utf-8")


def _training_seconds(model_dir: Path) -> float:
    """The training time ``train()`` recorded in a model's meta.json (0 when it recorded none)."""
    return float(lagebild_meta(model_dir).get("training_seconds") or 0.0)


def _member_info(corpora: Path, model_dir: Path) -> dict[str, Any]:
    """What meta.json records about one voting model: its folder, data, dev F1, training time.

    The dev F1 is the one ``train()`` recorded; a model trained otherwise is scored here."""
    from pipeline.evaluate_ner import evaluate_ner

    meta = lagebild_meta(model_dir)
    recorded = meta.get("dev_scores", {}).get("overall", {}).get("f")
    return {
        "trained_as": str(model_dir),
        "extra_training_data": meta.get("extra_training_data", "unknown"),
        "dev_f1": recorded if recorded is not None
        else round(100 * evaluate_ner(corpora / GERMEVAL_DEV, str(model_dir))["overall"]["f"], 2),
        "training_seconds": float(meta.get("training_seconds") or 0.0),
    }


def build_ensemble(
    corpora: Path, main: Path, members: dict[str, Path], out: Path, *, train_seconds: float | None = None
) -> dict[str, Any]:
    """Assemble the voting model in ``out`` (``assemble_pipeline``), score it on
    GermEval dev and write its meta.json; return the dev result.

    The vectors and pretraining recorded are the main model's; ``train_seconds`` defaults to
    the sum of the voting models' training times (as ``train()`` recorded them)."""
    from pipeline.evaluate_ner import evaluate_ner

    corpora, out = Path(corpora), Path(out)
    shutil.rmtree(out, ignore_errors=True)
    assemble_pipeline(main, members, out)
    main_meta = lagebild_meta(main)
    voters = {"ner": _member_info(corpora, main), **{name: _member_info(corpora, path) for name, path in members.items()}}
    result = evaluate_ner(corpora / GERMEVAL_DEV, str(out))
    write_meta(
        out, result,
        train_seconds=sum(v["training_seconds"] for v in voters.values()) if train_seconds is None else train_seconds,
        vectors_info=main_meta.get("vectors"), pretraining=main_meta.get("pretraining"),
        extra_data={"smartdata_news": True, "self_training": True},
        description=ENSEMBLE_DESCRIPTION, ensemble=voters,
    )
    return result



def assemble_ensemble(corpora: Path, out: Path, *, started: float | None = None) -> Path:
    """Assemble ``out/model-best`` from the runs in ``out/members`` (``MEMBER_RUNS``), score
    it and write ``out/scores.json``; return the model folder.

    The training time recorded is the sum of the four runs'; ``started`` (a
    ``time.perf_counter()`` value) adds the total time since then to scores.json."""
    corpora, out = Path(corpora), Path(out)
    runs = {name: out / "members" / name / "model-best" for name in MEMBER_RUNS}
    best = out / "model-best"
    result = build_ensemble(
        corpora, runs["main"], {voter: runs[name] for voter, name in VOTERS.items()}, best,
        train_seconds=sum(_training_seconds(run) for run in runs.values()),
    )
    scores = {
        "dev": {k: result[k] for k in ("overall", "per_label")},
        "words_per_second": result["words_per_second"],
        **({"total_seconds": time.perf_counter() - started} if started is not None else {}),
        "size_bytes": dir_size(best),
        "members": lagebild_meta(best)["ensemble"],
    }
    (out / "scores.json").write_text(json.dumps(scores, indent=2), encoding="utf-8")
    return best


def main(argv: list[str] | None = None) -> None:
    """Assemble and score OUT/model-best from OUT/members (the ``assemble`` step)."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("corpora", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    print(assemble_ensemble(args.corpora.resolve(), args.out.resolve()))


if __name__ == "__main__":
    main(sys.argv[1:])
