import ArgumentParser
import FeedbackBoard
import FeedbackDocuments
import FeedbackModel

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case html, docx, md, csv, xlsx
}

struct BoardReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Styrelsens sammanställning / the board's compiled document of the round.",
        discussion: """
            The status table; every heading across all committees; every table of the form with each
            committee's rows as its own document shows them; each plan-year column summed per committee
            and year, in all and by each choice column of its table, with a chart (unless the form says
            sum: false); a matrix with the numbered rows beneath for a table with matrix:; who is
            missing. Only accepted exports count. html: self-contained and printable; docx: the same
            writer as the committee's document; md; csv: every table cell for Excel (UTF-8 with BOM,
            semicolons, one line per cell and plan year); xlsx: a workbook for Excel, a sheet of
            statuses and one per table of amounts, numbers as numbers, totals as SUM formulas.
            Without -o the text formats go to standard output; -o - sends any format there.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "html, docx, md, csv or xlsx")
    var format: ReportFormat

    @Option(name: [.short, .customLong("output")], help: "Filen som skrivs / the file to write \(OutputFile.helpSuffix).")
    var output: String?

    @Option(name: .long, help: "Regionens Word-mall för docx / the region's Word template for docx (styles, header, footer).")
    var template: String?

    @Argument(help: "Inkorgen / the inbox folder.")
    var inbox: String

    func run() throws {
        let language = common.language
        let opened = try BoardCommand.open(inbox, language: language)
        let report: RoundReport
        do { report = try RoundReport.load(opened, now: BoardCommand.stampTime()) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        let bytes: [UInt8]
        switch format {
        case .html: bytes = ReportHTML(report: report, language: language).renderBytes()
        case .md: bytes = Array(ReportMarkdown(report: report, language: language).render().utf8)
        case .csv: bytes = ReportCSV(report: report, language: language).render()
        case .xlsx:
            try requireOutput()
            do { bytes = try ReportWorkbook(report: report, language: language).render() } catch {
                throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
            }
        case .docx:
            try requireOutput()
            var docxTemplate: DocxTemplate?
            if let template {
                do { docxTemplate = try DocxTemplate.read(path: template) } catch {
                    throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
                }
            }
            do { bytes = try ReportDocx(report: report, language: language, template: docxTemplate).render() } catch {
                throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
            }
        }
        try OutputFile.write(bytes, to: output ?? OutputFile.standardOutput, language: language)
    }

    /// A binary format goes to a terminal only when asked for with `-o -`.
    private func requireOutput() throws(CommandFailure) {
        guard output != nil else {
            let sv = common.language == .sv
            throw CommandFailure(message: sv ? "feedback: ange -o FIL (eller -o - för standard ut) för \(format.rawValue)"
                                             : "feedback: give -o FILE (or -o - for standard output) for \(format.rawValue)", code: 2)
        }
    }
}
