"""``/api/operations``: the store's upkeep over HTTP (admin) — what ``ckm reason
--rebuild`` and ``ckm migrate`` do, for a server that has the store open (the command
line sends them here then, :mod:`kg.cli.through_server`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from api.deps import AdminCaller, Graph
from api.errors import Problem
from kg import MigrationRefused, WriteContext

router = APIRouter(prefix="/api/operations", tags=["operations"])


@router.post("/rebuild-inferences", summary="Recompute every inference (admin)")
async def rebuild_inferences(graph: Graph, _caller: AdminCaller) -> dict[str, int]:
    """Replace the inferred graph with the OWL 2 RL closure of the data, atomically
    (recovery; the write road keeps it current otherwise): the triples inferred."""
    return {"inferred": await run_in_threadpool(graph.rebuild_inferences)}


@router.post("/migrate", summary="Carry 1.x data to this ontology release (admin)")
async def migrate(
    request: Request,
    graph: Graph,
    caller: AdminCaller,
    dry_run: Annotated[
        bool, Query(alias="dry-run", description="Check and count; write nothing.")
    ] = False,
) -> dict:
    """The migration steps, what they removed and added, and the provenance activity:
    one validated, atomic write (``ckm migrate``). 422 ``migration-refused`` with the
    report when the migrated data would break the shapes; nothing written."""
    unknown = sorted(set(request.query_params) - {"dry-run"})
    if unknown:  # a misspelt dry-run must not migrate for real
        raise Problem(
            400,
            f"unknown parameter {unknown[0]!r}: only dry-run",
            "bad-parameter",
            parameter=unknown[0],
        )
    context = WriteContext(caller.agent, "api", "migrate")
    try:
        plan = await run_in_threadpool(lambda: graph.migrate(context, dry_run=dry_run))
    except MigrationRefused as refused:
        report = None if refused.report is None else refused.report.as_dict()
        raise Problem(422, str(refused), "migration-refused", report=report) from refused
    return {
        "steps": [{"name": step.name, "reason": step.reason} for step in plan.steps],
        "removed": len(plan.removed),
        "added": len(plan.added),
        "written": plan.written,
        "activity": None if plan.activity is None else str(plan.activity),
    }
