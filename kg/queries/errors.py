"""What can go wrong with a saved query: an unknown name, a bad parameter, a broken file."""

from __future__ import annotations


class UnknownQuery(LookupError):
    """No saved query has this name; the message lists the known ones."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"no saved query named {name!r}; known queries: {', '.join(known)}")
        self.name = name


class BadParameter(ValueError):
    """A parameter value does not have the parameter's type, or the parameter is unknown.

    ``parameter`` names the parameter at fault, ``query`` the saved query.
    """

    def __init__(self, query: str, parameter: str, message: str) -> None:
        super().__init__(f"parameter {parameter!r} of query {query!r}: {message}")
        self.query = query
        self.parameter = parameter


class QueryDefinitionError(ValueError):
    """A ``.rq`` file of the catalogue is malformed (header, parameters or clauses)."""
