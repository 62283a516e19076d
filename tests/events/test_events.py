from __future__ import annotations

import pytest

from hadath.model import Document, Event
from hadath.pipeline import analyze


def events(text: str) -> list[Event]:
    return analyze(Document(text=text, publication_date="2013-01-18")).events


def one(text: str, typ: str) -> Event:
    """The one event of type ``typ`` found in ``text``."""
    (ev,) = [e for e in events(text) if e.type == typ]
    return ev


def who(text: str, typ: str) -> tuple[str | None, str | None]:
    """Source and target of the one event of type ``typ`` in ``text``."""
    ev = one(text, typ)
    return ev.source, ev.target


def test_events_negated_aid_is_kept_and_marked() -> None:
    ev = one("نفت الجزائر إرسال أسلحة إلى مالي.", "AID")
    assert ev.negated and ev.source == "DZA" and ev.target == "MLI"


def test_events_future_intention_is_marked() -> None:
    evs = [e for e in events("سترسل الجزائر مساعدات عسكرية إلى مالي الأسبوع المقبل.") if e.type == "AID"]
    assert evs and evs[0].modality == "future"
    evs = [e for e in events("تعتزم الجزائر إرسال مساعدات عسكرية إلى مالي.") if e.type == "AID"]
    assert evs and evs[0].modality == "intent"


def test_events_mere_mention_of_aid_makes_no_event() -> None:
    assert [e for e in events("تحتاج المنطقة إلى مساعدات عسكرية كبيرة.") if e.type == "AID"] == []


@pytest.mark.parametrize(
    ("text", "type_", "source", "target"),
    [
        ("أرسلت فرنسا طائرات ومعدات عسكرية إلى النيجر.", "AID", "FRA", "NER"),
        ("أغلقت الجزائر حدودها مع ليبيا.", "SANCTION", "DZA", "LBY"),
        ("زار وزير الخارجية المصري الخرطوم ... والتقى الرئيس السوداني.", "CONSULT", "EGYGOV", None),
        ("هاجم الجيش المالي مواقع للمتمردين في كيدال.", "ASSAULT", "MLIMIL", None),
    ],
)
def test_events_simple_sentences(text: str, type_: str, source: str, target: str | None) -> None:
    evs = [e for e in events(text) if e.type == type_]
    assert evs, [(e.type, e.source, e.target) for e in events(text)]
    assert evs[0].source == source
    if target:
        assert evs[0].target == target


def test_events_spans_point_into_the_text() -> None:
    text = "كشفت مصادر أن الجزائر أرسلت مساعدات عسكرية إلى مالي منها الوقود والذخائر في 3 رحلات."
    doc = analyze(Document(text=text))
    (ev,) = [e for e in doc.events if e.type == "AID"]
    assert text[ev.trigger.start : ev.trigger.end].startswith("أرسلت")
    for a in ev.arguments:
        assert text[a.start : a.end] == a.text
    assert {a.text for a in ev.arguments if a.role == "item"} == {"الوقود", "الذخائر"}
    assert [a.text for a in ev.arguments if a.role == "means"] == ["3 رحلات"]


def test_events_ministry_is_not_a_visit_and_detention_is_not_a_protest() -> None:
    assert not [e for e in events("وقالت وزارة الخارجية الجزائرية إن الوضع مستقر.") if e.type == "CONSULT"]
    assert not [e for e in events("احتجزت الشرطة الجزائرية عشرين شخصا.") if e.type == "PROTEST"]
    assert [e for e in events("زار وزير الخارجية الجزائري باماكو أمس.") if e.type == "CONSULT"]


def test_events_countryless_militants_take_the_country_of_the_place() -> None:
    ev = one("هاجم الجيش الجزائري مخبأ لعناصر إرهابية في ولاية تمنراست.", "ASSAULT")
    assert ev.source == "DZAMIL" and ev.target == "DZAREBRAD"


def test_events_coalition_led_by_a_country_acts() -> None:
    # the Saudi-led coalition, coded as such (session 14; the leader, SAU, before)
    evs = events("قصفت مقاتلات التحالف الذي تقوده المملكة العربية السعودية اليوم مخازن أسلحة في صنعاء.")
    assert any(e.type == "ASSAULT" and e.source == "IGOARBCOA" for e in evs)


def test_events_nobody_doing_it_makes_no_event_but_unattributed_aid_with_items_stays() -> None:
    assert not events("اندلعت اشتباكات عنيفة في المدينة مساء أمس.")
    ev = one("تم إرسال أسلحة وذخائر إلى مالي.", "AID")
    assert ev.source is None and ev.target == "MLI"
    assert [a.text for a in ev.arguments if a.role == "item"] == ["أسلحة", "ذخائر"]  # the trigger's objects


def test_events_support_is_for_someone_and_a_distant_actor_is_no_source() -> None:
    assert not [e for e in events("رفعت الإمارات أسعار الديزل والبنزين وهذا يعني رفع أي دعم.") if e.type == "SUPPORT"]
    assert [e for e in events("أكدت الجزائر دعمها لمالي في حربها على الإرهاب.") if e.type == "SUPPORT"]
    far = (
        "قالت الجزائر في بيان طويل صدر أمس عن وزارة الخارجية بعد اجتماع استمر ساعات عدة، "
        "وحضره ممثلون عن هيئات كثيرة من مختلف القطاعات والمؤسسات الرسمية وغير الرسمية في البلاد والخارج، "
        "إن قوات الأمن هاجمت مواقع"
    )
    assert not [e for e in events(far) if e.type == "ASSAULT" and e.source == "DZA"]


@pytest.mark.parametrize(
    "text",
    [
        "أشارت دراسة إلى أن السعودية تحتل المرتبة الثالثة عالميا في استخدام الهواتف الذكية.",
        "واحتلت مصر المركز الأول بين الدول العربية في القائمة.",
        "واس- القدس: اعتقلت قوات الاحتلال الإسرائيلي، اليوم، ستة أطفال فلسطينيين.",
        "وقال نتنياهو إن الإضرابات عن الطعام أصبحت أداة لتهديد إسرائيل.",
        "ولكن القاهرة لم تقم بخطوة مماثلة، ما دعا السلطات السودانية لإعادة توقيف الصيادين.",
        "وقال المصدر لرويترز طالبا عدم الكشف عن اسمه إن الخلية جديدة.",
        "شن رئيس جنوب السودان هجوما شديدا على الرئيس الأميركي باراك أوباما.",
    ],
)
def test_events_idioms_name_no_event(text: str) -> None:
    """A trigger's word inside an idiom means something else: ranks (not occupies), the
    occupying forces (an actor), is a threat (nobody threatens), which prompted (not called
    for), asking not to be named, a harsh (verbal) attack."""
    assert [e for e in events(text) if e.type in ("ASSAULT", "THREATEN", "REQUEST")] == []


def test_events_the_words_of_an_idiom_still_code_outside_it() -> None:
    evs = [e for e in events("احتلت القوات الإسرائيلية مدينة غزة.") if e.type == "ASSAULT"]
    assert evs and evs[0].source == "ISRMIL"
    evs = [e for e in events("هددت إيران إسرائيل بالرد على أي هجوم.") if e.type == "THREATEN"]
    assert evs and evs[0].source == "IRN"
    evs = [e for e in events("دعت مصر السلطات السودانية إلى الإفراج عن الصيادين.") if e.type == "REQUEST"]
    assert evs and evs[0].source == "EGY"


def test_events_sports_reports_make_no_conflict_events() -> None:
    sentence = "وخاض المنتخب المصري مواجهات صعبة أمام تونس في الدوري، وسجل اللاعب هدفين في المباراة."
    assert [e for e in events(sentence) if e.type == "ASSAULT"] == []
    # a whole sports report: its sentence without a sports word is not coded either
    threat = "هدد نادي فيورنتينا الإيطالي تشيلسي الإنجليزي بالشكوى. "
    report = threat + sentence + " وانتهت المباراة بالتعادل في الشوط الأول."
    assert [e for e in events(report) if e.type in ("ASSAULT", "THREATEN")] == []
    # a stadium is a place in war reports: fighting there is still an assault
    evs = events("اشتبكت القوات العراقية مع مسلحي داعش قرب الملعب الأولمبي في الرمادي.")
    assert [e for e in evs if e.type == "ASSAULT"]


def test_events_a_noun_event_done_by_the_actor_of_its_clause() -> None:
    """زيارة يقوم بها X, هجوم شنه X, الغارات التي ينفذها X: X did it, not a place or actor
    named before the noun."""
    text = (
        "وقال المتحدث باسم البيت الأبيض في مؤتمر صحفي في نيروبي أثناء زيارة رسمية يقوم بها "
        "الرئيس الأميركي باراك أوباما إلى كينيا إن واشنطن تعمل مع نيروبي."
    )
    assert who(text, "CONSULT") == ("USAGOV", "KEN")
    text = "وأدى الاتفاق إلى تهدئة التوتر خلال زيارة إلى بنغلاديش قام بها رئيس الحكومة الهندية."
    assert who(text, "CONSULT") == ("INDGOV", "BGD")


def test_events_a_later_noun_for_the_same_event_is_a_report_of_it() -> None:
    text = (
        "وقال المتحدث باسم البيت الأبيض في نيروبي أثناء زيارة رسمية يقوم بها الرئيس الأميركي "
        "باراك أوباما إلى كينيا إن الزيارة ناجحة."
    )
    evs = [e for e in events(text) if e.type == "CONSULT"]
    assert [(e.source, e.target) for e in evs] == [("USAGOV", "KEN")]
    assert any(a.role == "evidence" for a in evs[0].arguments)  # the second report


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # who condemns an attack did not make it
        ("نددت الولايات المتحدة بالهجوم على المدنيين في اليمن.", "USA"),
        ("وأدانت مصر بشدة الغارات على غزة.", "EGY"),
        # a country after في is where it happened
        ("وأدانت الحكومة الفرنسية الهجمات في تونس.", "TUN"),
        # a country after مقره is where someone is based
        ("وذكر المرصد ومقره بريطانيا أن الغارات الجوية قصفت مواقع للجبهة قرب بلدة اعزاز.", "GBR"),
        # the occupation, a state of things
        ("ولولا الصمت الدولي على جرائم الاحتلال في قطاع غزة لما تجرأ المستوطنون.", "PSE"),
    ],
)
def test_events_actors_that_did_not_act(text: str, wrong: str) -> None:
    assert [e for e in events(text) if e.type == "ASSAULT" and e.source == wrong] == []


def test_events_mediation_is_between_parties() -> None:
    assert [e for e in events("وهي قرى صغيرة في السعودية يتوسطها مصلى صغير.") if e.type == "CONSULT"] == []
    evs = [e for e in events("توسطت قطر بين الحكومة السودانية والمتمردين.") if e.type == "CONSULT"]
    assert evs and evs[0].mode == "mediate" and evs[0].source == "QAT"


def test_events_a_country_after_a_locative_is_not_the_doer() -> None:
    text = "علينا أن نترقب ماذا سيحصل في سوريا بعدما دعت تركيا إلى اجتماع لحلف شمال الأطلسي."
    evs = [e for e in events(text) if e.type == "REQUEST"]
    assert [(e.source, e.target) for e in evs] == [("TUR", "IGONATO")]


def test_events_a_visit_or_meeting_needs_a_counterpart() -> None:
    """Receiving customers or visiting a museum is no consultation between actors."""
    text = "وهو مطعم تم افتتاحه في عام 1725 بمدينة مدريد بإسبانيا وما يزال يعمل ويستقبل زبائنه حتى اليوم."
    assert [e for e in events(text) if e.type == "CONSULT"] == []
    text = "لم يكن في السعودية متحف يستحق الزيارة."
    assert [e for e in events(text) if e.type == "CONSULT"] == []
    evs = [e for e in events("زار وزير الخارجية الجزائري باماكو أمس.") if e.type == "CONSULT"]
    assert [(e.source, e.target) for e in evs] == [("DZAGOV", "MLI")]


def test_events_who_tells_of_an_attack_did_not_make_it() -> None:
    """أعلن X أن Y فعل: Y did it (or, with no coded actor, no one), not X; but أعلنت X أنها
    and قررت X أن ترسل keep X."""
    text = "أعلن حلف شمال الأطلسي أن جنديا من قواته قتل في هجوم للمتشددين على قاعدة تابعة للناتو في كابل."
    assert [e for e in events(text) if e.type == "ASSAULT"] == []
    # the gunmen attacked, insurgents of the country where they act; not the army that told of it
    said = "وقال الجيش المالي إن مسلحين هاجموا قاعدة في كيدال."
    assert [e.source for e in events(said) if e.type == "ASSAULT"] == ["MLIINS"]
    for text in ("أعلنت الجزائر أنها أرسلت مساعدات عسكرية إلى مالي.", "قررت الجزائر أن ترسل مساعدات عسكرية إلى مالي."):
        assert [(e.source, e.target) for e in events(text) if e.type == "AID"] == [("DZA", "MLI")]
    text = "وقال الناطق باسم الجيش الاسرائيلي إن الطيران الاسرائيلي قصف موقعا لحركة حماس وسط قطاع غزة."
    assert [(e.source, e.target) for e in events(text) if e.type == "ASSAULT"] == [("ISRMIL", "PSEREB")]


def test_events_an_attack_named_as_a_time_or_cause_is_not_done_by_who_reports_it() -> None:
    text = "أعلنت وزارة الداخلية المصرية اليوم مقتل شرطي وإصابة ثلاثة آخرين في هجوم مسلح على سيارة ترحيلات."
    assert [e for e in events(text) if e.type == "ASSAULT"] == []
    text = "وبحسب مصادر عسكرية مالية كان هناك خمسة أجانب على الأقل في الفندق قبل الهجوم."
    assert [e for e in events(text) if e.type == "ASSAULT"] == []
    # with its agent after it, it is coded
    text = "قتل عشرة أشخاص في هجوم شنه تنظيم داعش على قرية في محافظة الأنبار العراقية."
    assert [e.source for e in events(text) if e.type == "ASSAULT"] == ["IMGISI"]


def test_events_a_place_that_witnessed_an_event_did_not_do_it() -> None:
    text = "وكانت ألمانيا قد شهدت موجة من الهجمات بالحرق على عدد من نزل اللاجئين."
    assert [e for e in events(text) if e.type == "ASSAULT"] == []
    # but its people protest
    text = "وشهد العراق مظاهرات واسعة للمطالبة بتحسين الخدمات."
    assert [e.source for e in events(text) if e.type == "PROTEST"] == ["IRQ"]


@pytest.mark.parametrize(
    ("text", "source", "target", "cameo"),
    [
        ("التقى وزير الخارجية الجزائري رمطان لعمامرة بنظيره المالي في الجزائر.", "DZAGOV", "MLIGOV", "040"),
        ("بحث وزير الخارجية السعودي مع نظيره الأمريكي الأزمة اليمنية.", "SAUGOV", "USAGOV", "040"),
        ("أجرى وزير الخارجية الروسي محادثات مع نظيره السوري في موسكو.", "RUSGOV", "SYRGOV", "040"),
        ("استقبل الرئيس الجزائري عبد العزيز بوتفليقة نظيره المالي في الجزائر.", "DZAGOV", "MLIGOV", "043"),
    ],
)
def test_events_meetings_and_counterparts(text: str, source: str, target: str, cameo: str) -> None:
    ev = one(text, "CONSULT")
    assert (ev.source, ev.target, ev.cameo) == (source, target, cameo)


def test_events_a_match_is_no_meeting() -> None:
    evs = events("ويلتقي فريق برشلونة مع فريق إشبيلية في المباراة النهائية في تبليسي.")
    assert not [e for e in evs if e.type == "CONSULT"]


def test_events_the_subject_right_after_a_verb_beats_an_actor_words_before() -> None:
    text = "قال محللون إن تنظيم داعش خسر مواقع كثيرة هذا العام، وذلك عندما التقى الرئيس الروسي نظيره الأمريكي."
    assert who(text, "CONSULT") == ("RUSGOV", "USAGOV")


def test_events_a_verb_after_waw_keeps_the_subject_before_it() -> None:
    text = "انتقدت تركيا القرار ووصفته بأنه معيب للغاية، ودعت الحكومة اليونانية إلى التراجع عنه."
    assert who(text, "REQUEST") == ("TUR", "GRCGOV")


def test_events_an_actor_after_bi_is_not_the_doer() -> None:
    evs = events("وقعت هجمات بالعراق أمس أسفرت عن مقتل عشرة أشخاص.")
    assert not [e for e in evs if e.type == "ASSAULT" and e.source == "IRQ"]


def test_events_plain_aid_sent_and_aid_from() -> None:
    ev = one("أرسلت الجزائر مساعدات إلى مالي.", "AID")
    assert (ev.source, ev.target, ev.cameo) == ("DZA", "MLI", "070")
    ev = one("تلقت الحكومة المالية مساعدات من فرنسا.", "AID")
    assert (ev.source, ev.target) == ("FRA", "MLIGOV")
    assert not [a for a in ev.arguments if a.role == "item"]  # not the pattern's من


