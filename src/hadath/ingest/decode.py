"""Bytes to text: encoding detection (UTF-8, UTF-16/32 with BOM, Windows-1256), binary and
empty input refused with a reason, and publication dates parsed from metadata."""

from __future__ import annotations

import email.utils
import re
import unicodedata
from datetime import date, datetime

from hadath.errors import InputError

__all__ = ["decode_bytes", "parse_date"]

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_ARABIC = re.compile(r"[\u0621-\u064A]")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    return bad / len(sample)


def decode_bytes(data: bytes, origin: str) -> tuple[str, str]:
    """Decode ``data`` read from ``origin``; return ``(text, encoding)``.

    Raises:
        InputError: the input is empty, binary, or in an encoding hadath does not read.
    """
    if not data.strip():
        raise InputError(origin, "empty file (no text)")
    text: str | None = None
    encoding = ""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data.decode(codec), codec.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise InputError(origin, f"invalid {codec} text ({exc.reason} at byte {exc.start})") from None
            break
    if text is None:
        if b"\x00" in data[:65536]:
            raise InputError(origin, "binary file (contains NUL bytes), not text")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                candidate = data.decode("cp1256")
            except UnicodeDecodeError:
                candidate = ""
            if candidate and _ARABIC.search(candidate) and _control_ratio(candidate) < 0.01:
                text, encoding = candidate, "windows-1256"
            else:
                raise InputError(origin, "not UTF-8 or Windows-1256 text (binary or unknown encoding)") from None
    if _control_ratio(text) > 0.01:
        raise InputError(origin, "binary file (control characters), not text")
    if not text.strip():
        raise InputError(origin, "empty file (no text)")
    return text, encoding


_YMD = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$")


def parse_date(value: object) -> str | None:
    """An ISO-8601 string for a metadata date, or None when it cannot be read.

    Accepts ISO dates and date-times (``2015-08-11``, ``2015-08-11T10:00:00+03:00``),
    ``2015/08/11``, RFC 2822 (RSS: ``Tue, 11 Aug 2015 10:00:00 GMT``) and Unix timestamps.
    A date stays a date; a date-time keeps its time and zone.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(float(value)).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    s = str(value).strip()
    m = _YMD.match(s)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.isoformat() if parsed else None
