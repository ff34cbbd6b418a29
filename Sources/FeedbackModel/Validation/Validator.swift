/// Checks a draft against its form. Findings never stop anything but export: the draft can
/// always be edited, saved and closed.
public struct Validator: Sendable {
    public let form: FormDefinition
    /// The program's limits, checked with the form's own rules (and before its patterns).
    public let limits: Limits
    /// Today's date, for the warning that a draft is late; nil leaves that check out (an
    /// export's content must not depend on the day it is made).
    public let today: SimpleDate?

    public init(form: FormDefinition, today: SimpleDate? = nil, limits: Limits = .standard) {
        self.form = form
        self.today = today
        self.limits = limits
    }

    /// Every finding for the draft, metadata first, then the sections in order.
    public func validate(_ draft: Draft) -> [Finding] {
        var findings: [Finding] = []
        for field in form.metadata {
            findings += validate(field: field, value: draft.metadata[field.id], at: .metadata(field.id))
        }
        findings += validateConditions(draft)
        findings += validateCalendar(draft)
        for section in form.sections {
            for field in section.fields {
                findings += validate(field: field, value: draft.sections[section.id]?[field.id], at: .section(section.id, field.id))
            }
        }
        findings += validateCarryOver(draft)
        return findings
    }

    /// One warning per part carried over from last year and not yet edited or confirmed.
    public func validateCarryOver(_ draft: Draft) -> [Finding] {
        guard draft.carriedOver != nil || draft.sections.values.contains(where: { $0.values.contains { $0.rows.contains { $0.carry != nil } } }) else {
            return []
        }
        return draft.unconfirmedCarriedParts(in: form).map { part in
            let label = Localized(sv: draft.label(of: part, in: form, language: .sv), en: draft.label(of: part, in: form, language: .en))
            switch part {
            case .field(let place):
                return Finding(severity: .warning, code: "carriedOverUnconfirmed", pointer: place.pointer,
                               target: FindingTarget(field: place), message: Messages.carriedUnconfirmed(label))
            case .row(let place, let index):
                return Finding(severity: .warning, code: "carriedOverUnconfirmed", pointer: "\(place.pointer)/\(index)",
                               target: FindingTarget(field: place, row: index), message: Messages.carriedUnconfirmed(label))
            case .note(let index):
                return Finding(severity: .warning, code: "carriedOverNote", pointer: "/carriedOver/notes/\(index)",
                               target: FindingTarget(field: noteTarget(draft.carriedOver?.notes[index])), message: Messages.carriedNote(label))
            }
        }
    }

    /// Where the interface shows a note: this year's heading with last year's number, else the details page.
    public func noteTarget(_ note: CarriedNote?) -> FieldPlace {
        if let number = note?.number, let section = form.sections.first(where: { $0.number == number }),
           let field = section.fields.first(where: { $0.kind == .longText }) {
            return .section(section.id, field.id)
        }
        return .metadata(form.committeeFieldID ?? form.metadata.first?.id ?? "committee")
    }

    /// The findings of the conditional rules (e.g. the decided status requires the meeting's date and paragraph).
    public func validateConditions(_ draft: Draft) -> [Finding] {
        var findings: [Finding] = []
        for condition in form.conditions {
            guard case .text(let value)? = draft.metadata[condition.field], value == condition.equals else { continue }
            for id in condition.require {
                let filled: Bool
                switch draft.metadata[id] {
                case .text(let s)?: filled = TextRules.stats(s).hasContent
                case .integer?: filled = true
                case .table(let rows)?: filled = !rows.isEmpty
                case nil: filled = false
                }
                if !filled {
                    let label = form.metadataField(id: id)?.label ?? Localized(sv: id, en: id)
                    let place = FieldPlace.metadata(id)
                    findings.append(Finding(severity: .error, code: "conditionRequired", pointer: place.pointer,
                                            target: FindingTarget(field: place),
                                            message: Localized(sv: "\(label.sv): \(condition.message.sv)", en: "\(label.en): \(condition.message.en)")))
                }
            }
        }
        return findings
    }

    /// The warning that the draft is late: today is after the deadline and the feedback is
    /// not decided. Empty when the validator has no `today`.
    public func validateCalendar(_ draft: Draft) -> [Finding] {
        guard let today, case .overdue = form.deadlineStatus(today: today),
              !form.isDecided(status: draft.status(in: form)),
              let statusID = form.statusFieldID else { return [] }
        let place = FieldPlace.metadata(statusID)
        return [Finding(severity: .warning, code: "lateDraft", pointer: place.pointer, target: FindingTarget(field: place),
                        message: Messages.lateDraft(form.deadline, form.deadlineStatus(today: today)))]
    }

