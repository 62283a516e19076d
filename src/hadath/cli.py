"""The ``hadath`` command line: thin wrappers that parse, call the library, and render.

Data goes to standard output; progress, notices and errors go to standard error. A user
error (missing file, bad option, unreadable database) is one line and exit code 2.
"""

from __future__ import annotations

import inspect
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.panel import Panel
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from hadath import __version__
from hadath.errors import HadathError, InputError, UserError
from hadath.export import EVENT_COLUMNS  # GDELT-style event columns (docs/schema.md)
from hadath.model import Document

app = typer.Typer(
    name="hadath",
    help=(
        "hadath (حدث): turn Arabic news articles into structured, searchable events.\n\n"
        "Start with `hadath analyze ARTICLES...` (files, folders, JSON Lines, RSS, or - for stdin); "
        "then `hadath search`, `hadath show` and `hadath stats` read what it stored."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

log = logging.getLogger("hadath.cli")
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)

F = TypeVar("F", bound=Callable[..., Any])

DB_HELP = "SQLite database file (default: $HADATH_DB or hadath.db)."
NER_MODEL_HELP = (
    "NER model: crf (default, fastest), neural (BiLSTM-CRF), ensemble (both: most accurate, "
    "about half the NER speed), or a model file. Default: $HADATH_NER_MODEL or crf."
)
NerModelOption = Annotated[str | None, typer.Option("--ner-model", envvar="HADATH_NER_MODEL", help=NER_MODEL_HELP)]


def _check_ner_model(name: str) -> None:
    """Load the NER model ``name`` now: an unknown name is a usage error, not a failure
    halfway through a batch."""
    from hadath.ner.model import named_tagger

    try:
        named_tagger(name)
    except HadathError as e:
        raise UserError(str(e)) from e


def _use_ner_model(name: str | None) -> None:
    """Make ``name`` (checked) the NER model of this process and of the workers it starts."""
    if name:
        _check_ner_model(name)
        os.environ["HADATH_NER_MODEL"] = name


DbOption = Annotated[Path, typer.Option("--db", envvar="HADATH_DB", help=DB_HELP, dir_okay=False, show_default=True)]


class AnalyzeFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


class ViewFormat(StrEnum):
    text = "text"
    json = "json"


class ListFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


def user_errors(func: F) -> F:
    """Turn ``UserError`` into one line on stderr and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UserError as exc:
            err.print(f"[bold red]error:[/] {exc}", markup=True, soft_wrap=True)
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            err.print("interrupted")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        out.print(f"hadath {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """hadath: an Arabic news event engine."""


def _write_json_line(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _progress(enabled: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} docs"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not enabled,
    )


@app.command()
@user_errors
def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders to read (.txt, .html, .jsonl[.gz], .json, .rss/.atom), or - for stdin.",
            show_default=False,
        ),
    ],
    db: DbOption = Path("hadath.db"),
    fmt: Annotated[
        AnalyzeFormat, typer.Option("--format", "-f", help="table: a summary; jsonl/json: every field and span.")
    ] = AnalyzeFormat.table,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first input that cannot be read.")] = False,
    no_store: Annotated[bool, typer.Option("--no-store", help="Analyze and print only; write no database.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per database transaction.")] = 500,
    link: Annotated[
        bool,
        typer.Option("--stories/--no-stories", help="Link new documents into near-duplicates, events and stories."),
    ] = True,
    ner_model: NerModelOption = None,
) -> None:
    """Read articles, analyze them, store them, link them into stories, and print what was found.

    Each document is identified by a hash of its normalized content, so analysing the same
    article again (re-encoded, re-vowelled) is a no-op. An input that cannot be read gets
    one error line naming it; the batch goes on, and the exit code is 2 only if every input
    failed (or, with --strict, at the first failure).

    Examples:

        hadath analyze examples/seeds

        hadath analyze articles.jsonl.gz --db news.db

        hadath analyze page.html --format jsonl --no-store

        hadath analyze articles.jsonl.gz --ner-model ensemble   # more accurate, slower
    """
    _use_ner_model(ner_model)
    from hadath.cache import batch_gc
    from hadath.ingest import iter_inputs
    from hadath.pipeline import analyze as run_pipeline
    from hadath.store import open_store

    batch_gc()  # a long run of short-lived documents (see hadath.cache)
    store = None if no_store else open_store(db)
    skipped: list[str] = []
    counts = {"new": 0, "stored": 0, "failed": 0}
    rows: list[tuple[Document, str]] = []
    collected: list[dict[str, Any]] = []
    batch: list[Document] = []
    seen: set[str] = set()
    started = time.perf_counter()

    story_index: list[Any] = []  # loaded at the first batch

    def flush() -> None:
        if store is not None and batch:
            stored = store.put_documents(batch)
            if link:
                from hadath.stories.build import update_stories

                new = [d for d, ok in zip(batch, stored, strict=True) if ok]
                story_index[:] = [update_stories(store, new, story_index[0] if story_index else None)]
        batch.clear()

    def emit(doc: Document, status: str) -> None:
        if fmt is AnalyzeFormat.jsonl:
            _write_json_line(doc.to_dict())
        elif fmt is AnalyzeFormat.json:
            collected.append(doc.to_dict())
        elif len(rows) < 50:
            rows.append((doc, status))

    progress = _progress(enabled=True)
    with progress:
        task = progress.add_task("analysing", total=None, visible=False)
        for item in iter_inputs(paths, skipped=skipped):
            if isinstance(item, InputError):
                counts["failed"] += 1
                progress.console.print(f"[red]error:[/] {item}", soft_wrap=True)
                if strict:
                    flush()
                    raise typer.Exit(2)
                continue
            doc = item
            if doc.id in seen or (store is not None and store.has_document(doc.id)):
                counts["stored"] += 1
                stored = store.get_document(doc.id) if store is not None and doc.id not in seen else None
                emit(stored or run_pipeline(doc), "already stored")
            else:
                seen.add(doc.id)
                try:
                    run_pipeline(doc)
                except Exception as exc:  # a bug on one document must not lose the batch
                    counts["failed"] += 1
                    log.exception("analysis of %s failed", doc.origin)
                    progress.console.print(
                        f"[red]error:[/] {doc.origin}: analysis failed ({type(exc).__name__}: {exc}); "
                        "please report it with this document",
                        soft_wrap=True,
                    )
                    if strict:
                        flush()
                        raise typer.Exit(2) from None
                    continue
                counts["new"] += 1
                batch.append(doc)
                emit(doc, "new")
                if len(batch) >= batch_size:
                    flush()
            done = counts["new"] + counts["stored"]
            progress.update(task, completed=done, visible=done > 5)
        flush()
    elapsed = time.perf_counter() - started

    if fmt is AnalyzeFormat.json:
        sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=1) + "\n")
    elif fmt is AnalyzeFormat.table and rows:
        out.print(_analyze_table(rows))
        total = counts["new"] + counts["stored"]
        if total > len(rows):
            out.print(f"… and {total - len(rows)} more")

    total = counts["new"] + counts["stored"]
    rate = f", {total / elapsed:,.0f} docs/s" if elapsed > 0 and total > 20 else ""
    where = "" if store is None else f" → {db}"
    summary = (
        f"{total} document{'s' if total != 1 else ''} analysed ({counts['new']} new, "
        f"{counts['stored']} already stored), {counts['failed']} failed in {elapsed:.1f} s{rate}{where}"
    )
    err.print(summary, soft_wrap=True)
    if skipped:
        shown = ", ".join(Path(s).name for s in skipped[:5]) + (" …" if len(skipped) > 5 else "")
        err.print(
            f"skipped {len(skipped)} file{'s' if len(skipped) != 1 else ''} of a type hadath does not read "
            f"in folders ({shown}); name a file explicitly to read it",
            soft_wrap=True,
        )
    if store is not None:
        store.close()
    if counts["failed"] and total == 0:
        err.print("error: every input failed; nothing was analysed")
        raise typer.Exit(2)


def _analyze_table(rows: list[tuple[Document, str]]) -> Table:
    table = Table(show_lines=False)
    table.add_column("id", no_wrap=True, min_width=16)
    table.add_column("date", no_wrap=True)
    for col in ("source", "title / first words", "names", "events", "status"):
        table.add_column(col, overflow="fold" if col.startswith("title") else "ellipsis")
    inferred = False
    for doc, status in rows:
        head = doc.title or " ".join(doc.text.split()[:8]) + " …"
        date = doc.publication_date or "—"
        if doc.publication_date_source == "inferred":
            date, inferred = f"~{date}", True
        names = sum(1 for m in doc.mentions if m.type != "DATE")
        table.add_row(doc.id, date, doc.source or "—", head, str(names), str(len(doc.events)), status)
    if inferred:
        table.caption = "~ publication date inferred from the text"
    return table


def _open_existing(db: Path) -> Any:
    from hadath.store import open_store

    return open_store(db, create=False)


@app.command()
@user_errors
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id, or a unique prefix of it.", show_default=False)],
    db: DbOption = Path("hadath.db"),
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="text or json.")] = ViewFormat.text,
) -> None:
    """Show one stored document: metadata, text and analysis counts.

    Example: hadath show 3f2a9c
    """
    with _open_existing(db) as store:
        doc = store.get_document(doc_id)
    if doc is None:
        raise UserError(f"no document {doc_id!r} in {db} (see `hadath search` or `hadath stats`)")
    if fmt is ViewFormat.json:
        sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=1) + "\n")
        return
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    date = doc.publication_date or "—"
    if doc.publication_date_source and doc.publication_date:
        date += f" ({doc.publication_date_source})"
    for key, value in (
        ("id", doc.id),
        ("title", doc.title or "—"),
        ("source", doc.source or "—"),
        ("date", date),
        ("url", doc.url or "—"),
        ("origin", doc.origin or "—"),
        ("encoding", str(doc.meta.get("encoding", "—"))),
        (
            "analysis",
            f"{len(doc.sentences)} sentences, {len(doc.tokens)} tokens; stages: {', '.join(doc.stages) or '—'}",
        ),
    ):
        meta.add_row(key, value)
    out.print(meta)
    out.print(Panel(doc.text, title="text", title_align="left"))
    if doc.mentions:
        out.print(_mentions_table(doc))


def _resolved(m: Any) -> str:
    """One line saying what a mention resolves to."""
    if m.resolution is None:
        return "—"
    v = m.resolution.value
    if m.resolution.kind == "place":
        where = f"{v.get('name')} ({v.get('kind')}, {v.get('country_code') or '—'})"
        gid = f" GeoNames {v['geonames']}" if v.get("geonames") else f" {v.get('id')}"
        return f"{where}{gid} {v.get('lat', 0):.2f},{v.get('lon', 0):.2f}"
    if m.resolution.kind == "date":
        if v.get("value"):
            return f"{v['value']} ({v.get('granularity')}, {v.get('kind')})"
        return f"unresolved: needs {v.get('needs', '?')}"
    parts = [v.get("code") or v.get("agent") or "?"]
    if v.get("role"):
        parts.append(v["role"])
    if v.get("kind") and v.get("kind") not in ("actor",):
        parts.append(v["kind"])
    return ", ".join(parts)


def _mentions_table(doc: Document) -> Table:
    table = Table(title="what hadath found")
    for col in ("span", "type", "text", "resolves to", "score", "why"):
        table.add_column(col, overflow="fold")
    for m in doc.mentions:
        score = f"{m.resolution.score:.2f}" if m.resolution else f"{m.score:.2f}"
        why = m.resolution.reason if m.resolution else m.source
        table.add_row(f"{m.start}-{m.end}", m.type, m.text, _resolved(m), score, why)
    return table


@app.command()
@user_errors
def search(
    query: Annotated[
        str,
        typer.Argument(
            help='Words to find (all must occur); "quoted words" form a phrase. '
            "Diacritics, letter variants and clitics (و ب ل ال …) do not matter.",
            show_default=False,
        ),
    ],
    db: DbOption = Path("hadath.db"),
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most results to show.")] = 20,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="table or jsonl.")] = ListFormat.table,
) -> None:
    """Full-text search of stored documents, best match first.

    Example: hadath search "والجزائر"   (finds الجزائر, بالجزائر, الجَزائِر …)
    """
    with _open_existing(db) as store:
        hits = store.search(query, limit=limit)
    if fmt is ListFormat.jsonl:
        for h in hits:
            _write_json_line(
                {
                    "id": h.doc_id,
                    "title": h.title,
                    "source": h.source,
                    "publication_date": h.publication_date,
                    "score": round(h.score, 4),
                    "snippet": h.snippet,
                }
            )
        return
    if not hits:
        err.print(f"no documents match {query!r}")
        return
    table = Table()
    table.add_column("#")
    table.add_column("id", no_wrap=True, min_width=16)
    for col in ("date", "source", "snippet"):
        table.add_column(col, overflow="fold" if col == "snippet" else "ellipsis")
    for i, h in enumerate(hits, 1):
        snippet = Text(h.snippet)
        for s, e in h.highlights:
            snippet.stylize("bold yellow", s, e)
        table.add_row(str(i), h.doc_id, h.publication_date or "—", h.source or "—", snippet)
    out.print(table)


@app.command()
@user_errors
def stats(
    db: DbOption = Path("hadath.db"),
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="text or json.")] = ViewFormat.text,
) -> None:
    """What the database holds: documents, sources, dates, size."""
    with _open_existing(db) as store:
        s = store.stats()
    if fmt is ViewFormat.json:
        sys.stdout.write(json.dumps(s, ensure_ascii=False, indent=1) + "\n")
        return
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    size = s["size_bytes"]
    grid.add_row(
        "database", f"{s['path']} (schema {s['schema_version']}" + (f", {size / 1e6:.1f} MB)" if size else ")")
    )
    grid.add_row("documents", f"{s['documents']:,} ({s['analysed']:,} analysed, {s['undated']:,} without date)")
    grid.add_row("dates", f"{s['first_date'] or '—'} … {s['last_date'] or '—'}")
    if s.get("event_types"):
        kinds = ", ".join(f"{k} {v:,}" for k, v in s["event_types"].items())
        grid.add_row("events", f"{s['events']:,} ({kinds})")
    if s.get("stories"):
        grid.add_row(
            "stories",
            f"{s['stories']:,} ({s['multi_outlet_stories']:,} told by several outlets); "
            f"{s['near_duplicates']:,} near-duplicate reports",
        )
    out.print(grid)
    if s["sources"]:
        table = Table(title="sources")
        table.add_column("source")
        table.add_column("documents", justify="right")
        for name, n in s["sources"].items():
            table.add_row(name, f"{n:,}")
        out.print(table)


@app.command()
@user_errors
def stories(
    db: DbOption = Path("hadath.db"),
    min_docs: Annotated[int, typer.Option("--min-docs", min=1, help="Only stories with this many reports.")] = 1,
    min_events: Annotated[
        int, typer.Option("--min-events", min=1, help="Only stories with this many distinct events.")
    ] = 1,
    min_outlets: Annotated[
        int, typer.Option("--min-outlets", min=0, help="Only stories told by this many outlets (2: multi-outlet).")
    ] = 0,
    actor: Annotated[str | None, typer.Option("--actor", "-a", help="An actor code or its start (DZA).")] = None,
    family: Annotated[str | None, typer.Option("--family", help="diplomacy, cooperation, dispute or conflict.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most stories to list.")] = 30,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="table or jsonl.")] = ListFormat.table,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Forget stored links and link every stored document again.")
    ] = False,
    dup_threshold: Annotated[
        float | None,
        typer.Option(min=0.05, max=0.95, help="With --rebuild: Jaccard of word 3-shingles for near-duplicates (0.5)."),
    ] = None,
    event_threshold: Annotated[
        float | None, typer.Option(min=0.0, max=1.0, help="With --rebuild: same-event score to link reports (0.3).")
    ] = None,
    gap_days: Annotated[
        int | None, typer.Option(min=0, help="With --rebuild: days between events that keeps a story going (45).")
    ] = None,
) -> None:
    """List stories: events of one family between the same actors, linked across reports,
    outlets and years, the most reported first.

    `hadath analyze` links new documents as it stores them; --rebuild links everything again
    (after changing a threshold, or for a database analysed with --no-stories).

    Examples:

        hadath stories --min-outlets 2

        hadath stories --actor DZA --family cooperation

        hadath stories --rebuild --dup-threshold 0.6
    """
    settings = {"dup_threshold": dup_threshold, "event_threshold": event_threshold, "gap_days": gap_days}
    if not rebuild and any(v is not None for v in settings.values()):
        raise UserError("thresholds apply when links are built: add --rebuild")
    with _open_existing(db) as store:
        if rebuild:
            from hadath.stories.build import rebuild_stories

            total = store.stats()["documents"]
            progress = _progress(enabled=True)
            with progress:
                task = progress.add_task("linking", total=total)
                rebuild_stories(store, progress=lambda n: progress.update(task, completed=n), **settings)
        rows = list(
            store.stories(
                min_documents=min_docs,
                min_events=min_events,
                min_outlets=min_outlets,
                actor=actor,
                family=family,
                limit=limit,
            )
        )
        s = store.stats()
    if fmt is ListFormat.jsonl:
        for r in rows:
            _write_json_line(r)
        return
    if not rows:
        err.print("no stories match" + ("" if s["stories"] else " (none linked yet: try hadath stories --rebuild)"))
        return
    table = Table(
        caption=f"{s['stories']:,} stories ({s['multi_outlet_stories']:,} told by several outlets), "
        f"{s['near_duplicates']:,} near-duplicate reports; `hadath story ID` shows one"
    )
    table.add_column("story", no_wrap=True)
    table.add_column("title / gist", overflow="fold", ratio=1)
    for r in rows:
        table.add_row(r["id"], f"[bold]{r['title']}[/]\n{r['attributes']['gist']}")
    out.print(table)


@app.command()
@user_errors
def story(
    story_id: Annotated[str, typer.Argument(help="Story id (or a unique prefix), from `hadath stories`.")],
    db: DbOption = Path("hadath.db"),
    sentences: Annotated[int, typer.Option("--sentences", min=1, help="Sentences in the summary.")] = 3,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="text or json.")] = ViewFormat.text,
) -> None:
    """One story: its timeline of events, its reports, a summary and what each report says
    that the others do not.

    Example: hadath story st-1a2b3c
    """
    from hadath.stories.build import story_report

    with _open_existing(db) as store:
        r = story_report(store, story_id, summary_sentences=sentences)
    if fmt is ViewFormat.json:
        sys.stdout.write(json.dumps(r, ensure_ascii=False, indent=1) + "\n")
        return
    a = r["attributes"]
    out.print(Panel(f"{a['gist']}", title=f"{r['id']}: {r['title']}", title_align="left"))
    timeline = Table(title="timeline (one row per event; reports of the same event are merged)")
    for col in ("date", "event", "reports", "gist / evidence"):
        timeline.add_column(col, overflow="fold")
    for t in r["timeline"]:
        timeline.add_row(
            str(t["date"] or "—"),
            f"{t['type']}/{t['mode'] or '—'}",
            str(len(t["reports"])),
            f"{t['gist']}\n{t['evidence'] or ''}",
        )
    out.print(timeline)
    docs = Table(title="reports")
    for col in ("id", "date", "outlet", "title", "near-duplicate of"):
        docs.add_column(col, overflow="fold")
    for d in r["documents"]:
        docs.add_row(d["id"], d["published"] or "—", d["outlet"] or "—", d["title"] or "—", d["duplicate_of"] or "")
    out.print(docs)
    if r["more_documents"]:
        out.print(f"… and {r['more_documents']} more reports")
    out.print("[bold]summary[/]")
    for s in r["summary"]:
        src = ", ".join(x for x in (s["outlet"], s["published"], s["doc_id"]) if x)
        out.print(f"• {s['text']}  [dim]({src})[/]")
    cmp_ = r["comparison"]
    if len(cmp_["reports"]) > 1:
        out.print("[bold]comparison of reports[/]")
        if cmp_["shared"]:
            out.print("  all reports give: " + "; ".join(f"{k}: {', '.join(v)}" for k, v in cmp_["shared"].items()))
        for rep in cmp_["reports"]:
            who = ", ".join(x for x in (rep["outlet"], rep["published"], rep["doc_id"]) if x)
            only = "; ".join(f"{k}: {', '.join(v)}" for k, v in rep["only_here"].items()) or "nothing of its own"
            out.print(f"  only in {who}: {only}")
        for d in cmp_["disagreements"]:
            vals = "; ".join(f"{k}: {v}" for k, v in d["values"].items())
            out.print(f"  [yellow]disagree[/] on {d['field']}{' (' + d['item'] + ')' if d.get('item') else ''}: {vals}")


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command()
@user_errors
def export(
    db: DbOption = Path("hadath.db"),
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = ExportFormat.jsonl,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the files into.", file_okay=False)] = (
        Path("export")
    ),
    tables: Annotated[
        str, typer.Option("--tables", help="Comma-separated: documents, mentions, events, stories.")
    ] = "documents,mentions,events,stories",
) -> None:
    """Write documents, mentions, events and stories as files (one per table) for analysis
    in other tools: pandas, R, DuckDB, spreadsheets.

    Columns are flat in CSV and Parquet (events use the GDELT-style names of `hadath events`
    plus cluster_id and story_id); JSON Lines keeps every field.

    Example: hadath export --format parquet --out out/
    """
    from hadath.export import TABLES, export_tables

    wanted = [t.strip() for t in tables.split(",") if t.strip()]
    unknown = [t for t in wanted if t not in TABLES]
    if unknown:
        raise UserError(f"unknown table(s) {', '.join(unknown)}; choose from {', '.join(TABLES)}")
    with _open_existing(db) as store:
        written = export_tables(store, out_dir, fmt.value, wanted, event_columns=EVENT_COLUMNS)
    for name, (path, n) in written.items():
        err.print(f"{name}: {n:,} rows → {path}")


eval_app = typer.Typer(
    help="Score hadath against gold files: precision, recall and F1.", no_args_is_help=True, add_completion=False
)
train_app = typer.Typer(
    help="Train hadath's models from the project's data (results ship in the package).",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")

SHARED_NER = Path(__file__).resolve().parents[3] / "shared" / "data" / "ner"  # beside the checkout


@eval_app.command("events")
@user_errors
def eval_events(
    gold: Annotated[Path, typer.Option("--gold", help="Gold events in the format of examples/seeds/expected.json.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Precision, recall and F1 of event coding (type, source and target right, evidence
    overlapping), and per-field accuracy (mode, items, place, date) of the matched events.

    Example: hadath eval events --gold examples/seeds/expected.json
    """
    from hadath.events.evaluate import evaluate_events

    r = evaluate_events(gold)
    if as_json:
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    out.print(
        f"events on {gold}: {r['gold_events']} gold, {r['predicted_events']} predicted in {r['documents']} documents"
    )
    out.print(f"precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}")
    if r["fields"]:
        out.print("fields of matched events: " + ", ".join(f"{k} {v:.2f}" for k, v in r["fields"].items()))
    table = Table()
    for col in ("document", "gold event", "found"):
        table.add_column(col)
    for e in r["events"]:
        table.add_row(e["document"], e["gold"], "yes" if e["found"] else "[red]no[/]")
    out.print(table)


@eval_app.command("stories")
@user_errors
def eval_stories(
    gold: Annotated[
        Path, typer.Option("--gold", help="Gold events and links in the format of examples/seeds/expected.json.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Pairwise precision, recall and F1 of same-event and same-story links between the gold
    events (each gold event is matched to a coded event as `eval events` does).

    Example: hadath eval stories --gold examples/seeds/expected.json
    """
    from hadath.stories.evaluate import evaluate_stories

    r = evaluate_stories(gold)
    if as_json:
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    out.print(f"stories on {gold}: {r['gold_events']} gold events ({r['matched_events']} coded), {r['pairs']} pairs")
    table = Table()
    for col in ("link", "precision", "recall", "F1", "gold pairs", "predicted pairs"):
        table.add_column(col, justify="left" if col == "link" else "right")
    for k in ("same_event", "same_story"):
        x = r[k]
        table.add_row(
            k.replace("_", " "),
            f"{x['precision']:.3f}",
            f"{x['recall']:.3f}",
            f"{x['f1']:.3f}",
            str(x["gold"]),
            str(x["predicted"]),
        )
    out.print(table)
    if r.get("near_duplicates") is not None:
        nd = r["near_duplicates"]
        out.print(f"near-duplicates: precision {nd['precision']:.3f} recall {nd['recall']:.3f} F1 {nd['f1']:.3f}")


class EventFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


@app.command()
@user_errors
def events(
    db: DbOption = Path("hadath.db"),
    type_: Annotated[
        str | None, typer.Option("--type", "-t", help="PLOVER event type: AID, CONSULT, ASSAULT …")
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", "-a", help="Source or target code, or its start: DZA finds DZAGOV, DZAMIL.")
    ] = None,
    source: Annotated[str | None, typer.Option("--source", help="Source actor code (or its start).")] = None,
    target: Annotated[str | None, typer.Option("--target", help="Target actor code (or its start).")] = None,
    no_negated: Annotated[bool, typer.Option("--no-negated", help="Leave out negated events.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1, help="Most events to list.")] = None,
    fmt: Annotated[EventFormat, typer.Option("--format", "-f", help="table, jsonl or csv.")] = EventFormat.table,
) -> None:
    """List coded events: who did what to whom, where and when, with evidence.

    CSV and JSONL columns follow GDELT's names where GDELT has one (Actor1Code, EventCode,
    ActionGeo_Lat …) and PLOVER's otherwise; docs/schema.md has the mapping.

    Example: hadath events --type AID --actor DZA
    """
    from hadath.store import EventFilter

    f = EventFilter(type=type_, actor=actor, source=source, target=target, include_negated=not no_negated, limit=limit)
    with _open_existing(db) as store:
        rows = list(store.events(f))
    if fmt is EventFormat.jsonl:
        for e in rows:
            _write_json_line(e)
        return
    if fmt is EventFormat.csv:
        import csv

        w = csv.writer(sys.stdout)
        w.writerow([name for name, _ in EVENT_COLUMNS])
        for e in rows:
            w.writerow([get(e) for _, get in EVENT_COLUMNS])
        return
    if not rows:
        err.print("no events match")
        return
    table = Table()
    table.add_column("date", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("source → target", no_wrap=True)
    for col in ("where", "items / means", "evidence"):
        table.add_column(col, overflow="fold")
    for e in rows:
        flags = (" [red]negated[/]" if e.get("negated") else "") + (
            f" ({e['modality']})" if e.get("modality") not in (None, "asserted") else ""
        )
        what = " | ".join(a["text"] for a in e.get("arguments", []) if a["role"] in ("item", "means"))
        table.add_row(
            str((e.get("date") or {}).get("value") or e["document"]["publication_date"] or "—"),
            f"{e['type']}/{e.get('mode') or '—'}\n{e.get('cameo') or ''}{flags}",
            f"{e.get('source') or '?'} → {e.get('target') or '?'}",
            (e.get("place") or {}).get("name") or (e.get("place") or {}).get("text") or "—",
            what or "—",
            e["evidence"],
        )
    out.print(table)


@eval_app.command("ner")
@user_errors
def eval_ner(
    gold: Annotated[Path, typer.Option("--gold", help="CoNLL file: 'token TAG' a line, blank line between sentences.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            envvar="HADATH_NER_MODEL",
            help="crf, neural, ensemble (the shipped models) or a model file: crfsuite, BiLSTM-CRF .npz or "
            "ensemble .json (default: $HADATH_NER_MODEL or crf).",
        ),
    ] = None,
    rules: Annotated[bool, typer.Option("--rules/--no-rules", help="Run the rules after the model.")] = True,
    nominal: Annotated[
        bool,
        typer.Option("--nominal", help="Also score nominal actor phrases (الجيش المالي), which ANERcorp does not tag."),
    ] = False,
) -> None:
    """Entity-level precision, recall and F1 of the NER model (exact span and type, CoNLL
    style, micro-averaged), overall and per type, and tagging speed.

    Example: hadath eval ner --gold ../shared/data/ner/anercorp-test.conll --json
    """
    from hadath.ner import evaluate

    if model is not None:
        _check_ner_model(model)
    r = evaluate(gold, model, rules=rules, nominal=nominal)
    if as_json:
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"NER ({r['model']}) on {gold} ({r['sentences']:,} sentences, {r['tokens']:,} tokens)")
    for col in ("type", "precision", "recall", "F1", "support"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for typ, s in r["per_type"].items():
        table.add_row(typ, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", str(s["support"]))
    support = sum(s["support"] for s in r["per_type"].values())
    table.add_row(
        "all (micro)", f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}", str(support), style="bold"
    )
    out.print(table)
    out.print(f"{r['tokens_per_second']:,} tokens/s (features, tagging and rules, one process)")


@train_app.command("ner")
@user_errors
def train_ner(
    train_file: Annotated[
        Path, typer.Option("--train", help="CoNLL training file (ANERcorp train split).")
    ] = SHARED_NER / "anercorp-train.conll",
    out_path: Annotated[
        Path | None,
        typer.Option("--out", help="Where to write the model (default: inside the package). With --neural: a folder."),
    ] = None,
    neural: Annotated[
        bool,
        typer.Option(
            "--neural",
            help="Train the BiLSTM-CRF (torch, CPU; needs pip install -e '.[train]') and combine it with the "
            "shipped CRF, the weight chosen on the dev split.",
        ),
    ] = False,
    vectors: Annotated[
        Path | None,
        typer.Option("--vectors", help="With --neural: word2vec vectors of the corpus (scripts/train_clusters.py)."),
    ] = None,
    silver: Annotated[
        Path | None,
        typer.Option(
            "--silver",
            help="Silver sentences (corpus articles tagged by a stronger teacher, "
            "scripts/distill_ner.py); default: training/ner-silver.tsv.gz when it exists.",
        ),
    ] = None,
    no_silver: Annotated[bool, typer.Option("--no-silver", help="Train on ANERcorp alone.")] = False,
    epochs: Annotated[
        int | None,
        typer.Option("--epochs", min=1, help="With --neural: epochs to train (default: 30, or 9 with silver)."),
    ] = None,
    refit: Annotated[
        bool,
        typer.Option(
            "--refit/--no-refit",
            help="With --neural: train the BiLSTM-CRF again on the whole train file for the chosen epochs.",
        ),
    ] = True,
) -> None:
    """Train the NER model.

    Without --neural: tune the CRF's regularization on a dev split (the last tenth of the
    train file), then its bonuses (how strongly a name tagged in one sentence is favoured
    where else it occurs in the document, and a name of the name memory,
    scripts/build_name_memory.py), then train on all of it and write crf.model with its
    manifest (about eight minutes on one core). The silver sentences of
    training/ner-silver.tsv.gz (real articles tagged by a slower, more accurate teacher;
    their words are read from the SaudiNewsNet corpus) join the training data unless
    --no-silver: about an hour on one core, one regularization setting.

    With --neural: train the BiLSTM-CRF on the first nine tenths (and the silver
    sentences), keep the epoch with the best dev F1, choose the weight of the CRF in the
    ensemble on the dev split (with a CRF trained on the same nine tenths, and the silver
    sentences the shipped CRF was trained with) and each model's bonuses, then train the
    BiLSTM-CRF again on the whole file for that many epochs, and write bilstm.npz,
    bilstm.json and ensemble.json (about 25 minutes on two cores without silver; with
    silver about 5 minutes an epoch, twice, plus half an hour for the dev-fold CRF).
    The test split is never read.
    """
    from hadath.ner.train import CORPUS, PACKAGE_MODEL, SILVER, TrainConfig, load_silver, silver_digest, train

    if not train_file.exists():
        raise UserError(f"{train_file}: no such file (pass --train PATH to ANERcorp's train split)")
    folder = out_path or PACKAGE_MODEL.parent
    if neural:
        try:
            import torch  # noqa: F401
        except ImportError as e:
            raise UserError("--neural needs torch: pip install -e '.[train]'") from e
        if vectors is not None and not vectors.exists():
            raise UserError(f"{vectors}: no such file (scripts/train_clusters.py writes the corpus vectors)")
        if not (folder / "crf.json").exists():
            raise UserError(f"{folder / 'crf.json'}: train the CRF first (hadath train ner)")
    if silver is not None and not silver.exists():
        raise UserError(f"{silver}: no such file (scripts/distill_ner.py pack writes it)")
    silver = None if no_silver else silver or (SILVER if SILVER.exists() else None)
    if silver is not None and not CORPUS.exists():
        raise UserError(f"{CORPUS}: the silver sentences' words come from this corpus (or pass --no-silver)")
    if not neural:
        info = train(
            train_file,
            out_path or PACKAGE_MODEL,
            report=lambda s: err.print(s),
            silver=silver,
            compress=out_path is None,  # the package stores crf.model.xz
        )
        out.print(json.dumps(info, indent=1))
        return
    from hadath.ner.train_neural import SILVER_MAX_WORDS, NeuralConfig, refit_neural, train_neural, tune_ensemble

    crf_manifest = json.loads((folder / "crf.json").read_text("utf-8"))
    crf_config = TrainConfig(**crf_manifest["config"])
    # the ensemble's weight is chosen with a dev-fold CRF trained as the shipped one was
    recorded = crf_manifest.get("silver")
    if recorded and (silver is None or silver_digest(silver) != recorded["sha256"]):
        raise UserError(
            f"the CRF in {folder} was trained with the silver sentences of {recorded['file']} "
            f"(sha256 {recorded['sha256'][:12]}…): pass that file as --silver, or train the CRF again first"
        )
    extra = load_silver(silver, report=err.print) if silver is not None else []
    cfg = NeuralConfig(
        epochs=epochs or (9 if extra else 30),
        vectors=str(vectors) if vectors else None,
        max_words=SILVER_MAX_WORDS if extra else None,
    )
    info = train_neural(train_file, folder / "bilstm.npz", cfg, report=err.print, silver=extra, silver_path=silver)
    manifest = tune_ensemble(
        train_file, folder / "bilstm.npz", crf_config, report=err.print, silver=extra if recorded else ()
    )
    if refit and manifest["crf_weight"] is not None:
        info = refit_neural(train_file, folder / "bilstm.npz", info, report=err.print, silver=extra)
    (folder / "ensemble.json").write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    out.print(json.dumps({"neural": info, "ensemble": manifest}, indent=1))


def reflow_help(doc: str) -> str:
    """A command's docstring as its ``--help`` text: the lines of each prose paragraph
    joined, so that rich wraps them at the terminal's width (it keeps the docstring's
    line breaks otherwise, and its lines are longer than an 80-column terminal);
    paragraphs with indented lines (examples) keep theirs."""
    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(
        p if any(line.startswith(" ") for line in p.splitlines()) else " ".join(p.split("\n")) for p in paragraphs
    )


def _reflow_commands(*apps: typer.Typer) -> None:
    for a in apps:
        for command in a.registered_commands:
            if command.help is None and command.callback is not None and command.callback.__doc__:
                command.help = reflow_help(command.callback.__doc__)


_reflow_commands(app, eval_app, train_app)


def run() -> None:  # pragma: no cover - console-script entry point
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    app()


def _iter_commands() -> Iterator[str]:
    """Names of every command, groups included (``eval ner``; used by the docs test)."""
    for cmd in app.registered_commands:
        yield cmd.name or cmd.callback.__name__  # type: ignore[union-attr]
    for group in app.registered_groups:
        for cmd in group.typer_instance.registered_commands:  # type: ignore[union-attr]
            yield f"{group.name} {cmd.name or cmd.callback.__name__}"  # type: ignore[union-attr]
