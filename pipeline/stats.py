"""Summarise a Lagebild tables folder: rows per table, most named people, places and organisations, troop figures, errors, runs."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import cache

import duckdb

from pipeline.read import connect
from pipeline.schemas import TABLES

__all__ = ["Named", "RunLine", "Stats", "TroopGroup", "format_stats", "stats"]


@dataclass(frozen=True, slots=True)
class Named:
    """A person, place or organisation with its mentions summed over all documents."""

    name: str
    mentions: int
    documents: int
    country: str | None = None  # places and organisations
    kind: str | None = None  # places and organisations


@dataclass(frozen=True, slots=True)
class TroopGroup:
    """Troop figures of one nationality (None: unknown) and status.

    ``low_total`` sums the lower bounds that are known, ``high_total`` the upper bounds
    that are known; ``open_low``/``open_high`` count figures without one ('bis zu',
    'mehr als'). Figures from different articles may describe the same troops, so the
    totals are an upper bound on reporting, not a head count.
    """

    country: str | None
    status: str
    figures: int
    documents: int
    low_total: int | None
    high_total: int | None
    open_low: int
    open_high: int
    largest: int | None  # largest single known bound


@dataclass(frozen=True, slots=True)
class RunLine:
    """One run of ``lagebild run``."""

    run_id: str
    finished: dt.datetime
    model: str
    documents: int
    errors: int
    seconds: float


@dataclass(frozen=True)
class Stats:
    """What is in a tables folder; :func:`format_stats` turns it into text."""

    path: str
    rows: dict[str, int]
    first_published: dt.date | None = None
    last_published: dt.date | None = None
    entities_by_label: dict[str, int] = field(default_factory=dict)
    people: list[Named] = field(default_factory=list)
    places: list[Named] = field(default_factory=list)
    organisations: list[Named] = field(default_factory=list)
    troops: list[TroopGroup] = field(default_factory=list)
    troops_by_qualifier: dict[str, int] = field(default_factory=dict)
    errors: list[tuple[str, str, int]] = field(default_factory=list)  # (stage, error, count)
    runs: list[RunLine] = field(default_factory=list)  # newest first


# --------------------------------------------------------------------------- queries
def _rows(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}


_NAMED_SQL = """
SELECT first(name ORDER BY mentions DESC, length(name) DESC, name) AS name,
       sum(mentions)::BIGINT AS mentions, count(DISTINCT doc_id) AS documents{extra}
FROM "{table}" GROUP BY {key}
ORDER BY mentions DESC, documents DESC, name, {key} LIMIT ?
"""


def _has_columns(con: duckdb.DuckDBPyConnection, table: str, *names: str) -> bool:
    """True when ``table`` has every column of ``names`` (tables of older versions lack some)."""
    columns = {row[0] for row in con.execute(f'DESCRIBE "{table}"').fetchall()}
    return set(names) <= columns


def _named(con: duckdb.DuckDBPyConnection, table: str, key: str, top: int) -> list[Named]:
    extra = ""
    if table in {"places", "organisations"} and _has_columns(con, table, "country", "kind"):
        extra = (
            ", first(country ORDER BY mentions DESC, country NULLS LAST) AS country,"
            " first(kind ORDER BY mentions DESC, kind) AS kind"
        )
    rows = con.execute(_NAMED_SQL.format(table=table, key=key, extra=extra), [top]).fetchall()
    return [Named(*row) for row in rows]


_TROOPS_SQL = """
SELECT country, status, count(*) AS figures, count(DISTINCT doc_id) AS documents,
       sum(low)::BIGINT, sum(high)::BIGINT, count(*) - count(low), count(*) - count(high),
       greatest(max(low), max(high))::BIGINT
