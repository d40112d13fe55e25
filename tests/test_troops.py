"""extract_troop_figures: which numbers count soldiers, and their range, qualifier, country, status."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from pipeline.ingest import split_date_header
from pipeline.normalise.troops import extract_troop_figures, is_military_noun
from pipeline.numbers import find_numbers
from pipeline.recognise import doc_entities, doc_sentences, doc_tokens
from pipeline.records import EntityMention, Resolution, Sentence, TroopFigure

from .conftest import SEEDS


def _sents(nlp, text: str) -> list[Sentence]:
    return [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(nlp(text).sents)]


def _troops(nlp, text: str, entities=(), resolutions=()) -> list[TroopFigure]:
    """Troop figures of ``text`` as the pipeline finds them: with the Doc's tokens (lemma,
    tag, morphology from the package's linguistic layer)."""
    doc = nlp(text)
    sents = doc_sentences(doc)
    tokens = doc_tokens(doc, sents)
    found = extract_troop_figures(text, sents, find_numbers(text, sents), entities, resolutions, tokens=tokens)
    for f in found:
        assert text[f.start : f.end] == f.text
    return found


def _row(f: TroopFigure) -> tuple:
    return (f.low, f.high, f.qualifier, f.country, f.status)


# (sentence, [(low, high, qualifier, country, status), ...]) — one sentence each
CASES = [
    # qualifiers and bounds
    (
        "Nordkorea plant, bis zu 30.000 zusätzliche Soldat:innen zu entsenden.",
        [(None, 30000, "up_to", "KP", "planned")],
    ),
    (
        "Russland hat mindestens 48.366 Sträflinge aus Gefängnissen rekrutiert.",
        [(48366, None, "at_least", "RU", "mobilized")],
    ),
    (
        "Die USA haben derzeit mehr als 2.000 Soldaten in Syrien stationiert.",
        [(2000, None, "more_than", "US", "stationed")],
    ),
    (
        "Eine solche Truppe würde weniger als 30 000 Soldaten entsenden.",
        [(None, 30000, "less_than", None, "planned")],
    ),
    ("Bisher sind im Kosovo etwa 900 Soldaten im Einsatz.", [(900, 900, "approx", None, "deployed")]),
    (
        "Insgesamt sind rund 16.000 Nato-Soldaten in der Provinz stationiert.",
        [(16000, 16000, "approx", None, "stationed")],
    ),
    (
        "Zusammen mit knapp 200 österreichischen Soldaten sind sie im Einsatz.",
        [(200, 200, "approx", "AT", "deployed")],
    ),
    ("Schätzungsweise 5000 Kämpfer sind an der Front.", [(5000, 5000, "approx", None, "deployed")]),
    ("Höchstens 800 Soldaten sollen nach Litauen verlegt werden.", [(None, 800, "up_to", None, "planned")]),
    ("3000 Soldaten sollen im Frühjahr dort stationiert werden.", [(3000, 3000, "exact", None, "planned")]),
    (
        "Bis zu 14.000 Soldaten sollen dort im Einsatz gewesen sein.",
        [(None, 14000, "up_to", None, "deployed")],
    ),
    (
        "Über 300.000 Soldaten der Wehrmacht wurden eingeschlossen.",
        [(300000, None, "more_than", "DE", "other")],
    ),
    ("Die Gruppe hat zwischen 20 000 und 31 500 Kämpfer.", [(20000, 31500, "range", None, "strength")]),
    (
        "Die Zahl der Verwundeten liegt bei 180 000 bis 240 000 Soldaten.",
        [(180000, 240000, "range", None, "wounded")],
    ),
    ("Kiew will 450 000 bis 500 000 Mann neu einziehen.", [(450000, 500000, "range", "UA", "mobilized")]),
    ("Tausende nordkoreanische Soldaten sind bereits im Einsatz.", [(1000, None, "vague", "KP", "deployed")]),
    (
        "Israel kündigte die Einberufung Zehntausender Reservisten an.",
        [(10000, None, "vague", "IL", "mobilized")],
    ),
    ("Tausende von Soldaten wurden an die Grenze verlegt.", [(1000, None, "vague", None, "deployed")]),
    ("Mehrere hundert Soldaten wurden an die Grenze verlegt.", [(100, None, "vague", None, "deployed")]),
    ("Einige Tausend Söldner kämpfen für Russland.", [(1000, None, "vague", "RU", "deployed")]),
    (
        "Die Zahl der getöteten Soldaten hat die Marke von 300 000 überschritten.",
        [(300000, None, "more_than", None, "killed")],
    ),
    # countries
    ("Die Bundeswehr hat 180 000 Soldatinnen und Soldaten.", [(180000, 180000, "exact", "DE", "strength")]),
    ("In Südkorea sind 28.500 US-Soldaten stationiert.", [(28500, 28500, "exact", "US", "stationed")]),
    ("Etwa 10.000 Soldaten aus Nordkorea kämpfen in Kursk.", [(10000, 10000, "approx", "KP", "deployed")]),
    ("Drei Bundeswehrsoldaten wurden bei dem Anschlag getötet.", [(3, 3, "exact", "DE", "killed")]),
    ("Frankreich schickt 600 Elitesoldaten nach Mali.", [(600, 600, "exact", "FR", "planned")]),
    ("31.000 ukrainische Soldaten sind in diesem Krieg gefallen.", [(31000, 31000, "exact", "UA", "killed")]),
    ("Die russische Armee zählt 1,9 Millionen Angehörige.", [(1900000, 1900000, "exact", "RU", "strength")]),
    ("Österreich wird 150 Soldaten schicken.", [(150, 150, "exact", "AT", "planned")]),
    ("Italien ist mit 2.200 Soldaten vor Ort.", [(2200, 2200, "exact", "IT", "stationed")]),
    (
        "Mehr als 10.000 Nordkoreaner wurden an die Front geschickt.",
        [(10000, None, "more_than", "KP", "deployed")],
    ),
    ("Bei Kämpfen wurden 120 russische Fallschirmjäger verwundet.", [(120, 120, "exact", "RU", "wounded")]),
    (
        "Die Bundesregierung will wegen einer von Litauen befürchteten Aggression 4000 Soldaten stationieren.",
        [(4000, 4000, "exact", "DE", "planned")],
    ),
    (
        "Die 3500 Soldaten aus Großbritannien, Kanada und Polen wurden verlegt.",
        [(3500, 3500, "exact", None, "deployed")],
    ),
    # statuses
    (
        "Laut dem Verteidigungsministerium werden 300.000 Reservisten eingezogen.",
        [(300000, 300000, "exact", None, "mobilized")],
    ),
    ("Zwei ukrainische Soldaten wurden gefangen genommen.", [(2, 2, "exact", "UA", "captured")]),
    ("Seit Tagen werden 40 Soldaten vermisst.", [(40, 40, "exact", None, "missing")]),
    (
        "Am Abend sind 6500 US-Soldaten tot, verwundet oder gefangen.",
        [(6500, 6500, "exact", "US", "killed_or_wounded")],
    ),
    ("Die Brigade umfasst 5000 Soldaten.", [(5000, 5000, "exact", None, "strength")]),
    ("Russland will 137.000 weitere Soldaten rekrutieren.", [(137000, 137000, "exact", "RU", "mobilized")]),
    ("Die Stärke der Truppe liegt bei 4500 Soldaten.", [(4500, 4500, "exact", None, "strength")]),
    ("Die Kaserne beherbergt 700 Rekruten.", [(700, 700, "exact", None, "other")]),
    ("52 deutsche Soldaten sind in Afghanistan ums Leben gekommen.", [(52, 52, "exact", "DE", "killed")]),
    (
        "Dabei wurden 20 Kämpfer getötet und 35 Kämpfer verletzt.",
        [(20, 20, "exact", None, "killed"), (35, 35, "exact", None, "wounded")],
    ),
    # "N Mann stark" gives the unit's size (S1; the gold of dev 021 reads it so), whatever the clause says
    ("Die 5.000 Mann starke Einheit ist in Mali stationiert.", [(5000, 5000, "exact", None, "strength")]),
    (
        "Es handele sich um 50 000 reguläre Soldaten sowie 20 000 Wagner-Kämpfer, die getötet wurden.",
        [(50000, 50000, "exact", None, "killed"), (20000, 20000, "exact", None, "killed")],
    ),
    # elided nouns
    (
        "Von den 12.000 Soldaten seien 1.000 gefallen.",
        [(12000, 12000, "exact", None, "other"), (1000, 1000, "exact", None, "killed")],
    ),
    (
        "Im Jahr 2000 waren es noch 70 000 US-Soldaten, heute sind knapp 35 000 übrig.",
        [(70000, 70000, "exact", "US", "stationed"), (35000, 35000, "approx", "US", "stationed")],
    ),
    (
        "Die Ukraine hat eine Million Mann unter Waffen, davon 800 000 in den Streitkräften.",
        [(1000000, 1000000, "exact", "UA", "strength"), (800000, 800000, "exact", "UA", "strength")],
    ),
    (
        "Im Jahr 2000 waren es 70 000 US-Soldaten, zehn Jahre später 48 000.",
        [(70000, 70000, "exact", "US", "other"), (48000, 48000, "exact", "US", "other")],
    ),
    (
        "Bei Gefechten wurden am Wochenende 14 ukrainische Soldaten verwundet und vier getötet.",
        [(14, 14, "exact", "UA", "wounded"), (4, 4, "exact", "UA", "killed")],
    ),
    (
        "Gefallene Soldaten nach Kiewer Zählung: Ukrainer - 31 Tausend.",
        [(31000, 31000, "exact", "UA", "killed")],
    ),
    # more cues
    (
        "Die Armee schickte 250 Panzer und 3000 Soldaten an die Front.",
        [(3000, 3000, "exact", None, "deployed")],
    ),
    (
        "Russland hat an der Grenze rund 100.000 Soldaten zusammengezogen.",
        [(100000, 100000, "approx", "RU", "deployed")],
    ),
    ("Russland verfügt über zwei Millionen Reservisten.", [(2000000, 2000000, "exact", "RU", "strength")]),
    ("Die Armee verlor nach eigenen Angaben 200 Mann.", [(200, 200, "exact", None, "killed")]),
    (
        "Israelische Streitkräfte haben 360.000 Reservisten einberufen.",
        [(360000, 360000, "exact", "IL", "mobilized")],
    ),
    (
        "Insgesamt wurden 300.000 Russen zum Wehrdienst eingezogen.",
        [(300000, 300000, "exact", "RU", "mobilized")],
    ),
    (
        "Die Zahl der gefallenen ukrainischen Soldaten liegt bei 43.000.",
        [(43000, 43000, "exact", "UA", "killed")],
    ),
    ("Hunderte russische Soldaten wurden gefangen genommen.", [(100, None, "vague", "RU", "captured")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_troop_figures(sentencizer, text, expected):
    assert [_row(f) for f in _troops(sentencizer, text)] == expected


# Sentences whose numbers are no troop figures: police, civilians, money, vehicles, years …
NEGATIVES = [
    "Die Regierung bezifferte die Opfer des Krieges auf rund 870 zivile Tote.",  # civilians (W2)
    "Beim Spiel waren 3.000 Polizisten im Einsatz.",
    "Das Höchstalter für Reservisten soll von 65 auf 70 Jahre steigen.",  # the start of a change shares its measure
    "Bei den Soldaten kam Truppe (18.) auf Rang 18., Thalmann wurde 20., Schild 21.",  # ranks, no counts
    "Das Stadion fasste 30.000 Zuschauer.",
    "Die Strafe beträgt 5.000 Euro.",
    "Russland verlegte 200 Panzer an die Grenze.",
    "Die Armee setzte 300 Drohnen ein.",
    "Bei dem Angriff wurden 40 Zivilisten getötet.",
    "Im Lager leben 12.000 Flüchtlinge.",
    "Die Bundeswehr wurde 1955 gegründet.",
    "Der Einsatz begann am 3. Oktober 2001.",
    "Rund 30 Prozent der Soldaten sind Frauen.",
    "Das Oktoberfest meldet 6,3 Millionen Besucher.",
    "Zur Bewältigung des Hochwassers sind rund 40.000 Einsatzkräfte der Feuerwehr vor Ort.",
    "Das Verteidigungsbudget steigt auf 100 Milliarden Euro.",
    "Bei dem Erdbeben kamen 300 Menschen ums Leben.",
    "Die Firma streicht 2.500 Stellen.",
    "Die Ukraine erhält 30 Kampfjets vom Typ F-16.",
    "Die Nato-Staaten tagen um 12:30 Uhr in Brüssel.",
    "Der Panzer wiegt 60 Tonnen.",
    "Tausende Menschen demonstrierten gegen den Krieg in Berlin.",
    "Am Protest nahmen 5000 Studenten teil.",
    "Die Armee plant den Kauf von 35 Kampfflugzeugen für 10 Milliarden Euro.",
    "Artikel 5 des Nato-Vertrags regelt den Bündnisfall.",
    "Bei der Wahl 2024 erhielt die Partei 12 Sitze.",
    "Die Marine bestellt vier Fregatten.",
    "In Rheinland-Pfalz arbeiten 7000 Ortskräfte für die US-Streitkräfte, in ganz Deutschland rund 12 000.",
    "Die Hamas hält noch 24 Geiseln fest.",
    "Beim Hochwasser halfen 5000 Freiwillige in Bayern.",
    "Seit Kriegsbeginn sind mehr als 6 Millionen Ukrainer aus dem Land geflohen.",
    "Nach der Roten Karte mussten die Bayern mit zehn Mann weiterspielen.",
    "Bei dem Angriff auf den Markt gab es Dutzende Tote.",
    "Zehntausende Menschen flohen vor den Kämpfen.",
    "Mehr als 1000 Menschen wurden bei russischen Angriffen getötet.",
    "Die Bundeswehr beschäftigt 80.000 zivile Mitarbeiter.",
    "An der Europameisterschaft nehmen 24 Mannschaften teil.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_troop_figures(sentencizer, text):
    assert _troops(sentencizer, text) == []


def test_whole_phrase_offsets(sentencizer):
    text = "Medienberichten zufolge plant Nordkorea, bis zu 30.000 zusätzliche Soldat:innen zu entsenden."
    (fig,) = _troops(sentencizer, text)
    assert fig.text == "bis zu 30.000 zusätzliche Soldat:innen"
    assert fig.sentence == text
    assert fig.sent_idx == 0


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Laut Geheimdienstangaben sind 14.000 Soldaten im Einsatz.", "Geheimdienstangaben"),
        ("Medienberichten zufolge plant Nordkorea, 30.000 Soldaten zu entsenden.", "Medienberichten"),
        (
            "Nach Angaben des ukrainischen Geheimdienstes kämpfen 11.000 Soldaten in Kursk.",
            "des ukrainischen Geheimdienstes",
        ),
        ("Unter Berufung auf Militärkreise hieß es, 4000 Soldaten seien im Einsatz.", "Militärkreise"),
        ("Es sind 500 Soldaten im Einsatz.", None),
        (
            "Nach Angaben des Instituts für Kriegsstudien kämpfen 5000 Söldner in Mali.",
            "des Instituts für Kriegsstudien",
        ),
    ],
)
def test_attribution(sentencizer, text, source):
    (fig,) = _troops(sentencizer, text)
    assert fig.attribution == source


def test_attribution_from_person_entity(sentencizer):
    text = "31.000 ukrainische Soldaten sind gefallen, sagte Selenskyj."
    start = text.index("Selenskyj")
    ent = EntityMention(0, start, start + len("Selenskyj"), "Selenskyj", "PER")
    (fig,) = _troops(sentencizer, text, [ent], [Resolution("Wolodymyr Selenskyj", "p1")])
    assert fig.attribution == "Selenskyj"


def test_country_from_resolved_entity(sentencizer):
    text = "Etwa 3000 Soldaten aus Pjöngjang kämpfen an der Front."
    start = text.index("Pjöngjang")
    ent = EntityMention(0, start, start + len("Pjöngjang"), "Pjöngjang", "LOC")
    res = Resolution("Pjöngjang", "g1", country="KP")
    (fig,) = _troops(sentencizer, text, [ent], [res])
    assert fig.country == "KP"


def test_several_resolved_countries_after_the_noun_give_none(sentencizer):
    text = "Dazu kommen 3500 Soldaten aus Großbritannien und Kanada."
    ents, res = [], []
    for name, code in (("Großbritannien", "GB"), ("Kanada", "CA")):
        start = text.index(name)
        ents.append(EntityMention(0, start, start + len(name), name, "LOC"))
        res.append(Resolution(name, code, country=code))
    (fig,) = _troops(sentencizer, text, ents, res)
    assert fig.country is None


def test_previous_sentence_carries_elided_figure(sentencizer):
    text = "156.000 Soldaten der Alliierten landen in der Normandie. 133.000 davon kommen mit Schiffen."
    rows = [(f.low, f.status) for f in _troops(sentencizer, text)]
    assert rows == [(156000, "deployed"), (133000, "deployed")]


def test_elided_number_without_military_context_is_ignored(sentencizer):
    assert _troops(sentencizer, "Die Stadt hat 300.000 Einwohner. Davon sind 150.000 älter.") == []


@pytest.mark.parametrize(
    ("word", "military"),
    [
        ("Soldaten", True),
        ("Bundeswehrsoldaten", True),
        ("US-Soldaten", True),
        ("Elitesoldaten", True),
        ("Soldat:innen", True),
        ("Soldat*innen", True),
        ("Wagner-Kämpfer", True),
        ("Blauhelme", True),
        ("Marinesoldaten", True),
        ("Mann", True),
        ("Polizisten", False),
        ("Zuschauer", False),
        ("Panzer", False),
    ],
)
def test_military_nouns(word, military):
    assert is_military_noun(word) is military


def _seed_text() -> str:
    (path,) = sorted(SEEDS.glob("*.txt"))
    return split_date_header(path.read_text(encoding="utf-8"))[1]


def test_seed_article_end_to_end(sentencizer):
    figs = _troops(sentencizer, _seed_text())
    rows = [(f.text, *_row(f)) for f in figs]
    assert rows == [
        ("bis zu 30.000 zusätzliche Soldat:innen", None, 30000, "up_to", "KP", "planned"),
        ("Tausende nordkoreanische Soldaten", 1000, None, "vague", "KP", "deployed"),
        ("Bis zu 14.000 nordkoreanische Soldat:innen", None, 14000, "up_to", "KP", "deployed"),
        ("bis zu 30.000 weiteren Soldat:innen", None, 30000, "up_to", "KP", "planned"),
    ]


def test_seed_headline_is_its_own_line(sentencizer):
    text = _seed_text()
    fig = next(f for f in _troops(sentencizer, text) if f.qualifier == "vague")
    assert "Tausende nordkoreanische Soldaten bereits im Einsatz" in fig.sentence


def test_pure_and_deterministic(sentencizer):
    text = _seed_text()
    assert _troops(sentencizer, text) == _troops(sentencizer, text)


# The linguistic layer (lemma, tag, morphology from the package's model) under the rules:
# new sentences for each error class of unseen news (issue 18). (sentence, [(low, high,
# qualifier, country, status), ...])
CLAUSE_CASES = [
    # status from the figure's own predicate: passive perfect, reported speech (U1), strength, presence
    ("Bei dem Angriff sind nach Armeeangaben 40 Soldaten getötet worden.", [(40, 40, "exact", None, "killed")]),
    ("An der Grenze sollen sich derzeit rund 12.000 Soldaten aufhalten.", [(12000, 12000, "approx", None, "stationed")]),
    ("Die Marine des Landes umfasst rund 8.000 Soldaten.", [(8000, 8000, "approx", None, "strength")]),
    ("Derzeit befinden sich etwa 2.500 britische Soldaten in Estland.", [(2500, 2500, "approx", "GB", "stationed")]),
    # future vs done; the withdrawing state is the subject, not the place (C1, C5, S7)
    ("Dänemark will 400 Soldaten aus Lettland abziehen.", [(400, 400, "exact", "DK", "planned")]),
    ("Im März zogen die letzten 600 französischen Soldaten aus dem Tschad ab.", [(600, 600, "exact", "FR", "other")]),
    # the next clause is another predicate's ("…, 300 Soldaten hätten sich ergeben")
    (
        "Die Rebellen haben den Stützpunkt eingenommen, 300 Soldaten hätten sich ergeben.",
        [(300, 300, "exact", None, "captured")],
    ),
    # a relative clause on the figure's noun says what happens to them
    (
        "Das Ministerium nannte 15.000 Reservisten, die im Herbst einberufen werden sollen.",
        [(15000, 15000, "exact", None, "mobilized")],
    ),
    # a noun governing the figure
    ("Die Behörden bestätigten den Tod von 87 Soldaten.", [(87, 87, "exact", None, "killed")]),
    # enlarging a force: the standing force after "von", the target planned (S2, S5)
    (
        "Die Zahl der US-Soldaten in Spanien soll von 3.000 auf 4.200 erhöht werden.",
        [(3000, 3000, "exact", "US", "stationed"), (4200, 4200, "exact", "US", "planned")],
    ),
    # a zu-infinitive under a plan; under "beginnen" it is under way
    ("Ziel ist es, 8.000 Soldaten in Polen auszubilden.", [(8000, 8000, "exact", None, "planned")]),
    (
        "Die Armee hat damit begonnen, 2.000 Soldaten an die Grenze zu verlegen.",
        [(2000, 2000, "exact", None, "deployed")],
    ),
    # country: the side noun's adjective; a place after a preposition is no nationality (C5)
    ("Im niederländischen Kontingent dienen 450 Soldaten.", [(450, 450, "exact", "NL", "strength")]),
    ("Im westafrikanischen Niger wurden 30 Soldaten getötet.", [(30, 30, "exact", None, "killed")]),
    # multinational in the figure's clause; the other clause's state is not its country
    (
        "Während die Nato mit 40.000 Soldaten übt, verlegte Russland 20.000 Soldaten an die Grenze.",
        [(40000, 40000, "exact", None, "deployed"), (20000, 20000, "exact", "RU", "deployed")],
    ),
    # what counts (W2): unit names, ages in brackets, mixed tolls, ages after "und"
    ("Das Jägerbataillon 292 übte mit 600 Soldaten.", [(600, 600, "exact", None, "deployed")]),
    ("Oberst Meier (52) führt 900 Soldaten.", [(900, 900, "exact", None, "other")]),
    (
        "Bei den Kämpfen wurden 310 Menschen getötet, darunter 120 Soldaten und 190 Zivilisten.",
        [(120, 120, "exact", None, "killed")],
    ),
    ("Die gefallenen Soldaten waren zwischen 19 und 24 Jahre alt.", []),
    # a ceiling is up_to (Q2); a mandate's ceiling is a presence (S5)
    ("Das Mandat sieht eine Obergrenze von 1.100 Soldaten vor.", [(None, 1100, "up_to", None, "stationed")]),
    # a verb outranks a noun in its clause; "werden … verlegt" is announced (S2)
    ("Die Truppenstärke soll um 700 Soldaten verringert werden.", [(700, 700, "exact", None, "planned")]),
    ("Im Frühjahr werden 1.200 Soldaten nach Litauen verlegt.", [(1200, 1200, "exact", None, "planned")]),
    ("Im Frühjahr wurden 1.200 Soldaten nach Litauen verlegt.", [(1200, 1200, "exact", None, "deployed")]),
    # a finite present of sending is news announcing the move, still to happen (S2); a past or perfect is done (S4)
    ("Schweden entsendet 250 Soldaten in den Kosovo.", [(250, 250, "exact", "SE", "planned")]),
    ("Wegen der Krise verlegen die Niederlande rund 400 weitere Soldaten nach Rumänien.", [(400, 400, "approx", "NL", "planned")]),
    ("Schweden entsandte 250 Soldaten in den Kosovo.", [(250, 250, "exact", "SE", "deployed")]),
    ("Schweden hat 250 Soldaten in den Kosovo entsandt.", [(250, 250, "exact", "SE", "deployed")]),
    # a reported perfect is a change done: a force abroad has that size (S5)
    (
        "Das Ministerium bestritt, dass die Zahl der in Japan stationierten Soldaten von 9.000 auf 11.000 gestiegen sei.",
        [(9000, 9000, "exact", None, "stationed"), (11000, 11000, "exact", None, "stationed")],
    ),
    # "N von ihnen": a part of troops named a few sentences back (W1)
    (
        "Die Miliz setzte Dutzende Söldner ein. Sie kämpften an der Front. Mindestens 30 von ihnen seien ums Leben gekommen.",
        [(12, None, "vague", None, "deployed"), (30, None, "at_least", None, "killed")],
    ),
    # hiring and taking into a force are recruitment (S3); starting work is not joining one
    ("Die Armee hat in diesem Jahr 4.000 neue Soldaten eingestellt.", [(4000, 4000, "exact", None, "mobilized")]),
    ("Die Miliz heuerte 2000 Söldner an.", [(2000, 2000, "exact", None, "mobilized")]),
    ("Im Sommer werden 40 Offiziere in das Heer aufgenommen.", [(40, 40, "exact", None, "mobilized")]),
    ("Im Mai stießen rund 900 Freiwillige zur Truppe.", [(900, 900, "approx", None, "mobilized")]),
    # a size as it stands ("derzeit", "bisher") in a clause that plans: no plan (S1, S5, S3)
    ("Ziel sei es, die Zahl der derzeit etwa 30.000 Reservisten zu verdoppeln.", [(30000, 30000, "approx", None, "strength")]),
    (
        "Paris kündigte an, 2.000 von derzeit rund 5.000 Soldaten heimzuholen.",
        [(2000, 2000, "exact", "FR", "planned"), (5000, 5000, "approx", "FR", "stationed")],
    ),
    (
        "Die Regierung will die Zahl der Wehrpflichtigen von derzeit 8.000 auf 12.000 pro Jahr erhöhen.",
        [(8000, 8000, "exact", None, "mobilized"), (12000, 12000, "exact", None, "mobilized")],
    ),
    # serving ("tätig", "aktiv") in a force is its size (S1), at a place an operation (S4)
    ("Rund 20.000 Soldaten sind für das dänische Militär aktiv.", [(20000, 20000, "approx", "DK", "strength")]),
    ("Derzeit sind 40 Bundeswehrsoldaten in dem Land tätig.", [(40, 40, "exact", "DE", "deployed")]),
    # crossing a border moves troops (S4); "überschreiten" without a border exceeds a size
    ("Rund 200 Soldaten übertraten am Morgen die Grenze.", [(200, 200, "approx", None, "deployed")]),
    # one list shares its predicate, numbers of other members between (S6); family members are no troops (W2)
    (
        "Die Rebellen nahmen vier Offiziere, mehr als 900 Soldaten sowie rund 300 ihrer Familienmitglieder gefangen.",
        [(4, 4, "exact", None, "captured"), (900, None, "more_than", None, "captured")],
    ),
    # "sollen … sein" with a perfect reports the past (U1), unless a deadline makes it a plan (S2)
    ("In der Nacht sollen rund 900 Soldaten bis an den Stadtrand vorgestoßen sein.", [(900, 900, "approx", None, "deployed")]),
    (
        "Im Land sind 8.000 Soldaten stationiert, von denen bis zum deutsch–französischen Gipfel im Mai 3.000 das Land verlassen haben sollen.",
        [(8000, 8000, "exact", None, "stationed"), (3000, 3000, "exact", None, "planned")],
    ),
    # figures placed among the casualties share their fate (S6); troops on their way are deployed (S4)
    ("Unter den Getöteten befinden sich nach Armeeangaben Dutzende Kommandanten.", [(12, None, "vague", None, "killed")]),
    ("Mehr als 20.000 Soldaten machten sich auf den Weg an die Küste.", [(20000, None, "more_than", None, "deployed")]),
    # "etwas mehr als" is more than (Q2); a part of a whole of no troops counts nothing (W2)
    ("Die Armee meldete etwas mehr als 2900 Tote.", [(2900, None, "more_than", None, "killed")]),
    (
        "Bis zu 2.100 Soldaten werden im Land stationiert sein. 96 der 134 anwesenden Abgeordneten stimmten dafür.",
        [(None, 2100, "up_to", None, "stationed")],
    ),
    # a battle's toll by side after a label of losses (W1); captured or missing is missing (S6)
    (
        "Verluste: Bei den Schweden 3400 Tote; bei den Kaiserlichen 3000 bis 6000 Tote und Verwundete.",
        [(3400, 3400, "exact", None, "killed"), (3000, 6000, "range", None, "killed_or_wounded")],
    ),
    ("Es seien 850 Soldaten gefangen genommen oder vermisst.", [(850, 850, "exact", None, "missing")]),
    ("Die Armee meldete 300 Tote/Verwundete.", [(300, 300, "exact", None, "killed_or_wounded")]),
    # the number of a state's soldiers with no place is its force: its target size is a size (S1);
    # "dort" places it (S2)
    (
        "Die Zahl der Soldaten soll bis 2030 von derzeit 60.000 auf 75.000 wachsen.",
        [(60000, 60000, "exact", None, "strength"), (75000, 75000, "exact", None, "strength")],
    ),
    ("Bald soll die Zahl der Soldaten dort auf 2500 steigen.", [(2500, 2500, "exact", None, "planned")]),
    # an operation's size grown is the operation's (S4)
    ("Die Einsatzstärke wuchs zeitweise auf über 300 Soldaten.", [(300, None, "more_than", None, "deployed")]),
    # a contingent in brackets after its country or people (C1)
    (
        "Im Irak sind neben Polen (2500 Soldaten) auch Spanier (1300 Soldaten) stationiert.",
        [(2500, 2500, "exact", "PL", "stationed"), (1300, 1300, "exact", "ES", "stationed")],
    ),
    # the weak past "-te" is a past, whatever the tagger's morphology says (S4)
    ("Die Briten verlegten 500 Soldaten nach Basra.", [(500, 500, "exact", "GB", "deployed")]),
    ("Im Mai, als Moskau 9000 Soldaten in die Exklave entsandte, wuchs die Sorge.", [(9000, 9000, "exact", "RU", "deployed")]),
    # prisoners of war who were killed or died are killed (S6); freed ones stay captured
    ("Nach Angaben der Behörden saßen 40 Kriegsgefangene in dem Bus und wurden getötet.", [(40, 40, "exact", None, "killed")]),
    ("In den Lagern starben 3000 Kriegsgefangene.", [(3000, 3000, "exact", None, "killed")]),
    (
        "Bei dem Angriff wurden 20 Soldaten getötet und 40 Kriegsgefangene befreit.",
        [(20, 20, "exact", None, "killed"), (40, 40, "exact", None, "captured")],
    ),
    # a noun of sending names a move decided or asked for (S2), unless it has begun (S4)
    ("Das Parlament billigte die Entsendung von 600 Soldaten nach Mali.", [(600, 600, "exact", None, "planned")]),
    ("Die Regierung beantragte die Verlegung von 250 Soldaten an die Grenze.", [(250, 250, "exact", None, "planned")]),
    ("Am Montag begann die Verlegung von 250 Soldaten an die Grenze.", [(250, 250, "exact", None, "deployed")]),
    # figures of one list share their predicate, a noun of the clause aside (S6)
    ("Bei Gefechten im Norden des Landes sind neun Soldaten und drei Polizisten ums Leben gekommen.", [(9, 9, "exact", None, "killed")]),
    # a formation with its troops (S1); a separable reflexive verb ("hielten sich … auf")
    ("Litauen stellt einen Gefechtsverband mit derzeit rund 1.200 Soldaten.", [(1200, 1200, "approx", "LT", "strength")]),
    ("Polen führt einen Nato-Gefechtsverband mit rund 1.100 Soldaten.", [(1100, 1100, "approx", None, "strength")]),
    ("Im Norden hielten sich zuletzt 800 Kämpfer auf.", [(800, 800, "exact", None, "stationed")]),
    # fighters of a non-state group take no state from the sentence (C1); killed and captured mixed (S6)
    (
        "Die Armee habe im Süden bisher mehr als 300 Rebellen getötet und gefangen genommen.",
        [(300, None, "more_than", None, "killed_or_wounded")],
    ),
    ("Nach Angaben der syrischen Armee wurden 80 IS-Kämpfer getötet.", [(80, 80, "exact", None, "killed")]),
    # a part of a figure takes its country (C4) and status; a presence without an operation verb (S5)
    (
        "Insgesamt sind 9.000 kanadische Soldaten im Land, unter ihnen 300 Offiziere.",
        [(9000, 9000, "exact", "CA", "stationed"), (300, 300, "exact", "CA", "stationed")],
    ),
    (
        "Die Regierung geht davon aus, dass derzeit 4.000 irische Soldaten im Libanon sind.",
        [(4000, 4000, "exact", "IE", "stationed")],
    ),
    # a figure joined to the one before takes its country (C4); a UN force does not
    (
        "Insgesamt halten sich 8.000 kubanische Soldaten im Land auf, darunter 400 Offiziere und zwei Generäle.",
        [(8000, 8000, "exact", "CU", "stationed"), (400, 400, "exact", "CU", "stationed"), (2, 2, "exact", "CU", "stationed")],
    ),
    (
        "Getötet wurden 4.000 türkische und 900 UN-Soldaten.",
        [(4000, 4000, "exact", "TR", "killed"), (900, 900, "exact", None, "killed")],
    ),
    # a relative clause on the figure says what happened to these troops
    (
        "Die Einheiten könnten bald die 3.000 Soldaten verstärken, die im Mai geschickt wurden.",
        [(3000, 3000, "exact", None, "deployed")],
    ),
    # the opponent is not the troops' country (C1)
    (
        "Im Kampf gegen ukrainische Truppen haben die Einheiten 2.000 Mann verloren.",
        [(2000, 2000, "exact", None, "killed")],
    ),
    # died in captivity is killed (S6); a reported past is done (U1)
    ("Von ihnen starben 300 Soldaten in Gefangenschaft.", [(300, 300, "exact", None, "killed")]),
    ("Die Armee soll bereits 2.000 Soldaten an die Grenze geschickt haben.", [(2000, 2000, "exact", None, "deployed")]),
    # a one-word zu-infinitive of a separable verb under a plan; an inflected compound casualty noun
    (
        "Als Ziel ist vorgesehen, 6.000 Soldaten in Polen auszubilden.",
        [(6000, 6000, "exact", None, "planned")],
    ),
    (
        "Im Mai fielen 300 Soldaten. Die Zahl der russischen Kriegstoten lag zuletzt bei 70.000.",
        [(300, 300, "exact", None, "killed"), (70000, 70000, "exact", "RU", "killed")],
    ),
    # a zu-infinitive group with a list inside
    (
        "Die Marine hat begonnen, 900 Soldaten, drei Fregatten und zwei U-Boote in die Ostsee zu verlegen.",
        [(900, 900, "exact", None, "deployed")],
    ),
    # the state is the clause's actor: a country name ending in -en is no demonym; the
    # opponent after "gegen" is no owner (C1)
    (
        "Zur Abschreckung gegen Iran will Großbritannien im Frühjahr 2.000 Soldaten in die Region verlegen.",
        [(2000, 2000, "exact", "GB", "planned")],
    ),
    # a verb ends the other figure's noun phrase: "die Spanier" is the actor of both (C1, C4)
    (
        "Mit zunächst 900 Soldaten und heute noch 400 sind die Spanier im Norden des Landes präsent.",
        [(900, 900, "exact", "ES", "stationed"), (400, 400, "exact", "ES", "stationed")],
    ),
    # a comma closing a clause is no list of places sharing a preposition
    (
        "Das Ministerium erklärte unter Verweis auf Satellitenbilder, Russland habe 40.000 Soldaten an die Grenze verlegt.",
        [(40000, 40000, "exact", "RU", "deployed")],
    ),
    # a strong participle of a separable verb ("eingeflogen": ein + fliegen) is the move it
    # names; a past "wurden" with it is done, not a future "werden" (S4)
    (
        "In der Nacht wurden nach Armeeangaben weitere 2.000 Soldaten in die Region eingeflogen.",
        [(2000, 2000, "exact", None, "deployed")],
    ),
    (
        "Die Regierung kündigte an, die Truppe zu verstärken; 600 Soldaten seien bereits eingeflogen worden.",
        [(600, 600, "exact", None, "deployed")],
    ),
    ("Die Nato wird 2.000 Soldaten in die Region entsenden.", [(2000, 2000, "exact", None, "planned")]),
    # "N Mann stark" measures the formation (S1); the clause's status goes on to the next figure
    (
        "Eine rund 600 Mann starke Einheit soll im Mai nach Litauen verlegt werden. Mit ihr kommen weitere 80 Soldaten.",
        [(600, 600, "approx", None, "strength"), (80, 80, "exact", None, "planned")],
    ),
    # a noun of moving or withdrawing governs the figure; a hypothetical clause makes it a plan (S2)
    ("Ein Abzug von 4.000 Soldaten hätte schwere Folgen für die Region.", [(4000, 4000, "exact", None, "planned")]),
    ("Seit Beginn hätten die Streitkräfte 300 Kämpfer getötet.", [(300, 300, "exact", None, "killed")]),
    # a present-tense clause of time or condition takes its matrix clause's future (S2)
    (
        "Das alles wird geschehen, während die Marine mit 3.000 Reservisten die Abwehr übt.",
        [(3000, 3000, "exact", None, "planned")],
    ),
    (
        "Wenn Russland 30.000 Soldaten an die Grenze schickt, wird die Nato reagieren.",
        [(30000, 30000, "exact", "RU", "planned")],
    ),
    (
        "Während die Nato mit 50.000 Soldaten übt, probte Russland den Ernstfall.",
        [(50000, 50000, "exact", None, "deployed")],
    ),
    # a difference is no force of its own
    (
        "Im Herbst sind 2.000 Soldaten weniger an dem Manöver beteiligt als im Vorjahr.",
        [(2000, 2000, "exact", None, "other")],
    ),
    # a non-state group's fighters somewhere, with no verb: the group's size (S1)
    ("Noch rund 8.000 Taliban-Kämpfer in Kundus", [(8000, 8000, "approx", None, "strength")]),
    # "davon" takes its part of the sentence's troop figure, past a counted noun between (W1)
    (
        "Rund 40.000 Soldaten aus zwölf Ländern üben mit, davon 9.000 aus Polen.",
        [(40000, 40000, "approx", None, "deployed"), (9000, 9000, "exact", "PL", "deployed")],
    ),
    # an "um … zu" clause after the verb is the purpose, not a relative clause on the noun
    (
        "Die Türkei wird nach Angaben aus Ankara 2.000 weitere Soldaten entsenden, um die Armee des Nachbarlandes zu unterstützen.",
        [(2000, 2000, "exact", "TR", "planned")],
    ),
    # "und zudem …" continues the figure before (C4); "für Russland" two verbs back names no owner
    (
        "Dabei sollen 300 belarussische Soldaten im Kampf für Russland gefallen sein und zudem 900 Soldaten verwundet worden sein.",
        [(300, 300, "exact", "BY", "killed"), (900, 900, "exact", "BY", "wounded")],
    ),
    # the losing side is a demonym with an attributive participle before it (C1)
    (
        "Die unter fremder Flagge kämpfenden Nordkoreaner haben im Kampf gegen ukrainische Truppen bereits mehr als 1000 Mann verloren.",
        [(1000, None, "more_than", "KP", "killed")],
    ),
    # prisoners where war is spoken of are POWs (W1, S6); in a prison they are not
    ("Nach dem Krieg kamen jeweils 80 Gefangene beider Seiten frei.", [(80, 80, "exact", None, "captured")]),
    ("In dem Gefängnis sitzen 300 Gefangene.", []),
    # a modal of possibility anchored in the present weighs what holds (U1); without the anchor
    # it plans
    (
        "Von den 2.000 Soldaten könnten täglich nur 300 für Patrouillen eingesetzt werden.",
        [(2000, 2000, "exact", None, "deployed"), (300, 300, "exact", None, "deployed")],
    ),
    ("Bis zu 800 Soldaten könnten im Frühjahr eingesetzt werden.", [(None, 800, "up_to", None, "planned")]),
    # a stationing under way is troops moving in (S4); once done, a presence (S5)
    (
        "Frankreich hat damit begonnen, 1.500 Soldaten und Hubschrauber in Rumänien zu stationieren.",
        [(1500, 1500, "exact", "FR", "deployed")],
    ),
    ("Frankreich hat 1.500 Soldaten in Rumänien stationiert.", [(1500, 1500, "exact", "FR", "stationed")]),
    # the predicate after an apposition to the figure is the figure's own
    (
        "Rund 900 Soldaten, davon 200 Pioniere, stehen unter dem Oberbefehl der Nato.",
        [(900, 900, "approx", None, "deployed"), (200, 200, "exact", None, "deployed")],
    ),
    # a total of soldiers and civilians does not separate out the soldiers (W2)
    ("Die Regierung meldete die Rückkehr von 120 Soldaten und Zivilisten aus der Gefangenschaft.", []),
    # "Kriegsgefangene" are POWs by their name; joint subjects give no one country (C1)
    (
        "Armenien und Aserbaidschan haben je 40 Kriegsgefangene ausgetauscht.",
        [(40, 40, "exact", None, "captured")],
    ),
    # an attributive participle of releasing says captivity (S6)
    (
        "Das Ministerium meldete 90 freigelassene georgische Soldaten.",
        [(90, 90, "exact", "GE", "captured")],
    ),
    # quoted speech and the narration around it: the quote's modal and demonyms are its own
    (
        "„Die Polen können uns nicht mehr hören“, sagt der General, der für rund 40 000 Soldaten verantwortlich ist.",
        [(40000, 40000, "approx", None, "other")],
    ),
    # the troops of a coalition led by one state are the coalition's (C5)
    (
        "Damals standen gut 300 000 Soldaten der US-geführten Allianz bereit.",
        [(300000, 300000, "approx", None, "other")],
    ),
    # troops leaving a place: a withdrawal, done (S7) or to come (S2)
    (
        "Am Dienstag haben die letzten 250 Soldaten der Bundeswehr das Lager in Niger verlassen.",
        [(250, 250, "exact", "DE", "other")],
    ),
    ("Die 250 Soldaten sollen das Land bis Mai verlassen.", [(250, 250, "exact", None, "planned")]),
    # "bis zu" with an indicative "können": a mandate's ceiling in force (S5); with "könnten" a plan
    (
        "Bis zu 900 Soldaten können nach dem Beschluss im Libanon eingesetzt werden.",
        [(None, 900, "up_to", None, "stationed")],
    ),
    ("Bis zu 900 Soldaten könnten im Frühjahr in den Libanon verlegt werden.", [(None, 900, "up_to", None, "planned")]),
    # an institution's compound ("Pentagonsprecher") is no demonym: the organ cites its own forces (C1)
    (
        "Zudem seien 14 Soldaten bei einem Unfall ums Leben gekommen, sagte Pentagonsprecher John Kirby.",
        [(14, 14, "exact", "US", "killed")],
    ),
    # members of a force ("Bundeswehrangehörige") are military personnel (W1)
    ("Verletzt wurden im vergangenen Jahr 3.100 Bundeswehrangehörige im Dienst.", [(3100, 3100, "exact", "DE", "wounded")]),
    # the make-up of an operation is deployed (S4), of a formation its strength (S1)
    ("Der Hilfseinsatz besteht aus 1.300 Soldaten.", [(1300, 1300, "exact", None, "deployed")]),
    ("Die Einsatzbrigade besteht aus 5.500 Soldaten.", [(5500, 5500, "exact", None, "strength")]),
    # a part said to belong to the whole shares the whole's status (S7 "Dazu gehörten …")
    (
        "In Rumänien sind 2.000 Nato-Soldaten stationiert, davon gehören rund 700 der französischen Armee an.",
        [(2000, 2000, "exact", None, "stationed"), (700, 700, "approx", "FR", "stationed")],
    ),
    # presence in an area named with its article, no operation verb (S5)
    (
        "Mit derzeit 900 Soldaten sind die Niederländer im nördlichen Teil des Landes präsent.",
        [(900, 900, "exact", "NL", "stationed")],
    ),
    ("Dort sind jetzt noch 400 Soldaten in der Region.", [(400, 400, "exact", None, "stationed")]),
    ("Die 400 Soldaten sind in den kommenden Wochen bereit.", [(400, 400, "exact", None, "other")]),
    # an operation noun governing the figure under a noun of planning is still to come (S2)
    (
        "Ein Vorkommando hat Vorbereitungen für den Einsatz von bis zu 3.000 Soldaten getroffen.",
        [(None, 3000, "up_to", None, "planned")],
    ),
    # the nationality of the formations the figure makes up (C1), the formations' count aside
    (
        "Zwei französische Divisionen mit insgesamt 20.000 Mann wurden an die Grenze verlegt.",
        [(20000, 20000, "exact", "FR", "deployed")],
    ),
    ("Drei sowjetische Armeen mit mehr als 900.000 Soldaten griffen an.", [(900000, None, "more_than", "SU", "deployed")]),
    # troops of two coordinated nationalities are no one state's (C5)
    (
        "Beim Austausch kamen jeweils 120 russische und ukrainische Soldaten frei.",
        [(120, 120, "exact", None, "captured")],
    ),
    # the place troops leave is not their country (C5); a participle the tagger took for a
    # zu-infinitive ("abgezogen") is a completed withdrawal (S7)
    ("Rund 600 Soldaten sollen bis Jahresende aus dem Tschad abgezogen werden.", [(600, 600, "approx", None, "planned")]),
    ("Belgien hat im Sommer 400 Soldaten aus dem Tschad abgezogen.", [(400, 400, "exact", "BE", "other")]),
    # a multinational body that supports another state's forces with its troops (C5)
    (
        "Seit Jahren unterstützt die AU mit 18 000 Mann die malischen Streitkräfte.",
        [(18000, 18000, "exact", None, "deployed")],
    ),
    # an armed force named in the genitive (C1)
    ("Der Beitrag des Bundesheeres besteht aus 180 Soldaten.", [(180, 180, "exact", "AT", "strength")]),
    # a month after "im" is a time, not the place of a presence (S5)
    ("Im Juli waren noch 5.000 Soldaten in Mali.", [(5000, 5000, "exact", None, "stationed")]),
    ("Im Juli 2022 waren es noch 41.000 Zeitsoldaten.", [(41000, 41000, "exact", None, "other")]),
    # a force's size (S1): existence, possession, a target, active service, the whole of a part
    ("Derzeit gibt es in der Marine rund 16.000 Soldaten.", [(16000, 16000, "approx", None, "strength")]),
    ("Im Jahr 1990 hatte die Volksarmee noch 170.000 Soldaten.", [(170000, 170000, "exact", None, "strength")]),
    ("Der Minister strebt bis 2030 rund 20.000 Soldaten an.", [(20000, 20000, "approx", None, "strength")]),
    ("Die Fachleute sehen einen Bedarf von 60.000 Soldaten.", [(60000, 60000, "exact", None, "strength")]),
    ("Künftig sollen nur noch 90.000 Soldaten im aktiven Dienst sein.", [(90000, 90000, "exact", None, "strength")]),
    (
        "Die Armee hat rund die Hälfte ihrer 40.000 Soldaten an die Grenze verlegt.",
        [(40000, 40000, "exact", None, "strength")],
    ),
    # a change of size: done, the size after it (S1) or an amount (S7); to come, the target of
    # the whole national force (S1) or of a force abroad (S2)
    ("Die Zahl der Soldaten wurde 1995 auf 80.000 verringert.", [(80000, 80000, "exact", None, "strength")]),
    ("Die Zahl der Soldaten ist im Vorjahr um 2.000 gesunken.", [(2000, 2000, "exact", None, "other")]),
    ("Die Streitkräfte sollen bis 2030 auf 120.000 Soldaten wachsen.", [(120000, 120000, "exact", None, "strength")]),
    ("Die Truppe in Mali soll auf 900 Soldaten verringert werden.", [(900, 900, "exact", None, "planned")]),
    # an intransitive change says nothing about a figure it does not measure
    ("Die Miliz zählte 2000 Kämpfer und wachse weiter.", [(2000, 2000, "exact", None, "strength")]),
    # a weak verb's preterite is done, whatever an adverb beside it says ("zusätzlich", S5)
    (
        "Im Frühjahr stationierten die Briten 900 Soldaten zusätzlich in Estland.",
        [(900, 900, "exact", "GB", "stationed")],
    ),
    # POWs stay POWs when wounded; soldiers exchanged for others are POWs (S6)
    (
        "Dabei kamen 40 verwundete Kriegsgefangene im Austausch gegen 25 verwundete ukrainische Soldaten frei.",
        [(40, 40, "exact", None, "captured"), (25, 25, "exact", "UA", "captured")],
    ),
    # injuries beside a verb of dying are the cause of death (S6)
    ("Drei weitere Soldaten sind im Lazarett ihren Verletzungen erlegen.", [(3, 3, "exact", None, "killed")]),
    ("Zwölf Soldaten starben an den Folgen ihrer Verwundungen.", [(12, 12, "exact", None, "killed")]),
    # casualty nouns listed together are one mixed total (S6)
    (
        "Bei den Gefechten gab es unter den Soldaten rund 900 Tote, Verwundete und Vermisste.",
        [(900, 900, "approx", None, "killed_or_wounded")],
    ),
    # coordinated figures share the predicate after them, casualties included (S6)
    (
        "Zwölf syrische Soldaten und 14 IS-Kämpfer sollen dabei gestorben sein.",
        [(12, 12, "exact", "SY", "killed"), (14, 14, "exact", None, "killed")],
    ),
    # service in a mission: a copula clause naming it, or a contingent's make-up (S4)
    ("Derzeit sind 600 Soldaten Teil der EU-Mission, die bald enden soll.", [(600, 600, "exact", None, "deployed")]),
    ("Das Kontingent besteht aus 320 Männern und Frauen.", [(320, 320, "exact", None, "deployed")]),
    # a hedge before coordinated figures covers each of them (Q4)
    (
        "Im Krieg fielen rund 4.100 Kanadier und 1.300 Australier.",
        [(4100, 4100, "approx", "CA", "killed"), (1300, 1300, "approx", "AU", "killed")],
    ),
    ("Rund 450 Soldaten wurden getötet, 1.900 verwundet.", [(450, 450, "approx", None, "killed"), (1900, 1900, "exact", None, "wounded")]),
    # "über" after a verb of its clause is the verb's preposition, not "more than" (Q2)
    ("Damals verfügte die Miliz insgesamt über 7.000 Kämpfer.", [(7000, 7000, "exact", None, "strength")]),
    ("Laut dem Bericht starben über 300 Soldaten.", [(300, None, "more_than", None, "killed")]),
    # a truncated compound counts what its completing noun names (W1)
    (
        "Gefallen sind bisher 14 Kompanie- und 9 Bataillonskommandeure sowie 230 Panzer- und Artilleriesoldaten.",
        [(14, 14, "exact", None, "killed"), (9, 9, "exact", None, "killed"), (230, 230, "exact", None, "killed")],
    ),
    # a generic toll followed by its military part is a mixed total (W2); so is one the same
    # sentence says does not separate civilians from fighters
    (
        "Das Land zählte im Krieg etwa 2,1 Millionen Tote, darunter 900.000 Soldaten.",
        [(900000, 900000, "exact", None, "killed")],
    ),
    ("Die Behörde nannte mehr als 9.000 Tote, wobei nicht zwischen Zivilisten und Kämpfern unterschieden wird.", []),
    # readiness: troops on stand-by are other (S7), troops still to be put on readiness planned (S2)
    ("Derzeit stehen 4.000 Soldaten in Bereitschaft.", [(4000, 4000, "exact", None, "other")]),
    (
        "Polen wird für die neue Planung der Nato künftig 12.000 Soldaten in hoher Bereitschaft halten.",
        [(12000, 12000, "exact", "PL", "planned")],
    ),
    # troops on their way (S4); commanders are military personnel (W1)
    ("Im Hochwassergebiet sind 60 Soldaten mit Booten unterwegs.", [(60, 60, "exact", None, "deployed")]),
    ("Getötet wurden mindestens 20 Bataillonskommandanten.", [(20, None, "at_least", None, "killed")]),
    # a ceiling noun: in a mandate's sentence the ceiling in force (S5) or to come (S2)
    (
        "Der Bundestag hat für den Einsatz eine Obergrenze von 900 Soldaten festgelegt.",
        [(None, 900, "up_to", "DE", "stationed")],
    ),
    (
        "Die Regierung werde ein Mandat beschließen, das eine Personalobergrenze von noch 700 Soldaten festlegt.",
        [(None, 700, "up_to", None, "planned")],
    ),
    # the size a change starts from is the force as it stands (S5)
    (
        "Die Mission soll auf maximal 800 statt wie bisher 650 Soldaten wachsen.",
        [(None, 800, "up_to", None, "planned"), (650, 650, "exact", None, "stationed")],
    ),
    # remaining troops are present (S5); a presence "in" a place with an extended attribute
    ("Nur 120 Soldaten verbleiben zur Ausbildung im Land.", [(120, 120, "exact", None, "stationed")]),
    ("Damals waren noch 3000 Soldaten in dem vom Krieg zerstörten Land.", [(3000, 3000, "exact", None, "stationed")]),
    # members of one list share the verb after it (S6)
    (
        "Getötet wurden drei Kommandeure der Miliz und zwei ihrer Stellvertreter sowie 40 Kämpfer.",
        [(3, 3, "exact", None, "killed"), (40, 40, "exact", None, "killed")],
    ),
    # a list after a place: each member counts and takes its own origin (C4)
    (
        "In Litauen sind es 500 Soldaten aus Kanada, in Lettland 400 aus den USA und in Estland 300 aus mehreren Ländern.",
        [(500, 500, "exact", "CA", "stationed"), (400, 400, "exact", "US", "stationed"), (300, 300, "exact", None, "stationed")],
    ),
    # civilians denied in the sentence make no mixed toll (W2)
    (
        "Unter den 80 Getöteten waren nach Angaben der Armee nur Soldaten, keine Zivilisten.",
        [(80, 80, "exact", None, "killed")],
    ),
    # the state a relative clause's subject pronoun stands for; a commanding organ with a
    # country prefix opening the sentence (C1); not an intelligence service reporting on others
    (
        "Als wichtigster Partner gilt Frankreich, das 1.500 Soldaten in die Region entsandt hat.",
        [(1500, 1500, "exact", "FR", "deployed")],
    ),
    ("US-Verteidigungsminister Austin ordnete die Verlegung von 800 Soldaten nach Polen an.", [(800, 800, "exact", "US", "planned")]),
    ("Ein US-Geheimdienst meldete, dass 300 Soldaten getötet wurden.", [(300, 300, "exact", None, "killed")]),
    # two forces' troops in one phrase have no one country (C5); working in a mission (S4)
    ("Rebellen töteten Dutzende malische Soldaten und russische Söldner.", [(12, None, "vague", None, "killed")]),
    ("Derzeit sind 16 Bundeswehrsoldaten in dem Krisenland tätig.", [(16, 16, "exact", "DE", "deployed")]),
    # "haben" as an auxiliary says nothing of a force's size (entrenched: S4); a reported existence is one (S1)
    ("Die 3.000 Soldaten der Mission haben sich in ihrer Basis verschanzt.", [(3000, 3000, "exact", None, "deployed")]),
    ("Vor dem Krieg soll es rund 20.000 Kämpfer gegeben haben.", [(20000, 20000, "approx", None, "strength")]),
    # released POWs (S6); a call-up to military service (S3)
    ("Im Gegenzug kamen 40 ukrainische Soldaten frei.", [(40, 40, "exact", "UA", "captured")]),
    (
        "Mit dem Erlass werden bis Dezember 90.000 Männer zum Wehrdienst gerufen, teilte das Ministerium mit.",
        [(90000, 90000, "exact", None, "mobilized")],
    ),
    # evacuees are civilians (W2); a generic toll beside its named military part is mixed (W2)
    ("Insgesamt wurden 3200 Menschen ausgeflogen, darunter 400 Deutsche und 2000 Afghanen.", []),
    ("Die Armee hat 300 verletzte Soldaten evakuiert.", [(300, 300, "exact", None, "wounded")]),
    (
        "Bei dem Anschlag mit 90 Toten waren auch 11 britische Soldaten getötet und 15 verletzt worden.",
        [(11, 11, "exact", "GB", "killed"), (15, 15, "exact", "GB", "wounded")],
    ),
    # a completed change of a force abroad: its presence before and after (S5)
    (
        "Die Zahl der britischen Soldaten in der Region ist von 4000 auf 2500 gesunken.",
        [(4000, 4000, "exact", "GB", "stationed"), (2500, 2500, "exact", "GB", "stationed")],
    ),
    # enlisting is recruitment (S3); peacekeepers are troops (W1)
    ("Eingeschrieben haben sich im Mai nur 3100 Rekruten.", [(3100, 3100, "exact", None, "mobilized")]),
    ("Derzeit sind 280 Peacekeeper in der Pufferzone im Einsatz.", [(280, 280, "exact", None, "deployed")]),
    # a list of soldiers with police and civilians is a mixed total (W2); an apposition is no list
    ("Derzeit sind rund 90 000 Soldaten, Polizisten und Zivilisten im Einsatz.", []),
    ("Es gab 40 Missionen mit mehr als 200.000 Soldaten und zivilen Mitarbeitern.", []),
    (
        "80.000 deutsche Soldaten, viele davon halbe Kinder, standen ihnen gegenüber.",
        [(80000, 80000, "exact", "DE", "deployed")],
    ),
    # fighters of an armed group named in the genitive have no state, whoever reports them (C1)
    ("Die Armee hat mindestens 40 Kämpfer der Terrorgruppe al-Shabaab getötet.", [(40, None, "at_least", None, "killed")]),
    ("Dabei seien mehr als 90 Kämpfer der afghanischen Taliban getötet worden.", [(90, None, "more_than", None, "killed")]),
    # a nationality's losses make the sentence's tolls that side's (W1); a disaster's dead are not troops
    (
        "Die britischen Verluste wurden mit 240 Toten und knapp 800 Verwundeten angegeben.",
        [(240, 240, "exact", "GB", "killed"), (800, 800, "approx", "GB", "wounded")],
    ),
    ("Bei dem Erdbeben gab es 300 Tote.", []),
    # joining armed forces is recruitment (S3), and the state it happens in calls up (C2)
    (
        "In Belarus sind in diesem Jahr mehr als 20.000 Männer in die Armee eingetreten.",
        [(20000, None, "more_than", "BY", "mobilized")],
    ),
    ("Tausende Menschen schlossen sich den Protesten an.", []),
    # an armed force named with the country in the genitive (C1); a multinational actor in
    # another part of the sentence (C5)
    ("Die Streitkräfte Polens zählen 200.000 Soldaten.", [(200000, 200000, "exact", "PL", "strength")]),
    ("Die Nato probt mit 20.000 Soldaten die Verteidigung Finnlands.", [(20000, 20000, "exact", None, "deployed")]),
    # a war named in a compound is no nationality of the troops (C1)
    (
        "Seit Beginn des Syrien-Krieges sollen dort 5.000 Soldaten ums Leben gekommen sein.",
        [(5000, 5000, "exact", None, "killed")],
    ),
]


@pytest.mark.parametrize("text, expected", CLAUSE_CASES)
def test_troop_figures_from_clause_structure(nlp, text, expected):
    assert [_row(f) for f in _troops(nlp, text)] == expected


def test_no_troops_in_a_text_without_armed_forces(nlp):
    """Foreign victims of an earthquake are no troop figure, whatever their nationality."""
    assert _troops(nlp, "Unter den Toten des Erdbebens sind auch 14 Italiener und zwei Spanier.") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Laut dem dänischen Generalstab wurden 40 Soldaten verwundet.", "dem dänischen Generalstab"),
        ("Nach Marineangaben sind 200 Soldaten an Bord gegangen.", "Marineangaben"),
        ("Nach Angaben eines Armeesprechers wurden 12 Soldaten verletzt.", "eines Armeesprechers"),
        ("Einem Bericht der Zeitung Le Monde zufolge sind 500 Soldaten verlegt worden.", "Einem Bericht der Zeitung Le Monde"),
        ("Im Süden des Landes sind einem neuen Bericht zufolge 900 Soldaten stationiert.", "einem neuen Bericht"),
        ("Die finnische Regierung gab die Zahl der eingezogenen Reservisten mit 900 an.", "finnische Regierung"),
        ("Die Mobilmachung umfasse 25.000 Reservisten, teilte die Regierung in Helsinki mit.", "Regierung in Helsinki"),
    ],
)
def test_attribution_with_the_linguistic_layer(nlp, text, source):
    """The source of a figure: a prepositional phrase ("laut", "nach Angaben", "zufolge"), or
    the subject of a verb of saying, separable particle included ("teilte … mit")."""
    doc = nlp(text)
    sents = doc_sentences(doc)
    found = extract_troop_figures(text, sents, find_numbers(text, sents), doc_entities(doc, sents), tokens=doc_tokens(doc, sents))
    assert [f.attribution for f in found] == [source]


