"""Training helpers: the pretraining text, and pretrained tok2vec weights reaching the NER training."""

from __future__ import annotations

import importlib
import json
import shutil
from pathlib import Path

import pytest

# the module, not the re-exported pipeline.train() function
training = importlib.import_module("pipeline.train")


WIKIANN_TRAIN = "de:Angela\tB-PER\nde:Merkel\tI-PER\nde:besuchte\tO\nde:Paris\tB-LOC\n\nde:Die\tO\nde:Bahn\tB-ORG\n"
WIKIANN_DEV = "de:Berlin\tB-LOC\nde:ist\tO\nde:groß\tO\n"


def _fake_corpora(root: Path, train: str = WIKIANN_TRAIN, dev: str = WIKIANN_DEV) -> Path:
    """A corpora folder with WikiANN train/dev files of the given text."""
    wikiann = root / "wikiann-de" / "WikiANN" / "de"
    wikiann.mkdir(parents=True)
    (wikiann / "train").write_text(train, encoding="utf-8")
    (wikiann / "dev").write_text(dev, encoding="utf-8")
    return root


def _fake_work(root: Path, n_lines: int = 50) -> Path:
    vectors = root / "vectors"
    vectors.mkdir(parents=True)
    lines = [f"Der Bundestag berät heute in Berlin über den Haushalt Nummer {i} ." for i in range(n_lines)]
    (vectors / "text.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_pretrain_text_has_wikiann_first_then_a_seeded_sample(tmp_path: Path, monkeypatch) -> None:
    corpora = _fake_corpora(tmp_path / "corpora")
    work = _fake_work(tmp_path / "work")
    monkeypatch.setattr(training, "WIKIANN_SKIP", {("wikiann-de/WikiANN/de/train", 1)})
    out, n_words = training.prepare_pretrain_text(corpora, work, max_words=40)
    rows = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[:2] == ["Angela Merkel besuchte Paris", "Berlin ist groß"]  # "Die Bahn" skipped
    assert 40 <= n_words < 40 + 13 and len(rows) == 2 + 3
    again, _ = training.prepare_pretrain_text(corpora, work, max_words=40)
    assert [json.loads(x)["text"] for x in again.read_text(encoding="utf-8").splitlines()] == rows


@pytest.mark.slow
def test_pretrained_weights_are_loaded_by_the_training_config(tmp_path: Path) -> None:
    """`spacy pretrain` with training/ner.cfg, then the training's init loads those weights."""
    import spacy
    from spacy.tokens import DocBin
    from spacy.training.initialize import init_nlp
    from spacy.util import load_config

    corpora = _fake_corpora(tmp_path / "corpora")
    work = _fake_work(tmp_path / "work", n_lines=30)
    weights = training.pretrain_tok2vec(
        corpora, work, config=training.DEFAULT_CONFIG, vectors_dir=None, max_words=300
    )
    assert weights.exists()
    docs = DocBin()
    nlp_blank = spacy.blank("de")
    doc = nlp_blank("Olaf Scholz besuchte Paris .")
    doc.ents = [doc.char_span(0, 11, label="PER"), doc.char_span(21, 26, label="LOC")]
    docs.add(doc)
    docs.to_disk(tmp_path / "tiny.spacy")
    overrides = {
        "paths.train": str(tmp_path / "tiny.spacy"),
        "paths.dev": str(tmp_path / "tiny.spacy"),
        "paths.vectors": None,
        "paths.init_tok2vec": str(weights),
        "components.tok2vec.model.embed.include_static_vectors": False,
    }
    config = load_config(training.DEFAULT_CONFIG, overrides=overrides, interpolate=False)
    nlp = init_nlp(config)
    assert nlp.get_pipe("tok2vec").model.to_bytes() == weights.read_bytes()
    # a second call with the same settings reuses the weights instead of pretraining again
    stamp = weights.stat().st_mtime_ns
    assert training.pretrain_tok2vec(
        corpora, work, config=training.DEFAULT_CONFIG, vectors_dir=None, max_words=300
    ) == weights
    assert weights.stat().st_mtime_ns == stamp
    # other settings (or an interrupted run: no done.json) pretrain again
    (weights.parent / "done.json").unlink()
    training.pretrain_tok2vec(corpora, work, config=training.DEFAULT_CONFIG, vectors_dir=None, max_words=200)
    assert weights.stat().st_mtime_ns != stamp
    assert json.loads((weights.parent / "done.json").read_text()) == {"max_words": 200, "seed": 0}


def test_wikiann_is_converted_with_capitalised_o_tokens_missing(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    corpora = _fake_corpora(tmp_path / "corpora")
    out = tmp_path / "wikiann.spacy"
    assert training.convert_wikiann(corpora, out, min_tokens=2) == 2
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("de").vocab))
    first = [(t.text, t.ent_iob_, t.ent_type_) for t in docs[0]]
    assert first == [
        ("Angela", "B", "PER"), ("Merkel", "I", "PER"), ("besuchte", "O", ""), ("Paris", "B", "LOC"),
    ]
    # "Die" is capitalised and not an entity: unknown (missing), not O
    assert [(t.text, t.ent_iob_, t.ent_type_) for t in docs[1]] == [("Die", "", ""), ("Bahn", "B", "ORG")]
    assert training.convert_wikiann(corpora, out, min_tokens=3) == 1


