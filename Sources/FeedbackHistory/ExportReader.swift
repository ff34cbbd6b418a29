import FeedbackModel

/// Reads an export file (schemaVersion 1) into `PastFeedback`, checking its shape and its
/// content hash. Labels and columns come from the form when the catalog has it.
struct ExportReader {
    let file: String
    let catalog: FormCatalog

    func read(_ object: JSONObject) throws(DraftError) -> PastFeedback {
        let json = JSONAccess(file: file)
        let schemaVersion = try json.integer(object["schemaVersion"], "/schemaVersion")
        guard schemaVersion == Exporter.schemaVersion else {
            throw json.fail("/schemaVersion", "exportformat \(schemaVersion) läses inte av den här versionen (den läser format \(Exporter.schemaVersion))",
                            "export format \(schemaVersion) is not read by this version (it reads format \(Exporter.schemaVersion))")
        }
        let formObject = try json.object(object["form"], "/form")
        let formID = try json.string(formObject["id"], "/form/id")
        let formVersion = try json.integer(formObject["version"], "/form/version")
        let form = catalog.form(id: formID, version: formVersion)
        let periodObject = try json.object(object["planPeriod"], "/planPeriod")
        let first = try json.integer(periodObject["firstYear"], "/planPeriod/firstYear")
        let last = try json.integer(periodObject["lastYear"], "/planPeriod/lastYear")
        guard (1000...9990).contains(first), (first...(first + 9)).contains(last) else {
            throw json.fail("/planPeriod", "ogiltig planperiod", "invalid plan period")
        }
        let committee = try json.object(object["committee"], "/committee")
        var premises: Premises?
        if let p = object["premises"], p != .null {
            let po = try json.object(p, "/premises")
            premises = Premises(title: try json.string(po["title"], "/premises/title"), caseNumber: try json.string(po["caseNumber"], "/premises/caseNumber"))
        }
        let deadline = try json.optionalString(object["deadline"], "/deadline").flatMap { SimpleDate(iso: $0) }
        let status = try json.optionalString(object["status"], "/status")
        let committeeID = try json.string(committee["id"], "/committee/id")

        var metadata = [MetadataValue(id: "committee", label: form?.metadata.first { $0.kind == .committee }?.label, value: committeeID)]
        for (key, value) in try json.object(object["metadata"], "/metadata").members {
            let pointer = "/metadata/\(JSONPointer.escape(key))"
            let text: String?
            switch value {
            case .number: text = String(try json.integer(value, pointer))
            default: text = try json.optionalString(value, pointer)
            }
            metadata.append(MetadataValue(id: key, label: form?.metadataField(id: key)?.label, value: text))
        }
        metadata.append(MetadataValue(id: form?.statusFieldID ?? "status", label: form?.statusField?.label, value: status))

        var sections: [PastSection] = []
        for (index, item) in try json.array(object["sections"], "/sections").enumerated() {
            let pointer = "/sections/\(index)"
            let so = try json.object(item, pointer)
            let id = try json.string(so["id"], pointer + "/id")
            let definition = form?.section(id: id)
            var section = PastSection(id: id, number: try so["number"].map { v throws(DraftError) in try json.integer(v, pointer + "/number") },
                                      title: try json.localized(so["title"], pointer + "/title"))
            for (fieldID, value) in try json.object(so["fields"], pointer + "/fields").members {
                let fieldPointer = "\(pointer)/fields/\(JSONPointer.escape(fieldID))"
                let text: String?
                if case .number = value { text = String(try json.integer(value, fieldPointer)) } else { text = try json.optionalString(value, fieldPointer) }
                guard let text, TextRules.stats(text).hasContent else { continue }
                section.texts.append(PastText(fieldID: fieldID, label: definition?.field(id: fieldID)?.label, text: text))
            }
            for (fieldID, value) in try json.object(so["tables"] ?? .object(JSONObject()), pointer + "/tables").members {
                let tablePointer = "\(pointer)/tables/\(JSONPointer.escape(fieldID))"
                let table = try json.object(value, tablePointer)
                var rows: [TableRow] = []
                for (r, rowJSON) in try json.array(table["rows"], tablePointer + "/rows").enumerated() {
                    rows.append(try json.row(rowJSON, "\(tablePointer)/rows/\(r)"))
                }
                let field = definition?.field(id: fieldID)
                section.tables.append(PastTable(fieldID: fieldID, label: field?.label, columns: field?.columns, rows: rows))
            }
            sections.append(section)
        }
        let hash = try json.optionalString(object["contentSha256"], "/contentSha256")
        return PastFeedback(
            kind: .export, path: file, formID: formID, formVersion: formVersion,
            formTitle: try json.localized(formObject["title"], "/form/title"), committeeID: committeeID,
            planPeriod: PlanPeriod(firstYear: first, yearCount: last - first + 1), premises: premises, deadline: deadline,
            documentID: try json.string(object["documentId"], "/documentId"), revision: try json.integer(object["revision"], "/revision"),
            status: status, contentSha256: hash, hashMatches: hash.map { $0 == Exporter.contentHash(of: object) },
            time: try json.optionalString(object["exportedAt"], "/exportedAt").flatMap { Timestamp(iso: $0) },
            metadata: metadata, sections: sections)
    }
}

