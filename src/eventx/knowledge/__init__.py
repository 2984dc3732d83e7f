"""The knowledge the rules use, read from the versioned data under ``models/``:
the files (files.py), the gazetteer of states and organisations, the people
of the actor dictionaries on a date (people.py), GeoNames cities (cities.py)
and the rule packs (packs.py)."""
