"""Stage 7, report: summaries, plots, the briefing (HTML, DOCX), gold scoring, notebooks."""
