"""Measure the people / places / organisations resolvers on the gold dev articles.

Mentions come from Lagebild's NER model at pipeline/models/de_lagebild when it exists (after
``fix_gender_forms``), else — or with ``--mentions oracle`` — from the gold annotations
themselves: every occurrence of a gold name or ``also`` form in the text (also with a genitive
-s/-es/' attached, and PER spans widened over a role word just before them, as NER models
often do). Oracle figures measure normalisation alone, not recognition.

Scores: a predicted referent matches a gold entry when its canonical name equals the gold
``name`` or one of its ``also`` forms (case-insensitive); precision/recall/F1 are micro-averaged
over documents, and for places the country accuracy is computed over matched places.

    python scripts/dev_entities_eval.py [DEV_DIR] [--mentions auto|model|oracle] [--no-known] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ingest import split_date_header  # noqa: E402
from pipeline.normalise.orgs import (  # noqa: E402
    find_known_organisations,
    relabel_mentions,
    resolve_organisations,
)
from pipeline.normalise.people import is_role, resolve_people  # noqa: E402
from pipeline.normalise.places import find_known_places, resolve_places  # noqa: E402
from pipeline.records import EntityMention  # noqa: E402

DEV = Path("/work/shared/articles/dev")
MODEL = ROOT / "pipeline" / "models" / "de_lagebild"
GOLD_KEYS = {"PER": "people", "LOC": "places", "ORG": "organisations"}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    country_ok: int = 0
    country_n: int = 0
    misses: list[str] = field(default_factory=list)

    def f1(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read_text(path: Path) -> str:
    """Article text as the pipeline sees it (without the ' date …' header line)."""
    text = path.read_text(encoding="utf-8")
    return split_date_header(text)[1]


def oracle_mentions(text: str, gold: dict) -> list[EntityMention]:
    """Gold-derived spans: occurrences of gold forms, longest first, non-overlapping."""
    forms: list[tuple[str, str]] = []
    for label, key in GOLD_KEYS.items():
        for entry in gold.get(key, []):
            for form in [entry["name"], *entry.get("also", [])]:
                forms.append((form, label))
    forms.sort(key=lambda f: -len(f[0]))
    taken = [False] * len(text)
    found: list[EntityMention] = []
    for form, label in forms:
        pattern = rf"(?<![\w-]){re.escape(form)}(?:s|es|'|’)?(?![\w])"
        for m in re.finditer(pattern, text):
            if any(taken[m.start() : m.end()]):
                continue
            start = m.start()
            if label == "PER":  # NER models often swallow a role word before a name
                before = re.search(r"([\w-]+)\s+$", text[:start])
                if before and is_role(before.group(1)):
                    start = before.start(1)
            for i in range(start, m.end()):
                taken[i] = True
            found.append(EntityMention(0, start, m.end(), text[start : m.end()], label))
    return sorted(found, key=lambda e: e.start)


def model_mentions(nlp, text: str) -> list[EntityMention]:
    doc = nlp(text)
    out = []
    for ent in doc.ents:
        label = {"PERSON": "PER", "GPE": "LOC", "OTH": "MISC"}.get(ent.label_, ent.label_)
        if label in {"PER", "LOC", "ORG", "MISC"}:
            out.append(EntityMention(0, ent.start_char, ent.end_char, ent.text, label))
    return out


def score(pred: Iterable[tuple[str, str | None]], gold: list[dict], s: Score, doc: str, kind: str) -> None:
    """Greedy one-to-one matching of predicted (name, country) against gold entries."""
    remaining = list(gold)
    for name, country in pred:
        low = name.casefold()
        hit = next(
            (g for g in remaining if low in {f.casefold() for f in [g["name"], *g.get("also", [])]}), None
        )
        if hit is None:
            s.fp += 1
            s.misses.append(f"{doc} {kind} FP  {name!r} ({country})")
            continue
        remaining.remove(hit)
        s.tp += 1
        if "country" in hit:
            s.country_n += 1
            if (hit["country"] or None) == (country or None):
                s.country_ok += 1
            else:
                s.misses.append(f"{doc} {kind} COUNTRY {name!r}: {country} vs {hit['country']}")
    for g in remaining:
        s.fn += 1
        s.misses.append(f"{doc} {kind} FN  {g['name']!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dev", nargs="?", type=Path, default=DEV)
    ap.add_argument("--mentions", choices=["auto", "model", "oracle"], default="auto")
    ap.add_argument("--no-relabel", action="store_true", help="keep the NER labels as they are")
    ap.add_argument("--quiet", action="store_true", help="figures only, no misses")
    ap.add_argument(
        "--no-known",
        dest="known",
        action="store_false",
        help="do not add ORG/LOC mentions for known names the model missed "
        "(the pipeline adds them: find_known_organisations, find_known_places)",
    )
    args = ap.parse_args(argv)

    mode = args.mentions
    nlp = None
    if mode in {"auto", "model"}:
        if (MODEL / "meta.json").exists():
            import spacy

            from pipeline.tokenizer import fix_gender_forms

            nlp = fix_gender_forms(spacy.load(MODEL))
            mode = "model"
        elif mode == "model":
            print(f"no NER model at {MODEL}; skipped", file=sys.stderr)
            return 2
        else:
            mode = "oracle"
    print(f"mentions: {mode}" + (f" ({MODEL})" if mode == "model" else " (gold-derived spans)"))

    scores = {"PER": Score(), "LOC": Score(), "ORG": Score()}
    for gold_path in sorted(args.dev.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = read_text(gold_path.with_suffix(".txt"))
        mentions = model_mentions(nlp, text) if nlp else oracle_mentions(text, gold)
        if not args.no_relabel:
            mentions = relabel_mentions(text, mentions)
        if args.known:  # as pipeline.normalise.normalise does
            found = [*find_known_organisations(text, mentions), *find_known_places(text, mentions)]
            mentions = sorted([*mentions, *found], key=lambda e: (e.start, e.end))
        by = {lab: [m for m in mentions if m.label == lab] for lab in ("PER", "LOC", "ORG")}
        doc = gold_path.stem
        people = resolve_people(text, by["PER"]).referents
        places = resolve_places(text, by["LOC"]).referents
        orgs = resolve_organisations(text, by["ORG"]).referents
        score([(p.name, None) for p in people], gold["people"], scores["PER"], doc, "PER")
        score([(p.name, p.country) for p in places], gold["places"], scores["LOC"], doc, "LOC")
        score([(o.name, None) for o in orgs], gold["organisations"], scores["ORG"], doc, "ORG")

    targets = {"PER": 0.92, "LOC": 0.92, "ORG": 0.85}
    for lab, s in scores.items():
        p, r, f = s.f1()
        line = f"{GOLD_KEYS[lab]:<14} P {p:.3f}  R {r:.3f}  F1 {f:.3f} (target ≥ {targets[lab]})"
        line += f"  tp {s.tp} fp {s.fp} fn {s.fn}"
        if lab == "LOC":
            acc = s.country_ok / s.country_n if s.country_n else 1.0
            line += f"  country acc {acc:.3f} ({s.country_ok}/{s.country_n}, target ≥ 0.95)"
        print(line)
    if not args.quiet:
        for s in scores.values():
            for miss in s.misses:
                print("  " + miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
