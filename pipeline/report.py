"""Report: one self-contained HTML situation report of a tables folder (plotly charts inlined, opens offline)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from tqdm import tqdm

from pipeline.read import load

if TYPE_CHECKING:  # plotly and jinja2 are imported when a report is made, not with the package
    import plotly.graph_objects as go

PathLike = str | os.PathLike[str]
TOP = 15  # most named people, places, organisations
TRENDS = 5  # of which the first this many get a line over time
LARGE = 500  # documents from which a progress bar is shown by default
MAP_MARGIN = 12.0  # degrees around the places
PLOT_CONFIG = {"displaylogo": False, "responsive": True}
TABLES = ("documents", "troop_figures", "claims", "figure_claims", "people", "places", "organisations",
          "entities", "errors", "runs")  # fmt: skip


# --------------------------------------------------------------------------- charts
def troops_chart(troops: pd.DataFrame, claims: pd.DataFrame) -> go.Figure:
    """Troop figures over time per country and status: each figure a range low…high (an open
    bound drawn as a triangle at its known bound), each claim one ring sized by its reports."""
    import plotly.graph_objects as go

    fig = go.Figure()
    points = troops.dropna(subset=["published_date"])
    low, high = points["low"].astype("float64"), points["high"].astype("float64")
    centre = ((low + high) / 2).fillna(low).fillna(high)
    points = points.assign(centre=centre, below=(centre - low).fillna(0.0), above=(high - centre).fillna(0.0))
    points = points[points["centre"].notna()]
    symbols = {(True, True): "circle", (True, False): "triangle-up", (False, True): "triangle-down"}
    for (country, status), part in points.groupby([points["country"].fillna("?"), "status"], sort=True):
        fig.add_trace(
            go.Scatter(
                x=part["published_date"], y=part["centre"], mode="markers", name=f"{country} · {status}",
                legendgroup=f"{country} · {status}",
                marker={"symbol": [symbols.get((lo, hi), "circle") for lo, hi in
                                   zip(part["low"].notna(), part["high"].notna(), strict=True)], "size": 9},
                error_y={"type": "data", "array": part["above"], "arrayminus": part["below"], "symmetric": False},
                text=part["text"], customdata=part["claim_id"],
                hovertemplate="%{text}<br>%{x|%Y-%m-%d}: %{y:,.0f}<br>claim %{customdata}<extra></extra>",
            )
        )  # fmt: skip
    dated = claims.dropna(subset=["first_published"])
    if len(dated):
        value = dated["high"].astype("float64").fillna(dated["low"].astype("float64"))
        fig.add_trace(
            go.Scatter(
                x=dated["first_published"], y=value, mode="markers+text", name="claims (reports)",
                marker={"size": 12 + 4 * dated["n_documents"].clip(upper=10), "symbol": "circle-open",
                        "line": {"width": 2}, "color": "black"},
                text=dated["n_figures"].astype(str), textposition="middle right",
                customdata=dated[["claim_id", "n_documents", "n_figures"]].to_numpy(),
                hovertemplate="claim %{customdata[0]}: %{y:,.0f}<br>since %{x|%Y-%m-%d}<br>"
                "%{customdata[1]} articles, %{customdata[2]} reports<extra></extra>",
            )
        )  # fmt: skip
    fig.update_layout(
        title="Troop figures over time per nationality and status (claims: ring, number of reports)",
        xaxis_title="published", yaxis_title="troops", height=480, xaxis_tickformat="%Y-%m-%d", margin={"t": 50, "l": 60, "r": 20, "b": 40},
    )
    if len(points) and (points["centre"] - points["below"]).gt(0).all():
        fig.update_yaxes(type="log")
    return fig


@cache
def country_outlines() -> tuple[tuple[tuple[float, float], ...], ...]:
    """Outer rings (lon, lat) of the country outlines in the ``countryinfo`` package
    (Natural Earth 1:110m, offline); () without it: the map then shows a plain graticule."""
    try:
        folder = files("countryinfo") / "data"
    except ModuleNotFoundError:
        return ()
    rings: list[tuple[tuple[float, float], ...]] = []
    for item in sorted(folder.iterdir(), key=lambda f: f.name):
        if not item.name.endswith(".json"):
            continue
        geo = json.loads(item.read_text(encoding="utf-8")).get("geoJSON") or {}
        for feature in geo.get("features", []):
            geometry = feature.get("geometry") or {}
            polygons = {"Polygon": [geometry.get("coordinates")], "MultiPolygon": geometry.get("coordinates")}
            for polygon in polygons.get(geometry.get("type"), []) or []:
                rings.append(tuple((round(x, 2), round(y, 2)) for x, y in polygon[0]))
    return tuple(rings)


def map_chart(places: pd.DataFrame) -> go.Figure:
    """Places at their coordinates, sized by mentions, over country outlines (lon/lat axes)."""
    import plotly.graph_objects as go

    located = (
        places.dropna(subset=["lat", "lon"])
        .groupby("place_id")
        .agg(name=("name", "first"), lat=("lat", "first"), lon=("lon", "first"), mentions=("mentions", "sum"),
             documents=("doc_id", "nunique"))
        .sort_values(["mentions", "name"], ascending=[False, True])
    )  # fmt: skip
    if len(located):
        west, east = max(located["lon"].min() - MAP_MARGIN, -180), min(located["lon"].max() + MAP_MARGIN, 180)
        south, north = max(located["lat"].min() - MAP_MARGIN, -90), min(located["lat"].max() + MAP_MARGIN, 90)
    else:
        west, east, south, north = -180.0, 180.0, -90.0, 90.0
    xs: list[float | None] = []
    ys: list[float | None] = []
    for ring in country_outlines():
        if any(west <= x <= east and south <= y <= north for x, y in ring):
            xs.extend([x for x, _ in ring] + [None])
            ys.extend([y for _, y in ring] + [None])
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(x=xs, y=ys, mode="lines", fill="toself", fillcolor="#ececec", name="countries",
                   line={"color": "#9a9a9a", "width": 0.6}, hoverinfo="skip", showlegend=False)
    )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=located["lon"], y=located["lat"], mode="markers+text", name="places", text=located["name"],
            textposition="top right", customdata=located[["mentions", "documents"]].to_numpy(),
            marker={"size": (8 + 3 * located["mentions"] ** 0.5).clip(upper=40), "color": "crimson", "opacity": 0.75},
            hovertemplate="%{text}: %{customdata[0]} mentions in %{customdata[1]} articles<extra></extra>",
        )
    )  # fmt: skip
    fig.update_xaxes(range=[west, east], title="longitude", showgrid=True, dtick=10, zeroline=False)
    fig.update_yaxes(range=[south, north], title="latitude", showgrid=True, dtick=10, zeroline=False,
                     scaleanchor="x", scaleratio=1)  # fmt: skip
    fig.update_layout(title=f"{len(located)} places, sized by mentions", height=560, showlegend=False,
                      margin={"t": 50, "l": 60, "r": 20, "b": 40}, plot_bgcolor="#f7fbff")  # fmt: skip
    return fig


def _top(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    return (
        frame.groupby(key)
        .agg(name=("name", "first"), mentions=("mentions", "sum"), documents=("doc_id", "nunique"))
        .sort_values(["mentions", "documents", "name"], ascending=[False, False, True])
        .head(TOP)
    )


def names_chart(tables: dict[str, pd.DataFrame], dates: pd.DataFrame) -> go.Figure:
    """The most named people, places, organisations (bars), and their mentions per month (lines)."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    kinds = (("people", "person_id"), ("places", "place_id"), ("organisations", "org_id"))
    fig = make_subplots(rows=2, cols=3, subplot_titles=[*(f"most named {k}" for k, _ in kinds),
                        *(f"{k}: mentions per month" for k, _ in kinds)], vertical_spacing=0.18)  # fmt: skip
    for col, (table, key) in enumerate(kinds, start=1):
        frame = tables[table]
        top = _top(frame, key)
        fig.add_trace(
            go.Bar(x=top["mentions"][::-1], y=top["name"][::-1], orientation="h", name=table, showlegend=False,
                   customdata=top["documents"][::-1],
                   hovertemplate="%{y}: %{x} mentions in %{customdata} articles<extra></extra>"),
            row=1, col=col,
        )  # fmt: skip
        monthly = frame.merge(dates, on="doc_id", how="left").dropna(subset=["published_date"])
        monthly = monthly.assign(month=monthly["published_date"].dt.to_period("M").dt.to_timestamp())
        for ref in top.index[:TRENDS]:
            series = monthly[monthly[key] == ref].groupby("month")["mentions"].sum().sort_index()
            fig.add_trace(
                go.Scatter(x=series.index, y=series.to_numpy(), mode="lines+markers", name=str(top.loc[ref, "name"]),
                           legendgroup=table, legendgrouptitle_text=table),
                row=2, col=col,
            )  # fmt: skip
    fig.update_xaxes(tickformat="%Y-%m", row=2)
    fig.update_layout(height=760, margin={"t": 60, "l": 120, "r": 20, "b": 40})
    return fig


