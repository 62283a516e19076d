"""Training with silver sentences (``hadath.ner.train.load_silver``, ``train(silver=…)``)."""

from __future__ import annotations

import gzip
import importlib
from pathlib import Path

import pytest

from hadath.model import Document
from hadath.text.stage import text_stage

from ..conftest import run_script, write_corpus

train_module = importlib.import_module("hadath.ner.train")  # the module, not hadath.ner's train()

TEXTS = [
    "زار الرئيس الجزائري عبد العزيز بوتفليقة مدينة باماكو أمس. وقال إن الجزائر تدعم مالي.",
    "",
    "استقبل الملك سلمان في الرياض وزير الخارجية الأمريكي جون كيري.",
]


def _corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus.jsonl.gz", TEXTS)


def _silver(tmp_path: Path, rows: list[tuple[int, int, list[str]]]) -> Path:
    """Rows (corpus line, sentence index, labels) as the packed file."""
    path = tmp_path / "silver.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("# a comment line\n")
        for line, k, labels in rows:
            s = text_stage(Document(text=TEXTS[line])).sentences[k]
            f.write(f"{line}\t{s.start}\t{s.end}\t0.97\t{' '.join(labels)}\n")
    return path


def test_load_silver_rebuilds_the_words_from_the_corpus(tmp_path: Path) -> None:
    doc = text_stage(Document(text=TEXTS[0]))
    first = [t.text for t in doc.tokens[doc.sentences[0].token_start : doc.sentences[0].token_end]]
    labels = ["O"] * len(first)
    labels[first.index("عبد") : first.index("بوتفليقة") + 1] = ["B-PERS", "I-PERS", "I-PERS"]
    labels[first.index("باماكو")] = "B-LOC"
    messages: list[str] = []
    got = train_module.load_silver(
        _silver(tmp_path, [(0, 0, labels), (0, 1, ["O"])]),  # the second no longer matches its words
        _corpus(tmp_path),
        report=messages.append,
    )
    assert got == [(first, labels)]
    assert "1 no longer match" in messages[0]


def test_training_with_silver_records_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ner" / "anercorp-train.conll"
    if not src.exists():
        pytest.skip("ANERcorp is not beside this checkout")
    small = tmp_path / "small.conll"
    small.write_text("\n\n".join(src.read_text("utf-8").split("\n\n")[:200]) + "\n", "utf-8")
    doc = text_stage(Document(text=TEXTS[2]))
    words = [t.text for t in doc.tokens]
    labels = ["O"] * len(words)
    labels[words.index("سلمان")] = "B-PERS"
    silver = _silver(tmp_path, [(2, 0, labels)])
    corpus = _corpus(tmp_path)
    monkeypatch.setattr(train_module, "CORPUS", corpus)  # load_silver's default corpus
    info = train_module.train(
        small,
        tmp_path / "crf.model",
        grid=(train_module.TrainConfig(max_iterations=20),),
        report=lambda s: None,
        silver=silver,
    )
    assert info["silver"]["sentences"] == 1 and info["silver"]["file"] == "silver.tsv.gz"
    assert info["rebuild"].endswith("--silver silver.tsv.gz")


def test_distill_pack_writes_what_load_silver_reads(tmp_path: Path) -> None:
    doc = text_stage(Document(text=TEXTS[2]))
    words = [t.text for t in doc.tokens]
    labels = ["O"] * len(words)
    labels[words.index("سلمان")] = "B-PERS"
    conll = tmp_path / "silver.conll"
    blocks = [
        "# line=2 minp=0.9100\n" + "".join(f"{w} {t}\n" for w, t in zip(words, labels, strict=True)),
        "# line=0 minp=0.9900\nكلام O\nبلا O\nأسماء O\n",  # no name: left out
    ]
    conll.write_text("\n".join(blocks), "utf-8")
    out = tmp_path / "packed.tsv.gz"
    r = run_script("distill_ner.py", "pack", str(conll), "--out", str(out), "--corpus", str(_corpus(tmp_path)))
    assert r.returncode == 0, r.stderr
    assert train_module.load_silver(out, _corpus(tmp_path), report=lambda s: None) == [(words, labels)]
