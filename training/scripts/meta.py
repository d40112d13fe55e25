"""What a trained model's meta.json records (name, version, data and their licences, vectors,
pretraining, training time, dev scores), and copying a model into the package."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from training.scripts.corpora import GERMEVAL_DEV, GERMEVAL_TRAIN
from training.scripts.paths import REPO

MODEL_NAME = "de_lagebild"
MODEL_VERSION = "0.5.0"

SINGLE_DESCRIPTION = (
    "Lagebild's German NER model (PER, LOC, ORG, MISC; GermEval 2014 outer spans), "
    "spaCy tok2vec + transition-based NER, tokenizer with the gender-form fix."
)
ENSEMBLE_DESCRIPTION = (
    "Lagebild's German NER model (PER, LOC, ORG, MISC; GermEval 2014 outer spans): the majority "
    "vote of three spaCy tok2vec + transition-based NER models trained on different data "
    "(ner_vote), tokenizer with the gender-form fix."
)


def lagebild_meta(model_dir: Path) -> dict[str, Any]:
    """The ``lagebild`` block ``write_meta`` put into a model's meta.json ({} when there is none)."""
    meta = model_dir / "meta.json"
    return json.loads(meta.read_text(encoding="utf-8")).get("lagebild", {}) if meta.exists() else {}


def _update_meta(model_dir: Path, extra: dict[str, Any]) -> None:
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(extra)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def dir_size(path: Path) -> int:
    """Bytes of the files under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


MODEL_LICENSE = (
    "CC BY-SA 4.0 (GermEval 2014 labels: CC BY 4.0; pretraining text includes Wikipedia "
    "sentences from WikiANN: CC BY-SA)"
)
EXTRA_SOURCES = (
    {
        "name": "Unlabeled German text for the floret vectors and the tok2vec pretraining: Bundestag "
        "plenary protocols WP19-21 and federal laws (../shared/corpora/unlabeled-de)",
        "license": "amtliche Werke (§ 5 UrhG, public domain)",
    },
    {
        "name": "WikiANN German train/dev sentences, text only (tok2vec pretraining)",
        "url": "https://github.com/davidsbatista/NER-datasets (Rahimi et al. 2019 splits)",
        "license": "Wikipedia text, CC BY-SA",
    },
    {
        "name": "Lexicon features: faker person names (MIT), Bundestag speakers, GeoNames (CC BY 4.0), "
        "CLDR (Unicode License v3)",
        "license": "see pipeline/resources/LICENSES.md",
    },
)


# sources of the optional extra training data (train()'s smartdata / self_training)
SMARTDATA_SOURCE = {
    "name": "DFKI SmartData corpus v1, news documents, PER/LOC/ORG mentions (partially annotated "
    "extra training data)",
    "url": "https://github.com/DFKI-NLP/smartdata-corpus",
    "license": "CC BY 4.0",
    "author": "Schiersch et al. (LREC 2018)",
}
SELF_TRAINING_SOURCE = {
    "name": "WikiANN German train/dev sentences on which a teacher model agrees with WikiANN's labels, "
    "labelled by the teacher (self-training data)",
    "url": "https://github.com/davidsbatista/NER-datasets (Rahimi et al. 2019 splits)",
    "license": "Wikipedia text, CC BY-SA",
}

DISTILLATION_SOURCE = {
    "name": "WikiANN German train/dev sentences labelled by the majority vote of teacher models "
    "trained on the data above (distillation data)",
    "url": "https://github.com/davidsbatista/NER-datasets (Rahimi et al. 2019 splits)",
    "license": "Wikipedia text, CC BY-SA",
}


def _sources(extra_data: dict[str, Any] | None) -> list[dict[str, str]]:
    """The data sources of a model trained with ``extra_data`` (see ``write_meta``)."""
    extra = extra_data or {}
    return [
        *EXTRA_SOURCES,
        *([SMARTDATA_SOURCE] if extra.get("smartdata_news") else []),
        *([SELF_TRAINING_SOURCE] if extra.get("self_training") else []),
        *([DISTILLATION_SOURCE] if extra.get("distillation") else []),
    ]


def write_meta(
    model_dir: Path,
    result: dict[str, Any],
    *,
    train_seconds: float,
    vectors_info: dict[str, Any] | None,
    pretraining: dict[str, Any] | None = None,
    extra_data: dict[str, Any] | None = None,
    version: str = MODEL_VERSION,
    description: str = SINGLE_DESCRIPTION,
    ensemble: dict[str, Any] | None = None,
) -> None:
    """Record name, version, data, vectors, pretraining, lexicon, training time and dev scores
    in ``meta.json``. ``extra_data``: which training data besides GermEval train was used
    (``train()``'s smartdata / wikiann / self-training settings). ``ensemble``: the voting
    models of an ensemble (``build_ensemble``)."""
    per_label = {
        label: {k: round(100 * v[k], 2) for k in ("p", "r", "f")}
        for label, v in result["per_label"].items()
    }
    overall = {k: round(100 * result["overall"][k], 2) for k in ("p", "r", "f")}
    _update_meta(
        model_dir,
        {
            "name": MODEL_NAME,
            "lang": "de",
            "version": version,
            "description": description,
            "author": "Lagebild",
            "license": MODEL_LICENSE,
            "sources": [
                {
                    "name": "GermEval 2014 NER (NoSta-D) train split, 4-class outer spans",
                    "url": "https://sites.google.com/site/germeval2014ner/",
                    "license": "CC BY 4.0",
                    "author": "Benikova, Biemann, Reznicek (LREC 2014)",
                },
                *_sources(extra_data),
            ],
            "lagebild": {
                "training_data": f"{GERMEVAL_TRAIN} (checkpoint selected on {GERMEVAL_DEV})",
                "extra_training_data": extra_data or "none",
                "vectors": vectors_info or "none",
                "pretraining": pretraining or "none",
                "lexicon": "pipeline/resources/ner_lexicon.tsv.gz (pipeline.ner_features; sources in "
                "pipeline/resources/LICENSES.md)",
                "training_seconds": round(train_seconds, 1),
                "dev_scores": {"overall": overall, "per_label": per_label},
                "dev_words_per_second": round(result.get("words_per_second", 0.0)),
                "evaluation": "pipeline.evaluate_ner, gold tokenization, exact outer spans",
                **({"ensemble": ensemble} if ensemble else {}),
            },
        },
    )


def ship_model(
    model_dir: Path,
    corpora: Path,
    *,
    target: Path | None = None,
    train_seconds: float,
    vectors_info: dict[str, Any] | None = None,
    pretraining: dict[str, Any] | None = None,
    extra_data: dict[str, Any] | None = None,
    version: str = MODEL_VERSION,
) -> dict[str, Any]:
    """Copy a trained model into the package (``pipeline/models/de_lagebild``) with its meta.

    Scores it on GermEval dev first and writes those figures into ``meta.json``; returns the
    evaluation result.
    """
    from pipeline.evaluate_ner import evaluate_ner

    target = Path(target) if target is not None else REPO / "pipeline" / "models" / MODEL_NAME
    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(model_dir, tmp)
    result = evaluate_ner(Path(corpora) / GERMEVAL_DEV, str(tmp))
    write_meta(
        tmp, result, train_seconds=train_seconds, vectors_info=vectors_info, pretraining=pretraining,
        extra_data=extra_data, version=version,
    )
    shutil.rmtree(target, ignore_errors=True)
    tmp.replace(target)
    return result

