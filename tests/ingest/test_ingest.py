from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from hadath.errors import InputError
from hadath.ingest import iter_inputs
from hadath.ingest.decode import parse_date
from hadath.model import Document

ARTICLE = "قررت السلطات الجزائرية تدعيم جيش جمهورية مالي المجاورة بمعدات عسكرية."


def read(*paths: str | Path, stdin: bytes | None = None) -> tuple[list[Document], list[InputError], list[str]]:
    skipped: list[str] = []
    items = list(iter_inputs(paths, stdin=io.BytesIO(stdin) if stdin is not None else None, skipped=skipped))
    return (
        [i for i in items if isinstance(i, Document)],
        [i for i in items if isinstance(i, InputError)],
        skipped,
    )


def test_ingest_utf8_text(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, "utf-8")
    docs, errors, _ = read(p)
    assert errors == [] and len(docs) == 1
    assert docs[0].text == ARTICLE
    assert docs[0].meta["encoding"] == "utf-8"
    assert docs[0].publication_date is None


def test_ingest_windows_1256_detected_and_reported(tmp_path: Path) -> None:
    p = tmp_path / "old.txt"
    p.write_bytes(ARTICLE.encode("cp1256"))
    docs, errors, _ = read(p)
    assert errors == []
    assert docs[0].text == ARTICLE
    assert docs[0].meta["encoding"] == "windows-1256"
    # same content, other encoding: same document id
    q = tmp_path / "new.txt"
    q.write_text(ARTICLE, "utf-8")
    assert read(q)[0][0].id == docs[0].id


