"""Organisation mentions → one canonical organisation per referent with its country and kind, plus NER label repair.

Per document: leading articles and descriptor nouns ("Nachrichtenagentur KCNA",
"Militärbündnis Nato") are removed, a genitive ending is dropped where the text or a
known institution head proves it ("des Verteidigungsministeriums", "des Bundestages"),
adjectives are put back into the nominative ("der Französischen Fremdenlegion"), short and
long forms are joined through the alias table (Nato / NATO / Nordatlantikpakt) and through
acronyms written in the same document ("Bundesamt für Migration und Flüchtlinge" … "BAMF",
"Deutschen Skiverbands (DSV)"). Generic forces and governments (GUIDELINES O4), bare body
nouns (O3) and ALL-CAPS credits are dropped. Country and kind come from
:mod:`pipeline.normalise.org_country`. ``org_id`` = ``org_`` + sha1 of the canonical name's
key; for a state body or party, of its name without country words plus its country.

Before that, mentions are repaired and completed (:func:`relabel_mentions`,
:func:`find_known_organisations`): known names the model missed, O2/O3 bodies tied to a
state, numbered units, named operations, quoted names, names after descriptor nouns and
agencies in credits and datelines.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.normalise.demonyms import country_for_word, is_demonym
from pipeline.normalise.names import (
    AliasTable,
    absorb_spans,
    clean_span,
    common_nouns,
    drop_leading_articles,
    fold,
    gendered_noun,
    is_capitalised,
    is_common_noun,
    load_aliases,
    name_key,
    stable_id,
    stem_key,
    table_word,
    words_and_heads,
)
from pipeline.normalise.org_country import (
    CONTEXT_KINDS,
    LEGAL_FORMS,
    STATE_KINDS,
    article_country,
    context_country,
    head_index,
    is_generic,
    kind_endings,
    kind_of,
    known_org,
    mention_country,
    nominative_adjectives,
    text_countries,
    word_country,
)
from pipeline.records import EntityMention, Organisation, Resolution, ResolvedEntities, Sentence
from pipeline.resources import read_lines, read_tsv

DESCRIPTOR_TABLE = "org_descriptors.txt"
TEAM_TABLE = "team_standing.txt"
AMBIGUOUS_TABLE = "org_ambiguous.txt"
# Institution nouns whose genitive (-s / -es) is safe to strip without other evidence.
GENITIVE_HEADS = (
    "ministerium",
    "amt",
    "tag",
    "rat",
    "bund",
    "dienst",
    "gericht",
    "haus",
    "werk",
    "heer",
    "kommando",
    "verband",
    "institut",
    "komitee",
    "parlament",
    "kabinett",
    "konzern",
    "zentrum",
    "büro",
    "kreml",
    "pentagon",
    "militär",
    "regime",
    "senat",
    "bündnis",
    "unternehmen",
)
GENITIVE_ARTICLES = frozenset({"des", "eines", "dieses", "jenes"})
TITLE_ARTICLES = frozenset({"Der", "Die", "Das"})
FUNCTION_WORDS = frozenset("für und der die das des von vom zur zum in im am an of the and".split())


def _descriptor_forms(token: str) -> set[str]:
    low = token.lower()
    return {low, re.sub(r"(?:es|s)$", "", low), re.sub(r"(?<=ist)en$", "", low)}  # "Drittligisten"


def team_word(token: str) -> bool:
    """A word of a team's standing or record (team_standing.txt: "Tabellenführer",
    "Rekordmeisters"): the name after it is a club's."""
    return any(table_word(TEAM_TABLE, f) for f in _descriptor_forms(token))


def _is_descriptor(token: str) -> bool:
    return any(table_word(DESCRIPTOR_TABLE, f) for f in _descriptor_forms(token)) or team_word(token)


def _open_descriptor(token: str) -> bool:
    """A descriptor no name begins with, so that it is stripped before a name of several
    words too: a compound ("Onlinemedium Kivu News", "Terrormiliz Islamischer Staat") or a
    team's standing ("Serienchampion Berlin Recycling Volleys"); "Bündnis Zukunft
    Österreich", "Partei der Arbeit" keep their plain noun."""
    _, heads = words_and_heads(DESCRIPTOR_TABLE)
    return team_word(token) or any(f.endswith(h) and len(f) > len(h) for f in _descriptor_forms(token) for h in heads)


# an inflected adjective before a descriptor, also a hyphenated or place one ("Rebellen-nahen",
# "kurdische", "Schweizer")
DESCRIBING_ADJECTIVE = re.compile(r"(?:\w+-)?[A-ZÄÖÜ]?[a-zäöüß]+(?:e|en|er|es|em)")


def strip_descriptor(tokens: list[str], aliases: AliasTable | None = None) -> list[str]:
    """Drop "Nachrichtenagentur"/"US-Geheimdienst" before a one-word or known name
    ("Nachrichtenagentur KCNA" → KCNA); "Bündnis Zukunft Österreich" stays whole."""
    aliases = aliases if aliases is not None else load_aliases()
    i = 0
    if len(tokens) > 2 and DESCRIBING_ADJECTIVE.fullmatch(tokens[0]) and _is_descriptor(tokens[1]):
        i = 1  # "Rebellen-nahen Fernsehsender Al-Masirah", "M23-nahe Onlinemedium Kivu News"
    while (
        i < len(tokens) - 1
        and _is_descriptor(tokens[i])
        and _name_word(tokens[i + 1])
        and (
            len(tokens) - i == 2
            or _canonical(" ".join(tokens[i + 1 :]), aliases)
            or (_open_descriptor(tokens[i]) and all(_name_word(t) for t in tokens[i + 1 :]))
        )
    ):
        i += 1
    return tokens[i:]


def _name_word(token: str) -> bool:
    return is_capitalised(token) and token.lower() not in FUNCTION_WORDS


def _genitive_forms(word: str) -> list[str]:
    """Nominative candidates for the last word of an organisation name, likeliest first:
    a known institution head decides ("Ministeriums", "Bundestages"), else the word itself."""
    if word.endswith(("'", "’")):
        return [word[:-1]]
    if word.isupper() or len(word) < 4 or not word.endswith("s") or word.lower().endswith("korps"):
        return [word]  # "Korps", "Marinekorps": the same in every case
    cuts = [word[:-2], word[:-1]] if word.endswith("es") and len(word) > 5 else [word[:-1]]
    for cut in cuts:
        if cut.lower().endswith((*GENITIVE_HEADS, "um")):
            return [cut, word, *(c for c in cuts if c != cut)]
    return [word, *cuts]


def org_tokens(text: str, aliases: AliasTable | None = None) -> list[str]:
    """Cleaned name tokens of an ORG span: articles, descriptors ("Nachrichtenagentur"),
    a leading person genitive ("Erdoğans AKP") and words after a known name that the
    NER model swallowed ("SPD Sitze", "Roten Armee beim Häuserkampf") are removed."""
    aliases = aliases if aliases is not None else load_aliases()
    raw = [t.strip(",;:„“”\"»«") for t in clean_span(text).split() if t.strip(",;:„“”\"»«")]
    tokens = drop_leading_articles(raw)
    if len(raw) == 2 and len(tokens) == 1 and raw[0] in TITLE_ARTICLES and not _canonical(tokens[0], aliases):
        return raw  # "Die Zeit", "Das Erste": the article belongs to the name
    while (
        len(tokens) > 1
        and tokens[0].endswith(("s", "'", "’"))
        and any(aliases.canonical(g, "PER") for g in _person_genitive(tokens[0]))
    ):
        tokens = tokens[1:]
    tokens = strip_descriptor(tokens, aliases) if tokens else []
    if len(tokens) > 2 and _noun_after_place(tokens[-2], tokens[-1]):
        tokens = tokens[:-1]  # "Universität Erlangen-Nürnberg [Kunstgeschichte studiert]"
    for i in range(len(tokens) - 1, 0, -1):
        rest, known = tokens[i:], " ".join(tokens[:i])
        if (
            all(t.islower() or is_common_noun(t) or t in CREDIT_WORDS for t in rest)
            and (rest[0].islower() or known.isupper() or rest[0] in CREDIT_WORDS)
            and _canonical(known, aliases)
        ):
            return tokens[:i]  # "SPD Sitze", "Roten Armee beim Häuserkampf"; not "Union Investment"
    return tokens


CREDIT_WORDS = frozenset({"Photo", "Photos", "Foto", "Fotos", "Bild", "Video"})  # "AP Photo" → AP


def _noun_after_place(place: str, word: str) -> bool:
    """A common noun after the town or region that ends an institution's name belongs to
    the sentence, not the name ("an der Universität Erlangen-Nürnberg Kunstgeschichte
    studiert"): German names an institution's town last. Not a noun that makes an
    organisation ("… Zeitung", "… Bank")."""
    if not is_common_noun(word) or kind_of([word]) != "other" or institution_noun(word):
        return False
    rows = match_place_rows(place)
    return bool(rows) and rows[0].kind in {"city", "region"} and place[:1].isupper()


def _person_genitive(word: str) -> tuple[str, ...]:
    return (word[:-1],) if word.endswith(("s", "'", "’")) else ()


def acronym(tokens: list[str]) -> str:
    """Initials of the capitalised words: "Bundesamt für Migration und Flüchtlinge" → "BMF"."""
    return "".join(t[0] for t in tokens if t[:1].isupper() and t.lower() not in FUNCTION_WORDS)


def mixed_acronym(tokens: list[str]) -> str:
    """Initials with a short form in capitals kept whole, as clubs and firms abbreviate
    ("FC St. Gallen" → "FCSG", "Hamburger SV" → "HSV"); "" when no word is in capitals."""
    if not any(t.isupper() and len(t) > 1 for t in tokens):
        return ""
    return "".join(
        t if t.isupper() else t[0] for t in tokens if t[:1].isupper() and t.lower() not in FUNCTION_WORDS
    )


def _canonical(name: str, aliases: AliasTable) -> str | None:
    """Canonical ORG name (the alias table also matches inflected forms, see AliasTable)."""
    return aliases.canonical(name, "ORG")


def resolve_organisations(
    text: str,
    mentions: Sequence[EntityMention],
    aliases: AliasTable | None = None,
    sentences: Sequence[Sentence] = (),
) -> ResolvedEntities:
    """Resolve the ORG spans of one document; ``referents`` is a list of :class:`Organisation`.

    Each organisation gets a ``kind`` and a ``country`` (``org_country``: the known table, the
    mention's words and context, then for state bodies and parties another mention of the
    same body, the sentence or the article). A state body's ``org_id`` includes its country,
    so the Russian and the British "Verteidigungsministerium" never share an id, while
    "Verteidigungsministerium" and "britisches Verteidigungsministerium" in one article are
    one organisation. Generic governments and armed forces ("die türkische Armee", O4) and
    ALL-CAPS datelines and credits are dropped. ``sentences`` bound the sentence rule (split
    at sentence punctuation when not given).
    """
    aliases = aliases if aliases is not None else load_aliases()
    token_lists = [org_tokens(m.text, aliases) for m in mentions]
    literal = {fold(" ".join(t)) for t in token_lists if t}
    names: list[str | None] = []
    notes: list[str] = []
    for m, tokens in zip(mentions, token_lists, strict=True):
        note = _drop_reason(text, m, tokens, aliases) or _listed_with_nouns(text, m, tokens, aliases)
        if note:
            names.append(None)
            notes.append(note)
            continue
        genitive = _after_genitive_article(text, m.start) or (m.text.split()[0].lower() in GENITIVE_ARTICLES)
        name = _compound_prefix(tokens, aliases) or (
            _genitive_body_name(tokens)
            or _numbered_unit_name(tokens)
            or _nominative(tokens, literal, aliases, genitive)
        )
        adjective = _adjective_before(text, m.start, name, aliases)
        if adjective:
            name = f"{adjective} {name}"  # O2: "das britische Verteidigungsministerium"
        if not _canonical(name, aliases):
            name = " ".join(nominative_adjectives(name.split(), _is_place))
        words = drop_leading_articles(clean_span(m.text).split())
        owner = len(words) > len(tokens) and words[0][-1:] in "s’'"  # "Merz’ Büro": a determiner too
        plain = (_after_article(text, m.start) or owner) and _plain_noun(name, aliases)
        names.append(None if plain else name)
        notes.append("not_a_name")

    words_shown = {fold(" ".join(t)) for t, n in zip(token_lists, notes, strict=True) if n == COMMON_NOUN}
    for i, tokens in enumerate(token_lists):  # what one mention shows holds for all of them
        if names[i] and fold(" ".join(tokens)) in words_shown:
            names[i], notes[i] = None, COMMON_NOUN
    canon: list[str | None] = [(_canonical(n, aliases) or n) if n else None for n in names]
    _join_bracketed_acronyms(text, mentions, canon)
    _join_short_forms(canon, names, aliases)
    facts = [
        _org_facts(text, m, c, aliases) if c else None for m, c in zip(mentions, canon, strict=True)
    ]
    countries = _document_countries(text, mentions, facts, sentences)
    keys = [_group_key(f, c) if f is not None else None for f, c in zip(facts, countries, strict=True)]
    _join_descriptor_appositions(text, mentions, facts, countries, keys)
    groups: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key is not None:
            groups.setdefault(key, []).append(i)

    referents: list[Organisation] = []
    org_of: dict[int, Organisation] = {}
    for key, members in groups.items():
        forms = Counter(canon[i] for i in members)
        aliased = [canon[i] for i in members if _canonical(names[i] or "", aliases)]
        national = [canon[i] for i in members if facts[i].base != canon[i]]
        name = (aliased or national or [max(forms, key=lambda f: (forms[f], len(f)))])[0]
        first = facts[members[0]]
        org = Organisation(
            org_id=stable_id("org", key),
            name=name,
            mentions=len(members),
            country=countries[members[0]],
            kind=first.kind,
        )
        referents.append(org)
        for i in members:
            org_of[i] = org
    resolutions = [
        Resolution(org_of[i].name, org_of[i].org_id, country=org_of[i].country)
        if i in org_of
        else Resolution(None, None, note=notes[i])
        for i in range(len(mentions))
    ]
    return ResolvedEntities(resolutions=resolutions, referents=referents)


