"""Resolution: mentions to things an analyst can count and map — actors to CAMEO-style codes
(``actors``), places to GeoNames ids and coordinates (``places``); ``resolve_stage`` runs
both on a document and groups mentions into entities."""

from hadath.resolve.actors import actor_key, resolve_actor
from hadath.resolve.places import resolve_place
from hadath.resolve.stage import resolve_stage

__all__ = ["actor_key", "resolve_actor", "resolve_place", "resolve_stage"]
