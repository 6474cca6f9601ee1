"""Domain errors of the knowledge graph, one type per problem a caller can act on."""

from __future__ import annotations


class InvalidShapes(ValueError):
    """A shapes file cannot be used: it does not parse, or it is an ill-formed SHACL
    shapes graph (SHACL §2, §5, §6: a malformed path, a SHACL-SPARQL query that breaks
    the pre-binding rules, an undeclared prefix...).

    Raised when a validator is made (at start, or when ``ckm validate --shapes`` reads
    the file), never during a validation; the message names the file or shape and the
    reason.
    """
