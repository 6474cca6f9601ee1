"""An anonymous query made the server send ``POST /sparql`` to a listener of the
client's choosing (SSRF), and the client got a 500: the guard looked for ``SERVICE``
with a lexer that read the text differently from the engine. Behind ``# c\\r`` (a comment
ends at ``\\r`` for the engine, issue 15) and, found while fixing it, in three more
places: ``?o<'x>'`` (the guard read an IRI ``<'x>`` where the engine reads less-than and
a string, so the rest of the line looked quoted), ``SERVICESILENT`` (Oxigraph needs no
space between keywords) and ``ex:a\\#b`` (an escaped ``#`` in a name, not a comment).

Every form is now refused with 400 service-disabled and nothing reaches the listener;
an IRI that merely contains the word (``ckm:SelfServicePortal``) is still answered."""

from __future__ import annotations

import pytest

from tests.api.conftest import App
from tests.security.listener import listening

HIDINGS = {
    "cr comment": "SELECT * WHERE { # c\rSERVICE <{url}/sparql> { ?s ?p ?o } }",
    "less-than read as an IRI": (
        "SELECT * WHERE { ?a ?b ?c FILTER(?c<'x>') SERVICE <{url}/sparql> { ?s ?p ?o } #'\n}"
    ),
    "keywords run together": "SELECT * WHERE { SERVICESILENT <{url}/sparql> { ?s ?p ?o } }",
    "escaped # in a name": (
        "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:a\\#b ?o "
        "SERVICE <{url}/sparql> { ?s ?p ?o } }"
    ),
}


@pytest.mark.parametrize("hiding", sorted(HIDINGS))
def test_a_hidden_service_is_refused_and_calls_nobody(served: App, hiding: str):
    with listening() as listener:
        query = HIDINGS[hiding].replace("{url}", listener.url)
        response = served.client.post(
            "/sparql", content=query, headers={"Content-Type": "application/sparql-query"}
        )
        assert listener.requests == []
    assert response.status_code == 400, response.text
    assert response.json()["type"].endswith("service-disabled")


def test_a_name_that_contains_the_word_service_is_answered(served: App):
    query = (
        "PREFIX ckm: <https://w3id.org/ckm#> "
        "SELECT * WHERE { ?i ckm:channel ckm:SelfServicePortal }"
    )
    response = served.client.post(
        "/sparql", content=query, headers={"Content-Type": "application/sparql-query"}
    )
    assert response.status_code == 200, response.text
