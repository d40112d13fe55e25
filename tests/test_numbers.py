"""find_numbers: German digits, number words, vague quantities, ranges and kinds."""

from __future__ import annotations

import pytest

from pipeline.numbers import find_numbers, parse_digits, word_value
from pipeline.records import NumberMention, Sentence


def _find(nlp, text: str) -> list[NumberMention]:
    sents = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(nlp(text).sents)]
    found = find_numbers(text, sents)
    for m in found:
        assert text[m.start : m.end] == m.text
    return found


def _one(nlp, text: str, surface: str) -> NumberMention:
    hits = [m for m in _find(nlp, text) if m.text == surface]
    assert hits, f"{surface!r} not found in {[m.text for m in _find(nlp, text)]}"
    return hits[0]


# (sentence, expected span text, value) — exact cardinals
EXACT = [
    ("Russland will 30.000 Soldaten an die Grenze verlegen.", "30.000", 30000),
    ("Insgesamt wurden 30 000 Reservisten einberufen.", "30 000", 30000),
    ("Es sind 30\u202f000 Soldaten im Einsatz.", "30\u202f000", 30000),
    ("Mit 30\u00a0000 Mann rückte die Armee vor.", "30\u00a0000", 30000),
    ("Die Stadt zählt 1.250.000 Einwohner.", "1.250.000", 1250000),
    ("Er sprach von bis zu einer halben Million Soldaten.", "einer halben Million", 500000),
    ("Der Preis stieg um 2,5 Punkte.", "2,5", 2.5),
    ("Die Armee soll 1,5 Millionen Soldaten umfassen.", "1,5 Millionen", 1500000),
    ("Der Konzern beschäftigt 2 Mio. Menschen weltweit.", "2 Mio.", 2000000),
    ("Die Zahl der Nutzer liegt bei 3 Mrd. weltweit.", "3 Mrd.", 3000000000),
    ("Kiew spricht von 30 Tausend Gefallenen.", "30 Tausend", 30000),
    ("Prigoschin beklagte 20'000 tote Söldner.", "20'000", 20000),
    ("Die Armee bietet 16\u2019000 weitere Reservisten auf.", "16\u2019000", 16000),
    ("Die Armee bietet 16\u2018000 weitere Reservisten auf.", "16\u2018000", 16000),  # a left quote as in some copies
    ("Zehntausend Menschen demonstrierten in Berlin.", "Zehntausend", 10000),
    ("Moskau schickt dreißigtausend Soldaten.", "dreißigtausend", 30000),
    ("Russland verfügt über zwei Millionen Reservisten.", "zwei Millionen", 2000000),
    # fractions of a million with their article; a capitalised compound number mid-sentence
    ("An der Front standen eine dreiviertel Million Soldaten.", "eine dreiviertel Million", 750000),
    ("Im Winter fror eine Viertelmillion Soldaten.", "Viertelmillion", 250000),
    ("Bis Kriegsende fielen gut Hunderttausend Soldaten.", "Hunderttausend", 100000),
    ("Laut dem Bericht starben 2009 tote russische Soldaten.", "2009", 2009),
    ("Es geht um anderthalb Millionen Menschen.", "anderthalb Millionen", 1500000),
    ("Die Reise dauerte eineinhalb Stunden.", "eineinhalb", 1.5),
    ("Ein Dutzend Soldaten wurde verletzt, sagte er.", "Ein Dutzend", 12),
    ("Es kamen einhundertzwanzig Gäste.", "einhundertzwanzig", 120),
    ("Bei dem Angriff starben drei Soldaten.", "drei", 3),
    ("Die Ukraine hat eine Million Soldaten unter Waffen.", "eine Million", 1000000),
    ("Die Gefangennahme zweier nordkoreanischer Soldaten wurde bestätigt.", "zweier", 2),
    ("Die Zahl stieg auf 1,15 Millionen.", "1,15 Millionen", 1150000),
    ("Laut Kiew sind es 31 Tausend.", "31 Tausend", 31000),
    ("Er nannte 12 Namen.", "12", 12),
    ("Nur zwölf Abgeordnete stimmten dagegen.", "zwölf", 12),
]


