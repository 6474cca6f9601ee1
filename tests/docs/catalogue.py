"""Which documented command runs where, and the few that are not run (with the reason).

Every command :func:`tests.docs.examples.all_commands` finds is in exactly one group:
the README tour, run beside a serving ``ckm serve`` on the same store
(:func:`readme_tour`); the requests of docs/*.md, sent to a test server
(:func:`served_requests`); the command lines of docs/*.md, run on a store no server
holds, so that their writes write (:func:`store_commands`); or :data:`NOT_RUN`.
``tests/docs/test_examples_found.py`` holds this to be true.
"""

from __future__ import annotations

from tests.docs.examples import REPO, Command, all_commands

README = REPO / "README.md"

# (document, how the command starts) -> why it is not run by the tests.
NOT_RUN: dict[tuple[str, str], str] = {
    ("README.md", "make run"): "starts the server for good; the tour runs a server of its own",
    ("README.md", "make test"): "runs the whole test suite, this one included",
    ("README.md", "make stress"): "the reliability and security suites at full scale (~30 min)",
    ("README.md", "make lint"): "ruff over the checkout: a step of CI, not of the suite",
    ("README.md", "make bench"): "benchmarks, about 1.5 h",
    ("README.md", "make bench-quick"): "benchmarks, minutes; tests/bench checks their answers",
    ("README.md", ".venv/bin/ckm ontology build"): (
        "rewrites the tracked ontology/ckm.owl; tests/ontology checks the release matches"
    ),
    ("README.md", ".venv/bin/ckm ontology diagram"): (
        "rewrites the tracked class diagram with Graphviz; tests/ontology covers it"
    ),
    ("README.md", ".venv/bin/ckm ontology check"): (
        "the OWL API under Java 17, a minute; tests/ontology runs the same check"
    ),
    ("docs/RELIABILITY.md", "make test"): "runs the whole test suite, this one included",
    ("docs/RELIABILITY.md", "make stress"): "the suites at full scale (~30 min)",
    ("docs/RELIABILITY.md", ".venv/bin/python -m pytest"): "runs test suites: make test does",
    ("docs/IMPORT.md", "ckm import MAPPING"): "a synopsis: its forms run in the examples",
    ("docs/IMPORT.md", "[--timezone"): "the synopsis' second line",
    ("docs/IMPORT.md", "ckm export KIND"): "a synopsis: README's `ckm export customers` runs",
    ("docs/OPERATIONS.md", "30 2 * * *"): (
        "a crontab line for /srv/ckm; its `ckm dump -o` runs in the README tour"
    ),
    ("docs/API.md", ".venv/bin/openapi-python-client generate"): (
        "tests/api/test_generated_client.py runs this very command against a live server "
        "and calls every operation through the client it writes"
    ),
    ("docs/SCALE.md", "pip install oxigraph"): "installs a package",
    ("docs/SCALE.md", "oxigraph serve"): (
        "a remote engine, serving for good; tests/kg/store runs ckm on Oxigraph server"
    ),
    ("docs/SCALE.md", "export CKM_REMOTE_"): (
        "settings for a remote engine; the remote suites (tests/kg/store) use them"
    ),
    ("docs/SCALE.md", "ckm init && ckm load my-data.ttl && ckm serve"): (
        "on the remote engine above, serving for good"
    ),
    ("docs/SECURITY.md", "CKM_API_KEYS=… CKM_READS_NEED_KEY=true"): (
        "TLS with a certificate in /etc/ckm, on 0.0.0.0:8443: a deployment, not a test"
    ),
}


def _document(command: Command) -> str:
    return str(command.path.relative_to(REPO))


def not_run_because(command: Command) -> str | None:
    """Why ``command`` is not run, or None when it is."""
    for (document, start), reason in NOT_RUN.items():
        if _document(command) == document and command.text.startswith(start):
            return reason
    return None


def _run(commands: list[Command]) -> list[Command]:
    return [command for command in commands if not_run_because(command) is None]


def readme_tour() -> list[Command]:
    """The README's commands and requests after `make run`, in order."""
    return _run([command for command in all_commands() if command.path == README])


def served_requests() -> list[Command]:
    """The curl requests of docs/*.md (and the shell lines beside them), in order."""
    return _run(
        [command for command in all_commands() if command.path != README and not _is_ckm(command)]
    )


def store_commands() -> list[Command]:
    """The ``ckm`` command lines of docs/*.md, in order."""
    return _run(
        [command for command in all_commands() if command.path != README and _is_ckm(command)]
    )


def _is_ckm(command: Command) -> bool:
    return command.program in {"ckm", ".venv/bin/ckm"}