# --------------------------------------------------------------------------- tables
def claims_view(tables: dict[str, pd.DataFrame]) -> list[dict]:
    """The claims, most reported first, each with its figures' sentences and documents."""
    claims = tables["claims"]
    docs = tables["documents"].set_index("doc_id")
    figures = tables["troop_figures"].merge(tables["figure_claims"][["figure_id", "claim_id", "source"]],
                                            on="figure_id", how="left")  # fmt: skip
    by_claim = {cid: part.sort_values(["doc_id", "start"]) for cid, part in figures.groupby("claim_id")}
    out = []
    order = claims.sort_values(["n_documents", "n_figures", "first_published", "claim_id"],
                               ascending=[False, False, True, True])  # fmt: skip
    for claim in order.itertuples(index=False):
        reports = []
        for f in by_claim.get(claim.claim_id, pd.DataFrame()).itertuples(index=False):
            doc = docs.loc[f.doc_id] if f.doc_id in docs.index else None
            reports.append({
                "text": f.text, "sentence": f.sentence, "source": _value(f.source),
                "attribution": _value(f.attribution), "doc_id": f.doc_id,
                "document": (_value(doc["title"]) or _value(doc["path"])) if doc is not None else f.doc_id,
                "published": _date(doc["published_date"]) if doc is not None else "",
                "qualifier": f.qualifier, "status": f.status,
            })  # fmt: skip
        reports.sort(key=lambda r: (r["published"], r["doc_id"]))
        out.append({
            "claim_id": claim.claim_id, "country": _value(claim.country) or "?", "status": claim.status,
            "figure": _bounds(claim.low, claim.high, claim.qualifier), "text": claim.text,
            "first": _date(claim.first_published), "last": _date(claim.last_published),
            "n_documents": int(claim.n_documents), "n_figures": int(claim.n_figures),
            "attributions": list(claim.attributions), "reports": reports,
        })  # fmt: skip
    return out


