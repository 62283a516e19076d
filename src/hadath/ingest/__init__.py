"""Ingest: files, directories and standard input into ``Document`` objects.

``iter_inputs(paths)`` yields a ``Document`` for every article it reads and an
``InputError`` for every input (or line, or feed entry) it cannot read, naming the input
and the reason; it never stops the batch. Formats: plain text (UTF-8 or Windows-1256),
HTML (main text), JSON / JSON Lines (plain or gzipped), RSS/Atom. ``-`` reads standard
input. Directories are walked recursively in name order; hidden files are skipped, and so
are files whose type hadath does not read (reported through ``skipped``).
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from hadath.errors import InputError
from hadath.ingest.formats import Item, read_feed, read_html, read_json, read_jsonl, read_text, sniff_format
from hadath.model import Document

__all__ = ["DIRECTORY_SUFFIXES", "InputError", "iter_inputs", "read_bytes"]

Reader = Callable[[bytes, str], Iterator[Item]]

_READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "feed": read_feed,
}
_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
DIRECTORY_SUFFIXES = frozenset(set(_BY_SUFFIX) - {".json"} | {""})
"""Suffixes read when walking a directory (``.json`` files there are usually not articles:
name them explicitly to read them)."""

_GZIP_MAGIC = b"\x1f\x8b"


def _format_for(name: str, data: bytes) -> str:
    suffix = Path(name).suffix.lower()
    fmt = _BY_SUFFIX.get(suffix)
    if fmt == "json" and data.lstrip()[:1] == b"{" and b"\n{" in data.strip():
        return "jsonl"  # a .json file that is really JSON Lines
    if fmt is not None and fmt != "feed":
        return fmt
    head = data[:4096]
    try:
        head_text = head.decode("utf-8", errors="replace")
    except Exception:  # pragma: no cover - decode with replace never raises
        head_text = ""
    sniffed = sniff_format(head_text)
    if fmt == "feed":
        return "feed" if sniffed in ("feed", "html") else sniffed
    return sniffed


def read_bytes(data: bytes, origin: str, name: str | None = None) -> Iterator[Item]:
    """Read one input's raw bytes (gzip is detected by its magic number)."""
    name = name or origin
    if data.startswith(_GZIP_MAGIC):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            yield InputError(origin, f"corrupt gzip file ({exc})")
            return
        if name.lower().endswith(".gz"):
            name = name[:-3]
    yield from _READERS[_format_for(name, data)](data, origin)


def _read_path(path: Path) -> Iterator[Item]:
    origin = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        yield InputError(origin, "no such file or directory")
        return
    except PermissionError:
        yield InputError(origin, "permission denied")
        return
    except IsADirectoryError:
        yield InputError(origin, "is a directory")
        return
    except OSError as exc:
        yield InputError(origin, exc.strerror or str(exc))
        return
    yield from read_bytes(data, origin, path.name)


def _walk(directory: Path, skipped: list[str]) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        rel = path.relative_to(directory)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        name = path.name.lower()
        suffix = Path(name[:-3]).suffix if name.endswith(".gz") else path.suffix.lower()
        if suffix in DIRECTORY_SUFFIXES:
            yield path
        else:
            skipped.append(str(path))


def iter_inputs(
    inputs: Iterable[str | Path],
    stdin: BinaryIO | None = None,
    skipped: list[str] | None = None,
) -> Iterator[Document | InputError]:
    """Documents (and errors) from every input, in order.

    Args:
        inputs: file paths, directory paths (walked recursively) or ``-`` for stdin.
        stdin: the stream ``-`` reads (default: ``sys.stdin.buffer``).
        skipped: if given, receives the files a directory walk passed over (unknown type).
    """
    skipped = skipped if skipped is not None else []
    for raw in inputs:
        if str(raw) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_bytes(stream.read(), "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for file in _walk(path, skipped):
                found = True
                yield from _read_path(file)
            if not found:
                yield InputError(str(path), "directory has no readable files (.txt, .html, .jsonl, .rss ...)")
        else:
            yield from _read_path(path)
