"""The trigger patterns converted from UniversalPetrarch (off by default, see events.lexicon)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hadath.events import lexicon
from hadath.text.tokenize import iter_tokens


def _clear() -> None:
    for f in (lexicon._triggers, lexicon._starting, lexicon._first_slot_index):
        f.cache_clear()


@pytest.fixture
def converted(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("HADATH_TRIGGER_LEXICONS", "hadath,universalpetrarch")
    _clear()
    yield
    monkeypatch.delenv("HADATH_TRIGGER_LEXICONS")
    _clear()


def test_default_is_hadaths_own_lexicon() -> None:
    assert lexicon.enabled_lexicons() == ("hadath",)
    assert {t.origin for t in lexicon._triggers()} == {"hadath"}


def test_converted_patterns_load_map_to_plover_and_come_after_hadaths(converted: None) -> None:
    trig = lexicon._triggers()
    up = [t for t in trig if t.origin == "universalpetrarch"]
    assert len(up) > 1500
    assert {t.type for t in up} <= {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }  # fmt: skip
    first_up = next(i for i, t in enumerate(trig) if t.origin != "hadath")
    assert all(t.origin == "hadath" for t in trig[:first_up])
    # a conjugated verb and its object: "بدأت قوات التحالف ضربات جوية" -> ASSAULT (CAMEO 190)
    toks = list(iter_tokens("وبدأت قوات التحالف ضربات جوية ضد الحوثيين"))
    found = lexicon.find_triggers(toks)
    assert any(m.trigger.origin == "universalpetrarch" and m.trigger.type == "ASSAULT" for m in found)


def test_hadaths_lexicon_wins_where_both_match(converted: None) -> None:
    toks = list(iter_tokens("أرسلت الجزائر مساعدات عسكرية إلى مالي"))
    found = lexicon.find_triggers(toks)
    assert found and found[0].trigger.origin == "hadath" and found[0].trigger.type == "AID"


def test_unknown_lexicon_name_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HADATH_TRIGGER_LEXICONS", "hadath,nope")
    with pytest.raises(ValueError, match="unknown lexicon"):
        lexicon.enabled_lexicons()
