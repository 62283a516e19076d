"""Resolving date expressions to values, and inferring a missing publication date.

``resolve(expr, anchor)`` turns a ``TimeExpr`` into a value dict:
``{"value": "2012-04", "granularity": "month", "start": "2012-04-01", "end": "2012-04-30",
"kind": "explicit" | "relative" | "hijri", "anchor": "2013", "relative": {...}}``.
``value`` is ISO 8601 at the expression's granularity (``2006``, ``2012-04``,
``2013-01-16``), or None when the anchor is too coarse (a weekday against a publication
year); ``relative`` keeps what a relative expression says, so it can be resolved later.

Hijri dates are converted with the Umm al-Qura calendar (hijridate); a month begun by
moon sighting may start a day later.

Conventions of Arabic news: a bare weekday (``الجمعة``) is the most recent such day on or
before the publication date; ``الماضي`` means strictly before, ``المقبل`` strictly after; a
relative day with its weekday (``أمس الجمعة``) is that weekday nearest to the day it counts
(publication dates of news sites are often a day late: the weekday is the writer's); a
bare month is its most recent occurrence; ``خلال الأيام القليلة المقبلة`` is the next week.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from hadath.time.expressions import TimeExpr

__all__ = ["Anchor", "infer_publication_date", "parse_anchor", "resolve"]

_FEW = {"day": 7, "week": 3, "month": 3, "year": 3}


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date relative expressions are resolved against, at a granularity."""

    day: date  # first day of the anchor's period when coarser than a day
    granularity: str  # day, month, year
    label: str  # as written: 2013-01-18, 2013-01, 2013

    @property
    def year(self) -> int:
        return self.day.year


def parse_anchor(value: str | None) -> Anchor | None:
    """An ``Anchor`` from an ISO date string (``2013``, ``2013-01``, ``2013-01-18``, a date-time)."""
    if not value:
        return None
    s = value.strip()[:10]
    try:
        if len(s) == 4:
            return Anchor(date(int(s), 1, 1), "year", s)
        if len(s) == 7:
            return Anchor(date(int(s[:4]), int(s[5:7]), 1), "month", s)
        return Anchor(date.fromisoformat(s), "day", s)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _val(granularity: str, start: date, end: date, kind: str, anchor: Anchor | None, **extra: Any) -> dict[str, Any]:
    value = {
        "year": f"{start.year:04d}",
        "month": f"{start.year:04d}-{start.month:02d}",
        "day": start.isoformat(),
    }.get(granularity)
    if granularity in ("week", "range"):
        value = f"{start.isoformat()}/{end.isoformat()}"
    out = {
        "value": value,
        "granularity": granularity,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "kind": kind,
    }
    if anchor is not None:
        out["anchor"] = anchor.label
    out.update(extra)
    return out


def _relative(expr: TimeExpr) -> dict[str, Any]:
    rel = {"kind": expr.kind}
    for name in ("unit", "offset", "weekday", "month", "direction"):
        v = getattr(expr, name)
        if v is not None:
            rel[name] = v
    return rel


def _explicit(expr: TimeExpr) -> dict[str, Any] | None:
    y, m, d = expr.year, expr.month, expr.day
    try:
        if expr.kind == "hijri":
            from hijridate import Hijri

            if y is None:
                return None
            # a Hijri year or month is not a Gregorian one: its value is a range of days
            if m is None:
                s, e = Hijri(y, 1, 1).to_gregorian(), Hijri(y + 1, 1, 1).to_gregorian() - timedelta(days=1)
                return _val("range", s, e, "hijri", None, hijri=f"{y}")
            if d is None:
                s = Hijri(y, m, 1).to_gregorian()
                ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
                e = Hijri(ny, nm, 1).to_gregorian() - timedelta(days=1)
                return _val("range", s, e, "hijri", None, hijri=f"{y}-{m:02d}")
            g = Hijri(y, m, d).to_gregorian()
            return _val("day", g, g, "hijri", None, hijri=f"{y}-{m:02d}-{d:02d}")
        if y is None:
            return None
        if m is None:
            return _val("year", date(y, 1, 1), date(y, 12, 31), "explicit", None)
        if d is None:
            return _val("month", date(y, m, 1), _month_end(y, m), "explicit", None)
        g = date(y, m, d)
        return _val("day", g, g, "explicit", None)
    except (ValueError, OverflowError):
        return None


