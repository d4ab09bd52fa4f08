from pipeline.extract.events import extract_events
from pipeline.extract.relations import extract_relations

__all__ = ["extract_events", "extract_relations"]
