/// The section properties a document's body uses: portrait pages for the text, landscape
/// pages for a table too wide for portrait. Both carry the same headers and footers.
struct DocxSections {
    /// The width of the text on a portrait and on a landscape page, in twips.
    var portraitWidth: Int
    var landscapeWidth: Int
    /// `<w:sectPr>` of a portrait and of a landscape section.
    var portrait: String
    var landscape: String

    /// Our own A4 pages, with the footer given.
    static func own(footerID: String?) -> DocxSections {
        DocxSections(portraitWidth: OOXML.textWidth, landscapeWidth: OOXML.landscapeTextWidth,
                     portrait: ownSection(footerID: footerID, landscape: false), landscape: ownSection(footerID: footerID, landscape: true))
    }

    static let own = DocxSections.own(footerID: nil)

    private static func ownSection(footerID: String?, landscape: Bool) -> String {
        var xml = "<w:sectPr>"
        if let footerID { xml += "<w:footerReference w:type=\"default\" r:id=\"\(footerID)\"/>" }
        if landscape {
            xml += "<w:pgSz w:w=\"\(OOXML.pageHeight)\" w:h=\"\(OOXML.pageWidth)\" w:orient=\"landscape\"/>"
        } else {
            xml += "<w:pgSz w:w=\"\(OOXML.pageWidth)\" w:h=\"\(OOXML.pageHeight)\"/>"
        }
        xml += "<w:pgMar w:top=\"\(OOXML.margin)\" w:right=\"\(OOXML.margin)\" w:bottom=\"\(OOXML.margin)\" w:left=\"\(OOXML.margin)\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>"
        return xml + "</w:sectPr>"
    }
}
