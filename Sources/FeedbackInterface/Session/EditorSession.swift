import FeedbackModel

/// Why a draft is open read-only.
public struct ReadOnlyReason: Sendable, Equatable {
    public var message: String
    public init(message: String) { self.message = message }
}

/// An open draft in the interface: pages, editors, findings, and what is saved.
public struct EditorSession: Sendable {
    public let form: FormDefinition
    public let language: Language
    /// The draft file.
    public private(set) var path: String
    public let exportFolder: String
    public private(set) var readOnly: ReadOnlyReason?
    /// The draft without its long texts, which live only in the editors (one copy of a long
    /// text in memory, not two); metadata and tables are edited in it directly.
    public internal(set) var draft: Draft
    let validator: Validator
    let phrases: Phrases

    let pages: [Page]
    var pageIndex = 0
    var focusOnList = false
    var showGuidance = true
    var textEditors: [FieldPlace: TextEditor] = [:]
    var focus: [Page: FormFocus] = [:]
    var undo: [FieldPlace?: [ValueSnapshot]] = [:]
    var redo: [FieldPlace?: [ValueSnapshot]] = [:]
    var runOpen = false
    var findings: [FieldPlace: [Finding]] = [:]
    var conditionFindings: [Finding] = []
    var overlay: Overlay?
    /// The guidance of the current section wrapped at the current width.
    var guidanceCache: (key: String, lines: [String])?
    /// A one-line message in the status line and when it was set.
    var status: (text: String, isError: Bool)?

    /// Changes not yet saved to the draft file / not yet in the autosave.
    public private(set) var unsaved = false
    public private(set) var unautosaved = false
    var lastEdit = 0.0
    /// When the oldest change not yet in the autosave was made.
    var firstUnautosavedEdit = 0.0
    var quitAfterSave = false

    public init(form: FormDefinition, draft: Draft, path: String, language: Language, exportFolder: String,
                readOnly: ReadOnlyReason? = nil) {
        self.form = form
        self.draft = draft
        self.path = path
        self.language = language
        self.exportFolder = exportFolder
        self.readOnly = readOnly
        validator = Validator(form: form)
        phrases = Phrases(language: language)
        pages = Page.all(form)
        makeEditors()
        revalidateAll()
        if let reason = readOnly { status = (reason.message, true) }
    }

    /// Moves the long texts of `draft` into editors.
    private mutating func makeEditors() {
        for section in form.sections {
            for field in section.fields where field.kind.isText {
                let place = FieldPlace.section(section.id, field.id)
                textEditors[place] = TextEditor(text: draft.text(at: place))
                draft.setValue(nil, at: place)
            }
        }
    }

    // MARK: - Places

    var page: Page { pages[pageIndex] }

    func place(of page: Page) -> FieldPlace? {
        guard case .field(let s, let f) = page else { return nil }
        let section = form.sections[s]
        return .section(section.id, section.fields[f].id)
    }

    func field(of page: Page) -> FieldDefinition? {
        guard case .field(let s, let f) = page else { return nil }
        return form.sections[s].fields[f]
    }

    func page(for place: FieldPlace) -> Int? {
        switch place {
        case .metadata: return 0
        case .section(let sectionID, let fieldID):
            guard let s = form.sections.firstIndex(where: { $0.id == sectionID }),
                  let f = form.sections[s].fields.firstIndex(where: { $0.id == fieldID }) else { return nil }
            return pages.firstIndex(of: .field(section: s, field: f))
        }
    }

    // MARK: - Validation

    mutating func revalidateAll() {
        for field in form.metadata {
            findings[.metadata(field.id)] = validator.validate(field: field, value: draft.metadata[field.id], at: .metadata(field.id))
        }
        conditionFindings = validator.validateConditions(draft)
        for section in form.sections {
            for field in section.fields { revalidate(.section(section.id, field.id)) }
        }
    }

    mutating func revalidate(_ place: FieldPlace) {
        switch place {
        case .metadata(let id):
            if let field = form.metadataField(id: id) {
                findings[place] = validator.validate(field: field, value: draft.metadata[id], at: place)
            }
            conditionFindings = validator.validateConditions(draft)
        case .section(let sectionID, let fieldID):
            guard let field = form.section(id: sectionID)?.field(id: fieldID) else { return }
            if let editor = textEditors[place] {
                // Counts kept per paragraph; the text itself only for pattern rules.
                let text = field.rules.pattern == nil ? nil : editor.buffer.nfcText
                findings[place] = validator.validateText(field: field, stats: editor.buffer.textStats, text: text, at: place)
            } else {
                findings[place] = validator.validate(field: field, value: draft.value(at: place), at: place)
            }
        }
    }

    /// Every finding, in form order.
    public var allFindings: [Finding] {
        var result: [Finding] = []
        for field in form.metadata { result += findings[.metadata(field.id)] ?? [] }
        result += conditionFindings
        for section in form.sections {
            for field in section.fields { result += findings[.section(section.id, field.id)] ?? [] }
        }
        return result
    }