def test_predicate_forms_table_is_in_sync_with_the_lexicons():
    """predicate_forms.tsv.gz holds the forms of exactly the lemmas the rules look for
    (rebuild with scripts/build_predicate_forms.py after editing troop_predicates.tsv)."""
    pytest.importorskip("simplemma", reason="simplemma rebuilds the table (dev extra)")
    import importlib.util

    from pipeline.resources import read_tsv
    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("build_predicate_forms", ROOT / "scripts" / "build_predicate_forms.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = sorted((r["form"], r["lemma"]) for r in read_tsv("predicate_forms.tsv.gz"))
    assert shipped == module.build()


@pytest.mark.parametrize(
    "form, lemma",
    [
        ("eingeflogen", "einfliegen"),
        ("abgezogenen", "abziehen"),
        ("zurückgezogen", "zurückziehen"),
        ("eingezogen", "einziehen"),
        ("angegriffen", "angreifen"),
        ("aufgestockt", "aufstocken"),
        ("Soldaten", "x"),  # no verb: the tagger's lemma stays
    ],
)
def test_separable_participles_find_their_verb(form, lemma):
    from pipeline.clauses import known_lemma

    assert known_lemma("x", form) == lemma


def test_a_multinational_body_after_a_preposition_is_no_owner(nlp):
    """C1, C5: "in einem Nato-Gefechtsverband" is the frame; the Bundeswehr owns the troops."""
    text = (
        "In dem an die belarussische Grenze anschließenden Land ist die Bundeswehr bereits jetzt mit "
        "mehr als 800 Soldaten Führungsnation in einem Nato-Gefechtsverband zur Sicherung der Ostflanke."
    )
    assert [(f.low, f.country) for f in _troops(nlp, text)] == [(800, "DE")]


def test_a_national_force_cited_as_source_gives_its_troops_country(nlp):
    """C1: "nach Angaben der israelischen Armee … ihrer Soldaten": the armed force named, even
    as a multi-word organisation span."""
    text = "Seit dem Angriff sind nach Angaben der israelischen Armee mindestens 40 ihrer Soldaten getötet worden."
    entities = [EntityMention(0, text.index("israelischen"), text.index(" mindestens"), "israelischen Armee", "ORG")]
    found = _troops(nlp, text, entities, [Resolution("israelische Armee", None, "IL")])
    assert [(f.low, f.country, f.status) for f in found] == [(40, "IL", "killed")]


def test_a_toll_the_next_sentence_calls_mixed_is_no_troop_figure(nlp):
    """W2: "Die Angaben unterscheiden nicht zwischen Zivilisten und Kämpfern" makes the toll before
    it a mixed one; soldiers named as such still count."""
    text = (
        "Bei den Kämpfen wurden seit Oktober mehr als 8.000 Sudanesen getötet. "
        "Die Zahlen unterscheiden nicht zwischen Zivilisten und Kämpfern. "
        "Die Armee meldete zudem 300 getötete Soldaten."
    )
    assert [(f.low, f.status) for f in _troops(nlp, text)] == [(300, "killed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die beiden Länder haben erneut Gefangene ausgetauscht. "
            "Nach Angaben aus Kiew wurden dabei 95 ukrainische Soldaten in die Heimat zurückgebracht.",
            [(95, "captured")],
        ),
        (
            "Der Gefangenenaustausch fand an der Grenze zu Belarus statt. "
            "Im Gegenzug kehrten 80 russische Soldaten nach Russland zurück.",
            [(80, "captured")],
        ),
        (
            "Beide Seiten hatten zuvor über Kriegsgefangene verhandelt. "
            "Am Montag hat Aserbaidschan 12 armenische Soldaten an Armenien übergeben.",
            [(12, "captured")],
        ),
        # no captivity spoken of: bringing troops home is a completed withdrawal (S7)
        ("Frankreich hat im vergangenen Jahr 1.500 Soldaten aus Niger zurückgeholt.", [(1500, "other")]),
    ],
)
def test_troops_brought_home_after_captivity_are_returned_prisoners(nlp, text, expected):
    """S6: a return ("zurückbringen", "zurückkehren", "heimholen") where the sentence or the two
    before speak of captivity or an exchange gives captured, not a withdrawal."""
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Vereinigten Staaten wollen ihre Truppen in Syrien bis Ende Juni auf knapp 900 Soldaten verringern.",
            [(900, "US", "planned")],
        ),
        (
            "Bei dem Angriff sind nach Angaben aus Abu Dhabi 12 Soldaten der Vereinigten Arabischen Emirate getötet worden.",
            [(12, "AE", "killed")],
        ),
    ],
)
def test_a_country_named_in_several_words_is_the_troops_owner(tmp_path, text, expected):
    """C1: "die Vereinigten Staaten" as the subject, "der Vereinigten Arabischen Emirate" after
    the noun, resolved to the country by the places stage."""
    from pipeline.runner import run

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(text)
    run([str(tmp_path / "in")], tmp_path / "out", progress=False)
    rows = pq.read_table(tmp_path / "out" / "troop_figures").to_pylist()
    assert [(r["low"], r["country"], r["status"]) for r in rows] == expected


