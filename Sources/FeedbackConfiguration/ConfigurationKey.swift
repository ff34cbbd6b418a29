import FeedbackModel

/// A setting that the configuration files, the environment and the flags can give.
public enum ConfigurationKey: String, CaseIterable, Sendable {
    /// The user's own forms folders (read after the installed and the region's forms).
    case forms
    /// Where exports are written.
    case exports
    /// Where drafts are kept (the start screen lists them, `feedback new` writes there).
    case drafts
    /// The region's Word template for `feedback render`.
    case template
    /// The board's inbox: where hand-overs are delivered (its form is the round's form).
    case inbox
    /// The form a new draft is written on when no inbox names the round's form.
    case form
    /// The board's public key, against which receipts are checked.
    case boardKey = "board-key"
    /// The language of the interface and of messages.
    case language

    /// `FEEDBACK_FORMS`, `FEEDBACK_BOARD_KEY`, …
    public var environmentVariable: String {
        "FEEDBACK_" + rawValue.uppercased().replacing("-", with: "_")
    }

    /// What the value looks like, for help texts: `FOLDER`, `FILE`, `sv|en`.
    public var valueName: String {
        switch self {
        case .forms: return "FOLDER[:FOLDER...]"
        case .exports, .drafts, .inbox: return "FOLDER"
        case .boardKey, .template: return "FILE"
        case .language: return "sv|en"
        case .form: return "FORM-ID"
        }
    }

    /// Whether the value is a path (so `~/` at its start means the home folder).
    public var isPath: Bool { self != .language && self != .form }

    /// The command-line flags that give this setting, as the commands spell them.
    public var flags: [String] {
        switch self {
        case .forms: return ["--forms"]
        case .exports: return ["--out (export)", "--exports (fill)"]
        case .drafts: return []
        case .template: return ["--template (render)"]
        case .inbox: return ["--inbox"]
        case .boardKey: return ["--key"]
        case .language: return ["--lang"]
        case .form: return ["--form (new)"]
        }
    }

    /// One sentence on what the setting does.
    public var summary: Localized {
        switch self {
        case .forms:
            return Localized(sv: "Egna mappar med formulärdefinitioner (*.yaml), åtskilda med kolon; läses efter de installerade och regionens egna och vinner vid samma id och version. Standard: ./Forms om den finns.",
                             en: "Your own folders of form definitions (*.yaml), separated by colons; read after the installed ones and the region's own, and they win on the same id and version. Default: ./Forms if it exists.")
        case .exports:
            return Localized(sv: "Mappen som exporter skrivs till. Standard: Exports (i den aktuella mappen).",
                             en: "The folder exports are written to. Default: Exports (in the current folder).")
        case .drafts:
            return Localized(sv: "Mappen för utkast: startskärmen listar dem och feedback new skriver dit. Standard: $XDG_DATA_HOME/feedback, annars ~/.local/share/feedback.",
                             en: "The folder of drafts: the start screen lists them and feedback new writes there. Default: $XDG_DATA_HOME/feedback, else ~/.local/share/feedback.")
        case .template:
            return Localized(sv: "Regionens Word-mall (.docx eller .dotx) för feedback render: format, sidinställning, sidhuvud och sidfot. Används bara för .docx. Ingen standard.",
                             en: "The region's Word template (.docx or .dotx) for feedback render: styles, page setup, header and footer. Used for .docx only. No default.")
        case .inbox:
            return Localized(sv: "Regionstyrelsens inkorg, dit återkopplingar lämnas över. Ingen standard.",
                             en: "The regional board's inbox, where feedback is handed over. No default.")
        case .form:
            return Localized(sv: "Formuläret (id) som nya utkast skrivs på när ingen inkorg anger omgångens formulär. Standard: inkorgens formulär när inbox är satt, annars det nyaste installerade formuläret.",
                             en: "The form (id) new drafts are written on when no inbox names the round's form. Default: the inbox's form when inbox is set, else the newest form installed.")
        case .boardKey:
            return Localized(sv: "Regionstyrelsens publika nyckel som kvittenser kontrolleras mot. Ingen standard.",
                             en: "The regional board's public key, against which receipts are checked. No default.")
        case .language:
            return Localized(sv: "Språk: sv eller en. Standard: engelska om LC_ALL, LC_MESSAGES eller LANG anger engelska, annars svenska.",
                             en: "Language: sv or en. Default: English when LC_ALL, LC_MESSAGES or LANG names English, else Swedish.")
        }
    }
}
