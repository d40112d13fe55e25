"""The linguistic layer: lemma, tag, pos and morphology on every token, clauses, evaluate-morph."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from typer.testing import CliRunner

from pipeline.evaluate_morph import MorphScores, evaluate_morph, feats_dict, read_conllu, score_doc
from pipeline.linguistic import MORPH_MODEL, clause_starts, clauses, stts_to_upos, tag_decides, upos_of

# --------------------------------------------------------------------------- the STTS → UPOS table


def test_stts_table_parses_and_covers_the_tagset() -> None:
    table = stts_to_upos()
    assert tag_decides("NN") and tag_decides("APPRART") and not tag_decides("VAFIN") and not tag_decides("PIS")
    assert len(table) >= 54
    assert set(table.values()) <= {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
                                   "PRON", "PROPN", "PUNCT", "SCONJ", "SPACE", "SYM", "VERB", "X"}  # fmt: skip


@pytest.mark.parametrize(
    ("tag", "upos"),
    [("VVFIN", "VERB"), ("VVPP", "VERB"), ("VAFIN", "AUX"), ("VMFIN", "AUX"), ("NN", "NOUN"), ("NE", "PROPN"),
     ("ART", "DET"), ("PPOSAT", "DET"), ("PPER", "PRON"), ("PRELS", "PRON"), ("APPRART", "ADP"),
     ("KOUS", "SCONJ"), ("KON", "CCONJ"), ("CARD", "NUM"), ("PTKNEG", "PART"), ("$,", "PUNCT"),
     ("ADJA", "ADJ"), ("PAV", "ADV"), ("NOPE", "")],
)  # fmt: skip
def test_upos_of(tag: str, upos: str) -> None:
    assert upos_of(tag) == upos


def test_lagebild_morph_sets_pos_where_the_tag_decides() -> None:
    import pipeline.linguistic  # noqa: F401  (registers lagebild_morph)

    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_morph")
    words = ["Die", "Truppen", "rücken", "vor", ",", "haben", "aber", "keine", "Munition", "zum", "Schießen"]
    tags = ["ART", "NN", "VVFIN", "PTKVZ", "$,", "VAFIN", "ADV", "PIAT", "NN", "APPRART", "NN"]
    pos = ["DET", "PROPN", "", "ADV", "X", "VERB", "ADV", "", "NOUN", "PUNCT", ""]
    doc = nlp(Doc(nlp.vocab, words=words, tags=tags, pos=pos))
    # NN, $, and APPRART decide; VAFIN (AUX or VERB) and PTKVZ (ADP or ADV) keep the model's
    assert [t.pos_ for t in doc] == ["DET", "NOUN", "VERB", "ADV", "PUNCT", "VERB", "ADV", "DET", "NOUN",
                                     "ADP", "NOUN"]  # fmt: skip


def test_lagebild_morph_nouns_in_person_and_place_names_are_proper_nouns() -> None:
    import pipeline.linguistic  # noqa: F401

    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_morph")
    words = ["Truppen", "in", "der", "Mongolei", "und", "bei", "der", "Bundeswehr"]
    tags = ["NN", "APPR", "ART", "NN", "KON", "APPR", "ART", "NN"]
    doc = Doc(nlp.vocab, words=words, tags=tags, ents=["O", "O", "O", "B-LOC", "O", "O", "O", "B-ORG"])
    assert [t.pos_ for t in nlp(doc)] == ["NOUN", "ADP", "DET", "PROPN", "CCONJ", "ADP", "DET", "NOUN"]


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        ("Die/ART Armee/NN hat/VAFIN 300/CARD Panzer/NN ./$.", "VERB"),
        ("Die/ART Armee/NN hat/VAFIN 300/CARD Panzer/NN verlegt/VVPP ./$.", "AUX"),
        ("Er/PPER sagte/VVFIN ,/$, dass/KOUS die/ART Armee/NN Panzer/NN verlegt/VVPP hat/VAFIN ./$.", "AUX"),
        ("Kiew/NE hatte/VAFIN Soldaten/NN ,/$, die/PRELS ausgebildet/VVPP waren/VAFIN ./$.", "VERB"),
        ("Wir/PPER haben/VAFIN keine/PIAT Munition/NN mehr/ADV ./$.", "VERB"),
        ("Sie/PPER haben/VAFIN die/ART Stadt/NN eingenommen/VVPP ./$.", "AUX"),
    ],
)  # fmt: skip
def test_haben_is_an_auxiliary_only_with_a_participle(tagged: str, expected: str) -> None:
    import pipeline.linguistic  # noqa: F401

    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_morph")
    doc = _doc(tagged)
    for tok in doc:
        if tok.text.lower().startswith("ha"):
            tok.lemma_, tok.pos_ = "haben", "AUX" if expected == "VERB" else "VERB"
    doc = nlp(doc)
    assert next(t.pos_ for t in doc if t.lemma_ == "haben") == expected


def test_lagebild_morph_leaves_untagged_docs_alone() -> None:
    import pipeline.linguistic  # noqa: F401

    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_morph")
    assert [t.pos_ for t in nlp("Keine Tags hier.")] == ["", "", "", ""]
    assert len(nlp("")) == 0


# --------------------------------------------------------------------------- clauses
def _doc(words_tags: str) -> Doc:
    """'Die/ART Armee/NN zog/VVFIN ...' → a one-sentence Doc with STTS tags and derived pos."""
    pairs = [item.rsplit("/", 1) for item in words_tags.split()]
    words, tags = [w for w, _ in pairs], [t for _, t in pairs]
    return Doc(spacy.blank("de").vocab, words=words, tags=tags, pos=[upos_of(t) or "X" for t in tags],
               sent_starts=[True] + [False] * (len(words) - 1))  # fmt: skip


def _texts(doc: Doc) -> list[str]:
    return [c.text for c in clauses(next(iter(doc.sents)))]


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        ("Der/ART Minister/NN sagte/VVFIN ,/$, dass/KOUS 500/CARD Soldaten/NN verlegt/VVPP werden/VAINF ./$.",
         ["Der Minister sagte ,", "dass 500 Soldaten verlegt werden ."]),
        ("Die/ART Soldaten/NN ,/$, die/PRELS in/APPR Litauen/NE stationiert/VVPP sind/VAFIN ,/$, "
         "kehren/VVFIN zurück/PTKVZ ./$.",
         ["Die Soldaten ,", "die in Litauen stationiert sind ,", "kehren zurück ."]),
        ("Das/ART Dorf/NN ,/$, in/APPR dem/PRELS die/ART Kämpfe/NN tobten/VVFIN ,/$, liegt/VVFIN "
         "im/APPRART Osten/NN ./$.",
         ["Das Dorf ,", "in dem die Kämpfe tobten ,", "liegt im Osten ."]),
        ("Die/ART Armee/NN zog/VVFIN ab/PTKVZ ,/$, und/KON die/ART Stadt/NN fiel/VVFIN ./$.",
         ["Die Armee zog ab ,", "und die Stadt fiel ."]),
        ("Die/ART Regierung/NN bestätigte/VVFIN den/ART Abzug/NN und/KON kündigte/VVFIN Hilfe/NN an/PTKVZ ./$.",
         ["Die Regierung bestätigte den Abzug", "und kündigte Hilfe an ."]),
        ("Russland/NE und/KON die/ART Ukraine/NE verhandeln/VVFIN ./$.",
         ["Russland und die Ukraine verhandeln ."]),
        ("Bilanz/NN :/$. 40/CARD Tote/NN ,/$, 120/CARD Verletzte/NN ;/$. die/ART Lage/NN bleibt/VVFIN "
         "angespannt/ADJD ./$.",
         ["Bilanz :", "40 Tote , 120 Verletzte ;", "die Lage bleibt angespannt ."]),
        ("Unklar/ADJD ist/VAFIN ,/$, wie/PWAV viele/PIAT Soldaten/NN dort/ADV kämpfen/VVFIN ./$.",
         ["Unklar ist ,", "wie viele Soldaten dort kämpfen ."]),
        ("Kiew/NE ,/$, Charkiw/NE und/KON Odessa/NE wurden/VAFIN beschossen/VVPP ./$.",
         ["Kiew , Charkiw und Odessa wurden beschossen ."]),
        ("Er/PPER kam/VVFIN ,/$, um/KOUI die/ART Truppen/NN zu/PTKZU besuchen/VVINF ./$.",
         ["Er kam ,", "um die Truppen zu besuchen ."]),
        ("Nach/APPR Angaben/NN der/ART Armee/NN wurden/VAFIN 3.000/CARD Reservisten/NN einberufen/VVPP ./$.",
         ["Nach Angaben der Armee wurden 3.000 Reservisten einberufen ."]),
        # an apposition inside the first constituent: the finite verb after it is that clause's
        ("Rund/ADV 900/CARD Soldaten/NN ,/$, davon/PAV 200/CARD Pioniere/NN ,/$, sind/VAFIN im/APPRART "
         "Einsatz/NN ./$.",
         ["Rund 900 Soldaten , davon 200 Pioniere , sind im Einsatz ."]),
        ("Russland/NE hat/VAFIN Soldaten/NN verloren/VVPP ,/$, teilte/VVFIN Kiew/NE mit/PTKVZ ./$.",
         ["Russland hat Soldaten verloren ,", "teilte Kiew mit ."]),
        # a "relative pronoun" with no verb before the next comma is a list item's article
        ("884/CARD Soldaten/NN sind/VAFIN im/APPRART Burgenland/NN ,/$, der/PRELS Steiermark/NE ,/$, "
         "Kärnten/NE und/KON in/APPR Wien/NE im/APPRART Einsatz/NN ./$.",
         ["884 Soldaten sind im Burgenland , der Steiermark , Kärnten und in Wien im Einsatz ."]),
        # two dashes around a short insertion without a finite verb: the clause goes on across it
        ("40/CARD Soldaten/NN sind/VAFIN mit/APPR Booten/NN -/$( eine/ART Art/NN Fähre/NN -/$( "
         "unterwegs/ADV ./$.",
         ["40 Soldaten sind mit Booten - eine Art Fähre - unterwegs ."]),
        # ... but an inserted clause with its own verb is one
        ("Die/ART Armee/NN -/$( sie/PPER zählt/VVFIN 900/CARD Mann/NN -/$( zog/VVFIN ab/PTKVZ ./$.",
         ["Die Armee -", "sie zählt 900 Mann -", "zog ab ."]),
    ],
)  # fmt: skip
def test_clauses(tagged: str, expected: list[str]) -> None:
    doc = _doc(tagged)
    assert _texts(doc) == expected
    # the clauses partition the sentence, and token._.clause numbers them
    assert sum(len(c) for c in clauses(next(iter(doc.sents)))) == len(doc)
    starts = clause_starts(next(iter(doc.sents)))
    assert [t._.clause for t in doc] == [sum(1 for s in starts if s <= t.i) - 1 for t in doc]
    assert doc[-1]._.clause == len(expected) - 1


def test_clauses_work_per_sentence() -> None:
    doc = _doc("Er/PPER sagte/VVFIN ,/$, dass/KOUS es/PPER regnet/VVFIN ./$. Sie/PPER blieb/VVFIN ./$.")
    doc[7].is_sent_start = True
    first, second = list(doc.sents)
    assert [c.text for c in clauses(first)] == ["Er sagte ,", "dass es regnet ."]
    assert [c.text for c in clauses(second)] == ["Sie blieb ."]
    assert doc[8]._.clause == 0


def test_clauses_without_tags_use_the_word_lists() -> None:
    """Untagged text still splits at colons and before a subordinating conjunction of the
    word list ("dass"), not at a comma between words."""
    doc = Doc(spacy.blank("de").vocab, words=["Fazit", ":", "alles", "gut", ",", "dass", "es", "klappt"],
              sent_starts=[True] + [False] * 7)  # fmt: skip
    assert [c.text for c in clauses(next(iter(doc.sents)))] == ["Fazit :", "alles gut ,", "dass es klappt"]
    doc = Doc(spacy.blank("de").vocab, words=["Kiew", ",", "Charkiw", "und", "Odessa"], sent_starts=[True] + [False] * 4)
    assert [c.text for c in clauses(next(iter(doc.sents)))] == ["Kiew , Charkiw und Odessa"]


# --------------------------------------------------------------------------- evaluate-morph
CONLLU = """# text = Am Montag rückten 300 Soldaten ein.
1-2\tAm\t_\t_\t_\t_\t_\t_\t_\t_
1\tan\tan\tADP\tAPPR\t_\t4\tcase\t_\t_
2\tdem\tder\tDET\tART\tCase=Dat|Gender=Masc|Number=Sing\t3\tdet\t_\t_
3\tMontag\tMontag\tNOUN\tNN\tCase=Dat|Gender=Masc|Number=Sing\t4\tobl\t_\t_
4\trückten\trücken\tVERB\tVVFIN\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_
5\t300\t300\tNUM\tCARD\tNumType=Card\t6\tnummod\t_\t_
6\tSoldaten\tSoldat\tNOUN\tNNS\tCase=Nom|Number=Plur\t4\tnsubj\t_\t_
7\tein\tein\tADP\tPTKVZ\t_\t4\tcompound:prt\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t$.\t_\t4\tpunct\t_\t_