    /// The findings of one field.
    public func validate(field: FieldDefinition, value: FieldValue?, at place: FieldPlace) -> [Finding] {
        let label = field.label
        if case .metadata(let id) = place, id == form.meetingDateFieldID {
            return validateDate(rules: field.rules, text: stringValue(value), label: label, target: FindingTarget(field: place),
                                pointer: place.pointer) + validateMeetingDate(stringValue(value), label: label, at: place)
        }
        switch field.kind {
        case .longText, .shortText:
            let text: String
            switch value {
            case .text(let s)?: text = s
            case .integer(let n)?: text = String(n)
            default: text = ""
            }
            let nfc = TextRules.nfc(text)
            let normalized = field.kind == .longText ? Paragraphs.canonical(nfc) : nfc
            return validateText(field: field, stats: TextRules.stats(normalized), text: normalized, at: place)
        case .date:
            let text = stringValue(value)
            return validateDate(rules: field.rules, text: text, label: label, target: FindingTarget(field: place), pointer: place.pointer)
        case .amount:
            return validateAmount(rules: field.rules, cell: value.flatMap(cellValue), label: label,
                                  target: FindingTarget(field: place), pointer: place.pointer)
        case .choice(let options):
            return validateChoice(rules: field.rules, text: stringValue(value), ids: options.map(\.id), label: label,
                                  target: FindingTarget(field: place), pointer: place.pointer)
        case .committee:
            return validateChoice(rules: field.rules, text: stringValue(value), ids: form.committees.map(\.id), label: label,
                                  target: FindingTarget(field: place), pointer: place.pointer)
        case .table(let columns):
            return validateTable(field: field, columns: columns, rows: value?.rows ?? [], at: place)
        }
    }

    private func stringValue(_ value: FieldValue?) -> String {
        switch value {
        case .text(let s)?: return s
        case .integer(let n)?: return String(n)
        default: return ""
        }
    }

    private func cellValue(_ value: FieldValue) -> CellValue? {
        switch value {
        case .text(let s): return .text(s)
        case .integer(let n): return .integer(n)
        case .table: return nil
        }
    }

    /// Text rules from counts kept elsewhere (the interface keeps them per paragraph).
    /// `text` is needed only for pattern rules; pass nil to skip them.
    public func validateText(field: FieldDefinition, stats: TextStats, text: String?, at place: FieldPlace,
                             row: Int? = nil, cell: String? = nil, pointer: String? = nil) -> [Finding] {
        validateText(rules: field.rules, label: field.label, stats: stats, text: text,
                     target: FindingTarget(field: place, row: row, cell: cell), pointer: pointer ?? place.pointer)
    }

    func validateText(rules: FieldRules, label: Localized, stats: TextStats, text: String?,
                      target: FindingTarget, pointer: String) -> [Finding] {
        var findings: [Finding] = []
        func add(_ code: String, _ severity: Severity, _ message: Localized, offset: Int? = nil) {
            var t = target
            t.offset = offset
            findings.append(Finding(severity: severity, code: code, pointer: pointer, target: t, message: message))
        }
        if !stats.hasContent {
            if let required = rules.required, required.value {
                add("required", required.severity, required.message ?? Messages.required(label))
            }
        } else {
            if let rule = rules.minChars, stats.characters < rule.value {
                add("minChars", rule.severity, rule.message ?? Messages.minChars(label, stats.characters, rule.value))
            }
            if let rule = rules.minWords, stats.words < rule.value {
                add("minWords", rule.severity, Messages.withCount(rule.message, Messages.minWords(label, stats.words, rule.value), stats.words, rule.value, words: true))
            }
            // Lengths before patterns: a value over its length limit is reported as too long and
            // never matched, so no value can make validation slow.
            if let rule = rules.pattern, let text, !(rules.maxChars.map { stats.characters > $0.value } ?? false) {
                if stats.characters > limits.patternInputCharacters {
                    add("patternNotChecked", rule.severity, Messages.patternNotChecked(label, stats.characters, limits.patternInputCharacters))
                } else if !rule.matches(text) {
                    add("pattern", rule.severity, Localized(sv: "\(label.sv): \(rule.message.sv)", en: "\(label.en): \(rule.message.en)"))
                }
            }
        }
        if stats.characters > limits.textCharacters {
            add("textTooLong", .error, Messages.textTooLong(label, stats.characters, limits.textCharacters))
        }
        if let rule = rules.maxChars, stats.characters > rule.value {
            add("maxChars", rule.severity, Messages.withCount(rule.message, Messages.maxChars(label, stats.characters, rule.value), stats.characters, rule.value, words: false))
        }
        if let rule = rules.maxWords, stats.words > rule.value {
            add("maxWords", rule.severity, Messages.withCount(rule.message, Messages.maxWords(label, stats.words, rule.value), stats.words, rule.value, words: true))
        }
        // One finding per kind of hazardous character, at the first one, with the total count.
        for (kind, code, severity) in [(TextRules.Hazard.control, "controlCharacter", Severity.error),
                                       (.bidi, "bidiCharacter", .error), (.format, "formatCharacter", .warning)] {
            let total = stats.count(of: kind)
            guard total > 0 else { continue }
            let first = stats.hazards.first { $0.kind == kind }
            add(code, severity, Messages.hazard(label, kind: kind, first: first, total: total), offset: first?.offset)
        }
        return findings
    }

