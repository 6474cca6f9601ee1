"""A customer imported with the name ``=1+2+cmd|' /C calc'!A0`` came back unescaped in
the CSV list (``Accept: text/csv``), and by the code also in ``ckm export`` and the
rejected rows of an import: a spreadsheet opening the file runs it as a formula (OWASP
"CSV injection"; ``@``, ``+``, ``-``, tab and CR lead formulas too). Found by issue 15.

Every CSV written for people now writes such a cell with a leading apostrophe (text to
a spreadsheet), and ``ckm import`` reads it back as the original value. The SPARQL
endpoint's CSV stays the W3C format, value for value (docs/SECURITY.md says why).
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.api.conftest import App
from tests.kg.conftest import turtle_delta

FORMULA = "=1+2+cmd|' /C calc'!A0"
LEADERS = ("=", "+", "-", "@", "\t", "\r")
EVIL = f"""
ex:evil a ckm:Customer ; rdfs:label "{FORMULA}" ; ckm:customerOf ex:medsoft ;
    ckm:customerRole ckm:KnowledgePartnerRole ; ckm:typology ckm:B2B ; ckm:country "LI" ;
    ckm:businessField "@SUM(1+1)*cmd|' /C calc'!A0" .
ex:c9 a ckm:Contribution ; rdfs:label "-2+3+cmd|' /C calc'!A0" ; ckm:contributedBy ex:evil ;
    ckm:basedOnKnowledge ex:k7 ; ckm:valueArea ckm:OperativeArea ;
    ckm:contributionKind ckm:ProductDevelopment ; dcterms:date "2026-03-10"^^xsd:date .
"""
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "crm"
runner = CliRunner()


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def runs_as_formula(cell: str) -> bool:
    return cell.startswith(LEADERS)


@pytest.fixture
def evil(served: App) -> App:
    served.graph.write(turtle_delta(EVIL))
    return served


def test_the_csv_list_writes_a_formula_as_text(evil: App):
    response = evil.client.get("/api/customers", headers={"Accept": "text/csv"})
    assert response.status_code == 200
    found = cells(response.text)
    assert "'" + FORMULA in found
    assert not [c for c in found if runs_as_formula(c)]


def test_a_saved_query_as_csv_writes_a_formula_as_text(evil: App):
    response = evil.client.get("/api/queries/top-contributors", params={"format": "csv"})
    assert response.status_code == 200, response.text
    found = cells(response.text)
    assert "'" + FORMULA in found
    assert not [c for c in found if runs_as_formula(c)]


def test_the_sparql_endpoint_csv_is_the_w3c_format_value_for_value(evil: App):
    query = "SELECT ?name WHERE { <http://example.org/id/evil> rdfs:label ?name }"
    response = evil.client.get(
        "/sparql",
        params={"query": "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " + query},
        headers={"Accept": "text/csv"},
    )
    assert cells(response.text) == ["name", FORMULA]


def _customers_csv(names: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["customer_id", "name", "firm_id", "role", "typology", "country"])
    for number, name in enumerate(names, start=1):
        writer.writerow([f"K-{number}", name, "alpentech", "passiv", "b2b", "AT"])
    return out.getvalue()


NAMES = [FORMULA, "+43 512 1234", "-minus", "@at home", "'=quoted already", "'t Hooft", "Acme"]
# The same names as a spreadsheet user would write them, by the rule of kg.spreadsheet:
# a leading apostrophe that precedes a formula character is the spreadsheet's text
# mark, so a name that really begins with "'=" is written with one more.
WRITTEN = [n if n != "'=quoted already" else "''=quoted already" for n in NAMES]


def _labels(store: Path) -> set[str]:
    result = runner.invoke(
        app,
        [
            "--store",
            str(store),
            "query",
            "--format",
            "csv",
            "SELECT ?name WHERE { ?c a <https://w3id.org/ckm#Customer> ; "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?name }",
        ],
    )
    assert result.exit_code == 0, result.output
    return set(cells(result.stdout)[1:])


def test_ckm_export_writes_formulas_as_text_and_import_reads_them_back(tmp_path: Path):
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(EXAMPLES / "firms.csv", source / "firms.csv")
    (source / "customers.csv").write_text(_customers_csv(WRITTEN), encoding="utf-8")
    first, second = tmp_path / "first", tmp_path / "second"
    imported = runner.invoke(app, ["--store", str(first), "import", "default", str(source)])
    assert imported.exit_code == 0, imported.output
    assert _labels(first) == set(NAMES)

    exported = tmp_path / "out"
    exported.mkdir()
    shutil.copy(EXAMPLES / "firms.csv", exported / "firms.csv")
    result = runner.invoke(
        app, ["--store", str(first), "export", "customers", "-o", str(exported / "customers.csv")]
    )
    assert result.exit_code == 0, result.output
    written = cells((exported / "customers.csv").read_text(encoding="utf-8"))
    assert "'" + FORMULA in written and "''=quoted already" in written
    assert not [c for c in written if runs_as_formula(c)]

    again = runner.invoke(app, ["--store", str(second), "import", "default", str(exported)])
    assert again.exit_code == 0, again.output
    assert _labels(second) == set(NAMES)


def test_the_rejected_rows_file_writes_formulas_as_text(tmp_path: Path):
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(EXAMPLES / "firms.csv", source / "firms.csv")
    bad = _customers_csv([FORMULA]).replace(",passiv,", ",no-such-role,")
    (source / "customers.csv").write_text(bad, encoding="utf-8")
    rejects = tmp_path / "rejects.csv"
    store = str(tmp_path / "s")
    command = ["--store", store, "import", "default", str(source), "--rejects", str(rejects)]
    result = runner.invoke(app, command)
    assert result.exit_code == 1, result.output
    written = cells(rejects.read_text(encoding="utf-8"))
    assert "'" + FORMULA in written
    assert not [c for c in written if runs_as_formula(c)]
