"""A reader of the docs at a shell: runs a documented command as pasted, and checks it
against what the doc says it returns.

The convention the docs follow, and the only changes made to an example before it runs
(the table :data:`SUBSTITUTIONS`; the rest is the reader's environment, :class:`Reader`):

- ``http://localhost:8000`` where a curl command names the server is the test server's
  origin. The same text inside a value (``?customer=http://localhost:8000/id/…``, a JSON
  body, a ckm argument) is a resource IRI and stays: the demo store mints its IRIs
  under ``http://localhost:8000/id/`` as the docs do.
- In a Python example, ``"http://localhost:8000…"`` (a string literal) is the server.
- ``$WRITER_KEY`` and ``$ADMIN_KEY`` are shell variables holding a writer's and an
  admin's secret of ``CKM_API_KEYS``; the reader's shell has them set.
- ``ckm`` and ``.venv/bin/ckm`` are the command line of this checkout; ``CKM_STORE``
  names the store the examples run on (the test server's, for the README tour).
- Files an example reads (``data.ttl``, ``notes.ttl``, ``customers.csv``…) are the
  reader's own: :data:`READER_FILES` supplies small valid ones (``my-crm.yarrrml.yml``
  is IMPORT.md's YAML block, saved), and ``examples/`` is the repository's.
- The terminal is wide (``COLUMNS``), so that a report's lines are not wrapped.
- A value the doc shows as an example of what an earlier answer gave
  (``acme-clinic-1a2b3c4d``, a minted slug) is replaced by what that answer gave:
  :meth:`Reader.copy_from`.

curl reports the status of each answer on stderr through a ``.curlrc`` in the reader's
``CURL_HOME`` (``write-out``), so that no example is rewritten to show it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.docs.examples import REPO, Block, Command, blocks
from tests.reliability.server import ckm_environment

COMMAND_TIMEOUT_S = 300
STATUS_MARK = "ckm-docs-http-status"
_STATUS = re.compile(rf"^{STATUS_MARK} (\d{{3}})$", re.MULTILINE)
_ASSIGNMENT = re.compile(r"^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=")
DOC_ORIGIN = "http://localhost:8000"

_CURL = re.compile(r"(?:^|[\s(])curl\s")

# The only rewriting of an example's text: in a command that runs curl, or in a Python
# example, where the docs' origin names the server it becomes the test server's origin.
# In curl, a word starting with the origin, bare or quoted, names the server; inside a
# word (after `=`, `"`, `<`) the same text is an IRI of the data and stays. In Python, a
# string literal starting with it names the server.
SUBSTITUTIONS: dict[str, re.Pattern[str]] = {
    "curl": re.compile(r"(?:(?<=\s)|(?<=\s'))" + re.escape(DOC_ORIGIN) + r"(?=[/?'\s]|$)"),
    "python": re.compile(r"(?<=[\"'])" + re.escape(DOC_ORIGIN) + r"(?=[/\"'])"),
}


def _doc_block(document: str, lang: str) -> str:
    """The one block of ``lang`` in ``document``: a file the doc shows whole."""
    (block,) = [block for block in blocks(REPO / document) if block.lang == lang]
    return block.text + "\n"


# Runs a Python example as a REPL shows it: the value of its last expression printed.
_PYTHON_REPL = """
import ast, sys
*body, last = ast.parse(sys.stdin.read()).body
scope = {}
exec(compile(ast.Module(body, []), "<doc>", "exec"), scope)
if isinstance(last, ast.Expr):
    print(repr(eval(compile(ast.Expression(last.value), "<doc>", "eval"), scope)))
else:
    exec(compile(ast.Module([last], []), "<doc>", "exec"), scope)
"""


FIRM_TTL = """@prefix ckm: <https://w3id.org/ckm#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://localhost:8000/id/firm/docs-reader> a ckm:SME ; rdfs:label "Docs Reader GmbH" ;
    ckm:country "AT" .
