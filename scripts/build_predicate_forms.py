"""Build pipeline/resources/predicate_forms.tsv.gz: inflected forms of the troop rules' verbs and nouns.

The troop rules read predicates by lemma (``troop_predicates.tsv``, the ``speech_lemma`` cues
of ``troop_cues.tsv``, ``clause_aspect_verbs.txt``). Where the tagger's lemma is no known
predicate ("hielen" for "hielten"), the rules look the word form up here instead: every form
that simplemma's German dictionary (MIT licence, https://github.com/adbar/simplemma) maps to
one of those lemmas, or to the base verb of a separable one ("hielten" → halten, for "sich …
aufhalten"; "zogen" → ziehen, for "abziehen"), plus the few forms it lacks
(``predicate_forms_extra.tsv``: participles of separable verbs such as "aufgeboten"). A few thousand rows instead of simplemma's
1.1 million, so nothing large is loaded at run time.

Run after changing one of those tables: ``python scripts/build_predicate_forms.py``
(needs ``pip install simplemma``; the output is deterministic).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.clauses import predicate_lemmas  # noqa: E402
from pipeline.resources import read_tsv  # noqa: E402

OUT = ROOT / "pipeline" / "resources" / "predicate_forms.tsv.gz"
EXTRA = "predicate_forms_extra.tsv"  # hand-checked forms simplemma's dictionary lacks


def build() -> list[tuple[str, str]]:
    """(form, lemma) rows, sorted, for every dictionary form of a wanted lemma."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    wanted = predicate_lemmas()
    dictionary = DefaultDictionaryFactory().get_dictionary("de")
    rows = set()
    for form, lemma in dictionary.items():
        low = lemma.lower()
        if low in wanted and form.lower() != low:
            rows.add((form.lower(), low))
    # participles of separable verbs the dictionary lacks ("aufgeboten" → aufbieten)
    for row in read_tsv(EXTRA):
        if row["lemma"] in wanted:
            rows.add((row["form"], row["lemma"]))
    return sorted(rows)


def main() -> None:
    rows = build()
    text = "form\tlemma\n" + "".join(f"{f}\t{lm}\n" for f, lm in rows)
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(f"{len(rows)} forms of {len({lm for _, lm in rows})} lemmas -> {OUT}")


if __name__ == "__main__":
    main()
