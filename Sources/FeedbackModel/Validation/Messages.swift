/// The validator's messages in Swedish and English. Numbers are written the Swedish way
/// ("12 000") in Swedish.
enum Messages {
    static func n(_ value: Int, _ language: Language) -> String {
        AmountFormat.display(value, separator: language == .sv ? " " : ",")
    }

    static func required(_ label: Localized) -> Localized {
        Localized(sv: "\(label.sv): måste fyllas i.", en: "\(label.en): is required.")
    }

    static func minChars(_ label: Localized, _ count: Int, _ limit: Int) -> Localized {
        Localized(sv: "\(label.sv): för kort, \(n(count, .sv)) tecken av minst \(n(limit, .sv)).",
                  en: "\(label.en): too short, \(n(count, .en)) characters of at least \(n(limit, .en)).")
    }

    static func maxChars(_ label: Localized, _ count: Int, _ limit: Int) -> Localized {
        Localized(sv: "\(label.sv): för lång, \(n(count, .sv)) tecken av högst \(n(limit, .sv)).",
                  en: "\(label.en): too long, \(n(count, .en)) characters of at most \(n(limit, .en)).")
    }

    static func minWords(_ label: Localized, _ count: Int, _ limit: Int) -> Localized {
        Localized(sv: "\(label.sv): \(n(count, .sv)) ord, minst \(n(limit, .sv)) väntas.",
                  en: "\(label.en): \(n(count, .en)) words, at least \(n(limit, .en)) expected.")
    }

    static func maxWords(_ label: Localized, _ count: Int, _ limit: Int) -> Localized {
        Localized(sv: "\(label.sv): \(n(count, .sv)) ord, högst \(n(limit, .sv)).",
                  en: "\(label.en): \(n(count, .en)) words, at most \(n(limit, .en)).")
    }

    /// A form's own message for a count rule, with the count and limit after it.
    static func withCount(_ custom: Localized?, _ standard: Localized, _ count: Int, _ limit: Int, words: Bool) -> Localized {
        guard let custom else { return standard }
        let unitSv = words ? "ord" : "tecken"
        let unitEn = words ? "words" : "characters"
        return Localized(sv: "\(custom.sv) (\(n(count, .sv)) \(unitSv), gräns \(n(limit, .sv)).)",
                         en: "\(custom.en) (\(n(count, .en)) \(unitEn), limit \(n(limit, .en)).)")
    }

    static func invalidDate(_ label: Localized, _ text: String) -> Localized {
        let shown = Sanitizer.visible(String(text.prefix(40)))
        return Localized(sv: "\(label.sv): ”\(shown)” är inget giltigt datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2027-04-10.",
                         en: "\(label.en): “\(shown)” is not a valid date; write YYYY-MM-DD, e.g. 2027-04-10.")
    }

    static func dateTooEarly(_ label: Localized, _ limit: SimpleDate) -> Localized {
        Localized(sv: "\(label.sv): datumet ligger före \(limit).", en: "\(label.en): the date is before \(limit).")
    }

    static func dateTooLate(_ label: Localized, _ limit: SimpleDate) -> Localized {
        Localized(sv: "\(label.sv): datumet ligger efter \(limit).", en: "\(label.en): the date is after \(limit).")
    }

    static func meetingAfterDeadline(_ label: Localized, _ date: SimpleDate, _ deadline: SimpleDate) -> Localized {
        let days = date.days(until: deadline) * -1
        return Localized(
            sv: "\(label.sv): sammanträdet \(date) ligger \(n(days, .sv)) \(days == 1 ? "dag" : "dagar") efter sista dag för återkopplingen (\(deadline)). Meddela regionstyrelsen att återkopplingen kommer senare.",
            en: "\(label.en): the meeting on \(date) is \(n(days, .en)) \(days == 1 ? "day" : "days") after the deadline for the feedback (\(deadline)). Tell the regional board that the feedback will come later.")
    }

    static func lateDraft(_ deadline: SimpleDate, _ status: DeadlineStatus) -> Localized {
        Localized(
            sv: "Återkopplingen är sen: sista dag var \(deadline) (\(status.phrase(.sv))) och den är inte beslutad. Meddela regionstyrelsen när den kommer.",
            en: "The feedback is late: the deadline was \(deadline) (\(status.phrase(.en))) and it is not decided. Tell the regional board when it will come.")
    }