def _smartdata_record(text: str, mentions: list[tuple[str, str]], source: str = "news") -> dict:
    """A SmartData v1 document with each (surface, type) mention at its first occurrence."""
    array = [
        {"span": {"start": text.index(surface), "end": text.index(surface) + len(surface)}, "type": kind}
        for surface, kind in mentions
    ]
    return {"text": {"string": text}, "conceptMentions": {"array": array}, "refids": {"map": {"source": source}}}


def _fake_smartdata(root: Path) -> Path:
    import gzip

    folder = root / "smartdata" / "v1_20180119"
    folder.mkdir(parents=True)
    news = _smartdata_record(
        "Siemens-Chef Joe Kaeser sprach in München. Die Gruppe fährt über die A 9 nach Starnberg zu Tesla.",
        [("Joe Kaeser", "person"), ("München.", "location-city"), ("Gruppe", "organization-company"),
         ("A 9", "location-route"), ("Starnberg", "location"), ("Siemens", "organization-company")],
    )
    tweet = _smartdata_record("Stau auf der A 8 bei Rosenheim", [("Rosenheim", "location-city")], "tweet")
    # the v1 files are concatenated pretty-printed JSON documents, not JSON lines
    with gzip.open(folder / "train.json.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(news, indent=2) + "\n" + json.dumps(tweet, indent=2) + "\n")
    with gzip.open(folder / "test.json.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(news, indent=2))  # a duplicate text is read once
    return root


def test_smartdata_is_read_by_source_without_duplicates(tmp_path: Path) -> None:
    corpora = _fake_smartdata(tmp_path)
    assert [text[:7] for text, _ in training.read_smartdata(corpora)] == ["Siemens"]
    assert len(list(training.read_smartdata(corpora, ("news", "tweet")))) == 2


def test_smartdata_doc_teaches_names_only(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    corpora = _fake_smartdata(tmp_path)
    out = tmp_path / "smartdata.spacy"
    assert training.convert_smartdata(corpora, out) == 1
    doc = next(DocBin().from_disk(out).get_docs(spacy.blank("de").vocab))
    tags = {t.text: (t.ent_iob_, t.ent_type_) for t in doc}
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Joe Kaeser", "PER"), ("München", "LOC"), ("Starnberg", "LOC"),
    ]
    assert tags["Siemens-Chef"] == ("", "")  # "Siemens" is only part of the word (GermEval: ORGpart)
    assert tags["."] == ("O", "")  # the mention's trailing full stop is trimmed off
    assert tags["Gruppe"] == ("", "")  # a nominal mention: neither a name nor O
    assert tags["A"] == tags["9"] == ("", "")  # a road: no GermEval counterpart
    assert tags["sprach"] == tags["über"] == ("O", "")
    assert tags["Die"] == ("O", "")
    assert tags["Tesla"] == ("", "")  # capitalised, not a known noun, not marked: may be an unmarked name


def test_smartdata_mentions_across_lines_stay_missing() -> None:
    import spacy

    text = "Neuer Chef der Deutschen\nBahn ist Richard Lutz"
    doc = training.smartdata_doc(
        spacy.blank("de"), text, [(15, 29, "organization-company"), (34, 46, "person")]
    )
    assert [(e.text, e.label_) for e in doc.ents] == [("Richard Lutz", "PER")]
    assert [t.ent_iob_ for t in doc[3:6]] == ["", "", ""]


def test_self_labelled_wikiann_keeps_sentences_where_teacher_and_silver_agree(tmp_path: Path, monkeypatch) -> None:
    import spacy
    from spacy.tokens import DocBin

    import pipeline.recognise

    corpora = _fake_corpora(
        tmp_path / "corpora",
        # agree (the teacher's extra MISC is kept) · disagree on a label · no entity at all
        train="de:Angela\tB-PER\nde:Merkel\tI-PER\nde:las\tO\nde:Faust\tO\n\n"
        "de:Berlin\tB-LOC\nde:ist\tO\nde:groß\tO\n\n"
        "de:es\tO\nde:regnet\tO\nde:heute\tO\n",
        dev="de:Paris\tB-LOC\nde:ist\tO\nde:schön\tO\n",
    )
    teacher = spacy.blank("de")
    teacher.add_pipe("entity_ruler").add_patterns([
        {"label": "PER", "pattern": "Angela Merkel"},
        {"label": "MISC", "pattern": "Faust"},
        {"label": "ORG", "pattern": "Berlin"},
        {"label": "LOC", "pattern": "Paris"},
    ])
    monkeypatch.setattr(pipeline.recognise, "load_nlp", lambda model=None: teacher)
    out = tmp_path / "self.spacy"
    assert training.self_label_wikiann(corpora, tmp_path / "teacher", out, min_tokens=3) == 2
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("de").vocab))
    assert [[(e.text, e.label_) for e in doc.ents] for doc in docs] == [
        [("Angela Merkel", "PER"), ("Faust", "MISC")],
        [("Paris", "LOC")],
    ]
    # fully labelled: every other token is O, not missing
    assert [t.ent_iob_ for t in docs[0]] == ["B", "I", "O", "B"]


