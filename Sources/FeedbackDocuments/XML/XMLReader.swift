import FeedbackModel

/// A small, strict XML reader for the parts of Office documents.
///
/// Written here rather than using Foundation's `XMLParser` because on Linux that is libxml2,
/// whose DTD and entity handling is exactly what hostile documents attack (billion laughs,
/// external entities); a .docx never needs a DTD, so this reader refuses any `<!DOCTYPE`
/// outright, knows only the five predefined entities and character references, bounds the
/// nesting depth, and streams events so a large part is never held as a tree.
struct XMLReader {
    /// An attribute with its namespace resolved.
    struct Attribute: Sendable {
        var qualifiedName: String
        var namespace: String
        var localName: String
        var value: String
    }

    /// A start tag with its namespace resolved.
    struct Start {
        var qualifiedName: String
        var namespace: String
        var localName: String
        var attributes: [Attribute]

        func attribute(_ localName: String, namespace: String) -> String? {
            attributes.first { $0.localName == localName && $0.namespace == namespace }?.value
        }
    }

    enum Event {
        case start(Start)
        case end(qualifiedName: String, namespace: String, localName: String)
        case text(String)
    }

    /// A reason the bytes are not XML this reader accepts.
    struct Failure: Error, Equatable {
        enum Kind: Equatable { case hostile, damaged }
        var kind: Kind
        var detail: Localized
        /// Byte offset in the part.
        var offset: Int
    }

    static let maximumDepth = 512
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Reads `bytes`, calling `handle` for every start tag, end tag and run of text (entities
    /// decoded, CDATA as text; comments and processing instructions skipped).
    static func read(_ bytes: [UInt8], handle: (Event) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = Cursor(buffer)
            try reader.run(handle)
        }
    }

    /// Whether the bytes declare a DTD or entities anywhere (refused before any parsing).
    static func declaresDTD(_ bytes: [UInt8]) -> Bool {
        let patterns: [[UInt8]] = [Array("<!DOCTYPE".utf8), Array("<!ENTITY".utf8), Array("<!doctype".utf8)]
        return bytes.withUnsafeBufferPointer { b in
            guard b.count >= 8 else { return false }
            var i = 0
            while i + 8 <= b.count {
                if b[i] == 0x3C, b[i + 1] == 0x21 {
                    for p in patterns where i + p.count <= b.count {
                        var same = true
                        for k in 2..<p.count where b[i + k] != p[k] { same = false; break }
                        if same { return true }
                    }
                }
                i += 1
            }
            return false
        }
    }
}

private struct Cursor {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    /// Open elements: qualified names.
    var open: [String] = []
    /// Namespace scopes: (prefix, uri) pairs declared by each open element.
    var scopes: [[(String, String)]] = []
    var sawRoot = false

    init(_ b: UnsafeBufferPointer<UInt8>) {
        self.b = b
    }

    func fail(_ kind: XMLReader.Failure.Kind, _ sv: String, _ en: String) -> XMLReader.Failure {
        XMLReader.Failure(kind: kind, detail: Localized(sv: sv, en: en), offset: i)
    }

    mutating func run(_ handle: (XMLReader.Event) throws -> Void) throws {
        if b.count >= 2, (b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) {
            throw fail(.damaged, "XML i UTF-16 stöds inte", "XML in UTF-16 is not supported")
        }
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        while i < b.count {
            if b[i] == 0x3C {
                try markup(handle)
            } else {
                let start = i
                while i < b.count && b[i] != 0x3C { i += 1 }
                if open.isEmpty {
                    // Only white space may stand outside the root element.
                    for k in start..<i where !isSpace(b[k]) {
                        throw fail(.damaged, "text utanför rotelementet", "text outside the root element")
                    }
                    continue
                }
                try handle(.text(try decode(start, i)))
            }
        }
        guard open.isEmpty else { throw fail(.damaged, "XML tar slut för tidigt (elementet \(open.last ?? "") är inte stängt)", "the XML ends too early (element \(open.last ?? "") is not closed)") }
        guard sawRoot else { throw fail(.damaged, "inget XML-element", "no XML element") }
    }

    func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    func starts(with literal: StaticString, at k: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard k + n <= b.count else { return false }
        let p = literal.utf8Start
        for j in 0..<n where b[k + j] != p[j] { return false }
        return true
    }

