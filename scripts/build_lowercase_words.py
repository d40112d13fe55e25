"""Build pipeline/resources/lowercase_words.txt.gz: German words written in lower case.

At a sentence start German capitalises every word, so the NER model sometimes takes an
adverb, adjective or verb there for a name ("Lange wollte der Präsident …", "Seine Wut
…"). This table lists words that running text writes in lower case: seen in lower case at
least MIN_LOWER times and capitalised in mid-sentence (as a name or noun would be) at most
MAX_UPPER_SHARE of the time. People and places use it for one-word spans at a sentence start.

Source: the German Bundestag plenary protocols 2017–2026 in ../shared/corpora/unlabeled-de
(amtliche Werke, public domain). Run: ``python scripts/build_lowercase_words.py``.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_common_nouns import unique_lines  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "unlabeled-de" / "bundestag-plenar-wp19-21.txt.xz"
OUT = ROOT / "pipeline" / "resources" / "lowercase_words.txt.gz"
MIN_LOWER = 20
MAX_UPPER_SHARE = 0.05
MIN_LENGTH = 3
TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß]+(?:-[A-Za-zÄÖÜäöüß]+)*|[.!?:;\"„“»«()]")
SENTENCE_END = frozenset('.!?:;"„“»«()')


def count(path: Path) -> tuple[Counter[str], Counter[str]]:
    """Lower-case occurrences and mid-sentence capitalised occurrences, by lower-case form."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for line in unique_lines(path):
        prev = "."
        for tok in TOKEN.findall(line):
            if tok in SENTENCE_END:
                prev = tok
                continue
            if tok[0].islower():
                lower[tok] += 1
            elif prev not in SENTENCE_END and not tok.isupper():
                upper[tok.lower()] += 1
            prev = tok
    return lower, upper


def main() -> int:
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 1
    lower, upper = count(CORPUS)
    words = sorted(
        w
        for w, n in lower.items()
        if n >= MIN_LOWER and len(w) >= MIN_LENGTH and upper[w] <= MAX_UPPER_SHARE * (n + upper[w])
    )
    header = "# German words written in lower case in running text; built by scripts/build_lowercase_words.py\n"
    with open(OUT, "wb") as out, gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as fh:
        fh.write((header + "\n".join(words) + "\n").encode("utf-8"))
    print(f"wrote {OUT.relative_to(ROOT)}: {len(words)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
