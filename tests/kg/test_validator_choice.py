"""``CKM_VALIDATOR``: the compiled shapes, the pySHACL reference and pyshacl-turbo give
the write road the same verdicts, reports and stored result."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import KnowledgeGraph, ValidationRefused
from kg.config import Settings
from kg.validation import CompiledValidator, ShapesValidator, TurboValidator
from kg.vocab import DATA_GRAPH, INFERRED_GRAPH
from tests.kg.conftest import SMALL_TTL, turtle_delta
from tests.kg.test_concurrency import interaction_with_knowledge

REFUSED = [
    "ex:i42 ckm:satisfaction 9 .",
    "ex:bella ckm:country 'Austria' .",
    "ex:ci1 a ckm:Interaction ; ckm:channel ckm:Email .",
]


def outcomes(validator: str, tmp_path: Path) -> tuple[list, set]:
    graph = KnowledgeGraph.open(Settings(store=tmp_path / validator, validator=validator))
    try:
        graph.write(turtle_delta(SMALL_TTL.read_text()))
        seen: list = [graph.write(turtle_delta(interaction_with_knowledge(3))).report]
        for turtle in REFUSED:
            with pytest.raises(ValidationRefused) as refusal:
                graph.write(turtle_delta(turtle))
            seen.append(refusal.value.report)
        data = {q for q in graph.quads() if q[3] in (DATA_GRAPH, INFERRED_GRAPH)}
        return seen, data
    finally:
        graph.close()


def test_the_setting_picks_the_validator(tmp_path: Path):
    engines = (("compiled", CompiledValidator), ("pyshacl", ShapesValidator))
    for name, kind in (*engines, ("turbo", TurboValidator)):
        graph = KnowledgeGraph(None, Settings(store=tmp_path, validator=name))  # type: ignore[arg-type]
        assert isinstance(graph._road.validator, kind)


@pytest.mark.parametrize("other", ["pyshacl", "turbo"])
def test_the_validators_refuse_and_accept_alike(tmp_path: Path, other: str):
    compiled_reports, compiled_data = outcomes("compiled", tmp_path)
    other_reports, other_data = outcomes(other, tmp_path)
    assert [r.accepted for r in compiled_reports] == [True, False, False, False]
    assert compiled_reports == other_reports
    assert compiled_data == other_data and compiled_data
