"""Troop figures: numbers attached to military personnel, with range, qualifier, country, status and source."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice

from pipeline.clauses import (
    NOUN_ENDINGS,
    Clause,
    clause_of,
    clauses,
    conditional,
    done_tense,
    epistemic_possibility,
    future_werden,
    has_aspect_verb,
    idle_plan_adverb,
    is_finite,
    is_verb,
    is_zu_infinitive,
    known_lemma,
    planned_by_time,
    plans,
    predicate_class,
    predicate_lemma,
    predicates,
    present_finite,
    present_passive,
    present_tense,
    relative_after,
    reported_past,
    shared_subject,
    to_come,
)
from pipeline.normalise.demonyms import country_for_word, is_country_name, is_demonym
from pipeline.normalise.names import is_common_noun, vessel_noun
from pipeline.numbers import is_month
from pipeline.records import EntityMention, NumberMention, Resolution, Sentence, Token, TroopFigure
from pipeline.resources import read_lines, read_tsv

COUNTED_KINDS = frozenset({"cardinal"})
MAX_MODIFIERS = 4  # words between number and noun ("gefallene und verwundete russische")
CASUALTY_WINDOW = 12  # casualty cues this close (in words) outrank every other cue
CASUALTY = ("killed", "wounded", "killed_or_wounded", "captured", "missing")
# Status groups from strongest to weakest once in-phrase cues are ruled out.
STRONG_STATUS = ("mobilized", "stationed", "deployed", "planned", "changed", "strength", "withdrawn", "standby")
# Predicate classes of troop_predicates.tsv that are not statuses themselves: a change of a
# force's size is planned (S2), "changed" when done (see _change_role); a plan word alone is a
# weak cue (U1).
PREDICATE_GROUPS = {"change": "planned", "plan": "planned_weak"}
# Predicate classes whose status depends on tense and modality: still to come → planned (U1,
# S2), done → this status (S4, S5, S7).
DONE_STATUS = {"move": "deployed", "station": "stationed", "withdraw": "withdrawn", "ready": "standby"}
ADJACENT = 2  # words after a figure within which a casualty cue is its own
CASUALTY_JOINERS = frozenset({",", "und", "oder", "bzw", ".", "sowie", "–", "-", "/"})
GENERAL_CASUALTY = "casualty"  # only "Opfer"/"Verluste": refined by the figure before, if any
ACTION_STATUS = frozenset(CASUALTY) | {"mobilized", "deployed", "stationed", "captivity"}
# statuses a verb gives the troops it governs as its object or subject, stronger than a relative
# clause on them: called up, killed, wounded, captured (S3, S6)
GOVERNING_STATUS = frozenset({"mobilized", "killed", "wounded", "captured", "missing"})
WEAK_STATUS = {"planned_weak": "planned", "strength_weak": "strength"}
ADJECTIVE_ENDINGS = ("isch", "ische", "ischen", "ischer", "isches", "ischem")
ACTIVE_DUTY = "aktiv"  # "aktive Soldaten": the serving force, as against its reserve
TOLL_REACH = 3  # sentences back within which a troop figure makes a bare toll ("zwölf Tote") the troops'
MANN_MIN = 100  # "5.000 Mann" is troops anywhere; "zehn Mann" only in a military sentence
# STTS tags that end a figure's noun phrase: verbs, subordinators, relative pronouns
PHRASE_ENDS = ("V", "KOUS", "PREL")
LIST_MARKS = frozenset({"-", "–", "—", ":"})
COORDINATORS = frozenset({"und", "sowie", "oder", ","})
COPULA = frozenset({"sein", "bleiben"})
# prepositions of a place where troops stand ("in Katar", "am Hindukusch", "an der Grenze")
POSITION_PREPOSITIONS = frozenset({"in", "im", "am", "an"})
# "weitere"/"andere" after a number: more of the troops just counted ("fünf weitere")
ELIDED_FURTHER = frozenset({"weitere", "weiteren", "andere", "anderen"})
NEGATIONS = frozenset({"nicht", "kein", "keine", "keinen", "keiner", "keinem"})
TRUNCATION_JOINERS = frozenset({"und", "sowie", "oder", "bzw", ",", "/"})  # "Berufs- und Zeitsoldaten"
SHARED_HEDGES = frozenset({"approx", "at_least"})  # qualifiers a coordinated figure shares (Q4)
QUOTES = frozenset('"„“”«»‹›\'‚‘’')
LOOKBACK = 3  # tokens before a figure searched for the country that sends it
MAX_VERB_GAP = 8  # lower-case words between a verb and the "über" it governs
POSSESSIVES_AND_ARTICLES = frozenset(
    {"seiner", "ihrer", "unserer", "eurer", "deren", "dessen", "der", "des", "dieser", "von", "aller"}
)
WORD_RE = re.compile(r"[^\W\d_]+(?:[-:*_·/][^\W\d_]+)*|\d+(?:[.,'\u2018\u2019 \u00a0\u202f]\d+)*|\S")
ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen".split())


@dataclass(frozen=True, slots=True)
class _Tok:
    """A word of the figure's sentence; ``lemma``/``pos``/``tag``/``morph`` come from the Doc's token."""

    text: str
    start: int
    end: int
    lemma: str = ""
    pos: str = ""
    tag: str = ""
    morph: str = ""

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


# --------------------------------------------------------------------------- tables


@cache
def _military_nouns() -> tuple[str, ...]:
    return tuple(sorted((w.lower() for w in read_lines("military_nouns.txt")), key=len, reverse=True))


@cache
def _person_nouns() -> tuple[str, ...]:
    return tuple(w.lower() for w in read_lines("person_nouns.txt"))


@cache
def _non_troop_nouns() -> tuple[str, ...]:
    return tuple(w.lower() for w in read_lines("non_troop_nouns.txt"))


@cache
def _measure_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("measure_nouns.txt"))


@cache
def _cue_words(kind: str) -> frozenset[str]:
    """The cue words of ``kind`` in ``troop_cues.tsv`` (without their values), read once."""
    return frozenset(cue for cue, _ in _cues(kind))


@cache
def _cues(kind: str) -> tuple[tuple[str, str], ...]:
    rows = [(r["cue"], r.get("value", "")) for r in read_tsv("troop_cues.tsv") if r["kind"] == kind]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


def _ends_with(word: str, stems: Collection[str]) -> bool:
    low = word.lower()
    return any(low == s or (low.endswith(s) and len(s) >= 4) for s in stems)


@lru_cache(maxsize=65536)  # words repeat: each is looked up once
def is_military_noun(word: str) -> bool:
    """``Soldaten``, ``Bundeswehrsoldaten``, ``US-Truppen``, ``Soldat:innen`` … → True."""
    low = word.lower()
    if low in {"mann"}:
        return True
    for tail in _cue_words("member_tail"):  # "Bundeswehrangehörige", "Militärangehörigen": members of a force
        if low.endswith(tail) and len(low) > len(tail) and _has_cue(low[: -len(tail)], "forces"):
            return True
    return _ends_with(low, _military_nouns())


@lru_cache(maxsize=65536)  # words repeat: each is looked up once
def _is_person_noun(word: str) -> bool:
    return word.lower() in _person_nouns() or _ends_with(word, _person_nouns())


@lru_cache(maxsize=65536)  # words repeat: each is looked up once
def _is_non_troop(word: str) -> bool:
    return _ends_with(word, _non_troop_nouns())


def _is_adjective(word: str) -> bool:
    """``russische``, ``Israelische`` (capitalised at a sentence start) …"""
    return not word[:1].isupper() or word.lower().endswith(ADJECTIVE_ENDINGS)


@lru_cache(maxsize=65536)  # words repeat: each is looked up once
def _is_demonym_noun(word: str) -> bool:
    """A noun for a nation's people (``Russen``, ``Nordkoreaner``, ``Briten``)."""
    if _is_adjective(word) or "-" in word:
        return False
    if is_country_name(word) or not is_demonym(word):
        return False  # "Ukraine"; "Pentagonsprecher", "Kremlsprecher": an institution's compound
    return word.lower().endswith(("er", "ern", "en", "e", "innen", "in"))


@lru_cache(maxsize=65536)  # words repeat: each is looked up once
def _is_side_noun(word: str) -> bool:
    """A side noun ("Armee", "Streitkräften"), also as a compound's head ("Feldarmee",
    "Panzerbrigade", "Landstreitkräfte"); not "Seite" (a "Webseite" is no side)."""
    low = word.lower()
    return any(
        low.startswith(cue) or (cue != "seite" and low.endswith(tuple(cue + e for e in SIDE_ENDINGS)))
        for cue, _ in _cues("side")
    )


SIDE_ENDINGS = ("", "n", "en", "s", "es")


@lru_cache(maxsize=65536)  # words repeat: each is looked up once
def _is_military_word(word: str) -> bool:
    low = word.lower()
    return any(cue in low for cue, _ in _cues("military")) or is_military_noun(word)


# --------------------------------------------------------------------------- tokens


def _tokens(text: str, start: int, end: int, doc_tokens: Sequence[Token] = ()) -> list[_Tok]:
    """The words of ``text[start:end]``, number expressions kept whole ("22 000"), each with
    the lemma, POS, STTS tag and morphology of the Doc token it starts with (or lies in)."""
    words = [(m.group(0), start + m.start(), start + m.end()) for m in WORD_RE.finditer(text[start:end])]
    if not doc_tokens:
        return [_Tok(*w) for w in words]
    starts = [t.start for t in doc_tokens]
    out = []
    for word, ws, we in words:
        k = bisect.bisect_right(starts, ws) - 1
        tok = doc_tokens[k] if k >= 0 and doc_tokens[k].end > ws else None
        if tok is None:
            out.append(_Tok(word, ws, we))
        else:
            out.append(_Tok(word, ws, we, tok.lemma, tok.pos, tok.tag, tok.morph))
    return out


def _sentence_of(sentences: Sequence[Sentence], num: NumberMention, text: str) -> Sentence:
    for s in sentences:
        if s.start <= num.start < s.end:
            return s
    if 0 <= num.sent_idx < len(sentences):
        return sentences[num.sent_idx]
    return Sentence(0, 0, len(text), text)


# --------------------------------------------------------------------------- phrase analysis


@dataclass(frozen=True, slots=True)
class _Head:
    kind: str  # military | person | demonym | elided | other
    modifiers: tuple[_Tok, ...]
    noun: _Tok | None
    end: int  # end offset of the phrase
    tail: tuple[_Tok, ...] = ()  # "aus Nordkorea", "der Bundeswehr" after the noun


def _head(toks: list[_Tok], i: int, num_end: int) -> _Head:
    """What the number at token index ``i`` (first token after it) counts."""
    mods: list[_Tok] = []
    j = i
    while j < len(toks) and len(mods) <= MAX_MODIFIERS:
        tok = toks[j]
        if tok.text in QUOTES and j + 1 < len(toks) and toks[j + 1].is_word:
            j += 1  # a quoted noun: 17 "Terroristen", «hunderte» ausländische Kämpfer
            continue
        if not tok.is_word:
            break
        if tok.is_cap and tok.low not in ARTICLES:
            k = _completing_noun(toks, j)
            if k == j:
                return _classify_noun(toks, j, tuple(mods))
            whole = _classify_noun(toks, k, tuple(mods))  # "183.116 Berufs- und Zeitsoldaten"
            return _Head(whole.kind, whole.modifiers, whole.noun, toks[j + 1].end)
        if tok.low == "und" and mods:
            mods.append(tok)
            j += 1
            continue
        if re.fullmatch(r"[a-zäöüß-]+(e|en|er|es|em)", tok.text) and tok.low not in ARTICLES:
            mods.append(tok)
            j += 1
            continue
        break
    if mods and mods[-1].low == "und":
        mods.pop()
    if mods and _is_demonym_adj(mods[-1]):
        # "630.000 südkoreanische und …": an adjective standing for the noun
        return _Head("demonym", tuple(mods), None, mods[-1].end)
    # "120 000 getöteten und …": participles that say what happened stay with the figure
    cued = {i for i, _ in _cue_hits(mods)}
    mods = mods[: min(set(range(len(mods))) - cued, default=len(mods))]
    return _Head("elided", tuple(mods), None, mods[-1].end if mods else num_end)


def _completing_noun(toks: list[_Tok], j: int) -> int:
    """Index of the noun that completes a truncated compound at ``j`` ("Berufs- und
    Zeitsoldaten", "elf Brigade-, 37 Bataillons- und 46 Kompaniekommandeure"), else ``j``."""
    k = j
    while k + 1 < len(toks) and toks[k + 1].text == "-" and toks[k + 1].start == toks[k].end:
        k += 2
        while k < len(toks) and (toks[k].low in TRUNCATION_JOINERS or toks[k].text[:1].isdigit() or not toks[k].is_cap):
            if not toks[k].is_word and toks[k].low not in TRUNCATION_JOINERS and not toks[k].text[:1].isdigit():
                return j
            k += 1
        if k >= len(toks):
            return j
    return k


def _is_demonym_adj(tok: _Tok) -> bool:
    return not tok.is_cap and country_for_word(tok.text) is not None


def _classify_noun(toks: list[_Tok], j: int, mods: tuple[_Tok, ...]) -> _Head:
    noun = toks[j]
    end = noun.end
    # "malische Soldaten und russische Söldner": one phrase of two forces' troops
    if (
        j + 3 < len(toks) and toks[j + 1].low == "und" and _is_demonym_adj(toks[j + 2]) and toks[j + 3].is_cap
        and is_military_noun(noun.text) and is_military_noun(toks[j + 3].text)
    ):  # fmt: skip
        return _tailed("military", (*mods, toks[j + 2]), noun, toks, j + 4, toks[j + 3].end)
    # "Soldatinnen und Soldaten", "Frauen und Männer": one phrase
    if j + 2 < len(toks) and toks[j + 1].low == "und" and toks[j + 2].is_cap:
        pair = f"{noun.low} und {toks[j + 2].low}"
        if (
            pair in _person_nouns()
            or pair in _military_nouns()
            or (is_military_noun(noun.text) and is_military_noun(toks[j + 2].text))
        ):
            end = toks[j + 2].end
            kind = "military" if is_military_noun(toks[j + 2].text) else "person"
            return _tailed(kind, mods, noun, toks, j + 3, end)
    if is_military_noun(noun.text):
        return _tailed("military", mods, noun, toks, j + 1, end)
    if _is_non_troop(noun.text) and (not _is_person_noun(noun.text) or _rather_non_troop(noun.text)):
        return _Head("other", mods, noun, end)  # "Polizisten"; "Familienmitglieder", not "Mitglieder"
    if _is_demonym_noun(noun.text):
        return _tailed("demonym", mods, noun, toks, j + 1, end)
    if _is_person_noun(noun.text):
        return _tailed("person", mods, noun, toks, j + 1, end)
    return _Head("other", mods, noun, end)


def _rather_non_troop(word: str) -> bool:
    """The word's longest ending in the non-troop nouns is longer than its longest in the
    person nouns: the more specific list decides ("Familienmitglieder" over "Mitglieder")."""
    low = word.lower()

    def longest(stems: Collection[str]) -> int:
        return max((len(s) for s in stems if low.endswith(s)), default=0)

    return longest(_non_troop_nouns()) > longest(_person_nouns())


def _tailed(kind: str, mods: tuple[_Tok, ...], noun: _Tok, toks: list[_Tok], j: int, end: int) -> _Head:
    new_end = _extend(toks, j, end)
    tail = tuple(t for t in toks[j:] if t.end <= new_end)
    return _Head(kind, mods, noun, new_end, tail)


def _extend(toks: list[_Tok], j: int, end: int) -> int:
    """Take in "aus Nordkorea", "der Bundeswehr", "der russischen Armee", "eines
    US-Sondereinsatzkommandos" after the noun."""
    if j >= len(toks):
        return end
    first = toks[j].low
    if first not in {"aus", "der", "des", "eines", "einer"}:
        return end
    k = j + 1
    while k < len(toks) and toks[k].is_word and not toks[k].is_cap and k - j <= 2:
        k += 1
    if k < len(toks) and toks[k].is_cap and toks[k].is_word:
        end = toks[k].end
        if first == "aus":
            while k + 2 < len(toks) and toks[k + 1].text in {",", "und"} and toks[k + 2].is_cap:
                k += 2
                end = toks[k].end
        elif k + 1 < len(toks) and toks[k + 1].is_cap and toks[k + 1].is_word:
            end = toks[k + 1].end  # "der Elitetruppe KSK", "der Privatarmee Wagner"
    return end


# --------------------------------------------------------------------------- qualifier


def _qualifier(text: str, sent: Sentence, num: NumberMention, head: _Head) -> tuple[str, int]:
    """(qualifier, start of the cue) from the words right before (or after) the number."""
    after = text[head.end : sent.end].lower()
    for cue, value in _cues("qualifier_after"):
        if re.match(rf"\s*{re.escape(cue)}\b", after) and not num.vague:
            return value, num.start
    if num.vague:
        return "vague", num.start
    if num.low is not None and num.high is not None and num.value is None and num.low != num.high:
        return "range", num.start
    before = text[sent.start : num.start]
    ceiling = _ceiling_before(before)
    if ceiling is not None:
        return "up_to", sent.start + ceiling
    fillers = "|".join(re.escape(c) for c, _ in _cues("filler"))
    for cue, value in _cues("qualifier"):
        pattern = rf"(?<![\w])({re.escape(cue)})(?:\s+(?:{fillers}))*\s+$"
        m = re.search(pattern, before, re.IGNORECASE)
        if m and cue.lower() == "über" and _verb_takes_over(before[: m.start(1)]):
            continue
        if m:
            return value, sent.start + m.start(1)
    return "exact", num.start


def _ceiling_before(before: str) -> int | None:
    """Start of "Obergrenze von", "Mandatsobergrenze liegt bei" right before a number (Q2:
    a ceiling is ``up_to``), else None."""
    stems = "|".join(re.escape(c) for c, _ in _cues("ceiling"))
    fillers = "|".join(re.escape(c) for c, _ in _cues("filler"))
    prep = rf"\s+(?:von|bei|auf)(?:\s+(?:{fillers}))*\s+"
    m = re.search(
        rf"\b\w*(?:{stems})\w*(?:\s+[^\W\d_]+){{0,4}}?(?P<first>{prep}\d[\d.,’']*)?(?P<own>{prep})$", before, re.IGNORECASE
    )  # "Personalobergrenze von noch 1350", "die Obergrenze für das Mandat auf nur noch 300 von bislang 600"
    if m is None:
        return None
    return m.start("own") + 1 if m.group("first") else m.start()  # the second figure starts at its preposition


def _mandate_ceiling(text: str, sent: Sentence, num: NumberMention, toks: Sequence[_Tok]) -> bool:
    """A ceiling noun before the figure ("Obergrenze von 1.400") in a sentence about a mandate
    or a mission: a mandate's ceiling (S5); a whole force's ceiling is its size (S1)."""
    if _ceiling_before(text[sent.start : num.start]) is None:
        return False
    return _names_noun(toks, "mandate")


