"""Organisations' country, kind and nominative form: from the name, its context, the article and the known-organisation table.

The country of an organisation mention is decided in this order (first hit wins):

1. the known-organisation table ``org_countries.tsv`` (Bundeswehr DE, FPÖ AT, NATO none);
2. the mention's own words: a nationality adjective, a country prefix or a country genitive
   ("britisches Verteidigungsministerium", "US-Verteidigungsministerium", "Verteidigungsministerium
   der Ukraine");
3. the words around it: an adjective or a country genitive right before it ("Russlands
   Verteidigungsministerium"), a place or genitive right after it ("das Verteidigungsministerium
   in Kiew", "… Russlands");

then, per document (see ``orgs.resolve_organisations``), for state bodies and parties only: the
country another mention of the same body in the article states; else the one country the
sentence names; else the one state whose government or forces the article names with their
country; else the country of the dateline's town; else the country the article names most
often (first named on a tie).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from pipeline.normalise.demonyms import country_for_word, is_demonym
from pipeline.normalise.names import AliasTable, name_key
from pipeline.resources import ResourceError, read_lines, read_tsv

KNOWN_TABLE = "org_countries.tsv"
KIND_TABLE = "org_kinds.tsv"
GENDER_TABLE = "noun_genders.tsv"
GENERIC_TABLE = "org_generic.txt"
KINDS = frozenset({"government", "military", "party", "company", "media", "international", "armed_group", "other"})
STATE_KINDS = frozenset({"government", "military"})
# Kinds whose country the article decides when the mention does not state it.
CONTEXT_KINDS = frozenset({"government", "military", "party"})
NO_COUNTRY = "-"
FROM_CONTEXT = "?"
GENDERS = frozenset({"m", "f", "n", "pl"})
# Words that end the head noun phrase of a name ("Bundesamt für Migration", "Rat der EU").
NAME_BREAKS = frozenset("für der des von vom zu zur zum in im am an bei beim of the and und".split())
LEGAL_FORMS = frozenset({"AG", "GmbH", "SE", "KG", "KGaA", "Inc.", "Inc", "Ltd.", "Ltd", "LLC", "Corp.", "plc"})
WORD = re.compile(r"[A-Za-zÄÖÜäöüß][\w-]*")
# After a name: "in Kiew", "aus Moskau", "der Ukraine", "Russlands".
AFTER = re.compile(r"[ \t]+(?:(?:in|aus)[ \t]+(?:der[ \t]+|dem[ \t]+|den[ \t]+)?|(?:der|des)[ \t]+)?([A-ZÄÖÜ][\w-]+)")
# Before a name: "britische ", "Russlands ", "US-".
BEFORE = re.compile(r"([A-Za-zÄÖÜäöüß][\w-]*)[ \t]+$")


@dataclass(frozen=True, slots=True)
class KnownOrg:
    """A row of the known-organisation table: ``country`` None for international bodies,
    ``from_context`` when the same name is used in several states."""

    country: str | None
    kind: str
    from_context: bool = False


@cache
def known_orgs() -> dict[str, KnownOrg]:
    """name_key(canonical name) → :class:`KnownOrg`; built once."""
    out: dict[str, KnownOrg] = {}
    for row in read_tsv(KNOWN_TABLE):
        name, country, kind = row.get("name", ""), row.get("country", ""), row.get("kind", "")
        valid = country in {NO_COUNTRY, FROM_CONTEXT} or (len(country) == 2 and country.isupper())
        if not name or not valid or kind not in KINDS:
            raise ResourceError(f"{KNOWN_TABLE}: bad row {row!r}")
        key = name_key(name)
        if key in out:
            raise ResourceError(f"{KNOWN_TABLE}: duplicate name {name!r}")
        code = country if len(country) == 2 else None
        out[key] = KnownOrg(code, kind, country == FROM_CONTEXT)
    return out


def known_org(name: str, aliases: AliasTable | None = None) -> KnownOrg | None:
    """The table row for ``name`` or its canonical name ("Pentagon" → US-Verteidigungsministerium)."""
    table = known_orgs()
    hit = table.get(name_key(name))
    if hit is None and aliases is not None:
        canonical = aliases.canonical(name, "ORG")
        hit = table.get(name_key(canonical)) if canonical else None
    return hit


@cache
def _endings(table: str, column: str, allowed: frozenset[str]) -> tuple[tuple[str, str], ...]:
    rows: dict[str, str] = {}
    for row in read_tsv(table):
        ending, value = row.get("ending", "").lower(), row.get(column, "")
        if not ending or value not in allowed or ending in rows:
            raise ResourceError(f"{table}: bad or duplicate row {row!r}")
        rows[ending] = value
    return tuple(sorted(rows.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def _by_ending(word: str, table: tuple[tuple[str, str], ...]) -> str | None:
    low = word.lower().rsplit("-", 1)[-1]
    for ending, value in table:
        if low.endswith(ending):
            return value
    return None


def head_index(tokens: list[str]) -> int:
    """Index of the head noun: the last word before a preposition or genitive article
    ("Bundesamt für Migration" → 0, "Französische Fremdenlegion" → 1)."""
    for i, tok in enumerate(tokens):
        if i and tok.lower() in NAME_BREAKS and not tokens[i - 1].endswith("-"):
            return i - 1
    last = len(tokens) - 1
    while last > 0 and tokens[last].rstrip(".").isdigit():
        last -= 1  # "Panzergrenadierbrigade 37"
    return last


def kind_of(tokens: list[str], known: KnownOrg | None = None, descriptor_kind: str | None = None) -> str:
    """Kind of an organisation: the table's, else a legal form (AG, GmbH → company), else its
    head noun's ending (org_kinds.tsv), else the kind of a stripped descriptor noun
    ("Nachrichtenagentur KCNA" → media), else ``other``."""
    if known is not None:
        return known.kind
    if any(t in LEGAL_FORMS for t in tokens):
        return "company"
    table = _endings(KIND_TABLE, "kind", KINDS)
    if tokens:
        kind = _by_ending(tokens[head_index(tokens)], table) or (
            _by_ending(tokens[0], table) if len(tokens) > 1 and tokens[0][:1].isupper() else None
        )  # "Landgericht Mühlhausen", "Polizei Ulm": the noun before a place's name
        if kind:
            return kind
    return descriptor_kind or "other"


def kind_endings() -> tuple[tuple[str, str], ...]:
    """(ending, kind) rows of org_kinds.tsv, longest ending first."""
    return _endings(KIND_TABLE, "kind", KINDS)


def gender_of(noun: str) -> str | None:
    """Grammatical gender of a German noun by its ending (noun_genders.tsv), or None."""
    return _by_ending(noun, _endings(GENDER_TABLE, "gender", GENDERS))


STRONG_ENDING = {"m": "er", "f": "e", "n": "es", "pl": "e"}
OBLIQUE = re.compile(r"^(?P<stem>[A-Za-zÄÖÜäöüß]{3,}?)(?P<end>en|em|e)$")


def nominative_adjectives(tokens: list[str], is_place: Callable[[str], bool] = lambda w: False) -> list[str]:
    """Put the adjectives in front of a name's head noun into the nominative without article
    ("Französischen Fremdenlegion" → Französische Fremdenlegion, "Technischen Hilfswerk" →
    Technisches Hilfswerk, "britische Verteidigungsministerium" → britisches …, "Freier
    Universität" → Freie Universität). Only words ending in -e/-en/-em (-er before a feminine
    or plural head) are changed, only when the head's gender is known, and never a
    capitalised word that is no adjective ("Ärzte") or is a place ("Jerusalem Post")."""
    if len(tokens) < 2:
        return tokens
    if ORDINAL.fullmatch(tokens[0]):  # "110. Mechanisierten Brigade": the ordinal stands for "die"
        return [tokens[0], *_weak_nominative(tokens[1:])]
    head = _agreeing_noun(tokens, head_index(tokens))
    gender = gender_of(tokens[head])
    if gender is None:
        return tokens
    out = list(tokens)
    for i in range(head):
        m = OBLIQUE.match(tokens[i])
        if not m and gender in {"pl", "f"} and tokens[i].endswith("er") and not is_place(tokens[i][:-2]):
            # genitive plural "britischer Geheimdienste"; feminine dative or genitive without an
            # article "aus Freier Universität" (for a masculine head "-er" is the nominative);
            # not a town's adjective, which never inflects ("der Berner Zeitung")
            m = OBLIQUE.match(tokens[i][:-2] + "en")
        if not m or "-" in tokens[i] or is_place(tokens[i]):
            continue
        if tokens[i][0].isupper() and not _adjective_stem(m.group("stem")):
            continue
        out[i] = m.group("stem") + STRONG_ENDING[gender]
    return out


ORDINAL = re.compile(r"\d{1,3}\.")


def _weak_nominative(tokens: list[str]) -> list[str]:
    """The adjectives of a numbered unit's name in the nominative after its implied article:
    "-en" → "-e" for every gender ("110. Mechanisierten Brigade" → 110. Mechanisierte Brigade,
    "1. Deutsch-Niederländischen Korps" → 1. Deutsch-Niederländische Korps)."""
    out = list(tokens)
    for i, tok in enumerate(tokens[:-1]):
        if not (tok[:1].isupper() and tok.endswith("en") and len(tok) > 5):
            break
        if gender_of(tok) is not None:
            break  # a noun, not an adjective
        out[i] = tok[:-1]
    return out


def _agreeing_noun(tokens: list[str], head: int) -> int:
    """Index of the noun the opening adjectives agree with: the first word after them, which
    is the head unless a name follows it in apposition ("Deutsche Burgenmuseum Veste
    Heldburg" → Burgenmuseum, neuter: "Deutsches Burgenmuseum …")."""
    for j, tok in enumerate(tokens[:head]):
        m = OBLIQUE.match(tok)
        if not (m and (tok[0].islower() or _adjective_stem(m.group("stem")))):
            return j if j and gender_of(tok) is not None else head
    return head


ADJECTIVE_SUFFIXES = ("isch", "lich", "ig", "al", "iv", "ell", "är", "bar", "sam", "los", "haft", "ern", "ent", "ant")
# Short adjectives that open organisation and place names and have no derivational suffix
# ("Hohen" is the inflected stem of "hoch": "in den Hohen Tauern").
PLAIN_ADJECTIVES = frozenset(
    "neu alt rot weiß grün schwarz blau frei groß hoch hoh vereint oberst deutsch nah fern klein ober unter nieder mittler"
    .split()
)


def _adjective_stem(stem: str) -> bool:
    low = stem.lower()
    return low.endswith(ADJECTIVE_SUFFIXES) or low in PLAIN_ADJECTIVES


@cache
def generic_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines(GENERIC_TABLE))


