"""hadath (حدث): an Arabic news event engine.

The library core: ``hadath.model`` (the document model), ``hadath.pipeline.analyze``
(run every stage on a document), ``hadath.ingest`` (read files into documents) and
``hadath.store`` (keep them).
"""

__version__ = "0.1.0"
