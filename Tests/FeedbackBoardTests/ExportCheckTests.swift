import Foundation
import Testing
import TestSupport
import FeedbackModel
@testable import FeedbackBoard

/// What receiving checks in a file before it can be accepted.
@Suite struct ExportCheckTests {
    let form = shippedForm()
    var check: ExportCheck { ExportCheck(form: form) }
    var good: [UInt8] { BoardSamples.export(BoardSamples.draft(form, committee: "hsn", index: 1), form: form) }

    func codes(_ bytes: [UInt8]) -> [String] { check.check(bytes).reasons.map(\.code) }

    @Test func aRealExportPasses() throws {
        let result = check.check(good)
        #expect(result.reasons.isEmpty, "\(result.reasons)")
        #expect(result.facts.committeeID == "hsn")
        #expect(result.facts.revision == 3)
        #expect(result.facts.status == "beslutad")
        #expect(result.facts.headingsDone == 6)
        #expect(result.facts.headings == 6)
        // The rebuilt draft is the one exported.
        let export = try #require(result.export)
        // The draft read back is the one exported: its export has the same content.
        #expect(Exporter(form: form).contentObject(export.draft) == Exporter.content(of: export.object))
    }

    @Test func aChangedTextBreaksTheContentHash() {
        var text = String(decoding: good, as: UTF8.self)
        text = text.replacingOccurrences(of: "om rubrik 1.", with: "om rubrik 1 (ändrad).")
        #expect(codes(Array(text.utf8)) == ["contentHash"])
    }

    @Test func aChangedTotalIsFoundEvenWithARecomputedHash() {
        let forged = BoardSamples.rehashed(good) { object in
            JSONEdit.set(.integer(1), at: ["sections", "4", "tables", "investments", "totals", "amounts", "2028"], in: &object)
        }
        let result = check.check(forged)
        #expect(result.reasons.map(\.code) == ["totals"])
        #expect(result.reasons.first?.pointer == "/sections/4/tables/investments/totals/amounts/2028")
        #expect(result.reasons.first?.message.sv.contains("i filen men raderna ger") == true)
    }

    /// An export whose texts an earlier version wrote with other line breaks is still an
    /// export: only the rules decide.
    @Test func anotherFormOfTheSameTextIsNotRefused() {
        let relaxed = BoardSamples.rehashed(good) { object in
            guard case .string(let text)? = JSONEdit.value(at: ["sections", "0", "fields", "text"], in: .object(object)) else { return }
            JSONEdit.set(.string(text.replacingOccurrences(of: "\n\n", with: "\n")), at: ["sections", "0", "fields", "text"], in: &object)
        }
        #expect(codes(relaxed).isEmpty)
    }

    @Test func anotherFormOrVersionIsRefused() {
        for (id, version) in [("pf-aterkoppling-2029", 1), ("pf-aterkoppling-2028", 2)] {
            let other = BoardSamples.rehashed(good) { object in
                JSONEdit.set(.string(id), at: ["form", "id"], in: &object)
                JSONEdit.set(.integer(version), at: ["form", "version"], in: &object)
            }
            #expect(codes(other) == ["otherForm"])
        }
    }

    @Test func aCommitteeOffTheListIsRefused() {
        let other = BoardSamples.rehashed(good) { JSONEdit.set(.string("xyz"), at: ["committee", "id"], in: &$0) }
        #expect(codes(other) == ["unknownCommittee"])
    }

    @Test func everyRuleOfTheFormIsCheckedAgain() {
        let broken = BoardSamples.rehashed(good) { object in
            JSONEdit.set(.string("45"), at: ["metadata", "paragraph"], in: &object)
            JSONEdit.set(.null, at: ["metadata", "meetingDate"], in: &object)
        }
        let reasons = check.check(broken).reasons
        #expect(Set(reasons.map(\.code)) == ["rule:pattern", "rule:conditionRequired"])
        #expect(reasons.contains { $0.message.sv.contains("Paragraf") })
    }

    @Test func brokenFilesSayWhy() {
        #expect(codes(Array("{\"a\":1,\"a\":2}".utf8)) == ["notJSON"])
        #expect(codes(Array("[1,2]".utf8)) == ["notAnExport"])
        #expect(codes(Array("{}".utf8)) == ["notAnExport"])
        #expect(codes(Array(good.prefix(good.count / 2))) == ["notJSON"])
        let extra = BoardSamples.rehashed(good) { $0["note"] = .string("hej") }
        #expect(codes(extra) == ["structure"])
        let wrongType = BoardSamples.rehashed(good) { JSONEdit.set(.string("7"), at: ["revision"], in: &$0) }
        #expect(codes(wrongType) == ["structure"])
    }