def test_a_noun_of_information_takes_ueber_as_about(nlp):
    """Q2: "Erkenntnisse über 2.000 Soldaten" is about 2.000 soldiers, not more than 2.000."""
    found = _troops(nlp, "Sie hätten Erkenntnisse über 2.000 Soldaten aus Belarus in der Region.")
    assert [(f.low, f.high, f.qualifier) for f in found] == [(2000, 2000, "exact")]


def test_a_multinational_actor_beyond_the_figures_clause_gives_no_country(nlp):
    """C5: in "Mit 20.000 Soldaten: Nato probt die Verteidigung Finnlands" the Nato acts; the
    country named as the object's owner is not the troops' nationality."""
    found = _troops(nlp, "Mit 20.000 Soldaten: Nato probt die Verteidigung Finnlands")
    assert [(f.low, f.country) for f in found] == [(20000, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Auf Seiten Georgiens sind nach Regierungsangaben 170 Soldaten gefallen.", [(170, "GE")]),
        ("Aufseiten der Ukraine wurden in der Nacht 45 Soldaten verwundet.", [(45, "UA")]),
        ("Die Reiterei der österreichischen Feldarmee zählte 12.000 Mann.", [(12000, "AT")]),
        ("Der polnischen Panzerbrigade gehören 3.200 Soldaten an.", [(3200, "PL")]),
        ("Laut einer russischen Webseite starben 500 Soldaten.", [(500, None)]),
    ],
)
def test_the_side_named_in_a_genitive_or_a_compound_gives_the_country(nlp, text, expected):
    """C1: "auf Seiten <Land>" / "aufseiten der <Land>" name the side the troops belong to, as
    "auf georgischer Seite" does; a nationality adjective before a compound whose head is an
    armed force ("Feldarmee", "Panzerbrigade") too. A "Webseite" is no side."""
    assert [(f.low, f.country) for f in _troops(nlp, text)] == expected


