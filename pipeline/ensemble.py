"""Majority vote of several NER models inside one spaCy pipeline (the ``ner_vote`` component).

The shipped model holds three NER models: the pipeline's own ``ner`` (with the shared
``tok2vec``) and two *members*, self-contained NER components (each with its own tok2vec)
that sit disabled in the same pipeline and share its vocab and vectors. ``ner_vote`` runs
after ``ner`` and replaces its entities with the spans a strict majority of the models
predicts (``vote_spans``).

The vote is lazy: the last member runs only on the sentences where the other models
disagree. Where they all agree, every one of their spans already has a majority and a
single further vote can neither add nor remove one, so the output is exactly that of the
full vote at a fraction of the cost.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

Span3 = tuple[int, int, str]

VOTE_NAME = "ner_vote"


def vote_spans(
    predictions: Sequence[set[Span3]], min_votes: int | None = None
) -> tuple[list[Span3], set[int]]:
    """Majority vote of several models' (start, end, label) spans in one sentence.

    Spans that at least ``min_votes`` models predict (default: a strict majority) are kept,
    the most voted first (ties: the leftmost, then the shorter), skipping any that overlaps a
    span already kept. Returns the kept spans in order and the *unsure* tokens: those some model
    put in an entity that no kept span covers (the models disagree there, so a student is taught
    nothing about them).
    """
    min_votes = len(predictions) // 2 + 1 if min_votes is None else min_votes
    votes = Counter(span for spans in predictions for span in spans)
    kept: list[Span3] = []
    for span in sorted((s for s, n in votes.items() if n >= min_votes), key=lambda s: (-votes[s], s)):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    covered = {i for start, end, _ in kept for i in range(start, end)}
    unsure = {i for start, end, _ in votes for i in range(start, end)} - covered
    return sorted(kept), unsure


def sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token ranges of the Doc's sentences; the whole Doc when it has none."""
    if len(doc) == 0:
        return []
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc))]
    return [(sent.start, sent.end) for sent in doc.sents]


def spans_by_range(spans: Iterable[Span3], ranges: Sequence[tuple[int, int]]) -> list[set[Span3]]:
    """``spans`` grouped by the range their first token lies in (ranges sorted, contiguous)."""
    out: list[set[Span3]] = [set() for _ in ranges]
    starts = [start for start, _ in ranges]
    k = 0
    for span in sorted(spans):
        while k + 1 < len(starts) and span[0] >= starts[k + 1]:
            k += 1
        out[k].add(span)
    return out


def _fresh(doc: Doc, start: int = 0, end: int | None = None) -> Doc:
    """The tokens ``doc[start:end]`` as a new Doc without annotations (a NER component keeps
    any entity already set, so each model must see a blank Doc)."""
    tokens = doc[start:end]
    return Doc(doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])


def _spans(doc: Doc, offset: int = 0) -> set[Span3]:
    return {(ent.start + offset, ent.end + offset, ent.label_) for ent in doc.ents}


class NerVote:
    """Replaces ``doc.ents`` (set by the pipeline's ``ner``) with the strict-majority vote of
    ``ner`` and the ``members`` (names of disabled NER components of the same pipeline).

    Every member but the last runs on each Doc; the last runs only on the sentences where
    the models before it disagree. The members are looked up in ``nlp`` when the vote runs,
    so they may be added after this component.
    """

    def __init__(self, nlp: Language, name: str, members: Sequence[str]) -> None:
        if len(members) < 2:
            raise ValueError(f"{name}: a lazy vote needs at least two members, got {list(members)}")
        self.nlp = nlp
        self.name = name
        self.members = list(members)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size):
            yield from self._vote_batch(list(batch))

    def _vote_batch(self, docs: list[Doc]) -> list[Doc]:
        *eager, lazy = self.members
        ranges = [sentence_ranges(doc) for doc in docs]
        votes: list[list[list[set[Span3]]]] = [  # doc → sentence → one span set per model so far
            [[spans] for spans in spans_by_range(_spans(doc), r)] for doc, r in zip(docs, ranges, strict=True)
        ]
        for name in eager:
            predicted = self.nlp.get_pipe(name).pipe((_fresh(doc) for doc in docs), batch_size=len(docs))
            for doc_votes, member_doc, r in zip(votes, predicted, ranges, strict=True):
                for sentence_votes, spans in zip(doc_votes, spans_by_range(_spans(member_doc), r), strict=True):
                    sentence_votes.append(spans)
        disputed = [
            (d, k)
            for d, doc_votes in enumerate(votes)
            for k, sentence_votes in enumerate(doc_votes)
            if any(spans != sentence_votes[0] for spans in sentence_votes[1:])
        ]
        if disputed:
            sentence_docs = (_fresh(docs[d], *ranges[d][k]) for d, k in disputed)
            predicted = self.nlp.get_pipe(lazy).pipe(sentence_docs, batch_size=len(docs))
            for (d, k), member_doc in zip(disputed, predicted, strict=True):
                votes[d][k].append(_spans(member_doc, ranges[d][k][0]))
        for doc, doc_votes in zip(docs, votes, strict=True):
            kept = [span for sentence_votes in doc_votes for span in vote_spans(sentence_votes)[0]]
            doc.ents = [Span(doc, start, end, label) for start, end, label in kept]
        return docs


@Language.factory(
    VOTE_NAME,
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    requires=["doc.ents"],
    default_config={"members": []},
)
def create_ner_vote(nlp: Language, name: str, members: list[str]) -> NerVote:
    return NerVote(nlp, name, members)
