"""Text tools every stage uses: normalise, outline grammar, numbers and money, dates."""
