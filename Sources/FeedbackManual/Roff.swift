import FeedbackModel

/// Writing man(7) source: text escaped so that nothing in it is read as a request.
enum Roff {
    /// Text for the body of a line: backslashes escaped, a leading `.` or `'` defused,
    /// hazardous characters made visible.
    static func text(_ raw: String) -> String {
        var result = Sanitizer.visible(raw, singleLine: false).replacing("\\", with: "\\e")
        result = result.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line)
        }.joined(separator: "\n")
        return result
    }

    /// An option or command name, with real minus signs (so it can be copied from the page).
    static func literal(_ raw: String) -> String {
        text(raw).replacing("-", with: "\\-")
    }

    /// Paragraphs (separated by blank lines), each filled by the formatter.
    static func paragraphs(_ raw: String) -> [String] {
        var blocks: [String] = []
        var current: [String] = []
        for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: " ")
            if trimmed.isEmpty {
                if !current.isEmpty { blocks.append(current.joined(separator: "\n")); current = [] }
            } else {
                current.append(text(trimmed))
            }
        }
        if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
        return blocks
    }
}

extension Substring {
    func trimmingCharacters(in character: Character) -> String {
        guard let first = firstIndex(where: { $0 != character }), let last = lastIndex(where: { $0 != character }) else { return "" }
        return String(self[first...last])
    }
}
