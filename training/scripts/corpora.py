"""Training data of the NER model as spaCy DocBins: GermEval 2014, SmartData news, WikiANN.

GermEval train/dev are fully labelled; SmartData news and WikiANN are converted *partially*
annotated (what GermEval would not call a name, or what is unsure, is left missing). WikiANN
is also labelled by teacher models (``self_label_wikiann``, ``ensemble_label_wikiann``).

Step of the spaCy project (``corpus``)::

    python scripts/corpora.py CORPORA OUT_DIR   # train.spacy, dev.spacy, smartdata-news.spacy
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, DocBin

GERMEVAL_TRAIN = "germeval2014/derived/NER-de-train.4class-bio.tsv"
GERMEVAL_DEV = "germeval2014/derived/NER-de-dev.4class-bio.tsv"

WIKIANN_TEXTS = ("wikiann-de/WikiANN/de/train", "wikiann-de/WikiANN/de/dev")
# WikiANN train sentence 322 is also a GermEval 2014 test sentence (its SOURCE.md): never used.
WIKIANN_SKIP = {("wikiann-de/WikiANN/de/train", 322)}


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



def count_docs(path: Path) -> int:
    """How many docs the DocBin at ``path`` holds."""
    from spacy.tokens import DocBin

    return len(DocBin().from_disk(path))


def main(argv: list[str] | None = None) -> None:
    """Convert GermEval train/dev and the SmartData news into ``OUT_DIR`` (the ``corpus`` step)."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("corpora", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    corpora, out = args.corpora.resolve(), args.out.resolve()
    for name, path in (("train", GERMEVAL_TRAIN), ("dev", GERMEVAL_DEV)):
        print(f"{out / f'{name}.spacy'}: {convert_germeval(corpora / path, out / f'{name}.spacy')} sentences")
    print(f"{out / 'smartdata-news.spacy'}: {convert_smartdata(corpora, out / 'smartdata-news.spacy')} documents")


if __name__ == "__main__":
    main(sys.argv[1:])
