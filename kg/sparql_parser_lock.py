"""rdflib's SPARQL parser, made safe to call from several threads.

rdflib parses SPARQL with pyparsing, whose parse actions learn how many arguments they
take from their first calls (``pyparsing.core._trim_arity``, unsynchronised state). Two
threads parsing at once can teach a parse action the wrong arity for good: every later
update of that form then fails with "postParse2() missing 1 required positional
argument: 'tokenList'" until the process restarts. Every rdflib SPARQL parse in this
process — ours (updates, shape paths), pySHACL's, anyone's — goes through the two
grammar entry points wrapped here, which take one lock. Parsing holds the GIL anyway,
so the lock costs nothing in throughput (measured: tests/regressions/
test_concurrent_updates_broke_the_parser.py).
"""

from __future__ import annotations

import functools
import threading

from rdflib.plugins.sparql import parser

_LOCK = threading.RLock()


def _serialised(parse_string):
    @functools.wraps(parse_string)
    def locked(*args, **kwargs):
        with _LOCK:
            return parse_string(*args, **kwargs)

    locked.ckm_serialised = True  # type: ignore[attr-defined]
    return locked


def install() -> None:
    """Serialise rdflib's SPARQL query and update grammars (idempotent)."""
    for element in (parser.Query, parser.UpdateUnit):
        for name in ("parse_string", "parseString"):
            method = getattr(element, name)
            if not getattr(method, "ckm_serialised", False):
                setattr(element, name, _serialised(method))


install()
