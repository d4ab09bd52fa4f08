"""ldpub: a linked-data publisher for facts reported in news."""

__version__ = "0.1.0"
