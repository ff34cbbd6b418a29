import FeedbackModel

/// A box over the page that takes the keys until it closes.
enum Dialog: Sendable {
    case help(scroll: Int)
    /// The whole guidance of the current heading (or the details page's help).
    case guidance(scroll: Int)
    case findings(selected: Int)
    /// What changed since the last export and since last year; Enter goes there.
    case changes(ChangesReport, selected: Int)
    /// Ctrl-E: export for the board, the committee's document, or import text.
    case exportMenu(selected: Int)
    /// The findings before an export: errors block it, warnings ask.
    case exportReview(findings: [Finding], selected: Int)
    /// Work in progress (saving, exporting).
    case working(title: String, text: String)
    case exportDone(ExportWriter.Outcome)
    /// A message to read; any key closes it.
    case message(title: String, lines: [String], isError: Bool)
    case question(Question)
    /// A file name typed: save as, a document to write, a document to import.
    case fileName(FileNamePrompt)
    /// What an import would do, before it is done.
    case importReview(ImportProposal, scroll: Int)
    /// Saving failed while quitting; where the text is (an emergency copy), if anywhere.
    case quitFailed(problem: String, emergencyCopy: String?)
    case choice(ChoicePicker)

    var context: KeyContext {
        switch self {
        case .help, .guidance: return .reading
        case .findings, .changes: return .findingsList
        case .exportReview: return .exportReview
        case .working, .exportDone, .message: return .message
        case .question: return .question
        case .fileName: return .fileName
        case .exportMenu: return .exportMenu
        case .importReview: return .importReview
        case .quitFailed: return .quitFailed
        case .choice: return .choicePicker
        }
    }
}

/// A yes/no question and what a yes does.
struct Question: Sendable {
    enum Subject: Sendable {
        /// An autosave newer than the draft: take it?
        case restoreAutosave(Draft, differences: [String])
        /// Change the committee of the draft.
        case changeCommittee(to: String, focus: Focus)
        /// Save as (or a document) onto a file that exists.
        case replaceFile(Draft, path: String, purpose: FileNamePrompt.Purpose)
        /// The holder of the lock has closed the draft: take it over?
        case takeOver
        /// The draft changed on disk since it was opened: replace it with this window's text?
        case overwriteChanged
        /// Hand this draft in as the replacement of the committee's accepted answer?
        case replaceAnswer(Draft)
        /// The text is the decided one: change it anyway (the status goes back)?
        case changeDecided(Edit, before: Focus)
    }

    var subject: Subject
    var title: String
    var lines: [String]
    var yes: String
    var no: String
}

/// A list of choices for a choice field or cell; nothing changes until one is chosen.
struct ChoicePicker: Sendable {
    var place: FieldPlace
    /// The table row and cell key, for a cell.
    var row: Int?
    var key: String?
    var title: String
    var options: [(id: String, label: String)]
    var selected: Int
    var current: String?
}

/// A file name being typed, and what it is for.
struct FileNamePrompt: Sendable {
    enum Purpose: Sendable, Equatable {
        /// Save as: a copy with its own document id.
        case saveCopy
        /// Write the committee's document.
        case render(DocumentKind)
        /// Read a Word or Markdown document into the draft.
        case importFrom
    }
    var line: LineEditor
    var purpose: Purpose
    var problem: String?
}

/// What Ctrl-E offers.
enum MenuChoice: Sendable, Equatable, CaseIterable {
    case boardExport, submit, document(DocumentKind), importDocument

    static var allCases: [MenuChoice] {
        [.boardExport, .submit] + DocumentKind.allCases.map { .document($0) } + [.importDocument]
    }
}

/// The committee's document as a file: Word, a web page for printing, or Markdown.
public enum DocumentKind: String, Sendable, CaseIterable {
    case docx, html, md

    public var fileExtension: String { rawValue }
}

/// An import worked out by the shell (the core reads no files): the values it would set,
/// and the report to show before anything is changed.
public struct ImportProposal: Sendable {
    public struct Value: Sendable {
        public var place: FieldPlace
        public var value: FieldValue?

        public init(place: FieldPlace, value: FieldValue?) {
            self.place = place
            self.value = value
        }
    }

    public var file: String
    public var values: [Value]
    /// The report, line by line, in the interface's language.
    public var report: [String]
    /// Headings or tables that have content and would be replaced only on request.
    public var conflicts: [String]
    /// Text no heading took (kept in a side file unless it goes under the form's fallback heading).
    public var sideFileText: String?
    public var replace: Bool
    public var unplacedToOther: Bool

    public init(file: String, values: [Value], report: [String], conflicts: [String], sideFileText: String?,
                replace: Bool, unplacedToOther: Bool) {
        self.file = file
        self.values = values
        self.report = report
        self.conflicts = conflicts
        self.sideFileText = sideFileText
        self.replace = replace
        self.unplacedToOther = unplacedToOther
    }
}

/// What changed, worked out by the shell (it reads the export and last year's file).
public struct ChangesReport: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// Where to go (nil: nothing to go to, e.g. a removed row).
        public var place: FieldPlace?
        public var row: Int?
        public var text: String

        public init(place: FieldPlace?, row: Int?, text: String) {
            self.place = place
            self.row = row
            self.text = text
        }
    }

    public struct Group: Sendable, Equatable {
        /// "Sedan exporten (revision 3)", "Sedan förra året", and the part: "1. Mål och uppdrag".
        public var title: String
        public var entries: [Entry]

        public init(title: String, entries: [Entry]) {
            self.title = title
            self.entries = entries
        }
    }

    public var groups: [Group]
    /// What there was nothing to compare with ("ingen export än").
    public var notes: [String]

    public init(groups: [Group], notes: [String]) {
        self.groups = groups
        self.notes = notes
    }

    var entries: [Entry] { groups.flatMap(\.entries) }
}
