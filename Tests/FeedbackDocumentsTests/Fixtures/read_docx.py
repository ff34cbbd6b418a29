#!/usr/bin/env python3
"""Reads a .docx with python-docx and prints what it sees as JSON, for the tests.

usage: python3 read_docx.py FILE.docx

{"paragraphs": [{"style": "Heading 1", "text": "…", "bullet": false}], "tables": [[["cell", …], …]],
 "header": "…", "footer": "…", "core": {"title": …, "language": …, "created": …},
 "styles": {"Heading 1": {"font": …, "color": …}}, "languages": ["sv-SE", …]}
"""
import json
import sys

from docx import Document
from docx.oxml.ns import qn

doc = Document(sys.argv[1])
out = {"paragraphs": [], "tables": [], "header": "", "footer": "", "languages": []}
for p in doc.paragraphs:
    style = p.style.name if p.style is not None else ""
    out["paragraphs"].append({"style": style, "text": p.text})
for t in doc.tables:
    out["tables"].append([[cell.text for cell in row.cells] for row in t.rows])
section = doc.sections[-1]
out["header"] = "\n".join(p.text for p in section.header.paragraphs)
out["footer"] = "\n".join(p.text for p in section.footer.paragraphs)
out["page"] = {"width": section.page_width, "height": section.page_height}
core = doc.core_properties
out["core"] = {"title": core.title, "language": core.language,
               "created": core.created.isoformat() if core.created else None,
               "revision": core.revision, "identifier": core.identifier}
langs = set()
for el in doc.element.body.iter(qn("w:lang")):
    langs.add(el.get(qn("w:val")))
out["languages"] = sorted(langs)
styles = {}
for name in ["Heading 1", "Title", "List Bullet", "Normal"]:
    try:
        s = doc.styles[name]
    except KeyError:
        continue
    color = s.font.color.rgb if s.font.color is not None and s.font.color.type is not None else None
    styles[name] = {"font": s.font.name, "color": str(color) if color is not None else None, "id": s.style_id}
out["styles"] = styles
print(json.dumps(out, ensure_ascii=False))
