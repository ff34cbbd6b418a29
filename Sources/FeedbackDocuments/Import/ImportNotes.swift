import FeedbackModel

/// What reading the document did, as notes for the report.
enum ImportNotes {
    static func notes(_ n: ReadingNotes) -> [ImportReport.Note] {
        var notes: [ImportReport.Note] = []
        if n.insertions > 0 || n.deletions > 0 {
            notes.append(ImportReport.Note(severity: .warning, message: Localized(
                sv: "Dokumentet har spårade ändringar: det lästes som Word visar det med alla ändringar godkända (\(Plural.sv(n.insertions, "infogning", "infogningar")) togs med, \(Plural.sv(n.deletions, "borttagning", "borttagningar")) togs bort). Kontrollera att ändringarna var godkända.",
                en: "The document has tracked changes: it was read as Word shows it with all changes accepted (\(Plural.en(n.insertions, "insertion")) taken, \(Plural.en(n.deletions, "deletion")) dropped). Check that the changes were agreed.")))
        }
        if n.comments > 0 {
            notes.append(ImportReport.Note(severity: nil, message: Localized(
                sv: "Kommentarer i marginalen som inte lästes in (de hör inte till texten): \(n.comments).",
                en: "Margin comments not imported (they are not part of the text): \(n.comments).")))
        }
        if n.softHyphens > 0 || n.zeroWidth > 0 {
            notes.append(ImportReport.Note(severity: nil, message: Localized(
                sv: "Osynliga tecken togs bort: \(n.softHyphens) mjuka bindestreck, \(n.zeroWidth) nollbreddstecken.",
                en: "Invisible characters were removed: \(Plural.en(n.softHyphens, "soft hyphen")), \(Plural.en(n.zeroWidth, "zero-width character")).")))
        }
        if n.hiddenCharacters > 0 {
            notes.append(ImportReport.Note(severity: .warning, message: Localized(
                sv: "\(n.hiddenCharacters) tecken dold text (formaterad som dold i Word) lästes inte in.",
                en: "\(n.hiddenCharacters) characters of hidden text (formatted as hidden in Word) were not imported.")))
        }
        if n.placeholders > 0 {
            notes.append(ImportReport.Note(severity: nil, message: Localized(
                sv: "\(n.placeholders) innehållskontroller visade bara mallens platshållartext och hoppades över.",
                en: "\(n.placeholders) content controls showed only the template's placeholder text and were skipped.")))
        }
        if n.images > 0 {
            notes.append(ImportReport.Note(severity: nil, message: Localized(
                sv: "\(n.images) bilder eller figurer importerades inte (bara text och tabeller).",
                en: "\(n.images) images or shapes were not imported (only text and tables).")))
        }
        if n.unreadObjects > 0 {
            notes.append(ImportReport.Note(severity: .warning, message: Localized(
                sv: "\(n.unreadObjects) inbäddade objekt eller formler kunde inte läsas; kontrollera dem i originalet.",
                en: "\(n.unreadObjects) embedded objects or equations could not be read; check them in the original.")))
        }
        return notes
    }
}

/// "1 rad", "2 rader".
enum Plural {
    static func sv(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
    static func en(_ n: Int, _ one: String) -> String { "\(n) \(n == 1 ? one : one + "s")" }
}
