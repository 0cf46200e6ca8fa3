"""Notice fields: each module returns Facts; `extract_notice_fields` runs them in order."""
