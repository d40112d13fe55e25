"""The shipped de_lagebild model: loads, tags real news sentences sensibly, keeps gender forms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
MODEL_DIR = REPO / "pipeline" / "models" / "de_lagebild"
SHARED = REPO.parent / "shared"

pytestmark = pytest.mark.skipif(
    not (MODEL_DIR / "meta.json").exists(), reason="de_lagebild model not in the package"
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(MODEL_DIR)


def ents(nlp: Language, text: str) -> set[tuple[str, str]]:
    return {(ent.text, ent.label_) for ent in nlp(text).ents}


def test_pipeline_and_labels(nlp: Language) -> None:
    assert nlp.pipe_names == ["tok2vec", "ner", "ner_vote"]
    vote = nlp.get_pipe("ner_vote")
    assert vote.members and set(vote.members) == set(nlp.disabled)  # the members run only inside the vote
    for name in ("ner", *vote.members):
        assert set(nlp.get_pipe(name).labels) == {"PER", "LOC", "ORG", "MISC"}


def test_meta_fields() -> None:
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == "de_lagebild"
    assert meta["lang"] == "de"
    assert meta["version"]
    info = meta["lagebild"]
    assert "germeval2014" in info["training_data"]
    assert "vectors" in info
    assert info["training_seconds"] > 0
    scores = info["dev_scores"]
    assert set(scores["per_label"]) >= {"PER", "LOC", "ORG", "MISC"}
    assert 0 < scores["overall"]["f"] <= 100
    # each voting model's own dev score is recorded, and the vote beats every one of them
    voters = info["ensemble"]
    assert set(voters) == {"ner", "ner_self", "ner_smartdata"}
    assert all(scores["overall"]["f"] > voter["dev_f1"] for voter in voters.values())


def test_scholz_macron(nlp: Language) -> None:
    found = ents(
        nlp,
        "Bundeskanzler Olaf Scholz traf in Berlin den französischen Präsidenten "
        "Emmanuel Macron.",
    )
    assert ("Olaf Scholz", "PER") in found
    assert ("Berlin", "LOC") in found
    assert ("Emmanuel Macron", "PER") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Bundeswehr schickt weitere Soldaten nach Litauen.",
            {("Bundeswehr", "ORG"), ("Litauen", "LOC")},
        ),
        (
            "Der Siemens-Konzern und die Deutsche Bahn AG wollen in München investieren.",
            {("München", "LOC")},
        ),
        (
            "Angela Merkel sprach am Montag in Paris mit Vertretern der Vereinten Nationen.",
            {("Angela Merkel", "PER"), ("Paris", "LOC")},
        ),
    ],
)
def test_news_sentences(nlp: Language, text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= ents(nlp, text)


def test_some_org_found(nlp: Language) -> None:
    labels = {
        label
        for text in (
            "Die Nato verlegt Truppen an die Ostflanke.",
            "Der Vorstand der Siemens AG legte am Donnerstag die Zahlen vor.",
            "Die Bundeswehr beteiligt sich an der Mission der Vereinten Nationen.",
        )
        for _, label in ents(nlp, text)
    }
    assert "ORG" in labels


@pytest.mark.parametrize("form", ["Soldat:innen", "Ärzt:innen", "Bürger*innen", "Ärzt:in"])
def test_gender_forms_stay_whole(nlp: Language, form: str) -> None:
    doc = nlp(f"bis zu 30.000 {form} wurden verlegt")
    assert form in [t.text for t in doc]


@pytest.mark.skipif(not (SHARED / "corpora").exists(), reason="shared corpora not available")
def test_dev_sample_scores_reasonably() -> None:
    from pipeline.evaluate_ner import evaluate_ner, read_germeval

    dev = SHARED / "corpora" / "germeval2014" / "derived" / "NER-de-dev.4class-bio.tsv"
    assert read_germeval(dev)
    result = evaluate_ner(dev, str(MODEL_DIR))
    assert result["overall"]["f"] >= 0.76  # the target for the shipped model
    assert set(result["per_label"]) == {"PER", "LOC", "ORG", "MISC"}


def test_default_loader_returns_shipped_model() -> None:
    recognise = pytest.importorskip("pipeline.recognise")
    if not hasattr(recognise, "load_nlp"):
        pytest.skip("pipeline.recognise.load_nlp not available")
    nlp = recognise.load_nlp()
    assert nlp.meta["name"] == "de_lagebild"
    doc = nlp("Berlin (dpa) – Kremlchef Putin kritisierte die Nato.")
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("Putin", "PER") in found and ("Kremlchef Putin", "PER") not in found


def test_plain_spacy_load_finds_lagebild_functions_through_entry_points() -> None:
    """spacy.load(path) without importing pipeline first: the architectures come from the
    package's spaCy entry points (pyproject.toml)."""
    import subprocess
    import sys

    code = (
        "import spacy, sys\n"
        f"nlp = spacy.load({str(MODEL_DIR)!r})\n"
        "doc = nlp('Bundeskanzler Olaf Scholz reiste nach Paris.')\n"
        "print(sorted({e.label_ for e in doc.ents}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/")
    assert "PER" in out.stdout and "LOC" in out.stdout
