import FeedbackModel

/// The board's answer to one committee's accepted feedback ("styrelsens svar"): per heading a
/// judgement from the form's options and a motivation, per row of the tables the form names a
/// decision, and which feedback it answers, exactly (committee, document id, revision,
/// content SHA-256). Signed by the board and published in the inbox; a revised answer is a new
/// revision beside the old one.
public struct BoardAnswer: Sendable, Equatable {
    public static let format = "feedback-answer"
    public static let formatVersion = 1

    /// The feedback answered: the committee's export as the board accepted it.
    public struct Feedback: Sendable, Equatable {
        public var committeeID: String
        public var documentID: String
        public var revision: Int
        /// The export's own `contentSha256` (RFC 8785 hash of its content).
        public var contentSha256: String
        /// Where the accepted export lies in the inbox (`accepted/…`), with the SHA-256 of
        /// its bytes: the committee can find and check exactly the file answered.
        public var archivedAs: String
        public var fileSha256: String

        public init(committeeID: String, documentID: String, revision: Int, contentSha256: String, archivedAs: String, fileSha256: String) {
            self.committeeID = committeeID
            self.documentID = documentID
            self.revision = revision
            self.contentSha256 = contentSha256
            self.archivedAs = archivedAs
            self.fileSha256 = fileSha256
        }
    }

    /// The board's answer under one heading (a section of the form).
    public struct Heading: Sendable, Equatable {
        public var sectionID: String
        /// A judgement id of the form's `answers.judgements`; nil only where the committee
        /// wrote nothing under the heading.
        public var judgement: String?
        /// The motivation ("motivering"), as a draft's text: paragraphs, "- " bullets.
        public var text: String

        public init(sectionID: String, judgement: String?, text: String) {
            self.sectionID = sectionID
            self.judgement = judgement
            self.text = text
        }
    }

    /// The board's decision on one row of a table the form names under `answers.rows`.
    public struct Row: Sendable, Equatable {
        public var sectionID: String
        public var fieldID: String
        /// The row's place in the committee's table, from 1.
        public var row: Int
        /// The row's name as the committee wrote it (its first text column), for readers.
        public var object: String
        /// A decision id of the form's options for this table.
        public var decision: String?
        public var text: String

        public init(sectionID: String, fieldID: String, row: Int, object: String, decision: String?, text: String) {
            self.sectionID = sectionID
            self.fieldID = fieldID
            self.row = row
            self.object = object
            self.decision = decision
            self.text = text
        }
    }

    public var formID: String
    public var formVersion: Int
    public var feedback: Feedback
    /// 1 for the first answer to this committee in the round, one more for each revision.
    public var revision: Int
    /// The board's time when it signed the answer (nil in a template not yet signed).
    public var answeredAt: Timestamp?
    /// Who at the board published it (the login name).
    public var answeredBy: String
    public var headings: [Heading]
    public var rows: [Row]

    public init(formID: String, formVersion: Int, feedback: Feedback, revision: Int, answeredAt: Timestamp?, answeredBy: String,
                headings: [Heading], rows: [Row]) {
        self.formID = formID
        self.formVersion = formVersion
        self.feedback = feedback
        self.revision = revision
        self.answeredAt = answeredAt
        self.answeredBy = answeredBy
        self.headings = headings
        self.rows = rows
    }

    public func heading(_ sectionID: String) -> Heading? {
        headings.first { $0.sectionID == sectionID }
    }

    /// How many headings got each judgement, in the form's order of judgements, leaving out
    /// judgements no heading got: "4 beaktas i regionplanen, 1 beaktas delvis".
    public func tally(_ form: FormDefinition) -> [(option: ChoiceOption, count: Int)] {
        form.answers.judgements.compactMap { option in
            let count = headings.filter { $0.judgement == option.id }.count
            return count > 0 ? (option, count) : nil
        }
    }

    public func tallyText(_ form: FormDefinition, language: Language) -> String {
        tally(form).map { "\($0.count) \($0.option.label[language])" }.joined(separator: ", ")
    }
}