"""


def test_read_conllu_takes_syntactic_words(tmp_path: Path) -> None:
    path = tmp_path / "mini.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    (sent,) = list(read_conllu(path))
    assert [w.form for w in sent][:3] == ["an", "dem", "Montag"]
    assert sent[6].space_after is False and sent[5].xpos == "NNS"


def test_read_conllu_rejects_other_formats(tmp_path: Path) -> None:
    path = tmp_path / "bad.conllu"
    path.write_text("Soldaten\tB-PER\n", encoding="utf-8")
    with pytest.raises(ValueError, match="CoNLL-U"):
        list(read_conllu(path))


def test_feats_dict() -> None:
    assert feats_dict("Case=Nom|Number=Plur") == {"Case": "Nom", "Number": "Plur"}
    assert feats_dict("_") == {} == feats_dict("")


def test_score_doc_counts_hits(tmp_path: Path) -> None:
    path = tmp_path / "mini.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    (gold,) = list(read_conllu(path))
    doc = Doc(spacy.blank("de").vocab, words=[w.form for w in gold],
              lemmas=["an", "der", "Montag", "rückten", "300", "Soldat", "ein", "."],
              pos=["ADP", "DET", "NOUN", "VERB", "NUM", "NOUN", "PART", "PUNCT"],
              tags=["APPR", "ART", "NN", "VVFIN", "CARD", "NN", "PTKVZ", "$."],
              morphs=["", "Case=Dat|Gender=Masc|Number=Sing", "Case=Acc|Gender=Masc|Number=Sing",
                      "Mood=Ind|Tense=Past|VerbForm=Fin", "NumType=Card", "Case=Nom|Number=Plur", "", ""])  # fmt: skip
    scores = MorphScores()
    score_doc(doc, gold, scores)
    assert scores.words == 8
    assert scores.lemma == 7  # 'rückten' not lemmatised
    assert scores.upos == 7  # 'ein' PART vs ADP
    assert (scores.stts, scores.stts_total) == (7, 7)  # gold 'NNS' is no STTS tag: not scored
    assert (scores.case, scores.case_total) == (2, 3)  # 'Montag' Acc vs Dat
    assert scores.feats == 7


# --------------------------------------------------------------------------- the shipped layer
needs_heads = pytest.mark.skipif(not (MORPH_MODEL / "meta.json").exists(), reason="no shipped heads")

SENTENCES = [
    "Die Bundeswehr schickte im Frühjahr weitere 500 Soldaten nach Litauen.",
    "Nach Angaben des Ministeriums wurden bei den Angriffen 14 Zivilisten getötet.",
    "Der Kanzler kündigte an, dass Deutschland seine Brigade bis 2027 vollständig aufstellen werde.",
    "Rund 2.000 Reservistinnen und Reservisten sollen in den kommenden Wochen einberufen werden.",
    "Die Kämpfe um die Stadt, die seit Monaten belagert wird, dauern an.",
    "Laut dem britischen Geheimdienst hat Russland bis zu 30.000 zusätzliche Truppen zusammengezogen.",
]


@needs_heads
def test_default_pipeline_sets_lemma_pos_tag_morph_on_word_tokens(nlp) -> None:
    words = [t for doc in nlp.pipe(SENTENCES) for t in doc if not (t.is_space or t.is_punct)]
    covered = [t for t in words if t.lemma_ and t.pos_ and t.tag_]
    assert len(covered) / len(words) >= 0.98
    assert any(str(t.morph) for t in words)
    assert nlp.pipe_names.index("ner_vote") < nlp.pipe_names.index("lagebild_linguistic")
    assert {"morph_tok2vec", "tagger", "morphologizer", "trainable_lemmatizer"} <= set(nlp.disabled)


@needs_heads
def test_numbers_scope_annotates_only_the_sentences_with_a_number() -> None:
    from pipeline.recognise import load_nlp

    text = " ".join(SENTENCES[:2] + [SENTENCES[4]])  # the third sentence holds no number
    full = load_nlp()(text)
    scoped = load_nlp(linguistic="numbers")(text)
    sents_full, sents_scoped = list(full.sents), list(scoped.sents)
    assert len(sents_full) == 3
    for k in (0, 1):  # sentence by sentence: the same annotation in either scope
        assert [(t.lemma_, t.tag_, t.pos_, str(t.morph)) for t in sents_scoped[k]] == [
            (t.lemma_, t.tag_, t.pos_, str(t.morph)) for t in sents_full[k]
        ]
    assert all(t.lemma_ for t in sents_full[2])
    assert not any(t.lemma_ or t.tag_ for t in sents_scoped[2])


def test_unknown_scope_is_an_error() -> None:
    from pipeline.linguistic import SentenceHeads

    with pytest.raises(ValueError, match="scope"):
        SentenceHeads(spacy.blank("de"), "lagebild_linguistic", [], "some", "numbers")


@needs_heads
@pytest.mark.parametrize(
    ("sentence", "word", "lemma", "pos", "feats"),
    [
        (SENTENCES[0], "Soldaten", "Soldat", "NOUN", {"Number": "Plur"}),
        (SENTENCES[0], "schickte", "schicken", "VERB", {"Tense": "Past", "VerbForm": "Fin"}),
        (SENTENCES[1], "getötet", "töten", "VERB", {"VerbForm": "Part"}),
        (SENTENCES[1], "Angriffen", "Angriff", "NOUN", {"Case": "Dat", "Number": "Plur"}),
        (SENTENCES[2], "kündigte", "kündigen", "VERB", {"VerbForm": "Fin"}),
        (SENTENCES[3], "Wochen", "Woche", "NOUN", {"Number": "Plur"}),
        (SENTENCES[4], "Kämpfe", "Kampf", "NOUN", {"Case": "Nom", "Number": "Plur"}),
        ("Die Truppen der Nato stehen bereit.", "Truppen", "Truppe", "NOUN", {"Number": "Plur"}),
        (SENTENCES[5], "zusätzliche", "zusätzlich", "ADJ", {"Case": "Acc"}),
    ],
)  # fmt: skip
def test_default_pipeline_analyses(nlp, sentence: str, word: str, lemma: str, pos: str, feats: dict) -> None:
    tok = next(t for t in nlp(sentence) if t.text == word)
    assert (tok.lemma_, tok.pos_) == (lemma, pos)
    got = feats_dict(str(tok.morph))
    assert {k: got.get(k) for k in feats} == feats


ARTICLE = """Litauen: Bundeswehr verlegt weitere Soldaten

