"""Tests for place resolution: gazetteer, genitives, countries, tie-break, MISC demonyms."""

from __future__ import annotations

import re
import time

import pytest

from pipeline.normalise.places import (
    canton_code,
    country_name,
    gazetteer,
    match_place,
    resolve_misc,
    resolve_places,
)
from pipeline.records import EntityMention
from tests.conftest import SEEDS, span_mentions


def loc(text: str, *spans: str, label: str = "LOC") -> list[EntityMention]:
    return span_mentions(text, *spans, label=label)


@pytest.mark.parametrize(
    ("span", "name", "country", "kind"),
    [
        ("Russlands", "Russland", "RU", "country"),
        ("der Ukraine", "Ukraine", "UA", "country"),
        ("Nordkoreas", "Nordkorea", "KP", "country"),
        ("Kiews", "Kiew", "UA", "city"),
        ("Kiew", "Kiew", "UA", "city"),
        ("Kyjiw", "Kyjiw", "UA", "city"),
        ("Charkiw", "Charkiw", "UA", "city"),
        ("Donezk", "Donezk", "UA", "city"),
        ("Pjöngjang", "Pjöngjang", "KP", "city"),
        ("Wonsan", "Wonsan", "KP", "city"),
        ("Kursk", "Kursk", "RU", "city"),
        ("Region Kursk", "Kursk", "RU", "region"),
        ("Oblast Donezk", "Donezk", "UA", "region"),
        ("der Vereinigten Staaten", "Vereinigte Staaten", "US", "country"),
        ("USA", "USA", "US", "country"),
        ("den Niederlanden", "Niederlande", "NL", "country"),
        ("im Nahen Osten", "Naher Osten", None, "region"),
        ("Gazastreifens", "Gazastreifen", "PS", "region"),
        ("Bachmut", "Bachmut", "UA", "city"),
        ("Moskaus", "Moskau", "RU", "city"),
        ("LONDON", "London", "GB", "city"),
        ("Wolgograd", "Wolgograd", "RU", "city"),
        ("Bayern", "Bayern", "DE", "region"),
        ("Europa", "Europa", None, "region"),
        ("Krim", "Krim", "UA", "region"),
    ],
)
def test_resolve_place(span: str, name: str, country: str | None, kind: str) -> None:
    text = f"Nachrichten aus {span} heute."
    place = resolve_places(text, loc(text, span)).referents[0]
    assert (place.name, place.country, place.kind) == (name, country, kind)


@pytest.mark.parametrize("city", ["Kiew", "Charkiw", "Donezk", "Wonsan", "Kursk"])
def test_gazetteer_cities_have_coordinates(city: str) -> None:
    place = resolve_places(city, loc(city, city)).referents[0]
    assert place.lat is not None and place.lon is not None and place.geonames_id
    assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180


def test_seed_places() -> None:
    text = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    spans = ("Russlands", "Russland", "Nordkoreas", "Nordkorea", "Ukraine", "Kursk", "Wonsan")
    result = resolve_places(text, loc(text, *spans))
    got = {p.name: p for p in result.referents}
    assert set(got) == {"Russland", "Nordkorea", "Ukraine", "Kursk", "Wonsan"}
    expected = {"Russland": "RU", "Nordkorea": "KP", "Ukraine": "UA", "Kursk": "RU", "Wonsan": "KP"}
    for name, code in expected.items():
        assert got[name].country == code
        assert got[name].lat is not None and got[name].lon is not None
    assert len({p.place_id for p in result.referents}) == 5


def test_genitive_and_nominative_share_one_place() -> None:
    text = "Russlands Krieg: Russland und in Russland"
    result = resolve_places(text, loc(text, "Russlands", "Russland"))
    assert len(result.referents) == 1
    assert result.referents[0].mentions == 3
    assert {r.ref_id for r in result.resolutions} == {result.referents[0].place_id}


def test_tie_break_prefers_country_context_then_population() -> None:
    # Donezk: the big Ukrainian city wins over the small Russian town of the same name.
    assert match_place("Donezk").rows[0].country == "UA"
    text = "Russland meldet Kämpfe bei Donezk."
    place = resolve_places(text, loc(text, "Russland", "Donezk")).referents[1]
    assert place.country == "UA"  # a 50k town in context does not beat a 900k city
    # Context decides between comparable places: Frankfurt (Oder) only if nothing bigger.
    text = "Washington und Großbritannien"
    got = resolve_places(text, loc(text, "Washington", "Großbritannien")).referents[0]
    assert got.country == "US"


def test_unknown_place_takes_country_from_nearest_place() -> None:
    text = "In Berlin am Kottbusser Tor demonstrierten viele."
    result = resolve_places(text, loc(text, "Berlin", "Kottbusser Tor"))
    square = result.referents[1]
    assert (square.name, square.country, square.kind, square.lat) == ("Kottbusser Tor", "DE", "other", None)
    assert result.resolutions[1].note == "country_from_context"


def test_place_ids_stable() -> None:
    a = resolve_places("Kiew", loc("Kiew", "Kiew")).referents[0]
    b = resolve_places("Kiews", loc("Kiews", "Kiews")).referents[0]
    assert a.place_id == b.place_id and a.place_id.startswith("plc_")


def test_gazetteer_loads_fast_and_is_indexed() -> None:
    gazetteer.cache_clear()
    t = time.perf_counter()
    gaz = gazetteer()
    assert time.perf_counter() - t < 1.5  # < 1 s on a quiet machine
    assert len(gaz) > 50_000
    t = time.perf_counter()
    for _ in range(1000):
        match_place("Charkiws")
    assert time.perf_counter() - t < 0.5


def test_country_names() -> None:
    assert country_name("RU") == "Russland"
    assert country_name("KP") == "Nordkorea"


@pytest.mark.parametrize(
    ("span", "norm", "code"),
    [
        ("russische", "Russland", "RU"),
        ("nordkoreanischen", "Nordkorea", "KP"),
        ("ukrainischer", "Ukraine", "UA"),
        ("US-amerikanische", "USA", "US"),
        ("Nordkoreaner", "Nordkorea", "KP"),
        ("Deutschen", "Deutschland", "DE"),
    ],
)
def test_resolve_misc_demonyms(span: str, norm: str, code: str) -> None:
    res = resolve_misc([EntityMention(0, 0, len(span), span, "MISC")])[0]
    assert (res.norm, res.ref_id, res.country) == (norm, code, code)


def test_resolve_misc_without_country_keeps_text() -> None:
    res = resolve_misc([EntityMention(0, 0, 9, "Champions", "MISC")])[0]
    assert res.ref_id is None and res.norm == "Champions" and res.note == "no_country"


def test_common_noun_tagged_as_place_is_dropped() -> None:
    text = "In einer Stellungnahme hieß es"
    res = resolve_places(text, loc(text, "Stellungnahme"))
    assert res.referents == [] and res.resolutions[0].note == "not_a_place"


@pytest.mark.parametrize(("span", "country"), [("Balkanroute", None), ("Berlinale-Palast", "DE")])
def test_compound_place_takes_country_of_its_first_part(span: str, country: str | None) -> None:
    text = f"Viele kamen über die {span} nach Russland."
    res = resolve_places(text, loc(text, span, "Russland"))
    assert res.referents[0].name == span and res.referents[0].country == country
    assert res.resolutions[0].note == "country_from_name"


