import FeedbackModel

/// A small, fast, deterministic random generator (SplitMix64), so every run measures the
/// same text.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Realistic Swedish committee prose: sentences from a weighted vocabulary (many short
/// function words, some long compounds, å ä ö as often as in real text).
enum Swedish {
    static let functionWords = ["och", "att", "i", "som", "en", "på", "för", "det", "av", "med", "är", "till", "de", "ett",
                                "om", "har", "inte", "kan", "ska", "den", "vi", "under", "samt", "men", "så", "även", "mer",
                                "från", "år", "där", "när", "genom", "också", "bör", "vid", "inom", "efter", "mot"]
    static let contentWords = ["nämnden", "regionen", "vården", "patienterna", "invånarna", "medarbetarna", "verksamheten",
                               "planperioden", "kompetensförsörjningen", "tillgängligheten", "samverkan", "kommunerna",
                               "primärvården", "specialistvården", "ekonomin", "budgeten", "kostnaderna", "intäkterna",
                               "prioriteringar", "åtgärder", "målen", "uppdragen", "fullmäktige", "regionstyrelsen",
                               "utvecklingen", "digitaliseringen", "bemanningen", "sjuksköterskor", "läkare", "undersköterskor",
                               "väntetiderna", "öppettider", "lokalerna", "investeringar", "medicinteknik", "fastigheter",
                               "kvaliteten", "resultatet", "uppföljningen", "förutsättningarna", "behoven", "kollektivtrafiken",
                               "kulturen", "folkhälsan", "jämlik", "hållbar", "långsiktig", "nödvändig", "ökade", "minskade",
                               "bättre", "nära", "tydlig", "viktigt", "avgörande", "särskilt", "ansträngd", "stärka",
                               "förbättra", "utveckla", "säkerställa", "prioritera", "följa", "minska", "öka", "bidra",
                               "arbetar", "bedömer", "föreslår", "behöver", "innebär", "kräver", "påverkar", "fortsätter",
                               "länssjukhuset", "akutmottagningen", "ambulanssjukvården", "tandvården", "hjälpmedel",
                               "personalomsättningen", "hyrpersonal", "lönekostnader", "läkemedelskostnaderna", "effektivisering",
                               "omställningen", "god", "nära", "vård", "barn", "unga", "äldre", "länet", "Umeå", "Skellefteå",
                               "Lycksele", "inlandet", "kusten", "sammanhållen", "vårdkedja", "e-hälsa", "självservice"]
    static let numbers = ["2028", "2029", "2030", "2031", "2028–2031", "12 500 tkr", "3,5 procent", "42 mnkr", "1 200",
                          "18 månader", "§ 45", "HSN 2027/45", "90 dagar", "2,1 procent"]

    static func word(_ rng: inout SplitMix) -> String {
        let r = rng.below(100)
        if r < 46 { return functionWords[rng.below(functionWords.count)] }
        if r < 98 { return contentWords[rng.below(contentWords.count)] }
        return numbers[rng.below(numbers.count)]
    }

    static func capitalized(_ w: String) -> String {
        guard let f = w.first else { return w }
        return f.uppercased() + w.dropFirst()
    }

    /// One paragraph whose UTF-8 length is in `minBytes...maxBytes`.
    static func paragraph(_ rng: inout SplitMix, minBytes: Int = 300, maxBytes: Int = 600) -> String {
        let target = minBytes + rng.below(maxBytes - minBytes + 1)
        var p = ""
        var sentenceLength = 0
        var sentenceWords = 8 + rng.below(14)
        while true {
            var w = word(&rng)
            if sentenceLength == 0 { w = capitalized(w) }
            let sep = p.isEmpty ? "" : " "
            // Room for the word and the final full stop.
            if p.utf8.count + sep.utf8.count + w.utf8.count + 1 > target {
                if p.utf8.count + 1 >= minBytes { break }
                // Fill with short words until the minimum is reached.
                w = "och"
                if p.utf8.count + sep.utf8.count + w.utf8.count + 1 > maxBytes { break }
            }
            p += sep + w
            sentenceLength += 1
            if sentenceLength >= sentenceWords {
                p += "."
                sentenceLength = 0
                sentenceWords = 8 + rng.below(14)
            } else if rng.below(14) == 0 {
                p += ","
            }
        }
        if p.hasSuffix(",") { p.removeLast() }
        if !p.hasSuffix(".") { p += "." }
        return p
    }

