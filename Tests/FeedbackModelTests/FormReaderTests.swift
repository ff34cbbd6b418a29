import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

@Suite struct FormReaderTests {
    @Test func shippedFormHasTheSixHeadings() throws {
        let form = shippedForm()
        #expect(form.id == "pf-aterkoppling-2028")
        #expect(form.planPeriod.years == [2028, 2029, 2030, 2031])
        #expect(form.deadline == SimpleDate(year: 2027, month: 4, day: 16))
        #expect(form.sections.map(\.id) == ["goals", "development", "competence", "economy", "investments", "other"])
        #expect(form.sections[0].title.sv == "Nämndens bidrag till fullmäktiges mål och uppdrag")
        #expect(form.sections[4].title.en == "Investment planning")
        for id in ["rs", "hsn", "run", "pn"] { #expect(form.committee(id: id) != nil) }
        #expect(form.metadata.map(\.id) == ["committee", "caseNumber", "meetingDate", "paragraph", "contactName", "contactEmail", "status"])
        for section in form.sections {
            #expect(!section.guidance.sv.isEmpty && !section.guidance.en.isEmpty)
        }
        let investments = try #require(form.section(id: "investments")?.field(id: "investments"))
        #expect(investments.columns.map(\.id) == ["object", "category", "amounts", "decision", "priority"])
        #expect(investments.columns[2].kind == .planYears)
        let economy = try #require(form.section(id: "economy"))
        #expect(economy.fields.map(\.id) == ["text", "risks", "sensitivity"])
        #expect(FormCatalog.embedded().problems.isEmpty)
    }

    /// The embedded copy must be the file in Forms/. Run with FEEDBACK_RECORD=1 to regenerate it.
    @Test func embeddedFormsMatchFormsFolder() throws {
        let folder = Paths.root + "/Forms"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        let files = try names.map { ($0, try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) }
        let generated = EmbeddedFormsSource.render(files)
        let sourcePath = Paths.root + "/Sources/FeedbackModel/Form/EmbeddedForms.swift"
        if ProcessInfo.processInfo.environment["FEEDBACK_RECORD"] == "1" {
            try Data(generated.utf8).write(to: URL(fileURLWithPath: sourcePath))
        }
        #expect(EmbeddedForms.files.map(\.0) == names, "Forms/ and the embedded forms differ: run FEEDBACK_RECORD=1 swift test")
        for (name, text) in files {
            let embedded = EmbeddedForms.files.first { $0.0 == name }?.1
            #expect(embedded == text.trimmingSuffixNewlines, "\(name) differs from its embedded copy: run FEEDBACK_RECORD=1 swift test")
        }
        let catalog = FormCatalog.load(folder: folder)
        #expect(catalog.problems.isEmpty)

        // The parsed definitions built into the binary: regenerated from Forms/ and compared.
        let parsed = try files.map { try FormReader.read(yaml: Array($0.1.utf8), source: "embedded:\($0.0)") }
        let definitionsSource = FormSwiftSource.render(parsed)
        let definitionsPath = Paths.root + "/Sources/FeedbackModel/Form/EmbeddedFormDefinitions.swift"
        if ProcessInfo.processInfo.environment["FEEDBACK_RECORD"] == "1" {
            try Data(definitionsSource.utf8).write(to: URL(fileURLWithPath: definitionsPath))
        }
        let committed = try String(contentsOfFile: definitionsPath, encoding: .utf8)
        #expect(committed == definitionsSource, "EmbeddedFormDefinitions.swift is stale: run FEEDBACK_RECORD=1 swift test")
        // And what the binary builds from it is the same form again.
        #expect(FormSwiftSource.render(EmbeddedForms.definitions) == definitionsSource)
    }

    func failure(_ yaml: String) -> FormError? {
        do {
            _ = try FormReader.read(yaml: Array(yaml.utf8), source: "broken.yaml")
            return nil
        } catch {
            return error
        }
    }

    func shippedText() -> String { EmbeddedForms.files[0].1 }

    @Test func brokenDefinitionsNameTheFileLineAndProblem() throws {
        let text = shippedText()
        // An unknown key.
        let unknown = try #require(failure(text.replacingOccurrences(of: "\ntimeline:\n", with: "\ntimelin:\n")))
        #expect(unknown.file == "broken.yaml")
        #expect(unknown.problem.contains("timelin"))
        #expect(unknown.line != nil)

        // An unknown field type, with its line.
        let lines = text.components(separatedBy: "\n")
        let typeLine = try #require(lines.firstIndex { $0.contains("type: shortText") }) + 1
        let badType = try #require(failure(text.replacingOccurrences(of: "type: shortText", with: "type: shortTxt")))
        #expect(badType.line == typeLine)
        #expect(badType.problem.contains("shortTxt"))
        #expect(badType.description.hasPrefix("broken.yaml:\(typeLine):"))

        // Not YAML at all.
        let syntax = try #require(failure("id: [unclosed\nversion: 1\n"))
        #expect(syntax.problem.contains("YAML"))
        #expect(syntax.line != nil)

        // Duplicate keys are refused.
        let duplicate = try #require(failure(text.replacingOccurrences(of: "version: 1\n", with: "version: 1\nversion: 2\n")))
        #expect(duplicate.problem.contains("version"))

        // An invalid regular expression.
        let regex = try #require(failure(text.replacingOccurrences(of: "regex: '^§ ?[0-9]{1,4}$'", with: "regex: '^§ ?[0-9{1,4}$'")))
        #expect(regex.problem.contains("regex"))

        // A wrong type of value.
        let version = try #require(failure(text.replacingOccurrences(of: "version: 1\n", with: "version: ett\n")))
        #expect(version.problem.contains("whole number"))

        // A rule that does not apply to the type.
        let rule = try #require(failure(text.replacingOccurrences(of: "    maxChars: 40\n", with: "    maxRows: 40\n")))
        #expect(rule.problem.contains("maxRows"))

        // A condition naming a field that does not exist.
        let condition = try #require(failure(text.replacingOccurrences(of: "      - paragraph\n", with: "      - paragraf\n")))
        #expect(condition.problem.contains("paragraf"))

        #expect(failure("")?.problem == "the file is empty")
        #expect(failure("- just\n- a list\n")?.problem.contains("mapping") == true)
    }

    @Test func invalidUTF8IsNamedWithItsLine() throws {
        var bytes = Array("id: x\nversion: 1\n".utf8)
        bytes += [0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xFF, 0x0A]
        #expect(throws: FormError.self) { try FormReader.read(yaml: bytes, source: "f.yaml") }
        do { _ = try FormReader.read(yaml: bytes, source: "f.yaml") } catch {
            #expect(error.line == 3)
            #expect(error.problem.contains("UTF-8"))
        }
    }

    @Test func brokenFormFileInFolderIsReportedAndOthersStillLoad() throws {
        let folder = TemporaryFolder()
        try folder.write("trasig.yaml", "id: [\n")
        let catalog = FormCatalog.load(folder: folder.path)
        #expect(catalog.latest() != nil)
        #expect(catalog.problems.count == 1)
        #expect(catalog.problems.first?.file.hasSuffix("trasig.yaml") == true)
    }
}

extension String {
    var trimmingSuffixNewlines: String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}

/// Renders EmbeddedForms.swift from the Forms/ files (the same layout as the committed file).
enum EmbeddedFormsSource {
    static func render(_ files: [(String, String)]) -> String {
        var lines = [
            "// Generated from Forms/ by the test `embeddedFormsMatchFormsFolder` (run it with",
            "// FEEDBACK_RECORD=1 to regenerate). Do not edit by hand: edit Forms/ instead.",
            "",
            "/// The form definitions built into the binary, so the program works from any folder.",
            "public enum EmbeddedForms {",
            "    /// The form that `feedback` opens when no other is named.",
            "    public static let defaultFormID = \"\(EmbeddedForms.defaultFormID)\"",
            "",
            "    /// (file name, YAML text) of every file in Forms/.",
            "    public static let files: [(String, String)] = [",
        ]
        for (name, text) in files {
            lines.append("        (\"\(name)\", ####\"\"\"")
            lines.append(text.trimmingSuffixNewlines)
            lines.append("\"\"\"####),")
        }
        lines.append("    ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}

@Suite struct FormAliasTests {
    @Test func anchorsAndAliasesAreRefusedBeforeParsing() {
        let text = EmbeddedForms.files[0].1
        let withAlias = text.replacingOccurrences(of: "title:\n  sv:", with: "title: &t\n  sv:")
        do {
            _ = try FormReader.read(yaml: Array(withAlias.utf8), source: "a.yaml")
            Issue.record("an anchor was accepted")
        } catch {
            #expect(error.problem.contains("anchors and aliases"))
            #expect(error.line == withAlias.components(separatedBy: "\n").firstIndex { $0.contains("&t") }.map { $0 + 1 })
        }
        #expect(YAMLAliases.firstLine(in: "a: [*x]\n") == 1)
        #expect(YAMLAliases.firstLine(in: "a:\n  - *x\n") == 2)
        #expect(YAMLAliases.firstLine(in: "? *a9\n: 1\n") == 1)
        // Stars and ampersands in text are text.
        #expect(YAMLAliases.firstLine(in: "a: \"*inte alias\"\nb: 'R&D *x'\nc: text & *mer\n# *kommentar\n") == nil)
        #expect(YAMLAliases.firstLine(in: "g: |\n  *punkt\n  &och\nh: x\n") == nil)
        #expect(YAMLAliases.firstLine(in: "g: >-\n  *punkt\nh: *alias\n") == 3)
    }
}
