"""The web app: SPARQL endpoint, dereferenceable IRIs, dumps and metadata of a publication."""

from pipeline.web.app import create_app, serve
from pipeline.web.publication import PublicationError

__all__ = ["PublicationError", "create_app", "serve"]
