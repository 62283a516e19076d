from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from hadath.model import Token
from hadath.ner.conll import words_to_tokens
from hadath.ner.consistency import add_name_bonus, boost_repeated_names, name_key, sentence_keys
from hadath.ner.decode import LinearChainCRF
from hadath.ner.model import Tagger, load_tagger, tag_with

from ..conftest import run_script, write_corpus

LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC"]


def _keys(*sentences: list[Token]) -> list[list[str]]:
    return [sentence_keys(s) for s in sentences]


def test_sentence_keys_are_name_keys() -> None:
    tokens = words_to_tokens(["والجزائر", "ومالي", "،"])
    assert sentence_keys(tokens) == [name_key(t) for t in tokens]


def test_name_key_drops_particles_only() -> None:
    [split, article] = words_to_tokens(["والجزائر", "الجزائر"])
    assert split.prefix and name_key(split) == name_key(article) == "الجزائر"


def test_particles_the_text_layer_keeps_are_tried_on_a_name_s_first_word() -> None:
    tagged = words_to_tokens(["محمد", "صديق"])
    other = words_to_tokens(["ولمحمد", "صديق", "و", "ومحمد", "وصديق", "بمد"])
    assert not other[0].prefix  # the text layer cannot tell ولمحمد apart
    em = np.zeros((8, len(LABELS)))
    out = boost_repeated_names(em, [tagged, other], _keys(tagged, other), ["B-PERS", "I-PERS"] + ["O"] * 6, LABELS, 1.0)
    assert out is not None
    b, i = LABELS.index("B-PERS"), LABELS.index("I-PERS")
    assert out[:, b].tolist() == [1, 0, 1, 0, 0, 0, 0, 0]  # ومحمد without صديق after it: no
    assert out[:, i].tolist() == [0, 1, 0, 1, 0, 0, 0, 0]  # وصديق is not the name's first word


def test_bonus_at_every_other_occurrence_of_a_tagged_name() -> None:
    first = words_to_tokens(["قال", "أرسين", "فينغر", "أمس"])
    second = words_to_tokens(["أرسين", "فينغر", "في", "لندن"])
    em = np.zeros((8, len(LABELS)))
    labels = ["O", "B-PERS", "I-PERS", "O", "O", "O", "O", "B-LOC"]
    out = boost_repeated_names(em, [first, second], _keys(first, second), labels, LABELS, 2.5)
    assert out is not None and out is not em
    assert not em.any()  # the input is not changed
    b, i, bl = LABELS.index("B-PERS"), LABELS.index("I-PERS"), LABELS.index("B-LOC")
    expected = np.zeros_like(em)
    expected[[1, 4], b] = 2.5  # أرسين, twice
    expected[[2, 5], i] = 2.5  # فينغر after it
    expected[7, bl] = 2.5  # لندن favoured where it was tagged (the only occurrence)
    np.testing.assert_array_equal(out, expected)


def test_no_name_no_change() -> None:
    tokens = words_to_tokens(["قال", "أمس", "،"])
    assert boost_repeated_names(np.zeros((3, 5)), [tokens], _keys(tokens), ["O", "O", "O"], LABELS, 3.0) is None
    # a "name" of punctuation only is not propagated
    assert boost_repeated_names(np.zeros((3, 5)), [tokens], _keys(tokens), ["O", "O", "B-LOC"], LABELS, 3.0) is None
    em = np.ones((3, 5))
    assert (add_name_bonus(em, _keys(tokens), {("مالي",): "LOC"}, LABELS, 2.0) == em).all()  # absent name


def test_most_frequent_type_wins() -> None:
    s = [words_to_tokens(["الأهلي"]) for _ in range(3)]
    out = boost_repeated_names(np.zeros((3, 5)), s, _keys(*s), ["B-LOC", "B-PERS", "B-LOC"], LABELS, 1.0)
    assert out is not None
    assert (out[:, LABELS.index("B-LOC")] == 1.0).all() and not out[:, LABELS.index("B-PERS")].any()


