"""Finding date expressions in a sentence's tokens.

Reads: tokens (with their normalized forms). Writes: ``TimeExpr`` objects: the token range
of each expression and what it says (a calendar date, possibly partial; or a date relative
to the publication date), without resolving it. The vocabulary is data
(``hadath/data/time/calendar.json``).

Recognized: numeric dates (``15/3/2013``, ``2013-03-15``); day, month and year in the three
Gregorian month series, with a second name after a slash (``15 آذار/مارس 2013``,
``نيسان/أبريل 2012``, ``جويلية 2006``); Hijri dates (``15 رمضان 1434 هـ``); years after a
year word (``سنة 2006``, ``منذ 2006``) or before ``م``; weekdays (``يوم الأربعاء الماضي``,
``الجمعة``); ``أمس``, ``اليوم``, ``غدا``; durations ago or later (``قبل سنتين``, ``قبل ثلاثة
أيام``, ``بعد أسبوع``); periods (``الشهر الماضي``, ``العام المقبل``, ``هذا العام``); months
with a direction (``أبريل الماضي``); and near ranges (``خلال الأيام القليلة المقبلة``).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from hadath.cache import word_cache
from hadath.model import Token
from hadath.text import fold
from hadath.text.keys import _lookup_forms

__all__ = ["TimeExpr", "find_expressions"]


@dataclass(slots=True)
class TimeExpr:
    """One date expression: token range ``[start, end)`` and what it says.

    ``kind``: ``date`` (calendar fields), ``hijri`` (Hijri calendar fields), ``day``
    (relative day: ``offset`` days), ``weekday`` (``weekday`` 0=Monday, ``direction``),
    ``ago`` (``offset`` ``unit``s before/after), ``period`` (this/last/next ``unit``),
    ``month`` (a month with a ``direction``), ``range`` (the few ``unit``s before/after).
    """

    start: int
    end: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    unit: str | None = None
    offset: int | None = None
    weekday: int | None = None
    direction: str | None = None  # past, future, current, or None


_n = fold


_CLASS_NAMES = (
    "hijri_markers",
    "gregorian_markers",
    "past",
    "future",
    "current",
    "this",
    "few",
    "year_context",
    "ago",
    "later",
    "within",
    "day_word",
    "month_word",
    "not_today_before",
    "not_weekday_before",
)
_YEAR_WORDS = frozenset(_n(w) for w in ("سنة", "عام", "العام", "السنة", "لعام", "لسنة"))
_PLURAL_UNITS = frozenset(_n(w) for w in ("أيام", "أسابيع", "أشهر", "شهور", "سنوات", "سنين", "أعوام"))


@lru_cache(maxsize=1)
def _cal() -> dict[str, Any]:
    raw = json.loads(resources.files("hadath.data").joinpath("time/calendar.json").read_text("utf-8"))
    cal: dict[str, Any] = {}
    for name in ("months", "hijri_months", "weekdays", "numbers", "units", "dual_units", "relative_days"):
        table: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for phrase, value in raw[name].items():
            words = tuple(_n(w) for w in phrase.split())
            table.setdefault(words[0], []).append((words[1:], value))
        for entries in table.values():
            entries.sort(key=lambda e: -len(e[0]))
        cal[name] = table
    for name in _CLASS_NAMES:
        cal[name] = frozenset(_n(w) for w in raw[name])
    return cal


def _forms(tok: Token) -> tuple[str, ...]:
    return _word_forms(tok.norm, tok.prefix) if tok.kind == "word" else (tok.norm,)


@word_cache(262144)
def _word_forms(norm: str, prefix: str) -> tuple[str, ...]:
    return tuple(fold(f) for f in _lookup_forms(norm, prefix))


@word_cache(262144)
def _classes(forms: tuple[str, ...]) -> frozenset[str]:
    """The vocabulary classes (past, future, ago ...) any of ``forms`` belongs to."""
    cal = _cal()
    return frozenset(name for name in _CLASS_NAMES if any(f in cal[name] for f in forms))


def _lookup(table: dict[str, list[tuple[tuple[str, ...], Any]]], tokens: Sequence[Token], i: int) -> tuple[Any, int]:
    """Longest phrase of ``table`` starting at token ``i``: (value, number of tokens)."""
    if i >= len(tokens):
        return None, 0
    for form in _forms(tokens[i]):
        for rest, value in table.get(form, ()):
            m = len(rest)
            if i + m < len(tokens) and all(_n(tokens[i + 1 + k].norm) == w for k, w in enumerate(rest)):
                return value, m + 1
            if m == 0:
                return value, 1
    return None, 0


def _is(tokens: Sequence[Token], i: int, name: str) -> bool:
    return 0 <= i < len(tokens) and name in _classes(_forms(tokens[i]))


def _int(tok: Token) -> int | None:
    if tok.kind == "number" and tok.norm.isdigit() and len(tok.norm) <= 4:
        return int(tok.norm)
    return None


def _quantity(tokens: Sequence[Token], i: int) -> tuple[int | None, int]:
    """A number (digits or words) at ``i``: (value, tokens used)."""
    if i >= len(tokens):
        return None, 0
    v = _int(tokens[i])
    if v is not None:
        return v, 1
    value, n = _lookup(_cal()["numbers"], tokens, i)
    return (int(value), n) if value is not None else (None, 0)


def _month(tokens: Sequence[Token], i: int, table: str = "months") -> tuple[int | None, int]:
    """A month name at ``i``, with an optional second name after a slash (آذار/مارس)."""
    value, n = _lookup(_cal()[table], tokens, i)
    if value is None:
        return None, 0
    j = i + n
    # a second name of the same month: آذار/مارس, يونيو (حزيران), نوفمبر تشرين الثاني
    sep = 1 if j < len(tokens) and tokens[j].text in ("/", "-", "(") else 0
    value2, n2 = _lookup(_cal()[table], tokens, j + sep)
    if value2 == value:
        j += sep + n2
        if sep and tokens[j - n2 - 1].text == "(" and j < len(tokens) and tokens[j].text == ")":
            j += 1
    return int(value), j - i


def _year(tokens: Sequence[Token], i: int) -> tuple[int | None, int]:
    if i < len(tokens):
        v = _int(tokens[i])
        if v is not None and len(tokens[i].norm) == 4 and 1000 <= v <= 2200:
            n = 1
            if _is(tokens, i + 1, "gregorian_markers"):
                n = 2
            return v, n
    return None, 0


def _year_after_month(tokens: Sequence[Token], k: int) -> tuple[int | None, int]:
    """The year after a month's name, also after a year word (16 صفر سنة 1355هـ)."""
    year, y = _year(tokens, k)
    if year is None and k < len(tokens) and _n(tokens[k].norm) in _YEAR_WORDS:
        year, y = _year(tokens, k + 1)
        y += 1 if year is not None else 0
    return year, y


