"""Find every German number expression in a text (digits, number words, vague quantities) with its meaning."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from text_to_num import text2num

from pipeline.records import NumberMention, Sentence
from pipeline.resources import read_lines, read_tsv

# --------------------------------------------------------------------------- tables


@cache
def _number_words() -> dict[str, tuple[float, str]]:
    """Lower-cased word → (value, kind) from ``number_words.tsv``."""
    return {row["word"]: (float(row["value"]), row["kind"]) for row in read_tsv("number_words.tsv")}


@cache
def _currencies() -> dict[str, str]:
    return {row["word"]: row["code"] for row in read_tsv("currencies.tsv")}


@cache
def _months() -> frozenset[str]:
    return frozenset(read_lines("date_words.txt"))


def is_month(word: str) -> bool:
    """A month's name or abbreviation ("Juli", "Jänner", "Okt.")."""
    return word in _months() or word + "." in _months()


@cache
def _year_cues() -> frozenset[str]:
    return frozenset(read_lines("year_cues.txt"))


@cache
def _count_nouns() -> tuple[str, ...]:
    """Lower-cased nouns that are counted (a four-digit number before one is no year)."""
    nouns = [w.lower() for w in read_lines("military_nouns.txt")]
    nouns += [w.lower() for w in read_lines("non_troop_nouns.txt")]
    return tuple(nouns)


# --------------------------------------------------------------------------- patterns

_GROUP_SEP = "[.\u00a0\u202f\u2009 '\u2018\u2019]"  # Swiss "20'000" also with a typographic quote either way
_INT = rf"\d{{1,3}}(?:{_GROUP_SEP}\d{{3}})+(?![\d])|\d+(?!\d)"
_NUM = rf"(?<![\d.,'\u2018\u2019\w])(?:{_INT})(?:,\d+)?(?![,.]\d)"
_NUM_RE = re.compile(_NUM)
_WORD_RE = re.compile(r"[^\W\d_]+")
_ABBREVIATED = frozenset({"mio", "mrd", "tsd"})  # scale words written with a period
_SPACE = r"[ \u00a0\u202f\u2009]"

_PHONE_RE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[ \-/]?(?:\(0\)[ ]?)?\d{1,5}(?:[ \-/]\d{2,})+"
    r"|0\d{2,5}[ ]?[/\-][ ]?\d{3,}(?:[ \-]\d{2,})*|0\d{2,5} \d{4,}(?:[ \-]\d{2,})*)(?!\d)"
)
_DATE_NUMERIC_RE = re.compile(
    r"(?<![\d.])(?:[0-3]?\d\.[01]?\d\.(?:\d{4}|\d{2})?(?![\d])"
    r"|\d{4}-[01]\d-[0-3]\d)(?!\d)"
)
_TIME_RE = re.compile(
    rf"(?<![\d.:])(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:{_SPACE}?Uhr\b)"
    rf"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])|(?:[01]?\d|2[0-4]){_SPACE}?Uhr\b)"
)
_ORDINAL_RE = re.compile(r"(?<![\d.,\w])\d{1,3}\.(?=[ \u00a0]*[^\W\d_])")  # no space: only before a month
_RANK_RE = re.compile(r"(?<![\d.,\w])\d{1,3}\.(?=[,;)])")  # a period before a comma or bracket: a rank
_ALNUM_RE = re.compile(r"\b[^\W\d_]+-?\d+(?:[.,]\d+)*(?:-?[^\W\d_]+)?\b|\b\d+(?:[^\W\d_]{1,3})\b|\b\d+:\d+\b")
_SENTENCE_OPENERS = frozenset(
    "Die Der Das Den Dem Es Sie Er Wir Ich Im In Auch Doch Aber Und Dies Diese Damit Dabei "
    "Zudem Nach Laut Mit Bei Am Ein Eine".split()
)
_NUMBER_MORPHEMES = re.compile(
    r"^(?:ein|eins|eine|zwei|drei|vier|fünf|sechs|sieben|sieb|acht|neun|zehn|elf|zwölf|"
    r"zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|"
    r"tausend|und|zehn)+$"
)
_RANGE_JOIN_RE = re.compile(rf"^{_SPACE}*(?:[-–—]|bis(?:{_SPACE}zu)?){_SPACE}*$")


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    kind: str
    vague: bool = False
    unit: str | None = None
    digits: bool = True  # written with digits (for year detection)
    scaled: bool = False