def _verb_takes_over(before: str) -> bool:
    """True when "über" belongs to a verb of its clause ("verfügt über", "verfügte die
    Wagner-Truppe insgesamt über") or to the noun right before it ("Erkenntnisse über"), not to
    the number; a noun further off ("Laut dem Bericht starben über 300") takes no "über"."""
    clause = re.split(r"[,;:–—(]", before)[-1]
    words = re.findall(r"[^\W\d_]+", clause)
    if words and words[-1][:1].isupper() and words[-1].lower().startswith(tuple(_cue_words("not_over_noun"))):
        return True  # "Erkenntnisse über 3.000 Soldaten": about
    verbs = [w for w in words if w[:1].islower()][-MAX_VERB_GAP:]
    return any(w.startswith(stem) for w in verbs for stem, _ in _cues("not_over"))


def _bounds(qualifier: str, num: NumberMention) -> tuple[int | None, int | None]:
    value = num.value if num.value is not None else num.low
    v = None if value is None else int(round(value))
    if qualifier == "range":
        return _int(num.low), _int(num.high)
    if qualifier == "vague":
        return _int(num.low), None
    if qualifier in {"up_to", "less_than"}:
        return None, v
    if qualifier in {"at_least", "more_than"}:
        return v, None
    return v, v


def _int(x: float | None) -> int | None:
    return None if x is None else int(round(x))


# --------------------------------------------------------------------------- status


def _cue_hits(sent_toks: Sequence[_Tok]) -> list[tuple[int, str]]:
    """(token index, status group) for every status cue in the tokens; "haben" as an
    auxiliary ("haben … die Arbeit aufgenommen") says nothing of a force's size."""
    hits = _cue_hits_in(tuple(t.low.rsplit("-", 1)[-1] for t in sent_toks))
    return [
        (i, g) for i, g in hits if not (g == "strength_weak" and sent_toks[i].pos == "AUX") and not _without(sent_toks, i)
    ]


