import FeedbackModel

/// Picks the Swedish or English text; all interface text goes through here.
struct Phrases: Sendable {
    let language: Language

    func t(_ sv: String, _ en: String) -> String { language == .sv ? sv : en }

    func count(_ n: Int) -> String { AmountFormat.display(n, separator: language == .sv ? " " : ",") }

    /// "4 av 6 klara"
    func done(_ done: Int, of total: Int) -> String { t("\(done) av \(total) klara", "\(done) of \(total) done") }

    var metadataTitle: String { t("Uppgifter", "Details") }
}

/// The keys the interface uses, with their descriptions, for the help screen and hints.
struct KeyHelp {
    let key: String
    let sv: String
    let en: String

    static let all: [(groupSv: String, groupEn: String, keys: [KeyHelp])] = [
        ("Överallt", "Everywhere", [
            KeyHelp(key: "Ctrl-S", sv: "Spara utkastet", en: "Save the draft"),
            KeyHelp(key: "Ctrl-Q / Ctrl-X", sv: "Spara och avsluta", en: "Save and quit"),
            KeyHelp(key: "Ctrl-E", sv: "Exportera till JSON för regionstyrelsen", en: "Export JSON for the regional board"),
            KeyHelp(key: "Ctrl-F", sv: "Kontroll: lista fel och varningar, Enter hoppar dit", en: "Check: list errors and warnings, Enter jumps there"),
            KeyHelp(key: "Ctrl-N / Ctrl-P", sv: "Nästa / föregående sida", en: "Next / previous page"),
            KeyHelp(key: "Alt-0 … Alt-6", sv: "Gå till Uppgifter eller rubrik 1–6", en: "Go to Details or heading 1–6"),
            KeyHelp(key: "Esc", sv: "Till sidlistan (pilar väljer, Enter öppnar) / stäng ruta", en: "To the page list (arrows choose, Enter opens) / close a box"),
            KeyHelp(key: "Ctrl-T", sv: "Visa / dölj vägledningen", en: "Show / hide the guidance"),
            KeyHelp(key: "Ctrl-Z / Ctrl-Y", sv: "Ångra / gör om", en: "Undo / redo"),
            KeyHelp(key: "Ctrl-W", sv: "Spara som (annan fil)", en: "Save as (another file)"),
            KeyHelp(key: "Ctrl-G / F1", sv: "Den här hjälpen", en: "This help"),
        ]),
        ("I en text", "In a text", [
            KeyHelp(key: "Pilar", sv: "Flytta markören (upp/ned håller kolumnen)", en: "Move the cursor (up/down keep the column)"),
            KeyHelp(key: "Ctrl-vänster/höger", sv: "Ord för ord", en: "Word by word"),
            KeyHelp(key: "Home / End", sv: "Radens början / slut (två gånger: styckets)", en: "Start / end of row (twice: of paragraph)"),
            KeyHelp(key: "PgUp / PgDn", sv: "En skärmsida upp / ned", en: "One screen up / down"),
            KeyHelp(key: "Ctrl-Home / Ctrl-End", sv: "Textens början / slut", en: "Start / end of the text"),
            KeyHelp(key: "Enter", sv: "Nytt stycke", en: "New paragraph"),
            KeyHelp(key: "Backsteg / Delete", sv: "Radera bakåt / framåt", en: "Delete backward / forward"),
            KeyHelp(key: "Ctrl-O", sv: "Redigera texten i $VISUAL / $EDITOR", en: "Edit the text in $VISUAL / $EDITOR"),
            KeyHelp(key: "Tab / Shift-Tab", sv: "Nästa / föregående sida", en: "Next / previous page"),
        ]),
        ("I Uppgifter och tabeller", "In Details and tables", [
            KeyHelp(key: "Upp / Ned, Tab", sv: "Föregående / nästa fält", en: "Previous / next field"),
            KeyHelp(key: "Vänster / Höger, Mellanslag", sv: "Byt val i ett valfält", en: "Change a choice"),
            KeyHelp(key: "PgUp / PgDn", sv: "Föregående / nästa tabellrad", en: "Previous / next table row"),
            KeyHelp(key: "Ctrl-R", sv: "Ny tabellrad", en: "New table row"),
            KeyHelp(key: "Ctrl-K", sv: "Ta bort tabellraden (Ctrl-Z ångrar)", en: "Delete the table row (Ctrl-Z undoes)"),
        ]),
    ]
}
