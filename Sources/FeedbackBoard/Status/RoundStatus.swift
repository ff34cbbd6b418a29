import FeedbackModel

/// Where one committee stands in the round.
public struct CommitteeState: Sendable {
    public enum Kind: String, Sendable, Equatable {
        /// Nothing accepted, nothing refused.
        case missing
        /// Nothing accepted; the latest hand-in was refused.
        case refused
        /// An export is accepted (the newest revision counts).
        case received
    }

    public var committee: Committee
    public var kind: Kind
    /// The accepted export's receipt (the highest revision), if any.
    public var accepted: Receipt?
    public var acceptedReceiptFile: String?
    /// The latest refused hand-in, if it came after the accepted one (or there is none).
    public var latestRefusal: Receipt?
    public var latestRefusalFile: String?
    /// How many files this committee has handed in.
    public var handIns: Int
    /// When another document replaced the committee's answer: the last accepted receipt of
    /// the document it replaced.
    public var replaced: Receipt?
    /// Accepted, with the status the form marks decided (and its archive file unchanged).
    public var isDecided: Bool = false
    /// Why the accepted export's archive file cannot be used (changed after its receipt,
    /// unreadable); such an answer counts as missing, as in the report.
    public var archiveProblem: Localized?
}

/// The round at a glance: every committee on the form, what is waiting, and whether the
/// round is complete (every committee has an accepted, decided export).
public struct RoundStatus: Sendable {
    public var form: FormDefinition
    public var inboxPath: String
    public var committees: [CommitteeState]
    /// Files in incoming/ not yet received (nil when incoming/ cannot be listed).
    public var waiting: Int?
    /// Refused hand-ins naming no committee of the form (other forms, unreadable files).
    public var refusedWithoutCommittee: Int
    /// Files in receipts/ that are not valid receipts of this inbox.
    public var rejectedReceipts: [(file: String, problems: [Localized])]
    /// Who may hand in for each committee (`board allow`).
    public var permissions = HandInPermissions()
    /// Whether a committee needs a list to take hand-ins (a round made with `--group`).
    public var requiresPermissions = false
    /// Why the list could not be read, if it could not.
    public var permissionProblem: Localized?

    public var isComplete: Bool { committees.allSatisfy(\.isDecided) }

    /// Reads the round's state from the inbox's receipts (every one verified, or the
    /// board's summary of them when no receipt was added since).
    public static func load(_ inbox: Inbox) throws(BoardError) -> RoundStatus {
        var status = RoundStatus(inbox: inbox, summary: try LedgerSummary.load(inbox))
        status.checkArchives(inbox)
        return status
    }

    /// Checks each accepted export's archive file against its receipt's SHA-256; a changed
    /// or unreadable one is flagged and no longer counts as decided.
    mutating func checkArchives(_ inbox: Inbox) {
        let problems = ParallelMap.map(committees) { state -> Localized? in
            guard let receipt = state.accepted, let archived = receipt.archivedAs else { return nil }
            do {
                let bytes = try FileStore.readLimited(path: inbox.path + "/" + archived, limit: Arrival.maximumSize)
                guard ContentDigest.sha256Hex(bytes) == receipt.handIn.sha256 else {
                    return Localized(sv: "arkivfilen \(Sanitizer.visible(archived)) har ändrats sedan kvittensen, räknas som saknad",
                                     en: "the archived file \(Sanitizer.visible(archived)) has changed since its receipt, counted as missing")
                }
                return nil
            } catch {
                return Localized(sv: "arkivfilen \(Sanitizer.visible(archived)) kan inte läsas, räknas som saknad",
                                 en: "the archived file \(Sanitizer.visible(archived)) cannot be read, counted as missing")
            }
        }
        for (i, problem) in problems.enumerated() where problem != nil {
            committees[i].archiveProblem = problem
            committees[i].isDecided = false
        }
    }

    public init(inbox: Inbox, ledger: ReceiptLedger) {
        self.init(inbox: inbox, summary: ledger.summary(Set(inbox.form.committees.map(\.id))))
    }

    public init(inbox: Inbox, summary: LedgerSummary) {
        form = inbox.form
        inboxPath = inbox.path
        committees = inbox.form.committees.map { committee in
            let best = summary.current[committee.id]
            let refusal = summary.latestRefusal[committee.id]
            // A refusal is news only if it was handed in after the answer that counts.
            let refusalCounts = refusal.map { r in best.map { RoundStatus.cameLater(r.receipt, than: $0.receipt) } ?? true } ?? false
            let kind: CommitteeState.Kind = best != nil ? .received : (refusal != nil ? .refused : .missing)
            return CommitteeState(committee: committee, kind: kind, accepted: best?.receipt, acceptedReceiptFile: best?.file,
                                  latestRefusal: refusalCounts ? refusal?.receipt : nil,
                                  latestRefusalFile: refusalCounts ? refusal?.file : nil, handIns: summary.handIns[committee.id] ?? 0,
                                  replaced: summary.replaced[committee.id]?.receipt,
                                  isDecided: inbox.form.isDecided(status: best?.receipt.export.status))
        }
        refusedWithoutCommittee = summary.orphans
        rejectedReceipts = summary.rejected
        requiresPermissions = inbox.manifest.group != nil
        do { permissions = try HandInPermissions.load(inbox) } catch { permissionProblem = error.message }
        waiting = (try? BoardFiles.names(in: inbox.incomingFolder)).map { $0.names.filter { !$0.hasPrefix(".") }.count + $0.notUTF8 }
    }

    /// Whether `receipt`'s file was handed in after `other`'s (the time the file was placed,
    /// then the receipt's file name for the same second).
    static func cameLater(_ receipt: Receipt, than other: Receipt) -> Bool {
        if receipt.handIn.handedInAt != other.handIn.handedInAt { return receipt.handIn.handedInAt > other.handIn.handedInAt }
        return receipt.receivedAt > other.receivedAt
    }

    /// Counts for the summary line.
    public struct Summary: Sendable, Equatable {
        public var committees = 0
        public var received = 0
        public var decided = 0
        public var refused = 0
        public var missing = 0
        public var late = 0
    }

    public var summary: Summary {
        var s = Summary()
        s.committees = committees.count
        for state in committees {
            switch state.kind {
            case .received: s.received += 1
            case .refused: s.refused += 1
            case .missing: s.missing += 1
            }
            if state.isDecided { s.decided += 1 }
            if let accepted = state.accepted, !accepted.onTime { s.late += 1 }
        }
        return s
    }
}
