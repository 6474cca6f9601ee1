"""Every route x {no key, reader, writer, admin, wrong key}, with reads open and with
reads needing a key: exactly the intended answer, and nothing written by anyone turned
away. Routes come from the app itself (tests/security/routes.py), so a new route is in
the matrix the moment it exists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from api.auth import Role
from tests.api.conftest import KEYS, App, bearer
from tests.security.conftest import small_app
from tests.security.routes import PUBLIC_PATHS, RouteCall, intended_role, route_calls

CALLERS: dict[str, Role | None] = {
    "no key": None,
    "reader": Role.READER,
    "writer": Role.WRITER,
    "admin": Role.ADMIN,
    "wrong key": None,
}


def _headers(caller: str) -> dict[str, str]:
    role = {"no key": None, "wrong key": "wrong"}.get(caller, caller)
    return bearer(role)


def expected_refusal(caller: str, needed: Role | None, public: bool) -> int | None:
    """401 or 403 when ``caller`` must be turned away, None when it must be let in."""
    if public:
        return None  # public routes do not look at credentials at all
    if caller == "wrong key":
        return 401  # an unknown key is refused wherever keys are read
    if needed is None:
        return None
    role = CALLERS[caller]
    if role is None:
        return 401
    return 403 if role < needed else None


@pytest.fixture(scope="module", params=[False, True], ids=["reads-open", "reads-need-key"])
def matrix_app(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[App]:
    app = small_app(Path(tmp_path_factory.mktemp("matrix")), reads_need_key=request.param)
    app.reads_need_key = request.param
    yield app
    app.close()


def _verdict(app: App, call: RouteCall, caller: str) -> str | None:
    """What is wrong with the answer ``caller`` gets on ``call`` (None: as intended)."""
    needed = intended_role(call, app.reads_need_key)
    refusal = expected_refusal(caller, needed, call.path in PUBLIC_PATHS)
    request = dict(call.request)
    request["headers"] = {**request.get("headers", {}), **_headers(caller)}
    response = app.client.request(**request, follow_redirects=False)
    status = response.status_code
    for secret in KEYS.values():
        if secret in response.text or secret in str(response.headers):
            return f"{status}: the answer repeats a key"
    if refusal is None:
        if status in (401, 403) or status >= 500:
            return f"{status} but should be let in: {response.text[:200]}"
        return None
    if status != refusal:
        return f"{status} but should be {refusal}"
    if not response.headers["content-type"].startswith("application/problem+json"):
        return f"{status} without a problem document"
    if refusal == 401 and not response.headers.get("www-authenticate", "").startswith("Bearer"):
        return "401 without WWW-Authenticate: Bearer"
    return None


def test_every_route_gives_every_caller_the_intended_answer(matrix_app: App):
    calls = route_calls(matrix_app.client.app)
    assert len(calls) > 50, "the app's routes were not enumerated"
    before = matrix_app.dump()
    wrong = []
    for call in calls:
        for caller in CALLERS:
            problem = _verdict(matrix_app, call, caller)
            if problem is not None:
                wrong.append(f"{call.method} {call.name} as {caller}: {problem}")
    assert not wrong, "\n".join(wrong)
    assert matrix_app.dump() == before, "a request of the matrix changed the store"


def test_an_unguarded_write_route_would_be_caught(matrix_app: App):
    """The matrix itself notices a write route that lets anyone in: a POST answered
    without a key (here /health, open by design, posing as one) is reported."""
    posing = RouteCall(
        "POST", "/posing-as-a-write", "/posing-as-a-write", {"method": "GET", "url": "/health"}
    )
    assert intended_role(posing, matrix_app.reads_need_key) is Role.WRITER
    assert "should be 401" in (_verdict(matrix_app, posing, "no key") or "")
