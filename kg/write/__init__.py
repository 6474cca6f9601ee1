"""The write road: intents become Deltas in the writer's turn, are admitted, validated,
inferred from and committed with provenance (:mod:`kg.write.road`).

Callers outside ``kg`` use :class:`kg.KnowledgeGraph`; the modules here are its rooms:
``intents`` (what callers ask), ``state`` (the state a write is built on), ``update``
(SPARQL Update), ``erasure``, ``restore`` and ``seal`` (dumps), ``admission`` and
``terms`` (what data may say), ``neighbourhood`` and ``shape_paths`` (the scope of a
change), ``group_commit``, ``provenance``, ``preconditions`` (entity tags), ``delta``.
"""
