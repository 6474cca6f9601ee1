"""A malformed ``CKM_API_KEYS`` entry was reported as ``entry s3c…``: the first three
characters of the secret went into the startup error, and so into the logs (found by
the security suite, tests/security/test_secrets_and_audit.py). Since issue 15 no part of
any entry is repeated, not even what looks like its name (in the old ``key:role`` form
the "name" was the key)."""

from __future__ import annotations

import pytest

from api.auth import parse_keys


@pytest.mark.parametrize(
    "setting",
    ["s3cr3t-value:superuser", "a:reader:0123456789abcdef, s3cr3t-value", "ops=s3cr3t-value:boss"],
)
def test_the_error_names_the_entry_by_position_not_by_its_characters(setting: str):
    with pytest.raises(ValueError) as refused:
        parse_keys(setting)
    assert "s3c" not in str(refused.value)
    assert "ops" not in str(refused.value)
    assert "entry" in str(refused.value)
