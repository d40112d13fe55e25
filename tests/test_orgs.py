"""Tests for organisation resolution and NER label repair."""

from __future__ import annotations

import re

import pytest

from pipeline.normalise.orgs import relabel, resolve_organisations
from pipeline.records import EntityMention


def org_mentions(text: str, *spans: str) -> list[EntityMention]:
    out = []
    taken: list[tuple[int, int]] = []
    for span in sorted(spans, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(span)}(?!\w)", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(EntityMention(0, m.start(), m.end(), m.group(), "ORG"))
    return sorted(out, key=lambda e: e.start)


def orgs(text: str, *spans: str) -> list[str]:
    return [o.name for o in resolve_organisations(text, org_mentions(text, *spans)).referents]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Die Nato tagt. Die NATO und der Nordatlantikpakt", ("Nato", "NATO", "Nordatlantikpakt"), ["NATO"]),
        ("Wie die nordkoreanische Nachrichtenagentur KCNA meldete", ("Nachrichtenagentur KCNA",), ["KCNA"]),
        ("Soldaten der Bundeswehr; die Bundeswehr", ("Bundeswehr",), ["Bundeswehr"]),
        (
            "Sprecher des Verteidigungsministeriums. Das Verteidigungsministerium",
            ("Verteidigungsministeriums", "Verteidigungsministerium"),
            ["Verteidigungsministerium"],
        ),
        ("Beschluss des Bundestages. Der Bundestag", ("Bundestages", "Bundestag"), ["Bundestag"]),
        ("Staaten des Warschauer Pakts", ("Warschauer Pakts",), ["Warschauer Pakt"]),
        ("Die UN und die Vereinten Nationen", ("UN", "Vereinten Nationen"), ["Vereinte Nationen"]),
        (
            "Das Bundesamt für Migration und Flüchtlinge (BAMF) meldet. Das BAMF",
            ("Bundesamt für Migration und Flüchtlinge", "BAMF"),
            ["BAMF"],
        ),
        (
            "Das Referat für Arbeit und Wirtschaft (RAW) rechnet. Das RAW",
            ("Referat für Arbeit und Wirtschaft", "RAW"),
            ["Referat für Arbeit und Wirtschaft"],
        ),
        (
            "Das US-Verteidigungsministerium teilte mit. Das Verteidigungsministerium",
            ("US-Verteidigungsministerium", "Verteidigungsministerium"),
            ["US-Verteidigungsministerium"],
        ),
        ("Kämpfer der Gruppe Wagner und der Wagner-Gruppe", ("Gruppe Wagner", "Wagner-Gruppe"), ["Wagner"]),
        ("laut dpa", ("dpa",), ["dpa"]),
        ("Kämpfer des Islamischen Staates", ("Islamischen Staates",), ["Islamischer Staat"]),
        ("Ein Sprecher des Deutschen Roten Kreuzes", ("Deutschen Roten Kreuzes",), ["DRK"]),
        ("die Nachrichtenagentur Reuters berichtet", ("Nachrichtenagentur Reuters",), ["Reuters"]),
    ],
)
def test_organisations(text: str, spans: tuple[str, ...], expected: list[str]) -> None:
    assert orgs(text, *spans) == expected


def test_org_ids_stable_and_shared_by_aliases() -> None:
    a = resolve_organisations("Nato", org_mentions("Nato", "Nato")).referents[0]
    b = resolve_organisations(
        "Nordatlantikpakt", org_mentions("Nordatlantikpakt", "Nordatlantikpakt")
    ).referents[0]
    assert a.org_id == b.org_id and a.org_id.startswith("org_")


def test_resolutions_parallel_to_mentions() -> None:
    text = "Die Nato und die Bundeswehr; die Nato"
    ms = org_mentions(text, "Nato", "Bundeswehr")
    res = resolve_organisations(text, ms)
    assert len(res.resolutions) == len(ms) == 3
    assert [r.norm for r in res.resolutions] == ["NATO", "Bundeswehr", "NATO"]
    assert [o.mentions for o in res.referents] == [2, 1]


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("Kreml", "LOC", "ORG"),
        ("Nato", "PER", "ORG"),
        ("Russland", "ORG", "LOC"),
        ("Putin", "ORG", "PER"),
        ("Berlin", "LOC", "LOC"),
        ("Bundeswehr", "ORG", "ORG"),
        ("Kim Jong Un", "PER", "PER"),
    ],
)
def test_relabel(text: str, label: str, expected: str) -> None:
    assert relabel(EntityMention(0, 0, len(text), text, label)) == expected