def test_find_known_places_adds_missed_countries_and_regions() -> None:
    from pipeline.normalise.places import find_known_places

    text = "In der Normandie und im Kosovo-Krieg; Russlands Armee. Oder doch Berlin?"
    have = [EntityMention(0, 39, 48, "Russlands", "LOC")]
    found = find_known_places(text, have)
    assert [m.text for m in found] == ["Normandie", "Kosovo"]
    assert all(m.label == "LOC" for m in found)


@pytest.mark.parametrize(
    ("text", "span"),
    [("Kim Jong Un kam. Dann sprach Kim lange.", "Kim"), ("Im Namen Putins grüßte er.", "Putins")],
)
def test_person_names_tagged_as_places_are_dropped(text: str, span: str) -> None:
    start = text.rindex(span)
    res = resolve_places(text, [EntityMention(0, start, start + len(span), span, "LOC")])
    assert res.referents == [] and res.resolutions[0].note == "person_name"


def test_gazetteer_rows_parse_and_extra_table_has_unique_names() -> None:
    from pipeline.resources import read_tsv

    gaz = gazetteer()
    kinds = {"country", "city", "region", "other"}
    for i in range(0, len(gaz), 97):  # a sample of every 97th row
        row = gaz.row(i)
        assert row.kind in kinds and row.name
        assert row.country is None or len(row.country) == 2
        assert (row.lat is None) == (row.lon is None)
    extra = [(r["name"], r["country"]) for r in read_tsv("places_extra.tsv")]
    assert len(extra) == len(set(extra))
    codes = {gaz.row(i).country for i in range(len(gaz)) if gaz.row(i).kind == "country"}
    assert {"RU", "UA", "KP", "DE", "US", "XK"} <= codes


@pytest.mark.parametrize(
    ("span", "code"), [("Kiewer", "UA"), ("Moskauer", "RU"), ("Berliner", "DE"), ("Pariser", "FR")]
)
def test_city_adjectives_give_a_country(span: str, code: str) -> None:
    res = resolve_misc([EntityMention(0, 0, len(span), span, "MISC")])[0]
    assert res.ref_id == code


@pytest.mark.parametrize(
    ("text", "span", "full"),
    [
        (
            "im Landkreis Pfaffenhofen an der Ilm herrsche Hochwasser",
            "Pfaffenhofen",
            "Pfaffenhofen an der Ilm",
        ),
        ("Die Börse in Frankfurt am Main schloss fester.", "Frankfurt", "Frankfurt am Main"),
        ("Ein Werk in Neumarkt in der Oberpfalz schließt.", "Neumarkt", "Neumarkt in der Oberpfalz"),
        ("Die Universität Freiburg im Breisgau meldet", "Freiburg", "Freiburg im Breisgau"),
        ("Demonstration in Halle (Saale) am Samstag", "Halle", "Halle (Saale)"),
        ("Rothenburg ob der Tauber zieht Touristen an", "Rothenburg", "Rothenburg ob der Tauber"),
        ("außerhalb von St. Petersburg unterzeichnet", "Petersburg", "St. Petersburg"),
        ("das Forum in Sankt Petersburg begann", "Petersburg", "Sankt Petersburg"),
        ("US-Truppen in der Republik Korea", "Korea", "Republik Korea"),
    ],
)
def test_place_span_extended_to_full_name(text: str, span: str, full: str) -> None:
    from pipeline.normalise.places import extend_place_mentions

    start = text.index(span)
    [m] = extend_place_mentions(text, [EntityMention(0, start, start + len(span), span, "LOC")])
    assert m.text == full and text[m.start : m.end] == full


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Berlin am Montag: Die Regierung tagt.", "Berlin"),
        ("In Kiew am Dienstag fielen Bomben.", "Kiew"),
        ("Nach Berlin reiste er im Mai.", "Berlin"),
        ("Frankfurt (dpa) - Die Börse", "Frankfurt"),
        ("Die Soldaten in Mali im Einsatz", "Mali"),
    ],
)
def test_place_span_not_extended_over_ordinary_words(text: str, span: str) -> None:
    from pipeline.normalise.places import extend_place_mentions

    start = text.index(span)
    [m] = extend_place_mentions(text, [EntityMention(0, start, start + len(span), span, "LOC")])
    assert m.text == span


def test_extended_span_swallows_mentions_inside_it() -> None:
    from pipeline.normalise.places import extend_place_mentions

    text = "Frankfurt am Main"
    ms = [EntityMention(0, 0, 9, "Frankfurt", "LOC"), EntityMention(0, 13, 17, "Main", "LOC")]
    assert [m.text for m in extend_place_mentions(text, ms)] == ["Frankfurt am Main"]


def test_short_town_name_joins_its_full_name_in_the_document() -> None:
    text = "in Pfaffenhofen an der Ilm. Später in Pfaffenhofen selbst."
    res = resolve_places(text, loc(text, "Pfaffenhofen an der Ilm", "Pfaffenhofen"))
    assert [(p.name, p.country, p.mentions) for p in res.referents] == [("Pfaffenhofen an der Ilm", "DE", 2)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Putin nannte sie eine Bande von Lügnern und Nazis.", "Lügnern"),
        ("als Jugoslawien in Bürgerkriegen zerfiel", "Bürgerkriegen"),
        ("Bedarf an Integrationskursen abdecken", "Integrationskursen"),
        ("in der mehrheitlich von Albanern bewohnten Region", "Albanern"),
        ("Die Nordkoreaner schickten Truppen", "Nordkoreaner"),
    ],
)
def test_inflected_common_nouns_and_demonyms_are_not_places(text: str, span: str) -> None:
    res = resolve_places(text, loc(text, span))
    assert res.referents == [] and res.resolutions[0].note == "not_a_place"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Treffen am Spreewaldplatz in Kreuzberg", "Spreewaldplatz"),
        ("Gefechte um das Dorf Krynky am Dnipro", "Krynky"),
    ],
)
def test_unknown_place_names_are_kept(text: str, span: str) -> None:
    res = resolve_places(text, loc(text, span))
    assert [p.name for p in res.referents] == [span]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Nachschub in ihre Einsatzgebiete im Nahen Osten bringen", ["Nahen Osten"]),
        ("Truppen der Vereinigten Staaten", ["Vereinigten Staaten"]),
        ("vom Raketenartillerie-Bataillon im thüringischen Sondershausen gestellt", ["Sondershausen"]),
        ("Hubschrauber im nordafghanischen Masar-i-Scharif stationiert", ["Masar-i-Scharif"]),
        ("Im nahe gelegenen Landstuhl befindet sich das Lazarett", ["Landstuhl"]),
        ("aus dem umkämpften Bachmut abgezogen", ["Bachmut"]),
        ("Er sagte im russischen Fernsehen", []),
        ("Im vergangenen Jahr kamen mehr", []),
        ("wie im deutschen Bundestag beschlossen", []),
        ("Er sprach in perfektem Deutsch", []),
        ("Blick vom goldenen See", []),
        ("bei den geistigen Engeln", []),
        ("Bei seinem Mercedes fehlte", []),
        ("ins sibirische Tomsk verlegt", ["Tomsk"]),
    ],
)
def test_find_known_places_inflected_names_and_towns_after_adjectives(text: str, found: list[str]) -> None:
    from pipeline.normalise.places import find_known_places

    assert [m.text for m in find_known_places(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a town the gazetteer knows, right after a locative preposition
        ("Einen Damm in St. Pölten sichern die Helfer.", ["St. Pölten"]),
        ("Die Grenze bei Kufstein ist gesperrt.", ["Kufstein"]),
        ("Sie kamen aus Mürzzuschlag.", ["Mürzzuschlag"]),
        # a place-type noun or a compound of one in apposition before the name
        ("Rauch stieg über der Schwarzmeer-Metropole Odessa auf.", ["Odessa"]),
        ("Die Rebellen nahmen die Provinzhauptstadt Goma ein.", ["Goma"]),
        # ordinary nouns, people and type words of no town stay out
        ("Das Gesetz tritt in Kraft.", []),
        ("Nach Angaben der Polizei war es ruhig.", []),
        ("Sie arbeitet bei Siemens.", []),
        ("Der Flughafen Zug ist klein.", []),
    ],
)
def test_find_known_places_towns_after_a_locative_or_a_type_noun(text: str, found: list[str]) -> None:
    from pipeline.normalise.places import find_known_places

    assert [m.text for m in find_known_places(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("die Truppenstärke auf der koreanischen Halbinsel", ["koreanischen Halbinsel"]),
        ("andere Standorte im indopazifischen Raum", ["indopazifischen Raum"]),
        ("Kämpfe in der Zentralafrikanischen Republik", ["Zentralafrikanischen Republik"]),
        ("Die Nato verlegt Verbände in die baltischen Staaten.", ["baltischen Staaten"]),
    ],
)
def test_find_known_places_lower_case_adjective_names(text: str, found: list[str]) -> None:
    from pipeline.normalise.places import find_known_places

    ms = find_known_places(text)
    assert [m.text for m in ms] == found
    assert resolve_places(text, ms).referents[0].kind == "region" or found[0].startswith("Zentral")


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("Kritik an der Trump-Regierung wächst", "Trump-Regierung", False),
        ("der mögliche Scholz-Nachfolger sagte", "Scholz-Nachfolger", False),
        ("unter Berufung auf Pentagon-Beamte geschrieben", "Pentagon-Beamte", False),
        ("Die Preise im Berlinale-Palast", "Berlinale-Palast", True),
        ("das Spiel im Europa-Park-Stadion", "Europa-Park-Stadion", True),
        ("Grenzübergang Rafah-Süd", "Rafah-Süd", True),
    ],
)
def test_hyphenated_compounds_ending_in_a_noun(text: str, span: str, kept: bool) -> None:
    res = resolve_places(text, loc(text, span))
    assert bool(res.referents) is kept


