"""Linguistic layer: lemma, part of speech, morphology and clause boundaries on every token of the Doc.

With Lagebild's own model, :func:`add_linguistic_layer` puts the heads of the shipped
``models/de_lagebild_morph`` behind the NER: ``morph_tok2vec`` (one residual CNN layer over
the NER tok2vec's output, which is computed anyway), an STTS ``tagger``, a ``morphologizer``
(UPOS + Case, Number, Gender, Person, VerbForm, Tense, Mood …) and an edit-tree
``trainable_lemmatizer``. spaCy's German packages (``de_core_news_*``) bring their own
tagger, morphologizer and lemmatizer, which are kept as they are. Then the ``lagebild_morph``
component fills ``pos`` from the STTS tag wherever a model left it empty.

So the rules read ``token.lemma_``, ``token.pos_``, ``token.tag_`` and ``token.morph`` from
the Doc, and :func:`clauses` (or ``token._.clause``) splits a sentence into clauses.
"""

from __future__ import annotations

import bisect
import json
import warnings
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path

import numpy as np
import spacy
from spacy.attrs import ENT_TYPE, IDX, IS_SPACE, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline.edit_tree_lemmatizer import EditTreeLemmatizer
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch
from thinc.api import Maxout, Model, chain, concatenate, expand_window, residual, with_array
from thinc.types import Floats2d

from pipeline.clauses import clauses as split_clauses
from pipeline.records import Token as Word
from pipeline.resources import read_tsv

MORPH_MODEL = Path(__file__).parent / "models" / "de_lagebild_morph"
HEADS = ("morph_tok2vec", "tagger", "morphologizer", "trainable_lemmatizer")
# components of spaCy's own German packages that already set lemma, tag, pos or morphology
OWN_LAYER = ("tagger", "morphologizer", "lemmatizer", "trainable_lemmatizer", "attribute_ruler")
NAME_LABELS = ("PER", "LOC")  # entity labels whose nouns are proper nouns

if not Token.has_extension("clause"):
    Token.set_extension("clause", getter=lambda tok: _clause_index(tok))


class MorphModelMismatchError(RuntimeError):
    """The linguistic heads were trained on another tok2vec than the model's."""


# --------------------------------------------------------------------------- tables
@cache
def _stts_table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for row in read_tsv("stts_upos.tsv"):
        if row["tag"] in table:
            raise ValueError(f"stts_upos.tsv: duplicate tag {row['tag']!r}")
        if row["decided_by"] not in ("tag", "use"):
            raise ValueError(f"stts_upos.tsv: decided_by must be tag or use, not {row['decided_by']!r}")
        table[row["tag"]] = (row["upos"], row["decided_by"])
    return table


def stts_to_upos() -> dict[str, str]:
    """The STTS → Universal POS table (``resources/stts_upos.tsv``)."""
    return {tag: upos for tag, (upos, _) in _stts_table().items()}


def tag_decides(tag: str) -> bool:
    """True where UD German gives every use of the STTS tag one UPOS (NN, APPRART, $(, VVFIN …)."""
    entry = _stts_table().get(tag)
    return entry is not None and entry[1] == "tag"


def upos_of(tag: str) -> str:
    """Universal POS of an STTS tag ('VVFIN' → 'VERB'); '' for an unknown tag."""
    entry = _stts_table().get(tag)
    return entry[0] if entry else ""


# --------------------------------------------------------------------------- architecture
@spacy.registry.architectures("lagebild.MorphTok2Vec.v1")
def morph_tok2vec(
    upstream: Model[list[Doc], list[Floats2d]],
    embed: Model[list[Doc], list[Floats2d]],
    width: int,
    depth: int,
    window_size: int,
    maxout_pieces: int = 3,
    mix_window: int = 0,
) -> Model[list[Doc], list[Floats2d]]:
    """The heads' own token vectors: the NER tok2vec's output (``upstream``, a listener, frozen)
    next to a small hash embedding of the word's own form (``embed``: prefix, suffix, shape,
    which the NER-tuned vectors keep little of), mixed to ``width`` and put through ``depth``
    residual CNN layers (0: none). ``mix_window`` > 0 lets the mix see that many neighbours on
    each side (a determiner's ending next to its noun)."""
    mix = Maxout(nO=width, nP=maxout_pieces, dropout=0.0, normalize=True)
    if mix_window:
        mix = chain(expand_window(window_size=mix_window), mix)
    layers = [
        residual(chain(expand_window(window_size=window_size),
                       Maxout(nO=width, nI=width * (2 * window_size + 1), nP=maxout_pieces, dropout=0.0,
                              normalize=True)))
        for _ in range(depth)
    ]  # fmt: skip
    model = chain(concatenate(upstream, embed), with_array(chain(mix, *layers) if layers else mix))
    model.set_dim("nO", width)
    return model


