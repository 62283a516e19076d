from __future__ import annotations

from hadath.text import split_sentences, tokenize


def sentences(text: str) -> list[str]:
    toks = tokenize(text)
    return [text[s.start : s.end] for s in split_sentences(text, toks)]


def test_split_on_terminal_punctuation() -> None:
    assert sentences("وصل الوفد. وبدأت المحادثات؟ نعم!") == ["وصل الوفد.", "وبدأت المحادثات؟", "نعم!"]


def test_closing_quote_stays_with_its_sentence() -> None:
    assert sentences('قال: "انتهى الأمر." ثم غادر.') == ['قال: "انتهى الأمر."', "ثم غادر."]


def test_line_breaks_end_sentences() -> None:
    assert sentences("عنوان الخبر\nنص الخبر هنا") == ["عنوان الخبر", "نص الخبر هنا"]


def test_abbreviation_and_decimal_do_not_split() -> None:
    assert sentences("قال د. أحمد إن النمو بلغ 3.5 بالمئة.") == ["قال د. أحمد إن النمو بلغ 3.5 بالمئة."]


def test_acronym_of_letter_names_does_not_split() -> None:
    assert sentences("ونقلت بي.بي.سي عن الوزير. وقال مكتب إف.بي.آي إن") == [
        "ونقلت بي.بي.سي عن الوزير.",
        "وقال مكتب إف.بي.آي إن",
    ]
    # a period glued to an ordinary word still ends a sentence
    assert sentences("أعلنت الشركة.وقال المدير") == ["أعلنت الشركة.", "وقال المدير"]


def test_every_token_in_exactly_one_sentence(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        toks = tokenize(text)
        sents = split_sentences(text, toks)
        covered = [i for s in sents for i in range(s.token_start, s.token_end)]
        assert covered == list(range(len(toks)))
        assert len(sents) >= 5


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("", []) == []
