from pipeline.extract.relations import extract_relations

__all__ = ["extract_relations"]
