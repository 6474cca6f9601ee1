"""Tools that build, check and draw the CKM ontology (no store, no HTTP)."""
