"""Person mentions → one canonical person per referent, with roles split off and a stable id.

Per document: role words and titles are removed from the span ("Kremlchef Wladimir Putin")
and collected, also from the words just before it ("der russische Außenminister Sergej
Lawrow") and from an apposition after it ("Lawrow, der russische Außenminister,"); a
span with no name left ("Kremlchef") is dropped with note ``role_only``, one made of
common nouns ("Luftangriffen") with note ``common_noun``. The text around a span can show
that it names no person (:func:`_not_a_person`: an organisation's part or apposition, a
member of a list of places, organisations or things, a quoted title, a word capitalised
only at a sentence start) or that the model cut the name short (a given name before it, a
surname after it). Short forms ("Kim", "Lawrow", "Putins", "Merz'") join the longest form
sharing their surname or given name; names in capitals are shown capitalised. ``person_id``
= ``per_`` + sha1 of the transliteration-insensitive key of the canonical name after the
alias table (:func:`load_aliases`), so it is stable across documents and runs.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cache

from pipeline.normalise.demonyms import country_for_word, is_country_name
from pipeline.normalise.names import (
    ARTICLES,
    QUOTE_CHARS,
    AliasTable,
    clean_span,
    coordinated,
    fold,
    gendered_noun,
    genitive_candidates,
    is_capitalised,
    is_common_noun,
    load_aliases,
    looks_genitive,
    name_key,
    names_ending_s,
    sentence_word,
    stable_id,
    table_word,
    vessel_mention,
    vessel_names,
    words_and_heads,
)
from pipeline.normalise.places import TOWN_POPULATION, full_name_rows, is_inflected_noun
from pipeline.records import EntityMention, Person, Resolution, ResolvedEntities
from pipeline.resources import read_lines

__all__ = ["AliasTable", "load_aliases", "relabel_people", "resolve_people", "split_roles", "is_role"]

ROLE_TABLE = "role_words.txt"
# shared with orgs.py: nouns that introduce organisations, and words of a team's standing
DESCRIPTORS = ("org_descriptors.txt", "team_standing.txt")
PARTICLES = frozenset("von van der de den ter ten da di du le la al el bin ibn zu vom dos".split())
INFLECTION = re.compile(r"(?:innen|in|en|n|s|es)$")
TOKEN = re.compile(r"[\w.'’\-]+", re.UNICODE)
APPOSITION_WINDOW = 80  # characters before a span searched for a role


@cache
def _roles() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """(role words, compound heads, forms of address), case-folded (ß = ss: "Grossrat")."""
    words: set[str] = set()
    heads: list[str] = []
    address: set[str] = set()
    for line in read_lines(ROLE_TABLE):
        if line.startswith("-"):
            heads.append(line[1:].casefold())
        elif line.startswith("~"):
            address.add(line[1:].casefold())
        else:
            words.add(line.casefold())
    return frozenset(words), tuple(sorted(heads, key=len, reverse=True)), frozenset(address)


def is_role(token: str) -> bool:
    """True for a role or title word, including compounds and inflected/feminine forms.

    "Kremlchef", "Außenminister", "US-Präsidenten", "Bundesinnenministerin", "Dr." → True.
    """
    words, heads, _ = _roles()
    low = token.casefold().strip(",;:()\"'„“")
    if not low or not token[:1].isupper():
        return False
    forms = {low, INFLECTION.sub("", low)}
    if low.endswith("innen"):
        forms.add(low[:-5])
    if low.endswith("in"):
        forms.add(low[:-2])
    for form in forms:
        if form in words:
            return True
        if any(form.endswith(h) and len(form) > len(h) for h in heads):
            return True
    return False


def _is_address(token: str) -> bool:
    return token.casefold() in _roles()[2]


def _is_modifier(token: str) -> bool:
    """Words that may sit between article and role: "russische", "Russlands", "frühere"."""
    low = token.lower()
    if low in ARTICLES or low in {
        "ehemalige",
        "ehemaligen",
        "frühere",
        "früheren",
        "neue",
        "neuen",
        "damalige",
        "damaligen",
        "amtierende",
        "amtierenden",
        "designierte",
        "designierten",
        "stellvertretende",
        "stellvertretenden",
        "scheidende",
        "scheidenden",
    }:
        return True
    return country_for_word(token) is not None and not token.isupper()


@dataclass
class _Parsed:
    tokens: list[str]
    roles: list[str] = field(default_factory=list)


def split_roles(span: str) -> tuple[list[str], list[str]]:
    """Split a PER span into (name tokens, roles): "Kremlchef Wladimir Putin" →
    (["Wladimir", "Putin"], ["Kremlchef"]). Leading articles, modifiers ("russische",
    "Nordkoreas"), forms of address and a possessor before a role ("Putins Sprecher
    Dmitri Peskow") are dropped; roles are kept in text order."""
    tokens = clean_span(span).split()
    roles: list[str] = []
    name: list[str] = []
    for idx, tok in enumerate(tokens):
        bare = tok.strip(",;:")
        if not bare:
            continue
        surname = idx == len(tokens) - 1 and len(name) == 1 and is_capitalised(name[0]) and given_name(name[0])
        if is_role(bare) and (not name or not (surname or _looks_like_name_part(bare))):
            roles.append(bare)
            if (
                len(name) == 1
                and name[0].endswith(("s", "'", "’"))
                and any(is_capitalised(t) for t in tokens[idx + 1 :])
            ):
                name = []  # "Putins Sprecher Dmitri Peskow": the genitive is the employer
            continue
        if not name and bare.lower() not in PARTICLES and (_is_modifier(bare) or _is_address(bare)):
            continue
        name.append(bare)
    # "Merz’ Büro": a possessive apostrophe ends the name.
    for i, tok in enumerate(name[:-1]):
        if tok.endswith(("'", "’")):
            name = name[: i + 1]
            break
    # Trailing lower-case words are not part of a name ("al-Nuaimi", "d'Alembert" are).
    while name and not _name_like(name[-1]):
        name.pop()
    # A country after a full name is the clause's object, not a surname ("verließ Generalleutnant
    # Boris Gromow Afghanistan").
    if len(name) >= 3 and is_country_name(name[-1]):
        name.pop()
    while name and not _name_like(name[0]) and name[0].lower() not in PARTICLES:
        name.pop(0)
    if name and all(t.lower() in PARTICLES for t in name):
        name = []
    return name, roles


NAME_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|az|ibn|bin|abu|ben|da|de|di|du|van|von)[-‐]\w|^[dl]['’]\w")


def _name_like(token: str) -> bool:
    """Capitalised, or a prefixed name part such as "al-Nuaimi", "d'Alembert"."""
    return is_capitalised(token) or bool(NAME_PREFIX.match(token))


def _looks_like_name_part(token: str) -> bool:
    # After a given name, words like "Kaiser", "König" are surnames rather than roles. A role
    # word that ends the span right after a given name is a surname too ("Pirmin Bischof"):
    # German puts a role before the name, or after it only in apposition ("Franziskus, der Bischof").
    return token[:1].isupper() and token.lower() in {
        "kaiser",
        "könig",
        "major",
        "richter",
        "fischer",
        "meister",
        "herr",
    }


def roles_before(text: str, start: int) -> list[str]:
    """Role words directly before a span: "der russische Außenminister |Sergej Lawrow"."""
    window = text[max(0, start - APPOSITION_WINDOW) : start]
    # Only the same clause: stop at sentence or clause punctuation.
    window = re.split(r"[.!?;:()\n]\s|[\"„“»«]", window)[-1]
    tokens = TOKEN.findall(window)
    found: list[str] = []
    for tok in reversed(tokens):
        if is_role(tok):
            found.append(tok)
            continue
        if found or _is_address(tok):
            break  # "Nordkoreas Machthaber": stop at the word before the role
        break
    return list(reversed(found))


PARTICLE_TAIL = re.compile(
    r"[ \t]+((?:von|van|de|ter|ten|da|di|du|le|la|al|el|bin|ibn|dos)(?:[ \t]+(?:der|den|de|la))?"
    r"[ \t]+[A-ZÄÖÜ][\w'’-]+)"
)


def _particle_tail(text: str, end: int, aliases: AliasTable | None = None, starts: Collection[int] = ()) -> str:
    """Name words after a span cut before a particle: "Marc-André| ter Stegen". Not when
    the word after the particle is an organisation or a place ("Merz von der CDU", also in
    the dative plural: "Hennig-Wellsow von den Linken"), nor
    when it opens a person's name of its own (``starts``: "Red Bull von Dietrich Mateschitz")."""
    m = PARTICLE_TAIL.match(text, end, min(len(text), end + 40))
    if not m:
        return ""
    last = m.group(1).split()[-1]
    if m.end(1) - len(last) in starts:
        return ""
    aliases = aliases if aliases is not None else load_aliases()
    if last.isupper() or aliases.canonical(last, "ORG") or _is_place(last):
        return ""
    plural = m.group(1).split()[1:2] == ["den"]  # "von den Linken": a party in the dative plural
    if plural and last.endswith("n") and aliases.canonical(last[:-1], "ORG"):
        return ""
    return " " + m.group(1)


def _is_place(word: str) -> bool:
    from pipeline.normalise.places import match_place

    hit = match_place(word)
    return bool(hit) and (hit.rows[0].kind != "city" or hit.rows[0].population >= 100_000)


APPOSITION_AFTER = re.compile(
    r"\s*,\s*(?:der|die|dem|den|des|ein|eine|einem|einen)\s+([^,.;:()\n\"„“]{1,60}?)\s*[,.;)]"
)


def roles_after(text: str, end: int) -> list[str]:
    """A role in apposition after a span: "Sergej Lawrow|, der russische Außenminister,"."""
    m = APPOSITION_AFTER.match(text, end, min(len(text), end + APPOSITION_WINDOW))
    if not m:
        return []
    tokens = TOKEN.findall(m.group(1))
    if tokens and is_role(tokens[-1]) and all(_is_modifier(t) or t.islower() for t in tokens[:-1]):
        return [tokens[-1]]
    return []


@dataclass
class _Cluster:
    forms: list[list[str]]
    roles: list[str] = field(default_factory=list)
    count: int = 0

    @property
    def longest(self) -> list[str]:
        return max(self.forms, key=lambda f: (len(f), len(" ".join(f))))

    def keys(self) -> list[str]:
        return [name_key(t) for t in self.longest]


def _match(tokens: list[str], clusters: list[_Cluster]) -> _Cluster | None:
    """The cluster a (shorter) name form belongs to: surname, then given-name match."""
    keys = [name_key(t) for t in tokens]
    whole = " ".join(keys)
    for c in clusters:
        if any(" ".join(name_key(t) for t in f) == whole for f in c.forms):
            return c
    if len(keys) > 1:
        for c in clusters:
            ck = c.keys()
            if ck[-1] == keys[-1] and _subsequence(keys, ck):
                return c
        return None
    surname = [c for c in clusters if len(c.keys()) > 1 and keys[0] in {c.keys()[-1], _without_article(c.keys()[-1])}]
    if surname:
        return surname[0]
    given = [c for c in clusters if len(c.keys()) > 1 and c.keys()[0] == keys[0]]
    return given[0] if given else None


ARABIC_ARTICLE_KEY = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar) (?=\w{3})")


