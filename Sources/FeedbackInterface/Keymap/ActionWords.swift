import FeedbackModel

/// How a message names an action: the keymap's key in the full screen ("Ctrl-Z"), the
/// command's word in plain mode ("ångra"). Every message that tells the user how to do
/// something takes its words from here, so a screen-reader user is never told a key that
/// does something else in plain mode.
public struct ActionWords: Sendable {
    enum Source: Sendable {
        case keys(Keymap)
        case plain
    }

    let source: Source
    let language: Language

    /// The full screen's words: the keys of a keymap.
    public static func keys(_ keymap: Keymap = .standard, language: Language) -> ActionWords {
        ActionWords(source: .keys(keymap), language: language)
    }

    /// Plain mode's words: its commands.
    public static func plain(language: Language) -> ActionWords {
        ActionWords(source: .plain, language: language)
    }

    /// Whether these are plain mode's words.
    public var isPlain: Bool {
        if case .plain = source { return true }
        return false
    }

    /// The name of an action in this mode ("Ctrl-Z" or "ångra"), or nil when the mode has
    /// no way to do it (the message then leaves the hint out).
    public func name(_ action: Action, in context: KeyContext = .draft) -> String? {
        switch source {
        case .keys(let keymap):
            return keymap.keyLabel(for: action, in: context, language: language)
                ?? KeyContext.allCases.lazy.compactMap { keymap.keyLabel(for: action, in: $0, language: self.language) }.first
        case .plain:
            guard let command = PlainCommand.command(for: action) else { return nil }
            return (language == .sv ? command.sv : command.en).first
        }
    }

    /// "Ctrl-Z ångrar." / "Ångra ångrar.": a sentence that starts with the action's name and
    /// goes on with a verb phrase, with a leading space; empty when the mode cannot do it.
    public func sentence(_ action: Action, in context: KeyContext = .draft, sv: String, en: String) -> String {
        guard let name = name(action, in: context) else { return "" }
        return " " + Self.capitalized(name) + " " + (language == .sv ? sv : en) + "."
    }

    /// A phrase with the action's name in it, built by `text`; nil when the mode cannot do it.
    public func phrase(_ action: Action, in context: KeyContext = .draft, _ text: (String) -> String) -> String? {
        name(action, in: context).map(text)
    }

    static func capitalized(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.uppercased() + name.dropFirst()
    }
}