# --------------------------------------------------------------------------- faster lemmatizer
class CachedEditTreeLemmatizer(EditTreeLemmatizer):
    """spaCy's edit-tree lemmatizer (top_k 1) with the same output, cheaper on running text: the
    best tree is the argmax of the scores, and each (form, tree) lemma is computed once and kept
    (as text, so a memory zone that frees the batch's strings cannot leave a stale hash), instead
    of applying the tree twice per token."""

    CACHE_SIZE = 200_000

    def predict(self, docs: Iterable[Doc]) -> list:
        docs = list(docs)
        if self.top_k != 1 or not any(len(doc) for doc in docs):
            return super().predict(docs)
        labels = np.asarray(self.cfg["labels"], dtype="int64")
        return [labels[self.numpy_ops.asarray(scores.argmax(axis=1))] for scores in self.model.predict(docs)]

    def set_annotations(self, docs: Iterable[Doc], batch_tree_ids) -> None:
        if self.top_k != 1:
            return super().set_annotations(docs, batch_tree_ids)
        cache: dict[tuple[int, int], str | None] = self.__dict__.setdefault("_lemma_cache", {})
        if len(cache) > self.CACHE_SIZE:
            cache.clear()
        for doc, tree_ids in zip(docs, batch_tree_ids, strict=True):
            if not len(doc):
                continue
            strings = doc.vocab.strings
            arr = doc.to_array([ORTH, LEMMA])
            lemmas = arr[:, 1].copy()
            for j, (orth, tree) in enumerate(zip(arr[:, 0].tolist(), np.asarray(tree_ids).tolist(), strict=True)):
                if lemmas[j] and not self.overwrite:
                    continue
                key = (orth, tree)
                if key not in cache:
                    cache[key] = self.trees.apply(tree, strings[orth])
                lemma = cache[key]
                if lemma is not None:
                    lemmas[j] = strings.add(lemma)
                elif self.backoff == "orth":
                    lemmas[j] = orth
                elif self.backoff is not None:
                    lemmas[j] = getattr(doc[j], self.backoff)
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))


# --------------------------------------------------------------------------- wiring
def tok2vec_fingerprint(nlp: Language) -> str:
    """Identity of the pipeline's ``tok2vec`` weights: the first 16 hex digits of their sha256."""
    import hashlib

    return hashlib.sha256(nlp.get_pipe("tok2vec").model.to_bytes()).hexdigest()[:16]


@cache
def _heads_meta() -> dict:
    return json.loads((MORPH_MODEL / "meta.json").read_text(encoding="utf-8"))