def _without_article(key: str) -> str:
    """A surname's key without the Arabic article German glues to it with a hyphen: the
    press writes "Baschar al-Assad" and then "Assad", "Abdel Fattah el-Sisi" and "Sisi"
    ("al assad" → "assad")."""
    return ARABIC_ARTICLE_KEY.sub("", key)


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(k in it for k in short)


def _canonical(tokens: list[str], aliases: AliasTable) -> str:
    name = " ".join(tokens)
    return aliases.canonical(name, "PER") or name


MIN_LIST_EVIDENCE = 2  # enumerated with at least two places / organisations / common nouns


def _spans(mentions: Sequence[EntityMention]) -> list[tuple[int, int, str]]:
    return sorted((m.start, m.end, m.label) for m in mentions)


def relabel_people(text: str, entities: Sequence[EntityMention]) -> list[EntityMention]:
    """PER spans that the text enumerates with places and no person become LOC: "in Val
    d'Isère, Gröden und Bormio" (the model reads "d'Isère" as a name particle); one place
    is enough for a span that opens with no given name ("Peccia und Prato Sornico"). Other
    mentions are returned unchanged, in the same order."""
    entities = [_as_town(m) for m in entities]
    spans = _spans(entities)
    index = {(s, e): i for i, (s, e, _) in enumerate(spans)}
    out: list[EntityMention] = []
    for m in entities:
        if m.label == "PER":
            members = coordinated(text, index[(m.start, m.end)], spans)
            first = m.text.split()[0]
            evidence = MIN_LIST_EVIDENCE if given_name(first) or is_role(first) else 1  # "General Wellington"
            if members.count("LOC") >= evidence and "PER" not in members:
                m = EntityMention(m.sent_idx, m.start, m.end, m.text, "LOC")
        out.append(m)
    return out


