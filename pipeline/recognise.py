"""Recognise stage: load the spaCy pipeline (NER + Lagebild components) and turn Docs into mention records."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Sequence
from functools import cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

import pipeline.ensemble  # noqa: F401  (registers the ner_vote component of the shipped model)
import pipeline.ner_features  # noqa: F401  (registers the NER model's lexicon architecture)
from pipeline.linguistic import add_linguistic_layer, token_records
from pipeline.records import EntityMention, NumberMention, Sentence, Token
from pipeline.resources import read_lines
from pipeline.tokenizer import add_abbreviations, fix_gender_forms

DEFAULT_MODEL = Path(__file__).parent / "models" / "de_lagebild"
NUMBERS_KEY = "numbers"
SENTENCES_KEY = "lagebild_sentences"
ENTITY_LABELS = ("PER", "LOC", "ORG", "MISC")
# Labels of other label schemes mapped onto ours (e.g. OntoNotes-style English names).
LABEL_MAP = {"PERSON": "PER", "GPE": "LOC", "NORP": "MISC", "OTH": "MISC", "FAC": "LOC"}

if not Span.has_extension("number"):
    Span.set_extension("number", default=None)


class ModelNotFoundError(RuntimeError):
    """The requested spaCy model is neither an installed package nor a model folder."""


def load_nlp(model: str | None = None, *, linguistic: str = "all") -> Language:
    """Load a German spaCy pipeline ready for Lagebild.

    ``model`` is None (Lagebild's own model shipped in the package), an installed
    package name such as ``de_core_news_sm``, or a path to a model folder. The
    tokenizer gets the gender-form fix, sentences come from the parser when the model
    has one (else a rule-based sentencizer that also breaks at paragraphs), the linguistic
    layer (lemma, tag, pos, morphology: ``pipeline.linguistic``) is added after the
    ``lagebild_numbers`` component. ``linguistic`` "numbers" gives the layer of Lagebild's own
    model only to the sentences that hold a number (what the troop rules read); "all" (the
    default) to every sentence.
    """
    nlp = _load(model)
    fix_gender_forms(nlp)
    add_abbreviations(nlp)
    has_sents = any(name in nlp.pipe_names for name in ("parser", "senter", "sentencizer"))
    if not has_sents:
        nlp.add_pipe("sentencizer", first=True)
    if "lagebild_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("lagebild_paragraphs", before=_sentence_component(nlp))
    if "lagebild_number_ends" not in nlp.pipe_names:
        nlp.add_pipe("lagebild_number_ends", before=_sentence_component(nlp))
    if "lagebild_numbers" not in nlp.pipe_names:
        nlp.add_pipe("lagebild_numbers", last=True)
    add_linguistic_layer(nlp, own_model=model is None, scope=linguistic, spans_key=NUMBERS_KEY)
    return nlp


def _load(model: str | None) -> Language:
    target = str(DEFAULT_MODEL) if model is None else model
    try:
        return spacy.load(target)
    except OSError as exc:
        if model is None:
            raise ModelNotFoundError(
                f"Lagebild's own model is missing at {DEFAULT_MODEL}: reinstall the package "
                "(pip install -e .) or train it with `lagebild train`"
            ) from exc
        raise ModelNotFoundError(
            f"spaCy model {model!r} not found: it is neither an installed package nor a model "
            f"folder. Install it (e.g. `python -m spacy download {model}` where the internet is "
            "available), pass a path to a model folder, or leave out --model to use Lagebild's "
            "own model."
        ) from exc


def _sentence_component(nlp: Language) -> str:
    for name in ("senter", "parser", "sentencizer"):
        if name in nlp.pipe_names:
            return name
    raise ValueError("pipeline has no sentence component")  # pragma: no cover


@Language.component(
    "lagebild_paragraphs",
    assigns=["token.is_sent_start"],
)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs never run together.

    A line break is always (part of) a whitespace token, so only those are looked at."""
    if len(doc) < 2:
        return doc
    arr = doc.to_array([ORTH, IS_SPACE])
    strings = doc.vocab.strings
    is_space = arr[:, 1]
    for i in numpy.flatnonzero(is_space[:-1]).tolist():
        if not is_space[i + 1] and "\n" in strings[arr[i, 0]]:
            doc[i + 1].is_sent_start = True
    return doc


NUMBER_STOP = re.compile(r"\d[\d.,]*\.")


@cache
def _sentence_openers() -> frozenset[str]:
    return frozenset(read_lines("sentence_openers.txt"))


@Language.component(
    "lagebild_number_ends",
    assigns=["token.is_sent_start"],
)
def number_ends(doc: Doc) -> Doc:
    """Start a sentence after a number that ends one: German tokenizers keep "2000." whole
    (an ordinal, "am 3. Oktober"), so the sentencizer sees no full stop in "im Jahr 2000.
    Beim Untergang …". A capitalised function word after it (``sentence_openers.txt``) opens
    the next sentence: an ordinal is followed by a noun or an adjective, never by one."""
    openers = _sentence_openers()
    for tok, nxt in zip(doc[:-1], doc[1:], strict=True):
        if NUMBER_STOP.fullmatch(tok.text) and nxt.text[:1].isupper() and nxt.lower_ in openers:
            nxt.is_sent_start = True
    return doc


@Language.factory(
    "lagebild_numbers",
    assigns=["doc.spans", "span._.number"],
    requires=["token.is_sent_start"],
    default_config={"spans_key": NUMBERS_KEY},
)
def create_numbers_component(nlp: Language, name: str, spans_key: str) -> NumberRecogniser:
    return NumberRecogniser(spans_key)


class NumberRecogniser:
    """Finds every number expression (digits, words, ranges, vague quantities) in a Doc.

    Results go to ``doc.spans[spans_key]``; each span's ``._.number`` holds the parsed
    NumberMention (value, low/high, kind).
    """

    def __init__(self, spans_key: str = NUMBERS_KEY) -> None:
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.numbers import find_numbers

        spans = []
        sentences = doc_sentences(doc)
        doc.user_data[SENTENCES_KEY] = sentences  # the runner reads them back: computed once
        for mention in find_numbers(doc.text, sentences):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            span._.number = mention
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


def doc_sentences(doc: Doc) -> list[Sentence]:
    """Sentences of ``doc`` with character offsets, outer whitespace trimmed, empty ones skipped.

    ``lagebild_numbers`` (the last component) leaves them in ``doc.user_data``; they are
    computed here only for a Doc that did not pass through it.
    """
    cached = doc.user_data.get(SENTENCES_KEY)
    if cached is not None:
        return cached
    out: list[Sentence] = []
    text = doc.text
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append(Sentence(len(out), start, end, text[start:end]))
    return out


def sentence_index(sentences: Sequence[Sentence]) -> Callable[[int], int]:
    """Return a function mapping a character offset to the index of its sentence."""
    starts = [s.start for s in sentences]

    def find(offset: int) -> int:
        return max(bisect.bisect_right(starts, offset) - 1, 0)

    return find


def doc_entities(doc: Doc, sentences: list[Sentence]) -> list[EntityMention]:
    """Named-entity mentions of ``doc`` in Lagebild's label set (PER, LOC, ORG, MISC)."""
    find = sentence_index(sentences)
    out = []
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_, ent.label_)
        if label not in ENTITY_LABELS:
            continue
        out.append(EntityMention(find(ent.start_char), ent.start_char, ent.end_char, ent.text, label))
    return out


