"""Train Lagebild's German NER model (de_lagebild): vectors, conversion, spaCy training, scores.

One call reproduces the shipped model from ``../shared/corpora`` (or any folder with the same
layout)::

    from pipeline.train import train_ensemble
    train_ensemble(Path("../shared/corpora"), Path("training/work/out"))

It trains three NER models on different data (four ``train()`` runs: one is a teacher for
self-training) and assembles them into one voting pipeline (``build_ensemble``,
``pipeline.ensemble``). One ``train()`` run takes these steps, each skipped when its output
already exists in the work folder:

1. floret vectors (CBOW, subword hashing) on ``unlabeled-de/`` (Bundestag speeches + federal
   laws) plus the GermEval *train* sentences, then ``spacy init vectors --mode floret``;
2. GermEval 2014 train/dev (``germeval2014/derived/*.4class-bio.tsv``; with ``smartdata``
   also the SmartData news documents, partially annotated) → ``.spacy`` DocBins;
   ``spacy pretrain`` of the tok2vec;
3. ``spacy train`` with the committed config (``training/ner.cfg``), best checkpoint chosen
   on GermEval dev (with ``self_training``: first a teacher, which labels the WikiANN
   sentences it agrees with WikiANN on, then the model on the data plus those sentences;
   with ``teachers``: first that many teachers with different seeds, whose majority vote
   labels the WikiANN sentences, then the model on the data plus those sentences);
4. dev scores with ``pipeline.evaluate_ner`` (gold tokenization), written to
   ``scores.json`` and into the model's ``meta.json`` together with name, version, data,
   vectors and training time.
"""

from __future__ import annotations

import gzip
import json
import lzma
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, DocBin

REPO = Path(__file__).resolve().parents[1]
TRAINING_DIR = REPO / "training"
DEFAULT_CONFIG = TRAINING_DIR / "ner.cfg"
CODE_FILE = TRAINING_DIR / "code.py"

MODEL_NAME = "de_lagebild"
MODEL_VERSION = "0.5.0"

GERMEVAL_TRAIN = "germeval2014/derived/NER-de-train.4class-bio.tsv"
GERMEVAL_DEV = "germeval2014/derived/NER-de-dev.4class-bio.tsv"
VECTOR_TEXTS = (
    "unlabeled-de/bundestag-plenar-wp19-21.txt.xz",
    "unlabeled-de/gesetze-2022.txt.xz",
)

# Words of unlabeled text the shipped model's tok2vec was pretrained on (0: no pretraining).
PRETRAIN_WORDS = 11_901_748

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


WIKIANN_TEXTS = ("wikiann-de/WikiANN/de/train", "wikiann-de/WikiANN/de/dev")
# WikiANN train sentence 322 is also a GermEval 2014 test sentence (its SOURCE.md): never used.
WIKIANN_SKIP = {("wikiann-de/WikiANN/de/train", 322)}


def _wikiann_lines(corpora: Path) -> Iterator[str]:
    """WikiANN train/dev sentences as plain text (tokens joined by spaces)."""
    for name in WIKIANN_TEXTS:
        for tokens, _ in read_wikiann(corpora, name):
            yield " ".join(tokens)


def prepare_pretrain_text(corpora: Path, work: Path, max_words: int, *, seed: int = 0) -> tuple[Path, int]:
    """Write ``work/pretrain/text.jsonl`` for ``spacy pretrain``; return it and its word count.

    The WikiANN train/dev text (Wikipedia sentences, the genre of half of GermEval), then the
    floret text's paragraphs (``work/vectors/text.txt``) in a seeded shuffle, up to ``max_words``.
    """
    lines = (work / "vectors" / "text.txt").read_text(encoding="utf-8").splitlines()
    random.Random(seed).shuffle(lines)
    out = work / "pretrain" / "text.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    n_words = 0
    with open(out, "w", encoding="utf-8") as handle:
        for line in _wikiann_lines(corpora):
            n_words += line.count(" ") + 1
            handle.write(json.dumps({"text": line}, ensure_ascii=False) + "\n")
        for line in lines:
            if n_words >= max_words:
                break
            n_words += line.count(" ") + 1
            handle.write(json.dumps({"text": line}, ensure_ascii=False) + "\n")
    return out, n_words


