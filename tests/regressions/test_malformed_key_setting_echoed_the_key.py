"""A malformed ``CKM_API_KEYS`` entry was reported as ``entry s3c…``: the first three
characters of the secret went into the startup error, and so into the logs (found by
the security suite, tests/security/test_secrets_and_audit.py)."""

from __future__ import annotations

import pytest

from api.auth import parse_keys


@pytest.mark.parametrize("setting", ["s3cr3t-value:superuser", "a:reader, s3cr3t-value"])
def test_the_error_names_the_entry_by_position_not_by_its_key(setting: str):
    with pytest.raises(ValueError) as refused:
        parse_keys(setting)
    assert "s3c" not in str(refused.value)
    assert "entry" in str(refused.value)


def test_a_named_entry_is_named():
    with pytest.raises(ValueError, match=r"entry 1 \(ops\)"):
        parse_keys("ops=s3cr3t-value:boss")
