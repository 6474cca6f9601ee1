"""What the root options chose, shared with the commands, and how commands fail."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import typer
from rich.console import Console

from kg.config import Settings
from kg.errors import InconsistentWrite, InvalidShapes, OntologyUnusable, ReservedTerm, UnknownTerm
from kg.store.base import (
    EngineTimeout,
    StoreError,
    StoreLocked,
    StoreUnavailable,
    WriteConflict,
)

# Exit codes every command keeps.
EXIT_REFUSED = 1
EXIT_BAD_INPUT = 2
EXIT_UNAVAILABLE = 3

console = Console()
errors = Console(stderr=True, soft_wrap=True)


@dataclass
class CliState:
    store: Path | None = None

    def settings(self) -> Settings:
        """Settings from the environment, with ``--store`` taking precedence."""
        settings = Settings()
        if self.store is not None:
            settings = settings.model_copy(update={"store": self.store})
        return settings


cli_state = CliState()


def fail(message: str, code: int = EXIT_BAD_INPUT) -> typer.Exit:
    """Print ``message`` on stderr and return the exit to raise."""
    errors.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


@contextmanager
def opened_graph(extra_shapes: tuple[Path, ...] = (), *, reading: bool = False) -> Iterator:
    """The knowledge graph of the chosen store, closed afterwards.

    A command that only reads (``reading``) works while another process — ``ckm
    serve`` — has the embedded store open: it reads a snapshot of every write committed
    before it started (a note on stderr says so). A command that writes is refused then,
    with exit code 2, naming the server and how to write through it.

    A store that cannot be opened (locked by another process…) ends the command with
    exit code 2 and the reason; a remote engine that is down, fails or times out while
    the command runs ends it with exit code 3 and the reason (nothing half-written:
    every write is one request). A shapes file that cannot be used (``extra_shapes``
    added to the settings' own) ends it with exit code 2 and the reason. A write refused
    as inconsistent with the ontology ends it with exit code 1 and the clashes; an
    unusable ontology (a bad ``CKM_EXTRA_ONTOLOGY``) with exit code 2 and the reason.
    """
    from kg.graph import KnowledgeGraph

    settings = cli_state.settings()
    if extra_shapes:
        extra = (*settings.extra_shapes, *extra_shapes)
        settings = settings.model_copy(update={"extra_shapes": extra})
    try:
        try:
            graph = KnowledgeGraph.open(settings)
        except StoreLocked as locked:
            if not reading:
                raise StoreLocked(_served_elsewhere(settings.store, str(locked))) from locked
            graph = KnowledgeGraph.open(settings, read_only=True)
            errors.print(
                f"[dim]note: the store at {settings.store} is open in another process; "
                "reading a snapshot of it[/dim]",
                highlight=False,
            )
    except StoreUnavailable as error:
        raise fail(str(error), EXIT_UNAVAILABLE) from error
    except (StoreError, OntologyUnusable) as error:
        raise fail(str(error)) from error
    try:
        yield graph
    except (StoreUnavailable, EngineTimeout, WriteConflict) as error:
        raise fail(str(error), EXIT_UNAVAILABLE) from error
    except InconsistentWrite as refused:  # any command's write (load, import, demo…)
        console.print(refused.report.to_text(), highlight=False)
        raise fail(
            "refused: the data would be inconsistent with the ontology; nothing was written",
            EXIT_REFUSED,
        ) from refused
    except (UnknownTerm, ReservedTerm) as refused:  # a term no data write may use
        raise fail(str(refused), EXIT_REFUSED) from refused
    except OntologyUnusable as error:
        raise fail(str(error)) from error
    except InvalidShapes as error:
        raise fail(str(error)) from error
    finally:
        graph.close()


def _served_elsewhere(store: Path, message: str) -> str:
    """What to tell someone whose write found the store open in another process."""
    from kg.store.advert import read_advert

    advert = read_advert(store)
    if advert is None:
        return message
    return (
        f"the store at {store} is served by `ckm serve` at {advert.url} (process "
        f"{advert.pid}) without a key for this command line (it is another user's, or "
        "older): reading commands work beside it; write through its API "
        f"`curl -X POST -H 'Authorization: Bearer <writer key>' -H 'Content-Type: "
        f"text/turtle' --data-binary @data.ttl '{advert.url}/store?default'`, or stop it "
        "and run the command again"
    )
