"""The benchmark's corpus builder and its clean skip without ../shared (the timing itself is not a test)."""

from __future__ import annotations

from pathlib import Path

from pipeline.bench import bench, build_corpus, detokenise, parse_args, read_sentences


def test_detokenise_german_punctuation() -> None:
    assert detokenise(["Die", "Bundeswehr", "(", "dpa", ")", "kommt", ",", "sagt", "er", "."]) == (
        "Die Bundeswehr (dpa) kommt, sagt er."
    )


def test_corpus_from_germeval_format(tmp_path: Path) -> None:
    tsv = tmp_path / "g.tsv"
    lines = []
    for i in range(30):  # the derived GermEval format: token<TAB>tag, blank line between sentences
        lines += ["Satz\tO", "Nummer\tO", f"{i}\tO", ".\tO", ""]
    tsv.write_text("\n".join(lines), encoding="utf-8")
    sentences = read_sentences(tsv)
    assert len(sentences) == 30
    folder = build_corpus(sentences, 3, tmp_path / "corpus")
    files = sorted(folder.rglob("*.txt"))
    assert len(files) == 3
    texts = [f.read_text(encoding="utf-8") for f in files]
    assert len(set(texts)) == 3  # every article differs, so the content hash skips none
    assert all(t.count("\n\n") == 3 for t in texts)  # 20 sentences in 4 paragraphs
    assert sentences[7] == "Satz Nummer 7."
    assert build_corpus(sentences, 3, tmp_path / "corpus") == folder  # built once


def test_bench_skips_without_the_corpus(tmp_path: Path, capsys) -> None:
    assert bench(parse_args(["--corpus", str(tmp_path / "missing.tsv")])) == 0
    assert "skipped" in capsys.readouterr().out
