"""Stage 3, segment: a notice's text -> its problems, each with its rectification text.

`analysis.problems.segment.extract_problems` is the entry point; `items` finds outline
items, `inline` problems written in running text (lists found by `cued` and `runs`,
bounded by `spans`, cut by `split`), `text` cleans problem statements.
"""