def test_events_a_call_received_from_someone() -> None:
    ev = one("تلقى الرئيس المصري اتصالا هاتفيا أمس من الرئيس الفرنسي.", "CONSULT")
    assert (ev.source, ev.target, ev.cameo) == ("FRAGOV", "EGYGOV", "041")
    # a title between من and the caller's name
    text = "تلقى الملك سلمان بن عبدالعزيز اتصالا هاتفيا أمس من الملك حمد بن عيسى آل خليفة ملك البحرين."
    assert who(text, "CONSULT") == ("BHRGOV", "SAUGOV")


def test_events_a_call_s_receiver_is_never_what_the_caller_condemned() -> None:
    text = (
        "تلقى الأمير محمد بن نايف بن عبدالعزيز أمس عدة اتصالات هاتفية من مسؤولي دول شقيقة أدانوا فيها "
        "الجريمة النكراء التي وقعت في مسجد قوات الطوارئ بمنطقة عسير أمس الأول وأدت الى استشهاد عدد من رجال "
        "الأمن ومدنيين، حيث تلقى اتصالاً هاتفيًا من صاحب السمو الملكي الأمير سلمان بن حمد آل خليفة ولي "
        "العهد بمملكة البحرين أعرب خلاله عن إدانته للتفجير الإرهابي."
    )
    evs = [e for e in events(text) if e.type == "CONSULT"]
    assert [(e.source, e.target) for e in evs] == [("BHRGOV", "SAUGOV")]  # not the bombing (REBRAD)
    # a member of a ruling family the dictionary does not know: the family's country
    text = "تلقى الملك سلمان اتصالا هاتفيا من الشيخ محمد الخالد الحمد الصباح."
    ev = one(text, "CONSULT")
    assert (ev.source, ev.target) == ("KWTELI", "SAUGOV")  # not the king's title


def test_events_what_is_asked_for_has_not_happened() -> None:
    evs = events("طالبت الحكومة الليبية الأمم المتحدة بتقديم مساعدات عاجلة للمتضررين من الفيضانات في درنة.")
    assert [e.type for e in evs] == ["REQUEST"]


def test_events_where_a_meeting_takes_place_is_not_whom_it_meets() -> None:
    assert who("استقبل الرئيس التونسي في باريس وفدا ليبيا.", "CONSULT") == ("TUNGOV", "LBY")


def test_events_financial_support_is_not_malian() -> None:
    text = "قررت المفوضية الأوروبية تمديد الدعم المالي المقدم للمزارعين في مختلف دول الاتحاد الأوروبي."
    assert all("MLI" not in (e.source or "") for e in events(text))


def test_events_a_news_outlet_reports_it_does_not_act() -> None:
    text = "وقال مصدر عسكري لـ«الشرق الأوسط» إن المواجهات لتحرير مدينة لودر مستمرة."
    assert all("MED" not in (e.source or "") for e in events(text))


def test_events_a_visit_by_someone_with_titles() -> None:
    text = "وتحدث الملك عن زيارة صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز إلى الأردن."
    assert who(text, "CONSULT") == ("SAUGOV", "JOR")
    text = "أجرى وزير الخارجية عادل بن أحمد الجبير مباحثات أمس مع معالي وزير الخارجية الإيطالي باولو جنتيلوني."
    assert who(text, "CONSULT") == ("SAUGOV", "ITAGOV")  # after مع: the counterpart, not the doer


def test_events_a_phrase_for_a_government_and_the_pilgrim_s_visit() -> None:
    text = "كما تلقى نائب خادم الحرمين الشريفين اتصالاً هاتفياً من الشيخ راشد بن عبدالله آل خليفة."
    assert who(text, "CONSULT") == ("BHRELI", "SAUGOV")  # خادم الحرمين الشريفين: SAUGOV, untagged
    text = "وأكد مدير برنامج ضيوف خادم الحرمين الشريفين للحج والعمرة والزيارة أن الضيوف من الهند وصلوا."
    assert [e for e in events(text) if e.type == "CONSULT"] == []  # الزيارة after العمرة: the pilgrim's


def test_events_a_terrorist_bombing_is_not_a_terrorist() -> None:
    text = "استقبل نائب خادم الحرمين الشريفين عددا من مصابي حادث التفجير الإرهابي الذي استهدف المسجد."
    assert all("REBRAD" not in (e.target or "") for e in events(text))


def test_events_a_province_is_where_not_who() -> None:
    # أبين (a Yemeni governorate) does not stand for Yemen as a place name of a city may;
    # the province itself is resolved
    for ev in events("محافظة أبين أرسلت مساعدات غذائية إلى عدن أمس."):
        assert ev.source != "YEM", ev
    doc = analyze(Document(text="اندلعت اشتباكات عنيفة في محافظة أبين أمس.", publication_date="2015-08-01"))
    (m,) = [m for m in doc.mentions if m.text == "أبين"]
    assert m.resolution is not None and m.resolution.value["id"] == "iso:YE-AB"


def test_events_the_date_of_the_report_is_not_the_event_s() -> None:
    text = (
        "قالت قوة المهام المشتركة في بيان اليوم السبت إن التحالف الذي تقوده الولايات المتحدة "
        "نفذ 19 غارة جوية على أهداف لتنظيم داعش في العراق أمس الجمعة."
    )
    (ev,) = analyze(Document(text=text, publication_date="2015-08-09")).events
    assert ev.type == "ASSAULT"
    assert ev.date is not None and (ev.date["text"], ev.date["value"]) == ("أمس الجمعة", "2015-08-07")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # مالية / مالي after a noun: financial, not Mali
        ("والسعودية قدمت لهم معونات مالية من خلال الحكومة الشرعية.", "SAU", None),
        ("أرسلت الجزائر مساعدات إلى مالي", "DZA", "MLI"),
        ("أرسلت الجزائر مساعدات لمالي والنيجر", "DZA", "MLI"),
    ],
)
def test_events_mali_and_the_adjective_financial(text: str, source: str, target: str | None) -> None:
    assert who(text, "AID") == (source, target)


def test_events_a_continent_is_not_its_country() -> None:
    # أمريكا الجنوبية is South America, not أمريكا (the USA)
    text = "أعلن رئيس اتحاد أمريكا الجنوبية لكرة القدم، دعم الفرنسي ميشال بلاتيني لرئاسة الاتحاد الدولي"
    assert all("USA" not in (e.source, e.target) for e in events(text))


@pytest.mark.parametrize(
    "text",
    [
        # protests as a backdrop: the actor before them did not protest
        "أعلن رئيس الوزراء العراقي حيدر العبادي إجراءات جديدة ردا على المظاهرات التي اندلعت ضد الفساد.",
        "وكانت قطر من أبرز الداعمين لمرسي وأعلن الجيش عزله في يوليو 2013 إثر احتجاجات شعبية حاشدة على حكمه.",
    ],
)
def test_events_protests_named_as_a_cause_have_no_source_before_them(text: str) -> None:
    assert all(e.source is None for e in events(text) if e.type == "PROTEST")


def test_events_people_who_began_a_sit_in_protest() -> None:
    text = "قال المرصد السوري لحقوق الإنسان إن نحو ألف سوري بدأوا اعتصاما في مدينة اللاذقية."
    assert who(text, "PROTEST") == ("SYR", None)


@pytest.mark.parametrize(
    "text",
    [
        "ألمانيا التي تستقبل منهم أعدادا أكبر من أي دولة أخرى بالاتحاد الأوروبي",
        "تستقبل المملكة الحجاج من كل دول العالم",
    ],
)
def test_events_hosting_refugees_or_pilgrims_is_no_visit(text: str) -> None:
    assert not [e for e in events(text) if e.type == "CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        "سواء كان الرئيس الأمريكي لا يرى ما يدور في المنطقة، أو يتظاهر بأنه لا يراه",  # pretends
        "أنهى المنتخب معسكره في القاهرة الذي خاض خلاله ثلاث مواجهات ودية",  # friendly matches
    ],
)
def test_events_pretending_and_friendly_matches_make_no_event(text: str) -> None:
    assert events(text) == []


def test_events_an_elected_president_is_no_sports_word() -> None:
    # المنتخب: the national team, and elected
    text = "شنت طائرات التحالف غارات على مواقع الحوثيين دعما لحكومة الرئيس اليمني المنتخب عبد ربه منصور هادي"
    assert [e for e in events(text) if e.type == "ASSAULT"]


def test_events_an_attack_s_lam_names_who_made_it() -> None:
    assert who("قتل عشرات عقب هجوم انتحاري لداعش على بلدة سورج التركية", "ASSAULT")[0] == "IMGISI"


@pytest.mark.parametrize(
    ("text", "typ", "source"),
    [
        # المملكة: the kingdom the document is about
        ("أعلنت السعودية دعمها لليمن. وقدمت المملكة مساعدات إنسانية لليمن عبر مطار جدة.", "AID", "SAU"),
        ("قال مسؤول في عمان إن المملكة قدمت مساعدات للاجئين في الزرقاء والمفرق.", "AID", "JOR"),
        # the coalitions by name
        (
            "أفاد قائد الصحوة بأن طيران التحالف الدولي قصف رتلا لمسلحي تنظيم داعش قرب مدينة حديثة.",
            "ASSAULT",
            "IGOWSTCOA",
        ),
        ("شنت طائرات التحالف العربي غارات على مواقع الحوثيين في صنعاء", "ASSAULT", "IGOARBCOA"),
        # a bare coalition: the one fighting there (not YEMMIL)
        ("شنت طائرات التحالف غارات على مواقع الحوثيين في صنعاء", "ASSAULT", "IGOARBCOA"),
        ("قصف طيران التحالف مواقع لتنظيم داعش في الرقة", "ASSAULT", "IGOWSTCOA"),
    ],
)
def test_events_the_kingdom_and_the_coalitions(text: str, typ: str, source: str) -> None:
    assert one(text, typ).source == source


def test_events_the_kingdom_of_a_document_naming_none_is_saudi_arabia() -> None:
    # as news most often means it, with a lower score; السلطنة is Oman
    doc = analyze(Document(text="وقدمت المملكة مساعدات إنسانية", publication_date="2015-08-10"))
    (k,) = [m for m in doc.mentions if m.text == "المملكة"]
    assert k.resolution is not None and k.resolution.value["country_code"] == "SA" and k.resolution.score == 0.5
    assert [e.source for e in doc.events if e.type == "AID"] == ["SAU"]
    doc = analyze(Document(text="عادوا إلى السلطنة بعد أداء مناسك العمرة.", publication_date="2015-08-10"))
    (s,) = [m for m in doc.mentions if m.text == "السلطنة"]
    assert s.resolution is not None and s.resolution.value["country_code"] == "OM"


def test_events_the_group_whose_positions_are_named_is_no_doer() -> None:
    text = "وإلى جانب أهداف حزب العمال الكردستاني قصفت طائرات تركية مواقع لتنظيم داعش في سوريا."
    assert who(text, "ASSAULT") == ("TURMIL", "IMGISI")


def test_events_by_names_the_doer_of_a_noun() -> None:
    text = "وتعرضت مواقع الحوثيين في صعدة الى غارات من قبل طيران التحالف العربي"
    assert one(text, "ASSAULT").source == "IGOARBCOA"


@pytest.mark.parametrize(
    "text",
    [
        "وأكد اللواء منصور التركي في اتصال هاتفي لـ«الشرق الأوسط» أن الانتحاري سبق إيقافه",  # an interview
        "فيما احتل قطاع الخدمات المالية والاستثمار المركز الثاني",  # ranks second
    ],
)
def test_events_interviews_and_rankings_are_no_events(text: str) -> None:
    assert [(e.type, e.target) for e in events(text) if e.type in ("CONSULT", "ASSAULT") and e.target] == []
    assert [e for e in events(text) if e.type == "ASSAULT"] == []


def test_events_who_announces_an_attack_did_not_make_it() -> None:
    text = "وأعلن حلف شمال الأطلسي أمس أن الهجوم على قاعدة عسكرية أميركية في كابول أسفر عن مقتل ثمانية"
    assert [e.source for e in events(text) if e.type == "ASSAULT"] in ([], [None])


def test_events_not_only_is_no_negation() -> None:
    text = "لم يكن الرئيس التركي رجب طيب أردوغان يقصف قوات داعش فحسب، بل أيضا حزب العمال الكردستاني"
    assert one(text, "ASSAULT").negated is False
    assert one("لم تقصف الطائرات التركية مواقع داعش", "ASSAULT").negated is True


def test_events_a_people_of_several_countries_is_coded_where_it_acts() -> None:
    # الأكراد: Iraq by default, Turkey when it happens in Turkey
    assert one("هاجم المتمردون الأكراد مواقع للجيش في ديار بكر", "ASSAULT").source == "TURREB"


def test_events_houthi_militias_attack_and_a_place_after_wa_fi_is_where() -> None:
    # وفي تعز: where (not Yemen acting); ميليشيات الحوثي: the Houthis
    assert one("وفي تعز قصفت ميليشيات الحوثي عدة أحياء سكنية", "ASSAULT").source == "YEMREB"


def test_events_the_islamic_state_s_sinai_branch() -> None:
    text = "ويوم الأربعاء هددت جماعة ولاية سيناء ذراع داعش في مصر بقتل الرهينة"
    assert who(text, "THREATEN")[0] == "IMGISI"


def test_events_the_dateline_is_no_actor_and_a_time_between_commas_stays_in_the_clause() -> None:
    text = "لندن - «الشرق الأوسط»: دعت منظمة «هيومن رايتس ووتش» الحقوقية، أمس، الحوثيين إلى الإفراج عن الناشط"
    assert who(text, "REQUEST") == ("NGOHRI", "YEMREB")


def test_events_a_dateline_after_its_reporter_and_outlet_is_no_actor() -> None:
    text = "سبق- أبها: ناشد المواطن حمد محمد سعد آل دشان الجهات المختصة مساعدته في علاج أطفاله"
    assert [e.source for e in events(text) if e.type == "REQUEST"] in ([], [None])


def test_events_the_houthis_named_by_their_members() -> None:
    assert who("وقصف الحوثيون الأحياء السكنية في تعز", "ASSAULT")[0] == "YEMREB"


@pytest.mark.parametrize(
    "text",
    [
        "ودعت الخارجية العراقية الله عز وجل أن يتقبل المتوفين",  # prayed
        "مناقشة فعاليات الدورة القادمة من تظاهرة أيام قرطاج السينمائية في تونس",  # a festival
        "وتنظم الجمعية تظاهرة ثقافية في الجزائر",
    ],
)
def test_events_prayers_and_cultural_events_are_no_events(text: str) -> None:
    assert [e.type for e in events(text) if e.type in ("REQUEST", "PROTEST")] == []


def test_events_a_noun_s_doer_far_before_it_makes_it_only_through_a_verb() -> None:
    far = (
        "يتبنى مجلس الأمن الدولي على الأرجح صباح الجمعة قرارا يلحظ تشكيل لجنة خبراء لتحديد المسؤولين عن هجمات كيميائية"
    )
    assert [e.source for e in events(far) if e.type == "ASSAULT"] in ([], [None])
    made = "استخدمت الولايات المتحدة قاعدة إنغرليك لإرسال طائرات بلا طيار، منها نفذت هجمات على مواقع لتنظيم داعش"
    assert one(made, "ASSAULT").source == "USA"
    own = "إيران أدركت أنه لا أمل في نجاح دعمها العسكري لبشار الأسد"
    assert one(own, "AID").source == "IRN"


def test_events_a_people_named_by_its_plural_acts_for_its_country() -> None:
    assert who("قصف اليابانيون داروين 64 مرة", "ASSAULT") == ("JPN", "AUS")
    # not when it qualifies the noun before it
    assert [e.source for e in events("اعتقلت الشرطة المواطنين السعوديين في المطار") if e.source == "SAU"] == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("بينما طالبت ميليشيات «فجر ليبيا» المسلحة بحوار داخل ليبيا", "LBYREB"),
        ("هاجمت وحدات حماية الشعب الكردية مواقع داعش في الحسكة", "SYRREBYPG"),
        ("قصف الجيش السوري الحر مواقع النظام", "SYRREB"),
    ],
)
def test_events_armed_groups_of_2015(text: str, source: str) -> None:
    assert [e.source for e in events(text)][:1] == [source]


def test_events_items_keep_their_adjectives_and_the_place_is_where_aid_goes() -> None:
    ev = one("زودت الولايات المتحدة الجيش اللبناني بعربات مدرعة وذخائر في إطار برنامج دعم عسكري.", "AID")
    assert [a.text for a in ev.arguments if a.role == "item"] == ["بعربات مدرعة", "ذخائر"]
    # الرياض sent (Saudi Arabia): Beirut is where the aid went, not Riyadh
    ev = one("وأرسلت الرياض طائرتين محملتين بالمساعدات الطبية إلى بيروت.", "AID")
    assert ev.source == "SAU" and ev.place is not None and ev.place["text"] == "بيروت"
    # the handing over, told in the next sentence, is where
    text = "سلمت الصين الجيش النيجيري طائرات بدون طيار ضمن صفقة عسكرية. وجرى التسليم في قاعدة جوية بأبوجا."
    ev = one(text, "AID")
    assert ev.place is not None and "أبوجا" in ev.place["text"]


