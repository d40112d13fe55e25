"""Score a spaCy NER model on a GermEval-2014-format file: P/R/F1 per label and overall, words/s.

Speed is reported next to a stock spaCy CPU NER (``spacy init config -l de -p ner -o
efficiency``, untrained: weights do not change speed) timed on the same sentences in the
same run, and as the ratio model / stock, which carries over between machines.

Gold tokenization, outer spans, four labels (PER, LOC, ORG, MISC). Accepted inputs:

* the original GermEval files (``# source`` lines, then ``idx<TAB>token<TAB>outer<TAB>inner``):
  OTH → MISC, ``*deriv`` / ``*part`` → O;
* two-column ``token<TAB>tag`` (or ``token tag``) files in BIO or BIOES, e.g. the
  ``derived/*.4class-bio.tsv`` files, with the same label mapping applied.

Scoring is exact span match (CoNLL style): a predicted entity counts only if its start, end
and label all equal a gold entity's.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.recognise import DEFAULT_MODEL, load_nlp

LABELS: tuple[str, ...] = ("PER", "LOC", "ORG", "MISC")
# Components that Lagebild's loader adds on top of a model; they play no part in NER scores.
_ADDED_BY_LOADER = ("sentencizer",)


@dataclass(frozen=True)
class Sentence:
    """One gold sentence: tokens and their (4-class, BIO) tags."""

    tokens: list[str]
    tags: list[str]


def map_label(label: str) -> str | None:
    """Map a GermEval outer label to the 4-class scheme; None means "no entity" (O)."""
    low = label.lower()
    if low.endswith("deriv") or low.endswith("part"):
        return None
    upper = label.upper()
    if upper in ("OTH", "MISC"):
        return "MISC"
    if upper in ("PER", "LOC", "ORG"):
        return upper
    return None


def map_label_outer(label: str) -> str:
    """Keep GermEval's outer subtypes, OTH renamed MISC: LOCderiv, ORGpart, MISCderiv …"""
    low = label.lower()
    for suffix in ("deriv", "part"):
        if low.endswith(suffix):
            base = map_label(label[: -len(suffix)]) or label[: -len(suffix)].upper()
            return f"{base}{suffix}"
    return map_label(label) or label.upper()


def _normalise_tag(tag: str, subtypes: bool = False) -> str:
    """Return a BIO tag in the 4-class scheme (BIOES accepted: S→B, E→I).

    ``subtypes=True`` keeps the ``*deriv`` / ``*part`` labels (as ``map_label_outer``).
    """
    if tag in ("O", "") or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    mapped = map_label_outer(label) if subtypes else map_label(label)
    if mapped is None:
        return "O"
    prefix = {"S": "B", "E": "I", "L": "I", "U": "B"}.get(prefix.upper(), prefix.upper())
    return f"{prefix}-{mapped}"


def read_germeval(path: Path | str, *, subtypes: bool = False) -> list[Sentence]:
    """Read a GermEval-format file (original 4-column or 2-column BIO/BIOES) into sentences.

    Labels are mapped to PER/LOC/ORG/MISC (deriv/part → O); ``subtypes=True`` keeps the
    deriv/part labels instead (``LOCderiv``, ``MISCpart`` …), e.g. for training.
    """
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if tokens:
            sentences.append(Sentence(list(tokens), list(tags)))
            tokens.clear()
            tags.clear()

    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip():
                flush()
                continue
            parts = line.split("\t")
            if len(parts) >= 3 and parts[0] == "#":
                continue  # "#<TAB>source<TAB>[date]" comment line of the original format
            if len(parts) >= 4 and parts[0].isdigit():
                token, tag = parts[1], parts[2]  # idx, token, outer, inner
            elif len(parts) >= 2:
                token, tag = parts[0], parts[-1]
            else:
                fields = line.split()
                token, tag = (fields[0], fields[-1]) if len(fields) >= 2 else (fields[0], "O")
            tokens.append(token)
            tags.append(_normalise_tag(tag.strip(), subtypes))
    flush()
    return sentences


