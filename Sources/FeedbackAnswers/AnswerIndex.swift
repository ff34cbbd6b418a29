import FeedbackBoard
import FeedbackModel

/// The committee's side: the board's answers to the user's hand-ins (the hand-ins recorded by
/// `feedback submit` in the data folder), each checked against the key the inbox had at the
/// hand-in, or against a pinned key (the `board-key` setting) when one is given.
public struct AnswerIndex: Sendable {
    public let dataFolder: String
    public let pinnedKey: ReceiptPublicKey?

    public init(dataFolder: String, pinnedKey: ReceiptPublicKey? = nil) {
        self.dataFolder = dataFolder
        self.pinnedKey = pinnedKey
    }

    /// One answered (or not yet answered) hand-in.
    public struct Entry: Sendable {
        public var record: HandInRecord
        /// The newest revision that verifies and answers exactly this hand-in's content.
        public var answer: BoardAnswer?
        public var path: String?
        /// How many revisions of answers to this content there are.
        public var revisions: Int
        /// Answer files to this committee that do not verify (never shown as answers).
        public var problems: [Localized]
        /// The form the inbox takes (for labels), when it could be read.
        public var form: FormDefinition?

        /// "Styrelsens svar 2027-05-20 (revision 2): 4 beaktas i regionplanen, 1 beaktas delvis",
        /// or that none has come; one line, safe to print.
        public func line(_ language: Language) -> String {
            let sv = language == .sv
            guard let answer, let form else {
                if let problem = problems.first { return Sanitizer.visible((sv ? "svar som inte kan godtas: " : "an answer that cannot be trusted: ") + problem[language]) }
                return sv ? "inget svar från styrelsen ännu" : "no answer from the board yet"
            }
            let day = answer.answeredAt.map { SwedishTime.minuteText($0) } ?? ""
            let head = sv ? "Styrelsens svar \(day)" : "The board's answer \(day)"
            let revision = answer.revision > 1 ? (sv ? " (revision \(answer.revision))" : " (revision \(answer.revision))") : ""
            let tally = answer.tallyText(form, language: language)
            return Sanitizer.visible(head + revision + (tally.isEmpty ? "" : ": " + tally))
        }
    }

    /// The user's hand-ins with their answers, the newest hand-in of each document only.
    public func entries() -> [Entry] {
        let records = ReceiptIndex(dataFolder: dataFolder).records()
        var latest: [String: HandInRecord] = [:]
        var order: [String] = []
        for record in records {
            if latest[record.documentID] == nil { order.append(record.documentID) }
            latest[record.documentID] = record
        }
        var inboxes: [String: (Inbox?, [String])] = [:]
        return order.compactMap { latest[$0] }.map { record in
            if inboxes[record.inbox] == nil {
                inboxes[record.inbox] = ((try? Inbox.open(record.inbox)), AnswerArchive(inboxPath: record.inbox).names())
            }
            let (inbox, names) = inboxes[record.inbox] ?? (nil, [])
            return entry(for: record, inbox: inbox, names: names)
        }
    }

    func entry(for record: HandInRecord, inbox: Inbox?, names: [String]) -> Entry {
        var result = Entry(record: record, answer: nil, path: nil, revisions: 0, problems: [], form: inbox?.form)
        guard let inbox else { return result }
        let key = pinnedKey ?? inbox.publicKey
        let archive = AnswerArchive(inboxPath: record.inbox)
        let mine = names.compactMap { name in
            AnswerArchive.revision(of: name, formID: inbox.form.id, committee: record.committeeID).map { ($0, archive.folder + "/" + name) }
        }.sorted { $0.0 < $1.0 }
        for (_, path) in mine {
            guard let bytes = try? FileStore.readLimited(path: path, limit: AnswerFile.maximumSize) else { continue }
            var check = AnswerFile.verify(bytes, key: key)
            if pinnedKey == nil, key.id != record.keyID {
                check.problems.append(Localized(sv: "inkorgens nyckel har bytts sedan inlämningen (\(record.keyID) → \(key.id))",
                                                en: "the inbox's key has changed since the hand-in (\(record.keyID) → \(key.id))"))
            }
            guard let answer = check.answer, answer.feedback.committeeID == record.committeeID else { continue }
            guard check.problems.isEmpty else { result.problems += check.problems; continue }
            guard answer.feedback.contentSha256 == record.contentSha256 else { continue }
            result.revisions += 1
            result.answer = answer
            result.path = path
        }
        return result
    }
}
