"""The batch runner: incremental reruns, prune, the runs table, workers, the run lock, offsets."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from pipeline.ingest import InputPathError
from pipeline.recognise import DEFAULT_MODEL
from pipeline.runner import run
from pipeline.write import LockedError, Store
from tests.badcorpus import (
    OFFSET_TABLES,
    all_rows,
    article,
    assert_offsets,
    make_good_corpus,
    make_standin_model,
    read_table,
)

N = 12
BATCH = 4


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> str:
    return make_standin_model(tmp_path_factory.mktemp("model") / "standin")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    make_good_corpus(tmp_path / "in", N)
    return tmp_path / "in"


def go(corpus: Path, out: Path, model: str, **kwargs) -> Counter:
    summary = run([corpus], out, model, workers=kwargs.pop("workers", 1), batch_size=BATCH, **kwargs)
    return summary.counts


def part_files(out: Path) -> dict[str, tuple[int, int]]:
    """Every live part file -> (inode, mtime_ns): a rewritten file changes both."""
    return {
        str(p.relative_to(out)): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in out.glob("*/*.parquet")
        if p.parent.name != "runs"
    }


def doc_ids_by_part(out: Path) -> dict[str, set[str]]:
    import pyarrow.parquet as pq

    return {
        p.name: set(pq.read_table(p)["doc_id"].to_pylist()) for p in (out / "documents").glob("*.parquet")
    }


def doc_id_of(out: Path, name: str) -> str:
    docs = read_table(out, "documents").to_pylist()
    return next(d["doc_id"] for d in docs if d["path"].endswith(name))


def test_first_run_writes_every_table_and_keeps_offsets(corpus: Path, tmp_path: Path, model: str) -> None:
    counts = go(corpus, tmp_path / "out", model, tokens=True)
    assert counts["added"] == N and counts["documents"] == N and counts["errors"] == 0
    for table in (
        "tokens",
        "sentences",
        "entities",
        "numbers",
        "troop_figures",
        "people",
        "places",
        "organisations",
    ):
        assert read_table(tmp_path / "out", table).num_rows > 0, table
    assert_offsets(tmp_path / "out")


def test_rerun_without_changes_adds_nothing(corpus: Path, tmp_path: Path, model: str) -> None:
    out = tmp_path / "out"
    go(corpus, out, model)
    before, files = all_rows(out), part_files(out)
    counts = go(corpus, out, model)
    assert counts["unchanged"] == N
    assert counts["added"] == counts["changed"] == counts["documents"] == 0
    assert all_rows(out) == before
    assert part_files(out) == files


def test_incremental_rerun_touches_only_changed_files(corpus: Path, tmp_path: Path, model: str) -> None:
    out = tmp_path / "out"
    go(corpus, out, model)
    old_id = doc_id_of(out, "a005.txt")
    files, parts = part_files(out), doc_ids_by_part(out)
    (corpus / "a005.txt").write_text(article(500), encoding="utf-8")
    make_good_corpus(corpus, 1, start=100)
    counts = go(corpus, out, model)
    assert (counts["added"], counts["changed"], counts["unchanged"]) == (1, 1, N - 1)
    assert counts["documents"] == 2
    # parts holding none of the changed documents are the very same files
    untouched = [name for name, ids in parts.items() if old_id not in ids]
    assert untouched and len(untouched) == len(parts) - 1
    now = part_files(out)
    for name in untouched:
        assert now[f"documents/{name}"] == files[f"documents/{name}"]
    # the changed file's rows are replaced, not duplicated
    docs = read_table(out, "documents").to_pylist()
    assert len(docs) == N + 1
    [changed] = [d for d in docs if d["path"].endswith("a005.txt")]
    assert "(Meldung 500)" in changed["text"]
    for table in OFFSET_TABLES + ("people", "places", "organisations"):
        assert old_id not in set(read_table(out, table)["doc_id"].to_pylist()), table
    assert_offsets(out)
    assert all_rows(out) == all_rows(clean_run(corpus, tmp_path / "clean", model))


def test_prune_removes_rows_of_deleted_files_only_when_asked(
    corpus: Path, tmp_path: Path, model: str
) -> None:
    out = tmp_path / "out"
    go(corpus, out, model)
    gone = doc_id_of(out, "a003.txt")
    (corpus / "a003.txt").unlink()
    counts = go(corpus, out, model)
    assert counts["pruned"] == 0 and counts["unchanged"] == N - 1
    assert gone in set(read_table(out, "documents")["doc_id"].to_pylist())
    counts = go(corpus, out, model, prune=True)
    assert counts["pruned"] == 1
    for table in ("documents", *OFFSET_TABLES, "people", "places", "organisations"):
        assert gone not in set(read_table(out, table)["doc_id"].to_pylist()), table
    assert all_rows(out) == all_rows(clean_run(corpus, tmp_path / "clean", model))


def test_runs_table_records_each_run(corpus: Path, tmp_path: Path, model: str) -> None:
    out = tmp_path / "out"
    go(corpus, out, model)
    (corpus / "a001.txt").write_text(article(900), encoding="utf-8")
    (corpus / "a002.txt").unlink()
    (corpus / "a007.txt").write_bytes(b"")
    go(corpus, out, model, prune=True)
    runs = sorted(read_table(out, "runs").to_pylist(), key=lambda r: r["started"])
    assert len(runs) == 2 and runs[0]["run_id"] != runs[1]["run_id"]
    first, second = runs[0]["counts"], runs[1]["counts"]
    assert (first["files"], first["added"], first["documents"], first["errors"]) == (N, N, N, 0)
    assert (second["files"], second["added"], second["changed"], second["unchanged"]) == (N - 1, 0, 2, N - 3)
    assert (second["pruned"], second["errors"], second["documents"]) == (1, 1, 1)
    assert runs[1]["model"] and runs[1]["seconds"] > 0


def test_duplicate_text_under_another_name_adds_no_rows(corpus: Path, tmp_path: Path, model: str) -> None:
    out = tmp_path / "out"
    go(corpus, out, model)
    before = all_rows(out)
    shutil.copy(corpus / "a004.txt", corpus / "copy-of-a004.txt")
    counts = go(corpus, out, model)
    assert counts["duplicates"] == 1 and counts["documents"] == 0
    assert all_rows(out) == before
    assert go(corpus, out, model)["unchanged"] == N + 1


def test_changed_bad_file_gets_its_new_error_row(tmp_path: Path, model: str) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"")
    go(folder, out, model)
    (folder / "bad.txt").write_bytes(b"%PDF-1.4 not an article")
    assert go(folder, out, model)["changed"] == 1
    assert [r["error"] for r in read_table(out, "errors").to_pylist()] == ["binary"]
    (folder / "bad.txt").write_text(article(1), encoding="utf-8")
    go(folder, out, model)
    assert read_table(out, "errors").num_rows == 0
    assert read_table(out, "documents")["path"].to_pylist() == [str(folder / "bad.txt")]


def test_a_document_whose_rows_do_not_fit_becomes_an_error_row(
    corpus: Path, tmp_path: Path, model: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.runner as runner

    def broken(document, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        rows = document_rows(document, *args, **kwargs)
        if document.path.endswith("a005.txt"):
            rows["sentences"][-1]["start"] = None
        return rows

    document_rows = runner.document_rows
    monkeypatch.setattr(runner, "document_rows", broken)
    out = tmp_path / "out"
    counts = go(corpus, out, model)
    assert (counts["documents"], counts["errors"]) == (N - 1, 1)
    [err] = read_table(out, "errors").to_pylist()
    assert err["path"].endswith("a005.txt") and err["error"] == "SchemaMismatchError"
    assert err["stage"] == "normalise" and "sentences.start" in err["message"]


def test_copy_of_a_document_that_failed_is_processed_on_the_next_run(
    corpus: Path, tmp_path: Path, model: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.runner as runner

    def broken(document, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        if document.path.endswith("a004.txt"):
            raise RuntimeError("normalisation failed")
        return document_rows(document, *args, **kwargs)

    document_rows = runner.document_rows
    shutil.copy(corpus / "a004.txt", corpus / "copy-of-a004.txt")
    out = tmp_path / "out"
    monkeypatch.setattr(runner, "document_rows", broken)
    assert go(corpus, out, model)["errors"] == 1
    monkeypatch.setattr(runner, "document_rows", document_rows)
    counts = go(corpus, out, model)
    assert (counts["added"], counts["documents"]) == (1, 1)
    assert "copy-of-a004.txt" in {Path(p).name for p in read_table(out, "documents")["path"].to_pylist()}


def test_output_does_not_depend_on_the_number_of_workers(corpus: Path, tmp_path: Path, model: str) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    go(corpus, one, model, workers=1)
    counts = go(corpus, two, model, workers=2)
    assert counts["documents"] == N
    assert all_rows(one) == all_rows(two)


def test_concurrent_run_is_refused(corpus: Path, tmp_path: Path, model: str) -> None:
    out = tmp_path / "out"
    with Store(out).lock():
        with pytest.raises(LockedError, match="in use by another Lagebild run"):
            go(corpus, out, model)
    assert read_table(out, "documents").num_rows == 0
    assert go(corpus, out, model)["documents"] == N  # the lock is free again


@pytest.mark.skipif(not (DEFAULT_MODEL / "meta.json").exists(), reason="Lagebild's model is not trained yet")
def test_end_to_end_with_the_real_model(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    counts = run([corpus], out, None, workers=1, batch_size=BATCH).counts
    assert counts["documents"] == N and counts["errors"] == 0 and counts["entities"] > 0
    assert_offsets(out)
    assert go(corpus, out, None)["unchanged"] == N  # type: ignore[arg-type]


# --------------------------------------------------------------------------- what is read
def test_a_missing_input_folder_is_refused_before_anything_is_written(
    corpus: Path, tmp_path: Path, model: str
) -> None:
    out, typo = tmp_path / "out", tmp_path / "artikle"
    with pytest.raises(InputPathError, match="does not exist") as info:
        run([corpus, typo], out, model, workers=1)
    assert str(typo) in str(info.value)
    assert not out.exists()
    go(corpus, out, model)
    manifest = (out / "_lagebild" / "manifest.json").read_bytes()
    with pytest.raises(InputPathError):
        run([typo], out, model, workers=1)
    assert (out / "_lagebild" / "manifest.json").read_bytes() == manifest  # no run recorded
    assert read_table(out, "runs").num_rows == 1


def test_non_article_files_in_a_folder_are_skipped_and_listed(corpus: Path, tmp_path: Path, model: str) -> None:
    (corpus / "README.md").write_text("# Meldungen\n\nDiese Sammlung enthält Agenturmeldungen.", encoding="utf-8")
    (corpus / "LICENSE.txt").write_text("Alle Rechte vorbehalten.", encoding="utf-8")
    (corpus / "INDEX.md").write_text("- a000.txt\n- a001.txt", encoding="utf-8")
    (corpus / ".entwurf.txt").write_text(article(700), encoding="utf-8")
    summary = run([corpus], tmp_path / "out", model, workers=1, batch_size=BATCH)
    assert (summary.counts["files"], summary.counts["documents"], summary.counts["errors"]) == (N, N, 0)
    assert summary.counts["excluded"] == 4
    assert [(Path(e.path).name, e.pattern) for e in summary.excluded] == [
        (".entwurf.txt", ".*"), ("INDEX.md", "INDEX*"), ("LICENSE.txt", "LICENSE*"), ("README.md", "README*")
    ]  # fmt: skip
    paths = read_table(tmp_path / "out", "documents")["path"].to_pylist()
    assert sorted(Path(p).name for p in paths) == [f"a{i:03d}.txt" for i in range(N)]


def test_glob_and_exclude_choose_the_files(corpus: Path, tmp_path: Path, model: str) -> None:
    (corpus / "b000.md").write_text(article(300), encoding="utf-8")
    only_txt = run(str(corpus), tmp_path / "txt", model, workers=1, glob="*.txt").counts  # one path as a str
    assert (only_txt["files"], only_txt["documents"], only_txt["excluded"]) == (N, N, 0)
    counts = go(corpus, tmp_path / "some", model, glob=["*.txt", "*.md"], exclude=["a00[0-4]*", "a011.txt"])
    assert (counts["files"], counts["documents"], counts["excluded"]) == (N - 5, N - 5, 6)
    names = {Path(p).name for p in read_table(tmp_path / "some", "documents")["path"].to_pylist()}
    assert names == {"b000.md", *(f"a{i:03d}.txt" for i in range(5, 11))}


def test_a_file_excluded_later_is_treated_like_a_deleted_one(corpus: Path, tmp_path: Path, model: str) -> None:
    out = tmp_path / "out"
    go(corpus, out, model)
    gone = doc_id_of(out, "a003.txt")
    counts = go(corpus, out, model, exclude="a003.txt")
    assert (counts["unchanged"], counts["excluded"], counts["pruned"]) == (N - 1, 1, 0)
    assert gone in set(read_table(out, "documents")["doc_id"].to_pylist())  # kept without --prune
    counts = go(corpus, out, model, exclude="a003.txt", prune=True)
    assert counts["pruned"] == 1
    for table in ("documents", *OFFSET_TABLES, "people", "places", "organisations"):
        assert gone not in set(read_table(out, table)["doc_id"].to_pylist()), table
    (corpus / "a003.txt").unlink()
    assert all_rows(out) == all_rows(clean_run(corpus, tmp_path / "clean", model))


# --------------------------------------------------------------------------- helpers
def clean_run(corpus: Path, out: Path, model: str) -> Path:
    go(corpus, out, model)
    return out
