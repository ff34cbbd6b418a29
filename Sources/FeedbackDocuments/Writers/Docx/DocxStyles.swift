/// The Word styles a document uses, by Word's built-in names, so that Word, LibreOffice and
/// a region's template all recognise them (a Swedish Word shows "Heading 1" as "Rubrik 1").
enum StyleRole: CaseIterable, Hashable {
    case normal, title, subtitle, heading1, heading2, heading3, heading4, heading5, listBullet, tableGrid, footer

    /// Word's built-in style name (as in styles.xml; Word compares without case).
    var builtInName: String {
        switch self {
        case .normal: return "Normal"
        case .title: return "Title"
        case .subtitle: return "Subtitle"
        case .heading1: return "heading 1"
        case .heading2: return "heading 2"
        case .heading3: return "heading 3"
        case .heading4: return "heading 4"
        case .heading5: return "heading 5"
        case .listBullet: return "List Bullet"
        case .tableGrid: return "Table Grid"
        case .footer: return "footer"
        }
    }

    /// The style id Word itself uses in an English document.
    var defaultID: String {
        switch self {
        case .normal: return "Normal"
        case .title: return "Title"
        case .subtitle: return "Subtitle"
        case .heading1: return "Heading1"
        case .heading2: return "Heading2"
        case .heading3: return "Heading3"
        case .heading4: return "Heading4"
        case .heading5: return "Heading5"
        case .listBullet: return "ListBullet"
        case .tableGrid: return "TableGrid"
        case .footer: return "Footer"
        }
    }

    static func heading(_ level: Int) -> StyleRole {
        switch level {
        case ...1: return .heading1
        case 2: return .heading2
        case 3: return .heading3
        case 4: return .heading4
        default: return .heading5
        }
    }
}

/// The style ids to write, by role (a template may call Heading 1 "Rubrik1").
struct DocxStyleIDs {
    var ids: [StyleRole: String]
    /// The numbering id bullets carry directly, when the List Bullet style brings none.
    var bulletNumberingID: Int?

    static let own = DocxStyleIDs(ids: Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ($0, $0.defaultID) }),
                                  bulletNumberingID: nil)

    subscript(role: StyleRole) -> String { ids[role] ?? role.defaultID }
}

