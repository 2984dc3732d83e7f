"""Stage 1, reading inputs: folders, files and standard input become documents
or read errors (readers.py), with detected encodings (decoding.py) and the
main text of HTML pages (pages.py)."""
