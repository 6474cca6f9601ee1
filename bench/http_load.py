"""SPARQL over HTTP, restore and start-up, side by side with ``oxigraph serve``.

One data set (the demo generator at scale, with its OWL 2 RL inferences and the
ontology), written to N-Quads once; then:

- restore: ``ckm restore`` into an empty embedded store vs ``oxigraph load``;
- start-up: ``ckm serve`` until ``/health`` answers;
- SPARQL Protocol throughput: ``wrk`` (16 connections, bounded in time) against
  ``ckm serve`` ``/sparql`` and ``oxigraph serve`` ``/query`` on the same data and
  query, p50/p99 latency and requests per second;
- peak memory (VmHWM) of each server afterwards.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

from bench.write_throughput import BASE
from kg.config import Settings
from kg.demo import demo_quads
from kg.graph import DumpFormat, KnowledgeGraph
from tests.engines import free_port, oxigraph_executable

QUERIES = {
    "aggregation": """PREFIX ckm: <https://w3id.org/ckm#>
SELECT ?sphere ?style (COUNT(?i) AS ?n) WHERE {
  ?i a ckm:Interaction ; ckm:inSphere ?sphere ; ckm:ckmStyle ?style .
} GROUP BY ?sphere ?style""",
    "lookup": """PREFIX ckm: <https://w3id.org/ckm#>
SELECT ?p ?o WHERE { ?c a ckm:KnowledgePartner ; ?p ?o } LIMIT 20""",
}
CKM = str(Path(sys.executable).parent / "ckm")


def _data_file(customers: int, folder: Path) -> tuple[Path, int]:
    """The demo data with ontology and inferences, as one N-Quads file."""
    graph = KnowledgeGraph.open(Settings(store=folder / "build"))
    graph.store.commit(removed=[], added=demo_quads(customers=customers, seed=3, base_iri=BASE))
    graph.rebuild_inferences()
    path = folder / "data.nq"
    with path.open("wb") as output:
        graph.dump(output, DumpFormat.NQUADS)
    count = graph.store.count()
    graph.close()
    return path, count


def _timed_run(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def _wait(url: str, process: subprocess.Popen, seconds: float = 120) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return time.perf_counter() - started
        except httpx.TransportError:
            pass
        time.sleep(0.02)
    raise RuntimeError(f"{url} did not answer in {seconds} s")


def _wrk(url: str, seconds: int) -> tuple[float, float, float]:
    """Requests per second, p50 and p99 latency (ms) of GETs of ``url``."""
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            "-c16",
            f"-d{seconds}s",
            "--latency",
            "-H",
            "Accept: application/sparql-results+json, application/json;q=0.9",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{errors.group(1)} failed requests:\n{output}")
    return rate, _latency(output, "50%"), _latency(output, "99%")


def _latency(output: str, percentile: str) -> float:
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def _peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def run(customers: int, seconds: int = 10) -> None:
    if shutil.which("wrk") is None:
        sys.exit("bench/http_load.py needs wrk (apt-get install wrk)")
    oxigraph = str(oxigraph_executable())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data, quads = _data_file(customers, root)
        print(f"data: {customers:,} customers, {quads:,} quads ({data.stat().st_size >> 20} MB)")
        env = {**os.environ, "CKM_STORE": str(root / "ckm")}
        ours = _timed_run([CKM, "restore", str(data)], env)
        theirs = _timed_run([oxigraph, "load", "--location", str(root / "ox"), "--file", str(data)])
        print("| restore | ckm restore | oxigraph load | ratio |\n|---|---|---|---|")
        print(
            f"| {quads:,} quads | {ours:.1f} s ({quads / ours:,.0f}/s) "
            f"| {theirs:.1f} s ({quads / theirs:,.0f}/s) | {theirs / ours:.2f}x |"
        )
        ckm_port, ox_port = free_port(), free_port()
        ckm_server = subprocess.Popen(
            [CKM, "serve", "--port", str(ckm_port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        ox_server = subprocess.Popen(
            [
                oxigraph,
                "serve-read-only",
                "--location",
                str(root / "ox"),
                "--bind",
                f"127.0.0.1:{ox_port}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            ready = _wait(f"http://127.0.0.1:{ckm_port}/health", ckm_server)
            _wait(f"http://127.0.0.1:{ox_port}/query?query=ASK%7B%7D", ox_server)
            print(f"\n`ckm serve` ready in {ready:.1f} s\n")
            print(
                f"| query (16 clients, {seconds} s) | ckm serve req/s | p50 / p99 ms "
                "| oxigraph serve req/s | p50 / p99 ms | ratio |"
            )
            print("|---|---|---|---|---|---|")
            for name, sparql in QUERIES.items():
                ours_url = f"http://127.0.0.1:{ckm_port}/sparql?" + urlencode({"query": sparql})
                theirs_url = f"http://127.0.0.1:{ox_port}/query?" + urlencode(
                    {"query": sparql, "union-default-graph": ""}
                )
                a, a50, a99 = _wrk(ours_url, seconds)
                b, b50, b99 = _wrk(theirs_url, seconds)
                print(
                    f"| {name} | {a:,.0f} | {a50:.1f} / {a99:.1f} | {b:,.0f} "
                    f"| {b50:.1f} / {b99:.1f} | {a / b:.2f}x |"
                )
            rest = {
                "GET one customer": "/api/customers/c0001",
                "GET interactions of a customer": "/api/interactions?customer="
                + BASE
                + "customer/c0001",
            }
            print(f"\n| REST (16 clients, {seconds} s) | req/s | p50 / p99 ms |\n|---|---|---|")
            for name, path in rest.items():
                rate, p50, p99 = _wrk(f"http://127.0.0.1:{ckm_port}{path}", seconds)
                print(f"| {name} | {rate:,.0f} | {p50:.1f} / {p99:.1f} |")
            print(
                f"\npeak RSS: ckm serve {_peak_rss_mb(ckm_server.pid):,.0f} MB, "
                f"oxigraph serve {_peak_rss_mb(ox_server.pid):,.0f} MB"
            )
        finally:
            for server in (ckm_server, ox_server):
                server.terminate()
                server.wait()


if __name__ == "__main__":
    run(customers=int(sys.argv[1]) if len(sys.argv) > 1 else 1200)