def test_cavalrymen_are_troops(nlp):
    found = _troops(nlp, "Die Armee zählte 90.000 Infanteristen und 12.000 Kavalleristen.")
    assert [f.low for f in found] == [90000, 12000]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Etwa 3.000 Soldaten werden weiter in Estland stationiert bleiben.", [(3000, "stationed")]),
        ("Rund 8.000 Soldaten sollen in Litauen stationiert bleiben.", [(8000, "stationed")]),
        ("Im nächsten Jahr sollen 4.000 Soldaten in Litauen stationiert werden.", [(4000, "planned")]),
    ],
)
def test_troops_that_stay_are_stationed_whatever_the_tense(nlp, text, expected):
    """S5: "stationiert bleiben" keeps a presence (a contingent kept at its size); only a
    stationing still to come is planned (S2)."""
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


def test_zusaetzlich_zu_is_a_preposition_not_a_plan(nlp):
    """S1: "hat derzeit 9.000 Berufssoldaten zusätzlich zu den 4.700 Wehrpflichtigen" states a
    force's size; "zusätzlich zu" means "in addition to". "zusätzlich 3.000 Soldaten schicken"
    stays a plan (S2)."""
    found = _troops(nlp, "Norwegen hat derzeit 9.000 Berufssoldaten zusätzlich zu den 4.700 Wehrpflichtigen.")
    assert [(f.low, f.status) for f in found] == [(9000, "strength"), (4700, "strength")]
    found = _troops(nlp, "Die USA wollen zusätzlich 3.000 Soldaten nach Polen schicken.")
    assert [(f.low, f.status) for f in found] == [(3000, "planned")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the adverb only adds beside a stated size (S1) or a done move
        ("Pakistan hat rund 612.000 Soldaten und zusätzlich 513.000 Reservisten.", [(612000, "strength"), (513000, "strength")]),
        ("Die Armee zählt 20.000 Soldaten und zusätzlich 8.000 Reservisten.", [(20000, "strength"), (8000, "strength")]),
        # or beside a perfect of a troop predicate: what was done (S4, S7 readiness)
        ("Die USA haben zusätzliche 3.000 Soldaten nach Polen verlegt.", [(3000, "deployed")]),
        ("Die Regierung hat 1.200 zusätzliche Soldaten in Bereitschaft versetzt.", [(1200, "other")]),
        # beside a wish, a modal or a move still to come it plans (S2)
        ("Die Bundeswehr hätte gern zusätzlich 20.000 Soldaten.", [(20000, "planned")]),
        ("Die USA wollen zusätzliche 3.000 Soldaten nach Polen verlegen.", [(3000, "planned")]),
        ("Die Nato will zusätzlich 4.000 Soldaten ins Baltikum schicken.", [(4000, "planned")]),
    ],
)
def test_zusaetzlich_beside_a_stated_size_adds_and_plans_nothing(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


def test_commanding_organ_after_the_finite_verb_is_the_subject(nlp):
    """C1: a country-prefixed organ ("US-Präsident") gives the troops' country as the subject,
    whether it opens the sentence or follows its finite verb ("Nun will US-Präsident Trump …")."""
    text = "Nun will US-Präsident Trump rund 1500 weitere Soldaten in den Nahen Osten entsenden."
    assert [(f.low, f.country, f.status) for f in _troops(nlp, text)] == [(1500, "US", "planned")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of presence with "im Einsatz" as its complement: troops in an operation (S4)
        ("Im Einsatz befanden sich zu Beginn 5000 Soldaten.", [(5000, "deployed")]),
        ("Rund 900 Soldaten befinden sich derzeit im Auslandseinsatz.", [(900, "deployed")]),
        # without it, a presence (S5)
        ("Derzeit befinden sich etwa 2.500 britische Soldaten in Estland.", [(2500, "stationed")]),
    ],
)
def test_presence_in_an_operation_is_deployed(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # serving in a force states its size (S1)
        ("In der indischen Armee leisten rund 1,3 Millionen Soldaten ihren Dienst.", [(1300000, "strength")]),
        ("Insgesamt 135 Männer dienen in der Schweizergarde.", [(135, "strength")]),
        ("Rund 180.000 Soldaten dienen in der Bundeswehr.", [(180000, "strength")]),
        # serving in a mission or at a place is deployed (S4), still to come planned (S2)
        ("In Mali leisten derzeit 1.100 Bundeswehrsoldaten Dienst.", [(1100, "deployed")]),
        ("Rund 3.000 Soldaten dienen in der UN-Mission im Libanon.", [(3000, "deployed")]),
        ("Bis 2025 sollen rund 500 Angehörige der Brigade in Litauen ihren Dienst verrichten.", [(500, "planned")]),
        # no place said: the mandate's ceiling decides (S5)
        ("Hier können laut Mandat bis zu 50 deutsche Soldaten ihren Dienst verrichten.", [(None, "stationed")]),
    ],
)
def test_serving_in_a_force_is_its_size_in_a_mission_deployed(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # joining armed forces or their service is a call-up (S3): "einrücken" as "eintreten"
        ("450'000 Soldaten und 200'000 hilfsdienstpflichtige Männer rückten in den Aktivdienst ein.", [(450000, "mobilized"), (200000, "mobilized")]),
        ("Im Herbst rücken 5000 Rekruten zum Bundesheer ein.", [(5000, "mobilized")]),
        ("Tausende Kämpfer schlossen sich der Volksarmee an.", [(1000, "mobilized")]),
        # troops that are the subject enter a place: no call-up
        ("Russische Truppen rückten mit 20.000 Soldaten in Georgien ein.", [(20000, "deployed")]),
    ],
)
def test_joining_armed_forces_is_a_call_up_entering_a_place_is_not(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "musste": an obligation told as met is what was done (S4), "muss"/"müsste" still to come (S2)
        ("Das Ministerium musste bereits 3.500 zusätzliche Soldaten abstellen.", [(3500, "deployed")]),
        ("Die Bundeswehr musste 300 Soldaten nach Mali verlegen.", [(300, "deployed")]),
        ("Die Bundeswehr muss 300 Soldaten nach Mali verlegen.", [(300, "planned")]),
        ("Die Bundeswehr müsste 300 Soldaten nach Mali verlegen.", [(300, "planned")]),
        # "abstellen"/"bereitstellen" troops: a move (S4 done, S2 to come)
        ("Die Bundeswehr will 200 Soldaten für die Mission abstellen.", [(200, "planned")]),
    ],
)
def test_met_obligation_is_done_and_abstellen_moves_troops(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


def test_a_number_after_a_preposition_of_time_span_is_no_troop_figure(nlp):
    """W2: "innerhalb von sieben [Tagen]" counts days; the troops of the sentence have no figure."""
    text = "Statt innerhalb von sieben könnten die Soldaten nun in zwei Tagen zum Einsatz geschickt werden."
    assert _troops(nlp, text) == []
    assert [f.low for f in _troops(nlp, "Binnen drei Wochen wurden 500 Soldaten verlegt.")] == [500]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "aufbieten": calling up troops (S3)
        ("Der Bundesrat hat beschlossen, bis zu 800 Armeeangehörige aufzubieten.", [(None, "mobilized")]),
        ("Es wurden rund 5000 Armeeangehörige kurzfristig für Einsätze aufgeboten.", [(5000, "mobilized")]),
        # a permitted passive deployment is a ceiling (S5), in the past too; an action of the troops is not
        ("Bis zu 8000 Armeeangehörige konnten eingesetzt werden.", [(None, "stationed")]),
        ("Danach können bis zu 100 Soldaten den US-Truppen im Kampf gegen Extremisten helfen.", [(None, "deployed")]),
    ],
)
def test_call_up_by_aufbieten_and_permitted_deployments_as_ceilings(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


def test_a_governments_nationality_as_the_acting_subject_gives_the_troops_country(nlp):
    """C1: the state organ that acts on its troops ("Die britische Regierung hat … versetzt");
    an organ that only says something is a source ("Das britische Verteidigungsministerium
    erklärte, Russland habe … verloren")."""
    text = "Die britische Regierung hat 1.200 zusätzliche Soldaten in Bereitschaft versetzt."
    assert [(f.low, f.country) for f in _troops(nlp, text)] == [(1200, "GB")]
    text = "Das britische Verteidigungsministerium erklärte, Russland habe rund 50.000 Soldaten verloren."
    assert [f.country for f in _troops(nlp, text)] != ["GB"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part named without a verb of its own shares what is said of the whole (W1, S1/S6)
        (
            "Die Regierung will die Streitkräfte auf 800.000 Soldaten vergrößern, davon 500.000 aktive Soldaten.",
            [(800000, "strength"), (500000, "strength")],
        ),
        ("Bei den Kämpfen wurden 2000 Soldaten getötet, darunter 300 Offiziere.", [(2000, "killed"), (300, "killed")]),
        # with its own verb the part has its own status
        ("Im Krieg gerieten 90.000 Soldaten in Gefangenschaft, davon starben 20.000 in den Lagern.", [(90000, "captured"), (20000, "killed")]),
    ],
)
def test_a_verbless_part_shares_the_status_of_its_whole(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's whole forces as they stand ("von") and as aimed at ("auf") give their size (S1)
        (
            "Die Zahl der Soldaten in der Armee soll von derzeit 120.000 auf 150.000 steigen.",
            [(120000, "strength"), (150000, "strength")],
        ),
        # "in der Armee" is membership, not a place abroad
        ("Die Regierung will die Zahl der Soldaten im Heer um 5.000 von 60.000 erhöhen.", [(5000, "planned"), (60000, "strength")]),
        # a force abroad as it stands is present there (S5)
        ("Die Zahl der Soldaten in Litauen soll von 800 auf 1.200 steigen.", [(800, "stationed"), (1200, "planned")]),
    ],
)
def test_a_whole_forces_size_before_and_after_a_change_is_its_strength(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # attackers of an armed attack are fighters (W1), with no state unless their phrase names one (C1)
        ("Am Morgen überfielen gut 50 Angreifer einen Stützpunkt der Armee.", [(50, None, "deployed")]),
        ("Die Armee meldete, bei dem Angriff auf die Kaserne seien 12 Angreifer getötet worden.", [(12, None, "killed")]),
        ("Bei dem Anschlag auf das Militärlager wurden zwei Attentäter erschossen.", [(2, None, "killed")]),
    ],
)
def test_attackers_in_an_armed_attack_are_fighters(nlp, text, expected):
    assert [(f.low, f.country, f.status) for f in _troops(nlp, text)] == expected


