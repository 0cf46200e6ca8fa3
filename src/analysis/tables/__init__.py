"""Stage 6, tables: write CSV/Parquet/XLSX, load them back typed, share a cleaned copy."""