FROM troop_figures GROUP BY country, status
ORDER BY figures DESC, country NULLS LAST, status
"""


def _troops(con: duckdb.DuckDBPyConnection) -> list[TroopGroup]:
    return [TroopGroup(*row) for row in con.execute(_TROOPS_SQL).fetchall()]


def _counts(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, int]:
    return dict(con.execute(sql).fetchall())


def _errors(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int]]:
    sql = "SELECT stage, error, count(*) AS n FROM errors GROUP BY ALL ORDER BY n DESC, stage, error"
    return [tuple(row) for row in con.execute(sql).fetchall()]


def _runs(con: duckdb.DuckDBPyConnection, last: int) -> list[RunLine]:
    sql = (
        "SELECT run_id, finished, model, counts.documents, counts.errors, seconds "
        "FROM runs ORDER BY finished DESC, run_id DESC LIMIT ?"
    )
    return [RunLine(*row) for row in con.execute(sql, [last]).fetchall()]


def stats(path: str | os.PathLike[str], top: int = 10, runs: int = 5) -> Stats:
    """Summarise the tables in ``path``: the ``top`` most named people, places and
    organisations, troop figures by nationality and status, errors and the last ``runs`` runs."""
    con = connect(path)
    try:
        first, last = con.execute("SELECT min(published_date), max(published_date) FROM documents").fetchone()
        return Stats(
            path=str(path),
            rows=_rows(con),
            first_published=first,
            last_published=last,
            entities_by_label=_counts(
                con, "SELECT label, count(*) AS n FROM entities GROUP BY label ORDER BY n DESC, label"
            ),
            people=_named(con, "people", "person_id", top),
            places=_named(con, "places", "place_id", top),
            organisations=_named(con, "organisations", "org_id", top),
            troops=_troops(con),
            troops_by_qualifier=_counts(
                con,
                "SELECT qualifier, count(*) AS n FROM troop_figures GROUP BY qualifier ORDER BY n DESC, qualifier",
            ),
            errors=_errors(con),
            runs=_runs(con, runs),
        )
    finally:
        con.close()


# --------------------------------------------------------------------------- text
@cache
def country_name(code: str | None) -> str:
    """'KP' → 'KP Korea, Democratic People's Republic of' style label; '?' when unknown."""
    if not code:
        return "?"
    try:
        import pycountry

        country = pycountry.countries.get(alpha_2=code)
    except (ImportError, LookupError, KeyError):
        country = None
    name = getattr(country, "common_name", None) or getattr(country, "name", None)
    return f"{code} {name}" if name else code


def _n(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


def _table(headers: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    """Plain-text columns, numbers right-aligned."""
    if not rows:
        return ["  (none)"]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        parts = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return ("  " + "  ".join(parts)).rstrip()

    return [line(headers), *(line(r) for r in rows)]


def _named_lines(items: list[Named], with_place: bool = False) -> list[str]:
    """Rows of a most-named list; ``with_place`` adds country and kind (places, organisations)."""
    headers = ["mentions", "docs", "name"] + (["country", "kind"] if with_place else [])
    rows = [
        [_n(x.mentions), _n(x.documents), x.name]
        + ([_country_label(x), x.kind or ""] if with_place else [])
        for x in items
    ]
    return _table(headers, rows, right={0, 1})


def _country_label(x: Named) -> str:
    """Country of a place or organisation; "-" for an international body (it has none)."""
    return "-" if x.country is None and x.kind == "international" else country_name(x.country)


def _troop_lines(groups: list[TroopGroup]) -> list[str]:
    headers = ["country", "status", "figures", "docs", "sum low", "sum high", "open low/high", "largest"]
    rows = [
        [country_name(g.country), g.status, _n(g.figures), _n(g.documents), _n(g.low_total),
         _n(g.high_total), f"{g.open_low}/{g.open_high}", _n(g.largest)]
        for g in groups
    ]  # fmt: skip
    return _table(headers, rows, right={2, 3, 4, 5, 6, 7})


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", title, *lines]


def format_stats(s: Stats) -> str:
    """A readable plain-text report of :func:`stats` (what ``lagebild stats DIR`` prints)."""
    span = ""
    if s.first_published:
        span = f", published {s.first_published:%Y-%m-%d} … {s.last_published:%Y-%m-%d}"
    out = [f"Lagebild tables in {s.path}: {s.rows.get('documents', 0):,} documents{span}"]
    out += _section("Rows per table", _table(["table", "rows"], [[t, _n(n)] for t, n in s.rows.items()], {1}))
    labels = ", ".join(f"{k} {v:,}" for k, v in s.entities_by_label.items()) or "none"
    out += ["", f"Entities by label: {labels}"]
    out += _section("Most named people", _named_lines(s.people))
    out += _section("Most named places", _named_lines(s.places, with_place=True))
    out += _section("Most named organisations", _named_lines(s.organisations, with_place=True))
    out += _section("Troop figures by nationality and status", _troop_lines(s.troops))
    if s.troops_by_qualifier:
        out.append("  qualifiers: " + ", ".join(f"{k} {v:,}" for k, v in s.troops_by_qualifier.items()))
    error_rows = [[stage, error, _n(n)] for stage, error, n in s.errors]
    out += _section("Errors by kind", _table(["stage", "error", "files"], error_rows, {2}))
    run_rows = [
        [r.run_id, f"{r.finished:%Y-%m-%d %H:%M}", r.model, _n(r.documents), _n(r.errors), f"{r.seconds:.1f}"]
        for r in s.runs
    ]
    out += _section(
        "Last runs",
        _table(["run", "finished (UTC)", "model", "docs", "errors", "seconds"], run_rows, {3, 4, 5}),
    )
    return "\n".join(out) + "\n"
