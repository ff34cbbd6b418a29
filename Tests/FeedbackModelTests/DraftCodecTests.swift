import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

@Suite struct DraftCodecTests {
    let form = shippedForm()
    let catalog = FormCatalog.embedded()

    @Test func roundTripKeepsEverything() throws {
        var draft = SampleDrafts.complete(form)
        draft.sections["other", default: [:]]["text"] = .text("Tabb\there, \"citat\", \\ och 😀 中文 e\u{301}")
        var row = draft.sections["investments"]!["investments"]!.rows[0]
        row[TableRow.yearKey("amounts", 2029)] = .text("12x")  // kept as typed
        draft.sections["investments"]!["investments"] = .table([row, TableRow()])
        let bytes = DraftCodec.encode(draft, form: form)
        let (decoded, decodedForm) = try DraftCodec.decode(bytes, file: "d.json", catalog: catalog)
        #expect(decodedForm.id == form.id)
        var expected = draft
        // Text is NFC after reading.
        expected.sections["other"]!["text"] = .text("Tabb\there, \"citat\", \\ och 😀 中文 é")
        #expect(decoded == expected)
        // Same draft, same bytes.
        #expect(DraftCodec.encode(decoded, form: form) == DraftCodec.encode(expected, form: form))
    }

    func error(_ text: String) -> DraftError? {
        do {
            _ = try DraftCodec.decode(Array(text.utf8), file: "utkast.json", catalog: catalog)
            return nil
        } catch {
            return error
        }
    }

    func validDraftJSON() -> String {
        String(decoding: DraftCodec.encode(SampleDrafts.complete(form), form: form), as: UTF8.self)
    }

    @Test func brokenDraftsGiveClearErrors() throws {
        let valid = validDraftJSON()
        #expect(error(valid) == nil)
        #expect(error("")?.message(.en) == "utkast.json: the file is empty")
        #expect(error(String(valid.prefix(valid.count / 2)))?.message(.en).contains("truncated") == true)
        #expect(error("# not json")?.message(.sv).contains("rad 1, kolumn 1") == true)
        #expect(error("{\"a\": 1}")?.message(.en).contains("not a draft") == true)
        #expect(error("[1, 2]")?.message(.en).contains("not a draft") == true)
        #expect(error(valid.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 9"))?.message(.en).contains("unknown form pf-aterkoppling-2028 version 9") == true)
        #expect(error(valid.replacingOccurrences(of: "\"pf-aterkoppling-2028\"", with: "\"other-form\""))?.message(.sv).contains("okänt formulär") == true)
        let wrongType = error(valid.replacingOccurrences(of: "\"caseNumber\": \"HSN 2027/45\"", with: "\"caseNumber\": 45"))
        #expect(wrongType?.place == "/metadata/caseNumber")
        #expect(wrongType?.message(.en).contains("must be a string, is number") == true)
        let unknownKey = error(valid.replacingOccurrences(of: "\"caseNumber\":", with: "\"caseNumbr\": \"x\", \"caseNumber\":"))
        #expect(unknownKey?.place == "/metadata/caseNumbr")
        let duplicate = error(valid.replacingOccurrences(of: "\"caseNumber\":", with: "\"caseNumber\": \"x\", \"caseNumber\":"))
        #expect(duplicate?.message(.en).contains("the key \"caseNumber\" occurs twice") == true)
        let huge = error(valid.replacingOccurrences(of: "\"revision\": 3", with: "\"revision\": 99999999999999999999999"))
        #expect(huge?.place == "/revision")
        let badYear = error(valid.replacingOccurrences(of: "\"2028\": 18500", with: "\"20x8\": 18500"))
        #expect(badYear?.place?.hasSuffix("/amounts/20x8") == true)
        let deep = "{\"format\":\"feedback-draft\",\"x\":" + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "}"
        #expect(error(deep)?.message(.en).contains("nested deeper") == true)
    }

    @Test func hostileTextInErrorsIsShownHarmlessly() throws {
        let valid = validDraftJSON()
        let hostile = valid.replacingOccurrences(of: "\"caseNumber\":", with: "\"\\u001b]0;pwned\\u0007\\u202e\": 1, \"caseNumber\":")
        let message = try #require(error(hostile)).message(.en)
        #expect(!message.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(message.contains("^[]0;pwned^G<U+202E>"))
        do {
            _ = try DraftCodec.decode(Array(valid.utf8), file: "evil\u{1B}[2J.json", catalog: catalog)
        } catch {
            Issue.record("valid draft refused")
        }
        let named = DraftError(file: "evil\u{1B}[2J\n.json", problem: Localized(sv: "x", en: "x"))
        #expect(named.message(.en) == "evil^[[2J^J.json: x")
    }

