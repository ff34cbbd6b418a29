import FeedbackModel

/// Writes a document as a Word file (.docx, WordprocessingML): Word's built-in style names,
/// the document's language on every run (for Word's spell check), A4 pages (landscape ones
/// for a table too wide for portrait), columns sized so that no word breaks, the document's
/// footer line with "sida X av Y" in the footer of every page (added to a template's own
/// footer), and the same bytes for the same document (fixed zip dates; the properties' date
/// is the document's own).
public struct DocxWriter: Sendable {
    /// A region's template whose styles, page setup, headers and footers are used.
    public var template: DocxTemplate?

    public init(template: DocxTemplate? = nil) {
        self.template = template
    }

    public func write(_ document: Document) throws(DocumentError) -> [UInt8] {
        let language = document.properties.language
        let merged = template?.merged(language: language)
        let styleIDs = merged?.styleIDs ?? .own
        let footerLine = document.blocks.reduce(into: String?.none) { found, block in
            if case .footer(let text) = block { found = text }
        }

        var rels: [(id: String, type: String, target: String)] = [
            ("rId1", OOXML.Relationship.styles, "styles.xml"),
            ("rId2", OOXML.Relationship.numbering, "numbering.xml"),
            ("rId3", OOXML.Relationship.settings, "settings.xml"),
        ]
        var overrides: [(String, String)] = [
            ("/word/document.xml", OOXML.ContentType.document),
            ("/word/styles.xml", OOXML.ContentType.styles),
            ("/word/numbering.xml", OOXML.ContentType.numbering),
            ("/word/settings.xml", OOXML.ContentType.settings),
            ("/docProps/core.xml", OOXML.ContentType.core),
            ("/docProps/app.xml", OOXML.ContentType.app),
        ]
        var extraParts: [(path: String, bytes: [UInt8])] = []
        if let theme = template?.theme {
            extraParts.append(("word/theme/theme1.xml", theme.bytes))
            rels.append(("rId4", OOXML.Relationship.theme, "theme/theme1.xml"))
            overrides.append(("/word/theme/theme1.xml", OOXML.ContentType.theme))
        }
        if let fonts = template?.fontTable {
            extraParts.append(("word/fontTable.xml", fonts.bytes))
            rels.append(("rId5", OOXML.Relationship.fontTable, "fontTable.xml"))
            overrides.append(("/word/fontTable.xml", OOXML.ContentType.fontTable))
        }
        // The identification line and "sida X av Y" on every page: in our own footer, or added
        // at the end of each of the template's footers (merged with it, not replacing it).
        let identification = footerLine.map { footerParagraph($0, styles: styleIDs, language: language) }
        // The template's headers and footers keep their paths; their references get new ids.
        var newIDs: [String: String] = [:]
        var mediaExtensions = Set<String>()
        if let template {
            for (n, (oldID, rel)) in template.sectionRelationships.sorted(by: { $0.key < $1.key }).enumerated() {
                let id = "rIdT\(n + 1)"
                newIDs[oldID] = id
                rels.append((id, rel.type, String(rel.target.dropFirst("word/".count))))
            }
            for part in template.copiedParts {
                var bytes = part.bytes
                if part.contentType == OOXML.ContentType.footer, let identification {
                    bytes = DocxTemplate.footer(bytes, adding: identification) ?? bytes
                }
                extraParts.append((part.path, bytes))
                if let type = part.contentType {
                    overrides.append(("/" + part.path, type))
                } else if let ext = part.path.split(separator: ".").last.map({ $0.lowercased() }), OOXML.ContentType.media[ext] != nil {
                    mediaExtensions.insert(ext)
                }
            }
        }
        let ownFooter = identification != nil && !(template?.hasFooter ?? false)
        if let identification, ownFooter {
            let part = OOXML.declaration + "<w:ftr xmlns:w=\"\(OOXML.w)\" xmlns:r=\"\(OOXML.r)\">" + identification + "</w:ftr>"
            extraParts.append(("word/feedback-footer.xml", Array(part.utf8)))
            rels.append(("rIdF1", OOXML.Relationship.footer, "feedback-footer.xml"))
            overrides.append(("/word/feedback-footer.xml", OOXML.ContentType.footer))
        }

        let sections = template?.sections(newIDs: newIDs, ownFooterID: ownFooter ? "rIdF1" : nil)
            ?? DocxSections.own(footerID: ownFooter ? "rIdF1" : nil)
        let body = DocxBody(styles: styleIDs, language: language.tag, sections: sections).xml(document.blocks)
        let documentXML = OOXML.declaration + "<w:document xmlns:w=\"\(OOXML.w)\" xmlns:r=\"\(OOXML.r)\"><w:body>"
            + body + sections.portrait + "</w:body></w:document>"

        var entries: [(path: String, bytes: [UInt8])] = [
            ("[Content_Types].xml", Array(contentTypes(overrides, media: mediaExtensions).utf8)),
            ("_rels/.rels", Array(packageRelationships().utf8)),
            ("docProps/core.xml", Array(DocxProperties.core(document.properties).utf8)),
            ("docProps/app.xml", Array(DocxProperties.app().utf8)),
            ("word/document.xml", Array(documentXML.utf8)),
            ("word/_rels/document.xml.rels", Array(relationships(rels).utf8)),
            ("word/styles.xml", Array((merged?.stylesXML ?? DocxStyles.part(language: language)).utf8)),
            ("word/numbering.xml", Array((merged?.numberingXML ?? DocxStyles.numberingPart()).utf8)),
            ("word/settings.xml", Array(settings(language: language).utf8)),
        ]
        entries += extraParts
        return try ZipWriting.archive(entries)
    }