    func validateDate(rules: FieldRules, text: String, label: Localized, target: FindingTarget, pointer: String) -> [Finding] {
        var findings: [Finding] = []
        let trimmed = text.trimmingWhitespace
        if trimmed.isEmpty {
            if let required = rules.required, required.value {
                findings.append(Finding(severity: required.severity, code: "required", pointer: pointer, target: target,
                                        message: required.message ?? Messages.required(label)))
            }
            return findings
        }
        guard let date = SimpleDate(iso: trimmed) else {
            return [Finding(severity: .error, code: "invalidDate", pointer: pointer, target: target, message: Messages.invalidDate(label, text))]
        }
        if let rule = rules.minDate, date < rule.value {
            findings.append(Finding(severity: rule.severity, code: "dateTooEarly", pointer: pointer, target: target,
                                    message: rule.message ?? Messages.dateTooEarly(label, rule.value)))
        }
        if let rule = rules.maxDate, date > rule.value {
            findings.append(Finding(severity: rule.severity, code: "dateTooLate", pointer: pointer, target: target,
                                    message: rule.message ?? Messages.dateTooLate(label, rule.value)))
        }
        return findings
    }

    /// A meeting after the deadline means the feedback will be late: a warning on the date.
    func validateMeetingDate(_ text: String, label: Localized, at place: FieldPlace) -> [Finding] {
        guard let date = SimpleDate(iso: text.trimmingWhitespace), date > form.deadline else { return [] }
        return [Finding(severity: .warning, code: "meetingAfterDeadline", pointer: place.pointer, target: FindingTarget(field: place),
                        message: Messages.meetingAfterDeadline(label, date, form.deadline))]
    }

    func validateAmount(rules: FieldRules, cell: CellValue?, label: Localized, target: FindingTarget, pointer: String) -> [Finding] {
        var number: Int?
        var blank = false
        switch cell {
        case .integer(let n)?: number = n
        case .text(let s)?:
            if s.trimmingWhitespace.isEmpty {
                blank = true
            } else if let n = AmountFormat.parse(s) {
                number = n
            } else {
                return [Finding(severity: .error, code: "invalidAmount", pointer: pointer, target: target, message: Messages.invalidAmount(label, s))]
            }
        case nil: blank = true
        }
        guard !blank, let number else {
            if let required = rules.required, required.value {
                return [Finding(severity: required.severity, code: "required", pointer: pointer, target: target,
                                message: required.message ?? Messages.required(label))]
            }
            return []
        }
        var findings: [Finding] = []
        if let rule = rules.min, number < rule.value {
            findings.append(Finding(severity: rule.severity, code: "amountTooSmall", pointer: pointer, target: target,
                                    message: rule.message ?? Messages.amountTooSmall(label, number, rule.value)))
        }
        if let rule = rules.max, number > rule.value {
            findings.append(Finding(severity: rule.severity, code: "amountTooLarge", pointer: pointer, target: target,
                                    message: rule.message ?? Messages.amountTooLarge(label, number, rule.value)))
        }
        return findings
    }

    func validateChoice(rules: FieldRules, text: String, ids: [String], label: Localized, target: FindingTarget, pointer: String) -> [Finding] {
        if text.isEmpty {
            if let required = rules.required, required.value {
                return [Finding(severity: required.severity, code: "required", pointer: pointer, target: target,
                                message: required.message ?? Messages.required(label))]
            }
            return []
        }
        guard ids.contains(text) else {
            return [Finding(severity: .error, code: "invalidChoice", pointer: pointer, target: target,
                            message: Messages.invalidChoice(label, text, ids))]
        }
        return []
    }

    func validateTable(field: FieldDefinition, columns: [ColumnDefinition], rows: [TableRow], at place: FieldPlace) -> [Finding] {
        var findings = validateTableCounts(field: field, rowCount: rows.count, at: place)
        for (index, row) in rows.enumerated() {
            findings += validateRow(row, index: index, columns: columns, tableLabel: field.label, at: place)
        }
        return findings
    }

