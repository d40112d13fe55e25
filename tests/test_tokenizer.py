"""Gender-inclusive forms and German abbreviations stay one token, with any German pipeline."""

from __future__ import annotations

import pytest
import spacy

from pipeline.tokenizer import fix_gender_forms


@pytest.fixture(scope="module")
def blank_de():
    return fix_gender_forms(spacy.blank("de"))


@pytest.mark.parametrize(
    "text,token",
    [
        ("bis zu 30.000 zusätzliche Soldat:innen zu entsenden", "Soldat:innen"),
        ("Die Bürger*innen der Stadt", "Bürger*innen"),
        ("Alle Lehrer_innen streiken.", "Lehrer_innen"),
        ("Eine Ärzt:in kam.", "Ärzt:in"),
        ("Liebe Kolleg·innen,", "Kolleg·innen"),
        ("Soldat*innen und Soldaten", "Soldat*innen"),
        ("Mitarbeiter:innen, Bürger:innen.", "Mitarbeiter:innen"),
        ("Die Journalist:innen berichten", "Journalist:innen"),
    ],
)
def test_gender_forms_are_one_token(blank_de, text: str, token: str) -> None:
    assert token in [t.text for t in blank_de(text)]


@pytest.mark.parametrize(
    "text,tokens",
    [
        ("Um 12:30 Uhr", ["Um", "12:30", "Uhr"]),
        ("Fazit: gut", ["Fazit", ":", "gut"]),
        ("Es gilt:Innen", ["Es", "gilt", ":", "Innen"]),
    ],
)
def test_other_colons_unchanged(blank_de, text: str, tokens: list[str]) -> None:
    assert [t.text for t in blank_de(text)] == tokens


def test_fix_is_idempotent_and_survives_serialisation(tmp_path) -> None:
    nlp = fix_gender_forms(fix_gender_forms(spacy.blank("de")))
    nlp.to_disk(tmp_path / "m")
    again = spacy.load(tmp_path / "m")
    assert [t.text for t in again("Soldat:innen")] == ["Soldat:innen"]


def test_shipped_pipeline_keeps_gender_forms(nlp) -> None:
    doc = nlp("Medienberichten zufolge plant Nordkorea, bis zu 30.000 zusätzliche Soldat:innen zu entsenden.")
    assert "Soldat:innen" in [t.text for t in doc]


@pytest.mark.parametrize("form", ["poln.", "Russ.", "Hptm.", "Kdr.", "Btl.", "stv."])
def test_german_abbreviations_stay_one_token(form: str) -> None:
    from pipeline.tokenizer import add_abbreviations

    nlp = add_abbreviations(spacy.blank("de"))
    assert [t.text for t in nlp(f"Der {form} Name")] == ["Der", form, "Name"]


def test_no_sentence_ends_inside_a_bracketed_abbreviation(nlp) -> None:
    from pipeline.recognise import doc_sentences

    text = "Die Kämpfer der Heimatarmee (poln. Armia Krajowa) nahmen teil. Viele kamen ums Leben."
    assert len(doc_sentences(nlp(text))) == 2
