"""``ckm migrate`` carries a 1.x store to ontology 2.0: through the write road (validated,
atomic, recorded), a dry run that writes nothing, a refusal that writes nothing, and a
migrated store that migrates to nothing.

The fixture is the dump of a store made by the 1.0.0 release (tests/kg/data/migration);
the expected changes below were read off that file by hand: nine interactions with a
customer sit in the provider sphere, each through an indirect channel (an idea platform,
a survey form…), so each moves to the customer sphere (004 l.145-155); five record value
co-creation with a customer who was passive on the interaction's day, so each loses that
outcome, kept as a comment (004 l.33): i000020 with c0003 (passive since 2021-08-03),
i000055 with c0008 (since 2013-10-22), i000075 with c0011 (since 2020-11-02), and i000037
(2024-05-02) and i000040 (2024-12-05) with c0005, active now but passive from 2018-04-04
to 2025-03-04 (role assignment c0005-1): the role held on the day counts;
21 interactions carry the 1.x interaction-level ckm:alignment (12 aligned, 9 misaligned),
each recording one RI practice, so each becomes one ckm:PracticeAlignment (004 l.333): 5
triples each (type, label, interaction, practice, status), 45 ckm:drivenBy (every driver
assessment of those interactions is of a driver beneath the recorded practice) and 12
ckm:resultsIn (15 of the 21 record an outcome, less the three co-creations withdrawn above:
i000020, i000037, i000075).
Counted with SPARQL over the dump's data graph. In all: 14 + 21 = 35 triples removed,
14 + 105 + 45 + 12 = 176 added.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import RDFS
from typer.testing import CliRunner

from kg.cli import app
from kg.config import Settings
from kg.errors import MigrationRefused
from kg.graph import KnowledgeGraph
from kg.vocab import CKM, DATA_GRAPH, PROVENANCE_GRAPH

FIXTURE = Path(__file__).with_name("data") / "migration" / "ckm-1.0.0-demo.trig"
ID = "http://localhost:8000/id/interaction/"
NINE = ("i000003", "i000009", "i000029", "i000036", "i000038", "i000042", "i000044")
NINE += ("i000054", "i000057")
IN_PROVIDER_SPHERE = {URIRef(ID + n) for n in NINE}
PASSIVE_CO_CREATION = {
    URIRef(ID + n) for n in ("i000020", "i000037", "i000040", "i000055", "i000075")
}
runner = CliRunner()


def ckm(store: Path, *args: str):
    return runner.invoke(app, ["--store", str(store), *args])


@contextmanager
def opened(store: Path) -> Iterator[KnowledgeGraph]:
    graph = KnowledgeGraph.open(Settings(store=store))
    try:
        yield graph
    finally:
        graph.close()


def restored_1x(store: Path, source: Path = FIXTURE) -> None:
    """A store holding the 1.x data as the old release wrote it (its data graphs, not
    checked: 2.0's shapes refuse some of it, which is what the migration is for)."""
    result = ckm(store, "restore", "--unchecked", "--data-only", str(source))
    assert result.exit_code == 0, result.output


def edited_fixture(tmp_path: Path, interaction: str, old: str, new: str) -> Path:
    """The fixture with one statement of one interaction's block changed."""
    text = FIXTURE.read_text(encoding="utf-8")
    start = text.index(f"<{ID}{interaction}> ")
    end = text.index(" .\n", start)
    block = text[start:end]
    assert old in block
    path = tmp_path / f"edited-{interaction}.trig"
    path.write_text(text[:start] + block.replace(old, new) + text[end:], encoding="utf-8")
    return path


def in_sphere(graph: KnowledgeGraph, sphere: URIRef) -> set[URIRef]:
    return {q[0] for q in graph.quads(None, CKM.inSphere, sphere, DATA_GRAPH)}


def data_dump(store: Path) -> bytes:
    result = ckm(store, "dump")
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_a_dry_run_lists_the_changes_and_writes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    restored_1x(store)
    before = data_dump(store)
    result = ckm(store, "migrate", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would remove 35 and would add 176 data triples" in result.output
    assert f"- <{ID}i000003> <{CKM.inSphere}> <{CKM.ProviderSphere}>" in result.output
    assert f"- <{ID}i000016> <{CKM.alignment}> <{CKM.Misaligned}>" in result.output
    # The listing is cut after the first lines; the additions sort after the removals.
    assert "+ <http://localhost:8000/id/alignment/i000008-producingAndImplementing>" in (
        result.output
    )
    assert "nothing was written" in result.output
    assert data_dump(store) == before


def test_the_1x_store_migrates_and_then_migrates_to_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    restored_1x(store)
    result = ckm(store, "migrate")
    assert result.exit_code == 0, result.output
    assert "removed 35 and added 176 data triples" in result.output
    with opened(store) as graph:
        assert in_sphere(graph, CKM.CustomerSphere) >= IN_PROVIDER_SPHERE
        with_customer = {q[0] for q in graph.quads(None, CKM.withCustomer, None, DATA_GRAPH)}
        assert not in_sphere(graph, CKM.ProviderSphere) & with_customer
        for interaction in PASSIVE_CO_CREATION:
            said = graph.description(interaction)
            assert not [q for q in said if q[1] == CKM.valueOutcome]
            notes = [str(q[2]) for q in said if q[1] == RDFS.comment]
            assert any(
                "value co-creation (ckm:ValueCoCreation) recorded under 1.x" in n for n in notes
            )
        co_creations = {
            q[0] for q in graph.quads(None, CKM.valueOutcome, CKM.ValueCoCreation, DATA_GRAPH)
        }
        # 18 in 1.x: 10 with customers active now (two of them, c0005, passive on the day)
        # and 5 with knowledge partners stay 8 + 5; the 3 with passive customers go.
        assert len(co_creations) == 8 + 5
        alignments = {q[0] for q in graph.quads(None, CKM.alignmentIn, None, DATA_GRAPH)}
        assert len(alignments) == 21
        assert not list(graph.quads(None, CKM.alignment, None, DATA_GRAPH))
        statuses = [q[2] for q in graph.quads(None, CKM.alignmentStatus, None, DATA_GRAPH)]
        assert statuses.count(CKM.Aligned) == 12 and statuses.count(CKM.Misaligned) == 9
        assert len(list(graph.quads(None, CKM.drivenBy, None, DATA_GRAPH))) == 45
        assert len(list(graph.quads(None, CKM.resultsIn, None, DATA_GRAPH))) == 12
        judged = URIRef("http://localhost:8000/id/alignment/i000016-producingAndImplementing")
        said = {(q[1], q[2]) for q in graph.description(judged)}
        assert (CKM.alignmentIn, URIRef(ID + "i000016")) in said
        assert (CKM.alignedPractice, CKM.ProducingAndImplementing) in said
        assert (CKM.alignmentStatus, CKM.Misaligned) in said
        assert graph.validate_stored().accepted
        labels = [
            q for q in graph.quads(None, None, None, PROVENANCE_GRAPH) if str(q[2]) == "migrate"
        ]
        assert len(labels) == 1
    again = ckm(store, "migrate")
    assert again.exit_code == 0, again.output
    assert "nothing to migrate" in again.output


def test_a_direct_channel_moves_to_the_joint_sphere(tmp_path: Path) -> None:
    """A provider-sphere interaction through a direct channel (a telephone call) was in
    fact joint: provider and customer interacted directly (004 l.147)."""
    source = edited_fixture(
        tmp_path,
        "i000003",
        f"<{CKM.channel}> <{CKM.IdeaPlatform}>",
        f"<{CKM.channel}> <{CKM.Telephone}>",
    )
    store = tmp_path / "store"
    restored_1x(store, source)
    assert ckm(store, "migrate").exit_code == 0
    with opened(store) as graph:
        assert URIRef(ID + "i000003") in in_sphere(graph, CKM.JointSphere)
        assert URIRef(ID + "i000009") in in_sphere(graph, CKM.CustomerSphere)


def test_data_the_steps_cannot_decide_refuses_the_migration_whole(tmp_path: Path) -> None:
    """An interaction that no step can make valid (here: it names no firm) refuses the
    whole migration, naming the node, though no step touches it (i000001 is in the
    customer sphere); nothing is written, by the CLI or the face."""
    source = edited_fixture(
        tmp_path,
        "i000001",
        f"<{CKM.byFirm}> <http://localhost:8000/id/firm/medsoft> ;",
        "",
    )
    store = tmp_path / "store"
    restored_1x(store, source)
    before = data_dump(store)
    result = ckm(store, "migrate")
    assert result.exit_code == 1, result.output
    assert "nothing was written" in result.output
    assert f"{ID}i000001" in result.output
    assert data_dump(store) == before
    with opened(store) as graph, pytest.raises(MigrationRefused):
        graph.migrate(dry_run=True)


def test_an_interaction_level_alignment_becomes_one_judgement_per_practice(
    tmp_path: Path,
) -> None:
    """i000008 (aligned, value co-creation) recorded with a second practice: each practice
    gets the 1.x status (what 1.x said of all its practices), and neither the interaction's
    outcome, which no record ties to one of the two (004 l.333)."""
    text = FIXTURE.read_text(encoding="utf-8")
    practice = f"<{CKM.riPractice}> <{CKM.ProducingAndImplementing}> ;"
    start = text.index(f"\n\t<{ID}i000008> ")
    at = text.index(practice, start)
    two = f"<{CKM.riPractice}> <{CKM.ProducingAndImplementing}> , <{CKM.DiagnosingAndDesigning}> ;"
    source = tmp_path / "two-practices.trig"
    source.write_text(text[:at] + two + text[at + len(practice) :], encoding="utf-8")
    store = tmp_path / "store"
    restored_1x(store, source)
    assert ckm(store, "migrate").exit_code == 0
    with opened(store) as graph:
        judged = {q[0] for q in graph.quads(None, CKM.alignmentIn, URIRef(ID + "i000008"))}
        assert len(judged) == 2
        for judgement in judged:
            said = {(q[1], q[2]) for q in graph.description(judgement)}
            assert (CKM.alignmentStatus, CKM.Aligned) in said
            assert not [o for p, o in said if p == CKM.resultsIn]
