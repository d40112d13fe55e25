"""Distillation data: unlabelled German sentences labelled by the shipped vote's three NER models.

The vote (``pipeline/models/de_lagebild``: ``ner`` + the members ``ner_self`` and
``ner_smartdata``) is a better NER than any one of its models but runs at half their speed. A
single student trained on many sentences the vote labelled can learn what the vote knows. The
transfer text is a seeded sample of Bundestag speech sentences (``unlabeled-de``) and the WikiANN
sentences (text only, its silver labels unused). Each sentence is labelled with the strict
majority of the three models (``pipeline.ensemble.vote_spans``); tokens on which they disagree
are left *missing*, so the student is taught nothing there. Sentences without any voted entity
are kept at a small rate (``EMPTY_RATE``) so the student still sees plain prose.

Step of the spaCy project (``transfer``); shards let two processes share the work::

    python scripts/distil.py CORPORA MODEL OUT.spacy --words 2000000 --shard 0 --shards 2
"""

from __future__ import annotations

import argparse
import hashlib
import lzma
import random
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

BUNDESTAG = "unlabeled-de/bundestag-plenar-wp19-21.txt.xz"
WIKIANN = ("wikiann-de/WikiANN/de/train", "wikiann-de/WikiANN/de/dev", "wikiann-de/WikiANN/de/test")
# sentences equal to GermEval 2014 test sentences (wikiann-de/SOURCE.md): never used
WIKIANN_SKIP = {("wikiann-de/WikiANN/de/train", 322), ("wikiann-de/WikiANN/de/test", 6808)}
BUNDESTAG_WORDS = 28_703_757  # words in the file (wc -w), to turn a word budget into a sampling rate
EMPTY_RATE = 0.1
SENTENCES_PER_DOC = 10
MODELS = (("tok2vec", "ner"), ("ner_self",), ("ner_smartdata",))
MIN_TOKENS, MAX_TOKENS = 8, 60  # shorter Bundestag "sentences" are mostly formulae ("Vielen Dank.")
# an entity is taught this many times at most (see ``novel``), so that the speeches' constant
# names (parties, "Deutschland") and the teacher's repeated slips do not swamp the transfer set
SATURATION = 25


def split_sentences(tokens: Sequence[str]) -> list[list[str]]:
    """A paragraph's tokens cut after ".", "!" or "?" tokens that a capital or an opening quote
    follows (the tokenizer keeps "Dr." or "Nr." whole, so abbreviations do not cut)."""
    sentences: list[list[str]] = []
    current: list[str] = []
    for k, token in enumerate(tokens):
        current.append(token)
        after = tokens[k + 1] if k + 1 < len(tokens) else ""
        if token in {".", "!", "?"} and (after[:1].isupper() or after[:1] in {"„", '"', "»"}):
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def bundestag_sentences(corpora: Path, words: int, tokenizer, *, seed: int = 0) -> Iterator[list[str]]:
    """The tokens of sentences of ``MIN_TOKENS`` to ``MAX_TOKENS`` tokens from a seeded sample
    of the speeches' paragraphs, ``words`` words of paragraphs read in all."""
    rate = min(1.0, words / BUNDESTAG_WORDS)
    rng = random.Random(seed)
    read = 0
    with lzma.open(corpora / BUNDESTAG, "rt", encoding="utf-8") as lines:
        for line in lines:
            if rng.random() >= rate:
                continue
            read += len(line.split())
            tokens = [t.text for t in tokenizer(line.strip()) if not t.is_space]
            for sentence in split_sentences(tokens):
                if MIN_TOKENS <= len(sentence) <= MAX_TOKENS:
                    yield sentence
            if read >= words:
                return


def wikiann_token_lists(corpora: Path, *, min_tokens: int = 4) -> Iterator[list[str]]:
    """The tokens of every WikiANN sentence (train, dev, test) of at least ``min_tokens``
    tokens, redirect stubs and the GermEval test sentences (``WIKIANN_SKIP``) left out."""
    for name in WIKIANN:
        tokens: list[str] = []
        index = 0
        for line in [*(corpora / name).read_text(encoding="utf-8").splitlines(), ""]:
            if line.strip():
                tokens.append(line.partition("\t")[0].removeprefix("de:"))
                continue
            if tokens:
                if (name, index) not in WIKIANN_SKIP and len(tokens) >= min_tokens and "WEITERLEITUNG" not in tokens:
                    yield tokens
                index += 1
            tokens = []


def keep_empty(words: Sequence[str], rate: float = EMPTY_RATE) -> bool:
    """Whether a sentence without entities is kept: a stable hash of its words below ``rate``."""
    digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64 < rate


def _model_spans(nlp, pipes: Sequence[str], token_lists: Sequence[list[str]]) -> list[set[tuple[int, int, str]]]:
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=tokens) for tokens in token_lists)
    for name in pipes:  # the members are disabled pipes: run each component itself
        docs = nlp.get_pipe(name).pipe(docs, batch_size=256)
    return [{(e.start, e.end, e.label_) for e in doc.ents} for doc in docs]


