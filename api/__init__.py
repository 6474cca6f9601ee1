"""The HTTP face of the CKM knowledge graph (FastAPI); no storage engine in it."""
