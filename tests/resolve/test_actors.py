"""Actor names: a single word whose office ended before the report names no one; the 2010s ones are kept."""

from __future__ import annotations

from hadath.resolve import resolve_actor


def test_a_single_word_name_out_of_office_names_no_one() -> None:
    # سليمان: Michel Suleiman as army chief (1998-2008) in the converted dictionary
    assert resolve_actor("سليمان", "2015-08-01", fuzzy=False) is None
    assert resolve_actor("سليمان", "2005-01-01", fuzzy=False)["code"] == "LBNMIL"


def test_single_word_names_of_the_2010s_are_kept() -> None:
    assert resolve_actor("الأسد", "2015-08-01", fuzzy=False)["code"] == "SYRGOV"
    assert resolve_actor("نتنياهو", "2015-08-01", fuzzy=False)["code"] == "ISRGOV"


def test_an_envoy_is_of_the_country_that_sends_him_not_the_host() -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze

    for text, code in [
        ("أشاد سفير خادم الحرمين الشريفين لدى أستراليا نبيل بن محمد آل صالح بمواقف حزب العمال الأسترالي.", "SAUGOV"),
        ("التقى سفير الولايات المتحدة لدى لبنان ديفيد هيل وزير الداخلية.", "USAGOV"),
    ]:
        doc = analyze(Document(text=text, publication_date="2015-08-10"))
        (person,) = [m for m in doc.mentions if m.type == "PERS"]
        assert person.resolution.value["code"] == code


def codes_of_persons(text: str) -> dict[str, str | None]:
    from hadath.model import Document
    from hadath.pipeline import analyze

    doc = analyze(Document(text=text, publication_date="2015-08-10"))
    return {m.text: m.resolution.value.get("code") if m.resolution else None for m in doc.mentions if m.type == "PERS"}


def test_a_surname_that_is_also_a_given_name_or_a_kind_of_actor_names_no_one_known() -> None:
    # not Hosni Mubarak, Amr Moussa, nor "a judge" or "a student"
    codes = codes_of_persons("وأدان الشيخ عبدالباقي المبارك والدكتور أحمد موسى ووداد القاضي الجريمة.")
    assert "EGYELI" not in codes.values() and "JUD" not in codes.values()
    # a distinctive surname still finds its owner
    assert codes_of_persons("وقالت فيدريكا موغيريني إن الاتفاق تاريخي.") == {"فيدريكا موغيريني": "IGOEUREEC"}


def test_the_finance_minister_of_a_country_is_not_malian() -> None:
    codes = codes_of_persons("وقد أجرى وزير المالية اليوناني اقليدس تساكالوتوس الجمعة مباحثات مع الدائنين.")
    assert list(codes.values()) == ["GRCGOV"]


def test_a_kunya_is_not_the_person_it_names_by() -> None:
    # "the mother of al-Bashir" is not Omar al-Bashir; أبو مازن, a dictionary name, still is Abbas
    assert codes_of_persons("جاءتهم أم البشير خاطبة تريدها لابنها.") == {"أم البشير": None}
    assert codes_of_persons("وقال أبو مازن إن السلطة ترفض ذلك.") == {"أبو مازن": "PSEGOV"}


def test_a_state_named_by_its_form_and_adjective() -> None:
    from hadath.resolve.actors import resolve_actor

    for name, code in (("المملكة الأردنية", "JOR"), ("الجمهورية التركية", "TUR"), ("الدولة السورية", "SYR")):
        got = resolve_actor(name, "2015")
        assert got is not None and got["code"] == code, (name, got)
    got = resolve_actor("الدولة الإسلامية", "2015", fuzzy=False)  # a group's name, no state
    assert got is None or got.get("kind") != "country", got


def test_ministers_of_2015_by_the_names_the_news_gives_them() -> None:
    from hadath.resolve.actors import resolve_actor

    for name, code in (("الجبير", "SAUGOV"), ("سامح شكري", "EGYGOV"), ("كينياتا", "KENGOV"), ("السبسي", "TUNGOV")):
        got = resolve_actor(name, "2015-07-20", fuzzy=False)
        assert got is not None and got["code"] == code, (name, got)


def test_a_country_s_security_is_no_security_force() -> None:
    from hadath.resolve.actors import resolve_actor

    assert resolve_actor("أمن روسيا", "2015", fuzzy=False) is None  # Russia's security
    got = resolve_actor("الأمن المصري", "2015", fuzzy=False)  # the Egyptian security forces
    assert got is not None and got["code"] == "EGYCOP", got
    # a country's national security stands for the country, it is no police force
    for name, code in (("الأمن القومي التركي", "TUR"), ("الأمن الوطني الأميركي", "USA")):
        got = resolve_actor(name, "2015", fuzzy=False)
        assert got is not None and got["code"] == code, (name, got)


def test_settlers_are_civilians_of_their_country() -> None:
    from hadath.resolve.actors import resolve_actor

    for name in ("مستوطنون إسرائيليون", "المستوطنين الإسرائيليين"):
        got = resolve_actor(name, "2015", fuzzy=False)
        assert got is not None and got["code"] == "ISRCVL", (name, got)


def test_an_armed_people_s_fighters_have_its_own_code() -> None:
    from hadath.resolve.actors import resolve_actor

    # (not the country's army: مدفعي للحوثيين is the Houthis' artillery)
    for name in ("مدفعي للحوثيين", "المسلحين الحوثيين"):
        got = resolve_actor(name, "2015", fuzzy=False)
        assert got is not None and got["code"] == "YEMREB", (name, got)


def test_steinmeier_is_germany_s_foreign_minister() -> None:
    from hadath.resolve.actors import resolve_actor

    got = resolve_actor("شتاينماير", "2015-07-20", fuzzy=False)
    assert got is not None and got["code"] == "DEUGOV", got
