from __future__ import annotations

from pathlib import Path

import pytest

from hadath.text import analyze_word, normalize, split_candidates

# Names that must come out whole (or only without their own article).
NAMES = [
    "البرازيل",
    "بريطانيا",
    "فرنسا",
    "لندن",
    "لبنان",
    "ليبيا",
    "كندا",
    "بغداد",
    "باماكو",
    "كيدال",
    "مالي",
    "موريتانيا",
    "النيجر",
    "التشاد",
    "بوركينا",
    "فاسو",
    "بروكسل",
    "تيمياوين",
    "تينزاوتين",
    "الجزائر",
    "المغرب",
    "ألمانيا",
    "إيطاليا",
    "إسبانيا",
    "أمريكا",
    "كاليفورنيا",
    "باليرمو",
    "فالنسيا",
    "والتر",
    "بوتفليقة",
    "زرهوني",
    "مساهل",
    "باهنغا",
    "فلسطين",
    "بيروت",
    "وهران",
    "ورقلة",
    "لاغوس",
    "كابول",
    "بكين",
    "فيينا",
    "لوساكا",
    "الله",
    "عبدالله",
    "طه",
    "كوريا",
    "واشنطن",
    "بنغازي",
    "فنزويلا",
]


@pytest.mark.parametrize("name", NAMES)
def test_clitics_never_cut_names(name: str) -> None:
    a = analyze_word(name)
    norm = normalize(name)
    assert a.prefix == ""
    assert a.stem in (norm, norm.removeprefix("ال"))
    assert a.suffix == ""
    assert split_candidates(norm)[0] == norm


@pytest.mark.parametrize(
    ("word", "prefix", "article", "stem", "core"),
    [
        ("والجزائر", "و", True, "جزائر", "الجزائر"),
        ("بالجيش", "ب", True, "جيش", "الجيش"),
        ("للجيش", "ل", True, "جيش", "لجيش"),
        ("فالحكومة", "ف", True, "حكومة", "الحكومة"),
        ("وبالجزائر", "وب", True, "جزائر", "الجزائر"),
        ("والبرازيل", "و", True, "برازيل", "البرازيل"),
        ("ومالي", "", False, "ومالي", "ومالي"),  # bare particle: not split without a lexicon
        ("وزير", "", False, "وزير", "وزير"),
        ("ألمانيا", "", False, "المانيا", "ألمانيا"),  # hamza alef: not an article
        ("إلى", "", False, "الي", "إلى"),
    ],
)
def test_clitics_split_particles_before_article(word: str, prefix: str, article: bool, stem: str, core: str) -> None:
    a = analyze_word(word)
    assert (a.prefix, a.article, a.stem) == (prefix, article, stem)
    assert word[a.core_offset :] == core


def test_clitics_core_offset_skips_particle_diacritics() -> None:
    word = "وَالْجَزَائِرُ"
    a = analyze_word(word)
    assert word[a.core_offset :].startswith("ال")


@pytest.mark.parametrize(
    ("word", "stem", "suffix"),
    [
        ("حربه", "حرب", "ه"),
        ("قواتها", "قوات", "ها"),
        ("رئيسهم", "رئيس", "هم"),
        ("اتجاه", "اتجاه", ""),
        ("الله", "الله", ""),
    ],
)
def test_clitics_enclitic_pronouns(word: str, stem: str, suffix: str) -> None:
    a = analyze_word(word)
    assert (a.stem, a.suffix) == (stem, suffix)


def test_split_candidates_least_split_first() -> None:
    assert split_candidates("ومالي") == ("ومالي", "مالي")
    assert split_candidates("والجزائر") == ("والجزائر", "الجزائر", "جزائر")
    assert split_candidates("لليبيا")[:2] == ("لليبيا", "ليبيا")
    assert "الجيش" in split_candidates("للجيش")


GAZ = Path(__file__).resolve().parents[3] / "shared" / "data" / "lexicons" / "anergazet" / "AlignedLocGazetteer.txt"


@pytest.mark.skipif(not GAZ.exists(), reason="ANERGazet not beside the checkout")
def test_clitics_anergazet_locations_keep_their_particle_letters() -> None:
    words = [w for line in GAZ.read_text("utf-8").splitlines() for w in line.split() if not w.startswith("=")]
    cut = [w for w in words if analyze_word(w).prefix and not normalize(w).startswith(("وال", "بال", "فال", "لل"))]
    assert cut == []
    wrong_particle = [w for w in words if analyze_word(w).prefix]
    # only real clitic + article forms that the gazetteer itself contains (e.g. والجبل)
    assert len(wrong_particle) <= 0.002 * len(words)


def test_bare_particles_are_those_split_candidates_reads_off() -> None:
    from hadath.text.clitics import bare_particles, min_stem_after

    particles, min_stem = bare_particles()
    assert {"و", "ب", "وب", "فل"} <= set(particles)
    for p in particles:
        word = "مصر" if len("مصر") >= min_stem_after(p) else "سوريا"  # (more letters after ك)
        assert word in split_candidates(p + word)
    short = "مصر"[: min_stem - 1]  # one letter fewer than a split must leave
    assert split_candidates("و" + short) == ("و" + short,)


def test_a_word_that_begins_with_ka_keeps_it() -> None:
    # وكبرى is و + كبرى (the largest), not و + ك + برى (Barrie, a town in Canada)
    assert split_candidates("وكبري") == ("وكبري", "كبري")
    assert "الجزائر" in split_candidates("كالجزائر")