@pytest.mark.parametrize(("text", "surface", "value"), EXACT)
def test_exact_numbers(sentencizer, text, surface, value):
    m = _one(sentencizer, text, surface)
    assert m.value == value
    assert (m.low, m.high) == (value, value)
    assert m.kind == "cardinal"
    assert not m.vague


# (sentence, expected span text, low, high)
RANGES = [
    ("Es geht um 10.000-12.000 Soldaten.", "10.000-12.000", 10000, 12000),
    ("Geschätzt werden 10.000 bis 12.000 Kämpfer.", "10.000 bis 12.000", 10000, 12000),
    ("Die Gruppe hat zwischen 10.000 und 12.000 Kämpfer.", "zwischen 10.000 und 12.000", 10000, 12000),
    ("Die Verluste lagen zwischen 8.000 und mehr als 9.500.", "zwischen 8.000 und mehr als 9.500", 8000, 9500),
    ("Es waren 20–30 Fahrzeuge.", "20–30", 20, 30),
    ("Die Zahl liegt bei 180 000 bis 240 000 Soldaten.", "180 000 bis 240 000", 180000, 240000),
    ("Es sind 1,5 bis 2 Millionen Menschen.", "1,5 bis 2 Millionen", 1500000, 2000000),
    ("Die CIA zählt zwischen 20 000 und 31 500 Kämpfer.", "zwischen 20 000 und 31 500", 20000, 31500),
    (
        "Zwischen fünf und sechs tausend Kämpfer sollen es sein.",
        "Zwischen fünf und sechs tausend",
        5000,
        6000,
    ),
    ("Es waren zwei bis drei Millionen Menschen.", "zwei bis drei Millionen", 2000000, 3000000),
]


@pytest.mark.parametrize(("text", "surface", "low", "high"), RANGES)
def test_ranges(sentencizer, text, surface, low, high):
    m = _one(sentencizer, text, surface)
    assert (m.low, m.high, m.value) == (low, high, None)
    assert m.kind == "cardinal"


# (sentence, expected span text, low) — vague: never an exact number, high open
VAGUE = [
    ("Tausende Menschen gingen auf die Straße.", "Tausende", 1000),
    ("Nordkorea hat tausende Soldaten geschickt.", "tausende", 1000),
    ("Zehntausende flohen aus der Stadt.", "Zehntausende", 10000),
    ("Die Einberufung Zehntausender Reservisten beginnt.", "Zehntausender", 10000),
    ("Hunderttausende sind auf der Flucht.", "Hunderttausende", 100000),
    ("Hunderte Soldaten wurden verlegt.", "Hunderte", 100),
    ("Dutzende Häuser brannten.", "Dutzende", 12),
    ("Es kamen mehrere Tausend Menschen.", "mehrere Tausend", 1000),
    ("Einige Hundert Demonstranten blieben.", "Einige Hundert", 100),
    ("Es waren mehrere hundert Polizisten im Einsatz.", "mehrere hundert", 100),
    ("Millionen Menschen sahen zu.", "Millionen", 1000000),
    ("Im Krieg fielen mehrere hunderttausend Soldaten.", "mehrere hunderttausend", 100000),
    ("Einige zehntausend Reservisten wurden eingezogen.", "Einige zehntausend", 10000),
    ("Sie üben mit einigen Hundert dänischen Soldaten.", "einigen Hundert", 100),
]


@pytest.mark.parametrize(("text", "surface", "low"), VAGUE)
def test_vague_quantities(sentencizer, text, surface, low):
    m = _one(sentencizer, text, surface)
    assert m.vague
    assert (m.value, m.low, m.high) == (None, low, None)


