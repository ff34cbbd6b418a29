import Foundation
import Testing
import TestSupport
import FeedbackModel

/// A planning round run with the built binary: drafts on disk, an inbox, the board's clock
/// set per phase with FEEDBACK_NOW, and the real programs that read the report.
struct BoardRound {
    let folder = TemporaryFolder()
    let form = shippedForm()
    var inbox: String { folder.file("inkorg") }

    func environment(now: String) -> [String: String] {
        ["FEEDBACK_NOW": now, "XDG_DATA_HOME": folder.file("data"), "FEEDBACK_FORMS": folder.file("no-forms")]
    }

    /// Writes a committee's draft and returns its path.
    func writeDraft(_ draft: Draft, name: String) throws -> String {
        try folder.write(bytes: DraftCodec.encode(draft, form: form), name)
        return folder.file(name)
    }

    func drop(_ bytes: [UInt8], as name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: inbox + "/incoming/" + name))
    }

    func files(_ sub: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: inbox + "/" + sub)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}

/// Whether the real readers of the report are here.
enum BoardTools {
    static func python(_ module: String) -> Bool {
        guard isInstalled("python3"), let result = try? run("/usr/bin/env", ["python3", "-c", "import \(module)"]) else { return false }
        return result.status == 0
    }

    static let pythonDocx = python("docx")
    static let python3 = isInstalled("python3")
    static let chromium = (isInstalled("chromium") || isInstalled("chromium-browser")) && isInstalled("pdftotext")

    /// The HTML printed to PDF by headless Chromium, then read back by pdftotext.
    static func printedText(_ html: String, in folder: TemporaryFolder) throws -> String {
        let pdf = folder.file("report.pdf")
        let chromium = isInstalled("chromium") ? "chromium" : "chromium-browser"
        let printed = try run("/usr/bin/env", ["timeout", "120", chromium, "--headless", "--no-sandbox", "--disable-gpu",
                                               "--no-pdf-header-footer", "--user-data-dir=" + folder.file("chromium-profile"),
                                               "--print-to-pdf=" + pdf, "file://" + html])
        guard FileManager.default.fileExists(atPath: pdf) else {
            Issue.record("chromium made no PDF: \(printed.stderr)")
            return ""
        }
        let text = try run("/usr/bin/env", ["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"])
        #expect(text.status == 0, "\(text.stderr)")
        return text.stdout.replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    static func pdfPages(_ folder: TemporaryFolder) -> Int? {
        guard isInstalled("pdfinfo"), let info = try? run("/usr/bin/env", ["pdfinfo", folder.file("report.pdf")]) else { return nil }
        let line = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }
}
