"""The CKM diagnosis of a firm (issue 18; docs/DIAGNOSIS.md).

Five components, each computed by SPARQL steps in ``queries/`` and small Python
modules, with every threshold and weight in ``yardsticks.tsv`` and every finding citing
a seed passage of ``quotes.ttl``: :mod:`position`, :mod:`candidates`,
:mod:`alignment`, :mod:`maturity`, :mod:`findings`; :mod:`diagnosis` assembles them,
:mod:`rendering` shows them.
"""

from kg.diagnosis.diagnosis import Diagnosis, diagnose

__all__ = ["Diagnosis", "diagnose"]
