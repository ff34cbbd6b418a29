import FeedbackModel

extension ConfigurationKey {
    /// The settings as a Markdown table: key, value, variable, flags and what each does (the
    /// administrators' guide's table is generated from this one, as the manual page and
    /// `config --template` are from the same keys).
    public static func markdownTable(language: Language) -> String {
        let header = language == .sv ? "| nyckel | värde | variabel | flagga | vad den gör |\n" : "| key | value | variable | flag | what it does |\n"
        var out = header + "|---|---|---|---|---|\n"
        for key in allCases {
            // "--out (export)": the flag in code, the command it belongs to as text.
            let flags = key.flags.map { flag -> String in
                guard let space = flag.firstIndex(of: " ") else { return "`\(flag)`" }
                return "`\(flag[..<space])`\(flag[space...])"
            }
            let cells = ["`\(key.rawValue)`", "`\(key.valueName)`", "`\(key.environmentVariable)`",
                         flags.isEmpty ? "" : flags.joined(separator: ", "), key.summary[language]]
            out += "| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
