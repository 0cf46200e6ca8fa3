"""Stage 5, build: the per-file map (read, fields, problems) and the corpus-level step
(copies, inspections) that turn a folder into the tables of SCHEMA.md.

`analysis.dataset.build.build_dataset` is the entry point.
"""
