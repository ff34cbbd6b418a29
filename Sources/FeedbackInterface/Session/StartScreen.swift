import FeedbackModel

/// One draft on the start screen.
public struct DraftSummary: Sendable, Equatable {
    public var path: String
    public var committee: String
    public var status: String
    public var modified: Timestamp?
    public var done: Int
    public var total: Int
    /// Why the file could not be read, if it could not.
    public var problem: String?

    public init(path: String, committee: String, status: String, modified: Timestamp?, done: Int, total: Int, problem: String? = nil) {
        self.path = path
        self.committee = committee
        self.status = status
        self.modified = modified
        self.done = done
        self.total = total
        self.problem = problem
    }

    /// The summary of a readable draft.
    public static func of(_ draft: Draft, form: FormDefinition, path: String, language: Language) -> DraftSummary {
        let progress = Progress.summary(draft, form: form)
        let committee = draft.committeeID(in: form).flatMap { form.committee(id: $0)?.name(language) } ?? "–"
        let status = form.metadataField(id: "status")?.options.first { $0.id == draft.status(in: form) }?.label[language] ?? ""
        return DraftSummary(path: path, committee: committee, status: status, modified: draft.modified,
                            done: progress.done, total: progress.total)
    }
}

/// The first screen: resume one of the user's drafts or start a new one.
public struct StartScreen: Sendable {
    public let form: FormDefinition
    public let language: Language
    public let folder: String
    public var drafts: [DraftSummary]
    var selected = 0
    var pickingCommittee = false
    var committeeSelected = 0
    var message: String?
    let phrases: Phrases

    public init(form: FormDefinition, language: Language, folder: String, drafts: [DraftSummary], message: String? = nil) {
        self.form = form
        self.language = language
        self.folder = folder
        self.drafts = drafts.sorted { ($0.modified?.secondsSinceEpoch ?? 0) > ($1.modified?.secondsSinceEpoch ?? 0) }
        self.message = message
        phrases = Phrases(language: language)
        if drafts.isEmpty { pickingCommittee = true }
    }

    public enum Command: Sendable, Equatable {
        case open(String)
        case create(committeeID: String)
        case quit
    }

    public mutating func handle(_ key: Key) -> [Command] {
        message = nil
        if pickingCommittee {
            switch key {
            case .up: committeeSelected = max(0, committeeSelected - 1)
            case .down: committeeSelected = min(form.committees.count - 1, committeeSelected + 1)
            case .enter: return [.create(committeeID: form.committees[committeeSelected].id)]
            case .escape, .left:
                if drafts.isEmpty { return [] }
                pickingCommittee = false
            case .control("q"), .control("x"): return [.quit]
            case .character(let c):
                let letter = String(c).lowercased()
                if let index = form.committees.firstIndex(where: { $0.name(language).lowercased().hasPrefix(letter) }) { committeeSelected = index }
            default: break
            }
            return []
        }
        switch key {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(drafts.count, selected + 1)
        case .enter:
            if selected == drafts.count { pickingCommittee = true; return [] }
            guard drafts[selected].problem == nil else {
                message = phrases.t("Utkastet kan inte läsas: ", "The draft cannot be read: ") + (drafts[selected].problem ?? "")
                return []
            }
            return [.open(drafts[selected].path)]
        case .character("n"), .character("N"), .control("r"): pickingCommittee = true
        case .character("q"), .character("Q"), .control("q"), .control("x"), .escape: return [.quit]
        default: break
        }
        return []
    }

    public mutating func showMessage(_ text: String) { message = text }

    public func render(into grid: inout ScreenGrid) {
        let p = phrases
        let width = grid.width
        grid.cursor = nil
        grid.fill(row: 0, column: 0, width: width, height: 1, style: Style(.header, bold: true))
        grid.put(" " + form.title[language], row: 0, column: 0, limit: width, style: Style(.header, bold: true))
        var y = 2
        grid.put(p.t("Planperiod \(form.planPeriod.label) · PF \(form.premises.caseNumber) · svar senast \(form.deadline)",
                     "Plan period \(form.planPeriod.label) · PF \(form.premises.caseNumber) · committees answer by \(form.deadline)"),
                 row: y, column: 2, limit: width - 1, style: Style(.muted))
        y += 2
        if pickingCommittee {
            grid.put(p.t("Nytt utkast – välj nämnd:", "New draft – choose the committee:"), row: y, column: 2, limit: width, style: Style(.accent, bold: true))
            y += 1
            let listHeight = grid.height - y - 3
            let first = min(max(0, committeeSelected - listHeight / 2), max(0, form.committees.count - listHeight))
            for (i, committee) in form.committees.enumerated().dropFirst(first).prefix(max(0, listHeight)) {
                let style = i == committeeSelected ? Style(.selection, bold: true, reverse: true) : Style()
                grid.fill(row: y, column: 2, width: width - 4, height: 1, style: style)
                grid.put("  " + committee.name(language), row: y, column: 2, limit: width - 2, style: style)
                y += 1
            }
            hint(&grid, drafts.isEmpty ? p.t("↑↓ välj · Enter skapar utkastet · Ctrl-Q avslutar", "↑↓ choose · Enter creates the draft · Ctrl-Q quits")
                                       : p.t("↑↓ välj · Enter skapar utkastet · Esc tillbaka", "↑↓ choose · Enter creates the draft · Esc back"))
        } else {
            grid.put(p.t("Dina utkast", "Your drafts") + " (\(folder)):", row: y, column: 2, limit: width, style: Style(.accent, bold: true))
            y += 1
            let listHeight = grid.height - y - 3
            let first = min(max(0, selected - listHeight / 2), max(0, drafts.count + 1 - listHeight))
            for i in first..<min(drafts.count + 1, first + max(0, listHeight)) {
                let style = i == selected ? Style(.selection, bold: true, reverse: true) : Style()
                grid.fill(row: y, column: 2, width: width - 4, height: 1, style: style)
                if i == drafts.count {
                    grid.put("  + " + p.t("Nytt utkast …", "New draft …"), row: y, column: 2, limit: width - 2, style: style)
                } else {
                    let d = drafts[i]
                    let line: String
                    if let problem = d.problem {
                        line = "  \(FileStore.fileName(of: d.path)) – \(problem)"
                    } else {
                        let modified = d.modified.map { String($0.description.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? ""
                        line = "  \(d.committee.padding(toWidth: 29))\(d.status.padding(toWidth: 16))\(modified.padding(toWidth: 17))\(p.done(d.done, of: d.total))"
                    }
                    grid.put(line, row: y, column: 2, limit: width - 2, style: d.problem == nil ? style : Style(.error))
                }
                y += 1
            }
            hint(&grid, p.t("↑↓ välj · Enter öppnar · N nytt utkast · Q avslutar", "↑↓ choose · Enter opens · N new draft · Q quits"))
        }
        if let message {
            grid.put(" " + message, row: grid.height - 2, column: 0, limit: width, style: Style(.error, bold: true))
        }
    }

    private func hint(_ grid: inout ScreenGrid, _ text: String) {
        grid.fill(row: grid.height - 1, column: 0, width: grid.width, height: 1, style: Style(.header))
        grid.put(" " + text, row: grid.height - 1, column: 0, limit: grid.width, style: Style(.header))
    }
}