def _of_year(tokens: Sequence[Token], k: int) -> tuple[str | None, int]:
    """``من العام المقبل`` / ``من العام الماضي`` after a month's name: the direction of that
    year and the words it takes, or (None, 0)."""
    if k + 2 < len(tokens) and tokens[k].norm == "من" and _n(tokens[k + 1].norm) in _YEAR_WORDS:
        direction, d = _direction(tokens, k + 2)
        if direction:
            return direction, 2 + d
    return None, 0


def _direction(tokens: Sequence[Token], i: int) -> tuple[str | None, int]:
    for name in ("past", "future", "current"):
        if _is(tokens, i, name):
            return name, 1
    return None, 0


_HIJRI_YEARS = range(1300, 1501)
"""Years that are Hijri ones when written as numbers in a date (21/10/1436) or after a year
word (عام 1433): news of today dates nothing in those Gregorian years."""


def _numeric_date(tokens: Sequence[Token], i: int) -> TimeExpr | None:
    """dd/mm/yyyy, yyyy-mm-dd (written close, or spaced with a four-digit year: 25 / 10 / 1436);
    a year of ``_HIJRI_YEARS`` makes a Hijri date, with its marker (1437هـ)."""
    if i + 4 >= len(tokens):
        return None
    a, s1, b, s2, c = tokens[i : i + 5]
    if not (s1.text in "/-." and s2.text == s1.text):
        return None
    x, y, z = _int(a), _int(b), _int(c)
    if x is None or y is None or z is None:
        return None
    if len(a.norm) == 4:
        year, month, day = x, y, z
    elif len(c.norm) == 4:
        year, month, day = z, y, x
    else:
        return None
    if (a.end != s1.start or s2.end != c.start) and not (year in _HIJRI_YEARS and s1.text == "/"):
        return None  # 2 - 1 - 2015: not a date unless written close (or a spaced Hijri one)
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1000 <= year <= 2200):
        return None
    if year in _HIJRI_YEARS and day <= 30:
        end = i + 6 if _is(tokens, i + 5, "hijri_markers") else i + 5
        return TimeExpr(i, end, "hijri", year, month, day)
    return TimeExpr(i, i + 5, "date", year, month, day)


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    """Every word that can begin an expression (a fast filter: most words begin none)."""
    words: set[str] = set()
    for value in _cal().values():
        words.update(value)  # tables: their first words; classes: their words
    return frozenset(words)


