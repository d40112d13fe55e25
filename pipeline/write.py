"""Write stage: the only module that writes output — atomic Parquet parts, a manifest committed last, a run lock."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import socket
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schemas import SCHEMA_VERSION, SCHEMAS, TABLES

META_DIR = "_lagebild"
MANIFEST = "manifest.json"
STAGING = "staging"
LOCK = "lock"
PART_PREFIXES = ("part-", "run-")
# The part a table with no rows holds: no rows, the declared columns, so that every table
# folder opens in pandas, DuckDB and Polars after any run. Not a content hash: never clashes.
EMPTY_PART = "part-empty"


class LockedError(RuntimeError):
    """Another live run holds the output folder."""


@dataclass
class Manifest:
    """What is live in an output folder: parts per table and the state of every input file.

    ``parts`` maps a part name to the units whose rows it holds (``doc:<doc_id>`` or
    ``err:<path>``); ``files`` maps an input path to its content hash, the unit it became
    and the part holding it.
    """

    tables: dict[str, list[str]] = field(default_factory=dict)
    parts: dict[str, list[str]] = field(default_factory=dict)
    files: dict[str, dict] = field(default_factory=dict)
    runs: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        body = {
            "schema_version": SCHEMA_VERSION,
            "tables": {t: sorted(p) for t, p in sorted(self.tables.items())},
            "parts": {p: sorted(u) for p, u in sorted(self.parts.items())},
            "files": dict(sorted(self.files.items())),
            "runs": self.runs,
        }
        return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=False)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        body = json.loads(text)
        if body.get("schema_version") != SCHEMA_VERSION:
            raise RuntimeError(
                f"output folder was written with schema version {body.get('schema_version')}, "
                f"this Lagebild writes {SCHEMA_VERSION}: use a new --out folder"
            )
        return cls(body["tables"], body["parts"], body["files"], body.get("runs", []))

    def copy(self) -> Manifest:
        return Manifest(
            {t: list(p) for t, p in self.tables.items()},
            {p: list(u) for p, u in self.parts.items()},
            {p: dict(e) for p, e in self.files.items()},
            list(self.runs),
        )

    def live_files(self) -> set[tuple[str, str]]:
        return {(t, f"{p}.parquet") for t, parts in self.tables.items() for p in parts}


def part_name(units: Iterable[str]) -> str:
    """Content-derived part name: the same units always give the same file name."""
    digest = hashlib.sha1("\n".join(sorted(units)).encode("utf-8")).hexdigest()[:16]
    return f"part-{digest}"


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temp file in the same folder, fsync, rename."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def write_parquet_atomic(path: Path, table: pa.Table) -> None:
    """Write one Parquet file so that a reader never sees it half-written."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    pq.write_table(table, tmp, compression="zstd")
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


