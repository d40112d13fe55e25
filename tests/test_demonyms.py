"""Tests for demonym / country-adjective lookup."""

from __future__ import annotations

import pytest

from pipeline.normalise.demonyms import country_for_word, country_words
from pipeline.resources import read_tsv


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("russisch", "RU"),
        ("russische", "RU"),
        ("russischen", "RU"),
        ("russischer", "RU"),
        ("russisches", "RU"),
        ("russischem", "RU"),
        ("Russische", "RU"),
        ("Russe", "RU"),
        ("Russen", "RU"),
        ("Russin", "RU"),
        ("Russinnen", "RU"),
        ("nordkoreanische", "KP"),
        ("nordkoreanischer", "KP"),
        ("Nordkoreaner", "KP"),
        ("Nordkoreanern", "KP"),
        ("ukrainischen", "UA"),
        ("Ukrainer", "UA"),
        ("Ukrainer:innen", "UA"),
        ("Amerikaner", "US"),
        ("US-amerikanische", "US"),
        ("Deutsche", "DE"),
        ("Deutschen", "DE"),
        ("deutscher", "DE"),
        ("US-Soldaten", "US"),
        ("US-Truppen", "US"),
        ("US", "US"),
        ("Bundeswehr", "DE"),
        ("Bundeswehrsoldaten", "DE"),
        ("Kreml", "RU"),
        ("Kremls", "RU"),
        ("Russland", "RU"),
        ("Russlands", "RU"),
        ("Nordkoreas", "KP"),
        ("Ukraine", "UA"),
        ("Briten", "GB"),
        ("britischen", "GB"),
        ("Franzosen", "FR"),
        ("israelische", "IL"),
        ("Israelis", "IL"),
        ("chinesische", "CN"),
        ("belarussische", "BY"),
        ("iranischen", "IR"),
        ("Moskaus", "RU"),
        ("Kiews", "UA"),
        ("polnischen", "PL"),
        ("Polen", "PL"),
        ("türkische", "TR"),
        ("tschetschenisch-russische", None),
    ],
)
def test_country_for_word(word: str, country: str | None) -> None:
    assert country_for_word(word) == country


@pytest.mark.parametrize(
    "word",
    [
        "Soldaten",
        "Truppen",
        "Nato",
        "Nato-Truppen",
        "UN-Blauhelme",
        "pro-russische",
        "",
        "der",
        "Malinowski",
        "Europa",
        "Krieg",
        "Armee",
        "Rote",
        "Bundespolizisten",
        "Soldatenfriedhof",
    ],
)
def test_non_country_words(word: str) -> None:
    """Generic military words name no army; "Armee" alone needs its adjective."""
    assert country_for_word(word) is None


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Reichswehr", "DE"),
        ("Bundessoldaten", "DE"),  # "etwa 900 Bundessoldaten im Einsatz"
        ("KSK", "DE"),  # "100 Soldaten der Elitetruppe KSK"
        ("KSK-Soldaten", "DE"),
        ("Bundesheer", "AT"),
        ("Bundesheersoldaten", "AT"),
        ("sowjetischen", "SU"),  # "Auf sowjetischer Seite fielen 479.000 Rotarmisten"
        ("sowjetischer", "SU"),
        ("Rotarmisten", "SU"),
        ("Sowjetarmee", "SU"),
        ("Sowjetsoldaten", "SU"),
        ("NVA-Soldaten", "DD"),
        ("IDF", "IL"),
        ("IDF-Soldaten", "IL"),
        ("Zahal", "IL"),
        ("Tsahal", "IL"),
        ("PLA", "CN"),
        ("Volksbefreiungsarmee", "CN"),
    ],
)
def test_army_words(word: str, country: str) -> None:
    """Armies and their soldiers give the troops' nationality (SU/DD: historical codes)."""
    assert country_for_word(word) == country


def test_table_has_no_duplicate_keys() -> None:
    words = [row["word"].lower() for row in read_tsv("demonyms.tsv")]
    assert len(words) == len(set(words))
    assert len(country_words()) > 500


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Albanern", True),
        ("russische", True),
        ("Nordkoreaner", True),
        ("Russland", False),
        ("Bundestagsgebäude", False),
        ("Ukraine", False),
        ("Soldaten", False),
    ],
)
def test_is_demonym(word: str, expected: bool) -> None:
    from pipeline.normalise.demonyms import is_demonym

    assert is_demonym(word) is expected
