import FeedbackModel

/// Why a draft is open read-only, and who holds it.
public struct ReadOnlyReason: Sendable, Equatable {
    public var message: String
    /// Whether the window may offer to take over once the holder is gone (another window of
    /// a user on this machine holds the lock).
    public var canTakeOver: Bool

    public init(message: String, canTakeOver: Bool = false) {
        self.message = message
        self.canTakeOver = canTakeOver
    }
}

/// The file behind a session and what of the draft has reached it.
public struct DraftFileState: Sendable {
    /// The draft file.
    public internal(set) var path: String
    public internal(set) var readOnly: ReadOnlyReason?
    /// The absolute folder exports are written to.
    public let exportFolder: String
    /// Changes not yet saved to the draft file / not yet in the autosave.
    public internal(set) var unsaved = false
    public internal(set) var unautosaved = false
    var lastEdit = 0.0
    /// When the oldest change not yet in the autosave was made.
    var firstUnautosavedEdit = 0.0
    /// What to do once the save in flight has succeeded.
    var afterSave: AfterSave?
    /// The last export written from this window (path, revision, hash).
    public internal(set) var lastExport: ExportWriter.Outcome?
    /// When the draft was last saved (for the header).
    var savedAt: Timestamp?
}

/// What the session does after a save it asked for.
enum AfterSave: Sendable {
    case quit
    case export(folder: String)
    case render(DocumentKind, path: String, replace: Bool)
    case submit
}

/// A message in the status area: wrapped, never cut.
struct StatusMessage: Sendable, Equatable {
    var text: String
    var isError: Bool
}

/// An open draft in the interface: pages, editors, findings, the one history, the file.
///
/// State changes only in `handle(_:now:)` (keys and the shell's results) and the layout is
/// set by `resize`; `render` draws and changes nothing.
public struct EditorSession: Sendable {
    public let form: FormDefinition
    public let language: Language
    let keymap: Keymap
    /// How messages name actions: the keymap's keys, or plain mode's commands.
    var words: ActionWords
    let validator: Validator
    let phrases: Phrases
    let time: LocalTime
    let pages: [Page]
    /// Makes a new document id (for a copy saved with "save as").
    let makeDocumentID: @Sendable () -> String
    /// The user's local date (for the days left and the late warning), when known.
    public let today: SimpleDate?
    /// Last year's texts, shown beside this year's (Alt-L).
    public let lastYear: LastYearTexts?
    var showLastYear = false
    /// The board's inbox and the last hand-in (set by the shell).
    var board = BoardLink()
    /// Where the export review open (or last opened) leads.
    var exportTarget = ExportTarget.folder
    /// Opened from the board's overview: its keys (next committee, back) show in the hints.
    public internal(set) var fromBoard = false

    /// The draft without its long texts, which live only in the editors (one copy of a long
    /// text in memory, not two); metadata, tables and marks are edited in it directly.
    public internal(set) var draft: Draft
    var editors: [FieldPlace: TextEditor] = [:]
    var history = History()
    var checks = Checks()
    public internal(set) var file: DraftFileState

    var pageIndex = 0
    var focusOnList = false
    var inlineGuidance = true
    var focus: [Int: FieldFocus] = [:]
    var dialog: Dialog?
    /// The draft was decided when this window opened it: its text is the decided one, and
    /// changing it while the status is still the decided one asks first (a yes sets the
    /// status back, so the next changes go ahead).
    var openedDecided = false
    var status: StatusMessage?
    var size = (width: 80, height: 24)
    /// The current heading's guidance wrapped at the page width (set with the layout).
    var guidanceCache: (key: String, lines: [String])?
    /// The header, notice and status lines of the current state (set by `syncView`).
    var frame = Frame()

    public init(form: FormDefinition, draft: Draft, path: String, language: Language, exportFolder: String,
                readOnly: ReadOnlyReason? = nil, time: LocalTime = .current, today: SimpleDate? = nil, lastYear: LastYearTexts? = nil,
                makeDocumentID: @escaping @Sendable () -> String = { UUIDText.random() }) {
        self.form = form
        self.draft = draft
        openedDecided = form.isDecided(status: draft.status(in: form))
        self.language = language
        self.time = time
        self.today = today
        self.lastYear = lastYear
        self.makeDocumentID = makeDocumentID
        keymap = .standard
        words = .keys(.standard, language: language)
        validator = Validator(form: form, today: today)
        phrases = Phrases(language: language)
        pages = Page.all(form)
        file = DraftFileState(path: path, readOnly: readOnly, exportFolder: exportFolder)
        makeEditors()
        revalidateAll()
        focus[0] = FieldFocus(index: firstEditableMetadataField)
        loadLine()
        syncView()
    }

