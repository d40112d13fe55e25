"""Clause structure of one sentence's tokens: clause boundaries, predicates by lemma, tense and modality.

Shared by the linguistic layer (``token._.clause``, :func:`pipeline.linguistic.clauses`) and
the troop-figure rules (``pipeline/normalise/troops.py``), which read the same clauses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from pipeline.resources import read_lines, read_tsv

# Punctuation that always ends a clause; a comma only before a new clause (see _comma_opens).
HARD_BOUNDARIES = frozenset({";", ":", "–", "—", "-"})  # a parenthesis is an insertion, not a boundary
MIN_COMPOUND_PART = 4
NOUN_ENDINGS = ("", "n", "en", "s", "es")  # inflected forms of a predicate noun  # a noun lemma matches a predicate noun it ends with, this long at least


class Word(Protocol):
    """What the clause rules read of a token (troops' ``_Tok`` and records.Token both fit)."""

    @property
    def text(self) -> str: ...
    @property
    def lemma(self) -> str: ...
    @property
    def tag(self) -> str: ...
    @property
    def morph(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Clause:
    """Tokens ``lo``..``hi`` (exclusive) of a sentence, one clause."""

    lo: int
    hi: int

    def __contains__(self, i: object) -> bool:
        return isinstance(i, int) and self.lo <= i < self.hi


# --------------------------------------------------------------------------- tables


@cache
def _words(kind: str) -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines(f"clause_{kind}.txt"))


@cache
def predicates() -> dict[str, str]:
    """Predicate lemma → class (``troop_predicates.tsv``)."""
    return {r["lemma"].lower(): r["class"] for r in read_tsv("troop_predicates.tsv")}


@cache
def _noun_predicates() -> tuple[tuple[str, str], ...]:
    """Single-word predicates long enough to end a compound noun, longest first."""
    rows = [(k, v) for k, v in predicates().items() if " " not in k and len(k) >= MIN_COMPOUND_PART]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def participles() -> dict[str, str]:
    """Past participle → verb for the regular verbs of ``troop_predicates.tsv``, so an
    attributive "getöteten", "stationierte", "eingesetzte" finds its verb whatever lemma the
    tagger gave it ("töten" → getötet, "stationieren" → stationiert, "einsetzen" → eingesetzt)."""
    out: dict[str, str] = {}
    for lemma in predicates():
        if " " in lemma or not lemma.endswith("en") or lemma[:1].isupper():
            continue
        stem = lemma[:-2] if not lemma.endswith("eln") else lemma[:-1]
        if lemma.endswith("ieren"):
            out[stem + "t"] = lemma
            continue
        prefix = next((p for p in _prefixes() if lemma.startswith(p) and len(lemma) > len(p) + 3), "")
        rest = stem[len(prefix) :]
        inseparable = rest.startswith(("be", "ge", "er", "ver", "zer", "ent", "emp", "miss"))
        out[prefix + ("" if inseparable else "ge") + rest + ("et" if rest.endswith(("t", "d")) else "t")] = lemma
    return out


def known_lemma(lemma: str, form: str) -> str:
    """The tagger's lemma when the predicate table knows it; else the verb of a participle
    ("getöteten"), else the dictionary lemma of the form (simplemma), else the tagger's."""
    table = predicates()
    if lemma in table:
        return lemma
    for candidate in (_strip_ending(lemma), _strip_ending(form.lower())):
        if candidate in participles():
            return participles()[candidate]
    dictionary = _dictionary_lemma(form).lower()
    if dictionary in table or f"sich {dictionary}" in table:  # "eingeschrieben" → (sich) einschreiben
        return dictionary
    return _separable_lemma(form.lower(), table) or lemma


def _separable_lemma(low: str, table: Mapping[str, str]) -> str:
    """A separable verb's form read as prefix + the base verb's form: "eingeflogen" → ein +
    fliegen, "abgezogenen" → ab + ziehen (a strong participle, which the regular-participle
    table cannot build); "" when the result is no known predicate."""
    for prefix in _prefixes():
        if low.startswith(prefix) and len(low) > len(prefix) + 3:
            rest = low[len(prefix) :]
            for form in (rest, _strip_ending(rest)):
                candidate = prefix + _dictionary_lemma(form)
                if candidate in table:
                    return candidate
    return ""


@cache
def _prefixes() -> tuple[str, ...]:
    """Separable verb prefixes, longest first ("zurück" before "zu")."""
    return tuple(sorted(_words("separable_prefixes"), key=len, reverse=True))


def _dictionary_lemma(form: str) -> str:
    """The dictionary's lemma of a form of a known predicate (``predicate_forms.tsv.gz``,
    built from simplemma by ``scripts/build_predicate_forms.py``), else the form."""
    low = form.lower()
    return _predicate_forms().get(low, low)


@cache
def _predicate_forms() -> dict[str, str]:
    return {r["form"]: r["lemma"] for r in read_tsv("predicate_forms.tsv.gz")}


@cache
def predicate_lemmas() -> frozenset[str]:
    """Every lemma the rules look for: predicates (and the base verbs of separable ones),
    verbs of saying, aspect verbs; what ``predicate_forms.tsv.gz`` holds the forms of."""
    lemmas = {k.removeprefix("sich ") for k in predicates()}
    lemmas |= {r["cue"] for r in read_tsv("troop_cues.tsv") if r["kind"] == "speech_lemma"}
    lemmas |= _words("aspect_verbs")
    bases = {lm[len(p) :] for lm in lemmas for p in _prefixes() if lm.startswith(p) and len(lm) > len(p) + 3}
    return frozenset(lemmas | bases)


def _strip_ending(word: str) -> str:
    """ "getöteten" → "getötet": an attributive adjective's inflection removed."""
    for ending in ("en", "er", "es", "em", "e"):
        if word.endswith(ending) and len(word) > len(ending) + 4:
            return word[: -len(ending)]
    return word


# --------------------------------------------------------------------------- word classes


def is_finite(w: Word) -> bool:
    """A finite verb: STTS ``V?FIN``, or ``VerbForm=Fin`` where there is no tag (the tag wins
    where the two disagree)."""
    return w.tag.endswith("FIN") if w.tag else "VerbForm=Fin" in w.morph


def is_verb(w: Word) -> bool:
    return w.tag[:1] == "V" or "VerbForm=" in w.morph


def is_noun(w: Word) -> bool:
    return w.tag.startswith(("NN", "NE")) or (not w.tag and w.text[:1].isupper())


def _lemma(w: Word) -> str:
    return (w.lemma or w.text).lower()


# --------------------------------------------------------------------------- clauses


def clauses(words: Sequence[Word]) -> list[Clause]:
    """Split a sentence into clauses.

    A clause ends at a semicolon, colon, dash or parenthesis, and at a comma or "und"/"oder"
    that opens a new clause: one followed by a subordinating conjunction ("dass", "weil",
    "während"), a relative pronoun ("die", "in dem"), a finite verb (", teilte … mit") or
    a zu-infinitive group. A comma inside a list ("tot, verwundet oder vermisst") does not.
    """
    cuts = [0]
    # inside a relative or subordinate clause ("Während …, probte …"): its next comma ends it
    subordinate = _is_subordinator(words, 0)
    infinitive = False  # inside a zu-infinitive group: its list commas do not end it
    inserted = _inserted_dashes(words)
    for i, w in enumerate(words):
        if w.text in HARD_BOUNDARIES and 0 < i < len(words) - 1 and _stands_apart(words, i) and i not in inserted:
            cuts.append(i + 1)
            subordinate = False
        elif w.text == ",":
            if infinitive and not is_finite(words[i + 1] if i + 1 < len(words) else w):
                continue  # a list inside the zu-infinitive group
            opens = (_comma_opens(words, i + 1) and not _fronted(words, cuts[-1], i)) or _second_main_clause(
                words, cuts[-1], i
            )
            if opens or subordinate:
                cuts.append(i + 1)
            subordinate = opens and _is_subordinator(words, i + 1)
            infinitive = opens and _infinitive_group(words, i + 1)
        elif w.text.lower() in _words("coordinators") and i > 0 and _conjunct_clause(words, i + 1):
            cuts.append(i)
    cuts.append(len(words))
    spans = sorted(set(cuts))
    return [Clause(a, b) for a, b in zip(spans, spans[1:], strict=False) if a < b]


DASHES = frozenset({"–", "—", "-"})
INSERTION_MAX = 8  # words between the two dashes of an insertion


def _inserted_dashes(words: Sequence[Word]) -> frozenset[int]:
    """The two dashes around a short insertion with no finite verb ("… mit 12 Booten - eine
    Art Fähre - unterwegs"): the clause goes on across it, so neither ends a clause."""
    dashes = [i for i, w in enumerate(words) if w.text in DASHES and 0 < i < len(words) - 1 and _stands_apart(words, i)]
    out: set[int] = set()
    for a, b in zip(dashes, dashes[1:], strict=False):
        if a in out:
            continue
        between = words[a + 1 : b]
        if 0 < len(between) <= INSERTION_MAX and not any(is_finite(w) for w in between):
            out |= {a, b}
    return frozenset(out)


def _fronted(words: Sequence[Word], start: int, comma: int) -> bool:
    """The stretch before the comma has no finite verb and opens no subordinate clause, and a
    finite verb follows: it is the first constituent of that verb's clause, set off by an
    apposition ("Mehr als 750.000 Soldaten, davon 575.000 aus den USA, standen …")."""
    if comma + 1 >= len(words) or not is_finite(words[comma + 1]) or _is_subordinator(words, start):
        return False
    return not any(is_finite(w) for w in words[start:comma])


def _stands_apart(words: Sequence[Word], i: int) -> bool:
    """A hyphen ends a clause only as a dash between spaces ("Aufklärungs- und" does not); a
    dash glued to the words on both sides joins them ("sowjetisch–amerikanischen")."""
    before, after = words[i - 1].end < words[i].start, words[i].end < words[i + 1].start
    if words[i].text != "-":
        return before or after
    return before and after


def _second_main_clause(words: Sequence[Word], start: int, comma: int) -> bool:
    """A comma between two stretches that each hold a finite verb joins two main clauses
    ("Die Armee hat die Basis verloren, 477 Soldaten hätten sich ergeben"). The stretch after
    the comma ends at the next comma or at a conjunct clause of its own ("…, acht aus
    Niederösterreich und 88 Burgenländer … eingerückt und werden … ableisten": a list item,
    the finite verb is the conjunct's)."""
    end = next(
        (
            k
            for k in range(comma + 1, len(words))
            if words[k].text in {",", ";", ":"}
            or (words[k].text.lower() in _words("coordinators") and _conjunct_clause(words, k + 1))
        ),
        len(words),
    )
    return any(is_finite(w) for w in words[start:comma]) and any(is_finite(w) for w in words[comma + 1 : end])


def _is_subordinator(words: Sequence[Word], j: int) -> bool:
    """Word ``j`` opens a verb-final clause (conjunction, relative pronoun, "in dem")."""
    if j >= len(words):
        return False
    w = words[j]
    if w.tag in {"PRELS", "PRELAT"}:
        return _verb_before_comma(words, j)  # not ", der Steiermark, Kärnten …": a list's article
    if w.text.lower() in _words("subordinators") or w.tag in {"KOUS", "KOUI", "PWAV"}:
        return True
    if w.tag == "APPR" and j + 1 < len(words):
        return words[j + 1].tag in {"PRELS", "PRELAT", "PWAV"}  # "in dem …"
    # untagged: "die" + a lower-case word reads as a relative pronoun, "Die Soldaten" as an article
    following = words[j + 1].text[:1] if j + 1 < len(words) else ""
    return not w.tag and w.text.lower() in _words("relatives") and bool(following) and not following.isupper()


def _verb_before_comma(words: Sequence[Word], j: int) -> bool:
    """A verb comes before the next comma or the end: a relative clause is verb-final, so a
    "relative pronoun" with none ("…, der Steiermark, Kärnten und …") is a list's article."""
    for k in range(j + 1, len(words)):
        if words[k].text in {",", ";", ":"}:
            return False
        if words[k].tag[:1] == "V":
            return True
    return False


def relative_after(words: Sequence[Word], parts: Sequence[Clause], end: int) -> Clause | None:
    """The relative clause that follows a noun phrase ending before token ``end``
    ("300.000 Reservisten, die eingezogen werden sollen"), if any."""
    while end < len(words) and is_verb(words[end]) and not is_finite(words[end]):
        end += 1  # "… Soldaten identifiziert, die …"
    if end < len(words) and words[end].text == ",":
        end += 1
    for c in parts:
        if c.lo == end and _is_relative(words, end):
            return c
    return None


def _is_relative(words: Sequence[Word], j: int) -> bool:
    """Word ``j`` opens a relative clause: a relative pronoun ("die", "deren"), or a preposition
    before one ("in dem"); not a conjunction ("dass", "um … zu")."""
    w = words[j]
    if w.tag:
        nxt = words[j + 1].tag if j + 1 < len(words) else ""
        return w.tag in RELATIVE_TAGS or (w.tag == "APPR" and nxt in RELATIVE_TAGS)
    return _is_subordinator(words, j) and w.text.lower() not in _words("subordinators")


RELATIVE_TAGS = frozenset({"PRELS", "PRELAT"})


def _comma_opens(words: Sequence[Word], j: int) -> bool:
    if j >= len(words):
        return False
    w = words[j]
    if _is_subordinator(words, j):
        return True
    if is_finite(w):
        return True  # ", teilte die Regierung mit", ", hieß es"
    return _conjunct_clause(words, j) or _infinitive_group(words, j)


def _infinitive_group(words: Sequence[Word], j: int) -> bool:
    """", 2.000 Soldaten, Schiffe und Flugzeuge an die Grenze zu verlegen": the stretch up to
    the next finite verb or the end ends in a zu-infinitive."""
    end = next((k for k in range(j, len(words)) if words[k].text in {";", ":"} or is_finite(words[k])), len(words))
    verbs = [k for k in range(j, end) if is_verb(words[k]) or words[k].tag == "PTKZU"]
    if not verbs:
        return False
    last = verbs[-1]
    return is_zu_infinitive(words, last)


def _conjunct_clause(words: Sequence[Word], j: int) -> bool:
    """After a comma or "und": a new clause starts when a finite verb comes first or second
    ("und verlegen die Soldaten", "und es folgten …")."""
    for k in range(j, min(j + 2, len(words))):
        if is_finite(words[k]):
            # "oder verwundeten russischen Soldaten": an inflected participle before adjectives, not a verb
            return not (k + 1 < len(words) and words[k + 1].tag == "ADJA")
        if words[k].text in {",", "."} or words[k].tag in {"ART", "ADJA", "CARD", "NN", "NE"}:
            return False
    return False


def shared_subject(words: Sequence[Word], parts: Sequence[Clause], clause: Clause) -> Clause | None:
    """The next clause when it goes on with the same subject: "und"/"oder" + a finite verb
    ("… verloren ihr Leben oder wurden verletzt")."""
    for c in parts:
        if c.lo == clause.hi and c.hi - c.lo > 1 and words[c.lo].text.lower() in _words("coordinators"):
            for k in range(c.lo + 1, min(c.lo + 4, c.hi)):
                if is_finite(words[k]):
                    return c  # "oder wurden verletzt", "oder verwundet wurden"
                if words[k].tag in {"ART", "PPER", "NN", "NE", "PDS", "PIS"}:
                    return None  # a subject of its own ("und es folgten …")
    return None


def clause_of(clause_list: Sequence[Clause], i: int) -> Clause:
    for c in clause_list:
        if i in c:
            return c
    return Clause(0, 0)


# --------------------------------------------------------------------------- predicates


def predicate_lemma(words: Sequence[Word], i: int, clause: Clause) -> str:
    """The lemma of word ``i``, joined with its separated particle when it is a finite
    separable verb ("ziehen … ein" → "einziehen", "nehmen … teil" → "teilnehmen"); the
    dictionary's lemma of the form stands in where the tagger's is no known predicate."""
    w = words[i]
    lemma = _lemma(w)
    particle = _particle(words, i, clause)
    if not particle:
        return lemma
    for verb in (lemma, _dictionary_lemma(w.text).lower()):
        if particle + verb in predicates() or f"sich {particle}{verb}" in predicates():
            return particle + verb
    return particle + lemma


def _particle(words: Sequence[Word], i: int, clause: Clause) -> str:
    """The separated particle of a finite verb ("hielten sich … auf" → "auf"), or ""."""
    if not is_finite(words[i]):
        return ""
    for k in range(i + 1, clause.hi):
        if words[k].tag == "PTKVZ" or _clause_final_prefix(words, k, clause):
            return _lemma(words[k]) if words[k].tag == "PTKVZ" else words[k].text.lower()
    return ""


def _clause_final_prefix(words: Sequence[Word], k: int, clause: Clause) -> bool:
    """A separable prefix that ends its clause, whatever the tagger called it: an article or a
    preposition never closes a clause, so "rücken pro Jahr ein –" has the particle "ein"."""
    w = words[k]
    last = k + 1 >= clause.hi or words[k + 1].tag.startswith("$") or not words[k + 1].text[:1].isalnum()
    return last and w.tag in {"ART", "APPR", "ADV"} and w.text.lower() in _words("separable_prefixes")


# adverbs that with "zu" form a preposition and then say nothing of a plan
ADDITIVE_PREPOSITIONS = frozenset({"zusätzlich", "ergänzend"})


def predicate_class(words: Sequence[Word], i: int, clause: Clause) -> str | None:
    """The predicate class of word ``i`` (``troop_predicates.tsv``), or None."""
    w = words[i]
    if w.text[:1].isdigit() or not w.text[:1].isalpha():
        return None
    table = predicates()
    joined = predicate_lemma(words, i, clause)
    if _particle(words, i, clause) and joined not in table and f"sich {joined}" not in table:
        return None  # "fiel … zurück", "fielen … ein": a separable verb is not its base ("fallen")
    lemma = known_lemma(joined, w.text)
    if lemma in ADDITIVE_PREPOSITIONS and i + 1 < len(words) and words[i + 1].text.lower() in {"zu", "zum", "zur"}:
        return None  # "zusätzlich zu den 4.700 Wehrpflichtigen": a preposition ("in addition to"), no plan
    reflexive = any(words[k].text.lower() == "sich" for k in range(clause.lo, clause.hi))
    if reflexive and f"sich {lemma}" in table:
        return table[f"sich {lemma}"]
    if lemma in table:
        return table[lemma]
    if is_noun(w) and not is_verb(w):
        form = w.text.lower()
        for stem, cls in _noun_predicates():
            if lemma.endswith(stem) or any(form.endswith(stem + e) for e in NOUN_ENDINGS):
                return cls  # "Kriegstote", "Kriegstoten" (whatever lemma the tagger gave)
    return None


def is_zu_infinitive(words: Sequence[Word], k: int) -> bool:
    """A zu-infinitive: "zu verlegen" (PTKZU + infinitive), or one word with "zu" after a
    separable prefix ("auszubilden", "abzuziehen"), whichever tag the tagger gave it."""
    w = words[k]
    if w.tag == "VVIZU":
        return True
    if k > 0 and words[k - 1].tag == "PTKZU" and w.tag.endswith("INF"):
        return True
    low = w.text.lower()
    return w.tag[:1] == "V" and any(
        low.startswith(p + "zu") and len(low) > len(p) + 5 and low.endswith("en") for p in _words("separable_prefixes")
    )


# --------------------------------------------------------------------------- tense and modality


def to_come(words: Sequence[Word], clause: Clause, aspect: bool = False) -> bool:
    """The clause speaks of something still to come (U1, S2).

    A modal of intention or obligation ("soll", "will", "muss"), a future "werden" with an
    infinitive, a conditional ("würde", "könnte" without "bereits"/"derzeit"), a plan word
    ("plant", "Ziel"; an adverb such as "zusätzlich" only outside a past clause), or a
    zu-infinitive ("… zu entsenden"). A reported past ("sollen …
    getötet worden sein") is not, nor a zu-infinitive under an ``aspect`` verb ("haben
    damit begonnen, … zu stationieren").
    """
    seq = words[clause.lo : clause.hi]
    lemmas = [predicate_lemma(words, clause.lo + k, clause) for k in range(len(seq))]
    if reported_past(seq):
        return False
    epistemic = any(lm in _words("epistemic_adverbs") for lm in lemmas)
    for k, w in enumerate(seq):
        lm = lemmas[k]
        if predicates().get(lm) == "plan" and idle_plan_adverb(words, clause.lo + k, clause, lemmas):
            continue  # "stationierten … zusätzlich", "hat … und zusätzlich 513.000 Reservisten": no plan
        if lm in _words("intention_modals") and _met_obligation(w, lm):
            continue  # "musste das Ministerium 3.500 Soldaten abstellen": what had to be done, was
        if lm in _words("intention_modals") or predicates().get(lm) == "plan":
            return True
        conditional = w.text.lower() in _words("conditionals") or (
            lm in _words("possibility_modals") and "Mood=Sub" in w.morph
        )
        if conditional and not epistemic:
            return True
        if lm == "werden" and _present_werden(w) and _has_infinitive(seq):
            return True  # "werden … entsenden"; not "wurden … eingeflogen" (a participle tagged VVINF)
        if is_zu_infinitive(words, clause.lo + k):
            return not aspect
    return False


def planned_by_time(words: Sequence[Word], clause: Clause) -> bool:
    """A modal of intention with a time still to come (``clause_future_times.txt``: "bald",
    "künftig"; ``clause_time_ends.txt`` or a month after "bis": "bis [zum] Dienstag"): the
    clause tells a plan (U1, S2: "Bis zum Dienstag sollen
    3000 weitere Mann im Einsatz sein"), not hearsay about the present ("Im Grenzgebiet sollen
    sich 6.700 Soldaten aufhalten")."""
    seq = words[clause.lo : clause.hi]
    if not any(predicate_lemma(words, clause.lo + k, clause) in _words("intention_modals") for k in range(len(seq))):
        return False
    return any(
        w.text.lower() in _words("future_times") or (w.text.lower() in _time_ends() and _after_bis(seq, k))
        for k, w in enumerate(seq)
    )


@cache
def _time_ends() -> frozenset[str]:
    """Days (``clause_time_ends.txt``) and months (``date_words.txt``) that end a time after "bis"."""
    return _words("time_ends") | {m.lower() for m in read_lines("date_words.txt")}


def _after_bis(seq: Sequence[Word], k: int) -> bool:
    """Word ``k`` follows "bis" (also "bis zum", "bis Ende"): the end of a time to come."""
    before = [w.text.lower() for w in seq[max(0, k - 3) : k]]
    return "bis" in before


def _met_obligation(w: Word, lemma: str) -> bool:
    """ "musste" (indicative past of "müssen"): an obligation told as met, no plan; "müsste",
    "wollte", "sollte" stay plans or wishes."""
    return lemma == "müssen" and "Tense=Past" in w.morph and "Mood=Sub" not in w.morph


def idle_plan_adverb(words: Sequence[Word], i: int, clause: Clause, lemmas: Sequence[str] | None = None) -> bool:
    """Word ``i`` is an adverb of the plan class ("zusätzlich") beside a done or stative
    predicate, where it only adds ("stationierten … zusätzlich 2.000", "Pakistan hat 612.000
    Soldaten und zusätzlich 513.000 Reservisten"): it plans nothing."""
    if words[i].tag not in {"ADJD", "ADJA", "ADV"}:
        return False
    seq = words[clause.lo : clause.hi]
    if lemmas is None:  # ``lemmas``: the clause's predicate lemmas, where the caller has them
        lemmas = [predicate_lemma(words, clause.lo + k, clause) for k in range(len(seq))]
    if predicates().get(lemmas[i - clause.lo]) != "plan":
        return False
    return _predicate_done(words, clause, lemmas) or _predicate_perfect(seq, lemmas) or _stative(seq, lemmas)


def _predicate_perfect(seq: Sequence[Word], lemmas: Sequence[str]) -> bool:
    """A perfect ("hat … in Bereitschaft versetzt", "sind … verlegt worden") or a met
    obligation ("musste … abstellen") in a clause that holds a predicate of
    ``troop_predicates.tsv`` other than a plan word: what was done."""
    met = any(_met_obligation(w, lm) for w, lm in zip(seq, lemmas, strict=True))  # "musste … abstellen"
    return (_perfect(seq) or met) and any(
        predicates().get(lm) not in (None, "plan") and w.tag != "ADJA"  # not "aktiven Soldaten"
        for w, lm in zip(seq, lemmas, strict=True)
    )


def epistemic_possibility(words: Sequence[Word]) -> bool:
    """A modal of possibility with an adverb that anchors it in the present ("Inzwischen
    könnten bereits 3.600 Söldner …", "… könnten täglich eingesetzt werden"): the modal
    weighs a situation that holds, it plans nothing (U1)."""
    lemmas = [_lemma(w) for w in words]
    return any(lm in _words("possibility_modals") for lm in lemmas) and any(
        lm in _words("epistemic_adverbs") for lm in lemmas
    )


def has_aspect_verb(words: Sequence[Word], clause: Clause) -> bool:
    """The clause holds "beginnen", "anfangen" … (its zu-infinitive is under way)."""
    verbs = _words("aspect_verbs")
    return any(
        _lemma(w) in verbs or _dictionary_lemma(w.text).lower() in verbs
        for w in words[clause.lo : clause.hi]
        if is_verb(w) or not w.tag
    )


def plans(words: Sequence[Word], clause: Clause) -> bool:
    """The clause's predicate is a plan or intention ("sieht vor", "plant", "will")."""
    return any(
        predicates().get(predicate_lemma(words, i, clause)) == "plan" or _lemma(words[i]) in _words("intention_modals")
        for i in range(clause.lo, clause.hi)
    )


def present_passive(words: Sequence[Word], clause: Clause) -> bool:
    """ "… werden nun verlegt": a present-tense "werden" with a participle, which news use
    for what is about to happen."""
    seq = words[clause.lo : clause.hi]
    return any(_lemma(w) == "werden" and _present_werden(w) for w in seq) and any(
        w.tag == "VVPP" for w in seq
    ) and not perfect_infinitive(seq)


def present_finite(words: Sequence[Word], i: int, clause: Clause) -> bool:
    """Word ``i`` is the clause's finite verb in the present, with no participle beside it
    ("Australien entsendet 110 Soldaten", "verlegen die US-Streitkräfte 3000 weitere Soldaten"):
    news tell a move so when it is announced, still to happen (S2)."""
    w = words[i]
    return (
        w.tag == "VVFIN"
        and present_tense(words, clause)
        and not _weak_past_form(w.text, known_lemma(predicate_lemma(words, i, clause), w.text))
    )


def _weak_past_form(form: str, lemma: str) -> bool:
    """A finite form with the weak past's "-te" ending ("verlegten", "entsandte", "schickte"),
    which the tagger's morphology sometimes reads as a present; not the infinitive-like
    plural of a verb whose stem ends in "t" ("starten")."""
    low = form.lower()
    return low.endswith(("te", "ten", "test", "tet")) and low != lemma.lower()


def future_werden(words: Sequence[Word], clause: Clause) -> bool:
    """ "werden … teilnehmen": a present "werden" with an infinitive, the future tense (S2);
    not a reported past ("werden … gekämpft haben")."""
    seq = words[clause.lo : clause.hi]
    if any(_lemma(w) == "werden" and _present_werden(w) for w in seq):
        return _has_infinitive(seq) and not perfect_infinitive(seq)
    # a verb-final clause ("…, an der 3.000 Soldaten teilnehmen werden"): its last verb is the
    # finite one, whatever the tagger called it, when no other verb of the clause is finite
    verbs = [w for w in seq if is_verb(w)]
    last = verbs[-1] if verbs else None
    return (
        last is not None
        and len(verbs) > 1
        and _lemma(last) == "werden"
        and last.text.lower() not in PAST_WERDEN
        and not any(is_finite(v) for v in verbs)
        and _has_infinitive(verbs[:-1])
        and not perfect_infinitive(seq)
    )


def _present_werden(w: Word) -> bool:
    """A finite "werden" in the present, indicative or the reported subjunctive ("wird",
    "werden"; "er werde … abziehen", reported speech of a future), by its morphology and,
    where the tagger errs, by its form: not "wurde", "würden", "worden"."""
    return is_finite(w) and "Tense=Past" not in w.morph and w.text.lower() not in PAST_WERDEN


PAST_WERDEN = frozenset({"wurde", "wurden", "wurdest", "wurdet", "würde", "würden", "würdest", "würdet", "worden"})


def conditional(words: Sequence[Word], clause: Clause) -> bool:
    """The clause is hypothetical: "könnte", "würde", "könne" (subjunctive of a modal), or a
    subjunctive "hätte"/"wäre" as its main verb ("Ein Abzug hätte Folgen")."""
    seq = words[clause.lo : clause.hi]
    if any(
        w.text.lower() in _words("conditionals") or (_lemma(w) in _words("possibility_modals") and "Mood=Sub" in w.morph)
        for w in seq
    ):
        return True
    main_verb = any(w.text.lower() in _words("counterfactuals") for w in seq)
    return main_verb and not any(w.tag in PARTICIPLE_TAGS for w in seq) and not _has_infinitive(seq)


PARTICIPLE_TAGS = frozenset({"VVPP", "VAPP", "VMPP"})


def present_tense(words: Sequence[Word], clause: Clause) -> bool:
    """The clause's finite verbs are in the present ("übt", "schickt"), with no participle (a
    perfect or passive) beside them."""
    seq = words[clause.lo : clause.hi]
    finite = [w for w in seq if is_finite(w)]
    return bool(finite) and all("Tense=Past" not in w.morph for w in finite) and not any(
        w.tag in PARTICIPLE_TAGS for w in seq
    )


def done_tense(words: Sequence[Word], clause: Clause) -> bool:
    """The clause reports what was done: an indicative past ("wurde … erhöht", "sank") or a
    perfect (a participle with a finite "haben"/"sein": "ist … gesunken", "hat … verringert");
    not a reported or conditional form ("werde … verringert", "würde … erhöht")."""
    seq = words[clause.lo : clause.hi]
    return any("Tense=Past" in w.morph for w in _indicative_finite(seq)) or _perfect(seq)


def _indicative_finite(seq: Sequence[Word]) -> list[Word]:
    """The finite verbs of ``seq`` that are neither subjunctive nor a reporting auxiliary."""
    return [w for w in seq if is_finite(w) and "Mood=Sub" not in w.morph and w.text.lower() not in SUBJUNCTIVE_AUX]


def _perfect(seq: Sequence[Word]) -> bool:
    """A participle with an indicative finite "haben"/"sein" ("ist … gesunken", "hat …
    verringert"), or with the reported perfect's "sei"/"seien"/"habe" ("… gestiegen sei"):
    what was done, told or reported; not the conditional "wäre"/"hätte"."""
    finite = [*_indicative_finite(seq), *(w for w in seq if w.text.lower() in REPORTED_PERFECT_AUX)]
    return any(w.tag in PARTICIPLE_TAGS for w in seq) and any(_lemma(w) in {"haben", "sein"} for w in finite)


REPORTED_PERFECT_AUX = frozenset({"sei", "seien", "habe"})


def _predicate_done(words: Sequence[Word], clause: Clause, lemmas: Sequence[str]) -> bool:
    """A predicate of ``troop_predicates.tsv`` in the clause is an indicative past
    ("stationierten", "verlegte"), not a verb of saying beside it ("…, sagte Trump")."""
    seq = words[clause.lo : clause.hi]
    return any(
        w.tag == "VVFIN" and "Tense=Past" in w.morph and "Mood=Sub" not in w.morph and predicates().get(lm) is not None
        for w, lm in zip(seq, lemmas, strict=True)
    )


def _stative(seq: Sequence[Word], lemmas: Sequence[str]) -> bool:
    """The clause states what a force has: a size predicate ("zählt", "umfasst", "verfügt
    über") or "haben" as its only verb ("Pakistan hat … Soldaten"), in the indicative."""
    verbs = [(w, lm) for w, lm in zip(seq, lemmas, strict=True) if w.tag[:1] == "V"]
    if any(predicates().get(lm) == "strength" and "Mood=Sub" not in w.morph for w, lm in verbs):
        return True
    return len(verbs) == 1 and verbs[0][1] == "haben" and is_finite(verbs[0][0]) and "Mood=Sub" not in verbs[0][0].morph


SUBJUNCTIVE_AUX = frozenset({"würde", "würden", "werde", "sei", "seien", "habe", "hätte", "hätten", "wäre", "wären"})


def _has_infinitive(seq: Sequence[Word]) -> bool:
    """An infinitive in ``seq``, also a participle that has the infinitive's form ("wird
    geschehen", "wird erhalten": read as the future, the commoner use)."""
    return any(
        x.tag in {"VVINF", "VAINF", "VMINF"} or (x.tag[:1] == "V" and "VerbForm=Inf" in x.morph)
        or (x.tag == "VVPP" and x.text.lower() == _lemma(x))
        for x in seq
    )  # fmt: skip


def reported_past(seq: Sequence[Word]) -> bool:
    """A perfect infinitive with no deadline: "sollen … getötet worden sein" reports what
    happened (U1); "sollen bis zum Gipfel … das Land verlassen haben" is a plan (S2)."""
    return perfect_infinitive(seq) and not any(_deadline(seq, k) for k in range(len(seq)))


def _deadline(seq: Sequence[Word], k: int) -> bool:
    """Word ``k`` is "bis" opening a deadline ("bis zum Gipfeltreffen", "bis 2025"); not the
    qualifier "bis zu 12'000" nor a range "150.000 bis 170.000"."""
    if seq[k].text.lower() != "bis":
        return False
    after = seq[k + 1].text.lower() if k + 1 < len(seq) else ""
    return after != "zu" and not (k > 0 and seq[k - 1].text[:1].isdigit() and after[:1].isdigit())


def perfect_infinitive(seq: Sequence[Word]) -> bool:
    """"… getötet worden sein", "… gewesen sein", "soll … geschickt haben": a reported past."""
    for a, b in zip(seq, seq[1:], strict=False):
        if a.text.lower() in {"worden", "gewesen"} and b.text.lower() in {"sein", "seien"}:
            return True
        if a.tag == "VVPP" and b.text.lower() in {"haben", "sein"}:
            return True
    return False