    func findings(ofSection index: Int?) -> [Finding] {
        guard let index else {
            return form.metadata.flatMap { findings[.metadata($0.id)] ?? [] } + conditionFindings
        }
        let section = form.sections[index]
        return section.fields.flatMap { findings[.section(section.id, $0.id)] ?? [] }
    }

    func hasContent(_ place: FieldPlace) -> Bool {
        if let editor = textEditors[place] { return editor.buffer.wordTotal > 0 }
        return Progress.hasContent(draft.value(at: place))
    }

    /// The marker state of the metadata page (nil) or a section.
    func state(ofSection index: Int?) -> PartState {
        if let index {
            let section = form.sections[index]
            let content = section.fields.contains { hasContent(.section(section.id, $0.id)) }
            return Progress.state(hasContent: content, findings: findings(ofSection: index))
        }
        let content = form.metadata.contains { field in
            field.kind != .committee && field.id != form.statusFieldID && hasContent(.metadata(field.id))
        }
        return Progress.state(hasContent: content, findings: findings(ofSection: nil))
    }

    var sectionsDone: Int {
        form.sections.indices.filter { Progress.isDone(findings(ofSection: $0)) }.count
    }

    // MARK: - The draft as it stands

    /// The draft as it stands, with the editors' texts (in NFC).
    public func currentDraft() -> Draft {
        snapshot().draft()
    }

    /// The draft as it stands, cheaply: the text buffers are shared, not joined.
    public func snapshot() -> DraftSnapshot {
        DraftSnapshot(base: draft, texts: textEditors.mapValues(\.buffer))
    }

    /// Notes an edit: the draft differs from the file and from the autosave.
    mutating func edited(_ now: Double) {
        if !unautosaved { firstUnautosavedEdit = now }
        unsaved = true
        unautosaved = true
        lastEdit = now
    }

    // MARK: - Saving

    /// The draft to write to its file: a new revision and modification time.
    public func draftForSaving(now: Timestamp) -> Draft {
        var draft = currentDraft()
        draft.revision += 1
        draft.modified = now
        return draft
    }

    /// The file was written.
    public mutating func saved(_ written: Draft, to path: String) {
        draft.revision = written.revision
        draft.modified = written.modified
        self.path = path
        unsaved = false
        unautosaved = false
        status = (phrases.t("Sparat: \(Sanitizer.visible(path))", "Saved: \(Sanitizer.visible(path))"), false)
    }

    public mutating func autosaveTaken() {
        unautosaved = false
    }

    /// The last autosave did not reach the disk: the changes are pending again.
    public mutating func autosaveFailed() {
        if unsaved && !unautosaved {
            unautosaved = true
            firstUnautosavedEdit = lastEdit
        }
    }

    /// Whether an autosave is due: changes newer than the autosave, and a pause in typing or
    /// long enough since the first unsaved change (so at most ~0.5 s of typing is only in memory).
    public func autosaveDue(now: Double) -> Bool {
        guard unautosaved, readOnly == nil else { return false }
        return now - lastEdit >= 0.25 || now - firstUnautosavedEdit >= 0.5
    }

    /// Takes the restored autosave instead of the draft read from the file.
    mutating func restore(_ autosaved: Draft, now: Double) {
        draft = autosaved
        makeEditors()
        revalidateAll()
        edited(now)
        status = (phrases.t("Den autosparade versionen är återställd; spara med Ctrl-S.", "The autosaved version is restored; save with Ctrl-S."), false)
    }

    public mutating func showMessage(_ text: String, isError: Bool) {
        status = (text, isError)
    }
}

/// What differs between a draft and a newer autosave of it, per part.
public enum DraftDifferences {
    public static func describe(from old: Draft, to new: Draft, form: FormDefinition, language: Language) -> [String] {
        let p = Phrases(language: language)
        var lines: [String] = []
        let metadataChanged = form.metadata.contains { old.metadata[$0.id] != new.metadata[$0.id] }
        if metadataChanged { lines.append(p.t("Uppgifter: ändrade", "Details: changed")) }
        for section in form.sections {
            var parts: [String] = []
            for field in section.fields {
                let place = FieldPlace.section(section.id, field.id)
                let a = old.value(at: place)
                let b = new.value(at: place)
                guard a != b else { continue }
                if field.kind.isText {
                    let before = TextRules.stats(TextRules.nfc(old.text(at: place))).characters
                    let after = TextRules.stats(TextRules.nfc(new.text(at: place))).characters
                    let delta = after - before
                    let sign = delta > 0 ? "+" : delta < 0 ? "−" : "±"
                    parts.append(p.t("\(field.label.sv): \(sign)\(p.count(abs(delta))) tecken", "\(field.label.en): \(sign)\(p.count(abs(delta))) characters"))
                } else {
                    parts.append(p.t("\(field.label.sv): \(b?.rows.count ?? 0) rader (var \(a?.rows.count ?? 0))",
                                     "\(field.label.en): \(b?.rows.count ?? 0) rows (was \(a?.rows.count ?? 0))"))
                }
            }
            if !parts.isEmpty { lines.append("\(section.number). \(section.shortTitle[language]): " + parts.joined(separator: ", ")) }
        }
        return lines
    }
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
