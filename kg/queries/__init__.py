"""Saved analyst queries: SPARQL files answering the competency questions of the domain.

The public contract (other packages depend on exactly this):

- :func:`saved_queries` — the catalogue, keyed by name (the ``.rq`` file stem), cached;
- :func:`results_json` — run one with typed, validated parameters; W3C SPARQL JSON;
- :class:`UnknownQuery`, :class:`BadParameter` — what callers map to 404 and 400.

The file format and the query list are described in ``kg/queries/README.md``.
"""

from kg.errors import BadParameter, QueryDefinitionError, UnknownQuery
from kg.queries.catalogue import saved_queries, saved_query
from kg.queries.model import Parameter, SavedQuery
from kg.queries.running import bound_sparql, results_json

__all__ = [
    "BadParameter",
    "Parameter",
    "QueryDefinitionError",
    "SavedQuery",
    "UnknownQuery",
    "bound_sparql",
    "results_json",
    "saved_queries",
    "saved_query",
]
