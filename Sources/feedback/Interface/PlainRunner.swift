import FeedbackInterface
import FeedbackModel
import FeedbackTerminal
import Foundation

/// The accessible mode (`feedback --plain`, `fill --plain`, `FEEDBACK_PLAIN=1`, `TERM=dumb`):
/// plain lines in and out, on the same session and the same file work as the full-screen
/// interface. Also the way to run a script of commands: `feedback fill --plain d.json < script`.
final class PlainRunner {
    let shell: DraftShell
    let input = LineInput()
    var plain: PlainSession?
    let phrases: (String, String) -> String
    var language: Language { shell.language }

    init(shell: DraftShell) {
        self.shell = shell
        let language = shell.language
        phrases = { sv, en in language == .sv ? sv : en }
        shell.runEditor = { text in ExternalEditor.edit(text, language: language) }
    }

    static func now() -> Double { Date().timeIntervalSince1970 }

    /// Every line goes out safe to print: no escape sequence, ever.
    func say(_ lines: [String]) {
        for line in lines { LineInput.write(Sanitizer.visible(line) + "\n") }
    }

    func prompt(_ text: String) { LineInput.write(Sanitizer.visible(text)) }

    /// Runs until `avsluta` (or the end of the script, or a signal); returns the exit code.
    func run(draft path: String?, loaded: (Draft, FormDefinition, DiskIdentity)?, start: StartScreen) -> Int32 {
        if let path {
            guard open(path, loaded: loaded.map { ($0.0, $0.1) }, identity: loaded?.2) else { return finish(code: 2) }
        } else if !chooseDraft(start) {
            return finish(code: 0)
        }
        loop: while let current = plain {
            if let text = current.prompt(pasting: input.isInteractive && input.hasLineWaiting) { prompt(text) }
            switch input.next() {
            case .line(let line):
                // A script's lines are not echoed by a terminal: the transcript shows them.
                if !input.isInteractive { LineInput.write(Sanitizer.visible(line) + "\n") }
                var step = plain!.handle(line, now: PlainRunner.now())
                say(step.lines)
                step.finished = execute(step.commands) || step.finished
                absorbAutosaves()
                if step.finished {
                    shell.remember(plain?.app.session)
                    break loop
                }
            case .signal, .endOfInput:
                if !input.isInteractive { LineInput.write("\n") }
                // Told to stop, or the script ended: nothing typed is lost.
                _ = execute(plain!.emergencySave(now: PlainRunner.now()))
                break loop
            }
            _ = current
        }
        return finish(code: 0)
    }

    /// Carries out commands and tells the session what happened; true once it has ended.
    func execute(_ commands: [AppCommand]) -> Bool {
        var finished = false
        for command in commands {
            guard case .session(let sessionCommand) = command else { continue }
            if case .quit = sessionCommand { finished = true; continue }
            guard let event = shell.execute(sessionCommand, session: plain?.app.session) else { continue }
            let step = plain!.handle(event, now: PlainRunner.now())
            say(step.lines)
            finished = execute(step.commands) || step.finished || finished
        }
        return finished
    }

    func absorbAutosaves() {
        for event in shell.finishedAutosaveEvents() {
            let step = plain!.handle(event, now: PlainRunner.now())
            say(step.lines)
            _ = execute(step.commands)
        }
    }

    func open(_ path: String, loaded: (Draft, FormDefinition)?, identity: DiskIdentity?) -> Bool {
        switch shell.open(path, loaded: loaded, identity: identity) {
        case .opened(let session, let restore):
            var plain = PlainSession(session: session)
            say(plain.opening())
            if let restore { say(plain.offerRestore(restore)) }
            self.plain = plain
            return true
        case .failed(let message):
            say([message])
            return false
        }
    }

    func finish(code: Int32) -> Int32 {
        let (notes, shellCode) = shell.shutDown(session: plain?.app.session)
        input.close()
        for note in notes { FileHandle.standardError.write(Data((note + "\n").utf8)) }
        return code != 0 ? code : shellCode
    }

    // MARK: - Choosing a draft (the start screen in lines)

