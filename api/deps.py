"""``Annotated`` dependency aliases shared by every router: the graph, settings, callers.

The dependencies are ``async`` although they do no I/O: FastAPI runs a plain ``def``
dependency in its thread pool, and the hop cost more than the check itself (a third
of the framework time of a REST GET, measured with pyinstrument).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.auth import Caller, Role, authorize, caller_of
from api.settings import ApiSettings
from kg import KnowledgeGraph


async def graph_of(request: Request) -> KnowledgeGraph:
    return request.app.state.kg


def _settings(request: Request) -> ApiSettings:
    return request.app.state.settings


async def settings_of(request: Request) -> ApiSettings:
    return _settings(request)


def read_role(settings: ApiSettings) -> Role | None:
    """The role reads need: none by default, reader when ``CKM_READS_NEED_KEY``."""
    return Role.READER if settings.reads_need_key else None


async def reading_caller(request: Request) -> Caller:
    caller = caller_of(request)
    authorize(caller, read_role(_settings(request)))
    return caller


async def any_caller(request: Request) -> Caller:
    return caller_of(request)


def _caller_with(role: Role):
    async def dependency(request: Request) -> Caller:
        caller = caller_of(request)
        authorize(caller, role)
        return caller

    return dependency


Graph = Annotated[KnowledgeGraph, Depends(graph_of)]
AppSettings = Annotated[ApiSettings, Depends(settings_of)]
AnyCaller = Annotated[Caller, Depends(any_caller)]
ReaderCaller = Annotated[Caller, Depends(reading_caller)]
WriterCaller = Annotated[Caller, Depends(_caller_with(Role.WRITER))]
AdminCaller = Annotated[Caller, Depends(_caller_with(Role.ADMIN))]
