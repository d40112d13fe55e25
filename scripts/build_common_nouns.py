"""Build pipeline/resources/common_nouns.txt.gz: capitalised German words used as common nouns.

A NER model sometimes tags a common noun as a person or place ("Luftangriffen",
"Pfefferspray", "Stellungnahme"). Such words are recognisable in running text: they follow
a determiner or an inflected adjective ("den Luftangriffen", "russischen Luftangriffen")
or a number ("300.000 Reservisten") most of the time, which names almost never do ("dass Putin", "mit Merz", "in Berlin").

Source: the German Bundestag plenary protocols 2017–2026 and the federal laws (amtliche
Werke, public domain) in ../shared/corpora/unlabeled-de. A word is kept when it occurs at
least MIN_COUNT times and at least NOUN_SHARE of its occurrences follow a determiner or an
adjective ending in -e/-en/-er/-es/-em. Run: ``python scripts/build_common_nouns.py``.
"""

from __future__ import annotations

import gzip
import lzma
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "unlabeled-de"
FILES = ("bundestag-plenar-wp19-21.txt.xz", "gesetze-2022.txt.xz")
OUT = ROOT / "pipeline" / "resources" / "common_nouns.txt.gz"
NAMES_OUT = ROOT / "pipeline" / "resources" / "names_ending_s.txt"
SPEAKERS = "bundestag-speakers-wp19-21.tsv"
# Well-known names ending in -s that are not genitives (added to the speakers' names).
EXTRA_NAMES_S = (
    "Mats",
    "Sanders",
    "Hummels",
    "Gosens",
    "Williams",
    "Jones",
    "Adams",
    "Roberts",
    "Evans",
    "Peters",
    "Jacobs",
    "Timmermans",
    "Reynders",
    "Michels",
    "Rubens",
    "Harris",
    "Lewis",
    "Davis",
    "Morris",
    "Ross",
    "James",
    "Charles",
    "Jens",
)
# Common nouns the corpus mostly writes without a determiner, so the count misses them: the
# virus and its pandemic ("wegen Corona", "die Corona-Krise"), and the article of a law or
# treaty ("nach Artikel 5", "Artikel 24 des Grundgesetzes").
EXTRA_NOUNS = ("Corona", "Artikel")
MIN_COUNT = 5
NOUN_SHARE = 0.3
DETERMINERS = frozenset(
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner "
    "keines dieser diese diesen diesem dieses jeder jede jeden jedem jedes alle allen aller "
    "mehrere mehreren viele vielen wenige wenigen unser unsere unseren unserem unserer ihr ihre "
    "ihren ihrem ihrer sein seine seinen seinem seiner zum zur im vom beim ins am".split()
)
ADJECTIVE = re.compile(r"^[a-zäöüß]{3,}(?:e|en|er|es|em)$")
# Hyphenated compounds stay one token, so "des Goethe-Instituts" does not count "Goethe".
TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß]+(?:-[A-Za-zÄÖÜäöüß]+)*|\d+")


def unique_lines(path: Path) -> Iterator[str]:
    """The lines of an xz-compressed text, each distinct line once (the protocols repeat
    chairing formulas); also used by ``build_lowercase_words.py``."""
    seen: set[int] = set()
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            h = hash(line)
            if h not in seen:
                seen.add(h)
                yield line


def count(paths: list[Path]) -> tuple[Counter[str], Counter[str]]:
    total: Counter[str] = Counter()
    as_noun: Counter[str] = Counter()
    for path in paths:
        for line in unique_lines(path):
            prev = ""
            for tok in TOKEN.findall(line):
                if tok[0].isupper() and len(tok) > 2 and not tok.isupper():
                    total[tok] += 1
                    if prev in DETERMINERS or prev.isdigit() or ADJECTIVE.match(prev):
                        as_noun[tok] += 1
                prev = tok
    return total, as_noun


def main() -> int:
    paths = [CORPUS / f for f in FILES if (CORPUS / f).exists()]
    if not paths:
        print(f"corpus not found under {CORPUS}", file=sys.stderr)
        return 1
    total, as_noun = count(paths)
    nouns = sorted({w for w, n in total.items() if n >= MIN_COUNT and as_noun[w] / n >= NOUN_SHARE} | set(EXTRA_NOUNS))
    header = "# capitalised German common nouns; built by scripts/build_common_nouns.py\n"
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:
        fh.write((header + "\n".join(nouns) + "\n").encode("utf-8"))
    print(f"wrote {OUT.relative_to(ROOT)}: {len(nouns)} nouns from {sum(total.values())} tokens")
    write_names_ending_s(CORPUS / SPEAKERS)
    return 0


def write_names_ending_s(speakers: Path) -> None:
    """Given names and surnames ending in -s (not a genitive): Bundestag speakers + a few."""
    names: set[str] = set(EXTRA_NAMES_S)
    if speakers.exists():
        for line in speakers.read_text(encoding="utf-8").splitlines():
            for field in line.split("\t")[:2]:
                for part in re.split(r"[\s-]+", field):
                    if len(part) > 2 and part[0].isupper() and part.endswith("s"):
                        names.add(part)
    header = (
        "# Names ending in -s that are nominative, not genitive (Lars, Jens, Behrens);\n"
        "# built by scripts/build_common_nouns.py from the Bundestag speakers list\n"
    )
    NAMES_OUT.write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"wrote {NAMES_OUT.relative_to(ROOT)}: {len(names)} names")


if __name__ == "__main__":
    raise SystemExit(main())
