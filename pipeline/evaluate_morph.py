"""Score the linguistic layer on CoNLL-U files: lemma, UPOS, STTS and Case accuracy, and tokens/s.

Gold tokens: each sentence's syntactic words (a contraction such as 'am' is scored as its
two words 'an' + 'dem', as UD annotates it; multiword-token lines and empty nodes are skipped)
go through the whole pipeline from ``load_nlp(model)``, tokenizer bypassed.

- lemma and UPOS: share of words whose prediction equals the gold exactly.
- STTS: over the words whose gold XPOS is an STTS tag (PUD writes mostly English PTB tags,
  'NN', 'VBC', 'IN' …: those words are left out and counted).
- Case: over the words with a gold ``Case`` feature, share predicted with the same value.
- feats: share of words whose full feature set equals the gold one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from pipeline.linguistic import stts_to_upos
from pipeline.recognise import load_nlp


@dataclass(frozen=True)
class GoldWord:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    space_after: bool = True


@dataclass
class MorphScores:
    """Correct counts and totals per measure, the words and the seconds the pipeline took."""

    files: list[str] = field(default_factory=list)
    words: int = 0
    lemma: int = 0
    upos: int = 0
    stts: int = 0
    stts_total: int = 0
    case: int = 0
    case_total: int = 0
    feats: int = 0
    seconds: float = 0.0

    def accuracy(self, name: str) -> float:
        total = {"stts": self.stts_total, "case": self.case_total}.get(name, self.words)
        return getattr(self, name) / total if total else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def read_conllu(path: Path | str) -> Iterator[list[GoldWord]]:
    """Sentences of a CoNLL-U file as lists of syntactic words."""
    words: list[GoldWord] = []
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                if words:
                    yield words
                    words = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"{path}: not a CoNLL-U line (10 tab-separated columns): {line[:80]!r}")
            if "-" in cols[0] or "." in cols[0]:
                continue
            words.append(GoldWord(cols[1], cols[2], cols[3], cols[4], cols[5], "SpaceAfter=No" not in cols[9]))
    if words:
        yield words


def feats_dict(feats: str) -> dict[str, str]:
    """'Case=Nom|Number=Sing' → {'Case': 'Nom', 'Number': 'Sing'}; '_' or '' → {}."""
    if feats in ("", "_"):
        return {}
    return dict(item.split("=", 1) for item in feats.split("|") if "=" in item)


def score_doc(doc: Doc, gold: Sequence[GoldWord], scores: MorphScores) -> None:
    """Add one predicted sentence's hits to ``scores`` (``doc`` has one token per gold word)."""
    stts = stts_to_upos()
    for tok, g in zip(doc, gold, strict=True):
        scores.words += 1
        scores.lemma += tok.lemma_ == g.lemma
        scores.upos += tok.pos_ == g.upos
        if g.xpos in stts:
            scores.stts_total += 1
            scores.stts += tok.tag_ == g.xpos
        gold_feats = feats_dict(g.feats)
        pred_feats = feats_dict(str(tok.morph))
        if "Case" in gold_feats:
            scores.case_total += 1
            scores.case += pred_feats.get("Case") == gold_feats["Case"]
        scores.feats += pred_feats == gold_feats


def evaluate_morph(paths: Sequence[Path | str], model: str | None = None) -> MorphScores:
    """Lemma, UPOS, STTS, Case and feature accuracy of ``load_nlp(model)`` on CoNLL-U files."""
    nlp = load_nlp(model)
    scores = MorphScores(files=[str(p) for p in paths])
    for path in paths:
        sentences = list(read_conllu(path))
        docs = [Doc(nlp.vocab, words=[w.form for w in s], spaces=[w.space_after for w in s]) for s in sentences]
        start = time.perf_counter()
        predicted = list(nlp.pipe(docs, batch_size=256))
        scores.seconds += time.perf_counter() - start
        for doc, gold in zip(predicted, sentences, strict=True):
            score_doc(doc, gold, scores)
    return scores


def format_report(scores: MorphScores) -> str:
    lines = [f"files: {', '.join(scores.files)}", f"words: {scores.words:,}", "",
             "| measure | accuracy | words scored |", "|---|---:|---:|"]  # fmt: skip
    for name, label, total in (
        ("lemma", "lemma", scores.words),
        ("upos", "UPOS", scores.words),
        ("stts", "STTS", scores.stts_total),
        ("case", "Case", scores.case_total),
        ("feats", "all features", scores.words),
    ):
        lines.append(f"| {label} | {scores.accuracy(name):.4f} | {total:,} |")
    lines += ["", f"speed: {scores.words_per_second:,.0f} words/s (whole pipeline, gold tokens)"]
    return "\n".join(lines)
