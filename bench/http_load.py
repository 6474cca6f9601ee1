"""SPARQL and REST over HTTP, restore, start-up and memory, beside ``oxigraph serve``.

On one benchmark data set (N-Quads with inferences and ontology):

- restore: ``ckm restore`` into an empty embedded store vs ``oxigraph load``;
- start-up: ``ckm serve`` until ``/health`` answers;
- SPARQL Protocol: ``wrk`` (2 threads, 16 connections, bounded in time) against
  ``ckm serve`` ``/sparql`` and ``oxigraph serve-read-only`` ``/query`` on the same
  data and query: requests per second, p50/p99 latency;
- REST on ``ckm serve``: GET one customer, a filtered list of interactions, and POST
  of a new interaction (a wrk Lua script; every request makes a new interaction, since
  the API mints each one a fresh IRI, and its label counts up);
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
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx

from bench.charts import write_chart
from bench.dataset import BASE, DataSet
from bench.report import Report, Table, ratio
from kg import bound_sparql
from tests.engines import free_port, oxigraph_executable

CKM = str(Path(sys.executable).parent / "ckm")
# How long wrk drives each request: at M an aggregation takes seconds, and 16 clients
# on 2 cores need half a minute to see a few of them through.
SECONDS = {"quick": 3, "S": 10, "M": 30, "L": 60}
WRITER_KEY = "bench-writer-key-0123456789"
SPARQL_ACCEPT = "application/sparql-results+json, application/json;q=0.9"
QUERIES = {
    "lookup (20 rows)": """PREFIX ckm: <https://w3id.org/ckm#>
SELECT ?p ?o WHERE { ?c a ckm:KnowledgePartner ; ?p ?o } LIMIT 20""",
    "aggregation (interactions by sphere x style)": """PREFIX ckm: <https://w3id.org/ckm#>
