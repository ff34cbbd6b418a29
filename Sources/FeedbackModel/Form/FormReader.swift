import Yams

/// Reads a form definition from its YAML text, checking every key, type and reference and
/// naming the line of any problem.
public enum FormReader {
    /// The largest form file accepted: `Limits.standard.formBytes`.
    public static let maximumSize = Limits.standard.formBytes

    public static func read(yaml bytes: [UInt8], source: String) throws(FormError) -> FormDefinition {
        guard !bytes.isEmpty else { throw FormError(file: source, problem: "the file is empty") }
        guard bytes.count <= maximumSize else {
            throw FormError(file: source, problem: "the file is larger than \(maximumSize / 1024 / 1024) MB")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FormError(file: source, line: lineOfInvalidUTF8(bytes), problem: "the file is not valid UTF-8")
        }
        if let found = YAMLAnchors.first(in: bytes) {
            // Forms never need anchors or aliases, and aliases can make a small file expand
            // to billions of nodes (YAML's "billion laughs"), which Yams would hash and walk:
            // refuse them from the parser's own events, before any node is built.
            throw FormError(file: source, line: found.line, column: found.column,
                            problem: "YAML anchors and aliases (&name, *name) are not allowed in form files (\(found.what) here)")
        }
        let root: Node
        do {
            // The basic resolver: every scalar stays text and the reader converts it, which
            // is also much faster than matching each scalar against the type patterns.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw FormError(file: source, problem: "the file holds no YAML document")
            }
            root = node
            // The node tree says the same (Yams gives every node its anchor): a second look.
            if let anchored = YAMLAnchors.firstAnchoredNode(in: node) {
                throw FormError(file: source, line: anchored.mark?.line, column: anchored.mark?.column,
                                problem: "YAML anchors and aliases (&name, *name) are not allowed in form files")
            }
        } catch let error as FormError {
            throw error
        } catch let error as YamlError {
            throw yamlFailure(error, source: source)
        } catch {
            throw FormError(file: source, problem: "not readable as YAML: \(error)")
        }
        var reader = NodeReader(source: source)
        return try reader.form(root)
    }

    private static func lineOfInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }

    private static func yamlFailure(_ error: YamlError, source: String) -> FormError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var text = problem
            if let context { text += " (\(context.text))" }
            return FormError(file: source, line: mark.line, column: mark.column, problem: "not valid YAML: \(text)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return FormError(file: source, line: context.mark.line, column: context.mark.column,
                             problem: "duplicate key \(duplicates.sorted().joined(separator: ", ")) in one mapping")
        case .reader(let problem, let offset, _, _):
            return FormError(file: source, problem: "not readable as YAML: \(problem) at byte \(offset ?? 0)")
        default:
            return FormError(file: source, problem: "not readable as YAML: \(error)")
        }
    }
}

/// Walks the YAML node tree with the source file at hand for error messages.
private struct NodeReader {
    let source: String

    func fail(_ node: Node?, _ problem: String) -> FormError {
        FormError(file: source, line: node?.mark?.line, column: node?.mark?.column, problem: problem)
    }

    // MARK: - Generic access

    func mapping(_ node: Node, _ what: String) throws(FormError) -> Node.Mapping {
        guard case .mapping(let mapping) = node else { throw fail(node, "\(what) must be a mapping (key: value)") }
        return mapping
    }

    func sequence(_ node: Node, _ what: String) throws(FormError) -> Node.Sequence {
        guard case .sequence(let sequence) = node else { throw fail(node, "\(what) must be a list (lines starting with \"- \")") }
        return sequence
    }

    func string(_ node: Node, _ what: String) throws(FormError) -> String {
        guard case .scalar(let scalar) = node else { throw fail(node, "\(what) must be a text") }
        return TextRules.nfc(scalar.string)
    }

