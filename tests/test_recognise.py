"""load_nlp and the recognise components: sentences at paragraphs, numbers as spans, mention records."""

from __future__ import annotations

import pytest
import spacy

from pipeline.recognise import (
    ModelNotFoundError,
    doc_entities,
    doc_numbers,
    doc_sentences,
    load_nlp,
    model_meta,
    sentence_index,
)

TEXT = (
    "Tausende nordkoreanische Soldaten bereits im Einsatz\n\n"
    "Nordkoreas Machthaber Kim Jong Un traf in Wonsan den russischen Außenminister Sergej Lawrow. "
    "Bis zu 14.000 Soldat:innen sollen im Einsatz gewesen sein."
)


def test_headline_and_paragraphs_are_sentences(nlp) -> None:
    sentences = doc_sentences(nlp(TEXT))
    assert [s.text for s in sentences][0] == "Tausende nordkoreanische Soldaten bereits im Einsatz"
    assert len(sentences) == 3
    for s in sentences:
        assert TEXT[s.start : s.end] == s.text and s.text == s.text.strip()


def test_numbers_component_sets_spans_with_parsed_values(nlp) -> None:
    doc = nlp(TEXT)
    numbers = {n.text: n for n in doc_numbers(doc)}
    assert numbers["14.000"].value == 14000 and numbers["14.000"].sent_idx == 2
    assert numbers["Tausende"].vague and numbers["Tausende"].low == 1000
    assert [s.text for s in doc.spans["numbers"]] == [n.text for n in doc_numbers(doc)]


def test_entities_carry_sentence_and_offsets(nlp) -> None:
    doc = nlp(TEXT)
    sentences = doc_sentences(doc)
    entities = doc_entities(doc, sentences)
    assert {("Kim Jong Un", "PER"), ("Sergej Lawrow", "PER"), ("Wonsan", "LOC")} <= {
        (e.text, e.label) for e in entities
    }
    for e in entities:
        assert TEXT[e.start : e.end] == e.text
        assert sentences[e.sent_idx].start <= e.start < sentences[e.sent_idx].end


def test_sentence_index() -> None:
    from pipeline.records import Sentence

    find = sentence_index([Sentence(0, 0, 10, "x"), Sentence(1, 12, 20, "y")])
    assert [find(0), find(9), find(12), find(19)] == [0, 0, 1, 1]


def test_pipeline_analysis_finds_no_problems(nlp) -> None:
    analysis = nlp.analyze_pipes(pretty=False)
    assert not any(analysis["problems"].values()), analysis["problems"]
    # the numbers come before the linguistic layer, which may be limited to their sentences
    assert nlp.pipe_names.index("lagebild_numbers") < nlp.pipe_names.index("lagebild_morph")


def test_any_german_pipeline_gets_the_lagebild_additions(tmp_path) -> None:
    spacy.blank("de").to_disk(tmp_path / "blank")
    nlp = load_nlp(str(tmp_path / "blank"))
    assert {"sentencizer", "lagebild_paragraphs", "lagebild_number_ends", "lagebild_numbers"} <= set(nlp.pipe_names)
    assert "Soldat:innen" in [t.text for t in nlp("2000 Soldat:innen")]


@pytest.mark.parametrize("name", ["de_core_news_sm_not_installed", "/no/such/model"])
def test_missing_model_names_the_fix(name: str) -> None:
    with pytest.raises(ModelNotFoundError, match="--model"):
        load_nlp(name)
    with pytest.raises(ModelNotFoundError):
        model_meta(name)


def test_shipped_model_meta() -> None:
    meta = model_meta(None)
    assert meta["name"] and meta["version"] and "ner" in meta["pipeline"]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a number with a full stop, then a function word: the sentence ends there
        (
            "Das weckt Erinnerungen an das Unglück im Jahr 2000. Beim Untergang starben alle.",
            ["Das weckt Erinnerungen an das Unglück im Jahr 2000.", "Beim Untergang starben alle."],
        ),
        ("Es waren rund 15 000. Ein Großteil ist in Bayern.", ["Es waren rund 15 000.", "Ein Großteil ist in Bayern."]),
        # an ordinal before a noun or an adjective: one sentence
        ("Die 2. Panzerdivision rückte am 3. Oktober vor.", ["Die 2. Panzerdivision rückte am 3. Oktober vor."]),
        ("Im 20. Jahrhundert gab es den 1. großen Krieg.", ["Im 20. Jahrhundert gab es den 1. großen Krieg."]),
    ],
)
def test_a_number_with_a_full_stop_ends_a_sentence_before_a_function_word(nlp, text, sentences) -> None:
    assert [s.text for s in doc_sentences(nlp(text))] == sentences
