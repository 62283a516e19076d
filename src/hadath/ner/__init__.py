"""Named-entity recognition: PERS, LOC, ORG and MISC mentions with original-text spans.

A CRF (python-crfsuite) trained by the project (``hadath train ner``) on ANERcorp, with
features from the text layer, shipped gazetteers and word clusters; see
``hadath/data/README.md``. ``ner_stage`` is the pipeline stage; ``evaluate`` scores a model
on a CoNLL gold file.
"""

from hadath.ner.stage import entity_start, ner_stage, tag_sentence
from hadath.ner.train import evaluate, train

__all__ = ["entity_start", "evaluate", "ner_stage", "tag_sentence", "train"]