ADJECTIVE_BEFORE = re.compile(r"(?<![\w-])([A-Za-zÄÖÜäöüß]+)[ \t]+$")


def _adjective_before(text: str, start: int, name: str, aliases: AliasTable) -> str | None:
    """A nationality or place adjective just before a state office found without it ("das
    britische [Verteidigungsministerium]", "das Pariser [Außenministerium]"): GUIDELINES O2
    names it with the adjective. Not for known names ("die deutsche Bundeswehr")."""
    if " " in name or _canonical(name, aliases) or kind_of([name]) != "government":
        return None
    m = ADJECTIVE_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1) if m and adjective_country(m.group(1)) else None


@dataclass(frozen=True, slots=True)
class _OrgFacts:
    """What one mention says of its organisation before the document is looked at."""

    base: str  # the name without its country words ("Verteidigungsministerium")
    kind: str
    country: str | None  # stated by the table, the mention or its context
    stated: bool  # True when ``country`` is final (None included: international bodies)


def _org_facts(text: str, m: EntityMention, canon: str, aliases: AliasTable) -> _OrgFacts:
    known = known_org(canon, aliases)
    words = [t for t in drop_leading_articles(clean_span(m.text).split()) if t]
    kind = kind_of(canon.split(), known, _descriptor_kind(words))
    base = _base_name(canon) if kind in CONTEXT_KINDS else canon
    if known is not None and not known.from_context:
        return _OrgFacts(base, kind, known.country, True)
    if known is None and _part_of_international(canon, aliases):
        return _OrgFacts(canon, "international", None, True)  # "UN-Vollversammlung", "EU-Mission"
    head = head_index(canon.split())
    country = (
        mention_country(canon.split())
        or mention_country(words)
        or next((adjective_country(w) for w in canon.split()[:head] if w[:1].isupper()), None)  # "Pariser …"
        or _town_country(canon.split())  # "Polizei Ulm", "Landgericht Mühlhausen"
        or context_country(text, m.start, m.end, _place_country)
    )
    return _OrgFacts(base, kind, country, country is not None or kind not in CONTEXT_KINDS)


def _part_of_international(name: str, aliases: AliasTable) -> bool:
    """True when a name is built on an international body's name: a hyphen prefix
    ("UN-Vollversammlung", "Nato-Mission") or a run of its words ("United Nations Interim
    Force in Lebanon")."""
    tokens = name.split()
    parts = [t.split("-")[0] for t in tokens if "-" in t]
    parts += [" ".join(tokens[i : i + n]) for n in (1, 2, 3) for i in range(len(tokens) - n + 1)]
    for part in parts:
        if part == name or len(part) < 2:
            continue
        known = known_org(part, aliases)
        if known is not None and known.kind == "international":
            return True
    return False


def _descriptor_kind(words: list[str]) -> str | None:
    """Kind a leading descriptor noun gives ("Nachrichtenagentur KCNA" → media)."""
    return kind_of(words[:1]) if len(words) > 1 and _is_descriptor(words[0]) else None


def _base_name(name: str) -> str:
    """A state body's name without its country words: "britisches Verteidigungsministerium",
    "US-Verteidigungsministerium", "Verteidigungsministerium der Ukraine" → Verteidigungsministerium."""
    tokens = name.split()
    head = head_index(tokens)
    out: list[str] = []
    for i, tok in enumerate(tokens):
        if i < head and word_country(tok) and (tok[0].islower() or is_demonym(tok) or tok.endswith("s")):
            continue
        if i == head:
            prefix, _, rest = tok.rpartition("-")
            if prefix and rest[:1].isupper() and word_country(prefix + "-"):
                tok = rest
        out.append(tok)
    if len(out) >= 3 and out[-2].lower() in {"der", "des"} and word_country(out[-1]):
        out = out[:-2]  # "Verteidigungsministerium der Ukraine"
    return " ".join(out) or name


def _join_descriptor_appositions(
    text: str,
    mentions: Sequence[EntityMention],
    facts: Sequence[_OrgFacts | None],
    countries: Sequence[str | None],
    keys: list[str | None],
) -> None:
    """A body named by a common noun is the organisation that noun introduces elsewhere in the
    document, when both have one country: "Der südkoreanische Geheimdienst …" and "Dem
    Geheimdienst NIS zufolge" → NIS (group keys changed in place)."""
    introduced: dict[tuple[str, str], str] = {}
    for m, f, country, key in zip(mentions, facts, countries, keys, strict=True):
        if f is None or key is None or country is None:
            continue
        words = drop_leading_articles(clean_span(m.text).split())
        before = ADJECTIVE_BEFORE.search(text, max(0, m.start - 40), m.start)
        if len(words) > 1 and _is_descriptor(words[0]):
            noun = words[0]
        elif before and before.group(1)[:1].isupper() and _is_descriptor(before.group(1)):
            noun = before.group(1)  # "Dem Geheimdienst [NIS] zufolge"
        else:
            continue
        introduced.setdefault((name_key(_genitive_forms(noun)[0]), country), key)
    for i, (f, country) in enumerate(zip(facts, countries, strict=True)):
        if f is None or country is None or " " in f.base:
            continue
        target = introduced.get((name_key(f.base), country))
        if target is not None:
            keys[i] = target


def _group_key(facts: _OrgFacts, country: str | None) -> str:
    """Identity of an organisation across documents: its name's key, plus the country for a
    state body or party (two states' defence ministries are two organisations)."""
    key = name_key(facts.base)
    return f"{key}|{country}" if facts.kind in CONTEXT_KINDS and country else key


def _town_country(tokens: list[str]) -> str | None:
    """Country of a town named after a body's noun ("Polizei Ulm" → DE), for state bodies."""
    if len(tokens) != 2 or kind_of(tokens[:1]) not in STATE_KINDS or not _is_city(tokens[1]):
        return None
    return _place_country(tokens[1])


def _is_place(word: str) -> bool:
    """A place the gazetteer knows written as ``word``, a country, a region or a town of some
    size ("Bern", "Jerusalem"; not "Frei", an old name of the village Frei-Laubersheim)."""
    from pipeline.normalise.places import TOWN_POPULATION

    rows = match_place_rows(word) or []
    return any(
        fold(n) == fold(word) and (r.kind != "city" or r.population >= TOWN_POPULATION)
        for r in rows
        for n in (r.name, *r.names)
    )


def _place_country(word: str) -> str | None:
    rows = match_place_rows(word)
    return rows[0].country if rows and rows[0].kind in {"country", "city"} else None


SENTENCE_END = re.compile(r"(?<=[.!?])[\s»«\"“”]+(?=[A-ZÄÖÜ„\"«»])|\n+")


