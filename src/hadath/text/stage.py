"""The text stage. Reads: ``Document.text``. Writes: ``tokens`` (with normalized forms and
clitic analysis) and ``sentences``."""

from __future__ import annotations

from hadath.model import Document
from hadath.stage import stage
from hadath.text.sentences import split_sentences
from hadath.text.tokenize import iter_tokens


@stage("text", requires=["text"], assigns=["tokens", "sentences"])
def text_stage(doc: Document) -> Document:
    """Tokenize (with clitic analysis) and split sentences."""
    doc.tokens = list(iter_tokens(doc.text))
    doc.sentences = split_sentences(doc.text, doc.tokens)
    return doc
