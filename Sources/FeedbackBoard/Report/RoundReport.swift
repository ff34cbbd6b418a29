import FeedbackModel

/// The board's compiled document for a round, as data: the status, every accepted export
/// (only those count), and the sums and tables drawn from them. The writers (HTML,
/// Markdown, CSV, .docx) only lay it out.
public struct RoundReport: Sendable {
    /// One committee's accepted export.
    public struct CommitteeExport: Sendable {
        public var committee: Committee
        public var receipt: Receipt
        public var export: ExportFile
    }

    public var form: FormDefinition
    public var status: RoundStatus
    public var generatedAt: Timestamp
    /// Accepted exports in the form's committee order.
    public var exports: [CommitteeExport]
    /// Archived files that no longer match their receipt (changed after receipt): left out.
    public var unreadable: [(committee: Committee, why: Localized)]

    /// Committees with no accepted export.
    public var missing: [Committee] {
        let present = Set(exports.map(\.committee.id))
        return form.committees.filter { !present.contains($0.id) }
    }

    /// Reads the round: the receipts (verified), then each committee's accepted file from the
    /// archive, checked against its receipt's SHA-256.
    public static func load(_ inbox: Inbox, now: Timestamp) throws(BoardError) -> RoundReport {
        let status = try RoundStatus.load(inbox)
        let states = status.committees.filter { $0.accepted?.archivedAs != nil }
        let loaded = ParallelMap.map(states) { state -> (Committee, Result<AcceptedExport, BoardError>) in
            do throws(BoardError) { return (state.committee, .success(try inbox.acceptedExport(of: state))) } catch {
                return (state.committee, .failure(error))
            }
        }
        var exports: [CommitteeExport] = []
        var unreadable: [(Committee, Localized)] = []
        for (committee, result) in loaded {
            switch result {
            case .success(let accepted): exports.append(CommitteeExport(committee: committee, receipt: accepted.receipt, export: accepted.export))
            case .failure(let error): unreadable.append((committee, error.message))
            }
        }
        return RoundReport(form: inbox.form, status: status, generatedAt: now, exports: exports, unreadable: unreadable)
    }

    // MARK: - Texts

    /// Each committee's text under one heading (long and short text fields, in order).
    public func texts(of section: SectionDefinition) -> [(committee: Committee, text: String)] {
        let fields = section.fields.filter(\.kind.isText)
        return exports.compactMap { entry in
            let parts = fields.compactMap { field -> String? in
                guard case .text(let text)? = entry.export.draft.sections[section.id]?[field.id],
                      TextRules.hasContent(text) else { return nil }
                return text
            }
            return parts.isEmpty ? nil : (entry.committee, parts.joined(separator: "\n\n"))
        }
    }

    // MARK: - Cells

    static func text(_ cell: CellValue?) -> String? {
        switch cell {
        case .text(let s)?: return s
        case .integer(let n)?: return String(n)
        case nil: return nil
        }
    }

    static func integer(_ cell: CellValue?) -> Int {
        if case .integer(let n)? = cell { return n }
        return 0
    }
}

// MARK: - What each answer's standing is

extension RoundReport {
    /// Where a committee's accepted answer stands, when it is not simply decided and on time:
    /// its status when not the form's decided one ("utkast"), "sen" when handed in late.
    /// Empty for a decided answer handed in on time.
    public func marks(of committee: Committee, _ language: Language) -> [String] {
        guard let state = status.committees.first(where: { $0.committee.id == committee.id }) else { return [] }
        return RoundReport.marks(state, status, language)
    }

    static func marks(_ state: CommitteeState, _ status: RoundStatus, _ language: Language) -> [String] {
        guard let receipt = state.accepted else { return [] }
        if state.archiveProblem != nil { return [language == .sv ? "arkivfil ändrad" : "archive file changed"] }
        var marks: [String] = []
        if !state.isDecided { marks.append(status.statusLabel(receipt.export.status, language).lowercased()) }
        if !receipt.onTime { marks.append(language == .sv ? "sen" : "late") }
        return marks
    }

    /// The committee's name with its marks: "Kulturnämnden (utkast, sen)", what stands above
    /// or beside its texts and amounts wherever they appear.
    public func label(of committee: Committee, _ language: Language) -> String {
        RoundReport.label(committee.name(language), marks(of: committee, language))
    }

    static func label(_ name: String, _ marks: [String]) -> String {
        marks.isEmpty ? name : "\(name) (\(marks.joined(separator: ", ")))"
    }

    /// Every committee's label by its id (the report's writers look them up often).
    func labels(_ language: Language) -> [String: String] {
        Dictionary(status.committees.map { ($0.committee.id, RoundReport.label($0.committee.name(language), RoundReport.marks($0, status, language))) },
                   uniquingKeysWith: { first, _ in first })
    }

    /// The accepted exports whose status is the form's decided one.
    public var decidedExports: [CommitteeExport] {
        let decided = Set(status.committees.filter(\.isDecided).map(\.committee.id))
        return exports.filter { decided.contains($0.committee.id) }
    }

    /// The counts the headline states: decided, accepted but not decided, late (of the
    /// accepted), refused, missing (nothing accepted or refused), and archive files changed
    /// after their receipt (left out).
    public struct Headline: Sendable, Equatable {
        public var committees = 0
        public var decided = 0
        public var undecided = 0
        public var late = 0
        public var refused = 0
        public var missing = 0
        public var changed = 0
        /// Every committee has a decided answer, on time, readable.
        public var isComplete: Bool { decided == committees && late == 0 && changed == 0 }
    }

    public var headline: Headline {
        var h = Headline()
        h.committees = form.committees.count
        let readable = Set(exports.map(\.committee.id))
        for state in status.committees {
            switch state.kind {
            case .received:
                if !readable.contains(state.committee.id) { h.changed += 1; continue }
                if state.isDecided { h.decided += 1 } else { h.undecided += 1 }
                if state.accepted?.onTime == false { h.late += 1 }
            case .refused: h.refused += 1
            case .missing: h.missing += 1
            }
        }
        return h
    }
}
