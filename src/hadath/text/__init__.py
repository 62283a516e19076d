"""The Arabic text layer: normalization with offset maps, tokens, sentences, clitics.

Every function here takes the ORIGINAL text and returns offsets into it.
"""

from hadath.text.clitics import analyze_word, split_candidates
from hadath.text.normalize import NormalizedText, NormalizeOptions, fold, normalize, normalize_with_offsets
from hadath.text.sentences import split_sentences
from hadath.text.tokenize import iter_tokens, tokenize

__all__ = [
    "NormalizeOptions",
    "NormalizedText",
    "analyze_word",
    "fold",
    "iter_tokens",
    "normalize",
    "normalize_with_offsets",
    "split_candidates",
    "split_sentences",
    "tokenize",
]
