"""A cartesian product answered 503 query-timeout at the deadline, but its worker went
on: Oxigraph serialised the whole answer in one call (gigabytes for the demo data), a
core stayed busy and memory grew until it ended (found by the query denial-of-service
test, tests/security/test_query_denial_of_service.py). Answers are now taken row by row,
so the evaluation stops at the deadline and at the row limit."""

from __future__ import annotations

import time
from pathlib import Path

from tests.security.conftest import small_app


def test_the_evaluation_stops_at_the_deadline(tmp_path: Path):
    app = small_app(tmp_path, query_timeout_s=0.5)
    try:
        query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        response = app.client.get("/sparql", params={"query": query})
        assert response.status_code == 503
        time.sleep(0.3)
        before = time.process_time()
        time.sleep(1.0)
        assert time.process_time() - before < 0.5, "the query kept a core busy"
    finally:
        app.close()
