"""Stage 3, segment: a notice's text -> its problems, each with its rectification text.

`analysis.problems.segment.extract_problems` is the entry point: it reads a notice's
outline, or the running text of news through `inline` (lists found by `cued` and
`runs`, bounded by `spans`, cut by `split`, trimmed and filtered by `items`); `text`
holds the words that tell a problem from a measure and cleans problem statements.
"""
