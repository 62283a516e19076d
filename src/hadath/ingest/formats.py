"""Readers, one per input format: plain text, HTML, JSON / JSON Lines, RSS/Atom.

Each reader takes the raw bytes of one input and its origin (a path, or ``<stdin>``) and
yields ``Document`` objects, or ``InputError`` objects for the parts it could not read (a
bad JSON line, an empty feed entry) so that the batch goes on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any

from hadath.errors import InputError
from hadath.ingest.decode import decode_bytes, parse_date
from hadath.model import Document

__all__ = ["read_feed", "read_html", "read_json", "read_text", "sniff_format"]

Item = Document | InputError

_TEXT_KEYS = ("text", "content", "body")
_DATE_KEYS = ("published", "publication_date", "date", "pubDate", "published_at")


def sniff_format(text: str) -> str:
    """Guess ``json``, ``jsonl``, ``feed``, ``html`` or ``text`` from the content."""
    head = text.lstrip()[:4096]
    low = head.lower()
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<"):
        if "<rss" in low or "<feed" in low or "<rdf:rdf" in low:
            return "feed"
        return "html"
    if "<html" in low or "<body" in low:
        return "html"
    return "text"


def _document(text: str, origin: str, encoding: str, **metadata: Any) -> Document:
    raw_date = metadata.pop("published", None)
    published = parse_date(raw_date)
    meta: dict[str, Any] = {"encoding": encoding}
    if raw_date not in (None, "") and published is None:
        meta["publication_date_unparsed"] = str(raw_date)
    return Document(
        text=text,
        title=(metadata.get("title") or None),
        source=(metadata.get("source") or None),
        url=(metadata.get("url") or None),
        publication_date=published,
        origin=origin,
        meta=meta,
    )


def _decoded(reader: Callable[[str, str, str], Iterator[Item]]) -> Callable[[bytes, str], Iterator[Item]]:
    """Make a reader of decoded text (text, origin, encoding) read raw bytes: an input that
    cannot be decoded yields its ``InputError`` instead."""

    @wraps(reader)
    def read(data: bytes, origin: str) -> Iterator[Item]:
        try:
            text, encoding = decode_bytes(data, origin)
        except InputError as exc:
            yield exc
            return
        yield from reader(text, origin, encoding)

    return read


@_decoded
def read_text(text: str, origin: str, encoding: str) -> Iterator[Item]:
    """A plain-text file: one document; no metadata."""
    yield _document(text, origin, encoding)


# --- HTML -----------------------------------------------------------------------------

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button")
_BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre"
_DATE_META = (
    'meta[property="article:published_time"]',
    'meta[property="og:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="date"]',
    'meta[name="DC.date.issued"]',
    'meta[name="dcterms.date"]',
)


def _meta(tree: Any, selectors: tuple[str, ...]) -> str | None:
    for sel in selectors:
        node = tree.css_first(sel)
        if node is not None:
            value = node.attributes.get("content") or node.attributes.get("datetime")
            if value and value.strip():
                return value.strip()
    return None


def html_to_text(html: str) -> tuple[str, dict[str, str | None]]:
    """Main text of an HTML page, paragraphs separated by blank lines, and its metadata."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title = _meta(tree, ('meta[property="og:title"]', 'meta[name="twitter:title"]'))
    if not title:
        node = tree.css_first("title") or tree.css_first("h1")
        title = node.text(strip=True) if node is not None else None
    published = _meta(tree, _DATE_META)
    if not published:
        node = tree.css_first("time[datetime]")
        published = node.attributes.get("datetime") if node is not None else None
    url = None
    node = tree.css_first('link[rel="canonical"]')
    if node is not None:
        url = node.attributes.get("href")
    url = url or _meta(tree, ('meta[property="og:url"]',))
    source = _meta(tree, ('meta[property="og:site_name"]',))
    for tag in _DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    root = tree.body or tree.root
    candidates = tree.css("article") or tree.css("main") or tree.css('[role="main"]')
    if candidates:
        root = max(candidates, key=lambda n: len(n.text(strip=True)))
    blocks = [n.text(separator=" ", strip=True) for n in root.css(_BLOCKS)] if root is not None else []
    blocks = [" ".join(b.split()) for b in blocks if b.strip()]
    if not blocks and root is not None:
        blocks = [" ".join(line.split()) for line in root.text(separator="\n").splitlines() if line.strip()]
    meta = {"title": title, "published": published, "url": url, "source": source}
    return "\n\n".join(blocks), meta


@_decoded
def read_html(raw: str, origin: str, encoding: str) -> Iterator[Item]:
    """An HTML page: its main text (boilerplate dropped) and metadata."""
    text, meta = html_to_text(raw)
    if not text.strip():
        yield InputError(origin, "HTML page has no main text")
        return
    yield _document(text, origin, encoding, **meta)


# --- JSON and JSON Lines --------------------------------------------------------------


def _record(obj: Any, origin: str, encoding: str) -> Item:
    if not isinstance(obj, dict):
        return InputError(origin, f"expected a JSON object, got {type(obj).__name__}")
    text = next((obj[k] for k in _TEXT_KEYS if isinstance(obj.get(k), str)), None)
    if text is None:
        return InputError(origin, "no 'text' field (a document needs text, title, url, published, source)")
    if not text.strip():
        return InputError(origin, "empty 'text' field")
    published = next((obj[k] for k in _DATE_KEYS if obj.get(k) not in (None, "")), None)
    return _document(
        text,
        origin,
        encoding,
        title=obj.get("title"),
        url=obj.get("url") or obj.get("link"),
        source=obj.get("source"),
        published=published,
    )


@_decoded
def read_json(raw: str, origin: str, encoding: str) -> Iterator[Item]:
    """A JSON file: one document object, or a list of them."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        yield InputError(origin, f"invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")
        return
    if isinstance(obj, list):
        for i, item in enumerate(obj, 1):
            yield _record(item, f"{origin}[{i}]", encoding)
    else:
        yield _record(obj, origin, encoding)


@_decoded
def read_jsonl(raw: str, origin: str, encoding: str) -> Iterator[Item]:
    """JSON Lines: one document object a line; a bad line is reported and skipped."""
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON ({exc.msg}, column {exc.colno})")
            continue
        yield _record(obj, where, encoding)


# --- RSS / Atom -----------------------------------------------------------------------


def read_feed(data: bytes, origin: str) -> Iterator[Item]:
    """An RSS or Atom file: one document per entry (its content, or summary)."""
    import feedparser

    if not data.strip():
        yield InputError(origin, "empty file (no text)")
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = (
            f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})" if parsed.bozo else "feed has no entries"
        )
        yield InputError(origin, reason)
        return
    feed_title = parsed.feed.get("title")
    encoding = parsed.get("encoding") or "utf-8"
    for i, entry in enumerate(parsed.entries, 1):
        where = f"{origin}#{i}"
        html = ""
        if entry.get("content"):
            html = entry.content[0].get("value", "")
        html = html or entry.get("summary", "") or entry.get("description", "")
        text, _ = html_to_text(f"<html><body>{html}</body></html>") if "<" in html else (html.strip(), {})
        if not text.strip():
            yield InputError(where, "feed entry has no text")
            continue
        published = None
        for key in ("published_parsed", "updated_parsed"):
            st = entry.get(key)
            if st:
                published = f"{st.tm_year:04d}-{st.tm_mon:02d}-{st.tm_mday:02d}"
                break
        yield _document(
            text,
            where,
            encoding.lower(),
            title=entry.get("title"),
            url=entry.get("link"),
            source=feed_title,
            published=published or entry.get("published"),
        )
