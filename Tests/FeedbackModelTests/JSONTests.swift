import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

@Suite struct JSONTests {
    @Test func parsesValuesAndKeepsOrder() throws {
        let value = try JSONParser.parse(#"{"b": [1, -2.5e3, true, false, null], "a": "å\u00e4\n\ud83d\ude00"}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["b", "a"])
        #expect(object["a"] == .string("åä\n😀"))
        #expect(object["b"]?.arrayValue?.count == 5)
        #expect(object["b"]?.arrayValue?[1] == .number("-2.5e3"))
    }

    @Test func refusesDuplicateKeysWithTheirPlace() throws {
        do {
            _ = try JSONParser.parse("{\n  \"a\": 1,\n  \"a\": 2\n}")
            Issue.record("duplicate keys were accepted")
        } catch {
            #expect(error.problem == .duplicateKey("a"))
            #expect(error.line == 3)
            #expect(error.column == 3)
        }
        // Allowed on request (the last one wins).
        let value = try JSONParser.parse(#"{"a":1,"a":2}"#, allowDuplicateKeys: true)
        #expect(value.objectValue?["a"] == .number("2"))
    }

    @Test func boundsNestingDepth() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try JSONParser.parse(fine) }
    }

    @Test func keepsHugeNumbersExact() throws {
        let value = try JSONParser.parse("[123456789012345678901234567890, 1e400]")
        #expect(value.arrayValue?[0] == .number("123456789012345678901234567890"))
        #expect(value.arrayValue?[0].intValue == nil)
    }

    @Test func reportsTruncationAndGarbage() throws {
        for (text, problem) in [("{\"a\": ", JSONParser.Failure.Problem.unexpectedEnd), ("", .empty), ("{} x", .trailingContent),
                                ("\"\u{1}\"", .controlCharacterInString), ("[01]", .unexpectedCharacter("1"))] {
            do {
                _ = try JSONParser.parse(text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.problem == problem, "\(text)")
            }
        }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func prettyWriterEscapesTerminalHazards() throws {
        let text = "a\u{1B}[31mb\u{7F}\u{85}\u{202E}c\tå"
        let bytes = JSONWriter.pretty(.string(text))
        let written = String(decoding: bytes, as: UTF8.self)
        #expect(written == "\"a\\u001b[31mb\\u007f\\u0085\\u202ec\\tå\"\n")
        #expect(!bytes.contains(0x1B))
        // And it reads back to the same text.
        #expect(try JSONParser.parse(bytes) == .string(text))
    }

    @Test func canonicalFormFollowsRFC8785() throws {
        let value = try JSONParser.parse(#"{"b": 1, "a": {"z": [true, null], "é": "x\u000f", "A": -0}, "€": "\u2028"}"#)
        let canonical = String(decoding: JSONWriter.canonical(value), as: UTF8.self)
        #expect(canonical == "{\"a\":{\"A\":0,\"z\":[true,null],\"é\":\"x\\u000f\"},\"b\":1,\"€\":\"\u{2028}\"}")
    }

    /// The JSONTestSuite corpus (Nicolas Seriot): y_ must parse, n_ must be refused cleanly,
    /// i_ must not crash; and every file read as a draft gives a clear error, never a crash.
    static let jsonTestSuiteFolder = Paths.root + "/../shared/data/JSONTestSuite/test_parsing"
    static var jsonTestSuiteNames: [String] { (try? FileManager.default.contentsOfDirectory(atPath: jsonTestSuiteFolder)) ?? [] }

    @Test(.enabled(if: !JSONTests.jsonTestSuiteNames.isEmpty, "⚠️ SKIPPED: the JSONTestSuite corpus is not at ../shared/data/JSONTestSuite"))
    func jsonTestSuite() throws {
        let folder = Self.jsonTestSuiteFolder
        let names = Self.jsonTestSuiteNames
        let catalog = FormCatalog.embedded()
        var counts = (y: 0, n: 0, i: 0)
        for name in names.sorted() where name.hasSuffix(".json") {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            let parsed = Result { () throws(JSONParser.Failure) in try JSONParser.parse(bytes, allowDuplicateKeys: true) }
            switch name.first {
            case "y":
                counts.y += 1
                if case .failure(let error) = parsed { Issue.record("\(name) must parse: \(error.problem)") }
            case "n":
                counts.n += 1
                if case .success = parsed { Issue.record("\(name) must be refused") }
            default:
                counts.i += 1
            }
            // As a draft: always a DraftError with a message naming the file.
            do {
                _ = try DraftCodec.decode(bytes, file: name, catalog: catalog)
                Issue.record("\(name) was read as a draft")
            } catch {
                #expect(error.message(.sv).hasPrefix(name))
                #expect(!error.message(.en).contains("\u{1B}"))
            }
        }
        #expect(counts.y > 90 && counts.n > 180 && counts.i > 30)
    }

    @Test func pointerTokensAreEscapedOnlyWhenNeeded() {
        #expect(JSONPointer.escape("amounts") == "amounts")
        #expect(JSONPointer.escape("a/b~c") == "a~1b~0c")
        #expect(JSONPointer.escape("~1") == "~01")
        #expect(JSONPointer.escape("") == "")
    }
}
