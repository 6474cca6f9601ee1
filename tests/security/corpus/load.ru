LOAD <{LISTENER}/data.ttl>
