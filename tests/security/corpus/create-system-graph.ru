CREATE GRAPH <urn:ckm:graph:inferred>