    /// Paragraphs of 300–600 bytes totalling about `bytes` bytes (joined with `separator`).
    static func text(bytes: Int, seed: UInt64, separator: String = "\n") -> String {
        var rng = SplitMix(seed: seed)
        var parts: [String] = []
        var total = 0
        while total < bytes {
            let p = paragraph(&rng)
            total += p.utf8.count + separator.utf8.count
            parts.append(p)
        }
        return parts.joined(separator: separator)
    }

    /// Text of at most `maxChars` scalars and at most `words` words, in paragraphs.
    static func text(words: Int, maxChars: Int, seed: UInt64) -> String {
        var rng = SplitMix(seed: seed)
        var paragraphs: [String] = []
        var count = 0
        var chars = 0
        outer: while true {
            let p = paragraph(&rng)
            var kept: [Substring] = []
            for w in p.split(separator: " ") {
                // Paragraphs are stored separated by a blank line ("\n\n", as the validator counts).
                let add = w.unicodeScalars.count + (kept.isEmpty ? (paragraphs.isEmpty ? 0 : 2) : 1)
                if count >= words || chars + add > maxChars {
                    if !kept.isEmpty { paragraphs.append(kept.joined(separator: " ")) }
                    break outer
                }
                kept.append(w)
                count += 1
                chars += add
            }
            paragraphs.append(kept.joined(separator: " "))
        }
        var s = paragraphs.joined(separator: "\n\n")
        if !s.hasSuffix(".") { if s.unicodeScalars.count < maxChars { s += "." } }
        return s
    }

    /// Lines for the big paste: realistic lengths (0–100 bytes, mostly 40–70), ending in a marker line.
    static func pasteText(lines: Int, seed: UInt64, marker: String) -> String {
        var rng = SplitMix(seed: seed)
        var out: [String] = []
        out.reserveCapacity(lines)
        for i in 0..<(lines - 1) {
            if i % 9 == 8 { out.append(""); continue }
            let target = 40 + rng.below(40)
            var line = ""
            while line.utf8.count < target {
                let w = word(&rng)
                line += line.isEmpty ? capitalized(w) : " " + w
            }
            out.append(line + ".")
        }
        out.append(marker)
        return out.joined(separator: "\n")
    }
}

enum Drafts {
    static let now = Timestamp(secondsSinceEpoch: 1_806_480_000)

    static let form: FormDefinition = {
        guard let form = FormCatalog.embedded().latest() else { fatalError("no embedded form") }
        return form
    }()

    /// Metadata of a decided feedback, with no findings.
    static func base(_ form: FormDefinition) -> Draft {
        var draft = Draft.new(form: form, committee: "hsn", documentID: "0b3d2c1a-5e4f-4a3b-9c8d-7e6f5a4b3c2d", now: now)
        draft.revision = 3
        draft.metadata["caseNumber"] = .text("HSN 2027/45")
        draft.metadata["meetingDate"] = .text("2027-04-08")
        draft.metadata["paragraph"] = .text("§ 45")
        draft.metadata["contactName"] = .text("Åsa Öberg")
        draft.metadata["contactEmail"] = .text("asa.oberg@region.example")
        draft.metadata["status"] = .text("beslutad")
        return draft
    }

