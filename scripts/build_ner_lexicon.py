"""Build pipeline/resources/ner_lexicon.tsv.gz: token → lexicon classes, a feature of the NER model.

German capitalises every noun, so capitalisation says little about names; the model learns
the rest from 24,000 training sentences, where most names occur once or never. This table
tells it, for any token, what the lists know: a given name, a surname, a place, a country
or demonym form, a common noun, an organisation word. The NER model embeds these classes
(``pipeline.ner_features``); the model still decides (Paris the city, Paris Hilton …).

Sources (licences in pipeline/resources/LICENSES.md):
- given names and surnames: the ``faker`` package's person providers (MIT) for Latin-script
  locales, Cyrillic locales transliterated the German way (Владимир → Wladimir); the
  Bundestag speakers list (``../shared/corpora/unlabeled-de``, official records);
- places: ``gazetteer.tsv.gz`` (GeoNames, CLDR); countries and demonyms: ``demonyms.tsv`` + CLDR;
- common nouns: ``common_nouns.txt.gz``; organisation words: ``org_suffixes.txt``.
Run after changing a source (needs ``pip install faker``): ``python scripts/build_ner_lexicon.py``;
the shipped NER model was trained with this table, so retrain it afterwards (``lagebild train``).
"""

from __future__ import annotations

import csv
import gzip
import importlib
import pkgutil
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ner_features import LEXICON, LexiconClass  # noqa: E402
from pipeline.normalise.demonyms import country_words  # noqa: E402
from pipeline.normalise.names import common_nouns  # noqa: E402
from pipeline.resources import read_lines, read_tsv  # noqa: E402

SPEAKERS = ROOT.parent / "shared" / "corpora" / "unlabeled-de" / "bundestag-speakers-wp19-21.tsv"
RESOURCES = ROOT / "pipeline" / "resources"
OUT = RESOURCES / LEXICON

# German (Duden) transliteration of Russian/Ukrainian/Bulgarian Cyrillic.
CYRILLIC = {
    "а": "a", "б": "b", "в": "w", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "je", "ё": "jo",
    "ж": "sch", "з": "s", "и": "i", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch",
    "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "ju", "я": "ja",
}
CYRILLIC_LOCALES = {"ru_RU", "uk_UA", "bg_BG"}
NAME_ATTRS = {
    LexiconClass.GIVEN: ("first_names", "first_names_male", "first_names_female"),
    LexiconClass.SURNAME: ("last_names", "last_names_male", "last_names_female"),
}


def transliterate(name: str) -> str:
    out = "".join(CYRILLIC.get(ch.lower(), ch.lower()) if ch.isalpha() else ch for ch in name)
    return out[:1].upper() + out[1:]


def _is_latin(word: str) -> bool:
    return all(ch.isascii() or "À" <= ch <= "ɏ" for ch in word)


def _name_tokens(value: object) -> list[str]:
    if isinstance(value, dict):
        names = value.keys()
    elif isinstance(value, (list, tuple)):
        names = value
    else:  # a property or method of the provider, not a table
        return []
    return [tok for name in names for tok in str(name).replace("-", " ").split()]


def faker_names() -> dict[str, int]:
    """Given names and surnames from faker's person providers → class bits."""
    import faker.providers.person as person

    out: dict[str, int] = defaultdict(int)
    for info in pkgutil.iter_modules(person.__path__):
        locale = info.name
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for bit, attrs in NAME_ATTRS.items():
            for attr in attrs:
                for tok in _name_tokens(getattr(provider, attr, ())):
                    if locale in CYRILLIC_LOCALES:
                        tok = transliterate(tok)
                    if len(tok) > 1 and tok[0].isupper() and _is_latin(tok):
                        out[tok] |= bit
    return out


def speaker_names() -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    if not SPEAKERS.exists():
        raise SystemExit(f"missing {SPEAKERS}")
    with open(SPEAKERS, encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) < 2:
                continue
            for tok in row[0].replace("-", " ").split():
                out[tok] |= LexiconClass.GIVEN
            for tok in row[1].replace("-", " ").split():
                if tok[:1].isupper():
                    out[tok] |= LexiconClass.SURNAME
    return out


def place_names() -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for row in read_tsv("gazetteer.tsv.gz"):
        bit = LexiconClass.COUNTRY if row["kind"] == "country" else LexiconClass.PLACE
        for name in [row["name"], *filter(None, row["names"].split("|"))]:
            toks = name.replace("-", " ").split()
            if len(toks) == 1:
                out[toks[0]] |= bit
            else:
                for tok in toks:
                    if tok[:1].isupper():
                        out[tok] |= LexiconClass.PLACE_PART
    return out


def build() -> dict[str, int]:
    table: dict[str, int] = defaultdict(int)
    for part in (faker_names(), speaker_names(), place_names()):
        for tok, bits in part.items():
            table[tok] |= bits
    for form in country_words():
        table[form[:1].upper() + form[1:]] |= LexiconClass.COUNTRY
        table[form] |= LexiconClass.COUNTRY
    for noun in common_nouns():
        table[noun] |= LexiconClass.COMMON_NOUN
    for word in read_lines("org_suffixes.txt"):
        table[word] |= LexiconClass.ORG_WORD
    return {tok: bits for tok, bits in table.items() if bits and tok.strip() and "\t" not in tok}


def main() -> None:
    table = build()
    lines = ["# token<TAB>class bits (pipeline.ner_features.LexiconClass); built by scripts/build_ner_lexicon.py"]
    lines += [f"{tok}\t{bits}" for tok, bits in sorted(table.items())]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(OUT, "wb") as out, gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as handle:
        handle.write(data)
    counts = {cls.name: sum(1 for b in table.values() if b & cls) for cls in LexiconClass}
    print(f"{OUT}: {len(table):,} tokens, {OUT.stat().st_size / 1e6:.2f} MB; {counts}")


if __name__ == "__main__":
    main()