/// Reads a draft of a form the catalog does not have, by its structure alone.
struct GenericDraftReader {
    let file: String

    func read(_ object: JSONObject, formID: String, formVersion: Int) throws(DraftError) -> PastFeedback {
        let json = JSONAccess(file: file)
        var metadata: [MetadataValue] = []
        var committeeID: String?
        var status: String?
        for (key, value) in try json.object(object["metadata"] ?? .object(JSONObject()), "/metadata").members {
            let pointer = "/metadata/\(JSONPointer.escape(key))"
            var text: String?
            switch value {
            case .number: text = String(try json.integer(value, pointer))
            default: text = try json.optionalString(value, pointer)
            }
            if let t = text, !TextRules.stats(t).hasContent { text = nil }
            if key == "committee" { committeeID = text?.trimmingWhitespace }
            if key == "status" { status = text?.trimmingWhitespace }
            metadata.append(MetadataValue(id: key, value: text))
        }
        var sections: [PastSection] = []
        for (sectionID, sectionJSON) in try json.object(object["sections"] ?? .object(JSONObject()), "/sections").members {
            let pointer = "/sections/\(JSONPointer.escape(sectionID))"
            var section = PastSection(id: sectionID, number: nil, title: nil)
            for (fieldID, value) in try json.object(sectionJSON, pointer).members {
                let fieldPointer = "\(pointer)/\(JSONPointer.escape(fieldID))"
                switch value {
                case .array(let items):
                    var rows: [TableRow] = []
                    for (r, item) in items.enumerated() { rows.append(try json.row(item, "\(fieldPointer)/\(r)")) }
                    section.tables.append(PastTable(fieldID: fieldID, label: nil, columns: nil, rows: rows))
                case .null:
                    continue
                case .number:
                    section.texts.append(PastText(fieldID: fieldID, label: nil, text: String(try json.integer(value, fieldPointer))))
                default:
                    let text = try json.string(value, fieldPointer)
                    if TextRules.stats(text).hasContent { section.texts.append(PastText(fieldID: fieldID, label: nil, text: text)) }
                }
            }
            sections.append(section)
        }
        return PastFeedback(
            kind: .draft, path: file, formID: formID, formVersion: formVersion, formTitle: nil, committeeID: committeeID,
            planPeriod: nil, premises: nil, deadline: nil, documentID: try json.string(object["documentId"], "/documentId"),
            revision: try json.integer(object["revision"], "/revision"), status: status, contentSha256: nil, hashMatches: nil,
            time: try json.optionalString(object["modified"], "/modified").flatMap { Timestamp(iso: $0) },
            metadata: metadata, sections: sections)
    }
}