def doc_tokens(doc: Doc, sentences: Sequence[Sentence], only: Collection[int] | None = None) -> list[Token]:
    """The Doc's non-space tokens as records, with lemma, POS, STTS tag and morphology;
    with ``only``, just those of the sentences with these indices."""
    ranges = []
    for sent in sentences if only is None else [s for s in sentences if s.idx in only]:
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is not None:
            ranges.append((span.start, span.end, sent.idx))
    return token_records(doc, ranges) if ranges else []


def doc_numbers(doc: Doc, spans_key: str = NUMBERS_KEY) -> list[NumberMention]:
    """The NumberMentions found by ``lagebild_numbers``."""
    return [span._.number for span in doc.spans.get(spans_key, []) if span._.number is not None]


@cache
def model_meta(model: str | None) -> dict:
    """The meta.json of a model (package name or path) without loading its weights.

    Raises ModelNotFoundError when the model does not exist, so a run fails early.
    """
    target = DEFAULT_MODEL if model is None else Path(model)
    if not target.exists() and model is not None and spacy.util.is_package(model):
        target = spacy.util.get_package_path(model)
    meta_path = target / "meta.json"
    if not meta_path.exists():
        _load(model)  # raises the explanatory ModelNotFoundError
        return {}
    return spacy.util.load_meta(meta_path)