    @Test func aRefusedFileStillNamesItsCommitteeShortly() {
        let long = String(repeating: "x", count: 10_000)
        let odd = BoardSamples.rehashed(good) { JSONEdit.set(.string(long), at: ["committee", "id"], in: &$0) }
        let facts = check.check(odd).facts
        #expect(facts.committeeID?.count == 200)
    }

    /// The reader's structure check is at least as strict as the export's JSON Schema, run by
    /// Python's jsonschema: whatever the schema refuses, receiving refuses.
    @Test(.enabled(if: pythonJSONSchemaAvailable))
    func whatTheSchemaRefusesIsRefused() throws {
        let folder = TemporaryFolder()
        try folder.write(bytes: ExportSchema(form: form).bytes(), "schema.json")
        let mutations: [(String, (inout JSONObject) -> Void)] = [
            ("unchanged", { _ in }),
            ("extra member", { $0["extra"] = .integer(1) }),
            ("no revision", { $0["revision"] = nil }),
            ("negative revision", { JSONEdit.set(.integer(-1), at: ["revision"], in: &$0) }),
            ("unknown committee", { JSONEdit.set(.string("xyz"), at: ["committee", "id"], in: &$0) }),
            ("status not an option", { JSONEdit.set(.string("klar"), at: ["status"], in: &$0) }),
            ("too few sections", { object in
                if case .array(let sections)? = object["sections"] { object["sections"] = .array(Array(sections.dropLast())) }
            }),
            ("long case number", { JSONEdit.set(.string(String(repeating: "A", count: 41)), at: ["metadata", "caseNumber"], in: &$0) }),
            ("bad e-mail", { JSONEdit.set(.string("inte en adress"), at: ["metadata", "contactEmail"], in: &$0) }),
            ("amount as text", { JSONEdit.set(.string("100"), at: ["sections", "4", "tables", "investments", "rows", "0", "amounts", "2028"], in: &$0) }),
            ("extra row member", { JSONEdit.set(.integer(1), at: ["sections", "4", "tables", "investments", "rows", "0", "extra"], in: &$0) }),
            ("text too long", { JSONEdit.set(.string(String(repeating: "ord ", count: 3_100)), at: ["sections", "0", "fields", "text"], in: &$0) }),
            ("bidi control", { JSONEdit.set(.string("A\u{202E}B"), at: ["sections", "0", "fields", "text"], in: &$0) }),
            ("missing required text", { JSONEdit.set(.null, at: ["sections", "1", "fields", "text"], in: &$0) }),
            ("title changed", { JSONEdit.set(.string("Annan"), at: ["sections", "2", "title", "sv"], in: &$0) }),
            ("plan period changed", { JSONEdit.set(.integer(2029), at: ["planPeriod", "firstYear"], in: &$0) }),
            ("decided without paragraph", { JSONEdit.set(.null, at: ["metadata", "paragraph"], in: &$0) }),
            ("bad hash shape", { $0["contentSha256"] = .string("abc") }),
        ]
        var files: [String] = []
        for (index, (_, change)) in mutations.enumerated() {
            var bytes = BoardSamples.rehashed(good, change)
            if index == mutations.count - 1 {
                // Keep the broken hash this mutation is about.
                guard case .object(var object) = try JSONParser.parse(bytes) else { continue }
                object["contentSha256"] = .string("abc")
                bytes = JSONWriter.pretty(.object(object))
            }
            try folder.write(bytes: bytes, "m\(index).json")
            files.append(folder.file("m\(index).json"))
        }
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            v = Draft202012Validator(json.load(open(sys.argv[1], encoding="utf-8")))
            for path in sys.argv[2:]:
                print("valid" if v.is_valid(json.load(open(path, encoding="utf-8"))) else "invalid")
            """
        try folder.write("check.py", script)
        let result = try run("/usr/bin/env", ["python3", folder.file("check.py"), folder.file("schema.json")] + files)
        #expect(result.status == 0, "\(result.stderr)")
        let verdicts = result.stdout.split(separator: "\n").map(String.init)
        #expect(verdicts.count == mutations.count)
        #expect(verdicts.first == "valid")
        for (index, verdict) in verdicts.enumerated() {
            let bytes = try FileStore.readLimited(path: files[index], limit: 1 << 22)
            let refused = !check.check(bytes).reasons.isEmpty
            if verdict == "invalid" {
                #expect(refused, "the schema refuses “\(mutations[index].0)” but receiving accepts it")
            }
            if index == 0 { #expect(!refused) }
        }
        // The schema must have refused most of these, or the comparison says little.
        #expect(verdicts.filter { $0 == "invalid" }.count >= mutations.count - 2, "\(verdicts)")
    }
}
