"""The ner_vote component: majority vote of NER models, lazy third model, span grouping."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from pipeline.ensemble import sentence_ranges, spans_by_range, vote_spans


def test_vote_keeps_majority_spans_and_leaves_disagreement_unsure() -> None:
    predictions = [
        {(0, 2, "PER"), (5, 6, "LOC")},
        {(0, 2, "PER"), (5, 6, "ORG")},
        {(0, 2, "PER"), (7, 8, "MISC")},
    ]
    spans, unsure = vote_spans(predictions, min_votes=2)
    assert spans == [(0, 2, "PER")]
    assert unsure == {5, 7}  # LOC vs ORG split 1:1, and a lone MISC
    assert vote_spans(predictions) == (spans, unsure)  # the default: a strict majority


def test_vote_prefers_the_most_voted_of_overlapping_spans() -> None:
    predictions = [{(0, 3, "ORG")}, {(0, 3, "ORG")}, {(0, 2, "ORG")}, {(0, 2, "ORG")}, {(0, 2, "ORG")}]
    assert vote_spans(predictions, min_votes=2) == ([(0, 2, "ORG")], {2})
    # a tie goes to the leftmost span, then the shorter; the loser's tokens stay unsure
    assert vote_spans([{(1, 3, "LOC")}, {(0, 2, "LOC")}], min_votes=1) == ([(0, 2, "LOC")], {2})


def test_spans_are_grouped_by_the_sentence_they_start_in() -> None:
    ranges = [(0, 4), (4, 9), (9, 12)]
    spans = [(0, 1, "PER"), (3, 5, "ORG"), (10, 12, "LOC"), (4, 5, "LOC")]
    assert spans_by_range(spans, ranges) == [{(0, 1, "PER"), (3, 5, "ORG")}, {(4, 5, "LOC")}, {(10, 12, "LOC")}]


def test_sentence_ranges_without_sentences_cover_the_whole_doc() -> None:
    nlp = spacy.blank("de")
    assert sentence_ranges(nlp("Merkel traf Macron. Dann ging sie.")) == [(0, 8)]
    assert sentence_ranges(nlp.make_doc("")) == []
    nlp.add_pipe("sentencizer")
    assert sentence_ranges(nlp("Merkel traf Macron. Dann ging sie.")) == [(0, 4), (4, 8)]


PATTERNS = {  # three "models" that disagree on Macron (sentence 1) and agree on sentence 2
    "ner": [("Merkel", "PER"), ("Macron", "PER"), ("Paris", "LOC"), ("Scholz", "PER"), ("Rom", "LOC")],
    "first": [("Merkel", "PER"), ("Macron", "ORG"), ("Paris", "LOC"), ("Scholz", "PER"), ("Rom", "LOC")],
    "last": [("Macron", "ORG"), ("Scholz", "LOC"), ("Paris", "MISC")],
}


def _voting_pipeline(sentences: bool = True) -> Language:
    """Rulers stand in for the models: ``ner`` in the pipeline, two disabled members."""
    nlp = spacy.blank("de")
    if sentences:
        nlp.add_pipe("sentencizer")
    for name, patterns in PATTERNS.items():
        ruler = nlp.add_pipe("entity_ruler", name=name)
        ruler.add_patterns([{"label": label, "pattern": text} for text, label in patterns])
        if name != "ner":
            nlp.disable_pipe(name)
    nlp.add_pipe("ner_vote", config={"members": ["first", "last"]})
    return nlp


def _spy(nlp: Language, name: str) -> list[str]:
    """Record the texts a member is run on."""
    member = nlp.get_pipe(name)
    seen: list[str] = []
    original = member.pipe

    def pipe(docs, **kwargs):
        docs = list(docs)
        seen.extend(doc.text for doc in docs)
        return original(docs, **kwargs)

    member.pipe = pipe
    return seen


def test_vote_replaces_the_entities_with_the_majority() -> None:
    nlp = _voting_pipeline()
    doc = nlp("Merkel traf Macron in Paris. Scholz reiste nach Rom.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Merkel", "PER"), ("Macron", "ORG"), ("Paris", "LOC"), ("Scholz", "PER"), ("Rom", "LOC"),
    ]
    assert nlp.pipe_names == ["sentencizer", "ner", "ner_vote"]  # the members stay disabled


def test_the_last_member_runs_only_where_the_others_disagree() -> None:
    nlp = _voting_pipeline()
    seen_last, seen_first = _spy(nlp, "last"), _spy(nlp, "first")
    texts = ["Merkel traf Macron in Paris. Scholz reiste nach Rom.", "Scholz reiste nach Rom."]
    list(nlp.pipe(texts))
    assert seen_first == texts  # every doc, whole
    assert seen_last == ["Merkel traf Macron in Paris. "]  # only the disputed sentence


def test_lazy_vote_equals_the_full_vote() -> None:
    nlp = _voting_pipeline()
    texts = [
        "Merkel traf Macron in Paris. Scholz reiste nach Rom.",
        "Paris und Rom. Macron lobte Scholz, Merkel schwieg.",
        "Niemand wird genannt.",
        "",
    ]
    for doc in nlp.pipe(texts, batch_size=2):
        full = []
        for sent in (doc.sents if len(doc) else []):
            votes = []
            for name in PATTERNS:
                alone = nlp.get_pipe(name)(nlp.make_doc(sent.text))
                votes.append({(e.start + sent.start, e.end + sent.start, e.label_) for e in alone.ents})
            full += vote_spans(votes)[0]
        assert [(e.start, e.end, e.label_) for e in doc.ents] == full


def test_vote_without_sentences_votes_on_the_whole_doc() -> None:
    nlp = _voting_pipeline(sentences=False)
    doc = nlp("Merkel traf Macron in Paris. Scholz reiste nach Rom.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Merkel", "PER"), ("Macron", "ORG"), ("Paris", "LOC"), ("Scholz", "PER"), ("Rom", "LOC"),
    ]


def test_a_vote_needs_two_members() -> None:
    nlp = spacy.blank("de")
    with pytest.raises(ValueError, match="at least two members"):
        nlp.add_pipe("ner_vote", config={"members": ["only"]})