# --------------------------------------------------------------------------- helpers


def parse_digits(raw: str) -> float:
    """Value of a German digit string: ``30.000`` / ``30 000`` / ``20'000`` / ``2,5``."""
    main, _, frac = raw.partition(",")
    main = re.sub(_GROUP_SEP, "", main)
    return float(f"{main}.{frac}") if frac else float(main)


def word_value(word: str) -> float | None:
    """Value of one German number word (``dreißigtausend``, ``drei``, ``anderthalb``) or None."""
    low = word.lower()
    entry = _number_words().get(low)
    if entry and entry[1] in {"fraction", "cardinal"}:
        return entry[0]
    if low.endswith("einhalb") and len(low) > 7:
        base = word_value(low[: -len("einhalb")])
        return None if base is None else base + 0.5
    if not _NUMBER_MORPHEMES.match(low) or low in {"und", "ein", "eine"}:
        return None
    try:
        return float(text2num(low, "de"))
    except (ValueError, AssertionError):
        return None


def money_after_amount(previous_word: str, word: str) -> bool:
    """True for a currency word (``currencies.tsv``) right after an amount: a digit string, a
    number word or a scale ("105 Franken", "drei Millionen Franken", "zwei Mrd. Dollar")."""
    if word not in _currencies() or not previous_word:
        return False
    low = previous_word.lower().rstrip(".")
    entry = _number_words().get(low)
    return previous_word[0].isdigit() or word_value(previous_word) is not None or bool(entry and entry[1] == "scale")


def _clean(value: float | None) -> float | None:
    if value is None:
        return None
    return float(round(value, 6))


def _sentence_index(starts: Sequence[int], pos: int) -> int:
    if not starts:
        return 0
    return max(bisect.bisect_right(starts, pos) - 1, 0)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in taken)


def _next_word(text: str, pos: int) -> tuple[str, int, int] | None:
    m = _WORD_RE.search(text, pos)
    if m is None or text[pos : m.start()].strip(" \u00a0\u202f\u2009"):
        return None
    return m.group(0), m.start(), m.end()


def _prev_word(text: str, pos: int) -> str | None:
    m = re.search(r"([^\W\d_]+)[ \u00a0]*$", text[max(0, pos - 40) : pos])
    return m.group(1) if m else None


DECADE_AFTER = re.compile(r"er(?:n|-Jahre[n]?|[ \u00a0]+Jahre[n]?)?(?![^\W\d_])")


def _after_name(text: str, pos: int) -> bool:
    """The number follows a capitalised word inside the sentence (a noun or name: "Somme 1916"),
    not one that opens it ("Rund 2000 Soldaten", "Über 1950 …")."""
    m = re.search(r"([^\W\d_][\w-]*)[ \u00a0]+$", text[max(0, pos - 60) : pos])
    if not m or not m.group(1)[:1].isupper():
        return False
    before = text[max(0, pos - 60) : pos][: m.start(1)].rstrip(" \u00a0")
    return bool(before) and before[-1] not in ".!?:\n\"„“«»(–-"


# --------------------------------------------------------------------------- core scanning


def _scale_after(text: str, end: int) -> tuple[float, int] | None:
    """A scale word (Millionen, Mio., Tausend …) right after ``end``: (factor, new end)."""
    nxt = _next_word(text, end)
    if nxt is None:
        return None
    word, _, wend = nxt
    entry = _number_words().get(word.lower())
    if word.lower() in _ABBREVIATED and text[wend : wend + 1] == ".":
        wend += 1
    if entry is None or entry[1] != "scale":
        return None
    return entry[0], wend