def tags_to_spans(tags: Iterable[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end_exclusive, label)`` from BIO tags (a stray I- opens a span)."""
    spans: set[tuple[int, int, str]] = set()
    start: int | None = None
    label: str | None = None
    tag_list = list(tags)
    for i, tag in enumerate(tag_list + ["O"]):
        prefix, _, lab = tag.partition("-")
        continues = prefix == "I" and lab == label and start is not None
        if not continues and start is not None and label is not None:
            spans.add((start, i, label))
            start, label = None, None
        if prefix in ("B", "I") and not continues:
            start, label = i, lab
    return spans


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "fp": fp, "fn": fn}


def score_spans(
    gold: list[set[tuple[int, int, str]]], pred: list[set[tuple[int, int, str]]]
) -> dict[str, Any]:
    """Micro P/R/F1 overall and per label for aligned lists of gold and predicted span sets."""
    counts = {label: [0, 0, 0] for label in LABELS}
    for gold_spans, pred_spans in zip(gold, pred, strict=True):
        for span in pred_spans:
            entry = counts.setdefault(span[2], [0, 0, 0])
            entry[0 if span in gold_spans else 1] += 1
        for span in gold_spans - pred_spans:
            counts.setdefault(span[2], [0, 0, 0])[2] += 1
    per_label = {label: _prf(*c) for label, c in counts.items()}
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"overall": _prf(*total), "per_label": per_label}


def _load_model(model: str | None) -> Language:
    """Load ``model`` (None = the shipped de_lagebild) through Lagebild's loader."""
    return load_nlp(model)


def _ner_pipes(nlp: Language) -> list[str]:
    """The model's own components (the ones that make entities), without loader add-ons."""
    return [
        name
        for name in nlp.pipe_names
        if not name.startswith("lagebild_") and name not in _ADDED_BY_LOADER
    ]


def predict_spans(nlp: Language, token_lists: Iterable[list[str]]) -> list[set[tuple[int, int, str]]]:
    """(start, end, label) entity spans, labels mapped to the 4 classes, that ``nlp``'s own NER
    components find in each pre-tokenized sentence (its tokenizer and loader add-ons unused)."""
    docs = (Doc(nlp.vocab, words=tokens) for tokens in token_lists)
    with nlp.select_pipes(enable=_ner_pipes(nlp)):
        return [_doc_spans(doc) for doc in nlp.pipe(docs, batch_size=256)]


def _doc_spans(doc: Doc) -> set[tuple[int, int, str]]:
    spans = set()
    for ent in doc.ents:
        label = map_label(ent.label_) or ("MISC" if ent.label_ in ("MISC", "OTH") else None)
        if label is not None:
            spans.add((ent.start, ent.end, label))
    return spans


def _timed_words(nlp: Language, texts: list[str], pipes: list[str]) -> tuple[int, float]:
    """(words, seconds) of tokenizer + ``pipes`` over ``texts``."""
    n_words = 0
    start = time.perf_counter()
    with nlp.select_pipes(enable=pipes):
        for doc in nlp.pipe(texts, batch_size=256):
            n_words += len(doc)
    return n_words, time.perf_counter() - start


def words_per_second(nlp: Language, texts: list[str], pipes: list[str] | None = None) -> float:
    """Throughput of tokenizer + ``pipes`` (default: the model's own components) on raw texts."""
    n_words, elapsed = _timed_words(nlp, texts, _ner_pipes(nlp) if pipes is None else pipes)
    return n_words / elapsed if elapsed > 0 else 0.0


def compare_speed(nlp: Language, other: Language, texts: list[str], *, rounds: int = 8) -> tuple[float, float]:
    """Words/s of ``nlp`` (its own components) and of ``other`` (all its components) on the
    same texts, timed in alternating slices so that both see the same load on a shared machine."""
    size = max(1, -(-len(texts) // rounds))
    totals = [[0, 0.0], [0, 0.0]]
    for start in range(0, len(texts), size):
        chunk = texts[start : start + size]
        for total, (model, pipes) in zip(totals, ((nlp, _ner_pipes(nlp)), (other, other.pipe_names)), strict=True):
            n_words, seconds = _timed_words(model, chunk, pipes)
            total[0] += n_words
            total[1] += seconds
    speeds = [n / seconds if seconds > 0 else 0.0 for n, seconds in totals]
    return speeds[0], speeds[1]


STOCK_MODEL = "spaCy CPU NER, efficiency config (spacy init config -l de -p ner -o efficiency), untrained"


def stock_ner(labels: Iterable[str] = LABELS) -> Language:
    """spaCy's stock German CPU NER pipeline (``spacy init config -l de -p ner -o efficiency``):
    ``tok2vec`` + ``ner`` with ``labels``, initialized with random weights.

    It is the speed yardstick of ``evaluate_ner``: its predictions are meaningless, but a
    transition-based NER's speed does not depend on its weights."""
    from spacy.cli.init_config import init_config
    from spacy.util import load_model_from_config

    config = init_config(lang="de", pipeline=["ner"], optimize="efficiency", gpu=False, silent=True)
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    ner = nlp.get_pipe("ner")
    for label in labels:
        ner.add_label(label)
    nlp.initialize()
    return nlp


def evaluate_ner(path: Path, model: str | None = None, *, compare_stock: bool = True) -> dict[str, Any]:
    """P/R/F1 per label and overall of ``model`` on the GermEval-format file ``path``.

    ``model``: None for Lagebild's shipped model, else a package name or a model folder.
    Uses the file's gold tokenization for the scores; words/s is measured separately on
    the sentences as raw text (tokenizer + the model's components, one process). With
    ``compare_stock`` (default), spaCy's stock CPU NER (``stock_ner``) is timed on the same
    texts, in slices alternating with the model's (``compare_speed``):
    ``stock_words_per_second`` and ``speed_ratio`` (model / stock).
    """
    path = Path(path)
    sentences = read_germeval(path)
    nlp = _load_model(model)
    gold = [tags_to_spans(s.tags) for s in sentences]
    start = time.perf_counter()
    pred = predict_spans(nlp, (s.tokens for s in sentences))
    seconds = time.perf_counter() - start
    result = score_spans(gold, pred)
    n_tokens = sum(len(s.tokens) for s in sentences)
    texts = [" ".join(s.tokens) for s in sentences]
    result.update(
        {
            "path": str(path),
            "model": model or str(DEFAULT_MODEL),
            "sentences": len(sentences),
            "tokens": n_tokens,
            "seconds": seconds,
        }
    )
    if not compare_stock:
        result["words_per_second"] = words_per_second(nlp, texts)
        return result
    stock = stock_ner()
    words_per_second(stock, texts[:64])  # warm-up: the first calls allocate
    speed, stock_speed = compare_speed(nlp, stock, texts)
    result.update(
        {
            "words_per_second": speed,
            "stock_model": STOCK_MODEL,
            "stock_words_per_second": stock_speed,
            "speed_ratio": speed / stock_speed if stock_speed > 0 else 0.0,
        }
    )
    return result


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table of ``evaluate_ner``'s result."""
    lines = [
        f"model: {result.get('model', '?')}",
        f"file:  {result.get('path', '?')}  ({result.get('sentences', 0)} sentences, "
        f"{result.get('tokens', 0)} tokens)",
        "",
        f"{'label':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}",
    ]

    def row(name: str, s: dict[str, Any]) -> str:
        gold, pred = s["tp"] + s["fn"], s["tp"] + s["fp"]
        return (
            f"{name:<8}{100 * s['p']:>8.2f}{100 * s['r']:>8.2f}{100 * s['f']:>8.2f}"
            f"{gold:>8}{pred:>8}"
        )

    per_label = result["per_label"]
    for label in [*LABELS, *sorted(set(per_label) - set(LABELS))]:
        if label in per_label:
            lines.append(row(label, per_label[label]))
    lines.append(row("overall", result["overall"]))
    if "words_per_second" in result:
        lines += ["", f"speed: {result['words_per_second']:,.0f} words/s (tokenizer + NER)"]
    if "stock_words_per_second" in result:
        lines += [
            f"stock: {result['stock_words_per_second']:,.0f} words/s ({result['stock_model']}; same sentences, same run)",
            f"ratio model / stock: {result['speed_ratio']:.2f}",
        ]
    return "\n".join(lines)
