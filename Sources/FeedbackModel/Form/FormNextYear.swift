/// Next year's form from this year's file, as text: the file is the board staff's own,
/// with their comments and layout, so it is edited line by line and never re-serialised.
/// Years move on in the id, titles and the planning premises' title; the plan period, the
/// timeline and every date limit move a year later; the version starts again at 1; and a
/// `review:` list names what a person must still look at (`feedback forms` shows it until
/// the key is removed).
public enum FormNextYear {
    /// What must always be looked at by a person: the program cannot know it.
    public static let standardReview = [
        "committees: se över nämndlistan / check the list of committees",
        "premises.caseNumber: PF:s nya diarienummer / the new case number of the planning premises",
        "timeline: kontrollera att datumen är årets, t.ex. helgdagar / check that the dates suit the year, e.g. holidays",
        "help: årtal i hjälptexternas exempel / years in the examples of help texts",
    ]

    public struct Result: Sendable {
        public var text: String
        /// The new form's id.
        public var id: String
        /// One line per change, for the person running the command.
        public var changes: [String]
    }

    /// Next year's text of `yaml` (already read as `form`, so it is known to be valid).
    public static func make(yaml: String, form: FormDefinition) -> Result {
        var lines = yaml.components(separatedBy: "\n")
        var changes: [String] = []
        var topKey: String?
        var subKey: String?
        var newID = form.id
        var hasReview = false
        for index in lines.indices {
            let line = lines[index]
            let indent = line.prefix { $0 == " " }.count
            let trimmed = line.dropFirst(indent)
            if trimmed.hasPrefix("#") || trimmed.isEmpty { continue }
            if indent == 0, let colon = trimmed.firstIndex(of: ":") {
                topKey = String(trimmed[..<colon])
                subKey = nil
            } else if indent == 2, let colon = trimmed.firstIndex(of: ":") {
                subKey = String(trimmed[..<colon])
            }
            guard let key = keyAndValue(trimmed) else { continue }
            var changed = line
            switch (topKey, indent, key.key) {
            case ("id", 0, "id"):
                changed = replaceValue(line, with: shiftYears(key.value))
                newID = unquote(shiftYears(key.value))
            case ("version", 0, "version"):
                changed = replaceValue(line, with: "1")
            case ("title", 2, "sv"), ("title", 2, "en"), ("shortTitle", 2, "sv"), ("shortTitle", 2, "en"):
                changed = replaceValue(line, with: shiftYears(key.value))
            case ("premises", 2, "title") where subKey == "title":
                changed = replaceValue(line, with: shiftYears(key.value))
            case ("planPeriod", 2, "firstYear"):
                if let year = Int(unquote(key.value)) { changed = replaceValue(line, with: String(year + 1)) }
            case ("review", 0, "review"):
                hasReview = true
            case (_, _, "date"), (_, _, "from"), (_, _, "to"), (_, _, "minDate"), (_, _, "maxDate"), (_, _, "deadline"):
                changed = replaceValue(line, with: shiftDate(key.value))
            case (_, _, "value") where subKey != nil && isDateValue(key.value):
                // The long form of a date limit: `minDate: {value: "2027-01-01", …}` written as a mapping.
                changed = replaceValue(line, with: shiftDate(key.value))
            default:
                break
            }
            if changed != line {
                lines[index] = changed
                changes.append("\(index + 1): \(line.trimmingWhitespace) → \(changed.trimmingWhitespace)")
            }
        }
        var text = lines.joined(separator: "\n")
        if !hasReview {
            var block = "\n# Att granska innan formuläret skickas ut (feedback form next); ta bort review: när det är gjort.\n"
            block += "# To review before the form goes out (feedback form next); remove review: when done.\n"
            block += "review:\n" + standardReview.map { "  - \"\($0)\"\n" }.joined()
            if !text.hasSuffix("\n") { text += "\n" }
            text += block
        }
        return Result(text: text, id: newID, changes: changes)
    }

    /// `key: value` of a line's content (a list item's `- ` taken away), or nil.
    static func keyAndValue(_ content: Substring) -> (key: String, value: String)? {
        var rest = content
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2) }
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let key = String(rest[..<colon])
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        let value = String(rest[rest.index(after: colon)...]).trimmingWhitespace
        return (key, stripComment(value))
    }

    /// A value without a trailing `# comment` (outside quotes).
    static func stripComment(_ value: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, c) in value.enumerated() {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#", previous == " " {
                return String(value.prefix(offset)).trimmingWhitespace
            }
            previous = c
        }
        return value
    }

    /// The line with its value (after the key's colon) replaced, any comment kept.
    static func replaceValue(_ line: String, with value: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return line }
        let after = line[line.index(after: colon)...]
        let old = stripComment(String(after).trimmingWhitespace)
        guard !old.isEmpty, let range = after.range(of: old) else { return line }
        return String(line[...colon]) + after.replacingCharacters(in: range, with: value)
    }

    static func unquote(_ value: String) -> String {
        var v = Substring(value)
        if let first = v.first, first == "\"" || first == "'", v.count >= 2, v.last == first {
            v = v.dropFirst().dropLast()
        }
        return String(v)
    }

    /// Every year (four digits between 1900 and 2999 standing alone) one later:
    /// "Planeringsförutsättningar 2028–2031" → "Planeringsförutsättningar 2029–2032".
    public static func shiftYears(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            if i + 4 <= chars.count, chars[i..<(i + 4)].allSatisfy({ $0.isASCII && $0.isNumber }),
               i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber),
               i + 4 == chars.count || !(chars[i + 4].isASCII && chars[i + 4].isNumber),
               let year = Int(String(chars[i..<(i + 4)])), (1900...2999).contains(year) {
                out += String(year + 1)
                i += 4
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }

    static func isDateValue(_ value: String) -> Bool {
        SimpleDate(iso: unquote(value)) != nil
    }

    /// A date value ("2027-04-16", quoted or not) a year later, in the same quotes; 29
    /// February becomes 28 February.
    static func shiftDate(_ value: String) -> String {
        let bare = unquote(value)
        guard let date = SimpleDate(iso: bare) else { return value }
        let next = SimpleDate(year: date.year + 1, month: date.month, day: date.day)
            ?? SimpleDate(year: date.year + 1, month: date.month, day: date.day - 1)
        guard let next else { return value }
        return value.replacingOccurrences(of: bare, with: next.description)
    }
}