class _Fixed(Tagger):
    """A tagger whose label scores are given: the name is clearly a person in the first
    sentence, weakly not one in the second."""

    def __init__(self, scores: np.ndarray, bonus: float) -> None:
        self.labels = LABELS
        self.decoder = LinearChainCRF.from_transitions(LABELS, np.zeros((5, 5)))
        self.scores = scores
        self.doc_bonus = bonus

    def emissions(self, sentences: Sequence[Sequence[Token]], gazetteer_labels: Sequence[Sequence[str]]) -> np.ndarray:
        return self.scores


def test_tag_with_reads_the_document_twice_with_a_bonus() -> None:
    sentences = [words_to_tokens(["المدرب", "فينغر"]), words_to_tokens(["يرجع", "فينغر"])]
    scores = np.zeros((4, 5))
    scores[1, LABELS.index("B-PERS")] = 3.0
    scores[3, LABELS.index("O")] = 0.5
    gz = [["O", "O"], ["O", "O"]]
    alone = [labels for labels, _ in tag_with(_Fixed(scores, 0.0), sentences, gz)]
    assert alone == [["O", "B-PERS"], ["O", "O"]]
    together = tag_with(_Fixed(scores, 2.0), sentences, gz)
    assert [labels for labels, _ in together] == [["O", "B-PERS"], ["O", "B-PERS"]]
    assert all(0 < p <= 1 for _, probs in together for p in probs)  # marginals of the second reading


def test_manifest_beside_the_model_sets_the_bonus(tmp_path: Path) -> None:
    ref = resources.files("hadath.data").joinpath("ner/crf.model.xz")  # stored compressed
    with resources.as_file(ref) as src:
        shutil.copy(src, tmp_path / "crf.model.xz")
    assert load_tagger(tmp_path / "crf.model").doc_bonus == 0.0  # no manifest: sentence by sentence
    (tmp_path / "crf.json").write_text(json.dumps({"doc_bonus": 4.0}), "utf-8")
    assert load_tagger(tmp_path / "crf.model").doc_bonus == 4.0
    (tmp_path / "ens.json").write_text(json.dumps({"crf": "crf.model", "crf_weight": 1.0, "doc_bonus": 2.0}), "utf-8")
    assert load_tagger(tmp_path / "ens.json").doc_bonus == 2.0  # one part only: the bonus tuned for it
    (tmp_path / "ens.json").write_text(json.dumps({"crf": "crf.model", "crf_weight": 1.0}), "utf-8")
    assert load_tagger(tmp_path / "ens.json").doc_bonus == 4.0  # none tuned: the part's own


@pytest.mark.parametrize("name", ["crf", "neural", "ensemble"])
def test_shipped_models_carry_their_tuned_bonuses(name: str) -> None:
    from hadath.ner.model import MODELS, named_tagger

    ref = resources.files("hadath.data").joinpath(MODELS[name])
    manifest = ref if name == "ensemble" else ref.parent.joinpath(Path(MODELS[name]).stem + ".json")
    info = json.loads(manifest.read_text("utf-8"))
    tagger = named_tagger(name)
    assert tagger.doc_bonus == info["doc_bonus"] > 0
    assert (tagger.memory_bonus, tagger.memory_min_ratio) == (info["memory_bonus"], info["memory_min_ratio"])
    assert info["dev_f1_with_bonuses"] >= info["dev_f1"]


def test_name_memory_keeps_names_tagged_often_enough() -> None:
    from hadath.ner.consistency import name_memory

    loose, _ = name_memory(0.0)
    strict, index = name_memory(0.9)
    assert loose, "the package ships a name memory (scripts/build_name_memory.py)"
    assert set(strict) <= set(loose)
    assert loose[("ايران",)] == "LOC"
    assert all(index[name[0]][len(name)][name[1:]] == name for name in strict)


def test_memory_bonus_favours_a_remembered_name() -> None:
    from hadath.ner.consistency import name_memory

    types, _ = name_memory(0.5)
    name = next(n for n, t in types.items() if len(n) == 1 and t == "LOC")
    tokens = [words_to_tokens(["في", name[0]])]
    scores = np.zeros((2, 5))
    scores[:, 0] = 1.0  # the model alone says O
    tagger = _Fixed(scores, 0.0)
    assert tag_with(tagger, tokens, [["O", "O"]])[0][0] == ["O", "O"]
    tagger.memory_bonus, tagger.memory_min_ratio = 2.0, 0.5
    assert tag_with(tagger, tokens, [["O", "O"]])[0][0] == ["O", "B-LOC"]


