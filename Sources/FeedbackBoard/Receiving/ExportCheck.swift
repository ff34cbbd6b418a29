import FeedbackModel

/// The checks of one file handed in that need nothing but its bytes and the form: a real
/// export of this form and version, schema-valid, its content hash right, exactly what the
/// program writes for its values, and every rule of the form passed.
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
        let expected = Exporter(form: form).contentObject(export.draft)
        let actual = Exporter.content(of: export.object)
        // Members in the program's own order compare directly; another order (a file written
        // by another tool) is compared in canonical form, as the hash is.
        if expected != actual && JSONWriter.canonical(.object(expected)) != JSONWriter.canonical(.object(actual)) {
            let pointer = JSONDifference.first(.object(actual), .object(expected)) ?? ""
            reasons.append(Receipt.Reason(code: "notAsExported", pointer: pointer, message: Localized(
                sv: "filen är inte som programmet skriver den för sina värden (första skillnaden vid \(Sanitizer.visible(pointer)), t.ex. en summa som inte stämmer med raderna)",
                en: "the file is not what the program writes for its values (first difference at \(Sanitizer.visible(pointer)), e.g. a total that does not match the rows)")))
        }
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
        func short(_ value: JSONValue?) -> String? {
            value?.stringValue.map { String(String.UnicodeScalarView($0.unicodeScalars.prefix(200))) }
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