def _digit_spans(text: str) -> list[_Span]:
    out = []
    for m in _NUM_RE.finditer(text):
        value = parse_digits(m.group(0))
        end = m.end()
        scaled = False
        scale = _scale_after(text, end)
        if scale is not None:
            value *= scale[0]
            end = scale[1]
            scaled = True
        out.append(_Span(m.start(), end, value, value, value, "cardinal", scaled=scaled))
    return out


def _opens(text: str, pos: int, sent_starts: Sequence[int]) -> bool:
    """``pos`` starts a sentence, a line, a quotation or follows a colon or dash."""
    if pos in sent_starts:
        return True
    before = text[:pos].rstrip(" \t\u00a0")
    return not before or before[-1] in '\n:„"«»(–-'


def _word_spans(text: str, sent_starts: Sequence[int]) -> list[_Span]:
    """Number words, ``eine Million``, ``ein Dutzend`` and vague quantities."""
    words = list(_WORD_RE.finditer(text))
    table = _number_words()
    out: list[_Span] = []
    i = 0
    while i < len(words):
        m = words[i]
        word = m.group(0)
        low = word.lower()
        entry = table.get(low)
        nxt = words[i + 1] if i + 1 < len(words) else None
        adjacent = nxt is not None and not text[m.end() : nxt.start()].strip(" \u00a0\u202f")
        nxt_entry = table.get(nxt.group(0).lower()) if adjacent and nxt else None
        nxt_scale = nxt_entry is not None and nxt_entry[1] == "scale"
        # vague: "mehrere Tausend", "einige hundert", "ein paar Dutzend", "mehrere hunderttausend"
        if entry and entry[1] == "vague_mod" and adjacent and nxt is not None and not nxt_scale:
            unit = word_value(nxt.group(0))
            if unit is not None and unit >= 100 and unit == 10 ** round(math.log10(unit)):
                nxt_scale, nxt_entry = True, (unit, "scale")
        if entry and entry[1] == "vague_mod" and nxt_scale and nxt is not None:
            start = m.start()
            if low == "paar" and i > 0 and words[i - 1].group(0).lower() == "ein":
                start = words[i - 1].start()
            out.append(_Span(start, nxt.end(), None, nxt_entry[0], None, "cardinal", True, digits=False))
            i += 2
            continue
        if entry and entry[1] == "vague":
            out.append(_Span(m.start(), m.end(), None, entry[0], None, "cardinal", True, digits=False))
            i += 1
            continue
        value: float | None = None
        if entry and entry[1] == "article":
            if nxt_scale and nxt is not None:
                value = 1.0
        elif entry and entry[1] == "ambiguous" and word[0].isupper():
            # "Acht Soldaten fielen": opening a sentence before a noun it counts; "Acht geben",
            # "außer Acht" are the noun
            counts = adjacent and nxt is not None and nxt.group(0)[0].isupper() and _opens(text, m.start(), sent_starts)
            value = word_value(word) if counts else None
        elif entry and entry[1] == "scale" and low in {"millionen", "milliarden"}:
            # a plural scale with no number before it: "Millionen Menschen" is vague
            out.append(_Span(m.start(), m.end(), None, entry[0], None, "cardinal", True, digits=False))
            i += 1
            continue
        elif entry and entry[1] == "scale" and low in {"tausend", "hundert"}:
            # "Tausend Soldaten", "hundert Meter": a bare scale word is the number itself
            out.append(_Span(m.start(), m.end(), entry[0], entry[0], entry[0], "cardinal", digits=False))
            i += 1
            continue
        else:
            value = word_value(word)
            if value is not None and value < 100 and word[0].isupper() and not _opens(text, m.start(), sent_starts):
                value = None  # capitalised mid-sentence it is a noun ("die Elf", "eine Drei"), not "gut Hunderttausend"
        if value is None:
            i += 1
            continue
        end = m.end()
        j = i + 1
        while j < len(words):
            scale_entry = table.get(words[j].group(0).lower())
            gap = text[end : words[j].start()]
            if scale_entry is None or scale_entry[1] != "scale" or gap.strip(" \u00a0\u202f"):
                break
            value *= scale_entry[0]
            end = words[j].end()
            if words[j].group(0).lower() in _ABBREVIATED and text[end : end + 1] == ".":
                end += 1
            j += 1
        start = m.start()
        if entry and entry[1] == "fraction" and i > 0 and table.get(words[i - 1].group(0).lower(), (0, ""))[1] == "article":
            if not text[words[i - 1].end() : start].strip(" \u00a0\u202f"):
                start = words[i - 1].start()  # "eine halbe Million", "eine dreiviertel Million"
        out.append(_Span(start, end, value, value, value, "cardinal", digits=False, scaled=j > i + 1))
        i = j
    return out


