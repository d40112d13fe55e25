"""Train the linguistic heads (training/morph.cfg) and ship them as pipeline/models/de_lagebild_morph.

Usage:
    python training/morph_data.py                  # train.spacy / dev.spacy (GSD gold + HanTa silver)
    python training/morph.py train [--out DIR]     # spacy train, one thread (about 20 minutes)
    python training/morph.py package RUN_DIR/model-best

``package`` keeps only the heads (morph_tok2vec, tagger, morphologizer, trainable_lemmatizer),
drops the copy of the NER tok2vec and the vectors they were trained on (the run's pipeline
provides both) and records data, licence and the tok2vec's fingerprint in meta.json, which
``pipeline.linguistic`` checks before it attaches the heads.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CONFIG = REPO / "training/morph.cfg"
TARGET = REPO / "pipeline/models/de_lagebild_morph"
VERSION = "0.1.0"
DATA = [
    {"name": "UD German GSD dev + test (gold lemma, UPOS, STTS, features)", "licence": "CC BY-SA 4.0",
     "url": "https://github.com/UniversalDependencies/UD_German-GSD",
     "commit": "297fcf350481058d0737a27f0f8fd03b2eadd67a"},
    {"name": "GermEval 2014 train sentences and Bundestag plenary speeches (unlabeled-de), STTS tags "
             "and lemmas by HanTa (LGPL-3.0; its labels, not its code, are in the weights)",
     "licence": "CC BY 4.0 (GermEval); official records, § 5/§ 48 UrhG (Bundestag)"},
]  # fmt: skip


def train(out: Path) -> None:
    subprocess.run([sys.executable, "-m", "spacy", "train", str(CONFIG), "-o", str(out)], check=True,
                   cwd=REPO)  # fmt: skip


def package(model_best: Path, target: Path = TARGET) -> None:
    import spacy

    from pipeline.linguistic import HEADS, tok2vec_fingerprint

    nlp = spacy.load(model_best)
    fingerprint = tok2vec_fingerprint(nlp)
    shipped = tok2vec_fingerprint(_bare())
    if fingerprint != shipped:
        raise SystemExit("the run's tok2vec is not the shipped model's: retrain against the current model")
    scores = json.loads((model_best / "meta.json").read_text(encoding="utf-8")).get("performance", {})
    nlp.remove_pipe("tok2vec")
    nlp.vocab.reset_vectors(width=0)
    nlp.meta.update({
        "name": "lagebild_morph", "version": VERSION,
        "description": "Lemma, STTS tag, UPOS and morphology heads over de_lagebild's tok2vec "
                       "(attached by pipeline.linguistic; not a pipeline on its own)",
        "license": "CC BY-SA 4.0", "sources": DATA,
        "lagebild": {"tok2vec_sha256": fingerprint, "heads": list(HEADS), "dev_scores": scores},
    })  # fmt: skip
    shutil.rmtree(target, ignore_errors=True)
    nlp.to_disk(target)
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"{target}: {size / 1e6:.1f} MB, pipes {nlp.pipe_names}, dev {scores}")


def _bare():
    import spacy

    from pipeline.recognise import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--out", type=Path, default=REPO / "training/work/morph/run")
    k = sub.add_parser("package")
    k.add_argument("model_best", type=Path)
    args = p.parse_args(argv)
    if args.cmd == "train":
        train(args.out)
    else:
        package(args.model_best)


if __name__ == "__main__":
    main()
