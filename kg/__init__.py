"""CKM Knowledge Graph: a validated, reasoning knowledge graph of Customer Knowledge Management."""

__version__ = "0.1.0"
