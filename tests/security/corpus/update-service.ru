INSERT { <http://example.org/a> <http://example.org/b> ?o } WHERE { SERVICE <{LISTENER}/sparql> { ?s ?p ?o } }
