import FeedbackModel

/// The session's dialogs in plain lines: what a box would show, as sentences, and yes/no.
extension PlainSession {
    /// Says what the open dialog says, and closes those that only inform.
    mutating func describeDialog() -> [String] {
        guard let dialog = session.dialog else { return [] }
        switch dialog {
        case .working, .help, .guidance, .findings, .exportMenu, .choice:
            return []
        case .changes(let report, _):
            app.session!.dialog = nil
            var lines = report.notes
            for group in report.groups {
                lines.append(group.title + ":")
                lines += group.entries.map(\.text)
            }
            if report.entries.isEmpty { lines.append(phrases.t("Inga ändringar.", "No changes.")) }
            return lines
        case .message(let title, let lines, _):
            app.session!.dialog = nil
            return [title + "."] + lines
        case .exportDone(let done):
            app.session!.dialog = nil
            return [done.unchanged ? phrases.t("Samma innehåll var redan exporterat: \(Sanitizer.visible(done.path)).",
                                               "The same content was already exported: \(Sanitizer.visible(done.path)).")
                                   : phrases.t("Exporterat: \(Sanitizer.visible(done.path)).", "Exported: \(Sanitizer.visible(done.path))."),
                    "SHA-256: \(done.contentSha256)."]
        case .exportReview(let findings, _):
            let handIn = session.exportTarget == .inbox
            if findings.hasErrors {
                app.session!.dialog = nil
                return [handIn ? phrases.t("Inlämningen stoppas av \(phrases.errors(findings.errorCount)). Kontroll visar var.",
                                           "The hand-in is blocked by \(phrases.errors(findings.errorCount)). Check shows where.")
                               : phrases.t("Exporten stoppas av \(phrases.errors(findings.errorCount)). Kontroll visar var.",
                                           "The export is blocked by \(phrases.errors(findings.errorCount)). Check shows where.")]
                    + findings.filter { $0.severity == .error }.map(findingLine)
            }
            mode = .answering
            var lines = findings.map(findingLine)
            if handIn {
                lines.append(findings.isEmpty ? phrases.t("Inga fel eller varningar. Lämna in till \(Sanitizer.visible(session.board.inbox ?? "")) nu? Svara ja eller nej.",
                                                          "No errors or warnings. Hand in to \(Sanitizer.visible(session.board.inbox ?? "")) now? Answer yes or no.")
                                              : phrases.t("\(phrases.warnings(findings.warningCount)). Lämna in ändå? Svara ja eller nej.",
                                                          "\(phrases.warnings(findings.warningCount)). Hand in anyway? Answer yes or no."))
            } else {
                lines.append(findings.isEmpty ? phrases.t("Inga fel eller varningar. Exportera nu? Svara ja eller nej.", "No errors or warnings. Export now? Answer yes or no.")
                                              : phrases.t("\(phrases.warnings(findings.warningCount)). Exportera ändå? Svara ja eller nej.",
                                                          "\(phrases.warnings(findings.warningCount)). Export anyway? Answer yes or no."))
            }
            return lines
        case .question(let question):
            mode = .answering
            return [question.title + "."] + question.lines + [question.yes + ". " + question.no + "."]
        case .quitFailed(let problem, let copy):
            app.session!.dialog = nil
            return [phrases.t("Inte sparat: ", "Not saved: ") + problem,
                    copy.map { phrases.t("Texten är säkrad i \(Sanitizer.visible($0)).", "The text is kept safe in \(Sanitizer.visible($0)).") }
                        ?? phrases.t("Ingen kopia kunde skrivas: avslutar du nu går ändringarna förlorade.", "No copy could be written: if you quit now, the changes are lost."),
                    phrases.t("Skriv spara som FIL, eller avsluta ändå.", "Type save as FILE, or quit anyway.")]
        case .fileName(let prompt):
            guard let problem = prompt.problem else { return [] }
            mode = .fileName
            return [problem, phrases.t("Skriv ett annat filnamn, eller en tom rad för att avbryta.", "Type another file name, or an empty line to cancel.")]
        case .importReview(let proposal, _):
            mode = .answering
            var lines = proposal.report
            if !proposal.conflicts.isEmpty && !proposal.replace {
                lines.append(phrases.t("Har redan innehåll: ", "Already has content: ") + proposal.conflicts.joined(separator: ", ")
                             + phrases.t(". Svara ersätt för att ersätta, eller nej.", ". Answer replace to replace it, or no."))
            } else {
                lines.append(phrases.t("Ta in texten? Svara ja eller nej (ersätt ersätter även ifyllda rubriker, rubrik 6 lägger oplacerad text där).",
                                       "Take the text in? Answer yes or no (replace also replaces filled headings, heading 6 puts unplaced text there)."))
            }
            return lines
        }
    }

    /// An answer to the open question: the same keys the dialog takes in the full interface.
    mutating func answer(_ line: String, now: Double) -> PlainStep {
        var step = PlainStep()
        let word = line.trimmingWhitespace.lowercased()
        let key: Key
        switch word {
        case "ja", "j", "yes", "y": key = .character("j")
        case "nej", "n", "no": key = .character("n")
        case "ersätt", "replace", "e", "r": key = .character("e")
        case "rubrik 6", "heading 6", "ö", "o": key = .character("ö")
        default:
            step.lines = [phrases.t("Svara ja eller nej.", "Answer yes or no.")]
            return step
        }
        mode = .command
        let before = session.status
        step.commands = app.handle(.key(key), now: now)
        if session.dialog == nil, let status = session.status, status != before { step.lines.append(status.text) }
        if session.dialog == nil, step.lines.isEmpty, key == .character("n") {
            step.lines = [phrases.t("Nej; inget ändrades.", "No; nothing changed.")]
        }
        return step
    }

    /// A file name typed after the session asked for one (save as after a failed save).
    mutating func fileName(_ line: String, now: Double) -> PlainStep {
        var step = PlainStep()
        mode = .command
        let name = line.trimmingWhitespace
        guard !name.isEmpty, case .fileName(let prompt) = session.dialog else {
            app.session!.dialog = nil
            step.lines = [phrases.t("Avbrutet.", "Cancelled.")]
            return step
        }
        app.session!.dialog = nil
        step.commands = edit { $0.fileNameChosen(name, purpose: prompt.purpose, now: now) }
        return step
    }
}