    /// The committee is not the first focus: changing it by accident would be costly.
    private var firstEditableMetadataField: Int {
        form.metadata.firstIndex { $0.kind != .committee } ?? 0
    }

    /// Moves the long texts of `draft` into editors.
    mutating func makeEditors() {
        editors = [:]
        for section in form.sections {
            for field in section.fields where field.kind.isText {
                let place = FieldPlace.section(section.id, field.id)
                editors[place] = TextEditor(text: draft.text(at: place))
                draft.setValue(nil, at: place)
            }
        }
    }

    // MARK: - Pages and places

    var page: Page { pages[pageIndex] }

    enum PageKind: Equatable {
        case details
        case text(FieldPlace)
        case table(FieldPlace)
    }

    func kind(of page: Page) -> PageKind {
        guard let place = place(of: page) else { return .details }
        return editors[place] != nil ? .text(place) : .table(place)
    }

    var pageKind: PageKind { kind(of: page) }

    func place(of page: Page) -> FieldPlace? {
        guard case .field(let s, let f) = page else { return nil }
        let section = form.sections[s]
        return .section(section.id, section.fields[f].id)
    }

    func field(of page: Page) -> FieldDefinition? {
        guard case .field(let s, let f) = page else { return nil }
        return form.sections[s].fields[f]
    }

    func pageIndex(for place: FieldPlace) -> Int? {
        switch place {
        case .metadata: return 0
        case .section(let sectionID, let fieldID):
            guard let s = form.sections.firstIndex(where: { $0.id == sectionID }) else { return nil }
            let f = form.sections[s].fields.firstIndex { $0.id == fieldID } ?? 0
            return pages.firstIndex(of: .field(section: s, field: f))
        }
    }

    /// The keys' context where the user is now.
    var keyContext: KeyContext {
        if let dialog { return dialog.context }
        if focusOnList { return .pageList }
        switch pageKind {
        case .details: return .details
        case .text: return .text
        case .table: return .table
        }
    }

    // MARK: - The draft as it stands

    /// The draft as it stands, with the editors' texts (in NFC, in the stored paragraph form).
    public func currentDraft() -> Draft {
        snapshot().draft()
    }

    /// The draft as it stands, cheaply: the text buffers are shared, not joined.
    public func snapshot() -> DraftSnapshot {
        DraftSnapshot(base: draft, texts: editors.mapValues(\.buffer))
    }

    public var readOnly: ReadOnlyReason? { file.readOnly }
    public var path: String { file.path }
    public var unsaved: Bool { file.unsaved }
    public var unautosaved: Bool { file.unautosaved }

    /// The current value at a place (long texts from their editors).
    func value(at place: FieldPlace) -> FieldValue? {
        if let editor = editors[place] {
            let text = editor.buffer.nfcText
            return text.isEmpty ? nil : .text(text)
        }
        return draft.value(at: place)
    }

    public mutating func showMessage(_ text: String, isError: Bool) {
        status = StatusMessage(text: text, isError: isError)
        syncView()
    }

    static func timestamp(_ now: Double) -> Timestamp { Timestamp(secondsSinceEpoch: Int64(now)) }
}

/// A draft whose long texts are still the editors' buffers (copied in O(1) by sharing).
public struct DraftSnapshot: Sendable {
    let base: Draft
    let texts: [FieldPlace: TextBuffer]

    /// The whole draft, texts joined and in NFC (linear in the text: run it off the key path).
    public func draft() -> Draft {
        var result = base
        for (place, buffer) in texts {
            let text = buffer.nfcText
            result.setValue(text.isEmpty ? nil : .text(text), at: place)
        }
        return result
    }
}

/// Random document ids (a UUID in lower case).
public enum UUIDText {
    public static func random() -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { b in String(b, radix: 16).count == 1 ? "0" + String(b, radix: 16) : String(b, radix: 16) }
        return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
    }
}

/// Last year's texts of the headings, read by the shell from the file a draft was started from.
public struct LastYearTexts: Sendable, Equatable {
    /// Which file, in words ("Export 2027–2030, revision 5 – pf-…_r5.json").
    public var source: String
    public var texts: [FieldPlace: String]

    public init(source: String, texts: [FieldPlace: String]) {
        self.source = source
        self.texts = texts
    }
}