def test_events_an_actor_of_the_source_s_own_country_can_be_its_target() -> None:
    # the Turkish army and the PKK (Turkish rebels), the Houthis and the Yemeni government
    assert who("وتستمر الغارات التي يشنها الجيش التركي على مقاتلي حزب العمال الكردستاني", "ASSAULT") == (
        "TURMIL",
        "TURREB",
    )
    # not the country named as a place
    assert who("قصف الجيش المالي مواقع المتمردين في شمال مالي", "ASSAULT")[1] != "MLI"


@pytest.mark.parametrize(
    ("text", "typ", "pair"),
    [
        (
            "اندلعت اشتباكات عنيفة بين الجيش المالي ومسلحين من الحركة الوطنية لتحرير أزواد قرب كيدال",
            "ASSAULT",
            ("MLIMIL", "MLIREBMNL"),
        ),
        ("بدأت مفاوضات مباشرة بين إسرائيل والفلسطينيين", "CONSULT", ("ISR", "PSE")),
        # the parties of a mediation are its targets, not its maker
        ("تقوم قطر بوساطة بين الحكومة السودانية والحركات المسلحة في دارفور", "CONSULT", ("QAT", "SDNGOV")),
    ],
)
def test_events_the_parties_named_by_bayna(text: str, typ: str, pair: tuple[str, str]) -> None:
    assert who(text, typ) == pair


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("هاجم مسلحون ينتمون إلى جماعة بوكو حرام قرية في شمال شرق نيجيريا", ("NGAIMGBOK", "NGA")),
        ("هاجم عناصر تابعون لتنظيم داعش نقطة للجيش العراقي", ("IMGISI", "IRQMIL")),
    ],
)
def test_events_the_group_the_doers_belong_to_acts(text: str, pair: tuple[str, str]) -> None:
    assert who(text, "ASSAULT") == pair


def test_events_the_group_whose_positions_are_struck_does_not_strike() -> None:
    assert [e.source for e in events("قصف الجيش مواقع تابعة لتنظيم داعش في الرقة") if e.source == "IMGISI"] == []


def test_events_armed_men_of_no_named_country_are_of_the_place_s() -> None:
    assert who("احتل مسلحون متمردون مدينة غاو في شمال مالي", "ASSAULT") == ("MLIREB", "MLI")
    # but an agent heading a named group is that group
    assert who("بينما طالبت ميليشيات «فجر ليبيا» المسلحة بحوار داخل ليبيا", "REQUEST")[0] == "LBYREB"


def test_events_a_financial_adjective_after_a_military_one_is_no_country() -> None:
    text = "وقالت إيران التي تزود الأسد بدعم عسكري ومالي إنها ستطرح خطة"
    assert [e.target for e in events(text) if e.type == "AID"] != ["MLI"]


def test_events_a_visit_goes_where_the_visitor_arrives_and_aid_given_with_bi() -> None:
    assert who("وصل وفد من الحكومة الليبية إلى الجزائر في زيارة تستغرق يومين", "CONSULT") == ("LBYGOV", "DZA")
    assert who("دعمت الإمارات الجيش الموريتاني بمعدات عسكرية شملت سيارات", "AID") == ("ARE", "MRTMIL")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # exposed to an attack: the one exposed is the target
        ("تعرض الجيش العراقي لهجوم شنه تنظيم داعش في الأنبار", ("IMGISI", "IRQMIL")),
        ("فرت عناصر الحوثيين أثناء تعرضها لغارات جوية شنتها مقاتلات التحالف العربي", ("IGOARBCOA", "YEMREB")),
    ],
)
def test_events_who_is_exposed_to_an_attack_is_its_target(text: str, pair: tuple[str, str]) -> None:
    assert who(text, "ASSAULT") == pair


def test_events_who_receives_aid_is_its_target_and_signings_in_sports_are_no_agreements() -> None:
    assert who("تسلمت مصر أمس خمسة أبراج لدبابات أبرامز من الولايات المتحدة الأميركية", "AID") == ("USA", "EGY")
    text = "صرفت إدارة النادي النظر عن التوقيع مع مهاجم الاتفاق السابق صالح بشير"
    assert [e for e in events(text) if e.type == "AGREE"] == []


def test_events_a_club_receiving_copies_of_its_books_is_no_visit() -> None:
    text = "استقبل نادي الباحة الأدبي النسخ الأولى من إصداراته الجديدة التي طبعت في بيروت"
    assert [e for e in events(text) if e.type == "CONSULT"] == []


def test_events_the_group_that_claimed_an_attack_made_it() -> None:
    text = "أدانت الوزارة الهجوم الإرهابي الذي تبناه تنظيم داعش على مسجد في عسير"
    assert who(text, "ASSAULT")[0] == "IMGISI"


def test_events_a_capital_stands_for_its_state_another_city_does_not_act() -> None:
    assert who("أعلنت أنقرة أنها ستشن هجوما على مواقع داعش", "ASSAULT")[0] == "TUR"
    text = "بعد ثلاثة أيام على هيروشيما، أحيت ناغازاكي أمس، ذكرى الهجوم النووي"
    assert [e.source for e in events(text) if e.type == "ASSAULT"] in ([], [None])


def test_events_the_kingdom_named_with_another_kingdom_is_not_that_one() -> None:
    text = "اتفقت المملكة والأردن على أهمية تعزيز التعاون بين البلدين في عمان والعقبة والزرقاء"
    assert who(text, "AGREE") == ("SAU", "JOR")


def test_events_the_group_that_claims_an_attack_by_gunmen_made_it() -> None:
    text = "شن مسلحون هجوما على دورية للجيش النيجري، وأعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجوم."
    assert [(e.source, e.target) for e in events(text) if e.type == "ASSAULT"] == [("IMGISI", "NERMIL")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("هاجم مسلحون مركزا للشرطة في ولاية كيدال.", "MLIREB"),  # مسلحون: REB in the dictionary
        ("هاجم إرهابيون مركزا للشرطة في ولاية كيدال.", "MLIREBRAD"),
    ],
)
def test_events_armed_men_of_no_country_are_of_the_place(text: str, source: str) -> None:
    assert one(text, "ASSAULT").source == source


def test_events_an_actor_after_fi_is_where_an_agreement_is_not_with_whom() -> None:
    ev = one("اتفقت الولايات المتحدة وروسيا على مسودة قرار بشأن الهجمات الكيماوية في سوريا.", "AGREE")
    assert ev.target != "SYR"


def test_events_a_new_clause_after_a_comma_brings_no_target() -> None:
    text = "قالت واشنطن إن دمشق تقف وراء الهجمات، وأعلن وزير الخارجية الأميركي أنه توصل إلى اتفاق مع نظيره الروسي."
    assert [e.target for e in events(text) if e.type == "ASSAULT"] in ([], [None])


def test_events_civilians_are_not_who_attacks() -> None:
    assert [
        e.source for e in events("طالبوا بحماية المدنيين السوريين وتحديد المسؤولين عن هجمات.") if e.type == "ASSAULT"
    ] == []


def test_events_who_describes_an_attack_did_not_make_it() -> None:
    assert [e.source for e in events("ووصف بنيامين نتنياهو الهجوم بأنه عمل إرهابي.") if e.type == "ASSAULT"] != [
        "ISRGOV"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "احتفلت الأكاديمية السعودية للطيران المدني اليوم بتخريج 138 طالبا بحضور مساعد رئيس الهيئة.",
        "وأعلنت وزارة الأمن الداخلي الأمريكية أمس، طالباً في جامعة بوسطن.",
    ],
)
def test_events_a_noun_that_looks_like_a_verb_starts_no_event(text: str) -> None:
    assert [e for e in events(text) if e.type == "REQUEST"] == []


def test_events_a_verb_opening_its_clause_has_its_subject_after_it() -> None:
    text = "قال رئيس الهلال الأحمر السعودي، استقبل الأمير بندر بن فيصل آل سعود وفدا من الصليب الأحمر الدولي."
    assert one(text, "CONSULT").source == "SAUGOV"


def test_events_a_verb_with_a_counterpart_after_ma_has_its_subject_before_ma() -> None:
    text = (
        "وتأتي الزيارة تلبية لدعوة من الملك عبدالله الثاني، وخلال الزيارة، بحث الأمير محمد بن سلمان "
        "مع ملك الأردن العلاقات بين البلدين."
    )
    assert ("SAUGOV", "JORGOV") in [(e.source, e.target) for e in events(text) if e.type == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("وبدأ المتمردون الحوثيون الانسحاب من تعز.", None),  # their own country's town
        ("انسحبت القوات التشادية من مدينة كيدال بعد أشهر من الانتشار.", "MLI"),  # Chad's forces leave Mali
    ],
)
def test_events_a_retreat_from_a_town_of_ones_own_country_has_no_target(text: str, target: str | None) -> None:
    assert one(text, "RETREAT").target == target


def test_events_a_country_right_after_a_visit_is_where_the_visitor_goes() -> None:
    text = "وجه رئيس الوزراء الإيطالي دعوة إلى الرئيس الإيراني حسن روحاني لزيارة إيطاليا."
    assert who(text, "CONSULT") == ("IRNGOV", "ITA")


def test_events_an_invitation_home_is_no_visit_by_who_invites() -> None:
    text = "سلم الوزير الرئيس روحاني دعوة من نظيره الفرنسي فرنسوا هولاند لزيارة باريس في نوفمبر."
    assert ("FRAGOV", "FRA") not in [(e.source, e.target) for e in events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "أحبط الجيش اليمني هجوما شنه مسلحون حوثيون وقوات موالية للرئيس اليمني السابق علي صالح في مأرب.",
        "استمر قصف الميليشيات الحوثية وقوات الرئيس السابق علي عبد الله صالح على أحياء عدن.",
    ],
)
def test_events_an_actor_joined_by_waw_to_the_doer_is_one_more_doer_not_the_target(text: str) -> None:
    assert "YEMELI" not in [e.target for e in events(text)] and "YEMGOV" not in [e.target for e in events(text)]


def test_events_the_sides_of_clashes_joined_by_waw_stay_source_and_target() -> None:
    ev = one("اندلعت اشتباكات الجيش المالي والمتمردين الطوارق في كيدال.", "ASSAULT")
    assert (ev.source, ev.target) == ("MLIMIL", "MLIREB")
    # the evidence of the target is the name without its و
    assert [a.text for a in ev.arguments if a.role == "target"] == ["المتمردين الطوارق"]


def test_events_no_actor_is_its_own_target() -> None:
    text = "ميليشيات الحوثي التي كانت تخوض مواجهات عنيفة في التواهي قبل أن تتمكن الميليشيات من التقدم في عدن."
    assert all(e.source != e.target for e in events(text))


@pytest.mark.parametrize(
    "text",
    [
        "الجيش الإسرائيلي مستعد لمثل الهجمات التي يشنها في سيناء.",  # a region is where, not who
        "فكرت الإمارات في التوجه لرفع الدعم عن الوقود إذ سبقتها الكويت.",  # subsidies
    ],
)
def test_events_no_event_from_a_place_or_a_subsidy(text: str) -> None:
    assert [(e.type, e.source) for e in events(text) if e.source in ("EGY", "ARE")] == []


def test_events_attacking_a_role_or_a_policy_is_criticism() -> None:
    text = "والتقى بنيامين نتنياهو مع نظيره الإيطالي، وهاجم الدور الأوروبي في تشجيع الاتفاق النووي مع إيران."
    assert [e for e in events(text) if e.type == "ASSAULT"] == []


def test_events_a_semicolon_ends_the_clause_of_the_target() -> None:
    text = "هجوم الميليشيات الحوثية على الضالع باليمن؛ تمكنت أسرته من إدخاله للمملكة."
    assert "SAU" not in [e.target for e in events(text)]


def test_events_a_title_and_its_name_are_one_actor() -> None:
    text = "التقى رئيس مجلس النواب اللبناني نبيه بري في بيروت أمس سفير خادم الحرمين الشريفين لدى لبنان."
    assert who(text, "CONSULT") == ("LBNGOV", "SAUGOV")


def test_events_a_foreign_minister_named_in_a_lebanese_report_keeps_his_country() -> None:
    text = "قال وزير الداخلية اللبناني نهاد المشنوق إن المسألة ستثار خلال زيارة الوزير فابيوس إلى طهران."
    assert ("FRAGOV", "IRN") in [(e.source, e.target) for e in events(text)]


def test_events_a_doer_written_with_a_proclitic_is_found_and_its_leader_is_no_target() -> None:
    text = "قتل خمسة من مسلحي صالح جراء ثلاث غارات لطيران التحالف العربي بقيادة السعودية في محافظة أبين."
    ev = one(text, "ASSAULT")
    assert ev.source == "IGOARBCOA" and ev.target != "SAU"
    # (the coalition named with its leader is one actor, session 14)
    assert [a.text for a in ev.arguments if a.role == "source"] == ["طيران التحالف العربي بقيادة السعودية"]


def test_events_the_group_a_campaign_confronts_is_not_its_doer() -> None:
    text = "دخلت أنقرة بقوة في الحملة العسكرية لمواجهة داعش بشن أولى غاراتها الجوية على مواقع له في سوريا."
    assert one(text, "ASSAULT").source == "TUR"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("وتقاتل الميليشيا اللبنانية الشيعية التي تدعمها إيران إلى جانب قوات النظام.", ("IRN", "LBNREB")),
        ("استهدفت الغارات مواقع الحوثيين الذين يدعمهم علي عبد الله صالح.", ("YEMELI", "YEMREB")),
    ],
)
def test_events_a_verb_with_an_object_pronoun_after_a_relative_pronoun_is_done_to_the_noun_before(
    text: str, pair: tuple[str, str]
) -> None:
    ev = one(text, "SUPPORT")
    assert (ev.source, ev.target) == pair
    assert ev.evidence.startswith(("الميليشيا", "الحوثيين"))  # the evidence takes in both


def test_events_who_receives_aid_is_its_target() -> None:
    assert [e.source for e in events("وكانت المناطق المتمردة، تستقبل وبشكل طبيعي المساعدات الإنسانية.")] == []


def test_events_the_group_whose_members_one_clashes_with_is_no_doer() -> None:
    text = "وقالت الشرطة إن قوات الأمن اشتبكت مع عناصر تنظيم داعش في محيط جامعة الأنبار غرب الرمادي."
    assert "IMGISI" not in [e.source for e in events(text)]


def test_events_artillery_is_an_armed_agent() -> None:
    text = "كما قصفت المدفعية التركية ثلاثة أهداف تابعة لتنظيم داعش في سوريا."
    assert who(text, "ASSAULT") == ("TURMIL", "IMGISI")


def test_events_a_country_joined_by_waw_to_a_target_is_a_target_too() -> None:
    assert [e.source for e in events("ويشن التحالف غارات على العراق وسوريا منذ عام.") if e.source == "SYR"] == []


def test_events_a_city_before_a_clause_of_place_is_where_not_who() -> None:
    text = "وصل الرئيس الأمريكي إلى أديس أبابا، حيث من المقرر أن يلتقي رئيس الوزراء هيلا ماريام ديسالين."
    assert "ETH" not in [e.source for e in events(text)]
    text = "وتسلمت مصر أمس خمسة أبراج لدبابات من الولايات المتحدة الأميركية، حيث تم نقلها جوا."
    assert who(text, "AID") == ("USA", "EGY")


def test_events_inspecting_is_no_agreement() -> None:
    assert [e for e in events("وكان الرئيس المالي يتفقد المواقع العسكرية في كيدال.") if e.type == "AGREE"] == []


def test_events_the_object_after_a_verb_with_a_plural_subject_is_no_subject() -> None:
    assert [e for e in events("وطالبوا البنوك السعودية بخفض الرسوم.") if e.source == "SAU"] == []


def test_events_the_members_of_a_group_after_a_verb_are_its_subject() -> None:
    text = "يواجه سكان سوريا الذين يهددهم متشددو تنظيم داعش خطر النزوح."
    assert who(text, "THREATEN") == ("IMGISI", "SYR")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("واستنكرت جامعة الدول العربية القصف التركي في شمال العراق.", ("TUR", "IRQ")),
        ("وصفقوا لحلف الناتو، وهو القصف الذي دشنته الولايات المتحدة، ثم تركت باقي المهمة لفرنسا.", ("USA", None)),
    ],
)
def test_events_a_verb_pattern_on_a_word_with_the_article_reads_the_masdar(text: str, pair: tuple) -> None:
    assert who(text, "ASSAULT") == pair


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وقال عباس مشيرا إلى عصابات «تدفيع الثمن» اليهودية التي هاجمت قرية دوما.", None),  # no actor names them
        ("ورحب بالحوار الوطني الذي دعا إليه الرئيس السوداني.", "SDNGOV"),  # resumed by إليه, subject after
        ("على حساب داعش، شنت الفصائل المنضوية في جيش الفتح، أمس، هجوما واسعا على حوض اليرموك.", "SYRIMGFTH"),
    ],
)
def test_events_the_subject_of_a_relative_or_a_verb_opening_a_clause(text: str, source: str | None) -> None:
    assert [e.source for e in events(text) if e.source is not None] == ([source] if source else [])


def test_events_a_present_plural_verb_takes_what_follows_as_its_object() -> None:
    assert [e for e in events("ويطالبون كييف بالإفراج عنهم.") if e.source == "UKR"] == []


