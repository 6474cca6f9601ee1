"""A query worker process: a private copy of the store, kept current with the changes
the server sends, answering one query at a time (see :mod:`kg.store.query_workers`).

Run as ``python -m kg.store.query_worker FD KIND [PATH] [--network]`` by the server,
never by hand. ``FD`` is the worker's end of a Unix socket pair; ``KIND`` says what
``PATH`` holds:

- ``disk``: a backup of the store (hard links): the worker's own copy, opened for
  writing, which it brings up to date with the changes it is sent;
- ``memory``: the same, loaded into memory and then deleted (the memory-reads store);
- ``read-only``: the store's own directory, which nobody writes;
- ``dump``: no path; the store comes as N-Quads over the socket (an in-memory store).
"""

from __future__ import annotations

import io
import shutil
import sys
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import QuerySyntaxError, QueryTimeout, StoreError
from kg.store.base import DumpFormat
from kg.store.embedded import EmbeddedStore
from kg.store.sandbox import forbid_network, sandbox_available

# What the worker reports by name; anything else is a failure of the worker itself.
REPORTED = {
    "QuerySyntaxError": QuerySyntaxError,
    "QueryTimeout": QueryTimeout,
    "ValueError": ValueError,
    "StoreError": StoreError,
}


def open_replica(kind: str, path: Path | None, connection: Connection) -> EmbeddedStore:
    """The worker's store, as ``kind`` says."""
    if kind == "disk" and path is not None:
        return EmbeddedStore(path)
    if kind == "read-only" and path is not None:
        return EmbeddedStore(path, read_only=True)
    memory = EmbeddedStore(None)
    if kind == "memory" and path is not None:
        copy = EmbeddedStore(path)
        snapshot = io.BytesIO()
        copy.dump(snapshot, DumpFormat.NQUADS)
        copy.close()
        shutil.rmtree(path, ignore_errors=True)
        memory.restore(io.BytesIO(snapshot.getvalue()), DumpFormat.NQUADS)
    elif kind == "dump":
        memory.restore(io.BytesIO(connection.recv_bytes()), DumpFormat.NQUADS)
    return memory


def apply(store: EmbeddedStore, changes: list[tuple]) -> None:
    """Make the copy what the store became: the changes in the order they committed."""
    for change in changes:
        if change[0] == "commit":
            store.commit(change[1], change[2])
        elif change[0] == "graph":
            store.replace_graph(change[1], change[2])


def serve(connection: Connection, store: EmbeddedStore) -> None:
    """Answer the server's messages until it closes the socket."""
    while True:
        try:
            message = connection.recv()
        except EOFError:
            return
        if message[0] == "apply":
            try:
                apply(store, message[1])
            except Exception as error:
                connection.send(("broken", f"{type(error).__name__}: {error}"))
                return
            connection.send(("applied",))
        elif message[0] == "query":
            connection.send(_answer(store, *message[1:]))


def _answer(store: EmbeddedStore, sparql, media_type, dataset, timeout_s, row_limit) -> tuple:
    try:
        body = store.query_serialized(
            sparql,
            media_type=media_type,
            dataset=dataset,
            timeout_s=timeout_s,
            row_limit=row_limit,
        )
    except MemoryError:
        return ("error", "MemoryError", "")
    except (QuerySyntaxError, QueryTimeout, ValueError, StoreError) as error:
        name = next(n for n, kind in REPORTED.items() if isinstance(error, kind))
        return ("error", name, str(error))
    except PermissionError as error:  # the sandbox at work: SERVICE tried the network
        return ("error", "network", str(error))
    except Exception as error:
        return ("error", "failed", f"{type(error).__name__}: {error}")
    return ("answer", body)


def main(argv: list[str]) -> int:
    fd, kind = int(argv[0]), argv[1]
    path = Path(argv[2]) if len(argv) > 2 and argv[2] != "-" else None
    connection = Connection(fd)
    if "--network" not in argv and sandbox_available():
        forbid_network()  # before the engine exists: SERVICE can never call out
    store = open_replica(kind, path, connection)
    connection.send(("ready",))
    serve(connection, store)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