/// The program's own style definitions: plain, readable, A4 meeting papers.
enum DocxStyles {
    /// One style's XML with the WordprocessingML prefix `p` ("w" in our own parts).
    static func definition(_ role: StyleRole, id: String, prefix p: String, normalID: String, bulletNumberingID: Int) -> String {
        let name = "<\(p):name \(p):val=\"\(Markup.attribute(role.builtInName))\"/>"
        let based = "<\(p):basedOn \(p):val=\"\(Markup.attribute(normalID))\"/><\(p):next \(p):val=\"\(Markup.attribute(normalID))\"/>"
        let heading = { (level: Int, size: Int, before: Int) -> String in
            "<\(p):style \(p):type=\"paragraph\" \(p):styleId=\"\(Markup.attribute(id))\">\(name)\(based)<\(p):uiPriority \(p):val=\"9\"/><\(p):qFormat/>"
                + "<\(p):pPr><\(p):keepNext/><\(p):keepLines/><\(p):spacing \(p):before=\"\(before)\" \(p):after=\"120\"/><\(p):outlineLvl \(p):val=\"\(level - 1)\"/></\(p):pPr>"
                + "<\(p):rPr><\(p):b/><\(p):bCs/><\(p):color \(p):val=\"1F3864\"/><\(p):sz \(p):val=\"\(size)\"/><\(p):szCs \(p):val=\"\(size)\"/></\(p):rPr></\(p):style>"
        }
        switch role {
        case .normal:
            return "<\(p):style \(p):type=\"paragraph\" \(p):default=\"1\" \(p):styleId=\"\(Markup.attribute(id))\">\(name)<\(p):qFormat/></\(p):style>"
        case .title:
            return "<\(p):style \(p):type=\"paragraph\" \(p):styleId=\"\(Markup.attribute(id))\">\(name)\(based)<\(p):uiPriority \(p):val=\"10\"/><\(p):qFormat/>"
                + "<\(p):pPr><\(p):spacing \(p):after=\"120\"/><\(p):contextualSpacing/></\(p):pPr>"
                + "<\(p):rPr><\(p):color \(p):val=\"1F3864\"/><\(p):kern \(p):val=\"28\"/><\(p):sz \(p):val=\"44\"/><\(p):szCs \(p):val=\"44\"/></\(p):rPr></\(p):style>"
        case .subtitle:
            return "<\(p):style \(p):type=\"paragraph\" \(p):styleId=\"\(Markup.attribute(id))\">\(name)\(based)<\(p):uiPriority \(p):val=\"11\"/><\(p):qFormat/>"
                + "<\(p):pPr><\(p):spacing \(p):after=\"240\"/></\(p):pPr>"
                + "<\(p):rPr><\(p):color \(p):val=\"404040\"/><\(p):sz \(p):val=\"28\"/><\(p):szCs \(p):val=\"28\"/></\(p):rPr></\(p):style>"
        case .heading1: return heading(1, 30, 360)
        case .heading2: return heading(2, 26, 240)
        case .heading3: return heading(3, 24, 240)
        case .heading4: return heading(4, 22, 200)
        case .heading5: return heading(5, 22, 200)
        case .listBullet:
            return "<\(p):style \(p):type=\"paragraph\" \(p):styleId=\"\(Markup.attribute(id))\">\(name)\(based)<\(p):uiPriority \(p):val=\"99\"/><\(p):unhideWhenUsed/>"
                + "<\(p):pPr><\(p):numPr><\(p):numId \(p):val=\"\(bulletNumberingID)\"/></\(p):numPr><\(p):spacing \(p):after=\"60\"/><\(p):contextualSpacing/></\(p):pPr></\(p):style>"
        case .tableGrid:
            return "<\(p):style \(p):type=\"table\" \(p):styleId=\"\(Markup.attribute(id))\">\(name)<\(p):uiPriority \(p):val=\"39\"/>"
                + "<\(p):pPr><\(p):spacing \(p):after=\"0\" \(p):line=\"240\" \(p):lineRule=\"auto\"/></\(p):pPr>"
                + "<\(p):tblPr><\(p):tblBorders>"
                + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<\(p):\($0) \(p):val=\"single\" \(p):sz=\"4\" \(p):space=\"0\" \(p):color=\"595959\"/>" }.joined()
                + "</\(p):tblBorders><\(p):tblCellMar><\(p):left \(p):w=\"85\" \(p):type=\"dxa\"/><\(p):right \(p):w=\"85\" \(p):type=\"dxa\"/></\(p):tblCellMar></\(p):tblPr></\(p):style>"
        case .footer:
            return "<\(p):style \(p):type=\"paragraph\" \(p):styleId=\"\(Markup.attribute(id))\">\(name)\(based)<\(p):uiPriority \(p):val=\"99\"/><\(p):unhideWhenUsed/>"
                + "<\(p):pPr><\(p):spacing \(p):before=\"240\" \(p):after=\"0\"/></\(p):pPr>"
                + "<\(p):rPr><\(p):color \(p):val=\"404040\"/><\(p):sz \(p):val=\"16\"/><\(p):szCs \(p):val=\"16\"/></\(p):rPr></\(p):style>"
        }
    }

    /// The whole styles part of a document without a template.
    static func part(language: DocumentLanguage) -> String {
        let lang = Markup.attribute(language.tag)
        var xml = OOXML.declaration + "<w:styles xmlns:w=\"\(OOXML.w)\">"
        xml += "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:eastAsia=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/>"
        xml += "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"\(lang)\" w:eastAsia=\"\(lang)\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        xml += "<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"259\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        xml += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
        xml += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>"
        xml += "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        for role in StyleRole.allCases {
            xml += definition(role, id: role.defaultID, prefix: "w", normalID: "Normal", bulletNumberingID: 1)
        }
        xml += "</w:styles>"
        return xml
    }

    /// A bullet list definition: `•` at level 0, `–` at level 1.
    static func bulletDefinition(abstractID: Int, prefix p: String) -> String {
        "<\(p):abstractNum \(p):abstractNumId=\"\(abstractID)\"><\(p):multiLevelType \(p):val=\"hybridMultilevel\"/>"
            + "<\(p):lvl \(p):ilvl=\"0\"><\(p):start \(p):val=\"1\"/><\(p):numFmt \(p):val=\"bullet\"/><\(p):lvlText \(p):val=\"•\"/><\(p):lvlJc \(p):val=\"left\"/>"
            + "<\(p):pPr><\(p):ind \(p):left=\"720\" \(p):hanging=\"360\"/></\(p):pPr></\(p):lvl>"
            + "<\(p):lvl \(p):ilvl=\"1\"><\(p):start \(p):val=\"1\"/><\(p):numFmt \(p):val=\"bullet\"/><\(p):lvlText \(p):val=\"–\"/><\(p):lvlJc \(p):val=\"left\"/>"
            + "<\(p):pPr><\(p):ind \(p):left=\"1440\" \(p):hanging=\"360\"/></\(p):pPr></\(p):lvl></\(p):abstractNum>"
    }

    static func numberingPart() -> String {
        OOXML.declaration + "<w:numbering xmlns:w=\"\(OOXML.w)\">" + bulletDefinition(abstractID: 0, prefix: "w")
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    }
}
