"""Documents generated from the knowledge graph: the HTML report of a firm's CKM
(:mod:`kg.reporting.report`), the charts shared by the report and the dashboard
(:mod:`kg.reporting.charts`) and the HTML documentation of the ontology
(:mod:`kg.reporting.ontology_doc`)."""