def is_generic(text_before: str, tokens: list[str]) -> bool:
    """True for a government or armed force named generically (GUIDELINES O4): a generic
    noun ("Armee", "Regierung") with at most a lower-case nationality adjective, a country
    prefix ("US-Armee") or a country genitive ("Israels Armee") in front. A capitalised
    adjective inside a sentence makes an official name ("Deutsche Marine")."""
    if not tokens:
        return False
    last = tokens[-1]
    prefix, _, rest = last.rpartition("-")
    noun = rest if prefix and country_for_word(prefix) else last
    if noun.lower() not in generic_nouns():
        return False
    if prefix and noun != last and len(tokens) == 1:
        return True
    mods = tokens[:-1]
    if not mods:
        return True
    if len(mods) > 1:
        return False
    mod = mods[0]
    if country_for_word(mod) is None:
        return False
    if mod[0].isupper() and mod.endswith("er") and is_demonym(mod):
        return False  # invariant place adjectives name the body: "Schweizer Armee"
    return mod[0].islower() or not is_demonym(mod) or _sentence_start(text_before)


def _sentence_start(text_before: str) -> bool:
    """True when only a sentence start (and perhaps a capitalised article) precedes."""
    words = text_before.split()
    if words and words[-1] in {"Die", "Der", "Das"}:
        words = words[:-1]
    return not words or words[-1][-1:] in ".!?:»«\"“”"


