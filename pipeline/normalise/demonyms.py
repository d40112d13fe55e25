"""Country adjectives, demonyms and country-implying words → ISO 3166-1 alpha-2 code.

Backed by one table, ``pipeline/resources/demonyms.tsv`` (adjective stems, demonyms,
abbreviations, institutions, capitals), plus the German country names of CLDR (Babel),
so "Russlands Armee" and "russische Soldaten" both give RU. Inflected forms are generated
once at load; every lookup afterwards is a dict access.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.resources import ResourceError, read_tsv

TABLE = "demonyms.tsv"
ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
KINDS = frozenset({"adj", "noun_e", "noun_er", "noun", "prefix", "institution", "capital", "name"})
# Parts before a hyphen that negate or qualify the country ("pro-russische", "Anti-US-").
NEUTRAL_PREFIXES = frozenset({"pro", "anti", "ex", "nicht", "post", "prä", "pan"})
GENDER_TAIL = re.compile(r"[:*_·/]?(?:innen|in)$")
MIN_HEAD_REST = 3  # "Bundeswehr" + at least 3 letters ("Bundeswehrsoldaten")


def _forms(word: str, kind: str) -> tuple[str, ...]:
    """All surface forms (lower-case) one table row stands for."""
    w = word.lower()
    if kind == "adj":
        return tuple(w + e for e in ADJ_ENDINGS)
    if kind == "noun_e":  # Russe, Russen, Russin, Russinnen
        stem = w[:-1]
        return (w, w + "n", stem + "in", stem + "innen")
    if kind == "noun_er":  # Amerikaner, Amerikanern, Amerikaners, Amerikanerin(nen)
        return (w, w + "n", w + "s", w + "in", w + "innen")
    if kind in {"noun", "institution", "capital", "name"}:
        return (w, w + "s") if not w.endswith(("s", "x", "z")) else (w,)
    return (w,)  # prefix


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(surface form → country, compound head → country); built once."""
    words: dict[str, str] = {}
    heads: dict[str, str] = {}
    for row in read_tsv(TABLE):
        word, country, kind = row.get("word", ""), row.get("country", ""), row.get("kind", "")
        if not word or len(country) != 2 or kind not in KINDS:
            raise ResourceError(f"{TABLE}: bad row {row!r}")
        for form in _forms(word, kind):
            if words.get(form, country) != country:
                raise ResourceError(f"{TABLE}: {form!r} maps to two countries")
            words[form] = country
        if kind == "institution":
            heads[word.lower()] = country
    for code, name in _cldr_country_names().items():
        for form in _forms(name, "noun"):
            words.setdefault(form, code)
    return words, heads


NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "ZZ", "XA", "XB"})  # CLDR territories that are no state


@cache
def _cldr_country_names() -> dict[str, str]:
    """Single-word German country names from CLDR: {code: name}, e.g. RU → Russland."""
    from babel import Locale

    out: dict[str, str] = {}
    for code, name in Locale("de").territories.items():
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES:
            if " " not in name and "," not in name:
                out[code] = name
    return out


def _lookup(word: str) -> str | None:
    words, _ = _tables()
    low = word.lower()
    if low in words:
        return words[low]
    bare = GENDER_TAIL.sub("", low) if any(s in low for s in ":*_·/") else low
    if bare != low and bare in words:  # Ukrainer:innen → ukrainer
        return words[bare]
    return None


@cache
def country_for_word(word: str) -> str | None:
    """ISO alpha-2 code a single word implies, or None.

    "nordkoreanische" → KP, "Russen" → RU, "US-Truppen" → US, "Bundeswehrsoldaten" → DE,
    "Russlands" → RU, "Kreml" → RU; "Soldaten", "Nato-Truppen", "pro-russische" → None.
    """
    word = word.strip().strip(".,;:!?\"'()[]„“”‚‘’«»")
    if not word:
        return None
    hit = _lookup(word)
    if hit:
        return hit
    if word[:1].isupper() and word.endswith("es") and len(word) > 6:
        hit = _lookup(word[:-2])  # genitive: "des Bundesheeres"
        if hit:
            return hit
    if "-" in word:
        first = word.split("-", 1)[0]
        if first.lower() in NEUTRAL_PREFIXES:
            return None
        hit = _lookup(first)
        if hit:
            return hit
        # "US-amerikanische" is in the table; "Nordkorea-Soldaten" handled above.
        return None
    _, heads = _tables()
    low = word.lower()
    for size in range(len(low) - MIN_HEAD_REST, 3, -1):
        country = heads.get(low[:size])
        if country:
            return country
    return None


def is_demonym(word: str) -> bool:
    """True for a listed adjective or demonym form itself ("Albanern", "russische"), not a
    compound that merely starts with an institution ("Bundestagsgebäude") nor a country name."""
    return _lookup(word) is not None and word.lower() not in _country_name_forms()  # "Ukrainer:innen" too


def is_people_and_country(word: str) -> bool:
    """ "Polen", "Ungarn": a country's name that is also its people's plural; which one is
    meant the context says (:func:`places._other_entity`: listed with peoples, the people)."""
    return _lookup(word) is not None and word.lower() in _country_name_forms()


def is_country_name(word: str) -> bool:
    """ "Ukraine", "Großbritannien", "Russlands": a country's name (CLDR or the table's
    ``name`` rows), not a demonym or adjective."""
    return word.lower() in _country_name_forms()


@cache
def _country_name_forms() -> frozenset[str]:
    names = [*_cldr_country_names().values(), *(r["word"] for r in read_tsv(TABLE) if r.get("kind") == "name")]
    return frozenset(f for name in names for f in _forms(name, "noun")) | _cldr_multiword_names()


@cache
def _cldr_multiword_names() -> frozenset[str]:
    """German country names of several words from CLDR, lower-case ("vereinigte staaten"):
    no single token is one, but a place mention resolved to one names the country itself."""
    from babel import Locale

    return frozenset(
        name.lower()
        for code, name in Locale("de").territories.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES and " " in name and "," not in name
    )


def country_words() -> dict[str, str]:
    """Every known surface form (lower-case) → country; for callers that scan tokens."""
    return dict(_tables()[0])
