from __future__ import annotations

from hadath.lexicons import all_country_names, english_name, iso2_of, iso3_of


def test_iso_codes_both_ways_for_every_country() -> None:
    assert iso2_of("DZA") == "DZ" and iso3_of("DZ") == "DZA"
    assert iso2_of("COL") == "CO"  # outside the hand-kept 61: every country has both codes
    assert iso2_of(None) is None and iso3_of("") is None
    for iso3 in all_country_names():
        assert iso3_of(iso2_of(iso3)) == iso3


def test_english_names() -> None:
    assert english_name("DZA") == "Algeria" and english_name("PSE") == "Palestine"
    assert english_name("XKX") == "Kosovo" and english_name("NOPE") is None
