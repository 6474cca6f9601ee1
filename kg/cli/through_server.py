"""Writing commands beside a running ``ckm serve``: sent through its HTTP API.

The embedded store admits one writing process. While ``ckm serve`` has it open, it
leaves an owner-only note in the store directory (:mod:`kg.store.advert`) with its URL
and an admin key made for this run; a writing command finds the note and sends its write
to the server as one request, so it is validated and committed by the server's write
road like any other (atomic; the provenance agent is ``ckm-command-line``).

Exit codes as for the command run directly: 1 refused by validation (the report
printed), 2 bad input or a write the API cannot carry (named, nothing written), 3 the
server is unreachable, fails or is too slow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn
from urllib.parse import quote

import httpx
from rdflib import Graph as RdfGraph

from kg.cli.state import EXIT_REFUSED, EXIT_UNAVAILABLE, console, errors, fail
from kg.config import Settings
from kg.store.advert import Advert, read_advert, store_in_use
from kg.store.base import Quad
from kg.store.base_iri import settled_base
from kg.store.parsing import RdfSyntax
from kg.validation import ValidationReport
from kg.vocab import DATA_GRAPH

TIMEOUT_S = 600.0  # a large load is validated in one request
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]*")  # what the REST routes name
# Refusals a command run alone reports with exit 1 (the data was refused, not the input).
_REFUSED_KINDS = ("reserved-term", "unknown-term", "unstorable-literal", "inconsistent-write")


class ServerWrites:
    """The server serving the store, as the target of one command's write."""

    def __init__(self, advert: Advert, settings: Settings) -> None:
        self.url = advert.url
        self._headers = {"Authorization": f"Bearer {advert.key}"}
        self.settings = settings
        self._base = advert.base_iri

    @property
    def base_iri(self) -> str:
        """The base the server mints under (its note says; else worked out as it does)."""
        return self._base or settled_base(
            self.settings, store_dir=self.settings.store, holds_data=lambda: True, writable=False
        )

    def note(self) -> None:
        errors.print(
            f"[dim]note: the store at {self.settings.store} is served by {self.url}; "
            "writing through it[/dim]",
            highlight=False,
        )

    def request(
        self, method: str, path: str, *, returned: tuple[int, ...] = (), **kwargs
    ) -> httpx.Response:
        """Send one request; a 2xx answer (or one of the statuses ``returned``, for the
        caller to read) is returned, any other ends the command.

        Raises:
            typer.Exit: 1 for a refusal by validation (report printed), 2 for another
                4xx (its detail), 3 for a 5xx or a server that cannot be reached.
        """
        headers = self._headers | kwargs.pop("headers", {})
        try:
            # trust_env=False: no HTTP_PROXY of the environment gets the local admin key
            with httpx.Client(base_url=self.url, timeout=TIMEOUT_S, trust_env=False) as client:
                answer = client.request(method, path, headers=headers, **kwargs)
        except httpx.TimeoutException as error:
            raise fail(
                f"the server at {self.url} did not answer in {TIMEOUT_S:g} s: the write may "
                "still be committed by it; look before running the command again",
                EXIT_UNAVAILABLE,
            ) from error
        except httpx.ConnectError as error:
            raise fail(
                f"the server at {self.url} could not be reached: {error}; nothing was written",
                EXIT_UNAVAILABLE,
            ) from error
        except httpx.HTTPError as error:
            raise fail(
                f"the server at {self.url} broke off the request: {error}; look whether the "
                "write was committed before running the command again",
                EXIT_UNAVAILABLE,
            ) from error
        if answer.is_success or answer.status_code in returned:
            return answer
        _refused(answer)

    def add_files(self, files: list[Path], syntaxes: Iterable[RdfSyntax], graph: str) -> dict:
        """Add the files' triples to ``graph``, all of them or nothing (one multipart
        Graph Store POST).

        Raises:
            typer.Exit: a file in a syntax with named graphs (the Graph Store Protocol
                writes one graph a request), and the exits of :meth:`request`.
        """
        parts = []
        for path, syntax in zip(files, syntaxes, strict=True):
            if syntax.has_graphs and syntax.name != "jsonld":  # JSON-LD: a graph body
                raise fail(
                    f"{path}: {syntax.name} names graphs, which a write through the server "
                    "cannot carry (one graph a request): load it with the server stopped, "
                    "or as Turtle into --graph"
                )
            parts.append(("file", (path.name, path.read_bytes(), syntax.media_type)))
        return self._added(self.request("POST", "/store", params=_graph(graph), files=parts))

    def add_quads(self, quads: Iterable[Quad]) -> dict:
        """Add ``quads`` (all in the data graph) in one Graph Store POST."""
        triples = RdfGraph()
        for s, p, o, _g in quads:
            triples.add((s, p, o))
        body = triples.serialize(format="nt", encoding="utf-8")
        answer = self.request(
            "POST",
            "/store",
            params=_graph(str(DATA_GRAPH)),
            content=body,
            headers={"Content-Type": "application/n-triples"},
        )
        return self._added(answer)

    def holds_data(self) -> bool:
        """Whether the served store's data graph holds a triple (one ASK)."""
        query = f"ASK {{ GRAPH <{DATA_GRAPH}> {{ ?s ?p ?o }} }}"
        answer = self.request(
            "POST",
            "/sparql",
            data={"query": query},
            headers={"Accept": "application/sparql-results+json"},
        )
        return bool(answer.json()["boolean"])

    def restore(self, source: Path, media_type: str, *, data_only: bool) -> dict:
        """Replace the served store's content with the dump ``source`` (admin, atomic)."""
        with source.open("rb") as dump:
            answer = self.request(
                "PUT",
                "/store",
                params={"data-only": ""} if data_only else {},
                content=dump.read(),
                headers={"Content-Type": media_type},
            )
        return answer.json()

    def erase_customer(self, customer: str) -> None:
        """Erase the customer through ``DELETE /api/customers/{slug}``.

        Raises:
            typer.Exit: 2 for a customer IRI not minted under the server's base (the
                API names customers by slug), and the exits of :meth:`request`.
        """
        prefix = f"{self.base_iri}customer/"
        slug = customer.removeprefix(prefix)
        if not customer.startswith(prefix) or not _SLUG.fullmatch(slug):
            raise fail(
                f"{customer} is not a customer IRI of the served store ({prefix}…): the "
                "API erases customers by their id there; stop the server to erase it"
            )
        self.request("DELETE", f"/api/customers/{quote(slug, safe='')}")

    def add_concept(self, scheme: str, fields: dict[str, str | None]) -> str:
        """Add a concept to ``scheme`` (admin); its IRI."""
        path = f"/api/schemes/{quote(scheme, safe='')}/concepts"
        body = {name: value for name, value in fields.items() if value is not None}
        return self.request("POST", path, json=body).json()["iri"]

    @staticmethod
    def _added(answer: httpx.Response) -> dict:
        return answer.json() if answer.status_code in (200, 201) and answer.content else {}