# (sentence, expected span text, kind, unit)
KINDS = [
    ("Das Abkommen wurde 2024 unterzeichnet.", "2024", "year", None),
    ("Im Jahr 1995 begann der Einsatz.", "1995", "year", None),
    ("Seit 1990 ist Deutschland vereint.", "1990", "year", None),
    ("Die Mission lief von 2014 bis 2016.", "2014 bis 2016", "year", None),
    ("Am 3. Oktober wird gefeiert.", "3. Oktober", "date", None),
    ("Der Angriff begann am 24. Februar 2022.", "24. Februar 2022", "date", None),
    ("Der Abzug endet am 15.Februar.", "15.Februar", "date", None),
    ("Haaser wurde 11., Schild kam auf Rang 12.", "11.", "ordinal", None),
    ("Punkte gab es für Truppe (18.) und Thalmann.", "18.", "ordinal", None),
    ("Die Frist endet am 12.03.2024.", "12.03.2024", "date", None),
    ("Der Zug fährt um 12:30 Uhr ab.", "12:30 Uhr", "time", None),
    ("Die Sitzung beginnt um 9 Uhr.", "9 Uhr", "time", None),
    ("In den 1990er Jahren wurde die Armee verkleinert.", "1990", "year", None),
    ("In den 90er-Jahren wuchs die Armee.", "90", "year", None),
    # after a name inside the sentence, a year even before a counted noun
    ("Sie erinnern an die bei Verdun 1916 gefallenen Soldaten.", "1916", "year", None),
    ("Russland schickte 1916 Soldaten.", "1916", "cardinal", None),
    ("Rund 1950 Soldaten kamen an.", "1950", "cardinal", None),
    ("Der 1. FC Köln gewann das Spiel.", "1.", "ordinal", None),
    ("Das ist der 2. Versuch.", "2.", "ordinal", None),
    ("Die Inflation lag bei 30 Prozent.", "30 Prozent", "percent", "%"),
    ("Die Partei kam auf 30 %.", "30 %", "percent", "%"),
    ("Die Strafe beträgt 5.000 Euro.", "5.000 Euro", "money", "EUR"),
    ("Die USA geben 3 Mrd. Dollar frei.", "3 Mrd. Dollar", "money", "USD"),
    ("Das Ticket kostet € 20.", "€ 20", "money", "EUR"),
    ("Der Fonds umfasst 100 Millionen Franken.", "100 Millionen Franken", "money", "CHF"),
    ("Anrufe unter 030/1234567 sind kostenlos.", "030/1234567", "phone", None),
    ("Erreichbar ist die Hotline unter +49 30 1234567.", "+49 30 1234567", "phone", None),
    ("Das Bürgertelefon ist unter 0711 2345678 erreichbar.", "0711 2345678", "phone", None),
    ("Die Ukraine erhält F-16 Kampfjets.", "F-16", "other", None),
    ("Das Spiel endete 3:1.", "3:1", "other", None),
]


@pytest.mark.parametrize(("text", "surface", "kind", "unit"), KINDS)
def test_kinds(sentencizer, text, surface, kind, unit):
    m = _one(sentencizer, text, surface)
    assert m.kind == kind
    assert m.unit == unit


def test_year_range_value_and_count_noun_not_year(sentencizer):
    found = _find(sentencizer, "Im Jahr 2022 kamen 2000 Soldaten.")
    kinds = {m.text: m.kind for m in found}
    assert kinds == {"2022": "year", "2000": "cardinal"}


def test_sentence_final_number_is_no_ordinal(sentencizer):
    m = _one(sentencizer, "Gefallen sind 52. Die meisten starben bei Anschlägen.", "52")
    assert m.kind == "cardinal"
    assert m.value == 52


def test_no_digit_cut_out_of_a_longer_number(sentencizer):
    found = _find(sentencizer, "Es folgen Thyssenkrupp Steel (11.00) und andere.")
    assert all(m.text != "1" for m in found)


def test_abbreviated_scale_at_sentence_end(sentencizer):
    m = _one(sentencizer, "Die Kosten betragen 2 Mio.", "2 Mio.")
    assert m.value == 2000000