def pretrain_tok2vec(
    corpora: Path, work: Path, *, config: Path, vectors_dir: Path | None, max_words: int, seed: int = 0
) -> Path:
    """Pretrain the config's tok2vec (its ``[pretraining]`` block, characters objective) on
    ``max_words`` words of unlabeled text; return the weights file for ``init_tok2vec``.

    Reuses ``work/pretrain/weights/model-last.bin`` when a completed run with the same
    ``max_words`` and ``seed`` left it (``done.json``; an interrupted run leaves none).
    """
    weights = work / "pretrain" / "weights"
    last = weights / "model-last.bin"
    done = weights / "done.json"
    settings = {"max_words": max_words, "seed": seed}
    if last.exists() and done.exists() and json.loads(done.read_text(encoding="utf-8")) == settings:
        return last
    text, _ = prepare_pretrain_text(corpora, work, max_words, seed=seed)
    shutil.rmtree(weights, ignore_errors=True)
    command = [
        sys.executable, "-m", "spacy", "pretrain", str(config), str(weights),
        "--code", str(CODE_FILE), "--paths.raw_text", str(text), "--system.seed", str(seed),
    ]
    if vectors_dir is not None:
        command += ["--paths.vectors", str(vectors_dir)]
    else:
        command += ["--paths.vectors", "null",
                    "--components.tok2vec.model.embed.include_static_vectors", "false"]
    subprocess.run(command, check=True, cwd=REPO)
    done.write_text(json.dumps(settings), encoding="utf-8")
    return last


def _write_docbin(db: DocBin, out: Path) -> int:
    """Write ``db`` to ``out`` (creating its folder); return how many docs it holds."""
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return len(db)


def convert_germeval(
    tsv: Path, out: Path, *, sentences_per_doc: int = 10, subtypes: bool = False
) -> int:
    """Convert a GermEval-format file into a spaCy DocBin; return the number of sentences.

    Labels PER/LOC/ORG/MISC; with ``subtypes=True`` also LOCderiv, ORGpart … (OTH → MISC)."""
    import spacy
    from spacy.tokens import Doc, DocBin
    from spacy.training import biluo_tags_to_spans, iob_to_biluo

    from pipeline.evaluate_ner import read_germeval

    nlp = spacy.blank("de")
    sentences = read_germeval(tsv, subtypes=subtypes)
    db = DocBin(store_user_data=False)
    for i in range(0, len(sentences), sentences_per_doc):
        chunk = sentences[i : i + sentences_per_doc]
        words = [t for s in chunk for t in s.tokens]
        tags = [t for s in chunk for t in s.tags]
        sent_starts = [j == 0 for s in chunk for j in range(len(s.tokens))]
        doc = Doc(nlp.vocab, words=words, sent_starts=sent_starts)
        doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
        db.add(doc)
    _write_docbin(db, out)
    return len(sentences)


