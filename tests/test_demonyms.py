"""Tests for demonym / country-adjective lookup."""

from __future__ import annotations

import pytest

from pipeline.normalise.demonyms import country_for_word, country_words, is_country_name
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
        ("NVA-Soldaten", "DE"),
        ("IDF", "IL"),
        ("IDF-Soldaten", "IL"),
        ("Zahal", "IL"),
        ("Tsahal", "IL"),
        ("PLA", "CN"),
        ("Volksbefreiungsarmee", "CN"),
    ],
)
def test_army_words(word: str, country: str) -> None:
    """Armies and their soldiers give the troops' nationality (SU: a historical code; the GDR is DE, as its places are)."""
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


@pytest.mark.parametrize(
    ("word", "country"),
    [
        # Africa: "ugandische Soldaten", "ein Ugander", "den Somaliern", "nigrischen Behörden"
        ("ugandische", "UG"),
        ("Ugander", "UG"),
        ("Ugandern", "UG"),
        ("somalischen", "SO"),
        ("Somaliern", "SO"),
        ("äthiopischer", "ET"),
        ("malisches", "ML"),
        ("nigrischen", "NE"),
        ("Nigrer", "NE"),
        ("nigerianischem", "NG"),
        ("tschadische", "TD"),
        ("Tschader", "TD"),
        ("ruandischen", "RW"),
        ("burundischer", "BI"),
        ("Eritreerinnen", "ER"),
        ("senegalesische", "SN"),
        ("Senegalesen", "SN"),
        ("mosambikanischen", "MZ"),
        ("Simbabwerin", "ZW"),
        ("Guineer", "GN"),
        ("Äquatorialguineer", "GQ"),
        ("guinea-bissauischen", "GW"),
        # Asia and Oceania: "myanmarische Armee", "aus Sri Lanka: sri-lankische Fischer"
        ("myanmarischen", "MM"),
        ("Myanmaren", "MM"),
        ("birmanische", "MM"),
        ("bangladeschischer", "BD"),
        ("Bangladescher", "BD"),
        ("sri-lankische", "LK"),
        ("Sri-Lankerin", "LK"),
        ("kambodschanischen", "KH"),
        ("Laoten", "LA"),
        ("nepalesische", "NP"),
        ("kuwaitischen", "KW"),
        ("Omaner", "OM"),
        ("emiratische", "AE"),
        ("singapurischen", "SG"),
        ("neuseeländische", "NZ"),
        ("Neuseeländern", "NZ"),
        ("Filipinos", "PH"),
        ("Philippinerin", "PH"),
        ("Mongolen", "MN"),
        # the Americas and Europe
        ("chilenische", "CL"),
        ("Chilenen", "CL"),
        ("peruanischer", "PE"),
        ("Guatemalteken", "GT"),
        ("costa-ricanischen", "CR"),
        ("luxemburgischen", "LU"),
        ("Liechtensteinerin", "LI"),
        ("maltesische", "MT"),
        ("Monegassen", "MC"),
        ("Montenegriner", "ME"),
        ("Nordmazedonier", "MK"),
        ("vatikanischen", "VA"),
    ],
)
def test_country_adjectives_and_nouns_worldwide(word: str, country: str) -> None:
    assert country_for_word(word) == country


@pytest.mark.parametrize(
    "word",
    [
        "kongolesische",  # Kongo-Kinshasa or Kongo-Brazzaville: left out
        "Kongolesen",
        "dominikanische",  # also the Dominican order
        "Dominikaner",
        "zentralafrikanischen",  # also the region Central Africa
        "mikronesische",  # also the region Micronesia
        "salomonisches",  # "ein salomonisches Urteil"
        "Malteser",  # Malteser Hilfsdienst, Order of Malta
    ],
)
def test_ambiguous_forms_are_left_out(word: str) -> None:
    assert country_for_word(word) is None


@pytest.mark.parametrize(
    ("word", "country"),
    [("Niger", "NE"), ("Nigeria", "NG"), ("Mali", "ML"), ("Malaysia", "MY"), ("Guinea", "GN")],
)
def test_country_names_keep_their_country(word: str, country: str) -> None:
    """No demonym form shadows a country's own name ("Niger" is NE, not NG)."""
    assert country_for_word(word) == country


def test_table_loads_without_collisions() -> None:
    """Loading builds every inflected form; two countries for one form would raise."""
    from pipeline.normalise.demonyms import _tables

    _tables.cache_clear()
    words, _ = _tables()
    assert words["ugandischen"] == "UG"
    assert words["nigrischen"] == "NE"
    assert words["nigerianischen"] == "NG"
    assert words["malischen"] == "ML"
    assert words["malaysischen"] == "MY"


UN_MEMBERS_WITHOUT_ADJECTIVE = frozenset({"CD", "CG", "CF", "DO", "FM", "KN", "SB"})


def test_every_sovereign_state_has_an_adjective() -> None:
    """All UN members plus VA, PS, XK and TW have an adjective stem, except the few whose
    German adjective is ambiguous or not in use (listed above)."""
    from babel import Locale

    adjectives = {row["country"] for row in read_tsv("demonyms.tsv") if row["kind"] == "adj"}
    territories = Locale("de").territories
    missing = {code for code in SOVEREIGN_STATES if code not in adjectives}
    assert missing == UN_MEMBERS_WITHOUT_ADJECTIVE
    assert all(code in territories for code in SOVEREIGN_STATES)


SOVEREIGN_STATES = frozenset(
    """AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD
    CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB
    GD GE GH GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN
    KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX
    MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PT PW PY QA RO RS RU RW SA SB SC SD SE
    SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VC
    VE VN VU WS YE ZA ZM ZW VA PS XK TW""".split()
)


@pytest.mark.parametrize(
    "word, name",
    [
        ("Großbritannien", True),
        ("Großbritanniens", True),
        ("Schweden", True),
        ("Ukraine", True),
        ("Briten", False),
        ("Schwede", False),
        ("russische", False),
    ],
)
def test_is_country_name(word, name):
    assert is_country_name(word) is name
