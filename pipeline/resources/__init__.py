"""Data tables shipped with the package (word lists, TSV tables), read once and cached."""

from __future__ import annotations

import csv
import gzip
import io
from functools import cache
from importlib import resources


class ResourceError(RuntimeError):
    """A shipped data table is missing or malformed."""


def read_text(name: str) -> str:
    """Return the text of resource ``name`` (relative to this package; a ``.gz`` name is
    decompressed); raise if missing."""
    try:
        raw = resources.files(__package__).joinpath(name).read_bytes()
    except (FileNotFoundError, IsADirectoryError) as exc:
        raise ResourceError(f"missing resource table: {name}") from exc
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8")


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a word list, ``#`` comments removed, order kept, duplicates rejected."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in read_text(name).splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line in seen:
            raise ResourceError(f"{name}: duplicate entry {line!r}")
        seen.add(line)
        out.append(line)
    if not out:
        raise ResourceError(f"{name}: empty table")
    return tuple(out)


@cache
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated table with a header line; ``#`` lines are comments."""
    lines = [ln for ln in read_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)
    if not rows:
        raise ResourceError(f"{name}: empty table")
    return rows