def add_linguistic_layer(nlp: Language, own_model: bool, scope: str = "all", spans_key: str = "numbers") -> None:
    """Give ``nlp`` lemma, tag, pos and morphology on every token (no-op where already there).

    The shipped heads go on any pipeline whose ``tok2vec`` is the one they were trained on
    (``own_model``: Lagebild's default model, where any other tok2vec is an error): as disabled
    components, run sentence by sentence by ``lagebild_linguistic`` on the sentences ``scope``
    names (:class:`SentenceHeads`; "numbers": those holding a span of ``doc.spans[spans_key]``). spaCy's German packages keep their own layer. Every model gets
    ``lagebild_morph``, which fills ``pos`` from the STTS ``tag`` where a model left it empty.
    """
    has_layer = any(name in nlp.pipe_names for name in OWN_LAYER)
    if not has_layer and "tok2vec" in nlp.pipe_names and (MORPH_MODEL / "meta.json").exists():
        expected = _heads_meta().get("lagebild", {}).get("tok2vec_sha256")
        if expected == tok2vec_fingerprint(nlp):
            heads = spacy.load(MORPH_MODEL)
            with warnings.catch_warnings():
                # the heads folder ships no vectors (W113: "source vectors are not identical"):
                # the vectors are the NER tok2vec's, and the heads read its output
                warnings.filterwarnings("ignore", message=r"\[W113\]")
                for name in HEADS:
                    nlp.add_pipe(name, source=heads, last=True)
                    nlp.get_pipe(name).vocab = nlp.vocab  # labels and morph tables live in the run's vocab
                    nlp.disable_pipe(name)  # run by lagebild_linguistic, sentence by sentence
            lemmatizer = nlp.get_pipe("trainable_lemmatizer")
            if type(lemmatizer) is EditTreeLemmatizer:
                lemmatizer.__class__ = CachedEditTreeLemmatizer  # same lemmas, about half the time
            nlp.add_pipe(LAYER_NAME, last=True, config={"heads": list(HEADS), "scope": scope, "spans_key": spans_key})
        elif own_model:
            raise MorphModelMismatchError(
                f"{MORPH_MODEL} was trained on another tok2vec than the shipped NER model's: rebuild "
                "it with training/morph.py (see README, The linguistic layer)"
            )
    if "lagebild_morph" not in nlp.pipe_names:
        nlp.add_pipe("lagebild_morph", last=True)


# --------------------------------------------------------------------------- the heads, by sentence
LAYER_NAME = "lagebild_linguistic"
SCOPES = ("all", "numbers")
LAYER_ATTRS = [TAG, POS, MORPH, LEMMA]


@Language.factory(
    LAYER_NAME,
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma"],
    requires=["doc.tensor", "token.is_sent_start"],
    default_config={"heads": list(HEADS), "scope": "all", "spans_key": "numbers"},
)
def create_sentence_heads(nlp: Language, name: str, heads: list[str], scope: str, spans_key: str) -> SentenceHeads:
    return SentenceHeads(nlp, name, heads, scope, spans_key)


class SentenceHeads:
    """Runs the linguistic heads (disabled components of the same pipeline, run in order) on the
    Doc's sentences, each sentence one Doc for them as in their training data (UD sentences),
    carrying its rows of the NER tok2vec's ``doc.tensor``; their tag, pos, morphology and lemma
    are then copied back into the Doc.

    ``scope`` "all" annotates every sentence. "numbers" only those holding a number span
    (``doc.spans[spans_key]``, set by ``lagebild_numbers`` before this component): the troop rules
    read no others, so a run that writes no ``tokens`` table does a third of the work with the
    same troop figures. Sentence by sentence, a token's annotation does not depend on the scope.
    """

    def __init__(self, nlp: Language, name: str, heads: Sequence[str], scope: str, spans_key: str) -> None:
        if scope not in SCOPES:
            raise ValueError(f"{name}: scope must be one of {SCOPES}, not {scope!r}")
        self.nlp = nlp
        self.name = name
        self.heads = list(heads)
        self.scope = scope
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size):
            yield from self._annotate(list(batch))

    def sentence_ranges(self, doc: Doc) -> list[tuple[int, int]]:
        """(start, end) token ranges of the sentences to annotate."""
        ranges = [(s.start, s.end) for s in doc.sents] if len(doc) else []
        if self.scope == "all":
            return ranges
        starts = [start for start, _ in ranges]
        held = {bisect.bisect_right(starts, span.start) - 1 for span in doc.spans.get(self.spans_key, [])}
        return [ranges[k] for k in sorted(held) if k >= 0]

    def _annotate(self, docs: list[Doc]) -> list[Doc]:
        jobs = [(d, start, end) for d, doc in enumerate(docs) for start, end in self.sentence_ranges(doc)]
        if not jobs:
            return docs
        subs = [_sentence_doc(docs[d], start, end) for d, start, end in jobs]
        for name in self.heads:
            subs = list(self.nlp.get_pipe(name).pipe(subs, batch_size=len(subs)))
        arrays: dict[int, np.ndarray] = {}
        for (d, start, end), sub in zip(jobs, subs, strict=True):
            if d not in arrays:
                arrays[d] = docs[d].to_array(LAYER_ATTRS)
            arrays[d][start:end] = sub.to_array(LAYER_ATTRS)
        for d, array in arrays.items():
            docs[d].from_array(LAYER_ATTRS, array)
        return docs


