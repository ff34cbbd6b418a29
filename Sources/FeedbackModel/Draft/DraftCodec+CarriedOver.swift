/// Draft format 2: what was carried over from last year, at the top level and on each
/// carried table row (member `carriedOver`; the form reader keeps that id from columns).
extension DraftCodec {
    static let carryKey = "carriedOver"

    static func json(_ carried: CarriedOver, form: FormDefinition) -> JSONValue {
        let source = carried.source
        var from = JSONObject()
        from["kind"] = .string(source.kind.rawValue)
        from["path"] = .string(source.path)
        from["form"] = .object(JSONObject([("id", .string(source.formID)), ("version", .integer(source.formVersion))]))
        from["planPeriod"] = source.planPeriod.map {
            .object(JSONObject([("firstYear", .integer($0.firstYear)), ("years", .integer($0.yearCount))]))
        } ?? .null
        from["committee"] = source.committeeID.map { .string($0) } ?? .null
        from["documentId"] = .string(source.documentID)
        from["revision"] = .integer(source.revision)
        from["contentSha256"] = source.contentSha256.map { .string($0) } ?? .null
        var places: [FieldPlace] = form.metadata.map { .metadata($0.id) }
        for section in form.sections { places += section.fields.map { .section(section.id, $0.id) } }
        let unconfirmed = places.filter { carried.unconfirmed.contains($0) }.map { JSONValue.string($0.pointer) }
        let notes: [JSONValue] = carried.notes.map { note in
            .object(JSONObject([
                ("section", .string(note.sectionID)), ("field", .string(note.fieldID)),
                ("number", note.number.map { .integer($0) } ?? .null),
                ("title", note.title.map { .object(JSONObject([("sv", .string($0.sv)), ("en", .string($0.en))])) } ?? .null),
                ("text", .string(note.text)), ("confirmed", .bool(note.confirmed)),
            ]))
        }
        return .object(JSONObject([("from", .object(from)), ("unconfirmed", .array(unconfirmed)), ("notes", .array(notes))]))
    }

    static func json(_ carry: RowCarry) -> JSONValue {
        let kept: [JSONValue] = carry.kept.map { value in
            var object = JSONObject()
            object["column"] = .string(value.column)
            if let year = value.year { object["year"] = .integer(year) }
            object["value"] = json(value.value)
            return .object(object)
        }
        return .object(JSONObject([("confirmed", .bool(carry.confirmed)), ("kept", .array(kept)),
                                   ("newYearCells", .array(carry.newYearCells.map { .string($0) }))]))
    }
}

extension Draft {
    /// Whether the draft needs format 2 (it has carried-over parts or rows).
    var hasCarryData: Bool {
        carriedOver != nil || sections.values.contains { $0.values.contains { $0.rows.contains { $0.carry != nil } } }
    }
}

extension DraftCodec.Reader {
    func bool(_ value: JSONValue?, _ pointer: String) throws(DraftError) -> Bool {
        guard case .bool(let b)? = value else {
            throw fail(pointer, "ska vara true eller false, är \(value?.typeName ?? "saknas")", "must be true or false, is \(value?.typeName ?? "missing")")
        }
        return b
    }

    func array(_ value: JSONValue?, _ pointer: String) throws(DraftError) -> [JSONValue] {
        guard case .array(let items)? = value else {
            throw fail(pointer, "ska vara en lista, är \(value?.typeName ?? "saknas")", "must be an array, is \(value?.typeName ?? "missing")")
        }
        guard items.count <= 100_000 else { throw fail(pointer, "listan är för lång", "the array is too long") }
        return items
    }

    func optionalString(_ value: JSONValue?, _ pointer: String) throws(DraftError) -> String? {
        if case .null? = value { return nil }
        return try string(value, pointer)
    }

    func rowCarry(_ json: JSONValue, _ pointer: String) throws(DraftError) -> RowCarry {
        let object = try self.object(json, pointer)
        try checkKeys(object, pointer, allowed: ["confirmed", "kept", "newYearCells"])
        var carry = RowCarry(confirmed: try bool(object["confirmed"], pointer + "/confirmed"))
        for (index, item) in try array(object["kept"], pointer + "/kept").enumerated() {
            let itemPointer = "\(pointer)/kept/\(index)"
            let kept = try self.object(item, itemPointer)
            try checkKeys(kept, itemPointer, allowed: ["column", "year", "value"])
            let year = try kept["year"].map { v throws(DraftError) in try integer(v, itemPointer + "/year") }
            guard let valueJSON = kept["value"] else { throw fail(itemPointer + "/value", "saknas", "is missing") }
            carry.kept.append(KeptValue(column: try string(kept["column"], itemPointer + "/column"), year: year,
                                        value: try cell(valueJSON, itemPointer + "/value", amount: true)))
        }
        for (index, item) in try array(object["newYearCells"], pointer + "/newYearCells").enumerated() {
            carry.newYearCells.append(try string(item, "\(pointer)/newYearCells/\(index)"))
        }
        return carry
    }