def _at(tokens: Sequence[Token], i: int, skip: frozenset[int]) -> TimeExpr | None:
    """The expression starting at token ``i`` (the caller has checked that a word there can
    start one), or None."""
    cal = _cal()
    n = len(tokens)
    tok = tokens[i]
    if tok.kind == "number":
        expr = _numeric_date(tokens, i)
        if expr:
            return expr
        day = _int(tok)
        if day is not None and 1 <= day <= 31:
            j = i + 2 if i + 1 < n and tokens[i + 1].norm == "من" else i + 1  # 15 من مارس
            for table, kind in (("months", "date"), ("hijri_months", "hijri")):
                month, m = _month(tokens, j, table)
                if month:
                    k = j + m
                    year, y = _year_after_month(tokens, k)
                    k += y
                    if kind == "hijri" and _is(tokens, k, "hijri_markers"):
                        k += 1
                    if kind == "hijri" and year is None:  # 27 شوال الجاري, 6 ذي القعدة المقبل
                        of_year, o = _of_year(tokens, k)
                        direction, d = (of_year, o) if of_year else _direction(tokens, k)
                        offset = {"future": 1, "past": -1, "current": 0}.get(of_year or "")
                        return TimeExpr(i, k + d, kind, None, month, day, offset=offset, direction=direction)
                    if year is None:  # 26 أغسطس (آب) الحالي, 3 سبتمبر المقبل
                        direction, d = _direction(tokens, k)
                        return TimeExpr(i, k + d, kind, None, month, day, direction=direction)
                    return TimeExpr(i, k, kind, year, month, day)
        year, y = _year(tokens, i)
        if year is not None:
            if _is(tokens, i + 1, "hijri_markers") and 1300 <= year <= 1600:
                return TimeExpr(i, i + 2, "hijri", year)
            if y == 1 and year in _HIJRI_YEARS and _is(tokens, i - 1, "year_context"):
                return TimeExpr(i, i + 1, "hijri", year)  # عام 1433: a Hijri year
            if y == 2 or _is(tokens, i - 1, "year_context"):
                return TimeExpr(i, i + y, "date", year)
        return None
    if tok.kind != "word" or i in skip:
        return None
    # [شهر] MONTH[/MONTH] (YEAR | direction); the span starts at the month name
    j = i + 1 if _is(tokens, i, "month_word") else i
    start = j
    for table, kind in (("months", "date"), ("hijri_months", "hijri")):
        month, m = _month(tokens, j, table)
        if month:
            k = j + m
            year, y = _year_after_month(tokens, k) if kind == "hijri" else _year(tokens, k)
            if year is not None:
                k += y
                if kind == "hijri" and _is(tokens, k, "hijri_markers"):
                    k += 1
                return TimeExpr(start, k, kind, year, month)
            direction, d = _direction(tokens, k)
            if direction and kind == "date":
                return TimeExpr(start, k + d, "month", month=month, direction=direction)
            if kind == "hijri":
                of_year, o = _of_year(tokens, k)  # شعبان من العام المقبل: next Hijri year's
                if of_year:
                    offset = {"future": 1, "past": -1, "current": 0}[of_year]
                    return TimeExpr(start, k + o, "hijri", month=month, offset=offset, direction=of_year)
            if kind == "hijri" and (j > i or _is(tokens, i - 1, "year_context") or direction):
                return TimeExpr(start, k + d, "hijri", month=month, direction=direction)
            if j > i or _is(tokens, i - 1, "year_context"):
                return TimeExpr(start, k, "month" if kind == "date" else "hijri", month=month)
            return None
    # [يوم] WEEKDAY [direction]
    start = i
    j = i + 1 if _is(tokens, i, "day_word") else i
    wd, w = _lookup(cal["weekdays"], tokens, j)
    if wd is not None and _is(tokens, j + w, "not_weekday_before"):
        wd = None  # الأحد عشر: "the eleven"
    if wd is not None:
        k = j + w
        direction, d = _direction(tokens, k)
        return TimeExpr(start, k + d, "weekday", weekday=int(wd), direction=direction)
    # أمس, اليوم, غدا ...
    off, r = _lookup(cal["relative_days"], tokens, i)
    if off == 0 and i + r < n and _is(tokens, i + r, "not_today_before"):
        return None  # اليوم الوطني, اليوم العالمي: a named day, not today
    if off is not None:
        # أمس الجمعة, اليوم (السبت), غدا الأحد: the weekday names the day
        k = i + r + 1 if i + r < n and tokens[i + r].text == "(" else i + r
        wd, w = _lookup(cal["weekdays"], tokens, k) if k < n else (None, 0)
        if wd is not None and not _is(tokens, k + w, "not_weekday_before"):
            end = k + w
            if k > i + r and end < n and tokens[end].text == ")":
                end += 1
            return TimeExpr(i, end, "day", offset=int(off), weekday=int(wd))
        return TimeExpr(i, i + r, "day", offset=int(off))
    # قبل سنتين / قبل ثلاثة أيام / بعد أسبوع / منذ عامين
    if _is(tokens, i, "ago") or _is(tokens, i, "later"):
        sign = -1 if _is(tokens, i, "ago") else 1
        unit, u = _lookup(cal["dual_units"], tokens, i + 1)
        if unit:
            return TimeExpr(i, i + 1 + u, "ago", unit=unit, offset=2 * sign)
        qty, q = _quantity(tokens, i + 1)
        unit, u = _lookup(cal["units"], tokens, i + 1 + q)
        if not unit or (q == 0 and tokens[i + 1].article):
            return None
        if q == 0 and _year(tokens, i + 1 + u)[0] is not None:
            return None  # منذ عام 1700: a year, not "a year ago"
        if q == 0 and _n(tokens[i + 1].norm) in _PLURAL_UNITS:  # قبل أيام, منذ سنوات: a few
            return TimeExpr(i, i + 1 + u, "range", unit=unit, direction="past" if sign < 0 else "future")
        return TimeExpr(i, i + 1 + q + u, "ago", unit=unit, offset=(qty or 1) * sign)
    # خلال الأيام القليلة المقبلة
    if _is(tokens, i, "within"):
        unit, u = _lookup(cal["units"], tokens, i + 1)
        if unit and tokens[i + 1].article:
            k = i + 1 + u
            if _is(tokens, k, "few"):
                k += 1
            direction, d = _direction(tokens, k)
            if direction in ("past", "future"):
                return TimeExpr(i, k + d, "range", unit=unit, direction=direction)
        return None
    # الشهر الماضي / العام المقبل / هذا العام
    if _is(tokens, i, "this"):
        unit, u = _lookup(cal["units"], tokens, i + 1)
        if unit and tokens[i + 1].article:
            return TimeExpr(i, i + 1 + u, "period", unit=unit, offset=0, direction="current")
        return None
    unit, u = _lookup(cal["units"], tokens, i)
    if unit and tok.article:
        direction, d = _direction(tokens, i + u)
        if direction:
            offset = {"past": -1, "future": 1, "current": 0}[direction]
            return TimeExpr(i, i + u + d, "period", unit=unit, offset=offset, direction=direction)
    return None