def _sentence_doc(doc: Doc, start: int, end: int) -> Doc:
    """The tokens ``doc[start:end]`` as a Doc of their own with their rows of ``doc.tensor``."""
    tokens = doc[start:end]
    sub = Doc(doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])
    if doc.tensor.size:
        sub.tensor = doc.tensor[start:end]
    return sub


# --------------------------------------------------------------------------- component
@Language.factory(
    "lagebild_morph",
    assigns=["token.pos"],
    default_config={},
)
def create_morph(nlp: Language, name: str) -> PosFromTag:
    return PosFromTag(nlp)


class PosFromTag:
    """Set ``token.pos`` from the STTS ``token.tag`` where the tag decides it (``stts_upos.tsv``:
    NN → NOUN, APPRART → ADP, $( → PUNCT …) or where the model left it empty; elsewhere (VAFIN: AUX
    or VERB, PIS: PRON or DET …) the morphologizer's UPOS stays. A common noun (NN) inside a
    person or place name of the NER ('Mongolei', 'Alpen') is a proper noun (PROPN)."""

    def __init__(self, nlp: Language) -> None:
        strings = nlp.vocab.strings
        self.decides = {strings.add(tag): strings.add(upos_of(tag)) for tag in stts_to_upos() if tag_decides(tag)}
        self.fallback = {strings.add(tag): strings.add(upos) for tag, upos in stts_to_upos().items()}
        self.noun = strings.add("NN")
        self.propn = strings.add("PROPN")
        self.names = {strings.add(label) for label in NAME_LABELS}
        self.haben = strings.add("haben")
        self.zu_infinitive = strings.add("VVIZU")
        self.participle = strings.add("VVPP")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        self._zu_without_zu(doc)
        self._weak_preterite(doc)
        arr = doc.to_array([TAG, POS, ENT_TYPE, LEMMA])
        pos = arr[:, 1].copy()
        for i, (tag, old, ent, _) in enumerate(arr.tolist()):
            if tag:
                if tag == self.noun and ent in self.names:
                    pos[i] = self.propn
                    continue
                new = self.decides.get(tag) or (0 if old else self.fallback.get(tag, 0))
                if new:
                    pos[i] = new
        if not np.array_equal(pos, arr[:, 1]):
            doc.from_array([POS], pos.reshape(-1, 1))
        haben = np.flatnonzero(arr[:, 3] == self.haben)
        if len(haben) and doc.has_annotation("SENT_START"):
            self._haben(doc, haben.tolist())
        return doc

    def _zu_without_zu(self, doc: Doc) -> None:
        """A zu-infinitive holds "zu" ("abzuziehen"); a separable participle the tagger took for
        one ("abgezogen", "zurückgebracht") is a participle (VVPP)."""
        tags = doc.to_array([TAG])
        wrong = [i for i in np.flatnonzero(tags == self.zu_infinitive).tolist() if "zu" not in doc[i].lower_]
        if wrong:
            tags[wrong] = self.participle
            doc.from_array([TAG], tags.reshape(-1, 1))

    def _weak_preterite(self, doc: Doc) -> None:
        """A finite weak verb with the preterite's "-te"/"-ten" after its stem ("stationierten",
        "verlegte", "töteten") is in the past, whatever tense the morphologizer gave it."""
        for tok in doc:
            if tok.tag_ != "VVFIN" or "Tense=Pres" not in str(tok.morph):
                continue
            lemma = tok.lemma_.lower()
            if not lemma.endswith("en") or len(lemma) < 5:
                continue
            stem = lemma[:-2]
            if tok.lower_ in {stem + e for e in WEAK_PRETERITE_ENDINGS}:
                tok.set_morph(str(tok.morph).replace("Tense=Pres", "Tense=Past"))

    def _haben(self, doc: Doc, indices: list[int]) -> None:
        """'haben' is an auxiliary only with a participle in its clause ('hat … verlegt'); with an
        object it is the main verb ('hat 300 Soldaten')."""
        split: dict[int, list[Span]] = {}  # sentence start → its clauses, split once
        for i in indices:
            tok = doc[i]
            if tok.pos_ in ("AUX", "VERB"):
                sent = tok.sent
                if sent.start not in split:
                    split[sent.start] = clauses(sent)
                clause = next(c for c in split[sent.start] if c.start <= i < c.end)
                tok.pos_ = "AUX" if any(t.tag_ in PARTICIPLES for t in clause) else "VERB"