def test_events_an_agent_phrase_stops_at_a_day_or_at_positions() -> None:
    ev = one("قصفت مقاتلات التحالف أمس مواقع للحوثيين وقوات صالح في مدينة تعز.", "ASSAULT")
    assert (ev.source, ev.target) == ("IGOARBCOA", "YEMREB")


@pytest.mark.parametrize(
    "text",
    ["وتطالب كل من الفلبين وفيتنام وماليزيا بالسيادة على الجزر.", "النظام الذي تدعمه موسكو وطهران."],
)
def test_events_doers_named_one_after_another_with_waw_are_not_each_others_targets(text: str) -> None:
    assert [e.target for e in events(text) if e.target is not None] == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("كان الاتحاد الأوروبي وافق في عام 2014 على منح أوكرانيا مساعدات مالية كبيرة.", ("IGOEUREEC", "UKR")),
        ("وقررت ألمانيا منح أوكرانيا مساعدات بقيمة 500 مليون يورو.", ("DEU", "UKR")),
    ],
)
def test_events_the_first_object_of_giving_receives(text: str, pair: tuple[str, str]) -> None:
    assert who(text, "AID") == pair


def test_events_the_leaders_of_a_body_after_a_verb_are_its_subject() -> None:
    text = "وفي قمة بروكسل في مارس الماضي، اتفق قادة الاتحاد الأوروبي على إنشاء اتحاد الطاقة."
    assert one(text, "AGREE").source == "IGOEUREEC"


def test_events_the_regime_whose_name_follows_li_is_a_target() -> None:
    assert [e.source for e in events("وتقديم الدعم العسكري لنظام الرئيس السوري.")] in ([], [None])


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("وأفاد المرصد بأن عناصر من تنظيم داعش قتلوا جراء قصف للطيران الحربي على مناطق في الحسكة.", None),
        ("قاطعت إيران المنتجات الأميركية عقب فرض الولايات المتحدة عقوبات اقتصادية جديدة على إيران.", ("USA", "IRN")),
    ],
)
def test_events_a_verb_pattern_after_a_word_of_cause_or_time_reads_the_masdar(text: str, pair) -> None:
    got = [(e.source, e.target) for e in events(text) if e.type in ("ASSAULT", "SANCTION") and e.source]
    assert got == ([pair] if pair else [])


def test_events_who_speaks_after_a_colon_did_not_do_what_he_speaks_of() -> None:
    assert [e for e in events("وقال رجب طيب إردوغان: «هذا الهجوم يستهدف وحدة تركيا».") if e.source] == []


def test_events_a_person_named_after_a_title_and_its_descriptors_holds_the_title() -> None:
    text = (
        "دعت وزيرة الخارجية الأميركية السابقة المرشحة لانتخابات الحزب الديمقراطي للرئاسة الأميركية "
        "هيلاري كلينتون إلى رفع الحظر عن كوبا."
    )
    assert "USAOPP" not in [e.target for e in events(text)]
    # (in January 2013, the helper's publication date, Kerry was still a senator: USALEG)
    assert ("SAUGOV", "USALEG") in [(e.source, e.target) for e in events("استقبل وزير الخارجية السعودي أمس جون كيري.")]


def test_events_a_sound_plural_in_the_oblique_after_a_verb_is_its_object() -> None:
    # الحوثيين (not الحوثيون) is the demand's object: its subject is not named
    assert [e.source for e in events("وأن يعلن موقفا حازما يطالب الحوثيين بالانسحاب فورا من المحافظات.")] == []


@pytest.mark.parametrize(
    ("text", "typ", "pair"),
    [
        # the pronoun of the masdar acts; the actor after it is the object
        ("دمرتها إيران من خلال دعمها لمنظمات إرهابية في سورية.", "SUPPORT", ("IRN", "REBRAD")),
        # a country after في says whose the supported object is
        ("وأكد الرئيس الفرنسي أن باريس تدعم الشرعية في اليمن.", "SUPPORT", ("FRA", "YEM")),
        # the rebels of no country take the country named right after them
        ("وشن الطيران التركي غارات على مواقع للمتمردين شمال العراق.", "ASSAULT", ("TURMIL", "IRQREB")),
        ("والتقى وزير الخارجية الروسي رئيس الائتلاف السوري في موسكو.", "CONSULT", ("RUSGOV", "SYROPP")),
    ],
)
def test_events_whose_act_and_whose_object(text: str, typ: str, pair: tuple[str, str]) -> None:
    assert who(text, typ) == pair


def test_events_the_country_a_retreat_leaves_is_not_who_retreats() -> None:
    assert [e.source for e in events("وقال إن انسحابهم من تركيا بات ضرورة.") if e.type == "RETREAT"] == []


def test_events_support_somewhere_is_not_support_for_the_place() -> None:
    assert [e for e in events("لكن مسألة دعم مكتب طالبان في قطر للمبادرة لا تزال موضع جدل.") if e.target] == []


@pytest.mark.parametrize(
    "text",
    [
        "كما يتفق حلفاء أوروبيون وبعض المحللين على أن إحباط الاتفاق سيكون باهظ الثمن.",
        "وهو مسؤولية إسرائيل كدولة احتلال.",
    ],
)
def test_events_sharing_a_view_or_a_state_of_occupation_is_no_event(text: str) -> None:
    assert events(text) == []


def test_events_the_group_gunmen_are_believed_to_belong_to_made_the_attack() -> None:
    text = "وقتل 20 شخصا في هجوم انتحاري نفذه مسلحون يعتقد بانتمائهم لتنظيم «القاعدة» في عدن."
    ev = one(text, "ASSAULT")
    assert ev.source == "IMGAQD" and ev.target != "IMGAQD"


def test_events_the_first_party_of_clashes_may_follow_an_unnamed_one() -> None:
    text = "وقالت مصادر إن اشتباكات دارت بين المقاومة والجيش اليمني من جهة والحوثيين من جهة أخرى في أبين."
    assert ("YEMMIL", "YEMREB") in [(e.source, e.target) for e in events(text)]


@pytest.mark.parametrize(
    ("text", "typ", "pair"),
    [
        ("وتحارب المملكة جماعات إرهابية تدعمها طهران في المنطقة.", "SUPPORT", ("IRN", "INS")),
        ("وأرسلت بريطانيا قوات لدعم الكويت.", "SUPPORT", ("GBR", "KWT")),
        ("وأدان الوزير قصف روسيا لحلب.", "ASSAULT", ("RUS", "SYR")),
        ("في ذكرى احتلال العراق للكويت.", "ASSAULT", ("IRQ", "KWT")),
    ],
)
def test_events_objects_of_pronouns_purposes_and_struck_places(text: str, typ: str, pair: tuple[str, str]) -> None:
    assert who(text, typ) == pair


def test_events_actors_after_another_kind_of_act_are_its_own() -> None:
    text = "زار رئيس الوزراء التركي موقعا حدوديا قرب مكان قتل فيه جندي في اشتباكات مع تنظيم داعش."
    assert [e.target for e in events(text) if e.type == "CONSULT"] in ([], [None])


def test_events_ranking_is_no_occupation() -> None:
    assert events("وتحتل دول مجلس التعاون الخليجي مراكز متقدمة في مؤشر الاقتصاد المعرفي.") == []


def test_events_coalitions_named_alone_act_and_heads_join_their_names() -> None:
    ev = one("ويعاني سكان الرقة من الضغوط التي يمارسها تنظيم داعش، وغارات التحالف الدولي ضد التنظيم.", "ASSAULT")
    assert ev.source == "IGOWSTCOA"
    ev = one("وشنت مقاتلات التحالف العربي غارات على مواقع الحوثيين في صنعاء.", "ASSAULT")
    assert [a.text for a in ev.arguments if a.role == "source"] == ["مقاتلات التحالف العربي"]
    assert who("وتقدمت قوات الحشد الشعبي نحو تكريت بدعم من التحالف الدولي.", "SUPPORT") == ("IGOWSTCOA", "IRQIMGPMF")


@pytest.mark.parametrize(
    ("text", "typ", "mode", "pair"),
    [
        ("اتهمت السعودية إيران بدعم الإرهاب.", "ACCUSE", "allege", ("SAU", "IRN")),
        ("وأدانت مصر الهجوم الإسرائيلي على غزة.", "ACCUSE", "disapprove", ("EGY", "ISR")),
        (
            "ودعت جامعة الدول العربية التي استنكرت القصف التركي في شمال العراق إلى الحوار.",
            "ACCUSE",
            "disapprove",
            ("IGOARBAL", "TUR"),
        ),
        ("ورفضت الحكومة اليمنية مقترحات الحوثيين.", "REJECT", None, ("YEMGOV", "YEMREB")),
        ("وأطلقت حركة حماس صواريخ على إسرائيل.", "ASSAULT", "heavy-weapons", ("PSEREB", "ISR")),
        ("واختطف مسلحون صحفيا يابانيا في سوريا.", "ASSAULT", "abduct", ("REB", "JPN")),
        ("وأفرجت السلطات الإيرانية عن صحفي أمريكي.", "RETREAT", "release", ("IRNGOV", "USA")),
        ("وأشاد وزير الخارجية الأمريكي بدور السعودية.", "SUPPORT", "praise", ("USAGOV", "SAU")),
        ("وقطعت السعودية علاقاتها الدبلوماسية مع إيران.", "SANCTION", "withdraw", ("SAU", "IRN")),
        ("وألقت الشرطة السعودية القبض على 5 أشخاص.", "COERCE", "arrest", ("SAUCOP", None)),
        ("وحشدت روسيا قوات على الحدود الأوكرانية.", "MOBILIZE", "troops", ("RUS", None)),
        ("وشن التحالف غارات على مواقع الحوثيين في صعدة.", "ASSAULT", "aerial", ("IGOARBCOA", "YEMREB")),
    ],
)
def test_events_accusing_rejecting_coercing_and_more(text: str, typ: str, mode: str | None, pair: tuple) -> None:
    ev = one(text, typ)
    assert (ev.source, ev.target) == pair and ev.mode == mode


@pytest.mark.parametrize(
    "text",
    [
        "ورفض المتحدث التعليق على الخبر.",
        "واعتقل الناشط السعودي محمد الغامدي في الرياض.",  # a passive: who was arrested, no one named doing it
    ],
)
def test_events_declining_to_comment_or_a_passive_arrest_names_no_doer(text: str) -> None:
    assert [e for e in events(text) if e.source] == []


def test_events_a_place_resumed_after_a_relative_verb_is_where_its_subject_acts() -> None:
    ev = one("معتقل جوانتانامو الذي تحتجز فيه الولايات المتحدة مئات السجناء.", "COERCE")
    assert ev.source == "USA"


@pytest.mark.parametrize(
    "text",
    [
        "وتمسكها بتنفيذ قرار مجلس الأمن وإيقاف إطلاق النار من قبل الميليشيات المتمردة.",  # a ceasefire
        "ولفت إلى أن القوات الأوكرانية صدت الهجوم بالقصف المدفعي.",  # who repels an attack did not make it
        "سمات العراق تفجير مقتل",  # an outlet's tag line
        "ودعا سمو الأمير سعود بن نايف بن عبدالعزيز المولى أن يحمي هذه البلاد.",  # a prayer
    ],
)
def test_events_ceasefires_repelling_tags_and_prayers_name_no_doer(text: str) -> None:
    assert [e for e in events(text) if e.source] == []


def test_events_a_person_named_just_before_a_verb_is_its_subject() -> None:
    text = "وكان زعيم الحزب المقرب من الاكراد صلاح الدين دمرتاش دعا الحكومة التركية إلى بدء المفاوضات."
    assert [e.source for e in events(text)] in ([], [None])


def test_events_the_people_of_whom_one_is_arrested() -> None:
    assert who("وكانت الشرطة الإيطالية قد اعتقلت الشهر الماضي مغربيًّا.", "COERCE") == ("ITACOP", "MAR")


@pytest.mark.parametrize(
    ("text", "typ", "pair"),
    [
        (
            "بعث الأمير محمد بن نايف برقية تهنئة لفخامة الرئيس إدريس ديبي رئيس جمهورية تشاد.",
            "SUPPORT",
            ("SAUGOV", "TCDGOV"),
        ),
        (
            "تلقى وزير الخارجية المصري اتصالين هاتفيين أمس من وزير خارجية روسيا سيرجي لافروف.",
            "CONSULT",
            ("RUSGOV", "EGYGOV"),
        ),
    ],
)
def test_events_congratulations_and_calls(text: str, typ: str, pair: tuple[str, str]) -> None:
    assert who(text, typ) == pair


def test_events_here_is_no_congratulation_and_phone_services_no_call() -> None:
    assert events("ومن هنا فإن ما تقوم به تركيا يخدم تنظيم داعش.") == []
    assert [e for e in events("وتعاملت اليونان مع الاتصالات الهاتفية في قبرص.") if e.type == "CONSULT"] == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("والتقى رئيس وزراء إسرائيل بنيامين نتنياهو الرئيس الأمريكي.", "ISRGOV"),
        ("واعتقلت شرطة النرويج رجلا.", "NORCOP"),
        ("وقصف جيش مالي مواقع المتمردين.", "MLIMIL"),
    ],
)
def test_events_an_agent_and_the_country_after_it_are_one_actor(text: str, code: str) -> None:
    assert [e.source for e in events(text)] == [code]


def test_events_the_subject_is_not_sought_past_another_act() -> None:
    assert [e for e in events("وأدان الوزير قصف روسيا لحلب.") if e.type == "ACCUSE" and e.source] == []


@pytest.mark.parametrize(
    ("text", "typ", "pair"),
    [
        ("فتدعم ايران نظام الرئيس السوري بشار الاسد فيما تدعو تركيا الى اسقاطه.", "REQUEST", ("TUR", None)),
        ("عبّر سفير خادم الحرمين الشريفين لدى دولة الكويت عن استنكاره للعمل الإرهابي.", "ACCUSE", ("SAUGOV", "REBRAD")),
        (
            "وأوضح البيان أن وزارة الخارجية استدعت سفير مملكة البحرين لدى الجمهورية الإسلامية الإيرانية.",
            "SANCTION",
            ("BHRGOV", "IRN"),
        ),
    ],
)
def test_events_clause_openers_and_envoys_posted_abroad(text: str, typ: str, pair: tuple) -> None:
    assert who(text, typ) == pair


def test_events_many_of_them_is_an_unnamed_subject() -> None:
    assert [
        e.source for e in events("تعرضوا لمداهمة من قبل الإرهابيين، لذلك رفض كثير منهم العودة.") if e.type == "REJECT"
    ] == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("وقررت الولايات المتحدة رفع العقوبات المفروضة على إيران.", ("USA", "IRN")),
        ("ورفعت الأمم المتحدة الحظر عن صادرات الأسلحة إلى ساحل العاج.", ("IGOUNO", "CIV")),
    ],
)
def test_events_lifting_sanctions(text: str, pair: tuple[str, str]) -> None:
    assert who(text, "RETREAT") == pair


def test_events_relief_for_the_one_named_before_is_not_given_by_it() -> None:
    assert [e for e in events("وافقت إيران على تفكيك برنامجها مقابل رفع العقوبات.") if e.type == "RETREAT"] == []


@pytest.mark.parametrize(
    ("text", "typ", "pair"),
    [
        (
            "استقبل صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد وزير الدفاع في قصر السلام "
            "بجدة مساء أمس وزير الدولة لشؤون الدفاع بدولة قطر اللواء ركن حمد بن علي العطية.",
            "CONSULT",
            ("SAUGOV", "QAT"),
        ),
        ("وأعرب خادم الحرمين الشريفين عن شكره وتقديره لملك البحرين.", "SUPPORT", ("SAUGOV", "BHRGOV")),
        ("وقال جون كيري خلال مؤتمر صحفي مشترك مع نظيره الفيتنامي إن المحادثات مثمرة.", "CONSULT", ("USALEG", "VNMGOV")),
    ],
)
def test_events_hosts_after_titles_thanks_and_joint_press_conferences(text: str, typ: str, pair: tuple) -> None:
    assert who(text, typ) == pair


def test_events_the_genitive_of_an_arrest_or_assassination_suffers_it() -> None:
    (ev,) = [e for e in events("أعلن التلفزيون السوري عن توقيف سليمان هلال الأسد.") if e.type == "COERCE"]
    assert [a.text for a in ev.arguments if a.role == "target"] == ["سليمان هلال الأسد"]


