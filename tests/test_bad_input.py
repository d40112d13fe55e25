"""Bad input through the whole run: one error row per bad file, correct rows for the good ones."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from pipeline.runner import run
from tests.badcorpus import (
    BIG_BYTES,
    GERMAN,
    assert_offsets,
    make_bad_corpus,
    make_good_corpus,
    make_standin_model,
    read_table,
)


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> str:
    return make_standin_model(tmp_path_factory.mktemp("model") / "standin")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str | None]]:
    folder = tmp_path_factory.mktemp("bad") / "in"
    expected = make_bad_corpus(folder)
    make_good_corpus(folder, 3)  # good articles sorted around the bad files
    expected.update({f"a{i:03d}.txt": None for i in range(3)})
    return folder, expected


def by_name(rows: list[dict]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for row in rows:
        name = Path(row["path"]).name
        assert name not in out, f"two rows for {name!r}"
        out[name] = row
    return out


def go(folder: Path, out: Path, model: str, **kwargs) -> Counter:
    return run([folder], out, model, workers=1, batch_size=4, **kwargs).counts


def test_one_error_row_per_bad_file_and_the_batch_goes_on(
    corpus: tuple[Path, dict[str, str | None]], tmp_path: Path, model: str
) -> None:
    folder, expected = corpus
    out = tmp_path / "out"
    counts = go(folder, out, model)
    errors = by_name(read_table(out, "errors").to_pylist())
    docs = by_name(read_table(out, "documents").to_pylist())
    bad = {name: kind for name, kind in expected.items() if kind}
    good = {name for name, kind in expected.items() if kind is None}
    assert {name: row["error"] for name, row in errors.items()} == bad
    assert set(docs) == good
    assert (
        counts["files"] == len(expected) and counts["errors"] == len(bad) and counts["documents"] == len(good)
    )
    assert all(row["message"] and row["stage"] == "ingest" for row in errors.values())
    assert "--max-bytes" in errors["big.txt"]["message"]
    # the good ones: decoded, German unless English, with sentences
    assert (
        docs["latin1.txt"]["encoding"] == "cp1252" and "Größere Übungen in Köln" in docs["latin1.txt"]["text"]
    )
    assert docs["utf16.txt"]["encoding"] == "utf-16" and docs["utf16.txt"]["text"].startswith("Ärger über")
    assert docs["long-lines.txt"]["n_chars"] > 100_000
    assert docs["english.txt"]["lang"] == "en"
    assert {row["lang"] for name, row in docs.items() if name != "english.txt"} == {"de"}
    assert docs["new\nline.txt"]["title"] == "Zeilenumbruch im Namen"
    sentences = Counter(Path(p).name for p in _paths_of(out, "sentences"))
    assert all(sentences[name] > 0 for name in good)
    assert_offsets(out)
    # nothing is lost: a rerun finds every file unchanged
    rerun = go(folder, out, model)
    assert rerun["unchanged"] == len(expected) and rerun["errors"] == rerun["documents"] == 0


def test_skip_non_german(corpus: tuple[Path, dict[str, str | None]], tmp_path: Path, model: str) -> None:
    folder, expected = corpus
    out = tmp_path / "out"
    counts = go(folder, out, model, skip_non_german=True)
    errors = by_name(read_table(out, "errors").to_pylist())
    docs = by_name(read_table(out, "documents").to_pylist())
    assert errors["english.txt"]["error"] == "non_german"
    assert "english.txt" not in docs
    assert counts["skipped"] == 1
    assert go(folder, out, model, skip_non_german=True)["unchanged"] == len(expected)
    # without the flag the skipped article is processed after all
    again = go(folder, out, model)
    assert (again["changed"], again["documents"], again["unchanged"]) == (1, 1, len(expected) - 1)
    assert "english.txt" in by_name(read_table(out, "documents").to_pylist())
    assert "english.txt" not in by_name(read_table(out, "errors").to_pylist())


def test_raising_max_bytes_processes_a_large_file(tmp_path: Path, model: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "large.txt").write_text(GERMAN * 50, encoding="utf-8")
    out = tmp_path / "out"
    go(folder, out, model, max_bytes=4096)
    [err] = read_table(out, "errors").to_pylist()
    assert err["error"] == "too_large" and "4096" in err["message"]
    counts = go(folder, out, model, max_bytes=1_000_000)
    assert (counts["changed"], counts["documents"]) == (1, 1)
    assert read_table(out, "errors").num_rows == 0


def test_the_bad_corpus_has_what_the_issue_lists(corpus: tuple[Path, dict[str, str | None]]) -> None:
    folder, expected = corpus
    assert (folder / "big.txt").stat().st_size >= BIG_BYTES
    kinds = set(expected.values())
    assert {
        "empty",
        "binary",
        "decode",
        "too_large",
        "symlink_loop",
        "dangling_symlink",
        "not_a_file",
    } <= kinds


def _paths_of(out: Path, table: str) -> list[str]:
    paths = {d["doc_id"]: d["path"] for d in read_table(out, "documents").to_pylist()}
    return [paths[i] for i in read_table(out, table)["doc_id"].to_pylist()]