def _hijri_in_year_of(expr: TimeExpr, anchor: Anchor, rel: dict[str, Any]) -> dict[str, Any] | None:
    """A Hijri month or day with no year (غرة شهر ذي القعدة القادم, 27 شوال الجاري, رمضان):
    in the Hijri year that puts it after the publication day (القادم, المقبل), before it
    (الماضي), in its year (الجاري, الحالي), in the year after or before the publication
    day's (شعبان من العام المقبل: ``offset``), or, with no such word, nearest to it (news
    names the month that is coming as often as the one that has passed)."""
    from hijridate import Gregorian, Hijri

    a = anchor.day
    h = Gregorian(a.year, a.month, a.day).to_hijri()
    m, d = expr.month or 1, expr.day

    def span(y: int) -> tuple[date, date]:
        if d is not None:
            g = Hijri(y, m, d).to_gregorian()
            return g, g
        ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
        return Hijri(y, m, 1).to_gregorian(), Hijri(ny, nm, 1).to_gregorian() - timedelta(days=1)

    when = (m, d or 1)
    if expr.offset is not None:  # شعبان من العام المقبل: that month of the next Hijri year
        y = h.year + expr.offset
    elif expr.direction == "future":
        y = h.year if when > (h.month, h.day) or (d is None and m == h.month) else h.year + 1
    elif expr.direction == "past":
        y = h.year if when < (h.month, h.day) and not (d is None and m == h.month) else h.year - 1
    elif expr.direction == "current":
        y = h.year
    else:

        def distance(y: int) -> int:
            s, e = span(y)
            return 0 if s <= a <= e else min(abs((s - a).days), abs((e - a).days))

        y = min((h.year - 1, h.year, h.year + 1), key=distance)
    s, e = span(y)
    label = f"{y}-{m:02d}" + (f"-{d:02d}" if d is not None else "")
    if d is not None:
        return _val("day", s, e, "relative", anchor, relative=rel, hijri=label)
    return _val("range", s, e, "relative", anchor, relative=rel, hijri=label)


def resolve(expr: TimeExpr, anchor: Anchor | None) -> dict[str, Any] | None:
    """The value of ``expr`` (None for a date that does not exist, such as 31/2/2013).

    A date outside what a calendar date can hold (قبل 2500 سنة, before year 1) stays
    unresolved, with its relative reading and ``needs: "a representable date"``.
    """
    try:
        return _resolve(expr, anchor)
    except (ValueError, OverflowError):
        return {
            "value": None,
            "granularity": None,
            "kind": "relative",
            "relative": _relative(expr),
            "needs": "a representable date",
        }


