"""evaluate_ner on a tiny GermEval-format fixture with a rule-based stand-in model, timed
against spaCy's stock CPU NER."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from pipeline.evaluate_ner import (
    LABELS,
    compare_speed,
    evaluate_ner,
    format_report,
    read_germeval,
    score_spans,
    stock_ner,
    tags_to_spans,
)

# Original GermEval layout: "#" source line, then idx, token, outer tag, inner tag.
ORIGINAL = """#\thttp://example.org/a\t[2010-01-01]\t
1\tOlaf\tB-PER\tO
2\tScholz\tI-PER\tO
3\tbesucht\tO\tO
4\tBerlin\tB-LOC\tO
5\tund\tO\tO
6\tdie\tO\tO
7\tSiemens\tB-ORG\tO
8\tAG\tI-ORG\tO
9\t.\tO\tO

#\thttp://example.org/b\t[2010-01-02]\t
1\tDie\tO\tO
2\tEU-Kommission\tB-ORGpart\tO
3\tlobt\tO\tO
4\tdie\tO\tO
5\tdeutsche\tB-LOCderiv\tO
6\tFußball-WM\tB-OTH\tB-LOC
7\tin\tO\tO
8\tParis\tB-LOC\tO
9\t.\tO\tO

"""

# The same gold in the derived two-column 4-class BIO layout.
DERIVED = """Olaf\tB-PER
Scholz\tI-PER
besucht\tO
Berlin\tB-LOC
und\tO
die\tO
Siemens\tB-ORG
AG\tI-ORG
.\tO