@lru_cache(maxsize=4096)
def _cue_hits_in(lows: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    hits: list[tuple[int, str]] = []
    index = _status_index()
    for i, low in enumerate(lows):
        for exact, words, group in index.get(low[:3], ()):
            if i + len(words) > len(lows):
                continue
            last = len(words) - 1
            if all(
                lows[i + k] == w if (exact or k < last) else lows[i + k].startswith(w)
                for k, w in enumerate(words)
            ):
                hits.append((i, group))
    return tuple(hits)


@cache
def _status_index() -> dict[str, tuple[tuple[bool, tuple[str, ...], str], ...]]:
    """Status cues by the first three letters of their first word (for a fast scan).

    A cue starting with "=" must equal the word; otherwise its last word is a stem (stems
    are at least three letters long, so a word and its stem share the key).
    """
    index: dict[str, list[tuple[bool, tuple[str, ...], str]]] = {}
    for cue, group in _cues("status"):
        words = tuple(cue.lstrip("=").split())
        index.setdefault(words[0][:3], []).append((cue.startswith("="), words, group))
    return {k: tuple(v) for k, v in index.items()}


def _status(sent_toks: list[_Tok], num_i: int, head: _Head, others: Sequence[int]) -> str | None:
    """Status from the phrase, then from the figure's clause, then from the sentence; None
    when the sentence says nothing."""
    phrase = [t for t in head.modifiers] + ([head.noun] if head.noun else [])
    parts = _clauses(sent_toks)
    end_i = max([num_i] + [k for k, t in enumerate(sent_toks) if t.end <= head.end])
    governing = _governing_noun(sent_toks, num_i, parts)
    if governing == "captured" or (head.noun is not None and "captured" in {g for _, g in _cue_hits([head.noun])}):
        if _killed_in_captivity(sent_toks, parts, num_i, end_i, others):
            return "killed"  # "65 Kriegsgefangene saßen in der Maschine und wurden getötet" (S6)
        return "captured"  # "31 verwundete Kriegsgefangene", "im Austausch gegen 15 verwundete Soldaten" (S6)
    phrase_groups = {g for _, g in _cue_hits(phrase + _listed_casualties(sent_toks, head))} if phrase else set()
    if head.noun is not None and "/" in head.noun.text:  # "1600 Verwundete/Vermisste": each of the nouns (S6)
        phrase_groups |= {g for _, g in _cue_hits_in(tuple(p.lower() for p in head.noun.text.split("/")))}
    phrase_groups |= {c for c in map(_participle_class, head.modifiers) if c in CASUALTY}  # "freigelassene"
    combined = _combine_casualties(phrase_groups)
    if combined:  # "320 000 russischen Opfern": the phrase itself says casualties
        return "killed_or_wounded" if combined == GENERAL_CASUALTY else combined
    for group in ("stationed", "mobilized"):
        if group in phrase_groups:
            return group
    among = None if _partitive_whole(sent_toks, num_i, others) else _among(sent_toks, clause_of(parts, num_i))
    if among:  # "Unter den Getöteten befinden sich … Dutzende Kommandanten" (S6); not "neun der 168 Offiziere"
        return among
    superset = _superset(sent_toks, num_i, others)
    if superset is not None:  # "… 310 Menschen getötet, darunter 120 Soldaten": as the whole
        return _status(sent_toks, superset, _Head("elided", (), None, sent_toks[superset].end), others)
    if governing:  # "den Tod von 2.009 Soldaten", "die Ermordung zweier UN-Soldaten"
        return governing
    attribute = _attribute_status(sent_toks, num_i, end_i)
    if attribute:  # "die bislang aus 3800 Soldaten bestehende Truppe … aufzustocken"
        return attribute
    own = {id(t) for t in phrase}
    surface = [(i, g) for i, g in _cue_hits(sent_toks) if id(sent_toks[i]) not in own]
    # the whole a part is taken from ("1.000 von/der 1.500 Angreifer") shares its clause's cue
    rivals = [p for p in others if p != num_i and not _partitive(sent_toks, num_i, p)]

    def own_distance(i: int) -> int:
        return 0 if num_i <= i <= end_i else min(abs(i - num_i), abs(i - end_i))

    surface = _captivity(surface)
    quoted = _quoted(tuple(sent_toks))  # a quotation speaks for itself: its cues are not the narrator's
    surface = [(i, g) for i, g in surface if (i in quoted) == (num_i in quoted)]
    mine = [(i, g) for i, g in surface if all(own_distance(i) <= abs(i - p) for p in rivals)]
    casualties = _casualty_groups(sent_toks, surface, num_i, end_i, rivals)
    # the figure's own clause, and a relative clause on its noun ("…, die eingezogen werden")
    clause, relative, scope = _figure_scope(sent_toks, parts, num_i, end_i)
    in_clause = [
        (i, g) for i, g in _sentence_hits(sent_toks, parts) if id(sent_toks[i]) not in own and any(i in c for c in scope)
    ]
    in_clause = _verbs_first(sent_toks, _captivity(in_clause))
    # a relative clause on the figure's noun says what happened to these troops first
    # ("… die 11.000 Soldaten ergänzen, die im November geschickt wurden")
    own_clause = [(i, g) for i, g in in_clause if relative is not None and i in relative and g not in WEAK_STATUS]
    # ... unless the figure's own clause has a verb of what is done to them ("mobilisiert …
    # 300.000 Reservisten, die … kämpfen"): the verb that governs the figure comes first
    governed = [(i, g) for i, g in in_clause if i in clause and g in GOVERNING_STATUS and is_verb(sent_toks[i])]
    if governed and own_clause and not _partitive_whole(sent_toks, num_i, others):  # "137 der 168 Offiziere vermisst"
        own_clause = governed
    # several figures in one clause: a strong cue nearer to this one than to the others first;
    # figures of one list share their predicate ("acht Soldaten und zwei Polizisten ums Leben gekommen")
    apart = [p for p in rivals if not _listed_before(sent_toks, end_i, p) and not _listed_before(sent_toks, p, num_i)]
    nearest = [(i, g) for i, g in in_clause if g not in WEAK_STATUS and all(own_distance(i) <= abs(i - p) for p in apart)]
    clause_casualties = _casualty_groups(sent_toks, in_clause, num_i, end_i, rivals)
    verbs = frozenset(i for i, t in enumerate(sent_toks) if is_verb(t))
    for chosen, said in ((own_clause, clause_casualties), (nearest, clause_casualties), (in_clause, clause_casualties)):
        status = _pick_status(chosen, own_distance, said, verbs)
        if status:
            return _change_role(sent_toks, num_i, clause, _future_passive(sent_toks, status))
    if _formation_with(sent_toks, num_i):
        return "strength"  # "ein Gefechtsverband mit derzeit etwa 1600 Soldaten" (S1)
    if _part_of_mission(sent_toks, clause):
        return "deployed"  # "941 Bundeswehrsoldaten sind derzeit Teil der UN-Mission" (S4)
    if _present_in(sent_toks, clause, end_i):
        if head.noun is not None and _is_irregular(head.noun):
            return "strength"  # "Noch 30.000 IS-Kämpfer in Syrien": a group's fighter count (S1)
        return "stationed"  # "dass derzeit 12.000 Soldaten in Russland sind" (S5)
    k = parts.index(clause) if clause in parts else -1
    if k > 0 and _subordinate_to_plan(sent_toks, parts, k):
        return "planned"  # "Das Abkommen sieht vor, dass die 7000 Rebellen …" (S2)
    # "sollen … gelaufen sein": hearsay about the past, no plan (U1)
    mine, surface = (
        [(i, g) for i, g in hits if g != "planned_weak" or not _reported_past(sent_toks, parts, i)] for hits in (mine, surface)
    )
    for chosen in (mine, surface):
        status = _pick_status(chosen, own_distance, casualties)
        if status and (status != "planned" or not _exists(sent_toks, clause)):
            return _change_role(sent_toks, num_i, clause, _future_passive(sent_toks, status))
    if _exists(sent_toks, clause):
        return "strength"  # "Derzeit gibt es bei der Bundeswehr 183.000 Soldaten", "soll es … gegeben haben" (S1)
    return None


ATTRIBUTE_GAP = 4  # words of a phrase between a figure and the participle of its attribute
ATTRIBUTE_INNER = frozenset({"APPR", "APPRART", "ART", "NE", "NN", "ADV", "CARD"})


OF_THEM = frozenset({"ihnen", "diesen", "denen"})  # "40 von ihnen": a part of a group named before
PARTITIVE_JOINS = frozenset({"der", "den", "von", "insgesamt"})


def _among(sent_toks: Sequence[_Tok], clause: Clause) -> str | None:
    """The casualty group the clause places its figures among: "Unter den Getöteten befinden
    sich …", "Unter den Toten sind 30 Soldaten", "unter den Gefangenen" (S6)."""
    for k in range(clause.lo, clause.hi - 2):
        if sent_toks[k].low == "unter" and sent_toks[k + 1].low in {"den", "die"} and sent_toks[k + 2].is_cap:
            groups = {g for _, g in _cue_hits([sent_toks[k + 2]])} & {*CASUALTY, "captivity"}
            if len(groups) == 1:
                group = groups.pop()
                return "captured" if group == "captivity" else group
    return None


def _killed_in_captivity(
    sent_toks: list[_Tok], parts: Sequence[Clause], num_i: int, end_i: int, others: Sequence[int]
) -> bool:
    """Prisoners of whom their own clause, or a coordinated clause of theirs, says they were
    killed or died: POWs who died in captivity are killed (S6). The casualty cues are read as
    for any figure (:func:`_casualty_groups`): "20 Soldaten getötet und 40 Kriegsgefangene
    befreit" kills none of the prisoners."""
    _, _, scope = _figure_scope(sent_toks, parts, num_i, end_i)
    hits = [(i, g) for i, g in _sentence_hits(sent_toks, parts) if is_verb(sent_toks[i]) and any(i in c for c in scope)]
    rivals = [p for p in others if p != num_i]
    return _casualty_groups(sent_toks, hits, num_i, end_i, rivals) == {"killed"}


def _reported_past(sent_toks: Sequence[_Tok], parts: Sequence[Clause], i: int) -> bool:
    """Word ``i`` is a modal in a clause that reports the past ("sollen … vorgestoßen sein",
    :func:`pipeline.clauses.reported_past`): no plan (U1)."""
    clause = clause_of(parts, i)
    return reported_past(sent_toks[clause.lo : clause.hi])


def _partitive(sent_toks: Sequence[_Tok], part_i: int, whole_i: int) -> bool:
    """The number at ``whole_i`` is the whole the one at ``part_i`` takes a part of ("137 der
    insgesamt 168 Offiziere", "zwei von 40 Soldaten", "1.000 der 1.500 Angreifer")."""
    return part_i + 1 < whole_i and all(t.low in PARTITIVE_JOINS for t in sent_toks[part_i + 1 : whole_i])


def _partitive_whole(sent_toks: Sequence[_Tok], num_i: int, others: Sequence[int]) -> bool:
    """The figure is the whole a number before it takes a part of: what the clause's verb
    says is the part's."""
    return any(_partitive(sent_toks, p, num_i) for p in others)


def _attribute_status(sent_toks: Sequence[_Tok], num_i: int, end_i: int) -> str | None:
    """The status an extended attribute gives a figure inside it: a preposition opens the
    figure's phrase, and an attributive participle right after it leads to the noun it
    describes ("die bislang aus 3800 Soldaten bestehende Truppe" → strength, "die mit 500
    Soldaten stationierte Einheit" → stationed). The participle is the figure's predicate,
    whatever the clause's own verb says of the noun (S1–S7); None otherwise."""
    k = _word_before(sent_toks, num_i)
    if k < 0 or sent_toks[k].tag != "APPR":
        return None
    j = end_i + 1  # past a place or time phrase of the attribute ("mit 500 Soldaten in Mali stationierte")
    while j < len(sent_toks) and j <= end_i + ATTRIBUTE_GAP and sent_toks[j].tag in ATTRIBUTE_INNER:
        j += 1
    if j + 1 >= len(sent_toks) or not sent_toks[j + 1].is_cap or not sent_toks[j + 1].tag.startswith("NN"):
        return None
    if sent_toks[j - 1].tag == "ART":
        return None  # "mit 300 Soldaten über die getöteten Kameraden": another noun phrase's attribute
    cls = _participle_class(sent_toks[j])
    if cls is None or cls in {"plan", "change", "grow", "provide", "service", "join", "evacuate", "flee"}:
        return None
    status = DONE_STATUS.get(cls, cls)
    return status if status in STRONG_STATUS or status in CASUALTY else None


OPEN_QUOTES = {"„": "“", "»": "«", "«": "»", "“": "”", '"': '"'}


@lru_cache(maxsize=512)
def _quoted(sent_toks: tuple[_Tok, ...]) -> frozenset[int]:
    """Indices of the tokens inside quoted speech: quotation marks („…“, »…«, "…") around a
    clause with a finite verb; a quoted phrase ('auf "etwa 1.100" geschätzt') is no speech."""
    inside: set[int] = set()
    k = 0
    while k < len(sent_toks):
        close = OPEN_QUOTES.get(sent_toks[k].text)
        end = next((j for j in range(k + 1, len(sent_toks)) if sent_toks[j].text == close), None) if close else None
        if end is None:
            k += 1
            continue
        if any(t.tag.endswith("FIN") for t in sent_toks[k + 1 : end]):
            inside.update(range(k + 1, end))
        k = end + 1
    return frozenset(inside)


def _member_part(sent_toks: Sequence[_Tok], num_i: int, clause: Clause) -> bool:
    """The figure is a part ("davon", "darunter") said to belong to something ("gehören …
    an"): it shares the status of the whole it is part of (S7: "Dazu gehörten …")."""
    k = _word_before(sent_toks, num_i)
    if k > 0 and sent_toks[k].tag.startswith("V"):
        k -= 1  # "davon gehören mehr als 1.000 …"
    if k < 0 or sent_toks[k].low not in _cue_words("partitive"):
        return False
    return any((t.lemma or t.low) in _cue_words("membership") for t in sent_toks[clause.lo : clause.hi])


def _names_recruits(word: str) -> bool:
    """A noun for people being called up or recruited (cue kind ``recruit``: "Rekruten",
    "Wehrpflichtige", "Freiwillige", "Grundwehrdiener"): a plan for them is a recruitment, a
    call-up (S3 and U1: recruitment gives mobilized even with a modal)."""
    return _ends_with(word, _cue_words("recruit"))


def _number_of_recruits(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """The clause (with the one a colon continues) speaks of "die Zahl der Wehrpflichtigen",
    "die Anzahl der Rekruten": a figure without a noun of its own counts them."""
    scope = _after_colon(sent_toks, clause)
    words = sent_toks[scope.lo : scope.hi]
    return any(
        a.low in {"zahl", "anzahl"} and b.low in {"der", "an"} and _names_recruits(c.text)
        for a, b, c in zip(words, words[1:], words[2:], strict=False)
    )


def _located(sent_toks: Sequence[_Tok], head: _Head) -> bool:
    """The figure's phrase is followed by "in"/"im" and a place ("1.078 in Bunia", "5.000 in
    Mali"): where the troops are."""
    k = next((k for k, t in enumerate(sent_toks) if t.start >= head.end), len(sent_toks))
    return _place_phrase(sent_toks, k, len(sent_toks))


def _place_phrase(sent_toks: Sequence[_Tok], k: int, hi: int) -> bool:
    """Word ``k`` opens "in"/"im" and a place that is no force ("in Mali", "im Raum Tuzla";
    not "in den Streitkräften", membership)."""
    return k < hi and sent_toks[k].low in {"in", "im"} and _place_after(sent_toks, k + 1, hi) and not _in_force(sent_toks, k + 1, hi)


def _verbless_part(sent_toks: Sequence[_Tok], num_i: int, head: _Head) -> bool:
    """The figure is a part ("davon", "darunter") named without a verb of its own ("…, davon
    1,5 Millionen aktive Soldaten", "133.000 davon aus den USA"): what is said of the whole is
    said of it. With its own verb it has its own status ("davon starben 105.000 …")."""
    k = _word_before(sent_toks, num_i)
    partitive = _cue_words("partitive")
    if k >= 0 and sent_toks[k].low in partitive:
        lo = k + 1
    elif any(t.low in partitive for t in _after_phrase(sent_toks, head, 1)):
        lo = num_i + 1
    elif _breakdown_after_dash(sent_toks, num_i):
        lo = num_i + 1  # "… 2000 Soldaten zu stationieren - 1700 in Polen und 300 in Deutschland"
    else:
        return False
    for t in sent_toks[lo:]:
        if t.tag.startswith("$") or t.text in {",", ";", ":", "–", "-", "(", ")"}:
            break
        if is_verb(t):
            return False
    return True


def _breakdown_after_dash(sent_toks: Sequence[_Tok], num_i: int) -> bool:
    """The figure stands in a verbless list after a dash or colon that breaks a figure of the
    sentence down by place or kind ("rund 2000 zusätzliche Soldaten … zu stationieren - 1700 in
    Polen und 300 in Deutschland"): no verb between the dash and the figure, and a number before
    the dash."""
    dash = next((j for j in range(num_i - 1, -1, -1) if sent_toks[j].text in LIST_MARKS), None)
    if dash is None or any(is_verb(t) for t in sent_toks[dash + 1 : num_i]):
        return False
    return any(t.text[:1].isdigit() or t.tag == "CARD" for t in sent_toks[:dash])


def _operation_makeup(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """The clause gives the make-up of an operation ("Der Hilfseinsatz bestand aus 1.300
    Soldaten", "Die Übung umfasst 5.000 Soldaten"): a noun of operations (class deployed) with
    a verb of make-up."""
    makeup = any((t.lemma or t.low) in _cue_words("makeup") for t in sent_toks[clause.lo : clause.hi])
    return makeup and (
        bool(_operation_words(sent_toks, clause))
        or _names_mission(sent_toks, clause)  # "Das Kontingent besteht aus 1023 Männern und Frauen"
    )


def _operation_size(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """The clause's subject is the size of an operation (a noun of class deployed:
    "Einsatzstärke"), whose change is the operation's own."""
    return any(not is_verb(t) for t in _operation_words(sent_toks, clause))


def _operation_words(sent_toks: Sequence[_Tok], clause: Clause) -> list[_Tok]:
    """The clause's capitalised words of predicate class deployed ("Hilfseinsatz", "Übung",
    "Einsatzstärke")."""
    return [
        sent_toks[i]
        for i in range(clause.lo, clause.hi)
        if sent_toks[i].is_cap and predicate_class(sent_toks, i, clause) == "deployed"
    ]


def _force_to_form(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """The clause gives the make-up or size of a formation, mission or contingent still to
    come ("Die neue UN-Truppe soll bis zu 4.800 Mann stark sein", "Diese Stabilisation Force
    sollte rund 30 000 Mann umfassen"): a proposed force (S2); a state's whole forces, whose
    target size is a size (S1: "soll die Armeestärke … umfassen"), are not meant."""
    words = sent_toks[clause.lo : clause.hi]
    formation = _names_noun(words, "formation") or any(t.is_cap and _is_unit_noun(t.text) for t in words)
    if not (formation or _names_mission(sent_toks, clause)) or _whole_force(sent_toks, clause):
        return False
    # the size is what the clause says: a verb of make-up or a predicative "stark"; not an
    # attribute ("eine Brigade mit bis zu 5000 Soldaten trainieren", "die aus 3800 Soldaten bestehende Truppe")
    says_size = any(  # to the sentence's end: a list's commas cut the clause before its verb
        (is_verb(t) and (t.lemma or t.low) in _cue_words("makeup")) or (t.tag == "ADJD" and t.low == "stark")
        for t in sent_toks[clause.lo :]
    )
    if not says_size:
        return False
    parts = _clauses(sent_toks)
    return clause in parts and _clause_to_come(sent_toks, parts, parts.index(clause))


def _names_mission(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """The clause names a contingent or mission ("Kontingent", "UN-Mission", "Schutztruppe")."""
    return _names_noun(sent_toks[clause.lo : clause.hi], "contingent")


def _names_noun(words: Sequence[_Tok], kind: str) -> bool:
    """A capitalised word among ``words`` is, or ends in, a noun of cue ``kind`` (compounds
    included: "UN-Mission", "Mandatsobergrenze", "Effektivbestand")."""
    return any(t.is_cap and _ends_with(t.text, _cue_words(kind)) for t in words)


def _part_of_mission(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """A copula clause that places the troops in a mission: "941 Soldaten sind Teil der
    UN-Mission" (S4, service in a mission)."""
    verbs = _clause_verbs(sent_toks, clause)
    return bool(verbs) and _only_copula(verbs) and _names_mission(sent_toks, clause)


def _clause_verbs(sent_toks: Sequence[_Tok], clause: Clause) -> list[_Tok]:
    return [t for t in sent_toks[clause.lo : clause.hi] if is_verb(t) or t.pos in {"VERB", "AUX"}]


def _only_copula(verbs: Sequence[_Tok]) -> bool:
    """Every verb is "sein" or "bleiben": the clause states a state, no action."""
    return all((t.lemma or t.low) in COPULA for t in verbs)



def _makeup_whole(sent_toks: Sequence[_Tok], num_i: int, clause: Clause) -> bool:
    """The figure opens its sentence as the whole that a copula clause divides ("Von den rund
    19 300 Soldatinnen sind 15 750 Soldatinnen auf Zeit", "Unter den 200 Generälen sind zwei
    Frauen"): a force's make-up, its size (S1)."""
    k = _word_before(sent_toks, num_i)
    if k != 1 or sent_toks[k].low not in {"den", "diesen"} or sent_toks[0].low not in {"von", "unter"}:
        return False
    verbs = _clause_verbs(sent_toks, clause)
    return bool(verbs) and _only_copula(verbs)


def _passive_infinitive(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """A participle with the infinitive "werden" ("… eingesetzt werden"): what may be done to
    the troops, as a mandate words it; not an action of theirs ("können … helfen")."""
    seq = sent_toks[clause.lo : clause.hi]
    return any(a.tag == "VVPP" and b.low == "werden" for a, b in zip(seq, seq[1:], strict=False))


def _permits(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """The clause grants a possibility in the indicative ("können", "dürfen"; not the
    subjunctive "könnten", which plans): with "bis zu", a ceiling that is in force."""
    modal = any((t.lemma or t.low) in _cue_words("permission") for t in sent_toks[clause.lo : clause.hi])
    return modal and not conditional(sent_toks, clause)



def _subordinate_to_plan(sent_toks: Sequence[_Tok], parts: Sequence[Clause], k: int) -> bool:
    """Clause ``k`` is a "dass" clause or zu-infinitive of a plan ("sieht vor, dass …")."""
    first = sent_toks[parts[k].lo]
    zu_inf = any(is_zu_infinitive(sent_toks, i) for i in range(parts[k].lo, parts[k].hi))
    return (first.low in {"dass", "daß"} or zu_inf) and plans(sent_toks, parts[k - 1])


def _moves(sent_toks: Sequence[_Tok], num_i: int, classes: Collection[str] = ("move", "withdraw")) -> bool:
    """The figure's clause moves or withdraws troops ("zieht … ab", "verlegt", "entsenden");
    ``classes``: the predicate classes asked for."""
    if not any(t.lemma for t in sent_toks):
        return False
    clause = clause_of(_clauses(sent_toks), num_i)
    return not _clause_classes(tuple(sent_toks), clause).isdisjoint(classes)


@lru_cache(maxsize=512)
def _clause_classes(sent_toks: tuple[_Tok, ...], clause: Clause) -> frozenset[str | None]:
    """The predicate classes of the clause's words (``troop_predicates.tsv``), read once for
    the several questions asked of one figure's clause."""
    return frozenset(predicate_class(sent_toks, i, clause) for i in range(clause.lo, clause.hi))


def _returned_prisoners(sentences: Sequence[Sentence], sent: Sentence, toks: Sequence[_Tok], num_i: int) -> bool:
    """Troops brought or coming home where the sentence speaks of captivity or a prisoner
    exchange, by a verb or a noun, or one of the two sentences before by a noun: returned POWs
    ("Im Gegenzug wurden 248 russische Soldaten … zurückgebracht" after "…
    Gefangenenaustausch …"), captured (S6), not a withdrawal. A figure whose own clause has no
    verb takes the sentence's ("dass 115 Armeeangehörige, „die … gefangen genommen wurden, …
    zurückgekehrt“ seien")."""
    parts = _clauses(toks)
    clause = clause_of(parts, num_i)
    moved = _moves(toks, num_i, ("withdraw",))
    if not moved and any(is_verb(t) for t in toks[clause.lo : clause.hi]):
        return False
    classes = frozenset().union(*(_clause_classes(tuple(toks), c) for c in parts))
    if not moved and "withdraw" not in classes:
        return False
    if classes & {"captured", "captivity"}:
        return True
    forms = tuple(stem + e for stem in _captivity_nouns() for e in NOUN_ENDINGS)
    return any(
        w.endswith(forms) for s in sentences if sent.idx - 2 <= s.idx <= sent.idx for w in WORD.findall(s.text.lower())
    )


@cache
def _captivity_nouns() -> tuple[str, ...]:
    """The nouns of captivity and exchange in ``troop_predicates.tsv`` ("Gefangenschaft",
    "Gefangene", "Austausch", "Freilassung"), matched as the end of a word ("Gefangenenaustausch")."""
    rows = predicates().items()
    return tuple(k for k, v in rows if v in {"captured", "captivity"} and " " not in k and not k.endswith("en"))


def _captivity(hits: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """ "in Gefangenschaft" is captured, unless another casualty word says what happened there
    ("davon starben 105.000 in Gefangenschaft": killed, S6)."""
    others = any(g in CASUALTY or g == "killed_or_wounded" for _, g in hits)
    return [(i, g) for i, g in hits if g != "captivity" or not others] if others else [
        (i, "captured" if g == "captivity" else g) for i, g in hits
    ]


def _verbs_first(sent_toks: Sequence[_Tok], hits: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Within a clause a verb's status outranks a noun's: "Die Truppenstärke soll um 700
    verkleinert werden" (planned, not strength), "sollen für ein Manöver verlegt werden"."""
    strong = [(i, g) for i, g in hits if g not in WEAK_STATUS]
    verbs = [(i, g) for i, g in strong if is_verb(sent_toks[i]) and sent_toks[i].lemma]
    if not verbs:
        return hits
    return [(i, g) for i, g in hits if (i, g) in verbs or g in WEAK_STATUS or g in CASUALTY]


def _present_in(sent_toks: Sequence[_Tok], clause: Clause, end_i: int) -> bool:
    """A presence without an operation verb (S5): the clause's only verb is "sein"/"bleiben"
    with "in <Ort>" ("dass 12.000 Soldaten in Russland sind"), or the figure's noun is followed
    by "in <Ort>" in a clause without a verb of its own ("über 3.000 Soldaten in Russland"); or
    its only verb is one of position (cue kind ``position``: "stehen") with a place before or
    after it ("In Katar stehen rund 10.000 US-Soldaten", "stehen 4500 Soldaten am Hindukusch")."""
    if not any(t.lemma for t in sent_toks):
        return False
    verbs = _clause_verbs(sent_toks, clause)
    if verbs and all((t.lemma or t.low) in _cue_words("position") for t in verbs):
        return any(
            t.low in POSITION_PREPOSITIONS and _place_after(sent_toks, k + 1, clause.hi) and not _state_noun(sent_toks, k + 1, clause)
            for k, t in enumerate(sent_toks[clause.lo : clause.hi], start=clause.lo)
        )
    located = any(
        t.low in {"in", "im"} and _place_after(sent_toks, k + 1, clause.hi)
        for k, t in enumerate(sent_toks[clause.lo : clause.hi], start=clause.lo)
        if k > end_i or k == end_i + 1
    )
    if not located:
        return False
    return _only_copula(verbs)


def _state_noun(sent_toks: Sequence[_Tok], k: int, clause: Clause) -> bool:
    """The noun of the phrase at ``k`` names a state or a task, not a place: a predicate noun
    ("in Bereitschaft", "im Einsatz") or a noun of service ("im Dienst")."""
    j = _past_determiners(sent_toks, k, clause.hi)
    return j < clause.hi and (
        predicate_class(sent_toks, j, clause) is not None or sent_toks[j].low in _cue_words("service_noun")
    )


def _before_determiners(sent_toks: Sequence[_Tok], j: int, lo: int) -> int:
    """The last word before ``j`` (at or after ``lo``; ``lo - 1`` if none) that is no article
    and no attributive adjective: the word that opens the phrase of noun ``j`` ("ohne" in "ohne
    eigene Verluste", "im" in "im humanitären Einsatz"). The twin of :func:`_past_determiners`."""
    k = j - 1
    while k >= lo and (sent_toks[k].low in ARTICLES or sent_toks[k].tag.startswith("ADJA")):
        k -= 1
    return k


def _past_determiners(sent_toks: Sequence[_Tok], k: int, hi: int) -> int:
    """The first word at or after ``k`` (before ``hi``) that is no article and no attributive
    adjective: the noun of a phrase such as "der indischen Armee"."""
    while k < hi and (sent_toks[k].low in ARTICLES or sent_toks[k].tag.startswith("ADJA")):
        k += 1
    return k


def _place_after(sent_toks: Sequence[_Tok], k: int, hi: int) -> bool:
    """A noun phrase at ``k``: a capitalised word, after an article or adjectives if any ("in
    Litauen", "in der Region", "in einem Nato-Verband")."""
    k = _past_determiners(sent_toks, k, hi)
    if k < hi and sent_toks[k - 1].low in ARTICLES and sent_toks[k].low in {"von", "vom"}:
        # an extended attribute: "in dem von jahrelangen Gefechten zermürbten Land" → Land
        k = next((j + 1 for j in range(k, hi - 1) if sent_toks[j].tag == "ADJA" and sent_toks[j + 1].is_cap), hi)
    if k >= hi or not sent_toks[k].is_cap or sent_toks[k].tag.startswith(("V", "ADJ")):
        return False
    # "in den kommenden Wochen", "im Juli 2022": a time, not a place
    return sent_toks[k].low not in _measure_nouns() and not is_month(sent_toks[k].text)


def _formation_with(sent_toks: Sequence[_Tok], num_i: int) -> bool:
    """The figure is the make-up of a formation or a ship's crew: "ein Gefechtsverband mit 1600
    Soldaten", "eine Brigade mit rund 5.000 Mann", "ein Kriegsschiff mit 104 Mann an Bord"."""
    k = _word_before(sent_toks, num_i)
    if k < 1 or sent_toks[k].low != "mit":
        return False
    noun = sent_toks[k - 1]
    return noun.is_cap and (_is_formation_noun(noun.text) or vessel_noun(noun.text))


def _is_formation_noun(word: str) -> bool:
    """A formation's noun, singular or plural ("Brigade", "Divisionen", "Kontingente")."""
    last = word.split("-")[-1]
    return any(
        _is_unit_noun(form) or _ends_with(form, _cue_words("formation"))
        for form in (last, last[:-1], last[:-2])
        if len(form) >= 4
    )


def _formation_country(sent_toks: Sequence[_Tok], num_i: int) -> str | None:
    """The nationality of the formation or ship the figure makes up (C1): "zwei französische
    Divisionen mit insgesamt 20.000 Mann" → FR, whatever number counts the formations; "ein
    südkoreanisches Kriegsschiff mit 104 Mann an Bord" → KR."""
    if not _formation_with(sent_toks, num_i):
        return None
    k = _word_before(sent_toks, num_i) - 2  # the word before the formation's noun
    while k >= 0 and sent_toks[k].tag.startswith("ADJ") and not sent_toks[k].is_cap:
        code = country_for_word(sent_toks[k].text)
        if code:
            return code
        k -= 1
    return None


def _word_before(sent_toks: Sequence[_Tok], num_i: int) -> int:
    """Index of the word before the figure and its hedges ("von derzeit etwa 4500" → "von"), -1 if none."""
    k = num_i - 1
    while k >= 0 and sent_toks[k].low in _qualifier_words():
        k -= 1
    return k


def _continues(toks: Sequence[_Tok], num_i: int, head: _Head, positions: Sequence[int]) -> bool:
    """The figure continues the one before in its sentence (C4): its noun is left out ("…,
    zwanzig Jahre später 31 000"), it is a part ("unter ihnen 500 Offiziere") or it is joined
    to it ("500 Offiziere und drei Generäle")."""
    if head.kind == "elided" or _superset(toks, num_i, positions) is not None:
        return True
    k = _word_before(toks, num_i)
    while k > 0 and toks[k].tag in {"ADV", "PAV"}:
        k -= 1  # "und zudem über 4.000 Soldaten", "sowie außerdem 300 …"
    return k > 0 and toks[k].low in {"und", "sowie", "plus"} and any(p < k for p in positions)


def _superset(sent_toks: Sequence[_Tok], num_i: int, others: Sequence[int]) -> int | None:
    """The figure before "darunter"/"unter ihnen" that this one is a part of, if any."""
    k = _word_before(sent_toks, num_i)
    if k < 0 or sent_toks[k].low not in {"darunter", "ihnen"}:
        return None
    before = [p for p in others if p < k]
    return max(before) if before else None


def _figure_scope(
    sent_toks: Sequence[_Tok], parts: Sequence[Clause], num_i: int, end_i: int
) -> tuple[Clause, Clause | None, list[Clause]]:
    """The figure's clause, the relative clause on its noun (or None) and all clauses that speak
    of it: those two and a coordinated clause of the same subject ("… oder wurden verletzt")."""
    clause = clause_of(parts, num_i)
    relative = relative_after(sent_toks, parts, end_i + 1)
    if relative is not None and _partitive_relative(sent_toks, relative):
        relative = None  # "8.000 Soldaten …, von denen 3.000 abziehen sollen": the part's clause
    scope = [c for c in (clause, relative, shared_subject(sent_toks, parts, clause), _label_before(sent_toks, parts, clause))]
    return clause, relative, [c for c in scope if c is not None]


def _partitive_relative(sent_toks: Sequence[_Tok], relative: Clause) -> bool:
    """A relative clause that counts a part of its noun ("von denen mindestens 30.000 …",
    "unter denen 500 …"): it speaks of the part, not of the whole."""
    words = sent_toks[relative.lo : relative.hi]
    return (
        len(words) > 2
        and words[0].low in {"von", "unter"}
        and words[1].low == "denen"
        and any(t.text[:1].isdigit() or t.tag == "CARD" for t in words[2:])
    )


def _label_before(sent_toks: Sequence[_Tok], parts: Sequence[Clause], clause: Clause) -> Clause | None:
    """The verbless label a verbless figure's clause follows after a colon ("Die Friedensstärke
    der Armee: 53.000 Mann", "Verluste: 300 Soldaten"): it says what the figure is."""
    k = parts.index(clause) if clause in parts else -1
    if k < 1 or _clause_verbs(sent_toks, clause):
        return None
    label = parts[k - 1]
    return label if _colon_between(sent_toks, label, clause) and not _clause_verbs(sent_toks, label) else None


def _colon_between(sent_toks: Sequence[_Tok], before: Clause, clause: Clause) -> bool:
    """A colon ends ``before`` or opens ``clause`` (the clause after it)."""
    ends = sent_toks[before.hi - 1].text if before.hi > before.lo else ""
    return ends == ":" or (clause.lo > 0 and sent_toks[clause.lo - 1].text == ":") or sent_toks[clause.lo].text == ":"


def _sentence_hits(sent_toks: Sequence[_Tok], parts: Sequence[Clause]) -> list[tuple[int, str]]:
    """Status cues of the sentence: by lemma and clause where the tokens have lemmas, else by
    surface form (``troop_cues.tsv``)."""
    surface = _cue_hits(sent_toks)
    if not any(t.lemma for t in sent_toks):
        return surface
    by_lemma = [h for h in _lemma_hits(tuple(sent_toks), tuple(parts)) if not _without(sent_toks, h[0])]
    taken = {i for i, _ in by_lemma} | {i for i, t in enumerate(sent_toks) if t.tag[:2] in {"VM", "VA"}}
    return sorted([*(h for h in surface if h[0] not in taken), *by_lemma])


def _without(sent_toks: Sequence[_Tok], i: int) -> bool:
    """Word ``i`` is a noun after "ohne", past its article and adjectives ("ohne
    Mobilisierung", "ohne eigene Verluste"): what did not happen gives no status."""
    if not sent_toks[i].is_cap:
        return False
    k = _before_determiners(sent_toks, i, 0)
    return k >= 0 and sent_toks[k].low == "ohne"


def _clauses(sent_toks: Sequence[_Tok]) -> list[Clause]:
    """The clauses of a sentence (computed once per sentence: every figure of it asks)."""
    return list(_clauses_of(tuple(sent_toks)))


@lru_cache(maxsize=512)
def _clauses_of(sent_toks: tuple[_Tok, ...]) -> tuple[Clause, ...]:
    return tuple(clauses(sent_toks))


@lru_cache(maxsize=512)
def _lemma_hits(sent_toks: tuple[_Tok, ...], parts: tuple[Clause, ...]) -> tuple[tuple[int, str], ...]:
    """(token index, status group) for every predicate of ``troop_predicates.tsv``, its tense
    and modality read from its clause: a move still to come is planned, a done one deployed."""
    out: list[tuple[int, str]] = []
    for k, clause in enumerate(parts):
        future: bool | None = None
        for i in range(clause.lo, clause.hi):
            cls = predicate_class(sent_toks, i, clause)
            serves = cls == "service" and is_verb(sent_toks[i])  # "dienen"; not the noun "Dienst"
            if cls == "service" and not serves and sent_toks[i].tag != "ADJD":
                cls = None  # the predicative "tätig", "aktiv" serve as "dienen" does
            if cls is None and _does_service(sent_toks, i, clause):
                cls = "service"  # "leisten … ihren Dienst"
            if cls == "move" and not _crosses(sent_toks, i, clause):
                continue  # "darf 5.000 Soldaten nicht überschreiten": exceeds, moves nothing
            if cls is None:
                continue
            if cls == "service":
                group = _service_status(sent_toks, clause) or ("strength" if serves else None)
                if group is None:
                    continue  # "Hier können laut Mandat bis zu 50 Soldaten ihren Dienst verrichten": other cues decide
                if group == "deployed" and _clause_to_come(sent_toks, parts, k):
                    group = "planned"  # "sollen rund 500 Angehörige der Brigade in Litauen ihren Dienst verrichten" (S2)
            elif cls in DONE_STATUS:
                if cls == "move" and _homeward(sent_toks, clause):
                    cls = "withdraw"  # "schickte 27.000 Reservisten nach Hause": a return, not a deployment (S7)
                if future is None:
                    future = _clause_to_come(sent_toks, parts, k)
                announced = cls == "move" and (  # "werden nun verlegt", "entsendet 110 Soldaten"
                    present_passive(sent_toks, clause) or present_finite(sent_toks, i, clause)
                )
                group = "planned" if future or announced else DONE_STATUS[cls]
                if group == "planned" and cls == "station" and _remains(sent_toks, clause):
                    group = "stationed"  # "werden weiter in Nordirland stationiert bleiben": kept there (S5)
                if group == "stationed" and _begun(sent_toks, parts, k):
                    group = "deployed"  # "haben damit begonnen, 4.000 Soldaten … zu stationieren" (S4)
            elif cls == "join":
                if not _joins_forces(sent_toks, clause):
                    continue  # "schlossen sich den Protesten an", "Truppen rückten in Georgien ein": no force joined
                group = "mobilized"  # "mehr als eine Million Menschen sind in die Armee eingetreten" (S3)
            elif cls == "grow" and not _says_how_much(sent_toks, clause):
                continue  # "… zählte 4500 Kämpfer und wachse": the figure is no size it grows to
            elif cls in {"change", "grow"}:
                if future is None:
                    future = _clause_to_come(sent_toks, parts, k)
                done = not future and done_tense(sent_toks, clause)
                group = "changed" if done else "planned"  # "wurde … auf 5,5 Millionen erhöht": done
            elif cls == "strength" and conditional(sent_toks, clause):
                group = "planned"  # "Eine solche Truppe könnte 30 000 Soldaten umfassen" (S2)
            elif cls == "stationed" and is_verb(sent_toks[i]) and _in_operation(sent_toks, clause):
                group = "deployed"  # "Im Einsatz befanden sich … 5000 Soldaten": a presence in an operation (S4)
            elif cls == "plan" and idle_plan_adverb(sent_toks, i, clause):
                continue  # "hat 612.000 Soldaten und zusätzlich 513.000 Reservisten": it only adds
            elif cls == "plan" and _foresees_size(sent_toks, i, clause):
                group = "strength_weak"  # "Die Reform sieht 185 000 Soldaten vor": a force's target size (S1)
            elif cls == "provide":
                if _provides_formation(sent_toks, clause):
                    continue  # "Litauen stellt einen Gefechtsverband mit 1.200 Soldaten": the make-up decides (S1)
                if _clause_to_come(sent_toks, parts, k):
                    group = "planned"
                else:  # "stellt 150 Soldaten im Raum Tuzla" (S5); "stellt Tschad mit 2.000 Militärs" (S4)
                    group = "stationed" if _places_troops(sent_toks, clause) else "deployed"
            elif cls == "deployed" and _under_future(sent_toks, parts, k):
                group = "planned"  # "…, während das Militär mit 22 000 Reservisten übt" (S2)
            elif cls == "deployed" and future_werden(sent_toks, clause):
                group = "planned"  # "werden bis zu 500 Soldaten an der Operation teilnehmen": to come (S2)
            else:
                group = PREDICATE_GROUPS.get(cls, cls)
            out.append((i, group))
    return tuple(_died_of_wounds(sent_toks, parts, out))


def _crosses(sent_toks: Sequence[_Tok], i: int, clause: Clause) -> bool:
    """Word ``i`` moves troops: any verb of moving but one that also means "exceed"
    ("überschreiten", "übertreten"), which moves only across a border named in its clause
    ("überschritten … die Demarkationslinie"; not "darf 5.000 Soldaten nicht überschreiten")."""
    if known_lemma(predicate_lemma(sent_toks, i, clause), sent_toks[i].text) not in _cue_words("cross_verb"):
        return True
    return any(t.is_cap and t.low in _cue_words("border") for t in sent_toks[clause.lo : clause.hi])  # whole words


def _provides_formation(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """The clause's object is a formation ("stellt einen Gefechtsverband mit … Soldaten"), not
    a mission's contingent ("Das größte Kontingent stellt Tschad mit 2.000 Militärs", S4)."""
    return any(
        t.is_cap and _is_formation_noun(t.text) and not _ends_with(t.text, _cue_words("contingent"))
        for t in sent_toks[clause.lo : clause.hi]
    )


def _places_troops(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """The clause says where the troops are: "in"/"im" and a place that is no force ("in dem
    EU-Land Lettland", "im Raum Tuzla"; not "in der Armee")."""
    return any(_place_phrase(sent_toks, k, clause.hi) for k in range(clause.lo, clause.hi - 1))


def _homeward(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """The clause sends troops home (cue kind ``homeward``: "nach Hause", "in die Heimat"): a
    verb of moving is then a return."""
    lows = [t.low for t in sent_toks[clause.lo : clause.hi]]
    return any(tuple(lows[k : k + len(p)]) == p for p in _homeward_phrases() for k in range(len(lows)))


@cache
def _homeward_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(c.split()) for c in sorted(_cue_words("homeward")))


def _foresees_size(sent_toks: Sequence[_Tok], i: int, clause: Clause) -> bool:
    """A verb of foreseeing ("vorsehen", cue kind ``foresee``) whose clause says nothing else
    of the troops: no movement, change or other predicate and no place or mission abroad. What
    it foresees is how large a force is to be ("Die Reform sieht 185 000 Soldaten vor", "Als
    Truppe sind 7.000 Zeitsoldaten vorgesehen"), its target size (S1); a plan to send troops
    has its verb of moving ("sieht vor, 500 Soldaten zu entsenden")."""
    if predicate_lemma(sent_toks, i, clause) not in _cue_words("foresee"):
        return False
    others = (predicate_class(sent_toks, k, clause) for k in range(clause.lo, clause.hi) if k != i)
    return not any(c is not None for c in others) and not _abroad(sent_toks, clause)


def _died_of_wounds(
    sent_toks: Sequence[_Tok], parts: Sequence[Clause], hits: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """An injury noun beside a verb of dying is the cause of death, not a wound of its own:
    "… sind an den Folgen ihrer Verletzungen gestorben" is killed (S6)."""
    injury = _cue_words("injury")
    dying = {clause_of(parts, i) for i, g in hits if g == "killed" and is_verb(sent_toks[i])}
    return [
        (i, g) for i, g in hits
        if not (g == "wounded" and (sent_toks[i].lemma or "").lower() in injury and clause_of(parts, i) in dying)
    ]


def _joins_forces(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """A verb of joining has armed forces as what is joined: a word for them after the finite
    verb ("schlossen sich der Volksarmee an", "sind … in die Armee eingetreten"), not the
    subject before it ("Russische Truppen rückten … in Georgien ein"), nor the noun a figure
    counts, unless that subject are recruits; or a place where service begins (cue kind ``induction``: "sind … in der Kaserne
    eingerückt")."""
    finite = next((k for k in range(clause.lo, clause.hi) if is_finite(sent_toks[k])), clause.lo)
    if any(_names_recruits(t.text) for t in sent_toks[clause.lo : finite]):
        return True  # "Etwa 16.000 Grundwehrdiener rücken pro Jahr ein": recruits join the forces
    return any(
        (_has_cue(sent_toks[k].text, "forces") or _has_cue(sent_toks[k].text, "induction"))
        # "haben 600 Armeeangehörige die Arbeit aufgenommen": the counted are who acts, unless
        # they are recruits ("sind 21'800 Wehrpflichtige eingerückt")
        and (not sent_toks[k - 1].text[:1].isdigit() or _names_recruits(sent_toks[k].text))
        for k in range(finite + 1, clause.hi)
    )


def _does_service(sent_toks: Sequence[_Tok], i: int, clause: Clause) -> bool:
    """Word ``i`` is the verb of "Dienst leisten/verrichten/tun" ("leisten … ihren Dienst"):
    a verb of cue kind ``service_verb`` with a noun of kind ``service_noun`` in its clause."""
    tok = sent_toks[i]
    return (
        is_verb(tok)
        and (tok.lemma or tok.low).lower() in _cue_words("service_verb")
        and any(t.low in _cue_words("service_noun") for t in sent_toks[clause.lo : clause.hi])
    )


def _service_status(sent_toks: Sequence[_Tok], clause: Clause) -> str | None:
    """Serving in a force ("dienen in der Bundeswehr", "leisten in der indischen Armee ihren
    Dienst") states its size (S1); serving in a mission or at a place ("dienen in der
    UN-Mission", "leisten in Mali Dienst") is deployed (S4); None when the clause says neither."""
    places = _nouns_after(sent_toks, clause, {"in", "im", "bei", "beim"})
    served = _nouns_after(sent_toks, clause, {"für"})  # "für das finnische Militär aktiv": a force served, no place
    def force(j: int) -> bool:  # "bei der Bundeswehr", "bei den Waffengattungen der Truppe"
        genitive = j + 2 < clause.hi and sent_toks[j + 1].low in {"der", "des"} and sent_toks[j + 2].is_cap
        return _has_cue(sent_toks[j].text, "forces") or (genitive and _has_cue(sent_toks[j + 2].text, "forces"))

    if any(force(j) for j in [*places, *served]):
        return "strength"
    if _names_mission(sent_toks, clause) or places:
        return "deployed"
    return None


def _nouns_after(sent_toks: Sequence[_Tok], clause: Clause, prepositions: Collection[str]) -> list[int]:
    """Indices of the first capitalised word of each phrase the clause opens with one of
    ``prepositions`` ("in der UN-Mission" → UN-Mission)."""
    return [
        next(j for j in range(k + 1, clause.hi) if sent_toks[j].is_cap)
        for k in range(clause.lo, clause.hi - 1)
        if sent_toks[k].low in prepositions and _place_after(sent_toks, k + 1, clause.hi)
    ]


def _in_operation(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """The clause places the troops in an operation: a noun of deployment after "im" or "in",
    also with adjectives between ("im Einsatz", "im Auslandseinsatz", "im humanitären
    Einsatz", "in internationalen Einsätzen"), the complement of a verb of presence."""
    return any(
        _after_in(sent_toks, j, clause) and not is_verb(sent_toks[j]) and predicate_class(sent_toks, j, clause) == "deployed"
        for j in range(max(clause.lo, 1), clause.hi)
    )


def _after_in(sent_toks: Sequence[_Tok], j: int, clause: Clause) -> bool:
    """Word ``j`` is the noun of a phrase opened by "im" or "in", past its adjectives ("im
    Einsatz", "in internationalen Einsätzen")."""
    k = _before_determiners(sent_toks, j, clause.lo)
    return k >= clause.lo and sent_toks[k].low in {"im", "in"}


def _begun(sent_toks: Sequence[_Tok], parts: Sequence[Clause], k: int) -> bool:
    """Clause ``k`` or the one it depends on has an aspect verb ("beginnen", "fortsetzen"): a
    stationing under way is troops moving in, not yet a presence."""
    return has_aspect_verb(sent_toks, parts[k]) or (k > 0 and has_aspect_verb(sent_toks, parts[k - 1]))


def _remains(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """The clause says the troops stay ("bleiben", "verbleiben"): a presence kept, not one to come."""
    return any(t.lemma in {"bleiben", "verbleiben"} for t in sent_toks[clause.lo : clause.hi])


def _clause_to_come(sent_toks: Sequence[_Tok], parts: Sequence[Clause], k: int) -> bool:
    """The clause ``k`` speaks of the future, or it is a "dass"/"um … zu" clause of a matrix
    clause that does ("Die Regierung will, dass 800 Soldaten verlegt werden"), or a present-tense
    clause of time or condition next to a matrix clause that does ("…, während das Militär mit
    22 000 Reservisten übt", under "Das wird geschehen")."""
    if to_come(sent_toks, parts[k], _begun(sent_toks, parts, k)):
        return True
    first = sent_toks[parts[k].lo].low if parts[k].hi > parts[k].lo else ""
    if k > 0 and first in {"dass", "daß", "damit", "um"} and to_come(sent_toks, parts[k - 1]):
        return True
    return _under_future(sent_toks, parts, k)


def _under_future(sent_toks: Sequence[_Tok], parts: Sequence[Clause], k: int) -> bool:
    """Clause ``k`` is a present-tense clause of time or condition ("während", "wenn", "sobald")
    beside a matrix clause that speaks of the future: it takes the matrix's time."""
    first = sent_toks[parts[k].lo].low if parts[k].hi > parts[k].lo else ""
    if first not in _temporal_subordinators() or not present_tense(sent_toks, parts[k]):
        return False
    matrix = [parts[m] for m in (k - 1, k + 1) if 0 <= m < len(parts)]
    return any(to_come(sent_toks, c) for c in matrix)


@cache
def _temporal_subordinators() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("clause_temporal_subordinators.txt"))


def _governing_noun(sent_toks: Sequence[_Tok], num_i: int, parts: Sequence[Clause]) -> str | None:
    """The status a noun governing the figure gives it: "der Tod von 2.009 Soldaten",
    "die Ermordung zweier UN-Soldaten", "der Kampfverlust von rund 50.000 Soldaten"."""
    k = _word_before(sent_toks, num_i)
    genitive = sent_toks[num_i].low.endswith("er") and not sent_toks[num_i].text[:1].isdigit()
    if k >= 1 and sent_toks[k].low in {"von", "gegen"}:  # "im Austausch gegen 15 Soldaten"
        k -= 1
    elif not genitive:
        return None
    if k < 0 or not sent_toks[k].is_cap or not sent_toks[k].lemma:
        return None
    clause = clause_of(parts, k)
    cls = predicate_class(sent_toks, k, clause)
    if cls in CASUALTY or cls == "mobilized":
        return cls
    if cls in DONE_STATUS and (_clause_to_come(sent_toks, parts, parts.index(clause)) or conditional(sent_toks, clause)):
        return "planned"  # "Ein Abzug von 10 000 Soldaten hätte Folgen" (S2)
    if cls in {"deployed", *DONE_STATUS} and any(
        predicate_class(sent_toks, i, clause) == "plan" for i in range(clause.lo, k)
    ):
        return "planned"  # "Vorbereitungen für den Einsatz von bis zu 5.000 Soldaten" (S2)
    if cls == "move" and not is_verb(sent_toks[k]) and not has_aspect_verb(sent_toks, clause):
        # "billigte die Entsendung von 3.000 Soldaten", "Vertrag über die Entsendung von 1.000
        # Soldaten": the noun names a sending decided or asked for, still to happen (S2); not
        # "begann die Verlegung von 300 Soldaten", under way (S4)
        return "planned"
    return None


def _listed_casualties(sent_toks: Sequence[_Tok], head: _Head) -> list[_Tok]:
    """Casualty nouns listed after the figure's own ("10 000 Tote, Verwundete und Vermisste"):
    one total of them all (S6)."""
    if head.noun is None or not _is_casualty_noun(head.noun):
        return []
    out: list[_Tok] = []
    after = _after_phrase(sent_toks, head, 8)
    for a, b in zip(after[::2], after[1::2], strict=False):
        if a.low not in {",", "und", "oder", "sowie"} or not (b.is_cap and _is_casualty_noun(b)):
            break
        out.append(b)
    return out


def _after_phrase(sent_toks: Sequence[_Tok], head: _Head, n: int) -> list[_Tok]:
    """The first ``n`` tokens after the figure's noun phrase."""
    return list(islice((t for t in sent_toks if t.start >= head.end), n))


def _word_after(sent_toks: Sequence[_Tok], head: _Head) -> str:
    """The word right after the figure's noun phrase (lower case), or "" when the phrase has no
    noun or ends the sentence."""
    nxt = _after_phrase(sent_toks, head, 1)
    return nxt[0].low if nxt and head.noun is not None else ""


def _measures_strength(sent_toks: Sequence[_Tok], head: _Head) -> bool:
    """The figure and its noun measure what follows: "eine 5000 Mann starke Brigade"."""
    return _word_after(sent_toks, head) in _cue_words("measure_after")


def _predicative_size(sent_toks: Sequence[_Tok], head: _Head) -> bool:
    """ "4.800 Mann stark [sein]": the size word is predicative (ADJD), what the clause says of
    its subject, not an attribute of a noun after it ("eine 5000 Mann starke Brigade")."""
    nxt = _after_phrase(sent_toks, head, 1)
    return bool(nxt) and nxt[0].tag == "ADJD"


def _difference(sent_toks: Sequence[_Tok], head: _Head) -> bool:
    """The figure is a difference: "7500 Soldaten weniger als im Vorjahr", "2.000 Mann mehr"."""
    return _word_after(sent_toks, head) in _cue_words("comparative_after")




def _change_role(sent_toks: Sequence[_Tok], num_i: int, clause: Clause, status: str) -> str:
    """With a verb of enlarging or reducing, the preposition before the figure tells its role.

    Still to come (S2): for a state's whole armed forces at home, "von" and "auf" give their
    size as it stands and as aimed at ("die Zahl der Soldaten in der Armee … von derzeit 165.000",
    "die Zahl der Streitkräfte … auf 1,15 Millionen erhöhen", S1); for a force abroad, after
    "von" the force as it stands ("die Zahl der Truppen in Polen von derzeit 4500 um 1000
    erhöhen" → 4500 stationed, S5) and after "auf" its planned size ("die Truppe in Japan … auf
    6.800", S2). Done: "von" and "auf" give the force's size then and after (S1, "wurde
    die Zahl der Soldaten auf 5,5 Millionen erhöht"; for a force abroad its presence, S5: "ist
    in der Region von 5000 auf 3000 gesunken"), an amount ("um 3.000") is other (S7).
    """
    if status not in {"planned", "changed"} or not any(t.lemma for t in sent_toks):
        return status
    if status == "planned" and _size_now(sent_toks, num_i):  # "die Zahl der derzeit 40.000 Reservisten verdoppeln"
        return _size_status(sent_toks, clause)
    clause = _after_colon(sent_toks, clause)  # "… die Zahl der Streitkräfte verdoppeln: von 70.000 auf 200.000"
    if not any(predicate_class(sent_toks, i, clause) in {"change", "grow"} for i in range(clause.lo, clause.hi)):
        return "planned" if status == "changed" else status
    prep = _preposition_of(sent_toks, num_i, clause)
    if status == "changed":  # a force abroad is present at that size (S5), a state's forces have it (S1)
        if prep in {"von", "auf"} and _operation_size(sent_toks, clause):
            return "deployed"  # "Die Einsatzstärke wuchs auf über 300 Peacekeeper": an operation's (S4)
        return ("stationed" if _abroad(sent_toks, clause) else "strength") if prep in {"von", "auf"} else "other"
    if prep in {"von", "auf"} and _whole_force(sent_toks, clause) and not _abroad(sent_toks, clause):
        return "strength"  # a state's forces as they stand and as aimed at (S1)
    return "stationed" if prep == "von" else status


def _size_status(sent_toks: Sequence[_Tok], clause: Clause) -> str:
    """The status of a size as it stands in a clause that plans a change: recruits a year are
    a call-up figure (S3: "die Zahl der Wehrpflichtigen von derzeit 9.000 … erhöhen"); a force
    abroad, stationed or brought home is present there (S5: "33.000 von derzeit 100.000
    US-Soldaten heimzuholen"); else a force's size (S1)."""
    words = sent_toks[clause.lo : clause.hi]
    if any(t.is_cap and _names_recruits(t.text) for t in words):
        return "mobilized"
    present = any(  # "wo bisher 3.380 britische Soldaten stationiert sind"
        predicate_class(sent_toks, i, clause) in {"withdraw", "station", "stationed"} for i in range(clause.lo, clause.hi)
    )
    return "stationed" if present or _abroad(sent_toks, clause) else "strength"


def _size_now(sent_toks: Sequence[_Tok], num_i: int) -> bool:
    """An adverb of the present right before the figure, a hedge between or not ("der derzeit
    etwa 40.000 Reservisten", "von bisher 500"): the size as it stands, not what is planned."""
    before = [t.low for t in sent_toks[max(0, num_i - 2) : num_i]]
    if len(before) == 2 and before[1] not in _cue_words("qualifier"):
        before = before[1:]
    return bool(before) and before[0] in _cue_words("now")


def _after_colon(sent_toks: Sequence[_Tok], clause: Clause) -> Clause:
    """A verbless clause after a colon together with the clause it completes ("… will die Zahl
    der Streitkräfte verdoppeln: von 70.000 auf 200.000"); any other clause as it is."""
    parts = _clauses(sent_toks)
    k = parts.index(clause) if clause in parts else -1
    if k < 1 or _clause_verbs(sent_toks, clause):
        return clause
    before = parts[k - 1]
    return Clause(before.lo, clause.hi) if _colon_between(sent_toks, before, clause) else clause


def _preposition_of(sent_toks: Sequence[_Tok], num_i: int, clause: Clause) -> str:
    """The preposition before the figure ("auf 250.000"), or the one of the figure it is
    coordinated with ("auf 250.000 Berufssoldaten und 50.000 Angehörige": "auf" for both)."""
    k = _word_before(sent_toks, num_i)
    if k > clause.lo and sent_toks[k].low in {"und", "sowie"}:
        before = [p for p in range(clause.lo, k) if sent_toks[p].tag == "CARD"]
        if before:
            k = _word_before(sent_toks, before[-1])
    return sent_toks[k].low if k >= 0 else ""


def _says_how_much(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """The clause has "auf" or "um" before a number: by or to how much a force changes."""
    words = sent_toks[clause.lo : clause.hi]
    return any(
        t.low in {"auf", "um"} and any(x.text[:1].isdigit() or x.tag == "CARD" for x in words[k + 1 : k + 4])
        for k, t in enumerate(words)
    )


PLACING_WORDS = frozenset({"an", "am", "in", "im", "bei", "dort"})


def _whole_force(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """The clause names a state's armed forces or one of its services as a whole
    ("Streitkräfte", "Bundeswehr", "Armee", "Marine"), or the number of its soldiers with no
    place ("die Zahl der Soldaten … von 180.000 auf 200.000")."""
    words = sent_toks[clause.lo : clause.hi]
    if _names_noun(words, "whole_force"):
        return True
    if any(t.low in PLACING_WORDS for t in words):
        return False  # "die Zahl der Soldaten an seiner Grenze": a force somewhere
    return any(
        a.low == "zahl" and b.low == "der" and is_military_noun(c.text) and not _names_recruits(c.text)
        for a, b, c in zip(words, words[1:], words[2:], strict=False)
    )


def _abroad(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """The clause places the force somewhere ("in Afghanistan", "in dem Land") or names a
    contingent or mission: a force abroad."""
    for k in range(clause.lo, clause.hi):
        t = sent_toks[k]
        if t.low in {"in", "im"} and _place_after(sent_toks, k + 1, clause.hi) and not _in_force(sent_toks, k + 1, clause.hi):
            return True
        if t.low == "dort":
            return True  # "die Zahl der US-Militärangehörigen dort": a place named before
    return _names_mission(sent_toks, clause)


def _in_force(sent_toks: Sequence[_Tok], k: int, hi: int) -> bool:
    """The noun phrase at ``k`` names a state's armed forces ("in der Armee Taiwans", "im
    Heer", "in den Streitkräften"): membership, not a place."""
    k = _past_determiners(sent_toks, k, hi)
    if k >= hi or not sent_toks[k].is_cap:
        return False
    word = sent_toks[k].text
    forms = (word, word[:-1]) if word.endswith("n") else (word,)  # dative plural "Streitkräften"
    return any(_ends_with(form, _cue_words("whole_force")) for form in forms)


def _whole_of_part(sent_toks: Sequence[_Tok], num_i: int) -> bool:
    """The figure is the whole a part is taken from: "70 Prozent seiner 1,1 Millionen
    Soldaten", "ein Drittel der 1.500 Soldaten": the force's size (S1); what the clause says
    belongs to the part."""
    k = _word_before(sent_toks, num_i)
    if k < 1 or sent_toks[k].low not in POSSESSIVES_AND_ARTICLES:
        return False
    return _ends_with(sent_toks[k - 1].text, _cue_words("fraction"))


def _as_it_stands(sent_toks: Sequence[_Tok], num_i: int) -> bool:
    """ "statt wie bisher 1.000 Soldaten", "anstatt wie bisher 1850": the size a change starts
    from, the force as it stands (S5, as "von derzeit 4500")."""
    lows = [t.low for t in sent_toks[max(0, num_i - 3) : num_i]]
    return lows[-2:] == ["wie", "bisher"] and (len(lows) < 3 or lows[0] in {"statt", "anstatt", "als"})


def _exists(sent_toks: Sequence[_Tok], clause: Clause) -> bool:
    """ "Es gibt bei der Bundeswehr 183.000 Soldaten": an existence statement, a force's size (S1)."""
    words = sent_toks[clause.lo : clause.hi]
    return any(t.low == "es" for t in words) and any(t.lemma == "geben" and is_verb(t) for t in words)


def _future_passive(sent_toks: Sequence[_Tok], status: str) -> str:
    """A movement or stationing still to come is planned, not done.

    "800 Soldaten sollen nach Litauen verlegt werden", "… sollen stationiert werden": a
    modal verb with a participle + "werden" (passive infinitive) speaks of the future;
    "sollen … im Einsatz gewesen sein" (reported past) keeps its status.
    """
    if status not in ("deployed", "stationed") or epistemic_possibility(sent_toks):
        return status
    modals = _cue_words("modal")
    lows = [t.low for t in sent_toks]
    if not modals & set(lows):
        return status
    for k in range(1, len(lows)):
        previous = sent_toks[k - 1]
        if (
            lows[k] == "werden"
            and previous.is_word
            and not previous.is_cap
            and lows[k - 1].endswith(("t", "en"))
        ):
            return "planned"
    return status


def _casualty_groups(
    sent_toks: list[_Tok],
    hits: list[tuple[int, str]],
    num_i: int,
    end_i: int,
    rivals: Sequence[int],
) -> set[str]:
    """The casualty cues that speak of this figure.

    A cue right after the figure ("20 Kämpfer getötet und 35 Kämpfer verletzt") is read with
    its list ("tot, verwundet oder gefangen"); otherwise every casualty cue of the sentence
    counts ("800.000 Nordkoreaner und 1,23 Millionen Chinesen verloren ihr Leben oder wurden
    verletzt"), except those right after another figure, unless that figure is coordinated
    with this one ("Zwölf Soldaten und 13 Kämpfer sollen gestorben sein").
    """
    clusters = _casualty_clusters(sent_toks, hits, frozenset(rivals) | {num_i})
    adjacent = [i for i in sorted(clusters) if num_i - 1 <= i <= end_i + ADJACENT]
    if adjacent:  # "davon starben 105.000 in Gefangenschaft": killed
        return set().union(*(clusters[i] for i in adjacent))
    joined = {p for p in rivals if p > end_i and _listed_before(sent_toks, end_i, p)}
    taken = {i for i in clusters for p in rivals if p not in joined and p < i <= p + ADJACENT + 1}
    return {g for i in clusters if i not in taken for g in clusters[i]}


def _listed_before(sent_toks: Sequence[_Tok], end_i: int, p: int) -> bool:
    """The figure ending at ``end_i`` and the one at ``p`` are members of one list: only
    coordinators and noun phrases between them, no verb ("fünf Kommandeure der Brigaden und
    gleichrangige Kommandeure sowie mehr als 20 Bataillonskommandanten")."""
    between = sent_toks[end_i + 1 : p]
    return any(t.low in COORDINATORS for t in between) and all(
        t.low in COORDINATORS
        or t.tag == "CARD"  # "sechs Generäle, mehr als 2300 Soldaten sowie …": the list's other members
        or (t.is_word and not t.tag.startswith(PHRASE_ENDS) and not is_verb(t))
        for t in between
    )


def _casualty_clusters(
    sent_toks: list[_Tok], hits: list[tuple[int, str]], figures: frozenset[int]
) -> dict[int, set[str]]:
    """Token index of each casualty cue → the groups of its list ("tot, verwundet oder
    gefangen" is one list; "20 getötet und 35 verletzt" are two)."""
    positions = sorted({i for i, g in hits if g in CASUALTY})
    groups: dict[int, set[str]] = {i: {g for j, g in hits if j == i} for i in positions}
    out: dict[int, set[str]] = {}
    current: list[int] = []
    for i in positions:
        gap = range(current[-1] + 1, i) if current else range(0)
        if current and (len(gap) > 3 or any(k in figures or not _joins(sent_toks[k]) for k in gap)):
            _close(current, groups, out)
            current = []
        current.append(i)
    _close(current, groups, out)
    return out


def _joins(tok: _Tok) -> bool:
    return tok.low in CASUALTY_JOINERS or (tok.is_word and not tok.is_cap)


def _close(current: list[int], groups: dict[int, set[str]], out: dict[int, set[str]]) -> None:
    merged = set().union(*(groups[i] for i in current)) if current else set()
    for i in current:
        out[i] = merged


def _pick_status(
    hits: list[tuple[int, str]], distance: Callable[[int], int], casualties: set[str], verbs: Collection[int] = ()
) -> str | None:
    """A close casualty cue wins (read with the figure's casualty cues), then mobilisation,
    then a move that follows a withdrawal, then the nearest other cue, then weak cues."""
    groups = {g for _, g in hits}
    casualty = sorted(distance(i) for i, g in hits if g in CASUALTY)
    if casualty and casualty[0] <= CASUALTY_WINDOW and casualties:
        return _combine_casualties(casualties)
    if "mobilized" in groups:
        return "mobilized"
    if {"withdrawn", "deployed"} <= {g for i, g in hits if i in verbs}:
        return "deployed"  # "abgezogen und nach Jordanien verlegt": moved on, where they serve now (S4)
    strong = [
        (distance(i), STRONG_STATUS.index(g) if g in STRONG_STATUS else -1, g)
        for i, g in hits
        if g in STRONG_STATUS or (g in CASUALTY and casualties)
    ]
    if strong:
        best = min(strong)[2]
        return _combine_casualties(casualties) if best in CASUALTY else best
    weak = [(distance(i), g) for i, g in hits if g in WEAK_STATUS]
    if weak:
        return WEAK_STATUS[min(weak)[1]]
    return None


def _combine_casualties(groups: set[str]) -> str | None:
    """Casualty status from the casualty cues near a figure ("tot, verwundet oder gefangen").

    Killed and wounded together, or wounded/killed with missing, make killed_or_wounded;
    a general word ("Opfer", "Verluste") only counts when nothing more specific is there.
    """
    specific = groups & {"killed", "wounded", "captured", "missing"}
    if specific == {"captured", "missing"}:
        return "missing"  # "gefangen genommen oder vermisst": whereabouts unknown, no dead or wounded (S6)
    if len(specific) > 1:  # "eliminiert und festgenommen", "tot, verwundet oder vermisst" (S6)
        return "killed_or_wounded"
    for group in ("killed", "wounded", "captured", "missing"):
        if group in groups:
            return group
    return GENERAL_CASUALTY if "killed_or_wounded" in groups else None


# --------------------------------------------------------------------------- country


def _place_countries(
    start: int, end: int, entities: Sequence[EntityMention], resolutions: Sequence[Resolution]
) -> set[str | None]:
    """Countries of the places inside ``start``–``end`` ("aus Pjöngjang" → KP); an armed
    group's seat ("Hisbollah-Kämpfer") is no nationality (C1)."""
    return {
        res.country
        for ent, res in zip(entities, resolutions, strict=False)
        if start <= ent.start < end and res.country and ent.label == "LOC"
    }  # "45 Soldaten der Vereinigten Arabischen Emirate": a name may run past the phrase's end


def _phrase_country(
    text: str,
    num: NumberMention,
    head: _Head,
    sent_toks: list[_Tok],
    entities: Sequence[EntityMention],
    resolutions: Sequence[Resolution],
    moving: bool = False,
) -> str | None:
    """The nationality the figure's noun phrase states: an adjective or prefix ("russische",
    "US-Soldaten"), or "aus Nordkorea" after the noun, unless the troops are being moved or
    withdrawn, when "aus Lettland" is the place they leave (C5)."""
    words = [t for t in head.modifiers] + ([head.noun] if head.noun else [])
    own = _nationalities(words)
    if len(set(own)) > 1:
        return None  # "russische und ukrainische Soldaten": several states (C5)
    if own:
        return own[0]
    if moving and head.tail and head.tail[0].low == "aus":
        return None
    if any(_is_multinational(t) for t in head.tail):
        return None  # "Soldaten der US-geführten Allianz": a coalition's troops (C5)
    codes = {country_for_word(t.text) for t in head.tail if t.is_word and t.low not in ARTICLES}
    codes |= _place_countries(num.end, head.end, entities, resolutions)
    codes.discard(None)
    if len(codes) == 1:  # "aus Nordkorea"; "aus Großbritannien, Kanada und …" says no one country
        return codes.pop()
    return None


def _nationalities(words: Sequence[_Tok]) -> list[str]:
    """The countries the words name by adjective, demonym or prefix, in order."""
    return [code for code in (country_for_word(t.text) for t in words) if code]


def _sender_country(sent_toks: list[_Tok], q_start: int) -> str | None:
    """A country named right before a figure: "Österreich wird 150 …", "Italien mit 2.200 …"."""
    before = [t for t in sent_toks if t.end <= q_start][-LOOKBACK:]
    if len(before) >= 2 and before[-1].text in LIST_MARKS and before[-2].is_cap:
        return country_for_word(before[-2].text)  # "Ukrainer - 31 Tausend", "Russland: 120.000"
    bracket = _bracket_after_name(sent_toks, before)
    if bracket is not None:
        return bracket  # "neben Polen (insgesamt 2500 Soldaten)", "Spanier (1300 Soldaten)"
    for k in range(len(before) - 1, -1, -1):
        tok = before[k]
        between_stops = tok.low != "mit" and (tok.low in _cue_words("locative") or tok.low in {"von", "aus"})
        if not tok.is_word or between_stops:  # "Italien mit 2.200", not "aus Nordkorea bei 28.500"
            return None
        if tok.low in {"und", "oder", "sowie"} or tok.tag in {"VVPP", "VVINF", "VAINF", "VAPP"}:
            return None  # "… für Russland gefallen sein und zudem 4.000": another clause's name
        if tok.is_cap and tok.low not in ARTICLES:
            code = country_for_word(tok.text)
            idx = sent_toks.index(tok)
            prev = sent_toks[idx - 1].low if idx > 0 else ""
            prev2 = sent_toks[idx - 2].low if idx > 1 else ""
            if code is None or "-" in tok.text or prev in _cue_words("locative"):
                return None
            if _coordinated(sent_toks, idx):
                return None  # "Russland und die Ukraine haben jeweils 150 …": no one sender
            if (prev in ARTICLES and prev2 in _cue_words("locative")) or _after_preposition(sent_toks, idx, agent=False):
                return None
            return code
    return None


def _bracket_after_name(sent_toks: list[_Tok], before: Sequence[_Tok]) -> str | None:
    """The country of a name or demonym whose bracket the figure opens ("Polen (insgesamt
    2500 Soldaten)", "Spanier (1300 Soldaten)"): its contingent (C1); not a place after a
    locative preposition ("in Polen (10.000 Soldaten)": where they are, C5)."""
    k = len(before) - 1
    while k >= 0 and before[k].is_word and not before[k].is_cap:
        k -= 1  # "insgesamt", "rund"
    if k < 1 or before[k].text != "(" or not before[k - 1].is_cap:
        return None
    idx = sent_toks.index(before[k - 1])
    if idx > 0 and sent_toks[idx - 1].low in _cue_words("locative") and sent_toks[idx - 1].low not in ADDITIVE:
        return None
    return country_for_word(before[k - 1].text)


ADDITIVE = frozenset({"neben", "mit"})  # "neben Polen (2500 Soldaten)": besides, no place


def _sentence_country(
    sent_toks: list[_Tok],
    entities: Sequence[EntityMention],
    resolutions: Sequence[Resolution],
    sent: Sentence,
    num_i: int = 0,
    end_i: int = 0,
    rivals: Sequence[int] = (),
    mobilized: bool = False,
    leaving: bool = False,
) -> str | None:
    """The one nationality a sentence names for the figure's troops (C1), or None.

    The figure's own clause is read first (with its relative clause and a coordinated
    clause of the same subject); only when it names no country are the sentence's other
    clauses read, leaving out those that hold another figure ("Während die Nato mit 50.000
    Soldaten übt, probte Russland … 300.000 Soldaten"), and the words of other figures'
    noun phrases ("… 600 000 Soldaten … den 500 000 irakischen Soldaten gegenüber").
    """
    parts = _clauses(sent_toks)
    clause, _, clauses_read = _figure_scope(sent_toks, parts, num_i, end_i)
    scope = {i for c in clauses_read for i in range(c.lo, c.hi)}
    owned = _rival_phrases(sent_toks, rivals) | set(range(num_i, end_i + 1))  # the phrase was read already
    inside = _inside_names(sent_toks, entities, sent)
    quoted = _quoted(tuple(sent_toks))  # a quotation and the narration around it speak of their own
    inside |= {i for i in range(len(sent_toks)) if (i in quoted) != (num_i in quoted)}
    if any(_multinational_actor(sent_toks, i) for i in scope - owned):
        return None  # "Während die Nato mit 50.000 Soldaten übt": multinational (C5); not "in einem Nato-Verband"
    free = [c for c in parts if c != clause and not any(p in c for p in rivals)]
    rest = {i for c in free for i in range(c.lo, c.hi)}
    for indices in (scope, rest, set(range(len(sent_toks)))):
        if indices is not scope and any(_multinational_actor(sent_toks, i) for i in indices - owned):
            return None  # "Mit 30.000 Soldaten: Nato probt Verteidigung Norwegens" (C5)
        found = _countries_in(sent_toks, sorted(indices - owned - inside), entities, resolutions, sent, mobilized, leaving)
        if found is not _UNSAID:
            return found
    return None


@cache
def _multinational() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("multinational.txt"))


def _is_multinational(tok: _Tok) -> bool:
    """ "Nato", "UN", "Allianz", "Koalition": a body of several states (C5)."""
    if tok.low in _multinational():
        return True
    first, _, rest = tok.low.partition("-")
    troops = is_military_noun(tok.text) or _is_side_noun(rest) or _is_unit_noun(rest) or _ends_with(rest, _cue_words("formation"))
    return bool(rest) and first in _multinational() and troops


_UNSAID = "unsaid"  # no country word at all (as opposed to None: several, or multinational)


def _after_sides(sent_toks: Sequence[_Tok], i: int) -> bool:
    """Word ``i`` is the genitive after "Seiten" or "aufseiten", an article between or not."""
    k = i - 1
    if k >= 0 and sent_toks[k].low in ARTICLES:
        k -= 1
    return k >= 0 and sent_toks[k].low in {"seiten", "aufseiten"}


def _multinational_actor(sent_toks: Sequence[_Tok], i: int) -> bool:
    """Word ``i`` names a multinational body as an actor, not after a preposition ("in einem
    Nato-Verband") nor as a thing's attribute ("die Strategie der Nato") (C5)."""
    return _is_multinational(sent_toks[i]) and not _after_preposition(sent_toks, i) and not _attribute_of_thing(sent_toks, i)


def _attribute_of_thing(sent_toks: Sequence[_Tok], i: int) -> bool:
    """Word ``i`` is a genitive attribute of a noun that names no troops ("die Strategie der
    Nato", "beim Gipfel der EU"): it qualifies that noun, it owns no troops (C5)."""
    if i < 2 or sent_toks[i - 1].low not in {"der", "des"}:
        return False
    noun = sent_toks[i - 2]
    return noun.is_cap and noun.is_word and not is_military_noun(noun.text) and not _is_formation_noun(noun.text)


def _rival_phrases(sent_toks: Sequence[_Tok], rivals: Sequence[int]) -> set[int]:
    """Token indices of the other figures' noun phrases (number, modifiers, noun, as the
    figure's own phrase is read: "25 verwundete ukrainische Soldaten")."""
    owned: set[int] = set()
    for p in rivals:
        owned.add(p)
        k = p + 1
        while k < len(sent_toks) and k - p <= MAX_MODIFIERS + 1 and sent_toks[k].is_word:
            if sent_toks[k].tag.startswith(PHRASE_ENDS):
                break  # "… und jetzt noch 5500 sind die Briten …": the verb ends the phrase
            owned.add(k)
            if sent_toks[k].is_cap:
                break
            k += 1
        if p + 1 < len(sent_toks):  # a participle the tagger took for a verb: "25 verwundete ukrainische Soldaten"
            head = _head(list(sent_toks), p + 1, sent_toks[p].end)
            end = max([sent_toks[p].end] + [t.end for t in head.modifiers] + ([head.noun.end] if head.noun else []))
            owned.update(k for k in range(p + 1, len(sent_toks)) if sent_toks[k].end <= end)
    return owned


def _inside_names(sent_toks: Sequence[_Tok], entities: Sequence[EntityMention], sent: Sentence) -> set[int]:
    """Tokens inside a multi-word organisation or work name ("Myanmar Now", "Radio Free Asia")."""
    spans = [
        (e.start, e.end)
        for e in entities
        if sent.start <= e.start < sent.end and e.label in {"ORG", "MISC"} and " " in e.text.strip()
        and not _national_force(e.text)  # "der israelischen Armee" is read for its nationality
    ]
    return {i for i, t in enumerate(sent_toks) if any(a <= t.start and t.end <= b for a, b in spans)}


def _countries_in(
    sent_toks: list[_Tok],
    indices: Sequence[int],
    entities: Sequence[EntityMention],
    resolutions: Sequence[Resolution],
    sent: Sentence,
    mobilized: bool = False,
    leaving: bool = False,
) -> str | None:
    """The country the words at ``indices`` name for troops: strong evidence (a nationality
    adjective before a military, side or casualty noun; an armed force) over weak (a state
    named as actor, not as a place after a preposition; "die Briten"); for a mobilisation,
    the state organ that orders it ("der venezolanische Präsident", "die Regierung in
    Kiew", C2). ``leaving``: the figure's clause moves or withdraws troops, so "aus <Land>"
    is the place they leave."""
    strong: set[str] = set()
    weak: set[str] = set()
    source: set[str] = set()
    subject: str | None = None  # a country opening the sentence: "Die Bundesregierung hat …"
    named = _country_entities(sent_toks, entities, resolutions, sent)
    for i in indices:
        tok = sent_toks[i]
        if not tok.is_word:
            continue
        code = country_for_word(tok.text) or named.get(i)
        if not code:
            continue
        prev = sent_toks[i - 1].low if i > 0 else ""
        nxt = sent_toks[i + 1] if i + 1 < len(sent_toks) else None
        if leaving and (prev == "aus" or (prev in ARTICLES and i >= 2 and sent_toks[i - 2].low == "aus")):
            continue  # "… sollen aus dem Kosovo abgezogen werden": the place left (C5)
        if i not in named and (_is_adjective(tok.text) or _attributive(tok, nxt)):  # adjective: only before its noun
            if "-" in tok.text or nxt is None or not nxt.is_word or _opposed(sent_toks, i):
                continue
            if is_military_noun(nxt.text) or _is_side_noun(nxt.text) or _is_casualty_noun(nxt):
                strong.add(code)
            elif _is_state_organ(nxt.text):
                source.add(code)
                if (
                    _ends_with(nxt.text, _cue_words("commanding_organ"))
                    and _subject_position(sent_toks, i)
                    and not _clause_says(sent_toks, i)
                ):
                    weak.add(code)  # "Die britische Regierung hat 1.200 zusätzliche Soldaten … versetzt" (C1)
                    subject = code
            continue
        if _names_force(tok.text):
            strong.add(code)  # Bundeswehr, US-Truppen, Zahl der US-Soldaten
            continue
        if i > 0 and is_country_name(tok.text) and sent_toks[i - 1].is_cap and _has_cue(sent_toks[i - 1].text.rsplit("-", 1)[-1], "forces"):
            strong.add(code)  # "in der Armee Taiwans", "die Streitkräfte Polens": the force named (C1), not "Nato-Partnerstaat Polen"
            continue
        if is_country_name(tok.text) and _after_sides(sent_toks, i):
            strong.add(code)  # "auf Seiten Aserbaidschans", "aufseiten der Ukraine": that side's troops
            continue
        if "-" in tok.text:
            if _ends_with(tok.text.split("-", 1)[1], _cue_words("commanding_organ")) and _subject_position(sent_toks, i):
                weak.add(code)  # "US-Verteidigungsminister Austin ordnete die Entsendung … an" (C1)
                subject = code  # "Nun will US-Präsident Trump … entsenden": the subject after the verb
            continue  # "US-Geheimdienst": an institution, not the troops' nationality
        if prev == "aus":
            weak.add(code)
            continue
        if prev == "(" and i >= 2 and sent_toks[i - 2].is_cap and is_country_name(tok.text):
            continue  # "in der Basis von Entebbe (Uganda)": where a place lies, no actor (C5)
        if _after_preposition(sent_toks, i):
            if i >= 2 and prev == "in" and _is_state_organ(sent_toks[i - 2].text):
                source.add(code)  # "die Regierung in Kiew" (C2)
            elif mobilized and prev in {"in", "im"} and is_country_name(tok.text):
                weak.add(code)  # "In Nordkorea sind … in die Armee eingetreten": the state that calls up (C2)
            continue
        determined = prev in ARTICLES or sent_toks[i - 1].tag == "ADJA"  # "die (kämpfenden) Nordkoreaner"
        if _is_demonym_noun(tok.text) and not (i > 0 and determined and tok.low.endswith(("en", "er", "n"))):
            if "Case=Nom" not in tok.morph or "Number=Plur" not in tok.morph:
                continue  # a demonym is an actor with its article ("die Briten") or as the subject
        weak.add(code)
        if (i == 0 or (i == 1 and prev in ARTICLES)) and not _coordinated(sent_toks, i):
            subject = code
    idx = set(indices)
    for ent, res in zip(entities, resolutions, strict=False):
        if not (sent.start <= ent.start < sent.end and res.country and ent.label == "ORG"):
            continue
        if not any(sent_toks[i].start >= ent.start and sent_toks[i].end <= ent.end for i in idx):
            continue
        if _national_force(ent.text):
            strong.add(res.country)  # "die ukrainische Armee", "US-Armee" named as such
    if not strong and not weak and not source:
        return _UNSAID
    if len(strong) == 1:
        return next(iter(strong))
    if strong:
        return None
    if len(weak) == 1:
        return next(iter(weak))
    if weak:
        return subject
    return next(iter(source)) if len(source) == 1 and mobilized else None


def _clause_says(toks: Sequence[_Tok], i: int) -> bool:
    """Word ``i``'s clause has a verb of saying ("Das britische Verteidigungsministerium
    erklärte, …"): its subject is the source of what follows, not the troops' commander."""
    clause = clause_of(_clauses(toks), i)
    return any((t.lemma or t.low).lower() in _cue_words("speech_lemma") for t in toks[clause.lo : clause.hi])


def _subject_position(toks: Sequence[_Tok], i: int) -> bool:
    """Word ``i`` (its article before it or not) opens the sentence or follows its finite
    verb in the nominative: the places of a German main clause's subject ("Die Regierung
    will …", "Nun will US-Präsident Trump …", "hatte der damalige US-Präsident Biden …")."""
    first = _before_determiners(toks, i, 0) + 1
    return first == 0 or (is_finite(toks[first - 1]) and "Case=Nom" in toks[i].morph)


def _names_force(word: str) -> bool:
    """A word naming a state's troops or force: "Bundeswehr", "US-Truppen", "Russland-Armee";
    not a compound whose head is an event ("Ukraine-Krieg", "Irak-Einsatz")."""
    if "-" not in word:
        return is_military_noun(word) or _is_military_word(word)
    head = word.rsplit("-", 1)[1]
    return is_military_noun(head) or _is_side_noun(head) or _is_unit_noun(head) or _has_cue(head, "forces")


def _national_force(name: str) -> bool:
    """An organisation span naming a state's armed force: "israelische Armee", "US-Armee"."""
    return _is_military_word(name) and any(country_for_word(w) for w in name.split())


def _country_entities(
    sent_toks: Sequence[_Tok], entities: Sequence[EntityMention], resolutions: Sequence[Resolution], sent: Sentence
) -> dict[int, str]:
    """Token index → country for place mentions resolved to a country itself (a misspelt
    "Frankeich" resolved to Frankreich)."""
    out: dict[int, str] = {}
    for ent, res in zip(entities, resolutions, strict=False):
        if ent.label != "LOC" or not res.country or not res.norm or not sent.start <= ent.start < sent.end:
            continue
        if country_for_word(res.norm) != res.country and not is_country_name(res.norm):
            continue  # a town, not the country itself ("die Vereinigten Staaten" is)
        for i, t in enumerate(sent_toks):
            if t.start == ent.start:
                out[i] = res.country
    return out


def _attributive(tok: _Tok, nxt: _Tok | None) -> bool:
    """An adjective by its tag, or an invariant capitalised one before its noun ("die
    Schweizer Armee", "Berliner Polizei")."""
    if tok.tag:
        return tok.tag.startswith("ADJ")
    return nxt is not None and tok.low.endswith("er") and nxt.is_cap and nxt.is_word


def _participle_class(tok: _Tok) -> str | None:
    """The predicate class of an attributive participle ("freigelassene" → captured, by its
    verb; a present participle by its infinitive: "bestehende" → bestehen), None for other
    words."""
    if not tok.tag.startswith("ADJ") or tok.is_cap:
        return None
    cls = predicate_class([tok], 0, Clause(0, 1))
    if cls is None and tok.lemma.endswith("end"):
        cls = predicate_class([dataclasses.replace(tok, lemma=tok.lemma[:-1])], 0, Clause(0, 1))
    return cls


def _identified_toll(sent_toks: Sequence[_Tok], num_i: int, clause: Clause) -> str | None:
    """The status of casualties that "es handelt sich um" identifies the figure with: "Bei den
    insgesamt 53 Toten handelt es sich um 17 Soldaten …" → killed; None without such a noun."""
    words = sent_toks[clause.lo : clause.hi]
    verb = next((k for k, t in enumerate(words) if t.lemma == "handeln"), None)
    if verb is None or not any(t.low == "sich" for t in words) or not any(t.low == "um" for t in words[verb:]):
        return None
    if num_i < clause.lo + verb:
        return None
    nouns = [t for t in words[:verb] if _is_casualty_noun(t)]
    return _noun_toll(nouns[-1]) if nouns else None


def _noun_toll(tok: _Tok) -> str:
    """The status a casualty noun names ("Tote" → killed, "Gefangene" → captured)."""
    cls = predicate_class([tok], 0, Clause(0, 1))
    return "captured" if cls == "captivity" else cls or "killed_or_wounded"


def _is_casualty_noun(tok: _Tok) -> bool:
    """ "Kriegstoten", "Gefallenen", "Verluste": a noun that names casualties (by lemma)."""
    if not tok.lemma or not tok.is_cap:
        return False
    return predicate_class([tok], 0, Clause(0, 1)) in CASUALTY


@cache
def _state_organs() -> tuple[str, ...]:
    return tuple(w.lower() for w in read_lines("state_organs.txt"))


def _is_state_organ(word: str) -> bool:
    """ "Präsident", "Regierung", "Verteidigungsministerium", "Generalstab" …"""
    return _ends_with(word, _state_organs())


def _after_preposition(sent_toks: Sequence[_Tok], i: int, agent: bool = True) -> bool:
    """A name governed by a preposition is a place or a third party (C5): "in Mali", "im
    westafrikanischen Mali", "in Syrien und Irak", with ``agent`` also "von Litauen
    befürchtet"; not "aus"."""
    k = i - 1
    while k >= 0:
        tok = sent_toks[k]
        if tok.low in _cue_words("locative") or (agent and tok.low == "von"):
            return True
        if tok.low in {"und", "oder", ","}:
            if k > 0 and _listed_name(sent_toks[k - 1]):
                k -= 1  # a list of places shares its preposition ("in Syrien und Irak")
                continue
            return False
        if tok.is_cap and k + 1 < i and sent_toks[k + 1].low in {"und", "oder", ","}:
            k -= 1
            continue
        adjective = tok.tag.startswith("ADJ") or (
            not tok.tag and tok.is_word and not tok.is_cap and tok.low.endswith(("e", "en", "er", "es", "em"))
        )
        if tok.low in ARTICLES or adjective:
            k -= 1  # articles and adjectives between ("im westafrikanischen Mali")
            continue
        if tok.is_cap and k == i - 1 and sent_toks[i].low.endswith("s"):
            k -= 1  # a genitive of the place ("in den Osten Russlands")
            continue
        return False
    return False


def _coordinated(sent_toks: Sequence[_Tok], i: int) -> bool:
    """The name at ``i`` is one of several joined by "und"/"sowie"/"oder" ("Russland und die
    Ukraine", "die USA und Großbritannien")."""
    joiners = {"und", "sowie", "oder"}
    k = i - 1
    while k >= 0 and sent_toks[k].low in ARTICLES:
        k -= 1
    before = k >= 1 and sent_toks[k].low in joiners and sent_toks[k - 1].is_cap
    j = i + 2
    while j < len(sent_toks) and sent_toks[j].low in ARTICLES:
        j += 1
    after = j < len(sent_toks) and sent_toks[i + 1].low in joiners and sent_toks[j].is_cap
    return before or after  # not "… mit 1.800 und den USA mit 1.400": pairs of a name and a figure


def _listed_name(tok: _Tok) -> bool:
    """A name that can head a list of places: a proper noun by its tag, or any capitalised
    word when untagged (not "auf Geheimdiensterkenntnisse, Russland habe …")."""
    return tok.is_cap and (tok.tag == "NE" or not tok.tag or country_for_word(tok.text) is not None)


def _opposed(sent_toks: Sequence[_Tok], i: int) -> bool:
    """The words at ``i`` name the opponent: "im Kampf gegen ukrainische Truppen"."""
    k = i - 1
    while k >= 0 and (sent_toks[k].low in ARTICLES or (sent_toks[k].is_word and not sent_toks[k].is_cap)):
        if sent_toks[k].low in {"gegen", "gegenüber"}:
            return True
        k -= 1
    return False


# --------------------------------------------------------------------------- attribution


def _attribution(text: str, sent: Sentence, toks: Sequence[_Tok], entities: Sequence[EntityMention]) -> str | None:
    """The source a sentence names for its figures, as written: "laut dem estnischen
    Nachrichtendienst", "nach Angaben des polnischen Generalstabs", "nach Militärangaben",
    "Medienberichten zufolge", "unter Berufung auf Pentagon-Beamte"; else the subject of a
    verb of saying ("teilte die Regierung in Kiew mit", "meldete Moskau", "Das Pentagon
    kündigte an"); "nach eigenen Angaben" is the sentence's own speaker."""
    for i, tok in enumerate(toks):
        low = tok.low
        if low in {"laut", "gemäß"}:
            return _source_phrase(text, toks, i + 1)
        if low == "berufung" and i + 2 < len(toks) and toks[i + 1].low == "auf":
            return _source_phrase(text, toks, i + 2)
        if low == "zufolge" and i > 0:
            return _phrase_before(text, toks, i)
        if low in {"nach", "gemäß"}:
            found = _after_nach(text, toks, i, entities, sent)
            if found:
                return found
    return _speaker(text, sent, toks, entities)


def _after_nach(
    text: str, toks: Sequence[_Tok], i: int, entities: Sequence[EntityMention], sent: Sentence
) -> str | None:
    """ "nach Angaben des Generalstabs" → "des Generalstabs"; "nach Militärangaben" →
    "Militärangaben"; "nach eigenen Angaben" → the speaker; "nach Schätzungen" → "Schätzungen"."""
    j = i + 1
    own = False
    while j < len(toks) and toks[j].is_word and not toks[j].is_cap:
        own = own or toks[j].low in {"eigenen", "eigener"}
        j += 1
    if j >= len(toks) or not any(toks[j].low.endswith(n) for n in _cue_words("source_noun")):
        return None
    if own:
        return _speaker(text, sent, toks, entities, before=toks[i].start)
    if j + 1 < len(toks) and toks[j + 1].low in {"der", "des", "eines", "einer", "von", "vom"}:
        return _source_phrase(text, toks, j + 1)
    return toks[j].text


def _source_phrase(text: str, toks: Sequence[_Tok], j: int) -> str | None:
    """The noun phrase starting at token ``j``: articles and adjectives, then names and nouns
    with their genitive ("dem estnischen Nachrichtendienst", "des Instituts für Kriegsstudien")."""
    k, last = j, None
    while k < len(toks) and k - j < 9:
        tok = toks[k]
        if not tok.is_word:
            break
        if tok.is_cap:
            last = k
        elif tok.low in ARTICLES or tok.low in {"für", "von", "vom"} or tok.tag.startswith("ADJ"):
            if last is not None and tok.low not in {"der", "des", "für"}:
                break
        elif tok.tag == "" and tok.low.endswith(("en", "er", "es", "em", "e")) and last is None:
            pass  # an untagged adjective before the noun
        else:
            break
        k += 1
    return text[toks[j].start : toks[last].end] if last is not None else None


def _phrase_before(text: str, toks: Sequence[_Tok], i: int) -> str | None:
    """The noun phrase right before "zufolge": "Medienberichten", "einem Bericht der New
    York Times", "Einer Zählung der Nachrichtenagentur AFP"."""
    k = i - 1
    first = None
    while k >= 0 and i - k <= 9:
        tok = toks[k]
        if not tok.is_word:
            break
        if tok.low in ARTICLES | {"einer", "einem", "eines"}:
            if first is None:
                break
            first = k
            genitive = tok.low in {"der", "des"} and k > 0 and toks[k - 1].is_cap and toks[k - 1].is_word
            if not genitive:
                break  # the noun phrase starts at its article ("einem neuen UN-Bericht")
        elif tok.is_cap:
            first = k
        elif not (tok.tag.startswith("ADJ") or (not tok.tag and first is not None)):
            break
        k -= 1
    return text[toks[first].start : toks[i - 1].end] if first is not None else None


def _speaker(
    text: str, sent: Sentence, toks: Sequence[_Tok], entities: Sequence[EntityMention], before: int | None = None
) -> str | None:
    """The subject of a verb of saying in the sentence ("teilte die Regierung in Kiew mit",
    "sagte Polak", "Das Pentagon kündigte an"): the person, organisation or capital nearest
    to the verb in its clause, else a state organ ("die ukrainische Regierung")."""
    parts = _clauses(toks)
    for i, tok in enumerate(toks):
        if not tok.is_word or not _says(toks, i, parts):
            continue
        clause = clause_of(parts, i)
        named = [
            e for e in entities
            if e.label in {"PER", "ORG", "LOC"} and sent.start <= e.start < sent.end
            and toks[clause.lo].start <= e.start < toks[clause.hi - 1].end
            and (before is None or e.start < before)
        ]  # fmt: skip
        actors = [e for e in named if e.label != "LOC"]
        if actors:
            return min(actors, key=lambda e: abs(e.start - tok.start)).text
        organs = [k for k in range(clause.lo, clause.hi) if toks[k].is_cap and _is_state_organ(toks[k].text)]
        if organs:  # "die ukrainische Regierung", "die Regierung in Kiew"
            k = min(organs, key=lambda k: abs(k - i))
            start = k - 1 if k > 0 and toks[k - 1].tag.startswith("ADJ") else k
            end = k + 2 if k + 2 < len(toks) and toks[k + 1].low == "in" and toks[k + 2].is_cap else k
            return text[toks[start].start : toks[end].end]
        if named:  # a capital standing for its government: "meldete Moskau"
            return min(named, key=lambda e: abs(e.start - tok.start)).text
    return None


def _says(toks: Sequence[_Tok], i: int, parts: Sequence[Clause]) -> bool:
    """Token ``i`` is a verb of saying (by lemma, separable particle included: "teilte … mit")."""
    tok = toks[i]
    if tok.low in _cue_words("speech"):
        return True
    if not tok.lemma or not is_verb(tok):
        return False
    clause = clause_of(parts, i)
    lemma = predicate_lemma(toks, i, clause)
    return lemma in _cue_words("speech_lemma")


# --------------------------------------------------------------------------- main


@lru_cache(maxsize=65536)  # words repeat: each is looked up once
def _has_cue(word: str, kind: str) -> bool:
    """``word`` contains a stem of cue ``kind`` (short stems must start a word part)."""
    low = word.lower()
    parts = low.split("-")
    return any(
        (cue in low) if len(cue) > 4 else any(p.startswith(cue) for p in parts) for cue, _ in _cues(kind)
    )


def _context(toks: list[_Tok], head: _Head) -> str:
    """How military the sentence is, the figure's own noun aside: forces (armed forces
    named) | action (troops' fate or moves: killed, mobilised, deployed …) | military | none."""
    own = {id(head.noun)} if head.noun is not None else set()
    others = [t for t in toks if t.is_word and id(t) not in own]
    if any(is_military_noun(t.text) or _has_cue(t.text, "forces") for t in others):
        return "forces"
    if _side_losses(others) or _losses_label(toks):
        return "forces"  # "Die russischen Verluste … mit insgesamt 1.173 Toten" (W1: one side's toll)
    if any(g in ACTION_STATUS for _, g in _cue_hits(others)):
        return "action"
    if any(_has_cue(t.text, "military") for t in others):
        return "military"
    return "none"


def _side_losses(toks: Sequence[_Tok]) -> bool:
    """A nationality adjective before a noun of losses ("die russischen Verluste"), or the
    nation in the genitive after it ("die Verluste der Amerikaner", "Verluste Russlands"):
    the sentence's toll is one armed side's (W1); not "auf israelischer Seite", where
    civilians count too."""
    before = any(
        _is_adjective(a.text) and country_for_word(a.text) and _is_loss_noun(b) for a, b in zip(toks, toks[1:], strict=False)
    )
    after = any(
        _is_loss_noun(tok)
        and (
            _country_genitive(toks[k + 1].text)
            or (toks[k + 1].low in {"der", "des"} and k + 2 < len(toks) and _is_demonym_noun(toks[k + 2].text))
        )
        for k, tok in enumerate(toks[:-1])
    )
    return before or after


def _losses_label(toks: Sequence[_Tok]) -> bool:
    """A noun of losses as the label of what follows ("Verluste: Bei den Protestanten 3400
    Tote …"): a battle's toll by side (W1)."""
    return any(_is_loss_noun(a) and b.text == ":" for a, b in zip(toks, toks[1:], strict=False))


def _is_loss_noun(tok: _Tok) -> bool:
    """A noun of losses (cue kind ``loss_noun``: "Verluste", "Opfer")."""
    return tok.is_cap and _ends_with(tok.text, _cue_words("loss_noun"))


def _country_genitive(word: str) -> bool:
    """A country's name in the genitive ("Russlands", "Frankreichs")."""
    return len(word) > 4 and word.endswith("s") and is_country_name(word[:-1])


def _continues_toll(toks: Sequence[_Tok], num_i: int, num: NumberMention) -> bool:
    """A number word whose noun is left out after troops were just counted, as the subject of
    its own clause's verb of fate ("Vier Blauhelmsoldaten kamen ums Leben. Drei wurden schwer
    verletzt.", "Sechs weitere wurden verletzt", "vier Marines getötet und fünf weitere
    verletzt"): it opens its sentence or says "weitere". A verb of its clause must tell what
    befell them (S6, S3: killed, wounded, captured, missing, mobilized)."""
    if (num.value or 0) < 2 or num_i < 0:
        return False
    further = num_i + 1 < len(toks) and toks[num_i + 1].low in ELIDED_FURTHER
    opens = all(not t.is_word for t in toks[:num_i])
    if not (further or opens):
        return False
    parts = _clauses(toks)
    clause = clause_of(parts, num_i)
    return any(
        i in clause and is_verb(toks[i]) and g in (*CASUALTY, "mobilized")
        for i, g in _sentence_hits(toks, parts)
    )


def _accepts(
    head: _Head,
    context: str,
    num: NumberMention,
    nouns_in_sentence: bool,
    cue_follows: bool,
    prev_troops: bool,
    recent_troops: bool = False,
    of_them: bool = False,
) -> bool:
    """Whether the figure counts troops, given its noun and how military the text around is;
    ``of_them``: a part of a group named by a pronoun ("40 von ihnen")."""
    if head.kind == "military":
        if head.noun is not None and head.noun.low == "mann" and (num.value or 0) < MANN_MIN:
            return context != "none"  # "mit zehn Mann weiterspielen" is football
        return not _non_troop_tail(head)
    if head.kind == "demonym":  # "180.000 Russen gestorben", not "6 Millionen Ukrainer geflohen"
        return context in {"forces", "action"} or prev_troops
    if head.kind == "person":
        # "52 Tote" counts soldiers only where troops are named or the figure before was troops
        noun_groups = {g for _, g in _cue_hits([head.noun])} if head.noun is not None else set()
        casualty_noun = bool(noun_groups)
        fighters = head.noun is not None and _is_irregular(head.noun)  # "17 Terroristen ums Leben gekommen"
        # "jeweils 50 Gefangene der Kriegsparteien": prisoners where war is spoken of are POWs (W1)
        prisoners = bool(noun_groups & {"captured", "captivity"}) and (context != "none" or "krieg" in head.noun.low)
        said = (
            context == "forces"
            or prisoners
            or ((casualty_noun or (fighters and context == "action")) and prev_troops)
            or (casualty_noun and recent_troops)
        )
        return not _non_troop_tail(head) and said
    if head.kind == "elided":
        # "seien 1.000 gefallen", "davon 800 000 in den Streitkräften", "und vier getötet";
        # "Mindestens 40 von ihnen …": a pronoun's troops may lie a few sentences back
        written = num.text[:1].isdigit() or (cue_follows and nouns_in_sentence)
        return written and (nouns_in_sentence or prev_troops or (of_them and recent_troops))
    return False


@cache
def _irregulars() -> tuple[str, ...]:
    return tuple(w.lower() for w in read_lines("irregular_fighters.txt"))


def _is_irregular(tok: _Tok) -> bool:
    """ "Terroristen", "Rebellen", "Hamas-Kämpfer", "IS-Kämpfer": fighters of a non-state
    group, named by the group or by what they are called; no state is their country (C1)."""
    if _ends_with(tok.text, _irregulars()):
        return True
    prefix, _, rest = tok.text.partition("-")
    if not rest or not is_military_noun(rest) or country_for_word(prefix) or prefix.lower() in _multinational():
        return False
    return (prefix.isupper() and len(prefix) >= 2) or prefix.lower() in _armed_groups()


@cache
def _armed_groups() -> frozenset[str]:
    """Names of armed groups in the organisations table (``org_countries.tsv``, kind armed_group)."""
    return frozenset(r["name"].lower() for r in read_tsv("org_countries.tsv") if r.get("kind") == "armed_group")


def _group_tail(head: _Head) -> bool:
    """The noun phrase's genitive names a non-state armed group ("der Terrorgruppe Boko
    Haram", "der Taliban", "der Miliz"): its fighters have no state (C1)."""
    return any(
        t.is_cap and (_is_irregular(t) or t.low in _armed_groups() or _ends_with(t.text, _cue_words("armed_group_noun")))
        for t in head.tail
    )


def _non_troop_tail(head: _Head) -> bool:
    """ "40.000 Einsatzkräfte der Feuerwehr": the genitive names a civil body."""
    return bool(head.tail) and any(_is_non_troop(t.text) for t in head.tail)


@dataclass(slots=True)
class _Carry:
    """What the figures before tell the next one (elided nouns, "Verluste" …)."""

    sent_idx: int = -2
    status: str | None = None
    country: str | None = None
    # the last counted number with a noun: (sentence, start, was it troops?)
    counted: tuple[int, int, bool] | None = None


class _LazyFlag:
    """A truth value computed on first use (the document-wide check costs a pass over the
    text, needed only for a figure whose noun is a demonym or a generic person noun)."""

    def __init__(self, compute: Callable[[], bool]) -> None:
        self._compute = compute
        self._value: bool | None = None

    def __bool__(self) -> bool:
        if self._value is None:
            self._value = self._compute()
        return self._value


def _speaks_of_forces(text: str) -> bool:
    """The document names military personnel, armed forces, war or call-up somewhere."""
    return any(
        t.is_word and (is_military_noun(t.text) or _has_cue(t.text, "forces") or _has_cue(t.text, "military"))
        for t in _tokens(text, 0, len(text))
    )


def extract_troop_figures(
    text: str,
    sentences: Sequence[Sentence],
    numbers: Sequence[NumberMention],
    entities: Sequence[EntityMention] = (),
    resolutions: Sequence[Resolution] = (),
    *,
    tokens: Sequence[Token] = (),
) -> list[TroopFigure]:
    """Every number of military personnel in ``text``, in text order (pure function).

    ``tokens`` are the Doc's tokens (sorted by offset) with lemma, POS and morphology;
    without them the rules fall back to the surface forms.
    """
    out: list[TroopFigure] = []
    verbless: list[bool] = []  # per figure of ``out``: its sentence has no verb (a headline)
    sent_cache: dict[int, tuple[Sentence, list[_Tok], list[int], bool]] = {}
    carry = _Carry()
    military_text = _LazyFlag(lambda: _speaks_of_forces(text))
    for num in numbers:
        if num.kind == "money":  # "von 171 Millionen Euro auf 230 Millionen": the next bare number is money too
            carry.counted = (_sentence_of(sentences, num, text).idx, num.start, False)
        if num.kind not in COUNTED_KINDS or (num.value is None and num.low is None):
            continue
        if num.value is not None and num.value < 2 and not num.vague:
            continue
        sent = _sentence_of(sentences, num, text)
        if sent.start not in sent_cache:
            toks = _tokens(text, sent.start, sent.end, tokens)
            positions = [
                _token_at(toks, n.start)
                for n in numbers
                if n.kind in COUNTED_KINDS and sent.start <= n.start < sent.end
            ]
            # a tagged sentence without a verb: a headline (see _headlines_as_told)
            bare = any(t.tag for t in toks) and not any(is_verb(t) for t in toks)
            sent_cache[sent.start] = (sent, toks, positions, bare)
        sent, toks, positions, bare = sent_cache[sent.start]
        fig, head = _figure(text, sent, toks, positions, num, entities, resolutions, carry, military_text)
        num_i = _token_at(toks, num.start)
        if fig is not None and not _names_military(head) and _declared_mixed(sentences, sent):
            fig = None  # "… 43.600 Palästinenser getötet. Die Angaben unterscheiden nicht zwischen Zivilisten …" (W2)
        if fig is not None and not _names_military(head) and _moves(toks, num_i, ("evacuate",)):
            fig = None  # "5347 Menschen ausgeflogen, darunter 500 Deutsche": evacuees are civilians (W2)
        if fig is not None and not _names_military(head) and fig.status not in CASUALTY and _moves(toks, num_i, ("flee",)):
            fig = None  # "Zehntausende Männer flohen vor der Einberufung ins Ausland": emigrants (W2)
        if fig is not None and head.noun is not None and not _names_military(head) and _military_part_named(toks, positions, num_i):
            fig = None  # "Bei dem Anschlag mit 110 Toten waren auch 13 Soldaten getötet worden" (W2)
        if fig is not None and fig.status in CASUALTY and _toll_with_military_part(toks, head):
            fig = None  # "6,3 Millionen Tote, darunter fast 5,2 Millionen Soldaten": the total is mixed (W2)
        if fig is not None and fig.status not in CASUALTY and _returned_prisoners(sentences, sent, toks, num_i):
            fig = dataclasses.replace(fig, status="captured")
        if fig is not None and out and _shares_hedge(text, out[-1], fig, num):
            low, high = _bounds(out[-1].qualifier, num)  # "rund 8.700 Australier und 2.800 Neuseeländer" (Q4)
            fig = dataclasses.replace(fig, qualifier=out[-1].qualifier, low=low, high=high)
        if fig is not None:
            # "die rund 400 Mann starke Truppe soll … stationiert werden" (S1): the figure is
            # the formation's size; what the clause says carries on to the next figures
            carried = fig.status
            if _measures_strength(toks, head) and not (fig.status == "planned" and _predicative_size(toks, head)):
                fig = dataclasses.replace(fig, status="strength")  # not "Die neue Truppe soll 4.800 Mann stark sein" (S2)
            elif _difference(toks, head):
                fig = dataclasses.replace(fig, status="other")
            out.append(fig)
            verbless.append(bare)
            carry = _Carry(sent.idx, carried, fig.country, carry.counted)
        if head.noun is not None and head.noun.low not in _measure_nouns() and (fig is not None or not _in_phrase(toks, num_i)):
            carry.counted = (sent.idx, num.start, fig is not None)
    return _headlines_as_told(out, verbless)


def _part_of_other(toks: list[_Tok], after: int, num_end: int) -> bool:
    """The number is a part of a counted whole that is no troops: "440 von 581 Abgeordneten",
    "96 der 134 anwesenden Abgeordneten"."""
    if after + 2 >= len(toks) or toks[after].low not in {"von", "der"} or toks[after + 1].tag != "CARD":
        return False
    return _head(toks, after + 2, num_end).kind == "other"


def _in_phrase(toks: Sequence[_Tok], num_i: int) -> bool:
    """The number opens the object of a preposition ("in den drei baltischen Staaten", "mit 12
    Booten"): it belongs to a phrase on another noun, so a number whose noun is left out later
    in the sentence ("…, 10.000 in Polen") does not stand for its noun. A partitive "von"
    after a number ("440 von 581 Abgeordneten") opens no such phrase: the noun is the count's."""
    k = _before_determiners(toks, num_i, 0)
    partitive = k > 0 and toks[k].low == "von" and toks[k - 1].tag == "CARD"
    return k >= 0 and toks[k].tag in {"APPR", "APPRART"} and not partitive


def _headlines_as_told(figures: list[TroopFigure], verbless: list[bool]) -> list[TroopFigure]:
    """A figure in a sentence without a verb ("Rund 900.000 Reservisten und über 280.000
    Soldaten", a headline) that says nothing of its status takes the status the article gives
    the same figure where a clause tells it ("… verfügt im Kriegsfall über 280.000 Soldaten"):
    a headline repeats the report. Its country stays its own (C1)."""
    told: dict[tuple[int | None, int | None], str] = {}
    for fig, bare in zip(figures, verbless, strict=True):
        if not bare and fig.status != "other":
            told.setdefault((fig.low, fig.high), fig.status)
    return [
        dataclasses.replace(fig, status=told[(fig.low, fig.high)])
        if bare and fig.status == "other" and (fig.low, fig.high) in told
        else fig
        for fig, bare in zip(figures, verbless, strict=True)
    ]


def _shares_hedge(text: str, before: TroopFigure, fig: TroopFigure, num: NumberMention) -> bool:
    """Q4: a hedge before coordinated figures covers each ("etwa 640 000 Südkoreaner und
    37 500 US-Soldaten"): the figure before, in the same sentence, is hedged, this one has no
    qualifier of its own, and only "und", "sowie", "oder" or a comma stand between them (no verb
    of its own)."""
    if before.sent_idx != fig.sent_idx or before.qualifier not in SHARED_HEDGES or fig.qualifier != "exact":
        return False
    if num.vague or num.value is None or before.end > fig.start:
        return False
    return text[before.end : fig.start].strip().lower() in COORDINATORS


def _last_token(toks: Sequence[_Tok], end: int, num_i: int) -> int:
    """Index of the last token of a phrase that ends at offset ``end``."""
    return max([num_i] + [k for k, t in enumerate(toks) if t.end <= end])


def _not_a_count(toks: Sequence[_Tok], num_i: int, after: int) -> bool:
    """A number that is part of a name, a ratio or an aside, not a count: "1/4", "(46)",
    "1575/2004", "43-Jähriger"."""
    def glued(a: int, b: int) -> bool:
        return 0 <= a < len(toks) and 0 <= b < len(toks) and toks[a].end == toks[b].start

    nxt = toks[after] if after < len(toks) else None
    prev = toks[num_i - 1] if num_i > 0 else None
    if nxt is not None and nxt.text in {"/", "-"} and glued(after - 1, after) and glued(after, after + 1):
        return True  # "1/4", "43-Jähriger"
    if prev is not None and prev.text == "/" and glued(num_i - 1, num_i):
        return True  # "2004/570"
    return prev is not None and nxt is not None and prev.text == "(" and nxt.text == ")"  # "Selenski (46)"


def _shared_head(toks: list[_Tok], after: int, head: _Head) -> _Head:
    """Coordinated numbers share the noun of the last: "zwischen 7000 und 15 000 russische
    Soldaten", "21 und 23 Jahren"; the start of a change its measure ("von 65 auf 70 Jahre")."""
    if after + 1 < len(toks) and toks[after].low in {"und", "oder", "bis", "auf"} and toks[after + 1].text[:1].isdigit():
        shared = _head(toks, after + 2, toks[after + 1].end)
        measure = shared.noun is not None and shared.noun.low in _measure_nouns()
        if shared.kind != "elided" and (toks[after].low != "auf" or measure):  # "von 65 auf 70 Jahre"
            return _Head(shared.kind, shared.modifiers, shared.noun, head.end, shared.tail)
    return head


def _names_civilians(toks: Sequence[_Tok], head: _Head) -> bool:
    """A generic toll ("Menschen", "Tote") in a sentence that also counts civilians, police
    or staff: a mixed toll that does not separate out the soldiers (W2); not where the
    civilians are denied ("…, nicht um Zivilisten")."""
    return any(
        t.is_word and t is not head.noun and _ends_with(t.text, _civilian_nouns()) and not _negated(toks, k)
        for k, t in enumerate(toks)
    )


def _negated(toks: Sequence[_Tok], k: int) -> bool:
    """A negation within the three words before word ``k`` ("nicht um Zivilisten", "keine Zivilisten")."""
    return any(t.low in NEGATIONS for t in toks[max(0, k - 3) : k])


def _names_military(head: _Head) -> bool:
    """The figure's own noun names military personnel or fighters ("Soldaten", "Kämpfer",
    "Reservisten", "Terroristen")."""
    return head.noun is not None and (is_military_noun(head.noun.text) or _is_irregular(head.noun))


def _military_part_named(toks: Sequence[_Tok], positions: Sequence[int], own: int) -> bool:
    """Another figure of the sentence names soldiers as a part ("auch 13 amerikanische
    Soldaten", "darunter 40 Soldaten"): a figure without a military noun (at token ``own``)
    beside it is the mixed whole (W2)."""
    for p in positions:
        if p == own or p < 1:
            continue
        k = _word_before(toks, p)
        part = k >= 0 and (toks[k].low in _cue_words("partitive") or toks[k].low == "auch")
        head = _head(list(toks), p + 1, toks[p].end)
        if part and _names_military(head):
            return True
    return False


def _toll_with_military_part(toks: Sequence[_Tok], head: _Head) -> bool:
    """A generic toll ("Tote", "Menschen", "Opfer") followed by its military part ("…, darunter
    5,2 Millionen Soldaten"): the total holds others too, a mixed toll (W2)."""
    if head.noun is None or _names_military(head):
        return False
    after = _after_phrase(toks, head, 6)
    if len(after) < 3 or after[0].text != "," or after[1].low not in _cue_words("partitive"):
        return False
    return any(t.is_cap and is_military_noun(t.text) for t in after[2:])


def _declared_mixed(sentences: Sequence[Sentence], sent: Sentence) -> bool:
    """The sentence or the next one says the count does not separate civilians from fighters
    ("Die Angaben unterscheiden nicht zwischen Zivilisten und Kombattanten"): a mixed toll (W2)."""
    following = next((s for s in sentences if s.idx == sent.idx + 1), None)
    for s in (sent, following):
        if s is None:
            continue
        words = WORD.findall(s.text.lower())
        if (
            "nicht" in words
            and any(w.startswith(tuple(_cue_words("distinguish"))) for w in words)
            and any(_ends_with(w, _civilian_nouns()) for w in words)
        ):
            return True
    return False


WORD = re.compile(r"[^\W\d_]+")


def _joined_with_civilians(toks: Sequence[_Tok], head: _Head) -> bool:
    """The figure's noun is coordinated with civilians that share the number: "200 Soldaten
    und Zivilisten", "Soldaten, Polizisten und Zivilisten", "Soldaten und zivilen Mitarbeitern"
    (W2: a mixed total); not civilians counted apart ("42 Soldaten und drei Zivilisten")."""
    after = _after_phrase(toks, head, 8)
    k = 0
    while k + 1 < len(after) and after[k].low in COORDINATORS:
        comma = after[k].low == ","
        k += 1
        while not comma and k < len(after) and not after[k].is_cap and after[k].is_word:
            if after[k].low.startswith("zivil"):
                return True  # "und zivilen Mitarbeitern"
            if after[k].tag == "CARD":
                return False  # "42 Soldaten und drei Zivilisten": the civilians have a number of their own
            k += 1
        if k >= len(after) or not after[k].is_cap:
            return False  # ", viele davon halbe Kinder": an apposition, no list
        if _ends_with(after[k].text, _civilian_nouns()):
            return True
        k += 1
    return False


@cache
def _civilian_nouns() -> tuple[str, ...]:
    return tuple(w.lower() for w in read_lines("civilian_nouns.txt"))


def _token_at(toks: list[_Tok], pos: int) -> int:
    return next((k for k, t in enumerate(toks) if t.end > pos), len(toks))


def _figure(
    text: str,
    sent: Sentence,
    toks: list[_Tok],
    positions: list[int],
    num: NumberMention,
    entities: Sequence[EntityMention],
    resolutions: Sequence[Resolution],
    carry: _Carry,
    military_text: _LazyFlag | bool = True,
) -> tuple[TroopFigure | None, _Head]:
    """The troop figure ``num`` stands for (None when it counts something else), and its head.

    ``military_text``: the document speaks of armed forces, war or call-up somewhere; without
    that, demonyms and generic people ("fünf Rumänen", "30 Tote") are never troops."""
    after = next((k for k, t in enumerate(toks) if t.start >= num.end), len(toks))
    if num.vague and after < len(toks) and toks[after].low == "von":
        after += 1  # "Tausende von Soldaten"
    num_i = _token_at(toks, num.start)
    head = _head(toks, after, num.end)
    if _not_a_count(toks, num_i, after):
        return None, head
    if head.kind == "elided":
        head = _shared_head(toks, after, head)  # "zwischen 7000 und 15 000 Soldaten"
    if head.kind == "elided" and num_i > 0 and _blocks(toks[num_i - 1], num_i) and not _after_place(toks, num_i):
        return None, head
    if head.kind == "elided" and _after_duration(toks, num_i):
        return None, head  # "Statt innerhalb von sieben könnten die Soldaten nun in zwei Tagen …": days
    if head.kind == "elided" and _part_of_other(toks, after, num.end):
        return None, head  # "440 von 581 Abgeordneten": a part counts what its whole counts
    if head.kind in {"demonym", "person"} and not military_text:
        return None, head  # "fünf Rumänen" among an earthquake's dead: no troops in the text
    if head.kind == "person" and any(m.low.startswith("zivil") for m in head.modifiers):
        return None, head  # "rund 870 zivilen Toten": civilians (W2)
    if head.kind in {"person", "demonym"} and head.noun is not None and _names_civilians(toks, head):
        return None, head  # "523 Menschen getötet, darunter 342 Kämpfer und 104 Zivilisten" (W2)
    if head.noun is not None and _joined_with_civilians(toks, head):
        return None, head  # "über 200 ukrainischen Soldaten und Zivilisten": one mixed total (W2)
    if head.kind == "elided" and carry.counted and carry.counted[0] == sent.idx:
        # "7000 Ortskräfte …, in ganz Deutschland rund 12 000"; but "… Soldaten aus 22 Staaten,
        # davon 575 000 aus den USA": "davon" takes the part of the sentence's troop figure (W1)
        partitive = carry.sent_idx == sent.idx and num_i > 0 and toks[_word_before(toks, num_i)].low in _cue_words("partitive")
        if not carry.counted[2] and not partitive:
            return None, head
    prev_troops = carry.sent_idx >= sent.idx - 1
    nouns_in_sentence = any(t.is_word and is_military_noun(t.text) for t in toks)
    cue_follows = after < len(toks) and bool(_cue_hits([toks[after]]))
    # "Vier Soldaten starben. Drei wurden verletzt.": the noun left out is the troops' (W1)
    continues = head.kind == "elided" and prev_troops and _continues_toll(toks, num_i, num)
    recent = carry.sent_idx >= 0 and carry.sent_idx >= sent.idx - TOLL_REACH
    of_them = after + 1 < len(toks) and toks[after].low == "von" and toks[after + 1].low in OF_THEM
    context = _context(toks, head)
    if not continues and not _accepts(head, context, num, nouns_in_sentence, cue_follows, prev_troops, recent, of_them):
        return None, head
    qualifier, q_start = _qualifier(text, sent, num, head)
    low, high = _bounds(qualifier, num)
    rivals = [p for p in positions if p != num_i]
    status = _status(toks, num_i, head, positions)
    clause = clause_of(_clauses(toks), num_i)  # the figure's clause, for the checks on the status below
    if _as_it_stands(toks, num_i):
        status = "stationed"  # "auf maximal 1.100 statt wie bisher 1.000 Soldaten": the force now (S5)
    if _whole_of_part(toks, num_i) and not _cue_hits(list(head.modifiers)):
        status = "strength"  # "70 Prozent seiner 1,1 Millionen Soldaten … stationiert" (S1)
    if status == "strength" and carry.sent_idx == sent.idx and carry.status and _member_part(toks, num_i, clause):
        status = carry.status  # "… 1.600 Soldaten stationiert - davon gehören mehr als 1.000 der Bundeswehr an"
    if carry.sent_idx == sent.idx and carry.status and _verbless_part(toks, num_i, head):
        status = carry.status  # "… auf 2,4 Millionen erhöhen, davon 1,5 Millionen aktive Soldaten": as the whole
        if status == "strength" and _located(toks, head):
            status = "stationed"  # "1.850 Mann stark, davon 1.078 in Bunia": the part is present there (S5)
        if status == "killed_or_wounded" and head.noun is not None and _is_casualty_noun(head.noun):
            # "4.700 Opfer …, davon 600 Tote", "mehr als 20.000 [Verluste], davon 17.000 Gefangene": the
            # noun says which losses (S6); "264 Soldaten ergeben, darunter 50 Schwerverletzte" stay captured
            status = _noun_toll(head.noun)
    if (toll := _identified_toll(toks, num_i, clause)) is not None:
        status = toll  # "Bei den 53 Toten handelt es sich um 17 Soldaten und 36 Freiwillige" (S6)
    if status in {"deployed", "stationed"} and planned_by_time(toks, clause):
        status = "planned"  # "Bis zum Dienstag sollen 3000 weitere Mann im Einsatz sein": a plan, not hearsay (U1, S2)
    if status == "strength" and _force_to_form(toks, clause):
        status = "planned"  # "Die Truppe soll aus bis zu 600 … Soldaten bestehen": a force that does not exist yet (S2)
    if status == "strength" and _operation_makeup(toks, clause):
        status = "deployed"  # "Der UN-Einsatz besteht aus 13.000 Blauhelmsoldaten" (S4), not a formation (S1)
    if qualifier == "up_to" and _permits(toks, clause) and (status == "planned" or (status == "deployed" and _passive_infinitive(toks, clause))):
        status = "stationed"  # "Bis zu 1.400 Soldaten können/konnten … eingesetzt werden": a mandate's ceiling (S5)
    if status in {None, "strength", "deployed"} and qualifier == "up_to" and _mandate_ceiling(text, sent, num, toks):
        parts = _clauses(toks)
        k = parts.index(clause) if clause in parts else -1
        # the clause, or the matrix clause of its relative clause ("werde ein Mandat beschließen, das … festlegt")
        ahead = k >= 0 and (
            _clause_to_come(toks, parts, k) or (k > 0 and toks[clause.lo].tag == "PRELS" and _clause_to_come(toks, parts, k - 1))
        )
        status = "planned" if ahead else "stationed"  # "hat eine Obergrenze von 1.400 Soldaten festgelegt" (S5)
    if status == "planned" and head.noun is not None and _names_recruits(head.noun.text):
        status = "mobilized"  # "Polen will jährlich 100.000 Freiwillige ausbilden": a plan for recruits is a call-up (S3)
    if status in {"planned", "stationed"} and head.kind == "elided" and _number_of_recruits(toks, clause):
        status = "mobilized"  # "die Zahl der Wehrpflichtigen von derzeit rund 9.000 auf 13.500 erhöhen" (S3)
    if status is None and any(m.low.startswith(ACTIVE_DUTY) for m in head.modifiers):
        status = "strength"  # "Der Iran besitzt etwa 610.000 aktive Soldaten": the active force's size (S1)
    if status is None and _makeup_whole(toks, num_i, clause):
        status = "strength"  # "Von den derzeit rund 19 300 Soldatinnen sind 15 750 auf Zeit": a force's make-up (S1)
    if status is None:
        status = carry.status if prev_troops and carry.status else "other"
    elif status == GENERAL_CASUALTY:
        status = carry.status if prev_troops and carry.status in CASUALTY else "killed_or_wounded"
    elif status == "withdrawn":
        status = "other"  # a completed withdrawal (S7)
    elif status == "changed":
        status = "other"  # a completed change the figure is no size of (S7)
    elif status == "standby":
        status = "other"  # troops on stand-by (S7)
    # fighters of a non-state group, a multinational force: only its own phrase says (C1, C5)
    irregular = head.noun is not None and (_is_irregular(head.noun) or _is_multinational(head.noun))
    # "50 Kämpfer der Terrorgruppe Boko Haram", "Kämpfer der afghanischen Taliban": a group's fighters (C1)
    group_tail = _group_tail(head)
    irregular = irregular or group_tail
    # "246 russische und ukrainische Soldaten": troops of several states are no one state's (C5)
    irregular = irregular or len(set(_nationalities(head.modifiers))) > 1
    moving = _moves(toks, num_i)
    origin = _elided_origin(toks, num_i, head)
    phrase_head = _Head(head.kind, head.modifiers, head.noun, head.end) if group_tail else head  # the tail is the group's
    country = (
        _phrase_country(text, num, phrase_head, toks, entities, resolutions, moving)
        or _formation_country(toks, num_i)
        or (origin or None)
        or _antecedent_country(toks, clause)
    ) or (
        None
        if origin is not None or irregular
        else _sender_country(toks, min(q_start, num.start))
        or (carry.country if carry.sent_idx == sent.idx and _continues(toks, num_i, head, positions) else None)
        or _sentence_country(
            toks, entities, resolutions, sent, num_i, _last_token(toks, head.end, num_i), rivals, status == "mobilized", moving
        )
    )
    start, end = min(q_start, num.start), max(head.end, num.end)
    return TroopFigure(
        sent_idx=sent.idx,
        start=start,
        end=end,
        text=text[start:end],
        low=low,
        high=high,
        qualifier=qualifier,
        country=country,
        status=status,
        attribution=_attribution(text, sent, toks, entities),
        sentence=sent.text,
    ), head


@cache
def _qualifier_words() -> frozenset[str]:
    """Single words of qualifier and filler cues, plus "nicht" ("Nicht 300.000, …")."""
    words = {w.lower() for kind in ("qualifier", "filler") for cue, _ in _cues(kind) for w in cue.split()}
    return frozenset(words | {"nicht"})


def _blocks(prev: _Tok, num_i: int) -> bool:
    """A number after a capitalised noun is a label ("Artikel 5", "Resolution 2334",
    "Panzergrenadierbrigade 37", "Artilleriebataillon 3"); after a word for troops it may
    be their count ("Soldaten: 500")."""
    return (
        prev.is_word
        and prev.is_cap
        and (not _is_military_word(prev.text) or _is_unit_noun(prev.text))
        and prev.low not in _qualifier_words()
        and num_i > 1
    )


def _after_duration(toks: Sequence[_Tok], num_i: int) -> bool:
    """The number follows a preposition of a time span ("innerhalb von", "binnen", "seit")."""
    k = num_i - 1
    if k >= 0 and toks[k].low in {"von", "vom"}:
        k -= 1
    return k >= 0 and toks[k].low in _cue_words("duration")


def _antecedent_country(toks: Sequence[_Tok], clause: Clause) -> str | None:
    """The state a relative clause's subject pronoun stands for: "Russland, das 2.000
    Friedenssoldaten … geschickt hat" → RU (C1, the state that sends)."""
    lo = clause.lo
    if lo < 2 or toks[lo].tag != "PRELS" or toks[lo - 1].text != "," or "Case=Nom" not in toks[lo].morph:
        return None
    before = toks[lo - 2]
    return country_for_word(before.text) if is_country_name(before.text) else None


def _elided_origin(toks: Sequence[_Tok], num_i: int, head: _Head) -> str | None:
    """For a figure without a noun, the origin after it: "900 aus den USA" → US; "" when
    "aus" names no one country ("3.300 aus Ländern wie …"); None when there is no "aus"."""
    if head.kind != "elided" or num_i + 1 >= len(toks) or toks[num_i + 1].low != "aus":
        return None
    k = num_i + 2
    while k < len(toks) and toks[k].low in ARTICLES:
        k += 1
    code = country_for_word(toks[k].text) if k < len(toks) and toks[k].is_cap else None
    return code or ""


def _after_place(toks: Sequence[_Tok], num_i: int) -> bool:
    """The number follows a place in a locative phrase or one of origin, a list's member: "…,
    in Bulgarien 900 aus den USA und in Rumänien 3.300 …", "aus den USA 3.288, aus Japan 327"
    (C4), not a label like "nach Artikel 5": after "nach" or "aus" the word is a name, no
    common noun."""
    if num_i < 2 or not toks[num_i - 1].is_cap:
        return False
    k = _before_determiners(toks, num_i - 1, 0)
    if k < 0 or toks[k].low not in {"in", "im", "nach", "aus"}:
        return False
    return toks[k].low in {"in", "im"} or not is_common_noun(toks[num_i - 1].text)


def _is_unit_noun(word: str) -> bool:
    """A formation's type (Brigade, Bataillon, Division …): a number after it names the unit."""
    return _ends_with(word.rstrip("s"), _cue_words("unit"))
