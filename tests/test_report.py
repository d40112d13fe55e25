"""The HTML report: self-contained, escapes article text, renders in headless Chromium with the seed's figures."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import pipeline
from pipeline.report import report
from pipeline.schemas import SCHEMAS
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "data"
    pipeline.run([str(SEEDS)], out, workers=1, progress=False)
    return out


@pytest.fixture(scope="module")
def seed_report(seed_tables: Path) -> Path:
    return report(seed_tables, seed_tables.parent / "report.html", progress=False)


def test_report_is_self_contained(seed_report: Path) -> None:
    html = seed_report.read_text(encoding="utf-8")
    assert html.count('<script type="text/javascript">') >= 1  # plotly.js inlined
    assert "cdn.plot.ly" not in html.split("</head>", 1)[1]
    assert '<script src="http' not in html and "<link " not in html
    assert "bis zu 30.000 zusätzliche Soldat:innen" in html
    assert 'id="chart-map"' in html and 'id="chart-troops"' in html


def test_report_escapes_article_text(tmp_path: Path) -> None:
    out = tmp_path / "data"
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        " date 2025-03\nLaut dem <script>alert(1)</script> Generalstab stehen 5.000 russische Soldaten an der Grenze.\n",
        encoding="utf-8",
    )
    pipeline.run([str(articles)], out, workers=1, progress=False)
    html = report(out, tmp_path / "r.html", progress=False).read_text(encoding="utf-8")
    body = html.split("</head>", 1)[1]
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_report_of_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    html = report(tmp_path / "data", tmp_path / "r.html", progress=False).read_text(encoding="utf-8")
    assert "no troop figures" in html and "no errors" in html


def test_cli_report(seed_tables: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["report", str(seed_tables), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r.html").stat().st_size > 1_000_000 and "Report:" in result.output


def _big_folder(seed: Path, folder: Path, n: int) -> None:
    """A tables folder of ``n`` articles: the seed's rows under n doc ids and dates (no manifest)."""
    for table in ("documents", "troop_figures", "people", "places", "organisations", "entities"):
        data = pq.read_table(seed / table, schema=SCHEMAS[table])
        parts = []
        for i in range(n):
            doc_id = f"{i:016x}"
            part = data.set_column(data.schema.get_field_index("doc_id"), "doc_id", pa.array([doc_id] * len(data), pa.string()))
            if table == "documents":
                day = pa.array([pa.scalar(20000 + i % 400, pa.date32()).as_py()] * len(data), pa.date32())
                part = part.set_column(part.schema.get_field_index("published_date"), "published_date", day)
            if table == "troop_figures":
                ids = pa.array([f"{i:08x}{j:08x}" for j in range(len(data))], pa.string())
                part = part.set_column(0, "figure_id", ids)
            parts.append(part)
        (folder / table).mkdir(parents=True)
        pq.write_table(pa.concat_tables(parts), folder / table / "part-0.parquet")
    from pipeline.claims import build

    docs = pq.read_table(folder / "documents", columns=["doc_id", "published_date"])
    tables = build(pq.read_table(folder / "troop_figures", schema=SCHEMAS["troop_figures"]), docs)
    for name, data in tables.items():
        (folder / name).mkdir()
        pq.write_table(data, folder / name / "part-0.parquet")


def test_report_of_1000_articles_is_fast_and_small(seed_tables: Path, tmp_path: Path) -> None:
    folder = tmp_path / "big"
    _big_folder(seed_tables, folder, 1000)
    assert len(pipeline.load(folder, ["documents"])["documents"]) == 1000
    t0 = time.perf_counter()
    path = report(folder, tmp_path / "big.html", progress=False)
    seconds = time.perf_counter() - t0
    size = path.stat().st_size
    print(f"1,000 articles: {seconds:.2f} s, {size / 1e6:.1f} MB")
    assert seconds < 10 and size < 10_000_000


# --------------------------------------------------------------------------- in a real browser
def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("no chromium on PATH: `apt-get install chromium` (.ci/run installs it)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("playwright is not installed: pip install -e '.[dev]'")
    return path


def test_report_renders_in_chromium(seed_report: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    problems: list[str] = []
    remote: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("request", lambda r: remote.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
            page.goto(seed_report.resolve().as_uri())
            page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 3", timeout=20_000)
            charts = page.evaluate(
                """() => Object.fromEntries([...document.querySelectorAll('.js-plotly-plot')].map(d => [d.id,
                   d._fullData.map(t => ({name: t.name, x: Array.from(t.x || []), y: Array.from(t.y || []),
                                          text: t.text === undefined ? null : [].concat(t.text)}))]))"""
            )
            claims = page.evaluate(
                """() => [...document.querySelectorAll('#claims-table tr.claim')].map(r => r.innerText)"""
            )
            page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        finally:
            browser.close()
    assert problems == []
    assert remote == []
    assert (tmp_path / "report.png").stat().st_size > 10_000
    # the troop chart holds the seed's figures (30,000 planned and 14,000) and its claims' rings
    troop_values = {v for trace in charts["chart-troops"] for v in trace["y"]}
    assert {30000, 14000} <= troop_values
    rings = next(t for t in charts["chart-troops"] if t["name"] == "claims (reports)")
    assert "2" in rings["text"]  # the 30,000 claim: two reports
    # the map shows the five places
    places = next(t for t in charts["chart-map"] if t["name"] == "places")
    assert set(places["text"]) == {"Russland", "Ukraine", "Nordkorea", "Wonsan", "Kursk"}
    # the claims table: the 30,000 (planned, KP; two reports in one article, one claim) and the 14,000
    thirty = [c for c in claims if "30.000" in c.split("\n")[0]]
    assert len(thirty) == 1 and "KP" in thirty[0] and "planned" in thirty[0]
    assert "\t1\t2\t" in thirty[0]  # one article, two reports
    assert any("14.000" in c for c in claims)
