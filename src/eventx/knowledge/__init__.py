"""The knowledge the rules use, read from the versioned data under ``models/``:
the files (files.py), the gazetteer of states, organisations and people,
GeoNames cities (cities.py) and the rule packs (packs.py)."""