def _sentence_bounds(text: str, sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    if sentences:
        return [(s.start, s.end) for s in sentences]
    cuts = [0, *(m.end() for m in SENTENCE_END.finditer(text)), len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _document_countries(
    text: str,
    mentions: Sequence[EntityMention],
    facts: Sequence[_OrgFacts | None],
    sentences: Sequence[Sentence],
) -> list[str | None]:
    """Each mention's country: stated ones as they are; for a state body or party that does
    not state it, the country another mention of the same body states (the nearest before it
    when several do, or the one its sentence names), else the one country its sentence
    names, else the state the article is about (:func:`_article_state`)."""
    out: list[str | None] = [f.country if f is not None else None for f in facts]
    stated: dict[str, list[tuple[int, str]]] = {}
    for i, f in enumerate(facts):
        if f is not None and f.stated and f.country and f.kind in CONTEXT_KINDS:
            stated.setdefault(name_key(f.base), []).append((mentions[i].start, f.country))
    bounds = _sentence_bounds(text, sentences)
    article: str | None | bool = False  # computed on first need
    first_guess: dict[str, str | None] = {}  # one body per article when nothing states otherwise
    for i, f in enumerate(facts):
        if f is None or f.stated:
            continue
        base = name_key(f.base)
        if not stated.get(base) and base in first_guess:
            out[i] = first_guess[base]
            continue
        start = mentions[i].start
        sent = next(((a, b) for a, b in bounds if a <= start < b), (0, len(text)))
        in_sentence = [c for c in text_countries(text[sent[0] : sent[1]]) if c]
        candidates = stated.get(name_key(f.base), [])
        codes = list(dict.fromkeys(c for _, c in candidates))
        if len(codes) == 1:
            out[i] = codes[0]
        elif codes:
            named = [c for c in codes if c in in_sentence]
            before = [c for s, c in candidates if s < start]
            out[i] = named[0] if len(named) == 1 else (before[-1] if before else codes[0])
        elif len(in_sentence) == 1:
            out[i] = first_guess[base] = in_sentence[0]
        else:
            if article is False:
                article = _article_state(text, facts)
            out[i] = first_guess[base] = article or None
    return out


DATELINE = re.compile(r"(?:^|\n)[ \t]*(?:date[ \t]+\S+[ \t]+)?([A-ZÄÖÜ]{3,}(?:[ -][A-ZÄÖÜ]{2,})*)[ \t]*(?:\(|[-–—■])")


def _article_state(text: str, facts: Sequence[_OrgFacts | None]) -> str | None:
    """The state an article is about, for its bodies that state none: the one state whose
    government or armed forces the article names with their country ("britischer
    Geheimdienste"), else the country of the dateline's town ("LONDON (dpa) -"), else the
    country the article names most often."""
    bodies = {f.country for f in facts if f is not None and f.stated and f.country and f.kind in STATE_KINDS}
    if len(bodies) == 1:
        return next(iter(bodies))
    dateline = DATELINE.search(text[:300])
    if dateline:
        town = _place_country(dateline.group(1).split("/")[0].title())
        if town:
            return town
    return article_country(text_countries(text))


def _drop_reason(text: str, m: EntityMention, tokens: list[str], aliases: AliasTable) -> str | None:
    """Why a mention is no organisation's name, or None: no name words left, a generic
    government or armed force (O4: "die türkische Armee", "US-Armee"), a state body named
    by its bare noun (O3: "die Polizei"), or an ALL-CAPS dateline or photo credit ("BAMAKO
    (dts) -", "APA/AFP/MUSTAFA ABDI")."""
    if not tokens or all(t.lower() in FUNCTION_WORDS or not _has_letter(t) for t in tokens):
        return "not_a_name"
    if any(gendered_noun(t) for t in tokens):
        return COMMON_NOUN  # "Beobachter:innen", "Expert*innen"
    if is_event(tokens):
        return "event"  # O5: "Champions League", "DFB-Pokal"
    words = drop_leading_articles(clean_span(m.text).split())
    while len(words) > 1 and words[0].lower() in LEADING_PREPOSITIONS:
        words = words[1:]  # "Samt Polizei, Militärbeobachtern …" at a sentence start
    before = text[max(0, m.start - 30) : m.start]
    if is_generic(before, words or tokens):
        return "generic"
    if not _canonical(" ".join(words), aliases) and any(
        is_generic(before, words[:k]) and words[k][:1].isupper() and match_place_rows(" ".join(words[k:]))
        for k in range(2, len(words))  # a modifier and a generic noun: not "Regiment Oldenburg"
    ):
        return "generic"  # "Myanmars Militärjunta [Thailand um …]": the model ran on into a place
    if len(words) == 1 and _bare_body(words[0]):
        return "generic"  # O3: "die Polizei", "das Parlament"
    if _caps_line(text, m, tokens, aliases):
        return "not_a_name"
    if (
        len(words) == len(tokens)
        and text[m.end : m.end + 1] != "-"
        and not any("-" in w for w in words)
        and _ambiguous_after_adjective(text, m.start, tokens, aliases)
    ):
        return COMMON_NOUN
    return None


COMMON_NOUN = "common_noun"  # a name that is also a word, shown to be the word
LIST_LEFT = re.compile(r"([A-ZÄÖÜ][\w-]*[a-zäöüß])[ \t]*,[ \t]*$")
LIST_RIGHT = re.compile(r"[ \t]*(?:,|und|oder|sowie)[ \t]+([A-ZÄÖÜ][\w-]*[a-zäöüß])(?![\w-])")


def _listed_with_nouns(text: str, m: EntityMention, tokens: list[str], aliases: AliasTable) -> str | None:
    """``common_noun`` for an unknown one-word name between two common nouns of an
    enumeration: "Kunstgeschichte, Germanistik und Buchwissenschaft" (members of a list are
    of one kind, as :func:`coordinated_names` reads "Bosch, Grammer und Mahle"); else None."""
    if len(tokens) != 1 or "-" in tokens[0] or _canonical(tokens[0], aliases):
        return None
    left = LIST_LEFT.search(text, max(0, m.start - 40), m.start)
    right = LIST_RIGHT.match(text, m.end)
    if left and right and is_common_noun(left.group(1)) and is_common_noun(right.group(1)):
        return COMMON_NOUN
    return None


EVENT_TABLE = "org_events.txt"


@cache
def _events() -> tuple[frozenset[str], tuple[str, ...]]:
    """(stem keys of competition names, compound heads) of ``org_events.txt``."""
    words, heads = words_and_heads(EVENT_TABLE)
    return frozenset(stem_key(w) for w in words), heads


@cache
def _event_words() -> frozenset[str]:
    return frozenset(read_lines("org_event_words.txt"))


def is_event(tokens: list[str]) -> bool:
    """A tournament, competition or event, which O5 counts as no organisation: a listed
    name in any case form ("der Olympischen Spiele", "Champions League") or a compound on a
    competition noun ("Fußball-Weltmeisterschaft", "DFB-Pokals", "Hallenturnier")."""
    names, heads = _events()
    if not tokens or stem_key(" ".join(tokens)) in names:
        return bool(tokens)
    if any(t in _event_words() for t in tokens[1:]):
        return True  # "Erste Bank Open 500", "US Open": a tournament
    last = tokens[-1].lower().rstrip("'’")
    return any(last.endswith(h) or last.endswith(h + "s") or last.endswith(h + "es") for h in heads)


# An article and an inflected adjective: "der US-geführten Allianz" (not "wie Allianz",
# "versicherte Amazon": a verb or a particle is no attribute).
ATTRIBUTIVE_BEFORE = re.compile(
    r"(?<![\w])(?:der|die|das|den|dem|des|ein|eine|einer|einem|einen|eines)[ \t]+"
    r"((?:[A-ZÄÖÜ]{1,3}-)?[a-zäöüß][\w-]*[a-zäöüß](?:e|en|er|es|em))[ \t]+$"
)


def _ambiguous_after_adjective(text: str, start: int, tokens: list[str], aliases: AliasTable) -> bool:
    """A name that is also an ordinary noun (org_ambiguous.txt) after an attributive adjective
    is that noun: "der US-geführten Allianz", "eine neue Union" (the caller skips spans with
    a descriptor, "die staatliche Nachrichtenagentur Anadolu", and compounds, "brüllender
    Wagner-Chef")."""
    name = " ".join(tokens)
    if name not in _ambiguous_names() and (_canonical(name, aliases) or "") not in _ambiguous_names():
        return False
    return ATTRIBUTIVE_BEFORE.search(text, max(0, start - 40), start) is not None


CAPS_NAME_MIN = 5  # a credit's name has a word this long; acronyms ("IG BAU", "IFM GIF") do not
CAPS_WORD = re.compile(r"[A-ZÄÖÜ]{2,}(?:-[A-ZÄÖÜ]{2,})*")
CREDIT_BEFORE = re.compile(r"(?:/|©|Foto:?|Bild:?)[ \t]*$")
DATELINE_AFTER = re.compile(r"[ \t]*(?:\(|/|[-–—][ \t])")
# the rest of a town written in capitals before the dateline's bracket or dash: the model may
# take only the first words of "SCHARM EL SCHEICH (dpa) -" or "LOS ANGELES (AP) -"
CAPS_TOWN_REST = re.compile(r"(?:[ \t]+[A-ZÄÖÜ]{2,}(?:-[A-ZÄÖÜ]{2,})*)*")


def _dateline_follows(text: str, end: int) -> bool:
    """True when the dateline's bracket or dash follows ``end``, perhaps after more ALL-CAPS
    words of the town ("SCHARM EL| SCHEICH (dpa-AFX) -")."""
    rest = CAPS_TOWN_REST.match(text, end)
    return DATELINE_AFTER.match(text, rest.end() if rest else end) is not None


def _caps_line(text: str, m: EntityMention, tokens: list[str], aliases: AliasTable) -> bool:
    """An ALL-CAPS span that is no known name and stands where a dateline or credit stands:
    at a line start before "(agency)" or a dash, or after a slash or "Foto:"; or several
    ALL-CAPS words of which none is known ("MUSTAFA ABDI")."""
    if not all(CAPS_WORD.fullmatch(t) for t in tokens) or _canonical(" ".join(tokens), aliases):
        return False
    if any(a <= m.start and m.end <= b for a, b in dateline_sources(text)):
        return False  # "Wien (OTS/BMLVS) -": the sender, not a photographer's credit
    if any(t in LEGAL_FORMS for t in tokens):
        return False  # "© INLOCON AG": a company
    line_start = text.rfind("\n", 0, m.start) + 1
    lead = text[line_start : m.start].strip()
    at_start = not lead or bool(re.fullmatch(r"date \d{4}-\d{2}(?:-\d{2})?", lead))
    placed = (at_start and _dateline_follows(text, m.end)) or bool(
        CREDIT_BEFORE.search(text[line_start : m.start])
    )
    if (
        len(tokens) > 1
        and not any(_canonical(t, aliases) for t in tokens)
        and max(len(t) for t in tokens) >= CAPS_NAME_MIN
        and kind_of(tokens) == "other"
    ):
        return placed  # "AFP/MUSTAFA ABDI"; not "sagte er WELT ONLINE", "IG BAU", "… LANDESBANK"
    return len(tokens[0]) >= CAPS_NAME_MIN and placed  # "BAMAKO (dts) -"; shorter: an acronym


def _plain_noun(name: str, aliases: AliasTable) -> bool:
    """A one-word "organisation" that is an ordinary German noun ("auf der Tribüne") and
    no known name: an NER error. Institutions ("Verteidigungsministerium") are kept; the
    caller also requires an article before the span. Also kept: hyphenated proper names
    ("Al-Nusra-Front", "Weser-Kurier") and compounds on an organisation head
    ("Bundesnetzagentur", not "Bank"), and leagues ("Kreisliga")."""
    return (
        " " not in name
        and name in common_nouns()
        and not _canonical(name, aliases)
        and not INSTITUTION.fullmatch(name)
        and not LEAGUE.fullmatch(name)  # "in der Kreisliga": a league's name (O1)
        and not PROPER_COMPOUND.fullmatch(name)
        and not any(ch.isupper() for ch in name[1:])  # "BaFin"
        and not _organisation_compound(name)
    )


PROPER_COMPOUND = re.compile(r"[A-ZÄÖÜ][\w]*(?:-[A-ZÄÖÜ][\w]*)+")
MIN_COMPOUND_FRONT = 4


def _organisation_compound(word: str) -> bool:
    """A compound whose head gives an organisation kind and that is longer than the head:
    "Bundesnetzagentur" (government by -agentur … ), not "Bank" or "Konzerns"."""
    bare = _genitive_forms(word)[0].lower()
    kind = kind_of([bare])
    if kind == "other":
        return False
    head = max((e for e, k in kind_endings() if bare.endswith(e)), key=len, default="")
    return len(bare) - len(head) >= MIN_COMPOUND_FRONT


NOUN_ARTICLES = frozenset("der die das den dem des ein eine einer einem einen im am zur zum vom beim".split())


def _after_article(text: str, start: int) -> bool:
    """True when a lower-case article or a name's genitive with an apostrophe precedes the
    span ("auf der Tribüne", "vor Merz’ Büro")."""
    before = text[max(0, start - 16) : start].split()
    return bool(before) and (before[-1] in NOUN_ARTICLES or before[-1][-1:] in "’'")


def _has_letter(token: str) -> bool:
    return any(ch.isalpha() for ch in token)


def _after_genitive_article(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].lower() in GENITIVE_ARTICLES


BRACKET_GAP = re.compile(r"[“\"«]?[ \t]*\([ \t]*")


def _join_bracketed_acronyms(text: str, mentions: Sequence[EntityMention], canon: list[str | None]) -> None:
    """An acronym or one word in brackets right after a name is that name's short form, in
    the whole document: "des Deutschen Skiverbands (DSV)" … "der DSV" → Deutscher
    Skiverband, "„United Nations Interim Force in Lebanon“ (Unifil)" (in place)."""
    short: dict[str, str] = {}
    for j, i in zip(range(len(mentions)), range(1, len(mentions)), strict=False):
        long, acr = canon[j], canon[i]
        if (
            long
            and acr
            and " " not in acr
            and (acr.isupper() or text[mentions[i].end : mentions[i].end + 1] == ")")
            and " " in long
            and BRACKET_GAP.fullmatch(text, mentions[j].end, mentions[i].start)
        ):
            short.setdefault(acr, long)
    for i, c in enumerate(canon):
        if c in short:
            canon[i] = short[c]


# Prepositions that join a name's head to its complement ("Al-Kaida auf der Arabischen Halbinsel").
LINKING_PREPOSITIONS = frozenset("auf in im an am für von vom zu zur zum bei über unter".split())


def _join_short_forms(canon: list[str | None], names: list[str | None], aliases: AliasTable) -> None:
    """Within one document, point short forms at the long form they abbreviate (in place):
    an acronym of a long name ("BAMF" … "Bundesamt für Migration und Flüchtlinge", "FCB" …
    "FC Basel"), a name
    without its country prefix ("Verteidigungsministerium" … "US-Verteidigungsministerium"),
    or the first word of a longer name ("Bundesamt" … "Bundesamt für Migration …"; not a known
    organisation whose branch the longer name names by a preposition: "Al-Kaida" … "Al-Kaida auf
    der Arabischen Halbinsel", "Islamischer Staat in der Großen Sahara"), or its last
    words after a modifier ("Task Force North" … "Multinational Task Force North"; not after a
    function word: "Europäische Union" is no short form of "Rat der Europäischen Union")."""
    pairs = list(dict.fromkeys((n, c) for n, c in zip(names, canon, strict=True) if n and c))
    by_acronym: dict[str, str] = {}
    prefixed: dict[str, str] = {}
    heads: dict[str, str] = {}
    tails: dict[str, str] = {}
    clubs: dict[str, str] = {}
    sports = any(club_town(form) for pair in pairs for form in pair)
    for name, c in pairs:
        for form in dict.fromkeys((name, c)):
            words = form.split()
            if len(words) > 2:
                by_acronym.setdefault(acronym(words).upper(), c)
            if len(words) > 1 and len(mixed := mixed_acronym(words)) > 2:
                by_acronym.setdefault(mixed, c)
            for k in range(1, len(words) - 1):
                if words[k - 1].lower() not in FUNCTION_WORDS and words[k][:1].isupper():
                    tails.setdefault(name_key(" ".join(words[k:])), c)
            if (town := club_town(form, sports)) is not None:
                clubs.setdefault(name_key(town), c)  # "Basel" … "FC Basel"
            first, _, rest = form.partition("-")
            if rest and " " not in first and country_for_word(first) and rest[:1].isupper():
                prefixed.setdefault(name_key(rest), c)
            if len(words) > 1 and not (words[1].lower() in LINKING_PREPOSITIONS and _canonical(words[0], aliases)):
                heads.setdefault(name_key(words[0]), c)
    for i, c in enumerate(canon):
        if not c or _canonical(c, aliases) and _canonical(c, aliases) != c:
            continue
        key = name_key(c)
        if c.isupper() and c in by_acronym:
            canon[i] = by_acronym[c]
        elif key in prefixed and prefixed[key] != c:
            canon[i] = prefixed[key]
        elif " " not in c and key in heads and heads[key] != c and not c.isupper():
            canon[i] = heads[key]
        elif " " in c and key in tails and tails[key] != c:
            canon[i] = tails[key]
        elif key in clubs and clubs[key] != c:
            canon[i] = clubs[key]


def _nominative(tokens: list[str], literal: set[str], aliases: AliasTable, genitive: bool = False) -> str:
    """Name with a genitive ending removed when the alias table, the document, a preceding
    "des"/"eines" or a known institution head says so ("des Bundestages" → Bundestag,
    "des Warschauer Pakts" → Warschauer Pakt)."""
    if len(tokens) > 1 and (genitive or tokens[1].lower() in FUNCTION_WORDS):
        first = _genitive_forms(tokens[0])[0]  # "(des) Instituts für …" → "Institut für …"
        if first != tokens[0] and first.lower().endswith((*GENITIVE_HEADS, "um", "ut")):
            tokens = [first, *tokens[1:]]
    head = tokens[:-1]
    forms = _genitive_forms(tokens[-1])
    if genitive and forms[0] == tokens[-1] and len(forms) > 1:
        forms = [*forms[1:], forms[0]]
    for form in forms:  # alias table or another mention of the document confirms the form
        name = " ".join([*head, form])
        if _canonical(name, aliases) or (form != tokens[-1] and fold(name) in literal):
            return name
    return " ".join([*head, forms[0]])


def relabel(mention: EntityMention, aliases: AliasTable | None = None) -> str:
    """Repair obvious NER label errors with the alias table and the gazetteer.

    A LOC/PER span that is a known organisation ("Kreml", "Nato", "Pentagon") → ORG; an ORG
    span opened or ended by a site word (org_sites.txt: "Camp Schwab", "Pearl Beach Hotel")
    and a PER/ORG span that is exactly a country or a hand-checked region → LOC; an ORG/LOC span
    that the alias table knows as a person ("Putin", "Putins") → PER. Everything else keeps
    its label. See :func:`relabel_mentions` for the document-level version.
    """
    from pipeline.normalise.places import match_place

    aliases = aliases if aliases is not None else load_aliases()
    tokens = drop_leading_articles(clean_span(mention.text).split())
    if not tokens:
        return mention.label
    name = " ".join(tokens)
    bare = " ".join([*tokens[:-1], *_genitive_forms(tokens[-1])[:1]])
    if mention.label in {"LOC", "PER", "MISC"} and (_canonical(name, aliases) or _canonical(bare, aliases)):
        return "ORG"
    if (
        mention.label == "PER"
        and len(tokens) == 1
        and tokens[0].endswith("s")
        and _canonical(tokens[0][:-1], aliases)
        and not aliases.canonical(tokens[0][:-1], "PER")
    ):
        return "ORG"  # "Daimlers Betriebsratschef": a known organisation's genitive
    if mention.label == "ORG" and len(tokens) > 1 and (tokens[0] in _sites() or tokens[-1] in _sites()):
        return "LOC"  # L5: "Camp Schwab", "Pearl Beach Hotel"
    if mention.label in {"PER", "ORG", "MISC"}:
        hit = match_place(mention.text)
        if (
            hit
            and hit.rows[0].kind == "country"
            or (hit and hit.rows[0].geonames_id is None and hit.rows[0].kind == "region")
        ):
            return "LOC"
    if mention.label in {"ORG", "LOC", "MISC"} and (
        aliases.canonical(name, "PER") or aliases.canonical(bare, "PER")
    ):
        hit = match_place(mention.text)
        if not (hit and hit.rows[0].kind == "country"):
            return "PER"
    return mention.label


def relabel_mentions(
    text: str, mentions: Sequence[EntityMention], aliases: AliasTable | None = None
) -> list[EntityMention]:
    """:func:`relabel` every mention, then make one document consistent.

    A one-word LOC/ORG/MISC span equal to a word of a multi-word person name in the same
    document becomes PER ("Sanders" after "Sarah Sanders", "Putins" after "Wladimir
    Putin"); a span written with different labels takes the label most of its mentions
    have ("Bachmut" tagged LOC twice and PER once → LOC); on a PER/LOC tie the gazetteer
    decides: "Gündogan" (unknown) → PER, "Stalingrad" (known) → LOC.

    Before that, spans are completed: a person's genitive before an organisation is split
    off (:func:`split_person_orgs`), ORG spans are widened to a known longer name
    (:func:`extend_known_organisations`) and LOC spans to the full town name
    (``places.extend_place_mentions``: "Frankfurt am Main", "St. Petersburg"). Every
    returned mention's text equals ``text[start:end]``.
    """
    from pipeline.normalise.places import claim_venues, extend_place_mentions

    aliases = aliases if aliases is not None else load_aliases()
    mentions = split_person_edges(split_person_orgs(mentions, aliases), aliases)
    mentions = extend_known_organisations(text, mentions, aliases)
    mentions = join_club_names(text, mentions)
    mentions = claim_venues(text, absorb_into_bodies(text, mentions))
    mentions = extend_place_mentions(text, mentions)
    labels = [relabel(m, aliases) for m in mentions]
    keys = [_surface_key(m.text) for m in mentions]
    present = set(keys)
    keys = [k[:-1] if k.endswith("s") and k[:-1] in present else k for k in keys]  # Bachmuts
    # words of multi-word person names, each with how many such names carry it
    person_words = Counter(
        fold(t.rstrip("'’")) if k else fold(t)
        for m, lab in zip(mentions, labels, strict=True)
        if lab == "PER" and len(clean_span(m.text).split()) > 1
        for k, t in enumerate(clean_span(m.text).split())
    )
    votes: dict[str, Counter[str]] = {}
    for key, lab in zip(keys, labels, strict=True):
        if key:
            votes.setdefault(key, Counter())[lab] += 1
    surnames = {
        fold(clean_span(m.text).split()[-1].rstrip("'’"))
        for m, lab in zip(mentions, labels, strict=True)
        if lab == "PER" and clean_span(m.text)
    }
    out: list[EntityMention] = []
    clubs = _club_towns(mentions, labels)
    sports = bool(clubs) or bool(league_spans(text))
    firms = company_prefixes(text)
    examples = set(exemplified_names(text, aliases))
    examples |= set(coordinated_names(text, sorted(examples), aliases))
    for k, (m, key, lab) in enumerate(zip(mentions, keys, labels, strict=True)):
        new = lab
        if lab != "ORG" and (m.start, m.end) in examples:
            out.append(EntityMention(m.sent_idx, m.start, m.end, m.text, "ORG"))
            continue  # "Grossfirmen wie Sika, Holcim oder Syngenta": examples of a kind of organisation
        if lab == "LOC" and (
            (key in clubs and not LOCATIVE_BEFORE.search(text, max(0, m.start - 12), m.start))
            or _named_by_descriptor(text, m)
            or _opponent(text, m)
            or (sports and _club_by_town(text, k, mentions, labels))
        ):
            out.append(EntityMention(m.sent_idx, m.start, m.end, m.text, "ORG"))
            continue  # L6: "für Basel" after "FC Basel", "den Drittligisten Walenstadt": the club
        if lab == "PER" and " " not in clean_span(m.text) and fold(clean_span(m.text)) in firms:
            out.append(EntityMention(m.sent_idx, m.start, m.end, m.text, "ORG"))
            continue  # "Sechs Fabriken betreibt Lindt" after "Lindt-Chef": the firm (L3)
        if lab == "PER" and _after_team_word(text, m):
            out.append(EntityMention(m.sent_idx, m.start, m.end, m.text, "ORG"))
            continue  # "Tabellenführer Sturm Graz": a club, whatever its name looks like
        words = clean_span(m.text).split()
        if (
            lab in {"ORG", "LOC"}
            and 2 <= len(words) <= 3
            and all(is_capitalised(w) for w in words)
            and fold(words[-1]) in surnames
            and not _canonical(m.text, aliases)
            and match_place_rows(m.text) is None
        ):
            new = "PER"  # "Ilkay Gündogan" tagged ORG, "Gündogan" tagged PER elsewhere
        elif lab == "ORG" and _person_shaped(words, aliases):
            new = "PER"  # "den Sprecher der Allianz, Hassan Abdel Ghani,"
        if key and " " not in clean_span(m.text):  # also "Al-Sharaa" (key "al sharaa")
            stripped = {key, key[:-1] if key.endswith("s") else key}
            support = max((person_words[w] for w in stripped), default=0)
            if lab != "PER" and support and votes[key][lab] <= support and not _is_country(m.text):
                new = "PER"  # "Sanders" after "Sarah Sanders"; not "Helvetia" tagged ORG four times beside one "Helvetia Baloise"
            else:
                ranked = votes[key].most_common()
                if len(ranked) > 1 and ranked[0][0] != lab and ranked[0][1] > votes[key][lab]:
                    new = ranked[0][0]
                elif (
                    lab in {"LOC", "ORG"}
                    and votes[key]["PER"] == votes[key][lab]
                    and match_place_rows(m.text) is None
                    and not _canonical(m.text, aliases)
                ):
                    new = "PER"  # tie: a name the gazetteer does not know is a person
                elif (
                    lab == "PER"
                    and votes[key]["LOC"] == votes[key]["PER"]
                    and match_place_rows(m.text) is not None
                    and not aliases.canonical(m.text, "PER")
                ):
                    new = "LOC"  # tie: a place the gazetteer knows ("Stalingrad")
        out.append(m if new == m.label else EntityMention(m.sent_idx, m.start, m.end, m.text, new))
    return out


# A club's short form in capitals before its town: "FC Basel", "SC Freiburg", "VfB Stuttgart".
CLUB_PREFIX = re.compile(r"[A-Z][A-Za-z]{1,3}")
LOCATIVE_BEFORE = re.compile(r"(?<![\w-])(?:[Ii]n|[Ii]m|[Nn]ach|[Aa]us|[Bb]ei|[Nn]ahe|[Uu]m)[ \t]+$")


def club_town(name: str, sports: bool = False) -> str | None:
    """The town a sports club is named after: a short form with two or more capitals and a
    known town or state ("FC Basel" → Basel, "VfL Wolfsburg 1945" → Wolfsburg, "FC Bayern"
    → Bayern); in an article that names such a club (``sports``), also one name word before
    a known town ("Borussia Dortmund", "Werder Bremen": German clubs put a Latin or club
    name before the town). None otherwise."""
    words = [w for w in drop_leading_articles(clean_span(name).split()) if not w.isdigit()]
    if len(words) < 2:
        return None
    town = " ".join(words[1:])
    if _club_short_form(words[0]):
        rows = match_place_rows(town)
        return town if rows and rows[0].kind in {"city", "region"} else None
    if sports and len(words) == 2 and _club_name_word(words[0]):
        rows = match_place_rows(town)
        return town if rows and rows[0].kind == "city" else None
    return None


CLUB_GAP = re.compile(r"[ \t]+(?:\d{2,4}[ \t]+)?")


def join_club_names(text: str, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """A club's short form and the place after it, with a founding year between or not, are
    one ORG mention: "TSG 1899 Hoffenheim", "FSV 05 Mainz" when the model tagged "TSG" ORG
    and "Hoffenheim" LOC (German club names put the short form first, :func:`club_town`);
    a country after it stays a place ("die UN Syrien")."""
    out: list[EntityMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            nxt is not None
            and m.label == "ORG"
            and nxt.label == "LOC"
            and _club_short_form(clean_span(m.text))
            and CLUB_GAP.fullmatch(text, m.end, nxt.start)
            and not _is_country(nxt.text)
        ):
            out.append(EntityMention(m.sent_idx, m.start, nxt.end, text[m.start : nxt.end], "ORG"))
            i += 2
            continue
        out.append(m)
        i += 1
    return out


def _club_short_form(word: str) -> bool:
    """A club's short form: up to four letters, two or more of them capitals ("FC", "VfB",
    "TSG", "SpVgg" is longer and not meant)."""
    return bool(CLUB_PREFIX.fullmatch(word)) and sum(c.isupper() for c in word) >= 2


def _club_name_word(word: str) -> bool:
    """A word that may open a club's name before its town: capitalised, the rest lower case
    ("Borussia", "Werder", "Eintracht"); no institution ("Universität"), organisation
    descriptor ("Konzern"), state body, generic force or nationality adjective."""
    return (
        len(word) > 3
        and word[:1].isupper()
        and word[1:].islower()
        and word.isalpha()
        and not institution_noun(word)
        and not _is_descriptor(word)
        and not _bare_body(word)
        and country_for_word(word) is None
    )


DESCRIPTOR_BEFORE = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\w-]*[a-zäöüß])[ \t]+$")


def _named_by_descriptor(text: str, m: EntityMention) -> bool:
    """A town right after a noun that introduces an organisation's name is that
    organisation ("den Drittligisten Walenstadt", "der Verein Lauterach"): the noun is in
    apposition to a name, as in "der Autobauer Daimler" (countries and regions stay)."""
    before = DESCRIPTOR_BEFORE.search(text, max(0, m.start - 40), m.start)
    if before is None or not _is_descriptor(before.group(1)):
        return False
    rows = match_place_rows(m.text)
    return not rows or rows[0].kind == "city"


def _after_team_word(text: str, m: EntityMention) -> bool:
    before = DESCRIPTOR_BEFORE.search(text, max(0, m.start - 40), m.start)
    return before is not None and team_word(before.group(1))


# One side of a fixture: capitalised words, a year or a team number ("TV 1922 Saubach", "ESV
# Herrengosserstedt II", "Lossa/Rastenberg").
_SIDE = r"[A-ZÄÖÜ](?:[\w/'’]|\.(?=\w))*(?:[ \t]+(?:[A-ZÄÖÜ](?:[\w/'’]|\.(?=\w))*|1[89]\d\d|20\d\d|[IV]{1,3}))*"
FIXTURE = re.compile(rf"(?<![\w-])(?P<a>{_SIDE})[ \t]+[-–][ \t]+(?P<b>{_SIDE})(?P<score>[ \t]+\d{{1,2}}:\d{{1,2}})?(?![\w-])")


@cache
def _fixture_words() -> tuple[str, ...]:
    return tuple(w.lower() for w in read_lines("fixture_words.txt"))


@lru_cache(maxsize=8)
def fixture_sides(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the two clubs of a fixture "A - B": with its score ("Lossa/Rastenberg -
    Baumersrodaer SV 10:1"), or in a sentence that speaks of fixtures (``fixture_words.txt``:
    "Die weiteren Sonntagspaarungen lauten: Rapid - Mattersburg und Innsbruck - LASK"). A
    town used for its club is the club (GUIDELINES L6); a route "Wien - Salzburg" is no
    fixture."""
    out: list[tuple[int, int]] = []
    for m in FIXTURE.finditer(text):
        if not m.group("score"):
            lo = _sentence_start(text, m.start(), m.start())
            if not any(w in text[lo : m.start()].lower() for w in _fixture_words()):
                continue
        sides = [(m.start(g), m.end(g)) for g in ("a", "b")]
        if all(text[a:b].split()[0] not in common_nouns() and not _is_country(text[a:b]) for a, b in sides):
            out += sides
    return tuple(out)


AGAINST_BEFORE = re.compile(r"(?<![\w-])gegen[ \t]+(?:(?:den|die|das|dem)[ \t]+)?$")
SCORE = re.compile(r"(?<![\d:.])\d{1,2}:\d{1,2}(?![\d:])(?![ \t]*Uhr)")
SENTENCE_WINDOW = 200


def _sentence_start(text: str, pos: int, window: int) -> int:
    """Where the sentence holding ``pos`` starts, looking back at most ``window`` characters:
    after the last ".", "!", "?" or line break."""
    return max(text.rfind(c, max(0, pos - window), pos) for c in ".!?\n") + 1


def _opponent(text: str, m: EntityMention) -> bool:
    """A town after "gegen" in a sentence that gives a match score is the opposing club
    (GUIDELINES L6): "hatte er mit einem 15:0 gegen Rorschach-Goldach begonnen", "gewann
    3:1 gegen Freiburg"; a country stays a place (its national team, L6)."""
    if not AGAINST_BEFORE.search(text, max(0, m.start - 12), m.start):
        return False
    lo = _sentence_start(text, m.start, SENTENCE_WINDOW)
    hi = min((i for i in (text.find(c, m.end, m.end + SENTENCE_WINDOW) for c in ".!?\n") if i >= 0), default=len(text))
    if not SCORE.search(text, lo, hi):
        return False
    rows = match_place_rows(m.text)
    return not rows or rows[0].kind == "city"


@cache
def _company_heads() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in sorted(read_lines("company_heads.txt"), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])([A-ZÄÖÜ][\w]+)-(?:{heads})(?![\w-])")


def company_prefixes(text: str) -> frozenset[str]:
    """Folded names that open a compound on a noun said of firms (company_heads.txt: "Lindt-Chef",
    "VW-Aktie"): the article names an organisation so."""
    return frozenset(fold(m.group(1)) for m in _company_heads().finditer(text))


CLUB_LIST_GAP = re.compile(r"[ \t]*(?:,|und|oder|sowie)[ \t]+(?:(?:den|dem|die|der)[ \t]+)?")


def _club_by_town(text: str, k: int, mentions: Sequence[EntityMention], labels: Sequence[str]) -> bool:
    """In a sports article, the town of mention ``k`` stands for a club (L6): listed right
    after a club ("gegen den LASK oder Hartberg"), or in brackets after a player's name
    ("Flavius Daniliuc (Salernitana)"); a country stays a place (its national team)."""
    m = mentions[k]
    rows = match_place_rows(m.text)
    if k == 0 or (rows and rows[0].kind != "city"):
        return False
    prev, prev_label = mentions[k - 1], labels[k - 1]
    gap = text[prev.end : m.start]
    club_before = prev_label == "ORG" and (club_town(prev.text, sports=True) is not None or prev.text.isupper())
    if club_before and CLUB_LIST_GAP.fullmatch(gap):
        return True  # "gegen den LASK oder Hartberg"
    return prev_label == "PER" and gap in {" (", "("} and text[m.end : m.end + 1] == ")"


def _club_towns(mentions: Sequence[EntityMention], labels: Sequence[str]) -> set[str]:
    """Folded towns of the sports clubs an article names (:func:`club_town`): the town
    alone, not after a locative preposition, is the club (GUIDELINES L6: "gegen Freiburg")."""
    names = [m.text for m, lab in zip(mentions, labels, strict=True) if lab == "ORG"]
    sports = any(club_town(n) for n in names)
    return {fold(town) for n in names if (town := club_town(n, sports))}


def absorb_into_bodies(text: str, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """Mentions inside a state body's, an operation's, a numbered unit's or a quoted
    organisation's name become that one ORG mention: LOC "Mühlhausen" in "Landgericht
    Mühlhausen", MISC "Hamburger" in "Hamburger Polizei", MISC "Operation Wüstensturm", LOC
    "Panzerbataillons" in "des Panzerbataillons 104", ORG "United Nations Interim Force" in
    "„United Nations Interim Force in Lebanon“". A mention that crosses the name's edge keeps
    it apart."""
    spans = [(m.start(), m.end()) for m in national_bodies(text)]
    spans += institutions_before_places(text, mentions)
    spans += [(m.start(), m.end()) for unit in (OPERATION, NUMBERED_UNIT, MILITARY_UNIT) for m in unit.finditer(text)]
    spans += quoted_names(text)
    spans += fixture_sides(text)
    spans += league_spans(text)
    spans += eponymous_institutions(text)
    return absorb_spans(text, mentions, spans, "ORG")


INSTITUTION_TABLE = "org_institutions.txt"
WORD_BEFORE = re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]+)[ \t]+$")


