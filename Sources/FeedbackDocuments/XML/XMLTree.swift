/// A small XML tree for the little parts of a package (styles, numbering, relationships, a
/// section's properties). The large document body is read as a stream instead.
struct XMLElement: Sendable {
    var qualifiedName: String
    var namespace: String
    var localName: String
    var attributes: [XMLReader.Attribute]
    var children: [XMLContent]

    enum XMLContent: Sendable {
        case element(XMLElement)
        case text(String)
    }

    /// The tree of a part.
    static func parse(_ bytes: [UInt8]) throws -> XMLElement {
        var stack: [XMLElement] = []
        var root: XMLElement?
        try XMLReader.read(bytes) { event in
            switch event {
            case .start(let start):
                stack.append(XMLElement(qualifiedName: start.qualifiedName, namespace: start.namespace, localName: start.localName,
                                        attributes: start.attributes, children: []))
            case .end:
                guard let done = stack.popLast() else { return }
                if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(.element(done)) }
            case .text(let text):
                if !stack.isEmpty { stack[stack.count - 1].children.append(.text(text)) }
            }
        }
        guard let root else { throw XMLReader.Failure(kind: .damaged, detail: .init(sv: "inget XML-element", en: "no XML element"), offset: 0) }
        return root
    }

    var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    func elements(_ localName: String, _ namespace: String) -> [XMLElement] {
        elements.filter { $0.localName == localName && $0.namespace == namespace }
    }

    func first(_ localName: String, _ namespace: String) -> XMLElement? {
        for case .element(let e) in children where e.localName == localName && e.namespace == namespace { return e }
        return nil
    }

    func attribute(_ localName: String, _ namespace: String = "") -> String? {
        attributes.first { $0.localName == localName && $0.namespace == namespace }?.value
    }

    /// The prefix a namespace is declared with on this element (nil when not declared here).
    func declaredPrefix(of namespace: String) -> String? {
        for a in attributes where a.value == namespace {
            if a.qualifiedName == "xmlns" { return "" }
            if a.qualifiedName.hasPrefix("xmlns:") { return String(a.qualifiedName.dropFirst(6)) }
        }
        return nil
    }

    /// The element written back with its own qualified names.
    func serialized() -> String {
        var out = ""
        write(into: &out, declarations: "", keepDeclarations: true) { $0.qualifiedName } attributeName: { $0.qualifiedName }
        return out
    }

    /// The element written with prefixes chosen by namespace: `prefixes[uri]` for the
    /// namespaces given (unprefixed attributes stay unprefixed); any other namespace keeps its
    /// own prefix and is declared on this element.
    func serialized(prefixes: [String: String]) -> String {
        var extra: [String: String] = [:]  // uri -> prefix
        collectNamespaces(into: &extra, known: prefixes)
        func name(_ ns: String, _ local: String, _ original: String, attribute: Bool) -> String {
            if attribute && ns.isEmpty { return local }
            if ns == XMLReader.xmlNamespace { return "xml:" + local }
            if let p = prefixes[ns] ?? extra[ns] { return p.isEmpty ? local : p + ":" + local }
            return original
        }
        var declarations = ""
        for (uri, prefix) in extra.sorted(by: { $0.value < $1.value }) {
            declarations += " xmlns:\(prefix)=\"\(Markup.attribute(uri))\""
        }
        var out = ""
        write(into: &out, declarations: declarations, keepDeclarations: false) { element in
            name(element.namespace, element.localName, element.qualifiedName, attribute: false)
        } attributeName: { a in
            name(a.namespace, a.localName, a.qualifiedName, attribute: true)
        }
        return out
    }

    private func collectNamespaces(into extra: inout [String: String], known: [String: String]) {
        func note(_ ns: String, _ qualified: String) {
            guard !ns.isEmpty, ns != "xmlns", ns != XMLReader.xmlNamespace, known[ns] == nil, extra[ns] == nil,
                  let colon = qualified.firstIndex(of: ":") else { return }
            extra[ns] = String(qualified[..<colon])
        }
        note(namespace, qualifiedName)
        for a in attributes { note(a.namespace, a.qualifiedName) }
        for case .element(let e) in children { e.collectNamespaces(into: &extra, known: known) }
    }

    private func write(into out: inout String, declarations: String, keepDeclarations: Bool,
                       elementName: (XMLElement) -> String, attributeName: (XMLReader.Attribute) -> String) {
        let name = elementName(self)
        out += "<" + name + declarations
        for a in attributes {
            if !keepDeclarations && (a.namespace == "xmlns" || a.qualifiedName == "xmlns") { continue }
            out += " " + attributeName(a) + "=\"" + Markup.attribute(a.value) + "\""
        }
        if children.isEmpty {
            out += "/>"
            return
        }
        out += ">"
        for child in children {
            switch child {
            case .text(let t): out += Markup.text(t)
            case .element(let e):
                e.write(into: &out, declarations: "", keepDeclarations: keepDeclarations, elementName: elementName, attributeName: attributeName)
            }
        }
        out += "</" + name + ">"
    }
}
