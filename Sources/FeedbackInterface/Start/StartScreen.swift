import FeedbackModel

/// One draft on the start screen.
public struct DraftSummary: Sendable, Equatable {
    public var path: String
    public var committeeID: String
    public var committee: String
    public var caseNumber: String
    public var status: String
    public var modified: Timestamp?
    public var done: Int
    public var total: Int
    public var errors: Int
    /// Why the file could not be read, if it could not.
    public var problem: String?
    /// Where its last hand-in to the board stands ("kvitterad 2027-04-15 10:02"), if handed in.
    public var handIn: HandInNote?

    public init(path: String, committeeID: String = "", committee: String, caseNumber: String = "", status: String,
                modified: Timestamp?, done: Int, total: Int, errors: Int = 0, problem: String? = nil) {
        self.path = path
        self.committeeID = committeeID
        self.committee = committee
        self.caseNumber = caseNumber
        self.status = status
        self.modified = modified
        self.done = done
        self.total = total
        self.errors = errors
        self.problem = problem
    }

    /// The summary of a readable draft: the same progress rule as the open draft's markers.
    public static func of(_ draft: Draft, form: FormDefinition, path: String, language: Language) -> DraftSummary {
        let progress = Progress.summary(draft, form: form)
        let id = draft.committeeID(in: form) ?? ""
        let committee = form.committee(id: id)?.name(language) ?? "–"
        let status = form.statusField?.options.first { $0.id == draft.status(in: form) }?.label[language] ?? ""
        return DraftSummary(path: path, committeeID: id, committee: committee, caseNumber: draft.text(at: .metadata("caseNumber")),
                            status: status, modified: draft.modified, done: progress.done, total: progress.total, errors: progress.errors)
    }
}

/// The first screen: resume one of the user's drafts, start a new one, or put one in the trash.
public struct StartScreen: Sendable {
    public let form: FormDefinition
    public let language: Language
    public let folder: String
    public private(set) var drafts: [DraftSummary]
    let keymap = Keymap.standard
    let time: LocalTime
    var selected = 0
    var pickingCommittee = false
    var committeeSelected = 0
    var message: (text: String, isError: Bool)?
    var question: StartQuestion?
    var showingHelp = false
    var size = (width: 80, height: 24)
    let phrases: Phrases
    /// The user's local date: the timeline is shown with today marked.
    public let today: SimpleDate?
    /// Last year's feedback found in the folders, offered when a draft is started.
    public let lastYear: [LastYearOffer]

    enum StartQuestion: Sendable {
        case secondDraft(committeeID: String, existing: String)
        case fromLastYear(committeeID: String, offer: LastYearOffer)
        case trash(path: String)
    }

    public init(form: FormDefinition, language: Language, folder: String, drafts: [DraftSummary], message: String? = nil,
                time: LocalTime = .current, today: SimpleDate? = nil, lastYear: [LastYearOffer] = []) {
        self.form = form
        self.language = language
        self.folder = folder
        self.time = time
        self.today = today
        self.lastYear = lastYear
        self.drafts = []
        phrases = Phrases(language: language)
        replaceDrafts(drafts)
        if let message { self.message = (message, true) }
    }

    /// A new listing of the folder (after a draft was moved to the trash).
    public mutating func replaceDrafts(_ list: [DraftSummary]) {
        drafts = list.sorted { ($0.modified?.secondsSinceEpoch ?? 0) > ($1.modified?.secondsSinceEpoch ?? 0) }
        selected = min(selected, drafts.count)
        pickingCommittee = drafts.isEmpty
    }

    public enum Command: Sendable, Equatable {
        case open(String)
        /// A new draft, empty or started from last year's file.
        case create(committeeID: String, from: String?)
        case trash(String)
        case quit
    }

    public mutating func resize(width: Int, height: Int) { size = (width, height) }

    var context: KeyContext { question != nil ? .question : showingHelp ? .message : pickingCommittee ? .startCommittee : .start }

    public mutating func handle(_ key: Key) -> [Command] {
        guard let action = keymap.action(for: key, in: context) else { return [] }
        message = nil
        if showingHelp {
            showingHelp = false
            return []
        }
        if let question {
            self.question = nil
            switch (question, action) {
            case (.secondDraft(let id, _), .confirm): return createOrOffer(id)
            case (.fromLastYear(let id, let offer), .confirm): return [.create(committeeID: id, from: offer.path)]
            case (.fromLastYear(let id, _), .decline): return [.create(committeeID: id, from: nil)]
            case (.trash(let path), .confirm): return [.trash(path)]
            default: return []
            }
        }
        if pickingCommittee {
            switch action {
            case .selectUp: committeeSelected = max(0, committeeSelected - 1)
            case .selectDown: committeeSelected = min(form.committees.count - 1, committeeSelected + 1)
            case .choose:
                let id = form.committees[committeeSelected].id
                if let existing = drafts.first(where: { $0.committeeID == id && $0.problem == nil }) {
                    question = .secondDraft(committeeID: id, existing: existing.path)
                    return []
                }
                return createOrOffer(id)
            case .close:
                if !drafts.isEmpty { pickingCommittee = false }
            case .quit: return [.quit]
            case .typeText:
                if case .character(let c) = key {
                    let letter = String(c).lowercased()
                    if let index = form.committees.firstIndex(where: { $0.name(language).lowercased().hasPrefix(letter) }) { committeeSelected = index }
                }
            default: break
            }
            return []
        }
        switch action {
        case .selectUp: selected = max(0, selected - 1)
        case .selectDown: selected = min(drafts.count, selected + 1)
        case .choose:
            if selected == drafts.count { pickingCommittee = true; return [] }
            if let problem = drafts[selected].problem {
                message = (phrases.t("Utkastet kan inte läsas: ", "The draft cannot be read: ") + problem, true)
                return []
            }
            return [.open(drafts[selected].path)]
        case .newDraft: pickingCommittee = true
        case .trashDraft:
            guard selected < drafts.count else { return [] }
            question = .trash(path: drafts[selected].path)
        case .help: showingHelp = true
        case .quit: return [.quit]
        default: break
        }
        return []
    }

    public mutating func showMessage(_ text: String, isError: Bool = true) { message = (text, isError) }

    /// A new draft, or first the question whether to start from last year's feedback.
    private mutating func createOrOffer(_ id: String) -> [Command] {
        if let offer = lastYear.first(where: { $0.committeeID == id || $0.committeeID == nil }) {
            question = .fromLastYear(committeeID: id, offer: offer)
            return []
        }
        return [.create(committeeID: id, from: nil)]
    }
}

/// Last year's export or draft for a committee, found by the shell.
public struct LastYearOffer: Sendable, Equatable {
    public var path: String
    public var committeeID: String?
    /// "Export 2027–2030, revision 5, beslutad, 2026-04-10 – pf-aterkoppling-2027_hsn_r5.json"
    public var label: String

    public init(path: String, committeeID: String?, label: String) {
        self.path = path
        self.committeeID = committeeID
        self.label = label
    }
}
