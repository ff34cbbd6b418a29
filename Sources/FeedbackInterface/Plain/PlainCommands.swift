import FeedbackModel

/// The words of the accessible mode: one table, which the parser, `hjälp` and the manual read.
public enum PlainCommandID: String, CaseIterable, Sendable {
    case help, go, guidance, read, write, append, edit, table, newRow, editRow, deleteRow
    case check, overview, changes, lastYear, confirm, done, undo, redo, save, saveAs, export, submit, document, importDocument, quit, quitAnyway
}

/// One command: its Swedish and English words, how it is written, what it does.
public struct PlainCommand: Sendable {
    public let id: PlainCommandID
    public let sv: [String]
    public let en: [String]
    public let usage: Localized
    public let help: Localized

    public static let all: [PlainCommand] = [
        PlainCommand(id: .help, sv: ["hjälp"], en: ["help"], usage: Localized(sv: "hjälp", en: "help"),
                     help: Localized(sv: "Kommandona och vad de gör.", en: "The commands and what they do.")),
        PlainCommand(id: .go, sv: ["gå"], en: ["go"], usage: Localized(sv: "gå 3, gå uppgifter", en: "go 3, go details"),
                     help: Localized(sv: "Gå till en rubrik efter dess nummer, eller till uppgifterna.", en: "Go to a heading by its number, or to the details.")),
        PlainCommand(id: .guidance, sv: ["vägledning"], en: ["guidance"], usage: Localized(sv: "vägledning", en: "guidance"),
                     help: Localized(sv: "Läs vägledningen för rubriken.", en: "Read the guidance for the heading.")),
        PlainCommand(id: .read, sv: ["läs"], en: ["read"], usage: Localized(sv: "läs, läs 2", en: "read, read 2"),
                     help: Localized(sv: "Läs texten stycke för stycke, eller uppgifterna fält för fält.",
                                     en: "Read the text paragraph by paragraph, or the details field by field.")),
        PlainCommand(id: .write, sv: ["skriv"], en: ["write"], usage: Localized(sv: "skriv 2 ny text, skriv 2", en: "write 2 new text, write 2"),
                     help: Localized(sv: "Byt stycke 2 (eller fält 2 i uppgifterna). Utan text: skriv rader, avsluta med en punkt på egen rad.",
                                     en: "Replace paragraph 2 (or field 2 of the details). Without text: type lines, end with a full stop on its own line.")),
        PlainCommand(id: .append, sv: ["lägg till"], en: ["append"], usage: Localized(sv: "lägg till", en: "append"),
                     help: Localized(sv: "Lägg till stycken sist. Skriv rader, avsluta med en punkt på egen rad.",
                                     en: "Add paragraphs at the end. Type lines, end with a full stop on its own line.")),
        PlainCommand(id: .edit, sv: ["redigera"], en: ["edit"], usage: Localized(sv: "redigera", en: "edit"),
                     help: Localized(sv: "Redigera texten i din editor ($VISUAL eller $EDITOR).", en: "Edit the text in your editor ($VISUAL or $EDITOR).")),
        PlainCommand(id: .table, sv: ["tabell"], en: ["table"], usage: Localized(sv: "tabell, tabell risker", en: "table, table risks"),
                     help: Localized(sv: "Lista tabellens rader, eller välj en av rubrikens tabeller.", en: "List the table's rows, or choose one of the heading's tables.")),
        PlainCommand(id: .newRow, sv: ["ny rad"], en: ["new row"], usage: Localized(sv: "ny rad", en: "new row"),
                     help: Localized(sv: "Lägg till en rad och fyll i den fält för fält.", en: "Add a row and fill it in field by field.")),
        PlainCommand(id: .editRow, sv: ["ändra rad"], en: ["edit row"], usage: Localized(sv: "ändra rad 2", en: "edit row 2"),
                     help: Localized(sv: "Ändra en rad fält för fält; en tom rad behåller värdet.", en: "Change a row field by field; an empty line keeps the value.")),
        PlainCommand(id: .deleteRow, sv: ["ta bort rad"], en: ["delete row"], usage: Localized(sv: "ta bort rad 2", en: "delete row 2"),
                     help: Localized(sv: "Ta bort en rad (ångra tar tillbaka den).", en: "Delete a row (undo brings it back).")),
        PlainCommand(id: .check, sv: ["kontroll"], en: ["check"], usage: Localized(sv: "kontroll", en: "check"),
                     help: Localized(sv: "Alla fel och varningar, med var de finns.", en: "Every error and warning, with where it is.")),
        PlainCommand(id: .overview, sv: ["översikt"], en: ["overview"], usage: Localized(sv: "översikt", en: "overview"),
                     help: Localized(sv: "Hur långt varje rubrik har kommit.", en: "How far each heading has come.")),
        PlainCommand(id: .changes, sv: ["ändringar"], en: ["changes"], usage: Localized(sv: "ändringar", en: "changes"),
                     help: Localized(sv: "Vad som ändrats sedan senaste exporten och sedan förra året.", en: "What changed since the last export and since last year.")),
        PlainCommand(id: .lastYear, sv: ["förra året"], en: ["last year"], usage: Localized(sv: "förra året", en: "last year"),
                     help: Localized(sv: "Läs förra årets text för rubriken.", en: "Read last year's text for the heading.")),
        PlainCommand(id: .confirm, sv: ["bekräfta"], en: ["confirm"], usage: Localized(sv: "bekräfta", en: "confirm"),
                     help: Localized(sv: "Bekräfta det som kom från föregående år som årets.", en: "Confirm what came from last year as this year's.")),
        PlainCommand(id: .done, sv: ["klar"], en: ["done"], usage: Localized(sv: "klar, klar 3", en: "done, done 3"),
                     help: Localized(sv: "Markera rubriken som klar, eller ta bort markeringen.", en: "Mark the heading as done, or remove the mark.")),
        PlainCommand(id: .undo, sv: ["ångra"], en: ["undo"], usage: Localized(sv: "ångra", en: "undo"),
                     help: Localized(sv: "Ångra den senaste ändringen.", en: "Undo the last change.")),
        PlainCommand(id: .redo, sv: ["gör om"], en: ["redo"], usage: Localized(sv: "gör om", en: "redo"),
                     help: Localized(sv: "Gör om det som ångrades.", en: "Redo what was undone.")),
        PlainCommand(id: .save, sv: ["spara"], en: ["save"], usage: Localized(sv: "spara", en: "save"),
                     help: Localized(sv: "Spara utkastet.", en: "Save the draft.")),
        PlainCommand(id: .saveAs, sv: ["spara som"], en: ["save as"], usage: Localized(sv: "spara som fil.json", en: "save as file.json"),
                     help: Localized(sv: "Spara en kopia med eget dokument-id och fortsätt i den.", en: "Save a copy with its own document id and go on in it.")),
        PlainCommand(id: .export, sv: ["exportera"], en: ["export"], usage: Localized(sv: "exportera", en: "export"),
                     help: Localized(sv: "Exportera JSON till regionstyrelsen (sparar först).", en: "Export JSON for the regional board (saves first).")),
        PlainCommand(id: .submit, sv: ["lämna in"], en: ["hand in", "submit"], usage: Localized(sv: "lämna in", en: "hand in"),
                     help: Localized(sv: "Lämna in till regionstyrelsens inkorg (inställningen inbox); säger var filen hamnade och hur kvittensen står.",
                                     en: "Hand in to the regional board's inbox (the inbox setting); says where the file went and how its receipt stands.")),
        PlainCommand(id: .document, sv: ["dokument"], en: ["document"], usage: Localized(sv: "dokument docx, dokument html fil.html", en: "document docx, document html file.html"),
                     help: Localized(sv: "Skriv nämndens dokument som Word, webbsida eller Markdown.", en: "Write the committee's document as Word, a web page or Markdown.")),
        PlainCommand(id: .importDocument, sv: ["importera"], en: ["import"], usage: Localized(sv: "importera underlag.docx", en: "import notes.docx"),
                     help: Localized(sv: "Ta in text från ett Word- eller Markdown-dokument.", en: "Take text in from a Word or Markdown document.")),
        PlainCommand(id: .quit, sv: ["avsluta"], en: ["quit"], usage: Localized(sv: "avsluta", en: "quit"),
                     help: Localized(sv: "Spara och avsluta.", en: "Save and quit.")),
        PlainCommand(id: .quitAnyway, sv: ["avsluta ändå"], en: ["quit anyway"], usage: Localized(sv: "avsluta ändå", en: "quit anyway"),
                     help: Localized(sv: "Avsluta utan att spara, när sparandet misslyckades.", en: "Quit without saving, when saving failed.")),
    ]

