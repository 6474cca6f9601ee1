"""The order in which the base IRI of new resources is chosen (kg.store.base_iri), each
case worked out from the rule: CKM_BASE_IRI, else the store's note, else the old default
for a store with data but no note, else the server's address, else the default."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kg.config import Settings
from kg.store.base_iri import NOTE_NAME, served_base, settled_base

SERVED = "http://127.0.0.1:8931"


def _note(store: Path) -> str | None:
    path = store / NOTE_NAME
    return path.read_text().strip() if path.exists() else None


def _unset(monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.delenv("CKM_BASE_IRI", raising=False)
    settings = Settings(_env_file=None)
    assert "base_iri" not in settings.model_fields_set
    return settings


def test_a_fresh_store_takes_the_servers_address_and_remembers_it(tmp_path, monkeypatch):
    settings = _unset(monkeypatch)
    base = settled_base(settings, store_dir=tmp_path, holds_data=lambda: False, served_at=SERVED)
    assert base == "http://localhost:8931/id/"
    assert _note(tmp_path) == "http://localhost:8931/id/"


def test_a_fresh_store_without_a_server_takes_the_default(tmp_path, monkeypatch):
    base = settled_base(_unset(monkeypatch), store_dir=tmp_path, holds_data=lambda: False)
    assert base == "http://localhost:8000/id/"
    assert _note(tmp_path) == "http://localhost:8000/id/"


def test_a_store_with_data_and_no_note_keeps_the_old_default(tmp_path, monkeypatch):
    base = settled_base(
        _unset(monkeypatch), store_dir=tmp_path, holds_data=lambda: True, served_at=SERVED
    )
    assert base == "http://localhost:8000/id/"
    assert _note(tmp_path) == "http://localhost:8000/id/"


def test_the_note_wins_over_the_servers_address(tmp_path, monkeypatch, caplog):
    (tmp_path / NOTE_NAME).write_text("http://localhost:8123/id/\n")
    with caplog.at_level(logging.WARNING):
        base = settled_base(
            _unset(monkeypatch), store_dir=tmp_path, holds_data=lambda: True, served_at=SERVED
        )
    assert base == "http://localhost:8123/id/"
    assert "not under this server's address" in caplog.text


def test_ckm_base_iri_wins_over_the_note_with_a_warning(tmp_path, monkeypatch, caplog):
    (tmp_path / NOTE_NAME).write_text("http://localhost:8123/id/\n")
    monkeypatch.setenv("CKM_BASE_IRI", "https://kg.example.org/id/")
    with caplog.at_level(logging.WARNING):
        base = settled_base(Settings(_env_file=None), store_dir=tmp_path, holds_data=lambda: True)
    assert base == "https://kg.example.org/id/"
    assert "minted under http://localhost:8123/id/" in caplog.text
    assert _note(tmp_path) == "http://localhost:8123/id/"  # the old IRIs' base is kept


def test_a_read_only_opening_leaves_no_note(tmp_path, monkeypatch):
    base = settled_base(
        _unset(monkeypatch), store_dir=tmp_path, holds_data=lambda: False, writable=False
    )
    assert base == "http://localhost:8000/id/"
    assert _note(tmp_path) is None


def test_a_remote_store_takes_the_servers_address(monkeypatch):
    base = settled_base(
        _unset(monkeypatch), store_dir=None, holds_data=lambda: True, served_at=SERVED
    )
    assert base == "http://localhost:8931/id/"


@pytest.mark.parametrize(
    ("url", "base"),
    [
        ("http://127.0.0.1:8000", "http://localhost:8000/id/"),
        ("http://[::1]:9000", "http://localhost:9000/id/"),
        ("http://10.1.2.3:8080", "http://10.1.2.3:8080/id/"),
        ("http://[2001:db8::1]:8080", "http://[2001:db8::1]:8080/id/"),
        ("https://kg.example.org", "https://kg.example.org/id/"),
    ],
)
def test_the_served_base_is_the_servers_scheme_host_and_port(url, base):
    assert served_base(url) == base


def test_a_server_on_every_interface_is_named_by_the_host_name():
    import socket

    assert served_base("http://0.0.0.0:8000") == f"http://{socket.gethostname()}:8000/id/"
