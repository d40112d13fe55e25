"""Train NER models for Lagebild: one ``train()`` run, or the four runs of the shipped model.

The spaCy project (``training/project.yml``, ``spacy project run all training/``) runs the
shipped model's recipe step by step: ``corpus``, ``vectors``, ``pretrain``, then one
``train-NAME`` step per run of ``MEMBER_RUNS``::

    python scripts/train.py --member NAME --corpora CORPORA --out OUT

(``OUT/members/NAME``, trained from scratch with ``member_settings(NAME)``; the vectors,
pretrained weights and DocBins of ``OUT/work`` are reused), then ``assemble`` and
``evaluate``. Without ``--member`` the same recipe runs in one process (``train_ensemble``;
a finished run is reused), and ``--single`` trains one model with the experiment options
(``--smartdata``, ``--self-training``, ``--teachers N``, ``--wikiann`` …; training/RESULTS.md).

One ``train()`` run takes these steps, each skipped when its output already exists in the
work folder:

1. floret vectors (``training.scripts.vectors``);
2. GermEval 2014 train/dev (with ``smartdata`` also the SmartData news documents, partially
   annotated) → ``.spacy`` DocBins (``training.scripts.corpora``); ``spacy pretrain`` of the
   tok2vec (``training.scripts.pretrain``);
3. ``spacy train`` with the committed config (``training/ner.cfg``), best checkpoint chosen
   on GermEval dev (with ``self_training``: first a teacher, which labels the WikiANN
   sentences it agrees with WikiANN on, then the model on the data plus those sentences;
   with ``teachers``: first that many teachers with different seeds, whose majority vote
   labels the WikiANN sentences, then the model on the data plus those sentences);
4. dev scores with ``pipeline.evaluate_ner`` (gold tokenization), written to
   ``scores.json`` and into the model's ``meta.json`` (``training.scripts.meta``).
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``training.scripts`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from training.scripts.assemble import MEMBER_RUNS, assemble_ensemble  # noqa: E402
from training.scripts.corpora import (  # noqa: E402
    GERMEVAL_DEV,
    GERMEVAL_TRAIN,
    convert_germeval,
    convert_smartdata,
    convert_wikiann,
    count_docs,
    ensemble_label_wikiann,
    self_label_wikiann,
)
from training.scripts.meta import dir_size, lagebild_meta, write_meta  # noqa: E402
from training.scripts.paths import DEFAULT_CONFIG, SHARED_CORPORA  # noqa: E402
from training.scripts.pretrain import PRETRAIN_WORDS, pretrain_tok2vec  # noqa: E402
from training.scripts.vectors import build_vectors  # noqa: E402

# The shipped model's recipe (pipeline.ensemble): three NER models trained on different data
# vote. The two members have half the hash rows and no pretraining, so that the three fit in
# 50 MB; the self-training member stops at 8,000 steps.
HALF_ROWS = {"components.tok2vec.model.embed.rows": [4000, 1000, 2000, 500]}
SELF_TRAINING_STEPS = 8000


def _training_set(folder: Path, parts: list[Path]) -> Path:
    """A folder holding copies of the DocBins in ``parts`` (spaCy's corpus reader reads every
    ``.spacy`` file in a folder); the GermEval train file alone is returned as it is."""
    if len(parts) == 1:
        return parts[0]
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for part in parts:
        shutil.copyfile(part, folder / part.name)
    return folder


def _train_once(config: Path, folder: Path, overrides: dict[str, Any]) -> Path:
    """``spacy train`` into ``folder`` unless an earlier run left its ``model-best``; return it."""
    from spacy.cli.train import train as spacy_train

    best = folder / "model-best"
    if not best.exists():
        spacy_train(config, folder, overrides=overrides, use_gpu=-1)
    return best


def train(
    corpora: Path,
    out: Path,
    *,
    config: Path | None = None,
    vectors: bool = True,
    epochs: int | None = None,
    max_steps: int | None = None,
    work: Path | None = None,
    threads: int = 2,
    seed: int = 0,
    pretrain_words: int = PRETRAIN_WORDS,
    wikiann: bool = False,
    smartdata: bool = False,
    self_training: bool = False,
    teachers: int = 0,
    teacher: Path | None = None,
    config_overrides: dict[str, Any] | None = None,
) -> Path:
    """Build vectors (if missing), convert GermEval, train with spaCy; return the best model dir.

    ``corpora``: the shared corpora folder (needs ``germeval2014/`` and, for vectors,
    ``unlabeled-de/``). ``out``: spaCy's output folder (``model-best`` / ``model-last``,
    plus ``scores.json``). ``config``: defaults to ``training/ner.cfg``. ``vectors=False``
    trains without static vectors. ``epochs`` / ``max_steps`` override the config's
    ``training.max_epochs`` / ``training.max_steps``. ``work`` (default ``out/work``) keeps
    the vectors and DocBins so that a rerun reuses them. ``pretrain_words`` > 0 first
    pretrains the tok2vec on that many words of unlabeled text (``spacy pretrain`` with the
    config's ``[pretraining]`` block) and starts the NER training from those weights.
    ``wikiann=True`` adds WikiANN train as partially annotated extra data (an experiment: it
    did not raise GermEval dev F1, see training/RESULTS.md). ``smartdata`` adds the SmartData
    news documents as partially annotated extra data (``smartdata_doc``). ``self_training``
    first trains a teacher with the same config and data in ``out/teacher``, labels the
    WikiANN sentences on which it agrees with WikiANN (``self_label_wikiann``) and then trains
    the model on the data plus those sentences. ``teachers`` > 1 distils an ensemble: first
    that many teachers with the same config and data but seeds ``seed``, ``seed`` + 1, …
    (``out/teachers/seed-K``), then the model on the data plus the WikiANN train/dev
    sentences labelled by the teachers' majority vote (``ensemble_label_wikiann``).
    ``teacher``: with ``self_training``, an already trained model that labels WikiANN instead
    of one trained here. ``config_overrides``: further spaCy config settings for this model (not for
    its teachers), e.g. ``{"components.tok2vec.model.embed.rows": [4000, 1000, 2000, 500]}``.
    """
    from spacy.cli.train import train as spacy_train

    import pipeline.tokenizer  # noqa: F401  (registers lagebild.gender_forms.v1)
    from pipeline.evaluate_ner import evaluate_ner

    if self_training and teachers:
        raise ValueError("self_training and teachers are two ways to label WikiANN: choose one")
    if teacher is not None and not self_training:
        raise ValueError("a teacher model labels WikiANN only for self_training")
    if teachers == 1 or teachers < 0:
        raise ValueError(f"teachers must be 0 (no distillation) or at least 2 to vote, not {teachers}")
    corpora, out = Path(corpora), Path(out)
    work = Path(work) if work is not None else out / "work"
    config = Path(config) if config is not None else DEFAULT_CONFIG
    started = time.perf_counter()

    train_spacy = work / "corpus" / "train.spacy"
    dev_spacy = work / "corpus" / "dev.spacy"
    if not train_spacy.exists():
        convert_germeval(corpora / GERMEVAL_TRAIN, train_spacy)
    if not dev_spacy.exists():
        convert_germeval(corpora / GERMEVAL_DEV, dev_spacy)

    train_parts = [train_spacy]
    if smartdata:
        smartdata_spacy = work / "corpus" / "smartdata-news.spacy"
        if not smartdata_spacy.exists():
            convert_smartdata(corpora, smartdata_spacy)
        train_parts.append(smartdata_spacy)
    if wikiann:
        wikiann_spacy = work / "corpus" / "wikiann.spacy"
        if not wikiann_spacy.exists():
            convert_wikiann(corpora, wikiann_spacy)
        train_parts.append(wikiann_spacy)
    train_path = _training_set(out / "corpus" / "train", train_parts)
    overrides: dict[str, Any] = {
        "paths.train": str(train_path),
        "paths.dev": str(dev_spacy),
        "system.seed": seed,
    }
    vectors_info: dict[str, Any] | None = None
    if vectors:
        vec_start = time.perf_counter()
        vec_dir = build_vectors(corpora, work, threads=threads)
        overrides["paths.vectors"] = str(vec_dir)
        info_file = vec_dir.parent / "info.json"
        vectors_info = json.loads(info_file.read_text()) if info_file.exists() else {}
        vectors_info["build_seconds_this_run"] = time.perf_counter() - vec_start
    else:
        overrides["paths.vectors"] = None
        overrides["components.tok2vec.model.embed.include_static_vectors"] = False
    pretrain_info: dict[str, Any] | None = None
    if pretrain_words > 0:
        pre_start = time.perf_counter()
        weights = pretrain_tok2vec(
            corpora, work, config=config, vectors_dir=vec_dir if vectors else None,
            max_words=pretrain_words, seed=seed,
        )
        overrides["paths.init_tok2vec"] = str(weights)
        pretrain_info = {"words": pretrain_words, "seconds_this_run": time.perf_counter() - pre_start}
    if epochs is not None:
        overrides["training.max_epochs"] = epochs
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps

    train_start = time.perf_counter()
    self_training_info: dict[str, Any] | None = None
    if self_training:
        if teacher is None:
            teacher = _train_once(config, out / "teacher", overrides)
            teacher_info = "the same config trained on the other data first (out/teacher/model-best)"
        else:
            teacher_info = f"{teacher} (trained before)"
        self_labelled = out / "teacher" / "wikiann-self.spacy"
        if not self_labelled.exists():
            self_label_wikiann(corpora, teacher, self_labelled)
        self_training_info = {
            "teacher": teacher_info,
            "wikiann_sentences": count_docs(self_labelled),
        }
        overrides["paths.train"] = str(_training_set(out / "corpus" / "train-self", [*train_parts, self_labelled]))
    distillation_info: dict[str, Any] | None = None
    if teachers:
        teacher_dirs = [
            _train_once(config, out / "teachers" / f"seed-{k}", {**overrides, "system.seed": k})
            for k in range(seed, seed + teachers)
        ]
        voted = out / "teachers" / "wikiann-ensemble.spacy"
        if not voted.exists():
            ensemble_label_wikiann(corpora, teacher_dirs, voted)
        distillation_info = {
            "teachers": f"{teachers} models, the same config and data, seeds {seed}-{seed + teachers - 1} "
            "(out/teachers/seed-K/model-best)",
            "teacher_dev_f1": [round(100 * evaluate_ner(corpora / GERMEVAL_DEV, str(t))["overall"]["f"], 2)
                               for t in teacher_dirs],
            "wikiann_sentences": count_docs(voted),
        }
        overrides["paths.train"] = str(_training_set(out / "corpus" / "train-distil", [*train_parts, voted]))
    overrides.update(config_overrides or {})
    spacy_train(config, out, overrides=overrides, use_gpu=-1)
    train_seconds = time.perf_counter() - train_start
    best = out / "model-best"

    result = evaluate_ner(corpora / GERMEVAL_DEV, str(best))
    total_seconds = time.perf_counter() - started
    scores = {
        "dev": {k: result[k] for k in ("overall", "per_label")},
        "words_per_second": result["words_per_second"],
        "train_seconds": train_seconds,
        "total_seconds": total_seconds,
        "size_bytes": dir_size(best),
        "config": str(config),
        "overrides": overrides,
        "pretraining": pretrain_info,
        "smartdata": smartdata,
        "self_training": self_training_info,
        "distillation": distillation_info,
    }
    (out / "scores.json").write_text(json.dumps(scores, indent=2), encoding="utf-8")
    write_meta(
        best, result, train_seconds=train_seconds, vectors_info=vectors_info, pretraining=pretrain_info,
        extra_data={
            "smartdata_news": smartdata, "wikiann_partial": wikiann, "self_training": self_training_info,
            "distillation": distillation_info,
        },
    )
    return best



def member_settings(
    name: str, members: Path, *, pretrain_words: int = PRETRAIN_WORDS, max_steps: int | None = None
) -> dict[str, Any]:
    """``train()`` settings of one of the shipped model's runs (``MEMBER_RUNS``), whose
    folders are ``members/NAME``:

    - ``main``: GermEval, vectors, pretrained tok2vec (the single-model recipe, seed 0);
    - ``smartdata-teacher``: the same + SmartData news; it only labels WikiANN for the next;
    - ``self-training``: half the hash rows, no pretraining, GermEval + SmartData news + the
      teacher's self-labelled WikiANN sentences, seed 2, ``SELF_TRAINING_STEPS`` steps
      (``max_steps`` overrides them, for quick checks);
    - ``smartdata``: half the hash rows, no pretraining, GermEval + SmartData news, seed 1.
    """
    if name == "main":
        return {"pretrain_words": pretrain_words}
    if name == "smartdata-teacher":
        return {"smartdata": True, "pretrain_words": pretrain_words}
    if name == "self-training":
        return {
            "smartdata": True, "self_training": True, "teacher": members / "smartdata-teacher" / "model-best",
            "seed": 2, "pretrain_words": 0, "config_overrides": HALF_ROWS,
            "max_steps": SELF_TRAINING_STEPS if max_steps is None else max_steps,
        }
    if name == "smartdata":
        return {"smartdata": True, "seed": 1, "pretrain_words": 0, "config_overrides": HALF_ROWS}
    raise ValueError(f"unknown run {name!r}: the shipped model's runs are {', '.join(MEMBER_RUNS)}")


def _completed(model_dir: Path) -> bool:
    """Whether ``train()`` finished this model (it writes the dev scores into meta.json last)."""
    return "dev_scores" in lagebild_meta(model_dir)


def train_ensemble(
    corpora: Path,
    out: Path,
    *,
    config: Path | None = None,
    work: Path | None = None,
    threads: int = 2,
    pretrain_words: int = PRETRAIN_WORDS,
    epochs: int | None = None,
    max_steps: int | None = None,
) -> Path:
    """Train the shipped model: three NER models that vote (``pipeline.ensemble``); return
    ``out/model-best``.

    Each model is a ``train()`` run in ``out/members/NAME`` (a finished one is reused;
    ``member_settings`` says how each is trained):

    - ``main``: GermEval, vectors, pretrained tok2vec (the single-model recipe, seed 0);
    - ``smartdata-teacher``: the same + SmartData news; it only labels WikiANN for the next;
    - ``self-training``: half the hash rows, no pretraining, GermEval + SmartData news + the
      teacher's self-labelled WikiANN sentences, seed 2, ``SELF_TRAINING_STEPS`` steps;
    - ``smartdata``: half the hash rows, no pretraining, GermEval + SmartData news, seed 1.

    ``main`` runs with the shared tok2vec; the other two become members of ``ner_vote``
    (``self-training`` on every sentence, ``smartdata`` lazily). ``epochs`` / ``max_steps``
    override every run's (for quick checks).
    """
    corpora, out = Path(corpora), Path(out)
    started = time.perf_counter()
    common: dict[str, Any] = {
        "config": config, "work": Path(work) if work is not None else out / "work", "threads": threads,
        "epochs": epochs, "max_steps": max_steps,
    }
    for name in MEMBER_RUNS:
        folder = out / "members" / name
        if not _completed(folder / "model-best"):
            settings = member_settings(name, out / "members", pretrain_words=pretrain_words, max_steps=max_steps)
            train(corpora, folder, **{**common, **settings})
    return assemble_ensemble(corpora, out, started=started)


def train_member(
    corpora: Path,
    out: Path,
    name: str,
    *,
    config: Path | None = None,
    work: Path | None = None,
    threads: int = 2,
    pretrain_words: int = PRETRAIN_WORDS,
    epochs: int | None = None,
    max_steps: int | None = None,
) -> Path:
    """One run of the shipped model's recipe (``member_settings(name)``) in ``out/members/NAME``,
    from scratch: an earlier one there is removed first (the spaCy project runs this step only
    when its inputs changed). The vectors, pretrained weights and DocBins of ``work`` (default
    ``out/work``) are reused. Return the run's ``model-best``."""
    out = Path(out)
    settings = member_settings(name, out / "members", pretrain_words=pretrain_words, max_steps=max_steps)
    folder = out / "members" / name
    shutil.rmtree(folder, ignore_errors=True)
    common: dict[str, Any] = {
        "config": config, "work": Path(work) if work is not None else out / "work", "threads": threads,
        "epochs": epochs, "max_steps": max_steps,
    }
    return train(corpora, folder, **{**common, **settings})


def run_training(
    corpora: Path,
    out: Path,
    *,
    ensemble: bool = True,
    member: str | None = None,
    vectors: bool = True,
    seed: int = 0,
    wikiann: bool = False,
    smartdata: bool = False,
    self_training: bool = False,
    teachers: int = 0,
    **common: Any,
) -> Path:
    """What ``python scripts/train.py`` runs: ``train_ensemble`` (the shipped model in one
    process), with ``member`` one of its runs (``train_member``, a step of the spaCy project),
    or, with ``ensemble=False``, one ``train()`` with the experiment options.

    ``common``: config, work, threads, pretrain_words, epochs, max_steps (both kinds).
    """
    if not ensemble:
        return train(
            corpora, out, vectors=vectors, seed=seed, wikiann=wikiann, smartdata=smartdata,
            self_training=self_training, teachers=teachers, **common,
        )
    single_only = {
        "--no-vectors": not vectors, "--seed": seed != 0, "--wikiann": wikiann, "--smartdata": smartdata,
        "--self-training": self_training, "--teachers": teachers != 0,
    }
    if any(single_only.values()):
        options = ", ".join(name for name, given in single_only.items() if given)
        raise ValueError(f"{options}: options of a single-model training; add --single (the shipped model "
                         "is an ensemble with a fixed recipe)")
    if member is not None:
        return train_member(corpora, out, member, **common)
    return train_ensemble(corpora, out, **common)


def main(argv: list[str] | None = None) -> None:
    """``python scripts/train.py --corpora ../../shared/corpora --out DIR [--member NAME | --single …]``."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=SHARED_CORPORA)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--member", choices=MEMBER_RUNS, default=None,
                        help="train only this run of the shipped model, from scratch (a step of training/project.yml)")
    parser.add_argument("--config", type=Path, default=None)
    parser.add_argument("--no-vectors", action="store_true")
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument("--max-steps", type=int, default=None,
                        help="override every run's training.max_steps (a negative value: keep each run's own)")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pretrain-words", type=int, default=PRETRAIN_WORDS)
    parser.add_argument("--wikiann", action="store_true")
    parser.add_argument("--smartdata", action=argparse.BooleanOptionalAction, default=False)
    parser.add_argument("--self-training", action=argparse.BooleanOptionalAction, default=False)
    parser.add_argument("--teachers", type=int, default=0)
    parser.add_argument("--ensemble", action=argparse.BooleanOptionalAction, default=True,
                        help="the shipped three-model vote (default), or --no-ensemble: one model")
    parser.add_argument("--single", dest="ensemble", action="store_false", help="one model (= --no-ensemble)")
    args = parser.parse_args(argv)
    if args.member is not None and not args.ensemble:
        parser.error("--member is one run of the shipped model; --single trains a model of its own")
    best = run_training(
        args.corpora.resolve(),
        args.out.resolve(),
        ensemble=args.ensemble,
        member=args.member,
        config=args.config.resolve() if args.config is not None else None,
        vectors=not args.no_vectors,
        epochs=args.epochs,
        max_steps=args.max_steps if args.max_steps is None or args.max_steps >= 0 else None,
        work=args.work.resolve() if args.work is not None else None,
        threads=args.threads,
        seed=args.seed,
        pretrain_words=args.pretrain_words,
        wikiann=args.wikiann,
        smartdata=args.smartdata,
        self_training=args.self_training,
        teachers=args.teachers,
    )
    print(best)


if __name__ == "__main__":
    main(sys.argv[1:])
