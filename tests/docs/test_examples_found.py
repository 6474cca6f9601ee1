"""The docs' examples are all found, and each is run by one test or listed as not run
with its reason (tests/docs/catalogue.py): an example added to a doc is run, or the
test says why not."""

from __future__ import annotations

from collections import Counter

from tests.docs.catalogue import (
    NOT_RUN,
    not_run_because,
    readme_tour,
    served_requests,
    store_commands,
)
from tests.docs.examples import REPO, Block, all_blocks, all_commands, commands, transcripts
from tests.docs.reader import SUBSTITUTIONS

SHELL_BLOCK = """# a comment line
curl -G http://localhost:8000/sparql \\
  --data-urlencode 'query=SELECT *
WHERE { ?s ?p ?o } LIMIT 1'    # two lines of SPARQL in one argument
ckm stats   # quads per graph
"""
TRANSCRIPT = """$ ckm import default examples/crm/broken
import refused, nothing was written
- a line
…"""


def _block(text: str, lang: str = "sh") -> Block:
    return Block(REPO / "README.md", 1, lang, text)


def test_a_command_spans_continuations_and_quoted_lines():
    first, second = commands(_block(SHELL_BLOCK))
    assert first.program == "curl" and first.line == 3
    assert first.text.endswith("LIMIT 1'    # two lines of SPARQL in one argument")
    assert first.claim == "two lines of SPARQL in one argument"
    assert (second.program, second.claim, second.line) == ("ckm", "quads per graph", 6)


def test_a_transcript_is_its_command_and_output():
    (transcript,) = transcripts(_block(TRANSCRIPT, "console"))
    assert transcript.command.text == "ckm import default examples/crm/broken"
    assert transcript.output == ("import refused, nothing was written", "- a line", "…")
    assert commands(_block(TRANSCRIPT, "")) == [transcript.command]


def test_an_untagged_block_gives_its_curl_lines_only():
    diagram = "api/ (HTTP)   kg/cli/\n      `---- kg ----'\ncurl http://localhost:8000/health"
    assert [c.text for c in commands(_block(diagram, ""))] == ["curl http://localhost:8000/health"]


def test_every_example_is_run_once_or_listed_with_its_reason():
    found = all_commands()
    assert len(found) > 80
    groups = Counter(c.where for c in readme_tour() + served_requests() + store_commands())
    for command in found:
        runs = groups[command.where]
        reason = not_run_because(command)
        assert (runs, reason is None) in {(1, True), (0, False)}, (command.where, runs, reason)


def test_every_reason_names_an_example_the_docs_have():
    found = all_commands()
    for document, start in NOT_RUN:
        assert any(
            str(c.path.relative_to(REPO)) == document and c.text.startswith(start) for c in found
        ), (document, start)


def test_the_shell_blocks_of_every_document_are_read():
    documents = {b.path.name for b in all_blocks() if b.lang in {"sh", "bash", "console"}}
    assert {"README.md", "API.md", "IMPORT.md", "DIAGNOSIS.md", "OPERATIONS.md"} <= documents


def test_only_where_the_server_is_named_is_it_substituted():
    curl = (
        "curl 'http://localhost:8000/api/knowledge?customer=http://localhost:8000/id/c/a' "
        """-d '{"byFirm": "http://localhost:8000/id/firm/f"}' \\\n  http://localhost:8000/store"""
    )
    assert SUBSTITUTIONS["curl"].sub("http://127.0.0.1:1", curl) == (
        "curl 'http://127.0.0.1:1/api/knowledge?customer=http://localhost:8000/id/c/a' "
        """-d '{"byFirm": "http://localhost:8000/id/firm/f"}' \\\n  http://127.0.0.1:1/store"""
    )
    python = 'get_ontology("http://localhost:8000/ontology")  # http://localhost:8000/id/'
    assert SUBSTITUTIONS["python"].sub("http://127.0.0.1:1", python) == (
        'get_ontology("http://127.0.0.1:1/ontology")  # http://localhost:8000/id/'
    )
