"""Several threads at once: validation gives the same verdicts, writers are serialised,
readers always see whole writes."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from kg import KnowledgeGraph, ValidationRefused, WriteReceipt
from tests.kg.conftest import EX, turtle_delta


def interaction_with_knowledge(n: int) -> str:
    return (
        f"ex:ci{n} a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;"
        f' ckm:channel ckm:Email ; prov:startedAtTime "2026-04-{n % 28 + 1:02d}T10:00:00Z"'
        "^^xsd:dateTime ; ckm:inSphere ckm:CustomerSphere .\n"
        f"ex:ck{n} a ckm:KnowledgeFromCustomers ; rdfs:label 'note {n}' ; ckm:content"
        f" ckm:Feedback ; ckm:knowledgeSource ex:acme ; ckm:statement 'feedback {n}' ;"
        f" ckm:tacitness ckm:Explicit ; ckm:storedIn ckm:CRMSystem ; prov:wasGeneratedBy ex:ci{n} ."
    )


def test_concurrent_validations_agree_with_sequential_ones(small: KnowledgeGraph):
    deltas = [
        turtle_delta(interaction_with_knowledge(1)),
        turtle_delta("ex:i42 ckm:satisfaction 9 ."),
        turtle_delta("ex:bella ckm:country 'Austria' ."),
        turtle_delta("ex:acme ckm:receivesReward ckm:MonetaryReward ."),
    ]
    sequential = [small.check(d) for d in deltas]
    with ThreadPoolExecutor(max_workers=4) as pool:
        concurrent = list(pool.map(small.check, deltas * 3))
    assert concurrent == sequential * 3
    assert [r.accepted for r in sequential] == [True, False, False, True]


def test_readers_never_see_half_a_write(small: KnowledgeGraph):
    orphans_seen: list[int] = []
    done = threading.Event()
    orphan_query = (
        "PREFIX ckm: <https://w3id.org/ckm#> PREFIX prov: <http://www.w3.org/ns/prov#> "
        "SELECT (COUNT(?i) AS ?n) WHERE { ?i ckm:channel ckm:Email . "
        "MINUS { ?k prov:wasGeneratedBy ?i } }"
    )

    def read() -> None:
        while not done.is_set():
            orphans_seen.append(int(small.select(orphan_query)[0]["n"]))

    def write(n: int) -> None:
        small.write(turtle_delta(interaction_with_knowledge(n)))

    reader = threading.Thread(target=read)
    reader.start()
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(write, range(30)))
    done.set()
    reader.join()
    assert orphans_seen and set(orphans_seen) == {0}
    count = small.select(
        "PREFIX ckm: <https://w3id.org/ckm#> SELECT (COUNT(?i) AS ?n) WHERE "
        "{ ?i ckm:channel ckm:Email }"
    )
    assert int(count[0]["n"]) == 30


@pytest.mark.parametrize("with_invalid", [False, True], ids=["all-valid", "two-invalid"])
def test_writes_queued_behind_a_write_are_committed_together_each_with_its_verdict(
    small: KnowledgeGraph, with_invalid: bool
):
    """While one write holds the lock, more queue up: the 10 valid ones are committed
    in ONE commit, each with its own provenance activity and counts, also when the group
    holds invalid writes: those are refused, each validated on the state the writes
    queued before it leave, with reports about their own nodes only, and nothing of them
    is written."""
    valid = [turtle_delta(interaction_with_knowledge(n)) for n in range(100, 110)]
    invalid = (
        []
        if not with_invalid
        else [
            turtle_delta("ex:i42 ckm:satisfaction 9 ."),
            turtle_delta("ex:bella ckm:country 'Austria' ."),
        ]
    )
    deltas = valid[:5] + invalid[:1] + valid[5:] + invalid[1:]
    outcomes: dict[int, object] = {}

    def write(index: int) -> None:
        try:
            outcomes[index] = small.write(deltas[index])
        except ValidationRefused as refusal:
            outcomes[index] = refusal

    queue = small._group_commit._queue
    versions_before = int(small._store.version())  # the embedded store counts its commits
    with small._write_lock:
        threads = [threading.Thread(target=write, args=(i,)) for i in range(len(deltas))]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 30
        while len(queue) < len(deltas) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(queue) == len(deltas), "the writers did not queue up"
    for thread in threads:
        thread.join(60)
    commits = int(small._store.version()) - versions_before
    assert commits == 1
    receipts = [outcomes[i] for i, d in enumerate(deltas) if d in valid]
    refusals = [outcomes[i] for i, d in enumerate(deltas) if d in invalid]
    assert all(isinstance(r, WriteReceipt) for r in receipts)
    assert [r.added for r in receipts] == [len(d.added) for d in valid]
    activities = {r.activity for r in receipts}
    assert len(activities) == 10 and None not in activities
    for activity in activities:
        assert small.ask(f"ASK {{ <{activity}> a <http://www.w3.org/ns/prov#Activity> }}")
    assert all(isinstance(r, ValidationRefused) for r in refusals)
    if with_invalid:
        assert {v.focus_node for v in refusals[0].report.violations} == {EX + "i42"}
        assert {v.focus_node for v in refusals[1].report.violations} == {EX + "bella"}
    assert not small.ask("ASK { ?i <https://w3id.org/ckm#satisfaction> 9 }")
    count = small.select(
        "PREFIX ckm: <https://w3id.org/ckm#> SELECT (COUNT(?i) AS ?n) WHERE "
        "{ ?i ckm:channel ckm:Email }"
    )
    assert int(count[0]["n"]) == 10


def test_writes_of_one_turn_are_validated_on_the_state_the_writes_before_them_leave(
    small: KnowledgeGraph,
):
    """Two writes each valid alone but not together (a customer's first and second
    country, ``sh:maxCount 1``), queued in one group: the first is accepted, the second
    refused as it would be after the first — not both accepted because each alone
    conformed to the store as it was."""
    small.write(
        turtle_delta("ex:newco a ckm:Customer ; rdfs:label 'NewCo' ; ckm:customerOf ex:medsoft .")
    )
    writes = [
        turtle_delta("ex:newco ckm:country 'DE' ."),
        turtle_delta("ex:newco ckm:country 'CH' ."),
    ]
    outcomes: dict[int, object] = {}

    def write(index: int) -> None:
        try:
            outcomes[index] = small.write(writes[index])
        except ValidationRefused as refusal:
            outcomes[index] = refusal

    queue = small._group_commit._queue
    with small._write_lock:
        threads = []
        for index in range(len(writes)):  # queued in this order
            threads.append(threading.Thread(target=write, args=(index,)))
            threads[-1].start()
            deadline = time.monotonic() + 30
            while len(queue) <= index and time.monotonic() < deadline:
                time.sleep(0.01)
        assert len(queue) == len(writes)
    for thread in threads:
        thread.join(60)
    assert isinstance(outcomes[0], WriteReceipt)
    assert isinstance(outcomes[1], ValidationRefused)
    assert {v.focus_node for v in outcomes[1].report.violations} == {EX + "newco"}
    countries = small.select(f"SELECT ?c WHERE {{ <{EX}newco> <https://w3id.org/ckm#country> ?c }}")
    assert [str(r["c"]) for r in countries] == ["DE"]
