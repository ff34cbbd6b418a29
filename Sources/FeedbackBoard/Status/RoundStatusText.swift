import FeedbackModel

/// The round's status as text for a terminal (every text from a file made safe to print)
/// and as JSON for scripts.
extension RoundStatus {
    /// The label of a status option in the form (e.g. beslutad / decided).
    func statusLabel(_ id: String?, _ language: Language) -> String {
        guard let id else { return "?" }
        return Sanitizer.visible(form.statusLabel(id, language))
    }

    /// One committee's line after its id and name.
    public func line(for state: CommitteeState, language: Language) -> String {
        let sv = language == .sv
        var parts: [String] = []
        switch state.kind {
        case .missing:
            parts.append(sv ? "saknas" : "missing")
        case .refused:
            if let refusal = state.latestRefusal ?? nil { parts.append(refusalText(refusal, language)) }
        case .received:
            guard let receipt = state.accepted else { break }
            let facts = receipt.export
            var text = sv ? "mottagen r\(facts.revision ?? 0) \(SwedishTime.minuteText(receipt.handIn.handedInAt))"
                          : "received r\(facts.revision ?? 0) \(SwedishTime.minuteText(receipt.handIn.handedInAt))"
            text += ", " + (receipt.onTime ? (sv ? "i tid" : "on time") : (sv ? "sen" : "late"))
            text += ", " + statusLabel(facts.status, language)
            if let done = facts.headingsDone, let total = facts.headings {
                text += sv ? ", \(done) av \(total) rubriker utan fel" : ", \(done) of \(total) headings without findings"
            }
            if let warnings = facts.warnings, warnings > 0 {
                text += sv ? " (\(warnings) \(warnings == 1 ? "varning" : "varningar"))" : " (\(warnings) \(warnings == 1 ? "warning" : "warnings"))"
            }
            text += sv ? ", av \(Sanitizer.visible(receipt.handIn.owner))" : ", by \(Sanitizer.visible(receipt.handIn.owner))"
            parts.append(text)
            // A changed archive file first: the answer no longer counts.
            if let problem = state.archiveProblem { parts.insert((sv ? "ÄNDRAD: " : "CHANGED: ") + problem[language], at: 0) }
            if let replaced = state.replaced { parts.append(replacementText(replaced, language)) }
            if let refusal = state.latestRefusal {
                parts.append((sv ? "senare inlämning " : "later hand-in ") + refusalText(refusal, language))
            }
        }
        if let allowed = allowedText(state.committee.id, language) { parts.append(allowed) }
        return parts.joined(separator: "; ")
    }

    /// "ersätter dokumentet D (r5, av anna)": the answer a replacement took the place of.
    func replacementText(_ replaced: Receipt, _ language: Language) -> String {
        let document = Sanitizer.visible(replaced.export.documentID ?? "?")
        let revision = replaced.export.revision.map { "r\($0)" } ?? "r?"
        let owner = Sanitizer.visible(replaced.handIn.owner)
        return language == .sv ? "ersätter dokumentet \(document) (\(revision), av \(owner))"
                               : "replaces the document \(document) (\(revision), by \(owner))"
    }

    func refusalText(_ receipt: Receipt, _ language: Language) -> String {
        let sv = language == .sv
        var text = (sv ? "avvisad " : "refused ") + SwedishTime.minuteText(receipt.handIn.handedInAt)
        if let first = receipt.reasons.first {
            text += ": " + Sanitizer.visible(first.message[language])
            if receipt.reasons.count > 1 {
                text += sv ? " (+\(receipt.reasons.count - 1) skäl till)" : " (+\(receipt.reasons.count - 1) more)"
            }
        }
        return text
    }

    /// "får lämna in: anna, @hsn", or the warning that nobody may (a `--group` round), or nil
    /// when the round has no list for the committee and needs none.
    func allowedText(_ committee: String, _ language: Language) -> String? {
        let entries = permissions.entries(for: committee)
        if entries.isEmpty {
            guard requiresPermissions else { return nil }
            return language == .sv ? "VARNING: ingen får lämna in (feedback board allow)" : "WARNING: nobody may hand in (feedback board allow)"
        }
        return (language == .sv ? "får lämna in: " : "may hand in: ") + entries.map { Sanitizer.visible($0) }.joined(separator: ", ")
    }

