"""The table of place and actor mentions (tests/resolve/cases.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.resolve import resolve_actor, resolve_place

from ..conftest import load_cases

CASES = load_cases(Path(__file__).parent / "cases.tsv")


def test_resolve_table_is_large_enough() -> None:
    assert len(CASES) >= 100


@pytest.mark.parametrize(
    ("kind", "mention", "before", "named", "expected"), CASES, ids=[str(i) for i in range(len(CASES))]
)
def test_resolve_table(kind: str, mention: str, before: str, named: str, expected: str) -> None:
    if kind == "place":
        countries = {c: 1 for c in named.split(",")} if named != "-" else {}
        got = resolve_place(mention, before.split() if before != "-" else [], countries)
        assert got is not None, "not found"
        assert got["id"] == expected, got
    else:
        got = resolve_actor(mention, "2008")
        assert got is not None and got["code"] == expected, got


def test_a_bare_agent_head_names_no_country() -> None:
    # the converted dictionary had رئيس حكومة -> DZAJUDHRI (one person's role) before GOV
    got = resolve_actor("رئيس الحكومة", "2015")
    assert got is not None and got["code"] == "GOV", got
    got = resolve_actor("رئيس الحكومة الجزائرية", "2015")
    assert got is not None and got["code"] == "DZAGOV", got


def test_person_names_as_news_write_them() -> None:
    from hadath.resolve.actors import actor_key

    assert actor_key("عبد العزيز") == actor_key("عبدالعزيز")  # عبد joined to the next word
    for name in (
        "سلمان بن عبدالعزيز",  # the dictionary writes عبد العزيز
        "محمد بن نايف",  # the dictionary has أمير محمد بن نايف: NER leaves the title out
        "عادل الجبير",  # the dictionary has عادل بن أحمد الجبير
    ):
        got = resolve_actor(name, "2015-05-01", fuzzy=False)
        assert got is not None and got["code"] == "SAUGOV", (name, got)
    assert resolve_actor("نايف", "2015-05-01", fuzzy=False) is None  # not a first name alone


def test_a_person_named_with_a_longer_nasab() -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze

    doc = analyze(Document(text="التقى الأمير محمد بن نايف بن عبدالعزيز وزير الداخلية.", publication_date="2015-05-01"))
    (m,) = [m for m in doc.mentions if m.type == "PERS"]
    assert m.resolution is not None and m.resolution.value.get("code") == "SAUGOV", m.resolution
    assert "shorter nasab" in m.resolution.reason


def test_adjectives_of_names_that_begin_with_al() -> None:
    from hadath.resolve.actors import actor_key

    # ألماني folds to الماني: with the article it must still meet the adjective
    assert actor_key("الألماني") == actor_key("ألماني") == actor_key("والألمانية")
    got = resolve_actor("وزير الخارجية الألماني", "2015")
    assert got is not None and got["code"] == "DEUGOV", got


def test_a_surname_linked_to_the_full_name_keeps_its_country() -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze

    text = (
        "وصل وزير الخارجية السعودي عادل الجبير إلى موسكو. "
        "وجرت محادثات أجراها الجبير مع وزير الخارجية الروسي سيرجي لافروف في موسكو."
    )
    doc = analyze(Document(text=text, publication_date="2015-08-11"))
    short = [m for m in doc.mentions if m.text == "الجبير"]
    assert short and short[0].resolution is not None
    assert {k: short[0].resolution.value.get(k) for k in ("code", "country")} == {"code": "SAUGOV", "country": "SAU"}
    assert all("RUSSAU" not in (e.source or "") + (e.target or "") for e in doc.events)


def test_a_person_is_never_a_country() -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze

    text = "وتعهد ديفيد كاميرون رئيس الوزراء البريطاني بتوفير مساعدات. وقال إنه ينبغي على كاميرون أن يساعد تونس."
    doc = analyze(Document(text=text, publication_date="2015-06-01"))
    cameron = [m for m in doc.mentions if m.text == "كاميرون"]
    assert cameron and cameron[0].type == "PERS"  # the surname rule (NER)
    assert cameron[0].resolution is not None and cameron[0].resolution.value.get("code") == "GBRGOV"


def test_a_title_in_apposition_after_the_name() -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze

    text = (
        "وقال الجبير في مؤتمر صحافي عقده مع فرانك فالتر شتاينماير وزير الخارجية الألماني "
        "إنه يجب على إيران تغيير سياستها."
    )
    doc = analyze(Document(text=text, publication_date="2015-08-10"))
    (m,) = [m for m in doc.mentions if m.text == "فرانك فالتر شتاينماير"]
    assert m.resolution is not None and m.resolution.value.get("code") == "DEUGOV"  # not Iran, named later
    # the title before the next name is that name's
    text = "استقبل الرئيس جوكو ويدودو رئيس الوزراء الباكستاني نواز شريف."
    doc = analyze(Document(text=text, publication_date="2015-08-10"))
    (m,) = [m for m in doc.mentions if m.text == "جوكو ويدودو"]
    assert m.resolution is not None and "title with country adjective" not in m.resolution.reason


def test_a_royal_nasab_after_a_royal_title() -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze

    text = "استقبل الأمير محمد بن سلمان بن عبدالعزيز في جدة وزير الدولة لشؤون الدفاع في دولة قطر."
    doc = analyze(Document(text=text, publication_date="2015-08-10"))
    (m,) = [m for m in doc.mentions if m.text == "محمد بن سلمان بن عبدالعزيز"]
    assert m.resolution is not None and m.resolution.value.get("code") == "SAUGOV"  # not Qatar, named later
    doc = analyze(Document(text="وقال المدرب محمد بن عبدالعزيز إن الفريق جاهز.", publication_date="2015-08-10"))
    (m,) = [m for m in doc.mentions if m.type == "PERS"]
    assert m.resolution is not None and not m.resolution.value.get("code")  # no royal title: a common name


def test_every_province_of_the_hand_kept_list_is_in_the_place_index() -> None:
    # places.tsv is built from provinces.tsv (scripts/build_places.py): not rebuilt, they disagree
    from importlib import resources

    from hadath.resolve.places import place_index

    text = resources.files("hadath.data").joinpath("places/provinces.tsv").read_text("utf-8")
    ids = [line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#")]
    places = place_index().places
    # a US state has its GeoNames id; the others their ISO 3166-2 code
    missing = [
        i for i in ids if not i.startswith("US-") and (i if i.startswith("region:") else f"iso:{i}") not in places
    ]
    assert not missing and len(ids) > 200
    provinces = [i for i in ids if not i.startswith("region:")]
    assert len(provinces) == sum(p.kind == "province" for p in places.values())
    assert {places["iso:SA-04"].kind, places["region:darfur"].kind} == {"province", "region"}


def test_a_spelling_variant_differs_by_one_long_vowel_inside_the_name() -> None:
    from hadath.resolve.places import _one_vowel_apart

    assert _one_vowel_apart("جاكرتا", "جاكارتا") and _one_vowel_apart("بريزبن", "برزبن")
    assert not _one_vowel_apart("كونغ", "كونغو")  # not at the end: كونغ is not the Congo
    assert not _one_vowel_apart("تيمور", "التاميرا")
    for name in ("كونغ", "تيمور", "انيماس"):  # once taken for the Congo, Altamira, Austria
        got = resolve_place(name)
        assert got is None, got


@pytest.mark.parametrize("word", ["إمارة", "المدينة", "منظمة", "قطاع", "العالم"])
def test_a_common_word_is_no_actor(word: str) -> None:
    # the converted dictionary coded them ARE, SAU, PAKCVL, PSEGOV, EDU (build_actors.GENERIC)
    assert resolve_actor(word, "2015", fuzzy=False) is None


def test_the_dictionary_s_wrong_codes_are_corrected() -> None:
    got = resolve_actor("مصري", "2015", fuzzy=False)
    assert got is not None and got["code"] == "EGY", got


@pytest.mark.parametrize("word", ["الزيارة", "عمر", "الحزم"])
def test_a_common_word_is_no_village_abroad(word: str) -> None:
    # villages of GeoNames named so, in countries the document does not name
    assert resolve_place(word, [], {}) is None


def test_the_provinces_a_document_names_say_where_it_is() -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze

    doc = analyze(Document(text="تقدمت قوات المقاومة في أبين ولحج، ودخلت إلى زنجبار.", publication_date="2015-08-09"))
    (z,) = [m for m in doc.mentions if m.text == "زنجبار"]
    assert z.resolution is not None and z.resolution.value["id"] == "gn:69426"  # Zinjibar, Yemen


@pytest.mark.parametrize(
    ("word", "before", "where"),
    [
        ("الفيصلية", "بحي", {"SA"}),  # a district of a Saudi city, not the Jordanian village
        ("الرايس", "بمنطقة", set()),  # Rice, Minnesota: رايس, written without the article
        ("سلوان", "ببلدة", {"PS", "IL"}),  # Sloan, a hamlet of 979 people in the United States
        ("رومان", "جبل", {"YE"}),  # a mountain in Yemen, not the Romanian town Roman
        ("بيبلوس", "فندق", {"ML"}),  # a hotel in Mali, not Byblos in Lebanon
    ],
)
def test_a_town_abroad_that_is_unlikely_is_left_unresolved(word: str, before: str, where: set[str]) -> None:
    assert resolve_place(word, [before], {}, where) is None


def test_a_district_or_hamlet_of_a_country_the_document_is_about_stands() -> None:
    got = resolve_place("الفيصلية", ["بحي"], {"JO": 1})
    assert got is not None and got["country_code"] == "JO"


def test_big_cities_say_where_a_document_is_but_give_no_bonus() -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze

    # جدة (Jeddah) puts the report in Saudi Arabia: the Jordanian الفيصلية is not the district
    doc = analyze(Document(text="وقع حريق في محل بحي الفيصلية بمدينة جدة أمس.", publication_date="2015-08-09"))
    (f,) = [m for m in doc.mentions if m.text == "الفيصلية"]
    assert f.resolution is None
    # نيويورك does not make روما the Rome of the United States
    doc = analyze(Document(text="سافر الوزير من نيويورك إلى روما أمس.", publication_date="2015-08-09"))
    (r,) = [m for m in doc.mentions if m.text == "روما"]
    assert r.resolution is not None and r.resolution.value["country_code"] == "IT"


@pytest.mark.parametrize("word", ["سان", "يمن"])
def test_a_short_word_is_not_read_with_an_article_it_lacks(word: str) -> None:
    # سان (of سان بطرسبورغ) is not Ulsan's السان; يمن (يمن الله: blesses) is not اليمن
    assert resolve_place(word, [], {}) is None


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # the head of a party, a federation, a company or a board is no head of state
        ("وسارع رئيس الحزب الجمهوري راينس بريباس الى انتقاد الاتفاق", "راينس بريباس", None),
        ("أكد رئيس الاتحاد السعودي لكرة القدم أحمد عيد أن", "أحمد عيد", None),
        ("وأكد رئيس مجلس الإدارة عبدالرحمن الجريسي أن", "عبدالرحمن الجريسي", None),
        # the heads of state bodies keep their title
        ("طالب رئيس مجلس النواب العراقي سليم الجبوري بالإصلاح", "سليم الجبوري", "IRQGOV"),
    ],
)
def test_a_title_before_a_body_that_is_not_the_state(text: str, name: str, code: str | None) -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze

    doc = analyze(Document(text=text, publication_date="2015-08-10"))
    (m,) = [m for m in doc.mentions if m.text == name]
    assert m.resolution is not None and m.resolution.value.get("code") == code


def test_the_capitals_are_known() -> None:
    from hadath.resolve.places import place_index

    capitals = place_index().capitals
    assert {"gn:108410", "gn:4140963", "gn:2460596"} <= capitals  # Riyadh, Washington, Bamako
    assert "gn:105343" not in capitals  # Jeddah


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("منظمة حظر الأسلحة الكيميائية", "IGO"),
        ("اليونيسف", "IGOUNOHLH"),
        ("للأونروا", "IGOUNOREF"),
        ("برنامج الأغذية العالمي", "IGOUNOAGR"),
        ("منظمة أطباء بلا حدود", "NGOHLH"),
    ],
)
def test_international_organizations_in_the_news_have_their_codes(name: str, code: str) -> None:
    found = resolve_actor(name, None, fuzzy=False)
    assert found is not None and found["code"] == code


@pytest.mark.parametrize(
    ("name", "doc_countries", "country"),
    [
        ("باريس", {"US": 3}, "FR"),  # قمة باريس in a report naming the US: not Paris, Texas
        ("طرابلس", {"LB": 2}, "LB"),  # a Lebanese report: the Lebanese city of 230,000
        ("طرابلس", {}, "LY"),
    ],
)
def test_a_national_capital_beats_a_small_namesake_in_the_documents_countries(
    name: str, doc_countries: dict[str, int], country: str
) -> None:
    found = resolve_place(name, [], doc_countries)
    assert found is not None and found["country_code"] == country


@pytest.mark.parametrize(
    ("name", "when", "code"),
    [
        ("لوران فابيوس", "2015-08-01", "FRAGOV"),
        ("كيري", "2010-01-01", "USALEG"),  # a senator before he was secretary of state
        ("جون كيري", "2015-08-01", "USAGOV"),
        ("السيسي", "2013-01-01", "EGYMIL"),
        ("السيسي", "2015-08-01", "EGYGOV"),
        ("ولد الشيخ أحمد", "2015-08-01", "IGOUNO"),
    ],
)
def test_people_in_the_news_have_the_code_of_their_office_at_the_time(name: str, when: str, code: str) -> None:
    found = resolve_actor(name, when, fuzzy=False)
    assert found is not None and found["code"] == code


@pytest.mark.parametrize(
    ("name", "doc_countries", "country"),
    [("القنفذة", {"SA": 1}, "SA"), ("كوباني", {"SY": 1}, "SY"), ("سروج", {"TR": 1}, "TR"), ("سيفاري", {"ML": 1}, "ML")],
)
def test_towns_geonames_lacks_or_names_otherwise_are_found(
    name: str, doc_countries: dict[str, int], country: str
) -> None:
    found = resolve_place(name, [], doc_countries)
    assert found is not None and found["country_code"] == country and found["kind"] == "city"


@pytest.mark.parametrize(
    ("name", "code"),
    [("وزير المالية اليوناني", "GRCGOV"), ("وزير المالية المالي", "MLIGOV"), ("وزير الخارجية المالي", "MLIGOV")],
)
def test_almaliya_after_a_ministry_word_is_finance_unless_last(name: str, code: str) -> None:
    found = resolve_actor(name, "2015-08-01", fuzzy=False)
    assert found is not None and found["code"] == code


def test_a_prince_named_with_a_saudi_nasab_is_saudi() -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze

    # the report is about Iran: Bandar bin Sultan is still Saudi, by his royal nasab
    text = "وقالت طهران إن الأمير بندر بن سلطان، الذي زار موسكو، بحث الملف النووي مع المسؤولين في إيران."
    doc = analyze(Document(text=text, publication_date="2015-05-01"))
    (m,) = [m for m in doc.mentions if m.type == "PERS" and "بندر" in m.text]
    assert m.resolution is not None and m.resolution.value.get("country") == "SAU", m.resolution
    # a first name alone after بن is no family: a coach is nobody's prince
    doc = analyze(Document(text="وقال المدرب خالد بن سلطان إن الفريق جاهز.", publication_date="2015-08-10"))
    for m in doc.mentions:
        if m.type == "PERS" and m.resolution is not None:
            assert m.resolution.value.get("agent") != "ELI", m.resolution


def test_a_head_of_state_by_his_surname_and_title() -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze

    # the country right after the name is whom he called on, not his
    doc = analyze(Document(text="ودعا الرئيس هادي الصين إلى دور فاعل في إعادة الإعمار.", publication_date="2015-08-01"))
    (m,) = [m for m in doc.mentions if m.type == "PERS"]
    assert m.resolution is not None and m.resolution.value.get("code") == "YEMGOV", m.resolution


def test_a_country_after_another_persons_title_is_not_his() -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze

    text = (
        "وأكدت السعودية دعمها للتعاون بين الدول الإسلامية، وقالت السعودية إن العلاقات متينة. "
        "واستقبل معالي وزير الدولة للشؤون الخارجية الدكتور نزار بن عبيد مدني بمكتبه في جدة أمس "
        "معالي وزير الدولة للشؤون الخارجية بجمهورية بنغلاديش الشيخ شهريار علام."
    )
    doc = analyze(Document(text=text, publication_date="2015-08-01"))
    (m,) = [m for m in doc.mentions if m.type == "PERS" and "مدني" in m.text]
    assert m.resolution is not None and m.resolution.value.get("country") != "BGD", m.resolution


def test_a_country_right_after_a_name_is_its_object() -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze

    text = "وتواصل اليمن جهود الإعمار، وتأمل اليمن في دعم دولي. ودعا الوزير سامي الخطيب الصين إلى الاستثمار."
    doc = analyze(Document(text=text, publication_date="2015-08-01"))
    (m,) = [m for m in doc.mentions if m.type == "PERS"]
    assert m.resolution is not None and m.resolution.value.get("country") == "YEM", m.resolution


def test_a_small_town_abroad_is_no_namesake_in_a_report_on_another_country() -> None:
    # باما (Bama, Borno) is not in GeoNames' cities; Pama, Burkina Faso (13,579 people) is not it
    assert resolve_place("باما", ["الطريق", "المؤدية", "إلى"], {"NG": 2}) is None
    got = resolve_place("باما", [], {"BF": 1})  # in a report on Burkina Faso it is
    assert got is not None and got["country_code"] == "BF", got


def test_a_country_s_name_tagged_as_a_person_is_the_country() -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze

    text = "ذكرت وزارة الدفاع الكورية الجنوبية أن سيول دعت بيونغ يانغ أمس الجمعة للمشاركة في محادثات."
    doc = analyze(Document(text=text, publication_date="2015-07-20"))
    (m,) = [m for m in doc.mentions if m.text == "بيونغ يانغ"]
    assert m.resolution is not None and m.resolution.value.get("code") == "PRK", m.resolution
    assert [(e.source, e.target) for e in doc.events if e.type == "REQUEST"] == [("KOR", "PRK")]


def test_a_surname_tagged_as_a_place_is_the_person() -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze
    from hadath.resolve.stage import resolve_stage

    text = "أكد ديفيد كاميرون أنه يرفض الآراء. وندد كاميرون بالاتحاد."
    doc = analyze(Document(text=text, publication_date="2015-07-20"))
    for m in doc.mentions:
        if m.text == "كاميرون":
            m.type, m.resolution = "LOC", None  # as NER may tag it: الكاميرون without its article
    resolve_stage(doc)
    (m,) = [m for m in doc.mentions if m.text == "كاميرون"]
    assert m.resolution is not None and m.resolution.value.get("code") == "GBRGOV", m.resolution
    # and a country named right after the verb is not the subject himself
    assert [(e.type, e.source, e.target) for e in doc.events if e.type == "ACCUSE"] == [("ACCUSE", "GBRGOV", None)]


def test_a_kinsman_of_a_known_man_is_his_country_s_elite() -> None:
    from hadath.model import Document
    from hadath.pipeline import analyze

    def code(text: str, name: str) -> str | None:
        doc = analyze(Document(text=text, publication_date="2015-07-20"))
        (m,) = [m for m in doc.mentions if m.text == name]
        return m.resolution.value.get("code") if m.resolution else None

    assert code("وقال سليمان الأسد إن الوضع صعب.", "سليمان الأسد") == "SYRELI"  # (not the president)
    assert code("وقال بشار الأسد إن الوضع صعب.", "بشار الأسد") == "SYRGOV"
    # a surname the dictionary has alone for one man and in full for another is no kinship
    assert code("وأعلنت الوزارة أن وزير الدفاع العراقي، خالد العبيدي الذي يزور روسيا.", "خالد العبيدي") == "IRQGOV"