Die Bundeswehr hat am Dienstag weitere 350 Soldatinnen und Soldaten nach Litauen verlegt. Sie sollen
die Brigade verstärken, die bis 2027 vollständig einsatzbereit sein soll. Nach Angaben des
Verteidigungsministeriums sind damit rund 1.800 deutsche Kräfte im Land stationiert.
"""


@needs_heads
def test_tokens_table_has_lemma_pos_tag_morph(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from pipeline.runner import run

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run([tmp_path / "in"], tmp_path / "out", tokens=True, progress=False)
    rows = pq.read_table(tmp_path / "out" / "tokens").to_pylist()
    words = [r for r in rows if r["pos"] not in ("PUNCT", "SPACE") and any(c.isalnum() for c in r["text"])]
    assert len(words) > 40
    assert sum(1 for r in words if r["lemma"] and r["pos"] and r["tag"]) / len(words) >= 0.98
    soldaten = next(r for r in rows if r["text"] == "Soldaten")
    assert (soldaten["lemma"], soldaten["pos"], soldaten["tag"]) == ("Soldat", "NOUN", "NN")
    assert "Number=Plur" in soldaten["morph"]
    headline, perfect = [r for r in rows if r["text"] == "verlegt"]  # 'Bundeswehr verlegt' / 'hat … verlegt'
    assert (headline["lemma"], headline["tag"], perfect["tag"]) == ("verlegen", "VVFIN", "VVPP")


@needs_heads
def test_cached_lemmatizer_gives_spacys_lemmas(nlp) -> None:
    from spacy.pipeline.edit_tree_lemmatizer import EditTreeLemmatizer

    from pipeline.linguistic import CachedEditTreeLemmatizer

    lemmatizer = nlp.get_pipe("trainable_lemmatizer")
    assert type(lemmatizer) is CachedEditTreeLemmatizer
    texts = [*SENTENCES, ARTICLE, "Xyzqwv Qwertzuiopü liefen, liefen und liefen."]
    cached = [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]
    lemmatizer.__class__ = EditTreeLemmatizer
    try:
        stock = [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]
    finally:
        lemmatizer.__class__ = CachedEditTreeLemmatizer
    assert cached == stock
    with nlp.memory_zone():  # a lemma kept from a freed zone is written again, not a stale hash
        assert [t.lemma_ for t in nlp("Die Kämpfe dauern an.")][1] == "Kampf"
    assert [t.lemma_ for t in nlp("Die Kämpfe dauern an.")][1] == "Kampf"


@needs_heads
def test_heads_leave_the_entities_alone(nlp) -> None:
    text = SENTENCES[5] + " Olaf Scholz besuchte am Montag die Truppe in Vilnius."
    with nlp.select_pipes(disable=["lagebild_linguistic"]):
        before = [(e.text, e.label_) for e in nlp(text).ents]
    assert [(e.text, e.label_) for e in nlp(text).ents] == before


@needs_heads
def test_evaluate_morph_cli(tmp_path: Path) -> None:
    from pipeline.cli import app

    path = tmp_path / "mini.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate-morph", str(path)])
    assert result.exit_code == 0, result.output
    assert "| lemma |" in result.output and "| Case |" in result.output and "words/s" in result.output
    scores = evaluate_morph([path])
    assert scores.words == 8 and scores.upos >= 6


def test_evaluate_morph_cli_missing_file(tmp_path: Path) -> None:
    from pipeline.cli import app

    result = CliRunner().invoke(app, ["evaluate-morph", str(tmp_path / "none.conllu")])
    assert result.exit_code != 0


@pytest.mark.slow
def test_pud_accuracy_floor(shared: Path) -> None:
    scores = evaluate_morph([shared / "corpora/ud-german/de_pud-ud-test.conllu"])
    assert scores.accuracy("lemma") >= 0.93
    assert scores.accuracy("upos") >= 0.93
