import FeedbackModel
import Foundation
import TestSupport

/// The real programs the document tests read our files with, and whether each is here
/// (a test that needs a missing one is reported as skipped, never passed).
enum Tools {
    static let fixtures = Paths.root + "/Tests/FeedbackDocumentsTests/Fixtures"

    static func python(_ module: String) -> Bool {
        guard isInstalled("python3"), let result = try? run("/usr/bin/env", ["python3", "-c", "import \(module)"]) else { return false }
        return result.status == 0
    }

    static let pythonDocx = python("docx")
    static let markdownIt = python("markdown_it")
    static let pdftotext = isInstalled("pdftotext")
    static let libreOffice = (isInstalled("soffice") || isInstalled("libreoffice")) && pdftotext
    static let chromium = (isInstalled("chromium") || isInstalled("chromium-browser")) && pdftotext
    static let gnuTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")

    /// Runs a Python script from the fixtures folder with arguments; its standard output.
    static func pythonScript(_ script: String, _ arguments: [String]) throws -> String {
        let result = try run("/usr/bin/env", ["python3", fixtures + "/" + script] + arguments)
        guard result.status == 0 else { throw ToolFailure(message: "\(script) failed: \(result.stderr)") }
        return result.stdout
    }

    /// What a printed document says: its text with white space (also no-break spaces)
    /// collapsed to single spaces, and its lines as laid out on the page, each collapsed
    /// (a table row is one line).
    struct Printed {
        var text: String
        var lines: [String]
    }

    /// A .docx or .html converted to PDF by LibreOffice or Chromium, then to text by pdftotext.
    static func pdfText(of file: String, in folder: TemporaryFolder) throws -> Printed {
        let pdf = try self.pdf(of: file, in: folder)
        let text = try run("/usr/bin/env", ["pdftotext", "-enc", "UTF-8", pdf, "-"])
        guard text.status == 0 else { throw ToolFailure(message: "pdftotext failed: \(text.stderr)") }
        let layout = try run("/usr/bin/env", ["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"])
        guard layout.status == 0 else { throw ToolFailure(message: "pdftotext -layout failed: \(layout.stderr)") }
        return Printed(text: collapsed(text.stdout), lines: layout.stdout.split(separator: "\n").map { collapsed(String($0)) })
    }

    static let pdfplumber = python("pdfplumber")
    static let libreOfficeAndPdfplumber = (isInstalled("soffice") || isInstalled("libreoffice")) && pdfplumber

    /// One printed page as pdfplumber sees it: its size and its words with where they stand (points).
    struct PrintedPage: Decodable {
        struct Word: Decodable { var text: String; var x0: Double; var x1: Double }
        var width: Double
        var height: Double
        var words: [Word]
        var text: String { words.map(\.text).joined(separator: " ") }
    }

    /// A .docx (LibreOffice) or .html (Chromium) printed to PDF, its words read page by page by pdfplumber.
    static func printedPages(of file: String, in folder: TemporaryFolder) throws -> [PrintedPage] {
        let json = try pythonScript("read_pdf_words.py", [try pdf(of: file, in: folder)])
        return try JSONDecoder().decode([PrintedPage].self, from: Data(json.utf8))
    }

    /// A .docx converted to PDF by LibreOffice or an .html printed by Chromium; the PDF's path.
    static func pdf(of file: String, in folder: TemporaryFolder) throws -> String {
        let pdf: String
        if file.hasSuffix(".html") {
            pdf = folder.file("printed.pdf")
            let chromium = isInstalled("chromium") ? "chromium" : "chromium-browser"
            let result = try run("/usr/bin/env", ["timeout", "120", chromium, "--headless", "--no-sandbox", "--disable-gpu",
                                                  "--no-pdf-header-footer", "--user-data-dir=" + folder.file("chromium-profile"),
                                                  "--print-to-pdf=" + pdf, "file://" + file])
            guard FileManager.default.fileExists(atPath: pdf) else { throw ToolFailure(message: "chromium made no PDF: \(result.stderr)") }
        } else {
            let office = isInstalled("soffice") ? "soffice" : "libreoffice"
            let result = try run("/usr/bin/env", ["timeout", "180", office, "-env:UserInstallation=file://" + folder.file("lo-profile"),
                                                  "--headless", "--convert-to", "pdf", "--outdir", folder.path, file])
            pdf = folder.path + "/" + (URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent) + ".pdf"
            guard FileManager.default.fileExists(atPath: pdf) else { throw ToolFailure(message: "LibreOffice made no PDF: \(result.stdout) \(result.stderr)") }
        }
        return pdf
    }

    static func collapsed(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in text.unicodeScalars {
            if TextRules.isWhitespace(scalar.value) {
                space = true
            } else {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

struct ToolFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
