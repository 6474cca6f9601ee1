# reason: value co-creation needs a customer willing to act as a value co-creator, so an interaction recorded as co-creating value with a passive customer loses that outcome; the withdrawn outcome is kept as a comment on the interaction, for a person to record the customer's role or the outcome again
# source: ontology/CHANGES.md E9; seed 004 l.33 (co-creation "is only possible if the customer ... is willing to act as a value co-creator")
PREFIX ckm: <https://w3id.org/ckm#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
DELETE { ?interaction ckm:valueOutcome ckm:ValueCoCreation }
INSERT { ?interaction rdfs:comment "ckm migrate to ontology 2.0.0: the outcome value co-creation (ckm:ValueCoCreation) recorded under 1.x was withdrawn, since a customer of this interaction was passive (ckm:PassiveCustomerRole) on its day and co-creation needs a customer willing to act as a value co-creator (van Middendorp, seed 004). Record the customer's role or the outcome again."@en }
WHERE {
  ?interaction ckm:valueOutcome ckm:ValueCoCreation .
  # The role held on the interaction's day counts (the assignment holding then, else the
  # current role), as the 2.0.0 shape Interaction-coCreationWithActiveCustomers reads it.
  FILTER EXISTS {
    ?interaction ckm:withCustomer ?customer .
    OPTIONAL { ?interaction prov:startedAtTime ?start }
    BIND (SUBSTR(STR(?start), 1, 10) AS ?day)
    FILTER NOT EXISTS {
      ?held ckm:assignedTo ?customer ; ckm:validFrom ?from ; ckm:assignedRole ?role .
      FILTER (?role IN (ckm:ActiveCustomerRole, ckm:KnowledgePartnerRole))
      FILTER (STR(?from) <= ?day)
      FILTER NOT EXISTS { ?held ckm:validTo ?to . FILTER (STR(?to) < ?day) }
    }
    FILTER (
      EXISTS { ?customer ckm:customerRole ckm:PassiveCustomerRole }
      || EXISTS {
        ?other ckm:assignedTo ?customer ; ckm:validFrom ?begin .
        FILTER (STR(?begin) <= ?day)
        FILTER NOT EXISTS { ?other ckm:validTo ?end . FILTER (STR(?end) < ?day) }
      }
    )
  }
}
