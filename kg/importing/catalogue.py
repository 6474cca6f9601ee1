"""The mapping catalogue: the YARRRML mappings shipped in ``kg/importing/mappings/``,
by name (``default``), and mapping files a local user names by path."""

from __future__ import annotations

from pathlib import Path

from kg.errors import UnknownMapping
from kg.importing.yarrrml import MappingDocument

MAPPINGS_DIR = Path(__file__).resolve().parent / "mappings"
SUFFIX = ".yarrrml.yml"


def mapping_names() -> list[str]:
    """Names of the shipped mappings."""
    return sorted(p.name.removesuffix(SUFFIX) for p in MAPPINGS_DIR.glob(f"*{SUFFIX}"))


def shipped_mapping(name: str) -> MappingDocument:
    """The shipped mapping ``name``.

    Raises:
        UnknownMapping: no such mapping (the message lists those there are).
        MappingError: the mapping file is invalid.
    """
    if name not in mapping_names():
        raise UnknownMapping(f"no mapping {name!r}; mappings: {', '.join(mapping_names())}")
    path = MAPPINGS_DIR / f"{name}{SUFFIX}"
    return MappingDocument.parse(path.read_text(encoding="utf-8"), name)


def mapping_named(name_or_path: str) -> MappingDocument:
    """A shipped mapping by name, or a YARRRML file by path (for local users only: the
    HTTP API offers shipped mappings alone, never files of the server).

    Raises:
        UnknownMapping: neither a shipped mapping nor a readable file.
        MappingError: the mapping is invalid.
    """
    if name_or_path in mapping_names():
        return shipped_mapping(name_or_path)
    path = Path(name_or_path)
    if not path.is_file():
        raise UnknownMapping(
            f"{name_or_path!r} is neither a mapping ({', '.join(mapping_names())}) nor a file"
        )
    return MappingDocument.parse(path.read_text(encoding="utf-8"), str(path))
