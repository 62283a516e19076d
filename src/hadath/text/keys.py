"""Search keys: the normalized, clitic-stripped forms a full-text index stores and a query
looks up, so that ``الجزائر``, ``والجزائر``, ``بالجزائر`` and ``الجَزائِر`` all meet.

Reads: tokens (or a query string). Writes: strings of space-separated keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hadath.cache import word_cache
from hadath.model import Token
from hadath.text.clitics import split_candidates
from hadath.text.tokenize import iter_tokens

__all__ = ["index_keys", "lookup_forms", "query_phrases", "token_keys"]

_INDEXED = frozenset({"word", "number", "url"})


def token_keys(token: Token) -> list[str]:
    """The keys of one token: its stem, and for a word with a bare particle (``ومالي``) also
    the reading without it (``مالي``), so a search for the bare word finds it."""
    if token.kind not in _INDEXED or not token.stem:
        return []
    keys = [token.stem]
    if not token.prefix and not token.article and token.kind == "word":
        cands = split_candidates(token.norm)
        if len(cands) > 1:
            alt = cands[1]
            if alt.startswith("ال") and len(cands) > 2:
                alt = cands[2]
            if alt != token.stem:
                keys.append(alt)
    return keys


def lookup_forms(token: Token) -> tuple[str, ...]:
    """Normalized forms to look a token up by in a lexicon, most literal first: as written,
    without its particles (``للجيش`` -> ``الجيش``), and its bare-particle readings
    (``ومالي`` -> ``مالي``)."""
    return _lookup_forms(token.norm, token.prefix)


@word_cache(262144)
def _lookup_forms(norm: str, prefix: str) -> tuple[str, ...]:
    forms = [norm]
    if prefix:
        core = norm[len(prefix) :]
        if prefix.endswith("ل") and not core.startswith("ال"):
            core = "ا" + core  # للجيش -> الجيش
        forms.append(core)
    else:
        forms.extend(split_candidates(norm)[1:])
    return tuple(dict.fromkeys(forms))


def index_keys(tokens: Iterable[Token]) -> str:
    """The text a full-text index stores for ``tokens``."""
    return " ".join(k for tok in tokens for k in token_keys(tok))


_QUOTED = re.compile(r'"([^"]*)"|(\S+)')


def query_phrases(query: str) -> list[list[str]]:
    """Split a user query into phrases of keys: ``"الجيش المالي" والجزائر`` ->
    ``[["جيش", "مالي"], ["جزائر"]]``. Each phrase is the stems of its words."""
    phrases: list[list[str]] = []
    for m in _QUOTED.finditer(query):
        part = m.group(1) if m.group(1) is not None else m.group(2)
        stems = [t.stem for t in iter_tokens(part) if t.kind in _INDEXED and t.stem]
        if not stems:
            continue
        if m.group(1) is not None:
            phrases.append(stems)
        else:
            phrases.extend([s] for s in stems)
    return phrases