@pytest.mark.parametrize(
    ("text", "typ", "pair"),
    [
        # a verb whose pronoun is its object has its subject after it
        ("وأشار إلى أن هذه الميليشيا تقودها شخصيات تدعمها إيران.", "SUPPORT", ("IRN", "REB")),
        # "that it" resumes the subject after the إن before
        ("وقال المسؤول إن إيران تعرقل الحل في اليمن، وإنها تدعم المتمردين الحوثيين.", "SUPPORT", ("IRN", "YEMREB")),
        # support "from" someone at home
        (
            "ودخلت الميليشيات الحوثية بدعم من الرئيس المخلوع علي عبد الله صالح إلى صنعاء.",
            "SUPPORT",
            ("YEMELI", "YEMREB"),
        ),
        # after و, the first of two actors after the verb is its subject
        ("وانهزم الجيش المصري في معركة التل الكبير واحتلت بريطانيا مصر.", "ASSAULT", ("GBR", "EGY")),
        # a noun's genitive agent that no dictionary names as a state
        ("ويشن الجيش المصري عمليات في شمال سيناء لصد هجمات المتطرفين.", "ASSAULT", ("EGYINS", None)),
        # talks in a city between two parties
        (
            "وشدد على أن مباحثات القاهرة بين وزير الخارجية السعودي سعود الفيصل والرئيس المصري محمد مرسي كانت مثمرة.",
            "CONSULT",
            ("SAUGOV", "EGYGOV"),
        ),
        # an aside after the speaker's comma is still his
        (
            "وقال وزير الخارجية السعودي، خلال مؤتمر صحافي مشترك مع نظيره المصري، إن المحادثات مثمرة.",
            "CONSULT",
            ("SAUGOV", "EGYGOV"),
        ),
        # who tried acts on the pronoun
        ("وقال إن الحوثيين حاولوا اغتياله مرتين.", "ASSAULT", ("YEMREB", None)),
    ],
)
def test_events_pronouns_asides_and_parties_between(text: str, typ: str, pair: tuple) -> None:
    assert who(text, typ) == pair


def test_events_the_object_of_a_visit_does_not_visit_again() -> None:
    text = "وأشارت الحكومة التركية إلى أن أردوغان سيزور إندونيسيا بعد انتهاء زيارته إلى الصين."
    assert sorted((e.source, e.target) for e in events(text) if e.type == "CONSULT") == [
        ("TURGOV", "CHN"),
        ("TURGOV", "IDN"),
    ]


@pytest.mark.parametrize(
    ("text", "typ", "wrong"),
    [
        # victims named before "in an attack made by …" did not attack
        ("يذكر أنه في 18 مارس قتل 20 أجنبيا وشرطيا تونسيا في هجوم شنه شخصان على متحف باردو.", "ASSAULT", "TUN"),
        # an adjective of the phrase before the comma
        ("ويأتي الاجتماع بعد الاتفاق النووي الإيراني، والتفجيرات التي استهدفت البحرين مؤخرا.", "ASSAULT", "IRN"),
        # a counterpart (نظيره) does not make the visit after it
        ("أجرى الرئيس التركي محادثات مع نظيره الصيني شي جينبينغ خلال زيارة إلى الصين.", "CONSULT", "CHNGOV"),
        # a passive masdar: who is convicted or arrested does not do it
        ("وقضت المحكمة بسجن الرئيس المصري الأسبق حسني مبارك بعد إدانته بالفساد.", "ACCUSE", "EGYELI"),
        ("وعند دخوله من منفذ الأردن إلى العراق تم اعتقاله بتاريخ أمس.", "COERCE", "JOR"),
    ],
)
def test_events_no_doer_from_victims_other_phrases_counterparts_or_passives(text: str, typ: str, wrong: str) -> None:
    assert wrong not in [e.source for e in events(text) if e.type == typ]


def test_events_a_country_adjective_of_a_thing_does_not_act() -> None:
    text = "حشد صدام حسين قواته أمام الحدود السعودية، ويهدد أمنها بخطابات متلفزة."
    assert [e.source for e in events(text) if e.type == "THREATEN"] == ["IRQGOV"]


def test_events_a_title_chain_may_name_the_country_before_the_name() -> None:
    text = "نشر الإعلان عقب زيارة ولي ولي العهد السعودي صاحب السمو الملكي الأمير سعود الفيصل لمصر."
    assert who(text, "CONSULT") == ("SAUGOV", "EGY")
    # the one after the titles of an assassination is its victim
    assert [e for e in events("كشفت التحقيقات عن مخطط لاغتيال ولي العهد السعودي الأمير سعود الفيصل.")] == []


def test_events_what_is_discussed_on_ones_visit_is_not_visited() -> None:
    text = "ومن المقرر أن يبحث الوزير الأمريكي خلال زيارته آخر تطورات الوضع في سورية واليمن وليبيا."
    assert [e for e in events(text) if e.type == "CONSULT"] == []


def test_events_the_genitive_of_a_noun_before_is_not_the_subject_of_a_verb() -> None:
    text = "ووصف النائب موقف الصحف من منتقدي زيارة فابيوس بالغوغائية وندد بمن يحاولون إغلاق فم الناس."
    assert "FRAGOV" not in [e.source for e in events(text) if e.type == "ACCUSE"]


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        # the noun before the relative pronoun is no actor: the prime minister praised, did not fire
        ("بدوره أثنى رئيس الوزراء الإسرائيلي على القوة التي أطلقت النار على منفذ عملية الدهس.", "ASSAULT"),
        # who describes an attack, named after his title, did not make it
        ("ووصف رئيس الوزراء الإسرائيلي بنيامين نتنياهو الهجوم بأنه عمل إرهابي.", "ASSAULT"),
        # declining to comment, with the subject between
        ("ورفضت الحكومة الأردنية التعليق على ادعاءات الجيش السوري.", "REJECT"),
        # support for efforts against a group is no support for the group
        ("وأعربت سورية عن دعمها لجهود التصدي لتنظيم داعش.", "SUPPORT"),
        # two people withdrew: no actor
        ("وهو ثالث شخصية تتولى رئاسة مفاوضات الأمم المتحدة للسلام في سوريا بعد أن انسحب اثنان قبله.", "RETREAT"),
        # the subject inside the pattern is no actor; who sponsored the agreement did not sign it
        ("وفي الشهر الماضي، وقعت بعض الفصائل اتفاقا مبدئيا رعته الأمم المتحدة لتشكيل حكومة وحدة.", "AGREE"),
    ],
)
def test_events_no_doer_from_the_wrong_phrase(text: str, typ: str) -> None:
    assert [e for e in events(text) if e.type == typ] == []


def test_events_adjectives_before_a_relative_pronoun_keep_their_noun() -> None:
    assert [e.source for e in events("وقال إن الحوثيين الأشرار الذين اختطفوا الصحفي يجب أن يحاسبوا.")] == ["YEMREB"]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("وقال إن النظام السوري بدأ يرضخ لشروط المعارضة السورية.", ("SYRGOV", "SYROPP")),
        ("واستجابت الحكومة المصرية لمطالب المعارضة المصرية.", ("EGYGOV", "EGYOPP")),
        ("وقالت المصادر إن إيران قدمت تنازلات للولايات المتحدة.", ("IRN", "USA")),
    ],
)
def test_events_conceding(text: str, pair: tuple[str, str]) -> None:
    assert who(text, "CONCEDE") == pair


def test_events_giving_up_a_title_in_sports_concedes_nothing() -> None:
    text = "وقال المدرب إن الفريق لن يتنازل عن مطالبه في المباراة النهائية للبطولة أمام الهلال والنصر."
    assert [e for e in events(text) if e.type == "CONCEDE"] == []


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        # the occupation of a country: it is occupied, not occupying
        ("والكويت التي أدت فيما بعد إلى احتلال العراق.", "ASSAULT"),
        # who attributes an attack did not make it
        ("ونسب رئيس الوزراء التركي بوضوح الهجوم إلى التنظيم المتطرف.", "ASSAULT"),
        # researchers agree: no actor
        ("وقد اختلف وزن الإقليم بتغير خريطة روسيا، ويتفق الباحثون على تقسيم القوقاز.", "AGREE"),
        # clubs and federations in a match report
        ("ورفض الاتحاد الأوروبي لكرة القدم احتجاج النادي التركي على مشاركة اللاعب في المباراة.", "REJECT"),
        # exposed to an assassination after a title chain: the victim
        ("في قضية تعرض الرئيس الفلسطيني الراحل ياسر عرفات للاغتيال بواسطة السم.", "ASSAULT"),
    ],
)
def test_events_occupied_attributed_researchers_sports_and_victims(text: str, typ: str) -> None:
    assert [e for e in events(text) if e.type == typ and e.source is not None] == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("إلى ذلك شن طيران التحالف الدولي الذي تقوده المملكة سلسلة غارات على مواقع للحوثيين.", "IGOARBCOA"),
        ("وشنت مقاتلات التحالف العربي بقيادة السعودية غارات على مواقع الحوثيين.", "IGOARBCOA"),
        ("وتواصل قوات التحالف بقيادة الولايات المتحدة قصف مواقع داعش في سوريا.", "IGOWSTCOA"),
    ],
)
def test_events_a_coalition_is_its_leaders_and_the_leader_does_not_act_apart(text: str, code: str) -> None:
    assert [e.source for e in events(text) if e.type == "ASSAULT"] == [code]


def test_events_sanctions_lifted_from_a_pronoun_are_not_lifted_by_its_actor() -> None:
    text = "نفى الوزير أن إيران ستحصل على مائة وخمسين مليار دولار إذا رفعت عنها العقوبات الدولية."
    assert "IRN" not in [e.source for e in events(text) if e.type == "RETREAT"]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # the accused, then what of: the object, the subject named before or not at all
        ("واتهم حزب الله، وإيران، بتنفيذ الهجوم.", None),
        # VSO with both actors
        ("واتهم نتنياهو إيران بدعم الإرهاب.", ("ISRGOV", "IRN")),
        # the verb's pronoun is the accused; its subject follows
        ("تتهمه السلطات الروسية باختلاس مئات الملايين من الدولارات.", ("RUSGOV", None)),
    ],
)
def test_events_who_is_accused_of_what(text: str, pair: tuple | None) -> None:
    got = [(e.source, e.target) for e in events(text) if e.type == "ACCUSE"]
    assert got == ([] if pair is None else [pair])


def test_events_an_attack_in_words_is_a_criticism() -> None:
    text = "هاجم نائب رئيس شرطة دبي ضاحي خلفان ميليشيا الحوثي الانقلابية، واصفا اياها بذنب لعمالة إيران."
    assert [(e.type, e.mode) for e in events(text)] == [("ACCUSE", "disapprove")]


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        # who condemns an act is not the subject of the act's relative clause
        ("أدانت مملكة البحرين التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في عسير اليوم.", "ASSAULT"),
        # after a series of attacks: a time, not who attacked
        ("وأطلقت أنقرة عملية عسكرية بعد سلسلة من الهجمات الدامية التي شهدتها تركيا.", "ASSAULT"),
        # ranking (احتلال مركز متقدم) is no occupation
        ("وتهدف المملكة إلى الحصول على موقع متميز بين الأمم واحتلال مركز متقدم في هذه المسابقات.", "ASSAULT"),
    ],
)
def test_events_no_doer_for_condemned_framed_or_ranking_acts(text: str, typ: str) -> None:
    assert [e.source for e in events(text) if e.type == typ and e.source in ("BHR", "TUR", "SAU")] == []


@pytest.mark.parametrize(
    ("text", "typ", "pair"),
    [
        # the subject before a relative clause set off by commas
        (
            "وشن تنظيم داعش، الذي يسيطر على مناطق واسعة من سوريا والعراق، هجمات في منطقة الخليج.",
            "ASSAULT",
            ("IMGISI", None),
        ),
        # who receives criticism is its target
        ("وتلقت إيران انتقادات من الولايات المتحدة.", "ACCUSE", ("USA", "IRN")),
    ],
)
def test_events_relative_asides_and_received_criticism(text: str, typ: str, pair: tuple) -> None:
    assert who(text, typ) == pair


@pytest.mark.parametrize(
    "text",
    [
        "ويواجه إردوغان اتهامات من معارضيه بأنه أطلق الحملة العسكرية.",  # faces accusations
        "حيث تدور مواجهات بين المقاومة وقوات صالح ومليشيا الحوثي.",  # the parties follow بين
        'وعبر في بيان صحافي زود "الرياض" بنسخة منه أمس عن إدانته الشديدة لهذا الفعل.',  # the daily
    ],
)
def test_events_no_doer_who_faces_it_between_parties_or_a_newspaper(text: str) -> None:
    assert [e.source for e in events(text) if e.source in ("TURGOV", "IGOARBCOA", "SAU")] == []


def test_events_a_verb_joined_by_waw_goes_on_with_the_subject_of_a_verb_before() -> None:
    text = (
        "وتأتي التصريحات بعد أن وصفت المفوضية العليا للاجئين التابعة للأمم المتحدة وضع اللاجئين الذين يصلون "
        "إلى الجزر اليونانية قادمين من تركيا بأنه معيب للغاية ودعت الحكومة اليونانية إلى تحرك عاجل."
    )
    assert who(text, "REQUEST") == ("IGOUNOREF", "GRCGOV")


def test_events_a_people_is_a_target() -> None:
    assert who("وجه خادم الحرمين الشريفين بتقديم مساعدات عاجلة للشعب اليمني الشقيق.", "AID") == ("SAUGOV", "YEMCVL")


def test_events_a_coalition_before_a_relative_clause_does_its_act() -> None:
    text = (
        "ولم تصوب القوات الحكومية السورية نيرانها على طائرات التحالف الذي تقوده الولايات المتحدة "
        "التي تقوم بقصف أهداف تابعة للدولة الإسلامية في سوريا."
    )
    assert [e.source for e in events(text) if e.type == "ASSAULT"] == ["IGOWSTCOA"]


def test_events_an_actor_phrase_does_not_run_through_an_indefinite_noun_of_its_own() -> None:
    evs = events("كما قصفت المقاتلات تعزيزات عسكرية للحوثيين في منطقة كرش.")
    assert "YEMMIL" not in [e.source for e in evs]
    # but through a chain of titles and bodies
    text = "واستنكر نائب رئيس مجلس الأمة الكويتي مبارك الخرينج التفجير الإرهابي."
    assert [e.source for e in events(text) if e.type == "ACCUSE"] == ["KWTGOV"]


def test_events_an_aircraft_model_stays_inside_the_actor_phrase() -> None:
    evs = events("وقالت مصادر إن مقاتلات إف-16 تركية قصفت أهدافا للمسلحين الأكراد.")
    assert [e.source for e in evs if e.type == "ASSAULT"] == ["TURMIL"]


def test_events_in_his_statements_he_attacked_it() -> None:
    text = "نستنكر التصريحات المستفزة لنوري المالكي والتي هاجم فيها المملكة العربية السعودية."
    assert [(e.type, e.target) for e in events(text)] == [("ACCUSE", "SAU")]


def test_events_who_is_condemned_is_who_made_the_condemned_act() -> None:
    text = "وأدانت الحكومة الأردنية التفجير الإرهابي الذي نفذه تنظيم داعش في الكويت."
    assert who(text, "ACCUSE") == ("JORGOV", "IMGISI")


def test_events_a_visit_during_talks_is_made_by_the_titled_subject_of_the_talks() -> None:
    text = "أجرى الرئيس التركي رجب طيب إردوغان أمس محادثات مع نظيره الصيني شي جينبينغ خلال زيارة تستمر يومين إلى الصين."
    assert [(e.source, e.target) for e in events(text) if e.mode == "visit"] == [("TURGOV", "CHN")]


def test_events_a_city_naming_a_declaration_is_no_actor() -> None:
    text = (
        "وأثنى على إعلان القاهرة الصادر بمناسبة الزيارة الذي أكد خلاله الجانبان الحرص على تعزيز الأمن "
        "ورفض محاولات التدخل في الشؤون الداخلية للدول العربية."
    )
    assert "EGY" not in [e.source for e in events(text)]
    assert who("وزار الرئيس الفرنسي القاهرة أمس.", "CONSULT") == ("FRAGOV", "EGY")


def test_events_the_owner_of_struck_houses_did_not_strike() -> None:
    text = (
        "وقالت مصادر ميدانية إن غارات عنيفة استهدفت مواقع التمرد في صعدة، "
        "فيما استهدف أيضا منازل لكبار قادة جماعة الحوثي هناك."
    )
    assert "YEMREB" not in [e.source for e in events(text)]


def test_events_no_imperfect_verb_is_read_behind_a_nouns_proclitic() -> None:
    # بيتهم is "their house", not ب + يتهم ("accuses")
    assert [e.type for e in events("وأكد أن المملكة وطنهم الثاني ومدينة العيون بيتهم الثاني.")] == []


def test_events_a_name_in_quotes_after_a_verb_with_an_object_pronoun_is_its_subject() -> None:
    text = (
        "وأسس خلية عام 2007 لاستهداف الأمريكيين في عريفجان، واختير ليكون ممثلا للظواهري بدل أبو خالد السوري "
        "الذي اغتاله «داعش» بعد نحو 15 عاما."
    )
    assert [e.source for e in events(text) if e.type == "ASSAULT"] == ["IMGISI"]


def test_events_a_plural_verb_with_an_object_pronoun_after_a_relative_pronoun_is_not_done_by_its_noun() -> None:
    text = "وسيعزز الاتفاق نفوذ إيران التي يتهمونها «بالتدخل» في العراق وسوريا ولبنان والبحرين."
    assert "IRN" not in [e.source for e in events(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one person's attack, right before or after the verb, is made in words
        ("هاجم الأمير خالد آل سعود الكاتب المصري محمد حسنين هيكل بسبب تصريحاته الأخيرة.", ("ACCUSE", "SAUGOV")),
        ("وشن تنظيم داعش هجوما على مواقع الجيش العراقي.", ("ASSAULT", "IMGISI")),
    ],
)
def test_events_a_named_persons_attack_is_a_criticism(text: str, expected: tuple[str, str]) -> None:
    assert [(e.type, e.source) for e in events(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "وكانت طائرة عسكرية قد وصلت إلى مطار عدن، وذلك بعد مناشدة الحكومة اليمنية للمجتمع الدولي بإرسال مساعدات إغاثة.",
        "وتجمع متظاهرون في نيويورك داعين الكونغرس الأمريكي إلى رفض الاتفاق.",
    ],
)
def test_events_an_act_asked_for_by_a_word_that_asks_has_not_happened(text: str) -> None:
    assert [e.type for e in events(text) if e.type in ("AID", "REJECT")] == []


