/// What a typed amount means: a whole number of tkr, nothing, or why it is not an amount.
/// The one rule for amounts: the interface, the validator, the export and document imports
/// all read amounts through `AmountFormat.read`.
public enum AmountReading: Sendable, Equatable {
    case amount(Int)
    /// Nothing but white space.
    case empty
    case refused(AmountRefusal)
}

/// Why a text is not a whole number of tkr.
public enum AmountRefusal: Sendable, Equatable {
    /// "1,5", "12.5", "1.200": amounts are whole tkr, groups are separated by spaces.
    case decimals
    /// "1,2 mnkr": millions; `inTkr` is the same amount in tkr when it is a whole number.
    case millions(inTkr: Int?)
    /// "12 500 kr", "SEK": kronor, not thousands.
    case kronor
    /// "5 %".
    case percent
    /// More than 15 digits.
    case tooLarge
    /// Letters, a misplaced sign or anything else.
    case notANumber

    /// The reason, for messages: what was wrong and what to write instead.
    public var reason: Localized {
        switch self {
        case .decimals:
            return Localized(sv: "belopp anges i hela tkr utan decimaler, med mellanslag mellan tusental (t.ex. 1 200)",
                             en: "amounts are whole tkr without decimals, with spaces between thousands (e.g. 1 200)")
        case .millions(let tkr?):
            let shown = AmountFormat.display(tkr)
            return Localized(sv: "belopp anges i tkr, inte mnkr (skriv \(shown))",
                             en: "amounts are in tkr, not mnkr (write \(shown))")
        case .millions(nil):
            return Localized(sv: "belopp anges i hela tkr, inte mnkr (1 mnkr = 1 000 tkr)",
                             en: "amounts are whole tkr, not mnkr (1 mnkr = 1 000 tkr)")
        case .kronor:
            return Localized(sv: "belopp anges i tkr (tusental kronor), inte i kronor",
                             en: "amounts are in tkr (thousands of kronor), not in kronor")
        case .percent:
            return Localized(sv: "ett belopp i tkr, inte en procentsats", en: "an amount in tkr, not a percentage")
        case .tooLarge:
            return Localized(sv: "för stort tal (högst 15 siffror)", en: "too large a number (at most 15 digits)")
        case .notANumber:
            return Localized(sv: "inget heltal; skriv t.ex. 12 500 eller −300", en: "not a whole number; write e.g. 12 500 or −300")
        }
    }
}

extension AmountFormat {
    /// Reads typed amount text: digits with optional group spaces (space, no-break space,
    /// thin and narrow no-break space), one optional leading sign (`-`, U+2212 `−`, U+2013 `–`,
    /// `+`) and an optional trailing unit "tkr" (any case). Everything else is refused with
    /// a reason: decimals, "mnkr", "kr", "%", more than 15 digits.
    public static func read(_ text: String) -> AmountReading {
        var scalars = Array(text.unicodeScalars)
        trimSpaces(&scalars)
        guard !scalars.isEmpty else { return .empty }
        let lower = scalars.map { $0.properties.lowercaseMapping }.joined()
        // Units at the end, longest first.
        for (unit, refusal) in [("mnkr", AmountRefusal?.some(.millions(inTkr: nil))), ("msek", .millions(inTkr: nil)),
                                ("mkr", .millions(inTkr: nil)), ("miljoner", .millions(inTkr: nil)),
                                ("tkr", nil), ("tsek", nil), ("sek", .kronor), ("kr", .kronor), ("%", .percent)] {
            guard lower.hasSuffix(unit) else { continue }
            scalars.removeLast(unit.unicodeScalars.count)
            trimSpaces(&scalars)
            if case .millions? = refusal { return .refused(.millions(inTkr: millionsInTkr(scalars))) }
            if let refusal { return .refused(refusal) }
            break
        }
        var negative = false
        if let first = scalars.first, isSign(first) {
            negative = first != "+"
            scalars.removeFirst()
            trimSpaces(&scalars)
        }
        var digits = ""
        var decimalMark = false
        for scalar in scalars {
            switch scalar.value {
            case 0x30...0x39: digits.unicodeScalars.append(scalar)
            case 0x20, 0xA0, 0x2009, 0x202F: continue
            case 0x2C, 0x2E: decimalMark = true
            default: return .refused(.notANumber)
            }
        }
        guard !digits.isEmpty else { return .refused(.notANumber) }
        if decimalMark { return .refused(.decimals) }
        guard digits.count <= 15, let value = Int(digits) else { return .refused(.tooLarge) }
        return .amount(negative ? -value : value)
    }

    private static func isSign(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == "+" || s.value == 0x2212 || s.value == 0x2013
    }

    private static func trimSpaces(_ scalars: inout [Unicode.Scalar]) {
        while let first = scalars.first, TextRules.isWhitespace(first.value) { scalars.removeFirst() }
        while let last = scalars.last, TextRules.isWhitespace(last.value) { scalars.removeLast() }
    }

    /// "1,2" (millions) as tkr, 1 200, when that is a whole number; nil otherwise.
    private static func millionsInTkr(_ scalars: [Unicode.Scalar]) -> Int? {
        var negative = false
        var rest = scalars[...]
        if let first = rest.first, isSign(first) {
            negative = first != "+"
            rest = rest.dropFirst()
        }
        var whole = ""
        var fraction = ""
        var inFraction = false
        for scalar in rest {
            switch scalar.value {
            case 0x30...0x39:
                if inFraction { fraction.unicodeScalars.append(scalar) } else { whole.unicodeScalars.append(scalar) }
            case 0x20, 0xA0, 0x2009, 0x202F: continue
            case 0x2C, 0x2E:
                if inFraction { return nil }
                inFraction = true
            default: return nil
            }
        }
        guard !whole.isEmpty || !fraction.isEmpty, whole.count <= 9, fraction.count <= 3 else { return nil }
        let padded = fraction + String(repeating: "0", count: 3 - fraction.count)
        guard let w = Int(whole.isEmpty ? "0" : whole), let f = Int(padded) else { return nil }
        let tkr = w * 1000 + f
        return negative ? -tkr : tkr
    }
}
