"""Stage 2, analysis: tokens and sentences by rule (tokens.py), the sentences
that can hold an event (candidates.py), the spaCy model (model.py) run on
those sentences alone (analyser.py), and Title Case headlines re-cased
(headlines.py).  grammar.py holds the small parse facts every later stage asks."""
