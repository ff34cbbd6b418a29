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
    /// Accepted, with the status the form marks decided.
    public var isDecided: Bool = false
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

    public var isComplete: Bool { committees.allSatisfy(\.isDecided) }

    /// Reads the round's state from the inbox's receipts (every one verified).
    public static func load(_ inbox: Inbox) throws(BoardError) -> RoundStatus {
        let ledger = try ReceiptLedger.load(inbox)
        return RoundStatus(inbox: inbox, ledger: ledger)
    }

    public init(inbox: Inbox, ledger: ReceiptLedger) {
        form = inbox.form
        inboxPath = inbox.path
        let accepted = ledger.acceptedByCommittee
        var byCommittee: [String: [ReceiptLedger.Entry]] = [:]
        var orphans = 0
        for entry in ledger.entries {
            if let id = entry.receipt.export.committeeID, inbox.form.committee(id: id) != nil {
                byCommittee[id, default: []].append(entry)
            } else {
                orphans += 1
            }
        }
        committees = inbox.form.committees.map { committee in
            let entries = byCommittee[committee.id] ?? []
            let best = accepted[committee.id]
            let refusal = entries.last { !$0.receipt.isAccepted }
            let refusalCounts = refusal.map { r in best.map { r.receipt.receivedAt >= $0.receipt.receivedAt } ?? true } ?? false
            let kind: CommitteeState.Kind = best != nil ? .received : (refusal != nil ? .refused : .missing)
            return CommitteeState(committee: committee, kind: kind, accepted: best?.receipt, acceptedReceiptFile: best?.file,
                                  latestRefusal: refusalCounts ? refusal?.receipt : nil,
                                  latestRefusalFile: refusalCounts ? refusal?.file : nil, handIns: entries.count,
                                  isDecided: inbox.form.isDecided(status: best?.receipt.export.status))
        }
        refusedWithoutCommittee = orphans
        rejectedReceipts = ledger.rejected
        waiting = (try? BoardFiles.names(in: inbox.incomingFolder)).map { $0.names.filter { !$0.hasPrefix(".") }.count + $0.notUTF8 }
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
