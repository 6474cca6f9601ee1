"""The OpenAPI document says of every operation what key it needs, and says what the
authorisation matrix tests (tests/security/routes.py): no key for public routes, an
optional key for reads while reads are open, a key for reads when they need one, and a
writer or admin key for writes. Generated clients and the docs page take it from there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from api.auth import Role
from tests.api.conftest import App
from tests.security.routes import PUBLIC_PATHS, intended_role, route_calls

OPTIONAL = [{}, {"bearer": []}]
REQUIRED = [{"bearer": []}]


@pytest.mark.parametrize("reads_need_key", [False, True], ids=["reads-open", "reads-need-key"])
def test_each_operation_declares_the_key_its_route_needs(tmp_path: Path, reads_need_key: bool):
    app = App(tmp_path, reads_need_key=reads_need_key)
    try:
        document = app.client.get("/openapi.json").json()
        calls = route_calls(app.client.app)
    finally:
        app.close()
    assert document["components"]["securitySchemes"]["bearer"] == {
        **document["components"]["securitySchemes"]["bearer"],
        "type": "http",
        "scheme": "bearer",
    }
    checked = 0
    for call in calls:
        operation = document["paths"].get(call.path, {}).get(call.method.lower())
        if operation is None:
            continue  # not in the document (the UI pages, /openapi.json itself)
        needed = intended_role(call, reads_need_key)
        if call.key == ("POST", "/sparql update"):
            needed = Role.READER if reads_need_key else None  # the operation's least role
        expected = _security(needed, call.path in PUBLIC_PATHS)
        assert operation["security"] == expected, (call.method, call.name)
        role = operation["x-ckm-role"]
        assert role == (needed.name.lower() if needed else None), (call.method, call.name)
        checked += 1
    assert checked > 60
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert "security" in operation, (method, path)  # the saved queries' too


def _security(needed: Role | None, public: bool) -> list:
    if public:
        return []
    if needed is None:
        return OPTIONAL
    return REQUIRED
