#!/usr/bin/env python3
"""Word documents written the way people write them, for the import tests.

usage: python3 make_fixtures.py OUTPUT_FOLDER   (needs python-docx: pip install python-docx)

The committed .docx files beside this script were made by it; ImportFixtureTests reads
those, and (where python-docx is installed) makes them again and checks that both import
the same. Each document imitates a real habit:

- people-bold-headings.docx: headings typed as bold Normal paragraphs ("1. …", "2 …",
  "Rubrik 3 – …", capitals, a trailing colon, a title only), bullets in List Bullet, a risk
  table, an investment table pasted from Excel (no table style, right-aligned amounts with
  no-break spaces, "12 000 tkr", a refused "1,2 mnkr", a totals row that does not add up),
  a soft hyphen and a zero-width space, a margin comment, tracked changes (an insertion
  and a deletion), a line of hidden text, and a title and a remark before the first heading.
- people-heading-styles.docx: the form's title in the Title style, the six headings in
  Heading 2 numbered automatically by Word's list numbering (the text is only the short
  title), a Heading 3 sub-heading inside a section, a metadata table with the labels people
  use ("Diarienummer", "E-post"), a sensitivity table with a two-row header ("Effekt (tkr)"
  merged over the four years), a deleted paragraph mark (two paragraphs joined), and a
  paragraph that only moved.
- template-region.docx: a region's template: Swedish style ids (Rubrik1 for heading 1, …),
  its own Heading 1 colour and font, a header and a footer with text.
"""
import copy
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

NBSP = "\u00a0"
DATE = "2027-03-20T10:00:00Z"


def tracked(paragraph, inserted=None, deleted=None, author="Handläggare"):
    """Appends a tracked insertion and/or deletion to a paragraph."""
    if deleted:
        d = OxmlElement("w:del")
        d.set(qn("w:id"), "901")
        d.set(qn("w:author"), author)
        d.set(qn("w:date"), DATE)
        r = OxmlElement("w:r")
        t = OxmlElement("w:delText")
        t.set(qn("xml:space"), "preserve")
        t.text = deleted
        r.append(t)
        d.append(r)
        paragraph._p.append(d)
    if inserted:
        i = OxmlElement("w:ins")
        i.set(qn("w:id"), "902")
        i.set(qn("w:author"), author)
        i.set(qn("w:date"), DATE)
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = inserted
        r.append(t)
        i.append(r)
        paragraph._p.append(i)


def bold_heading(doc, text):
    p = doc.add_paragraph()
    p.add_run(text).bold = True
    return p


def excel_table(doc, rows):
    """A table as Excel pastes it: no table style, amounts right-aligned, Calibri 11."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            paragraph = cell.paragraphs[0]
            for run in paragraph.runs:
                run.font.name = "Calibri"
                run.font.size = Pt(11)
            if r > 0 and c >= 2 and c <= 5:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return table


def bold_headings(path):
    doc = Document()
    doc.add_paragraph().add_run("Hälso- och sjukvårdsnämndens svar på PF 2028–2031").bold = False
    doc.add_paragraph("Utkast till nämndens sammanträde, version 3.")

    bold_heading(doc, "1. Nämndens bidrag till fullmäktiges mål och uppdrag")
    p = doc.add_paragraph("Nämnden bidrar till målet om en god och jämlik vård genom att korta väntetiderna.")
    doc.add_comment(p.runs, text="Stämmer siffrorna med årsredovisningen?", author="Controller", initials="C")
    doc.add_paragraph("Målen följs upp i delårsrapporterna.")

    bold_heading(doc, "2 Nämndens utvecklingsinsatser och planerade verksamhetsförändringar")
    p = doc.add_paragraph("Omställningen till nära vård fortsätter")
    tracked(p, inserted=" tillsammans med kommunerna", deleted=" STRUKEN TEXT")
    p.add_run(".")
    doc.add_paragraph("Mobila team i fyra kommuner", style="List Bullet")
    doc.add_paragraph("Digital triagering i primärvården", style="List Bullet")

    bold_heading(doc, "Rubrik 3 – Kompetensförsörjning")
    doc.add_paragraph("Bristen på specialist\u00adsjuksköterskor är störst inom anestesi och\u200b intensivvård.")
    hidden = doc.add_paragraph("Synlig text.")
    run = hidden.add_run(" DOLD ANTECKNING")
    run.font.hidden = True

    bold_heading(doc, "4. NÄMNDENS PLAN FÖR HÅLLBAR EKONOMI OCH PRIORITERINGAR AV RESURSER")
    doc.add_paragraph("Nämnden planerar åtgärder för 150 mnkr per år.")
    risks = doc.add_table(rows=3, cols=4)
    risks.style = "Table Grid"
    for r, row in enumerate([["Risk", "Sannolikhet", "Konsekvens", "Åtgärd"],
                             ["Bemanningsbrist", "Hög", "medel", "Uppgiftsväxling"],
                             ["Läkemedelskostnader", "MEDEL", "hög", "Central buffert"]]):
        for c, value in enumerate(row):
            risks.cell(r, c).text = value

    bold_heading(doc, "5. Nämndens investeringsplanering:")
    doc.add_paragraph("Investeringarna avser främst fastigheter och medicinteknik.")
    excel_table(doc, [
        ["Objekt", "Kategori", "2028", "2029", "2030", "2031", "Beslut", "Prioritet"],
        ["Ombyggnad av akuten", "Byggnader och lokaler", "45" + NBSP + "000", "120" + NBSP + "000", "0", "0", "redan beslutad", "1"],
        ["Ny MR-kamera", "Medicinteknisk utrustning", "18 500", "12 000 tkr", "1,2 mnkr", "0", "ny", "2 – medel"],
        ["Summa", "", "63" + NBSP + "500", "132" + NBSP + "000", "0", "1 000", "", ""],
    ])

    bold_heading(doc, "Nämndens övriga synpunkter")
    doc.add_paragraph("Tidplanen för PF bör vara känd tidigare.")
    doc.save(path)


def numbered_heading_styles(doc):
    """A decimal list for the headings, and Heading 2 numbered by it."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, value in [("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", "%1."), ("w:lvlJc", "left")]:
        e = OxmlElement(tag)
        e.set(qn("w:val"), value)
        lvl.append(e)
    abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return "90"


