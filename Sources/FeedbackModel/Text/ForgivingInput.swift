/// Values typed in a way that is unambiguous but not the stored form: "2027-3-12" is a
/// date, "45" in a field whose pattern asks for "§ 45" is "§ 45", "45 000 tkr" is 45 000. The interface shows
/// what it understood.
public enum ForgivingInput {
    /// The stored form of a typed value, or nil when it is already stored as typed or its
    /// meaning is not certain (then it is kept as typed and the validator speaks).
    public static func interpret(_ text: String, field: FieldDefinition) -> String? {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        let result: String?
        switch field.kind {
        case .date: result = date(trimmed)
        case .amount: result = AmountFormat.parse(trimmed).map { AmountFormat.display($0) }
        case .shortText where isParagraphField(field): result = paragraph(trimmed)
        default: result = nil
        }
        guard let result, result != text else { return nil }
        return result
    }

    /// A field whose pattern asks for a decision paragraph ("§ 45"): its pattern starts
    /// with the section sign. The form says so, not the field's id.
    public static func isParagraphField(_ field: FieldDefinition) -> Bool {
        guard let regex = field.rules.pattern?.regex else { return false }
        return regex.hasPrefix("^§") || regex.hasPrefix("§")
    }

    /// "2027-3-12", "2027/3/12", "2027.03.12", "20270312" → "2027-03-12" (a real date only).
    public static func date(_ text: String) -> String? {
        let parts: [Substring]
        if text.count == 8, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) {
            let s = Substring(text)
            parts = [s.prefix(4), s.dropFirst(4).prefix(2), s.suffix(2)]
        } else {
            parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map { $0 }
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let iso = "\(year)-\(two(month))-\(two(day))"
        return SimpleDate(iso: iso) == nil ? nil : iso
    }

    /// "45", "§45", "§ 45", "p 45", "paragraf 45" → "§ 45".
    public static func paragraph(_ text: String) -> String? {
        var rest = Substring(text)
        for prefix in ["paragraf", "par.", "par", "p.", "p", "§"] where rest.lowercased().hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        let number = rest.trimmingCharacters(in: " \u{A0}")
        guard (1...4).contains(number.count), number.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return "§ \(number)"
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}
