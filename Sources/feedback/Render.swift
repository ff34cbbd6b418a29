import ArgumentParser
import FeedbackConfiguration
import FeedbackDocuments
import FeedbackModel

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Skriv nämndens dokument / write the committee's document (.docx, .html, .md).",
        discussion: """
            The document the committee decides on: title and plan period, metadata, the headings with their texts
            and tables (totals per plan year), and a footer with document id, revision and the export's content SHA-256.
            Swedish unless --lang en (the document's language does not follow LANG). The same draft gives the same
            bytes; SOURCE_DATE_EPOCH sets the date in the .docx properties (default: the draft's last change).
            Writes FORM_COMMITTEE_rREVISION.EXT in the current folder unless -o is given (-o - for standard output);
            an existing different file is not replaced without --force.
            Given a board answer (DIR/answers/…_answerN.json), writes the dialogue meeting's document instead: per
            heading the committee's text, the board's judgement and motivation (the answer is verified first; --inbox
            names the inbox when the answer is not in one).
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "docx, html or md (default: from -o's extension, else docx).")
    var format: DocumentFormatOption?

    @Option(name: [.short, .customLong("output")], help: "Utfil / output file \(OutputFile.helpSuffix).")
    var output: String?

    @Option(name: .long, help: "Regionens Word-mall / the region's Word template (.docx/.dotx): styles, page setup, header and footer (default: the configuration's template).")
    var template: String?

    @Flag(name: .long, help: "Ersätt en befintlig annan fil / replace an existing different file.")
    var force = false

    @Option(name: .long, help: "Inkorgen ett styrelsesvar hör till / the inbox a board answer belongs to (default: the folder above answers/).")
    var inbox: String?

    @Argument(help: "Utkastfilen, eller ett svar från styrelsen / the draft file, or a board answer.")
    var draft: String

    func run() throws {
        let messages = common.language
        let documentLanguage = common.lang?.language ?? .sv
        let format = self.format?.format ?? output.flatMap(DocumentFormatOption.fromExtension) ?? .docx
        if template != nil && format != .docx {
            throw CommandFailure(message: messages == .sv ? "--template gäller bara --format docx." : "--template applies to --format docx only.", code: 2)
        }
        // The flag, else the region's template from the configuration (for .docx only).
        let configured = format == .docx ? try common.configuration().documentTemplate : nil
        let templatePath = template ?? configured
        var docxTemplate: DocxTemplate?
        if let template = templatePath {
            do { docxTemplate = try DocxTemplate.read(path: template) } catch {
                throw CommandFailure(message: error.message(messages), code: 2)
            }
        }
        if AnswerRendering.isAnswer(draft) {
            let (bytes, name) = try AnswerRendering.render(draft, inboxPath: inbox, format: format, language: documentLanguage, messages: messages,
                                                           common: common, template: docxTemplate)
            try write(bytes, to: output ?? name, messages: messages)
            return
        }
        let (loaded, form) = try Drafts.load(draft, catalog: common.catalog(), language: messages)
        let date = Drafts.sourceDateEpoch()
        let bytes: [UInt8]
        do {
            bytes = try DocumentRenderer.render(loaded, form: form, format: format, language: documentLanguage, template: docxTemplate, date: date)
        } catch {
            throw CommandFailure(message: error.message(messages), code: 2)
        }
        if Validator(form: form).validate(loaded).hasErrors {
            Console.err(messages == .sv ? "Obs: utkastet har fel (se feedback validate); dokumentet visar det som det är."
                                        : "Note: the draft has errors (see feedback validate); the document shows it as it stands.")
        }
        try write(bytes, to: output ?? DocumentRenderer.fileName(for: loaded, form: form, format: format), messages: messages)
    }

    /// Writes the document (`-`: standard output); an existing different file only with --force.
    func write(_ bytes: [UInt8], to path: String, messages: Language) throws {
        if OutputFile.isStandardOutput(path) {
            try OutputFile.write(bytes, to: path, language: messages)
            return
        }
        let store = FileStore()
        if store.exists(path) {
            if let existing = try? store.read(path: path, limit: bytes.count + 1), existing == bytes {
                Console.err(messages == .sv ? "Filen fanns redan med samma innehåll." : "The file already had the same content.")
                Console.out(Sanitizer.visible(path))
                return
            }
            guard force else {
                throw CommandFailure(message: messages == .sv
                    ? "\(Sanitizer.visible(path)) finns redan med annat innehåll och ersattes inte (--force ersätter, -o väljer en annan fil)."
                    : "\(Sanitizer.visible(path)) already exists with other content and was not replaced (--force replaces it, -o chooses another file).", code: 2)
            }
        }
        try OutputFile.write(bytes, to: path, language: messages)
    }
}

enum DocumentFormatOption: String, ExpressibleByArgument, CaseIterable {
    case docx, html, md

    var format: DocumentFormat {
        switch self {
        case .docx: return .docx
        case .html: return .html
        case .md: return .md
        }
    }

    static func fromExtension(_ path: String) -> DocumentFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".docx") { return .docx }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .md }
        return nil
    }
}