def _shared_scale(text: str, span: _Span, high: float) -> float:
    """The scale word of a range's second side ("1,5 bis 2 Millionen" → 1e6).

    Digits are followed by their scale word; for number words ("fünf bis sechs
    tausend") the scale is the largest power of a thousand in the second side's value.
    """
    digits = _NUM_RE.match(text, span.start)
    factor = _scale_after(text, digits.end()) if digits else None
    if factor is not None:
        return factor[0]
    power = 1.0
    while power * 1000 <= high:
        power *= 1000
    return power


def _merge_ranges(text: str, spans: list[_Span]) -> list[_Span]:
    """``10.000-12.000``, ``10.000 bis 12.000``, ``20–30``, ``zwischen 10.000 und 12.000``."""
    spans = sorted(spans, key=lambda s: s.start)
    out: list[_Span] = []
    i = 0
    while i < len(spans):
        cur = spans[i]
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if nxt is not None and cur.value is not None and nxt.value is not None:
            gap = text[cur.end : nxt.start]
            before = text[max(0, cur.start - 9) : cur.start]
            between = re.search(r"zwischen[ \u00a0]+$", before, re.IGNORECASE)
            joined = _RANGE_JOIN_RE.match(gap) and not gap.strip().startswith("bis zu")
            if between and re.fullmatch(r"[ \u00a0]+und(?:[ \u00a0]+(?:mehr[ \u00a0]+als|über))?[ \u00a0]+", gap):
                joined = True  # "zwischen 335.000 und (mehr als) 400.000"
            if joined:
                low, high = cur.value, nxt.value
                # "1,5 bis 2 Millionen": the scale of the second side applies to both
                if nxt.scaled and not cur.scaled and low < high / 1000:
                    low *= _shared_scale(text, nxt, high)
                if low < high:
                    start = cur.start - (len(between.group(0)) if between else 0)
                    out.append(
                        _Span(start, nxt.end, None, low, high, "cardinal", digits=cur.digits and nxt.digits)
                    )
                    i += 2
                    continue
        out.append(cur)
        i += 1
    return out


# --------------------------------------------------------------------------- classification


def _currency_after(text: str, end: int) -> tuple[str, int] | None:
    rest = text[end : end + 14]
    m = re.match(r"[ \u00a0\u202f]*", rest)
    offset = m.end() if m else 0
    for word in sorted(_currencies(), key=len, reverse=True):
        if rest[offset:].startswith(word):
            tail = rest[offset + len(word) : offset + len(word) + 1]
            if word[-1].isalpha() and tail.isalpha() and tail not in {"s", "n"}:
                continue
            extra = 1 if tail in {"s", "n"} and word[-1].isalpha() else 0
            return _currencies()[word], end + offset + len(word) + extra
    return None