def test_relabel_mentions_makes_a_document_consistent() -> None:
    from pipeline.normalise.orgs import relabel_mentions

    text = "Sarah Sanders sagte, Sanders werde. Bachmut fiel; Bachmuts Ruinen; Bachmut."
    spans = [
        ("Sarah Sanders", "PER"),
        ("Sanders", "LOC"),
        ("Bachmut", "LOC"),
        ("Bachmuts", "PER"),
        ("Bachmut", "LOC"),
    ]
    ms, pos = [], 0
    for span, label in spans:
        start = text.index(span, pos)
        ms.append(EntityMention(0, start, start + len(span), span, label))
        pos = start + len(span)
    assert [m.label for m in relabel_mentions(text, ms)] == ["PER", "PER", "LOC", "LOC", "LOC"]


def test_find_known_organisations_adds_missed_names() -> None:
    from pipeline.normalise.orgs import find_known_organisations

    text = "Die SPD und die Nato; Kämpfer der Wagner-Gruppe. Laut KCNA. Ein Blick in den Spiegel."
    have = [EntityMention(0, 4, 7, "SPD", "ORG")]
    found = find_known_organisations(text, have, sentence_starts=[0, 50])
    assert [m.text for m in found] == ["Nato", "Wagner-Gruppe", "KCNA"]
    assert [m.sent_idx for m in found] == [0, 0, 1]
    assert all(m.label == "ORG" for m in found)


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        (
            "Mitglied des Verbandes Norddeutscher Frauenvereine",
            "Verbandes Norddeutscher Frauenvereine",
            "Verband Norddeutscher Frauenvereine",
        ),
        (
            "Studie des Instituts für Corporate Governance",
            "Instituts für Corporate Governance",
            "Institut für Corporate Governance",
        ),
        ("Union Investment meldet", "Union Investment", "Union Investment"),
        ("Das Erste zeigt", "Das Erste", "Das Erste"),
        ("Die Zeit schreibt", "Die Zeit", "Die Zeit"),
        ("Die Grünen wollen", "Die Grünen", "Grüne"),
        ("mit 20 SPD Sitze", "SPD Sitze", "SPD"),
        ("Partei Bündnis Zukunft Österreich", "Bündnis Zukunft Österreich", "Bündnis Zukunft Österreich"),
        ("Erdoğans AKP gewann", "Erdoğans AKP", "AKP"),
    ],
)
def test_org_span_cleanup(text: str, span: str, name: str) -> None:
    assert orgs(text, span) == [name]


def test_user_aliases_reach_the_known_organisation_finder(tmp_path) -> None:
    from pipeline.normalise.names import load_aliases
    from pipeline.normalise.orgs import find_known_organisations

    f = tmp_path / "aliases.tsv"
    f.write_text("Lagebild-Institut\tLagebild-Institut\tORG\n", encoding="utf-8")
    text = "Das Lagebild-Institut meldet."
    assert find_known_organisations(text) == []
    found = find_known_organisations(text, aliases=load_aliases(f))
    assert [m.text for m in found] == ["Lagebild-Institut"]


