/// Putting a template's parts together with a document: the styles the document needs are
/// found by their built-in names (a Swedish template's "Rubrik1" is "heading 1"), those it
/// lacks are added, and bullets get a numbering definition when its List Bullet has none.
extension DocxTemplate {
    struct Merged {
        var styleIDs: DocxStyleIDs
        var stylesXML: String
        var numberingXML: String
    }

    func merged(language: DocumentLanguage) -> Merged {
        guard var styles else {
            return Merged(styleIDs: .own, stylesXML: DocxStyles.part(language: language), numberingXML: DocxStyles.numberingPart())
        }
        var (prefix, declaration) = DocxTemplate.prefix(for: styles)
        if let declaration { styles.attributes.append(declaration) }
        if prefix.isEmpty { prefix = "w" }

        // The template's styles by lower-cased name and type.
        var byName: [String: XMLElement] = [:]
        var ids = Set<String>()
        var defaultParagraph: String?
        for style in styles.elements("style", OOXML.w) {
            guard let id = style.attribute("styleId", OOXML.w) else { continue }
            ids.insert(id)
            let type = style.attribute("type", OOXML.w) ?? OOXMLStyleType.paragraph.rawValue
            if type == OOXMLStyleType.paragraph.rawValue, style.attribute("default", OOXML.w) == "1" { defaultParagraph = id }
            if let name = style.first("name", OOXML.w)?.attribute("val", OOXML.w) {
                byName["\(type)/\(name.lowercased())"] = byName["\(type)/\(name.lowercased())"] ?? style
            }
        }
        var numbering = numbering
        var result = DocxStyleIDs(ids: [:], bulletNumberingID: nil)
        var added: [String] = []
        var ourBullet: Int?
        func bulletNumbering() -> Int {
            if let ourBullet { return ourBullet }
            let (tree, numID) = DocxTemplate.addingBullet(to: numbering)
            numbering = tree
            ourBullet = numID
            return numID
        }
        let normalID = byName["paragraph/normal"]?.attribute("styleId", OOXML.w) ?? defaultParagraph ?? "Normal"
        for role in StyleRole.allCases {
            let type = (role == .tableGrid ? OOXMLStyleType.table : .paragraph).rawValue
            if let existing = byName["\(type)/\(role.builtInName.lowercased())"], let id = existing.attribute("styleId", OOXML.w) {
                result.ids[role] = id
                if role == .listBullet, existing.first("pPr", OOXML.w)?.first("numPr", OOXML.w) == nil {
                    result.bulletNumberingID = bulletNumbering()
                }
                continue
            }
            if role == .normal, let defaultParagraph {
                result.ids[role] = defaultParagraph
                continue
            }
            var id = role.defaultID
            while ids.contains(id) { id = "Feedback" + id }
            ids.insert(id)
            result.ids[role] = id
            let numID = role == .listBullet ? bulletNumbering() : 0
            added.append(DocxStyles.definition(role, id: id, prefix: prefix, normalID: normalID, bulletNumberingID: numID))
        }
        if !added.isEmpty, let snippet = try? XMLElement.parse(Array("<x xmlns:\(prefix)=\"\(OOXML.w)\">\(added.joined())</x>".utf8)) {
            styles.children += snippet.children
        }
        let numberingXML = numbering.map { OOXML.declaration + $0.serialized() } ?? DocxStyles.numberingPart()
        return Merged(styleIDs: result, stylesXML: OOXML.declaration + styles.serialized(), numberingXML: numberingXML)
    }

    /// The prefix a part uses for WordprocessingML, or a new declaration when it uses none.
    static func prefix(for root: XMLElement) -> (String, XMLReader.Attribute?) {
        if let p = root.declaredPrefix(of: OOXML.w), !p.isEmpty { return (p, nil) }
        return ("fbw", XMLReader.Attribute(qualifiedName: "xmlns:fbw", namespace: "xmlns", localName: "fbw", value: OOXML.w))
    }

    /// The numbering part with a bullet definition added (a new one when there is none), and
    /// the new numbering id.
    static func addingBullet(to numbering: XMLElement?) -> (XMLElement, Int) {
        guard var tree = numbering else {
            let own = (try? XMLElement.parse(Array(DocxStyles.numberingPart().utf8)))
                ?? XMLElement(qualifiedName: "w:numbering", namespace: OOXML.w, localName: "numbering", attributes: [], children: [])
            return (own, 1)
        }
        var (prefix, declaration) = prefix(for: tree)
        if let declaration { tree.attributes.append(declaration) }
        if prefix.isEmpty { prefix = "w" }
        let abstractIDs = tree.elements("abstractNum", OOXML.w).compactMap { $0.attribute("abstractNumId", OOXML.w).flatMap { Int($0) } }
        let numIDs = tree.elements("num", OOXML.w).compactMap { $0.attribute("numId", OOXML.w).flatMap { Int($0) } }
        let abstractID = (abstractIDs.max() ?? -1) + 1
        let numID = (numIDs.max() ?? 0) + 1
        let xml = "<x xmlns:\(prefix)=\"\(OOXML.w)\">" + DocxStyles.bulletDefinition(abstractID: abstractID, prefix: prefix)
            + "<\(prefix):num \(prefix):numId=\"\(numID)\"><\(prefix):abstractNumId \(prefix):val=\"\(abstractID)\"/></\(prefix):num></x>"
        guard let snippet = try? XMLElement.parse(Array(xml.utf8)), snippet.children.count == 2 else { return (tree, numID) }
        // Every abstractNum comes before the first num (the schema's order).
        let firstNum = tree.children.firstIndex { if case .element(let e) = $0 { return e.localName == "num" && e.namespace == OOXML.w } else { return false } }
        tree.children.insert(snippet.children[0], at: firstNum ?? tree.children.count)
        tree.children.append(snippet.children[1])
        return (tree, numID)
    }

