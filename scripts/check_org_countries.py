"""Check that no org_id of a state body spans two countries (issue 17).

Each DIR is either a Lagebild tables folder (it has ``organisations/``) or a folder of
articles, which is run through the pipeline into a temporary folder first. All
``organisations`` rows of all DIRs are pooled; every ``org_id`` whose rows carry more than
one country is printed (with its names, kinds and the countries with their row counts).
State bodies (kind government or military) and parties are the check; other kinds are
listed too, marked, since a company or a newspaper has one country as well. Exit status 1
when a state body or party spans two countries.

    python scripts/check_org_countries.py ../shared/articles/dev ../shared/articles/dev-b
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.normalise.org_country import CONTEXT_KINDS  # noqa: E402
from pipeline.read import load  # noqa: E402
from pipeline.runner import run  # noqa: E402


def organisation_rows(directory: Path, tmp: Path) -> list[dict]:
    """The organisations rows of a tables folder, or of a pipeline run over an articles folder."""
    if (directory / "organisations").is_dir():
        tables = directory
    else:
        tables = tmp / directory.name
        run([str(directory)], tables, progress=False)
    frame = load(tables, tables=["organisations"])["organisations"]
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def spanning(rows: list[dict]) -> dict[str, tuple[Counter, set[str], set[str]]]:
    """org_id → (countries with row counts, names, kinds) for the ids with two or more countries."""
    countries: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        countries[row["org_id"]][row["country"] or "null"] += 1
        names[row["org_id"]].add(row["name"])
        kinds[row["org_id"]].add(row["kind"])
    return {
        org_id: (counts, names[org_id], kinds[org_id])
        for org_id, counts in countries.items()
        if len([c for c in counts if c != "null"]) > 1
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path, help="tables folders or article folders")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lagebild-orgcheck-") as tmp:
        rows = [row for d in args.dirs for row in organisation_rows(d, Path(tmp))]
    state = [r for r in rows if r["kind"] in CONTEXT_KINDS]
    found = spanning(rows)
    print(
        f"{len(rows)} organisation rows, {len({r['org_id'] for r in rows})} org_ids; "
        f"state bodies and parties: {len(state)} rows, {len({r['org_id'] for r in state})} org_ids, "
        f"{len({r['org_id'] for r in state if r['country']})} with a country"
    )
    bad = 0
    for org_id, (counts, names, kinds) in sorted(found.items()):
        is_state = bool(kinds & CONTEXT_KINDS)
        bad += is_state
        mark = "STATE BODY" if is_state else "other kind"
        spread = ", ".join(f"{c} ×{n}" for c, n in counts.most_common())
        print(f"{mark}  {org_id}  {' / '.join(sorted(names))}  [{', '.join(sorted(kinds))}]  {spread}")
    print(f"org_ids of state bodies or parties with more than one country: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
