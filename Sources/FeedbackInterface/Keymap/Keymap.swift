import FeedbackModel

/// Where the user is when a key arrives; each context has its own bindings.
public enum KeyContext: String, CaseIterable, Sendable {
    /// Every page of an open draft (when no dialog is open).
    case draft
    case text, details, table, pageList
    /// The help and the full guidance: text to read and scroll.
    case reading
    case findingsList, exportMenu, exportReview, importReview, message, question, fileName, quitFailed, choicePicker
    case start, startCommittee
    /// `feedback board`: the overview, and a committee's accepted export opened from it (its
    /// keys come before the read-only draft's).
    case board, boardCommittee

    /// Contexts whose keys come on top of the `.draft` bindings.
    var addsDraftBindings: Bool {
        switch self {
        case .text, .details, .table, .pageList: return true
        default: return false
        }
    }

    /// The heading of the context in the help and the manual.
    public func title(_ language: Language) -> String {
        let sv = language == .sv
        switch self {
        case .draft: return sv ? "Överallt i ett utkast" : "Everywhere in a draft"
        case .text: return sv ? "I en text" : "In a text"
        case .details: return sv ? "På sidan Uppgifter" : "On the Details page"
        case .table: return sv ? "I en tabell" : "In a table"
        case .pageList: return sv ? "I sidlistan" : "In the page list"
        case .reading: return sv ? "I hjälpen och vägledningen" : "In the help and the guidance"
        case .findingsList: return sv ? "I kontrollistan (Ctrl-F) och ändringslistan (Alt-C)" : "In the check list (Ctrl-F) and the list of changes (Alt-C)"
        case .exportMenu: return sv ? "I menyn Exportera och importera (Ctrl-E)" : "In the Export and import menu (Ctrl-E)"
        case .exportReview: return sv ? "Före en export" : "Before an export"
        case .message: return sv ? "I ett meddelande" : "In a message"
        case .question: return sv ? "Vid en fråga" : "At a question"
        case .fileName: return sv ? "När ett filnamn skrivs (spara som, dokument, import)" : "When a file name is typed (save as, documents, import)"
        case .importReview: return sv ? "Före en import" : "Before an import"
        case .quitFailed: return sv ? "När utkastet inte kunde sparas" : "When the draft could not be saved"
        case .choicePicker: return sv ? "I en vallista" : "In a list of choices"
        case .start: return sv ? "På startskärmen" : "On the start screen"
        case .startCommittee: return sv ? "När en nämnd väljs för ett nytt utkast" : "When choosing the committee of a new draft"
        case .board: return sv ? "I styrelsens överblick (feedback board)" : "In the board's overview (feedback board)"
        case .boardCommittee: return sv ? "I en nämnds export, öppnad från överblicken" : "In a committee's export, opened from the overview"
        }
    }
}

/// One binding: the keys, the action, and what the help says about it (Swedish and English).
public struct Binding: Sendable {
    public var action: Action
    public var keys: [KeyPattern]
    public var help: Localized
    /// The word in the hint bar, or nil when the binding does not show there.
    public var hint: Localized?

    public init(_ action: Action, _ keys: [KeyPattern], _ sv: String, _ en: String, hint: Localized? = nil) {
        self.action = action
        self.keys = keys
        self.help = Localized(sv: sv, en: en)
        self.hint = hint
    }

    /// "Ctrl-Q / Ctrl-X" (a key bound as both n and N is named once).
    public func label(_ language: Language) -> String {
        var names: [String] = []
        for name in keys.map({ $0.label(language) }) where !names.contains(name) { names.append(name) }
        return names.joined(separator: " / ")
    }
}

/// A section of the key reference (for the help screen, the README and the man page).
public struct KeymapSection: Sendable, Equatable {
    public var title: String
    public var rows: [KeymapRow]
}

/// One row of the key reference.
public struct KeymapRow: Sendable, Equatable {
    public var keys: String
    public var help: String
}

/// The key bindings of every context: the one table that dispatch, help, hints, README and
/// manual all read.
public struct Keymap: Sendable {
    public let bindings: [KeyContext: [Binding]]

    /// The action for a key in a context (the context's own bindings, then the draft's).
    public func action(for key: Key, in context: KeyContext) -> Action? {
        effectiveBindings(context).first { binding in binding.keys.contains { $0.matches(key) } }?.action
    }

    /// The bindings that apply in a context, its own first.
    public func effectiveBindings(_ context: KeyContext) -> [Binding] {
        (bindings[context] ?? []) + (context.addsDraftBindings ? (bindings[.draft] ?? []) : [])
    }

    /// The first key bound to an action in a context, for messages ("Ctrl-S sparar").
    public func keyLabel(for action: Action, in context: KeyContext, language: Language) -> String? {
        effectiveBindings(context).first { $0.action == action }?.keys.first?.label(language)
    }

    /// The whole reference, context by context.
    public func reference(language: Language) -> [KeymapSection] {
        KeyContext.allCases.compactMap { context in
            guard let list = bindings[context], !list.isEmpty else { return nil }
            return KeymapSection(title: context.title(language),
                                 rows: list.map { KeymapRow(keys: $0.label(language), help: $0.help[language]) })
        }
    }

    /// The reference of the standard keymap (for the README and the man page).
    public static func reference(language: Language) -> [KeymapSection] {
        standard.reference(language: language)
    }
}