def test_find_known_organisations_adds_ministries_and_institutions() -> None:
    from pipeline.normalise.orgs import find_known_organisations

    text = (
        "Das Verteidigungsministerium und die Bundesregierung; ein Sprecher des "
        "US-Außenministeriums. Der Kreml schweigt, Wagner auch."
    )
    found = [m.text for m in find_known_organisations(text)]
    assert found == ["Verteidigungsministerium", "Bundesregierung", "US-Außenministeriums", "Kreml"]
    res = resolve_organisations(text, find_known_organisations(text))
    assert [o.name for o in res.referents] == [
        "Verteidigungsministerium",
        "Bundesregierung",
        "US-Außenministerium",
        "Kreml",
    ]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Laut Bundesamt für Migration und Flüchtlinge stieg die Zahl",
            "Bundesamt für Migration",
            "Bundesamt für Migration und Flüchtlinge",
        ),
        (
            "Die Organisation für Sicherheit und Zusammenarbeit in Europa beobachtet",
            "Organisation für Sicherheit",
            "Organisation für Sicherheit und Zusammenarbeit in Europa",
        ),
        ("Das Bundesamt für Migration teilte mit", "Bundesamt für Migration", "Bundesamt für Migration"),
        ("Die SPD und die CDU", "SPD", "SPD"),
        (
            "beschloss der Sicherheitsrat der Vereinten Nationen eine Mission",
            "Vereinten Nationen",
            "Sicherheitsrat der Vereinten Nationen",
        ),
    ],
)
def test_org_span_extended_to_known_name(text: str, span: str, expected: str) -> None:
    from pipeline.normalise.orgs import extend_known_organisations

    start = text.index(span)
    [m] = extend_known_organisations(text, [EntityMention(0, start, start + len(span), span, "ORG")])
    assert m.text == expected and text[m.start : m.end] == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Erdoğans AKP verlor", "Erdoğans AKP", [("Erdoğans", "PER"), ("AKP", "ORG")]),
        ("Merz' CDU legte zu", "Merz' CDU", [("Merz'", "PER"), ("CDU", "ORG")]),
        ("Paul Wagner sagte", "Paul Wagner", [("Paul Wagner", "PER")]),
        ("Kim Jong Un sagte", "Kim Jong Un", [("Kim Jong Un", "PER")]),
    ],
)
def test_person_genitive_before_an_organisation_is_split(
    text: str, span: str, expected: list[tuple[str, str]]
) -> None:
    from pipeline.normalise.orgs import split_person_orgs

    start = text.index(span)
    out = split_person_orgs([EntityMention(0, start, start + len(span), span, "PER")])
    assert [(m.text, m.label) for m in out] == expected
    assert all(text[m.start : m.end] == m.text for m in out)


