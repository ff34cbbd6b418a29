import FeedbackModel

/// The fixed words of the committee's document, in Swedish and English. The form supplies
/// everything else (headings, field and column labels, options).
public enum DocumentLabels {
    public static let nothingReported = Localized(sv: "Inget att rapportera", en: "Nothing reported")
    public static let noRows = Localized(sv: "Inga rader", en: "No rows")
    public static let total = Localized(sv: "Summa", en: "Total")
    public static let planPeriod = Localized(sv: "Planperiod", en: "Plan period")
    public static let premises = Localized(sv: "Svar på", en: "In reply to")
    public static let metadataCaption = Localized(sv: "Uppgifter", en: "Details")
    public static let labelHeader = Localized(sv: "Uppgift", en: "Item")
    public static let valueHeader = Localized(sv: "Värde", en: "Value")
    /// What an empty metadata value shows.
    public static let notGiven = "–"
    public static let documentID = Localized(sv: "Dokument-id", en: "Document id")
    public static let revision = Localized(sv: "revision", en: "revision")
    public static let contentHash = Localized(sv: "innehållets SHA-256", en: "content SHA-256")
    /// "sida 2 av 7" in a .docx page footer.
    public static let page = Localized(sv: "sida", en: "page")
    public static let pageOf = Localized(sv: "av", en: "of")

    /// "Dokument-id 0b3d… · revision 3 · innehållets SHA-256 9f2c…"
    public static func footer(documentID: String, revision: Int, contentHash: String, language: Language) -> String {
        "\(self.documentID[language]) \(documentID) · \(self.revision[language]) \(revision) · \(self.contentHash[language]) \(contentHash)"
    }

    /// An amount as the document shows it: groups of three with no-break spaces, a real minus.
    public static func amount(_ n: Int) -> String {
        let text = AmountFormat.display(n, separator: "\u{00A0}")
        return n < 0 ? "\u{2212}" + text.dropFirst() : text
    }
}
