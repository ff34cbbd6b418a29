import FeedbackModel

/// The key help and the hint bar of the screens outside a draft (the start screen, the
/// board's overview), drawn from the keymap.
extension Keymap {
    /// A box with the keys of `contexts` (and `extra` lines beneath), any key closes it.
    func renderHelp(_ contexts: [KeyContext], extra: [String] = [], language: Language, into grid: inout ScreenGrid) {
        let phrases = Phrases(language: language)
        var lines: [String] = []
        for context in contexts {
            lines.append(context.title(language))
            for binding in bindings[context] ?? [] {
                lines.append("  " + binding.label(language).padding(toWidth: 22) + binding.help[language])
            }
            lines.append("")
        }
        lines += extra
        let width = min(grid.width - 2, 78)
        let wrapped = lines.flatMap { EditorSession.wrapLines($0, width: width - 4) }
        let r = EditorSession.box(into: &grid, title: phrases.t("Hjälp", "Help"), width: width, height: min(grid.height - 2, wrapped.count + 3))
        for (i, line) in wrapped.prefix(r.height - 1).enumerated() { grid.put(line, row: r.row + i, column: r.column, limit: r.right) }
        grid.put(phrases.t("Valfri tangent stänger.", "Any key closes."), row: r.bottom - 1, column: r.column, style: Style(.muted))
    }

    /// The bottom row: the hints of `context`, help and quit always shown.
    func renderHints(_ context: KeyContext, language: Language, into grid: inout ScreenGrid) {
        var hints: [(key: String, word: String)] = []
        var pinned: [(key: String, word: String)] = []
        for binding in bindings[context] ?? [] {
            guard let word = binding.hint?[language], let key = binding.keys.first else { continue }
            if binding.action == .quit || binding.action == .help { pinned.append((key.short(language), word)) } else { hints.append((key.short(language), word)) }
        }
        grid.fill(row: grid.height - 1, column: 0, width: grid.width, height: 1, style: Style())
        EditorSession.drawHints(hints, pinned: pinned, into: &grid)
    }
}