    /// The committees nobody may hand in for, in a round that requires a list.
    public var committeesNobodyMayHandInFor: [Committee] {
        guard requiresPermissions else { return [] }
        return committees.map(\.committee).filter { permissions.entries(for: $0.id).isEmpty }
    }

    /// "Återkoppling … (pf-aterkoppling v1), sista dag 2027-04-15": the round, safe to print.
    public func title(language: Language) -> String {
        "\(Sanitizer.visible(form.title[language])) (\(form.id) v\(form.version)), "
            + (language == .sv ? "sista dag \(form.deadline)" : "deadline \(form.deadline)")
    }

    /// What else the board should know: refused files of no committee, receipts that do
    /// not count. Safe to print.
    public func notes(language: Language) -> [String] {
        let sv = language == .sv
        var lines: [String] = []
        if let permissionProblem {
            lines.append((sv ? "varning: listan över vem som får lämna in används inte: " : "warning: the list of who may hand in is not used: ") + Sanitizer.visible(permissionProblem[language]))
        }
        let nobody = committeesNobodyMayHandInFor
        if !nobody.isEmpty {
            let ids = nobody.map(\.id).joined(separator: ", ")
            lines.append(sv ? "varning: ingen får lämna in för \(nobody.count) nämnder (\(ids)); ange vilka med feedback board allow \(Sanitizer.visible(inboxPath)) NÄMND ANVÄNDARE|@GRUPP"
                            : "warning: nobody may hand in for \(nobody.count) committees (\(ids)); name who with feedback board allow \(Sanitizer.visible(inboxPath)) COMMITTEE USER|@GROUP")
        }
        if refusedWithoutCommittee > 0 {
            lines.append(sv ? "\(refusedWithoutCommittee) avvisade filer hör inte till någon nämnd på formuläret (annat formulär eller oläsbara); se receipts/."
                            : "\(refusedWithoutCommittee) refused files belong to no committee of the form (another form, or unreadable); see receipts/.")
        }
        for rejected in rejectedReceipts {
            let why = rejected.problems.map { $0[language] }.joined(separator: "; ")
            lines.append((sv ? "varning: \(Sanitizer.visible(rejected.file)) räknas inte: " : "warning: \(Sanitizer.visible(rejected.file)) does not count: ") + Sanitizer.visible(why))
        }
        return lines
    }

    /// The whole status for a terminal.
    public func text(language: Language) -> String {
        var lines: [String] = [title(language: language)]
        let idWidth = committees.map { $0.committee.id.count }.max() ?? 0
        let nameWidth = committees.map { $0.committee.name(language).count }.max() ?? 0
        for state in committees {
            let id = pad(state.committee.id, idWidth)
            let name = pad(Sanitizer.visible(state.committee.name(language)), nameWidth)
            lines.append("  \(id)  \(name)  \(line(for: state, language: language))")
        }
        lines.append(summaryLine(language))
        lines += notes(language: language)
        return lines.joined(separator: "\n")
    }

    func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// "8 nämnder: 5 mottagna (3 beslutad), 1 avvisad, 2 saknas; 1 sen; 0 filer väntar i incoming/."
    public func summaryLine(_ language: Language) -> String {
        let s = summary
        var text: String
        // The decided status in the form's own word (beslutad, antagen, …).
        let decided = form.decidedOption.map { Sanitizer.visible($0.label[language]) } ?? (language == .sv ? "beslutade" : "decided")
        if language == .sv {
            text = "\(s.committees) nämnder: \(s.received) mottagna (\(s.decided) \(decided)), \(s.refused) avvisade, \(s.missing) saknas; \(s.late) sena"
            if let waiting { text += "; \(waiting) \(waiting == 1 ? "fil väntar" : "filer väntar") i incoming/" }
            text += isComplete ? ". Omgången är klar: alla nämnder har lämnat en återkoppling med status \(decided)."
                               : ". Omgången är inte klar: \(s.committees - s.decided) saknar en godkänd återkoppling med status \(decided)."
        } else {
            text = "\(s.committees) committees: \(s.received) received (\(s.decided) \(decided)), \(s.refused) refused, \(s.missing) missing; \(s.late) late"
            if let waiting { text += "; \(waiting) \(waiting == 1 ? "file waits" : "files wait") in incoming/" }
            text += isComplete ? ". The round is complete: every committee has handed in feedback with status \(decided)."
                               : ". The round is not complete: \(s.committees - s.decided) lack accepted feedback with status \(decided)."
        }
        return text
    }

