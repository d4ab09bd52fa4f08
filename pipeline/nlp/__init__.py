"""The NLP stage: sentences and named-entity mentions in the fact-bearing segments.

``load_model`` gives a spaCy pipeline (ldpub's bundled GMB model by default), ``analyze`` runs
it over a document's title, body and caption segments, and ``pipeline.nlp.train.train_ner``
rebuilds the bundled model from the openly licensed corpora.
"""

from pipeline.nlp.analyze import analyze
from pipeline.nlp.model import ModelError, load_model

__all__ = ["ModelError", "analyze", "load_model"]