def read_wikiann(corpora: Path, name: str = WIKIANN_TEXTS[0]) -> Iterator[tuple[list[str], list[str]]]:
    """(tokens, BIO tags) of one WikiANN split, ``de:`` prefixes removed, ``WIKIANN_SKIP`` left out."""
    tokens: list[str] = []
    tags: list[str] = []
    index = 0
    for line in [*(corpora / name).read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            token, _, tag = line.partition("\t")
            tokens.append(token.removeprefix("de:"))
            tags.append(tag.strip() or "O")
            continue
        if tokens and (name, index) not in WIKIANN_SKIP:
            yield tokens, tags
        if tokens:
            index += 1
        tokens, tags = [], []


def _wikiann_sentences(
    corpora: Path, names: tuple[str, ...] = WIKIANN_TEXTS, *, min_tokens: int = 4
) -> Iterator[tuple[list[str], list[str]]]:
    """WikiANN sentences of at least ``min_tokens`` tokens, redirect stubs left out."""
    for name in names:
        for tokens, tags in read_wikiann(corpora, name):
            if len(tokens) >= min_tokens and "WEITERLEITUNG" not in tokens:
                yield tokens, tags


def self_label_wikiann(corpora: Path, teacher: Path, out: Path, *, min_tokens: int = 4) -> int:
    """Self-training data: the WikiANN train/dev sentences on which a teacher model and
    WikiANN agree; return how many were written.

    WikiANN's silver PER/LOC/ORG come from Wikipedia links and have no MISC; the teacher
    (trained on GermEval) knows GermEval's conventions and MISC. Where the teacher's PER/LOC/ORG
    spans equal WikiANN's exactly (and there is at least one), two independent sources
    agree, so the sentence is kept, fully labelled with the teacher's spans (MISC included).
    """
    from spacy.tokens import Doc, DocBin, Span
    from spacy.training import biluo_tags_to_spans, iob_to_biluo

    from pipeline.recognise import load_nlp

    nlp = load_nlp(str(teacher))
    rows = list(_wikiann_sentences(corpora, min_tokens=min_tokens))
    docs = nlp.pipe((Doc(nlp.vocab, words=tokens) for tokens, _ in rows), batch_size=256)
    db = DocBin(store_user_data=False)
    for (tokens, tags), doc in zip(rows, docs, strict=True):
        silver = {(s.start, s.end, s.label_) for s in biluo_tags_to_spans(doc, iob_to_biluo(tags))}
        predicted = sorted((e.start, e.end, e.label_) for e in doc.ents)
        if not silver or {p for p in predicted if p[2] != "MISC"} != silver:
            continue
        labelled = Doc(doc.vocab, words=tokens)
        labelled.ents = [Span(labelled, start, end, label) for start, end, label in predicted]
        db.add(labelled)
    return _write_docbin(db, out)


def ensemble_label_wikiann(
    corpora: Path, teachers: Sequence[Path], out: Path, *, min_votes: int | None = None, min_tokens: int = 4
) -> int:
    """Distillation data: the WikiANN train/dev sentences labelled by the majority vote of
    several teacher models (``vote_spans``; default ``min_votes``: a strict majority); return
    how many sentences were written.

    Only WikiANN's text is used, not its silver labels. Tokens on which the teachers disagree
    are left *missing*, all other tokens outside the voted spans are O.
    """
    import spacy
    from spacy.tokens import Doc, DocBin, Span

    from pipeline.ensemble import vote_spans
    from pipeline.evaluate_ner import predict_spans
    from pipeline.recognise import load_nlp

    sentences = [tokens for tokens, _ in _wikiann_sentences(corpora, min_tokens=min_tokens)]
    by_teacher = [predict_spans(load_nlp(str(teacher)), sentences) for teacher in teachers]
    nlp = spacy.blank("de")
    db = DocBin(store_user_data=False)
    for tokens, predictions in zip(sentences, zip(*by_teacher, strict=True), strict=True):
        spans, unsure = vote_spans(predictions, min_votes)
        doc = Doc(nlp.vocab, words=tokens)
        inside = {i for start, end, _ in spans for i in range(start, end)}
        outside = [Span(doc, i, i + 1) for i in range(len(doc)) if i not in inside and i not in unsure]
        doc.set_ents([Span(doc, *span) for span in spans], outside=outside, default="missing")
        db.add(doc)
    return _write_docbin(db, out)


def convert_wikiann(corpora: Path, out: Path, *, min_tokens: int = 4) -> int:
    """WikiANN train as partially annotated spaCy docs; return how many sentences were kept.

    WikiANN is silver data without a MISC class: its O on a capitalised token may be a MISC
    name or an unlinked name, so such tokens are left *missing* (the model is not taught
    that they are O); lower-case tokens, digits and punctuation stay O. Redirect stubs and
    fragments under ``min_tokens`` tokens are dropped.
    """
    import spacy
    from spacy.tokens import Doc, DocBin, Span
    from spacy.training import biluo_tags_to_spans, iob_to_biluo

    nlp = spacy.blank("de")
    db = DocBin(store_user_data=False)
    for tokens, tags in _wikiann_sentences(corpora, (WIKIANN_TEXTS[0],), min_tokens=min_tokens):
        doc = Doc(nlp.vocab, words=tokens)
        ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
        inside = {i for ent in ents for i in range(ent.start, ent.end)}
        outside = [
            Span(doc, i, i + 1) for i, tok in enumerate(doc) if i not in inside and not tok.text[:1].isupper()
        ]
        doc.set_ents(ents, outside=outside, default="missing")
        db.add(doc)
    return _write_docbin(db, out)


SMARTDATA_FILES = ("smartdata/v1_20180119/train.json.gz", "smartdata/v1_20180119/test.json.gz")
# SmartData's fine-grained types → GermEval labels (location-route, e.g. "A 9", has no GermEval
# counterpart and is left missing; dates, numbers, triggers … are not names and become O)
SMARTDATA_LABELS = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-stop": "LOC",
    "location-street": "LOC",
}
SMARTDATA_UNSURE = frozenset({"location-route"})


