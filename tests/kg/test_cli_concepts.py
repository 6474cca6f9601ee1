"""``ckm concepts list|add`` (issue 17 E2): exit codes, output, nothing written on refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.kg.conftest import SMALL_TTL

runner = CliRunner()
SCHEME = "ResourceIntegratingPracticeScheme"


def ckm(store: Path, *args: str):
    return runner.invoke(app, ["--store", str(store), *args])


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    assert ckm(path, "load", str(SMALL_TTL)).exit_code == 0
    return path


def test_list_says_which_schemes_are_open(store: Path):
    assert ckm(store, "concepts", "list").exit_code == 0  # the table
    result = ckm(store, "concepts", "list", "--json")
    assert result.exit_code == 0
    schemes = {s["name"]: s["open"] for s in json.loads(result.output)["items"]}
    assert (schemes[SCHEME], schemes["ValueSphereScheme"]) == (True, False)


def test_add_then_list_the_concept(store: Path):
    added = ckm(store, "concepts", "add", SCHEME, "Joint budgeting", "-d", "Planning together.")
    assert added.exit_code == 0, added.output
    assert "/concept/joint-budgeting-" in added.output
    listed = json.loads(ckm(store, "concepts", "list", SCHEME, "--json").output)
    assert [(c["label"], c["added"]) for c in listed["concepts"]][-1] == ("Joint budgeting", True)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("ValueSphereScheme", "Mars", "-d", "x"), 1),  # closed
        ((SCHEME, "Diagnosing and designing", "-d", "x"), 1),  # duplicate
        (("PartnershipDesignScheme", "Clinic", "-d", "x"), 1),  # several kinds, none chosen
        (("NoSuchScheme", "X", "-d", "x"), 2),  # unknown
    ],
)
def test_a_refused_concept_exits_with_its_code(store: Path, args, code):
    before = ckm(store, "dump").stdout_bytes
    result = ckm(store, "concepts", "add", *args)
    assert result.exit_code == code, result.output
    assert ckm(store, "dump").stdout_bytes.count(b"\n") == before.count(b"\n")
