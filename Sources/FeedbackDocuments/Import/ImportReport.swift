import FeedbackModel

/// One change an import makes to a draft: the value at a place before and after. The
/// interface applies all of an import's changes as one undo step.
public struct ImportChange: Sendable, Equatable {
    public var place: FieldPlace
    public var previous: FieldValue?
    public var value: FieldValue?

    public init(place: FieldPlace, previous: FieldValue?, value: FieldValue?) {
        self.place = place
        self.previous = previous
        self.value = value
    }
}

/// What an import did, for the user: what went where, every piece of text it could not
/// place, what it noticed, and what it refused to overwrite.
public struct ImportReport: Sendable, Equatable {
    /// Where something from the document went.
    public struct Placement: Sendable, Equatable {
        public var place: FieldPlace
        /// The heading, table or metadata field, e.g. "Rubrik 1: Nämndens bidrag …".
        public var target: Localized
        /// What was put there, e.g. "3 stycken, 4 punkter" or "2 rader".
        public var summary: Localized
        /// Where in the document it came from ("stycke 5–12", "rad 14").
        public var source: Localized
        /// False when the draft already held exactly this.
        public var changed: Bool
    }

    /// Text the import could not place, and why.
    public struct Unplaced: Sendable, Equatable {
        public var text: String
        public var source: Localized
        public var reason: Localized
    }

    /// Something the import noticed: a refused amount, a tracked change accepted, …
    public struct Note: Sendable, Equatable {
        /// `.warning` for what the user should check, nil for information.
        public var severity: Severity?
        public var message: Localized
    }

    /// A non-empty value the import would have replaced (refused without `replace`).
    public struct Conflict: Sendable, Equatable {
        public var place: FieldPlace
        public var target: Localized
    }

    public var file: String
    public var placements: [Placement] = []
    public var unplaced: [Unplaced] = []
    public var notes: [Note] = []
    public var conflicts: [Conflict] = []
    /// Where unplaced text went (`ImportOptions.Unplaced`).
    public var unplacedTo: ImportOptions.Unplaced = .sideFile

    /// The report as lines of text, every untrusted text made safe to print.
    public func text(_ language: Language) -> String {
        let sv = language == .sv
        var lines: [String] = []
        lines.append((sv ? "Import av " : "Import of ") + Sanitizer.visible(file))
        if placements.isEmpty {
            lines.append(sv ? "  Inget i dokumentet kunde placeras i formuläret." : "  Nothing in the document could be placed in the form.")
        }
        for p in placements {
            let state = p.changed ? "" : (sv ? " (oförändrat)" : " (unchanged)")
            lines.append("  \(p.target[language]) ← \(p.summary[language]) [\(p.source[language])]\(state)")
        }
        if !unplaced.isEmpty {
            let whereTo: String
            switch unplacedTo {
            case .sideFile: whereTo = sv ? "sparas i en sidofil" : "kept in a side file"
            case .otherHeading: whereTo = sv ? "läggs under rubriken Övriga synpunkter" : "added under the heading Other comments"
            }
            lines.append(sv ? "Text som inte kunde placeras (\(unplaced.count), \(whereTo)):" : "Text that could not be placed (\(unplaced.count), \(whereTo)):")
            for u in unplaced {
                let excerpt = Sanitizer.visible(String(u.text.prefix(120))) + (u.text.count > 120 ? "…" : "")
                lines.append("  [\(u.source[language])] \(u.reason[language]): ”\(excerpt)”")
            }
        }
        if !notes.isEmpty {
            lines.append(sv ? "Att känna till:" : "Notes:")
            for n in notes {
                let mark = n.severity == .warning ? (sv ? "varning: " : "warning: ") : ""
                lines.append("  " + mark + Sanitizer.visible(n.message[language]))
            }
        }
        if !conflicts.isEmpty {
            lines.append(sv ? "Ingenting ändrades: utkastet har redan innehåll som importen skulle skriva över (--replace ersätter):"
                            : "Nothing was changed: the draft already has content the import would overwrite (--replace replaces it):")
            for c in conflicts { lines.append("  " + c.target[language]) }
        }
        return lines.joined(separator: "\n")
    }

    /// The report as JSON (both languages for every message).
    public func json() -> JSONValue {
        func loc(_ l: Localized) -> JSONValue { .object(JSONObject([("sv", .string(l.sv)), ("en", .string(l.en))])) }
        return .object(JSONObject([
            ("file", .string(file)),
            ("placed", .array(placements.map { p in
                .object(JSONObject([("pointer", .string(p.place.pointer)), ("target", loc(p.target)), ("summary", loc(p.summary)),
                                    ("source", loc(p.source)), ("changed", .bool(p.changed))]))
            })),
            ("unplaced", .array(unplaced.map { u in
                .object(JSONObject([("text", .string(u.text)), ("source", loc(u.source)), ("reason", loc(u.reason))]))
            })),
            ("unplacedTo", .string(unplacedTo == .sideFile ? "side-file" : "other")),
            ("notes", .array(notes.map { n in
                .object(JSONObject([("severity", n.severity.map { .string($0.rawValue) } ?? .string("info")), ("message", loc(n.message))]))
            })),
            ("conflicts", .array(conflicts.map { c in
                .object(JSONObject([("pointer", .string(c.place.pointer)), ("target", loc(c.target))]))
            })),
        ]))
    }
}

/// How an import is done.
public struct ImportOptions: Sendable, Equatable {
    /// Where text that fits no heading goes.
    public enum Unplaced: Sendable, Equatable {
        /// Into a side file beside the draft (the default: the committee's answer gets
        /// nothing the secretary has not placed).
        case sideFile
        /// Appended to the form's fallback heading (`fallbackSection`, else its last text heading).
        case otherHeading
    }

    public var unplaced: Unplaced
    /// Replace headings, tables and metadata that already have content; without it such an
    /// import is refused as a whole.
    public var replace: Bool

    public init(unplaced: Unplaced = .sideFile, replace: Bool = false) {
        self.unplaced = unplaced
        self.replace = replace
    }
}