def test_facility_compound_is_one_place_in_the_country_of_its_context() -> None:
    from pipeline.normalise.places import find_known_places

    text = "im ausverkauften Europa-Park-Stadion in Freiburg an einem Abend"
    found = find_known_places(text, loc(text, "Freiburg"))  # the model's "Freiburg" is kept
    assert [m.text for m in found] == ["Europa-Park-Stadion"]
    res = resolve_places(text, sorted([*found, *loc(text, "Freiburg")], key=lambda m: m.start))
    assert [(p.name, p.country) for p in res.referents] == [
        ("Europa-Park-Stadion", "DE"),
        ("Freiburg", "DE"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("im Kosovo-Krieg", ["Kosovo"]),
        ("über die Europa-Route", ["Europa"]),
        ("Fans im Europa-Park-Stadion-Umfeld", ["Europa"]),
    ],
)
def test_only_facility_compounds_are_taken_whole(text: str, found: list[str]) -> None:
    from pipeline.normalise.places import find_known_places

    assert [m.text for m in find_known_places(text)] == found


# --- issue 18: countries of unknown and ambiguous places, compounds, other entities ----------


def places_of(text: str, *spans: str, context: list[EntityMention] | None = None) -> dict[str, str | None]:
    res = resolve_places(text, loc(text, *spans), context=context or [])
    return {p.name: p.country for p in res.referents}


@pytest.mark.parametrize(
    ("span", "country", "kind"),
    [("Guam", "US", "region"), ("Puerto Rico", "US", "region"), ("Grönland", "DK", "region"), ("DDR", "DE", "country")],
)
def test_place_country_is_the_present_day_state(span: str, country: str, kind: str) -> None:
    text = f"Die Soldaten kamen aus {span} zurück."
    place = resolve_places(text, loc(text, span)).referents[0]
    assert (place.name, place.country, place.kind) == (span, country, kind)


def test_sovereign_table_parses() -> None:
    from pipeline.normalise.places import sovereign

    assert sovereign("GU") == "US" and sovereign("FR") == "FR" and sovereign(None) is None


def test_unknown_place_takes_the_country_the_document_names_most() -> None:
    text = (
        "Das Erdbeben traf Italien schwer. In Norcia und Visso stürzten Häuser ein. "
        "Helfer kamen auch aus Österreich. Italien bittet um Zelte. Zuvor hatte es in Rom gebebt."
    )
    assert places_of(text, "Italien", "Norcia", "Visso", "Österreich", "Rom")["Visso"] == "IT"


def test_unknown_place_prefers_the_country_of_its_own_sentence_on_a_tie() -> None:
    text = "Chile und Peru streiten. Im Hafen von Ilo in Peru liegen Schiffe. Chile schweigt."
    assert places_of(text, "Chile", "Peru", "Ilo")["Ilo"] == "PE"


def test_small_namesake_town_abroad_yields_to_the_document_countries() -> None:
    # The gazetteer's "Gröden" is a Brandenburg village of 1,600; this text is about Italy.
    text = "Im Winter fahren viele nach Italien. Gröden und Cortina sind ausgebucht, sagt Rom."
    places = places_of(text, "Italien", "Gröden", "Rom")
    assert places["Gröden"] == "IT"


def test_small_town_in_a_named_country_keeps_its_row() -> None:
    text = "In Deutschland und in Gröden wird gefeiert."
    assert places_of(text, "Deutschland", "Gröden")["Gröden"] == "DE"


@pytest.mark.parametrize(
    ("span", "name", "country"),
    [
        ("Ostukraine", "Ostukraine", "UA"),
        ("Nordsyriens", "Nordsyrien", "SY"),
        ("Zentralfrankreich", "Zentralfrankreich", "FR"),
        ("Mittelschweden", "Mittelschweden", "SE"),
        ("Südostpolen", "Südostpolen", "PL"),
    ],
)
def test_direction_glued_to_a_country_is_a_region_of_it(span: str, name: str, country: str) -> None:
    text = f"Die Kämpfe in {span} gingen weiter."
    place = resolve_places(text, loc(text, span)).referents[0]
    assert (place.name, place.country, place.kind) == (name, country, "region")


def test_direction_compound_missed_by_the_model_is_found() -> None:
    from pipeline.normalise.places import find_known_places

    text = "Schnee fiel vor allem in Zentralschweden und Westpolen."
    assert [m.text for m in find_known_places(text)] == ["Zentralschweden", "Westpolen"]


@pytest.mark.parametrize(
    ("span", "name", "country"),
    [("Irak-Krieg", "Irak", "IQ"), ("Kosovo-Einsatzes", "Kosovo", "XK"), ("Minsk-Abkommen", "Minsk", "BY")],
)
def test_place_opening_a_hyphenated_compound_is_the_place(span: str, name: str, country: str) -> None:
    text = f"Seit dem {span} ist viel passiert."
    assert places_of(text, span) == {name: country}


@pytest.mark.parametrize(
    ("span", "kind"), [("Rhein-Sieg-Kreis", "region"), ("Hohenzollern-Arena", "other")]
)
def test_hyphenated_name_with_a_place_type_head_is_kept(span: str, kind: str) -> None:
    text = f"Im {span} in Deutschland gab es Regen."
    res = resolve_places(text, loc(text, span, "Deutschland"))
    place = next(p for p in res.referents if p.name == span)
    assert (place.country, place.kind) == ("DE", kind)


