"""Stories: near-duplicate reports, same-event clusters, story threads over time, summaries
and comparisons of reports (see ``link`` for the rules and ``near_dup`` for the thresholds)."""

from hadath.stories.index import AddResult, DocInfo, StoryIndex, event_gist, item_gloss
from hadath.stories.link import EventLinker, EventRecord, StoryThreader, record_of, same_event_score
from hadath.stories.near_dup import NearDuplicate, NearDuplicateIndex, shingles, signature
from hadath.stories.summary import compare_reports, summarize

__all__ = [
    "AddResult",
    "DocInfo",
    "EventLinker",
    "EventRecord",
    "NearDuplicate",
    "NearDuplicateIndex",
    "StoryIndex",
    "StoryThreader",
    "compare_reports",
    "event_gist",
    "item_gloss",
    "record_of",
    "same_event_score",
    "shingles",
    "signature",
    "summarize",
]