def _institution_heads() -> tuple[frozenset[str], tuple[str, ...]]:
    """(nouns, compound heads) of ``org_institutions.txt``, lower case."""
    return words_and_heads(INSTITUTION_TABLE)


def institution_noun(word: str) -> bool:
    """An institution noun, also inflected or compounded ("Universität", "Kulturstiftung",
    "Landesmuseums")."""
    words, heads = _institution_heads()
    low = word.lower()
    return any(f in words or f.endswith(heads) for f in (low, re.sub(r"(?:e?s|en|n)$", "", low)))


def institutions_before_places(text: str, mentions: Sequence[EntityMention]) -> list[tuple[int, int]]:
    """Spans of an institution noun and the town or region right after it ("die
    Kulturstiftung Sachsen-Anhalt teilte mit", "an der Universität Tübingen"): the LOC
    mention is part of the institution's name."""
    out: list[tuple[int, int]] = []
    for m in mentions:
        if m.label != "LOC":
            continue
        before = WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
        if before is None or not institution_noun(before.group(1)):
            continue
        rows = match_place_rows(m.text)
        if rows and rows[0].kind in {"city", "region"}:
            out.append((before.start(1), m.end))
    return out


def split_person_orgs(
    mentions: Sequence[EntityMention], aliases: AliasTable | None = None
) -> list[EntityMention]:
    """A PER span that ends in a person's genitive and a known organisation is two
    mentions: "Erdoğans AKP" → PER "Erdoğans" + ORG "AKP", "Merz' CDU" → "Merz'" + "CDU".
    Names that are also ordinary words or people (``org_ambiguous.txt``) are not split off."""
    aliases = aliases if aliases is not None else load_aliases()
    out: list[EntityMention] = []
    for m in mentions:
        words = m.text.split()
        last = words[-1].strip(",;:.") if words else ""
        if (
            m.label == "PER"
            and len(words) >= 2
            and words[-2].endswith(("s", "'", "’"))
            and last
            and last not in _ambiguous_names()
            and _canonical(last, aliases)
            and not aliases.canonical(last, "PER")
        ):
            cut = m.text.rfind(last)
            head = m.text[:cut].rstrip()
            org_start = m.start + cut
            out.append(EntityMention(m.sent_idx, m.start, m.start + len(head), head, "PER"))
            out.append(EntityMention(m.sent_idx, org_start, org_start + len(last), last, "ORG"))
        else:
            out.append(m)
    return out