def test_country_named_with_und_is_one_place() -> None:
    from pipeline.normalise.places import extend_place_mentions

    text = "Die Regatta führte nach Trinidad und Tobago."
    start = text.index("Trinidad")
    widened = extend_place_mentions(text, [EntityMention(0, start, start + 8, "Trinidad", "LOC")])
    assert [m.text for m in widened] == ["Trinidad und Tobago"]


@pytest.mark.parametrize(
    ("span", "name", "kind"),
    [("Präfektur Fukushima", "Fukushima", "region"), ("Volksrepublik China", "China", "country")],
)
def test_place_type_words_are_stripped(span: str, name: str, kind: str) -> None:
    text = f"Die Lage in der {span} bleibt ruhig."
    place = resolve_places(text, loc(text, span)).referents[0]
    assert (place.name, place.kind) == (name, kind)


def test_type_word_table_parses() -> None:
    from pipeline.normalise.places import directions, type_words

    assert type_words()["oblast"] == "region" and type_words()["republik"] is None
    assert directions()[0] in {"Nordost", "Nordwest", "Südost", "Südwest"}


SWISS_FILLER = " Die Behörden in der Schweiz rechnen mit weiteren Sperrungen im ganzen Land." * 8


@pytest.mark.parametrize("span", ["Strassen", "Spitäler", "Häfen"])
def test_swiss_spelling_and_umlaut_plurals_are_common_nouns(span: str) -> None:
    text = f"Die {span} in der Schweiz sind voll. Die Schweiz ist klein." + SWISS_FILLER
    assert span not in places_of(text, span, "Schweiz")


def test_ss_is_read_as_sharp_s_only_in_swiss_texts() -> None:
    text = "Die Tour führte von Füssen nach Venedig. Das Wetter war heiß." + SWISS_FILLER
    assert places_of(text, "Füssen", "Venedig") == {"Füssen": "DE", "Venedig": "IT"}


def test_name_that_only_starts_like_a_place_is_no_compound() -> None:
    from pipeline.normalise.places import prefix_place

    assert prefix_place("Bosporus") is None  # "Bospor" is an old name of Kertsch
    assert prefix_place("Balkanroute") is not None


def test_surname_after_a_given_name_is_not_a_place() -> None:
    text = "Vorbilder wie Bernhard Russi fuhren hier."
    per = EntityMention(0, text.index("Bernhard"), text.index("Bernhard") + 8, "Bernhard", "PER")
    res = resolve_places(text, loc(text, "Russi"), context=[per])
    assert res.referents == [] and res.resolutions[0].note == "person_name"


def test_name_enumerated_with_organisations_is_not_a_place() -> None:
    text = "Streiks gab es bei Bosch, Continental und Mahle."
    orgs = [loc(text, n, label="ORG")[0] for n in ("Bosch", "Continental")]
    res = resolve_places(text, loc(text, "Mahle"), context=orgs)
    assert res.referents == [] and res.resolutions[0].note == "organisation"


def test_unknown_place_after_a_city_adjective_lies_in_that_city() -> None:
    text = "Man traf sich am Hamburger Gänsemarkt, dann ging es nach Paris."
    assert places_of(text, "Hamburger Gänsemarkt", "Paris")["Hamburger Gänsemarkt"] == "DE"


def test_multi_country_ranges_have_no_country() -> None:
    text = "Im Hindukusch und in der Sahara wird gekämpft."
    assert places_of(text, "Hindukusch", "Sahara") == {"Hindukusch": None, "Sahara": None}


def test_function_word_opening_a_sentence_is_no_place() -> None:
    text = "Er kam spät. Seine Rede war kurz. Später fuhr er an die Seine."
    res = resolve_places(text, loc(text, "Seine"))
    assert [r.note for r in res.resolutions] == ["not_a_place", "not_a_place"] or res.referents == []


def test_function_word_in_mid_sentence_stays_a_place() -> None:
    text = "Die Boote fuhren auf der Seine nach Rouen."
    assert places_of(text, "Seine", "Rouen") == {"Seine": "FR", "Rouen": "FR"}


def test_surname_of_a_person_named_elsewhere_is_not_a_place() -> None:
    text = "Zu den Siegern zählt Bernhard Russi. Russi gewann damals Gold."
    per = EntityMention(0, 21, 29, "Bernhard", "PER")
    res = resolve_places(text, loc(text, "Russi"), context=[per])
    assert res.referents == []


def test_district_of_a_city_lies_in_that_city() -> None:
    text = "Die Jets landeten in Kraków-Balice, nahe Krakau."
    res = resolve_places(text, loc(text, "Kraków-Balice", "Krakau"))
    assert len(res.referents) == 1 and res.referents[0].country == "PL"


def test_unknown_name_coordinated_with_an_organisation_is_not_a_place() -> None:
    text = "Betroffen waren vor allem Siemens und Trumpf."
    org = loc(text, "Siemens", label="ORG")
    assert resolve_places(text, loc(text, "Trumpf"), context=org).referents == []


def test_find_known_places_finds_cities_opening_compounds_and_swiss_spellings() -> None:
    from pipeline.normalise.places import find_known_places

    text = "Nach dem Lissabon-Vertrag und dem Bonner Gipfel sprach man über Weissrussland und Weimar-Bilder."
    assert [m.text for m in find_known_places(text)] == ["Lissabon", "Weissrussland"]


def test_singular_of_a_listed_plural_is_a_common_noun() -> None:
    from pipeline.normalise.places import is_inflected_noun

    assert is_inflected_noun("Revier") and not is_inflected_noun("Minsk")


def test_ambiguous_river_name_is_found_after_an_article() -> None:
    from pipeline.normalise.places import find_known_places

    text = "Oder doch nicht? Die Brücke über die Oder ist gesperrt, sagte er an der Oder."
    found = [(m.start, m.text) for m in find_known_places(text)]
    assert found == [(text.index("Oder", 5), "Oder"), (text.rindex("Oder"), "Oder")]


def test_unknown_name_cut_before_its_second_word_is_widened() -> None:
    from pipeline.normalise.places import extend_place_mentions

    text = "Kämpfe gab es in der Provinz Upper Karamoja am Montag."
    start = text.index("Upper")
    widened = extend_place_mentions(text, [EntityMention(0, start, start + 5, "Upper", "LOC")])
    assert [m.text for m in widened] == ["Upper Karamoja"]


@pytest.mark.parametrize(
    ("before", "town"), [("Hauptbahnhof", "Erfurt"), ("Messezentrum", "Nürnberg"), ("Flugplatz", "Paderborn")]
)
def test_building_named_after_its_town_is_one_place(before: str, town: str) -> None:
    from pipeline.normalise.places import extend_place_mentions

    text = f"Die Polizei räumte das {before} {town} am Abend."
    start = text.index(town)
    widened = extend_place_mentions(text, [EntityMention(0, start, start + len(town), town, "LOC")])
    assert [m.text for m in widened] == [f"{before} {town}"]
    assert places_of(text, f"{before} {town}") == {f"{before} {town}": "DE"}


def test_sentence_initial_lower_case_word_is_no_place() -> None:
    text = "Bisher blieb es ruhig in Kiew."
    assert places_of(text, "Bisher", "Kiew") == {"Kiew": "UA"}


def test_big_city_at_a_sentence_start_stays_a_place() -> None:
    text = "Essen ist die Stadt der Zechen."
    assert places_of(text, "Essen") == {"Essen": "DE"}


