"""The Parquet store: atomic parts, manifest-driven publishing, crash recovery and the run lock."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from pipeline.schemas import SCHEMAS, to_arrow
from pipeline.write import LockedError, Manifest, Store, part_name


def org_rows(doc_id: str) -> list[dict]:
    return [{"doc_id": doc_id, "org_id": "org_1", "name": "KCNA", "country": "KP", "kind": "media", "mentions": 1}]


def test_stage_then_commit_makes_parts_live(tmp_path) -> None:
    store = Store(tmp_path)
    part = part_name(["doc:a"])
    store.stage(part, {"organisations": to_arrow("organisations", org_rows("a"))})
    assert not list((tmp_path / "organisations").glob("*.parquet"))  # staged is not visible
    manifest = store.manifest.copy()
    manifest.tables["organisations"].append(part)
    manifest.parts[part] = ["doc:a"]
    store.commit(manifest)
    files = list((tmp_path / "organisations").glob("*.parquet"))
    assert [f.name for f in files] == [f"{part}.parquet"]
    assert pq.read_table(files[0]).schema.equals(SCHEMAS["organisations"], check_metadata=False)
    assert json.loads((tmp_path / "_lagebild" / "manifest.json").read_text())["parts"][part] == ["doc:a"]


def test_recovery_rolls_forward_and_cleans_up(tmp_path) -> None:
    store = Store(tmp_path)
    live, orphan = part_name(["doc:a"]), part_name(["doc:b"])
    store.stage(live, {"organisations": to_arrow("organisations", org_rows("a"))})
    store.stage(orphan, {"organisations": to_arrow("organisations", org_rows("b"))})
    manifest = store.manifest.copy()
    manifest.tables["organisations"].append(live)
    # a crash right after the manifest was written, before the parts moved
    from pipeline.write import MANIFEST, write_atomic_bytes

    write_atomic_bytes(tmp_path / "_lagebild" / MANIFEST, manifest.to_json().encode())
    (tmp_path / "organisations" / ".part-x.parquet.tmp-1").write_bytes(b"half")
    (tmp_path / "organisations" / "part-stale.parquet").write_bytes(b"old")
    again = Store(tmp_path)
    again.publish(recover=True)
    names = sorted(p.name for p in (tmp_path / "organisations").iterdir())
    assert names == [f"{live}.parquet"]
    assert not list((tmp_path / "_lagebild" / "staging" / "organisations").iterdir())


def test_part_name_is_content_derived() -> None:
    assert part_name(["doc:b", "doc:a"]) == part_name(["doc:a", "doc:b"])
    assert part_name(["doc:a"]) != part_name(["doc:b"])


def test_manifest_round_trip() -> None:
    m = Manifest({"documents": ["part-1"]}, {"part-1": ["doc:x"]}, {"a.txt": {"hash": "h", "unit": "doc:x"}}, ["r1"])
    assert Manifest.from_json(m.to_json()) == m


def test_stage_rejects_a_foreign_schema(tmp_path) -> None:
    import pyarrow as pa

    with pytest.raises(ValueError):
        Store(tmp_path).stage("part-x", {"organisations": pa.table({"doc_id": ["a"]})})


def test_second_run_is_refused_while_the_first_holds_the_lock(tmp_path) -> None:
    store = Store(tmp_path)
    with store.lock():
        with pytest.raises(LockedError, match="in use"):
            with Store(tmp_path).lock():
                pass
    with store.lock():  # released: can be taken again
        pass


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path) -> None:
    store = Store(tmp_path)
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(proc.stdout)
    lock = tmp_path / "_lagebild" / "lock"
    lock.write_text(json.dumps({"pid": dead_pid, "host": socket.gethostname(), "started": 0}))
    with store.lock():
        assert json.loads(lock.read_text())["pid"] == os.getpid()
    assert not lock.exists()


def test_every_table_folder_holds_a_part_after_a_commit(tmp_path) -> None:
    from pipeline.schemas import TABLES
    from pipeline.write import EMPTY_PART

    store = Store(tmp_path)
    store.commit(store.manifest.copy())
    for table in TABLES:
        (only,) = (tmp_path / table).glob("*.parquet")
        assert only.name == f"{EMPTY_PART}.parquet"
        data = pq.read_table(only)
        assert data.num_rows == 0 and data.schema.equals(SCHEMAS[table], check_metadata=False)
        assert store.manifest.tables[table] == [EMPTY_PART]
    assert not [p for p in (tmp_path / "_lagebild" / "staging").rglob("*") if p.is_file()]


def test_the_empty_part_goes_when_rows_come_and_returns_when_they_go(tmp_path) -> None:
    from pipeline.write import EMPTY_PART

    store = Store(tmp_path)
    store.commit(store.manifest.copy())
    empty = tmp_path / "organisations" / f"{EMPTY_PART}.parquet"
    before = empty.stat().st_ino, empty.stat().st_mtime_ns
    store.commit(store.manifest.copy())  # nothing changed: the live empty part is not rewritten
    assert (empty.stat().st_ino, empty.stat().st_mtime_ns) == before
    part = part_name(["doc:a"])
    store.stage(part, {"organisations": to_arrow("organisations", org_rows("a"))})
    manifest = store.manifest.copy()
    manifest.tables["organisations"].append(part)
    manifest.parts[part] = ["doc:a"]
    store.commit(manifest)
    assert store.manifest.tables["organisations"] == [part]
    assert sorted(p.name for p in (tmp_path / "organisations").iterdir()) == [f"{part}.parquet"]
    assert (tmp_path / "people" / f"{EMPTY_PART}.parquet").exists()  # other tables keep theirs
    manifest = store.manifest.copy()
    manifest.tables["organisations"].remove(part)
    del manifest.parts[part]
    store.commit(manifest)
    assert sorted(p.name for p in (tmp_path / "organisations").iterdir()) == [f"{EMPTY_PART}.parquet"]
    # what is on disk is what the manifest names
    on_disk = {(p.parent.name, p.name) for p in tmp_path.glob("*/*.parquet")}
    assert on_disk == store.manifest.live_files()


def test_an_empty_part_staged_before_a_crash_is_cleaned_up_or_rolled_forward(tmp_path) -> None:
    from pipeline.write import EMPTY_PART, MANIFEST, write_atomic_bytes

    store = Store(tmp_path)
    staged = store._with_empty_parts(store.manifest)  # staged, the manifest not yet written
    assert (tmp_path / "_lagebild" / "staging" / "errors" / f"{EMPTY_PART}.parquet").exists()
    Store(tmp_path).publish(recover=True)  # crash before the manifest: nothing becomes live
    assert not list((tmp_path / "errors").iterdir())
    assert not (tmp_path / "_lagebild" / "staging" / "errors" / f"{EMPTY_PART}.parquet").exists()
    store = Store(tmp_path)
    staged = store._with_empty_parts(store.manifest)
    write_atomic_bytes(tmp_path / "_lagebild" / MANIFEST, staged.to_json().encode())  # crash after it
    Store(tmp_path).publish(recover=True)
    assert [p.name for p in (tmp_path / "errors").iterdir()] == [f"{EMPTY_PART}.parquet"]
