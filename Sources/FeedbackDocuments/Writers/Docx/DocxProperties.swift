import FeedbackModel

/// The package's core and application properties (`docProps/`).
enum DocxProperties {
    static func core(_ properties: DocumentProperties) -> String {
        let date = (properties.date ?? Timestamp(secondsSinceEpoch: 315_532_800)).description
        var xml = OOXML.declaration
        xml += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        xml += " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        xml += " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        xml += "<dc:title>\(Markup.text(properties.title))</dc:title>"
        if !properties.subject.isEmpty { xml += "<dc:subject>\(Markup.text(properties.subject))</dc:subject>" }
        if !properties.author.isEmpty { xml += "<dc:creator>\(Markup.text(properties.author))</dc:creator>" }
        if !properties.identifier.isEmpty { xml += "<dc:identifier>\(Markup.text(properties.identifier))</dc:identifier>" }
        xml += "<dc:language>\(Markup.text(properties.language.tag))</dc:language>"
        if let revision = properties.revision { xml += "<cp:revision>\(revision)</cp:revision>" }
        xml += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(date)</dcterms:created>"
        xml += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(date)</dcterms:modified>"
        return xml + "</cp:coreProperties>"
    }

    static func app() -> String {
        OOXML.declaration + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>feedback \(Markup.text(Exporter.generatorVersion))</Application><DocSecurity>0</DocSecurity></Properties>"
    }
}