def label_batch(nlp, token_lists: Sequence[list[str]]):
    """Each sentence as a Doc with the three models' vote as entities and their disagreements
    missing; None for a sentence without entities that ``keep_empty`` drops."""
    from spacy.tokens import Doc, Span

    from pipeline.ensemble import vote_spans

    by_model = [_model_spans(nlp, pipes, token_lists) for pipes in MODELS]
    out = []
    for tokens, predictions in zip(token_lists, zip(*by_model, strict=True), strict=True):
        spans, unsure = vote_spans(predictions)
        if not spans and not keep_empty(tokens):
            out.append(None)
            continue
        doc = Doc(nlp.vocab, words=tokens)
        inside = {i for start, end, _ in spans for i in range(start, end)}
        outside = [Span(doc, i, i + 1) for i in range(len(doc)) if i not in inside and i not in unsure]
        doc.set_ents([Span(doc, *span) for span in spans], outside=outside, default="missing")
        out.append(doc)
    return out


def novel(doc, seen: Counter[tuple[str, str]], cap: int = SATURATION):
    """The labelled sentence as it still teaches something, or None: a sentence whose entities
    were all kept ``cap`` times already is dropped; in a kept one, such saturated entities
    become *missing*, so that the speeches' constant names and the teacher's repeated slips
    ("Nächster Redner" as a person) are not taught over and over. Counts what it keeps."""
    keys = [(e.text, e.label_) for e in doc.ents]
    if not keys:
        return doc
    fresh = [seen[key] < cap for key in keys]
    if not any(fresh):
        return None
    seen.update(key for key, new in zip(keys, fresh, strict=True) if new)
    if all(fresh):
        return doc
    saturated = [e for e, new in zip(doc.ents, fresh, strict=True) if not new]
    doc.set_ents([e for e, new in zip(doc.ents, fresh, strict=True) if new], missing=saturated, default="unmodified")
    return doc


def _join(docs: Sequence) -> object:
    """Sentences as one Doc with sentence starts (GermEval's documents are 10 sentences too)."""
    from spacy.tokens import Doc

    joined = Doc.from_docs(list(docs), ensure_whitespace=True)
    for doc_start in _starts(docs):
        joined[doc_start].is_sent_start = True
    return joined


def _starts(docs: Sequence) -> Iterator[int]:
    offset = 0
    for doc in docs:
        yield offset
        offset += len(doc)


def transfer_set(
    corpora: Path, model: str, out: Path, *, words: int, seed: int = 0, shard: int = 0, shards: int = 1,
    batch: int = 2000,
) -> dict[str, int]:
    """Label this shard's share of the transfer text with ``model``'s vote and write a DocBin of
    10-sentence Docs to ``out``; return counts (sentences read, kept, tokens kept)."""
    from spacy.tokens import DocBin

    from pipeline.recognise import load_nlp

    nlp = load_nlp(model)
    tokenizer = nlp.tokenizer

    def token_lists() -> Iterator[list[str]]:
        yield from wikiann_token_lists(corpora)
        yield from bundestag_sentences(corpora, words, tokenizer, seed=seed)

    mine = (tokens for i, tokens in enumerate(token_lists()) if i % shards == shard)
    db = DocBin(store_user_data=False)
    counts = {"read": 0, "kept": 0, "tokens": 0}
    seen: Counter[tuple[str, str]] = Counter()
    pending: list = []
    for chunk in _chunks(mine, batch):
        counts["read"] += len(chunk)
        for labelled in label_batch(nlp, chunk):
            doc = None if labelled is None else novel(labelled, seen)
            if doc is None:
                continue
            counts["kept"] += 1
            counts["tokens"] += len(doc)
            pending.append(doc)
            if len(pending) == SENTENCES_PER_DOC:
                db.add(_join(pending))
                pending = []
        print(f"shard {shard}: {counts}", file=sys.stderr, flush=True)
    if pending:
        db.add(_join(pending))
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return counts


def _chunks(items: Iterable[list[str]], size: int) -> Iterator[list[list[str]]]:
    chunk: list[list[str]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def main(argv: list[str] | None = None) -> None:
    """Write one shard of the distillation transfer set."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("corpora", type=Path)
    parser.add_argument("model", help="the teacher: a model folder holding ner, ner_self, ner_smartdata")
    parser.add_argument("out", type=Path)
    parser.add_argument("--words", type=int, default=6_000_000, help="words of Bundestag paragraphs to read")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shard", type=int, default=0)
    parser.add_argument("--shards", type=int, default=1)
    args = parser.parse_args(argv)
    counts = transfer_set(
        args.corpora, args.model, args.out, words=args.words, seed=args.seed, shard=args.shard, shards=args.shards
    )
    print(f"{args.out}: {counts}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    main(sys.argv[1:])
