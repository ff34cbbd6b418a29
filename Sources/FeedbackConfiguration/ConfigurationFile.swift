import FeedbackModel

/// One configuration file, parsed: `key = value` lines, `#` comment lines, blank lines.
///
/// A value may be put in double quotes to keep spaces at its ends; an empty value returns
/// the setting to its default. Unknown keys, a key given twice, a line without `=`, and
/// text that is not UTF-8 are refused with the file and line.
public struct ConfigurationFile: Sendable, Equatable {
    /// A `key = value` line.
    public struct Entry: Sendable, Equatable {
        public var key: ConfigurationKey
        /// The value as written (quotes removed); empty means "back to the default".
        public var value: String
        public var line: Int
    }

    public var path: String
    public var entries: [Entry]

    public init(path: String, entries: [Entry]) {
        self.path = path
        self.entries = entries
    }

    /// Parses the bytes of the file at `path` (used only to name it in errors).
    public static func parse(_ bytes: [UInt8], path: String) throws(ConfigurationError) -> ConfigurationFile {
        var entries: [Entry] = []
        var seen: [ConfigurationKey: Int] = [:]
        var lineNumber = 0
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var lineBytes = Array(rawLine)
            if lineBytes.last == UInt8(ascii: "\r") { lineBytes.removeLast() }
            let text = try decode(lineBytes, path: path, line: lineNumber)
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw ConfigurationError(place: path, line: lineNumber, problem: Localized(
                    sv: "raden saknar ”=”; skriv nyckel = värde",
                    en: "the line has no “=”; write key = value"))
            }
            let name = String(trimmed[..<equals]).trimmingSpaces
            guard let key = ConfigurationKey(rawValue: name) else {
                let known = ConfigurationKey.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigurationError(place: path, line: lineNumber, problem: Localized(
                    sv: "okänd nyckel ”\(name)” (kända: \(known))",
                    en: "unknown key “\(name)” (known: \(known))"))
            }
            if let earlier = seen[key] {
                throw ConfigurationError(place: path, line: lineNumber, problem: Localized(
                    sv: "”\(key.rawValue)” är redan satt på rad \(earlier)",
                    en: "“\(key.rawValue)” is already set on line \(earlier)"))
            }
            seen[key] = lineNumber
            let value = try unquote(String(trimmed[trimmed.index(after: equals)...]).trimmingSpaces, path: path, line: lineNumber)
            if key == .language, !value.isEmpty, Language(rawValue: value) == nil {
                throw ConfigurationError(place: path, line: lineNumber, problem: Localized(
                    sv: "language ska vara sv eller en, inte ”\(value)”",
                    en: "language must be sv or en, not “\(value)”"))
            }
            entries.append(Entry(key: key, value: value, line: lineNumber))
        }
        return ConfigurationFile(path: path, entries: entries)
    }

    /// The line as text: valid UTF-8 with no control characters but TAB.
    static func decode(_ bytes: [UInt8], path: String, line: Int) throws(ConfigurationError) -> String {
        if let bad = bytes.first(where: { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }) {
            throw ConfigurationError(place: path, line: line, problem: Localized(
                sv: "är ingen textfil (byte \(hex(bad)) på raden)",
                en: "is not a text file (byte \(hex(bad)) on the line)"))
        }
        guard let text = validUTF8(bytes) else {
            throw ConfigurationError(place: path, line: line, problem: Localized(
                sv: "raden är inte giltig UTF-8", en: "the line is not valid UTF-8"))
        }
        return text
    }

    /// The text, or nil when the bytes are not valid UTF-8.
    static func validUTF8(_ bytes: [UInt8]) -> String? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var text = ""
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
            case .emptyInput: return text
            case .error: return nil
            }
        }
    }

    static func unquote(_ value: String, path: String, line: Int) throws(ConfigurationError) -> String {
        guard value.hasPrefix("\"") else { return value }
        guard value.count >= 2, value.hasSuffix("\""), !value.dropFirst().dropLast().contains("\"") else {
            throw ConfigurationError(place: path, line: line, problem: Localized(
                sv: "citattecknen går inte ihop: skriv hela värdet inom \"…\"",
                en: "the quotes do not match: put the whole value inside \"…\""))
        }
        return String(value.dropFirst().dropLast())
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }
}

extension StringProtocol {
    /// The text without spaces and tabs at either end.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
