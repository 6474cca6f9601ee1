LOAD SILENT <{LISTENER}/data.ttl> INTO GRAPH <http://example.org/g>