def served(settings: Settings) -> ServerWrites | None:
    """The server serving the settings' embedded store, if one runs and left its key."""
    if settings.remote_query_url:
        return None
    advert = read_advert(settings.store)
    if advert is None or not advert.key or not store_in_use(settings.store):
        return None  # no server, or a stale note whose process id was reused
    writes = ServerWrites(advert, settings)
    writes.note()
    return writes


def _graph(graph: str) -> dict[str, str]:
    return {"default": ""} if graph == str(DATA_GRAPH) else {"graph": graph}


def _refused(answer: httpx.Response) -> NoReturn:
    try:
        problem = answer.json()
    except ValueError:
        problem = {}
    detail = problem.get("detail") or answer.text[:500] or answer.reason_phrase
    report = problem.get("report")
    kind = str(problem.get("type", "")).rsplit("/", 1)[-1]
    if answer.status_code == 413:
        raise fail(
            f"{detail}: the server takes bodies up to CKM_MAX_BODY_BYTES; stop the server "
            "and run the command again (it then writes the store itself), or split the data"
        )
    if isinstance(report, dict) and report.get("inconsistencies"):
        for clash in report["inconsistencies"]:
            console.print(
                f"- {clash.get('rule', '')}: {clash.get('axiom', '')}: {clash.get('message', '')}",
                highlight=False,
                markup=False,
            )
        raise fail(f"refused: {_nothing(detail)}", EXIT_REFUSED)
    if kind in _REFUSED_KINDS:
        raise fail(f"refused: {_nothing(detail)}", EXIT_REFUSED)
    if answer.status_code == 422 and isinstance(report, dict) and "results" in report:
        console.print(ValidationReport.from_dict(report).to_text(), highlight=False)
        raise fail(f"refused by validation: {_nothing(detail)}", EXIT_REFUSED)
    if answer.status_code == 422:
        raise fail(f"refused: {_nothing(detail)}", EXIT_REFUSED)
    if answer.status_code >= 500:
        raise fail(f"the server failed ({answer.status_code}): {detail}", EXIT_UNAVAILABLE)
    raise fail(f"refused ({answer.status_code}): {_nothing(detail)}")


def _nothing(detail: str) -> str:
    """``detail``, saying that nothing was written unless it says so already."""
    return detail if "nothing" in detail else f"{detail}; nothing was written"