def word_country(token: str) -> str | None:
    """Country of one modifier word: a nationality adjective ("britisches"), a country prefix
    ("US-…") or a country name, also in the genitive ("Russlands")."""
    return country_for_word(token.strip(",;:()„“\"'"))


def mention_country(tokens: list[str]) -> str | None:
    """Country the words of a name state, apart from its head noun: "britisches
    Verteidigungsministerium" → GB, "US-Verteidigungsministerium" → US, "Verteidigungsministerium
    der Ukraine" → UA; None for "Verteidigungsministerium"."""
    if not tokens:
        return None
    head = head_index(tokens)
    for i, tok in enumerate(tokens):
        if i == head:
            prefix, _, rest = tok.rpartition("-")
            if prefix and rest[:1].isupper() and country_for_word(prefix + "-" + rest[:1]):
                return country_for_word(prefix + "-" + rest[:1])
            continue
        if tok.lower() in NAME_BREAKS or not tok[:1].isalpha():
            continue
        code = word_country(tok)
        if code:
            return code
    return None


def context_country(
    text: str, start: int, end: int, place_country: Callable[[str], str | None] = lambda w: None
) -> str | None:
    """Country the words right around a mention state: an adjective or a country genitive just
    before it ("Russlands Verteidigungsministerium"), "in Kiew" / "aus Moskau" / a country
    genitive just after it ("Verteidigungsministerium der Ukraine")."""
    before = BEFORE.search(text, max(0, start - 40), start)
    if before:
        word = before.group(1)
        code = word_country(word)
        if code and (word[0].islower() or word.endswith("s")):
            return code
    after = AFTER.match(text, end)
    if after:
        word = after.group(1)
        code = word_country(word) or place_country(word)
        if code:
            return code
    return None


def text_countries(text: str) -> Counter[str]:
    """Countries a stretch of text names (adjectives, demonyms, country names, capitals,
    national institutions), counted, in order of first mention."""
    found: Counter[str] = Counter()
    for m in WORD.finditer(text):
        code = country_for_word(m.group())
        if code:
            found[code] += 1
    return found


def article_country(counts: Counter[str]) -> str | None:
    """The country an article names most often; the first named wins a tie."""
    if not counts:
        return None
    best = max(counts.values())
    return next(c for c, n in counts.items() if n == best)
