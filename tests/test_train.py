"""The training recipe (training/scripts, training/project.yml): corpus conversion, the
pretraining text, pretrained weights reaching the NER training, the shipped model's runs, the
spaCy project's steps and `lagebild train`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from training.scripts import assemble, distil, heldout, meta, pretrain
from training.scripts import corpora as conversion
from training.scripts import train as training
from training.scripts.paths import DEFAULT_CONFIG, TRAINING_DIR

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
    monkeypatch.setattr(conversion, "WIKIANN_SKIP", {("wikiann-de/WikiANN/de/train", 1)})
    out, n_words = pretrain.prepare_pretrain_text(corpora, work, max_words=40)
    rows = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[:2] == ["Angela Merkel besuchte Paris", "Berlin ist groß"]  # "Die Bahn" skipped
    assert 40 <= n_words < 40 + 13 and len(rows) == 2 + 3
    again, _ = pretrain.prepare_pretrain_text(corpora, work, max_words=40)
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
    weights = pretrain.pretrain_tok2vec(
        corpora, work, config=DEFAULT_CONFIG, vectors_dir=None, max_words=300
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
    config = load_config(DEFAULT_CONFIG, overrides=overrides, interpolate=False)
    nlp = init_nlp(config)
    assert nlp.get_pipe("tok2vec").model.to_bytes() == weights.read_bytes()
    # a second call with the same settings reuses the weights instead of pretraining again
    stamp = weights.stat().st_mtime_ns
    assert pretrain.pretrain_tok2vec(
        corpora, work, config=DEFAULT_CONFIG, vectors_dir=None, max_words=300
    ) == weights
    assert weights.stat().st_mtime_ns == stamp
    # other settings (or an interrupted run: no done.json) pretrain again
    (weights.parent / "done.json").unlink()
    pretrain.pretrain_tok2vec(corpora, work, config=DEFAULT_CONFIG, vectors_dir=None, max_words=200)
    assert weights.stat().st_mtime_ns != stamp
    assert json.loads((weights.parent / "done.json").read_text()) == {"max_words": 200, "seed": 0}


def test_wikiann_is_converted_with_capitalised_o_tokens_missing(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    corpora = _fake_corpora(tmp_path / "corpora")
    out = tmp_path / "wikiann.spacy"
    assert conversion.convert_wikiann(corpora, out, min_tokens=2) == 2
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("de").vocab))
    first = [(t.text, t.ent_iob_, t.ent_type_) for t in docs[0]]
    assert first == [
        ("Angela", "B", "PER"), ("Merkel", "I", "PER"), ("besuchte", "O", ""), ("Paris", "B", "LOC"),
    ]
    # "Die" is capitalised and not an entity: unknown (missing), not O
    assert [(t.text, t.ent_iob_, t.ent_type_) for t in docs[1]] == [("Die", "", ""), ("Bahn", "B", "ORG")]
    assert conversion.convert_wikiann(corpora, out, min_tokens=3) == 1


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
    assert [text[:7] for text, _ in conversion.read_smartdata(corpora)] == ["Siemens"]
    assert len(list(conversion.read_smartdata(corpora, ("news", "tweet")))) == 2


def test_smartdata_doc_teaches_names_only(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    corpora = _fake_smartdata(tmp_path)
    out = tmp_path / "smartdata.spacy"
    assert conversion.convert_smartdata(corpora, out) == 1
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
    doc = conversion.smartdata_doc(
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
    assert conversion.self_label_wikiann(corpora, tmp_path / "teacher", out, min_tokens=3) == 2
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
    assert conversion.ensemble_label_wikiann(corpora, paths, out, min_tokens=3) == 2
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
    meta.write_meta(tmp_path, result, train_seconds=1.0, vectors_info=None, extra_data=extra_data)
    written = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    names = " ".join(source["name"] for source in written["sources"])
    assert names.startswith("GermEval 2014")
    assert ("SmartData" in names) is smartdata
    assert ("self-training" in names) is self_training
    assert ("distillation" in names) is bool((extra_data or {}).get("distillation"))
    assert written["lagebild"]["extra_training_data"] == (extra_data or "none")
    assert written["lagebild"]["dev_scores"]["overall"] == {"p": 50.0, "r": 50.0, "f": 50.0}


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
    monkeypatch.setattr(assemble, "build_ensemble", fake_build)
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
    for path in (conversion.GERMEVAL_TRAIN, conversion.GERMEVAL_DEV):
        (corpora / path).write_text(GERMEVAL_TSV * 3, encoding="utf-8")
    out = tmp_path / "out"
    best = training.train_ensemble(corpora, out, work=_fake_work(tmp_path / "work"), pretrain_words=0, max_steps=2)
    assert sorted(p.name for p in (out / "members").iterdir()) == [
        "main", "self-training", "smartdata", "smartdata-teacher",
    ]
    nlp = load_nlp(str(best))
    assert "ner_vote" in nlp.pipe_names and set(nlp.disabled) == {"ner_self", "ner_smartdata"}
    assert all(ent.label_ in {"PER", "LOC", "ORG", "MISC"} for ent in nlp("Olaf Scholz besuchte Paris.").ents)
    written = json.loads((best / "meta.json").read_text(encoding="utf-8"))
    assert written["version"] == meta.MODEL_VERSION and written["description"] == meta.ENSEMBLE_DESCRIPTION
    assert set(written["lagebild"]["ensemble"]) == {"ner", "ner_self", "ner_smartdata"}
    assert written["lagebild"]["training_seconds"] > 0
    assert json.loads((out / "scores.json").read_text())["size_bytes"] > 0
    # the training words are not shipped in the string store, only the labels
    assert json.loads((best / "vocab" / "strings.json").read_text()) == sorted(nlp.get_pipe("ner").labels)


# --- the spaCy project (training/project.yml) and `lagebild train` ---------------------------


def _project() -> dict:
    from weasel.util import load_project_config

    return load_project_config(TRAINING_DIR)


def test_project_workflow_runs_every_step_once_in_an_order_whose_inputs_exist() -> None:
    """Each dep of a step is an asset, a file of the project, or an output of an earlier step,
    so `spacy project run all` (then `distil`, the experiment that needs its model) never
    reaches a step before what it needs; every command belongs to one workflow."""
    project = _project()
    commands = {cmd["name"]: cmd for cmd in project["commands"]}
    workflow = project["workflows"]["all"] + project["workflows"]["distil"]
    assert sorted(workflow) == sorted(commands) and len(set(workflow)) == len(workflow)
    assets = {asset["dest"] for asset in project["assets"]}
    made: set[str] = set()
    for name in workflow:
        command = commands[name]
        assert command["outputs"], f"{name} has no outputs: spaCy would rerun it every time"
        for dep in command["deps"]:
            assert dep in assets or dep in made or (TRAINING_DIR / dep).exists(), f"{name}: {dep}"
        for line in command["script"]:
            script = line.split()[1]
            assert (TRAINING_DIR / script).exists(), f"{name}: {script}"
        made.update(command["outputs"])
    # every asset lies under vars.corpora, so nothing is downloaded
    assert all(asset["dest"].startswith(project["vars"]["corpora"]) and "url" not in asset for asset in project["assets"])


def test_project_trains_each_run_of_the_shipped_model_with_its_recipe() -> None:
    commands = {cmd["name"]: cmd for cmd in _project()["commands"]}
    for name in assemble.MEMBER_RUNS:
        script = " ".join(commands[f"train-{name}"]["script"])
        assert f"--member {name} " in script
        out = _project()["vars"]["out"]
        assert commands[f"train-{name}"]["outputs"] == [f"{out}/members/{name}/model-best"]
        assert f"{out}/members/{name}/model-best" in commands["assemble"]["deps"]
    teacher = f"{_project()['vars']['out']}/members/smartdata-teacher/model-best"
    assert teacher in commands["train-self-training"]["deps"]  # it labels WikiANN for that run
    assert str(training.PRETRAIN_WORDS) == str(_project()["vars"]["pretrain_words"])


def test_project_dry_run_lists_every_step(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "project", "run", "all", str(TRAINING_DIR), "--dry",
         "--vars.out", str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for name in _project()["workflows"]["all"]:
        assert f" {name} " in result.stdout
    assert "scripts/train.py --member self-training" in result.stdout
    assert not (tmp_path / "out").exists()  # a dry run writes nothing


def test_a_member_step_trains_that_run_from_scratch(tmp_path: Path, monkeypatch) -> None:
    seen: dict = {}

    def fake_train(corpora, out, **settings):
        seen.update(settings, out=out, leftover=(out / "old.txt").exists())
        return out / "model-best"

    monkeypatch.setattr(training, "train", fake_train)
    stale = tmp_path / "out" / "members" / "smartdata"
    stale.mkdir(parents=True)
    (stale / "old.txt").write_text("from an earlier run")
    best = training.run_training(tmp_path, tmp_path / "out", member="smartdata", max_steps=7, pretrain_words=5)
    assert best == stale / "model-best" and seen["leftover"] is False
    assert seen["work"] == tmp_path / "out" / "work" and seen["max_steps"] == 7
    assert seen["seed"] == 1 and seen["smartdata"] is True and seen["pretrain_words"] == 0
    with pytest.raises(ValueError, match="unknown run 'nope'"):
        training.train_member(tmp_path, tmp_path / "out", "nope")
    with pytest.raises(ValueError, match="--single"):
        training.run_training(tmp_path, tmp_path / "out", member="main", smartdata=True)


def test_train_script_keeps_each_runs_own_steps_for_a_negative_max_steps(tmp_path: Path, monkeypatch) -> None:
    seen: dict = {}
    monkeypatch.setattr(training, "run_training", lambda corpora, out, **kw: seen.update(kw, out=out) or out)
    training.main(["--member", "main", "--out", "rel", "--max-steps", "-1", "--corpora", str(tmp_path)])
    assert seen["max_steps"] is None and seen["member"] == "main" and seen["out"].is_absolute()
    training.main(["--out", str(tmp_path), "--max-steps", "2"])
    assert seen["max_steps"] == 2 and seen["member"] is None


def test_train_script_passes_the_experiment_options_to_one_training(tmp_path: Path, monkeypatch) -> None:
    seen: dict = {}

    def fake_train(corpora, out, **kwargs):
        seen.update(kwargs, corpora=corpora, out=out)
        return out / "model-best"

    monkeypatch.setattr(training, "train", fake_train)
    training.main(["--corpora", str(tmp_path), "--out", str(tmp_path / "out"), "--work", str(tmp_path / "w"),
                   "--single", "--smartdata", "--pretrain-words", "0", "--teachers", "3"])
    assert seen["out"] == tmp_path / "out" and seen["work"] == tmp_path / "w" and seen["pretrain_words"] == 0
    assert seen["smartdata"] is True and seen["self_training"] is False and seen["wikiann"] is False
    assert seen["teachers"] == 3
    # options of one model's experiments are refused for the shipped model, naming the fix
    with pytest.raises(ValueError, match="--smartdata: .*--single"):
        training.main(["--corpora", str(tmp_path), "--out", str(tmp_path / "out"), "--smartdata"])


def test_pretrain_step_refuses_zero_words(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit):
        pretrain.main([str(tmp_path), str(tmp_path), "--words", "0"])
    assert "--single" in capsys.readouterr().err


def test_evaluate_compares_with_the_shipped_models_dev_f1(tmp_path: Path) -> None:
    from training.scripts.evaluate import TOLERANCE, compare_with_shipped

    (tmp_path / "meta.json").write_text(json.dumps({"lagebild": {"dev_scores": {"overall": {"f": 76.2}}}}))
    assert compare_with_shipped(76.5, tmp_path) == {"shipped_dev_f1": 76.2, "difference": 0.3, "within_tolerance": True}
    assert compare_with_shipped(75.6, tmp_path)["within_tolerance"] is False and TOLERANCE == 0.5
    assert compare_with_shipped(75.0, tmp_path / "missing")["shipped_dev_f1"] is None


def test_lagebild_train_runs_the_spacy_project(tmp_path: Path, monkeypatch) -> None:
    from typer.testing import CliRunner

    import pipeline.cli as cli

    calls: list[list[str]] = []
    monkeypatch.setattr(subprocess, "run", lambda command, check: calls.append(command) or subprocess.CompletedProcess(command, 0))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        cli.app, ["train", "--corpora", "corp", "--out", "out", "--vars.max_steps", "2", "--force"]
    )
    assert result.exit_code == 0, result.output
    assert calls == [[
        sys.executable, "-m", "spacy", "project", "run", "all", str(TRAINING_DIR), "--force",
        "--vars.corpora", str(tmp_path / "corp"), "--vars.out", str(tmp_path / "out"), "--vars.max_steps", "2",
    ]]
    assert str(tmp_path / "out" / "model-best") in result.output
    # a failing step fails the command with its exit code
    monkeypatch.setattr(subprocess, "run", lambda command, check: subprocess.CompletedProcess(command, 3))
    assert CliRunner().invoke(cli.app, ["train", "--step", "corpus"]).exit_code == 3


def test_lagebild_train_without_a_source_checkout_says_what_to_do(tmp_path: Path, monkeypatch) -> None:
    from typer.testing import CliRunner

    import pipeline.cli as cli

    monkeypatch.setattr(cli, "TRAINING_PROJECT", tmp_path / "training")
    result = CliRunner().invoke(cli.app, ["train"])
    assert result.exit_code == 2
    assert "project.yml not found" in result.output and "git clone" in result.output


def _fake_unlabeled(corpora: Path) -> Path:
    """The two unlabeled-de texts (xz) with a few hundred distinct German paragraphs."""
    import lzma

    folder = corpora / "unlabeled-de"
    folder.mkdir(parents=True)
    for k, name in enumerate(("bundestag-plenar-wp19-21.txt.xz", "gesetze-2022.txt.xz")):
        lines = [f"Der Ausschuss berät in Berlin über den Antrag Nummer {i} der Fraktion {k} ." for i in range(150)]
        with lzma.open(folder / name, "wt", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
    return corpora


@pytest.mark.slow
def test_spacy_project_runs_the_whole_recipe_and_skips_finished_steps(tmp_path: Path) -> None:
    """`spacy project run all` on tiny corpora (two steps per training): every step, the
    assembled voting model, the evaluation; a second run skips every step."""
    from pipeline.recognise import load_nlp

    corpora = _fake_unlabeled(_fake_smartdata(_fake_corpora(tmp_path / "corpora")))
    (corpora / "germeval2014" / "derived").mkdir(parents=True)
    for path in (conversion.GERMEVAL_TRAIN, conversion.GERMEVAL_DEV):
        (corpora / path).write_text(GERMEVAL_TSV * 3, encoding="utf-8")
    # a copy of the project, so that its project.lock stays out of the checkout
    project = tmp_path / "repo" / "training"
    shutil.copytree(TRAINING_DIR / "scripts", project / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("__init__.py", "project.yml", "ner.cfg", "code.py"):
        shutil.copy(TRAINING_DIR / name, project / name)
    out = tmp_path / "out"
    command = [
        sys.executable, "-m", "spacy", "project", "run", "all", str(project), "--vars.corpora", str(corpora),
        "--vars.out", str(out), "--vars.max_steps", "2", "--vars.pretrain_words", "300", "--vars.threads", "1",
    ]
    first = subprocess.run(command, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    assert (out / "work" / "pretrain" / "weights" / "model-last.bin").exists()
    nlp = load_nlp(str(out / "model-best"))
    assert "ner_vote" in nlp.pipe_names and set(nlp.disabled) == {"ner_self", "ner_smartdata"}
    evaluation = json.loads((out / "evaluation.json").read_text(encoding="utf-8"))
    assert evaluation["dev_f1"] == round(100 * evaluation["overall"]["f"], 2)
    assert evaluation["speed_ratio"] > 0 and evaluation["stock_words_per_second"] > 0
    written = json.loads((out / "model-best" / "meta.json").read_text(encoding="utf-8"))
    assert set(written["lagebild"]["ensemble"]) == {"ner", "ner_self", "ner_smartdata"}
    second = subprocess.run(command, capture_output=True, text=True, check=False)
    assert second.returncode == 0, second.stdout[-3000:]
    for name in ("corpus", "vectors", "pretrain", "train-main", "assemble", "evaluate"):
        assert f"Skipping '{name}': nothing changed" in second.stdout


# --- distillation transfer set and the Europarl held-out figure -----------------------------


def test_transfer_sentences_are_cut_at_sentence_ends_not_at_abbreviations() -> None:
    tokens = "Herr Dr. Schäuble sprach . Danach kam „ Nein “ ! Ende".split()
    assert distil.split_sentences(tokens) == [
        ["Herr", "Dr.", "Schäuble", "sprach", "."],
        ["Danach", "kam", "„", "Nein", "“", "!"],
        ["Ende"],
    ]
    assert distil.split_sentences(["am", "3.", "Mai", "."]) == [["am", "3.", "Mai", "."]]


def test_sentences_without_entities_are_kept_at_a_stable_small_rate() -> None:
    sentences = [f"Satz Nummer {i} ohne Namen .".split() for i in range(2000)]
    kept = [distil.keep_empty(s) for s in sentences]
    assert kept == [distil.keep_empty(s) for s in sentences]  # deterministic
    assert 0.05 < sum(kept) / len(kept) < 0.15


def test_transfer_set_stops_teaching_an_entity_it_has_seen_often() -> None:
    import spacy
    from spacy.tokens import Doc, Span

    nlp = spacy.blank("de")

    def doc(words: list[str], *ents: tuple[int, int, str]) -> Doc:
        d = Doc(nlp.vocab, words=words)
        d.ents = [Span(d, *e) for e in ents]
        return d

    seen: Counter = Counter()
    cdu = [doc(["Die", "CDU", "stimmt", "zu"], (1, 2, "ORG")) for _ in range(4)]
    assert [distil.novel(d, seen, cap=2) is not None for d in cdu] == [True, True, False, False]
    # a sentence with one entity still new is kept; the saturated one in it becomes missing
    kept = distil.novel(doc(["Die", "CDU", "und", "Olaf", "Scholz"], (1, 2, "ORG"), (3, 5, "PER")), seen, cap=2)
    assert [(e.text, e.label_) for e in kept.ents] == [("Olaf Scholz", "PER")]
    assert [t.ent_iob_ for t in kept] == ["O", "", "O", "B", "I"]
    assert seen[("Olaf Scholz", "PER")] == 1 and seen[("CDU", "ORG")] == 2
    plain = doc(["Nichts", "hier"])
    assert distil.novel(plain, seen, cap=2) is plain


def test_transfer_sentences_carry_the_vote_and_leave_disagreements_missing(monkeypatch) -> None:
    import spacy

    nlp = spacy.blank("de")
    votes = {  # three models: two agree on the person, one alone on the place
        distil.MODELS[0]: [{(0, 2, "PER")}, set()],
        distil.MODELS[1]: [{(0, 2, "PER"), (4, 5, "LOC")}, set()],
        distil.MODELS[2]: [{(0, 2, "PER")}, set()],
    }
    monkeypatch.setattr(distil, "_model_spans", lambda _nlp, pipes, _tokens: votes[tuple(pipes)])
    monkeypatch.setattr(distil, "keep_empty", lambda words: False)
    first, second = distil.label_batch(nlp, [["Olaf", "Scholz", "besuchte", "heute", "Kiel"], ["Nichts", "hier"]])
    assert second is None  # no entity, and the empty-sentence sample did not draw it
    assert [(e.text, e.label_) for e in first.ents] == [("Olaf Scholz", "PER")]
    assert [t.ent_iob_ for t in first] == ["B", "I", "O", "O", ""]  # "Kiel": missing, not O


def test_transfer_text_leaves_out_the_wikiann_sentences_that_are_germeval_test_sentences(tmp_path: Path) -> None:
    root = _fake_corpora(tmp_path)
    test = root / "wikiann-de" / "WikiANN" / "de" / "test"
    test.write_text("".join(f"de:Satz\tO\nde:Nummer\tO\nde:{i}\tO\nde:hier\tO\n\n" for i in range(6810)), encoding="utf-8")
    sentences = list(distil.wikiann_token_lists(root))
    assert ["Satz", "Nummer", "6808", "hier"] not in sentences
    assert ["Satz", "Nummer", "6807", "hier"] in sentences and ["Satz", "Nummer", "6809", "hier"] in sentences
    assert ["Angela", "Merkel", "besuchte", "Paris"] in sentences  # train sentence 0


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["I-PER", "I-PER", "O", "I-LOC"], {(0, 2, "PER"), (3, 4, "LOC")}),
        (["I-LOC", "B-LOC", "O"], {(0, 1, "LOC"), (1, 2, "LOC")}),  # IOB1: B- opens a second entity
        (["I-MISC", "O", "I-ORG", "I-ORG"], {(2, 4, "ORG")}),  # MISC is not scored
        (["B-PER", "I-LOC"], {(0, 1, "PER"), (1, 2, "LOC")}),
    ],
)
def test_europarl_iob1_spans(tags: list[str], spans: set) -> None:
    assert heldout.iob1_spans(tags) == spans


def test_student_trains_on_germeval_twice_and_the_transfer_set(tmp_path: Path) -> None:
    from training.scripts import student

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "train.spacy").write_bytes(b"gold")
    (tmp_path / "transfer.spacy").write_bytes(b"silver")
    folder = student.training_folder(corpus, tmp_path / "transfer.spacy", tmp_path / "out" / "train")
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["germeval-0.spacy", "germeval-1.spacy", "transfer.spacy"]
    assert [(folder / f).read_bytes() for f in files] == [b"gold", b"gold", b"silver"]
    assert student.CONFIG.exists() and "source = ${paths.teacher}" in student.CONFIG.read_text()
