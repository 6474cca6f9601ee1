# reason: alignment is judged per resource-integrating practice, so an interaction-level ckm:alignment (deprecated, no longer functional) becomes one ckm:PracticeAlignment per practice the interaction records, with the same status (what 1.x said of all its practices), explained by the interaction's driver assessments of drivers beneath that practice and, when the interaction records that one practice only, resulting in the interaction's outcome; an alignment on an interaction that records no practice is left as it is (warned about)
# source: ontology/CHANGES.md E3; seed 004 l.333 ("the level of alignment between these four RI practices and the practices within the value creating process of the customer decides" the outcome) and l.358-360 (drivers set the level of alignment of their practice)
PREFIX ckm: <https://w3id.org/ckm#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
DELETE { ?interaction ckm:alignment ?status }
INSERT {
  ?judgement a ckm:PracticeAlignment ;
    rdfs:label ?label ;
    ckm:alignmentIn ?interaction ;
    ckm:alignedPractice ?practice ;
    ckm:alignmentStatus ?status ;
    ckm:drivenBy ?assessment ;
    ckm:resultsIn ?outcome .
}
WHERE {
  ?interaction ckm:alignment ?status ;
    ckm:riPractice ?practice .
  GRAPH <urn:ckm:graph:ontology> { ?practice rdfs:label ?practiceLabel }
  # <…/interaction/i1> gives <…/alignment/i1-diagnosingAndDesigning>; another IRI gets the
  # suffix appended.
  BIND (STRAFTER(STR(?practice), "#") AS ?local)
  BIND (CONCAT(LCASE(SUBSTR(?local, 1, 1)), SUBSTR(?local, 2)) AS ?suffix)
  BIND (IRI(CONCAT(REPLACE(STR(?interaction), "/interaction/([^/#]*)$", "/alignment/$1"), "-", ?suffix)) AS ?judgement)
  BIND (CONCAT("Alignment of ", ?practiceLabel, " in ", REPLACE(STR(?interaction), "^.*[/#]", "")) AS ?label)
  OPTIONAL {
    ?assessment ckm:assessedIn ?interaction ;
      ckm:driver ?driver .
    GRAPH <urn:ckm:graph:ontology> { ?driver ckm:driverOf ?practice }
  }
  OPTIONAL {
    ?interaction ckm:valueOutcome ?outcome .
    FILTER NOT EXISTS { ?interaction ckm:riPractice ?other FILTER (?other != ?practice) }
  }
}
