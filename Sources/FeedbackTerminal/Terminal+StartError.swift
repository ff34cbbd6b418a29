import FeedbackModel

extension Terminal {
    /// Why the interface could not start.
    public enum StartError: Error, Sendable, Equatable {
        /// Standard input or output is not a terminal (a pipe, a file, a cron job).
        case notATerminal
        /// curses does not know the terminal type named by `TERM` (given; empty when unset).
        case unusableTerm(String)

        /// What went wrong and what to do, in one line.
        public func message(_ language: Language) -> String {
            text[language]
        }

        public var text: Localized {
            switch self {
            case .notATerminal:
                return Localized(
                    sv: "ingen terminal: gränssnittet behöver en terminal på standard in och standard ut, inte en pipe eller fil; i skript, använd kommandona validate och export",
                    en: "not a terminal: the interface needs a terminal on standard input and standard output, not a pipe or a file; in scripts, use the validate and export commands")
            case .unusableTerm(let name) where name.isEmpty:
                return Localized(
                    sv: "okänd terminal: TERM är inte satt; prova TERM=xterm-256color",
                    en: "unknown terminal: TERM is not set; try TERM=xterm-256color")
            case .unusableTerm(let name):
                let shown = Sanitizer.visible(name)
                return Localized(
                    sv: "okänd terminal: TERM=\(shown) finns inte i terminfo; prova TERM=xterm-256color",
                    en: "unknown terminal: TERM=\(shown) is not in terminfo; try TERM=xterm-256color")
            }
        }
    }
}