    static func fillTables(_ draft: inout Draft, _ form: FormDefinition) {
        let years = form.planPeriod.years
        let risks: [(String, String, String, String)] = [
            ("Bemanningsbrist inom specialistvården", "hog", "hog", "Uppgiftsväxling, egen utbildning av specialister och minskad hyrpersonal"),
            ("Ökade läkemedelskostnader", "medel", "hog", "Läkemedelsgenomgångar och uppföljning av förskrivning per vårdcentral"),
            ("Förseningar i ombyggnaden av akutmottagningen", "medel", "medel", "Etappvis ombyggnad och tillfälliga lokaler"),
            ("Lägre statsbidrag än beräknat", "lag", "hog", "Beredskapsplan med åtgärder om 40 mnkr"),
            ("Driftstörningar i journalsystemet", "lag", "medel", "Reservrutiner och övning två gånger per år"),
        ]
        draft.sections["economy", default: [:]]["risks"] = .table(risks.map { r in
            var row = TableRow()
            row["risk"] = .text(r.0); row["likelihood"] = .text(r.1); row["consequence"] = .text(r.2); row["measure"] = .text(r.3)
            return row
        })
        let sensitivities = [("Löneökning", "+1 procentenhet", -42_000), ("Läkemedelskostnader", "+5 procent", -31_000),
                             ("Skatteintäkter", "-1 procent", -55_000)]
        draft.sections["economy", default: [:]]["sensitivity"] = .table(sensitivities.map { s in
            var row = TableRow()
            row["parameter"] = .text(s.0); row["change"] = .text(s.1)
            for (i, year) in years.enumerated() { row[TableRow.yearKey("effect", year)] = .integer(s.2 - i * 1_000) }
            return row
        })
        let categories = ["byggnader", "medicinteknik", "it", "fordon", "ovrigt"]
        let objects = ["Ny magnetkamera, Umeå", "Ombyggnad av akutmottagningen, Skellefteå", "Nytt journalsystem, etapp 2",
                       "Ambulanser, utbyte", "Datortomograf, Lycksele", "Operationssalar, renovering", "Laboratorieutrustning",
                       "Solceller på länssjukhuset"]
        draft.sections["investments", default: [:]]["investments"] = .table(objects.enumerated().map { (i, o) in
            var row = TableRow()
            row["object"] = .text(o)
            row["category"] = .text(categories[i % categories.count])
            for (k, year) in years.enumerated() { row[TableRow.yearKey("amounts", year)] = .integer((k + i) % 3 == 0 ? 18_500 + i * 1_250 : 0) }
            row["decision"] = .text(i % 2 == 0 ? "ny" : "beslutad")
            row["priority"] = .text(String(1 + i % 3))
            return row
        })
    }

    /// The typical draft: six headings of about 2 000 words of Swedish each (as many as fit
    /// under the form's maxChars of 12 000, an error), filled tables; no errors.
    static func typical(_ form: FormDefinition) -> Draft {
        var draft = base(form)
        for (i, section) in form.sections.enumerated() {
            let maxChars = section.fields.first { $0.id == "text" }?.rules.maxChars?.value ?? 12_000
            draft.sections[section.id, default: [:]]["text"] = .text(Swedish.text(words: 2_000, maxChars: maxChars - 1, seed: UInt64(100 + i)))
        }
        fillTables(&draft, form)
        return draft
    }

    /// A draft with `bytes` of text spread over the six headings (over the limits: it has errors).
    static func large(_ form: FormDefinition, bytes: Int) -> Draft {
        var draft = base(form)
        let per = bytes / form.sections.count
        for (i, section) in form.sections.enumerated() {
            draft.sections[section.id, default: [:]]["text"] = .text(Swedish.text(bytes: per, seed: UInt64(200 + i)))
        }
        fillTables(&draft, form)
        return draft
    }

    /// A draft whose first heading holds `text` (the rest empty).
    static func withFirstHeading(_ form: FormDefinition, text: String) -> Draft {
        var draft = base(form)
        draft.sections[form.sections[0].id, default: [:]]["text"] = .text(text)
        return draft
    }

    static func words(_ s: String) -> Int { s.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
}