def test_attackers_outside_a_military_text_are_no_troops(nlp):
    """W2: a football team's forwards, a robbery's attackers."""
    assert _troops(nlp, "Der Trainer setzt am Samstag auf zwei Angreifer und drei Verteidiger.") == []
    assert _troops(nlp, "Die drei Angreifer raubten der Frau am Bahnhof die Handtasche.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # recruits reporting for basic training have been called up (S3): "einrücken" into a recruit school
        ("Am Montag sind rund 9000 Rekruten in die Rekrutenschulen eingerückt.", [(9000, "mobilized")]),
        ("Rund 600 junge Männer rückten in die Rekrutenschule ein.", [(600, "mobilized")]),
        # troops moving into a country invade it: no call-up
        ("Russische Truppen rückten mit 5000 Soldaten in Georgien ein.", [(5000, "deployed")]),
    ],
)
def test_recruits_entering_a_recruit_school_are_called_up(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a whole divided by a copula clause is a force's make-up (S1); its parts share it
        (
            "Von den rund 4.000 Offizieren der Marine sind 350 Frauen und 40 Generäle.",
            [(4000, "strength"), (350, "strength"), (40, "strength")],
        ),
        ("Unter den 120 Soldaten der Staffel sind nur drei Frauen.", [(120, "strength"), (3, "strength")]),
        # with a verb of its own the part says what happened to it
        ("Von den 300 Soldaten der Kompanie wurden 20 verletzt.", [(300, "other"), (20, "wounded")]),
    ],
)
def test_a_whole_divided_by_a_copula_is_a_forces_makeup(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a plan foresees, with nothing else said of the troops, is a force's target size (S1)
        ("Die neue Heeresreform sieht 62.000 Soldaten vor.", [(62000, "strength")]),
        ("Für die Marine sind 9.000 Berufssoldaten vorgesehen.", [(9000, "strength")]),
        # a plan to send troops, or troops foreseen for a mission abroad, is planned (S2)
        ("Der Plan sieht vor, 500 Soldaten nach Mali zu entsenden.", [(500, "planned")]),
        ("Für die Mission in Mali sind 300 Soldaten vorgesehen.", [(300, "planned")]),
    ],
)
def test_a_plan_that_foresees_troops_gives_a_target_size(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # recruits entering the barracks begin their service (S3); a list's commas do not cut the clause
        (
            "Im April sind 40 Soldaten aus Graz, 25 aus Linz und 30 Tiroler in der Kaserne eingerückt und werden bis Herbst ihren Grundwehrdienst ableisten.",
            [(40, "mobilized"), (25, "mobilized")],
        ),
        # two main clauses joined by a comma are two clauses
        ("Die Armee hat die Basis verloren, 477 Soldaten hätten sich ergeben.", [(477, "captured")]),
    ],
)
def test_a_list_before_a_conjunct_clause_stays_one_clause(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan for recruits is a recruitment, mobilized even with a modal (S3, U1)
        ("Die Armee will ab 2027 jährlich 50.000 Freiwillige ausbilden.", [(50000, "mobilized")]),
        ("Die Regierung will im kommenden Jahr 4.000 zusätzliche Wehrpflichtige.", [(4000, "mobilized")]),
        # a plan for soldiers stays planned
        ("Die Armee will ab 2027 jährlich 50.000 Soldaten nach Litauen verlegen.", [(50000, "planned")]),
    ],
)
def test_a_plan_for_recruits_is_a_call_up(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


def test_a_verbless_headline_figure_takes_the_status_the_report_gives_it(nlp):
    """A headline repeats the report: "Mehr als 5.000 Soldaten für Estland" is the deployment
    the body tells; its country stays the headline's own (C1)."""
    text = "Mehr als 5.000 Soldaten für Estland\n\nDie Nato hat mehr als 5.000 Soldaten nach Estland verlegt."
    assert [(f.low, f.status) for f in _troops(nlp, text)] == [(5000, "deployed"), (5000, "deployed")]
    text = "Mehr als 5.000 Soldaten für Estland\n\nDie Nato hat 300 Panzer nach Estland verlegt."
    assert [(f.low, f.status) for f in _troops(nlp, text)] == [(5000, "other")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # soldiers handed over to the other side are prisoners (S6: returned, exchanged)
        ("Russland hat 40 ukrainische Soldaten an die Ukraine übergeben.", [(40, "captured")]),
        # taken to hospital: wounded (S6)
        ("Drei Soldaten mussten ins Krankenhaus eingeliefert werden.", [(3, "wounded")]),
        # leaving troops somewhere: stationing, to come or done (S2, S5)
        ("Die Generäle empfahlen, 900 Soldaten im Land zu belassen.", [(900, "planned")]),
    ],
)
def test_handing_over_hospitalising_and_leaving_troops(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a modal of intention with a time still to come tells a plan (U1, S2)
        ("Bis zum Freitag sollen 2000 weitere Soldaten im Einsatz sein.", [(2000, "planned")]),
        ("In der Region sollen bald 800 Reservisten eine Übung absolvieren.", [(800, "planned")]),
        ("Bis Ende März sollen 400 Soldaten im Land stationiert sein.", [(400, "planned")]),
        # without one, "sollen" about the present is hearsay and keeps the situation's status (U1)
        ("Im Grenzgebiet sollen sich 6.700 Soldaten aufhalten.", [(6700, "stationed")]),
        ("Derzeit sollen 1.700 Soldaten im Einsatz sein.", [(1700, "deployed")]),
    ],
)
def test_a_modal_with_a_time_to_come_is_a_plan(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


def test_a_presence_in_an_operation_named_with_an_adjective_is_deployed(nlp):
    """S4: "befanden sich … im humanitären Einsatz" as "im Einsatz"."""
    text = "Nach dem Erdbeben befanden sich 5.000 Soldaten auf der Insel im humanitären Einsatz."
    assert [(f.low, f.status) for f in _troops(nlp, text)] == [(5000, "deployed")]
    text = "Auf der Insel befanden sich 5.000 Soldaten."
    assert [(f.low, f.status) for f in _troops(nlp, text)] == [(5000, "stationed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of position with a place: troops present there (S5, "stehen in Katar")
        ("In Kuwait stehen derzeit rund 13.000 amerikanische Soldaten.", [(13000, "stationed")]),
        ("Seit Jahren stehen 800 Soldaten am Golan.", [(800, "stationed")]),
        ("Im Baltikum standen damals 3.000 Nato-Soldaten.", [(3000, "stationed")]),
        # a state, not a place: stand-by stays other (S7)
        ("Derzeit stehen 4.000 Soldaten in Bereitschaft.", [(4000, "other")]),
        # buried by an avalanche or rubble: their fate unknown, missing (S6)
        ("Nach dem Erdrutsch sind zwölf Soldaten verschüttet worden.", [(12, "missing")]),
    ],
)
def test_troops_standing_at_a_place_are_stationed_and_buried_ones_missing(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # soldiers abducted by an armed group are taken prisoner (S6)
        ("Die Miliz hat in der Nacht vier Soldaten entführt.", [(4, "captured")]),
        ("Zwölf Soldaten wurden von den Rebellen verschleppt.", [(12, "captured")]),
        # a warship's crew are sailors of a navy (W1); a freighter's are not
        ("Auf der Fregatte wurden drei Matrosen verletzt.", [(3, "wounded")]),
        ("Nach dem Brand auf dem Zerstörer werden sieben Seeleute vermisst.", [(7, "missing")]),
        ("Bei dem Angriff auf das Frachtschiff wurden drei Seeleute getötet.", []),
    ],
)
def test_abducted_soldiers_are_captured_and_warship_crews_are_troops(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number word with its noun left out, after troops were counted, with a verb of fate (W1)
        ("Zwei Soldaten kamen ums Leben. Drei wurden schwer verletzt.", [(2, "killed"), (3, "wounded")]),
        ("Acht Soldaten fielen. Vier weitere gelten als vermisst.", [(8, "killed"), (4, "missing")]),
        ("Dabei wurden zwei Soldaten getötet und sieben weitere verletzt.", [(2, "killed"), (7, "wounded")]),
        # no verb of fate, or other things counted: no troops
        ("Zwei Soldaten kamen ums Leben. Drei Tage später begann die Offensive.", [(2, "killed")]),
        ("Zwei Soldaten kamen ums Leben, vier weitere Häuser wurden zerstört.", [(2, "killed")]),
    ],
)
def test_an_elided_number_word_continues_a_toll(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # releasing soldiers means they were held: prisoners (S6)
        ("Die Rebellen sagten zu, zwölf Soldaten freizugeben.", [(12, "captured")]),
        # setting off, moving up or crossing: troops on their way, done (S4) or to come (S2)
        ("Am Morgen brachen 400 Soldaten in Richtung Front auf.", [(400, "deployed")]),
        ("Rund 2000 Soldaten überquerten in der Nacht die Grenze.", [(2000, "deployed")]),
        ("Morgen sollen 600 Soldaten zur Grenze ausrücken.", [(600, "planned")]),
    ],
)
def test_released_soldiers_are_prisoners_and_troops_setting_off_are_on_their_way(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


def test_a_deployment_verb_in_the_future_tense_is_a_plan(nlp):
    """S2: "werden … teilnehmen" is still to come; the present passive "werden … eingesetzt" is not."""
    text = "Im Herbst werden bis zu 500 Soldaten an der Übung teilnehmen."
    assert [(f.high, f.status) for f in _troops(nlp, text)] == [(500, "planned")]
    text = "Derzeit werden 500 Soldaten in Mali eingesetzt."
    assert [(f.low, f.status) for f in _troops(nlp, text)] == [(500, "deployed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the reported future "werde … entsenden/abziehen" is still to come (U1, S2)
        ("Der Minister sagte, man werde 500 Soldaten nach Mali entsenden.", [(500, "planned")]),
        ("Moskau kündigte an, es werde 3000 Soldaten aus dem Land abziehen.", [(3000, "planned")]),
        # a reported past stays done
        ("Der Sprecher sagte, man habe 500 Soldaten nach Mali entsandt.", [(500, "deployed")]),
    ],
)
def test_a_reported_future_is_a_plan(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a separable verb is not its base verb: "fiel … zurück" is no death (S6)
        ("Nach dem Krieg fiel die Zahl der Soldaten auf 100.000 zurück.", [(100000, "strength")]),
        ("Damals fielen 300 Soldaten.", [(300, "killed")]),
    ],
)
def test_a_separable_verb_is_not_its_base_verb(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


def test_a_verbless_breakdown_after_a_dash_shares_the_whole_figures_status(nlp):
    """ "… 2000 Soldaten zu stationieren - 1700 in Polen und 300 in Deutschland": the parts of a
    plan are planned (S2), not troops present (S5)."""
    text = "Die USA kündigten an, rund 2000 zusätzliche Soldaten in Europa zu stationieren - 1700 in Polen und 300 in Deutschland."
    assert [(f.low, f.status) for f in _troops(nlp, text)] == [(2000, "planned"), (1700, "planned"), (300, "planned")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # remains, bodies and corpses are of the dead (S6)
        ("Die Staaten tauschten die sterblichen Überreste von 120 Soldaten aus.", [(120, "killed")]),
        ("Die Leichen von zwölf Soldaten wurden geborgen.", [(12, "killed")]),
        # sending troops home is a return (S7 done, S2 to come), not a deployment
        ("Die Armee hat 5.000 Reservisten wieder nach Hause geschickt.", [(5000, "other")]),
        ("Die Regierung will 500 Soldaten nach Hause schicken.", [(500, "planned")]),
        ("Die Regierung schickte 500 Soldaten nach Mali.", [(500, "deployed")]),
    ],
)
def test_remains_are_of_the_dead_and_troops_sent_home_return(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a move done is deployed (S4); sent home, a return (S7)
        ("Die Armee verlegte 300 Soldaten an die Grenze.", [(300, "deployed")]),
        ("Israel schickt 27.000 Reservisten heim.", [(27000, "other")]),
    ],
)
def test_a_move_done_is_deployed_and_sending_home_is_a_return(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # civilians with a number of their own are counted apart: the soldiers' figure stands (W1)
        ("Unter den Toten sind 42 Soldaten und drei Zivilisten.", [(42, "killed")]),
        ("Dabei starben 200 Soldaten und 30 Zivilisten.", [(200, "killed")]),
        # one number for both is a mixed total (W2)
        ("Dabei starben 200 Soldaten und Zivilisten.", []),
    ],
)
def test_civilians_counted_apart_leave_the_soldiers_figure(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a status noun after "ohne" tells what did not happen: no status from it
        ("Die Armee eroberte die Stadt ohne eigene Verluste mit 3000 Soldaten.", [(3000, "other")]),
        ("Die Armee zählt ohne Mobilisierung 53.000 Soldaten.", [(53000, "strength")]),
    ],
)
def test_a_status_noun_after_ohne_gives_no_status(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verbless label before a colon says what the verbless figure after it is
        ("Die Friedensstärke der Armee: 53.000 Mann.", [(53000, "strength")]),
        ("Die Verluste der Angreifer: 300 Soldaten.", [(300, "killed_or_wounded")]),
    ],
)
def test_a_label_before_a_colon_gives_the_figure_after_it_its_status(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


def test_a_ships_crew_is_its_size_and_has_the_ships_nationality(nlp):
    """C1, S1: "ein südkoreanisches Kriegsschiff mit 104 Mann an Bord" → KR, the crew's size."""
    text = "Ein südkoreanisches Kriegsschiff mit 104 Mann an Bord ist gesunken."
    assert [(f.low, f.country, f.status) for f in _troops(nlp, text)] == [(104, "KR", "strength")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bare numbers listed after the troops, each with its place: the troops' noun is left out
        # (W1); a number inside a place phrase ("in den zwei Kantonen") is no noun they stand for
        (
            "Bisher wurden 1.200 Soldaten in den zwei nördlichen Provinzen stationiert, 800 in der Hauptstadt und 300 im Süden.",
            [(1200, "stationed"), (800, "stationed"), (300, "stationed")],
        ),
        (
            "Im Einsatz stehen 900 Soldaten aus vier Bataillonen, 400 in Tirol und 250 in Salzburg.",
            [(900, "deployed"), (400, "deployed"), (250, "deployed")],
        ),
        # other things counted, no troops: the bare numbers after them count those things
        ("In den drei Städten wurden 40 Schulen geschlossen, 12 in Graz und 9 in Linz.", []),
    ],
)
def test_bare_numbers_listed_with_places_continue_the_troops(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a whole counts what the whole counts: members of parliament are no troops
        (
            "Der Bundestag stimmte der Entsendung von 780 Soldaten zu. Dafür votierten 440 von 581 Abgeordneten, 135 waren dagegen.",
            [(780, "planned")],  # a sending approved, still to happen (S2)
        ),
        # the part shares the clause's cue with its whole (S6)
        (
            "Die Armee meldete 300 Tote. Rund 1.000 von 1.500 Angreifern wurden gefangen genommen.",
            [(300, "killed"), (1000, "captured"), (1500, "captured")],
        ),
    ],
)
def test_a_part_counts_what_its_whole_counts(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cruiser or a submarine is a unit of a navy: its crew are its sailors (W1)
        ("Beim Untergang des Atom-U-Bootes starben alle 118 Menschen an Bord.", [(118, "killed")]),
        ("Zehn Mitglieder der Besatzung des Raketenkreuzers werden vermisst.", [(10, "missing")]),
        # disappeared is missing (S6)
        ("Zwei Soldaten der Patrouille sind seit Montag spurlos verschwunden.", [(2, "missing")]),
        # a crew of a ship that is no warship is no troops
        ("Beim Untergang der Fähre starben 118 Menschen an Bord.", []),
    ],
)
def test_crews_of_cruisers_and_submarines_and_the_disappeared(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's whole forces as they stand and as aimed at are their size (S1), also in a
        # verbless clause after a colon and for a figure coordinated under the same "auf"
        (
            "Die Regierung will die Zahl der Streitkräfte verdoppeln: von 60.000 auf 120.000 Soldaten.",
            [(60000, "strength"), (120000, "strength")],
        ),
        (
            "Das Heer soll auf 90.000 Berufssoldaten und 20.000 Reservisten wachsen.",
            [(90000, "strength"), (20000, "strength")],
        ),
        # a force abroad: its planned size is a plan (S2)
        ("Die Truppe in Japan soll von 9.400 auf 6.800 Soldaten verringert werden.", [(9400, "stationed"), (6800, "planned")]),
        # the number of conscripts a year, changed: a call-up figure (S3); a count of them as they
        # serve is the force's size
        (
            "Die Regierung will die Zahl der Wehrpflichtigen von rund 8.000 auf 12.000 pro Jahr erhöhen.",
            [(8000, "mobilized"), (12000, "mobilized")],
        ),
        (
            "Das Bundesheer hat 16.000 Berufssoldaten. Die Zahl der Grundwehrdiener beträgt 11.000 bis 12.000.",
            [(16000, "strength"), (11000, "strength")],
        ),
    ],
)
def test_whole_forces_aimed_at_and_conscript_numbers(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a force's size that is somewhere is present there (S5) ...
        ("Die Armee zählt 20.000 Soldaten, davon 5.000 in Mali.", [(20000, "strength"), (5000, "stationed")]),
        # ... not a part that belongs to a force, nor a part of another kind (S1)
        ("Die Ukraine hat eine Million Mann unter Waffen, davon 800 000 in den Streitkräften.", [(1000000, "strength"), (800000, "strength")]),
        ("Die Armee zählt 20.000 Soldaten, davon 5.000 Offiziere.", [(20000, "strength"), (5000, "strength")]),
    ],
)
def test_a_part_of_a_force_at_a_place_is_stationed_there(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


def test_a_country_in_brackets_after_a_place_says_where_it_lies(nlp):
    """"Entebbe (Uganda)": the bracket locates the town; the troops there are not Ugandan (C5)."""
    text = "Die Mission war 1.850 Mann stark, davon 650 in der Basis von Entebbe (Uganda)."
    assert [(f.low, f.country) for f in _troops(nlp, text)] == [(1850, None), (650, None)]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the state's organ as the subject, also after an article and an adjective (C1)
        ("Der damalige US-Präsident hatte 20.000 Soldaten zusätzlich nach Polen entsandt.", "US"),
        # a state after a noun of an alliance's member is a place, not a force's owner (C1, C5)
        ("Angesichts der Krise verlegen die US-Streitkräfte 3000 weitere Soldaten in den Nato-Partnerstaat Polen.", "US"),
        ("Die Streitkräfte Polens zählen 150.000 Soldaten.", "PL"),
    ],
)
def test_the_country_of_the_state_organ_or_force_that_acts(nlp, text, country):
    assert [f.country for f in _troops(nlp, text)] == [country]