def test_big_city_after_a_given_name_stays_a_place() -> None:
    text = "Es heißt, dass Ludwig Paris nicht mochte."
    per = EntityMention(0, text.index("Ludwig"), text.index("Ludwig") + 6, "Ludwig", "PER")
    res = resolve_places(text, loc(text, "Paris"), context=[per])
    assert [p.name for p in res.referents] == ["Paris"]


def test_home_town_named_like_a_noun_keeps_its_country() -> None:
    # "Sitten" (Sion) is also the plural of "Sitte"; the text names no country.
    text = "Das Parlament tagte in Sitten, die Abgeordneten aus Paris staunten." + SWISS_FILLER.replace("Schweiz", "Stadt")
    assert places_of(text, "Sitten", "Paris")["Sitten"] == "CH"


def test_town_after_a_city_in_a_compound_is_that_town() -> None:
    text = "Gestreikt wurde an den Flughäfen Dortmund und Hannover-Langenhagen."
    assert places_of(text, "Dortmund", "Hannover-Langenhagen") == {"Dortmund": "DE", "Langenhagen": "DE"}


@pytest.mark.parametrize(
    ("span", "country"),
    [("Mazedonien", "MK"), ("Swasiland", "SZ"), ("Osttimor", "TL"), ("Kapverden", "CV"), ("Tschechei", "CZ")],
)
def test_usual_german_country_names_are_known(span: str, country: str) -> None:
    text = f"Die Delegation reiste weiter nach {span}."
    assert places_of(text, span) == {span: country}


def test_only_common_nouns_before_a_known_town_give_its_country() -> None:
    text = "Am Nordende des Riffs bei Cape York starben Korallen, meldet Sydney."
    assert places_of(text, "Cape York", "Sydney")["Cape York"] == "AU"


def test_district_named_after_rivers_is_no_city_district() -> None:
    text = "Im Rems-Murr-Kreis in Deutschland regnete es."
    assert places_of(text, "Rems-Murr-Kreis", "Deutschland")["Rems-Murr-Kreis"] == "DE"


def test_city_district_abroad_does_not_outvote_the_documents_country() -> None:
    # "Münster-Geschinen" is a Swiss village, not a district of Münster in Westphalia.
    text = "In Sitten stimmte das Parlament zu. Münster-Geschinen und Obergesteln fusionieren."
    places = places_of(text, "Sitten", "Münster-Geschinen", "Obergesteln")
    assert places["Obergesteln"] == "CH"


def test_compound_name_takes_the_namesake_in_the_documents_country() -> None:
    text = "Spanien jubelt: im Valencia-Stadion siegte der Gastgeber, wie Madrid meldet."
    assert places_of(text, "Spanien", "Valencia-Stadion", "Madrid")["Valencia-Stadion"] == "ES"


def test_unknown_place_takes_country_of_the_place_in_brackets() -> None:
    text = "Die Feier fand in Kleinwurzing (Bezirk Kitzbühel) statt. Israel und Israel und Israel."
    res = resolve_places(text, loc(text, "Kleinwurzing", "Kitzbühel", "Israel"))
    by_name = {p.name: p.country for p in res.referents}
    assert by_name["Kleinwurzing"] == "AT"


@pytest.mark.parametrize("word", ["Unaufhaltsam", "Grundlos"])
def test_adjective_opening_a_sentence_is_no_place(word: str) -> None:
    text = f"Die Lage in Kiew ist ernst. {word} rückt die Front vor."
    res = resolve_places(text, loc(text, word, "Kiew"))
    assert [p.name for p in res.referents] == ["Kiew"]


def test_adjective_shaped_place_in_mid_sentence_is_kept() -> None:
    text = "Wir fuhren nach Kiew. Grundlos war das nicht, sagte er in Kiew über Grundlos."
    res = resolve_places(text, loc(text, "Grundlos", "Kiew"))
    assert "Grundlos" in [p.name for p in res.referents]


def test_gender_inclusive_noun_is_no_place() -> None:
    text = "Viele Bürger:innen kamen nach Kiew."
    res = resolve_places(text, loc(text, "Bürger:innen", "Kiew"))
    assert [p.name for p in res.referents] == ["Kiew"]


@pytest.mark.parametrize(("word", "head"), [("Grenzdorf", "dorf"), ("Nachbarstadt", "stadt"), ("Heimatgemeinde", "gemeinde")])
def test_compound_of_a_place_type_word_is_a_type_word(word: str, head: str) -> None:
    from pipeline.normalise.places import type_head

    assert type_head(word) == head


@pytest.mark.parametrize("word", ["Supermarkt", "Sport", "Dorf", "Kreisverkehr"])
def test_other_compounds_are_no_type_words(word: str) -> None:
    from pipeline.normalise.places import type_head

    assert type_head(word) is None


def test_unknown_place_after_a_compound_type_word_drops_it() -> None:
    text = "Granaten trafen das Bergdorf Kafr Zibad nahe der Grenze zu Syrien."
    res = resolve_places(text, loc(text, "Bergdorf Kafr Zibad", "Syrien"))
    assert "Kafr Zibad" in [p.name for p in res.referents]


def test_known_place_after_a_compound_type_word() -> None:
    hit = match_place("Nachbarstadt Kehl")
    assert hit is not None and hit.surface == "Kehl" and hit.rows[0].country == "DE"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Der Unfall geschah in Köln-Porz am Rhein.", "Köln-Porz"),
        ("Die Wahl in Berlin-Spandau ging knapp aus.", "Berlin-Spandau"),
        ("Der Zug Hamburg-Berlin fiel aus.", "Hamburg"),
        ("Der Berlin-Besuch des Kanzlers war kurz.", "Berlin"),
    ],
)
def test_town_and_district_are_one_place(text: str, found: str) -> None:
    from pipeline.normalise.places import extend_place_mentions

    first = found.split("-")[0]
    start = text.index(first)
    spans = extend_place_mentions(text, [EntityMention(0, start, start + len(first), first, "LOC")])
    assert [m.text for m in spans] == [found]


def test_club_town_in_a_match_report_is_no_place() -> None:
    from pipeline.normalise.places import find_known_places

    text = "Der FC Bayern siegte 3:1. Die Bayern führen nun, in Bayern jubeln die Fans."
    fc = text.index("FC Bayern")
    found = find_known_places(text, [EntityMention(0, fc, fc + 9, "FC Bayern", "ORG")])
    assert [(m.start, m.text) for m in found] == [(text.index("in Bayern") + 3, "Bayern")]


def test_austrian_district_named_after_its_town_is_one_place() -> None:
    """ "Linz-Land", "Graz-Umgebung": the district, not the town (the town is no place here)."""
    text = "Schwere Unwetter trafen die Bezirke Linz-Land und Innsbruck-Land am Abend."
    ms = [m for m in loc(text, "Linz", "Innsbruck")]
    from pipeline.normalise.places import extend_place_mentions

    wide = extend_place_mentions(text, ms)
    assert [m.text for m in wide] == ["Linz-Land", "Innsbruck-Land"]
    found = resolve_places(text, wide).referents
    assert [(p.name, p.country) for p in found] == [("Linz-Land", "AT"), ("Innsbruck-Land", "AT")]
    assert match_place("Linz-Land") is None  # not Linz


def test_town_on_a_river_written_with_a_slash() -> None:
    """Austrian short form "Bruck/Leitha" = Bruck an der Leitha; two towns "Wien/Graz" stay apart."""
    from pipeline.normalise.places import extend_place_mentions

    text = "Die Feuerwehr rückte in Bruck/Leitha und Wien/Graz aus."
    wide = extend_place_mentions(text, loc(text, "Leitha", "Wien", "Graz"))
    assert [m.text for m in wide] == ["Bruck/Leitha", "Wien", "Graz"]
    found = resolve_places(text, wide[:1]).referents
    assert [(p.name, p.country) for p in found] == [("Bruck/Leitha", "AT")]


