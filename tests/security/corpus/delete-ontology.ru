DELETE WHERE { GRAPH <urn:ckm:graph:ontology> { ?s ?p ?o } }
