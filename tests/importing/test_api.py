"""``POST /api/import`` over real HTTP (TestClient on the real app and store), and the
REST lists as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.conftest import WRITER, App, bearer
from tests.importing.conftest import BROKEN, EXAMPLES, MALFORMED

PROBLEM = "application/problem+json"


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    application = App(tmp_path)
    yield application
    application.close()


def parts(directory: Path, *names: str) -> list[tuple[str, tuple[str, bytes, str]]]:
    """Multipart file parts named ``files``; the file names say the sources."""
    paths = [directory / n for n in names] if names else sorted(directory.glob("*.csv"))
    return [("files", (p.name, p.read_bytes(), "text/csv")) for p in paths]


def post(app: App, files, headers=WRITER, **form):
    return app.client.post("/api/import", files=files, data=form, headers=headers)


def test_an_import_answers_its_report(app: App):
    response = post(app, parts(EXAMPLES), timezone="Europe/Vienna")
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["written"] and report["resources"]["customer"]["created"] == 120
    assert report["rowsRead"]["interactions.csv"] == 300
    again = post(app, parts(EXAMPLES), timezone="Europe/Vienna").json()
    assert again["resources"]["interaction"] == {"created": 0, "updated": 0, "unchanged": 300}
    listed = app.client.get("/api/customers/K-10001")
    assert listed.status_code == 200 and listed.json()["customerRole"] == "ckm:PassiveCustomerRole"


def test_parts_may_be_named_after_their_source(app: App):
    files = [
        ("firms", ("Firma.csv", (EXAMPLES / "firms.csv").read_bytes(), "text/csv")),
        ("customers", ("Kunden-Export.csv", (EXAMPLES / "customers.csv").read_bytes(), "text/csv")),
    ]
    response = post(app, files, dry_run="true")
    assert response.status_code == 200, response.text
    assert response.json()["dryRun"] and not response.json()["written"]
    assert response.json()["rowsRead"] == {"Firma.csv": 1, "Kunden-Export.csv": 120}


def test_a_refusal_is_a_422_problem_naming_every_row_and_nothing_is_written(app: App):
    before = app.dump()
    response = post(app, parts(BROKEN))
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["type"].endswith("/import-refused")
    problems = {(p["file"], p["row"], p["column"], p["rule"]) for p in body["report"]["problems"]}
    assert ("interactions.csv", 4, "channel", "import:unknown-term") in problems
    assert (
        "contributions.csv",
        3,
        "customer_id",
        "ckmsh:Contribution-activeContributor",
    ) in problems
    assert len(problems) == 16
    assert app.dump() == before


def test_skip_invalid_writes_the_valid_rows(app: App):
    response = post(app, parts(BROKEN), skip_invalid="true")
    assert response.status_code == 200, response.text
    assert response.json()["rejectedRows"] == 16
    assert app.client.get("/api/customers/K-1").status_code == 200
    assert app.client.get("/api/customers/K-2").status_code == 404


@pytest.mark.parametrize(
    ("files", "form", "kind"),
    [
        (
            [
                (
                    "interactions",
                    ("i.csv", (MALFORMED / "interactions.csv").read_bytes(), "text/csv"),
                )
            ],
            {},
            "malformed-csv",
        ),
        (parts(EXAMPLES, "firms.csv"), {"mapping": "nope"}, "bad-import"),
        (parts(EXAMPLES, "firms.csv"), {"mapping": "/etc/passwd"}, "bad-import"),
        ([("files", ("orders.csv", b"id\n1\n", "text/csv"))], {}, "bad-import"),
        (
            [("files", ("customers.csv", b"PK\x03\x04", "application/octet-stream"))],
            {},
            "malformed-csv",
        ),
    ],
)
def test_bad_input_is_a_400_problem(app: App, files, form, kind):
    before = app.dump()
    response = post(app, files, **form)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["type"].endswith(kind)
    assert app.dump() == before


@pytest.mark.parametrize(("role", "status"), [(None, 401), ("wrong", 401), ("reader", 403)])
def test_importing_needs_the_writer_role(app: App, role, status):
    response = post(app, parts(EXAMPLES, "firms.csv"), headers=bearer(role))
    assert response.status_code == status


def test_rest_lists_answer_csv_for_spreadsheets(app: App):
    post(app, parts(EXAMPLES, "firms.csv", "customers.csv"))
    response = app.client.get("/api/customers?limit=50", headers={"Accept": "text/csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'rel="next"' in response.headers["link"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 50
    first = rows[0]
    assert first["id"].endswith("/customer/K-10001")
    assert first["customerOf"].endswith("/firm/alpentech")
    assert first["customerRole"] == "ckm:PassiveCustomerRole"
    last = app.client.get("/api/customers?limit=50&offset=100", headers={"Accept": "text/csv"})
    assert "link" not in last.headers and len(last.text.splitlines()) == 21
    assert app.client.get("/api/customers").headers["content-type"].startswith("application/json")
    refused = app.client.get("/api/customers", headers={"Accept": "image/png"})
    assert refused.status_code == 406 and "text/csv" in refused.json()["detail"]