def read_smartdata(
    corpora: Path, sources: tuple[str, ...] = ("news",)
) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """(text, [(start, end, type)]) of the SmartData v1 documents from ``sources`` (news, rss,
    tweet); a text that occurs twice (the v1 splits share a few) is read once."""
    decoder = json.JSONDecoder()
    seen: set[str] = set()
    for name in SMARTDATA_FILES:
        with gzip.open(corpora / name, "rt", encoding="utf-8") as handle:
            stream = handle.read()
        pos = 0
        while True:
            while pos < len(stream) and stream[pos].isspace():
                pos += 1
            if pos >= len(stream):
                break
            record, pos = decoder.raw_decode(stream, pos)
            text = record["text"]["string"]
            if record["refids"]["map"]["source"] not in sources or text in seen:
                continue
            seen.add(text)
            mentions = [
                (m["span"]["start"], m["span"]["end"], m["type"]) for m in record["conceptMentions"]["array"]
            ]
            yield text, mentions


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without leading/trailing whitespace or punctuation tokens."""
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    return start, end


def smartdata_doc(nlp: Language, text: str, mentions: list[tuple[int, int, str]]) -> Doc:
    """One SmartData document as a partially annotated Doc for GermEval-style training.

    SmartData annotates PER/LOC/ORG but has no MISC class and also marks nominal mentions
    ("die Gruppe" as a company), so only what GermEval would call a name is taught:
    mapped mentions with a capital letter become entities; lower-case mentions, single
    common nouns, parts of a word (GermEval's ``*part``), line-crossing and
    ``SMARTDATA_UNSURE`` mentions stay *missing*; outside
    the mentions, capitalised words that are not common nouns (a MISC name or an unmarked
    name) stay missing and everything else is O.
    """
    from spacy.tokens import Span
    from spacy.util import filter_spans

    from pipeline.normalise.names import is_common_noun

    doc = nlp.make_doc(text)
    ents: list[Span] = []
    missing: set[int] = set()
    for start_char, end_char, kind in mentions:
        if kind not in SMARTDATA_LABELS and kind not in SMARTDATA_UNSURE:
            continue
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None:
            continue
        start, end = _trim(doc, span.start, span.end)
        if start == end:
            continue
        words = doc[start:end]
        if (
            kind in SMARTDATA_UNSURE
            or doc.char_span(start_char, end_char) is None  # part of a word: "Siemens" in "Siemens-Chef"
            or any(tok.is_space for tok in words)
            or not any(tok.text[:1].isupper() for tok in words)
            or (len(words) == 1 and is_common_noun(words.text))
        ):
            missing.update(range(span.start, span.end))
            continue
        ents.append(Span(doc, start, end, SMARTDATA_LABELS[kind]))
    ents = filter_spans(ents)
    inside = {i for ent in ents for i in range(ent.start, ent.end)} | missing
    outside = [
        Span(doc, i, i + 1)
        for i, tok in enumerate(doc)
        if i not in inside and not tok.is_space and not (tok.text[:1].isupper() and not is_common_noun(tok.text))
    ]
    doc.set_ents(ents, outside=outside, default="missing")
    return doc


def convert_smartdata(corpora: Path, out: Path, *, sources: tuple[str, ...] = ("news",)) -> int:
    """SmartData v1 (train + test: the whole corpus) documents from ``sources`` as partially
    annotated spaCy docs (see ``smartdata_doc``); return how many were written."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("de")
    db = DocBin(store_user_data=False)
    for text, mentions in read_smartdata(corpora, sources):
        db.add(smartdata_doc(nlp, text, mentions))
    return _write_docbin(db, out)


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


def _count_docs(path: Path) -> int:
    from spacy.tokens import DocBin

    return len(DocBin().from_disk(path))


def _update_meta(model_dir: Path, extra: dict[str, Any]) -> None:
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(extra)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


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
            "wikiann_sentences": _count_docs(self_labelled),
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
            "wikiann_sentences": _count_docs(voted),
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
        "size_bytes": _dir_size(best),
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


SINGLE_DESCRIPTION = (
    "Lagebild's German NER model (PER, LOC, ORG, MISC; GermEval 2014 outer spans), "
    "spaCy tok2vec + transition-based NER, tokenizer with the gender-form fix."
)
# The shipped model's recipe (pipeline.ensemble): three NER models trained on different data
# vote. The two members have half the hash rows and no pretraining, so that the three fit in
# 50 MB; the self-training member stops at 8,000 steps.
HALF_ROWS = {"components.tok2vec.model.embed.rows": [4000, 1000, 2000, 500]}
SELF_TRAINING_STEPS = 8000
ENSEMBLE_DESCRIPTION = (
    "Lagebild's German NER model (PER, LOC, ORG, MISC; GermEval 2014 outer spans): the majority "
    "vote of three spaCy tok2vec + transition-based NER models trained on different data "
    "(ner_vote), tokenizer with the gender-form fix."
)


def _lagebild_meta(model_dir: Path) -> dict[str, Any]:
    """The ``lagebild`` block ``write_meta`` put into a model's meta.json ({} when there is none)."""
    meta = model_dir / "meta.json"
    return json.loads(meta.read_text(encoding="utf-8")).get("lagebild", {}) if meta.exists() else {}


def _completed(model_dir: Path) -> bool:
    """Whether ``train()`` finished this model (it writes the dev scores into meta.json last)."""
    return "dev_scores" in _lagebild_meta(model_dir)


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

    Each model is a ``train()`` run in ``out/members/NAME`` (a finished one is reused):

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

    def member(name: str, **settings: Any) -> Path:
        folder = out / "members" / name
        if not _completed(folder / "model-best"):
            train(corpora, folder, **{**common, **settings})
        return folder / "model-best"

    main = member("main", pretrain_words=pretrain_words)
    teacher = member("smartdata-teacher", smartdata=True, pretrain_words=pretrain_words)
    self_trained = member(
        "self-training", smartdata=True, self_training=True, teacher=teacher, seed=2, pretrain_words=0,
        config_overrides=HALF_ROWS, max_steps=SELF_TRAINING_STEPS if max_steps is None else max_steps,
    )
    smartdata = member("smartdata", smartdata=True, seed=1, pretrain_words=0, config_overrides=HALF_ROWS)
    best = out / "model-best"
    runs = (main, teacher, self_trained, smartdata)
    result = build_ensemble(
        corpora, main, {"ner_self": self_trained, "ner_smartdata": smartdata}, best,
        train_seconds=sum(_training_seconds(run) for run in runs),
    )
    scores = {
        "dev": {k: result[k] for k in ("overall", "per_label")},
        "words_per_second": result["words_per_second"],
        "total_seconds": time.perf_counter() - started,
        "size_bytes": _dir_size(best),
        "members": _lagebild_meta(best)["ensemble"],
    }
    (out / "scores.json").write_text(json.dumps(scores, indent=2), encoding="utf-8")
    return best


def _training_seconds(model_dir: Path) -> float:
    """The training time ``train()`` recorded in a model's meta.json (0 when it recorded none)."""
    return float(_lagebild_meta(model_dir).get("training_seconds") or 0.0)


def _member_info(corpora: Path, model_dir: Path) -> dict[str, Any]:
    """What meta.json records about one voting model: its folder, data, dev F1, training time.

    The dev F1 is the one ``train()`` recorded; a model trained otherwise is scored here."""
    from pipeline.evaluate_ner import evaluate_ner

    meta = _lagebild_meta(model_dir)
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
    """Assemble the voting model in ``out`` (``pipeline.ensemble.assemble``), score it on
    GermEval dev and write its meta.json; return the dev result.

    The vectors and pretraining recorded are the main model's; ``train_seconds`` defaults to
    the sum of the voting models' training times (as ``train()`` recorded them)."""
    from pipeline.ensemble import assemble
    from pipeline.evaluate_ner import evaluate_ner

    corpora, out = Path(corpora), Path(out)
    shutil.rmtree(out, ignore_errors=True)
    assemble(main, members, out)
    main_meta = _lagebild_meta(main)
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


def run_training(
    corpora: Path,
    out: Path,
    *,
    ensemble: bool = True,
    vectors: bool = True,
    seed: int = 0,
    wikiann: bool = False,
    smartdata: bool = False,
    self_training: bool = False,
    teachers: int = 0,
    **common: Any,
) -> Path:
    """What ``lagebild train`` and ``python -m pipeline.train`` run: ``train_ensemble`` (the
    shipped model) or, with ``ensemble=False``, one ``train()`` with the experiment options.

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
    return train_ensemble(corpora, out, **common)


def main(argv: list[str] | None = None) -> None:
    """``python -m pipeline.train --corpora ../shared/corpora --out DIR`` (same as ``train``)."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--config", type=Path, default=None)
    parser.add_argument("--no-vectors", action="store_true")
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument("--max-steps", type=int, default=None)
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
    best = run_training(
        args.corpora,
        args.out,
        ensemble=args.ensemble,
        config=args.config,
        vectors=not args.no_vectors,
        epochs=args.epochs,
        max_steps=args.max_steps,
        work=args.work,
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
    main()