def _currency_before(text: str, start: int) -> tuple[str, int] | None:
    rest = text[max(0, start - 6) : start]
    for word in sorted(_currencies(), key=len, reverse=True):
        m = re.search(rf"{re.escape(word)}[ \u00a0]?$", rest)
        if m and (not word[0].isalpha() or word.isupper()):
            return _currencies()[word], start - (len(rest) - m.start())
    return None


def _is_year(text: str, span: _Span) -> bool:
    raw = text[span.start : span.end]
    if span.digits and re.fullmatch(r"[1-9]0", raw) and DECADE_AFTER.match(text, span.end):
        return True  # a decade: "in den 90er-Jahren", "die 80er"
    if not span.digits or not re.fullmatch(r"\d{4}", raw) or span.value is None:
        return False
    if not 1000 <= span.value <= 2099:
        return False
    if re.match(r"er(?![^\W\d_])", text[span.end : span.end + 3]):
        return True  # a decade: "die 1990er Jahre"
    prev = _prev_word(text, span.start)
    if prev and prev in _months():
        return True
    if prev in _year_cues():
        # "von", "bis", "vor" take a count as well: "eine Obergrenze von 1400 Soldaten"; "seit",
        # "im" and the nouns ("Ende 1990") take a time only
        return not (prev.lower() in COUNT_PREPOSITIONS and _counts_noun_after(text, span.end))
    first = _next_word(text, span.end)
    if first is not None and _is_count_noun(first[0]) and span.value >= 1900:
        return False  # "seit Kriegsbeginn 1949 Soldaten behandelt": a count right before its noun
    if _after_name(text, span.start) and 1800 <= span.value <= 2099:
        return True  # "die an der Somme 1916 gefallenen Soldaten", "im Kosovo-Krieg 1999"
    if not 1900 <= span.value <= 2099:
        return False
    return not _counts_noun_after(text, span.end)


def _counts_noun_after(text: str, end: int) -> bool:
    """A counted noun follows, past up to three adjectives ("2000 zusätzliche Soldaten", "2009
    tote russische Soldaten"); not past a verb ("2024 verlor die Truppe Soldaten")."""
    nxt = _next_word(text, end)
    for _ in range(3):
        if nxt is None or not nxt[0][0].islower() or not nxt[0].endswith(ADJECTIVE_ENDINGS):
            break
        nxt = _next_word(text, nxt[2])
    return nxt is not None and _is_count_noun(nxt[0])


ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
COUNT_PREPOSITIONS = frozenset({"von", "bis", "vor"})  # year cues that also take a count


def _is_count_noun(word: str) -> bool:
    return any(word.lower().endswith(noun) for noun in _count_nouns())


def _classify(text: str, span: _Span) -> _Span:
    """Money, percent or year by what stands around a plain number; else it stays cardinal."""
    after = _currency_after(text, span.end)
    if after is not None:
        return replace(span, kind="money", unit=after[0], end=after[1])
    before = _currency_before(text, span.start)
    if before is not None:
        return replace(span, kind="money", unit=before[0], start=before[1])
    pct = re.match(r"[ \u00a0\u202f]*(?:%|Prozent(?:punkte[n]?)?\b|v\. ?H\.)", text[span.end :])
    if pct:
        return replace(span, kind="percent", unit="%", end=span.end + pct.end())
    if _is_year(text, span):
        return replace(span, kind="year")
    if span.low is not None and span.high is not None and span.value is None and span.digits:
        raw_parts = re.findall(r"\d+", text[span.start : span.end])
        if all(len(p) == 4 and 1000 <= int(p) <= 2099 for p in raw_parts) and len(raw_parts) == 2:
            prev = _prev_word(text, span.start)
            if prev in _year_cues() or not _next_is_count_noun(text, span.end):
                return replace(span, kind="year")
    return span


