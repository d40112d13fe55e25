"""floret vectors for the NER model: text preparation, floret CBOW, ``spacy init vectors``.

Step of the spaCy project (``vectors``)::

    python scripts/vectors.py CORPORA WORK [--threads N]   # → WORK/vectors/spacy

The text is the unlabeled German prose of ``unlabeled-de/`` (Bundestag speeches, federal
laws; de-duplicated paragraphs of at least 6 words) plus the GermEval train sentences;
settings ``VECTOR_SETTINGS``.
"""

from __future__ import annotations

import json
import lzma
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``training.scripts`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from training.scripts.corpora import GERMEVAL_TRAIN  # noqa: E402

VECTOR_TEXTS = (
    "unlabeled-de/bundestag-plenar-wp19-21.txt.xz",
    "unlabeled-de/gesetze-2022.txt.xz",
)

# floret settings of the shipped vectors (size on disk = bucket * dim * 4 bytes).
VECTOR_SETTINGS: dict[str, Any] = {
    "model": "cbow",
    "dim": 100,
    "bucket": 50_000,
    "epoch": 3,
    "minn": 4,
    "maxn": 5,
    "hashCount": 2,
    "minCount": 5,
    "neg": 10,
    "mode": "floret",
}

# Rough word tokenizer for the vector text, close to spaCy's German tokenizer: numbers with
# separators, words with inner hyphens/apostrophes/gender signs, single punctuation marks.
_WORD = re.compile(r"\d+(?:[.,:]\d+)+|\w+(?:[-'’:*·_]\w+)*|[^\w\s]")


def _tokenize_line(line: str) -> str:
    return " ".join(_WORD.findall(line))


def _iter_vector_lines(corpora: Path, *, min_words: int = 6) -> Iterator[str]:
    """Tokenized, de-duplicated paragraphs for the vectors, then the GermEval train sentences."""
    seen: set[int] = set()
    for name in VECTOR_TEXTS:
        with lzma.open(corpora / name, "rt", encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if len(line.split()) < min_words:
                    continue
                key = hash(line)
                if key in seen:
                    continue
                seen.add(key)
                yield _tokenize_line(line)
    from pipeline.evaluate_ner import read_germeval

    for sentence in read_germeval(corpora / GERMEVAL_TRAIN):
        yield " ".join(sentence.tokens)


def prepare_vector_text(corpora: Path, out_txt: Path) -> int:
    """Write the floret training text (one tokenized paragraph per line); return its tokens."""
    out_txt.parent.mkdir(parents=True, exist_ok=True)
    n_tokens = 0
    tmp = out_txt.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        for line in _iter_vector_lines(corpora):
            n_tokens += line.count(" ") + 1
            out.write(line + "\n")
    tmp.replace(out_txt)
    return n_tokens


def build_vectors(
    corpora: Path, work: Path, *, threads: int = 2, settings: dict[str, Any] | None = None
) -> Path:
    """Train floret vectors and turn them into a spaCy vectors folder; return that folder.

    Reuses ``work/vectors/spacy`` when it exists. floret runs Hogwild SGD, so with more than
    one thread the vectors differ slightly from run to run (the NER score stays within noise).
    """
    import floret

    params = {**VECTOR_SETTINGS, **(settings or {})}
    vec_dir = work / "vectors"
    spacy_dir = vec_dir / "spacy"
    if (spacy_dir / "config.cfg").exists():
        return spacy_dir
    vec_dir.mkdir(parents=True, exist_ok=True)
    text = vec_dir / "text.txt"
    info: dict[str, Any] = {"settings": params, "sources": [*VECTOR_TEXTS, GERMEVAL_TRAIN]}
    start = time.perf_counter()
    if not text.exists():
        info["tokens"] = prepare_vector_text(corpora, text)
    info["prepare_seconds"] = time.perf_counter() - start
    start = time.perf_counter()
    model = floret.train_unsupervised(str(text), thread=threads, verbose=1, **params)
    floret_file = vec_dir / "vectors.floret"
    model.save_floret_vectors(str(floret_file))
    info["train_seconds"] = time.perf_counter() - start
    tmp_dir = vec_dir / "spacy.tmp"
    shutil.rmtree(tmp_dir, ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "spacy", "init", "vectors", "de", str(floret_file),
         str(tmp_dir), "--mode", "floret"],
        check=True,
    )
    tmp_dir.replace(spacy_dir)
    (vec_dir / "info.json").write_text(json.dumps(info, indent=2), encoding="utf-8")
    return spacy_dir



def main(argv: list[str] | None = None) -> None:
    """Build WORK/vectors/spacy from scratch (the ``vectors`` step; an older build is replaced)."""
    import argparse

    from training.scripts.paths import SHARED_CORPORA

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("corpora", type=Path, nargs="?", default=SHARED_CORPORA)
    parser.add_argument("work", type=Path, nargs="?", default=Path(__file__).resolve().parents[1] / "work")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    work = args.work.resolve()
    shutil.rmtree(work / "vectors", ignore_errors=True)
    print(build_vectors(args.corpora.resolve(), work, threads=args.threads))


if __name__ == "__main__":
    main(sys.argv[1:])