# --------------------------------------------------------------------------- clauses
PARTICIPLES = frozenset({"VVPP", "VAPP", "VMPP"})
WEAK_PRETERITE_ENDINGS = ("te", "ten", "test", "tet", "ete", "eten", "etest", "etet")


def clause_starts(sent: Span) -> list[int]:
    """Offsets (within ``sent``) where a clause starts; always begins with 0.

    The rules are :func:`pipeline.clauses.clauses` (the same the troop-figure rules read): a
    clause ends at a semicolon, colon or dash, at a comma before a subordinator, relative or
    interrogative pronoun ('…, dass', '…, die', '…, in denen', '…, wie viele'), a finite verb
    or a zu-infinitive group, at the comma that closes a subordinate clause ('…, die dort
    stationiert sind, kehren …'), and at 'und'/'oder' before a finite verb ('… und kündigte
    Hilfe an'), not between two nouns ('Russland und die Ukraine'). Space tokens belong to
    the clause before them.
    """
    words = [(w.i - sent.start, w) for w in token_records(sent.doc, [(sent.start, sent.end, 0)])]
    if not words:
        return [0]
    starts = {words[c.lo][0] for c in split_clauses([w for _, w in words])}
    return sorted(starts | {0})


RECORD_ATTRS = [IDX, ORTH, LEMMA, POS, TAG, MORPH, IS_SPACE]
EMPTY_MORPH = "_"  # the stored form of an empty analysis; str(token.morph) gives ""


def token_records(doc: Doc, ranges: Iterable[tuple[int, int, int]]) -> list[Word]:
    """The non-space tokens of each (start, end, sentence index) token range of ``doc`` as plain
    records (``records.Token``: offsets, lemma, POS, STTS tag, morphology): what the clause rules
    and normalisation read. One array read per range (only the tokens asked for) and string
    lookups, no Token objects."""
    strings = doc.vocab.strings
    out = []
    for start, end, sent_idx in ranges:
        rows = doc[start:end].to_array(RECORD_ATTRS).tolist() if end > start else []
        for k, (idx, orth, lemma, pos, tag, morph, space) in enumerate(rows, start):
            if space:
                continue
            text = strings[orth]
            feats = strings[morph] if morph else ""
            out.append(Word(k, sent_idx, idx, idx + len(text), text, strings[lemma] if lemma else "",
                            strings[pos] if pos else "", strings[tag] if tag else "",
                            "" if feats == EMPTY_MORPH else feats))  # fmt: skip
    return out


def clauses(sent: Span) -> list[Span]:
    """Split a sentence into its clauses: contiguous spans covering every token of ``sent``.

    A clause interrupted by an embedded one ('Die Soldaten, die dort sind, kehren zurück') is
    two spans, before and after it. Needs STTS tags or VerbForm (any tagged German model).
    """
    starts = clause_starts(sent)
    ends = [*starts[1:], len(sent)]
    return [sent[s:e] for s, e in zip(starts, ends, strict=True)]


def _clause_index(tok: Token) -> int:
    """``token._.clause``: index of the token's clause within its sentence."""
    sent = tok.sent
    starts = clause_starts(sent)
    offset = tok.i - sent.start
    return sum(1 for s in starts if s <= offset) - 1
