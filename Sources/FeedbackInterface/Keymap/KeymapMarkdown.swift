import FeedbackModel

/// The key reference as Markdown (the README's table is generated from the keymap).
public enum KeymapMarkdown {
    public static func table(language: Language) -> String {
        var out = ""
        for section in Keymap.reference(language: language) {
            out += "**\(section.title)**\n\n"
            out += language == .sv ? "| tangent | vad den gör |\n|---|---|\n" : "| key | what it does |\n|---|---|\n"
            for row in section.rows {
                let keys = row.keys.split(separator: " / ").map { "`\($0)`" }.joined(separator: " / ")
                out += "| \(keys) | \(row.help.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
            out += "\n"
        }
        return out
    }
}
