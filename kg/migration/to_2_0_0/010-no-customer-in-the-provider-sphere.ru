# reason: an interaction with a customer no longer sits in the provider sphere, which is closed to the customer; through a direct channel it moves to the joint sphere, otherwise (indirect channel, or none recorded) to the customer sphere, where the customer alone creates value in use
# source: ontology/CHANGES.md E1; seed 004 l.145 ("The service provider acts alone in the provider sphere, which is closed to the customer") and l.147-155 (joint and customer spheres)
PREFIX ckm: <https://w3id.org/ckm#>
DELETE { ?interaction ckm:inSphere ckm:ProviderSphere }
INSERT { ?interaction ckm:inSphere ?sphere }
WHERE {
  ?interaction ckm:inSphere ckm:ProviderSphere .
  FILTER EXISTS { ?interaction ckm:withCustomer ?customer }
  OPTIONAL {
    ?interaction ckm:channel ?channel .
    GRAPH <urn:ckm:graph:ontology> { ?channel a ckm:DirectChannel }
    BIND(true AS ?direct)
  }
  BIND(IF(BOUND(?direct), ckm:JointSphere, ckm:CustomerSphere) AS ?sphere)
}