def _as_town(m: EntityMention) -> EntityMention:
    """A PER span of several words that is, as written, the name of a town of some size and
    does not open with a given name ("Baia Mare", "Campia Turzii"): the town, LOC. "Paris
    Hilton" is no town's name; a town's name is no person's ("Santa Clara")."""
    words = clean_span(m.text).split()
    if m.label != "PER" or len(words) < 2 or given_name(words[0]) or is_role(words[0]):
        return m
    rows = full_name_rows(" ".join(words), type_word=False)
    if any(r.kind == "city" and r.population >= TOWN_POPULATION for r in rows):
        return EntityMention(m.sent_idx, m.start, m.end, m.text, "LOC")
    return m


def _not_a_person(text: str, m: EntityMention, spans: list[tuple[int, int, str]]) -> str | None:
    """Why a PER span names no person, from its place in the text (None: it may be one).

    - one word next to an organisation's span: "JPMorgan Chase" → ``organisation``;
    - enumerated with organisations, or with words mostly common nouns, and no person:
      "Mahle, Getrag und Federal Mogul", "Gold, Diamanten und Coltan" → ``organisation`` /
      ``common_noun``;
    - a title in quotation marks, after a noun or among other titles: den Flugzeugträger
      "Harry S. Truman", Filme wie „Undine“ und „Barbara“ → ``title`` (H1: works and
      fictional characters are not people);
    - a ship's name, after a vessel noun or quoted as the ship named so elsewhere: der
      US-Flugzeugträger «Harry Truman» → ``ship``;
    - a compound opening with a place, or a place in capitals: "Wrocław-Strachowice",
      "BERLIN" → ``place_name``;
    - a word German writes in lower case, capitalised only at the sentence start: "Lange
      wollte der Präsident …" → ``sentence_word``; a gender-inclusive person noun
      ("Expert*innen") → ``common_noun``;
    - a name after a noun that introduces organisations (``org_descriptors.txt``) or a
      team's standing (``team_standing.txt``): "die Nachrichten-Website Mediazona", "der
      Autobauer Daimler", "Tabellenführer Leverkusen" → ``organisation``.
    """
    if sentence_word(text, m.start, m.end):
        return "sentence_word"
    if any(gendered_noun(w) for w in m.text.split()):
        return "common_noun"  # "Beobachter:innen": a group of people, no name
    before = re.search(r"([A-ZÄÖÜ][\w-]+) $", text[max(0, m.start - 60) : m.start])
    if before and " " not in clean_span(m.text) and org_descriptor(before.group(1)):
        return "organisation"
    i = spans.index((m.start, m.end, m.label))
    gap_before = text[spans[i - 1][1] : m.start] if i > 0 else "x"
    gap_after = text[m.end : spans[i + 1][0]] if i + 1 < len(spans) else "x"
    one_word = " " not in clean_span(m.text)
    if one_word and (
        (i > 0 and spans[i - 1][2] == "ORG" and gap_before in {" ", "-"})
        or (i + 1 < len(spans) and spans[i + 1][2] == "ORG" and gap_after in {" ", "-"})
    ):
        return "organisation"  # not "Foto: REUTERS Cristiano Ronaldo"
    members = coordinated(text, i, spans)
    words = [w for w in members if w not in {"PER", "LOC", "ORG", "MISC"}]
    nouns = [w for w in words if _noun_form(w)]
    noun_list = len(words) >= MIN_LIST_EVIDENCE and 2 * len(nouns) >= len(words) and not any(map(given_name, words))
    if "PER" not in members:
        if members.count("ORG") >= MIN_LIST_EVIDENCE:
            return "organisation"
        if noun_list:
            return "common_noun"
    elif one_word and noun_list and len(nouns) >= MIN_LIST_EVIDENCE:
        return "common_noun"  # "Getreide, Mais, Soja, Kürbis oder Wein": each one-word "name" is a noun too
    if vessel_mention(text, m.start, m.end, vessel_names(text)):
        return "ship"  # der Flugzeugträger «Harry Truman»: a ship named after a person
    quoted = text[m.start - 1 : m.start] in QUOTE_CHARS and text[m.end : m.end + 1] in QUOTE_CHARS
    if quoted:
        before = TOKEN.findall(text[max(0, m.start - 40) : m.start - 1])
        noun = bool(before) and is_common_noun(before[-1]) and not is_role(before[-1])
        titles = [w for w in members if w not in {"PER", "LOC", "ORG", "MISC"}]
        if noun or titles:
            return "title"
    first = clean_span(m.text).split("-", 1)[0]
    if "-" in m.text and " " not in clean_span(m.text) and _is_place(first):
        return "place_name"
    if one_word and clean_span(m.text).isupper() and _is_place(clean_span(m.text).title()):
        return "place_name"  # a dateline: "BERLIN. Die Kanzlerin …"
    return None


