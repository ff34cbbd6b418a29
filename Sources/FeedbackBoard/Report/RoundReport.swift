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
