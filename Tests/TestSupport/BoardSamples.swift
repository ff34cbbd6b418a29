import FeedbackModel

/// Committees' drafts for tests of the board's side: each complete and decided, with its
/// own texts, investments, risks and sensitivity cases, so sums and matrices differ.
public enum BoardSamples {
    public static let categories = ["byggnader", "medicinteknik", "it", "fordon", "ovrigt"]
    public static let levels = ["lag", "medel", "hog"]

    /// A stable document id for the n-th committee.
    public static func documentID(_ index: Int) -> String {
        let digits = String(index)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// A complete draft for `committee` (its `index` varies the content). `status` may be
    /// `utkast` or `klar-for-beslut` for a round that is not complete.
    public static func draft(_ form: FormDefinition, committee: String, index: Int, revision: Int = 3,
                             status: String = "beslutad", words: Int = 80) -> Draft {
        var draft = SampleDrafts.complete(form, committee: committee, revision: revision)
        draft.documentID = documentID(index)
        draft.metadata["status"] = .text(status)
        let name = form.committee(id: committee)?.name ?? committee
        for (i, section) in form.sections.enumerated() {
            draft.sections[section.id, default: [:]]["text"] = .text(
                "\(name) om rubrik \(section.number). " + SampleDrafts.swedishText(words: words, seed: index * 7 + i)
                + "\n\n" + SampleDrafts.swedishText(words: words / 2, seed: index + i + 1))
        }
        var investments: [TableRow] = []
        for n in 0..<(1 + index % 3) {
            var row = TableRow()
            row["object"] = .text("\(name): objekt \(n + 1)")
            row["category"] = .text(categories[(index + n) % categories.count])
            for (y, year) in form.planPeriod.years.enumerated() {
                row[TableRow.yearKey("amounts", year)] = .integer((index + 1) * 1_000 + n * 250 + y * 100)
            }
            row["decision"] = .text((index + n) % 2 == 0 ? "beslutad" : "ny")
            row["priority"] = .text(String(1 + (index + n) % 3))
            investments.append(row)
        }
        draft.sections["investments", default: [:]]["investments"] = .table(investments)
        var risks: [TableRow] = []
        for n in 0..<(1 + index % 2) {
            var row = TableRow()
            row["risk"] = .text("\(name): risk \(n + 1)")
            row["likelihood"] = .text(levels[(index + n) % 3])
            row["consequence"] = .text(levels[(index / 2 + n) % 3])
            row["measure"] = .text("Åtgärd \(n + 1) för \(name)")
            risks.append(row)
        }
        draft.sections["economy", default: [:]]["risks"] = .table(risks)
        var sensitivity = TableRow()
        sensitivity["parameter"] = .text("Löneökning (\(committee))")
        sensitivity["change"] = .text("+1 procentenhet")
        for (y, year) in form.planPeriod.years.enumerated() {
            sensitivity[TableRow.yearKey("effect", year)] = .integer(-(index + 1) * 500 - y * 50)
        }
        draft.sections["economy", default: [:]]["sensitivity"] = .table([sensitivity])
        return draft
    }

    /// The export of a draft (which must have no errors).
    public static func export(_ draft: Draft, form: FormDefinition, at time: Timestamp = SampleDrafts.now) -> [UInt8] {
        guard let result = try? Exporter(form: form).export(draft, exportedAt: time) else {
            fatalError("the sample draft has errors")
        }
        return result.bytes
    }

    /// An export file changed with `change` and given a correct content hash again, as a
    /// careful forger (or a tool writing exports by hand) would.
    public static func rehashed(_ bytes: [UInt8], _ change: (inout JSONObject) -> Void) -> [UInt8] {
        guard case .object(var object)? = try? JSONParser.parse(bytes) else { fatalError("not an export") }
        change(&object)
        object["contentSha256"] = .string(Exporter.contentHash(of: object))
        return JSONWriter.pretty(.object(object))
    }
}

/// Changing one value deep inside parsed JSON (objects by key, arrays by index).
public enum JSONEdit {
    public static func setting(_ value: JSONValue?, at path: [String], in root: JSONValue) -> JSONValue {
        guard let first = path.first else { return value ?? .null }
        let rest = Array(path.dropFirst())
        switch root {
        case .object(var object):
            if rest.isEmpty {
                object[first] = value
            } else {
                object[first] = setting(value, at: rest, in: object[first] ?? .object(JSONObject()))
            }
            return .object(object)
        case .array(var elements):
            guard let index = Int(first), elements.indices.contains(index) else { return root }
            elements[index] = setting(value, at: rest, in: elements[index])
            return .array(elements)
        default:
            return root
        }
    }

    /// `setting` on an object.
    public static func set(_ value: JSONValue?, at path: [String], in object: inout JSONObject) {
        if case .object(let changed) = setting(value, at: path, in: .object(object)) { object = changed }
    }
}

extension JSONEdit {
    /// The value at a path (objects by key, arrays by index).
    public static func value(at path: [String], in root: JSONValue) -> JSONValue? {
        var current = root
        for step in path {
            switch current {
            case .object(let object): guard let next = object[step] else { return nil }; current = next
            case .array(let elements): guard let i = Int(step), elements.indices.contains(i) else { return nil }; current = elements[i]
            default: return nil
            }
        }
        return current
    }
}