def test_bare_numbers_after_their_country_of_origin_continue_the_troops(nlp):
    """"aus den USA 3.288, aus Japan 327": a list of contingents, each after where it comes
    from, the troops' noun left out (W1, C4)."""
    text = "Aus Thailand kommen 4.286 Soldaten, aus den USA 3.288 und aus Japan 327."
    assert [(f.low, f.country) for f in _troops(nlp, text)] == [(4286, "TH"), (3288, "US"), (327, "JP")]


def test_a_genitive_with_an_indefinite_article_names_the_troops_force(nlp):
    """"drei Soldaten eines US-Sondereinsatzkommandos": the unit they belong to says their
    country (C1), not the country where the attack happened."""
    text = "Bei einem Angriff im Südwesten des Nigers sind drei Soldaten eines US-Sondereinsatzkommandos getötet worden."
    assert [(f.low, f.country, f.status) for f in _troops(nlp, text)] == [(3, "US", "killed")]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # verbs of combat and occupation: troops in an operation (S4)
        ("Die rund 3.000 Soldaten haben sich in ihrer Basis verschanzt.", "deployed"),
        ("Drei Tage später war die Insel von mehr als 7.000 Soldaten besetzt.", "deployed"),
        ("Rund 400 Soldaten patrouillieren in den Straßen der Hauptstadt.", "deployed"),
        ("Etwa 500 Soldaten verteidigten die Stadt gegen die Angreifer.", "deployed"),
    ],
)
def test_verbs_of_combat_and_occupation_are_deployment(nlp, text, status):
    assert [f.status for f in _troops(nlp, text)] == [status]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # providing troops to a mission or an exercise: deployed (S4)
        ("Das größte Kontingent stellt Tschad mit 2.000 Soldaten.", [(2000, "deployed")]),
        ("Die Bundeswehr stellt für die Übung rund 12.000 Soldaten.", [(12000, "deployed")]),
        # ... where the clause places them, present there (S5); a formation provided keeps its make-up (S1)
        ("Kanada stellte bislang etwa 500 Soldaten in dem EU-Land Lettland.", [(500, "stationed")]),
        ("Litauen stellt einen Gefechtsverband mit derzeit rund 1.200 Soldaten.", [(1200, "strength")]),
        # giving oneself up: prisoners (S6)
        ("Rund 150 IS-Kämpfer stellten sich den Truppen.", [(150, "captured")]),
        # holding out the prospect of a sending: a plan (S2)
        ("Der Generalsekretär hat die Entsendung von 6000 Blauhelmen in Aussicht gestellt.", [(6000, "planned")]),
    ],
)
def test_providing_troops_and_giving_oneself_up(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Das Ministerium hat die Entführung von zwei Soldaten durch die Miliz bestätigt.",
        "Die Regierung verurteilte die Geiselnahme von 43 Blauhelmsoldaten.",
    ],
)
def test_nouns_of_abduction_make_prisoners(nlp, text):
    """The abduction or hostage-taking of troops: they are held (S6)."""
    assert [f.status for f in _troops(nlp, text)] == ["captured"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an extended attribute's participle is the figure's predicate, not the clause's verb
        (
            "Die Nato will die bislang aus 3800 Soldaten bestehende Truppe um 700 Soldaten aufstocken.",
            [(3800, "strength"), (700, "planned")],
        ),
        ("Die aus rund 300 Soldaten bestehende Kompanie soll nach Litauen verlegt werden.", [(300, "strength")]),
        ("Die Regierung will die mit 500 Soldaten stationierte Einheit verkleinern.", [(500, "stationed")]),
    ],
)
def test_extended_attribute_gives_the_status(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Armee hat nach eigenen Angaben 200 feindliche Kämpfer außer Gefecht gesetzt.",
        "Nach Angaben des Ministeriums wurden 101 Soldaten außer Gefecht gesetzt.",
        "Die Türkei will hundert syrische Soldaten außer Gefecht gesetzt haben.",
    ],
)
def test_out_of_action_is_killed_or_wounded(nlp, text):
    """ "außer Gefecht setzen" (put out of action) says killed or wounded, not which."""
    assert [f.status for f in _troops(nlp, text)] == ["killed_or_wounded"]