    /// The template's page setup for the new document's portrait and landscape sections:
    /// relationship ids renamed to `newIDs`, references to parts not copied dropped, our
    /// footer added when the template has no footer of its own.
    func sections(newIDs: [String: String], ownFooterID: String?) -> DocxSections? {
        guard var sectPr = sectionProperties else { return nil }
        sectPr.children = sectPr.children.compactMap { child in
            guard case .element(var element) = child else { return child }
            guard let index = element.attributes.firstIndex(where: { $0.localName == "id" && $0.namespace == OOXML.r }) else { return child }
            guard let newID = newIDs[element.attributes[index].value] else { return nil }
            element.attributes[index].value = newID
            return .element(element)
        }
        let geometry = PageGeometry(sectPr)
        let portrait = DocxTemplate.serialized(sectPr, ownFooterID: ownFooterID)
        // The same section turned: width and height swapped, marked landscape.
        var turned = sectPr
        if let index = turned.children.firstIndex(where: { if case .element(let e) = $0 { return e.localName == "pgSz" && e.namespace == OOXML.w } else { return false } }),
           case .element(var size) = turned.children[index] {
            size.attributes.removeAll { $0.namespace == OOXML.w && ["w", "h", "orient"].contains($0.localName) }
            size.attributes += [
                XMLReader.Attribute(qualifiedName: "w:w", namespace: OOXML.w, localName: "w", value: String(geometry.height)),
                XMLReader.Attribute(qualifiedName: "w:h", namespace: OOXML.w, localName: "h", value: String(geometry.width)),
                XMLReader.Attribute(qualifiedName: "w:orient", namespace: OOXML.w, localName: "orient", value: "landscape"),
            ]
            turned.children[index] = .element(size)
        }
        return DocxSections(portraitWidth: geometry.width - geometry.left - geometry.right,
                            landscapeWidth: geometry.height - geometry.left - geometry.right,
                            portrait: portrait, landscape: DocxTemplate.serialized(turned, ownFooterID: ownFooterID))
    }

    private static func serialized(_ sectPr: XMLElement, ownFooterID: String?) -> String {
        var xml = sectPr.serialized(prefixes: [OOXML.w: "w", OOXML.r: "r"])
        if let ownFooterID, let close = xml.firstIndex(of: ">") {
            let reference = "<w:footerReference w:type=\"default\" r:id=\"\(ownFooterID)\"/>"
            if xml[xml.index(before: close)] == "/" {
                xml = String(xml[..<xml.index(before: close)]) + ">" + reference + "</w:sectPr>"
            } else {
                xml.insert(contentsOf: reference, at: xml.index(after: close))
            }
        }
        return xml
    }

    /// A portrait page's size and side margins in twips (A4 and 2.5 cm where the template says nothing).
    struct PageGeometry {
        var width = OOXML.pageWidth
        var height = OOXML.pageHeight
        var left = OOXML.margin
        var right = OOXML.margin

        init(_ sectPr: XMLElement) {
            func number(_ element: XMLElement?, _ name: String) -> Int? {
                element?.attribute(name, OOXML.w).flatMap { Int($0) }.flatMap { (0...100_000).contains($0) ? $0 : nil }
            }
            let size = sectPr.first("pgSz", OOXML.w)
            let margins = sectPr.first("pgMar", OOXML.w)
            let w = number(size, "w") ?? OOXML.pageWidth
            let h = number(size, "h") ?? OOXML.pageHeight
            (width, height) = (min(w, h), max(w, h))
            left = number(margins, "left") ?? OOXML.margin
            right = number(margins, "right") ?? OOXML.margin
            // A page too narrow for its margins: ours instead.
            if width - left - right < 2000 { (left, right) = (OOXML.margin, OOXML.margin) }
        }
    }

    /// A footer part with our paragraph added at its end (before the root's closing tag),
    /// the paragraph declaring its own namespace so that the part's prefixes do not matter.
    static func footer(_ bytes: [UInt8], adding paragraph: String) -> [UInt8]? {
        guard let close = bytes.lastIndex(of: UInt8(ascii: "<")), close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "/") else { return nil }
        return Array(bytes[..<close]) + Array(paragraph.utf8) + Array(bytes[close...])
    }
}
