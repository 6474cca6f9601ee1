"""``POST /api/import``: CRM exports (CSV) through a shipped YARRRML mapping.

Multipart: the files, each either in a part named after its source (``customers``) or in
a part named ``files`` whose file name says the source (``customers.csv``); the form
fields ``mapping`` (a shipped mapping's name: the server never reads a mapping file a
client names), ``dry_run``, ``skip_invalid`` and ``timezone``. Needs the writer role.
The import is one write on the validated write road: all or nothing, or (skip_invalid)
the valid rows. A refusal is a 422 problem naming every bad row; a malformed file or an
unknown mapping a 400; nothing is written on either.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as FormFile

from api.deps import Graph, WriterCaller
from kg import (
    ImportInputError,
    ImportOptions,
    MappingDocument,
    SourceInput,
    run_import,
    shipped_mapping,
    source_for,
)

router = APIRouter(tags=["import"])


@router.post(
    "/api/import",
    summary="Import CSV files (CRM exports) through a mapping",
    responses={
        400: {"description": "unknown mapping, malformed or unmatched file; nothing written"},
        422: {"description": "invalid rows (file, row, column, rule); nothing written"},
    },
)
async def import_files(
    request: Request,
    graph: Graph,
    caller: WriterCaller,
    # Declared for the OpenAPI form; _inputs reads every uploaded part, however named.
    files: Annotated[
        list[UploadFile],
        File(description="CSV files named like the mapping's sources (customers.csv…)."),
    ] = [],  # noqa: B006 - FastAPI copies defaults per request
    mapping: Annotated[str, Form(description="A shipped mapping, e.g. default.")] = "default",
    dry_run: Annotated[bool, Form(description="Validate and report; write nothing.")] = False,
    skip_invalid: Annotated[
        bool, Form(description="Write the valid rows, report the rejected ones.")
    ] = False,
    timezone: Annotated[str, Form(description="Zone of times without one.")] = "UTC",
) -> dict:
    """The import report: rows read, resources created/updated/unchanged, rejected rows."""
    document = shipped_mapping(mapping)
    inputs = await _inputs(document, request)
    options = ImportOptions(dry_run, skip_invalid, timezone, (), caller.agent)
    report = await run_in_threadpool(run_import, graph, document, inputs, options)
    return report.as_dict()


async def _inputs(document: MappingDocument, request: Request) -> list[SourceInput]:
    """Every uploaded file with the source it is for.

    Raises:
        ImportInputError: no file, or a file that matches no source.
    """
    form = await request.form()
    inputs = []
    for field, value in form.multi_items():
        if not isinstance(value, FormFile):
            continue
        label = value.filename or field
        named = None if field in ("files", "file") else field
        source = source_for(document, label, named)
        inputs.append(SourceInput(source, label, await value.read()))
    if not inputs:
        raise ImportInputError("no file uploaded; send CSV files as multipart parts")
    return inputs
