"""The record model, bottom of the house: what goes in (``Document``), what
comes out (``Event``, schema ``eventx.event/1``), and the record's other
forms derived from it (arrow.py: Arrow and Parquet; html.py: the notebook
view).  Nothing here imports a stage above it."""
