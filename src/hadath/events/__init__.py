"""Event coding: who did what to whom, with what, where and when — with evidence.

``lexicon`` (triggers and the PLOVER/CAMEO codebook, as data), ``arguments`` (actors,
items, means, places, dates) and ``stage`` (the pipeline stage)."""

from hadath.events.stage import events_stage

__all__ = ["events_stage"]