def _next_is_count_noun(text: str, end: int) -> bool:
    nxt = _next_word(text, end)
    return nxt is not None and any(nxt[0].lower().endswith(n) for n in _count_nouns())


def _fixed_kind_spans(text: str, sent_ends: frozenset[int]) -> list[_Span]:
    """Phones, dates, times, ordinals and alphanumeric codes: found before plain numbers."""
    out: list[_Span] = []
    taken: list[tuple[int, int]] = []

    def add(span: _Span) -> None:
        if not _overlaps(taken, span.start, span.end):
            taken.append((span.start, span.end))
            out.append(span)

    for m in _PHONE_RE.finditer(text):
        if len(re.sub(r"\D", "", m.group(0))) >= 6:
            add(_Span(m.start(), m.end(), None, None, None, "phone"))
    for m in _DATE_NUMERIC_RE.finditer(text):
        add(_Span(m.start(), m.end(), None, None, None, "date"))
    for m in _TIME_RE.finditer(text):
        add(_Span(m.start(), m.end(), None, None, None, "time"))  # a clock time is no quantity
    for m in _ORDINAL_RE.finditer(text):
        nxt = _next_word(text, m.end())
        value = float(m.group(0)[:-1])
        if nxt is not None and nxt[0].rstrip(".") in {w.rstrip(".") for w in _months()}:
            end = nxt[2]
            year = re.match(r"[ \u00a0]+(\d{4})\b", text[end:])
            if year:
                end += year.end()
            add(_Span(m.start(), end, value, value, value, "date"))
            continue
        if m.end() < len(text) and text[m.end()] not in " \u00a0":
            continue  # "15.Februar" is a date (above); "300.Die" keeps its plain number
        if m.end() in sent_ends or (nxt is not None and nxt[0] in _SENTENCE_OPENERS):
            continue  # the period ends a sentence: a plain cardinal
        add(_Span(m.start(), m.end(), value, value, value, "ordinal"))
    for m in _RANK_RE.finditer(text):
        value = float(m.group(0)[:-1])
        add(_Span(m.start(), m.end(), value, value, value, "ordinal"))  # "wurde 11., …", "(18.)"
    for m in _ALNUM_RE.finditer(text):
        raw = m.group(0)
        if re.fullmatch(r"\d+er", raw):
            continue  # "90er", "3er" are handled as plain numbers
        if re.fullmatch(r"\d+:\d+", raw):
            add(_Span(m.start(), m.end(), None, None, None, "other"))
            continue
        if re.fullmatch(r"\d{1,2}\.", raw):
            continue
        add(_Span(m.start(), m.end(), None, None, None, "other"))
    return out


def find_numbers(text: str, sentences: Sequence[Sentence]) -> list[NumberMention]:
    """Return every number expression in ``text`` in text order, with char offsets into ``text``."""
    sent_starts = [s.start for s in sentences]
    sent_ends = frozenset(s.start + len(s.text.rstrip()) for s in sentences)
    fixed = _fixed_kind_spans(text, sent_ends)
    taken = [(s.start, s.end) for s in fixed]
    plain = [
        s
        for s in _digit_spans(text) + _word_spans(text, frozenset(sent_starts))
        if not _overlaps(taken, s.start, s.end)
    ]
    # a digit span and a word span may overlap ("30 Tausend"): keep the longer, earlier one
    plain.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[_Span] = []
    for span in plain:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    merged = _merge_ranges(text, kept)
    spans = fixed + [_classify(text, s) for s in merged]
    spans.sort(key=lambda s: s.start)
    result = []
    for s in spans:
        result.append(
            NumberMention(
                sent_idx=_sentence_index(sent_starts, s.start),
                start=s.start,
                end=s.end,
                text=text[s.start : s.end],
                value=_clean(s.value),
                low=_clean(s.low),
                high=_clean(s.high),
                kind=s.kind,
                vague=s.vague,
                unit=s.unit,
            )
        )
    return result
