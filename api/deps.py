"""``Annotated`` dependency aliases shared by every router: the graph, settings, callers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.auth import Caller, Role, authorize, caller_of
from api.settings import ApiSettings
from kg.graph import KnowledgeGraph


def graph_of(request: Request) -> KnowledgeGraph:
    return request.app.state.kg


def settings_of(request: Request) -> ApiSettings:
    return request.app.state.settings


def read_role(settings: ApiSettings) -> Role | None:
    """The role reads need: none by default, reader when ``CKM_READS_NEED_KEY``."""
    return Role.READER if settings.reads_need_key else None


def reading_caller(request: Request) -> Caller:
    caller = caller_of(request)
    authorize(caller, read_role(settings_of(request)))
    return caller


def _caller_with(role: Role):
    def dependency(request: Request) -> Caller:
        caller = caller_of(request)
        authorize(caller, role)
        return caller

    return dependency


Graph = Annotated[KnowledgeGraph, Depends(graph_of)]
AppSettings = Annotated[ApiSettings, Depends(settings_of)]
AnyCaller = Annotated[Caller, Depends(caller_of)]
ReaderCaller = Annotated[Caller, Depends(reading_caller)]
WriterCaller = Annotated[Caller, Depends(_caller_with(Role.WRITER))]
AdminCaller = Annotated[Caller, Depends(_caller_with(Role.ADMIN))]
