"""The remote backend (:mod:`kg.store.remote.store`) and its rooms."""

from kg.sparql_text import query_form
from kg.store.remote.results import term_from_json
from kg.store.remote.store import RemoteStore

__all__ = ["RemoteStore", "query_form", "term_from_json"]