def _noun_form(word: str) -> bool:
    """A common noun as an enumeration writes it, also inflected or closing a hyphenated
    compound ("des Malers, Zeichners und …": Malers → Maler; "Trump-Berater"), by the places
    module's noun test (plural, dative and genitive endings)."""
    last = word.rsplit("-", 1)[-1]
    return is_common_noun(word) or (len(last) > 1 and last[:1].isupper() and is_inflected_noun(last))


def org_descriptor(word: str) -> bool:
    """A noun that introduces an organisation's name ("Konzern", "Nachrichten-Website",
    "Autozulieferer"), also inflected (genitive -s/-es, dative -n)."""
    low = word.lower()
    for table in DESCRIPTORS:
        words, _ = words_and_heads(table)
        for form in {low, low[:-1], low[:-2]} if len(low) > 4 else {low}:
            if table_word(table, form):
                return True
            if "-" in form and form.rsplit("-", 1)[1] in words:
                return True
    return False


def _cut_second_name(name: list[str]) -> list[str]:
    """A span that glues two people across "von" keeps the first: "Annalena Baerbock von
    Robert Habeck" → Annalena Baerbock ("von" before a given name and another name word is
    no name particle; nor is "von den" before a plural; "Ursula von der Leyen", "Richard von
    Weizsäcker" stay whole)."""
    for k in range(2, len(name) - 2):
        if name[k] == "von" and given_name(name[k + 1]) and name[k + 2][:1].isupper():
            return name[:k]
        if name[k] == "von" and name[k + 1] == "den":
            return name[:k]  # "Hermann Kratzer von den Freien Wählern": a plural is a party, no name particle
    return name


