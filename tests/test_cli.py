from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hadath.cli import app, reflow_help

runner = CliRunner()


def run(*args: str, input: bytes | str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


def test_cli_analyze_seeds_jsonl_spans_map_back(seeds_dir: Path, db: str) -> None:
    r = run("analyze", str(seeds_dir), "--db", db, "--format", "jsonl")
    assert r.exit_code == 0, r.output
    docs = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(docs) == 2
    for d in docs:
        text = d["text"]
        assert len(d["tokens"]) > 400
        for t in d["tokens"]:
            assert text[t["start"] : t["end"]] == t["text"]
        for s in d["sentences"]:
            assert s["start"] < s["end"] <= len(text)
    assert "2 documents analysed (2 new" in r.stderr
    assert "expected.json" in r.stderr  # skipped, and said so


def test_cli_reanalyze_is_noop_but_still_prints(seeds_dir: Path, db: str) -> None:
    run("analyze", str(seeds_dir), "--db", db)
    r = run("analyze", str(seeds_dir), "--db", db, "--format", "jsonl")
    assert r.exit_code == 0
    assert "0 new, 2 already stored" in r.stderr
    assert len(r.stdout.splitlines()) == 2


def test_cli_search_finds_both_seeds(seeds_dir: Path, db: str) -> None:
    run("analyze", str(seeds_dir), "--db", db)
    r = run("search", "والجزائر", "--db", db, "--format", "jsonl")
    assert r.exit_code == 0
    assert len(r.stdout.splitlines()) == 2
    r = run("search", "والجزائر", "--db", db)
    assert "الجزائر" in r.stdout


def test_cli_show_and_stats(seeds_dir: Path, db: str) -> None:
    r = run("analyze", str(seeds_dir), "--db", db, "--format", "json")
    doc_id = json.loads(r.stdout)[0]["id"]
    r = run("show", doc_id[:8], "--db", db)
    assert r.exit_code == 0 and doc_id in r.stdout
    assert "what hadath found" in r.stdout and "GeoNames" in r.stdout
    r = run("show", doc_id, "--db", db, "--format", "json")
    assert json.loads(r.stdout)["id"] == doc_id
    r = run("stats", "--db", db, "--format", "json")
    s = json.loads(r.stdout)
    assert s["documents"] == 2 and s["analysed"] == 2 and s["schema_version"] >= 2 and s["events"] >= 2
    assert run("stats", "--db", db).exit_code == 0


def test_cli_all_inputs_failed_exits_2(tmp_path: Path, db: str) -> None:
    r = run("analyze", str(tmp_path / "missing.txt"), "--db", db)
    assert r.exit_code == 2
    assert "missing.txt: no such file or directory" in r.stderr
    assert "Traceback" not in r.output


def test_cli_partial_failure_exits_0_strict_exits_2(tmp_path: Path, db: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text("الجزائر ترسل مساعدات إلى مالي.", "utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = run("analyze", str(empty), str(good), "--db", db)
    assert r.exit_code == 0
    assert "empty.txt: empty file" in r.stderr and "1 failed" in r.stderr
    r = run("analyze", str(empty), str(good), "--db", db, "--strict")
    assert r.exit_code == 2


def test_cli_stdin(db: str) -> None:
    r = run("analyze", "-", "--db", db, "--format", "jsonl", input="وصل الوفد الجزائري إلى باماكو.".encode())
    assert r.exit_code == 0
    assert json.loads(r.stdout)["origin"] == "<stdin>"


@pytest.mark.parametrize("cmd", [["show", "abc"], ["search", "x"], ["stats"]])
def test_cli_missing_database_is_one_line_exit_2(cmd: list[str], tmp_path: Path) -> None:
    r = run(*cmd, "--db", str(tmp_path / "none.db"))
    assert r.exit_code == 2
    assert r.stderr.strip().count("\n") == 0 and "no database" in r.stderr


def test_cli_unknown_document(seeds_dir: Path, db: str) -> None:
    run("analyze", str(seeds_dir), "--db", db)
    r = run("show", "ffffffffffffffff", "--db", db)
    assert r.exit_code == 2 and "no document" in r.stderr


def test_cli_no_store(seeds_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "never.db"
    r = run("analyze", str(seeds_dir), "--no-store", "--db", str(target), "--format", "jsonl")
    assert r.exit_code == 0 and not target.exists()


def test_cli_help_and_version() -> None:
    r = run("--help")
    assert r.exit_code == 0 and "analyze" in r.stdout
    assert run("--version").stdout.startswith("hadath ")
    for cmd in ("analyze", "show", "search", "stats"):
        assert run(cmd, "--help").exit_code == 0
    assert run("eval", "ner", "--help").exit_code == 0
    assert run("eval", "events", "--help").exit_code == 0
    assert run("events", "--help").exit_code == 0
    assert run("train", "ner", "--help").exit_code == 0


def test_help_prose_is_wrapped_to_the_terminal() -> None:
    """A docstring's prose lines are joined (rich wraps them at the terminal's width);
    indented examples keep their lines."""
    doc = """First line.

    A paragraph written
    on two lines.

    Examples:

        hadath analyze a.txt
        hadath analyze b.txt
    """
    assert reflow_help(doc) == (
        "First line.\n\nA paragraph written on two lines.\n\nExamples:\n\n"
        "    hadath analyze a.txt\n    hadath analyze b.txt"
    )
    lines = [line.strip() for line in run("analyze", "--help").stdout.splitlines()]
    # at the test runner's 80 columns the docstring's 88-character line is rewrapped, not
    # cut after "analysing the" and left ragged
    assert any(line.startswith("the same article again") or "analysing the same article" in line for line in lines)
    assert "hadath analyze examples/seeds" in lines


@pytest.mark.skipif(
    shutil.which("hadath") is None and not (Path(sys.executable).parent / "hadath").exists(),
    reason="console script not installed",
)
def test_cli_console_script_real_process(seeds_dir: Path, db: str) -> None:
    exe = shutil.which("hadath") or str(Path(sys.executable).parent / "hadath")
    p = subprocess.run(
        [exe, "analyze", str(seeds_dir), "--db", db, "--format", "jsonl"], capture_output=True, text=True, timeout=120
    )
    assert p.returncode == 0, p.stderr
    assert len(p.stdout.splitlines()) == 2
    p = subprocess.run([exe, "show", "nope", "--db", db], capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and "Traceback" not in p.stderr


def test_cli_eval_ner_json(tmp_path: Path) -> None:
    gold = tmp_path / "g.conll"
    gold.write_text(
        "استقبل O\nالرئيس O\nعبد B-PERS\nالعزيز I-PERS\nبوتفليقة I-PERS\nفي O\nالجزائر B-LOC\n. O\n", "utf-8"
    )
    r = run("eval", "ner", "--gold", str(gold), "--json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert {"precision", "recall", "f1", "per_type", "tokens_per_second"} <= set(d)
    assert d["f1"] == 1.0
    r = run("eval", "ner", "--gold", str(gold))
    assert r.exit_code == 0 and "PERS" in r.stdout


def test_cli_eval_ner_bad_gold(tmp_path: Path) -> None:
    r = run("eval", "ner", "--gold", str(tmp_path / "none.conll"))
    assert r.exit_code == 2 and "no such file" in r.stderr
    bad = tmp_path / "bad.conll"
    bad.write_text("x LOCATION\n", "utf-8")
    r = run("eval", "ner", "--gold", str(bad))
    assert r.exit_code == 2 and "not a BIO tag" in r.stderr


def test_cli_ner_model_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # analyze --ner-model sets $HADATH_NER_MODEL for the workers it starts: set here first,
    # so that the test's end restores the environment as it was
    monkeypatch.setenv("HADATH_NER_MODEL", "crf")
    gold = tmp_path / "g.conll"
    gold.write_text("زار O\nالرئيس O\nعبد B-PERS\nالعزيز I-PERS\nبوتفليقة I-PERS\nباماكو B-LOC\n. O\n", "utf-8")
    for name in ("crf", "neural", "ensemble"):
        r = run("eval", "ner", "--gold", str(gold), "--model", name, "--json")
        assert r.exit_code == 0, r.output
        assert json.loads(r.stdout)["model"] == name
    r = run("eval", "ner", "--gold", str(gold), "--model", "bogus")
    assert r.exit_code == 2 and "neither one of" in r.stderr
    seed = tmp_path / "a.txt"
    seed.write_text("زار الرئيس عبد العزيز بوتفليقة مدينة باماكو.", "utf-8")
    r = run("analyze", str(seed), "--no-store", "--ner-model", "bogus")
    assert r.exit_code == 2 and "neither one of" in r.stderr
    r = run("analyze", str(seed), "--no-store", "--format", "jsonl", "--ner-model", "ensemble")
    assert r.exit_code == 0, r.output
    assert "باماكو" in r.stdout


def test_cli_eval_gold_folder_is_a_clear_error(tmp_path: Path) -> None:
    for kind in ("ner", "events", "stories"):
        r = run("eval", kind, "--gold", str(tmp_path))
        assert r.exit_code == 2 and "a folder" in r.stderr, kind


def test_cli_train_ner_neural_needs_torch_and_a_crf(tmp_path: Path) -> None:
    train = tmp_path / "t.conll"
    train.write_text("الجزائر B-LOC\n", "utf-8")
    with pytest.MonkeyPatch.context() as mp:  # as without the training extra
        mp.setitem(sys.modules, "torch", None)
        r = run("train", "ner", "--neural", "--train", str(train), "--out", str(tmp_path))
        assert r.exit_code == 2 and "needs torch" in r.stderr
    pytest.importorskip("torch")  # with torch: the CRF's manifest must be in --out
    r = run("train", "ner", "--neural", "--train", str(train), "--out", str(tmp_path))
    assert r.exit_code == 2 and "train the CRF first" in r.stderr


def test_cli_train_ner_missing_file(tmp_path: Path) -> None:
    r = run("train", "ner", "--train", str(tmp_path / "none.conll"))
    assert r.exit_code == 2 and "no such file" in r.stderr


def test_cli_train_ner_missing_silver_file(tmp_path: Path) -> None:
    train = tmp_path / "t.conll"
    train.write_text("الجزائر B-LOC\n", "utf-8")
    r = run("train", "ner", "--train", str(train), "--silver", str(tmp_path / "none.tsv.gz"))
    assert r.exit_code == 2 and "distill_ner.py pack" in r.stderr


def test_cli_analysis_failure_reports_and_goes_on(tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import hadath.pipeline as pipeline

    real = pipeline.analyze

    def flaky(doc):
        if "انفجار" in doc.text:
            raise RuntimeError("boom")
        return real(doc)

    monkeypatch.setattr(pipeline, "analyze", flaky)
    (tmp_path / "a.txt").write_text("وقع انفجار في بغداد.", "utf-8")
    (tmp_path / "b.txt").write_text("وصل الوفد إلى باماكو.", "utf-8")
    r = run("analyze", str(tmp_path), "--db", db)
    assert r.exit_code == 0
    assert "a.txt: analysis failed (RuntimeError: boom)" in r.stderr
    assert "1 new" in r.stderr and "1 failed" in r.stderr


def test_cli_events_list_filter_and_formats(seeds_dir: Path, db: str) -> None:
    run("analyze", str(seeds_dir), "--db", db)
    r = run("events", "--db", db, "--type", "AID", "--actor", "DZA", "--format", "jsonl")
    assert r.exit_code == 0
    evs = [json.loads(line) for line in r.stdout.splitlines()]
    aid = [e for e in evs if e["mode"] == "military" and e["target"].startswith("MLI")]
    assert len({e["doc_id"] for e in aid}) == 2
    r = run("events", "--db", db, "--format", "csv", "--actor", "DZA")
    header = r.stdout.splitlines()[0].split(",")
    assert {"Actor1Code", "Actor2Code", "EventCode", "ActionGeo_Lat", "SOURCEURL", "event_type"} <= set(header)
    r = run("events", "--db", db)
    assert r.exit_code == 0 and "072" in r.stdout
    r = run("events", "--db", db, "--type", "PROTEST")
    assert r.exit_code == 0 and "no events match" in r.stderr


def test_cli_eval_events_on_the_seeds(seeds_dir: Path) -> None:
    r = run("eval", "events", "--gold", str(seeds_dir / "expected.json"), "--json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["gold_events"] == 7 and d["recall"] >= 0.85
    assert d["fields"]["items"] == 1.0 and d["fields"]["place"] == 1.0
    r = run("eval", "events", "--gold", str(seeds_dir / "nope.json"))
    assert r.exit_code == 2 and "no such file" in r.stderr


def test_cli_stories_and_story_show_the_seed_story(seeds_dir: Path, db: str) -> None:
    run("analyze", str(seeds_dir), "--db", db)
    r = run("stories", "--db", db, "--min-events", "2", "--format", "jsonl")
    assert r.exit_code == 0, r.output
    stories = [json.loads(line) for line in r.stdout.splitlines()]
    aid = [s for s in stories if s["attributes"]["family"] == "cooperation"]
    assert len(aid) == 1 and aid[0]["attributes"]["events"] == 2 and len(aid[0]["doc_ids"]) == 2
    r = run("stories", "--db", db, "--actor", "DZA")
    assert r.exit_code == 0 and "provided military aid to Mali (MLI)" in r.stdout
    r = run("story", aid[0]["id"], "--db", db)
    assert r.exit_code == 0, r.output
    for part in ("timeline", "2008: Algeria (DZA) provided military aid", "2013: Algeria", "summary", "only in"):
        assert part in r.stdout
    r = run("story", aid[0]["id"], "--db", db, "--format", "json")
    assert len(json.loads(r.stdout)["timeline"]) == 2
    r = run("story", "st-nope", "--db", db)
    assert r.exit_code == 2 and "no story" in r.stderr


def test_cli_no_stories_then_rebuild(seeds_dir: Path, db: str) -> None:
    run("analyze", str(seeds_dir), "--db", db, "--no-stories")
    r = run("stories", "--db", db)
    assert "none linked yet" in r.stderr
    r = run("stories", "--db", db, "--dup-threshold", "0.6")
    assert r.exit_code == 2 and "--rebuild" in r.stderr
    r = run("stories", "--db", db, "--rebuild", "--dup-threshold", "0.6", "--min-events", "2")
    assert r.exit_code == 0 and "Algeria (DZA) – Mali (MLI): cooperation" in r.stdout


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_cli_export(seeds_dir: Path, db: str, tmp_path: Path, fmt: str) -> None:
    run("analyze", str(seeds_dir), "--db", db)
    out_dir = tmp_path / "out"
    r = run("export", "--db", db, "--format", fmt, "--out", str(out_dir))
    assert r.exit_code == 0, r.output
    for table in ("documents", "mentions", "events", "stories"):
        assert (out_dir / f"{table}.{fmt}").exists(), table
    if fmt == "csv":
        import csv

        rows = list(csv.DictReader((out_dir / "events.csv").open(encoding="utf-8")))
        assert {"Actor1Code", "EventCode", "cluster_id", "story_id"} <= set(rows[0])
        assert all(r["story_id"] for r in rows if r["event_type"] == "AID")
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(out_dir / "documents.parquet").num_rows == 2
    else:
        docs = [json.loads(x) for x in (out_dir / "documents.jsonl").read_text("utf-8").splitlines()]
        assert len(docs) == 2 and all(d["text"] for d in docs)
    r = run("export", "--db", db, "--tables", "nope", "--out", str(out_dir))
    assert r.exit_code == 2 and "unknown table" in r.stderr


def test_cli_eval_stories(seeds_dir: Path) -> None:
    r = run("eval", "stories", "--gold", str(seeds_dir / "expected.json"), "--json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["same_story"]["recall"] == 1.0 and d["same_event"]["precision"] == 1.0
    r = run("eval", "stories", "--gold", str(Path(__file__).parent / "stories" / "gold" / "gold.json"))
    assert r.exit_code == 0 and "same story" in r.stdout and "near-duplicates" in r.stdout


def test_cli_reprinted_seed_is_a_near_duplicate_and_joins_the_story(seeds_dir: Path, db: str, tmp_path: Path) -> None:
    import re

    text = (seeds_dir / "000_345b44abda034d91.txt").read_text("utf-8")
    sents = re.split(r"(?<=\.)\s+", text)
    sents[2] = "وقال مصدر مطلع إن الحكومة ستعقد اجتماعا طارئا الأسبوع المقبل لبحث الوضع الأمني في الشمال."
    reprint = tmp_path / "reprint.json"
    reprint.write_text(
        json.dumps({"title": "عنوان جديد للخبر", "source": "outlet-b", "text": " ".join(sents)}, ensure_ascii=False),
        "utf-8",
    )
    other = tmp_path / "oil.txt"
    other.write_text(
        "ارتفعت أسعار النفط في تعاملات اليوم الثلاثاء مع تراجع المخزونات الأمريكية، وصعد خام برنت بنسبة اثنين في "
        "المئة ليسجل 64 دولارا للبرميل. وقال محللون إن الطلب على الوقود في فصل الصيف قد يدعم الأسعار.",
        "utf-8",
    )
    run("analyze", str(seeds_dir), "--db", db)
    run("analyze", str(reprint), str(other), "--db", db)  # a later run: the index is loaded from the store
    r = run("stats", "--db", db, "--format", "json")
    assert json.loads(r.stdout)["near_duplicates"] == 1
    r = run("stories", "--db", db, "--family", "cooperation", "--min-events", "2", "--format", "jsonl")
    story = json.loads(r.stdout.splitlines()[0])
    assert len(story["doc_ids"]) == 3 and story["attributes"]["events"] == 2  # the reprint: a third report
    r = run("story", story["id"], "--db", db, "--format", "json")
    dup = [d for d in json.loads(r.stdout)["documents"] if d["duplicate_of"]]
    assert len(dup) == 1 and dup[0]["outlet"] == "outlet-b"


def test_cli_train_ner_neural_needs_the_crf_s_silver(tmp_path: Path) -> None:
    """The ensemble's weight is chosen with a dev-fold CRF trained as the shipped one was:
    without the silver file its manifest names, a clear error (before any training)."""
    pytest.importorskip("torch")
    train = tmp_path / "t.conll"
    train.write_text("الجزائر B-LOC\n", "utf-8")
    manifest = {"config": {"c1": 0.05, "c2": 0.05}, "silver": {"file": "ner-silver.tsv.gz", "sha256": "ab" * 32}}
    (tmp_path / "crf.json").write_text(json.dumps(manifest), "utf-8")
    r = run("train", "ner", "--neural", "--no-silver", "--train", str(train), "--out", str(tmp_path))
    assert r.exit_code == 2 and "trained with the silver sentences of ner-silver.tsv.gz" in r.stderr
    other = tmp_path / "other.tsv.gz"
    other.write_bytes(b"not the same file")
    from hadath.ner.train import CORPUS

    if CORPUS.exists():  # the silver sentences' words come from it
        r = run("train", "ner", "--neural", "--silver", str(other), "--train", str(train), "--out", str(tmp_path))
        assert r.exit_code == 2 and "pass that file as --silver" in r.stderr
