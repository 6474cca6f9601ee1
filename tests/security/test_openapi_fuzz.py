"""The API fuzzed from its own OpenAPI document with Schemathesis: for every operation,
inputs that fit the schema and inputs that do not, sent with an admin key so that the
writes are reached too. No answer may be a 500, and every answer must be documented:
its status, its media type and its body's schema."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import positive_data_acceptance
from schemathesis.generation import GenerationMode

from tests.api.conftest import ADMIN, App
from tests.security.conftest import small_app

# A string the schema allows is not necessarily SPARQL, RDF or an IRI: the API rightly
# answers 400 to most of them, so "schema-valid data is accepted" does not apply.
NOT_APPLICABLE = [positive_data_acceptance]
EXAMPLES = 200 if os.environ.get("CKM_STRESS") else 12
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=not os.environ.get("CKM_STRESS"),
    database=None,
)


@pytest.fixture(scope="module")
def fuzzed_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = small_app(Path(tmp_path_factory.mktemp("fuzz")), query_timeout_s=2.0)
    yield app
    app.close()


def _operations(app: App):
    api = schemathesis.openapi.from_asgi("/openapi.json", app.client.app)
    return [result.ok() for result in api.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_operation_answers_500_or_off_its_schema(fuzzed_app: App, mode: GenerationMode):
    failures = []
    for operation in _operations(fuzzed_app):

        @FUZZ_SETTINGS
        @given(case=operation.as_strategy(generation_mode=mode))
        def fuzz(case) -> None:
            response = case.call(headers=ADMIN)
            case.validate_response(response, headers=ADMIN, excluded_checks=NOT_APPLICABLE)

        try:
            fuzz()
        except Unsatisfiable:
            continue  # nothing to get wrong (no parameters, no body): nothing to fuzz
        except (AssertionError, BaseExceptionGroup) as failure:
            failures.append(f"{operation.label}: {failure}")
    assert not failures, "\n\n".join(failures)