def test_a_bare_toll_after_troops_counted_is_theirs(nlp):
    """ "zwölf Tote" with no soldier in its sentence counts the troops the text counted just
    before (W1), up to TOLL_REACH sentences back; not a toll further on."""
    text = (
        "Bei dem Angriff auf die Basis wurden 50 ugandische Soldaten getötet. "
        "Bis zum Abend gab es in der Stadt Kämpfe. "
        "Der Minister bestätigte später zwölf Tote."
    )
    assert [(f.low, f.status) for f in _troops(nlp, text)] == [(50, "killed"), (12, "killed")]
    far = (
        "Bei dem Angriff auf die Basis wurden 50 ugandische Soldaten getötet. "
        "Die Regierung tagte. Der Markt war geöffnet. Die Schulen blieben zu. Das Wetter war gut. "
        "Bei einem Busunglück gab es zwölf Tote."
    )
    assert [f.low for f in _troops(nlp, far)] == [50]


def test_old_spelling_of_missing(nlp):
    """Archive texts in the spelling before 1996 write "vermißt" (S6: missing)."""
    text = "Die Armee meldete 800 vermißte Soldaten."
    assert [(f.low, f.status) for f in _troops(nlp, text)] == [(800, "missing")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one side's losses by the nation in the genitive (W1), as by its adjective
        ("Die Verluste der Amerikaner sind gestiegen, darunter etwa 15 000 Tote.", [(15000, "US", "killed")]),
        ("Die Verluste Russlands liegen nach Schätzungen bei 50.000 Toten.", [(50000, "RU", "killed")]),
        # not the losses of civilians
        ("Die Verluste der Zivilbevölkerung sind hoch: 300 Tote.", []),
    ],
)
def test_a_sides_losses_by_the_genitive(nlp, text, expected):
    assert [(f.low, f.country, f.status) for f in _troops(nlp, text)] == expected


