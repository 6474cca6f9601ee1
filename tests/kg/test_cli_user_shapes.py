"""Shapes of the user's own on the command line: ``CKM_EXTRA_SHAPES`` guards ``ckm
load``; ``ckm validate --shapes FILE`` checks files, or the whole stored graph, against
the shipped shapes and FILE; an unusable shapes file ends the command with exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.kg import test_cli
from tests.kg.test_cli import dump, write
from tests.shacl.user_shapes import CASES, MY_SHAPES, interaction

runner = CliRunner()
store = test_cli.store  # the fixture: a store holding tests/kg/data/small.ttl


def ckm(store: Path, *args: str, extra_shapes: Path | None = None):
    env = {"CKM_EXTRA_SHAPES": str(extra_shapes)} if extra_shapes else {}
    return runner.invoke(app, ["--store", str(store), *args], env=env)


@pytest.mark.parametrize(("case", "node", "started", "label", "component"), CASES)
def test_load_with_my_shapes(store: Path, tmp_path: Path, case, node, started, label, component):
    before = dump(store)
    data = write(tmp_path, f"{case}.ttl", interaction(node, started, label))
    result = ckm(store, "load", str(data), extra_shapes=MY_SHAPES)
    if component is None:
        assert result.exit_code == 0, result.output
        assert dump(store) != before
    else:
        assert result.exit_code == 1, result.output
        assert "refused by validation; nothing was written" in result.stderr
        assert component.removeprefix("http://www.w3.org/ns/shacl#").removesuffix(
            "ConstraintComponent"
        ) in {"MinInclusive", "SPARQL"}
        assert dump(store) == before


def test_without_my_shapes_the_old_interaction_loads(store: Path, tmp_path: Path):
    data = write(tmp_path, "old.ttl", interaction("i2019", "2019-05-04T09:30:00Z"))
    assert ckm(store, "load", str(data)).exit_code == 0


def test_validate_files_with_shapes_option(store: Path, tmp_path: Path):
    old = write(tmp_path, "old.ttl", interaction("i2019", "2019-05-04T09:30:00Z"))
    assert ckm(store, "validate", str(old)).exit_code == 0
    result = ckm(store, "validate", str(old), "--shapes", str(MY_SHAPES))
    assert result.exit_code == 1
    assert "Violation" in result.stdout and "2019-05-04T09:30:00" in result.stdout


@pytest.mark.parametrize("engine", ["turbo", "compiled", "pyshacl"])
def test_validate_the_whole_stored_graph(store: Path, tmp_path: Path, engine: str):
    unlabelled = write(tmp_path, "u.ttl", interaction("i2025", "2025-05-04T09:30:00Z", None))
    assert ckm(store, "load", str(unlabelled)).exit_code == 0  # no shapes of mine yet
    before = dump(store)
    assert ckm(store, "validate", "--engine", engine).exit_code == 0
    result = ckm(store, "validate", "--shapes", str(MY_SHAPES), "--engine", engine)
    assert result.exit_code == 1
    assert "Violation: http://example.org/id/i2025" in result.stdout
    assert dump(store) == before


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("this is not turtle", "cannot be read"),
        (
            "@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:s> sh:targetNode <urn:x> ; "
            'sh:sparql [ sh:select "SELECT $this WHERE { MINUS { $this ?p ?o } }" ] .',
            "MINUS is not allowed",
        ),
    ],
    ids=["unreadable", "ill-formed-sparql"],
)
def test_an_unusable_shapes_file_exits_2_with_the_reason(store: Path, tmp_path: Path, text, reason):
    bad = write(tmp_path, "bad-shapes.ttl", text)
    data = write(tmp_path, "ok.ttl", interaction("i2024", "2024-05-04T09:30:00Z"))
    for result in (
        ckm(store, "validate", "--shapes", str(bad)),
        ckm(store, "load", str(data), extra_shapes=bad),
    ):
        assert result.exit_code == 2, result.output
        assert reason in result.stderr


def test_unknown_engine_exits_2(store: Path):
    result = ckm(store, "validate", "--engine", "fast")
    assert result.exit_code == 2 and "unknown engine" in result.stderr


def test_serve_refuses_to_start_with_an_unusable_shapes_file(tmp_path: Path):
    bad = write(tmp_path, "bad-shapes.ttl", "this is not turtle")
    result = ckm(tmp_path / "store", "serve", "--port", "1", extra_shapes=bad)
    assert result.exit_code == 2 and "bad-shapes.ttl" in result.stderr
