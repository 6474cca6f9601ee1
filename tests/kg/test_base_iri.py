"""The order in which the base IRI of new resources is chosen (kg.store.base_iri), each
case worked out from the rule: CKM_BASE_IRI, else the store's note, else the old default
for a store with data but no note, else the server's address, else the default."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kg.config import Settings
from kg.errors import BadBaseNote
from kg.graph import KnowledgeGraph
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


def test_a_fresh_store_without_a_server_takes_the_default_and_notes_it_on_writing(
    tmp_path, monkeypatch
):
    """`ckm init` mints nothing: it leaves no note, the first server has its say; a
    command that writes leaves the note after its write (KnowledgeGraph)."""
    base = settled_base(_unset(monkeypatch), store_dir=tmp_path, holds_data=lambda: False)
    assert base == "http://localhost:8000/id/"
    assert _note(tmp_path) is None
    graph = KnowledgeGraph.open(Settings(_env_file=None, store=tmp_path / "store"))
    try:
        assert _note(tmp_path / "store") is None
        graph.update(
            "PREFIX ckm: <https://w3id.org/ckm#> "
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            'INSERT DATA { <http://localhost:8000/id/firm/f> a ckm:Firm ; rdfs:label "F" }'
        )
        assert _note(tmp_path / "store") == "http://localhost:8000/id/"
    finally:
        graph.close()


def test_a_store_with_data_keeps_its_old_default_whatever_ckm_base_iri_says(tmp_path, monkeypatch):
    monkeypatch.setenv("CKM_BASE_IRI", "http://localhost:8931/id/")
    base = settled_base(Settings(_env_file=None), store_dir=tmp_path, holds_data=lambda: True)
    assert base == "http://localhost:8931/id/"  # CKM_BASE_IRI wins for new IRIs…
    assert _note(tmp_path) == "http://localhost:8000/id/"  # …the data keeps its base


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


def test_a_remote_store_keeps_the_default_whatever_port_serves_it(monkeypatch):
    """A remote store has no directory for the note: its base must not follow the port of
    each server, so it is the default unless CKM_BASE_IRI is set."""
    for served in (SERVED, "http://127.0.0.1:8932"):
        base = settled_base(
            _unset(monkeypatch), store_dir=None, holds_data=lambda: False, served_at=served
        )
        assert base == "http://localhost:8000/id/"


@pytest.mark.parametrize("note", ["http://kg.example.org/id", "garbage", "http://a b/"])
def test_a_note_that_is_no_base_refuses_to_open(tmp_path, monkeypatch, note):
    (tmp_path / NOTE_NAME).write_text(note + "\n")
    with pytest.raises(BadBaseNote, match="ckm-base-iri holds"):
        settled_base(_unset(monkeypatch), store_dir=tmp_path, holds_data=lambda: True)


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
