/// Findings written for people (grouped by heading) and for machines (JSON).
public enum FindingsReport {
    /// The heading a finding belongs under: "Uppgifter" for metadata, else "N. Title".
    public static func heading(of sectionID: String?, form: FormDefinition, language: Language) -> String {
        guard let sectionID, let section = form.section(id: sectionID) else {
            return language == .sv ? "Uppgifter" : "Details"
        }
        return "\(section.number). \(section.title[language])"
    }

    /// Groups in form order: metadata first, then each section that has findings.
    public static func grouped(_ findings: [Finding], form: FormDefinition) -> [(sectionID: String?, findings: [Finding])] {
        var groups: [(String?, [Finding])] = []
        let metadata = findings.filter { $0.sectionID == nil }
        if !metadata.isEmpty { groups.append((nil, metadata)) }
        for section in form.sections {
            let inSection = findings.filter { $0.sectionID == section.id }
            if !inSection.isEmpty { groups.append((section.id, inSection)) }
        }
        return groups
    }

    /// "3 fel, 2 varningar" / "3 errors, 2 warnings".
    public static func summary(_ findings: [Finding], language: Language) -> String {
        let e = findings.errorCount
        let w = findings.warningCount
        switch language {
        case .sv: return "\(e) fel, \(w) \(w == 1 ? "varning" : "varningar")"
        case .en: return "\(e) \(e == 1 ? "error" : "errors"), \(w) \(w == 1 ? "warning" : "warnings")"
        }
    }

    /// Plain text for a terminal; every text from the draft is made safe to print.
    public static func text(file: String, findings: [Finding], form: FormDefinition, language: Language) -> String {
        var lines = ["\(Sanitizer.visible(file)): \(summary(findings, language: language))"]
        for group in grouped(findings, form: form) {
            lines.append("  " + heading(of: group.sectionID, form: form, language: language))
            for finding in group.findings {
                let severity: String
                switch (finding.severity, language) {
                case (.error, .sv): severity = "fel     "
                case (.warning, .sv): severity = "varning "
                case (.error, .en): severity = "error   "
                case (.warning, .en): severity = "warning "
                }
                lines.append("    \(severity)\(Sanitizer.visible(finding.message[language])) [\(finding.code) \(Sanitizer.visible(finding.pointer))]")
            }
        }
        return lines.joined(separator: "\n")
    }

    public static func json(_ finding: Finding, form: FormDefinition) -> JSONValue {
        var object = JSONObject()
        object["severity"] = .string(finding.severity.rawValue)
        object["code"] = .string(finding.code)
        object["pointer"] = .string(finding.pointer)
        object["section"] = finding.sectionID.map { .string($0) } ?? .null
        if let offset = finding.target.offset { object["offset"] = .integer(offset) }
        object["message"] = .object(JSONObject([("sv", .string(finding.message.sv)), ("en", .string(finding.message.en))]))
        return .object(object)
    }

    /// One file's result for `--format json`.
    public static func json(file: String, findings: [Finding], form: FormDefinition) -> JSONValue {
        .object(JSONObject([
            ("file", .string(file)),
            ("form", .object(JSONObject([("id", .string(form.id)), ("version", .integer(form.version))]))),
            ("valid", .bool(!findings.hasErrors)),
            ("errors", .integer(findings.errorCount)),
            ("warnings", .integer(findings.warningCount)),
            ("findings", .array(findings.map { json($0, form: form) })),
        ]))
    }
}
