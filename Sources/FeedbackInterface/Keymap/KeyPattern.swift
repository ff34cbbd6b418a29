import FeedbackModel

/// The keys a binding answers to: one key, or a family of keys.
public enum KeyPattern: Hashable, Sendable {
    case key(Key)
    /// Printable characters and bracketed pastes: text typed into a field.
    case text
    /// Alt-0 … Alt-9.
    case altDigit
    /// Any key at all (a message closed by any key).
    case anyKey

    public func matches(_ key: Key) -> Bool {
        switch self {
        case .key(let k): return k == key
        case .text:
            switch key {
            case .character, .paste: return true
            default: return false
            }
        case .altDigit:
            if case .alt(let c) = key { return c.isASCII && c.isNumber }
            return false
        case .anyKey: return true
        }
    }

    /// Whether two patterns can match the same key (used to refuse double bindings).
    func overlaps(_ other: KeyPattern) -> Bool {
        switch (self, other) {
        case (.anyKey, _), (_, .anyKey): return true
        case (.key(let a), .key(let b)): return a == b
        case (.key(let k), let pattern), (let pattern, .key(let k)): return pattern.matches(k)
        case (.text, .text), (.altDigit, .altDigit): return true
        default: return false
        }
    }

    /// How the key is written in the help and the manual ("Ctrl-S", "Alt-0 … Alt-9").
    public func label(_ language: Language) -> String {
        switch self {
        case .key(let key): return KeyName.long(key, language)
        case .text: return language == .sv ? "tecken, inklistring" : "characters, paste"
        case .altDigit: return "Alt-0 … Alt-9"
        case .anyKey: return language == .sv ? "Valfri tangent" : "Any key"
        }
    }

    /// The short form for the hint bar ("^S").
    public func short(_ language: Language) -> String {
        switch self {
        case .key(let key): return KeyName.short(key, language)
        case .altDigit: return "M-0…9"
        default: return label(language)
        }
    }
}

/// Names of keys as people write them.
public enum KeyName {
    public static func long(_ key: Key, _ language: Language) -> String {
        let sv = language == .sv
        switch key {
        case .character(" "): return sv ? "Mellanslag" : "Space"
        case .character(let c): return String(c).uppercased()
        case .paste: return sv ? "inklistring" : "paste"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return sv ? "Backsteg" : "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .escape: return "Esc"
        case .up: return sv ? "Pil upp" : "Up"
        case .down: return sv ? "Pil ned" : "Down"
        case .left: return sv ? "Pil vänster" : "Left"
        case .right: return sv ? "Pil höger" : "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .wordLeft: return sv ? "Ctrl-vänster" : "Ctrl-Left"
        case .wordRight: return sv ? "Ctrl-höger" : "Ctrl-Right"
        case .ctrlUp: return sv ? "Ctrl-upp" : "Ctrl-Up"
        case .ctrlDown: return sv ? "Ctrl-ned" : "Ctrl-Down"
        case .ctrlHome: return "Ctrl-Home"
        case .ctrlEnd: return "Ctrl-End"
        case .control(let c): return "Ctrl-" + String(c).uppercased()
        case .alt(let c): return "Alt-" + String(c).uppercased()
        case .function(let n): return "F\(n)"
        case .unknown: return "?"
        }
    }

    public static func short(_ key: Key, _ language: Language) -> String {
        switch key {
        case .control(let c): return "^" + String(c).uppercased()
        case .alt(let c): return "M-" + String(c).uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .escape: return "Esc"
        default: return long(key, language)
        }
    }
}