    func carriedOver(_ json: JSONValue, form: FormDefinition) throws(DraftError) -> CarriedOver {
        let pointer = "/" + DraftCodec.carryKey
        let object = try self.object(json, pointer)
        try checkKeys(object, pointer, allowed: ["from", "unconfirmed", "notes"])
        let fromPointer = pointer + "/from"
        let from = try self.object(object["from"], fromPointer)
        try checkKeys(from, fromPointer, allowed: ["kind", "path", "form", "planPeriod", "committee", "documentId", "revision", "contentSha256"])
        guard let kind = CarrySource.Kind(rawValue: try string(from["kind"], fromPointer + "/kind")) else {
            throw fail(fromPointer + "/kind", "ska vara export eller draft", "must be export or draft")
        }
        let sourceForm = try self.object(from["form"], fromPointer + "/form")
        var period: PlanPeriod?
        if let p = from["planPeriod"], p != .null {
            let periodObject = try self.object(p, fromPointer + "/planPeriod")
            let first = try integer(periodObject["firstYear"], fromPointer + "/planPeriod/firstYear")
            let years = try integer(periodObject["years"], fromPointer + "/planPeriod/years")
            guard (1000...9990).contains(first), (1...10).contains(years) else {
                throw fail(fromPointer + "/planPeriod", "ogiltig planperiod", "invalid plan period")
            }
            period = PlanPeriod(firstYear: first, yearCount: years)
        }
        let source = CarrySource(
            kind: kind, path: try string(from["path"], fromPointer + "/path"),
            formID: try string(sourceForm["id"], fromPointer + "/form/id"),
            formVersion: try integer(sourceForm["version"], fromPointer + "/form/version"),
            planPeriod: period, committeeID: try optionalString(from["committee"], fromPointer + "/committee"),
            documentID: try string(from["documentId"], fromPointer + "/documentId"),
            revision: try integer(from["revision"], fromPointer + "/revision"),
            contentSha256: try optionalString(from["contentSha256"], fromPointer + "/contentSha256"))
        var carried = CarriedOver(source: source)
        var places: [String: FieldPlace] = [:]
        for field in form.metadata { places[FieldPlace.metadata(field.id).pointer] = .metadata(field.id) }
        for section in form.sections {
            for field in section.fields { places[FieldPlace.section(section.id, field.id).pointer] = .section(section.id, field.id) }
        }
        for (index, item) in try array(object["unconfirmed"], pointer + "/unconfirmed").enumerated() {
            let text = try string(item, "\(pointer)/unconfirmed/\(index)")
            guard let place = places[text] else {
                throw fail("\(pointer)/unconfirmed/\(index)", "\"\(text)\" är inget fält i formuläret", "\"\(text)\" is not a field of the form")
            }
            carried.unconfirmed.insert(place)
        }
        for (index, item) in try array(object["notes"], pointer + "/notes").enumerated() {
            let notePointer = "\(pointer)/notes/\(index)"
            let note = try self.object(item, notePointer)
            try checkKeys(note, notePointer, allowed: ["section", "field", "number", "title", "text", "confirmed"])
            var title: Localized?
            if let t = note["title"], t != .null {
                let titleObject = try self.object(t, notePointer + "/title")
                title = Localized(sv: try string(titleObject["sv"], notePointer + "/title/sv"), en: try string(titleObject["en"], notePointer + "/title/en"))
            }
            var number: Int?
            if let n = note["number"], n != .null { number = try integer(n, notePointer + "/number") }
            carried.notes.append(CarriedNote(
                sectionID: try string(note["section"], notePointer + "/section"), fieldID: try string(note["field"], notePointer + "/field"),
                number: number, title: title, text: try string(note["text"], notePointer + "/text"),
                confirmed: try bool(note["confirmed"], notePointer + "/confirmed")))
        }
        return carried
    }
}