    static func carriedUnconfirmed(_ label: Localized) -> Localized {
        Localized(sv: "\(label.sv): från föregående år och ännu inte bekräftad. Redigera eller bekräfta den för i år.",
                  en: "\(label.en): from last year and not yet confirmed. Edit it or confirm it for this year.")
    }

    static func carriedNote(_ label: Localized) -> Localized {
        Localized(sv: "Anteckning från föregående år: \(label.sv). Flytta det som ska med till rätt rubrik och bekräfta anteckningen.",
                  en: "Note from last year: \(label.en). Move what still applies under the right heading and confirm the note.")
    }

    static func invalidAmount(_ label: Localized, _ text: String) -> Localized {
        let shown = Sanitizer.visible(String(text.prefix(40)))
        if case .refused(let refusal) = AmountFormat.read(text), refusal != .notANumber {
            return Localized(sv: "\(label.sv): ”\(shown)” är inget heltal i tkr: \(refusal.reason.sv).",
                             en: "\(label.en): “\(shown)” is not a whole number of tkr: \(refusal.reason.en).")
        }
        return Localized(sv: "\(label.sv): ”\(shown)” är inget heltal i tkr; skriv t.ex. 12 500 eller -300.",
                         en: "\(label.en): “\(shown)” is not a whole number of tkr; write e.g. 12 500 or -300.")
    }

    static func amountTooSmall(_ label: Localized, _ value: Int, _ limit: Int) -> Localized {
        Localized(sv: "\(label.sv): \(n(value, .sv)) tkr är mindre än \(n(limit, .sv)) tkr.",
                  en: "\(label.en): \(n(value, .en)) tkr is less than \(n(limit, .en)) tkr.")
    }

    static func amountTooLarge(_ label: Localized, _ value: Int, _ limit: Int) -> Localized {
        Localized(sv: "\(label.sv): \(n(value, .sv)) tkr är mer än \(n(limit, .sv)) tkr.",
                  en: "\(label.en): \(n(value, .en)) tkr is more than \(n(limit, .en)) tkr.")
    }

    static func invalidChoice(_ label: Localized, _ value: String, _ ids: [String]) -> Localized {
        let shown = Sanitizer.visible(String(value.prefix(40)))
        let list = ids.joined(separator: ", ")
        return Localized(sv: "\(label.sv): ”\(shown)” är inget av valen (\(list)).",
                         en: "\(label.en): “\(shown)” is not one of the choices (\(list)).")
    }

    static func tooFewRows(_ label: Localized, _ count: Int, _ limit: Int) -> Localized {
        Localized(sv: "\(label.sv): \(count) rader, minst \(limit) behövs.", en: "\(label.en): \(count) rows, at least \(limit) needed.")
    }

    static func tooManyRows(_ label: Localized, _ count: Int, _ limit: Int) -> Localized {
        Localized(sv: "\(label.sv): \(count) rader, högst \(limit) får finnas.", en: "\(label.en): \(count) rows, at most \(limit) allowed.")
    }

    static func cellLabel(_ table: Localized, row: Int, column: Localized) -> Localized {
        Localized(sv: "\(table.sv), rad \(row + 1), \(column.sv)", en: "\(table.en), row \(row + 1), \(column.en)")
    }

    static func yearOutside(_ label: Localized, _ year: Int, _ period: PlanPeriod) -> Localized {
        Localized(sv: "\(label.sv): året \(year) ligger utanför planperioden \(period.label).",
                  en: "\(label.en): the year \(year) is outside the plan period \(period.label).")
    }

    static func hazard(_ label: Localized, kind: TextRules.Hazard, first: TextStats.HazardousScalar?, total: Int) -> Localized {
        let what: Localized
        switch kind {
        case .control: what = Localized(sv: "styrtecken", en: "control characters")
        case .bidi: what = Localized(sv: "tecken som vänder textriktningen", en: "bidirectional control characters")
        case .format: what = Localized(sv: "osynliga formattecken", en: "invisible format characters")
        }
        var whereSv = ""
        var whereEn = ""
        if let first {
            let shown = Sanitizer.visibleForm(of: first.scalar) ?? Sanitizer.codePoint(first.scalar)
            whereSv = ", det första (\(shown)) vid tecken \(first.offset + 1)"
            whereEn = ", the first (\(shown)) at character \(first.offset + 1)"
        }
        return Localized(sv: "\(label.sv): innehåller \(total) \(what.sv)\(whereSv). Ta bort dem.",
                         en: "\(label.en): contains \(total) \(what.en)\(whereEn). Remove them.")
    }
}
