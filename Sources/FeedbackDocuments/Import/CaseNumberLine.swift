import FeedbackModel

/// A line that gives a case number ("diarienummer"), as Swedish letters and minutes write it:
/// "Dnr KN 2027/12", "Dnr: HSN 2027/45", "Diarienummer RS 2027-00123", "Vårt dnr …".
/// "Ert dnr" (the recipient's number) is not the committee's own and is not taken.
enum CaseNumberLine {
    /// The words that introduce a case number, lower-cased, longest first.
    static let prefixes = ["nämndens diarienummer", "vårt diarienummer", "diarienummer", "vårt dnr", "diarienr", "dnr.", "dnr"]
    /// The longest number taken (the form's usual limit for the field is 40 characters).
    static let longest = 40

    /// The number a paragraph's line gives, or nil when no line is a case number line.
    static func number(in text: String) -> String? {
        for line in text.split(separator: "\n") {
            if let number = number(inLine: String(line)) { return number }
        }
        return nil
    }

    static func number(inLine line: String) -> String? {
        let trimmed = line.trimmingWhitespace
        let lower = trimmed.lowercased()
        guard let prefix = prefixes.first(where: { lower.hasPrefix($0) }) else { return nil }
        var rest = Substring(trimmed.dropFirst(prefix.count))
        // The prefix is a whole word: "Dnr" but not "Dnrx".
        guard let first = rest.first, first == " " || first == ":" || first == "\t" || first == "\u{00A0}" || prefix.hasSuffix(".") else { return nil }
        rest = rest.drop { $0 == " " || $0 == ":" || $0 == "\t" || $0 == "\u{00A0}" || $0 == "." }
        let number = String(rest).trimmingWhitespace
        guard !number.isEmpty, number.count <= longest, number.contains(where: \.isNumber),
              number.allSatisfy({ $0.isLetter || $0.isNumber || " -/.:".contains($0) }) else { return nil }
        return number
    }
}