    func integer(_ node: Node, _ what: String) throws(FormError) -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw fail(node, "\(what) must be a whole number")
        }
        return value
    }

    func bool(_ node: Node, _ what: String) throws(FormError) -> Bool {
        guard case .scalar(let scalar) = node else { throw fail(node, "\(what) must be true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw fail(node, "\(what) must be true or false")
        }
    }

    func date(_ node: Node, _ what: String) throws(FormError) -> SimpleDate {
        let text = try string(node, what)
        guard let date = SimpleDate(iso: text) else { throw fail(node, "\(what) must be a date written YYYY-MM-DD") }
        return date
    }

    /// The mapping's keys in order, refusing keys outside `allowed` and missing `required` keys.
    func members(_ mapping: Node.Mapping, in node: Node, what: String, allowed: Set<String>, required: [String]) throws(FormError) -> [String: Node] {
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else { throw fail(keyNode, "keys in \(what) must be plain words") }
            guard allowed.contains(key.string) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw fail(keyNode, "unknown key \"\(key.string)\" in \(what) (known keys: \(known))")
            }
            guard result[key.string] == nil else { throw fail(keyNode, "duplicate key \"\(key.string)\" in \(what)") }
            result[key.string] = value
        }
        for key in required where result[key] == nil {
            throw fail(node, "\(what) lacks the key \"\(key)\"")
        }
        return result
    }

    func localized(_ node: Node, _ what: String) throws(FormError) -> Localized {
        let m = try members(mapping(node, what), in: node, what: what, allowed: ["sv", "en"], required: ["sv", "en"])
        return Localized(sv: try string(m["sv"]!, "\(what).sv"), en: try string(m["en"]!, "\(what).en"))
    }

    func identifier(_ node: Node, _ what: String, pattern: IdentifierStyle) throws(FormError) -> String {
        let text = try string(node, what)
        guard pattern.accepts(text) else { throw fail(node, "\(what) \"\(text)\" must be \(pattern.description)") }
        return text
    }

    enum IdentifierStyle {
        case slug, camel, option
        var description: String {
            switch self {
            case .slug: return "lower-case ASCII letters, digits and hyphens, starting with a letter or digit"
            case .camel: return "ASCII letters and digits, starting with a letter"
            case .option: return "ASCII letters, digits and hyphens"
            }
        }
        func accepts(_ s: String) -> Bool {
            guard let first = s.utf8.first, s.utf8.count <= 64 else { return false }
            func lower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
            func upper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
            func digit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            switch self {
            case .slug: return (lower(first) || digit(first)) && s.utf8.allSatisfy { lower($0) || digit($0) || $0 == 0x2D }
            case .camel: return (lower(first) || upper(first)) && s.utf8.allSatisfy { lower($0) || upper($0) || digit($0) }
            case .option: return s.utf8.allSatisfy { lower($0) || upper($0) || digit($0) || $0 == 0x2D }
            }
        }
    }

    // MARK: - The form

    mutating func form(_ node: Node) throws(FormError) -> FormDefinition {
        let m = try members(mapping(node, "the form"), in: node, what: "the form",
                            allowed: ["id", "version", "title", "premises", "planPeriod", "timeline", "deadline",
                                      "committees", "metadata", "conditions", "sections", "fallbackSection", "shortTitle", "review", "answers"],
                            required: ["id", "version", "title", "premises", "planPeriod", "committees",
                                       "metadata", "sections"])
        let id = try identifier(m["id"]!, "id", pattern: .slug)
        let version = try integer(m["version"]!, "version")
        guard version >= 1 else { throw fail(m["version"], "version must be 1 or more") }

        let premisesNode = m["premises"]!
        let pm = try members(mapping(premisesNode, "premises"), in: premisesNode, what: "premises",
                             allowed: ["title", "caseNumber"], required: ["title", "caseNumber"])
        let premises = Premises(title: try string(pm["title"]!, "premises.title"),
                                caseNumber: try string(pm["caseNumber"]!, "premises.caseNumber"))

        let periodNode = m["planPeriod"]!
        let pp = try members(mapping(periodNode, "planPeriod"), in: periodNode, what: "planPeriod",
                             allowed: ["firstYear", "years"], required: ["firstYear", "years"])
        let firstYear = try integer(pp["firstYear"]!, "planPeriod.firstYear")
        let years = try integer(pp["years"]!, "planPeriod.years")
        guard (1900...9990).contains(firstYear) else { throw fail(pp["firstYear"], "planPeriod.firstYear must be a year") }
        guard (1...10).contains(years) else { throw fail(pp["years"], "planPeriod.years must be between 1 and 10") }

        let timeline = try self.timeline(m["timeline"], legacyDeadline: m["deadline"], form: node)
        let committees = try self.committees(m["committees"]!)
        let metadata = try fields(m["metadata"]!, what: "metadata", period: PlanPeriod(firstYear: firstYear, yearCount: years))
        let sections = try self.sections(m["sections"]!, period: PlanPeriod(firstYear: firstYear, yearCount: years))
        let conditions = try m["conditions"].map { node throws(FormError) in try self.conditions(node, metadata: metadata) } ?? []

        guard metadata.contains(where: { $0.kind == .committee }) else {
            throw fail(m["metadata"], "metadata must have a field of type committee")
        }
        let decidedFields = metadata.filter { $0.options.contains(where: \.decided) }
        guard decidedFields.count == 1, let statusField = decidedFields.first else {
            throw fail(m["metadata"], decidedFields.isEmpty
                ? "metadata must have a status: a choice field with one option marked decided: true (the status that means the committee has decided)"
                : "only one metadata field may have an option marked decided: true (\(decidedFields.map(\.id).joined(separator: ", ")) both do)")
        }
        if statusField.options.filter(\.decided).count > 1 {
            throw fail(m["metadata"], "only one option of \(statusField.id) may be marked decided: true")
        }
        for section in sections { try checkSectionFieldsCarry(section, node: m["sections"]!) }
        var fallbackSectionID: String?
        if let node = m["fallbackSection"] {
            let id = try string(node, "fallbackSection")
            guard let section = sections.first(where: { $0.id == id }) else {
                throw fail(node, "fallbackSection \"\(id)\" is not a section of the form")
            }
            guard section.fields.contains(where: { $0.kind.isText }) else {
                throw fail(node, "fallbackSection \"\(id)\" has no text field to take imported text")
            }
            fallbackSectionID = id
        }
        var form = FormDefinition(
            id: id, version: version, title: try localized(m["title"]!, "title"), premises: premises,
            planPeriod: PlanPeriod(firstYear: firstYear, yearCount: years),
            deadline: timeline.deadline?.start ?? SimpleDate(year: 1970, month: 1, day: 1)!, timeline: timeline,
            committees: committees, metadata: metadata,
            conditions: conditions, sections: sections, fallbackSectionID: fallbackSectionID, source: source,
            shortTitle: try m["shortTitle"].map { n throws(FormError) in try localized(n, "shortTitle") },
            review: try m["review"].map { n throws(FormError) in
                var items: [String] = []
                for item in try sequence(n, "review") { items.append(try string(item, "a review item")) }
                return items
            } ?? [])
        form.answers = try m["answers"].map { node throws(FormError) in try answers(node, sections: sections) } ?? AnswerOptions()
        return form
    }

    /// `carry` belongs to the metadata page: next year's draft starts from last year's
    /// headings by their own rule, so a section field marked to carry is a mistake.
    func checkSectionFieldsCarry(_ section: SectionDefinition, node: Node) throws(FormError) {
        if let field = section.fields.first(where: \.carry) {
            throw fail(node, "carry belongs to metadata fields only (field \(field.id) of section \(section.id))")
        }
    }

    /// The round's timeline: phases with a date or a from–to period, in date order, one of
    /// them the deadline. Forms written before timelines give only `deadline: DATE`, which
    /// reads as a timeline of that one day.
    func timeline(_ node: Node?, legacyDeadline: Node?, form: Node) throws(FormError) -> Timeline {
        if let legacyDeadline {
            guard node == nil else {
                throw fail(legacyDeadline, "deadline is given twice: remove the top-level deadline, the timeline's phase \"deadline\" holds it")
            }
            let date = try date(legacyDeadline, "deadline")
            return Timeline(phases: [TimelinePhase(id: Timeline.deadlineID, label: Timeline.standardDeadlineLabel, start: date)])
        }
        guard let node else {
            throw fail(form, "the form lacks a timeline (a list of phases, one of them with id: deadline)")
        }
        var phases: [TimelinePhase] = []
        for item in try sequence(node, "timeline") {
            let m = try members(mapping(item, "a timeline phase"), in: item, what: "a timeline phase",
                                allowed: ["id", "label", "date", "from", "to"], required: ["id", "label"])
            let id = try identifier(m["id"]!, "phase id", pattern: .camel)
            guard !phases.contains(where: { $0.id == id }) else { throw fail(m["id"], "phase id \"\(id)\" is used twice in the timeline") }
            let label = try localized(m["label"]!, "phase label")
            let start: SimpleDate
            let end: SimpleDate
            switch (m["date"], m["from"], m["to"]) {
            case (let d?, nil, nil):
                start = try date(d, "date of phase \(id)")
                end = start
            case (nil, let f?, let t?):
                start = try date(f, "from of phase \(id)")
                end = try date(t, "to of phase \(id)")
                guard start <= end else { throw fail(t, "phase \(id) ends (\(end)) before it starts (\(start))") }
            default:
                throw fail(item, "phase \(id) needs either date: YYYY-MM-DD or both from: and to:")
            }
            if let previous = phases.last, start < previous.start {
                throw fail(m["date"] ?? m["from"], "phase \(id) starts \(start), before phase \(previous.id) above it (\(previous.start)): list the phases in date order")
            }
            if id == Timeline.deadlineID, start != end {
                throw fail(m["from"], "the deadline is one day: write date: YYYY-MM-DD, not from: and to:")
            }
            phases.append(TimelinePhase(id: id, label: label, start: start, end: end))
        }
        guard phases.contains(where: { $0.id == Timeline.deadlineID }) else {
            throw fail(node, "the timeline lacks the deadline: add a phase with id: deadline and the last day for the feedback")
        }
        return Timeline(phases: phases)
    }

    func committees(_ node: Node) throws(FormError) -> [Committee] {
        var result: [Committee] = []
        for item in try sequence(node, "committees") {
            let m = try members(mapping(item, "a committee"), in: item, what: "a committee",
                                allowed: ["id", "name", "nameEn"], required: ["id", "name"])
            let id = try identifier(m["id"]!, "committee id", pattern: .slug)
            guard !result.contains(where: { $0.id == id }) else { throw fail(m["id"], "committee id \"\(id)\" is used twice") }
            let name = try string(m["name"]!, "committee name")
            let nameEn = try m["nameEn"].map { n throws(FormError) in try string(n, "committee nameEn") } ?? name
            result.append(Committee(id: id, name: name, nameEn: nameEn))
        }
        guard !result.isEmpty else { throw fail(node, "committees must list at least one committee") }
        return result
    }

    func sections(_ node: Node, period: PlanPeriod) throws(FormError) -> [SectionDefinition] {
        var result: [SectionDefinition] = []
        for item in try sequence(node, "sections") {
            let m = try members(mapping(item, "a section"), in: item, what: "a section",
                                allowed: ["id", "number", "title", "shortTitle", "guidance", "fields"],
                                required: ["id", "number", "title", "guidance", "fields"])
            let id = try identifier(m["id"]!, "section id", pattern: .camel)
            guard !result.contains(where: { $0.id == id }) else { throw fail(m["id"], "section id \"\(id)\" is used twice") }
            let number = try integer(m["number"]!, "section number")
            guard number == result.count + 1 else {
                throw fail(m["number"], "section number must be \(result.count + 1) (sections are numbered in order)")
            }
            let title = try localized(m["title"]!, "section title")
            let fields = try self.fields(m["fields"]!, what: "section \(id)", period: period)
            guard !fields.isEmpty else { throw fail(m["fields"], "section \(id) must have at least one field") }
            result.append(SectionDefinition(
                id: id, number: number, title: title,
                shortTitle: try m["shortTitle"].map { n throws(FormError) in try localized(n, "shortTitle") } ?? title,
                guidance: try localized(m["guidance"]!, "guidance"), fields: fields))
        }
        guard !result.isEmpty else { throw fail(node, "sections must list at least one section") }
        return result
    }

    static let ruleKeys: Set<String> = ["required", "minChars", "maxChars", "minWords", "maxWords", "pattern", "min", "max",
                                        "minDate", "maxDate", "minRows", "maxRows"]

    func fields(_ node: Node, what: String, period: PlanPeriod) throws(FormError) -> [FieldDefinition] {
        var result: [FieldDefinition] = []
        for item in try sequence(node, "fields of \(what)") {
            let m = try members(mapping(item, "a field"), in: item, what: "a field",
                                allowed: Self.ruleKeys.union(["id", "type", "label", "help", "options", "columns", "default", "carry", "matrix", "caseNumber"]),
                                required: ["id", "type", "label"])
            let id = try identifier(m["id"]!, "field id", pattern: .camel)
            guard !result.contains(where: { $0.id == id }) else { throw fail(m["id"], "field id \"\(id)\" is used twice in \(what)") }
            let typeNode = m["type"]!
            let type = try string(typeNode, "type")
            let kind: FieldKind
            switch type {
            case "longText": kind = .longText
            case "shortText": kind = .shortText
            case "date": kind = .date
            case "amount": kind = .amount
            case "committee": kind = .committee
            case "choice": kind = .choice(try options(m["options"], owner: item))
            case "table": kind = .table(try columns(m["columns"], owner: item))
            default:
                throw fail(typeNode, "unknown field type \"\(type)\" (known: longText, shortText, date, amount, choice, committee, table)")
            }
            if m["options"] != nil, type != "choice" { throw fail(m["options"], "options belong to choice fields only") }
            if m["columns"] != nil, type != "table" { throw fail(m["columns"], "columns belong to table fields only") }
            let rules = try self.rules(m, owner: item, typeName: type)
            var defaultValue: String?
            if let d = m["default"] {
                let value = try string(d, "default")
                guard case .choice(let opts) = kind, opts.contains(where: { $0.id == value }) else {
                    throw fail(d, "default must be one of the field's option ids")
                }
                defaultValue = value
            }
            let caseNumber = try m["caseNumber"].map { n throws(FormError) in try bool(n, "caseNumber") } ?? false
            if caseNumber, kind != .shortText { throw fail(m["caseNumber"], "caseNumber belongs to a shortText field") }
            if m["carry"] != nil, case .table = kind { throw fail(m["carry"], "carry belongs to fields with one value, not tables") }
            var matrix: TableMatrix?
            if let node = m["matrix"] {
                guard case .table(let columns) = kind else { throw fail(node, "matrix belongs to table fields only") }
                matrix = try self.matrix(node, columns: columns)
            }
            result.append(FieldDefinition(
                id: id, label: try localized(m["label"]!, "label"),
                help: try m["help"].map { n throws(FormError) in try localized(n, "help") },
                kind: kind, rules: rules, defaultValue: defaultValue, caseNumber: caseNumber,
                carry: try m["carry"].map { n throws(FormError) in try bool(n, "carry") } ?? false,
                matrix: matrix))
        }
        return result
    }

    /// `matrix: {rows: COLUMN, columns: COLUMN}`: two different choice columns of the table.
    func matrix(_ node: Node, columns: [ColumnDefinition]) throws(FormError) -> TableMatrix {
        let m = try members(mapping(node, "matrix"), in: node, what: "matrix", allowed: ["rows", "columns"], required: ["rows", "columns"])
        var ids: [String] = []
        for key in ["rows", "columns"] {
            let id = try string(m[key]!, "matrix.\(key)")
            guard let column = columns.first(where: { $0.id == id }) else {
                throw fail(m[key], "matrix.\(key) \"\(id)\" is not a column of the table")
            }
            guard case .choice = column.kind else { throw fail(m[key], "matrix.\(key) \"\(id)\" must be a choice column") }
            ids.append(id)
        }
        guard ids[0] != ids[1] else { throw fail(m["columns"], "matrix.rows and matrix.columns must be two different columns") }
        return TableMatrix(rows: ids[0], columns: ids[1])
    }

    func options(_ node: Node?, owner: Node, allowDecided: Bool = true) throws(FormError) -> [ChoiceOption] {
        guard let node else { throw fail(owner, "a choice needs options") }
        var result: [ChoiceOption] = []
        for item in try sequence(node, "options") {
            let m = try members(mapping(item, "an option"), in: item, what: "an option",
                                allowed: allowDecided ? ["id", "label", "decided"] : ["id", "label"], required: ["id", "label"])
            let id = try identifier(m["id"]!, "option id", pattern: .option)
            guard !result.contains(where: { $0.id == id }) else { throw fail(m["id"], "option id \"\(id)\" is used twice") }
            result.append(ChoiceOption(id: id, label: try localized(m["label"]!, "option label"),
                                       decided: try m["decided"].map { n throws(FormError) in try bool(n, "decided") } ?? false))
        }
        guard !result.isEmpty else { throw fail(node, "a choice needs at least one option") }
        return result
    }

    func columns(_ node: Node?, owner: Node) throws(FormError) -> [ColumnDefinition] {
        guard let node else { throw fail(owner, "a table needs columns") }
        var result: [ColumnDefinition] = []
        for item in try sequence(node, "columns") {
            let m = try members(mapping(item, "a column"), in: item, what: "a column",
                                allowed: Self.ruleKeys.union(["id", "type", "label", "help", "options", "sum"]),
                                required: ["id", "type", "label"])
            let id = try identifier(m["id"]!, "column id", pattern: .camel)
            guard !result.contains(where: { $0.id == id }) else { throw fail(m["id"], "column id \"\(id)\" is used twice") }
            // Drafts keep a carried-over row's mark under this name beside the row's cells.
            guard id != "carriedOver" else { throw fail(m["id"], "column id \"carriedOver\" is reserved for drafts") }
            let typeNode = m["type"]!
            let type = try string(typeNode, "type")
            let kind: ColumnKind
            switch type {
            case "shortText": kind = .shortText
            case "amount": kind = .amount
            case "planYears": kind = .planYears
            case "choice": kind = .choice(try options(m["options"], owner: item, allowDecided: false))
            default: throw fail(typeNode, "unknown column type \"\(type)\" (known: shortText, amount, choice, planYears)")
            }
            if m["options"] != nil, type != "choice" { throw fail(m["options"], "options belong to choice columns only") }
            if m["sum"] != nil, type != "planYears" { throw fail(m["sum"], "sum belongs to planYears columns only") }
            result.append(ColumnDefinition(
                id: id, label: try localized(m["label"]!, "label"),
                help: try m["help"].map { n throws(FormError) in try localized(n, "help") },
                kind: kind, rules: try rules(m, owner: item, typeName: type),
                summable: try m["sum"].map { n throws(FormError) in try bool(n, "sum") } ?? true))
        }
        guard !result.isEmpty else { throw fail(node, "a table needs at least one column") }
        return result
    }

    func rules(_ m: [String: Node], owner: Node, typeName: String) throws(FormError) -> FieldRules {
        let applicable: [String: Set<String>] = [
            "longText": ["required", "minChars", "maxChars", "minWords", "maxWords", "pattern"],
            "shortText": ["required", "minChars", "maxChars", "minWords", "maxWords", "pattern"],
            "date": ["required", "minDate", "maxDate"],
            "amount": ["required", "min", "max"],
            "planYears": ["required", "min", "max"],
            "choice": ["required"],
            "committee": ["required"],
            "table": ["required", "minRows", "maxRows"],
        ]
        for key in Self.ruleKeys where m[key] != nil && !(applicable[typeName]?.contains(key) ?? false) {
            throw fail(m[key], "the rule \(key) does not apply to a \(typeName) field")
        }
        var rules = FieldRules()
        rules.required = try rule(m["required"], "required") { n throws(FormError) in try bool(n, "required") }
        let count = { (key: String) throws(FormError) -> Rule<Int>? in
            try rule(m[key], key) { n throws(FormError) in
                let v = try integer(n, key)
                guard v >= 0 else { throw fail(n, "\(key) must not be negative") }
                return v
            }
        }
        rules.minChars = try count("minChars")
        rules.maxChars = try count("maxChars")
        rules.minWords = try count("minWords")
        rules.maxWords = try count("maxWords")
        rules.minRows = try count("minRows")
        rules.maxRows = try count("maxRows")
        rules.min = try rule(m["min"], "min") { n throws(FormError) in try integer(n, "min") }
        rules.max = try rule(m["max"], "max") { n throws(FormError) in try integer(n, "max") }
        rules.minDate = try rule(m["minDate"], "minDate") { n throws(FormError) in try date(n, "minDate") }
        rules.maxDate = try rule(m["maxDate"], "maxDate") { n throws(FormError) in try date(n, "maxDate") }
        if let p = m["pattern"] { rules.pattern = try pattern(p) }
        try checkConsistency(rules, m)
        return rules
    }

    /// Limits that no value can satisfy together (min above max, a required text that may
    /// hold nothing, more than the program allows) are a mistake in the form: refused here,
    /// not discovered by a secretary who can never get rid of the error.
    func checkConsistency(_ rules: FieldRules, _ m: [String: Node]) throws(FormError) {
        func order<V: Comparable>(_ low: Rule<V>?, _ lowKey: String, _ high: Rule<V>?, _ highKey: String) throws(FormError) {
            if let low, let high, low.value > high.value {
                throw fail(m[lowKey], "\(lowKey) (\(low.value)) is above \(highKey) (\(high.value)): no value can satisfy both")
            }
        }
        try order(rules.minChars, "minChars", rules.maxChars, "maxChars")
        try order(rules.minWords, "minWords", rules.maxWords, "maxWords")
        try order(rules.min, "min", rules.max, "max")
        try order(rules.minRows, "minRows", rules.maxRows, "maxRows")
        if let low = rules.minDate, let high = rules.maxDate, low.value > high.value {
            throw fail(m["minDate"], "minDate (\(low.value)) is after maxDate (\(high.value)): no date can satisfy both")
        }
        if let words = rules.minWords, let chars = rules.maxChars, words.value > 0, 2 * words.value - 1 > chars.value {
            throw fail(m["minWords"], "minWords (\(words.value)) needs at least \(2 * words.value - 1) characters, more than maxChars (\(chars.value))")
        }
        if rules.isRequired {
            for (key, rule) in [("maxChars", rules.maxChars), ("maxWords", rules.maxWords), ("maxRows", rules.maxRows)] {
                if let rule, rule.value == 0 {
                    throw fail(m[key], "the field is required but \(key) is 0: nothing can be written that passes both")
                }
            }
        }
        let limits = Limits.standard
        if let rule = rules.minChars, rule.value > limits.textCharacters {
            throw fail(m["minChars"], "minChars (\(rule.value)) is above the program's limit of \(limits.textCharacters) characters per text")
        }
        if let rule = rules.minRows, rule.value > limits.tableRows {
            throw fail(m["minRows"], "minRows (\(rule.value)) is above the program's limit of \(limits.tableRows) rows per table")
        }
    }

    func rule<V>(_ node: Node?, _ key: String, value: (Node) throws(FormError) -> V) throws(FormError) -> Rule<V>? {
        guard let node else { return nil }
        if case .mapping(let mapping) = node {
            let m = try members(mapping, in: node, what: key, allowed: ["value", "severity", "message"], required: ["value"])
            return Rule(try value(m["value"]!), severity: try severity(m["severity"]),
                        message: try m["message"].map { n throws(FormError) in try localized(n, "message") })
        }
        return Rule(try value(node))
    }

    func severity(_ node: Node?) throws(FormError) -> Severity {
        guard let node else { return .error }
        let text = try string(node, "severity")
        guard let severity = Severity(rawValue: text) else { throw fail(node, "severity must be error or warning") }
        return severity
    }

    func pattern(_ node: Node) throws(FormError) -> PatternRule {
        let m = try members(mapping(node, "pattern"), in: node, what: "pattern",
                            allowed: ["regex", "severity", "message"], required: ["regex", "message"])
        let regex = try string(m["regex"]!, "regex")
        let compiled: CompiledPattern
        do { compiled = try CompiledPattern(regex) } catch {
            let place = error.offset > 0 ? " at character \(error.offset + 1)" : ""
            throw fail(m["regex"], "the regex \(regex) is refused\(place): \(error.reason)")
        }
        return PatternRule(regex: regex, severity: try severity(m["severity"]),
                           message: try localized(m["message"]!, "message"), compiled: compiled)
    }

    func conditions(_ node: Node, metadata: [FieldDefinition]) throws(FormError) -> [Condition] {
        var result: [Condition] = []
        for item in try sequence(node, "conditions") {
            let m = try members(mapping(item, "a condition"), in: item, what: "a condition",
                                allowed: ["when", "require", "message"], required: ["when", "require", "message"])
            let whenNode = m["when"]!
            let w = try members(mapping(whenNode, "when"), in: whenNode, what: "when", allowed: ["field", "equals"], required: ["field", "equals"])
            let field = try string(w["field"]!, "when.field")
            guard let definition = metadata.first(where: { $0.id == field }) else {
                throw fail(w["field"], "when.field \"\(field)\" is not a metadata field")
            }
            let equals = try string(w["equals"]!, "when.equals")
            if case .choice(let options) = definition.kind, !options.contains(where: { $0.id == equals }) {
                throw fail(w["equals"], "\"\(equals)\" is not an option of \(field)")
            }
            var require: [String] = []
            for r in try sequence(m["require"]!, "require") {
                let name = try string(r, "require")
                guard metadata.contains(where: { $0.id == name }) else { throw fail(r, "\"\(name)\" is not a metadata field") }
                require.append(name)
            }
            result.append(Condition(field: field, equals: equals, require: require, message: try localized(m["message"]!, "message")))
        }
        return result
    }
}

