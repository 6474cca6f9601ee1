# reason: value co-creation needs a customer willing to act as a value co-creator, so an interaction recorded as co-creating value with a passive customer loses that outcome; the withdrawn outcome is kept as a comment on the interaction, for a person to record the customer's role or the outcome again
# source: ontology/CHANGES.md E9; seed 004 l.33 (co-creation "is only possible if the customer ... is willing to act as a value co-creator")
PREFIX ckm: <https://w3id.org/ckm#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
DELETE { ?interaction ckm:valueOutcome ckm:ValueCoCreation }
INSERT { ?interaction rdfs:comment "ckm migrate to ontology 2.0.0: the outcome value co-creation (ckm:ValueCoCreation) recorded under 1.x was withdrawn, since a customer of this interaction is passive (ckm:PassiveCustomerRole) and co-creation needs a customer willing to act as a value co-creator (van Middendorp, seed 004). Record the customer's role or the outcome again."@en }
WHERE {
  ?interaction ckm:valueOutcome ckm:ValueCoCreation .
  FILTER EXISTS { ?interaction ckm:withCustomer ?customer . ?customer ckm:customerRole ckm:PassiveCustomerRole }
}