@pytest.mark.parametrize(
    "text",
    [
        "Die Korvette „Magdeburg“ lief am Morgen aus Kiel aus.",
        "Das Kriegsschiff Hamburg erreichte den Hafen von Kiel.",
        "Über die Fahrt der „Magdeburg“ und des Flottenversorgers „Magdeburg“ schwieg man in Kiel.",
    ],
)
def test_ship_named_after_a_town_is_no_place(text: str) -> None:
    found = resolve_places(text, loc(text, "Magdeburg", "Hamburg", "Kiel")).referents
    assert [p.name for p in found] == ["Kiel"]


def test_town_after_a_non_vessel_noun_stays_a_place() -> None:
    text = "Der Preisträger Hamburg? Nein: Die Delegation reiste nach „Magdeburg“ und Kiel."
    found = resolve_places(text, loc(text, "Hamburg", "Magdeburg", "Kiel")).referents
    assert [p.name for p in found] == ["Hamburg", "Magdeburg", "Kiel"]


@pytest.mark.parametrize(
    ("text", "spans", "country"),
    [
        (
            "Der Föhnsturm deckte in Villach, Klagenfurt und Feldkirchen zahlreiche Dächer ab.",
            ("Villach", "Klagenfurt", "Feldkirchen"),
            "AT",
        ),
        (
            "Die S-Bahn zwischen München, Rosenheim und Feldkirchen fiel am Montag aus.",
            ("München", "Rosenheim", "Feldkirchen"),
            "DE",
        ),
        (
            "Die Gemeinden Bern, Luzern und Freiburg melden volle Spitalbetten.",
            ("Bern", "Luzern", "Freiburg"),
            "CH",
        ),
        (
            "Zwischen Stuttgart, Karlsruhe und Freiburg stand der Verkehr still.",
            ("Stuttgart", "Karlsruhe", "Freiburg"),
            "DE",
        ),
        # a town of the article's country bearing the name as its own, not a larger place with
        # it as an old or foreign name (Den Haag)
        (
            "Die Bühnen in Wien, Graz und Haag spielen im Sommer Komödien.",
            ("Wien", "Graz", "Haag"),
            "AT",
        ),
    ],
)
def test_namesake_in_the_country_the_article_is_about(
    text: str, spans: tuple[str, ...], country: str
) -> None:
    """A town with namesakes in several countries lies where the article's other places lie."""
    found = resolve_places(text, loc(text, *spans)).referents
    assert {p.name: p.country for p in found}[spans[-1]] == country


def test_document_country_needs_a_majority() -> None:
    from pipeline.normalise.places import document_country, match_place

    assert document_country([match_place("Graz"), match_place("Salzburg"), None]) == "AT"
    assert document_country([match_place("Linz"), match_place("Salzburg")]) is None  # Linz am Rhein too
    assert document_country([match_place("Kairo"), match_place("Graz")]) is None  # one place each
    assert document_country([match_place("Bern")]) is None
    assert document_country([match_place("Bern")], swiss=True) == "CH"  # "Strasse": Swiss spelling


@pytest.mark.parametrize(
    ("official", "short"),
    [
        ("Feldkirchen in Kärnten", "Feldkirchen"),
        ("Spielberg bei Knittelfeld", "Spielberg"),
        ("Sankt Johann im Pongau", "Sankt Johann"),
        ("Bad Ischl", None),
        ("Halle (Saale)", None),
    ],
)
def test_located_short_name(official: str, short: str | None) -> None:
    from pipeline.normalise.places import located_short_name

    assert located_short_name(official) == short


def test_town_known_by_its_short_name() -> None:
    text = "Beim Grand Prix in Spielberg jubelten die Fans auf den Tribünen in Judenburg und Knittelfeld."
    found = resolve_places(text, loc(text, "Spielberg", "Judenburg", "Knittelfeld")).referents
    assert {p.name: p.country for p in found}["Spielberg"] == "AT"


def test_country_written_as_one_word() -> None:
    text = "Die Delegation aus Saudiarabien traf am Abend in Genf ein."
    found = resolve_places(text, loc(text, "Saudiarabien", "Genf")).referents
    assert [(p.name, p.country) for p in found] == [("Saudiarabien", "SA"), ("Genf", "CH")]


def test_swiss_cantons_are_regions_of_switzerland() -> None:
    """L4/L5: cantons whose names no town shares (Thurgau, Wallis, Graubünden) are Swiss regions;
    "Tessin" and "Jura" are the cantons, not a German village or a Hungarian city."""
    text = "Unwetter trafen den Thurgau, das Wallis, Graubünden, das Tessin und den Jura."
    found = resolve_places(text, loc(text, "Thurgau", "Wallis", "Graubünden", "Tessin", "Jura")).referents
    assert {(p.name, p.country, p.kind) for p in found} == {
        ("Thurgau", "CH", "region"),
        ("Wallis", "CH", "region"),
        ("Graubünden", "CH", "region"),
        ("Tessin", "CH", "region"),
        ("Jura", "CH", "region"),
    }


# --- names back to the nominative; currency words are no places ------------------------------


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("Der Staatsempfang fand im Neuen Schloss statt.", "Neuen Schloss", "Neues Schloss"),
        ("Die Premiere auf dem Grünen Hügel war ausverkauft.", "Grünen Hügel", "Grüner Hügel"),
        ("Wanderer verirrten sich in der Fränkischen Schweiz.", "Fränkischen Schweiz", "Fränkische Schweiz"),
        ("Der Stau reichte bis zum Großen Deutschen Eck.", "Großen Deutschen Eck", "Großes Deutsches Eck"),
        ("Am Ufer des Weißen Meeres lagen Boote.", "Weißen Meeres", "Weißes Meer"),
        ("Lawinengefahr herrscht in den Hohen Tauern.", "Hohen Tauern", "Hohe Tauern"),
        ("Touristen fotografierten auf dem Roten Platz.", "Roten Platz", "Roter Platz"),
    ],
)
def test_unknown_place_name_gets_its_adjectives_in_the_nominative(text: str, span: str, name: str) -> None:
    assert name in places_of(text, span)


def test_place_name_without_a_known_head_gender_keeps_its_adjective() -> None:
    text = "Die Schiffe kreuzten vor der Unteren Hafenkante."
    assert "Unteren Hafenkante" in places_of(text, "Unteren Hafenkante")


@pytest.mark.parametrize(
    "text",
    [
        "Der Bund beteiligt sich mit drei Millionen Franken an den Kosten.",
        "Die Aktie fiel von 105 Franken auf unter 90 Franken.",
        "Der Konzern zahlte 2 Mio. Franken Busse.",
    ],
)
def test_currency_after_an_amount_is_no_place(text: str) -> None:
    spans = [m.group() for m in re.finditer("Franken", text)]
    assert places_of(text, *spans[:1]) == {}


def test_region_and_currency_of_one_name_in_one_article() -> None:
    text = "In Franken wird gespart. Die Gemeinde zahlte 40 Franken pro Kopf."
    mentions = loc(text, "Franken")  # the first "Franken": the region
    second = text.index("Franken", text.index("40"))
    mentions.append(EntityMention(sent_idx=1, start=second, end=second + len("Franken"), text="Franken", label="LOC"))
    res = resolve_places(text, mentions, context=[])
    assert [(p.name, p.country, p.mentions) for p in res.referents] == [("Franken", "DE", 1)]


