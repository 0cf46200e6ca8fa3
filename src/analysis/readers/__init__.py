"""Readers: every input file to a Document, one module per format.

    files = find_input_files(root)          # sorted, links followed once
    urls = read_manifest(root)              # optional root/sources.csv
    doc = read_document(files[0], root)     # or ReadError(reason)

Formats: .txt (UTF-8, UTF-8 BOM, GB18030/GBK, UTF-16, Big5), .md (YAML front
matter), .html/.htm (main text without site chrome, page metadata), .pdf (text
layer), .docx (paragraphs, tables, Word list numbering). Other document formats
are listed by find_input_files so that read_document reports what to do.
"""
from __future__ import annotations

from analysis.readers.dispatch import MAX_BYTES, printable_name, read_document
from analysis.readers.errors import ReadError
from analysis.readers.manifest import read_manifest
from analysis.readers.walk import SUPPORTED, find_input_files

__all__ = ["SUPPORTED", "MAX_BYTES", "ReadError", "find_input_files", "printable_name",
           "read_document", "read_manifest"]
