import FeedbackModel

/// The checks of one file handed in that need nothing but its bytes and the form: a real
/// export of this form and version, schema-valid, its content hash right, its totals the
/// sums of its rows, and every rule of the form passed.
struct ExportCheck: Sendable {
    let form: FormDefinition

    struct Result: Sendable {
        var facts: Receipt.ExportFacts
        /// Why the file cannot be accepted; empty when it can (the revision is checked later).
        var reasons: [Receipt.Reason]
        /// The export, when it could be read.
        var export: ExportFile?
    }

    func check(_ bytes: [UInt8]) -> Result {
        var facts = Receipt.ExportFacts()
        let export: ExportFile
        do { export = try ExportReader.read(bytes, form: form) } catch {
            if case .object(let object)? = try? JSONParser.parse(bytes) { facts = claimedFacts(object) }
            return Result(facts: facts, reasons: [Receipt.Reason(code: error.code, pointer: error.pointer, message: error.message)], export: nil)
        }
        facts = claimedFacts(export.object)
        var reasons: [Receipt.Reason] = []
        let actualHash = Exporter.contentHash(of: export.object)
        if actualHash != export.statedContentSha256 {
            reasons.append(Receipt.Reason(code: "contentHash", pointer: "/contentSha256", message: Localized(
                sv: "innehållets SHA-256 är \(actualHash), inte \(export.statedContentSha256) som filen anger: filen har ändrats efter exporten",
                en: "the content's SHA-256 is \(actualHash), not \(export.statedContentSha256) as the file states: the file was changed after export")))
        }
        reasons += checkIdentity(export.object)
        reasons += checkTotals(export)
        let findings = Validator(form: form).validate(export.draft)
        for finding in findings where finding.severity == .error {
            let heading = FindingsReport.heading(of: finding.sectionID, form: form, language: .sv)
            let headingEn = FindingsReport.heading(of: finding.sectionID, form: form, language: .en)
            reasons.append(Receipt.Reason(code: "rule:" + finding.code, pointer: finding.pointer, message: Localized(
                sv: "\(heading): \(finding.message.sv)", en: "\(headingEn): \(finding.message.en)")))
        }
        facts.warnings = findings.warningCount
        facts.headings = form.sections.count
        facts.headingsDone = form.sections.filter { isDone($0, export.draft, findings) }.count
        return Result(facts: facts, reasons: reasons, export: export)
    }

    /// The file says who it is: its committee's id and names are the form's, and its
    /// identifying texts carry no control, bidirectional or invisible format characters (the
    /// same check as text fields), so what reaches a receipt, screen or report is what it says.
    func checkIdentity(_ object: JSONObject) -> [Receipt.Reason] {
        var reasons: [Receipt.Reason] = []
        guard case .object(let committee)? = object["committee"], let id = committee["id"]?.stringValue else { return [] }
        for (member, value) in [("/committee/id", committee["id"]), ("/committee/name", committee["name"]),
                                ("/committee/nameEn", committee["nameEn"]), ("/documentId", object["documentId"]),
                                ("/status", object["status"])] {
            guard let text = value?.stringValue, Sanitizer.hasHazard(text, singleLine: true) else { continue }
            reasons.append(Receipt.Reason(code: "controlCharacter", pointer: member, message: Localized(
                sv: "\(member) innehåller styrtecken eller osynliga tecken (\(Sanitizer.visible(String(text.prefix(80))))); filen tas inte emot",
                en: "\(member) holds control or invisible characters (\(Sanitizer.visible(String(text.prefix(80))))); the file is not taken")))
        }
        guard let listed = form.committee(id: id) else { return reasons }
        let name = committee["name"]?.stringValue, nameEn = committee["nameEn"]?.stringValue
        if name != listed.name || (nameEn != nil && nameEn != listed.nameEn) {
            let stated = Sanitizer.visible(String((name ?? "?").prefix(80)))
            reasons.append(Receipt.Reason(code: "committeeName", pointer: "/committee/name", message: Localized(
                sv: "filen säger att nämnden \(Sanitizer.visible(id)) heter \(stated), men formulärets lista säger \(listed.name): filen är inte den nämndens",
                en: "the file says the committee \(Sanitizer.visible(id)) is called \(stated), but the form's list says \(listed.nameEn): the file is not that committee's")))
        }
        return reasons
    }