def split_person_edges(
    mentions: Sequence[EntityMention], aliases: AliasTable | None = None
) -> list[EntityMention]:
    """An ORG span run on into a person the document names is cut at the person: a person's
    genitive in front ("von Dodiks Partei SNSD dominiert" → PER "Dodiks" + ORG "Partei SNSD")
    and a person after the name when the rest is an organisation of the document or of the
    alias table ("die Organisation Hayat Tahrir al-Sham Assad gestürzt" → ORG "Hayat Tahrir
    al-Sham" + PER "Assad"). German puts a possessor's genitive before the noun it owns and
    an object after the subject; neither belongs to the organisation's name. A span opened by
    a role word and a given name is a person with a title ("Bundesrat Alain Berset": a Swiss
    federal councillor, no Federal Council)."""
    from pipeline.normalise.people import is_role

    aliases = aliases if aliases is not None else load_aliases()
    surnames = {fold(w[-1]) for m in mentions if m.label == "PER" and (w := clean_span(m.text).split())}
    org_keys = {_surface_key(m.text) for m in mentions if m.label == "ORG"}
    out: list[EntityMention] = []
    for m in mentions:
        words = m.text.split()
        if m.label != "ORG" or len(words) < 2:
            out.append(m)
            continue
        first, last = words[0], words[-1].strip(",;:.")
        rest = m.text[: m.text.rfind(last)].rstrip()
        if first.endswith(("s", "'", "’")) and fold(first[:-1]) in surnames and not _canonical(m.text, aliases):
            org_start = m.start + m.text.index(words[1], len(first))
            out.append(EntityMention(m.sent_idx, m.start, m.start + len(first), first, "PER"))
            out.append(EntityMention(m.sent_idx, org_start, m.end, m.text[org_start - m.start :], "ORG"))
        elif len(words) >= 3 and is_role(first) and _given_name(words[1]):
            per_start = m.start + m.text.index(words[1], len(first))  # "Bundesrat Alain Berset": a title
            out.append(EntityMention(m.sent_idx, per_start, m.end, m.text[per_start - m.start :], "PER"))
        elif fold(last) in surnames and (_surface_key(rest) in org_keys or _canonical(rest, aliases)):
            per_start = m.start + m.text.rfind(last)
            out.append(EntityMention(m.sent_idx, m.start, m.start + len(rest), rest, "ORG"))
            out.append(EntityMention(m.sent_idx, per_start, per_start + len(last), last, "PER"))
        else:
            out.append(m)
    return out


def extend_known_organisations(
    text: str, mentions: Sequence[EntityMention], aliases: AliasTable | None = None
) -> list[EntityMention]:
    """ORG spans that overlap a longer name of the alias table are widened to it
    ("Bundesamt für Migration" → "Bundesamt für Migration und Flüchtlinge", "Vereinten
    Nationen" → "Sicherheitsrat der Vereinten Nationen"); a LOC or PER span inside such a name
    becomes that ORG ("Südkorea" in "US-Streitkräfte in Südkorea", "Chase" in "JPMorgan
    Chase"). Mentions the wider span covers are dropped. Texts always equal ``text[start:end]``."""
    aliases = aliases if aliases is not None else load_aliases()
    pattern = _known_org_pattern(aliases)
    if pattern is None:
        return list(mentions)
    out: list[EntityMention] = []
    for m in mentions:
        start, end = m.start, m.end
        if m.label in {"ORG", "LOC", "PER"}:
            lo = max(0, m.start - EXTEND_WINDOW)
            for hit in pattern.finditer(text, lo, min(len(text), m.end + EXTEND_WINDOW)):
                inside = hit.start() <= m.start and m.end <= hit.end()
                if (
                    " " not in hit.group()
                    or not (hit.start() < m.end and m.start < hit.end())
                    or (m.label in {"LOC", "PER"} and not inside)
                    or (m.start <= hit.start() and hit.end() <= m.end)
                ):
                    continue
                start, end = min(start, hit.start()), max(end, hit.end())
        out.append(
            m
            if (start, end) == (m.start, m.end)
            else EntityMention(m.sent_idx, start, end, text[start:end], "ORG")
        )
    wide = [(m.start, m.end) for m, o in zip(out, mentions, strict=True) if m is not o]
    return [
        m for m in out if not any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in wide)
    ]


EXTEND_WINDOW = 80


def match_place_rows(span: str):
    """Gazetteer rows for a span, or None (lazy import: places loads the gazetteer)."""
    from pipeline.normalise.places import match_place

    hit = match_place(span)
    return hit.rows if hit else None


def _surface_key(span: str) -> str:
    tokens = drop_leading_articles(clean_span(span).split())
    return fold(" ".join(tokens).rstrip("'’")) if tokens else ""


def _is_country(span: str) -> bool:
    from pipeline.normalise.places import match_place

    hit = match_place(span)
    return bool(hit) and hit.rows[0].kind == "country"