    /// The findings of a table that belong to no row: required, too few or too many rows,
    /// the program's limit. With `validateRow` for the rows that changed, the findings of a
    /// table can be kept up to date in time independent of its length (a new row at the end
    /// needs only its own row and these).
    public func validateTableCounts(field: FieldDefinition, rowCount: Int, at place: FieldPlace) -> [Finding] {
        var findings: [Finding] = []
        let label = field.label
        let target = FindingTarget(field: place)
        if rowCount == 0, let required = field.rules.required, required.value {
            findings.append(Finding(severity: required.severity, code: "required", pointer: place.pointer, target: target,
                                    message: required.message ?? Messages.required(label)))
        }
        if let rule = field.rules.minRows, rowCount < rule.value {
            findings.append(Finding(severity: rule.severity, code: "tooFewRows", pointer: place.pointer, target: target,
                                    message: rule.message ?? Messages.tooFewRows(label, rowCount, rule.value)))
        }
        if rowCount > limits.tableRows {
            findings.append(Finding(severity: .error, code: "tableTooLong", pointer: place.pointer, target: target,
                                    message: Messages.tableTooLong(label, rowCount, limits.tableRows)))
        }
        if let rule = field.rules.maxRows, rowCount > rule.value {
            findings.append(Finding(severity: rule.severity, code: "tooManyRows", pointer: place.pointer, target: target,
                                    message: rule.message ?? Messages.tooManyRows(label, rowCount, rule.value)))
        }
        return findings
    }

    /// The findings of one table row.
    public func validateRow(_ row: TableRow, index: Int, columns: [ColumnDefinition], tableLabel: Localized, at place: FieldPlace) -> [Finding] {
        // Every finding of a row names the table, the row (from 1) and the column, also when
        // the form gives a message of its own.
        var findings: [Finding] = []
        func named(_ list: [Finding], _ label: Localized) -> [Finding] {
            list.map { finding in
                var f = finding
                if !f.message.sv.hasPrefix(label.sv) { f.message.sv = "\(label.sv): \(f.message.sv)" }
                if !f.message.en.hasPrefix(label.en) { f.message.en = "\(label.en): \(f.message.en)" }
                return f
            }
        }
        let rowPointer = "\(place.pointer)/\(index)"
        for column in columns {
            let cellLabel = Messages.cellLabel(tableLabel, row: index, column: column.label)
            let pointer = "\(rowPointer)/\(JSONPointer.escape(column.id))"
            let target = FindingTarget(field: place, row: index, cell: column.id)
            switch column.kind {
            case .shortText:
                let text = TextRules.nfc(row[column.id]?.displayText ?? "")
                findings += named(validateText(rules: column.rules, label: cellLabel, stats: TextRules.stats(text), text: text,
                                               target: target, pointer: pointer), cellLabel)
            case .choice(let options):
                findings += named(validateChoice(rules: column.rules, text: row[column.id]?.displayText ?? "", ids: options.map(\.id),
                                                 label: cellLabel, target: target, pointer: pointer), cellLabel)
            case .amount:
                findings += named(validateAmount(rules: column.rules, cell: row[column.id], label: cellLabel, target: target, pointer: pointer), cellLabel)
            case .planYears:
                for year in form.planPeriod.years {
                    let key = TableRow.yearKey(column.id, year)
                    let yearLabel = Localized(sv: "\(cellLabel.sv) \(year)", en: "\(cellLabel.en) \(year)")
                    findings += named(validateAmount(rules: column.rules, cell: row[key], label: yearLabel,
                                                     target: FindingTarget(field: place, row: index, cell: key),
                                                     pointer: "\(pointer)/\(year)"), yearLabel)
                }
                let prefix = column.id + "/"
                for key in row.cells.keys.sorted() where key.hasPrefix(prefix) {
                    guard let year = Int(key.dropFirst(prefix.count)), !form.planPeriod.contains(year) else { continue }
                    findings.append(Finding(severity: .error, code: "yearOutsidePlanPeriod", pointer: "\(pointer)/\(year)",
                                            target: FindingTarget(field: place, row: index, cell: key),
                                            message: Messages.yearOutside(cellLabel, year, form.planPeriod)))
                }
            }
        }
        return findings
    }
}

extension String {
    /// The text without leading and trailing Unicode white space.
    public var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !TextRules.isWhitespace($0.value) }),
              let last = scalars.lastIndex(where: { !TextRules.isWhitespace($0.value) }) else { return "" }
        return String(scalars[first...last])
    }
}