    @Test func invalidUTF8IsRefused() throws {
        var bytes = Array(validDraftJSON().utf8)
        let index = try #require(bytes.firstIndex(of: 0xC3))
        bytes[index] = 0xFF
        #expect(throws: DraftError.self) { try DraftCodec.decode(bytes, file: "x.json", catalog: catalog) }
    }

    @Test func tooLargeFilesAreRefusedBeforeParsing() throws {
        let folder = TemporaryFolder()
        let path = folder.file("big.json")
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(DraftCodec.maximumSize + 10))
        try handle.close()
        #expect(throws: StoreError.self) { try FileStore.readLimited(path: path, limit: DraftCodec.maximumSize) }
        do { _ = try FileStore.readLimited(path: path, limit: DraftCodec.maximumSize) } catch {
            #expect(error.kind == .tooLarge(limit: DraftCodec.maximumSize))
        }
    }
}

/// One set of limits for the reader, the validator and (through the same value) the interface.
@Suite struct LimitsTests {
    let form = shippedForm()

    /// Issue 9, defect 9: the interface saved what its reader refuses.
    @Test func whatTheReaderRefusesTheValidatorReports() throws {
        let limits = Limits.standard
        var draft = SampleDrafts.complete(form)
        let long = String(repeating: "a", count: limits.textCharacters + 1)
        draft.sections["goals"]!["text"] = .text(long)
        let findings = Validator(form: form).validate(draft)
        #expect(findings.contains { $0.code == "textTooLong" && $0.severity == .error && $0.pointer == "/sections/goals/text" })
        #expect(limits.violations(in: draft, form: form) == [.textTooLong(.section("goals", "text"), row: nil, cell: nil,
                                                                         characters: limits.textCharacters + 1, limit: limits.textCharacters)])
        let bytes = DraftCodec.encode(draft, form: form)
        do {
            _ = try DraftCodec.decode(bytes, file: "lång.json", form: form)
            Issue.record("the reader accepted a text over the limit")
        } catch {
            #expect(error.message(.sv).contains("programmets gräns"))
        }
        // A table over the limit likewise.
        var rows = SampleDrafts.complete(form)
        rows.sections["economy"]!["risks"] = .table(Array(repeating: TableRow(), count: limits.tableRows + 1))
        #expect(Validator(form: form).validate(rows).contains { $0.code == "tableTooLong" })
        #expect(throws: DraftError.self) { _ = try DraftCodec.decode(DraftCodec.encode(rows, form: form), file: "rader.json", form: form) }
        // The same limits answer the interface's questions.
        #expect(limits.admitsText(characters: limits.textCharacters))
        #expect(!limits.admitsText(characters: limits.textCharacters + 1))
        #expect(limits.roomInText(characters: limits.textCharacters - 5) == 5)
        #expect(limits.admitsRows(limits.tableRows) && !limits.admitsRows(limits.tableRows + 1))
        #expect(limits.admitsDraft(bytes: DraftCodec.maximumSize) && !limits.admitsDraft(bytes: DraftCodec.maximumSize + 1))
        #expect(DraftCodec.maximumSize == limits.draftBytes && FormReader.maximumSize == limits.formBytes)
    }

    /// What a save writes is what the reader reads: the interface's saves and autosaves go
    /// through encodeForSaving, which refuses a draft the reader would refuse.
    @Test func aSaveNeverWritesWhatTheReaderRefuses() throws {
        var rows = SampleDrafts.complete(form)
        rows.sections["economy"]!["risks"] = .table(Array(repeating: TableRow(), count: Limits.standard.tableRows + 1))
        do {
            _ = try DraftCodec.encodeForSaving(rows, form: form, path: "/x/utkast.json")
            Issue.record("a draft with too many rows was encoded for saving")
        } catch {
            guard case .violatesLimit(.tooManyRows(.section("economy", "risks"), rows: 10_001, limit: 10_000)) = error.kind else {
                Issue.record("\(error)")
                return
            }
            #expect(error.message(.sv).contains("10 001 rader"))
            #expect(error.message(.sv).contains("sparades inte"))
        }
        var small = Limits()
        small.draftBytes = 1_000
        do {
            _ = try DraftCodec.encodeForSaving(SampleDrafts.complete(form), form: form, path: "/x/utkast.json", limits: small)
            Issue.record("a draft over the size limit was encoded for saving")
        } catch {
            guard case .exceedsLimit(let size, 1_000) = error.kind else { Issue.record("\(error)"); return }
            #expect(size == DraftCodec.encode(SampleDrafts.complete(form), form: form).count)
        }
        let fine = try DraftCodec.encodeForSaving(SampleDrafts.complete(form), form: form, path: "/x/utkast.json")
        #expect(fine == DraftCodec.encode(SampleDrafts.complete(form), form: form))
    }
}