def test_training_tunes_and_stores_the_bonuses(tmp_path: Path) -> None:
    import importlib

    train_module = importlib.import_module("hadath.ner.train")
    src = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ner" / "anercorp-train.conll"
    if not src.exists():
        pytest.skip("ANERcorp is not beside this checkout")
    blocks = src.read_text("utf-8").split("\n\n")[:300]
    small = tmp_path / "small.conll"
    small.write_text("\n\n".join(blocks) + "\n", "utf-8")
    info = train_module.train(
        small, tmp_path / "crf.model", grid=(train_module.TrainConfig(max_iterations=30),), report=lambda s: None
    )
    assert {"doc_bonus", "memory_bonus", "memory_min_ratio", "dev_f1_with_bonuses"} <= set(info)
    assert info["dev_f1_with_bonuses"] == max(r["dev_f1"] for r in info["dev_f1_by_bonuses"])
    tagger = load_tagger(tmp_path / "crf.model")
    assert (tagger.doc_bonus, tagger.memory_bonus) == (info["doc_bonus"], info["memory_bonus"])


def test_build_name_memory_script(tmp_path: Path) -> None:
    texts = ["زار الرئيس الجزائري عبد العزيز بوتفليقة مدينة باماكو في مالي أمس."] * 3 + [""]
    corpus = write_corpus(tmp_path / "corpus.jsonl.gz", texts)
    out = tmp_path / "names.tsv"
    args = ["--model", "crf", "--corpus", str(corpus), "--out", str(out), "--workers", "1"]
    r = run_script("build_name_memory.py", *args)
    assert r.returncode == 0, r.stderr
    rows = [line.split("\t") for line in out.read_text("utf-8").splitlines() if not line.startswith("#")]
    assert ["LOC", "باماكو", "3", "3"] in rows  # tagged in every one of its occurrences
    assert all(len(row) == 4 and int(row[2]) >= 3 and int(row[3]) >= int(row[2]) for row in rows)
    assert "3 articles" in out.read_text("utf-8").splitlines()[0]  # the empty one is skipped
    bad = run_script("build_name_memory.py", "--corpus", str(tmp_path / "none.gz"))
    assert bad.returncode != 0 and "corpus not found" in bad.stderr


def test_a_label_the_model_never_saw_gets_no_bonus() -> None:
    """A model trained on a small sample may lack a label (I-MISC): its names are skipped."""
    tokens = words_to_tokens(["كأس", "العالم", "في", "مالي"])
    labels = ["O", "B-LOC", "I-LOC", "B-MISC"]
    types = {("كاس", "العالم"): "MISC", ("مالي",): "LOC"}
    out = add_name_bonus(np.zeros((4, 4)), _keys(tokens), types, labels, 2.0)
    assert out[3, labels.index("B-LOC")] == 2.0 and out[:2].sum() == 0.0


def test_a_tie_between_types_goes_to_the_first_in_the_text_whatever_the_hash_seed() -> None:
    """A name tagged once PERS and once LOC is favoured as the first: the entities of a
    sentence are a set, and iterating it followed the string hash (PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    code = (
        "import numpy as np\n"
        "from hadath.ner.conll import words_to_tokens\n"
        "from hadath.ner.consistency import boost_repeated_names, sentence_keys\n"
        "s = words_to_tokens(['بورتو', 'و', 'بورتو', 'و', 'لشبونة'])\n"
        "labels = ['B-PERS', 'O', 'B-LOC', 'O', 'B-MISC']\n"
        "names = ['O', 'B-PERS', 'I-PERS', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC']\n"
        "out = boost_repeated_names(np.zeros((5, 7)), [s], [sentence_keys(s)], labels, names, 1.0)\n"
        "print(int(out[0].argmax()))\n"
    )
    got = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        got.add(r.stdout.strip())
    assert got == {"1"}  # B-PERS, for every seed