"""
CUSTOMER_JSONLD = json.dumps(
    {
        "@context": {
            "ckm": "https://w3id.org/ckm#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        },
        "@id": "http://localhost:8000/id/customer/docs-reader-customer",
        "@type": "ckm:Customer",
        "rdfs:label": "Docs Reader Customer",
        "ckm:customerOf": {"@id": "http://localhost:8000/id/firm/docs-reader"},
        "ckm:customerRole": {"@id": "ckm:PassiveCustomerRole"},
        "ckm:typology": {"@id": "ckm:B2B"},
        "ckm:country": "AT",
    },
    indent=2,
)
OWN_SHAPES_TTL = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ckm: <https://w3id.org/ckm#> .
<http://localhost:8000/id/shapes/FirmCountry> a sh:NodeShape ; sh:targetClass ckm:SME ;
    sh:property [ sh:path ckm:country ; sh:minCount 1 ; sh:severity sh:Warning ] .
"""
NOTES_TTL = """@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://example.org/notes/1> rdfs:comment "A note kept beside the CKM data." .
"""
SECOND_NT = '<http://example.org/notes/2> <http://www.w3.org/2000/01/rdf-schema#comment> "Two." .\n'

KUNDEN_CSV = (
    "Kundennummer,Firmenname,Status,Land\nK-900,Docs Reader Kunde,Wissenspartner,Österreich\n"
)

# The reader's own files the examples name; `examples/` is the repository's.
READER_FILES: dict[str, str] = {
    "my-crm.yarrrml.yml": _doc_block("docs/IMPORT.md", "yaml"),
    "Kunden.csv": KUNDEN_CSV,
    "data.ttl": FIRM_TTL,
    "more.jsonld": CUSTOMER_JSONLD,
    "my-shapes.ttl": OWN_SHAPES_TTL,
    "new.ttl": FIRM_TTL,
    "notes.ttl": NOTES_TTL,
    "first.ttl": NOTES_TTL,
    "second.nt": SECOND_NT,
}
# CSV exports a reader has: copies of the samples, under the names the examples use.
READER_EXPORTS: dict[str, str] = {
    "firms.csv": "examples/crm/firms.csv",
    "customers.csv": "examples/crm/customers.csv",
    "CRM_Aktivitaeten.csv": "examples/crm/interactions.csv",
    "Kunden_Export.csv": "examples/crm/customers.csv",
    "exports": "examples/crm",
}


@dataclass(frozen=True)
class Ran:
    """What a command did: exit code, output, and the HTTP status of each curl answer."""

    command: Command
    text: str
    returncode: int
    stdout: str
    stderr: str

    @property
    def statuses(self) -> list[int]:
        return [int(code) for code in _STATUS.findall(self.stderr)]

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def report(self) -> str:
        return (
            f"{self.command.where}: exit {self.returncode}, HTTP {self.statuses}\n"
            f"$ {self.text}\n--- stdout\n{self.stdout[-3000:]}\n--- stderr\n"
            f"{_STATUS.sub('', self.stderr)[-3000:]}"
        )


@dataclass(frozen=True)
class Expect:
    """What the doc says a command returns. The defaults: exit 0 and, for curl, every
    answer 2xx."""

    exit: int = 0
    status: int | None = None
    shows: tuple[str, ...] = ()
    json_fields: tuple[str, ...] = ()
    csv_rows: int | None = None
    why: str = ""

    def failures(self, ran: Ran, server: str = "") -> list[str]:
        """What in ``ran`` differs from the doc (``{server}`` in :attr:`shows` is the
        test server's origin); empty when nothing does."""
        found: list[str] = []
        if ran.returncode != self.exit:
            found.append(f"exit {ran.returncode}, the doc says {self.exit}")
        if self.status is not None and ran.statuses[-1:] != [self.status]:
            found.append(f"HTTP {ran.statuses}, the doc says {self.status}")
        if self.status is None and any(not 200 <= code < 300 for code in ran.statuses):
            found.append(f"HTTP {ran.statuses}, the doc shows a success")
        if ran.command.program == "curl" and not ran.statuses:
            found.append("curl got no answer")
        shown = [text.replace("{server}", server) for text in self.shows]
        found += [f"{text!r} not in the output" for text in shown if text not in ran.output]
        if self.json_fields:
            found += _missing_fields(ran.stdout, self.json_fields)
        if self.csv_rows is not None:
            rows = list(csv.reader(io.StringIO(ran.stdout)))
            if len(rows) - 1 != self.csv_rows:
                found.append(f"{len(rows) - 1} CSV rows, the doc says {self.csv_rows}")
        return found


def expectation(table: dict[str, Expect], command: Command) -> Expect:
    """The entry of ``table`` (keyed by how commands start) for ``command``: the longest
    key it starts with.

    Raises:
        KeyError: no key matches; every command a test runs says what it expects.
    """
    keys = [key for key in table if command.text.startswith(key)]
    if not keys:
        raise KeyError(f"{command.where}: no expectation for {command.text!r}")
    return table[max(keys, key=len)]