def find_expressions(tokens: Sequence[Token], skip: frozenset[int] = frozenset()) -> list[TimeExpr]:
    """Date expressions in one sentence's tokens, left to right, never overlapping.

    Args:
        tokens: the sentence's tokens.
        skip: token indices that must not start an expression (e.g. inside a name such
            as العرب اليوم).
    """
    out = []
    i = 0
    starters = _starters()
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "word" and starters.isdisjoint(_forms(tok)):
            i += 1  # most words start no expression
            continue
        expr = _at(tokens, i, skip)
        if expr is not None and expr.kind in ("date", "hijri") and expr.month is None and expr.start > 0:
            prev = expr.start - 1
            if (not out or out[-1].end <= prev) and _n(tokens[prev].norm) in _YEAR_WORDS:
                expr.start = prev  # سنة 2006, عام 2012: the year word belongs to the expression
        if expr is not None and expr.end > expr.start:
            out.append(expr)
            i = expr.end
        else:
            i += 1
    # مارس وأبريل 2012, رجب وشعبان 1436: a month joined by و to the next takes its year
    for a, b in itertools.pairwise(out):
        joined = a.end == b.start and tokens[b.start].norm.startswith("و")
        if a.end + 1 == b.start and tokens[a.end].norm == "و":
            joined = True  # 10 مارس و 12 أبريل 2012
        if (
            joined
            and a.year is None
            and a.month is not None
            and a.direction is None
            and b.year is not None
            and b.kind in ("date", "hijri")
            and (a.kind == b.kind or (a.kind == "month" and b.kind == "date"))
        ):
            a.kind, a.year = b.kind, b.year
    return out


def clitic_length(tok: Token) -> int:
    """How many characters of a word that starts an expression are a proclitic (وأبريل,
    لعام: 1), which the expression's span leaves out; 0 where the whole word is the
    vocabulary's (بعد, وسط) or the tokenizer has split the clitic (والأسبوع)."""
    if tok.kind != "word" or tok.core_start > tok.start or len(tok.norm) < 3 or tok.norm[0] not in "وفبل":
        return 0
    if tok.text[0] != tok.norm[0] or _n(tok.norm) in _starters():
        return 0
    return 1 if _n(tok.norm[1:]) in _starters() else 0
