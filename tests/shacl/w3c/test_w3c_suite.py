"""The W3C SHACL test suite (core + SPARQL, 121 tests) through the write road's engine.

Each test's shapes go through the same factory KnowledgeGraph uses to make its
validator (:func:`kg.validation.validator_for`, the compiled engine by default, which
hands any shape it does not translate to pySHACL); the report is compared by the
suite's own rule (:mod:`tests.shacl.w3c.suite`). Expected answers are the suite's,
written by the W3C working group.

Before issue 16 the write road's engine answered 8 right, refused 87 shapes files at
start and answered 26 wrong (the issue measured 9 / 87 / 25); it now answers all 121
right, each with the compiled engine alone (no shape left to pySHACL).
"""

from __future__ import annotations

import functools

import pytest

from kg.config import Settings
from kg.validation import CompiledValidator, load_shapes, validator_for
from tests.shacl.w3c.suite import RIGHT, SuiteTest, load_suite, outcome

SUITE = load_suite()
# Tests the engine may miss, each with the reason (none is missed today). A test listed
# here must still never be answered WRONG: refusing is allowed, a wrong report is not.
NOT_RIGHT: dict[str, str] = {}
WRITE_ROAD = Settings(validator="compiled")  # the write road's engine (the default)


def write_road_validator(shapes_file):
    return validator_for(WRITE_ROAD, None, shapes=load_shapes(shapes_file))


@functools.cache
def outcomes() -> dict[str, tuple[str, str]]:
    return {test.name: outcome(test, write_road_validator) for test in SUITE}


def test_the_suite_is_complete():
    assert len(SUITE) == 121
    assert sum(test.expects_failure for test in SUITE) == 7


@pytest.mark.parametrize("test", SUITE, ids=lambda t: t.name)
def test_w3c(test: SuiteTest):
    kind, detail = outcomes()[test.name]
    if test.name in NOT_RIGHT:
        assert kind != "wrong", f"{test.name} must be refused, never answered wrong:\n{detail}"
    else:
        assert kind == RIGHT, f"{test.name}: {kind}\n{detail}"


def test_suite_totals():
    kinds = [kind for kind, _detail in outcomes().values()]
    assert kinds.count("wrong") == 0
    assert kinds.count(RIGHT) >= 118


def test_the_write_road_uses_the_engine_the_suite_ran():
    assert Settings().validator == "compiled"
    assert type(validator_for(Settings(), None)) is CompiledValidator


@pytest.mark.parametrize("test", [t for t in SUITE if not t.expects_failure], ids=lambda t: t.name)
def test_the_compiled_engine_needs_no_reference(test: SuiteTest):
    """Every shape of the suite is compiled: none is left to pySHACL."""
    assert CompiledValidator(shapes=load_shapes(test.shapes_file)).fallback == {}