def test_rome_by_its_german_name() -> None:
    """GeoNames' three-letter alternates are too noisy to keep (Wan, Sol, Edo), so the German
    exonym "Rom" is a hand-checked name of Rome in places_extra.tsv."""
    text = "Die Regierung in Rom lehnte die Auflagen ab."
    assert places_of(text, "Rom") == {"Rom": "IT"}


@pytest.mark.parametrize(
    "text",
    [
        "Der Kanton zahlt die Hälfte der Kosten.",
        "Es sei nun an Gemeinde, Kanton und Bund, den Familien zu helfen.",
        "Die Kinder spielten im Hof hinter der Schule.",
    ],
)
def test_town_name_used_as_a_common_noun_is_no_place(text: str) -> None:
    span = next(w for w in ("Kanton", "Hof") if w in text)
    assert places_of(text, span) == {}


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("Flüge nach Kanton und Peking fielen aus.", "Kanton", "Kanton"),
        ("Die Messe in Essen war voll.", "Essen", "Essen"),
        ("In Posen und Danzig lebten viele Deutsche.", "Posen", "Posen"),
    ],
)
def test_town_name_that_is_also_a_noun_stays_a_town_where_used_as_a_name(text: str, span: str, name: str) -> None:
    assert name in places_of(text, span)


def test_swiss_town_with_its_canton_code() -> None:
    """Swiss news write a town with its canton's code ("Ferden VS"): the town, in Switzerland,
    even where a namesake elsewhere is better known (Ferden is also a name of Verden, DE)."""
    text = "Die Medienkonferenz fand in Ferden VS statt. In Baden AG und Bern BE regnete es."
    found = resolve_places(text, loc(text, "Ferden VS", "Baden AG", "Bern BE")).referents
    assert [(p.name, p.country) for p in found] == [("Ferden", "CH"), ("Baden", "CH"), ("Bern", "CH")]
    assert canton_code("Blatten VS") == "VS" and canton_code("Washington DC") is None


def test_town_before_a_noun_after_a_locative_preposition_is_no_given_name() -> None:
    """"lösen Soldaten in Sieghartskirchen Verklausungen": a known town after "in", followed by
    a noun with a derivational suffix, is the town, not a given name before a surname."""
    text = "Unter anderem lösen Soldaten in Sieghartskirchen Verklausungen und sichern Dämme."
    assert places_of(text, "Sieghartskirchen") == {"Sieghartskirchen": "AT"}


@pytest.mark.parametrize("word", ["Hannoveranern", "Berlinern", "Wienern", "Braunschweigern"])
def test_dative_plural_of_a_towns_inhabitants_is_no_place(word: str) -> None:
    """ "… aus Engländern, Braunschweigern, Hannoveranern": people, not the towns."""
    text = f"Die Truppen bestanden aus Engländern und {word}."
    assert resolve_places(text, loc(text, word)).referents == []


@pytest.mark.parametrize("word", ["Bayern", "Luzern"])
def test_places_ending_in_ern_stay_places(word: str) -> None:
    text = f"Die Truppen zogen nach {word}."
    assert [p.name for p in resolve_places(text, loc(text, word)).referents] == [word]


@pytest.mark.parametrize(
    ("text", "town", "expected"),
    [
        ("Die Filialen in Unterwart, St. Johann und Wörgl schließen.", "Johann", "St. Johann"),
        ("Ein Damm in Sankt Pölten hielt.", "Pölten", "Sankt Pölten"),
        ("Sie fuhren nach San Marino.", "Marino", "San Marino"),
        ("Sie fuhren nach Marino.", "Marino", "Marino"),
    ],
)
def test_a_saints_town_is_named_whole(text: str, town: str, expected: str) -> None:
    """The model may take the saint's name alone ("Johann" of "St. Johann"): the place is
    the whole name."""
    from pipeline.normalise.places import extend_place_mentions

    assert [m.text for m in extend_place_mentions(text, loc(text, town))] == [expected]


def test_swiss_town_with_its_canton_code_is_a_place_and_the_code_no_organisation() -> None:
    from pipeline.normalise.places import drop_canton_codes, find_known_places
    from pipeline.records import EntityMention

    text = "Das Fest, das in Estavayer-le-Lac FR stattfand, war gross. Die Roche AG meldete Gewinne."
    assert [m.text for m in find_known_places(text)] == ["Estavayer-le-Lac"]
    code = text.index(" FR") + 1
    roche = text.index("Roche AG")
    mentions = [EntityMention(0, code, code + 2, "FR", "ORG"), EntityMention(1, roche, roche + 8, "Roche AG", "ORG")]
    assert [m.text for m in drop_canton_codes(text, mentions)] == ["Roche AG"]  # "AG" after no Swiss town


@pytest.mark.parametrize(("span", "country"), [("Wien-Nord", "AT"), ("Frankfurt-Süd", "DE")])
def test_a_towns_part_named_by_a_compass_point_is_a_place_of_its_own(span: str, country: str) -> None:
    text = f"Die Filialen in Villach und {span} schließen."
    assert [(p.name, p.country) for p in resolve_places(text, loc(text, span)).referents] == [(span, country)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline names the place the report comes from, also a town the NER model misses
        ("Goma – In der Demokratischen Republik Kongo halten die Kämpfe an.", ["Goma"]),
        ("Weil die Lage ruhig ist, bleibt es so.\n\nPriština – Die Regierung hat am Montag getagt.", ["Priština"]),
        (" date 2019-03 Mürzzuschlag (APA) - Der Hagel hat Dächer beschädigt.", ["Mürzzuschlag"]),
        # a sentence with a dash is no dateline
        ("Das ist gut – Die Welt ist klein.", []),
    ],
)
def test_a_dateline_town_is_a_place(text: str, expected: list[str]) -> None:
    from pipeline.normalise.places import dateline_towns

    assert [text[a:b] for a, b in dateline_towns(text)] == expected


@pytest.mark.parametrize(
    ("text", "listed", "expected"),
    [
        # a known town enumerated with a place is a place too
        ("Filialen in Lienz, Mistelbach und Liezen schließen.", "Mistelbach", ["Liezen", "Lienz"]),
        ("Der Stau reichte bis zum Übergang Kiefersfelden/Kufstein.", "Kiefersfelden", ["Kufstein"]),
        # not a word that is also a common noun ("Horn"), nor a person
        ("Filialen in Mistelbach und Horn schließen.", "Mistelbach", []),
    ],
)
def test_known_towns_listed_with_a_place_are_places(text: str, listed: str, expected: list[str]) -> None:
    from pipeline.normalise.places import listed_towns

    start = text.index(listed)
    found = listed_towns(text, [EntityMention(0, start, start + len(listed), listed, "LOC")])
    assert [text[a:b] for a, b in found] == expected


def test_a_country_name_listed_with_peoples_is_a_people() -> None:
    """L2: "Polen", "Ungarn" in a list of peoples are the peoples; elsewhere in the same
    article the countries."""
    text = "Fünf Armeen – die Sowjets, Polen, Ungarn, Bulgaren und Ostdeutschen – marschierten ein."
    assert resolve_places(text, loc(text, "Polen", "Ungarn")).referents == []
    text = "Polen und Ungarn sind Nachbarn der Slowakei."
    assert [p.name for p in resolve_places(text, loc(text, "Polen", "Ungarn")).referents] == ["Polen", "Ungarn"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural noun for settlements introduces a list of places (L1), known or not
        (
            "Die Brückengemeinden Ürzig, Lösnich, Erden und Graach bieten Wein an.",
            ["Ürzig", "Lösnich", "Erden", "Graach"],
        ),
        ("Die Dörfer Ralingen, Wintersdorf und Kordel wurden evakuiert.", ["Ralingen", "Wintersdorf", "Kordel"]),
        # no noun for settlements, or a known person in the list: no such list
        ("Die Worte Freiheit, Gleichheit und Brüderlichkeit stehen am Tor.", []),
        ("Die Städte Merkel und Scholz", []),
    ],
)
def test_names_listed_after_a_noun_for_settlements_are_places(text: str, expected: list[str]) -> None:
    from pipeline.normalise.places import settlement_lists

    assert [text[a:b] for a, b in settlement_lists(text)] == expected