    /// Lists the drafts and the committees and opens or creates one; false when the user quits.
    func chooseDraft(_ start: StartScreen) -> Bool {
        let form = start.form
        let drafts = start.drafts
        say(drafts.isEmpty ? [phrases("Inga utkast ännu i \(start.folder).", "No drafts yet in \(start.folder).")]
                           : [phrases("Dina utkast i \(start.folder):", "Your drafts in \(start.folder):")]
                             + drafts.enumerated().map { i, d in
                                 d.problem.map { "\(i + 1) \(FileStore.fileName(of: d.path)): \($0)" }
                                     ?? "\(i + 1) \(d.committee), \(d.status), \(d.done) av \(d.total) klara: \(FileStore.fileName(of: d.path))"
                                     + (d.handIn.map { " · " + phrases("regionstyrelsen: ", "the regional board: ") + $0.text } ?? "")
                             })
        say([phrases("Skriv öppna och ett nummer, ny och nämndens nummer (nämnder listar dem), eller avsluta.",
                     "Type open and a number, new and the committee's number (committees lists them), or quit.")])
        while true {
            prompt(phrases("start> ", "start> "))
            guard case .line(let raw) = input.next() else { return false }
            if !input.isInteractive { LineInput.write(Sanitizer.visible(raw) + "\n") }
            let words = raw.trimmingWhitespace.lowercased().split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            let number = words.count > 1 ? Int(words[1]) : nil
            switch first {
            case "öppna", "open":
                guard let n = number, n >= 1, n <= drafts.count else { say([phrases("Välj ett utkast 1 till \(drafts.count).", "Choose a draft 1 to \(drafts.count).")]); continue }
                if open(drafts[n - 1].path, loaded: nil, identity: nil) { return true }
            case "nämnder", "committees":
                say(form.committees.enumerated().map { "\($0.offset + 1) \($0.element.name(language))" })
            case "ny", "new":
                guard let n = number, n >= 1, n <= form.committees.count else {
                    say([phrases("Skriv ny och nämndens nummer; nämnder listar dem.", "Type new and the committee's number; committees lists them.")])
                    continue
                }
                let committee = form.committees[n - 1]
                // As the full screen does: a second draft for a committee only when asked for.
                if let existing = drafts.first(where: { $0.committeeID == committee.id && $0.problem == nil }) {
                    say([phrases("Det finns redan ett utkast för \(committee.name): \(Sanitizer.visible(FileStore.fileName(of: existing.path))). Skapa ett till? Nämndens svar är ett dokument; ett andra lämnas bara in som ersättning. Svara ja eller nej.",
                                 "There is already a draft for \(committee.nameEn): \(Sanitizer.visible(FileStore.fileName(of: existing.path))). Make another? The committee's answer is one document; a second is handed in only as a replacement. Answer yes or no.")])
                    prompt(phrases("ja eller nej> ", "yes or no> "))
                    guard case .line(let answer) = input.next() else { return false }
                    if !input.isInteractive { LineInput.write(Sanitizer.visible(answer) + "\n") }
                    guard ["ja", "j", "yes", "y"].contains(answer.trimmingWhitespace.lowercased()) else {
                        say([phrases("Inget nytt utkast; öppna \(drafts.firstIndex { $0.path == existing.path }.map { $0 + 1 } ?? 1) öppnar det som finns.",
                                     "No new draft; open \(drafts.firstIndex { $0.path == existing.path }.map { $0 + 1 } ?? 1) opens the one there is.")])
                        continue
                    }
                }
                var from: String?
                if let offer = start.lastYear.first(where: { $0.committeeID == committee.id || $0.committeeID == nil }) {
                    say([phrases("Förra årets återkoppling finns: \(offer.label). Börja därifrån? Svara ja eller nej.",
                                 "Last year's feedback is there: \(offer.label). Start from it? Answer yes or no.")])
                    prompt(phrases("ja eller nej> ", "yes or no> "))
                    guard case .line(let answer) = input.next() else { return false }
                    if !input.isInteractive { LineInput.write(Sanitizer.visible(answer) + "\n") }
                    if ["ja", "j", "yes", "y"].contains(answer.trimmingWhitespace.lowercased()) { from = offer.path }
                }
                switch shell.create(committee.id, from: from) {
                case .created(let path): if open(path, loaded: nil, identity: nil) { return true }
                case .failed(let message): say([message])
                }
            case "avsluta", "quit":
                return false
            default:
                say([phrases("Skriv öppna N, ny N, nämnder eller avsluta.", "Type open N, new N, committees or quit.")])
            }
        }
    }
}