def find_known_organisations(
    text: str,
    mentions: Sequence[EntityMention] = (),
    aliases: AliasTable | None = None,
    sentence_starts: Sequence[int] = (),
) -> list[EntityMention]:
    """ORG mentions for names of the alias table that the NER model missed.

    Every written form of an ORG entry (also with a genitive -s/-es) found as a whole word
    in ``text`` and not overlapping one of ``mentions`` becomes an ``EntityMention`` labelled
    ORG, also as the first part of a hyphenated compound ("SPD-Politiker", "Nato-Staaten":
    the mention covers "SPD", "Nato"); names that are also ordinary words or people
    (``org_ambiguous.txt``: "Union", "Spiegel", "Wagner") are skipped. Any
    ministry or function-named office ("Verteidigungsministerium", "US-Außenministeriums",
    "Gesundheitsbehörde"), numbered military unit ("6. Armee", "10. Panzerdivision") and
    state body tied to a state by an adjective or genitive (:func:`national_bodies`:
    "ukrainisches Parlament", "Grenzschutz Litauens") is added too. ``sentence_starts`` (sorted character
    offsets) give ``sent_idx``. Returns the new mentions only, in text order.
    """
    import bisect

    aliases = aliases if aliases is not None else load_aliases()
    pattern = _known_org_pattern(aliases)
    taken = sorted((m.start, m.end) for m in mentions)
    out: list[EntityMention] = []
    hits = [*pattern.finditer(text)] if pattern is not None else []
    prefix = _ambiguous_prefix_pattern(aliases.names("ORG"))
    if prefix is not None:
        hits += [m for m in prefix.finditer(text) if not any(h.start() <= m.start() < h.end() for h in hits)]
    bodies = national_bodies(text)
    hits += [
        m
        for m in INSTITUTION.finditer(text)
        if not any(h.start() <= m.start() < h.end() for h in hits)
        and not any(b.start() == m.start() for b in bodies)  # "Staatsanwaltschaft Bremen" is the name
        and not _before_name(text, m.end(), mentions, aliases)
        and not _after_demonstrative(text, m.start())
        and not INDEFINITE_BEFORE.search(text, max(0, m.start() - 40), m.start())  # "ein neues Ministerium"
    ]
    hits += [
        m
        for unit in (MILITARY_UNIT, NUMBERED_UNIT, OPERATION, HEAD_OFFICE)
        for m in unit.finditer(text)
        if not any(h.start() <= m.start() < h.end() for h in hits)
    ]
    hits += [
        m
        for m in bodies
        if not any(h.start() < m.end() and m.start() < h.end() for h in hits)
        and not _before_name(text, m.end(), mentions, aliases)
    ]
    for m in sorted(hits, key=lambda h: h.start()):
        i = bisect.bisect_left(taken, (m.end(), -1))
        if any(s < m.end() and m.start() < e for s, e in taken[max(0, i - 2) : i + 1]):
            continue
        sent = max(0, bisect.bisect_right(list(sentence_starts), m.start()) - 1)
        out.append(EntityMention(sent, m.start(), m.end(), m.group(), "ORG"))
    orgs = [(m.start, m.end) for m in mentions if m.label == "ORG"] + [(m.start, m.end) for m in out]
    found = [
        *ambiguous_in_context(text, aliases, orgs),
        *credit_agencies(text, aliases),
        *dateline_sources(text),
        *descriptor_appositions(text, aliases),
        *eponymous_institutions(text),
        *exemplified_names(text, aliases),
        *fixture_sides(text),
        *league_spans(text),
        *quoted_names(text),
        *reported_media(text),
    ]
    orgs += found
    found += coordinated_names(text, orgs, aliases)
    for start, end in found:
        if any(s < end and start < e for s, e in taken) or any(m.start < end and start < m.end for m in out):
            continue
        sent = max(0, bisect.bisect_right(list(sentence_starts), start) - 1)
        out.append(EntityMention(sent, start, end, text[start:end], "ORG"))
    return sorted(out, key=lambda e: e.start)


NEXT_WORD = re.compile(r"[ \t]+([A-ZÄÖÜ][\w-]*)")
DEMONSTRATIVE_BEFORE = re.compile(r"(?<![\w-])(?:[Dd]ies|[Jj]en)(?:e|er|es|em|en)[ \t]+$")


def _after_demonstrative(text: str, start: int) -> bool:
    """True after "diese"/"jene" ("Diese Anklagebehörde verdächtigt …"): the noun points back
    to a body the text has named ("die Staatsanwaltschaft Trient") and names none itself."""
    return DEMONSTRATIVE_BEFORE.search(text, max(0, start - 12), start) is not None


def _before_name(text: str, end: int, mentions: Sequence[EntityMention], aliases: AliasTable) -> bool:
    """True when a name follows as an apposition ("der ukrainische Inlandsgeheimdienst SBU"):
    the phrase then describes that organisation and is no name of its own."""
    m = NEXT_WORD.match(text, end)
    if not m:
        return False
    word = m.group(1)
    return (
        any(e.start == m.start(1) and e.label == "ORG" for e in mentions)
        or (word.isupper() and len(word) > 1)
        or _canonical(word, aliases) is not None
    )


# Credits and source lines: "Foto: dpa/epa/…", "(Keystone/AP)" or "(dpa, afp)" at a line's
# end, "… Syrien. - Dpa", a line that is only an agency's name, a dateline ("BERLIN afp ■").
CREDIT_SEGMENTS = (
    re.compile(r"(?:\b(?:Fotos?|Bild(?:er)?|Quelle|Grafik|Video)[ \t]*:|©)[ \t]*([^\n]{1,120})"),
    re.compile(r"\(([^()\n]{1,80})\)[ \t]*$", re.MULTILINE),
    re.compile(r"(?<=[.!?])[ \t]+[-–—][ \t]+([^\n]{1,40})$", re.MULTILINE),
    re.compile(r"^[ \t]*([^\s][^\n]{0,38}?)[ \t]*$", re.MULTILINE),
    # datelines: "BERLIN (dpa) -", "KIEW/MOSKAU (AFP) –", "BERLIN afp ■"
    re.compile(r"^[ \t]*[A-ZÄÖÜ]{3,}[A-ZÄÖÜ/ -]*?[ \t]+\(?([A-Za-z][\w/, -]{1,30}?)\)?[ \t]*[-–—■]", re.MULTILINE),
)
CREDIT_PIECE = re.compile(r"[^/,;()\n]+")


def credit_agencies(text: str, aliases: AliasTable) -> list[tuple[int, int]]:
    """Spans of news and photo agencies named in credits and source lines, in any letter case
    ("Foto: dpa/epa", "(Keystone/AP)", "(dpa, afp)", "- Dpa"): every piece between
    slashes, commas or brackets that is a known organisation of kind media."""
    found: set[tuple[int, int]] = set()
    for segment in CREDIT_SEGMENTS:
        for m in segment.finditer(text):
            for piece in CREDIT_PIECE.finditer(text, m.start(1), m.end(1)):
                raw = piece.group()
                start = piece.start() + len(raw) - len(raw.lstrip(" \t-–—"))
                name = raw.strip(" \t-–—.")
                known = known_org(name, aliases) if name else None
                if known is not None and known.kind == "media":
                    found.add((start, start + len(name)))
    return sorted(found)


# "BAMAKO (dts Nachrichtenagentur) -", "Wien (OTS/BMLVS) -": the town that opens an article and,
# in brackets, who sent it (one or more agencies or offices, split by "/" or ","); Swiss
# datelines add the canton's two-letter code to the town ("Gerlafingen SO (awp/sda) -")
DATELINE_SOURCE = re.compile(
    r"^[ \t]*(?:date[ \t]+\S+[ \t]+)?(?P<town>[A-ZÄÖÜ][\w.-]*(?:/[A-ZÄÖÜ][\w.-]*)*)(?:[ \t]+[A-Z]{2})?"
    r"[ \t]*\(([^()\n\d]{1,60})\)[ \t]*[-–—]",
    re.MULTILINE,
)
DATELINE_REACH = 400  # the dateline stands in the first lines (after a headline, if any)
SOURCE_PIECE = re.compile(r"[^/,]+")
MIN_SOURCE = 3  # "dpa/bb": a two-letter regional service code is no name
SERVICE_CODE = re.compile(r"[a-z]{2,3}")  # "dpa/lby", "dpa/lsw": an agency's regional desk


def dateline_sources(text: str) -> list[tuple[int, int]]:
    """Spans of the senders named in brackets after the dateline's town, known or not: each
    piece between slashes or commas of at least three characters ("dts Nachrichtenagentur",
    "OTS", "BMLVS"; not "bb" in "dpa/bb"). A short lower-case piece after the first that is
    no known name is the agency's regional desk ("dpa/lby", "dpa/lsw"), not a sender."""
    m = DATELINE_SOURCE.search(text, 0, DATELINE_REACH)
    if m is None or _place_country(m.group("town").split("/")[0].title()) is None:
        return []  # the town must be a known town or country: "Armee (…) -" is no dateline
    found = []
    for piece in SOURCE_PIECE.finditer(text, m.start(2), m.end(2)):
        raw = piece.group()
        name = raw.strip(" \t")
        if found and SERVICE_CODE.fullmatch(name) and known_org(name, load_aliases()) is None:
            continue
        if len(name) >= MIN_SOURCE and name[:1].isalpha():
            start = piece.start() + len(raw) - len(raw.lstrip(" \t"))
            found.append((start, start + len(name)))
    return found


