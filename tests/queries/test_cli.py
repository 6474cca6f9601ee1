"""``ckm queries list|show|run`` as a user runs them: output formats and exit codes (2 for
an unknown query, a bad or unknown parameter, a bad format)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.queries import saved_queries
from tests.queries.conftest import ANALYSTS_TTL

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store loaded with the fixture by ``ckm load`` (the validated write road)."""
    path = tmp_path_factory.mktemp("cli") / "store"
    result = runner.invoke(app, ["--store", str(path), "load", str(ANALYSTS_TTL)])
    assert result.exit_code == 0, result.output
    return path


def ckm(store: Path, *args: str):
    return runner.invoke(app, ["--store", str(store), "queries", *args])


def test_list_shows_every_query_by_its_full_name(store: Path):
    result = ckm(store, "list")
    assert result.exit_code == 0, result.output
    assert all(name in result.stdout for name in saved_queries())
    assert f"{len(saved_queries())} saved queries" in result.stdout


def test_show_prints_question_parameters_and_sparql(store: Path):
    result = ckm(store, "show", "crowding-out-risk")
    assert result.exit_code == 0, result.output
    assert "monetary" in result.stdout.lower()
    assert "https://w3id.org/ckm#MonetaryReward" in result.stdout
    assert "SELECT ?customer" in result.stdout


def test_run_prints_a_table(store: Path):
    result = ckm(store, "run", "contributions-by-value-area")
    assert result.exit_code == 0, result.output
    assert "operative area" in result.stdout
    assert "3 row(s)" in result.stdout


def test_run_as_csv_with_parameters(store: Path):
    result = ckm(
        store,
        "run",
        "knowledge-flows-by-month",
        "--param",
        "firm=http://example.org/id/plastica",
        "-p",
        "to=2025-01-31",
        "--format",
        "csv",
    )
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        ["month", "direction", "count"],
        ["2025-01", "from", "1"],  # k6, from Emil in i6
    ]


def test_run_as_sparql_json(store: Path):
    result = ckm(
        store, "run", "crowding-out-risk", "-p", "reward=ckm:PublicRecognition", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    results = json.loads(result.stdout)
    assert results["head"]["vars"][0] == "customer"
    assert [b["customer"]["value"] for b in results["results"]["bindings"]] == [
        "http://example.org/id/emil"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "no-such-query"], "no saved query named 'no-such-query'"),
        (["show", "no-such-query"], "no saved query named 'no-such-query'"),
        (["run", "knowledge-flows-by-month", "-p", "from=yesterday"], "parameter 'from'"),
        (["run", "knowledge-flows-by-month", "-p", 'firm="> } ; DROP ALL #'], "parameter 'firm'"),
        (["run", "knowledge-flows-by-month", "-p", "company=x"], "unknown parameter"),
        (["run", "knowledge-flows-by-month", "-p", "firm"], "NAME=VALUE"),
        (
            ["run", "knowledge-flows-by-month", "-p", "to=2025-01-01", "-p", "to=2025-02-01"],
            "twice",
        ),
        (["run", "knowledge-flows-by-month", "--format", "xlsx"], "unknown format"),
    ],
)
def test_bad_input_exits_2_saying_why(store: Path, args: list[str], message: str):
    result = ckm(store, *args)
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())
