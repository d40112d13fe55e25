"""Benchmark of entity normalisation: gazetteer start-up, seed normalisation time, memory added.

Run: ``python -m pipeline.bench_normalise``. The seed's mentions are the spans an NER model
finds in ``seeds/*.txt`` (fixed here, so the figure does not depend on a model).
"""

from __future__ import annotations

import re
import resource
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from pipeline.records import EntityMention

SEED_DIR = Path(__file__).resolve().parents[1] / "seeds"
SEED_SPANS = {
    "PER": ("Sergej Lawrow", "Kim Jong Un", "Kremlchef Wladimir Putin", "Wladimir Putin", "Kim",
            "Lawrow", "Putins", "Kremlchef"),
    "LOC": ("Russlands", "Russland", "Nordkoreas", "Nordkorea", "Ukraine", "Kursk", "Wonsan"),
    "ORG": ("KCNA",),
    "MISC": ("russischen", "nordkoreanische", "ukrainischen", "russische", "nordkoreanischer"),
}
REPEAT = 20


def seed_mentions(text: str) -> list[EntityMention]:
    """Every occurrence of the seed spans, longest first, without overlaps."""
    return mentions_of(text, SEED_SPANS)


def mentions_of(text: str, spans_by_label: Mapping[str, Sequence[str]]) -> list[EntityMention]:
    """Mentions for every whole-word occurrence of each span under its label, longest first,
    without overlaps, in text order (the NER output a normalisation run or test stands on)."""
    taken: list[tuple[int, int]] = []
    out: list[EntityMention] = []
    spans = sorted(((s, lab) for lab, ss in spans_by_label.items() for s in ss), key=lambda x: -len(x[0]))
    for span, label in spans:
        for m in re.finditer(rf"(?<!\w){re.escape(span)}(?!\w)", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(EntityMention(0, m.start(), m.end(), m.group(), label))
    return sorted(out, key=lambda e: e.start)


def _rss_mib() -> float:
    """Current resident set size in MiB (Linux /proc; peak RSS elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / 2**20
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm_up() -> None:
    """Load every lazily loaded table once, so the seed timing is per-document work only."""
    from pipeline.normalise.names import is_common_noun, names_ending_s
    from pipeline.normalise.orgs import find_known_organisations
    from pipeline.normalise.people import given_name, is_role, org_descriptor
    from pipeline.normalise.places import find_known_places, resolve_places

    is_common_noun("Soldaten")
    names_ending_s()
    is_role("Kremlchef")
    given_name("Anna")  # the NER lexicon (loaded with the model in a real run)
    org_descriptor("Konzern")  # also the table of descriptors orgs.py reads
    find_known_organisations("Nato")
    find_known_places("Russland")
    text = "Seine Reise führte in den Ort Ostland."
    resolve_places(text, [EntityMention(0, 29, 36, "Ostland", "LOC")])  # place and word tables


def main() -> None:
    from pipeline.normalise.demonyms import country_for_word
    from pipeline.normalise.names import load_aliases
    from pipeline.normalise.orgs import resolve_organisations
    from pipeline.normalise.people import resolve_people
    from pipeline.normalise.places import gazetteer, resolve_misc, resolve_places

    gazetteer.cache_clear()  # the pipeline package may have loaded it on import
    base = _rss_mib()
    t1 = time.perf_counter()
    gaz = gazetteer()
    t2 = time.perf_counter()
    aliases = load_aliases()
    country_for_word("russische")
    warm_up()
    t3 = time.perf_counter()
    loaded = _rss_mib()

    text = next(iter(sorted(SEED_DIR.glob("*.txt")))).read_text(encoding="utf-8")
    mentions = seed_mentions(text)
    by = {lab: [m for m in mentions if m.label == lab] for lab in SEED_SPANS}

    def run() -> tuple:
        return (
            resolve_people(text, by["PER"], aliases),
            resolve_places(text, by["LOC"]),
            resolve_organisations(text, by["ORG"], aliases),
            resolve_misc(by["MISC"]),
        )

    first_t = time.perf_counter()
    people, places, orgs, _ = run()
    first = time.perf_counter() - first_t
    times = []
    for _ in range(REPEAT):
        s = time.perf_counter()
        run()
        times.append(time.perf_counter() - s)
    times.sort()

    print(f"gazetteer start-up:      {1000 * (t2 - t1):7.1f} ms ({len(gaz)} places; target < 1000 ms)")
    print(f"other tables (aliases, demonyms, roles, nouns): {1000 * (t3 - t2):7.1f} ms")
    print(f"memory added (RSS, gazetteer + all tables):    {loaded - base:7.1f} MiB")
    print(f"seed: {len(mentions)} mentions → {len(people.referents)} people, "
          f"{len(places.referents)} places, {len(orgs.referents)} organisations")
    print(f"normalise seed, first call after start-up: {1000 * first:6.2f} ms (target < 50 ms)")
    print(f"normalise seed, median of {REPEAT}:           {1000 * times[len(times) // 2]:6.2f} ms")
    for p in people.referents:
        print(f"  person {p.person_id} {p.name!r} roles={list(p.roles)} mentions={p.mentions}")
    for p in places.referents:
        print(f"  place  {p.place_id} {p.name!r} {p.country} {p.kind} ({p.lat}, {p.lon}) "
              f"geonames={p.geonames_id} mentions={p.mentions}")
    for o in orgs.referents:
        print(f"  org    {o.org_id} {o.name!r} mentions={o.mentions}")


if __name__ == "__main__":
    main()
