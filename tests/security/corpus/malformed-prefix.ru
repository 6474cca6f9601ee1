PREFIX undeclared: <x
INSERT DATA { <a> <b> <c> }
