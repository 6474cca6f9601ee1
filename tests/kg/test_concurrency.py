"""Several threads at once: validation gives the same verdicts, writers are serialised,
readers always see whole writes."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from kg.graph import KnowledgeGraph
from tests.kg.conftest import turtle_delta


def interaction_with_knowledge(n: int) -> str:
    return (
        f"ex:ci{n} a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;"
        f' ckm:channel ckm:Email ; prov:startedAtTime "2026-04-{n % 28 + 1:02d}T10:00:00Z"'
        "^^xsd:dateTime ; ckm:inSphere ckm:ProviderSphere .\n"
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
    assert [r.conforms for r in sequential] == [True, False, False, True]


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