def test_bare_numbers_after_money_are_money(nlp):
    """ "von 171 Millionen Euro auf 230 Millionen": the bare number shares the amount's unit."""
    text = (
        "Der Verteidigungshaushalt der Armee ist gewachsen: von 171 Millionen Euro im Jahr 2021 "
        "auf 230 Millionen im Jahr 2022."
    )
    assert _troops(nlp, text) == []


def test_saudi_adjective_without_hyphen(nlp):
    text = "Bei den Kämpfen wurden vier saudiarabische Soldaten getötet."
    assert [(f.low, f.country) for f in _troops(nlp, text)] == [(4, "SA")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb that governs the figure comes before a relative clause on it
        (
            "Binnen zwei Tagen mobilisiert die Armee 300.000 Reservisten, die an der Front kämpfen sollen.",
            [(300000, "mobilized")],
        ),
        # ... but the whole of a part is not what the verb says of the part
        (
            "Nach Angaben der Armee werden noch 137 der insgesamt 168 Offiziere vermisst, die sich im "
            "Hauptquartier aufgehalten hatten.",
            [(137, "missing"), (168, "stationed")],
        ),
    ],
)
def test_governing_verb_before_the_relative_clause(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


def test_article_of_a_treaty_is_no_count(nlp):
    """ "Artikel 5" names the article of a treaty, as "Resolution 2334" names a resolution."""
    text = "Nach Artikel 5 schickten die Verbündeten 300 Soldaten."
    assert [f.low for f in _troops(nlp, text)] == [300]


def test_presence_in_operations_is_a_deployment(nlp):
    """ "befinden sich … in internationalen Einsätzen": present in operations (S4), as "im Einsatz"."""
    text = "Knapp 3000 deutsche Soldaten befinden sich derzeit in internationalen Einsätzen im Ausland."
    assert [(f.low, f.status) for f in _troops(nlp, text)] == [(3000, "deployed")]


@pytest.mark.parametrize(
    "text",
    [
        # withdrawn from one place and moved to another: they serve there now (S4)
        "Aus der Basis waren rund 30 Soldaten abgezogen und nach Jordanien verlegt worden.",
        # made to do it: the move happened ("zwingen", as an aspect verb)
        "Die Offensive hat Russland gezwungen, etwa 30.000 Soldaten von anderen Fronten abzuziehen und in die Region zu verlegen.",
    ],
)
def test_a_withdrawal_and_a_move_is_a_deployment(nlp, text):
    assert [f.status for f in _troops(nlp, text)] == ["deployed"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the active force, as against its reserve: the army's size (S1) where nothing else is said
        ("Der Iran besitzt etwa 610.000 aktive Soldaten.", [(610000, "strength")]),
        ("Die russischen Streitkräfte bringen es auf 850.000 aktive Soldaten.", [(850000, "strength")]),
        # a place still makes them present there (S5)
        ("In Litauen sind 500 aktive Soldaten stationiert.", [(500, "stationed")]),
    ],
)
def test_active_soldiers_are_the_force_size(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


def test_starting_work_is_no_joining_of_a_force(nlp):
    """ "haben 600 Armeeangehörige die Arbeit aufgenommen": the figure's own noun is who
    acts, no force joined (S3 needs armed forces named as what is joined)."""
    text = "Seit Montag haben die ersten 600 Armeeangehörigen in den Lagern die Arbeit aufgenommen."
    assert [f.status for f in _troops(nlp, text)] != ["mobilized"]


def test_exceeding_a_ceiling_moves_no_troops(nlp):
    """ "überschreiten" moves troops only across a border ("die Grenze"); a ceiling
    ("Obergrenze") exceeded is a size, no operation (S1, S4)."""
    text = "Das Heer zählt 147.000 Soldaten. Damit wird die Obergrenze von 140.000 Soldaten überschritten."
    assert "deployed" not in [f.status for f in _troops(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people fleeing a call-up or a war are emigrants, no troops (W2) ...
        ("Nach der Teilmobilmachung flüchteten Hunderttausende Männer nach Georgien und Kasachstan.", []),
        ("Mehr als 200.000 Männer wurden eingezogen, Zehntausende flohen ins Ausland.", [(200000, "mobilized")]),
        # ... soldiers who flee are still soldiers, and a toll of the flight is a toll
        ("Nach der Niederlage flohen 300 Soldaten über die Grenze.", [(300, "other")]),
        ("Im Krieg starben 400 Soldaten; weitere 30 kamen bei ihrer Flucht ums Leben.", [(400, "killed"), (30, "killed")]),
    ],
)
def test_fleeing_people_are_no_troops(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part named by a casualty noun says which losses a general toll holds (S6)
        ("Die Armee zählte 900 Opfer unter ihren Soldaten, davon 250 Tote.", [(900, "killed_or_wounded"), (250, "killed")]),
        ("Die Armee meldete 3000 Opfer unter ihren Soldaten, davon 1100 Gefangene.", [(3000, "killed_or_wounded"), (1100, "captured")]),
        # a part of prisoners stays prisoners, whatever else it is
        ("Am Montag hatten sich die ersten 120 Soldaten ergeben, darunter 30 Schwerverletzte.", [(120, "captured"), (30, "captured")]),
    ],
)
def test_a_casualty_noun_refines_a_general_toll(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


def test_prisoners_taken_by_a_verb_come_home_as_prisoners(nlp):
    """A relative clause with "gefangen genommen" makes the returning troops POWs (S6), also
    where the figure's own clause has no verb before the relative clause."""
    text = "Moskau teilte mit, dass 90 Soldaten, „die bei Charkiw gefangen genommen wurden, zurückgekehrt“ seien."
    assert [(f.low, f.status) for f in _troops(nlp, text)] == [(90, "captured")]


@pytest.mark.parametrize(
    "text",
    [
        # recruits who join ("einrücken") are a call-up (S3), also as the clause's subject
        "Jedes Jahr rücken rund 18.000 Rekruten ein.",
        # Austrian "Grundwehrdiener", and a particle the tagger may take for an article
        "Etwa 12.000 Grundwehrdiener rücken im Jahr ein – viele bleiben nicht lange.",
    ],
)
def test_recruits_who_join_are_mobilized(nlp, text):
    assert [f.status for f in _troops(nlp, text)] == ["mobilized"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ceiling is up_to (Q2), also with an adverb of time between ("von jetzt 1400") ...
        ("Der Einsatz wird mit einer Obergrenze von jetzt 1400 Soldaten ausgebaut.", [(None, 1400, "up_to")]),
        # ... and for both ends of its change ("auf nur noch 300 von bislang 600")
        (
            "Die Obergrenze für das Mandat wird auf nur noch 300 von bislang 600 Soldaten gesenkt.",
            [(None, 300, "up_to"), (None, 600, "up_to")],
        ),
    ],
)
def test_a_ceiling_and_its_change_are_up_to(nlp, text, expected):
    found = _troops(nlp, text)
    assert [(f.low, f.high, f.qualifier) for f in found] == expected
    assert found[-1].text.startswith(("von", "Obergrenze"))  # the second figure's text is its own


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "es handelt sich um" makes the figures the casualties named before (S6)
        ("Bei den 40 Toten handelt es sich um 25 Soldaten und 15 Milizionäre.", [(40, "killed"), (25, "killed"), (15, "killed")]),
        ("Bei den Verletzten handelt es sich um zwölf Soldaten der Bundeswehr.", [(12, "wounded")]),
    ],
)
def test_casualties_identified_by_es_handelt_sich_um(nlp, text, expected):
    assert [(f.low, f.status) for f in _troops(nlp, text)] == expected


def test_es_handelt_sich_um_without_casualties_says_nothing(nlp):
    text = "Wie der Minister mitteilte, handelt es sich dabei um 120 Milizsoldaten aus fünf Bundesländern."
    assert [f.status for f in _troops(nlp, text)] != ["killed"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the make-up or size of a formation still to come is a force that does not exist yet (S2)
        ("Die neue Truppe soll aus bis zu 400 polnischen und bis zu 300 lettischen Soldaten bestehen.", ["planned", "planned"]),
        ("Die geplante EU-Truppe soll bis zu 2.000 Mann stark sein.", ["planned"]),
        # ... not a state's whole forces (S1), nor a size given as an attribute
        ("Die Armee soll künftig 200.000 Soldaten umfassen.", ["strength"]),
        ("Deutschland soll eine Brigade mit 4000 Soldaten führen.", ["strength"]),
    ],
)
def test_a_force_still_to_form(nlp, text, expected):
    assert [f.status for f in _troops(nlp, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # the future in a verb-final clause: its clause-final "werden" is finite, whatever the tagger says (S2)
        "Die Übung, an der auch 3.000 US-Soldaten teilnehmen werden, beginnt im Mai.",
        "Im Herbst werden 3.000 US-Soldaten an der Übung teilnehmen.",
    ],
)
def test_taking_part_still_to_come_is_planned(nlp, text):
    assert [f.status for f in _troops(nlp, text)] == ["planned"]