def _cut_possessed_noun(name: list[str], text: str) -> list[str]:
    """A span that runs from a name in the genitive into the noun it owns keeps the name:
    "Omar Tchianis Eliteeinheit" → Omar Tchiani (a Saxon genitive stands before its head
    noun). The -s is a genitive by its spelling ("Putins") or because the text writes the
    name without it ("Tchiani"); "Hans Fischer", "Jens Weber" are no genitives: a given
    name ending in -s."""
    if len(name) < 2 or not is_common_noun(name[-1]) or is_role(name[-1]):
        return name
    owner = name[-2]
    if not owner.endswith(("s", "'", "’")) or owner in names_ending_s() or given_name(owner):
        return name
    bare = owner.rstrip("'’")
    bare = bare[:-1] if bare == owner else bare
    if not looks_genitive(owner) and not re.search(rf"(?<![\w-]){re.escape(bare)}(?![\w'’-])", text):
        return name
    return [*name[:-2], bare]


def given_name(word: str) -> bool:
    """A given name by the name lists ("Aleksander", "Didier"), not a German common noun."""
    from pipeline.ner_features import LexiconClass, lexicon

    bits = lexicon().get(word, 0)
    return bool(bits & LexiconClass.GIVEN) and not bits & LexiconClass.COMMON_NOUN and not is_common_noun(word)


NAME_WORD = re.compile(r"[A-ZÄÖÜ][\w'’-]*[a-zäöüßé]")


def _name_outside(text: str, m: EntityMention, spans: list[tuple[int, int, str]], name: list[str]) -> list[str]:
    """Name words the span left out: a given name just before it ("Aleksander| Aamodt
    Kilde") or a surname just after a lone given name ("Didier| Cuche", where the model
    took "Cuche" for a place). Words inside an organisation or person span stay out."""
    taken = [(s, e) for s, e, label in spans if label in {"ORG", "PER"}]
    before = re.search(r"(?<![\w-])([A-ZÄÖÜ][\w-]+) $", text[max(0, m.start - 40) : m.start])
    if before and given_name(before.group(1)) and not is_role(before.group(1)):
        pos = m.start - len(before.group(0))
        if not any(s <= pos < e for s, e in taken):
            name = [before.group(1), *name]
    if len(name) == 1 and given_name(name[0]) and clean_span(m.text) == name[0]:
        after = NAME_WORD.match(text, m.end + 1) if text[m.end : m.end + 1] == " " else None
        word = after.group(0) if after else ""
        if (
            word
            and not is_common_noun(word)
            and not is_role(word)
            and not any(s <= after.start() < e for s, e in taken)
        ):
            name = [*name, word]
    return name