def test_ensemble_labelled_wikiann_uses_the_teachers_vote(tmp_path: Path, monkeypatch) -> None:
    import spacy
    from spacy.tokens import DocBin

    import pipeline.recognise

    corpora = _fake_corpora(
        tmp_path / "corpora",
        # WikiANN's own labels are ignored: only its text is labelled
        train="de:Angela\tB-ORG\nde:Merkel\tI-ORG\nde:las\tO\nde:Faust\tO\n",
        dev="de:es\tO\nde:regnet\tO\nde:heute\tO\n",
    )
    patterns = {
        "a": [("PER", "Angela Merkel"), ("MISC", "Faust")],
        "b": [("PER", "Angela Merkel"), ("LOC", "Faust")],
        "c": [("PER", "Angela Merkel")],
    }
    teachers = {}
    for name, rules in patterns.items():
        teachers[name] = spacy.blank("de")
        teachers[name].add_pipe("entity_ruler").add_patterns([{"label": lab, "pattern": pat} for lab, pat in rules])
    monkeypatch.setattr(pipeline.recognise, "load_nlp", lambda model=None: teachers[Path(model).name])
    out = tmp_path / "voted.spacy"
    paths = [tmp_path / name for name in patterns]
    assert training.ensemble_label_wikiann(corpora, paths, out, min_tokens=3) == 2
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("de").vocab))
    assert [[(e.text, e.label_) for e in doc.ents] for doc in docs] == [[("Angela Merkel", "PER")], []]
    assert [t.ent_iob_ for t in docs[0]] == ["B", "I", "O", ""]  # "Faust": the teachers disagree
    assert [t.ent_iob_ for t in docs[1]] == ["O", "O", "O"]


def test_train_refuses_self_training_together_with_teachers(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="choose one"):
        training.train(tmp_path, tmp_path / "out", self_training=True, teachers=3)


@pytest.mark.parametrize("teachers", [1, -2])
def test_train_needs_at_least_two_teachers_to_vote(tmp_path: Path, teachers: int) -> None:
    with pytest.raises(ValueError, match="at least 2"):
        training.train(tmp_path, tmp_path / "out", teachers=teachers)


@pytest.mark.parametrize(
    ("extra_data", "smartdata", "self_training"),
    [(None, False, False), ({"smartdata_news": True, "self_training": None}, True, False),
     ({"smartdata_news": False, "self_training": {"wikiann_sentences": 3}}, False, True),
     ({"smartdata_news": False, "self_training": None, "distillation": {"wikiann_sentences": 3}}, False, False)],
)
def test_meta_names_the_extra_training_data_only_when_used(tmp_path: Path, extra_data, smartdata, self_training) -> None:
    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    scores = {"p": 0.5, "r": 0.5, "f": 0.5}
    result = {"overall": scores, "per_label": {"PER": scores}, "words_per_second": 1000.0}
    training.write_meta(tmp_path, result, train_seconds=1.0, vectors_info=None, extra_data=extra_data)
    meta = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    names = " ".join(source["name"] for source in meta["sources"])
    assert names.startswith("GermEval 2014")
    assert ("SmartData" in names) is smartdata
    assert ("self-training" in names) is self_training
    assert ("distillation" in names) is bool((extra_data or {}).get("distillation"))
    assert meta["lagebild"]["extra_training_data"] == (extra_data or "none")
    assert meta["lagebild"]["dev_scores"]["overall"] == {"p": 50.0, "r": 50.0, "f": 50.0}


