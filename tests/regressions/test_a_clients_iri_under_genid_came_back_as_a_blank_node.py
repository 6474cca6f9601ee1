"""The Graph Store answers blank nodes where it stored skolem IRIs (RDF 1.1 §3.5), and
it turned EVERY IRI under its ``/.well-known/genid/`` into a blank node on the way out:
a client that wrote ``<http://localhost:8000/.well-known/genid/abc>`` read back
``_:abc``, an IRI changed into a blank node (the graph it got was not the graph it
stored, RDF 1.1 §3.5 leaves IRIs under ``genid`` to the minting authority). Found by the
issue-19 red team. Only the skolem IRIs the store mints (32 hex digits) are answered as
blank nodes now; a client's own IRI there stays an IRI, and the store's still
round-trip as blank nodes."""

from __future__ import annotations

from tests.api.conftest import WRITER, App

GENID = "http://localhost:8000/.well-known/genid/"
GRAPH = "/store?graph=http://example.org/g1"


def test_a_clients_iri_under_genid_stays_an_iri(api: App) -> None:
    body = (
        f"<{GENID}abc> <http://example.org/p> <http://example.org/o> .\n"
        "<http://example.org/s> <http://example.org/p> _:b1 .\n"
    )
    put = api.client.put(
        GRAPH, content=body, headers={**WRITER, "Content-Type": "application/n-triples"}
    )
    assert put.status_code == 201, put.text
    read = api.client.get(GRAPH, headers={**WRITER, "Accept": "application/n-triples"})
    lines = sorted(read.text.splitlines())
    assert lines[1] == f"<{GENID}abc> <http://example.org/p> <http://example.org/o> ."
    subject, predicate, blank, _dot = lines[0].split()
    assert (subject, predicate) == ("<http://example.org/s>", "<http://example.org/p>")
    assert blank.startswith("_:")  # the store's own skolem IRI: a blank node again
