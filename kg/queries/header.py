"""The metadata of a saved query: the comment block at the top of its ``.rq`` file.

The header is every line up to the first one not starting with ``#``. Each field is a
line ``# key: value``; a line ``#`` followed by two or more spaces continues the field
above; a bare ``#`` is ignored. Fields (see kg/queries/README.md):

- ``title`` (once), ``question`` (once): what the query answers, in plain words;
- ``param`` (any number): ``NAME TYPE [= DEFAULT] -- description`` where TYPE is ``IRI``
  or an XSD datatype CURIE (``xsd:date``…) and DEFAULT a value of that type;
- ``concepts`` (once): the ontology terms the query touches, CURIEs separated by spaces;
- ``source`` (one or more): the literature, cited as the domain digest cites it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import QueryDefinitionError

_FIELD = re.compile(r"#\s?([a-z]+):\s*(.*)")
_CONTINUATION = re.compile(r"#\s{2,}(\S.*)")
_PARAM = re.compile(
    r"(?P<name>[A-Za-z][A-Za-z0-9_]*)\s+(?P<type>\S+)"
    r"(?:\s*=\s*(?P<default>\S+))?\s+--\s+(?P<description>.+)"
)
_SINGLE = ("title", "question", "concepts")
_REPEATED = ("param", "source")


@dataclass(frozen=True)
class ParamLine:
    """One ``param`` field as written: name, type, default text (None: unset), description."""

    name: str
    datatype: str
    default: str | None
    description: str


@dataclass(frozen=True)
class Header:
    """The fields of a header, as written."""

    title: str
    question: str
    params: tuple[ParamLine, ...]
    concepts: tuple[str, ...]
    sources: tuple[str, ...]


def read_header(text: str, where: str) -> Header:
    """The header of the ``.rq`` text; ``where`` names the file in error messages.

    Raises:
        QueryDefinitionError: a field is unknown, missing, repeated or malformed.
    """
    fields: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        if line.strip() == "#":
            continue
        continuation = _CONTINUATION.fullmatch(line)
        field = _FIELD.fullmatch(line)
        if continuation and fields:
            key, value = fields[-1]
            fields[-1] = (key, f"{value} {continuation.group(1).strip()}")
        elif field:
            fields.append((field.group(1), field.group(2).strip()))
        else:
            raise QueryDefinitionError(f"{where}:{number}: not a '# key: value' header line")
    values: dict[str, list[str]] = {}
    for key, value in fields:
        if key not in _SINGLE + _REPEATED:
            raise QueryDefinitionError(f"{where}: unknown header field {key!r}")
        values.setdefault(key, []).append(value)
    for key in _SINGLE:
        if len(values.get(key, [])) != 1 or not values[key][0]:
            raise QueryDefinitionError(f"{where}: the header needs exactly one {key!r} field")
    if not values.get("source"):
        raise QueryDefinitionError(f"{where}: the header needs at least one 'source' field")
    return Header(
        title=values["title"][0],
        question=values["question"][0],
        params=tuple(_param_line(v, where) for v in values.get("param", [])),
        concepts=tuple(values["concepts"][0].split()),
        sources=tuple(values["source"]),
    )


def _param_line(text: str, where: str) -> ParamLine:
    match = _PARAM.fullmatch(text)
    if match is None:
        raise QueryDefinitionError(
            f"{where}: malformed param {text!r}; write NAME TYPE [= DEFAULT] -- description"
        )
    return ParamLine(match["name"], match["type"], match["default"], match["description"].strip())
