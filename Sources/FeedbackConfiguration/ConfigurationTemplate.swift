import FeedbackModel

/// A commented configuration file naming every key: the `/etc/feedback/config` the package
/// installs, and what `feedback config --template` prints.
public enum ConfigurationTemplate {
    /// An example value for each key, shown commented out.
    static func example(_ key: ConfigurationKey) -> String {
        switch key {
        case .forms: return "/srv/feedback/forms"
        case .exports: return "~/Exports"
        case .drafts: return "~/.local/share/feedback"
        case .template: return "/etc/feedback/mall.dotx"
        case .inbox: return "/srv/regionstyrelsen/inkorg"
        case .boardKey: return "/etc/feedback/board-public.key"
        case .language: return "sv"
        case .form: return "pf-aterkoppling-2029"
        }
    }

    public static func text(_ language: Language) -> String {
        let header: Localized = Localized(
            sv: """
                # feedback: inställningar. Systemets fil är /etc/feedback/config; varje användare kan
                # ha en egen i ~/.config/feedback/config ($XDG_CONFIG_HOME/feedback/config).
                # De läses i den ordningen, sedan miljövariablerna FEEDBACK_*, sedan flaggorna:
                # det som läses senare vinner. `feedback config` visar vad som gäller och varifrån.
                #
                # En inställning per rad: nyckel = värde. Rader som börjar med # är kommentarer.
                # Sätt värdet inom "…" för att behålla mellanslag i början eller slutet; ett tomt
                # värde återställer standardvärdet. ~/ i början av en sökväg är hemmappen.
                # Okända nycklar och en nyckel som sätts två gånger i samma fil är fel.
                """,
            en: """
                # feedback: settings. The system's file is /etc/feedback/config; each user may have
                # one of their own in ~/.config/feedback/config ($XDG_CONFIG_HOME/feedback/config).
                # They are read in that order, then the FEEDBACK_* environment variables, then the
                # flags: what is read later wins. `feedback config` shows what is in effect and why.
                #
                # One setting per line: key = value. Lines starting with # are comments. Put the
                # value in "…" to keep spaces at its ends; an empty value restores the default.
                # ~/ at the start of a path is the home folder.
                # Unknown keys, and a key set twice in the same file, are errors.
                """)
        var lines = [header[language]]
        for key in ConfigurationKey.allCases {
            lines.append("")
            lines += wrap(key.summary[language], width: 78).map { "# " + $0 }
            let variable = language == .sv ? "Miljövariabel" : "Environment variable"
            var also = "\(variable): \(key.environmentVariable)"
            if !key.flags.isEmpty { also += language == .sv ? "; flagga: " : "; flag: " }
            also += key.flags.joined(separator: ", ")
            lines.append("# " + also + ".")
            lines.append("#\(key.rawValue) = \(example(key))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Words wrapped into lines of at most `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
