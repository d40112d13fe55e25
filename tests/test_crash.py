"""Crash safety: SIGKILL `lagebild run` at several points, rerun, and the tables equal a clean run's."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.runner import run
from pipeline.write import Store
from tests.badcorpus import all_rows, make_bad_corpus, make_good_corpus, make_standin_model, read_table

pytestmark = pytest.mark.slow

N = 48
BATCH = 2
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """The corpus (good articles and a few bad files), the model and a clean run's output."""
    base = tmp_path_factory.mktemp("crash")
    corpus = base / "in"
    make_good_corpus(corpus, N)
    bad = make_bad_corpus(base / "bad")
    for name in ("empty.txt", "image.txt", "latin1.txt", "english.txt", "dangling.txt"):
        assert name in bad
        os.replace(base / "bad" / name, corpus / name)
    model = make_standin_model(base / "model")
    clean = base / "clean"
    run([corpus], clean, model, workers=1, batch_size=BATCH)
    return corpus, model, clean


def start(corpus: Path, out: Path, model: str, workers: int = 1) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--model", model,
           "--workers", str(workers), "--batch-size", str(BATCH), "--no-progress"]  # fmt: skip
    return subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )


def committed_parts(out: Path) -> int:
    try:
        return len(json.loads((out / "_lagebild" / "manifest.json").read_text(encoding="utf-8"))["parts"])
    except (OSError, ValueError):
        return 0


def kill_when(proc: subprocess.Popen, ready: Callable[[], bool], timeout: float = 120) -> bool:
    """SIGKILL the run (and its workers) once ``ready()``; False if it finished first."""
    deadline = time.monotonic() + timeout
    while not ready():
        if proc.poll() is not None:
            return False
        assert time.monotonic() < deadline, "the run never got there"
        time.sleep(0.002)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return True


def finish(corpus: Path, out: Path, model: str) -> str:
    proc = start(corpus, out, model)
    output = proc.communicate(timeout=300)[0].decode()
    assert proc.returncode == 0, output
    return output


def assert_clean_state(out: Path) -> None:
    meta = out / "_lagebild"
    assert not (meta / "lock").exists()
    assert not [p for p in (meta / "staging").rglob("*") if p.is_file()]
    for folder in out.iterdir():
        if folder.name != "_lagebild":
            assert not [p.name for p in folder.iterdir() if p.name.startswith(".")], folder


@pytest.mark.parametrize(
    "points",
    [
        pytest.param((1,), id="after-first-commit"),
        pytest.param((1, N // BATCH // 2, N // BATCH - 2), id="three-kills-first-mid-late"),
    ],
)
def test_killed_runs_then_rerun_equal_a_clean_run(
    setup: tuple[Path, str, Path], tmp_path: Path, points: tuple[int, ...]
) -> None:
    corpus, model, clean = setup
    out = tmp_path / "out"
    killed = 0
    for point in points:
        proc = start(corpus, out, model)
        killed += kill_when(proc, lambda p=point: committed_parts(out) >= p)
    assert killed == len(points), "a run finished before it could be killed"
    assert (out / "_lagebild" / "lock").exists()  # the dead run's lock is left behind …
    output = finish(corpus, out, model)  # … and taken over
    assert "unchanged" in output
    assert all_rows(out) == all_rows(clean)
    assert_clean_state(out)
    assert read_table(out, "runs").num_rows == 1  # killed runs record nothing


def test_kill_before_the_first_commit_and_with_workers(setup: tuple[Path, str, Path], tmp_path: Path) -> None:
    corpus, model, clean = setup
    out = tmp_path / "out"
    lock = out / "_lagebild" / "lock"
    assert kill_when(start(corpus, out, model), lock.exists)  # holding the lock, nothing committed
    assert committed_parts(out) == 0
    proc = start(corpus, out, model, workers=2)
    kill_when(proc, lambda: committed_parts(out) >= 3)
    finish(corpus, out, model)
    assert all_rows(out) == all_rows(clean)
    assert_clean_state(out)


TAKE_LOCK = """
import sys, time
from pipeline.write import LockedError, Store
store = Store(sys.argv[1])
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
try:
    with store.lock():
        print("took", flush=True)
        time.sleep(3)
except LockedError:
    print("refused", flush=True)
"""


def test_runs_that_find_the_same_stale_lock_do_not_both_take_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    Store(out)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = {"pid": int(dead.stdout), "host": socket.gethostname(), "started": 0}
    (out / "_lagebild" / "lock").write_text(json.dumps(stale), encoding="utf-8")
    at = time.time() + 4  # all of them start taking the lock at the same moment
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", TAKE_LOCK, str(out), str(at)], cwd=ROOT, stdout=subprocess.PIPE
        )
        for _ in range(4)
    ]
    results = sorted(p.communicate(timeout=120)[0].decode().strip() for p in procs)
    assert results == ["refused", "refused", "refused", "took"]