Die\tO
EU-Kommission\tO
lobt\tO
die\tO
deutsche\tO
Fußball-WM\tB-MISC
in\tO
Paris\tB-LOC
.\tO
"""

PATTERNS = [
    {"label": "PER", "pattern": [{"ORTH": "Olaf"}, {"ORTH": "Scholz"}]},  # tp
    {"label": "LOC", "pattern": [{"ORTH": "Berlin"}]},  # tp
    {"label": "ORG", "pattern": [{"ORTH": "Siemens"}]},  # fp (gold: "Siemens AG" → fn)
    {"label": "ORG", "pattern": [{"ORTH": "EU-Kommission"}]},  # fp (ORGpart → O)
    {"label": "MISC", "pattern": [{"ORTH": "Fußball-WM"}]},  # tp (OTH → MISC)
    {"label": "PER", "pattern": [{"ORTH": "Paris"}]},  # fp PER, fn LOC
]


@pytest.fixture()
def rule_model(tmp_path: Path) -> str:
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(PATTERNS)
    path = tmp_path / "rule_model"
    nlp.to_disk(path)
    return str(path)


def test_read_germeval_maps_labels(tmp_path: Path) -> None:
    original = tmp_path / "orig.tsv"
    original.write_text(ORIGINAL, encoding="utf-8")
    derived = tmp_path / "derived.tsv"
    derived.write_text(DERIVED, encoding="utf-8")
    a, b = read_germeval(original), read_germeval(derived)
    assert [s.tokens for s in a] == [s.tokens for s in b]
    assert [s.tags for s in a] == [s.tags for s in b]
    assert a[1].tags[1] == "O" and a[1].tags[4] == "O" and a[1].tags[5] == "B-MISC"


def test_tags_to_spans_bio_and_stray_inside() -> None:
    assert tags_to_spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC"]) == {
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
    }
    assert tags_to_spans(["O", "I-ORG", "I-ORG", "I-LOC"]) == {(1, 3, "ORG"), (3, 4, "LOC")}


def test_score_spans_exact_match() -> None:
    gold = [{(0, 2, "PER"), (3, 4, "LOC")}]
    pred = [{(0, 2, "PER"), (3, 5, "LOC")}]
    result = score_spans(gold, pred)
    assert result["overall"]["tp"] == 1
    assert result["overall"]["f"] == pytest.approx(0.5)
    assert result["per_label"]["LOC"]["f"] == 0.0


@pytest.mark.parametrize("layout", ["original", "derived"])
def test_evaluate_ner_exact_scores(tmp_path: Path, rule_model: str, layout: str) -> None:
    path = tmp_path / f"{layout}.tsv"
    path.write_text(ORIGINAL if layout == "original" else DERIVED, encoding="utf-8")
    result = evaluate_ner(path, model=rule_model)
    overall = result["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (3, 3, 2)
    assert overall["p"] == pytest.approx(0.5)
    assert overall["r"] == pytest.approx(0.6)
    assert overall["f"] == pytest.approx(6 / 11)
    per = result["per_label"]
    assert (per["PER"]["p"], per["PER"]["r"]) == (pytest.approx(0.5), pytest.approx(1.0))
    assert (per["LOC"]["p"], per["LOC"]["r"]) == (pytest.approx(1.0), pytest.approx(0.5))
    assert per["ORG"]["f"] == 0.0 and (per["ORG"]["fp"], per["ORG"]["fn"]) == (2, 1)
    assert per["MISC"]["f"] == pytest.approx(1.0)
    assert result["sentences"] == 2 and result["tokens"] == 18
    assert result["words_per_second"] > 0
    assert result["stock_words_per_second"] > 0
    assert result["speed_ratio"] == pytest.approx(result["words_per_second"] / result["stock_words_per_second"])
    report = format_report(result)
    assert "overall" in report and "54.55" in report and "MISC" in report
    assert f"ratio model / stock: {result['speed_ratio']:.2f}" in report
    assert f"stock: {result['stock_words_per_second']:,.0f} words/s" in report


def test_stock_ner_is_spacys_efficiency_config_with_the_four_labels() -> None:
    from spacy.cli.init_config import init_config

    nlp = stock_ner()
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) == set(LABELS)
    expected = init_config(lang="de", pipeline=["ner"], optimize="efficiency", gpu=False)
    assert nlp.config["components"]["tok2vec"]["model"]["embed"]["rows"] == expected["components"]["tok2vec"][
        "model"]["embed"]["rows"]
    assert nlp.config["components"]["tok2vec"]["model"]["embed"]["include_static_vectors"] is False
    assert nlp.config["components"]["ner"]["model"]["hidden_width"] == 64
    # untrained, but it runs: one Doc per text, entities (if any) carry the given labels
    docs = list(nlp.pipe(["Olaf Scholz besuchte gestern Paris.", "Die Bahn streikt."]))
    assert len(docs) == 2 and all(ent.label_ in LABELS for doc in docs for ent in doc.ents)


def test_compare_speed_alternates_slices_of_the_same_texts() -> None:
    from spacy.language import Language

    seen: list[tuple[str, str]] = []

    def recorder(name: str) -> Language:
        nlp = spacy.blank("de")
        factory = f"record_{name}"
        if not Language.has_factory(factory):
            Language.component(factory, func=lambda doc, name=name: seen.append((name, doc.text)) or doc)
        nlp.add_pipe(factory)
        return nlp

    texts = [f"Satz Nummer {i} aus Bonn ." for i in range(10)]
    speeds = compare_speed(recorder("model"), recorder("stock"), texts, rounds=5)
    assert all(speed > 0 for speed in speeds)
    assert [text for name, text in seen if name == "model"] == texts
    assert [text for name, text in seen if name == "stock"] == texts
    # slices of two texts, the model's first, then the stock pipeline's on the same two
    assert [name for name, _ in seen] == ["model", "model", "stock", "stock"] * 5


def test_stock_comparison_can_be_left_out(tmp_path: Path, rule_model: str) -> None:
    path = tmp_path / "derived.tsv"
    path.write_text(DERIVED, encoding="utf-8")
    result = evaluate_ner(path, model=rule_model, compare_stock=False)
    assert "stock_words_per_second" not in result and "speed_ratio" not in result
    assert "ratio" not in format_report(result) and result["overall"]["tp"] == 3


def test_cli_prints_both_speeds_and_the_ratio(tmp_path: Path, rule_model: str) -> None:
    import re

    from typer.testing import CliRunner

    from pipeline.cli import app

    path = tmp_path / "derived.tsv"
    path.write_text(DERIVED, encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate-ner", str(path), "--model", rule_model])
    assert result.exit_code == 0, result.output
    model_speed = re.search(r"^speed: ([\d,]+) words/s", result.output, re.M)
    stock_speed = re.search(r"^stock: ([\d,]+) words/s \(spaCy CPU NER, efficiency config", result.output, re.M)
    ratio = re.search(r"^ratio model / stock: (\d+\.\d\d)$", result.output, re.M)
    assert model_speed and stock_speed and ratio
    speeds = [float(m.group(1).replace(",", "")) for m in (model_speed, stock_speed)]
    assert float(ratio.group(1)) == pytest.approx(speeds[0] / speeds[1], rel=0.05, abs=0.01)
    result = CliRunner().invoke(app, ["evaluate-ner", str(path), "--model", rule_model, "--no-stock"])
    assert result.exit_code == 0, result.output
    assert "speed:" in result.output and "stock" not in result.output


def test_convert_germeval_roundtrip(tmp_path: Path) -> None:
    from spacy.tokens import DocBin

    from training.scripts.corpora import convert_germeval

    src = tmp_path / "orig.tsv"
    src.write_text(ORIGINAL, encoding="utf-8")
    out = tmp_path / "out.spacy"
    assert convert_germeval(src, out, sentences_per_doc=10) == 2
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("de").vocab))
    assert len(docs) == 1 and len(docs[0]) == 18
    assert [(e.text, e.label_) for e in docs[0].ents] == [
        ("Olaf Scholz", "PER"),
        ("Berlin", "LOC"),
        ("Siemens AG", "ORG"),
        ("Fußball-WM", "MISC"),
        ("Paris", "LOC"),
    ]
    assert sum(1 for t in docs[0] if t.is_sent_start) == 2