    /// Moves past the next `terminator`, or fails.
    mutating func skip(past terminator: StaticString, what: String) throws {
        let n = terminator.utf8CodeUnitCount
        while i + n <= b.count {
            if starts(with: terminator, at: i) { i += n; return }
            i += 1
        }
        throw fail(.damaged, "\(what) är inte avslutad", "unterminated \(what)")
    }

    mutating func markup(_ handle: (XMLReader.Event) throws -> Void) throws {
        if starts(with: "<?", at: i) {
            try skip(past: "?>", what: "<?")
        } else if starts(with: "<!--", at: i) {
            i += 4
            try skip(past: "-->", what: "<!--")
        } else if starts(with: "<![CDATA[", at: i) {
            guard !open.isEmpty else { throw fail(.damaged, "CDATA utanför rotelementet", "CDATA outside the root element") }
            i += 9
            let start = i
            try skip(past: "]]>", what: "CDATA")
            try handle(.text(String(decoding: UnsafeBufferPointer(rebasing: b[start..<(i - 3)]), as: UTF8.self)))
        } else if starts(with: "<!", at: i) {
            throw fail(.hostile, "dokumentet innehåller en DTD (<!DOCTYPE/<!ENTITY); ett Office-dokument behöver aldrig någon och den läses inte",
                       "the document contains a DTD (<!DOCTYPE/<!ENTITY); an Office document never needs one and it is not read")
        } else if starts(with: "</", at: i) {
            i += 2
            let name = try readName()
            while i < b.count && isSpace(b[i]) { i += 1 }
            guard i < b.count, b[i] == 0x3E else { throw fail(.damaged, "trasig sluttagg", "malformed end tag") }
            i += 1
            guard let last = open.last, last == name else {
                throw fail(.damaged, "sluttaggen </\(name)> passar inte", "end tag </\(name)> does not match")
            }
            let (ns, local) = resolve(name, isAttribute: false)
            open.removeLast()
            scopes.removeLast()
            try handle(.end(qualifiedName: name, namespace: ns, localName: local))
        } else {
            try startTag(handle)
        }
    }

    mutating func readName() throws -> String {
        let start = i
        while i < b.count {
            let c = b[i]
            if isSpace(c) || c == 0x2F || c == 0x3E || c == 0x3D || c == 0x22 || c == 0x27 || c == 0x3C { break }
            i += 1
        }
        guard i > start else { throw fail(.damaged, "namn saknas", "a name is missing") }
        return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
    }

    mutating func startTag(_ handle: (XMLReader.Event) throws -> Void) throws {
        if open.isEmpty && sawRoot { throw fail(.damaged, "mer än ett rotelement", "more than one root element") }
        i += 1
        let name = try readName()
        var raw: [(String, String)] = []
        var selfClosing = false
        while true {
            while i < b.count && isSpace(b[i]) { i += 1 }
            guard i < b.count else { throw fail(.damaged, "starttaggen <\(name)> tar slut", "start tag <\(name)> ends early") }
            if b[i] == 0x3E { i += 1; break }
            if b[i] == 0x2F {
                guard i + 1 < b.count, b[i + 1] == 0x3E else { throw fail(.damaged, "trasig starttagg", "malformed start tag") }
                i += 2
                selfClosing = true
                break
            }
            let attributeName = try readName()
            while i < b.count && isSpace(b[i]) { i += 1 }
            guard i < b.count, b[i] == 0x3D else { throw fail(.damaged, "attributet \(attributeName) saknar värde", "attribute \(attributeName) has no value") }
            i += 1
            while i < b.count && isSpace(b[i]) { i += 1 }
            guard i < b.count, b[i] == 0x22 || b[i] == 0x27 else { throw fail(.damaged, "attributvärde utan citattecken", "unquoted attribute value") }
            let quote = b[i]
            i += 1
            let start = i
            while i < b.count && b[i] != quote {
                if b[i] == 0x3C { throw fail(.damaged, "< i ett attributvärde", "< in an attribute value") }
                i += 1
            }
            guard i < b.count else { throw fail(.damaged, "attributvärdet tar slut", "attribute value ends early") }
            let value = try decode(start, i, attribute: true)
            i += 1
            if raw.contains(where: { $0.0 == attributeName }) {
                throw fail(.damaged, "attributet \(attributeName) förekommer två gånger", "attribute \(attributeName) occurs twice")
            }
            raw.append((attributeName, value))
        }
        guard open.count < XMLReader.maximumDepth else {
            throw fail(.hostile, "elementen är nästlade djupare än \(XMLReader.maximumDepth) nivåer", "elements are nested deeper than \(XMLReader.maximumDepth) levels")
        }
        var declared: [(String, String)] = []
        for (key, value) in raw {
            if key == "xmlns" { declared.append(("", value)) }
            else if key.hasPrefix("xmlns:") { declared.append((String(key.dropFirst(6)), value)) }
        }
        open.append(name)
        scopes.append(declared)
        sawRoot = true
        let (ns, local) = resolve(name, isAttribute: false)
        let attributes = raw.map { key, value -> XMLReader.Attribute in
            let (ans, alocal) = resolve(key, isAttribute: true)
            return XMLReader.Attribute(qualifiedName: key, namespace: ans, localName: alocal, value: value)
        }
        try handle(.start(XMLReader.Start(qualifiedName: name, namespace: ns, localName: local, attributes: attributes)))
        if selfClosing {
            open.removeLast()
            scopes.removeLast()
            try handle(.end(qualifiedName: name, namespace: ns, localName: local))
        }
    }

