"""``CKM_API_KEYS`` was ``key:role`` or ``name=key:role``, split from the right at ``:``
and at ``=``. Base64 keys end in ``=`` and may hold it: ``c2VjcmV0LWFkbWluLWtleSE==:admin``
made the server refuse to start and print the key minus one character (the "name" part),
and ``Zm9vYmFyYmF6=Qk:writer`` silently made the secret ``Qk`` and recorded
``Zm9vYmFyYmF6`` — most of the intended secret — as the public provenance agent. Any
key, however short, was accepted (issue 15).

The setting is now ``name:role:secret``, split from the left, so the secret is
everything after the second colon; secrets are 16 characters or more; a setting in the
old form is refused with a message saying how to rewrite it, naming the entry by its
position only; the secrets are held only as HMACs."""

from __future__ import annotations

import pytest

from api.auth import Role, identify, parse_keys
from tests.api.conftest import App

BASE64_ADMIN = "c2VjcmV0LWFkbWluLWtleSE=="
BASE64_WRITER = "Zm9vYmFyYmF6=Qk-and-more"


def test_a_base64_key_is_the_whole_secret():
    keys = parse_keys(f"ops:admin:{BASE64_ADMIN},feed:writer:{BASE64_WRITER}")
    assert identify(keys, f"Bearer {BASE64_ADMIN}").role is Role.ADMIN
    caller = identify(keys, f"Bearer {BASE64_WRITER}")
    assert (caller.agent, caller.role) == ("feed", Role.WRITER)
    for part in ("Qk-and-more", "Zm9vYmFyYmF6"):
        with pytest.raises(Exception, match="unknown API key"):
            identify(keys, f"Bearer {part}")


OLD_FORMS = {
    "key:role": (f"{BASE64_ADMIN}:admin", BASE64_ADMIN),
    "name=key:role": (
        "Zm9vYmFyYmF6=Qk:writer",
        "Zm9vYmFyYmF6=Qk",
    ),
}


@pytest.mark.parametrize("form", sorted(OLD_FORMS))
def test_the_old_form_is_refused_without_echoing_any_of_it(form: str):
    setting, secret = OLD_FORMS[form]
    with pytest.raises(ValueError) as refused:
        parse_keys(setting)
    message = str(refused.value)
    assert "old form" in message and "name:role:secret" in message
    pieces = {secret[i : i + 3] for i in range(len(secret) - 2)}
    assert not [piece for piece in pieces if piece in message]


def test_a_short_secret_is_refused():
    with pytest.raises(ValueError, match="shorter than 16"):
        parse_keys("ops:admin:fifteen-chars-x")


def test_no_secret_is_held_in_memory(tmp_path):
    app = App(tmp_path, api_keys=f"ops:admin:{BASE64_ADMIN}")
    try:
        held = repr(app.client.app.state.api_keys) + repr(vars(app.client.app.state.api_keys[0]))
        assert BASE64_ADMIN not in held and BASE64_ADMIN.encode() not in held.encode()
        response = app.client.delete(
            "/api/customers/nobody", headers={"Authorization": f"Bearer {BASE64_ADMIN}"}
        )
        assert response.status_code == 404  # the admin got through
    finally:
        app.close()