    /// The plain command that does what a key's action does (the words messages use in plain
    /// mode), or nil when plain mode has no such command.
    public static func command(for action: Action) -> PlainCommand? {
        let id: PlainCommandID
        switch action {
        case .help: id = .help
        case .goToPage, .nextPage, .previousPage: id = .go
        case .guidance: id = .guidance
        case .externalEditor: id = .edit
        case .addRow: id = .newRow
        case .deleteRow: id = .deleteRow
        case .findings: id = .check
        case .pageList: id = .overview
        case .changes: id = .changes
        case .toggleLastYear: id = .lastYear
        case .confirmCarried: id = .confirm
        case .markReady: id = .done
        case .undo: id = .undo
        case .redo: id = .redo
        case .save: id = .save
        case .saveAs, .saveElsewhere: id = .saveAs
        case .exportMenu: id = .export
        case .quit: id = .quit
        case .quitWithoutSaving: id = .quitAnyway
        default: return nil
        }
        return all.first { $0.id == id }
    }

    /// The commands as a Markdown table (the README's is generated from this one).
    public static func markdownTable() -> String {
        var out = "| Swedish | English | what it does |\n|---|---|---|\n"
        for command in all {
            out += "| `\(command.usage.sv)` | `\(command.usage.en)` | \(command.help.en.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        return out
    }

    /// The command a line starts with (the longest matching words, Swedish or English), and the rest.
    static func parse(_ line: String) -> (PlainCommand, String)? {
        let text = line.trimmingWhitespace
        let lower = text.lowercased()
        var best: (PlainCommand, Int)?
        for command in all {
            for word in command.sv + command.en where lower == word || lower.hasPrefix(word + " ") {
                if best == nil || word.count > best!.1 { best = (command, word.count) }
            }
        }
        guard let (command, length) = best else { return nil }
        return (command, String(text.dropFirst(length)).trimmingWhitespace)
    }
}