SELECT ?sphere ?style (COUNT(?i) AS ?n) WHERE {
  ?i a ckm:Interaction ; ckm:inSphere ?sphere ; ckm:ckmStyle ?style .
} GROUP BY ?sphere ?style""",
    "mid-size (saved query strategic-contributions)": bound_sparql("strategic-contributions", {}),
}
CUSTOMER = "c0001"
# A new interaction of the customer's firm; %d is filled by the Lua script's counter.
POST_LUA = """
counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"label": "Bench workshop %%d", "byFirm": "%(firm)s", '
    .. '"withCustomer": ["%(customer)s"], "startedAtTime": "2026-03-04T10:00:00Z", '
    .. '"channel": "ckm:Workshop", "inSphere": "ckm:JointSphere", '
    .. '"ckmStyle": ["ckm:MutualInnovation"]}', counter)
  return wrk.format("POST", "/api/interactions", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer %(key)s"}, body)
end
"""


@dataclass(frozen=True)
class Load:
    """What wrk measured: requests per second, p50 and p99 latency (ms), and the
    failures it counted (non-2xx answers, timeouts), if any."""

    rate: float
    p50: float
    p99: float
    failures: str = ""

    @property
    def rate_cell(self) -> str:
        rate = f"{self.rate:,.0f}" if self.rate >= 10 else f"{self.rate:.2f}"
        return rate + (f" ({self.failures})" if self.failures else "")

    @property
    def latency_cell(self) -> str:
        if self.rate == 0:
            return "none completed"
        return f"{self.p50:.1f} / {self.p99:.1f}"


def wrk(url: str, seconds: int, *options: str) -> Load:
    """GETs of ``url`` (or what a ``-s`` script sends) from 16 connections."""
    output = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "--timeout", "60s", "--latency", *options, url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    failures = re.findall(r"Non-2xx or 3xx responses: \d+|timeout \d+", output)
    failures = [f for f in failures if f != "timeout 0"]
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return Load(rate, _latency(output, "50%"), _latency(output, "99%"), ", ".join(failures))


def _latency(output: str, percentile: str) -> float:
    found = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output)
    if found is None:  # nothing completed
        return float("nan")
    value, unit = found.groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def _timed_run(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def _wait(url: str, process: subprocess.Popen, seconds: float = 300) -> float:
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


def peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def _firm_of(port: int, customer: str) -> str:
    answer = httpx.get(f"http://127.0.0.1:{port}/api/customers/{customer}", timeout=30)
    answer.raise_for_status()
    firms = answer.json()["customerOf"]
    return firms[0] if isinstance(firms, list) else firms


def _rest(port: int, seconds: int, root: Path) -> tuple[dict[str, tuple[float, float, float]], int]:
    """GET one customer, a filtered list, POST new interactions: wrk figures for each,
    and how many interactions the POSTs made."""
    firm = _firm_of(port, CUSTOMER)
    customer = f"{BASE}customer/{CUSTOMER}"
    base = f"http://127.0.0.1:{port}"
    script = root / "post.lua"
    script.write_text(POST_LUA % {"firm": firm, "customer": customer, "key": WRITER_KEY})
    # One POST by hand first: a refusal would otherwise show only as wrk's failures.
    probe = subprocess.run(
        ["wrk", "-t1", "-c1", "-d1s", "-s", str(script), base], capture_output=True, text=True
    )
    if "Non-2xx" in probe.stdout:
        raise RuntimeError(f"POST /api/interactions is refused:\n{probe.stdout}")
    created = _interaction_count(port)
    filtered = "/api/interactions?" + urlencode({"firm": firm, "sphere": "JointSphere"})
    figures = {
        "GET one customer": wrk(f"{base}/api/customers/{CUSTOMER}", seconds),
        "GET interactions, firm + sphere filter (page of 50)": wrk(base + filtered, seconds),
        "POST a new interaction (validated write)": wrk(base, seconds, "-s", str(script)),
    }
    return figures, _interaction_count(port) - created


def _interaction_count(port: int) -> int:
    query = "SELECT (COUNT(?i) AS ?n) WHERE { ?i a <https://w3id.org/ckm#Interaction> }"
    answer = httpx.get(
        f"http://127.0.0.1:{port}/sparql",
        params={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=60,
    )
    answer.raise_for_status()
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


class Servers:
    """``ckm serve`` and ``oxigraph serve-read-only`` on two stores of the same data."""

    def __init__(self, ckm_store: Path, ox_store: Path) -> None:
        self.ckm_port, self.ox_port = free_port(), free_port()
        env = {
            **os.environ,
            "CKM_STORE": str(ckm_store),
            "CKM_API_KEYS": f"bench:writer:{WRITER_KEY}",
        }
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.ckm = subprocess.Popen([CKM, "serve", "--port", str(self.ckm_port)], env=env, **quiet)
        command = [str(oxigraph_executable()), "serve-read-only", "--location", str(ox_store)]
        self.oxigraph = subprocess.Popen([*command, "--bind", f"127.0.0.1:{self.ox_port}"], **quiet)

    def ready(self) -> float:
        """Seconds until ``ckm serve`` answers ``/health`` (and oxigraph answers too)."""
        seconds = _wait(f"http://127.0.0.1:{self.ckm_port}/health", self.ckm)
        _wait(f"http://127.0.0.1:{self.ox_port}/query?query=ASK%7B%7D", self.oxigraph)
        return seconds

    def urls(self, sparql: str) -> tuple[str, str]:
        ours = f"http://127.0.0.1:{self.ckm_port}/sparql?" + urlencode({"query": sparql})
        theirs = f"http://127.0.0.1:{self.ox_port}/query?" + urlencode(
            {"query": sparql, "union-default-graph": ""}
        )
        return ours, theirs

    def stop(self) -> None:
        for server in (self.ckm, self.oxigraph):
            server.terminate()
            server.wait()


def run(report: Report, data: DataSet, seconds: int = 10) -> None:
    """Add the restore, SPARQL, REST and memory tables for ``data`` to ``report``."""
    if shutil.which("wrk") is None:
        sys.exit("bench/http_load.py needs wrk (apt-get install wrk)")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = {**os.environ, "CKM_STORE": str(root / "ckm")}
        ours = _timed_run([CKM, "restore", "--unchecked", str(data.path)], env)
        oxigraph = [str(oxigraph_executable()), "load", "--location", str(root / "ox")]
        theirs = _timed_run([*oxigraph, "--file", str(data.path)])
        write_chart(
            f"restore-{report.size}",
            f"Bulk restore, quads/s, size {report.size}",
            ["ckm restore", "oxigraph load"],
            {"quads/s": [data.quads / ours, data.quads / theirs]},
        )
        report.add(
            Table(
                f"Bulk restore, size {report.size}",
                ["quads", "ckm restore", "oxigraph load", "ckm / oxigraph rate"],
                [
                    [
                        f"{data.quads:,} ({data.megabytes:,.0f} MB N-Quads)",
                        f"{ours:.1f} s ({data.quads / ours:,.0f}/s)",
                        f"{theirs:.1f} s ({data.quads / theirs:,.0f}/s)",
                        ratio(theirs, ours),
                    ]
                ],
                note="End to end, each a fresh process (`ckm` start-up included).",
            )
        )
        servers = Servers(root / "ckm", root / "ox")
        try:
            report.fact(f"`ckm serve` ready (/health answers) in {servers.ready():.1f} s")
            sparql = Table(
                f"SPARQL over HTTP, 16 clients, {seconds} s, size {report.size}",
                [
                    "query",
                    "ckm serve req/s",
                    "p50 / p99 ms",
                    "oxigraph serve req/s",
                    "p50 / p99 ms",
                    "ratio",
                ],
            )
            rates: dict[str, list[float]] = {"ckm serve": [], "oxigraph serve": []}
            for name, query in QUERIES.items():
                ours_url, theirs_url = servers.urls(query)
                ours = wrk(ours_url, seconds, "-H", f"Accept: {SPARQL_ACCEPT}")
                theirs = wrk(theirs_url, seconds, "-H", f"Accept: {SPARQL_ACCEPT}")
                rates["ckm serve"].append(ours.rate)
                rates["oxigraph serve"].append(theirs.rate)
                sparql.rows.append(
                    [
                        name,
                        ours.rate_cell,
                        ours.latency_cell,
                        theirs.rate_cell,
                        theirs.latency_cell,
                        ratio(ours.rate, theirs.rate),
                    ]
                )
            report.add(sparql)
            write_chart(
                f"sparql-http-{report.size}",
                f"SPARQL over HTTP, requests/s (16 clients), size {report.size}",
                [name.split(" (")[0] for name in QUERIES],
                rates,
            )
            rest = Table(
                f"REST on ckm serve, 16 clients (wrk), {seconds} s, size {report.size}",
                ["request", "req/s", "p50 / p99 ms"],
            )
            figures, created = _rest(servers.ckm_port, seconds, root)
            for name, load in figures.items():
                rest.rows.append([name, load.rate_cell, load.latency_cell])
            rest.note = f"The POSTs (and one probe before) made {created:,} new interactions."
            report.add(rest)
            report.fact(
                f"peak RSS after the load: ckm serve {peak_rss_mb(servers.ckm.pid):,.0f} MB, "
                f"oxigraph serve {peak_rss_mb(servers.oxigraph.pid):,.0f} MB"
            )
        finally:
            servers.stop()


if __name__ == "__main__":
    from bench.dataset import data_set

    size = sys.argv[1] if len(sys.argv) > 1 else "quick"
    http_report = Report(size)
    run(http_report, data_set(size), seconds=SECONDS[size])