def test_ingest_utf8_bom(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    docs, _, _ = read(p)
    assert docs[0].text == ARTICLE


def test_ingest_html_main_text_and_metadata(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(
        """<!doctype html><html><head><title>موقع | خبر</title>
        <meta property="og:title" content="الجزائر تدعم مالي">
        <meta property="article:published_time" content="2013-02-01T10:00:00+01:00">
        <meta property="og:site_name" content="العرب اليوم">
        <link rel="canonical" href="https://example.org/news/1">
        <script>var x = "لا تظهر";</script></head>
        <body><nav>الرئيسية | أخبار</nav>
        <article><h1>الجزائر تدعم مالي</h1><p>قررت السلطات الجزائرية تدعيم جيش مالي.</p>
        <p>وقالت المصادر إن الشحنة وصلت.</p></article>
        <footer>حقوق النشر</footer></body></html>""",
        "utf-8",
    )
    docs, errors, _ = read(p)
    assert errors == []
    d = docs[0]
    assert d.title == "الجزائر تدعم مالي"
    assert d.publication_date == "2013-02-01T10:00:00+01:00"
    assert d.source == "العرب اليوم"
    assert d.url == "https://example.org/news/1"
    assert d.text == "قررت السلطات الجزائرية تدعيم جيش مالي.\n\nوقالت المصادر إن الشحنة وصلت."
    assert "لا تظهر" not in d.text and "الرئيسية" not in d.text and "حقوق" not in d.text


def test_ingest_jsonl_plain_and_gzipped_with_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": ARTICLE, "title": "t1", "url": "u1", "published": "2015-08-11", "source": "sabq"}),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "نص ثان عن النيجر", "published": "Tue, 11 Aug 2015 10:00:00 GMT"}),
    ]
    raw = ("\n".join(lines) + "\n").encode()
    plain = tmp_path / "a.jsonl"
    plain.write_bytes(raw)
    gz = tmp_path / "b.jsonl.gz"
    gz.write_bytes(gzip.compress(raw))
    for path in (plain, gz):
        docs, errors, _ = read(path)
        assert [d.title for d in docs] == ["t1", None]
        assert docs[0].publication_date == "2015-08-11"
        assert docs[0].source == "sabq" and docs[0].url == "u1"
        assert docs[1].publication_date == "2015-08-11T10:00:00+00:00"
        assert [e.origin for e in errors] == [f"{path}:2", f"{path}:3"]
        assert "invalid JSON" in errors[0].reason and "no 'text' field" in errors[1].reason


def test_ingest_json_list(tmp_path: Path) -> None:
    p = tmp_path / "docs.json"
    p.write_text(json.dumps([{"text": ARTICLE}, {"text": "نص آخر"}], ensure_ascii=False), "utf-8")
    docs, errors, _ = read(p)
    assert len(docs) == 2 and errors == []


def test_ingest_rss_feed(tmp_path: Path) -> None:
    p = tmp_path / "feed.rss"
    p.write_text(
        """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة</title>
        <item><title>خبر أول</title><link>https://example.org/1</link>
        <pubDate>Wed, 16 Jan 2013 08:00:00 GMT</pubDate>
        <description><![CDATA[<p>الجزائر تغلق حدودها مع مالي.</p>]]></description></item>
        <item><title>فارغ</title><description></description></item>
        </channel></rss>""",
        "utf-8",
    )
    docs, errors, _ = read(p)
    assert len(docs) == 1
    assert docs[0].title == "خبر أول" and docs[0].source == "وكالة"
    assert docs[0].publication_date == "2013-01-16"
    assert docs[0].text == "الجزائر تغلق حدودها مع مالي."
    assert len(errors) == 1 and "no text" in errors[0].reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t ", "empty file"),
        (bytes(range(256)) * 4, "binary file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_ingest_unreadable_files_get_one_clear_error(tmp_path: Path, content: bytes, reason: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    docs, errors, _ = read(p)
    assert docs == []
    assert len(errors) == 1
    assert errors[0].origin == str(p) and reason in errors[0].reason


def test_ingest_missing_path(tmp_path: Path) -> None:
    docs, errors, _ = read(tmp_path / "nope.txt")
    assert docs == [] and "no such file or directory" in errors[0].reason


def test_ingest_batch_goes_on_after_a_failure(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, "utf-8")
    docs, errors, _ = read(tmp_path / "missing.txt", tmp_path / "good.txt")
    assert len(docs) == 1 and len(errors) == 1


def test_ingest_directory_recursive_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("نص ب", "utf-8")
    (tmp_path / "a.txt").write_text("نص أ", "utf-8")
    (tmp_path / ".hidden.txt").write_text("مخفي", "utf-8")
    (tmp_path / "gold.json").write_text("{}", "utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    docs, errors, skipped = read(tmp_path)
    assert [d.text for d in docs] == ["نص أ", "نص ب"]
    assert errors == []
    assert sorted(Path(s).name for s in skipped) == ["gold.json", "image.png"]


def test_ingest_stdin_text_and_jsonl() -> None:
    docs, _, _ = read("-", stdin=ARTICLE.encode())
    assert docs[0].text == ARTICLE and docs[0].origin == "<stdin>"
    docs, _, _ = read("-", stdin=(json.dumps({"text": ARTICLE}) + "\n").encode())
    assert docs[0].text == ARTICLE


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2015-08-11", "2015-08-11"),
        ("2015/8/1", "2015-08-01"),
        ("2013-02-01T10:00:00Z", "2013-02-01T10:00:00+00:00"),
        ("Wed, 16 Jan 2013 08:00:00 GMT", "2013-01-16T08:00:00+00:00"),
        ("yesterday", None),
        ("2015-13-45", None),
        (None, None),
    ],
)
def test_parse_date(raw: str | None, iso: str | None) -> None:
    assert parse_date(raw) == iso


def test_unparseable_date_is_kept_in_meta(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"text": ARTICLE, "published": "الأحد الماضي"}, ensure_ascii=False), "utf-8")
    docs, _, _ = read(p)
    assert docs[0].publication_date is None
    assert docs[0].meta["publication_date_unparsed"] == "الأحد الماضي"
