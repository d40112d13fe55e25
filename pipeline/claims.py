"""Claims stage: group the troop figures of a whole tables folder into claims (same figure, reported again and again).

A *claim* is one reported figure ("bis zu 30.000 nordkoreanische Soldaten", planned, KP) as it
runs through many articles and outlets. Figures join one claim when

- their country is the same (both null counts as the same),
- their statuses share a family (``resources/claim_statuses.tsv``: deployed and stationed
  are one family, every other status is its own),
- their bounds are the same figure, or one states it more precisely (:func:`same_figure`),
  checked against every distinct bound of the claim (no chaining "mindestens 30.000" →
  "30.000" → "bis zu 30.000" into one), and
- the figure was published at most ``window`` days after the claim's latest report.

The grouping runs after each ``lagebild run`` over all live ``troop_figures`` rows and writes
two small tables in the same manifest commit as the run's row: ``claims`` (one row per claim)
and ``figure_claims`` (each figure's ``claim_id`` and normalised source).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.normalise.demonyms import country_for_word
from pipeline.resources import ResourceError, read_tsv
from pipeline.schemas import SCHEMAS, to_arrow
from pipeline.write import Manifest, Store

DEFAULT_WINDOW_DAYS = 365
# A figure without country or status only joins a claim reported within this many days of it:
# nothing but its bounds and its date tie it to the claim.
LOOSE_WINDOW_DAYS = 31
CLAIMS_VERSION = "1"  # part names change with the grouping rules
CLAIM_TABLES = ("claims", "figure_claims")
SOURCE_RANKS = ("institution", "generic")
# How precisely a qualifier states a figure: the claim shows its most common, then most precise, form.
PRECISION = {"exact": 0, "approx": 1, "range": 2, "up_to": 3, "at_least": 3, "more_than": 4,
             "less_than": 4, "vague": 5}  # fmt: skip
_ARTICLE = re.compile(
    r"^(?:(?:de[mnrs]|die|das|eine[mnrs]?|ihre[mnrs]?|seine[mnrs]?|jüngste[mnrs]?|neue[mnrs]?|"
    r"aktuelle[mnrs]?|eigene[mnrs]?)\s+)+",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w-]+")


# --------------------------------------------------------------------------- data tables
@cache
def status_families() -> dict[str, str]:
    """Status → family (``resources/claim_statuses.tsv``); every schema status must be listed."""
    families = {row["status"]: row["family"] for row in read_tsv("claim_statuses.tsv")}
    statuses = _schema_statuses()
    missing = statuses - set(families)
    if missing:
        raise ResourceError(f"claim_statuses.tsv: no family for {sorted(missing)}")
    return families


def _schema_statuses() -> set[str]:
    doc = SCHEMAS["troop_figures"].field("status").metadata[b"description"].decode()
    return {s.strip() for s in doc.split("|")}


@cache
def source_stems() -> tuple[tuple[str, str], ...]:
    """(stem, canonical source) pairs, institutions before generic words, longest stem first
    (``resources/claim_sources.tsv``)."""
    rows = read_tsv("claim_sources.tsv")
    stems = [row["stem"] for row in rows]
    if len(stems) != len(set(stems)):
        raise ResourceError("claim_sources.tsv: duplicate stem")
    if any(row["rank"] not in SOURCE_RANKS for row in rows):
        raise ResourceError(f"claim_sources.tsv: rank must be one of {SOURCE_RANKS}")
    ordered = sorted(rows, key=lambda r: (SOURCE_RANKS.index(r["rank"]), -len(r["stem"]), r["stem"]))
    return tuple((r["stem"], r["source"]) for r in ordered)


# --------------------------------------------------------------------------- sources
def normalise_source(attribution: str | None, names: Mapping[str, str] | None = None) -> str | None:
    """The canonical source of a raw attribution, or None when the figure names none.

    "dem estnischen Nachrichtendienst" and "des estnischen Geheimdienstes" → "Geheimdienst (EE)";
    "nach Angaben des polnischen Generalstabs" → "Generalstab (PL)"; "US-Angaben" → "Angaben (US)";
    a person or organisation named in it gives its canonical name (``names``: entity text →
    its ``norm``, for the entities of the figure's sentence): "dem US-Sender CNN" → "CNN",
    "Selenskyjs" → "Wolodymyr Selenskyj".
    """
    if not attribution or not attribution.strip():
        return None
    raw = " ".join(attribution.split())
    named = [text for text in (names or {}) if re.search(rf"(?<!\w){re.escape(text)}(?!\w)", raw)]
    if named:  # "des ukrainischen Präsidenten Wolodymyr Selenskyj" → the person, "dem US-Sender CNN" → CNN
        return names[max(named, key=lambda t: (len(t), t))]  # type: ignore[index]
    words = _WORD.findall(raw)
    kind = _source_kind(words)
    country = next((c for c in (country_for_word(w) for w in words) if c), None)
    if kind is None:
        name = _ARTICLE.sub("", raw).strip(" ,.;:\"'„“”")
        return name or None
    return f"{kind} ({country})" if country else kind


def _source_kind(words: Sequence[str]) -> str | None:
    """The source of the first stem (in rank order) found in any of the words."""
    lows = [w.lower() for w in words]
    for stem, source in source_stems():
        if any(stem in low for low in lows):
            return source
    return None


# --------------------------------------------------------------------------- figures
@dataclass(frozen=True, slots=True)
class Figure:
    """One troop figure as the grouping sees it."""

    figure_id: str
    doc_id: str
    sent_idx: int
    start: int
    end: int
    text: str
    low: int | None
    high: int | None
    qualifier: str
    country: str | None
    status: str
    published: dt.date | None = None
    source: str | None = None

    @property
    def bounds(self) -> tuple[int | None, int | None, str]:
        return (self.low, self.high, self.qualifier)


def _rounding(value: int) -> int:
    """Half a unit of the second significant digit: 'rund 12.000' covers 11.500…12.500."""
    digits = len(str(abs(value)))
    return max(10 ** (digits - 2), 1) // 2 if digits > 2 else 0


def same_figure(a: tuple[int | None, int | None, str], b: tuple[int | None, int | None, str]) -> bool:
    """Whether two (low, high, qualifier) bounds report the same figure.

    The same bounds always do, whatever the qualifier ("rund 12.000" and "12.000"). Else one
    must state the other more precisely: the intervals nest and share a stated bound
    ("bis zu 30.000" ⊇ "25.000 bis 30.000" ⊇ "30.000"; "mehr als 15.000" ⊇ "etwa 15.000"), or a
    rounded figure covers an exact one ("rund 4.700" and "4.680"). "mindestens 30.000" and
    "bis zu 30.000" contradict each other; "Tausende" only matches "Tausende".
    """
    (alo, ahi, aq), (blo, bhi, bq) = a, b
    if (alo, ahi) == (blo, bhi):
        return aq != "vague" and bq != "vague" or aq == bq
    if "vague" in (aq, bq):
        return False
    shares = (alo is not None and alo == blo) or (ahi is not None and ahi == bhi)
    if shares and (_contains(a, b) or _contains(b, a)):
        return True
    for x, y in ((a, b), (b, a)):
        if x[2] == "approx" and x[0] is not None and x[0] == x[1] and y[2] == "exact" and y[0] is not None:
            return abs(x[0] - y[0]) <= _rounding(x[0])
    return False


def _contains(outer: tuple[int | None, int | None, str], inner: tuple[int | None, int | None, str]) -> bool:
    olo, ohi, _ = outer
    ilo, ihi, _ = inner
    low_ok = olo is None or (ilo is not None and ilo >= olo)
    high_ok = ohi is None or (ihi is not None and ihi <= ohi)
    return low_ok and high_ok


# --------------------------------------------------------------------------- grouping
@dataclass
class _Claim:
    first: Figure
    family: str
    country: str | None
    members: list[Figure] = field(default_factory=list)
    bounds: set[tuple[int | None, int | None, str]] = field(default_factory=set)
    last: dt.date | None = None

    def add(self, fig: Figure) -> None:
        self.members.append(fig)
        self.bounds.add(fig.bounds)
        if fig.published is not None and (self.last is None or fig.published > self.last):
            self.last = fig.published

    def accepts(self, fig: Figure) -> bool:
        return all(same_figure(b, fig.bounds) for b in self.bounds)

    @property
    def claim_id(self) -> str:
        f = self.first
        key = f"claim|{self.country or ''}|{self.family}|{f.low}|{f.high}|{f.figure_id}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _order(fig: Figure) -> tuple:
    return (fig.published is None, fig.published or dt.date.min, fig.doc_id, fig.start, fig.figure_id)


def group(figures: Iterable[Figure], window: int = DEFAULT_WINDOW_DAYS) -> list[_Claim]:
    """Group figures into claims (deterministic: the input order does not matter).

    Dated figures are taken in publication order; each joins the claim of the same country
    and status family whose bounds it matches and whose latest report is at most ``window``
    days older, else starts a new one. A figure without a date joins the one matching claim
    of its kind when there is exactly one, else the claim of undated figures like it.

    Figures whose country or status is unknown (null country, status ``other``: a headline
    such as "Mehr als 15.000 Soldaten nach Russland geschickt") are placed afterwards: each
    joins the one claim of any country or status family that it matches in bounds and that has a
    report within ``LOOSE_WINDOW_DAYS`` of it, when there is exactly one; the rest are grouped
    among themselves as above.
    """
    if window < 0:
        raise ValueError(f"window must be at least 0 days, not {window}")
    families = status_families()
    known, loose = [], []
    for fig in sorted(figures, key=_order):
        (loose if fig.country is None or families.get(fig.status) == "other" else known).append(fig)
    claims: list[_Claim] = []
    by_kind: dict[tuple[str | None, str], list[_Claim]] = {}
    for fig in known:
        _place(fig, families.get(fig.status, fig.status), claims, by_kind, window)
    settled = list(claims)
    rest = []
    for fig in loose:
        family = families.get(fig.status, fig.status)
        fits = [
            c for c in settled
            if (fig.country is None or c.country == fig.country)
            and (family == "other" or c.family == family)
            and c.accepts(fig) and _near(c, fig, min(window, LOOSE_WINDOW_DAYS))
        ]  # fmt: skip
        if len(fits) == 1:
            fits[0].add(fig)
        else:
            rest.append(fig)
    for fig in rest:
        _place(fig, families.get(fig.status, fig.status), claims, by_kind, window)
    return claims


def _near(claim: _Claim, fig: Figure, window: int) -> bool:
    """Whether ``fig`` was published within ``window`` days of the claim's reports (undated: always)."""
    dates = [f.published for f in claim.members if f.published is not None]
    if fig.published is None or not dates:
        return True
    return (min(dates) - fig.published).days <= window and (fig.published - max(dates)).days <= window


def _place(
    fig: Figure, family: str, claims: list[_Claim], by_kind: dict[tuple[str | None, str], list[_Claim]], window: int
) -> None:
    kind = (fig.country, family)
    candidates = [c for c in by_kind.get(kind, []) if c.accepts(fig)]
    if fig.published is not None:
        candidates = [c for c in candidates if c.last is not None and (fig.published - c.last).days <= window]
    else:
        dated = [c for c in candidates if c.last is not None]
        candidates = dated if len(dated) == 1 else [c for c in candidates if c.last is None]
    if candidates:  # the most recent, then the largest, then the oldest claim
        best = min(candidates, key=lambda c: (-(c.last or dt.date.min).toordinal(), -len(c.members), _order(c.first)))
    else:
        best = _Claim(fig, family, fig.country)
        claims.append(best)
        by_kind.setdefault(kind, []).append(best)
    best.add(fig)


def claim_rows(claims: Sequence[_Claim]) -> tuple[list[dict], list[dict]]:
    """Rows of the ``claims`` and ``figure_claims`` tables, sorted by claim id and figure id."""
    rows, members = [], []
    for claim in claims:
        figs = sorted(claim.members, key=_order)
        shown = _shown(figs)
        dates = [f.published for f in figs if f.published is not None]
        doc_ids = list(dict.fromkeys(f.doc_id for f in figs))
        cid = claim.claim_id
        statuses = Counter(f.status for f in figs)
        first = figs[0]
        rows.append(
            {
                "claim_id": cid, "country": claim.country,
                "status": min(statuses, key=lambda s: (-statuses[s], s)),
                "low": shown.low, "high": shown.high, "qualifier": shown.qualifier, "text": shown.text,
                "first_published": min(dates) if dates else None, "last_published": max(dates) if dates else None,
                "n_documents": len(doc_ids), "n_figures": len(figs),
                "attributions": sorted({f.source for f in figs if f.source}), "doc_ids": doc_ids,
                "doc_id": first.doc_id, "sent_idx": first.sent_idx, "start": first.start, "end": first.end,
            }
        )  # fmt: skip
        members.extend(
            {"figure_id": f.figure_id, "claim_id": cid, "doc_id": f.doc_id, "sent_idx": f.sent_idx,
             "start": f.start, "end": f.end, "text": f.text, "source": f.source}
            for f in figs
        )  # fmt: skip
    rows.sort(key=lambda r: r["claim_id"])
    members.sort(key=lambda r: (r["figure_id"], r["claim_id"]))
    return rows, members


def _shown(figs: Sequence[Figure]) -> Figure:
    """The figure whose bounds the claim shows: the most common form, then the most precise, then the first."""
    counts = Counter(f.bounds for f in figs)
    best = min(counts, key=lambda b: (-counts[b], PRECISION.get(b[2], 9), figs.index(next(f for f in figs if f.bounds == b))))
    return next(f for f in figs if f.bounds == best)


# --------------------------------------------------------------------------- from the tables
def figures_from_tables(troops: pa.Table, documents: pa.Table, entities: pa.Table | None = None) -> list[Figure]:
    """Figures of a ``troop_figures`` table with their article's date and normalised source.

    ``documents`` needs ``doc_id`` and ``published_date``; ``entities`` (``doc_id``,
    ``sent_idx``, ``text``, ``label``, ``norm``) lets a named person or organisation source
    take its canonical name.
    """
    published = dict(zip(documents["doc_id"].to_pylist(), documents["published_date"].to_pylist(), strict=True))
    names: dict[tuple[str, int], dict[str, str]] = {}
    if entities is not None and entities.num_rows:
        for row in entities.select(["doc_id", "sent_idx", "text", "label", "norm"]).to_pylist():
            if row["label"] in ("PER", "ORG") and row["norm"]:
                names.setdefault((row["doc_id"], row["sent_idx"]), {})[row["text"]] = row["norm"]
    out = []
    for r in troops.to_pylist():
        source = normalise_source(r["attribution"], names.get((r["doc_id"], r["sent_idx"])))
        out.append(
            Figure(r["figure_id"], r["doc_id"], r["sent_idx"], r["start"], r["end"], r["text"], r["low"],
                   r["high"], r["qualifier"], r["country"], r["status"], published.get(r["doc_id"]), source)
        )  # fmt: skip
    return out


def build(
    troops: pa.Table, documents: pa.Table, entities: pa.Table | None = None, window: int = DEFAULT_WINDOW_DAYS
) -> dict[str, pa.Table]:
    """The ``claims`` and ``figure_claims`` tables of a folder's troop figures."""
    rows, members = claim_rows(group(figures_from_tables(troops, documents, entities), window))
    return {"claims": to_arrow("claims", rows), "figure_claims": to_arrow("figure_claims", members)}


def _read(store: Store, manifest: Manifest, table: str, columns: Sequence[str]) -> pa.Table:
    parts = []
    for part in manifest.tables.get(table, []):
        for folder in (store.out / table, store.staging / table):
            path = folder / f"{part}.parquet"
            if path.exists():
                parts.append(pq.read_table(path, columns=list(columns), schema=SCHEMAS[table]))
                break
    schema = pa.schema([SCHEMAS[table].field(c) for c in columns])
    return pa.concat_tables(parts) if parts else schema.empty_table()


def update(store: Store, manifest: Manifest, window: int = DEFAULT_WINDOW_DAYS) -> None:
    """Rebuild the claim tables into staging and point ``manifest`` at them (the caller commits).

    The part is named by a hash of its rows, so a rerun with nothing changed finds it live and
    stages nothing, the same folder gives the same part on every machine, and any change of an
    article that changes a claim gives a new part.
    """
    troops = _read(store, manifest, "troop_figures", SCHEMAS["troop_figures"].names)
    documents = _read(store, manifest, "documents", ["doc_id", "published_date"])
    entities = _read(store, manifest, "entities", ["doc_id", "sent_idx", "text", "label", "norm"])
    tables = build(troops, documents, entities, window)
    digest = hashlib.sha1(f"claims v{CLAIMS_VERSION}".encode())
    for table in CLAIM_TABLES:
        digest.update(json.dumps(tables[table].to_pylist(), default=str, ensure_ascii=False).encode("utf-8"))
    part = "part-claims-" + digest.hexdigest()[:16]
    if tables["claims"].num_rows == 0:  # no troop figures: no claims
        for table in CLAIM_TABLES:
            manifest.tables[table] = []
        return
    if all(manifest.tables.get(t) == [part] for t in CLAIM_TABLES):
        return
    store.stage(part, tables)
    for table in CLAIM_TABLES:
        manifest.tables[table] = [part]