def _value(x: object) -> str | None:
    return None if x is None or x is pd.NA or (isinstance(x, float) and x != x) else str(x)


def _date(x: object) -> str:
    return "" if x is None or pd.isna(x) else pd.Timestamp(x).strftime("%Y-%m-%d")


def _bounds(low: object, high: object, qualifier: str) -> str:
    fmt = lambda v: f"{int(v):,}".replace(",", ".")  # noqa: E731 - German thousands separator
    lo, hi = (None if pd.isna(v) else v for v in (low, high))
    if lo is not None and hi is not None:
        return fmt(lo) if lo == hi else f"{fmt(lo)}–{fmt(hi)}"
    if hi is not None:
        return f"≤ {fmt(hi)}"
    return f"≥ {fmt(lo)}" if lo is not None else qualifier


# --------------------------------------------------------------------------- the page
@cache
def _template():  # noqa: ANN202 - jinja2.Template
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("pipeline", "resources"), autoescape=select_autoescape(["html", "j2"]))
    return env.get_template("report.html.j2")


def report(
    data: PathLike = "data", out: PathLike = "report.html", *, progress: bool | None = None
) -> Path:
    """Write one self-contained HTML situation report of the tables folder ``data`` to ``out``.

    Counts; troop figures over time per country and status with the claims; places on a
    map over offline country outlines; the most named people, places and organisations and
    their mentions over time; the claims with every figure's sentence and document; the
    errors. plotly.js is inlined, so the file opens in any browser without a network or
    server. Article text is HTML-escaped. Returns the path written.
    """
    from plotly.offline import get_plotlyjs

    tables = load(data, TABLES)
    n_docs = len(tables["documents"])
    show = (sys.stderr.isatty() and n_docs >= LARGE) if progress is None else progress
    steps: list[tuple[str, Callable[[], object]]] = []
    dates = tables["documents"][["doc_id", "published_date"]]
    troops = (
        tables["troop_figures"]
        .merge(tables["figure_claims"][["figure_id", "claim_id"]], on="figure_id", how="left")
        .merge(tables["documents"][["doc_id", "published_date"]], on="doc_id", how="left")
    )
    steps.append(("troops", lambda: troops_chart(troops, tables["claims"])))
    steps.append(("map", lambda: map_chart(tables["places"])))
    steps.append(("names", lambda: names_chart(tables, dates)))
    steps.append(("claims", lambda: claims_view(tables)))
    parts: dict[str, object] = {}
    with tqdm(total=len(steps) + 1, desc="report", unit="part", disable=not show) as bar:
        for name, make in steps:
            result = make()
            parts[name] = result if isinstance(result, list) else _div(result, name)
            bar.update()
        counts = {t: len(f) for t, f in tables.items() if t != "figure_claims"}
        errors = tables["errors"].sort_values(["stage", "error", "path"]).to_dict("records")
        html = _template().render(
            title=f"Lagebild: {Path(data).resolve().name}", data=str(data), counts=counts, errors=errors,
            runs=len(tables["runs"]), plotly_js=get_plotlyjs(), **parts,
        )  # fmt: skip
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        tmp.write_text(html, encoding="utf-8")
        os.replace(tmp, path)
        bar.update()
    return path


def _div(fig: go.Figure, name: str) -> str:
    return fig.to_html(full_html=False, include_plotlyjs=False, div_id=f"chart-{name}", config=PLOT_CONFIG)
