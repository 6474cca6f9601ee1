INSERT DATA { GRAPH <urn:ckm:graph:provenance> { <http://example.org/a> <http://example.org/b> "forged" } }
