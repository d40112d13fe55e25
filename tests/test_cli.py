"""The command line: every verb has help and a README entry; run prints a summary; failures exit non-zero."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import ROOT, SEEDS

runner = CliRunner()
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def test_top_level_help() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_a_readme_entry(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert len(result.output.strip()) > 80
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"lagebild {re.escape(command)}\b", readme), (
        f"README does not show `lagebild {command}`"
    )


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("lagebild ")


def test_run_prints_a_summary_and_writes_tables(tmp_path) -> None:
    out = tmp_path / "tables"
    result = runner.invoke(app, ["run", str(SEEDS), "--out", str(out), "--workers", "1", "--no-progress"])
    assert result.exit_code == 0, result.output
    for word in (
        "documents",
        "sentences",
        "entities",
        "numbers",
        "troop figures",
        "people",
        "places",
        "errors",
        "words/s",
    ):
        assert word in result.output
    assert ds.dataset(out / "people", format="parquet").count_rows() >= 3


def test_bad_files_do_not_fail_the_run(tmp_path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "empty.txt").write_bytes(b"")
    (articles / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (articles / "good.txt").write_text(
        " date 2024-03 Die Bundeswehr schickt 500 Soldaten nach Litauen.", encoding="utf-8"
    )
    out = tmp_path / "tables"
    result = runner.invoke(app, ["run", str(articles), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert re.search(r"errors\s+2", result.output)
    errors = ds.dataset(out / "errors", format="parquet").to_table().to_pylist()
    assert sorted(e["error"] for e in errors) == ["binary", "empty"]


def test_missing_model_is_a_clear_error(tmp_path) -> None:
    result = runner.invoke(
        app, ["run", str(SEEDS), "--out", str(tmp_path / "t"), "--model", "de_core_news_sm_missing"]
    )
    assert result.exit_code == 1
    assert "not found" in result.output and "--model" in result.output


def test_stats_after_a_run(tmp_path) -> None:
    out = tmp_path / "tables"
    runner.invoke(app, ["run", str(SEEDS), "--out", str(out), "--workers", "1"])
    result = runner.invoke(app, ["stats", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("Kim Jong Un", "Sergej Lawrow", "Wonsan", "KP"):
        assert name in result.output


@pytest.fixture(scope="module")
def standin(tmp_path_factory: pytest.TempPathFactory) -> str:
    from tests.badcorpus import make_standin_model

    return make_standin_model(tmp_path_factory.mktemp("model") / "standin")


@pytest.mark.parametrize("missing", ["no/such/folder", "Artikel 2024", "meldung.txt"])
def test_run_on_a_missing_path_exits_2_naming_it_and_writes_nothing(tmp_path, missing: str) -> None:
    out = tmp_path / "tables"
    path = tmp_path / missing
    result = runner.invoke(app, ["run", str(SEEDS), str(path), "--out", str(out), "--no-progress"])
    assert result.exit_code == 2, result.output
    assert str(path) in result.output and "does not exist" in result.output
    assert not out.exists()


def test_run_skips_readmes_and_honours_glob_exclude_and_verbose(tmp_path, standin: str) -> None:
    articles = tmp_path / "articles"
    (articles / "2024").mkdir(parents=True)
    text = "Die Bundeswehr verlegt nach Angaben des Ministeriums 300 Soldaten nach Litauen.\n"
    (articles / "README.md").write_text("# Sammlung\n\nMeldungen aus dem Ressort Politik.\n", encoding="utf-8")
    (articles / "CHANGES.md").write_text("- 2024-03: neue Meldungen\n", encoding="utf-8")
    (articles / "001.txt").write_text(text, encoding="utf-8")
    (articles / "002.md").write_text("# Nato-Gipfel\n\nDie Nato tagt in Wilna.\n", encoding="utf-8")
    (articles / "2024" / "entwurf-003.txt").write_text("Entwurf: " + text, encoding="utf-8")
    (articles / "2024" / "004.txt").write_text("Kiew meldet neue Angriffe.\n", encoding="utf-8")

    def paths(out) -> list[str]:
        rows = ds.dataset(out / "documents", format="parquet").to_table().to_pylist()
        return sorted(str(Path(r["path"]).relative_to(articles)) for r in rows)

    base = ["run", str(articles), "--model", standin, "--workers", "1", "--no-progress"]
    result = runner.invoke(app, [*base, "--out", str(tmp_path / "all")])
    assert result.exit_code == 0, result.output
    assert paths(tmp_path / "all") == ["001.txt", "002.md", "2024/004.txt", "2024/entwurf-003.txt"]
    assert re.search(r"excluded\s+2 \(by name; --verbose lists them\)", result.output)
    assert "README.md" not in result.output

    args = [*base, "--out", str(tmp_path / "some"), "--glob", "*.txt", "--exclude", "entwurf*", "--verbose"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert paths(tmp_path / "some") == ["001.txt", "2024/004.txt"]
    assert re.search(r"excluded\s+1\n", result.output)
    assert f"{articles / '2024' / 'entwurf-003.txt'}  (entwurf*)" in result.output

    result = runner.invoke(app, [*base, "--out", str(tmp_path / "every"), "--no-default-excludes", "-v"])
    assert result.exit_code == 0, result.output
    assert "README.md" in paths(tmp_path / "every") and re.search(r"excluded\s+0", result.output)
