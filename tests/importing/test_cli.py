"""``ckm import`` and ``ckm export`` as a user runs them: exit codes 0, 1 and 2, the
report, the rejects file, nothing written on refusal."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.importing.conftest import BROKEN, EXAMPLES, MALFORMED

runner = CliRunner()


def ckm(store: Path, *args: str):
    return runner.invoke(app, ["--store", str(store), *args])


def dump(store: Path) -> list[str]:
    result = ckm(store, "dump")
    assert result.exit_code == 0
    return sorted(result.stdout.splitlines())


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store"


def test_import_a_directory_and_again(store: Path):
    first = ckm(store, "import", "default", str(EXAMPLES), "--timezone", "Europe/Vienna")
    assert first.exit_code == 0, first.output
    assert "imported with mapping default" in first.stdout
    assert "read 120 rows from customers.csv" in first.stdout
    before = dump(store)
    again = ckm(store, "import", "default", str(EXAMPLES), "--timezone", "Europe/Vienna", "--json")
    assert again.exit_code == 0
    report = json.loads(again.stdout)
    assert report["resources"]["customer"] == {"created": 0, "updated": 0, "unchanged": 120}
    assert dump(store) == before


def test_a_refused_import_exits_1_names_the_rows_and_writes_nothing(store: Path, tmp_path: Path):
    ckm(store, "import", "default", str(EXAMPLES / "firms.csv"))
    before = dump(store)
    rejects = tmp_path / "rejects.csv"
    result = ckm(store, "import", "default", str(BROKEN), "--rejects", str(rejects))
    assert result.exit_code == 1
    assert "interactions.csv row 4, column channel ('Brieftaube')" in result.stdout
    assert "nothing was written" in result.output
    assert dump(store) == before
    assert len(list(csv.DictReader(rejects.open(encoding="utf-8")))) == 16


def test_skip_invalid_writes_the_rest_and_the_rejects_file(store: Path, tmp_path: Path):
    rejects = tmp_path / "rejects.csv"
    result = ckm(
        store, "import", "default", str(BROKEN), "--skip-invalid", "--rejects", str(rejects)
    )
    assert result.exit_code == 0, result.output
    assert "16 rows rejected" in result.stdout
    rows = list(csv.DictReader(rejects.open(encoding="utf-8")))
    assert {(r["reject_file"], r["reject_row"]) for r in rows} >= {
        ("customers.csv", "3"),
        ("interactions.csv", "10"),
    }


def test_files_named_for_their_source(store: Path):
    result = ckm(
        store,
        "import",
        "default",
        f"firms={EXAMPLES / 'firms.csv'}",
        f"customers.csv={EXAMPLES / 'customers.csv'}",
        "--dry-run",
    )
    assert result.exit_code == 0, result.output
    assert "dry run" in result.stdout
    assert not [line for line in dump(store) if "urn:ckm:graph:data" in line]


@pytest.mark.parametrize(
    "args",
    [
        ["nope", str(EXAMPLES)],
        ["default", f"interactions={MALFORMED / 'interactions.csv'}"],
        ["default", str(EXAMPLES / "make_samples.py")],
        ["default", str(EXAMPLES / "missing.csv")],
        ["default", str(EXAMPLES / "firms.csv"), "--timezone", "Nowhere/Else"],
    ],
)
def test_bad_input_exits_2(store: Path, args: list[str]):
    result = ckm(store, "import", *args)
    assert result.exit_code == 2, result.output
    assert "error:" in result.output


def test_export_writes_the_import_layout(store: Path, tmp_path: Path):
    ckm(store, "import", "default", str(EXAMPLES))
    out = tmp_path / "customers.csv"
    result = ckm(store, "export", "customers", "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 120 and rows[0]["customer_id"] == "K-10001"
    reimport = ckm(store, "import", "default", f"customers={out}", "--json")
    assert json.loads(reimport.stdout)["resources"]["customer"]["unchanged"] == 120
    assert ckm(store, "export", "orders").exit_code == 2