def test_events_an_act_after_a_word_of_condition_or_possibility_is_hypothetical() -> None:
    text = "ويزيد الاتفاق احتمالات أن تشن إسرائيل هجوما عسكريا على طهران."
    assert [(e.type, e.source, e.modality) for e in events(text)] == [("ASSAULT", "ISR", "hypothetical")]
    assert [e.modality for e in events("وشنت إسرائيل هجوما عسكريا على غزة.")] == ["asserted"]


def test_events_who_denies_accusations_rejects_them() -> None:
    (ev,) = events("ولطالما نفت أنقرة قطعيا هذه الاتهامات.")
    assert (ev.type, ev.source, ev.negated) == ("REJECT", "TUR", False)


def test_events_a_noun_after_that_is_the_subject_of_the_verb_after_it() -> None:
    text = (
        "حيث كان الحوثيون يحاولون تجهيز أسلحة لتعزيز لحج وعدن، وحسب شهود عيان فإن القصف استهدف "
        "معسكرات في المناطق الغربية للعاصمة صنعاء."
    )
    assert "YEMREB" not in [e.source for e in events(text)]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("وهاجم مسلحون من حركة الشباب قاعدة للجيش الكيني.", ("SOMIMGSHB", "KENMIL")),  # gunmen of a group
        ("وهاجم مسلحون من سوريا قاعدة للجيش التركي.", ("REB", "SYR")),  # (where they come from)
    ],
)
def test_events_gunmen_of_a_group_are_the_group(text: str, pair: tuple[str, str]) -> None:
    assert who(text, "ASSAULT") == pair


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("ونجا الرئيس اليمني عبد ربه منصور هادي من هجوم لتنظيم القاعدة.", ("IMGAQD", "YEMGOV")),
        ("وكان رئيس الوزراء الباكستاني نواز شريف قد نجا من هجوم شنه مسلحون.", ("REB", "PAK")),
        (
            'بعد أن نجا الطفل "علاء معمر ناجي حمود" من هجوم الميليشيات الحوثية على الضالع؛ تمكنت أسرته من السفر.',
            ("YEMREB", None),
        ),
    ],
)
def test_events_who_survives_an_attack_suffers_it(text: str, pair: tuple[str, str | None]) -> None:
    source, target = who(text, "ASSAULT")
    assert (source, target and target[: len(pair[1] or "")]) == pair  # (Sharif's code in 2013: PAKPTYELI)


def test_events_a_verb_with_the_vowels_of_a_passive_is_suffered_by_who_is_named() -> None:
    text = "وتحدث عن شطب ديون اليونان كما فعلت الدول الدائنة لألمانيا في عام 1953، وانتُقِد سلف تسيبراس لكونه طيعا."
    assert [e.type for e in events(text) if e.type == "ACCUSE"] == []
    assert who("واعتُقل الناشط السعودي من قبل السلطات الإيرانية.", "COERCE")[0] == "IRNGOV"


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # what the strikes hit, their maker hit
        ("وشنت طائرات التحالف غارات استهدفت مواقع الحوثيين في صعدة.", ["IGOARBCOA", "IGOARBCOA"]),
        # (the dead by a shelling did not make it)
        ("وأعلن مصدر أمني عن مقتل سبعة من قادة تنظيم داعش بقصف مدفعي استهدف موكبا للسيارات في الفلوجة.", []),
    ],
)
def test_events_an_act_noun_before_a_verb_is_its_subject(text: str, sources: list[str]) -> None:
    assert [e.source for e in events(text) if e.type == "ASSAULT"] == sources


def test_events_an_agreements_parties_come_after_bayna() -> None:
    text = "رغم كل الضجة التي أثارتها إسرائيل بشأن توقيع الاتفاق النووي بين إيران والدول الست الكبرى."
    assert [e.source for e in events(text) if e.type == "AGREE"] == ["IRN"]


def test_events_the_owner_of_a_struck_camp_did_not_strike() -> None:
    text = "كما استهدفت طائرات التحالف معسكر اللواء 55 التابع لميليشيات الحوثي في منطقة يريم وسط اليمن."
    assert who(text, "ASSAULT") == ("IGOARBCOA", "YEMREB")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("وكانت الأمم المتحدة تطلب من الحوثيين الانسحاب من المدن.", ("IGOUNO", "YEMREB")),
        ("وطلبت الحكومة اليمنية من الأمم المتحدة إرسال مساعدات إنسانية.", ("YEMGOV", "IGOUNO")),
    ],
)
def test_events_who_is_asked_comes_after_min(text: str, pair: tuple[str, str]) -> None:
    assert who(text, "REQUEST") == pair
    assert [e.type for e in events(text) if e.type == "AID"] == []  # (asked for, not given)


def test_events_readiness_is_an_intent() -> None:
    text = "وفي ما يتعلق بمدى استعداد واشنطن للانخراط في محادثات جديدة مع إيران حول بعض القضايا."
    assert [(e.type, e.modality) for e in events(text)] == [("CONSULT", "intent")]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("وعدت الحكومة التركية بتعزيز الإجراءات الأمنية غداة هجوم انتحاري نسب إلى تنظيم داعش.", ("IMGISI", None)),
        ("وقتل 19 شخصا في هجوم ينسب إلى متمردين من حزب العمال الكردستاني.", ("TURREB", None)),
    ],
)
def test_events_an_attack_attributed_to_a_group_is_the_groups(text: str, pair: tuple[str, None]) -> None:
    assert who(text, "ASSAULT") == pair


def test_events_a_masdar_joined_to_an_acts_noun_has_its_agent_after_it() -> None:
    text = "وفي محافظة مأرب قتل عشرة من الحوثيين وقوات صالح في مواجهات مع المقاومة وقصف طيران التحالف في محافظة مأرب."
    assert [e.source for e in events(text) if e.mode == "aerial"] == ["IGOARBCOA"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # past a list of places after a preposition, to the sentence's subject
        ("فالمتطرفون التونسيون يقاتلون الآن في سورية وليبيا والعراق، ويهددون أمن واستقرار تونس.", "TUNINS"),
        # past a verb joined by و, whose object follows it, to the subject after "that"
        (
            "وترى الاستخبارات الأمريكية أن إيران تؤوي قيادات في تنظيم القاعدة، وتدعم تنظيم داعش "
            "وترعى الإرهاب في اليمن وسوريا والعراق.",
            "IRN",
        ),
    ],
)
def test_events_a_verb_joined_by_wa_goes_on_with_the_subject(text: str, source: str) -> None:
    assert [e.source for e in events(text) if e.type in ("THREATEN", "SUPPORT")] == [source]


def test_events_al_qaeda_after_a_preposition_in_a_sentence_about_a_base_is_the_base() -> None:
    text = (
        "وأفادت المصادر بأن التحالف العربي شن سلسلة غارات استهدفت قاعدة العند ومعسكر لبوزة المجاور للقاعدة، "
        "كما استهدفت منطقة سناح شمال مدينة الضالع."
    )
    assert [e.target for e in events(text) if e.type == "ASSAULT"] == [None, None]
    assert who("وشن تنظيم القاعدة هجوما على قاعدة العند الجوية.", "ASSAULT") == ("IMGAQD", None)


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        (
            "قالت صحيفة إنه كان بإمكان حماس اغتيال رئيس أركان الجيش الإسرائيلي السابق بيني غانتس.",
            ("hypothetical", False),
        ),
        ("يريد أن يشن تنظيم داعش هجمات على الحكومة اليمنية.", ("intent", False)),
        ("واعتمدت الحكومة اليمنية سياسة التسليح بدلا من إرسال المساعدات إلى الشعب الفقير.", ("asserted", True)),
    ],
)
def test_events_possibility_wishes_and_instead(text: str, flags: tuple[str, bool]) -> None:
    assert [(e.modality, e.negated) for e in events(text)] == [flags]


def test_events_who_enjoys_support_receives_it() -> None:
    text = "كما تحظى «جبهة النصرة» بدعم من مدونتي «جبهة النصرة لأهل الشام» ومدونة «غرفة منبر الأنصار»."
    assert "SYRIMGNUS" not in [e.source for e in events(text)]
    assert who("وتحظى الحكومة اليمنية بدعم من السعودية.", "SUPPORT") == ("SAU", "YEMGOV")


def test_events_the_coalition_to_support_legitimacy_is_a_name() -> None:
    text = "والتي أعلنت عنها قيادة التحالف لدعم الشرعية في اليمن، وذلك بناء على طلب الرئيس اليمني."
    assert [e.type for e in events(text) if e.type == "SUPPORT"] == []


def test_events_a_masdar_after_tamma_is_suffered_by_its_genitive() -> None:
    text = "فإذا نجحت هذه الخطوة، كما حذر كيري، فسيتم اتهام إسرائيل من قبل كل العالم، بإفشال الاتفاق."
    assert "ISR" not in [e.source for e in events(text)]
    assert who("وتم اتهام إسرائيل من قبل الأمم المتحدة بارتكاب جرائم.", "ACCUSE") == ("IGOUNO", "ISR")


def test_events_an_intransitive_verb_after_wa_has_its_subject_after_it() -> None:
    text = (
        "وتكافح قوات الأمن الأفغاني للقضاء على التمرد وانسحب معظم أفراد القوات الأمريكية والأجنبية "
        "في نهاية العام الماضي."
    )
    assert who(text, "RETREAT") == ("USAMIL", None)


def test_events_a_visit_asked_of_someone_far_after_the_request_has_not_happened() -> None:
    text = "ويأتي ذلك فيما طالب الرئيس هادي المبعوث الأممي لليمن إسماعيل ولد الشيخ أحمد إلى زيارة عدن بعد تحريرها."
    assert [e.type for e in events(text) if e.type == "CONSULT"] == []


def test_events_support_on_the_part_of_someone_is_theirs() -> None:
    text = "وتقاتل القوات الأفغانية حركة طالبان بدعم محدود من جانب التحالف الدولي."
    assert [e.source for e in events(text) if e.type == "SUPPORT"] == ["IGOWSTCOA"]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("وكانت الأونروا قد أعلنت عن وقفها تقديم المساعدات المالية للأسر في قطاع غزة.", "162"),
        ("وأعلنت واشنطن تعليق المساعدات العسكرية لمصر.", "1622"),
    ],
)
def test_events_stopping_aid_is_a_sanction(text: str, cameo: str) -> None:
    (ev,) = events(text)
    assert (ev.type, ev.mode, ev.cameo, ev.negated) == ("SANCTION", "discontinue", cameo, False)


@pytest.mark.parametrize(
    "text",
    [
        "سبق ـ  الرياض: ناشد ذوو المواطن عوض حميد المطيري مقام خادم الحرمين الشريفين بعلاج ابنهم.",
        (
            "أجرى الحوار/ شقران الرشيدي- سبق- الرياض (تصوير: عبدالله النحيط): "
            "يطالب الدكتور عبدالعزيز الدخيل بإلغاء كثير من الأجهزة."
        ),
    ],
)
def test_events_a_datelines_city_after_an_outlet_is_no_actor(text: str) -> None:
    assert "SAU" not in [e.source for e in events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "عبد الله الراجحي- سبق- جازان: استقبل مطار الملك عبدالله بن عبدالعزيز بجازان، مساء أمس، أول رحلة دولية.",
        "استقبل مطار تايوان الدولي مساء أمس إحدى طائرات الإمارات.",
    ],
)
def test_events_a_name_after_an_airport_does_nothing(text: str) -> None:
    assert [e.type for e in events(text)] == []


def test_events_a_town_after_an_airport_is_still_where_aid_goes() -> None:
    assert who("وصلت طائرة سعودية محملة بمساعدات إنسانية إلى مطار عدن.", "AID") == ("SAU", "YEM")


def test_events_whoever_is_named_after_a_pronoun_after_the_verb_does_it() -> None:
    text = "فمن أوقف الاستقدام هو الرئيس الإندونيسي؛ وعندها احتجت عليه المعارضة الإندونيسية، واستغلت هذا الموضوع."
    assert who(text, "PROTEST") == ("IDNOPP", "IDNGOV")


def test_events_a_denial_far_from_the_accusations_and_what_they_say_is_no_target() -> None:
    text = "وسط ضغوط تتعرض لها الحكومة التركية، نفى رئيس الحكومة التركية أحمد داود أوغلو بشدة الاتهامات الموجهة لبلاده."
    assert [(e.type, e.source) for e in events(text)] == [("REJECT", "TURGOV")]
    assert who("ونفت الحكومة التركية الاتهامات بأن تركيا تساعد تنظيم داعش.", "REJECT")[1] is None


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("أعلنت الحكومة العراقية إدانة تنظيم داعش بسبب الهجوم.", ("IRQGOV", "IMGISI")),  # condemned
        ("وقال: يجب على المسؤولين الأتراك إدانة داعش.", None),  # (no one condemned: it should be)
    ],
)
def test_events_an_armed_group_after_a_word_of_condemning_is_condemned(text: str, pair: tuple[str, str] | None) -> None:
    found = [(e.source, e.target) for e in events(text) if e.type == "ACCUSE"]
    assert found == ([pair] if pair else [])


@pytest.mark.parametrize(
    "text",
    [
        # a name: the Arab coalition to support legitimacy supports no one here
        "أما اليمن، فأمرها لا يشبه سورية والعراق لأن التحالف العربي لدعم الشرعية تدخل قبل سيطرة إيران على الدولة.",
        # holds a post, occupies nothing
        "لا يمكن أن نعتبر حديث نوري المالكي كلاما عابرا، فهذا الشخص يحتل منصبا في الرئاسة العراقية.",
    ],
)
def test_events_names_and_posts_are_no_acts(text: str) -> None:
    assert [e.type for e in events(text)] == []


def test_events_planes_sent_to_a_border_are_mobilized_not_given() -> None:
    text = "وقال مسؤول تركي أمس إن أنقرة أرسلت طائرات مقاتلة إلى الحدود السورية عقب الاشتباكات."
    assert [(e.type, e.source) for e in events(text)] == [("MOBILIZE", "TUR")]
    assert who("وأرسلت الولايات المتحدة طائرات إلى العراق.", "AID") == ("USA", "IRQ")  # to a state: aid


@pytest.mark.parametrize(
    ("text", "typ", "not_source"),
    [
        # the owner of the criticized conduct is criticized
        ("أما أستاذ العلوم السياسية عماد حمودة فقد انتقد تصرفات نوري المالكي واعتبر وجوده خطأ.", "ACCUSE", "IRQ"),
        # whom a man threatened to kill did not threaten
        ("اعتقلت الشرطة رجلا هدد بقتل السفير الأمريكي لدى سيول مارك ليبرت.", "THREATEN", "USA"),
        # the demonstrators condemned, not the police that dispersed them
        ("فرقت الشرطة التركية في اسطنبول مئات المتظاهرين الذين كانوا يدينون تنظيم داعش.", "ACCUSE", "TUR"),
    ],
)
def test_events_owners_victims_and_relative_clauses_are_not_doers(text: str, typ: str, not_source: str) -> None:
    assert not [e.source for e in events(text) if e.type == typ and (e.source or "").startswith(not_source)]


def test_events_an_auxiliary_that_does_not_agree_leaves_the_clause_to_its_doer() -> None:
    # كان does not agree with التي: the union called for the delay, not the elections
    text = "لم يرسل الاتحاد الأفريقي أي شخص للإشراف على الانتخابات التي كان دعا إلى تأجيلها."
    assert [e.source for e in events(text) if e.type == "REQUEST"] == ["IGOAFRAU"]


def test_events_a_clause_opened_by_haythu_has_no_target_of_the_trigger() -> None:
    text = (
        "ويشكل شمال سيناء المسرح الرئيسي للمواجهات المتواصلة بين الجيش المصري والجماعات الجهادية المسلحة "
        "حيث قتل مئات من رجال الجيش منذ الاطاحة بالرئيس مرسي في يوليو 2013."
    )
    assert who(text, "ASSAULT") == ("EGYMIL", None)


def test_events_a_masdar_right_after_inna_is_not_the_speaker_s_act() -> None:
    text = "وقال مكتب هولاند في بيان إن رفض هاتين المادتين لا يحرم وكالات المخابرات من الوسائل."
    assert [e.source for e in events(text) if e.type == "REJECT"] == []
    assert who("وقال الوزير إن الجزائر رفضت الطلب.", "REJECT")[0] == "DZA"  # a subject of its own


