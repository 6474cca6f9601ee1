INSERT DATA { <http://example.org/a> <http://example.org/b> "x" } ; CLEAR GRAPH <urn:ckm:graph:provenance>
