import FeedbackModel

/// The first place where two JSON values differ, as a JSON Pointer (object members compared
/// regardless of order, as the canonical form does).
enum JSONDifference {
    static func first(_ a: JSONValue, _ b: JSONValue, at pointer: String = "") -> String? {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            for member in x.members {
                guard let other = y[member.key] else { return pointer + "/" + JSONPointer.escape(member.key) }
                if let found = first(member.value, other, at: pointer + "/" + JSONPointer.escape(member.key)) { return found }
            }
            for member in y.members where x[member.key] == nil { return pointer + "/" + JSONPointer.escape(member.key) }
            return nil
        case (.array(let x), .array(let y)):
            for (index, pair) in zip(x, y).enumerated() {
                if let found = first(pair.0, pair.1, at: pointer + "/\(index)") { return found }
            }
            return x.count == y.count ? nil : pointer + "/\(min(x.count, y.count))"
        case (.number(let x), .number(let y)):
            return x == y || (Int(x) != nil && Int(x) == Int(y)) ? nil : pointer
        default:
            return a == b ? nil : pointer
        }
    }
}