@pytest.mark.parametrize(
    "text",
    [
        "ويتأهل الفائزون إلى مونديال روسيا 2018، بينما تخوض أفضل ثمانية منتخبات صاحبة المركز الثاني مواجهات ثنائية.",
        "وحدد الأمير فيصل بن تركي رئيس النادي الخيارات لحسم صفقة المحترف الأجنبي مع رفض الإبقاء على فابيان.",
    ],
)
def test_events_national_teams_clubs_and_professionals_are_sports(text: str) -> None:
    assert [e.type for e in events(text)] == []


def test_events_a_charter_s_owner_neither_acts_nor_suffers() -> None:
    text = (
        "تدين مملكة البحرين بشدة التصريحات دون التزام بالقوانين الدولية وميثاق الأمم المتحدة "
        "ومنظمة التعاون الإسلامي والتي تمنع وترفض كل صور التدخل في الشؤون الداخلية للدول."
    )
    found = [(e.type, e.source, e.target) for e in events(text)]
    assert not [f for f in found if "IGOUNO" in f], found
    assert not [f for f in found if f[0] == "REJECT" and f[1]], found  # the charters refuse


def test_events_whoever_voices_concern_about_clashes_did_not_fight() -> None:
    text = "أعربت بعثة الأمم المتحدة للدعم في ليبيا عن قلقها إزاء تجدد الاشتباكات في جنوب ليبيا."
    assert [e.source for e in events(text) if e.type == "ASSAULT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "استهدف انتحاري السفارة الفرنسية في كابول.",  # the French embassy was struck
        "وقالت المصادر إن المقاومة الشعبية نصبت كمينا مسلحا استهدف دورية عسكرية تابعة للحوثيين في جبل الثعالب.",
    ],
)
def test_events_the_owner_of_a_struck_thing_did_not_strike(text: str) -> None:
    assert [e.source for e in events(text) if e.type == "ASSAULT" and e.source] == []


def test_events_fire_from_a_country_is_still_its_fire() -> None:
    text = "وشدد مسؤول تركي على أن القصف التركي جاء ردا على إطلاق نار من سوريا."
    assert ("ASSAULT", "SYR") in [(e.type, e.source) for e in events(text)]


def test_events_seats_are_held_not_occupied() -> None:
    text = "كما احتلت في عهد خادم الحرمين الشريفين الملك عبدالله بن عبدالعزيز (30) مقعدا من مقاعد مجلس الشورى."
    assert [e.type for e in events(text)] == []


def test_events_whose_violence_is_condemned_did_not_condemn() -> None:
    text = "وتتمحور النقاط حول إدانة عنف النظام السوري وتنظيم داعش وحزب الله."
    assert [e.source for e in events(text) if e.type == "ACCUSE" and e.source] == []
    assert who("وأدانت فرنسا عنف النظام السوري.", "ACCUSE") == ("FRA", "SYRGOV")


def test_events_a_verb_pattern_s_masdar_after_since_is_a_time_not_an_act_of_the_subject() -> None:
    text = (
        "هذه المباحثات هي الأولى بين إدارة الرئيس أوباما وخادم الحرمين الشريفين الملك سلمان بن عبد العزيز "
        "منذ توقيع الاتفاقية مع إيران في 14 يوليو."
    )
    assert [e.source for e in events(text) if e.type == "AGREE"] == []


def test_events_who_is_allowed_after_the_allower_attacks() -> None:
    text = "كذلك سمحت تركيا لواشنطن باستخدام قاعدة انجرليك التي تتمتع بموقع استراتيجي بسبب قربها من سوريا لشن غارات."
    assert [e.source for e in events(text) if e.type == "ASSAULT"] == ["USA"]


def test_events_who_is_allowed_to_use_a_base_to_attack_attacks() -> None:
    text = (
        "ذكرت صحيفة تركية ان الاتفاق بين تركيا والولايات المتحدة بالسماح للطائرات الامريكية "
        "باستخدام قاعدة تركية لشن هجمات على تنظيم داعش في سوريا."
    )
    assert who(text, "ASSAULT") == ("USAMIL", "IMGISI")


def test_events_those_raids_were_told_of_before() -> None:
    text = "وقال المسؤول إن الطائرات الأمريكية ستستخدم القاعدة وستقدم تركيا الدعم لتلك الغارات بالمدفعية."
    assert [e.source for e in events(text) if e.type == "ASSAULT"] == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وتبنت حركة طالبان هذا الهجوم بالاضافة الى آخر.", "AFGREB"),  # who claims "this attack" made it
        ("ويعد هذا الهجوم الأكبر منذ هاجمت مجاميع مسلحة تابعة للقاعدة مدينة المكلا.", None),  # a verb after منذ
        ("ونفذ متشددو تنظيم داعش سلسلة من التفجيرات بما في ذلك هجوم كبير في وقت سابق.", "IMGISI"),  # including
    ],
)
def test_events_claims_of_this_attack_and_verbs_after_since_still_code(text: str, source: str | None) -> None:
    found = [e for e in events(text) if e.type == "ASSAULT"]
    assert found, text
    if source:
        assert found[0].source == source


def test_events_the_country_of_a_counterpart_after_ma_is_not_who_talks() -> None:
    text = (
        "قال عضو في حزب الرئيس اليمني المخلوع علي عبدالله صالح إن ممثلين لصالح يجرون محادثات مع دبلوماسيين "
        "من الولايات المتحدة وبريطانيا والإمارات للمساعدة في إنهاء الحرب."
    )
    assert "USA" not in [e.source for e in events(text) if e.type == "CONSULT"]
    assert who("تلقى الملك سلمان اتصالا هاتفيا أمس من ملك البحرين.", "CONSULT") == ("BHRGOV", "SAUGOV")


def test_events_places_joined_to_a_place_are_where_too() -> None:
    text = "وذكر مصدر ان دي ميستورا التقى خلال الفترة الأخيرة ممثلين عن مجموعات في المعارضة في الأردن ومصر وتركيا."
    assert [e.target for e in events(text) if e.type == "CONSULT"] == []


def test_events_aid_named_again_goes_to_whom_it_was_given_just_before() -> None:
    text = (
        "إنفاذا لتوجيهات خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز لتقديم المساعدات العاجلة للشعب اليمني "
        "الشقيق، وأمر الأمير محمد بن سلمان بن عبدالعزيز وزير الدفاع بتأمين طائرات شحن تابعة لقيادة القوات الجوية "
        "الملكية السعودية لتسيير جسر جوي لنقل المساعدات الإغاثية والإنسانية التي يقدمها مركز الملك سلمان للإغاثة."
    )
    found = [(e.type, e.source, e.target) for e in events(text)]
    assert found == [("AID", "SAUGOV", "YEMCVL")], found


def test_events_whence_one_comes_does_not_talk() -> None:
    text = (
        "وأشارت المصادر إلى أن موغريني ستتوجه من المملكة إلى إيران لإجراء محادثات مع وزير خارجية إيران محمد جواد ظريف."
    )
    assert who(text, "CONSULT") == ("IGOEUREEC", "IRNGOV")


def test_events_an_epithet_after_a_name_is_no_second_actor() -> None:
    text = "اعلنت الشرطة الاتحادية العراقية اليوم عن صد هجوم شنه تنظيم داعش الإرهابي في حصيبة شرقي الرمادي."
    found = [(e.source, e.target) for e in events(text) if e.type == "ASSAULT"]
    assert found and found[0][0] == "IMGISI" and "REBRAD" not in (found[0][1] or ""), found


@pytest.mark.parametrize(
    "text",
    [
        "قال البيت الأبيض، الخميس، إنه سيبحث عريضة تطالب بالتقدم بطلب تسليم طبيب أسنان أمريكي.",  # a petition asks
        "وفي نهاية اليوم، قدم نجوم الاستعراض في الدبابات البحرية استعراضا بحريا لاقى استحسان الجمهور.",  # no one
    ],
)
def test_events_no_actor_does_what_a_petition_or_nobody_does(text: str) -> None:
    assert [(e.type, e.source) for e in events(text) if e.type in ("REQUEST", "AID")] == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("ونسبت الحكومة التركية الهجوم إلى تنظيم داعش.", "IMGISI"),
        (
            "نسبت هيئة أركان الجيش التركي الهجوم إلى «المنظمة الإرهابية والانفصالية»، العبارة التي تستخدمها السلطات.",
            "REBRAD",
        ),
    ],
)
def test_events_an_attack_attributed_to_someone_after_the_verb_is_theirs(text: str, source: str) -> None:
    assert [e.source for e in events(text) if e.type == "ASSAULT"] == [source]


def test_events_a_masdar_after_an_indefinite_noun_is_no_description_of_it() -> None:
    text = "ويعول الرئيس الأمريكي على إمكانية توقيع اتفاق الشراكة عبر المحيط الهادئ بنهاية العام."
    assert [(e.type, e.source) for e in events(text)] == [("AGREE", "USAGOV")]


@pytest.mark.parametrize(
    "text",
    [
        # holds a strategic position, occupies nothing
        "سعت إليه واشنطن بقوة لأن قاعدة انجرليك تحتل موقعا استراتيجيا لتقريب مقاتلات اف-16 الأميركية من "
        "أهدافها في حين هي مضطرة حاليا إلى الإقلاع من قواعد أبعد في الأردن أو الكويت مثلا.",
        "وأضاف أنه على سبيل المثال إذا وقعت الاتفاقية فإن أرباح أمريكا ستبلغ خمسة مليارات دولار سنويا.",
    ],
)
def test_events_a_strategic_position_and_a_clause_after_fa_inna_name_no_doer(text: str) -> None:
    assert [e.source for e in events(text) if e.source] == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("ودعا البيان الحكومة التركية وحزب العمال الكردستاني إلى العودة إلى عملية السلام.", "TURGOV"),
        ("كما دعا المركز الأمم المتحدة ومنظماتها المختلفة إلى الإسهام في تنفيذ هذه البرامج.", "IGOUNO"),
    ],
)
def test_events_a_definite_noun_after_the_verb_is_its_subject_and_the_actor_after_its_object(
    text: str, target: str
) -> None:
    assert [e.source for e in events(text) if e.source == target] == []
    assert who("ودعت الولايات المتحدة إيران إلى الالتزام.", "REQUEST") == ("USA", "IRN")


def test_events_who_made_a_condemned_crime_is_condemned() -> None:
    text = (
        "وجدد مجلس الوزراء إدانة المملكة واستنكارها للجريمة الإرهابية البشعة التي نفذها مستوطنون إسرائيليون "
        "في قرية دوما بمدينة نابلس الفلسطينية."
    )
    assert who(text, "ACCUSE") == ("SAU", "ISRCVL")


@pytest.mark.parametrize(
    "text",
    [
        "وتوالت العمليات الإرهابية منذ ذلك التاريخ بتفجير السفارة الأميركية في بيروت في 18 أبريل 1983.",
        "هاجم متظاهرون السفارة السعودية في طهران.",
    ],
)
def test_events_an_embassy_is_struck_and_strikes_no_one(text: str) -> None:
    assert [e.source for e in events(text) if e.type == "ASSAULT" and e.source] == []


def test_events_an_agent_of_no_country_right_after_the_verb_is_its_subject() -> None:
    text = "وقطعت القوات الأمنية طرق إمداد داعش تمهيدا لاقتحام الرمادي، ودعت الحكومة المحلية الأهالي إلى الخروج منها."
    assert [e.source for e in events(text) if e.type == "REQUEST"] == []
    assert who("ودعت الحكومة اليمنية السعودية إلى الدعم.", "REQUEST") == ("YEMGOV", "SAU")
    # a state named before is the body's country; a subject before the verb keeps it
    assert who("وقالت تركيا إنها ستواصل الضربات، واتهمت السلطات تنظيم داعش بالهجوم.", "ACCUSE")[0] == "TUR"
    assert [e.source for e in events("وقال إن المتطرفين يهددون الأمن في المنطقة.") if e.type == "THREATEN"] == ["INS"]


@pytest.mark.parametrize(
    "text",
    [
        "أثناء زيارته بعض الدول الخليجية في الأسبوع الماضي بعد تفجيرات البحرين، ليحثنا على التعاون مع إيران.",
        "كما ثبتت لدى المحكمة إدانته بتستره على ابن خالته الذي رافقه للمشاركة في القتال مع تنظيم داعش.",
    ],
)
def test_events_a_country_s_bombings_and_a_conviction_name_no_doer(text: str) -> None:
    assert [(e.type, e.source) for e in events(text) if e.source] == []


def test_events_a_masdar_s_pronoun_is_its_agent_not_the_actor_after() -> None:
    text = "في إشارة إلى اتهامه الكويت والإمارات العربية المتحدة بزيادة إنتاجهما وإغراق الأسواق."
    assert [e.source for e in events(text) if e.type == "ACCUSE" and e.source] == []


@pytest.mark.parametrize(
    "text",
    [
        "أعلن وزير الداخلية العراقي محمد سالم الغبان أمس الأحد اعتقال المتورطين بالتفجير الذي استهدف ناحية بني سعد.",
        "أعلنت السلطات التركية التعرف على منفذ الهجوم الانتحاري في سروج.",
        "قال إن سلطات حماس قامت بحملة شرسة وباعتقال عدد من الدعاة بعد ساعات فقط من التفجيرات الاخيرة المفتعلة.",
        "وأضاف البيت الأبيض أن بايدن قدم تعازيه في ضحايا هجوم انتحاري بسيارة ملغومة في محافظة ديالى.",
    ],
)
def test_events_an_act_s_doers_victims_or_time_name_not_its_maker(text: str) -> None:
    assert [e.source for e in events(text) if e.type == "ASSAULT" and e.source] == []


def test_events_an_actor_that_names_the_doers_still_makes_the_act() -> None:
    text = "وقال الوزير إن تنظيم داعش المسؤول عن الهجوم على المسجد."
    assert [e.source for e in events(text) if e.type == "ASSAULT"] == ["IMGISI"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "قال مسؤولون أمريكيون إن الولايات المتحدة قررت السماح بشن غارات جوية للدفاع عن مقاتلي المعارضة السورية.",
            None,
        ),
        ("شنت طائرات التحالف غارات لحماية عدن.", None),
    ],
)
def test_events_whom_an_attack_defends_is_not_its_target(text: str, target: str | None) -> None:
    assert [e.target for e in events(text) if e.type == "ASSAULT"] == [target]


@pytest.mark.parametrize(
    "text",
    [
        "وسبق لابن رئيس مجلس الوزراء السوري، أن هاجم المجتمع السوري، بشكل عام.",
        "واتهم نجل الرئيس المصري السابق إسرائيل بالتآمر.",
        "وأكدت العائلة رفض عائلة مؤسس حركة طالبان الراحل الملا عمر مبايعة الزعيم الجديد.",
    ],
)
def test_events_a_relative_does_not_act_for_the_office_holder(text: str) -> None:
    assert [(e.type, e.source) for e in events(text) if e.source] == []


def test_events_a_relative_s_kinsman_may_still_act_in_a_relative_clause() -> None:
    text = (
        "نفى أفراد عائلة جلال الدين حقاني مؤسس شبكة حقاني المتشددة التي نفذت بعضا من أعنف الهجمات"
        " الانتحارية في أفغانستان نبأ وفاته اليوم الجمعة."
    )
    assert [e.source for e in events(text) if e.type == "ASSAULT"] == ["AFGREB"]
    # ابن in a name is no kinship
    assert who("وانتقد عبد الإله ابن كيران الحكومة الجزائرية.", "ACCUSE")[1] == "DZAGOV"


@pytest.mark.parametrize(
    "text",
    [
        "وقالت مصادر في المقاومة الشعبية إن دبابات المقاومة الشعبية الجنوبية في الضالع قصفت ميليشيات الحوثي.",
        "وقال إن جوازات القصيم تدعو اليمنيين ممن تنطبق عليهم الشروط لسرعة الاستفادة من الأمر السامي.",
    ],
)
def test_events_an_unnamed_subject_after_that_leaves_the_actor_after_as_object(text: str) -> None:
    assert [(e.type, e.source) for e in events(text) if e.source] == []


def test_events_a_named_subject_after_that_still_acts() -> None:
    assert who("وذكرت المصادر أن الطائرات الروسية قصفت مواقع المعارضة.", "ASSAULT")[0] == "RUSMIL"
    text = "وتحدث الوزير عن أن المناطق التي سوف ينسحب منها داعش سوف تتحول إلى مناطق آمنة."
    assert [e.source for e in events(text) if e.type == "RETREAT"] == ["IMGISI"]
    text = "وشدد مسؤول تركي على أن القصف التركي جاء ردا على إطلاق نار من سوريا."
    assert ("ASSAULT", "SYR") in [(e.type, e.source) for e in events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "وبدأت القوات الموالية لهادي الموجود في المنفى في السعودية بدعم من طيران التحالف هجوما واسعا الاثنين لاستعادة"
        " قاعدة العند الاستراتيجية في لحج وحماية عدن.",
        "وشنت القوات الموالية للحكومة بدعم جوي من التحالف هجمات خلال الليل على جيوب للحوثيين في عدن.",
    ],
)
def test_events_who_backs_an_attack_does_not_make_it(text: str) -> None:
    assert [e.source for e in events(text) if e.type == "ASSAULT" and e.source] == []


