"""Run in a fresh interpreter (rdflib's parser unused so far): for each write route, eight
threads send one request form at once through the real app, then the form is sent
alone; prints one JSON line per form with the status codes."""

import json
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ApiSettings
from kg import KnowledgeGraph

FIRM = "<http://example.org/id/firm/f{n}>"
PROLOGUE = (
    "PREFIX ckm: <https://w3id.org/ckm#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
)
UPDATES = {
    "sparql delete-insert-bind": PROLOGUE
    + f"DELETE {{ {FIRM} ckm:employeeCount ?o }} INSERT {{ {FIRM} ckm:employeeCount ?m }} "
    + f"WHERE {{ OPTIONAL {{ {FIRM} ckm:employeeCount ?o }} BIND(COALESCE(?o, 0) + 1 AS ?m) }}",
    "sparql insert-data": PROLOGUE + f"INSERT DATA {{ {FIRM} rdfs:label 'Firm {{n}}'@en }}",
    "sparql insert-where-filter-values": PROLOGUE
    + f"INSERT {{ {FIRM} rdfs:comment ?c }} WHERE {{ VALUES ?c {{ 'a' 'b' }} "
    + "FILTER(STRLEN(?c) = 1 && !CONTAINS(?c, 'x')) }",
    "sparql delete-where": PROLOGUE + f"DELETE WHERE {{ {FIRM} rdfs:comment ?c }}",
}
TURTLE = "<http://example.org/id/note{n}> <http://www.w3.org/2000/01/rdf-schema#comment> 'n{n}' ."


def main(key: str, keys_setting: str) -> None:
    path = Path(tempfile.mkdtemp())
    settings = ApiSettings(
        store=path / "store", base_iri="http://example.org/id/", api_keys=keys_setting
    )
    graph = KnowledgeGraph.open(settings)
    client = TestClient(create_app(settings, graph), raise_server_exceptions=False)
    auth = {"Authorization": f"Bearer {key}"}
    update = {**auth, "Content-Type": "application/sparql-update"}
    turtle = {**auth, "Content-Type": "text/turtle"}
    firm = client.post("/api/firms", json={"label": "Medsoft", "country": "LI"}, headers=auth)
    firm_iri = firm.json()["id"]
    customers = [
        client.post(
            "/api/customers",
            json={"label": f"Customer {n}", "customerOf": [firm_iri]},
            headers=auth,
        ).headers["Location"]
        for n in range(10)
    ]

    def customer(n: int) -> str:
        return customers[n % len(customers)]

    forms: dict[str, Callable[[int], object]] = {
        name: (
            lambda n, text=text: client.post(
                "/sparql", content=text.replace("{n}", str(n)), headers=update
            )
        )
        for name, text in UPDATES.items()
    }
    forms |= {
        "rest post": lambda n: client.post(
            "/api/customers", json={"label": f"New {n}", "customerOf": [firm_iri]}, headers=auth
        ),
        "rest put": lambda n: client.put(
            customer(n), json={"label": f"Put {n}", "customerOf": [firm_iri]}, headers=auth
        ),
        "rest patch": lambda n: client.patch(customer(n), json={"country": "AT"}, headers=auth),
        "gsp put": lambda n: client.put(
            f"/store?graph=http://example.org/g{n}", content=TURTLE.format(n=n), headers=turtle
        ),
        "gsp post": lambda n: client.post(
            f"/store?graph=http://example.org/g{n}",
            content=TURTLE.format(n=n + 100),
            headers=turtle,
        ),
        "gsp delete": lambda n: client.delete(
            f"/store?graph=http://example.org/g{n}", headers=auth
        ),
        "validate": lambda n: client.post(
            "/validate", content=TURTLE.format(n=n), headers={"Content-Type": "text/turtle"}
        ),
        "rest delete": lambda n: client.delete(
            client.post(
                "/api/firms", json={"label": f"Gone {n}", "country": "AT"}, headers=auth
            ).headers["Location"],
            headers=auth,
        ),
    }
    for name, send in forms.items():
        barrier = threading.Barrier(8)
        codes: list[int] = []
        details: list[str] = []

        def hammer(
            n: int,
            send: Callable[[int], object] = send,
            barrier: threading.Barrier = barrier,
            codes: list[int] = codes,
            details: list[str] = details,
        ) -> None:
            barrier.wait()
            answer = send(n)
            codes.append(answer.status_code)
            if answer.status_code >= 300:
                details.append(answer.text[:200])

        threads = [threading.Thread(target=hammer, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        alone = send(99)
        outcome = {"form": name, "together": sorted(codes), "alone": alone.status_code}
        print(json.dumps(outcome | {"details": [*details[:2], alone.text[:200]]}))
    graph.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