    /// The status as JSON (`--format json`).
    public func json() -> JSONValue {
        func receiptJSON(_ receipt: Receipt, file: String?) -> JSONObject {
            var o = JSONObject()
            o["revision"] = receipt.export.revision.map { .integer($0) } ?? .null
            o["documentId"] = receipt.export.documentID.map { .string($0) } ?? .null
            o["handedInAt"] = .string(receipt.handIn.handedInAt.description)
            o["receivedAt"] = .string(receipt.receivedAt.description)
            o["onTime"] = .bool(receipt.onTime)
            o["handedInBy"] = .string(receipt.handIn.owner)
            o["receipt"] = file.map { .string($0) } ?? .null
            o["archivedAs"] = receipt.archivedAs.map { .string($0) } ?? .null
            return o
        }
        let committeeValues: [JSONValue] = committees.map { state in
            var o = JSONObject()
            o["id"] = .string(state.committee.id)
            o["name"] = .string(state.committee.name)
            o["state"] = .string(state.kind.rawValue)
            o["decided"] = .bool(state.isDecided)
            o["handIns"] = .integer(state.handIns)
            o["allowed"] = .array(permissions.entries(for: state.committee.id).map { .string($0) })
            o["replaced"] = state.replaced.map { .object(receiptJSON($0, file: nil)) } ?? .null
            if let accepted = state.accepted {
                var a = receiptJSON(accepted, file: state.acceptedReceiptFile)
                a["status"] = accepted.export.status.map { .string($0) } ?? .null
                a["headingsDone"] = accepted.export.headingsDone.map { .integer($0) } ?? .null
                a["headings"] = accepted.export.headings.map { .integer($0) } ?? .null
                a["warnings"] = accepted.export.warnings.map { .integer($0) } ?? .null
                a["contentSha256"] = accepted.export.contentSha256.map { .string($0) } ?? .null
                o["accepted"] = .object(a)
            } else {
                o["accepted"] = .null
            }
            if let refusal = state.latestRefusal {
                var r = receiptJSON(refusal, file: state.latestRefusalFile)
                r["reasons"] = .array(refusal.reasons.map { reason in
                    .object(JSONObject([("code", .string(reason.code)), ("pointer", .string(reason.pointer)),
                                        ("message", .object(JSONObject([("sv", .string(reason.message.sv)), ("en", .string(reason.message.en))])))]))
                })
                o["refused"] = .object(r)
            } else {
                o["refused"] = .null
            }
            return .object(o)
        }
        let s = summary
        return .object(JSONObject([
            ("inbox", .string(inboxPath)),
            ("form", .object(JSONObject([("id", .string(form.id)), ("version", .integer(form.version)),
                                         ("title", .object(JSONObject([("sv", .string(form.title.sv)), ("en", .string(form.title.en))])))]))),
            ("deadline", .string(form.deadline.description)),
            ("complete", .bool(isComplete)),
            ("summary", .object(JSONObject([
                ("committees", .integer(s.committees)), ("received", .integer(s.received)), ("decided", .integer(s.decided)),
                ("refused", .integer(s.refused)), ("missing", .integer(s.missing)), ("late", .integer(s.late)),
                ("waiting", waiting.map { .integer($0) } ?? .null),
                ("refusedWithoutCommittee", .integer(refusedWithoutCommittee)),
                ("invalidReceipts", .integer(rejectedReceipts.count)),
            ]))),
            ("committees", .array(committeeValues)),
        ]))
    }
}
