import FeedbackBoard
import FeedbackModel

/// Which committees the board has answered in a round: for each committee with an accepted
/// export, the newest answer published in answers/ and whether it answers that export (an
/// answer to an older revision is out of date). Read from the board's own folder, which only
/// the board can write; the signatures are for the committees to check.
public struct AnswerOverview: Sendable {
    public struct Line: Sendable {
        public var committee: Committee
        /// The newest answer's revision and judgements, nil when none is published.
        public var answer: BoardAnswer?
        /// The newest answer is for the accepted revision.
        public var isCurrent: Bool
    }

    public var lines: [Line]

    public init(status: RoundStatus) {
        let archive = AnswerArchive(inboxPath: status.inboxPath)
        let names = archive.names()
        lines = status.committees.compactMap { state in
            guard let accepted = state.accepted else { return nil }
            let newest = names.compactMap { name in
                AnswerArchive.revision(of: name, formID: status.form.id, committee: state.committee.id).map { ($0, name) }
            }.max { $0.0 < $1.0 }
            guard let newest, let bytes = try? FileStore.readLimited(path: archive.folder + "/" + newest.1, limit: AnswerFile.maximumSize),
                  let answer = try? BoardAnswer.parse(bytes).answer else {
                return Line(committee: state.committee, answer: nil, isCurrent: false)
            }
            return Line(committee: state.committee, answer: answer,
                        isCurrent: answer.feedback.revision == accepted.export.revision && answer.feedback.contentSha256 == accepted.export.contentSha256)
        }
    }

    /// "Styrelsens svar: 2 av 3 mottagna besvarade; hsn r3 (svar 2), run r3 (svar 1, gäller en äldre revision); saknar svar: pn".
    public func text(_ form: FormDefinition, language: Language) -> String {
        let sv = language == .sv
        let answered = lines.filter { $0.answer != nil && $0.isCurrent }
        var parts: [String] = []
        for line in lines {
            guard let answer = line.answer else { continue }
            let stale = line.isCurrent ? "" : (sv ? ", gäller en äldre revision" : ", for an older revision")
            parts.append("\(line.committee.id) r\(answer.feedback.revision) (\(sv ? "svar" : "answer") \(answer.revision)\(stale))")
        }
        let missing = lines.filter { $0.answer == nil }.map(\.committee.id)
        var text = sv ? "Styrelsens svar: \(answered.count) av \(lines.count) mottagna besvarade"
                      : "The board's answers: \(answered.count) of \(lines.count) received answered"
        if !parts.isEmpty { text += "; " + parts.joined(separator: ", ") }
        if !missing.isEmpty { text += (sv ? "; saknar svar: " : "; not answered: ") + missing.joined(separator: ", ") }
        return Sanitizer.visible(text)
    }

    public func json() -> JSONValue {
        .array(lines.map { line in
            .object(JSONObject([
                ("committee", .string(line.committee.id)),
                ("answerRevision", line.answer.map { .integer($0.revision) } ?? .null),
                ("answersRevision", line.answer.map { .integer($0.feedback.revision) } ?? .null),
                ("current", .bool(line.isCurrent)),
            ]))
        })
    }
}
