"""The version token of a store held by an engine, and commits made as compare-and-sets.

``<urn:ckm:store> dcterms:hasVersion <urn:ckm:version:…>`` in the graph
``urn:ckm:graph:version`` (hidden by the seam: not listed, counted nor dumped) changes
with every write. A commit based on a version is ONE ``DELETE … INSERT … WHERE
{ version }`` request that does nothing when another writer got there first; each new
version links to the one it replaced, which tells the writer afterwards whether its
request matched. Engines run a request on a snapshot (Oxigraph, Virtuoso: measured, two
such requests racing both match), so the compare-and-set alone does not exclude
writers of other processes: :mod:`kg.store.remote.turn` does, the token then catches
what the turn cannot (a writer without it, a lease that ran out).
"""

from __future__ import annotations

import uuid

from kg.vocab import VERSION_GRAPH

GRAPH = f"<{VERSION_GRAPH}>"
STORE_NODE = "<urn:ckm:store>"
HAS_VERSION = "<http://purl.org/dc/terms/hasVersion>"
REPLACES = "<http://purl.org/dc/terms/replaces>"
# Graphs holding a large commit's quads for the one operation that applies them.
STAGING = "urn:ckm:staging:"


def new_version() -> str:
    return f"<urn:ckm:version:{uuid.uuid4()}>"


def version_query() -> str:
    return f"SELECT ?v WHERE {{ GRAPH {GRAPH} {{ {STORE_NODE} {HAS_VERSION} ?v }} }}"


def first_version() -> str:
    """An update giving a store without a version its first one."""
    first = f"{STORE_NODE} {HAS_VERSION} {new_version()}"
    return (
        f"INSERT {{ GRAPH {GRAPH} {{ {first} }} }}"
        f" WHERE {{ FILTER NOT EXISTS {{ GRAPH {GRAPH} {{ {STORE_NODE} {HAS_VERSION} ?any }} }} }}"
    )


def applied_query(new: str, old: str) -> str:
    """ASK whether the commit that made ``new`` out of ``old`` matched (``new`` replaced
    ``old``, or a later version already replaced ``new``)."""
    return (
        f"ASK {{ GRAPH {GRAPH} {{ {{ {new} {REPLACES} {old} }} "
        f"UNION {{ ?later {REPLACES} {new} }} }} }}"
    )


def versioned_change(
    removed: str, added: str, new: str, *, expected: str = "?v", matching: str = ""
) -> str:
    """ONE update operation removing and adding quad blocks and giving the store the
    version ``new`` — only while it has the version ``expected`` when that is an IRI.

    Templates (``DELETE {…} INSERT {…} WHERE {…}``), not ``INSERT DATA``: they are
    equal for ground data, and Virtuoso refuses blank nodes in ``INSERT DATA``. The
    link to the version ``expected`` had before it is dropped: one link is kept.
    ``matching`` is a pattern the templates' variables come from (staged quads).
    """
    version = f"{STORE_NODE} {HAS_VERSION} {expected}"
    if expected == "?v":
        where = f"OPTIONAL {{ GRAPH {GRAPH} {{ {version} OPTIONAL {{ ?v {REPLACES} ?older }} }} }}"
    else:
        where = f"GRAPH {GRAPH} {{ {version} OPTIONAL {{ {expected} {REPLACES} ?older }} }}"
    return (
        f"DELETE {{ GRAPH {GRAPH} {{ {version} . {expected} {REPLACES} ?older }}\n"
        f"{removed} }}\n"
        f"INSERT {{ GRAPH {GRAPH} {{ {STORE_NODE} {HAS_VERSION} {new} . "
        f"{new} {REPLACES} {expected} }}\n{added} }}\n"
        f"WHERE {{ {where} {matching} }}"
    )


def staged_change(
    deletions: list[tuple[str, str]], additions: list[tuple[str, str]], new: str, expected: str
) -> str:
    """ONE update operation moving staged quads into place, as :func:`versioned_change`
    does for quads written out: ``(staging graph, target graph)`` pairs each way."""
    branches = []
    for pairs, (g, t, s, p, o) in (
        (deletions, ("?dg", "?dt", "?ds", "?dp", "?do")),
        (additions, ("?ag", "?at", "?as", "?ap", "?ao")),
    ):
        if pairs:
            values = " ".join(f"({staging} {target})" for staging, target in pairs)
            branches.append(f"{{ VALUES ({g} {t}) {{ {values} }} GRAPH {g} {{ {s} {p} {o} }} }}")
    return versioned_change(
        "GRAPH ?dt { ?ds ?dp ?do }",
        "GRAPH ?at { ?as ?ap ?ao }",
        new,
        expected=expected,
        matching=" UNION ".join(branches),
    )