def resolve_people(
    text: str,
    mentions: Sequence[EntityMention],
    aliases: AliasTable | None = None,
    *,
    context: Sequence[EntityMention] = (),
) -> ResolvedEntities:
    """Resolve the PER spans of one document; ``referents`` is a list of :class:`Person`.

    ``context`` (all entity mentions of the document, any label) lets the text around a span
    decide that it names no person (:func:`_not_a_person`) and complete a name the span
    cut short (:func:`_name_outside`).
    """
    aliases = aliases if aliases is not None else load_aliases()
    spans = _spans([*mentions, *(c for c in context if c.label != "PER")])
    parsed: list[_Parsed | None] = []
    notes: list[str | None] = []
    starts = {p.start for p in mentions}
    for m in mentions:
        name, roles = split_roles(m.text + _particle_tail(text, m.end, aliases, starts))
        if not name:
            parsed.append(None)
            notes.append("role_only" if roles else "not_a_name")
            continue
        reason = _not_a_person(text, m, spans) if not roles else None
        if reason and not aliases.canonical(" ".join(name), "PER"):
            parsed.append(None)
            notes.append(reason)
            continue
        name = _name_outside(text, m, spans, _cut_possessed_noun(_cut_second_name(name), text))
        found = [*roles_before(text, m.start), *roles, *roles_after(text, m.end)]
        if (
            not found
            and aliases.canonical(" ".join(name), "ORG")
            and not aliases.canonical(" ".join(name), "PER")
        ):
            parsed.append(None)
            notes.append("organisation")
            continue
        parsed.append(_Parsed(name, found))
        notes.append(None)
    # One sense per document: a name that one mention shows to be an organisation
    # ("die Nachrichten-Website Mediazona") is no person in its other mentions either.
    org_names = {
        fold(genitive_candidates(w)[-1])
        for m, note in zip(mentions, notes, strict=True)
        if note == "organisation" and " " not in (w := clean_span(m.text))
    }
    for i, p in enumerate(parsed):
        if p is not None and len(p.tokens) == 1 and not p.roles:
            if any(fold(c) in org_names for c in genitive_candidates(p.tokens[0])):
                parsed[i], notes[i] = None, "organisation"

    # Longest forms first, so short forms find the full name they belong to.
    order = sorted(
        (i for i, p in enumerate(parsed) if p is not None),
        key=lambda i: (-len(parsed[i].tokens), -len(" ".join(parsed[i].tokens)), i),
    )
    clusters: list[_Cluster] = []
    member: dict[int, _Cluster] = {}
    for i in order:
        p = parsed[i]
        assert p is not None
        cluster, tokens = _attach(p.tokens, clusters, aliases, text)
        if cluster is None:
            cluster = _Cluster(forms=[tokens])
            clusters.append(cluster)
        elif tokens not in cluster.forms:
            cluster.forms.append(tokens)
        member[i] = cluster
        cluster.count += 1
        for role in p.roles:
            if role not in cluster.roles:
                cluster.roles.append(role)

    _merge_given_names(clusters, member, aliases)
    clusters = [c for c in clusters if c.count]
    nouns = {id(c) for c in clusters if _only_common_nouns(c, aliases, text)}
    for i in [i for i, c in member.items() if id(c) in nouns]:
        del member[i]
        notes[i] = "common_noun"
    clusters = [c for c in clusters if id(c) not in nouns]
    first_seen = {id(member[i]): i for i in sorted(member, reverse=True)}
    ordered = sorted(clusters, key=lambda c: first_seen[id(c)])
    people: dict[int, Person] = {}
    for c in ordered:
        people[id(c)] = _person(c, aliases)
    resolutions = []
    for i, note in enumerate(notes):
        c = member.get(i)
        if c is None:
            resolutions.append(Resolution(None, None, note=note))
        else:
            p = people[id(c)]
            resolutions.append(Resolution(p.name, p.person_id))
    return ResolvedEntities(resolutions=resolutions, referents=[people[id(c)] for c in ordered])