def test_ensemble_recipe_trains_four_models_and_reuses_finished_ones(tmp_path: Path, monkeypatch) -> None:
    runs: list[tuple[str, dict]] = []

    def fake_train(corpora, out, **settings):
        runs.append((out.name, settings))
        best = out / "model-best"
        best.mkdir(parents=True)
        (best / "meta.json").write_text(json.dumps({"lagebild": {"dev_scores": {}}}))
        return best

    built: dict = {}

    def fake_build(corpora, main, members, out, train_seconds):
        built.update(main=main, members=members)
        out.mkdir(parents=True)
        (out / "meta.json").write_text(json.dumps({"lagebild": {"ensemble": {"ner": {}}}}))
        return {"overall": {}, "per_label": {}, "words_per_second": 1.0}

    monkeypatch.setattr(training, "train", fake_train)
    monkeypatch.setattr(training, "build_ensemble", fake_build)
    out = tmp_path / "out"
    best = training.train_ensemble(tmp_path, out, pretrain_words=5)
    assert best == out / "model-best"
    names = [name for name, _ in runs]
    assert names == ["main", "smartdata-teacher", "self-training", "smartdata"]
    settings = dict(runs)
    assert settings["main"]["pretrain_words"] == 5 and "smartdata" not in settings["main"]
    assert settings["self-training"]["teacher"] == out / "members" / "smartdata-teacher" / "model-best"
    assert settings["self-training"]["max_steps"] == training.SELF_TRAINING_STEPS
    for member, seed in (("self-training", 2), ("smartdata", 1)):
        assert settings[member]["config_overrides"] == training.HALF_ROWS
        assert settings[member]["pretrain_words"] == 0 and settings[member]["seed"] == seed
    assert list(built["members"]) == ["ner_self", "ner_smartdata"]  # the last one votes lazily
    assert json.loads((out / "scores.json").read_text())["members"] == {"ner": {}}
    # a second call reuses the finished models and only assembles again
    runs.clear()
    shutil.rmtree(out / "model-best")
    training.train_ensemble(tmp_path, out)
    assert runs == []


def test_single_model_options_are_refused_for_the_ensemble(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="--wikiann, --teachers: .*--single"):
        training.run_training(tmp_path, tmp_path / "out", wikiann=True, teachers=3)


def test_a_given_teacher_needs_self_training(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="self_training"):
        training.train(tmp_path, tmp_path / "out", teacher=tmp_path)


GERMEVAL_TSV = "Olaf\tB-PER\nScholz\tI-PER\nbesuchte\tO\nParis\tB-LOC\n.\tO\n\nDie\tO\nBahn\tB-ORG\nstreikt\tO\n.\tO\n\n"


@pytest.mark.slow
def test_ensemble_training_end_to_end(tmp_path: Path) -> None:
    """The four trainings (two steps each, tiny data) and the assembled voting model."""
    from pipeline.recognise import load_nlp

    corpora = _fake_smartdata(_fake_corpora(tmp_path / "corpora"))
    derived = corpora / "germeval2014" / "derived"
    derived.mkdir(parents=True)
    for path in (training.GERMEVAL_TRAIN, training.GERMEVAL_DEV):
        (corpora / path).write_text(GERMEVAL_TSV * 3, encoding="utf-8")
    out = tmp_path / "out"
    best = training.train_ensemble(corpora, out, work=_fake_work(tmp_path / "work"), pretrain_words=0, max_steps=2)
    assert sorted(p.name for p in (out / "members").iterdir()) == [
        "main", "self-training", "smartdata", "smartdata-teacher",
    ]
    nlp = load_nlp(str(best))
    assert "ner_vote" in nlp.pipe_names and set(nlp.disabled) == {"ner_self", "ner_smartdata"}
    assert all(ent.label_ in {"PER", "LOC", "ORG", "MISC"} for ent in nlp("Olaf Scholz besuchte Paris.").ents)
    meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
    assert meta["version"] == training.MODEL_VERSION and meta["description"] == training.ENSEMBLE_DESCRIPTION
    assert set(meta["lagebild"]["ensemble"]) == {"ner", "ner_self", "ner_smartdata"}
    assert meta["lagebild"]["training_seconds"] > 0
    assert json.loads((out / "scores.json").read_text())["size_bytes"] > 0
    # the training words are not shipped in the string store, only the labels
    assert json.loads((best / "vocab" / "strings.json").read_text()) == sorted(nlp.get_pipe("ner").labels)
