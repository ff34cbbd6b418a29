import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import FeedbackModel

/// Arbitrary Unicode text survives save → load and draft → export unchanged (after NFC, and
/// for long texts in the stored paragraph form: blank lines only separate paragraphs).
@Suite struct RoundTripPropertyTests {
    /// Scalars from the ranges where bugs hide: ASCII and controls, Latin-1 and C1, combining
    /// marks, Hangul (NFC composes jamo), CJK, emoji, bidi and format characters, the rest.
    static let scalar = Gen<UInt32>.value(in: 0...UInt32.max).map { (v: UInt32) -> Unicode.Scalar in
        let buckets: [ClosedRange<UInt32>] = [0x00...0x7F, 0x80...0x2FF, 0x300...0x36F, 0x1100...0x11FF, 0xAC00...0xD7A3,
                                              0x4E00...0x9FFF, 0x1F300...0x1FAFF, 0x2000...0x206F, 0xFE00...0xFFFF, 0x0...0x10FFFF]
        let bucket = buckets[Int(v % UInt32(buckets.count))]
        let value = bucket.lowerBound + (v / UInt32(buckets.count)) % (bucket.upperBound - bucket.lowerBound + 1)
        return Unicode.Scalar(value) ?? "\u{FFFD}"  // surrogates are not scalars
    }

    static let text = scalar.array(of: 0...300).map { scalars -> String in
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars)
        return s
    }

    let form = shippedForm()

    @Test func anyTextSurvivesSaveAndLoad() async throws {
        let folder = TemporaryFolder()
        let form = self.form
        await propertyCheck(count: 300, input: Self.text, Self.text) { goals, caseNumber in
            var draft = SampleDrafts.complete(form)
            draft.sections["goals"]!["text"] = .text(goals)
            draft.metadata["caseNumber"] = .text(caseNumber)
            var row = draft.sections["investments"]!["investments"]!.rows[0]
            row["object"] = .text(caseNumber + goals.prefix(5))
            draft.sections["investments"]!["investments"] = .table([row])
            let path = folder.file("utkast.json")
            do {
                try FileStore().save(DraftCodec.encode(draft, form: form), to: path)
                let bytes = try FileStore.readLimited(path: path, limit: 1 << 24)
                let (loaded, _) = try DraftCodec.decode(bytes, file: path, catalog: .embedded())
                #expect(loaded.text(at: .section("goals", "text")) == Paragraphs.canonical(TextRules.nfc(goals)))
                #expect(loaded.metadata["caseNumber"] == .text(TextRules.nfc(caseNumber)))
                #expect(loaded.sections["investments"]?["investments"]?.rows.first?["object"] == .text(TextRules.nfc(caseNumber + goals.prefix(5))))
                // Loading NFC text and saving it again gives the same bytes.
                #expect(DraftCodec.encode(loaded, form: form) == DraftCodec.encode(try DraftCodec.decode(DraftCodec.encode(loaded, form: form), file: path, form: form), form: form))
            } catch {
                Issue.record("round trip failed: \(error)")
            }
        }
    }

    @Test func anyTextSurvivesExport() async throws {
        let form = self.form
        await propertyCheck(count: 300, input: Self.text) { raw in
            // The validator refuses controls and bidi characters (they would block the
            // export), so those are taken out; everything else must come through.
            let text = String(String.UnicodeScalarView(raw.unicodeScalars.filter {
                guard let hazard = TextRules.hazard($0.value) else { return true }
                return hazard == .format
            }))
            var draft = SampleDrafts.complete(form)
            draft.sections["other", default: [:]]["text"] = .text(text)
            do {
                let result = try Exporter(form: form).export(draft, exportedAt: Timestamp(secondsSinceEpoch: 0))
                let object = try #require(try JSONParser.parse(result.bytes).objectValue)
                let other = object["sections"]?.arrayValue?[5].objectValue?["fields"]?.objectValue?["text"]
                let normalized = Paragraphs.canonical(TextRules.nfc(text))
                if TextRules.stats(normalized).hasContent {
                    #expect(other == .string(normalized))
                } else {
                    #expect(other == .null)
                }
                #expect(Exporter.contentHash(of: object) == result.contentSha256)
            } catch {
                Issue.record("export failed: \(error)")
            }
        }
    }

    @Test func anyStringSurvivesTheJSONWriterAndParser() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            #expect((try? JSONParser.parse(JSONWriter.pretty(.string(text)))) == .string(text))
            #expect((try? JSONParser.parse(JSONWriter.canonical(.string(text)))) == .string(text))
        }
    }
}
