"""Every ```sparql block of the README and docs/*.md parses and runs (issue 19).

Each block is first run on an empty in-memory Oxigraph store with the server's common
prefixes declared (a dry run: a syntax error or an undeclared prefix fails it, an
update changes nothing that matters), then sent to a live ``ckm serve`` on a fresh demo
store of its own: a query by ``GET /sparql`` asking for SPARQL JSON, an update by
``POST /sparql`` with the writer key. A SELECT must answer rows (an example answering
nothing on the demo shows nothing), or the number :data:`STATED` says its doc states.
"""

from __future__ import annotations

import httpx
import pyoxigraph
import pytest

from kg.sparql_text import query_form, with_common_prefixes
from kg.vocab import COMMON_PREFIXES
from tests.api.live_server import live_server
from tests.docs.examples import Block, sparql_blocks

BLOCKS = sparql_blocks()
# (document, the block's first line) -> the rows its doc says it answers; none yet.
STATED: dict[tuple[str, str], int] = {}


def _key(block: Block) -> tuple[str, str]:
    return block.where.split(":")[0], block.text.splitlines()[0]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("sparql-blocks")) as live:
        yield live


def test_the_docs_have_sparql_blocks():
    assert len(BLOCKS) >= 3


@pytest.mark.parametrize("block", BLOCKS, ids=lambda block: block.where)
def test_a_sparql_block_parses(block):
    text, _ = with_common_prefixes(block.text, COMMON_PREFIXES)
    scratch = pyoxigraph.Store()
    if query_form(block.text) is None:
        scratch.update(text)
    else:
        scratch.query(text)


@pytest.mark.parametrize("block", BLOCKS, ids=lambda block: block.where)
def test_a_sparql_block_runs_on_the_demo_server(server, block):
    form = query_form(block.text)
    if form is None:
        answer = httpx.post(
            server.sparql,
            content=block.text.encode(),
            headers={"Content-Type": "application/sparql-update"}
            | server.bearer(server.writer_key),
            timeout=60,
        )
        assert answer.status_code == 200, f"{block.where}: {answer.text}"
        assert answer.json()["report"]["accepted"], f"{block.where}: {answer.text}"
        return
    answer = httpx.get(
        server.sparql,
        params={"query": block.text},
        headers={"Accept": "application/sparql-results+json"},
        timeout=60,
    )
    assert answer.status_code == 200, f"{block.where}: {answer.text}"
    if form == "SELECT":
        rows = answer.json()["results"]["bindings"]
        stated = STATED.get(_key(block))
        if stated is None:
            assert rows, f"{block.where}: the example answers no row on the demo"
        else:
            assert len(rows) == stated, f"{block.where}: {len(rows)} rows, the doc says {stated}"


def test_a_broken_sparql_block_fails_to_parse():
    """A prefix typo in a copy of the first block is caught by the dry run."""
    (first, *_) = BLOCKS
    broken = first.text.replace("ckm:", "ckn:", 1)
    assert broken != first.text
    text, _ = with_common_prefixes(broken, COMMON_PREFIXES)
    with pytest.raises(SyntaxError):
        pyoxigraph.Store().query(text)