def test_a_settlement_listed_as_a_person_becomes_a_place() -> None:
    from pipeline.normalise.places import relabel_settlements

    text = "Die Gemeinden Ürzig, Lösnich und Graach laden ein."
    mention = EntityMention(0, 21, 28, "Lösnich", "PER")
    assert [m.label for m in relabel_settlements(text, [mention])] == ["LOC"]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # "St." is written "Sankt" in the gazetteer; the text's own spelling stays the name
        ("Es schneit in St. Johann in Tirol.", "St. Johann", "St. Johann in Tirol"),
        # the town before a lake or river that ends the name
        ("Betroffen ist auch St. Ulrich am Pillersee.", "Pillersee", "St. Ulrich am Pillersee"),
    ],
)
def test_saint_towns_and_towns_named_by_a_lake(text: str, span: str, expected: str) -> None:
    from pipeline.normalise.places import extend_place_span

    start = text.index(span)
    a, b = extend_place_span(text, start, start + len(span))
    assert text[a:b] == expected


def test_villages_of_german_speaking_countries_are_in_the_gazetteer() -> None:
    """GeoNames' smallest places of DE/AT/CH: a village in a Swiss article is the Swiss one,
    not a larger namesake with a similar name ("Bözen" in Aargau, not Bozen/Bolzano)."""
    text = "Die Gemeinden Bözen, Effingen und Hornussen im Kanton Aargau stimmten der Fusion zu."
    found = resolve_places(text, loc(text, "Bözen", "Effingen", "Hornussen")).referents
    assert {p.name: p.country for p in found} == {"Bözen": "CH", "Effingen": "CH", "Hornussen": "CH"}
    text = "Die Loipen in Flachau und Gnas sind gespurt."
    assert {p.name: p.country for p in resolve_places(text, loc(text, "Flachau", "Gnas")).referents} == {
        "Flachau": "AT",
        "Gnas": "AT",
    }


def test_a_village_does_not_make_a_city_ambiguous_for_the_articles_country() -> None:
    from pipeline.normalise.places import document_country, match_place

    salzburg = match_place("Salzburg")
    assert salzburg is not None and {r.country for r in salzburg.rows} >= {"AT", "DE"}  # a Bavarian hamlet too
    assert document_country([match_place("Graz"), salzburg]) == "AT"


def test_a_canton_code_must_be_the_towns_canton() -> None:
    """"Roche AG": Roche is a village in Vaud, so "AG" is the company's legal form, not Aargau."""
    from pipeline.normalise.places import swiss_town_codes

    text = "Die Roche AG meldete Gewinne, das Fest in Baden AG war gross."
    assert [text[a:b] for (a, b), _ in swiss_town_codes(text)] == ["Baden"]


@pytest.mark.parametrize(
    ("name", "country"),
    [("Burgenland", "AT"), ("Vorarlberg", "AT"), ("Toskana", "IT"), ("Lombardei", "IT"), ("Bretagne", "FR"), ("Flandern", "BE")],
)
def test_first_level_regions_of_neighbouring_countries_are_known(name: str, country: str) -> None:
    from pipeline.normalise.places import match_place

    hit = match_place(name)
    assert hit is not None and (hit.rows[0].kind, hit.rows[0].country) == ("region", country)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a canton or district named after its seat is a place of its own (L1, L5)
        (
            "Die Wahlen im Kanton Zürich waren knapp; in der Stadt Zürich gewann die SP.",
            ("Zürich",),
            [("Kanton Zürich", "region"), ("Zürich", "city")],
        ),
        ("Die Regierung des Kantons Luzern tagte.", ("Luzern",), [("Kanton Luzern", "region")]),
        ("Im Landkreis Rosenheim fiel Schnee.", ("Rosenheim",), [("Landkreis Rosenheim", "region")]),
        ("Bürgermeister im Landkreis Passau", ("Landkreis Passau",), [("Landkreis Passau", "region")]),
        # a name the gazetteer knows as a region keeps its own name; other type words go
        ("Im Kanton Aargau regnete es.", ("Aargau",), [("Aargau", "region")]),
        ("In der Region Kursk wird gekämpft.", ("Region Kursk",), [("Kursk", "region")]),
    ],
)
def test_a_unit_named_after_its_seat(text: str, spans: tuple[str, ...], expected: list[tuple[str, str]]) -> None:
    places = resolve_places(text, loc(text, *spans)).referents
    assert [(p.name, p.kind) for p in places] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Derby im Allianz Stadion endete 1:1.", ["Allianz Stadion"]),
        ("Die Swiss Life Arena war ausverkauft.", ["Swiss Life Arena"]),
        ("Das Finale fand in der Max-Schmeling-Halle statt.", ["Max-Schmeling-Halle"]),
        ("Basel verlor im St. Jakob-Park.", ["St. Jakob-Park"]),
        # an article, an adjective or a common noun before the venue noun is no name
        ("Das Stadion war voll, die neue Arena leer.", []),
        ("Im Fußball Stadion war es laut.", []),
    ],
)
def test_venue_names(text: str, expected: list[str]) -> None:
    from pipeline.normalise.places import venue_spans

    assert [text[a:b] for a, b in venue_spans(text)] == expected


def test_a_venue_is_one_place_not_its_parts() -> None:
    """L5: a venue named as such is a place of kind other; the ORG "Allianz" inside "Allianz
    Stadion" and the town "Halle" closing "Max-Schmeling-Halle" are not what is named."""
    from pipeline.normalise.places import claim_venues

    text = "Rapid spielte im Allianz Stadion, die Alba-Basketballer in der Max-Schmeling-Halle."
    a = text.index("Allianz")
    b = text.index("Max-Schmeling-Halle")
    ms = [EntityMention(0, a, a + 7, "Allianz", "ORG"), EntityMention(0, b, b + 19, "Max-Schmeling-Halle", "LOC")]
    out = claim_venues(text, ms)
    assert [(m.text, m.label) for m in out] == [("Allianz Stadion", "LOC"), ("Max-Schmeling-Halle", "LOC")]
    places = resolve_places(text, out).referents
    assert [(p.name, p.kind) for p in places] == [("Allianz Stadion", "other"), ("Max-Schmeling-Halle", "other")]


@pytest.mark.parametrize(
    ("span", "country", "kind"),
    [
        ("Mühlviertel", "AT", "region"),
        ("Pinzgau", "AT", "region"),
        ("Toggenburg", "CH", "region"),
        ("Hunsrück", "DE", "region"),
        ("Matterhorn", "CH", "other"),
        ("Großglockner", "AT", "other"),
    ],
)
def test_landscapes_and_mountains_of_the_german_speaking_countries(span: str, country: str, kind: str) -> None:
    text = f"Das Unwetter traf vor allem {span}."
    place = resolve_places(text, loc(text, span)).referents[0]
    assert (place.name, place.country, place.kind) == (span, country, kind)