def heading_styles(path):
    doc = Document()
    num_id = numbered_heading_styles(doc)
    doc.add_paragraph("Nämndens återkoppling på planeringsförutsättningar 2028–2031", style="Title")
    meta = doc.add_table(rows=4, cols=2)
    meta.style = "Table Grid"
    for r, (label, value) in enumerate([("Nämnd", "Kulturnämnden"), ("Diarienummer", "KN 2027/12"),
                                        ("Kontaktperson", "Per Nilsson"), ("E-post", "per.nilsson@region.example")]):
        meta.cell(r, 0).text = label
        meta.cell(r, 1).text = value

    def heading(text):
        p = doc.add_paragraph(text, style="Heading 2")
        pPr = p._p.get_or_add_pPr()
        numPr = OxmlElement("w:numPr")
        ilvl = OxmlElement("w:ilvl")
        ilvl.set(qn("w:val"), "0")
        numId = OxmlElement("w:numId")
        numId.set(qn("w:val"), num_id)
        numPr.append(ilvl)
        numPr.append(numId)
        pPr.append(numPr)

    heading("Mål och uppdrag")
    doc.add_paragraph("Kulturnämnden bidrar till målet om ett attraktivt län.")
    doc.add_paragraph("Bakgrund", style="Heading 3")
    doc.add_paragraph("Kulturplanen gäller 2028–2031.")

    heading("Utveckling")
    first = doc.add_paragraph("Biblioteken får nya öppettider")
    # The paragraph mark is deleted as a tracked change: accepted, the two paragraphs join.
    rPr = OxmlElement("w:rPr")
    mark = OxmlElement("w:del")
    mark.set(qn("w:id"), "903")
    mark.set(qn("w:author"), "Handläggare")
    mark.set(qn("w:date"), DATE)
    rPr.append(mark)
    first._p.get_or_add_pPr().append(rPr)
    doc.add_paragraph(" och meröppet i tre kommuner.")

    heading("Kompetens")
    doc.add_paragraph("Nämnden behöver fler bibliotekarier.")

    heading("Ekonomi")
    doc.add_paragraph("Ramen räcker inte till alla uppdrag.")
    table = doc.add_table(rows=3, cols=6)
    table.style = "Table Grid"
    table.cell(0, 0).text = "Parameter"
    table.cell(0, 1).text = "Förändring"
    merged = table.cell(0, 2).merge(table.cell(0, 5))
    merged.text = "Effekt (tkr)"
    for c, year in enumerate(["2028", "2029", "2030", "2031"]):
        table.cell(1, c + 2).text = year
    for c, value in enumerate(["Löneökning", "+1 procentenhet", "−4 000", "−4 100", "−4 200", "−4 300"]):
        table.cell(2, c).text = value

    heading("Investeringar")
    doc.add_paragraph("Inga nya investeringar planeras.")

    heading("Övrigt")
    doc.add_paragraph("Inga övriga synpunkter.")
    doc.save(path)


def template(path):
    doc = Document()
    h1 = doc.styles["Heading 1"]
    h1.font.name = "Georgia"
    h1.font.color.rgb = RGBColor(0x8B, 0x00, 0x00)
    section = doc.sections[0]
    section.header.paragraphs[0].text = "Region Västerbotten – mallens sidhuvud"
    section.footer.paragraphs[0].text = "Mallens sidfot"
    doc.add_paragraph("Mallens brödtext ska inte följa med.")
    # Swedish style ids, as a Swedish Word writes them: Heading1 -> Rubrik1 everywhere.
    styles = doc.styles.element
    renames = {"Heading1": "Rubrik1", "Heading2": "Rubrik2", "Title": "Rubrik", "ListBullet": "Punktlista"}
    for style in styles.findall(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        if sid in renames:
            style.set(qn("w:styleId"), renames[sid])
        for tag in ("w:basedOn", "w:next", "w:link"):
            e = style.find(qn(tag))
            if e is not None and e.get(qn("w:val")) in renames:
                e.set(qn("w:val"), renames[e.get(qn("w:val"))])
    doc.save(path)


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    bold_headings(out / "people-bold-headings.docx")
    heading_styles(out / "people-heading-styles.docx")
    template(out / "template-region.docx")
