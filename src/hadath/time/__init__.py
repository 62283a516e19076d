"""Dates: expressions found in the text, resolved against the publication date (which is
inferred when the document has none). See ``expressions``, ``resolve`` and ``stage``."""

from hadath.time.expressions import TimeExpr, find_expressions
from hadath.time.resolve import Anchor, infer_publication_date, parse_anchor, resolve
from hadath.time.stage import time_stage

__all__ = ["Anchor", "TimeExpr", "find_expressions", "infer_publication_date", "parse_anchor", "resolve", "time_stage"]