    /// The namespace URI and local name of a qualified name in the current scope. Unprefixed
    /// attributes have no namespace; an undeclared prefix resolves to the prefix itself.
    func resolve(_ name: String, isAttribute: Bool) -> (String, String) {
        var prefix = ""
        var local = Substring(name)
        if let colon = name.firstIndex(of: ":") {
            prefix = String(name[..<colon])
            local = name[name.index(after: colon)...]
        }
        if prefix.isEmpty && isAttribute { return ("", String(local)) }
        if prefix == "xml" { return (XMLReader.xmlNamespace, String(local)) }
        if prefix == "xmlns" || (prefix.isEmpty && name == "xmlns") { return ("xmlns", String(local)) }
        for scope in scopes.reversed() {
            for (p, uri) in scope where p == prefix { return (uri, String(local)) }
        }
        return (prefix, String(local))
    }

    /// Text or an attribute value with entity and character references decoded.
    func decode(_ start: Int, _ end: Int, attribute: Bool = false) throws -> String {
        var hasAmp = false
        for k in start..<end where b[k] == 0x26 || (attribute && (b[k] == 0x09 || b[k] == 0x0A || b[k] == 0x0D)) || b[k] == 0x0D {
            hasAmp = true
            break
        }
        if !hasAmp { return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        var k = start
        while k < end {
            let c = b[k]
            if c == 0x0D {
                // Line ends are normalised to LF (XML 1.0 §2.11).
                bytes.append(attribute ? 0x20 : 0x0A)
                if k + 1 < end, b[k + 1] == 0x0A { k += 1 }
                k += 1
                continue
            }
            if attribute && (c == 0x09 || c == 0x0A) {
                bytes.append(0x20)
                k += 1
                continue
            }
            guard c == 0x26 else { bytes.append(c); k += 1; continue }
            var semi = k + 1
            while semi < end && semi - k <= 12 && b[semi] != 0x3B { semi += 1 }
            guard semi < end, b[semi] == 0x3B else {
                throw XMLReader.Failure(kind: .damaged, detail: Localized(sv: "& utan ;", en: "& without ;"), offset: k)
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: b[(k + 1)..<semi]), as: UTF8.self)
            let scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst(1), radix: 10).flatMap(Unicode.Scalar.init)
                } else {
                    throw XMLReader.Failure(kind: .hostile, detail: Localized(sv: "okänd entitet &\(Sanitizer.visible(name));", en: "unknown entity &\(Sanitizer.visible(name));"), offset: k)
                }
            }
            guard let scalar, scalar.value != 0 else {
                throw XMLReader.Failure(kind: .damaged, detail: Localized(sv: "ogiltig teckenreferens &\(Sanitizer.visible(name));", en: "invalid character reference &\(Sanitizer.visible(name));"), offset: k)
            }
            bytes.append(contentsOf: Array(String(scalar).utf8))
            k = semi + 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
