"""8 writers and 16 readers on a real ``ckm serve`` over loopback HTTP: no 5xx, every
acknowledged write there afterwards, and every read a consistent snapshot — an
interaction is never seen without the knowledge item the same write created with it.

``make test`` runs it for 10 s, ``make stress`` for 60 s; throughput and latencies are
reported (docs/RELIABILITY.md).
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.reliability.conftest import Scale
from tests.reliability.server import WRITER_KEY, ServerProcess, store_with_small_data

WRITERS, READERS = 8, 16
MARK = "http://example.org/id/load-"
PAIR = """@prefix ckm: <https://w3id.org/ckm#> .
@prefix ex: <http://example.org/id/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{mark}i{n}> a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
    prov:startedAtTime "2026-05-0{day}T10:00:00Z"^^xsd:dateTime ; ckm:channel ckm:Workshop ;
    ckm:inSphere ckm:JointSphere ; ckm:ckmStyle ckm:MutualInnovation .
<{mark}k{n}> a ckm:KnowledgeFromCustomers ; ckm:content ckm:Idea ;
    ckm:knowledgeSource ex:acme ; ckm:statement "Idea {n}" ; ckm:tacitness ckm:Explicit ;
    ckm:storedIn ckm:CRMSystem ; prov:wasGeneratedBy <{mark}i{n}> ;
    dcterms:created "2026-05-0{day}"^^xsd:date .
"""
# A snapshot is consistent when no load interaction lacks its knowledge item and no
# knowledge item points at a missing interaction.
TORN = f"""PREFIX ckm: <https://w3id.org/ckm#> PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT (COUNT(*) AS ?torn) WHERE {{
  {{ ?i a ckm:Interaction FILTER(STRSTARTS(STR(?i), "{MARK}"))
     FILTER NOT EXISTS {{ ?k prov:wasGeneratedBy ?i }} }}
  UNION
  {{ ?k prov:wasGeneratedBy ?i FILTER(STRSTARTS(STR(?k), "{MARK}"))
     FILTER NOT EXISTS {{ ?i a ckm:Interaction }} }}
}}"""
STORED = f"""PREFIX ckm: <https://w3id.org/ckm#>
SELECT ?i WHERE {{ ?i a ckm:Interaction FILTER(STRSTARTS(STR(?i), "{MARK}")) }}"""


@dataclass
class Tally:
    """What the clients saw, shared by all their threads."""

    write_latencies: list[float] = field(default_factory=list)
    read_latencies: list[float] = field(default_factory=list)
    acknowledged: set[str] = field(default_factory=set)
    statuses: dict[int, int] = field(default_factory=dict)
    torn_reads: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, status: int, latency: float, *, write: bool) -> None:
        with self.lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1
            (self.write_latencies if write else self.read_latencies).append(latency)


def _writer(server: ServerProcess, number: int, until: float, tally: Tally) -> None:
    headers = {"Authorization": f"Bearer {WRITER_KEY}", "Content-Type": "text/turtle"}
    with server.client() as client:
        sequence = 0
        while time.monotonic() < until:
            sequence += 1
            name = f"w{number}-{sequence}"
            body = PAIR.format(mark=MARK, n=name, day=1 + sequence % 9)
            started = time.monotonic()
            answer = client.post("/store?default", content=body, headers=headers)
            tally.record(answer.status_code, time.monotonic() - started, write=True)
            if answer.status_code in (200, 201, 204):  # 200: merged, with the count
                with tally.lock:
                    tally.acknowledged.add(f"{MARK}i{name}")


def _reader(server: ServerProcess, seed: int, until: float, tally: Tally) -> None:
    rng = random.Random(seed)
    with server.client() as client:
        while time.monotonic() < until:
            started = time.monotonic()
            kind = rng.choice(["snapshot", "snapshot", "interactions", "knowledge"])
            if kind == "snapshot":
                answer = client.post("/sparql", data={"query": TORN})
            else:
                answer = client.get(f"/api/{kind}", params={"limit": 20})
            tally.record(answer.status_code, time.monotonic() - started, write=False)
            if kind == "snapshot" and answer.status_code == 200:
                torn = int(answer.json()["results"]["bindings"][0]["torn"]["value"])
                if torn:
                    with tally.lock:
                        tally.torn_reads += 1


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def test_writers_and_readers_together_lose_nothing_and_see_no_torn_write(
    tmp_path: Path, scale: Scale, figures: dict
):
    store = store_with_small_data(tmp_path)
    tally = Tally()
    with ServerProcess(store, tmp_path) as server:
        until = time.monotonic() + scale.load_seconds
        threads = [
            threading.Thread(target=_writer, args=(server, n, until, tally)) for n in range(WRITERS)
        ] + [
            threading.Thread(target=_reader, args=(server, n, until, tally)) for n in range(READERS)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=scale.load_seconds + 120)
        elapsed = time.monotonic() - started
        with server.client() as client:
            rows = client.post("/sparql", data={"query": STORED}).json()["results"]["bindings"]
    stored = {row["i"]["value"] for row in rows}

    assert not any(status >= 500 for status in tally.statuses), tally.statuses
    assert set(tally.statuses) <= {200, 201, 204}, tally.statuses
    assert tally.acknowledged and tally.acknowledged <= stored, "acknowledged writes lost"
    assert tally.torn_reads == 0, f"{tally.torn_reads} reads saw half a write"
    figures |= {
        "seconds": round(elapsed, 1),
        "writes": len(tally.write_latencies),
        "writes_per_s": round(len(tally.write_latencies) / elapsed, 1),
        "write_p50_ms": round(1000 * statistics.median(tally.write_latencies)),
        "write_p99_ms": round(1000 * _percentile(tally.write_latencies, 0.99)),
        "reads": len(tally.read_latencies),
        "reads_per_s": round(len(tally.read_latencies) / elapsed, 1),
        "read_p50_ms": round(1000 * statistics.median(tally.read_latencies)),
        "read_p99_ms": round(1000 * _percentile(tally.read_latencies, 0.99)),
    }