NAME_WORD = r"[A-ZÄÖÜ][\w&.'’-]*[\w&]"
DESCRIPTOR_WORD = re.compile(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+(?![\w-])")
APPOSED_NAME = re.compile(rf"[ \t]+[„\"»]?(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD})?)")


def _name_like(words: list[str], aliases: AliasTable) -> bool:
    """Capitalised words that may be an unknown organisation's name: no function word, the
    first no German common noun, no place and no known person ("Mahle", "Atmis")."""
    if not _example_like(words, aliases):
        return False
    if _canonical(" ".join(words), aliases):
        return True  # a known name that is also a word or a place ("Bosch")
    if any("-" in w and is_common_noun(w.rsplit("-", 1)[1]) for w in words):
        return False  # a compound about something else: "Belet Huen-Kontingent", "Wagner-Chef"
    if _given_name(words[0]):
        return False  # a person the model missed: "Jesper Nielsen", "Friedrich"
    name = " ".join(words)
    return match_place_rows(name) is None and aliases.canonical(name, "PER") is None


MAX_PERSON_WORDS = 3


def _person_shaped(words: list[str], aliases: AliasTable) -> bool:
    """Two or three capitalised words opened by a given name, none a common noun, a legal
    form or a place, and no known organisation: a person's name ("Hassan Abdel Ghani",
    "Jesper Nielsen"). German organisations named after a founder carry a head or a legal
    form ("Robert Bosch GmbH") or are in the alias table ("Hugo Boss")."""
    if not 2 <= len(words) <= MAX_PERSON_WORDS or not all(is_capitalised(w) for w in words):
        return False
    if not _given_name(words[0]) or any(is_common_noun(w) or w in LEGAL_FORMS for w in words[1:]):
        return False
    if _large_place(words[-1]):
        return False  # a club named with its city ("Alba Berlin", "Fortuna Düsseldorf"), as the model read it
    name = " ".join(words)
    return not _canonical(name, aliases) and match_place_rows(name) is None and kind_of(words) == "other"


def _large_place(word: str) -> bool:
    """A country, a region or a city of 100,000 or more: no surname, but the town that German
    clubs and firms carry after their name."""
    from pipeline.normalise.places import PREFIX_CITY_POPULATION

    rows = match_place_rows(word)
    return bool(rows) and (rows[0].kind != "city" or rows[0].population >= PREFIX_CITY_POPULATION)


def _given_name(word: str) -> bool:
    """A given name of the name lists that is no organisation word ("Jesper", "Friedrich")."""
    from pipeline.ner_features import LexiconClass, lexicon

    bits = lexicon().get(word, 0)
    return bool(bits & LexiconClass.GIVEN) and not bits & (LexiconClass.ORG_WORD | LexiconClass.COMMON_NOUN)


def _trim_name(words: list[str]) -> list[str]:
    """Keep the leading words up to the first common noun ("Atmis Soldaten" → Atmis)."""
    out: list[str] = []
    for w in words:
        if out and is_common_noun(w):
            break
        out.append(w)
    return out


LIST_NEXT = re.compile(
    rf"(?P<sep>[ \t]*,[ \t]*|[ \t]+(?:und|oder|sowie)[ \t]+)(?:(?:bei|von|in)[ \t]+)?"
    rf"(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}})"
)


def coordinated_names(text: str, orgs: Sequence[tuple[int, int]], aliases: AliasTable) -> list[tuple[int, int]]:
    """Unknown names listed after an organisation, joined to it by commas or "und" ("in
    Werken von Bosch, bei Grammer, Mahle und Federal Mogul"): coordinated names are of one
    kind. The list stops at the first item that is no name (a common noun, a place, a person)
    and after its "und"/"oder"."""
    out: list[tuple[int, int]] = []
    for _, end in sorted(orgs):
        pos = end
        while (m := LIST_NEXT.match(text, pos)) is not None:
            words = m.group("name").split()  # the whole item: "ZF Gusstechnologie"
            if not _name_like(_trim_name(words), aliases):
                break
            start = m.start("name")
            pos = start + len(" ".join(words))
            out.append((start, pos))
            if "," not in m.group("sep"):
                break
    return out


EPONYM_TABLE = "org_eponymous_heads.txt"
# the field after "für": lower-case adjectives (no article or possessive: "für seine Arbeit" is
# no field), then a noun, and a second one after "und"
DETERMINER = r"(?:d(?:er|ie|as|en|em|es)|ein\w*|kein\w*|sein\w*|ihr\w*|unser\w*|eur\w*|mein\w*|dein\w*|dies\w*|jen\w*|jed\w*|all\w*)"
FIELD = (
    rf"[ \t]+für(?:[ \t]+(?!{DETERMINER}[ \t])[a-zäöüß]+(?:e|en|er|es))*"
    r"[ \t]+[A-ZÄÖÜ][\w-]+(?:[ \t]+und[ \t]+[A-ZÄÖÜ][\w-]+)?"
)


@cache
def _eponymous_institution() -> re.Pattern[str]:
    heads = "|".join(sorted(map(re.escape, read_lines(EPONYM_TABLE)), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?:[A-ZÄÖÜ][\w.]*-)+(?:{heads})(?:e?s|en)?(?![\w-])(?P<field>{FIELD})?"
    )


# an indefinite article, with adjectives between, before a noun: it names a kind, not one body
INDEFINITE_BEFORE = re.compile(r"(?<![\w-])(?:[Ee]in(?:e|er|em|en|es)?|[Kk]ein\w*)(?:[ \t]+[a-zäöüß]+)*[ \t]+$")


@lru_cache(maxsize=8)
def eponymous_institutions(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of institutions named after a person with a hyphenated compound, with their field
    after "für" where one follows ("am Leipziger Max-Planck-Institut für evolutionäre
    Anthropologie", "die Konrad-Adenauer-Stiftung"; ``org_eponymous_heads.txt``). A field
    word that is a place ("Institut für Berlin") ends the name before "für"."""
    out: list[tuple[int, int]] = []
    for m in _eponymous_institution().finditer(text):
        if INDEFINITE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "einer amerikanischen Private-Equity-Gesellschaft": a kind, no name
        end = m.end()
        if m.group("field") and match_place_rows(m.group("field").split()[-1]) is not None:
            end = m.start("field")
        out.append((m.start(), end))
    return tuple(out)


def descriptor_appositions(text: str, aliases: AliasTable) -> list[tuple[int, int]]:
    """Unknown names introduced by a descriptor noun (org_descriptors.txt): "der afrikanischen
    Friedensmission Atmis", "der Autozulieferer Grammer", "das Portal Mediazona"."""
    apposed = (APPOSED_NAME.match(text, desc.end()) for desc in DESCRIPTOR_WORD.finditer(text) if _is_descriptor(desc.group()))
    return _name_spans((m for m in apposed if m is not None), lambda words: _name_like(words, aliases))


def _name_spans(matches: Iterable[re.Match[str]], accept: Callable[[list[str]], bool]) -> list[tuple[int, int]]:
    """Spans of the ``name`` groups of ``matches``, cut before their first common noun, that
    ``accept`` takes for an organisation's name."""
    out: list[tuple[int, int]] = []
    for m in matches:
        words = _trim_name(m.group("name").split())
        if accept(words):
            start = m.start("name")
            out.append((start, start + len(" ".join(words))))
    return out


EXAMPLES_OF_KIND = re.compile(rf"(?<![\w-])(?P<kind>[A-ZÄÖÜ][\w-]*)[ \t]+wie[ \t]+(?:die[ \t]+|der[ \t]+|das[ \t]+)?(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD})?)")


@cache
def _kind_plurals() -> tuple[str, ...]:
    return tuple(w.lower() for w in read_lines("org_kind_plurals.txt"))


def exemplified_names(text: str, aliases: AliasTable) -> list[tuple[int, int]]:
    """Unknown names given as examples of a kind of organisation ("Grossfirmen wie Sika,
    Holcim oder Syngenta", "Parteien wie die AfD"): the first example; the rest of the list is
    read by :func:`coordinated_names`."""
    examples = (m for m in EXAMPLES_OF_KIND.finditer(text) if m.group("kind").lower().endswith(_kind_plurals()))
    return _name_spans(examples, lambda words: _example_like(words, aliases))


def _example_like(words: list[str], aliases: AliasTable) -> bool:
    """A name the kind before "wie" vouches for: a surname or a namesake town does not make it
    a person or a place ("Firmen wie Porsche", "wie Sika"); a common noun, a function word or a
    country is still no organisation's name."""
    if not words or any(w.lower() in FUNCTION_WORDS or w.lower() in NOUN_ARTICLES for w in words):
        return False
    if _canonical(" ".join(words), aliases):
        return True
    return not (is_common_noun(words[0]) or country_for_word(words[0]) or len(words[0]) < 2)


QUOTED = re.compile(r"[„\"»]([A-ZÄÖÜ][^“\"«»„\n]{1,80}?)[“\"«]")
MAX_QUOTED_WORDS = 8


@lru_cache(maxsize=8)
def quoted_names(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of quoted names whose head noun makes them an organisation ("„Volksverteidigungs-
    kräfte“", "„United Nations Interim Force in Lebanon“"): a kind other than ``other`` by the
    head's ending, no generic force, no single ordinary noun ("„Friedenstruppe“") and no
    quoted sentence (a lower-case word other than a function word)."""
    out: list[tuple[int, int]] = []
    for m in QUOTED.finditer(text):
        words = m.group(1).split()
        if len(words) > MAX_QUOTED_WORDS or kind_of(words) == "other":
            continue
        if is_generic("", words) or (len(words) == 1 and is_common_noun(words[0])):
            continue
        if any(w[:1].islower() and w.lower() not in FUNCTION_WORDS for w in words):
            continue  # „Österreich ist das Rückgrat der Mission“: a quoted sentence, no name
        out.append((m.start(1), m.end(1)))
    return tuple(out)


MEDIA_VERBS = "berichtet|berichtete|berichteten|meldet|meldete|schreibt|schrieb|zufolge"
REPORTED_MEDIA = re.compile(
    r"(?:(?<![\w-])(?:gegenüber|[Ll]aut)[ \t]+(?:(?:der|dem|den|des)[ \t]+)?[„\"“»]"
    r"(?P<a>[A-ZÄÖÜ][^\"„“”»«\n]{0,40}?)[“\"”«]"
    r"|[„\"“»](?P<b>[A-ZÄÖÜ][^\"„“”»«\n]{0,40}?)[“\"”«][ \t]*(?:" + MEDIA_VERBS + r")(?![\w-]))"
)
MAX_MEDIA_WORDS = 4


def reported_media(text: str) -> list[tuple[int, int]]:
    """Quoted names that report or are told something, which German press writes for
    newspapers, broadcasters and websites: "„Heute“ berichtete", "wie „Kurier“ meldet",
    "sagte sie gegenüber „Heute“", "laut „Spiegel“", "der „Zeit“ zufolge" (a person's name
    is never quoted so). Up to four words, each capitalised or a function word."""
    out: list[tuple[int, int]] = []
    for m in REPORTED_MEDIA.finditer(text):
        group = "a" if m.group("a") is not None else "b"
        words = m.group(group).split()
        if len(words) > MAX_MEDIA_WORDS or not all(w[:1].isupper() or w in FUNCTION_WORDS for w in words):
            continue
        out.append((m.start(group), m.end(group)))
    return out


# Prepositions that can open a sentence before a noun the model took for a name.
LEADING_PREPOSITIONS = frozenset("samt mit trotz wegen laut neben seit ohne dank gemäß zwischen".split())
# Body nouns that GUIDELINES O2 annotates even bare, as offices named by their function that
# mean one office: a head of state's office, and the prosecutors of the case reported ("die
# Staatsanwaltschaft hatte … gefordert").
BARE_OFFICES = frozenset({"präsidialamt", "staatsanwaltschaft"})


def _bare_body(word: str) -> bool:
    """A state body's noun alone ("Polizei", "Parlaments"): no organisation without a tie (O3)."""
    nouns = {n.lower() for n in read_lines(BODY_TABLE)} - BARE_OFFICES
    low = word.lower()
    return any(f in nouns for f in (low, low[:-1], low[:-2]))


BODY_TABLE = "org_bodies.txt"


@cache
def _body_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words, heads = words_and_heads(BODY_TABLE)
    nouns = sorted(read_lines(BODY_TABLE), key=lambda w: (-len(w), w))
    plain = [re.escape(n) for n in nouns if not n.startswith("-")]
    compounds = [rf"[A-ZÄÖÜ][a-zäöüß]+{re.escape(h)}" for h in sorted(heads, key=lambda h: (-len(h), h))]
    noun = "(?:" + "|".join([*plain, *compounds]) + ")(?:es|s)?"
    place = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*"
    return (
        re.compile(rf"(?<![\w-])(?P<adj>[A-Za-zÄÖÜäöüß]+)[ \t]+(?P<noun>{noun})(?![\w-])"),
        re.compile(rf"(?<![\w-])(?P<noun>{noun})[ \t]+(?:(?P<tie>der|des|von)[ \t]+)?(?P<gen>{place})(?![\w-])"),
        re.compile(rf"(?<![\w-])(?P<prefix>[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]{{1,15}})-(?P<noun>{noun})(?![\w-])"),
    )


def body_noun(word: str) -> str | None:
    """The nominative of a state body's noun of ``org_bodies.txt``, also inflected or as a
    compound of a listed head ("Landesgerichts" → Landesgericht, "Justizanstalt"); None for
    other words. German names a court or prison by a compound of its kind: "Landesgericht",
    "Bezirksgericht", "Verfassungsgericht", "Justizvollzugsanstalt"."""
    return next((form for form in (word, word[:-1], word[:-2]) if table_word(BODY_TABLE, form.lower())), None)


def _tied_place(word: str) -> bool:
    """A country, a town or a state's region that ties a body noun to one state, city or
    region ("Litauens", "Ried", "Bosnien-Herzegowina", "Kantonspolizei Graubünden",
    "Landespolizei Tirol")."""
    return bool(country_genitive(word) or _is_city(word) or _is_region(word) or ("-" in word and _is_country(word)))


def _compound_prefix(tokens: list[str], aliases: AliasTable) -> str | None:
    """A one-word compound "Name-Noun" whose last part is an ordinary noun and no organisation
    head (GUIDELINES L3: "Wagner-Abzug", "Nato-Gipfel" → Wagner, Nato): the known organisation
    in front; None for every other name ("Ford-Werke", "Kassam-Brigaden", "Weser-Kurier":
    an unknown front may be the name's own first part)."""
    if len(tokens) != 1 or "-" not in tokens[0]:
        return None
    front, _, last = tokens[0].rpartition("-")
    bare = _genitive_forms(last)[0]
    if not last[:1].isupper() or not is_common_noun(last) or kind_of([bare]) != "other" or kind_of([last]) != "other":
        return None
    if country_for_word(front + "-"):
        return None  # "US-Außenministeriums": a country prefix belongs to the name
    if _is_descriptor(last):
        return None  # "Wagner-Gruppe", "Uno-Mission": the descriptor rules decide
    return _canonical(front, aliases) or None  # "Weser-Kurier", "Al-Nusra-Front" stay whole


def _numbered_unit_name(tokens: list[str]) -> str | None:
    """"des Artilleriebataillons 3" → Artilleriebataillon 3; None for other names."""
    if len(tokens) < 2 or not tokens[-1].isdigit():
        return None
    m = NUMBERED_UNIT.fullmatch(" ".join(tokens))
    if not m:
        return None
    unit = re.sub(r"(?<=[a-zäöü])e?s$", "", tokens[-2])
    unit = unit if NUMBERED_UNIT.fullmatch(f"{unit} 1") else tokens[-2]
    return " ".join([*tokens[:-2], unit, tokens[-1]])


def _is_city(word: str) -> bool:
    rows = match_place_rows(word)
    return bool(rows) and rows[0].kind == "city" and word[-1:] != "s"


def _genitive_body_name(tokens: list[str]) -> str | None:
    """Name of an O3 body tied by a country genitive or a town: the noun in the nominative,
    the place as written ("des Grenzschutzes Lettlands" → Grenzschutz Lettlands, "der
    Staatsanwaltschaft Ulm" → Staatsanwaltschaft Ulm); None for other names."""
    m = _body_patterns()[1].fullmatch(" ".join(tokens))
    if not m or not _tied_place(m.group("gen")):
        return None
    nouns = {n.lower(): n for n in read_lines(BODY_TABLE)}
    word = m.group("noun")
    noun = next((nouns[f.lower()] for f in (word, word[:-1], word[:-2]) if f.lower() in nouns), None)
    noun = noun or body_noun(word) or word
    if len(tokens) == 2:
        return " ".join([noun, tokens[-1]])
    return f"{noun} {'von' if m.group('tie') == 'von' else 'der'} {tokens[-1]}"


def national_bodies(text: str) -> list[re.Match[str]]:
    """O3 bodies named by a common noun and tied to one state or city: a nationality or
    place adjective in front ("britischer Geheimdienst", "des ukrainischen Parlaments",
    "Hamburger Polizei"), a country prefix ("US-Geheimdienste") or a country genitive or a town after ("Grenzschutz Litauens",
    "Parlament der Ukraine", "Landgericht Mühlhausen"). Returns the regex matches."""
    adjective, genitive, prefixed = _body_patterns()
    out = [m for m in adjective.finditer(text) if adjective_country(m.group("adj"))]
    out += [m for m in prefixed.finditer(text) if country_for_word(m.group("prefix") + "-")]
    out += [
        m
        for m in genitive.finditer(text)
        if _tied_place(m.group("gen"))
        and not any(o.start() < m.end() and m.start() < o.end() for o in out)
    ]
    return sorted(out, key=lambda m: m.start())


def adjective_country(word: str) -> str | None:
    """Country of a nationality adjective ("britische", "ukrainischen") or of a place adjective
    in -er ("Hamburger" → DE, "Pariser" → FR, "Schweizer" → CH, "Tessiner" → CH; irregular
    ones from ``place_adjectives.tsv``: "Zürcher" → CH); None for other words."""
    if word[:1].islower():
        return country_for_word(word) if is_demonym(word) and ADJ_END.search(word) else None
    if not word.endswith("er") or len(word) < 5:
        return None
    if is_demonym(word):
        return country_for_word(word)
    place = _irregular_place_adjectives().get(word)
    candidates = [place] if place else [word[:-2], *([word[:-1]] if word[-3:-2] == "e" else [])]
    return next((c for c in map(_adjective_place_country, candidates) if c), None)


@cache
def _irregular_place_adjectives() -> dict[str, str]:
    return {r["adjective"]: r["place"] for r in read_tsv("place_adjectives.tsv")}


def _adjective_place_country(word: str) -> str | None:
    """Country of the town, region or country a place adjective is formed on ("Tessin" in
    "Tessiner Kantonspolizei")."""
    rows = match_place_rows(word)
    return rows[0].country if rows and rows[0].kind in {"country", "city", "region"} else None


def country_genitive(word: str) -> str | None:
    """Country of a country name in the genitive or after "der" ("Litauens", "Ukraine")."""
    code = country_for_word(word)
    return code if code and not is_demonym(word) and _is_country(word.rstrip("s") or word) else None


ADJ_END = re.compile(r"(?:e|en|er|es|em)$")


# Context that makes an ambiguous name (org_ambiguous.txt) an organisation: an enumeration
# with other organisations ("SAP, Audi, Bosch, die Deutsche Bank, Tesla und Ford") or a
# report verb ("laut Spiegel", "wie der Spiegel berichtet", "der Welt zufolge").
LIST_GAP = re.compile(r"[ \t]*(?:,|und|oder|sowie)[ \t]+(?:(?:der|die|das|den|dem)[ \t]+)?")
REPORT_BEFORE = re.compile(
    r"(?<![\w-])(?:[Ll]aut|[Bb]erichte(?:t|te)|[Mm]elde(?:t|te)|[Ss]chreibt|[Ss]chrieb)"
    r"[ \t]+(?:(?:der|die|das|dem|den|des)[ \t]+)?$"
)
REPORT_AFTER = re.compile(
    r"(?:s|es)?[ \t]*(?:,[ \t]*)?(?:berichtet|berichtete|meldet|meldete|schreibt|schrieb|zufolge"
    r"|unter Berufung)(?![\w])"
)


def ambiguous_in_context(
    text: str, aliases: AliasTable, orgs: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Spans of ambiguous ORG names that their context shows to be organisations: next to
    another organisation in an enumeration (``orgs`` are the known ORG spans; found names
    count in turn) or with a report verb. Returns (start, end) in text order."""
    pattern = _ambiguous_pattern(aliases.names("ORG"))
    if pattern is None:
        return []
    hits = [(m.start(), m.end()) for m in pattern.finditer(text)]
    known = set(orgs)
    found: list[tuple[int, int]] = []
    for start, end in hits:
        if REPORT_BEFORE.search(text[max(0, start - 30) : start]) or REPORT_AFTER.match(text, end):
            found.append((start, end))
    changed = True
    while changed:
        changed = False
        spans = known | set(found)
        for start, end in hits:
            if (start, end) in spans:
                continue
            if any(_list_gap(text, e, start) or _list_gap(text, end, s) for s, e in spans):
                found.append((start, end))
                changed = True
                break
    return sorted(found)


def _list_gap(text: str, left_end: int, right_start: int) -> bool:
    """True when only a list separator lies between two spans ("Audi, Bosch", "und die")."""
    if not 0 < right_start - left_end <= 12:
        return False
    return LIST_GAP.fullmatch(text, left_end, right_start) is not None


@lru_cache(maxsize=8)
def _ambiguous_prefix_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """Ambiguous names as the first part of a capitalised compound, where they are the
    organisation (L3: "Telegram-Kanal", "Wagner-Söldner", "Bosch-Werk")."""
    forms = sorted({n for n in names if n in _ambiguous_names()}, key=lambda f: (-len(f), f))
    if not forms:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?=-[A-ZÄÖÜ])")


@lru_cache(maxsize=8)
def _ambiguous_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    forms = sorted({n for n in names if n in _ambiguous_names()}, key=lambda f: (-len(f), f))
    if not forms:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")


ARABIC_ARTICLE = re.compile(r"[AE]l-[A-Z]")
CASELESS_MIN = 4  # "Nato" matches NATO; three letters also title-cased (Uno); IS, AP only as written
# Ministries are organisations whatever their name: "Verteidigungsministerium",
# "US-Außenministeriums", "Bundesinnenministerium".
# Numbered military units are organisations: "6. Armee", "10. Panzerdivision",
# "155. Marineinfanteriebrigade", "47. Mechanisierte Brigade".
MILITARY_UNIT = re.compile(
    r"(?<![\w.])\d{1,3}\.[ \t]+(?:[A-ZÄÖÜ][a-zäöüß]+(?:e|en)[ \t]+)?"
    r"(?=[A-ZÄÖÜ])[A-Za-zÄÖÜäöüß]*?(?i:armee|division|brigade|korps|flotte|regiment(?:e?s)?|bataillon(?:e?s)?)"
    r"(?![\w-])"  # "des 331. Fallschirmregiments": the genitive of the neuter units
)
# Offices named by their function (O2): "Gesundheitsbehörde", "Ausländerbehörde"; never a
# bare "Behörde" nor the plural.
# Units named by type and number, the Bundeswehr's way: "Panzerbrigade 12", "Jägerbataillon
# 292", "Aufklärungs- und Artilleriebataillon 3".
NUMBERED_UNIT = re.compile(
    r"(?<![\w-])(?:[A-ZÄÖÜ][a-zäöüß]+-[ \t]+(?:und|oder)[ \t]+)?(?:[A-ZÄÖÜ][a-zäöüß]+-)?[A-ZÄÖÜ][a-zäöüß]*"
    r"(?:bataillon|brigade|regiment|division|geschwader|kompanie|korps)(?:e?s)?[ \t]+\d{1,3}(?![\d.,])"
)
# Named operations and missions (O1): "Operation Wüstensturm", 'Operation "Sindbad"'.
# A sports league named by its level ("Bundesliga", "Kreisliga", "2. Bundesliga"), also as
# the first part of a compound ("Bundesliga-Topspiel", L3): a body (GUIDELINES O1: leagues).
# :func:`league_spans` adds the region a league may be named by.
LEAGUE = re.compile(r"(?<![\w-])(?:[1-9]\.[ \t]+)?[A-ZÄÖÜ][a-zäöüß]+liga(?!\w)")
NEXT_NAME = re.compile(r"[ \t]+([A-ZÄÖÜ][a-zäöüß]+)(?![\w-])")


@lru_cache(maxsize=8)
def league_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of leagues named by their level (:data:`LEAGUE`) and, where one follows, their
    region or compass point ("Regionalliga Bayern", "Regionalliga Südwest"): one name."""
    from pipeline.normalise.places import directions

    out: list[tuple[int, int]] = []
    for m in LEAGUE.finditer(text):
        end = m.end()
        nxt = NEXT_NAME.match(text, end)
        if nxt and (nxt.group(1) in directions() or _is_region(nxt.group(1))):
            end = nxt.end(1)
        out.append((m.start(), end))
    return tuple(out)


def _is_region(word: str) -> bool:
    rows = match_place_rows(word)
    return bool(rows) and rows[0].kind == "region"
OPERATION = re.compile(r"(?<![\w-])Operation[ \t]+[„\"»“]?[A-ZÄÖÜ][\w-]+(?:[ \t]+[A-ZÄÖÜ][\w-]+)?(?=[“\"«”]?)")
# Offices of a head of state named by their function (O2).
HEAD_OFFICE = re.compile(r"(?<![\w-])(?:Präsidialamt|Präsidialverwaltung|Präsidentenbüro|Präsidialbüro)(?:e?s)?(?![\w-])")
# Ministries and authorities named by a compound ("Verteidigungsministerium", "Zollbehörde"), a
# federation's own courts and offices, which the prefix "Bundes-" ties to one state
# ("Bundesgericht", "Bundesstrafgerichts", "Bundesverwaltungsgericht", "Bundesanwaltschaft"),
# and the prosecutors of the case, one office even when bare (O2, BARE_OFFICES; never the
# plural "Staatsanwaltschaften").
INSTITUTION = re.compile(
    r"(?<![\w-])(?:(?:[A-Z]{2,3}-)?[A-ZÄÖÜ][a-zäöüß]*(?:ministeri(?:um|ums)|[a-zäöüß]behörde)"
    r"|Bundes[a-zäöüß]*(?:gerichtshof|gericht|anwaltschaft|kanzlei|versammlung)(?:e?s)?"
    r"|Staatsanwaltschaft)(?![\w-])"
)


# A multi-word name headed by a noun with its complement: "Sicherheitsrat der Vereinten Nationen",
# "Rat der Europäischen Union", "Bundesamt für Migration und Flüchtlinge".
NOUN_HEADED_FORM = re.compile(r"([A-ZÄÖÜ][a-zäöüß]{3,}[a-zäöü]) ((?:der|des|für|von|zur|zum) .+)")
# A multi-word name opening with an adjective: "Europäische Union", "Deutsche Bahn".
ADJECTIVE_FORM = re.compile(r"([A-ZÄÖÜ])([a-zäöüß]{2,}?)(isch)?(?:e|er|es)( [A-ZÄÖÜ].*)")


def _form_regex(form: str) -> str:
    """Regex for one written form: "Nato" also matches "NATO" (first letter as written);
    a name opening with an adjective also matches its inflected forms ("der Europäischen
    Union"), with a country's -isch adjective also in lower case ("der syrischen
    Beobachtungsstelle für Menschenrechte", never "einen islamischen Staat"); other
    multi-word and short forms match only as written."""
    adjective = ADJECTIVE_FORM.fullmatch(form)
    if adjective:
        initial, stem, isch, rest = adjective.groups()
        national = isch and country_for_word(form.split()[0]) is not None  # not "islamischen Staat"
        first = f"[{initial}{initial.lower()}]" if national else re.escape(initial)
        return first + re.escape(stem + (isch or "")) + "(?:e|er|es|en|em)" + _spaced(rest)
    head = NOUN_HEADED_FORM.fullmatch(form)
    if head:  # the head noun takes the genitive: "des Sicherheitsrates der Vereinten Nationen"
        return re.escape(head.group(1)) + "(?:es|s)?" + "[ -]" + _spaced(head.group(2))
    if " " in form and ARABIC_ARTICLE.match(form):  # "al-Kaida auf der Arabischen Halbinsel"
        return f"[{form[0]}{form[0].lower()}]" + _spaced(form[1:])
    if " " in form:
        return _spaced(form)  # "IG Metall" also in "IG-Metall-Bezirk"
    if ARABIC_ARTICLE.match(form):  # "Al-Kaida" / "al-Kaida", "El-Kaida"
        return f"[{form[0]}{form[0].lower()}]" + re.escape(form[1:3]) + f"(?i:{re.escape(form[3:])})"
    if len(form) == CASELESS_MIN - 1 and form.isalpha() and form.isupper():
        return re.escape(form[0]) + f"(?:{re.escape(form[1:])}|{re.escape(form[1:].lower())})"  # UNO, Uno
    if len(form) < CASELESS_MIN or not form[0].isupper():
        return re.escape(form)
    return re.escape(form[0]) + f"(?i:{re.escape(form[1:])})"


def _spaced(form: str) -> str:
    """Regex of a multi-word form whose spaces may also be written as hyphens."""
    return "[ -]".join(re.escape(part) for part in form.split(" "))


def _known_org_pattern(aliases: AliasTable) -> re.Pattern[str] | None:
    return _org_pattern(aliases.names("ORG"))


@cache
def _sites() -> frozenset[str]:
    return frozenset(read_lines("org_sites.txt"))


@cache
def _ambiguous_names() -> frozenset[str]:
    return frozenset(read_lines(AMBIGUOUS_TABLE))


@lru_cache(maxsize=8)
def _org_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex over every searchable ORG form (cached per alias table contents)."""
    skip = _ambiguous_names()
    forms = sorted({n for n in names if len(n) > 1 and n not in skip}, key=lambda f: (-len(f), f))
    if not forms:
        return None
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(_form_regex(f) for f in forms) + r")(?:s|es|'|’)?(?!\w)"
    )
