"""Shared name helpers: span cleaning, genitive stripping, match keys and stable ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path

from pipeline.records import EntityMention
from pipeline.resources import ResourceError, read_lines, read_text

QUOTES = "\"'„“”‚‘’«»‹›()[]{}"
EDGE_PUNCT = QUOTES + ".,;:!?–—-/ \t\n"
ARTICLES = frozenset(
    "der die das den dem des ein eine einen einem einer eines im in ins am an vom von zum zur "
    "nach aus bei mit für über unter gegen um durch".split()
)
# Endings of German adjectives in multi-word names: "Vereinigten Staaten", "Nahen Osten".
ADJ_ENDING = re.compile(r"(?:en|er|es|em|e)$")
# Translit-insensitive key rules, applied in order after case/diacritics folding.
TRANSLIT_RULES: tuple[tuple[str, str], ...] = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("zh", "sh"),
    ("kh", "h"),
    ("ck", "k"),
    ("w", "v"),
    ("z", "s"),
    ("j", "y"),
    ("iy", "i"),
    ("yy", "i"),
    ("yi", "i"),
    ("ii", "i"),
    ("y", "i"),
    ("ph", "f"),
)


APOSTROPHES = "'’"
INITIAL_END = re.compile(r"(?:^|\s)(?:[A-ZÄÖÜ]|[IVX]{1,4})\.$")


def clean_span(text: str) -> str:
    """Span text without surrounding quotes/punctuation, handles (@, #) and whitespace runs.

    A possessive apostrophe after a letter ("Merz'") and the dot of a final initial or
    regnal number ("Nico G.", "Elisabeth II.") are kept.
    """
    text = re.sub(r"\s+", " ", text)
    keep_dot = bool(INITIAL_END.search(text.rstrip(APOSTROPHES + " ")))
    edge = EDGE_PUNCT.replace("'", "").replace("’", "")
    text = text.strip(edge)
    quoted = text[:1] in APOSTROPHES + "‘‚"  # 'Putin': a closing quote, not a possessive
    text = text.lstrip(APOSTROPHES + "@#").strip(edge)
    while text and text[-1] in APOSTROPHES and (quoted or not (len(text) > 1 and text[-2].isalpha())):
        text = text[:-1].rstrip(edge)
    if keep_dot and not text.endswith("."):
        text += "."
    return text


# Capitalised forms that start names rather than sentences: "Den Haag", "Den Helder".
NAME_ARTICLES = frozenset({"Den"})


def drop_leading_articles(tokens: list[str]) -> list[str]:
    """Remove leading articles and prepositions ("der Ukraine" → ["Ukraine"]); "Den Haag"
    keeps its article."""
    i = 0
    while i < len(tokens) - 1 and tokens[i].lower() in ARTICLES and tokens[i] not in NAME_ARTICLES:
        i += 1
    return tokens[i:]


def genitive_candidates(word: str) -> tuple[str, ...]:
    """Possible nominative forms of ``word``, most likely first.

    "Putins" → ("Putins", "Putin"); "Merz'" → ("Merz",); "Russlands" → ("Russlands",
    "Russland"); "Gazastreifens" → (..., "Gazastreifen"); "des Bundes" also tries "-es".
    The caller decides which candidate is real (gazetteer hit, another mention …).
    """
    if word.endswith(("'", "’")):
        return (word[:-1],)
    if word.endswith(("'s", "’s")):  # English possessive: "John Peel's"
        return (word[:-2],)
    out = [word]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
        if word.endswith("es") and len(word) > 5:
            out.append(word[:-2])
    return tuple(out)


def looks_genitive(word: str) -> bool:
    """True when a trailing -s is most likely a genitive ending (no other evidence).

    "Putins", "Lawrows", "Trumps" → True; "Pistorius", "Mattis", "Paulus", "Kickls"? → True
    only after a consonant other than s/x/z and not in the Latin/Greek endings -us -is -as -os.
    """
    if word.endswith(("'", "’")):
        return True
    if len(word) < 4 or not word.endswith("s"):
        return False
    prev = word[-2].lower()
    return prev not in "aeiouäöüsxzß" and prev.isalpha()


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and diacritics-insensitive form: "Erdoğan" → "erdogan", "Straße" → "strasse"."""
    text = text.replace("ß", "ss").replace("ẞ", "SS")
    decomposed = unicodedata.normalize("NFKD", text)
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    base = base.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
    base = re.sub(r"[\-‐‑–—_/.]", " ", base.casefold())
    base = re.sub(r"[^\w ]", "", base)
    return re.sub(r"\s+", " ", base).strip()


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Folded key that also merges common transliteration variants of names.

    Lawrow / Lavrov, Selenskyj / Selenskij / Selensky, Schoigu / Shoigu, Prigoschin /
    Prigozhin all share a key. Used for matching and for ids; never shown to users.
    """
    key = fold(text)
    for old, new in TRANSLIT_RULES:
        key = key.replace(old, new)
    return key


def stem_key(text: str) -> str:
    """Folded key with adjective endings of non-final words removed and the last word's
    genitive -s dropped: "der Vereinigten Staaten" and "Vereinigte Staaten" share a key."""
    tokens = drop_leading_articles(fold(text).split())
    if not tokens:
        return ""
    head = [ADJ_ENDING.sub("", t) if len(t) > 4 else t for t in tokens[:-1]]
    return " ".join([*head, tokens[-1]])


def stable_id(prefix: str, key: str) -> str:
    """Short deterministic id: ``prefix_`` + first 12 hex digits of sha1(key)."""
    return f"{prefix}_{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


def is_capitalised(token: str) -> bool:
    """Starts with an upper-case letter (a name token rather than a common word)."""
    return bool(token) and token[0].isupper()


# --- alias table (people and organisations) -------------------------------------------------

ALIAS_TABLE = "aliases.tsv"
DATIVE_PLURAL = re.compile(r"(?<=e[rl])n$")  # "Wählern", "Bürgern": the dative plural of nouns in -er, -el
ALIAS_TYPES = frozenset({"PER", "ORG"})


@dataclass(frozen=True)
class AliasTable:
    """Variant spelling → canonical name, per type (PER / ORG), matched by :func:`name_key`."""

    entries: Mapping[tuple[str, str], str] = field(default_factory=dict)
    surfaces: tuple[tuple[str, str], ...] = ()  # (type, name as written), aliases and canonicals

    def canonical(self, name: str, kind: str) -> str | None:
        """Canonical name for ``name`` of type ``kind`` ("PER"/"ORG"), or None if unknown."""
        hit = self.entries.get((kind, name_key(name)))
        if hit is None and " " in name.strip():  # inflected: "des Islamischen Staates"
            hit = self.entries.get((kind, "~" + name_key(stem_key(name))))
        if hit is None and " " in name.strip() and DATIVE_PLURAL.search(name):
            hit = self.entries.get((kind, "~" + name_key(stem_key(name[:-1]))))  # "von den Freien Wählern"
        return hit

    def extended(self, rows: Iterable[tuple[str, str, str]]) -> AliasTable:
        """A new table with ``(alias, canonical, type)`` rows added; later rows win."""
        rows = list(rows)
        merged = dict(self.entries)
        merged.update(_alias_entries(rows, source="user"))
        return AliasTable(merged, _surfaces(self.surfaces, rows))

    def names(self, kind: str) -> tuple[str, ...]:
        """Every written form (aliases and canonical names) of type ``kind``."""
        return self._names_by_kind.get(kind, ())

    @cached_property
    def _names_by_kind(self) -> dict[str, tuple[str, ...]]:
        """The written forms grouped by type, built once per table (every document asks)."""
        grouped: dict[str, list[str]] = {}
        for k, name in self.surfaces:
            grouped.setdefault(k, []).append(name)
        return {k: tuple(v) for k, v in grouped.items()}

    def __len__(self) -> int:
        return len(self.entries)


def _alias_entries(rows: Iterable[tuple[str, str, str]], source: str) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for alias, canonical, kind in rows:
        if kind not in ALIAS_TYPES or not alias or not canonical:
            raise ResourceError(f"{source}: bad alias row {(alias, canonical, kind)!r}")
        for name in (canonical, alias):
            key = (kind, name_key(name))
            if out.get(key, canonical) != canonical:
                raise ResourceError(f"{source}: {name!r} is an alias of two names")
            out[key] = canonical
            if " " in name:
                out.setdefault((kind, "~" + name_key(stem_key(name))), canonical)
    return out


def _parse_alias_text(text: str, source: str) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if parts[:3] == ["alias", "canonical", "type"]:
            continue
        if len(parts) < 2:
            raise ResourceError(f"{source}:{n}: expected 'alias<TAB>canonical[<TAB>type]'")
        kind = parts[2].upper() if len(parts) > 2 and parts[2] else "PER"
        rows.append((parts[0], parts[1], kind))
    return rows


def _surfaces(
    known: tuple[tuple[str, str], ...], rows: Iterable[tuple[str, str, str]]
) -> tuple[tuple[str, str], ...]:
    out = dict.fromkeys(known)
    for alias, canonical, kind in rows:
        out.setdefault((kind, canonical))
        out.setdefault((kind, alias))
    return tuple(out)


@cache
def _shipped_aliases() -> AliasTable:
    rows = _parse_alias_text(read_text(ALIAS_TABLE), ALIAS_TABLE)
    return AliasTable(_alias_entries(rows, ALIAS_TABLE), _surfaces((), rows))


def load_aliases(path: Path | None = None) -> AliasTable:
    """The shipped alias table, extended by a user file (same TSV format) when given."""
    table = _shipped_aliases()
    if path is None:
        return table
    text = Path(path).read_text(encoding="utf-8")
    return table.extended(_parse_alias_text(text, str(path)))


# --- word lists: common nouns, names ending in -s --------------------------------------------

COMMON_NOUNS = "common_nouns.txt.gz"
NAMES_ENDING_S = "names_ending_s.txt"
MIN_COMPOUND_PART = 6  # "Bürger|kriegen": both parts nouns, the head at least 6 letters
LINKING = ("s", "es", "n", "en", "")
INFLECTION_ENDINGS = ("e", "en", "n", "s", "es", "er", "ern")
# Number nouns: "Tausende", "Zehntausender", "Hunderten", "Millionen".
NUMBER_NOUN = re.compile(
    r"^(?:Zehn|Hundert)?(?:[Tt]ausend|[Hh]undert)(?:e|en|er|ern)?$|^(?:Millionen|Milliarden|Dutzende[n]?)$"
)


@cache
def common_nouns() -> frozenset[str]:
    """The shipped list of capitalised German common nouns (``common_nouns.txt.gz``), read once."""
    lines = read_text(COMMON_NOUNS).splitlines()
    words = frozenset(ln for ln in lines if ln and not ln.startswith("#"))
    if not words:
        raise ResourceError(f"{COMMON_NOUNS}: empty table")
    return words


@lru_cache(maxsize=1 << 14)
def is_common_noun(word: str) -> bool:
    """True for a capitalised German common noun ("Luftangriffen", "Stellungnahme"),
    also a compound of two known nouns ("Bürgerkriegen", "Integrationskursen").

    Names are not in the list (it is built from words that follow determiners or
    adjectives in running text), so "Putin", "Merz", "Berlin" → False.
    """
    nouns = common_nouns()
    if word in nouns or NUMBER_NOUN.match(word):
        return True
    if len(word) < 2 * MIN_COMPOUND_PART - 1 or not word[:1].isupper():
        return False
    for cut in range(3, len(word) - MIN_COMPOUND_PART + 1):
        head = word[cut:].capitalize()
        if head not in nouns and not any(
            head.endswith(e) and head[: -len(e)] in nouns for e in INFLECTION_ENDINGS
        ):
            continue
        modifier = word[:cut]
        for link in LINKING:
            if modifier.endswith(link) and modifier[: len(modifier) - len(link)] in nouns:
                return True
    return False


# Gender-inclusive spellings of person nouns: "Beobachter:innen", "Lehrer*innen", "Ärzt_innen".
GENDER_MARK = re.compile(r"\w[:*_]in(?:nen)?$")


def gendered_noun(word: str) -> bool:
    """A person noun in gender-inclusive spelling ("Beobachter:innen", "Expert*innen"): a
    common noun for a group of people, never a name (German writes no name so)."""
    return bool(GENDER_MARK.search(word.rstrip(".,;!?")))


LOWERCASE_WORDS = "lowercase_words.txt.gz"


@cache
def lowercase_words() -> frozenset[str]:
    """German words that running text writes in lower case ("lange", "seine", "bisher"),
    read once from ``lowercase_words.txt.gz`` (built by scripts/build_lowercase_words.py)."""
    lines = read_text(LOWERCASE_WORDS).splitlines()
    words = frozenset(ln for ln in lines if ln and not ln.startswith("#"))
    if not words:
        raise ResourceError(f"{LOWERCASE_WORDS}: empty table")
    return words


def sentence_word(text: str, start: int, end: int) -> bool:
    """A one-word span at a sentence start that German otherwise writes in lower case and
    that the text never capitalises in mid-sentence: "Lange wollte der Präsident …"."""
    word = text[start:end]
    if " " in word or word.lower() not in lowercase_words():
        return False
    if not _sentence_start(text, start):
        return False
    return not any(
        not _sentence_start(text, m.start())
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
    )


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t\"'„“»«‚‘")
    return not before or before[-1] in ".!?:\n"


@cache
def names_ending_s() -> frozenset[str]:
    """Names whose final -s is not a genitive (Lars, Jens, Behrens, Hummels)."""
    return frozenset(read_lines(NAMES_ENDING_S))


# --- coordination: the other members of an enumeration ------------------------------------

# What joins two members of an enumeration: "A, B und C", "A sowie B", "A oder B".
LIST_GLUE = re.compile(r"\s*(?:,\s*(?:und|oder|sowie)?|und|oder|sowie)\s*(?:der|die|das|den|dem)?\s*")
QUOTE_CHARS = "\"'„“”‚‘’«»‹›"


def gap_strip(gap: str) -> str:
    """The text between two enumeration members without quotes around them."""
    return gap.replace("\u00a0", " ").strip(QUOTE_CHARS).strip().strip(QUOTE_CHARS)


def coordinated(text: str, index: int, spans: list[tuple[int, int, str]]) -> list[str]:
    """Labels (or, for plain words, the words) of the members enumerated with ``spans[index]``.

    ``spans`` are ``(start, end, label)`` sorted by start. Members are entity spans or single
    capitalised words joined by a comma, "und", "oder", "sowie" ("Mahle, Getrag und Federal
    Mogul"; "Gold, Diamanten und Coltan" → ["Gold", "Diamanten"] for the last member).
    """
    out: list[str] = []
    start, end, _ = spans[index]
    # leftwards
    i, pos = index - 1, start
    while True:
        before = text[max(0, pos - 80) : pos]
        if i >= 0 and spans[i][1] <= pos and LIST_GLUE.fullmatch(gap_strip(text[spans[i][1] : pos]) or " "):
            if not text[spans[i][1] : pos].strip(QUOTE_CHARS + " "):
                break  # adjacent spans are not an enumeration
            out.append(spans[i][2])
            pos, i = spans[i][0], i - 1
            continue
        m = re.search(r"([A-ZÄÖÜ][\w-]+)([\"'„“”»«]?)(\s*(?:,\s*(?:und|oder|sowie)?|und|oder|sowie)\s*)[\"'„“»«]?$", before)
        if m and (i < 0 or spans[i][1] <= pos - len(m.group(0))):
            out.append(m.group(1))
            pos = pos - len(m.group(0))
            continue
        break
    # rightwards
    j, pos = index + 1, end
    while True:
        after = text[pos : pos + 80]
        if j < len(spans) and spans[j][0] >= pos and LIST_GLUE.fullmatch(gap_strip(text[pos : spans[j][0]]) or " "):
            if not text[pos : spans[j][0]].strip(QUOTE_CHARS + " "):
                break
            out.append(spans[j][2])
            pos, j = spans[j][1], j + 1
            continue
        m = re.match(r"[\"'“”»«]?(\s*(?:,\s*(?:und|oder|sowie)?|und|oder|sowie)\s*)[\"'„“»«]?([A-ZÄÖÜ][\w-]+)", after)
        if m and (j >= len(spans) or spans[j][0] >= pos + m.end()):
            out.append(m.group(2))
            pos = pos + m.end()
            continue
        break
    return out


# --- ship names ----------------------------------------------------------------------------

VESSEL_TABLE = "vessel_nouns.txt"
VESSEL_INFLECTION = ("es", "en", "e", "s", "n")  # "des Einsatzgruppenversorgers", "Kriegsschiffe"
VESSEL_BEFORE = re.compile(r"([A-ZÄÖÜ][\w-]*[a-zäöüß])[ \t]+[„\"»«‚‘“]?$")
# a vessel noun and the name after it, quoted or one capitalised word: die Fregatte
# „Baden-Württemberg“, der US-Flugzeugträger «Harry Truman», Fregatte Hamburg
VESSEL_NAME = re.compile(
    r"(?<![\w-])(?P<noun>[A-ZÄÖÜ][\w-]*[a-zäöüß])(?=[ \t]+"  # only the noun is consumed: "Die Fregatte …"
    r"(?:[„\"»«‚‘“](?P<quoted>[A-ZÄÖÜ][^„“”\"«»‚‘’\n]{0,60}?)[“”\"«»‘’]|(?P<word>[A-ZÄÖÜ][\w-]*\w)))"
)


@cache
def words_and_heads(table: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(words, compound heads) of a word table, lower case: a plain line is a word, a line
    starting with "-" the head of a compound ("-hersteller", "-museum", "-schiff")."""
    words: set[str] = set()
    heads: list[str] = []
    for line in read_lines(table):
        if line.startswith("-"):
            heads.append(line[1:].lower())
        else:
            words.add(line.lower())
    return frozenset(words), tuple(heads)


def table_word(table: str, form: str) -> bool:
    """The lower-case ``form`` is a word of the word table or a compound on one of its heads
    (:func:`words_and_heads`: "gemeinden" or "brückengemeinden" for "Gemeinden"/"-gemeinden")."""
    words, heads = words_and_heads(table)
    return form in words or any(form.endswith(h) and len(form) > len(h) for h in heads)


def vessel_noun(word: str) -> bool:
    """A noun for a ship or boat, also inflected, compounded or after a prefix ("Fregatte",
    "des Einsatzgruppenversorgers", "Kriegsschiff", "US-Flugzeugträger", "U-Boot")."""
    low = word.rsplit("-", 1)[-1].lower()
    forms = {low, *(low[: -len(e)] for e in VESSEL_INFLECTION if low.endswith(e) and len(low) > len(e) + 3)}
    return any(table_word(VESSEL_TABLE, f) for f in forms)


@lru_cache(maxsize=8)
def vessel_names(text: str) -> frozenset[str]:
    """Folded names that ``text`` gives a ship or boat, right after its type noun
    ("die Fregatte „Baden-Württemberg“" → baden-wurttemberg)."""
    return frozenset(
        fold(m.group("quoted") or m.group("word")) for m in VESSEL_NAME.finditer(text) if vessel_noun(m.group("noun"))
    )


def vessel_mention(text: str, start: int, end: int, names: frozenset[str]) -> bool:
    """True when the span ``text[start:end]`` names a ship, not the place or person it is
    named after: right after a vessel noun ("Fregatte Baden-Württemberg"), or in quotation
    marks when the text names that ship after a vessel noun elsewhere ("die Route der
    „Baden-Württemberg“"). ``names`` is :func:`vessel_names` of the text."""
    name = fold(clean_span(text[start:end]))
    if name not in names:
        return False
    noun = VESSEL_BEFORE.search(text[max(0, start - 40) : start])
    if noun and vessel_noun(noun.group(1)):
        return True
    quoted = text[start - 1 : start] in QUOTE_CHARS or text[start : start + 1] in QUOTE_CHARS
    return quoted and (text[end : end + 1] in QUOTE_CHARS or text[end - 1 : end] in QUOTE_CHARS)


def absorb_spans(
    text: str, mentions: Sequence[EntityMention], spans: Iterable[tuple[int, int]], label: str
) -> list[EntityMention]:
    """The mentions inside each span become one mention of ``label`` covering the span (a
    body's, a unit's or a venue's name); a span that a mention crosses at its edge, or that no
    mention touches, changes nothing. Returned in text order."""
    out = list(mentions)
    for start, end in sorted(spans):
        inside = [m for m in out if start <= m.start and m.end <= end]
        if not inside or any(m.start < end and start < m.end and m not in inside for m in out):
            continue
        if len(inside) == 1 and (inside[0].start, inside[0].end, inside[0].label) == (start, end, label):
            continue
        out = [m for m in out if m not in inside]
        out.append(EntityMention(inside[0].sent_idx, start, end, text[start:end], label))
    return sorted(out, key=lambda m: (m.start, m.end))
