"""Stage 3, rules: the rule packs matched on analysed sentences (matcher.py) and
the roles each match fills from the dependency parse (roles.py)."""
