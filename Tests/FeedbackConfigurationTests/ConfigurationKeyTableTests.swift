import Testing
import TestSupport
import FeedbackConfiguration
import FeedbackModel

/// The administrators' guide's table of settings is made from the keys themselves.
@Suite struct ConfigurationKeyTableTests {
    @Test func everyKeyHasARowWithItsVariableAndFlags() {
        let table = ConfigurationKey.markdownTable(language: .en)
        let rows = table.split(separator: "\n").dropFirst(2)
        #expect(rows.count == ConfigurationKey.allCases.count)
        for (key, row) in zip(ConfigurationKey.allCases, rows) {
            #expect(row.hasPrefix("| `\(key.rawValue)` |"), "row for \(key.rawValue): \(row)")
            #expect(row.contains("`\(key.environmentVariable)`"))
            for flag in key.flags { #expect(row.contains("`" + (flag.split(separator: " ").first.map(String.init) ?? flag) + "`")) }
            // Five cells: a "|" inside a value (sv|en) is escaped, so it splits no cell.
            #expect(row.replacing("\\|", with: "").filter { $0 == "|" }.count == 6, "row for \(key.rawValue): \(row)")
        }
        #expect(table.contains("`sv\\|en`"))
        #expect(ConfigurationKey.markdownTable(language: .sv).hasPrefix("| nyckel |"))
    }

    /// docs/administrators.md's table is this one (FEEDBACK_RECORD=1 rewrites it).
    @Test func settingsTableInTheAdministratorsGuide() throws {
        try GeneratedBlock.check(in: "docs/administrators.md",
                                 begin: "<!-- settings: generated from ConfigurationKey.allCases; FEEDBACK_RECORD=1 swift test rewrites it -->",
                                 end: "<!-- end of settings -->", content: ConfigurationKey.markdownTable(language: .en), what: "table of settings")
    }
}