def _attach(
    tokens: list[str], clusters: list[_Cluster], aliases: AliasTable, text: str
) -> tuple[_Cluster | None, list[str]]:
    """Find the cluster for a name form, trying genitive-stripped forms of the last token."""
    candidates = [tokens[:-1] + [last] for last in genitive_candidates(tokens[-1])]
    for cand in candidates:
        hit = _match(cand, clusters)
        if hit is not None:
            return hit, cand
        canon = aliases.canonical(" ".join(cand), "PER")
        if canon:
            for c in clusters:
                if _canonical(c.longest, aliases) == canon:
                    return c, cand
    if len(tokens) == 1 and (hit := _given_name_of(tokens[0], clusters, aliases)) is not None:
        return hit, tokens
    if len(tokens) > 1 and is_common_noun(tokens[-1]):
        # "hatte Kim Waffen geliefert": a noun glued to a known name by the NER model.
        hit = _match(tokens[:-1], clusters)
        if hit is not None:
            return hit, tokens[:-1]
    if len(candidates) > 1 and _is_genitive(tokens, candidates[1][-1], text, aliases):
        return None, candidates[1]
    return None, candidates[0]


def _merge_given_names(clusters: list[_Cluster], member: dict[int, _Cluster], aliases: AliasTable) -> None:
    """A person known only by a given name joins the one person of the article whose full
    name opens with it (:func:`_given_name_of`), whichever was met first: "(Russlands
    Präsident Wladimir, Anm.) Putin" → Wladimir Putin. The emptied cluster keeps count 0."""
    for c in clusters:
        if not c.count or len(c.forms) != 1 or len(c.forms[0]) != 1:
            continue
        target = _given_name_of(c.forms[0][0], [o for o in clusters if o is not c and o.count], aliases)
        if target is None:
            continue
        target.forms.extend(f for f in c.forms if f not in target.forms)
        target.roles.extend(r for r in c.roles if r not in target.roles)
        target.count += c.count
        c.count = 0
        for i, m in member.items():
            if m is c:
                member[i] = target


MIN_SHORT_GIVEN = 3  # "Mika" for Mikaela, "Alex" for Alexander; not "Al"


def _given_name_of(word: str, clusters: list[_Cluster], aliases: AliasTable) -> _Cluster | None:
    """The one person a given name alone stands for (H1: one person per article): the
    person whose full name, as written or as the alias table completes it, opens with that
    given name ("Wladimir" beside "Putin" → Wladimir Putin) or with a longer given name it
    shortens ("Mika" beside "Mikaela Shiffrin": German and English short forms cut the
    given name's end). None when no person or several fit."""
    if not given_name(word):
        return None
    key = name_key(word)
    fits = []
    for c in clusters:
        full = (_canonical(c.longest, aliases)).split()
        if len(full) < 2:
            continue
        first = name_key(full[0])
        if first == key or (len(key) >= MIN_SHORT_GIVEN and first.startswith(key) and len(first) > len(key)):
            fits.append(c)
    return fits[0] if len(fits) == 1 else None


# the noun a Saxon genitive stands before, also a quoted title: "Putins Krieg", "Hugo von
# Hofmannsthals „Jedermann“"
SAXON_HEAD = re.compile(r"[ \t]+[„\"»«‚]?[A-ZÄÖÜ][a-zäöüß]")


def _is_genitive(tokens: list[str], stripped: str, text: str, aliases: AliasTable) -> bool:
    """Decide "Putins" → Putin vs "Sanders" → Sanders when no other mention tells.

    Evidence, strongest first: an apostrophe ("Merz'"); the alias table; a Saxon genitive
    ("Putins Krieg") or a postposed one ("der Tod Stalins"); a verb after every mention
    ("News hat im Januar": nominative); the bare form written elsewhere in the text.
    Without evidence a full name keeps its -s (Mats Hummels) and a lone surname follows its
    spelling (:func:`looks_genitive`).
    """
    word = tokens[-1]
    if word.endswith(("'", "’")):
        return True
    if word in names_ending_s():
        return False
    full, bare = " ".join(tokens), " ".join([*tokens[:-1], stripped])
    if aliases.canonical(full, "PER"):
        return False
    if aliases.canonical(bare, "PER"):
        return True
    if looks_genitive(word):
        for m in re.finditer(rf"(?<!\w){re.escape(full)}(?!\w)", text):
            if SAXON_HEAD.match(text, m.end()):
                return True  # "Putins Krieg", "Brechts „Dreigroschenoper“"
            before = TOKEN.findall(text[max(0, m.start() - 40) : m.start()])
            if (
                len(before) >= 2
                and before[-1][:1].isupper()
                and not is_role(before[-1])
                and before[-2].lower() in ARTICLES
            ):
                return True  # "im Namen Putins"
    if all(_verb_follows(text, m.end()) for m in re.finditer(rf"(?<!\w){re.escape(full)}(?!\w)", text)):
        return False  # "Sport News hat …": a genitive is never followed by a verb
    if re.search(rf"(?<!\w){re.escape(bare)}(?![\w'’])", text):
        return True
    if not looks_genitive(word):
        return False  # "Pankratius", "Christus": only the bare form written elsewhere counts
    return len(tokens) == 1 and looks_genitive(word)


