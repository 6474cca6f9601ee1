"""Red-team cases for the command line writing through a running ``ckm serve``
(kg/cli/through_server.py, kg/store/advert.py) that its own tests do not cover. Each
test fails while the defect it names is there."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
from pathlib import Path

import pytest

from kg.store.advert import ADVERT_NAME
from kg.store.base_iri import NOTE_NAME
from tests.engines import free_port
from tests.reliability.server import (
    WRITER_KEY,
    ServerProcess,
    ckm_command,
    ckm_environment,
    run_ckm,
    store_with_small_data,
)

FIRM = """@prefix ckm: <https://w3id.org/ckm#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{iri}> a ckm:Firm ; rdfs:label "{label}" .
"""
WRITER = {"Authorization": f"Bearer {WRITER_KEY}"}


def ckm(store: Path, directory: Path, *args: str) -> subprocess.CompletedProcess:
    return run_ckm(store, *args, directory=directory)


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> tuple[ServerProcess, Path, Path]:
    directory = tmp_path_factory.mktemp("redteam-beside")
    store = store_with_small_data(directory)
    with ServerProcess(store, directory) as server:
        yield server, store, directory


def _stale_note(store: Path) -> None:
    """The note of a killed server whose process id now belongs to a live process (this
    one: after a reboot or in a container, pids are reused at once)."""
    store.mkdir(parents=True, exist_ok=True)
    note = {"url": f"http://127.0.0.1:{free_port()}", "pid": os.getpid(), "key": "k" * 43}
    (store / ADVERT_NAME).write_text(json.dumps(note))


def test_a_stale_note_whose_pid_was_reused_blocks_every_write(tmp_path: Path):
    """A killed server's ckm-serve.json is 'ignored' only if its pid is free: once the pid is
    reused (a container restart, a reboot) `ckm load` exits 3 'could not be reached' on a
    store nobody holds, until the note is deleted by hand; expected the load done directly
    (the store's lock is free)."""
    store = store_with_small_data(tmp_path)
    _stale_note(store)
    data = tmp_path / "firm.ttl"
    data.write_text(FIRM.format(iri="http://example.org/id/rt-stale", label="Stale"))
    loaded = ckm(store, tmp_path, "load", str(data))
    assert loaded.returncode == 0, loaded.stderr


def test_init_beside_a_stale_note_says_ready_and_creates_nothing(tmp_path: Path):
    """`ckm init` on a new directory holding only a stale note prints 'store ready …, served
    by http://…' and exits 0, without creating the store or installing the ontology."""
    store = tmp_path / "store"
    _stale_note(store)
    done = ckm(store, tmp_path, "init")
    assert done.returncode == 0, done.stderr
    created = {p.name for p in store.iterdir()} - {ADVERT_NAME}
    assert created, f"init wrote nothing: {done.stdout} {done.stderr}"


def test_the_readmes_load_of_a_json_ld_file_is_refused_beside_the_server(served, tmp_path):
    """README: `ckm load data.ttl more.jsonld`. Beside a server every JSON-LD file is refused
    (exit 2, 'jsonld names graphs …') whether or not it names a graph: the check is on the
    syntax, not the content; run alone the same file loads."""
    _, store, directory = served
    data = tmp_path / "firm.jsonld"
    data.write_text(
        json.dumps(
            {
                "@id": "http://example.org/id/rt-jsonld",
                "@type": "https://w3id.org/ckm#Firm",
                "http://www.w3.org/2000/01/rdf-schema#label": "JSON-LD firm",
            }
        )
    )
    loaded = ckm(store, directory, "load", str(data))
    assert loaded.returncode == 0, loaded.stderr


def test_a_syntax_error_in_one_of_two_files_does_not_name_the_file(served, tmp_path):
    """Run alone, `ckm load good.ttl broken.ttl` says 'broken.ttl: line 1 column 47 …';
    through the server it says 'refused (400): malformed RDF (line 1, column 47)' and
    names no file, so one cannot tell which of the files is broken."""
    _, store, directory = served
    good = tmp_path / "good.ttl"
    good.write_text(FIRM.format(iri="http://example.org/id/rt-good", label="Good"))
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://example.org/x> <http://example.org/p> .\n")
    loaded = ckm(store, directory, "load", str(good), str(broken))
    assert loaded.returncode == 2, loaded.stderr
    assert "broken.ttl" in loaded.stderr, loaded.stderr


def test_erase_customer_of_a_slug_the_rest_api_cannot_name_says_no_customer(served, tmp_path):
    """A customer under the store's base whose last segment is not a REST slug
    (…/customer/M%C3%BCller, …/customer/a.b/c) passes the CLI's prefix check, and the
    server answers 'no customer' (exit 2): the customer exists and stays; expected it
    erased, or the 'stop the server' refusal given for IRIs the API cannot name."""
    _, store, directory = served
    base = (store / NOTE_NAME).read_text().strip()
    iri = f"{base}customer/M%C3%BCller"
    data = tmp_path / "customer.ttl"
    data.write_text(
        "@prefix ckm: <https://w3id.org/ckm#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        f'<{iri}> a ckm:Customer ; rdfs:label "Müller" ; '
        "ckm:customerOf <http://example.org/id/medsoft> ;\n"
        "  ckm:customerRole ckm:PassiveCustomerRole ; ckm:typology ckm:B2C ; "
        'ckm:country "LI" .\n'
    )
    loaded = ckm(store, directory, "load", str(data))
    assert loaded.returncode == 0, loaded.stderr
    erased = ckm(store, directory, "erase-customer", iri)
    assert erased.returncode == 0 or "stop the server" in erased.stderr, erased.stderr


def test_the_cli_guesses_the_servers_base_and_refuses_its_customers(tmp_path: Path):
    """The command line works out the served base from its own environment, not the
    server's: a server started with CKM_BASE_IRI on a store that remembers another base
    mints customers the CLI then refuses to erase ('not a customer IRI of the served
    store'), and `ckm demo` through it mints under the other base."""
    store = store_with_small_data(tmp_path)  # remembers http://localhost:8000/id/
    public = "https://kg.example.org/id/"
    server = ServerProcess(store, tmp_path, settings={"CKM_BASE_IRI": public})
    with server, server.client() as client:
        made = client.post(
            "/api/customers",
            json={"label": "Public Customer", "customerOf": ["http://example.org/id/medsoft"]},
            headers=WRITER,
        )
        assert made.status_code == 201, made.text
        iri = made.json()["id"]
        assert iri.startswith(public), iri
        erased = ckm(store, tmp_path, "erase-customer", iri)
    assert erased.returncode == 0, erased.stderr


def test_a_restore_over_the_body_limit_does_not_say_to_stop_the_server(tmp_path: Path):
    """docs/OPERATIONS.md: a dump larger than CKM_MAX_BODY_BYTES is restored with the server
    stopped. `ckm restore` beside the server only says 'refused (413): the request body is
    larger than N bytes; nothing was written', with no word of the way that works."""
    store = store_with_small_data(tmp_path)
    backup = tmp_path / "backup.nq"
    assert ckm(store, tmp_path, "dump", "-o", str(backup)).returncode == 0
    server = ServerProcess(store, tmp_path, settings={"CKM_MAX_BODY_BYTES": "100000"})
    with server:
        restored = ckm(store, tmp_path, "restore", str(backup))
    assert restored.returncode == 2, restored.stderr
    assert "stop" in restored.stderr, restored.stderr


def test_a_demo_over_the_body_limit_fails_with_a_message_about_a_body_it_never_sent(tmp_path):
    """`ckm demo --customers 1000` beside a default server is one 24.7 MB Graph Store POST,
    over the 20 MiB body limit: 'refused (413): the request body is larger than …' (exit
    2), naming neither CKM_MAX_BODY_BYTES nor stopping the server; run alone it loads.
    Shown here with a 1 MB limit and the default 60 customers (about 1.5 MB)."""
    store = store_with_small_data(tmp_path)
    server = ServerProcess(store, tmp_path, settings={"CKM_MAX_BODY_BYTES": "1000000"})
    with server:
        done = ckm(store, tmp_path, "demo")
    assert done.returncode == 0 or ("CKM_MAX_BODY_BYTES" in done.stderr or "stop" in done.stderr), (
        done.stderr
    )


class _Proxy:
    """A listening socket that records what is sent to it and answers 502."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.received = b""
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(60)
        try:
            connection, _ = self.sock.accept()
        except OSError:
            return
        with connection:
            connection.settimeout(5)
            try:
                while b"\r\n\r\n" not in self.received:
                    chunk = connection.recv(65536)
                    if not chunk:
                        break
                    self.received += chunk
            except OSError:
                pass
            connection.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")

    def close(self) -> None:
        self.sock.close()


def test_the_local_admin_key_is_sent_to_the_http_proxy_of_the_environment(served, tmp_path):
    """httpx honours HTTP_PROXY (and ALL_PROXY) and does not exempt loopback: with a
    proxy set for the shell (common in companies) and no NO_PROXY, `ckm load` sends the
    server's local admin key and the data to the proxy instead of 127.0.0.1; expected the
    loopback request made directly (trust_env=False, or the proxy bypassed)."""
    _, store, directory = served
    data = tmp_path / "firm.ttl"
    data.write_text(FIRM.format(iri="http://example.org/id/rt-proxy", label="Proxied"))
    proxy = _Proxy()
    env = ckm_environment() | {"HTTP_PROXY": f"http://127.0.0.1:{proxy.port}"}
    env.pop("NO_PROXY", None)
    env.pop("no_proxy", None)
    try:
        subprocess.run(
            ckm_command(store, "load", str(data)),
            env=env,
            cwd=directory,
            capture_output=True,
            timeout=120,
            check=False,
        )
    finally:
        proxy.close()
    key = json.loads((store / ADVERT_NAME).read_text())["key"]
    assert key.encode() not in proxy.received, proxy.received[:300]


def test_a_reserved_term_refusal_exits_2_through_the_server_and_1_alone(served, tmp_path):
    """A load stating schema (rdfs:subClassOf) is refused with exit 1 run alone
    (ReservedTerm, as a validation refusal) but exit 2 through the server (its 403
    reserved-term falls in the 'another 4xx' branch); docs/OPERATIONS.md: 'a refusal
    prints the same report and exit code as run alone'."""
    _, store, directory = served
    schema = tmp_path / "schema.ttl"
    schema.write_text(
        "<http://example.org/id/Thing> <http://www.w3.org/2000/01/rdf-schema#subClassOf> "
        "<https://w3id.org/ckm#Firm> .\n"
    )
    loaded = ckm(store, directory, "load", str(schema))
    assert "states schema" in loaded.stderr, loaded.stderr
    assert loaded.returncode == 1, loaded.stderr


def test_an_inconsistent_load_through_the_server_prints_no_clashes(served, tmp_path):
    """Run alone, a load making Bella (a passive customer) a ckm:ActiveCustomer prints the
    clashes (rule cax-dw, the disjointness axiom) and exits 1; through the server the 422
    inconsistent-write's report.inconsistencies is dropped (only a validation report's
    'results' is printed): stdout is empty, the axiom is named nowhere."""
    _, store, directory = served
    data = tmp_path / "active.ttl"
    data.write_text("<http://example.org/id/bella> a <https://w3id.org/ckm#ActiveCustomer> .\n")
    loaded = ckm(store, directory, "load", str(data))
    assert loaded.returncode == 1, loaded.stderr
    assert "disjointWith" in loaded.stdout + loaded.stderr, (loaded.stdout, loaded.stderr)
