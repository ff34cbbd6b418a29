/// Writes a form definition as Swift source, so the embedded form is built at start-up
/// without parsing YAML (which took about half of a `feedback validate`). The test that
/// keeps the embedded copy equal to `Forms/` regenerates this source and compares.
enum FormSwiftSource {
    static func render(_ forms: [FormDefinition]) -> String {
        var out = """
            // Generated from Forms/ by the test `embeddedFormsMatchFormsFolder` (run it with
            // FEEDBACK_RECORD=1 to regenerate). Do not edit by hand: edit Forms/ instead.

            extension EmbeddedForms {
                /// The parsed definitions of the files in Forms/, in the same order.
                static let definitions: [FormDefinition] = [

            """
        for form in forms { out += "        " + formLiteral(form, indent: 2) + ",\n" }
        out += "    ]\n}\n"
        return out
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || TextRules.hazard(scalar.value) != nil {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func localized(_ l: Localized) -> String { "Localized(sv: \(string(l.sv)), en: \(string(l.en)))" }
    static func date(_ d: SimpleDate) -> String { "SimpleDate(year: \(d.year), month: \(d.month), day: \(d.day))!" }
    static func optional<T>(_ value: T?, _ render: (T) -> String) -> String { value.map(render) ?? "nil" }

    static func rule<V>(_ rule: Rule<V>?, _ value: (V) -> String) -> String {
        guard let rule else { return "nil" }
        return "Rule(\(value(rule.value)), severity: .\(rule.severity.rawValue), message: \(optional(rule.message, localized)))"
    }

    static func rules(_ r: FieldRules) -> String {
        var parts: [String] = []
        func add(_ name: String, _ text: String) { if text != "nil" { parts.append("$0.\(name) = \(text)") } }
        add("required", rule(r.required) { "\($0)" })
        add("minChars", rule(r.minChars) { "\($0)" })
        add("maxChars", rule(r.maxChars) { "\($0)" })
        add("minWords", rule(r.minWords) { "\($0)" })
        add("maxWords", rule(r.maxWords) { "\($0)" })
        add("min", rule(r.min) { "\($0)" })
        add("max", rule(r.max) { "\($0)" })
        add("minDate", rule(r.minDate, date))
        add("maxDate", rule(r.maxDate, date))
        add("minRows", rule(r.minRows) { "\($0)" })
        add("maxRows", rule(r.maxRows) { "\($0)" })
        if let p = r.pattern {
            parts.append("$0.pattern = PatternRule(regex: \(string(p.regex)), severity: .\(p.severity.rawValue), message: \(localized(p.message)), compiled: CompiledPattern(valid: \(string(p.regex))))")
        }
        return "FieldRules.with { " + parts.joined(separator: "; ") + " }"
    }

    static func options(_ options: [ChoiceOption]) -> String {
        "[" + options.map { "ChoiceOption(id: \(string($0.id)), label: \(localized($0.label))\($0.decided ? ", decided: true" : ""))" }.joined(separator: ", ") + "]"
    }

    static func column(_ c: ColumnDefinition) -> String {
        let kind: String
        switch c.kind {
        case .shortText: kind = ".shortText"
        case .amount: kind = ".amount"
        case .planYears: kind = ".planYears"
        case .choice(let o): kind = ".choice(\(options(o)))"
        }
        return "ColumnDefinition(id: \(string(c.id)), label: \(localized(c.label)), help: \(optional(c.help, localized)), kind: \(kind), rules: \(rules(c.rules)), summable: \(c.summable))"
    }

    static func field(_ f: FieldDefinition, indent: Int) -> String {
        let kind: String
        switch f.kind {
        case .longText: kind = ".longText"
        case .shortText: kind = ".shortText"
        case .date: kind = ".date"
        case .amount: kind = ".amount"
        case .committee: kind = ".committee"
        case .choice(let o): kind = ".choice(\(options(o)))"
        case .table(let columns):
            let pad = String(repeating: "    ", count: indent + 1)
            kind = ".table([\n" + columns.map { pad + column($0) }.joined(separator: ",\n") + "])"
        }
        return "FieldDefinition(id: \(string(f.id)), label: \(localized(f.label)), help: \(optional(f.help, localized)), kind: \(kind), rules: \(rules(f.rules)), defaultValue: \(optional(f.defaultValue, string))"
            + (f.caseNumber ? ", caseNumber: true" : "")
            + (f.carry ? ", carry: true" : "")
            + (f.matrix.map { ", matrix: TableMatrix(rows: \(string($0.rows)), columns: \(string($0.columns)))" } ?? "") + ")"
    }

    static func formLiteral(_ form: FormDefinition, indent: Int) -> String {
        let pad = String(repeating: "    ", count: indent + 1)
        let fields = { (fields: [FieldDefinition]) -> String in
            "[\n" + fields.map { pad + "    " + field($0, indent: indent + 2) }.joined(separator: ",\n") + "]"
        }
        var out = "FormDefinition(\n"
        out += pad + "id: \(string(form.id)), version: \(form.version), title: \(localized(form.title)),\n"
        out += pad + "premises: Premises(title: \(string(form.premises.title)), caseNumber: \(string(form.premises.caseNumber))),\n"
        out += pad + "planPeriod: PlanPeriod(firstYear: \(form.planPeriod.firstYear), yearCount: \(form.planPeriod.yearCount)), deadline: \(date(form.deadline)),\n"
        out += pad + "timeline: Timeline(phases: [" + form.timeline.phases.map {
            "TimelinePhase(id: \(string($0.id)), label: \(localized($0.label)), start: \(date($0.start)), end: \(date($0.end)))"
        }.joined(separator: ", ") + "]),\n"
        out += pad + "committees: [" + form.committees.map { "Committee(id: \(string($0.id)), name: \(string($0.name)), nameEn: \(string($0.nameEn)))" }.joined(separator: ", ") + "],\n"
        out += pad + "metadata: " + fields(form.metadata) + ",\n"
        out += pad + "conditions: [" + form.conditions.map {
            "Condition(field: \(string($0.field)), equals: \(string($0.equals)), require: [\($0.require.map(string).joined(separator: ", "))], message: \(localized($0.message)))"
        }.joined(separator: ", ") + "],\n"
        out += pad + "sections: [\n" + form.sections.map { s in
            pad + "    SectionDefinition(id: \(string(s.id)), number: \(s.number), title: \(localized(s.title)), shortTitle: \(localized(s.shortTitle)),\n"
                + pad + "        guidance: \(localized(s.guidance)),\n"
                + pad + "        fields: " + fields(s.fields) + ")"
        }.joined(separator: ",\n") + "],\n"
        if let fallback = form.fallbackSectionID { out += pad + "fallbackSectionID: \(string(fallback)),\n" }
        out += pad + "source: \(string(form.source))"
        if let short = form.shortTitle { out += ",\n" + pad + "shortTitle: \(localized(short))" }
        if !form.review.isEmpty { out += ",\n" + pad + "review: [\(form.review.map(string).joined(separator: ", "))]" }
        out += ",\n" + pad + "answers: AnswerOptions(judgements: \(options(form.answers.judgements)), rows: [" + form.answers.rows.map {
            "RowDecisions(sectionID: \(string($0.sectionID)), fieldID: \(string($0.fieldID)), label: \(localized($0.label)), options: \(options($0.options)))"
        }.joined(separator: ", ") + "])"
        out += ")"
        return out
    }
}

extension FieldRules {
    /// Rules built by a closure (keeps generated code short).
    static func with(_ build: (inout FieldRules) -> Void) -> FieldRules {
        var rules = FieldRules()
        build(&rules)
        return rules
    }
}
