"""Carrying a store's data from an older ontology release to this one (``ckm migrate``).

The steps are SPARQL 1.1 Update texts (:mod:`kg.migration.steps`), applied in order as
one write through the write road: validated, atomic, with provenance. Before anything
is written the whole data graph as the steps would leave it is validated against this
release's shapes (:mod:`kg.migration.plan`); a migration that would leave invalid data
anywhere is refused whole, naming the nodes that need a person's decision.
"""

from kg.migration.plan import MigrationPlan, Recorded
from kg.migration.steps import MigrationStep, migration_steps, migration_update

__all__ = [
    "MigrationPlan",
    "MigrationStep",
    "Recorded",
    "migration_steps",
    "migration_update",
]