def test_relabel_mentions_tie_decided_by_gazetteer() -> None:
    from pipeline.normalise.orgs import relabel_mentions

    text = "Ilkay Gündogan traf. Kapitän Gündogan und Stalingrad; Stalingrad."
    spans = [("Gündogan", "LOC"), ("Gündogan", "PER"), ("Stalingrad", "LOC"), ("Stalingrad", "PER")]
    ms, pos = [], 0
    for span, label in spans:
        start = text.index(span, pos)
        ms.append(EntityMention(0, start, start + len(span), span, label))
        pos = start + len(span)
    assert [m.label for m in relabel_mentions(text, ms)] == ["PER", "PER", "LOC", "LOC"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Die Autozulieferer Evonik, Schaeffler und Vodafone", ["Evonik", "Schaeffler", "Vodafone"]),
        ("Truppen des Warschauer Pakts marschierten ein", ["Warschauer Pakts"]),
        ("Das Einsatzführungskommando in Potsdam teilte mit", ["Einsatzführungskommando"]),
        ("Israels Sicherheitskabinett beriet", ["Sicherheitskabinett"]),
        ("Der Nationalrat stimmte zu", ["Nationalrat"]),
        ("Foto: imago images/Future", ["imago images"]),
        ("laut der Agentur Yonhap News", ["Yonhap News"]),
        ("Die Republikaner und die Demokraten", []),
        ("Der Porsche fuhr schnell", []),
    ],
)
def test_find_known_organisations_new_table_entries(text: str, found: list[str]) -> None:
    from pipeline.normalise.orgs import find_known_organisations

    assert [m.text for m in find_known_organisations(text)] == found


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("Warschauer Pakts", "Warschauer Pakt"),
        ("Warschauer Vertrag", "Warschauer Pakt"),
        ("Sowjetarmee", "Rote Armee"),
        ("Nationale Volksarmee", "NVA"),
        ("Tsahal", "Israelische Armee"),
        ("Berliner Abgeordnetenhaus", "Abgeordnetenhaus"),
        ("Evonik Industries", "Evonik"),
        ("YONHAP News", "Yonhap"),
        ("Partei für Gerechtigkeit und Aufschwung", "AKP"),
    ],
)
def test_new_aliases_resolve(span: str, name: str) -> None:
    assert orgs(f"Laut {span} hieß es", span) == [name]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Auch SAP, Audi, Bosch, die Deutsche Bank, Tesla und Vodafone bauen ab",
            ["SAP", "Audi", "Bosch", "Deutsche Bank", "Tesla", "Vodafone"],
        ),
        ("wie der Spiegel unter Berufung auf einen Sprecher berichtet", ["Spiegel"]),
        ("Dem Spiegel zufolge sind es mehr", ["Spiegel"]),
        ("Union und SPD einigten sich", ["Union", "SPD"]),
        ("Ein Blick in den Spiegel.", []),
        ("So wie die Welt heute aussieht", []),
        ("Die Union der Staaten", []),
        ("Richard Wagner und Verdi", []),
    ],
)
def test_ambiguous_names_found_in_enumerations_and_report_phrases(text: str, found: list[str]) -> None:
    from pipeline.normalise.orgs import find_known_organisations

    assert [m.text for m in find_known_organisations(text)] == found


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Kusshändchen auf die Tribüne zu seiner Familie", "Tribüne", []),
        ("Gewinne bei der Allianz stiegen", "Allianz", ["Allianz"]),
        ("Sprecher des Verteidigungsministeriums", "Verteidigungsministeriums", ["Verteidigungsministerium"]),
    ],
)
def test_plain_nouns_tagged_as_organisations_are_dropped(text: str, span: str, expected: list[str]) -> None:
    assert orgs(text, span) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Auch die US-Streitkräfte in Südkorea bestätigten",
            "Südkorea",
            ("US-Streitkräfte in Südkorea", "ORG"),
        ),
        (
            "Die Organisation für Sicherheit und Zusammenarbeit in Europa",
            "Europa",
            ("Organisation für Sicherheit und Zusammenarbeit in Europa", "ORG"),
        ),
        ("Die OSZE in Europa", "Europa", ("Europa", "LOC")),
        ("Truppen aus Südkorea", "Südkorea", ("Südkorea", "LOC")),
    ],
)
def test_place_inside_a_known_organisation_name(text: str, span: str, expected: tuple[str, str]) -> None:
    from pipeline.normalise.orgs import extend_known_organisations

    start = text.index(span)
    [m] = extend_known_organisations(text, [EntityMention(0, start, start + len(span), span, "LOC")])
    assert (m.text, m.label) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "nach Angaben der syrischen Beobachtungsstelle für Menschenrechte",
            ["syrischen Beobachtungsstelle für Menschenrechte"],
        ),
        ("Mitglied der Europäischen Union", ["Europäischen Union"]),
        ("Streik bei der Deutschen Bahn", ["Deutschen Bahn"]),
        ("ein deutscher Bahnhof", []),
        ("sie wollen einen islamischen Staat errichten", []),
        ("Kämpfer des Islamischen Staates", ["Islamischen Staates"]),
    ],
)
def test_find_known_organisations_inflected_adjective_names(text: str, found: list[str]) -> None:
    from pipeline.normalise.orgs import find_known_organisations

    assert [m.text for m in find_known_organisations(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Die Vernichtung der deutschen 6. Armee Anfang 1943", ["6. Armee"]),
        ("die 47. Mechanisierte Brigade hält die Stellung", ["47. Mechanisierte Brigade"]),
        ("Soldaten der 10. Panzerdivision", ["10. Panzerdivision"]),
        ("die 155. Marineinfanteriebrigade", ["155. Marineinfanteriebrigade"]),
        ("am 3. Oktober 1990", []),
        ("die 3. Armeekorps-Einheit", []),
        ("zum 6. Armeetag", []),
    ],
)
def test_find_known_organisations_numbered_military_units(text: str, found: list[str]) -> None:
    from pipeline.normalise.orgs import find_known_organisations

    assert [m.text for m in find_known_organisations(text)] == found