NOT_VERBS = frozenset({"und", "oder", "sowie", "aber", "als", "wie", "zu", "sei", "noch", "nicht"})


def _verb_follows(text: str, end: int) -> bool:
    """A lower-case word that is no article, preposition or conjunction and is not followed
    by a capitalised noun (as an adjective would be: "Putins brutaler Krieg") follows
    ``end``: the finite verb after a subject ("News hat im Januar"), never after a genitive
    ("Stalins am 5. März")."""
    m = re.match(r"[ \t]+([a-zäöüß]+)\b(?=[ \t]*[a-zäöüß0-9,.;:!?])", text[end : end + 40])
    return bool(m) and m.group(1) not in ARTICLES and m.group(1) not in NOT_VERBS


def _only_common_nouns(c: _Cluster, aliases: AliasTable, text: str) -> bool:
    """A "person" whose every form is made of German common nouns ("Luftangriffen",
    "Zehntausender Reservisten") is an NER error, unless the alias table knows it or the
    text writes it after a role or form of address ("Frau Sommer", "Ministerin Spiegel")."""
    if c.roles:
        return False
    for form in c.forms:
        if aliases.canonical(" ".join(form), "PER"):
            return False
        if not all(is_common_noun(t.rstrip("'’")) for t in form):
            return False
        for m in re.finditer(rf"(?<!\w){re.escape(' '.join(form))}(?!\w)", text):
            before = TOKEN.findall(text[max(0, m.start() - 30) : m.start()])
            if before and (is_role(before[-1]) or _is_address(before[-1])):
                return False
            if _speaker_after_verb().search(text, max(0, m.start() - 20), m.start()) and SPEAKER_END.match(text, m.end()):
                return False  # "sagte Schild.": who speaks is a person
    return True


SPEAKER_END = re.compile(r"[ \t]*[.,;:!?]")


@cache
def _speaker_after_verb() -> re.Pattern[str]:
    """A verb of saying (``speech_verbs.txt``) right before its subject ("…“, sagte Schild.")."""
    verbs = "|".join(re.escape(w) for w in read_lines("speech_verbs.txt"))
    return re.compile(rf"(?<![\w-])(?:{verbs})[ \t]+$")


def _all_caps(tokens: list[str]) -> bool:
    return any(len(t) > 1 for t in tokens) and all(t.isupper() or t.lower() in PARTICLES for t in tokens)


def _uncapped(c: _Cluster) -> str:
    """The display form of a name written in capitals (bylines, captions): a form of the same
    name written in mixed case elsewhere in the document, else each word capitalised
    ("RODRIGO LONDONO" → "Rodrigo Londono", "URSULA VON DER LEYEN" → "Ursula von der Leyen")."""
    keys = c.keys()
    for form in c.forms:
        if not _all_caps(form) and [name_key(t) for t in form] == keys:
            return " ".join(form)
    words = []
    for t in c.longest:
        low = t.lower()
        words.append(low if low in PARTICLES else "-".join(p[:1] + p[1:].lower() for p in t.split("-")))
    return " ".join(words)


def _person(c: _Cluster, aliases: AliasTable) -> Person:
    longest = " ".join(c.longest)
    canon = aliases.canonical(longest, "PER")
    if canon is None:
        for form in c.forms:
            canon = aliases.canonical(" ".join(form), "PER")
            if canon:
                break
    name = longest
    if canon and len(canon.split()) > len(c.longest):
        name = canon  # "Putin" alone → the well-known full name
    elif _all_caps(c.longest):
        name = _uncapped(c)
    key = name_key(canon or longest)
    return Person(person_id=stable_id("per", key), name=name, roles=tuple(c.roles), mentions=c.count)