class Store:
    """An output folder of Parquet datasets, one folder per table, and its manifest."""

    def __init__(self, out: str | os.PathLike[str]) -> None:
        self.out = Path(out)
        self.meta = self.out / META_DIR
        self.staging = self.meta / STAGING
        for table in TABLES:
            (self.out / table).mkdir(parents=True, exist_ok=True)
            (self.staging / table).mkdir(parents=True, exist_ok=True)
        self.manifest = self._read_manifest()

    # -- reading -------------------------------------------------------------------
    def _read_manifest(self) -> Manifest:
        path = self.meta / MANIFEST
        if not path.exists():
            return Manifest(tables={t: [] for t in TABLES})
        return Manifest.from_json(path.read_text(encoding="utf-8"))

    def read_part(self, table: str, part: str) -> pa.Table | None:
        for folder in (self.out / table, self.staging / table):
            path = folder / f"{part}.parquet"
            if path.exists():
                return pq.read_table(path, schema=SCHEMAS[table])
        return None

    # -- staging -------------------------------------------------------------------
    def stage(self, part: str, tables: Mapping[str, pa.Table]) -> list[str]:
        """Write a part's tables into staging; returns the tables that got a file."""
        written = []
        for table, data in tables.items():
            if data.num_rows == 0:
                continue
            if data.schema != SCHEMAS[table]:
                raise ValueError(f"{table}: table does not match the declared schema")
            write_parquet_atomic(self.staging / table / f"{part}.parquet", data)
            written.append(table)
        return written

    def _with_empty_parts(self, manifest: Manifest) -> Manifest:
        """``manifest`` with every table naming at least one part: a table with no rows gets
        the empty part (staged here when not live yet), which goes once it has rows."""
        new = manifest.copy()
        for table in TABLES:
            parts = [p for p in new.tables.get(table, []) if p != EMPTY_PART]
            if not parts:
                parts = [EMPTY_PART]
                live = (self.out / table / f"{EMPTY_PART}.parquet").exists()
                if not (live and EMPTY_PART in self.manifest.tables.get(table, [])):
                    write_parquet_atomic(
                        self.staging / table / f"{EMPTY_PART}.parquet", SCHEMAS[table].empty_table()
                    )
            new.tables[table] = parts
        return new

    # -- committing ----------------------------------------------------------------
    def commit(self, manifest: Manifest) -> None:
        """Make ``manifest`` the live state (atomic), then move staged parts into place.

        A table without rows is given an empty part with its declared columns, so its
        folder is never empty.
        """
        manifest = self._with_empty_parts(manifest)
        write_atomic_bytes(self.meta / MANIFEST, manifest.to_json().encode("utf-8"))
        self.manifest = manifest
        self.publish(recover=False)

    def publish(self, *, recover: bool = True) -> None:
        """Roll the table folders forward to the manifest (with ``recover``: crash recovery).

        Live parts still in staging move into their table folder and parts that are no
        longer live are deleted. On recovery (start of a run, under the lock) staged
        parts that never became live and temp files of a killed process go too.
        """
        live = self.manifest.live_files()
        for table in TABLES:
            folder, staged = self.out / table, self.staging / table
            for name in sorted(os.listdir(staged)):
                if (table, name) in live:
                    if (folder / name).exists():
                        (staged / name).unlink(missing_ok=True)
                    else:
                        os.replace(staged / name, folder / name)
                elif recover:
                    (staged / name).unlink(missing_ok=True)
            for name in sorted(os.listdir(folder)):
                is_ours = name.startswith(PART_PREFIXES) or name.startswith(".")
                if is_ours and (table, name) not in live:
                    (folder / name).unlink(missing_ok=True)
            if recover:  # after a commit no folder fsync is needed: a rename lost in a power
                _fsync_dir(folder)  # cut leaves the part in staging, and recovery moves it

    # -- locking -------------------------------------------------------------------
    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the folder's run lock; a stale lock of a dead process is taken over."""
        path = self.meta / LOCK
        me = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.time()}
        # one taker at a time: two runs that find the same stale lock must not both take it
        with _exclusive(self.meta / f"{LOCK}.guard"):
            for _ in range(3):
                try:
                    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
                except FileExistsError:
                    holder = _read_lock(path)
                    if holder is not None and _alive(holder):
                        raise LockedError(
                            f"{self.out} is in use by another Lagebild run (pid {holder.get('pid')} on "
                            f"{holder.get('host')}); wait for it to finish"
                        ) from None
                    path.unlink(missing_ok=True)  # stale: its process is gone
                    continue
                with os.fdopen(fd, "w") as fh:
                    json.dump(me, fh)
                    fh.flush()
                    os.fsync(fh.fileno())
                break
            else:  # pragma: no cover - only under a storm of competing runs
                raise LockedError(f"could not take the lock on {self.out}")
        try:
            yield
        finally:
            holder = _read_lock(path)
            if holder and holder.get("pid") == me["pid"] and holder.get("host") == me["host"]:
                path.unlink(missing_ok=True)


@contextlib.contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """Hold an flock on ``path`` (the kernel releases it if the process dies)."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _read_lock(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _alive(holder: dict) -> bool:
    if holder.get("host") != socket.gethostname():
        return True  # cannot check a process on another host: assume it runs
    pid = holder.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return _not_zombie(pid)


def _not_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True