def _missing_fields(text: str, names: tuple[str, ...]) -> list[str]:
    body = text[text.find("{") :] if "{" in text else text
    try:
        answer = json.loads(body)
    except ValueError:
        return [f"the answer is not JSON: {text[:200]!r}"]
    return [f"no field {name!r} in the answer" for name in names if name not in answer]


@dataclass
class Reader:
    """A shell in a scratch directory set up as a reader's: the docs' files, keys and
    store, and the test server standing in for ``http://localhost:8000``."""

    desk: Path
    base_url: str
    store: Path
    keys: dict[str, str]
    copied: dict[str, str] = field(default_factory=dict)
    variables: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.desk.mkdir(parents=True, exist_ok=True)
        for name, text in READER_FILES.items():
            (self.desk / name).write_text(text, encoding="utf-8")
        for name, source in READER_EXPORTS.items():
            origin = REPO / source
            if origin.is_dir():
                shutil.copytree(origin, self.desk / name, dirs_exist_ok=True)
            else:
                shutil.copyfile(origin, self.desk / name)
        (self.desk / "examples").symlink_to(REPO / "examples")
        (self.desk / "backups").mkdir()
        bin_dir = self.desk / ".venv" / "bin"
        bin_dir.mkdir(parents=True)
        ckm = bin_dir / "ckm"
        ckm.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m kg.cli "$@"\n')
        ckm.chmod(0o755)
        python = bin_dir / "python"
        python.symlink_to(sys.executable)
        (self.desk / ".curlrc").write_text(
            f'write-out = "%{{stderr}}{STATUS_MARK} %{{http_code}}\\n"\n'
        )

    def environment(self) -> dict[str, str]:
        env = ckm_environment()
        env |= {
            "CKM_STORE": str(self.store),
            "CKM_BASE_IRI": "http://localhost:8000/id/",
            "CURL_HOME": str(self.desk),
            "COLUMNS": "1000",  # a wide terminal: rich wraps no line of a report
            "PATH": os.pathsep.join([str(self.desk / ".venv" / "bin"), env.get("PATH", "")]),
        }
        return env | self.keys | self.variables

    def substituted(self, command: Command) -> str:
        """The command as the reader pastes it (see the module's docstring)."""
        text = command.text
        if _CURL.search(text):
            text = SUBSTITUTIONS["curl"].sub(self.base_url, text)
        for placeholder, value in self.copied.items():
            text = text.replace(placeholder, value)
        return text

    def run(self, command: Command) -> Ran:
        text = self.substituted(command)
        script = text
        assigned = _ASSIGNMENT.match(text)
        if assigned:  # the reader's shell keeps the variable for the commands after
            script += f'\nprintf "\\n{STATUS_MARK}-variable=%s" "${assigned[1]}"'
        done = subprocess.run(
            ["bash", "-c", script],
            cwd=self.desk,
            env=self.environment(),
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT_S,
            check=False,
        )
        stdout = done.stdout
        if assigned:
            stdout, _, value = stdout.rpartition(f"\n{STATUS_MARK}-variable=")
            self.variables[assigned[1]] = value
        return Ran(command, text, done.returncode, stdout, done.stderr)

    def run_python(self, block: Block) -> Ran:
        """A Python example in this interpreter, the server standing in for the docs'
        origin; its output ends with the value of its last expression."""
        text = SUBSTITUTIONS["python"].sub(self.base_url, block.text)
        done = subprocess.run(
            [sys.executable, "-c", _PYTHON_REPL],
            input=text,
            cwd=self.desk,
            env=self.environment(),
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT_S,
            check=False,
        )
        command = Command(block.path, block.line, text)
        return Ran(command, text, done.returncode, done.stdout, done.stderr)

    def copy_from(self, ran: Ran, placeholder: str, pattern: str) -> None:
        """Use, for ``placeholder`` in the commands after, what ``pattern`` (its first
        group) finds in the output of ``ran``.

        Raises:
            AssertionError: the answer holds no such value.
        """
        found = re.search(pattern, ran.output)
        assert found, f"{ran.command.where}: no {pattern!r} to copy for {placeholder!r}"
        self.copied[placeholder] = found[1]