def test_capitalised_number_word_opening_a_line(sentencizer):
    m = _one(sentencizer, "Anschlag in Kabul\n\nDrei Soldaten getötet", "Drei")
    assert m.value == 3


def test_article_is_not_a_number(sentencizer):
    found = _find(sentencizer, "Ein Soldat und eine Soldatin trafen einen Offizier.")
    assert found == []


def test_capitalised_noun_elf_is_not_a_number(sentencizer):
    found = _find(sentencizer, "Die deutsche Elf gewann in Acht Tagen nichts.")
    assert [m.text for m in found] == []


def test_offsets_and_sentence_index(sentencizer):
    text = "Es war ruhig. Dann kamen 300 Soldaten."
    m = _one(sentencizer, text, "300")
    assert m.sent_idx == 1
    assert (m.start, m.end) == (text.index("300"), text.index("300") + 3)


@pytest.mark.parametrize(
    ("raw", "value"),
    [("30.000", 30000), ("30 000", 30000), ("1.250.000", 1250000), ("2,5", 2.5), ("20'000", 20000)],
)
def test_parse_digits(raw, value):
    assert parse_digits(raw) == value


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("dreißigtausend", 30000),
        ("einhundertzwanzig", 120),
        ("drei", 3),
        ("anderthalb", 1.5),
        ("zweieinhalb", 2.5),
        ("Soldaten", None),
        ("und", None),
    ],
)
def test_word_value(word, value):
    assert word_value(word) == value


def test_deterministic(sentencizer):
    text = "Bis zu 30.000 Soldaten, 5.000 Euro und Tausende Zivilisten am 3. Oktober 2024."
    assert _find(sentencizer, text) == _find(sentencizer, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2024 verlor die Truppe viele Soldaten.", "year"),
        ("Nur 2015 war die Armee kleiner.", "year"),
        ("Seit Kriegsbeginn sollen 1949 Soldaten behandelt worden sein.", "cardinal"),
        ("Im Lazarett lagen seit Kriegsbeginn 1949 Soldaten.", "cardinal"),
        ("Die an der Somme 1916 gefallenen Soldaten wurden geehrt.", "year"),
        # "von", "bis", "vor" take a count too; "seit", "im" and nouns like "Ende" a time only
        ("Der Bundestag beschloss eine Obergrenze von 1400 Soldaten.", "cardinal"),
        ("Die Brigade wuchs auf bis 1200 zusätzliche Soldaten.", "cardinal"),
        ("Seit 1999 Soldaten im Kosovo sind, ist es ruhig.", "year"),
        ("Ende 1990 Soldaten abzuziehen, war nicht geplant.", "year"),
        ("Von 1914 bis 1918 kämpften Millionen.", "year"),
    ],
)
def test_year_or_count_by_the_word_after(sentencizer, text, kind):
    """A year-like number right before a count noun counts it; before a verb it is the year."""
    found = [n for n in _find(sentencizer, text) if n.text[:1].isdigit()]
    assert [n.kind for n in found] == [kind]


@pytest.mark.parametrize(
    ("previous", "word", "money"),
    [
        ("105", "Franken", True),
        ("Millionen", "Franken", True),
        ("Mio.", "Franken", True),
        ("drei", "Dollar", True),
        ("in", "Franken", False),
        ("Millionen", "Menschen", False),
        ("", "Euro", False),
    ],
)
def test_money_after_amount(previous: str, word: str, money: bool) -> None:
    from pipeline.numbers import money_after_amount

    assert money_after_amount(previous, word) is money


def test_a_capitalised_number_word_that_is_also_a_noun_counts_only_opening_a_sentence(nlp) -> None:
    """ "Acht" is a number before a noun at a sentence's start, the noun in "außer Acht"."""
    assert [n.value for n in _find(nlp, "Acht Soldaten fielen.")] == [8]
    assert [n.value for n in _find(nlp, "Das ließ er außer Acht.")] == []
    assert [n.value for n in _find(nlp, "Acht geben müssen alle.")] == []