    /// Every total of a plan-year column is the sum of the rows (the board adds them up from
    /// the totals, so a total changed and re-hashed must not pass). Only the totals are
    /// recomputed: other forms of the same values (an earlier version's line breaks, say)
    /// are the validator's business, not a reason to refuse the file.
    func checkTotals(_ export: ExportFile) -> [Receipt.Reason] {
        var reasons: [Receipt.Reason] = []
        let years = form.planPeriod.years
        for (index, section) in form.sections.enumerated() {
            for field in section.fields {
                guard case .table(let columns) = field.kind else { continue }
                let rows = export.draft.sections[section.id]?[field.id]?.rows ?? []
                for column in columns where column.kind == .planYears && column.summable {
                    let base = ["sections", String(index), "tables", field.id, "totals", column.id]
                    guard case .object(let stated)? = value(at: base, in: export.object) else { continue }
                    var sums = years.map { year in
                        rows.reduce(0) { total, row in
                            if case .integer(let n)? = row[TableRow.yearKey(column.id, year)] { return total &+ n }
                            return total
                        }
                    }
                    sums.append(sums.reduce(0, &+))
                    for (key, sum) in zip(years.map(String.init) + ["total"], sums) where stated[key]?.intValue != sum {
                        let pointer = "/" + (base + [key]).map(JSONPointer.escape).joined(separator: "/")
                        let statedText = stated[key]?.intValue.map { AmountFormat.display($0) } ?? "?"
                        reasons.append(Receipt.Reason(code: "totals", pointer: pointer, message: Localized(
                            sv: "summan \(pointer) är \(statedText) i filen men raderna ger \(AmountFormat.display(sum)): filen har ändrats",
                            en: "the total \(pointer) is \(statedText) in the file but the rows give \(AmountFormat.display(sum)): the file was changed")))
                    }
                }
            }
        }
        return reasons
    }

    func value(at path: [String], in object: JSONObject) -> JSONValue? {
        var current = JSONValue.object(object)
        for step in path {
            switch current {
            case .object(let o): guard let next = o[step] else { return nil }; current = next
            case .array(let a): guard let i = Int(step), a.indices.contains(i) else { return nil }; current = a[i]
            default: return nil
            }
        }
        return current
    }

    /// A heading has nothing left to do when it has no findings and either holds something
    /// or requires nothing (an optional heading left empty).
    func isDone(_ section: SectionDefinition, _ draft: Draft, _ findings: [Finding]) -> Bool {
        guard !findings.contains(where: { $0.sectionID == section.id }) else { return false }
        let values = draft.sections[section.id] ?? [:]
        let hasContent = section.fields.contains { field in
            switch values[field.id] {
            // An export writes an empty text as null: any text read back has content.
            case .text(let s)?: return !s.isEmpty
            case .integer?: return true
            case .table(let rows)?: return !rows.isEmpty
            case nil: return false
            }
        }
        return hasContent || !section.fields.contains { $0.rules.isRequired }
    }

    /// What a file says of itself, read leniently (for a refused file's receipt); texts are
    /// cut to 200 characters, so a hostile file cannot bloat its receipt.
    func claimedFacts(_ object: JSONObject) -> Receipt.ExportFacts {
        // Cut and made visible: a hostile file can neither bloat its receipt nor put control
        // characters into it.
        func short(_ value: JSONValue?) -> String? {
            value?.stringValue.map { Sanitizer.visible(String(String.UnicodeScalarView($0.unicodeScalars.prefix(200)))) }
        }
        var facts = Receipt.ExportFacts()
        if case .object(let committee)? = object["committee"] {
            facts.committeeID = short(committee["id"])
            facts.committeeName = facts.committeeID.flatMap { form.committee(id: $0)?.name } ?? short(committee["name"])
        }
        facts.documentID = short(object["documentId"])
        facts.revision = object["revision"]?.intValue
        facts.contentSha256 = short(object["contentSha256"])
        facts.status = short(object["status"])
        facts.exportedAt = object["exportedAt"]?.stringValue.flatMap { Timestamp(iso: $0) }
        return facts
    }
}
