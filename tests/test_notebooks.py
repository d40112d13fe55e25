"""Execute the notebooks with nbclient against tables built from seeds/ and the tests' own fixture articles."""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from pipeline.recognise import ModelNotFoundError
from pipeline.runner import run

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
FIXTURES = Path(__file__).parent / "fixtures" / "articles"
PLOTS = {"01_explore.ipynb": 3, "02_sql.ipynb": 2}  # troop figures over time, map, labels / over time, labels


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("notebooks") / "tables"
    try:
        run(
            [str(ROOT / "seeds"), str(FIXTURES)],
            out,
            os.environ.get("LAGEBILD_MODEL"),
            workers=1,
            progress=False,
        )
    except ModelNotFoundError as exc:
        pytest.skip(f"Lagebild's model is not available here: {exc}")
    return out


def execute(name: str, monkeypatch: pytest.MonkeyPatch) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in the python3 kernel of this environment; a failing cell raises."""
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel's inline backend, which keeps the plots
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    return notebook


def outputs_text(notebook: nbformat.NotebookNode) -> str:
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def images(notebook: nbformat.NotebookNode) -> int:
    return sum("image/png" in o.get("data", {}) for cell in notebook.cells for o in cell.get("outputs", []))


@pytest.mark.parametrize("name", sorted(PLOTS))
def test_notebook_runs_and_plots(name: str, tables: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAGEBILD_DATA", str(tables))
    notebook = execute(name, monkeypatch)
    text = outputs_text(notebook)
    assert str(tables.resolve()) in text  # it read our tables, not ../data
    for expected in ("Kim Jong Un", "Kursk", "KP", "FR"):  # seed and fixture people, places, nationalities
        assert expected in text, expected
    for expected in ("n_documents", "attributions", "bis zu 30.000 zusätzliche Soldat:innen", "Geheimdienst"):
        assert expected in text, expected  # the claims cells: who claims what, since when
    for expected in ("Bundeswehr", "military", "KCNA", "media"):
        assert expected in text, expected  # organisations with their country and kind
    assert images(notebook) == PLOTS[name]


def test_explore_runs_lagebild_when_the_folder_is_empty(
    tables: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LAGEBILD_DATA", str(tmp_path / "fresh"))
    monkeypatch.setenv("LAGEBILD_SEEDS", str(FIXTURES))
    notebook = execute("01_explore.ipynb", monkeypatch)
    assert "ran Lagebild on" in outputs_text(notebook)
    assert (tmp_path / "fresh" / "_lagebild" / "manifest.json").exists()
    assert images(notebook) == PLOTS["01_explore.ipynb"]


@pytest.mark.parametrize("name", sorted(PLOTS))
def test_notebooks_are_stored_without_outputs(name: str) -> None:
    notebook = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
