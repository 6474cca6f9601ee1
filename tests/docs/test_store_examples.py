"""The command lines of the docs on a demo store no server holds, where a writing
command writes (issue 19): docs/*.md's ``ckm`` examples in their order, their console
transcripts compared line by line, and the README tour's writing commands — refused
beside the server in tests/docs/test_readme_tour.py — doing what the README says they do.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.docs.catalogue import readme_tour, store_commands
from tests.docs.examples import Command, all_blocks, transcripts
from tests.docs.reader import Expect, Reader, expectation
from tests.reliability.server import ckm_command, ckm_environment

DEMO_CUSTOMERS = "10"
PLASTIC_DESIGN = "ckm diagnose --firm http://localhost:8000/id/firm/plastic-design"
CKM = ".venv/bin/ckm "

# What each command line of docs/*.md does, as its doc says.
DOCUMENTED: dict[str, Expect] = {
    # IMPORT.md: in five minutes
    CKM + "import default exports/ --dry-run": Expect(shows=("customer", "120")),
    CKM + "import default exports/ --timezone": Expect(
        shows=("imported with mapping default", "read 120 rows from customers.csv")
    ),
    "ckm import my-crm.yarrrml.yml Kunden.csv": Expect(shows=("imported with mapping",)),
    "ckm import default examples/crm/broken": Expect(
        exit=1, why="a console transcript: its output is compared too"
    ),
    # DIAGNOSIS.md
    PLASTIC_DESIGN + " --from 2025-01-01": Expect(shows=("Diagnosis of Plastic Design",)),
    PLASTIC_DESIGN + " --format json": Expect(shows=('"@context"',)),
    PLASTIC_DESIGN + " --format html": Expect(shows=("<html",)),
    PLASTIC_DESIGN + " --store": Expect(),
    PLASTIC_DESIGN + " --trend": Expect(),
}

# The README tour's writing commands on a store nothing serves.
TOUR_WRITES: dict[str, Expect] = {
    CKM + "init": Expect(),
    CKM + "load data.ttl more.jsonld": Expect(),
    CKM + "dump -o backup.nq && .venv/bin/ckm restore backup.nq": Expect(),
    CKM + "erase-customer http://localhost:8000/id/customer/c0001": Expect(),
    CKM + "reason --rebuild": Expect(),
    CKM + "concepts add": Expect(shows=("http://localhost:8000/id/concept/joint-budgeting-",)),
    CKM + "import default examples/crm/ --timezone": Expect(
        shows=("imported with mapping default",), why="0 ok"
    ),
    CKM + "import default examples/crm/broken --skip-invalid --rejects rejects.csv": Expect(),
}
# A command whose doc shows its output in the next block (untagged) -> how that block
# opens; its lines are compared as a transcript's are.
SHOWN_AFTER: dict[str, str] = {
    CKM + "import default exports/ --timezone": "imported with mapping default",
}
COMMANDS = store_commands()
WRITES = [c for c in readme_tour() if any(c.text.startswith(key) for key in TOUR_WRITES)]
TRANSCRIPTS = {t.command.where: t for block in all_blocks() for t in transcripts(block)}


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    directory = tmp_path_factory.mktemp("store-examples")
    store = directory / "store"
    subprocess.run(
        ckm_command(store, "demo", "--customers", DEMO_CUSTOMERS),
        cwd=directory,
        env=ckm_environment(),
        check=True,
        capture_output=True,
        timeout=300,
    )
    return Reader(directory / "desk", "", store, {})


def _documented_output(command: Command) -> tuple[str, ...]:
    """The output the doc shows for ``command``: its transcript's, or the block after it."""
    transcript = TRANSCRIPTS.get(command.where)
    if transcript is not None:
        return transcript.output
    opening = next((o for start, o in SHOWN_AFTER.items() if command.text.startswith(start)), None)
    if opening is None:
        return ()
    after = next(b for b in all_blocks() if b.path == command.path and b.line > command.line)
    assert after.lang == "" and after.text.startswith(opening), after.where
    return tuple(after.text.splitlines())


def _shown(line: str, output: str) -> bool:
    """True when ``output`` holds a doc's output line, its ``…`` standing for anything."""
    pieces = [re.escape(" ".join(piece.split())) for piece in line.split("…")]
    return re.search(".*".join(pieces), " ".join(output.split())) is not None


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.where)
def test_a_documented_command_does_what_its_doc_says(reader, command):
    ran = reader.run(command)
    failures = expectation(DOCUMENTED, command).failures(ran)
    for line in _documented_output(command):
        if line.strip() and line.strip() != "…" and not _shown(line, ran.output):
            failures.append(f"the doc shows {line!r}")
    assert not failures, "; ".join(failures) + "\n" + ran.report()


@pytest.mark.parametrize("command", WRITES, ids=lambda command: command.where)
def test_a_tour_write_writes_when_nothing_serves(reader, command):
    ran = reader.run(command)
    failures = expectation(TOUR_WRITES, command).failures(ran)
    assert not failures, "; ".join(failures) + "\n" + ran.report()


def test_every_shown_output_belongs_to_a_command():
    for start in SHOWN_AFTER:
        (command,) = [c for c in COMMANDS if c.text.startswith(start)]
        assert _documented_output(command)


def test_every_command_has_one_expectation():
    for table, commands in ((DOCUMENTED, COMMANDS), (TOUR_WRITES, WRITES)):
        for command in commands:
            expectation(table, command)
        unused = [key for key in table if not any(c.text.startswith(key) for c in commands)]
        assert not unused, f"expectations for commands the docs no longer have: {unused}"


def test_a_transcript_is_compared_with_what_the_command_prints():
    """A transcript line the command does not print fails (the `…` are wildcards)."""
    assert _shown(
        "import refused, nothing was written: 16 problem(s) in …",
        "x\nimport refused, nothing was written: 16 problem(s) in 16 row(s)\n",
    )
    assert not _shown("import refused: 17 problem(s)", "import refused: 16 problem(s)")


def test_the_commands_are_read_as_documented():
    assert {command.program for command in COMMANDS} <= {"ckm", ".venv/bin/ckm"}
    assert isinstance(COMMANDS[0], Command)