def test_events_who_is_backed_is_named_just_before_the_backing() -> None:
    text = (
        "إن كان هناك مجموعة تمكنت من إدماء داعش بصورة جدية فهم الأكراد السوريون بدعم من أمريكا،"
        " وعليه فإن للتنظيم حافزًا."
    )
    assert [e.target for e in events(text) if e.type == "SUPPORT"] == []
    assert who("وتقدمت القوات العراقية بدعم من التحالف الدولي نحو الرمادي.", "SUPPORT") == ("IGOWSTCOA", "IRQMIL")


@pytest.mark.parametrize(
    "text",
    [
        "ومن المتوقع أن تطالب بورصة طوكيو الشركة بإصدار تحذير للمستثمرين.",
        "المتظاهرون الذين جابوا شوارع كابل نددوا بصمت الحكومة تجاه ما يحدث.",
        "واستنكر كاتب غياب الأقلام عن هاشتاق #هيكل_يهاجم_السعوديه على تويتر.",
    ],
)
def test_events_a_city_s_business_or_streets_and_hashtags_make_no_actor(text: str) -> None:
    assert [(e.type, e.source) for e in events(text) if e.source] == []


def test_events_a_quoted_second_accused_is_accused_too() -> None:
    text = 'كما اتهم حزب العمال الكردستاني وتنظيم "داعش" بان "مصلحتهما واحدة" في اضعاف الدولة التركية.'
    assert [e.source for e in events(text) if e.type == "ACCUSE"] == []


def test_events_any_one_is_no_one_in_particular() -> None:
    text = "تواصل البنتاغون القول إن الغاية هي تفكيك أي منظمة إرهابية تهدد الأمن الوطني الأميركي."
    assert [e.type for e in events(text) if e.type == "THREATEN"] == []
    text = "وداعش يحتل مدنهم وهم الأقدر على تحرير مدنهم من أي جماعة إرهابية."
    assert who(text, "ASSAULT") == ("IMGISI", None)
    # أي before a definite name is "that is"
    text = "فرفضت المملكة كل محاولات القفز على الممثل الشرعي للفلسطينيين أي منظمة التحرير الفلسطينية."
    assert [e.target for e in events(text) if e.type == "REJECT"] == ["PSEGOV"]


def test_events_a_country_s_security_threatened_is_the_country() -> None:
    assert who("وقال رئيس الوزراء التركي بأن (داعش) تهدد الأمن القومي التركي.", "THREATEN") == ("IMGISI", "TUR")


def test_events_a_condition_holds_no_target_of_a_request_but_may_of_a_sanction() -> None:
    text = "ودعا الوزير الألماني الى منح الشركات الالمانية حماية قانونية لاستثماراتها في حال انتهكت طهران شروط الاتفاق."
    assert [e.target for e in events(text) if e.target == "IRN"] == []
    text = "ويسمح القرار بإعادة فرض كل عقوبات الأمم المتحدة اذا انتهكت ايران الاتفاق."
    assert who(text, "SANCTION") == ("IGOUNO", "IRN")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("وقال إن التعاون الأمني المصري الليبي التونسي هو أهم شيء في الوقت الحالي.", ("EGY", "LBY")),
        ("وأكد على أهمية التعاون العسكري السعودي الأمريكي.", ("SAU", "USA")),
    ],
)
def test_events_two_country_adjectives_name_both_parties(text: str, pair: tuple[str, str]) -> None:
    assert who(text, "COOPERATE") == pair


def test_events_where_a_visit_takes_one_is_not_whom_one_meets() -> None:
    text = "وأعلنت الخارجية الروسية أن الوزير سيرغي لافروف سيلتقي خلال زيارته للدوحة نظيريه الأميركي جون كيري."
    evs = [e for e in events(text) if e.type == "CONSULT" and e.mode != "visit"]
    assert [(e.source, e.target) for e in evs] == [("RUSGOV", "USAGOV")]


def test_events_al_ustadh_is_an_honorific_before_the_subject() -> None:
    text = (
        "يعقد اجتماع ثلاثي يضم وزراء خارجية المملكة العربية السعودية والولايات المتحدة والاتحاد الروسي،"
        " حيث يلتقي معالي الأستاذ عادل الجبير السيد كيري في اجتماع ثلاثي."
    )
    source, target = who(text, "CONSULT")  # (Kerry is a senator on the tests' date)
    assert source == "SAUGOV" and target is not None and target.startswith("USA")


@pytest.mark.parametrize(
    "text",
    [
        "حذرت وزارة الخارجية الألمانية اليوم الأربعاء من هجمات محتملة تستهدف شبكة قطارات الأنفاق في مدينة اسطنبول.",
        "ووقع الهجوم بعد ارتكاب جرائم ضد الكنائس في إسرائيل والضفة الغربية المحتلة والقدس الشرقية منذ عام 2009"
        " فيما لم توجه الاتهامات سوى لعدد قليل من الأشخاص.",
        "وكان البرلمان اليوناني تبنى الشق الثاني من تدابير تطالب بها الجهات الدائنة.",
        "إلا أن منظمات الهلال الاحمر لم تستخدم هذا المطار، فيما أغتنم الفرصة هنا لأناشد الحكومة وهيئة الاغاثة"
        " الى سرعة التحرك لإرسال المواد الاغاثية إلى أهلنا في حضرموت.",
        "ويتهم حلفاء تركيا منذ أشهر أنقرة بأنها لا تبذل جهودًا كافية لمكافحة تنظيم داعش.",
    ],
)
def test_events_warners_places_the_described_appeals_and_allies_make_no_doer(text: str) -> None:
    assert [(e.type, e.source) for e in events(text) if e.source] == []


def test_events_whose_partners_are_backed_is_not_the_target() -> None:
    text = "واضاف ان الاتفاق سيضمن دعم تركيا لشركاء الولايات المتحدة على الارض الذين يقاتلون تنظيم الدولة الاسلامية."
    assert [e.target for e in events(text) if e.type == "SUPPORT"] == []
    # (but الحليفة تركيا is Turkey, the ally)
    text = "وأكد حلف شمال الأطلسي (الناتو) تضامنه مع الحليفة تركيا في هجومها على تنظيم داعش."
    assert ("ASSAULT", "TUR", "IMGISI") in [(e.type, e.source, e.target) for e in events(text)]


def test_events_what_is_resumed_after_the_verb_has_its_subject_after() -> None:
    text = (
        "وأوضح بيان أن عقد القمة التي تستضيفها المملكة المغربية يأتي استجابة لما دعا إليه فخامة الرئيس الفلسطيني،"
        " محمود عباس لعقد قمة استثنائية."
    )
    assert [e.source for e in events(text) if e.type == "REQUEST"] == ["PSEGOV"]
    text = "فمن أوقف الاستقدام هو الرئيس الإندونيسي؛ وعندها احتجت عليه المعارضة الإندونيسية."
    assert who(text, "PROTEST") == ("IDNOPP", "IDNGOV")


def test_events_whose_programme_is_criticised_is_the_target() -> None:
    assert who("وانتقدت السعودية خطة الحكومة العراقية.", "ACCUSE") == ("SAU", "IRQGOV")
    text = "لكن دندن انتقد برنامج الحكومة الأسترالية المحافظة، ووصفه بأنه يتسم بالفوضى."
    assert [e.source for e in events(text) if e.type == "ACCUSE" and e.source] == []


@pytest.mark.parametrize(
    ("text", "typ", "pair"),
    [
        (
            "كما أكد ديفيد كاميرون أنه يرفض الآراء التي تقول إن السياسة الغربية الخارجية ساهمت في صعود داعش.",
            "REJECT",
            ("GBRGOV", None),
        ),
        (
            "وندد وزير الدفاع الاميركي اشتون كارتر الاربعاء أمام الكونغرس بالانشطة المؤذية لإيران في الشرق الاوسط.",
            "ACCUSE",
            ("USAGOV", "IRN"),
        ),
        (
            "لقد تلقينا خطابا من السلطات اليونانية يشير إلى مساعيها للحصول على قرض جديد من صندوق النقد الدولي.",
            "AID",
            ("IGO", "GRCGOV"),
        ),
    ],
)
def test_events_views_rejected_an_audience_and_who_seeks_a_loan(text: str, typ: str, pair: tuple) -> None:
    assert who(text, typ) == pair


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        ("وتم على أثرها احتجاج المنتفعين مع رفض البنك الدولي، وقام المرشدون الأجانب بالانسحاب من القناة.", "RETREAT"),
        ("مع رفض أسلوب بكين المفضل لانتخاب الرئيس التنفيذي، تظهر سياسات هونج كونج دلائل قليلة.", "REJECT"),
    ],
)
def test_events_a_support_verb_s_own_subject_and_a_method_s_owner_do_not_act(text: str, typ: str) -> None:
    assert [e.source for e in events(text) if e.type == typ and e.source] == []


def test_events_who_seizes_aid_does_not_receive_it() -> None:
    text = "واحتجز الحوثيون 16 شاحنة محملة بمساعدات إنسانية من برنامج الأغذية العالمي كانت في طريقها إلى تعز."
    assert [e.target for e in events(text) if e.type == "AID" and e.target == "YEMREB"] == []
    assert who("وتسلمت مصر مساعدات عسكرية من الولايات المتحدة.", "AID") == ("USA", "EGY")


def test_events_a_verb_with_min_qibal_is_passive() -> None:
    text = "فقد احتلت ألبانيا في أوقات مختلفة من قبل اليونان، وإيطاليا، وتركيا."
    assert who(text, "ASSAULT") == ("GRC", "ALB")


@pytest.mark.parametrize(
    "text",
    [
        "وفي قضية اخرى، تحدث تقرير هيومن رايتس ووتش عن اعتقال الطفلة ملك الخطيب باسلوب عنيف.",
        "وقالت مصادر إن الميليشيات وزعت المعتقلين كدروع بشرية تحمي الميليشيات من غارات الطيران.",
        "وبعد عملية خطف طيارين تركيين على طريق مطار بيروت الدولي، من قبل أشخاص مجهولين طالبوا بإطلاق سراح 9 لبنانيين.",
        "وخلال الشوط الأول من الوقت الإضافي، طالب لاعبو المكسيك بركلتي جزاء ولكن الحكم رفض احتساب أي منهما.",
    ],
)
def test_events_monitors_the_sheltered_an_airport_s_town_and_players_make_no_act(text: str) -> None:
    assert [(e.type, e.source) for e in events(text) if e.source] == []


@pytest.mark.parametrize(
    "text",
    [
        "وواجه ساركوزي عندما كان رئيسًا انتقادات حادة واتهم بدعم نظام بن علي حتى اللحظة الأخيرة.",
        "بين المتمردين والجيش التركي الذي اتهم بعدم حماية السكان المدنيين.",
        "وقال وزير الدولة إن منفذ الهجوم تونسي الجنسية من ولاية القيروان.",
    ],
)
def test_events_the_accused_and_an_attacker_s_nationality_make_no_doer(text: str) -> None:
    assert [(e.type, e.source) for e in events(text) if e.source] == []


def test_events_an_active_accusation_keeps_its_accuser() -> None:
    text = "وكان إردوغان اتهم بكين في العام 2009 بارتكاب ما يشبه الإبادة."
    assert who(text, "ACCUSE") == ("TURGOV", "CHN")


def test_events_a_quoted_agent_after_min_qibal_makes_the_act() -> None:
    text = "كانت الذكرى الرابعة والعشرين لتفجيرات مكة الإرهابية من قبل «حزب الله» الكويتي في عام 1989."
    assert [e.source for e in events(text) if e.type == "ASSAULT"] == ["LBNREB"]


def test_events_an_object_pronoun_that_does_not_agree_leaves_the_relative_noun_the_subject() -> None:
    text = "بعد الفتوى التي أصدرتها داعش بهدر دم النجم السعودي ناصر القصبي لبطولته لمسلسل «سيلفي» والذي ينتقدهم فيه."
    assert [e.source for e in events(text) if e.type == "ACCUSE" and e.source] == []
    # (one that agrees is the noun itself: الميليشيات التي تدعمها إيران)
    assert who("وقال إن الميليشيات التي تدعمها إيران هاجمت عدن.", "SUPPORT") == ("IRN", "YEMREB")


def test_events_news_received_is_no_visit() -> None:
    text = "استقبل اليونانيون نبأ اتفاق أثينا مع دائنيها اليوم الاثنين بشيء من الارتياح والغضب خصوصا من ألمانيا."
    assert [e.type for e in events(text) if e.type == "CONSULT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "مع توقعات بزيادة الصادرات من إيران في أعقاب اتفاق يخفف العقوبات المفروضة عليها.",
        "وتوصلت ايران والقوى الست إلى اتفاق تاريخي وبموجب الاتفاق من المرجح أن ترفع العقوبات عن النفط الايراني.",
    ],
)
def test_events_sanctions_lifted_by_a_deal_are_not_lifted_by_the_sanctioned(text: str) -> None:
    assert [e.source for e in events(text) if e.type == "RETREAT" and e.source] == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("الولايات المتحدة ترفع العقوبات عن كوبا.", ("USA", "CUB")),
        ("وقال إن الولايات المتحدة والاتحاد الأوروبي لن ترفع العقوبات على إيران حتى عام 2016.", ("IGOEUREEC", "IRN")),
        ("وقررت الولايات المتحدة رفع العقوبات عن إيران.", ("USA", "IRN")),
    ],
)
def test_events_who_lifts_sanctions_is_named_right_before_or_with_intent(text: str, pair: tuple) -> None:
    assert who(text, "RETREAT") == pair


def test_events_to_accuse_someone_names_the_accused() -> None:
    text = "حجبت تركيا مواقع اخبارية هذا الاسبوع مما دعا جماعة تزعم ولاءها لتنظيم داعش لاتهام تركيا باضطهاد المسلمين."
    assert [e.source for e in events(text) if e.type == "ACCUSE" and e.source == "TUR"] == []


@pytest.mark.parametrize(
    "text",
    [
        "كما قال الجيش إن خمس غارات شنت بالقرب من الرمادي دمرت متفجرات.",
        "قال الجيش الأمريكي إن الولايات المتحدة قصفت أهدافا تابعة لتنظيم الدولة الإسلامية في العراق في 23 غارة جوية.",
    ],
)
def test_events_a_place_near_and_a_number_of_raids_name_no_raider(text: str) -> None:
    assert [e.source for e in events(text) if e.type == "ASSAULT" and e.source in ("IRQ", "IMGISI")] == []


@pytest.mark.parametrize(
    "text",
    [
        "بعثت ألمانيا وفدًا بعد خمسة أيام فقط من توقيع الاتفاق في فيينا.",
        "غير أن عبد المنان انسحب من الاجتماع الذي عقد في مدينة كويتا الباكستانية احتجاجا على انتخاب منصور.",
    ],
)
def test_events_days_after_an_act_and_a_town_s_adjective_name_no_doer(text: str) -> None:
    assert [(e.type, e.source) for e in events(text) if e.type in ("AGREE", "PROTEST") and e.source] == []


def test_events_a_protest_before_an_embassy_is_against_its_state() -> None:
    assert [(e.source, e.target) for e in events("وتظاهر طلاب أمام السفارة الأمريكية احتجاجا على القرار.")] == []
    assert who("وتظاهر مئات الإيرانيين أمام السفارة السعودية في طهران.", "PROTEST") == ("IRN", "SAUGOV")


@pytest.mark.parametrize(
    "text",
    [
        "ورحبت مصر بتوقيع الاتفاق بين الأطراف الليبية.",
        "نقل في بيان رسمي ترحيب القاهرة بتوقيع الاتفاق ووجه التحية للمشاركين في الحوار.",
    ],
)
def test_events_who_welcomes_a_signing_did_not_sign(text: str) -> None:
    assert [e.source for e in events(text) if e.type == "AGREE" and e.source] == []
    # (an accusation is no reaction: who is accused of the act made it)
    assert who("واتهمت السعودية الحوثيين بشن هجمات على المدنيين.", "ACCUSE") == ("SAU", "YEMREB")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("ومباشرة بعد ذلك سخرت حركة الشباب من كينيا وهددتها بهجمات أخرى.", ("SOMIMGSHB", "KEN")),
        ("وانتقدت إيران السعودية وهددتها بالرد.", ("IRN", "SAU")),
    ],
)
def test_events_a_joined_verb_s_pronoun_resumes_the_object_before(text: str, pair: tuple) -> None:
    assert who(text, "THREATEN") == pair


@pytest.mark.parametrize(
    "text",
    [
        "ارتفاع الفساد في فترتي حكم نوري المالكي والذي يتهمه المتظاهرون في جميع محافظات العراق بتبديد أموال.",
        "هزت تركيا يوم امس الاثنين سلسلة هجمات، وقع اثنان منها في اسطنبول.",
    ],
)
def test_events_a_resumed_noun_and_a_shaken_country_do_not_act(text: str) -> None:
    assert [(e.type, e.source) for e in events(text) if e.source] == []


def test_events_a_country_after_bin_is_part_of_a_name() -> None:
    text = (
        "أقدم/ صالح بن شعيل بن سودان الأحمدي الزهراني ـ سعودي الجنسية ـ على قتل/ عطية بن حسن بن عبدالله"
        " الأحمدي الزهراني ـ سعودي الجنسية ـ وذلك بإطلاق النار"
    )
    assert [e.source for e in events(text) if e.source == "SDN"] == []
