#!/usr/bin/env python3
"""Reads a PDF with pdfplumber and prints the words of each page as JSON, for the tests.

usage: python3 read_pdf_words.py FILE.pdf

[{"width": 595.3, "height": 841.9, "words": [{"text": "Summa", "x0": 70.9, "x1": 98.2}, ...]}, ...]
"""
import json
import sys

import pdfplumber

pages = []
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        words = page.extract_words(keep_blank_chars=False, use_text_flow=True)
        pages.append({"width": float(page.width), "height": float(page.height),
                      "words": [{"text": w["text"], "x0": float(w["x0"]), "x1": float(w["x1"])} for w in words]})
print(json.dumps(pages, ensure_ascii=False))
