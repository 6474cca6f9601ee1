"""Run in a fresh interpreter (rdflib's parser unused so far): eight threads send one
update form at once through the real app, then the form is sent alone; prints one JSON
line per form with the status codes."""

import json
import sys
import tempfile
import threading
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ApiSettings
from kg import KnowledgeGraph

FIRM = "<http://example.org/id/firm/f{n}>"
PROLOGUE = (
    "PREFIX ckm: <https://w3id.org/ckm#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
)
FORMS = {
    "delete-insert-bind": PROLOGUE
    + f"DELETE {{ {FIRM} ckm:employeeCount ?o }} INSERT {{ {FIRM} ckm:employeeCount ?m }} "
    + f"WHERE {{ OPTIONAL {{ {FIRM} ckm:employeeCount ?o }} BIND(COALESCE(?o, 0) + 1 AS ?m) }}",
    "insert-data": PROLOGUE + f"INSERT DATA {{ {FIRM} rdfs:label 'Firm {{n}}'@en }}",
    "insert-where-filter-values": PROLOGUE
    + f"INSERT {{ {FIRM} rdfs:comment ?c }} WHERE {{ VALUES ?c {{ 'a' 'b' }} "
    + "FILTER(STRLEN(?c) = 1 && !CONTAINS(?c, 'x')) }",
    "delete-where": PROLOGUE + f"DELETE WHERE {{ {FIRM} rdfs:comment ?c }}",
}


def main(key: str, keys_setting: str) -> None:
    path = Path(tempfile.mkdtemp())
    settings = ApiSettings(
        store=path / "store", base_iri="http://example.org/id/", api_keys=keys_setting
    )
    graph = KnowledgeGraph.open(settings)
    client = TestClient(create_app(settings, graph), raise_server_exceptions=False)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/sparql-update"}
    for name, form in FORMS.items():
        barrier = threading.Barrier(8)
        codes: list[int] = []
        details: list[str] = []

        def send(
            n: int,
            form: str = form,
            barrier: threading.Barrier = barrier,
            codes: list[int] = codes,
            details: list[str] = details,
        ) -> None:
            barrier.wait()
            answer = client.post("/sparql", content=form.replace("{n}", str(n)), headers=headers)
            codes.append(answer.status_code)
            if answer.status_code != 200:
                details.append(answer.text[:200])

        threads = [threading.Thread(target=send, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        alone = client.post("/sparql", content=form.replace("{n}", "99"), headers=headers)
        print(
            json.dumps(
                {
                    "form": name,
                    "together": codes,
                    "alone": alone.status_code,
                    "details": [*details[:2], alone.text[:200]],
                }
            )
        )
    graph.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