    /// The footer's paragraph: the identification line, then "sida X av Y" from Word's PAGE
    /// and NUMPAGES fields. It declares its namespace itself, so that it can be added to a
    /// template's footer whatever prefix that part uses.
    func footerParagraph(_ line: String, styles: DocxStyleIDs, language: DocumentLanguage) -> String {
        let body = DocxBody(styles: styles, language: language.tag)
        let words = language.primary == "sv" ? Language.sv : Language.en
        var xml = "<w:p xmlns:w=\"\(OOXML.w)\"><w:pPr><w:pStyle w:val=\"\(Markup.attribute(styles[.footer]))\"/><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr>"
        xml += body.run(Run(line + "  ·  " + DocumentLabels.page[words] + " "))
        xml += "<w:fldSimple w:instr=\" PAGE \">" + body.run(Run("1")) + "</w:fldSimple>"
        xml += body.run(Run(" " + DocumentLabels.pageOf[words] + " "))
        xml += "<w:fldSimple w:instr=\" NUMPAGES \">" + body.run(Run("1")) + "</w:fldSimple>"
        return xml + "</w:p>"
    }

    private func contentTypes(_ overrides: [(String, String)], media: Set<String>) -> String {
        var xml = OOXML.declaration + "<Types xmlns=\"\(OOXML.contentTypes)\">"
        xml += "<Default Extension=\"rels\" ContentType=\"\(OOXML.ContentType.relationships)\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        for ext in media.sorted() {
            xml += "<Default Extension=\"\(Markup.attribute(ext))\" ContentType=\"\(OOXML.ContentType.media[ext] ?? "application/octet-stream")\"/>"
        }
        for (part, type) in overrides {
            xml += "<Override PartName=\"\(Markup.attribute(part))\" ContentType=\"\(type)\"/>"
        }
        return xml + "</Types>"
    }

    private func packageRelationships() -> String {
        OOXML.declaration + "<Relationships xmlns=\"\(OOXML.packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(OOXML.Relationship.officeDocument)\" Target=\"word/document.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"\(OOXML.Relationship.coreProperties)\" Target=\"docProps/core.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"\(OOXML.Relationship.extendedProperties)\" Target=\"docProps/app.xml\"/>"
            + "</Relationships>"
    }

    private func relationships(_ rels: [(id: String, type: String, target: String)]) -> String {
        var xml = OOXML.declaration + "<Relationships xmlns=\"\(OOXML.packageRelationships)\">"
        for rel in rels {
            xml += "<Relationship Id=\"\(Markup.attribute(rel.id))\" Type=\"\(Markup.attribute(rel.type))\" Target=\"\(Markup.attribute(rel.target))\"/>"
        }
        return xml + "</Relationships>"
    }

    private func settings(language: DocumentLanguage) -> String {
        OOXML.declaration + "<w:settings xmlns:w=\"\(OOXML.w)\"><w:defaultTabStop w:val=\"1304\"/>"
            + "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:themeFontLang w:val=\"\(Markup.attribute(language.tag))\"/>"
            + "<w:decimalSymbol w:val=\",\"/><w:listSeparator w:val=\";\"/></w:settings>"
    }
}