def _resolve(expr: TimeExpr, anchor: Anchor | None) -> dict[str, Any] | None:
    if expr.kind in ("date", "hijri") and expr.year is not None:
        return _explicit(expr)
    rel = _relative(expr)
    unresolved = {"value": None, "granularity": None, "kind": "relative", "relative": rel}
    if anchor is None:
        return {**unresolved, "needs": "publication date"}
    a = anchor.day
    k = "relative"
    if expr.kind == "date" and expr.day and expr.month:
        # 19 أبريل: its most recent occurrence; 26 أغسطس الحالي: this year's; 3 سبتمبر المقبل:
        # the next
        if anchor.granularity != "day":
            return {**unresolved, "needs": "publication day", "anchor": anchor.label}
        y = a.year if (expr.month, expr.day) <= (a.month, a.day) else a.year - 1
        if expr.direction == "current":
            y = a.year
        elif expr.direction == "future":
            y = a.year if (expr.month, expr.day) >= (a.month, a.day) else a.year + 1
        try:
            d = date(y, expr.month, expr.day)
        except ValueError:
            return None
        return _val("day", d, d, k, anchor, relative=rel)
    if expr.kind == "date":  # a month with no year (the year was not written)
        expr = TimeExpr(expr.start, expr.end, "month", month=expr.month)
    if expr.kind == "hijri":
        if expr.month is None:
            return {**unresolved, "needs": "Hijri year"}
        if anchor.granularity != "day":
            return {**unresolved, "needs": "publication day", "anchor": anchor.label}
        return _hijri_in_year_of(expr, anchor, rel)
    if expr.kind == "day":
        if anchor.granularity != "day":
            return {**unresolved, "needs": "publication day", "anchor": anchor.label}
        d = a + timedelta(days=expr.offset or 0)
        if expr.weekday is not None:  # أمس الجمعة: that weekday, the nearest to the day it says
            d += timedelta(days=(expr.weekday - d.weekday() + 3) % 7 - 3)
            if (expr.offset or 0) <= 0 and d > a:
                d -= timedelta(days=7)  # أمس الأحد in Saturday's paper: the Sunday before, not after
        return _val("day", d, d, k, anchor, relative=rel)
    if expr.kind == "weekday":
        if anchor.granularity != "day":
            return {**unresolved, "needs": "publication day", "anchor": anchor.label}
        diff = (a.weekday() - (expr.weekday or 0)) % 7
        if expr.direction == "future":
            d = a + timedelta(days=(7 - diff) % 7 or 7)
        elif expr.direction == "past":
            d = a - timedelta(days=diff or 7)
        else:
            d = a - timedelta(days=diff)
        return _val("day", d, d, k, anchor, relative=rel)
    if expr.kind == "month" and expr.month:
        if anchor.granularity == "year":
            return {**unresolved, "needs": "publication month", "anchor": anchor.label}
        am = a.month
        y = a.year
        if expr.direction == "future":
            y = y if expr.month > am else y + 1
        elif expr.direction == "past":
            y = y if expr.month < am else y - 1
        elif expr.month > am:
            y -= 1
        return _val("month", date(y, expr.month, 1), _month_end(y, expr.month), k, anchor, relative=rel)
    if expr.kind in ("ago", "period"):
        off = expr.offset or 0
        if expr.unit == "year":
            y = a.year + off
            return _val("year", date(y, 1, 1), date(y, 12, 31), k, anchor, relative=rel)
        if expr.unit == "month":
            if anchor.granularity == "year":
                return {**unresolved, "needs": "publication month", "anchor": anchor.label}
            y, m = _shift_month(a.year, a.month, off)
            return _val("month", date(y, m, 1), _month_end(y, m), k, anchor, relative=rel)
        if anchor.granularity != "day":
            return {**unresolved, "needs": "publication day", "anchor": anchor.label}
        days = off * (7 if expr.unit == "week" else 1)
        d = a + timedelta(days=days)
        if expr.kind == "period" and expr.unit == "week":
            s = d - timedelta(days=d.weekday())
            return _val("week", s, s + timedelta(days=6), k, anchor, relative=rel)
        return _val("day", d, d, k, anchor, relative=rel)
    if expr.kind == "range":
        if anchor.granularity != "day":
            return {**unresolved, "needs": "publication day", "anchor": anchor.label}
        span = _FEW.get(expr.unit or "day", 7) * {"day": 1, "week": 7, "month": 30, "year": 365}[expr.unit or "day"]
        if expr.direction == "future":
            return _val("range", a, a + timedelta(days=span), k, anchor, relative=rel)
        return _val("range", a - timedelta(days=span), a, k, anchor, relative=rel)
    return {**unresolved, "anchor": anchor.label}


def infer_publication_date(
    explicit: list[tuple[TimeExpr, dict[str, Any], list[str]]],
    ago_years: list[tuple[TimeExpr, list[str]]],
) -> dict[str, Any] | None:
    """A lower bound and a best guess for a document's missing publication date.

    Args:
        explicit: resolved explicit dates, each with the words just before it.
        ago_years: ``قبل N سنوات``-type expressions, each with the words just before it.

    The lower bound is the latest explicit date (a report comes after what it reports).
    The best guess pairs a relative year (``قبل سنتين``) with an explicit year said of the
    same thing (the words before both overlap): ``سنة 2006`` + ``قبل سنتين`` -> 2008.
    Without such a pair, a month named with its year (``نيسان/أبريل 2012``) points to a
    later year, since news names months of the current year without one
    (``أبريل الماضي``); a full date points to its own year.
    """
    if not explicit:
        return None
    latest = max(explicit, key=lambda e: e[1]["start"])
    lower = latest[1]["start"][:4]
    best: int | None = None
    reason = ""
    pairs = []
    for expr, ctx in ago_years:
        for e, val, ectx in explicit:
            if val["granularity"] in ("year", "month", "day"):
                overlap = len(set(ctx) & set(ectx))
                pairs.append((overlap, int(val["start"][:4]) - (expr.offset or 0), e))
    if pairs:
        overlap, year, _ = max(pairs, key=lambda p: p[0])
        if overlap > 0 or (len(ago_years) == 1 and len(explicit) == 1):
            best, reason = year, "a relative year and an explicit year said of the same thing"
    if best is None:
        y = int(lower)
        if latest[1]["granularity"] == "month" or latest[1]["granularity"] == "year":
            best, reason = y + 1, "latest explicit date names its year (news omits the current year)"
        else:
            best, reason = y, "latest explicit full date"
    best = max(best, int(lower))
    return {
        "lower_bound": lower,
        "best_guess": f"{best:04d}",
        "reason": reason,
    }
