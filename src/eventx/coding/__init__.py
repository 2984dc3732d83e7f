"""Stage 4, coding: what the document says of its people, read once
(document.py), participants coded to a country and a sector (actors.py,
mentions.py, titles.py, names.py), the event's place, date and modality, the
source of reported speech and the type attributes."""