// MARK: - The board's answers

extension NodeReader {
    /// `answers:` with `judgements` (options, at least one) and optionally `rows`: for a table
    /// field named by its id (unique among the form's tables), what is decided per row.
    func answers(_ node: Node, sections: [SectionDefinition]) throws(FormError) -> AnswerOptions {
        let m = try members(mapping(node, "answers"), in: node, what: "answers", allowed: ["judgements", "rows"], required: ["judgements"])
        let judgements = try options(m["judgements"], owner: node)
        var rows: [RowDecisions] = []
        for item in try m["rows"].map({ node throws(FormError) in try sequence(node, "answers.rows") }) ?? [] {
            let r = try members(mapping(item, "an answers row"), in: item, what: "an answers row",
                                allowed: ["table", "label", "options"], required: ["table", "label", "options"])
            let table = try string(r["table"]!, "answers.rows.table")
            let places = sections.flatMap { section in
                section.fields.filter { $0.id == table && $0.columns.count > 0 }.map { (section.id, $0.id) }
            }
            guard let place = places.first else { throw fail(r["table"], "answers.rows.table \"\(table)\" is not a table field of the form") }
            guard places.count == 1 else { throw fail(r["table"], "answers.rows.table \"\(table)\" names more than one table; give the tables different ids") }
            guard !rows.contains(where: { $0.sectionID == place.0 && $0.fieldID == place.1 }) else {
                throw fail(r["table"], "answers.rows names the table \"\(table)\" twice")
            }
            rows.append(RowDecisions(sectionID: place.0, fieldID: place.1, label: try localized(r["label"]!, "answers.rows.label"),
                                     options: try options(r["options"], owner: item)))
        }
        return AnswerOptions(judgements: judgements, rows: rows)
    }
}
