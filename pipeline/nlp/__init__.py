"""The NLP stage: sentences and named-entity mentions in the fact-bearing segments.

``load_model`` gives a spaCy pipeline (ldpub's bundled GMB model by default), ``analyze`` runs
it over a document's title, body and caption segments, ``analyze_batch`` over many documents in
one ``nlp.pipe`` stream, and ``pipeline.nlp.train.train_ner`` rebuilds the bundled model from
the openly licensed corpora.
"""

from collections.abc import Iterator, Sequence
from itertools import islice

from spacy.language import Language

from pipeline.nlp.analyze import analyze, analyze_parsed, fact_texts
from pipeline.nlp.model import ModelError, load_model, model_folder
from pipeline.records import Document, Mention, Segment, Sentence

__all__ = [
    "ModelError",
    "analyze",
    "analyze_batch",
    "load_model",
    "model_folder",
]

PIPE_BATCH = 64  # texts (paragraphs) the model reads at once: spaCy's speed, bounded memory


def analyze_batch(
    nlp: Language, items: Sequence[tuple[Document, Sequence[Segment]]]
) -> Iterator[tuple[tuple[Sentence, ...], tuple[Mention, ...]]]:
    """``analyze`` for each (document, segments) pair, the model batching across documents.

    The parsed spaCy Docs are consumed as they come, so at most one batch is held at a time.
    """
    texts = [fact_texts(document, segments) for document, segments in items]
    docs = nlp.pipe((text for batch in texts for text in batch), batch_size=PIPE_BATCH)
    for (_, segments), own in zip(items, texts, strict=True):
        yield analyze_parsed(segments, islice(docs, len(own)))
