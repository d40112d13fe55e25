"""Organisation mentions → one canonical organisation per referent, plus NER label repair.

Per document: leading articles and descriptor nouns ("Nachrichtenagentur KCNA",
"Militärbündnis Nato") are removed, a genitive ending is dropped where the text or a
known institution head proves it ("des Verteidigungsministeriums", "des Bundestages"),
short and long forms are joined through the alias table (Nato / NATO / Nordatlantikpakt)
and through acronyms written in the same document ("Bundesamt für Migration und
Flüchtlinge" … "BAMF"). ``org_id`` = ``org_`` + sha1 of the canonical name's key.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from pipeline.normalise.names import (
    AliasTable,
    clean_span,
    drop_leading_articles,
    fold,
    is_capitalised,
    load_aliases,
    name_key,
    stable_id,
    stem_key,
)
from pipeline.records import EntityMention, Organisation, Resolution, ResolvedEntities
from pipeline.resources import read_lines

DESCRIPTOR_TABLE = "org_descriptors.txt"
# Institution nouns whose genitive (-s / -es) is safe to strip without other evidence.
GENITIVE_HEADS = (
    "ministerium", "amt", "tag", "rat", "bund", "dienst", "gericht", "haus", "werk", "heer",
    "kommando", "verband", "institut", "komitee", "parlament", "kabinett", "konzern", "zentrum",
    "büro", "kreml", "pentagon", "militär", "regime", "senat", "bündnis", "unternehmen",
)
FUNCTION_WORDS = frozenset("für und der die das des von vom zur zum in im am an of the and".split())


@cache
def _descriptors() -> tuple[frozenset[str], tuple[str, ...]]:
    words: set[str] = set()
    heads: list[str] = []
    for line in read_lines(DESCRIPTOR_TABLE):
        if line.startswith("-"):
            heads.append(line[1:].lower())
        else:
            words.add(line.lower())
    return frozenset(words), tuple(heads)


def _is_descriptor(token: str) -> bool:
    words, heads = _descriptors()
    low = token.lower()
    forms = {low, re.sub(r"(?:es|s)$", "", low)}
    return any(f in words or any(f.endswith(h) and len(f) > len(h) for h in heads) for f in forms)


def strip_descriptor(tokens: list[str]) -> list[str]:
    """Drop "Nachrichtenagentur"/"US-Geheimdienst" before a capitalised name."""
    i = 0
    while (
        i < len(tokens) - 1
        and _is_descriptor(tokens[i])
        and is_capitalised(tokens[i + 1])
        and tokens[i + 1].lower() not in FUNCTION_WORDS
    ):
        i += 1
    return tokens[i:]


def _genitive_forms(word: str) -> list[str]:
    """Nominative candidates for the last word of an organisation name, safest first."""
    if word.endswith(("'", "’")):
        return [word[:-1]]
    if word.isupper() or len(word) < 4 or not word.endswith("s"):
        return [word]
    out = [word]
    low = word.lower()
    for cut in (2, 1) if low.endswith("es") else (1,):
        stem = low[:-cut]
        if stem.endswith((*GENITIVE_HEADS, "um")):
            out.insert(0, word[:-cut])
            break
    else:
        out.append(word[:-1])
    return out


def org_tokens(text: str) -> list[str]:
    """Cleaned name tokens of an ORG span (articles and descriptors removed)."""
    tokens = drop_leading_articles(clean_span(text).split())
    tokens = [t.strip(",;:") for t in tokens if t.strip(",;:")]
    return strip_descriptor(tokens) if tokens else []


def acronym(tokens: list[str]) -> str:
    """Initials of the capitalised words: "Bundesamt für Migration und Flüchtlinge" → "BMF"."""
    return "".join(t[0] for t in tokens if t[:1].isupper() and t.lower() not in FUNCTION_WORDS)


def _canonical(name: str, aliases: AliasTable) -> str | None:
    return aliases.canonical(name, "ORG") or aliases.canonical(_nominative_phrase(name), "ORG")


def _nominative_phrase(name: str) -> str:
    """"Islamischen Staates" → "Islamisch Staat"-style key text for alias lookup."""
    return stem_key(name)


def resolve_organisations(
    text: str, mentions: Sequence[EntityMention], aliases: AliasTable | None = None
) -> ResolvedEntities:
    """Resolve the ORG spans of one document; ``referents`` is a list of :class:`Organisation`."""
    aliases = aliases if aliases is not None else load_aliases()
    token_lists = [org_tokens(m.text) for m in mentions]
    literal = {fold(" ".join(t)) for t in token_lists if t}
    names: list[str | None] = []
    for tokens in token_lists:
        if not tokens or not any(is_capitalised(t) or t.isupper() for t in tokens):
            names.append(None)
            continue
        names.append(_nominative(tokens, literal, aliases))

    # Group by canonical key; join acronyms to long forms written in the same document.
    canon: list[str | None] = [(_canonical(n, aliases) or n) if n else None for n in names]
    long_forms = {acronym(c.split()).upper(): c for c in canon if c and len(c.split()) > 2}
    for i, c in enumerate(canon):
        if c and c.isupper() and c in long_forms and not _canonical(c, aliases):
            canon[i] = long_forms[c]
    groups: dict[str, list[int]] = {}
    for i, c in enumerate(canon):
        if c:
            groups.setdefault(name_key(c), []).append(i)

    referents: list[Organisation] = []
    org_of: dict[int, Organisation] = {}
    for key, members in groups.items():
        forms = Counter(canon[i] for i in members)
        aliased = [canon[i] for i in members if _canonical(names[i] or "", aliases)]
        name = aliased[0] if aliased else max(forms, key=lambda f: (forms[f], len(f)))
        org = Organisation(org_id=stable_id("org", key), name=name, mentions=len(members))
        referents.append(org)
        for i in members:
            org_of[i] = org
    resolutions = [
        Resolution(org_of[i].name, org_of[i].org_id) if i in org_of
        else Resolution(None, None, note="not_a_name")
        for i in range(len(mentions))
    ]
    return ResolvedEntities(resolutions=resolutions, referents=referents)


def _nominative(tokens: list[str], literal: set[str], aliases: AliasTable) -> str:
    """Name with a genitive ending removed when the alias table, the document or a known
    institution head says so ("des Bundestages" → Bundestag, "Wagners" → Wagner)."""
    head = tokens[:-1]
    forms = _genitive_forms(tokens[-1])
    for form in forms:  # alias table or another mention of the document confirms the form
        name = " ".join([*head, form])
        if _canonical(name, aliases) or (form != tokens[-1] and fold(name) in literal):
            return name
    return " ".join([*head, forms[0]])


def relabel(mention: EntityMention, aliases: AliasTable | None = None) -> str:
    """Repair obvious NER label errors with the alias table and the gazetteer.

    A LOC/PER span that is a known organisation ("Kreml", "Nato", "Pentagon") → ORG; a
    PER/ORG span that is exactly a country or a hand-checked region → LOC; an ORG span
    that is a known person → PER. Everything else keeps its label.
    """
    from pipeline.normalise.places import match_place

    aliases = aliases if aliases is not None else load_aliases()
    tokens = drop_leading_articles(clean_span(mention.text).split())
    if not tokens:
        return mention.label
    name = " ".join(tokens)
    bare = " ".join([*tokens[:-1], *_genitive_forms(tokens[-1])[:1]])
    if mention.label in {"LOC", "PER", "MISC"} and (
        _canonical(name, aliases) or _canonical(bare, aliases)
    ):
        return "ORG"
    if mention.label in {"PER", "ORG"}:
        hit = match_place(mention.text)
        if hit and hit.rows[0].kind == "country" or (
            hit and hit.rows[0].geonames_id is None and hit.rows[0].kind == "region"
        ):
            return "LOC"
    if mention.label == "ORG" and aliases.canonical(name, "PER"):
        return "PER"
    return mention.label
