"""The whole store over HTTP: an online backup (``GET /store`` naming no graph) and a
restore (``PUT /store`` naming no graph), as ``ckm dump`` and ``ckm restore`` do.

A backup is every quad of every graph — data, ontology, inferences, provenance — as
N-Quads or TriG, read from one snapshot of the store (a write committed while it is
written is in it whole or not at all), sealed with the store's key so that a restore
into this store takes its system graphs back. It needs the role ``CKM_BACKUP_ROLE``
(admin by default: provenance names the agents). A restore needs admin, replaces the
store's whole content atomically, and is checked first as ``ckm restore`` checks it:
nothing changes when it is refused.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import BinaryIO

from fastapi import Request, Response
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool

from api.auth import Caller, Role, authorize
from api.errors import Problem
from api.negotiation import negotiate
from api.settings import ApiSettings
from kg import SYNTAXES, DumpFormat, KnowledgeGraph, WriteContext

# The syntaxes a dump is written in (from the one table of RDF syntaxes), N-Quads first.
DATASET_SYNTAXES = {
    s.media_type: DumpFormat(s.name) for s in SYNTAXES if s.name in {f.value for f in DumpFormat}
}
_SUFFIX = {DumpFormat.NQUADS: "nq", DumpFormat.TRIG: "trig"}
_CHUNK = 1 << 16


async def backup(
    request: Request, graph: KnowledgeGraph, settings: ApiSettings, caller: Caller
) -> Response:
    """The whole store as a sealed dump in the negotiated syntax (N-Quads by default).

    Raises:
        Problem: 401/403 without the backup role; 406 for a syntax that cannot hold
            named graphs.
    """
    authorize(caller, Role[settings.backup_role.upper()])
    media_type = negotiate(request.headers.get("accept"), {t: t for t in DATASET_SYNTAXES})
    fmt = DATASET_SYNTAXES[media_type]
    spool = await run_in_threadpool(_dumped, graph, fmt)
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H%M%SZ")
    headers = {
        "Content-Disposition": f'attachment; filename="ckm-{stamp}.{_SUFFIX[fmt]}"',
        "Vary": "Accept",
        "Cache-Control": "no-store",
    }
    return StreamingResponse(_chunks(spool), media_type=media_type, headers=headers)


def _dumped(graph: KnowledgeGraph, fmt: DumpFormat) -> BinaryIO:
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by _chunks, or here on failure
    try:
        graph.dump(spool, fmt)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool


def _chunks(spool: BinaryIO) -> Iterator[bytes]:
    with spool:
        while chunk := spool.read(_CHUNK):
            yield chunk


async def restore(
    request: Request, graph: KnowledgeGraph, settings: ApiSettings, caller: Caller
) -> Response:
    """Replace the store's content with the body (a dump, N-Quads or TriG), checked
    whole first; ``?data-only`` leaves its system graphs out and rebuilds them.

    Raises:
        Problem: 401/403 without admin; 415 for another media type; 400 for a body
            that does not parse or holds no quad (``empty-dump``); 422 for invalid
            data or system graphs this store did not seal (``restore-refused``) —
            nothing changed in each case.
    """
    authorize(caller, Role.ADMIN)
    media_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media_type not in DATASET_SYNTAXES:
        raise Problem(
            415,
            f"a restore takes a dump: {' or '.join(DATASET_SYNTAXES)}",
            "unsupported-media-type",
        )
    body = await request.body()
    if not any(line.strip() and not line.lstrip().startswith(b"#") for line in body.splitlines()):
        raise Problem(
            400,
            "the dump holds no quad: a restore would empty the store; nothing changed "
            "(to empty it on purpose, DELETE each graph)",
            "empty-dump",
        )
    data_only = "data-only" in request.query_params
    context = WriteContext(caller.agent, "api restore", "restore")

    def run():
        return graph.restore(
            io.BytesIO(body), DATASET_SYNTAXES[media_type], context, data_only=data_only
        )

    try:
        receipt = await run_in_threadpool(run)
    except ValueError as error:
        detail = f"the dump does not parse: {error}; nothing changed"
        raise Problem(400, detail, "malformed-rdf") from error
    return JSONResponse(
        {
            "quads": receipt.quads,
            "checked": receipt.checked,
            "systemGraphsRestored": receipt.system_graphs_restored,
        }
    )
