"""Stage 6, running: batches over many inputs (batch.py) in worker processes
(workers.py), a journal that makes runs resumable and output atomic
(journal.py), and progress on long runs (progress.py)."""
