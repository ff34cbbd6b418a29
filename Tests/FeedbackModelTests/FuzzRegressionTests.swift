import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// Replays the saved fuzzing inputs (Tests/Fuzz/regressions/draft and form: crashes the
/// fuzzers found, and hand-made hostile inputs) through the same checks as the fuzz targets
/// in Tests/Fuzz/Targets, without sanitizers. Keep the checks here in step with the targets.
@Suite struct FuzzRegressionTests {
    static let catalog = FormCatalog.embedded()

    static func inputs(_ target: String) -> [String] {
        let folder = Paths.root + "/Tests/Fuzz/regressions/" + target
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    static func bytes(_ target: String, _ name: String) throws -> [UInt8] {
        let path = Paths.root + "/Tests/Fuzz/regressions/\(target)/\(name)"
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// C0 (TAB and LF too: messages are one line), DEL, C1 and the bidi controls.
    static func hazard(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            let v = scalar.value
            return v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0x061C || v == 0x200E || v == 0x200F
                || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
        }
    }

    @Test func regressionFoldersAreNotEmpty() {
        #expect(Self.inputs("draft").count >= 5)
        #expect(Self.inputs("form").count >= 5)
        #expect(Self.inputs("pattern").count >= 5)
    }

    /// The checks of Tests/Fuzz/Targets/FuzzDraft.swift.
    @Test(arguments: inputs("draft"))
    func draft(_ name: String) throws {
        let bytes = try Self.bytes("draft", name)
        let draft: Draft
        let form: FormDefinition
        do {
            (draft, form) = try DraftCodec.decode(bytes, file: "fuzz.json", catalog: Self.catalog)
        } catch {
            for language in [Language.en, .sv] {
                let message = error.message(language)
                #expect(Self.hazard(in: message) == nil, "raw control in the message: \(message.debugDescription)")
            }
            return
        }
        let encoded = DraftCodec.encode(draft, form: form)
        let again = try #require(try? DraftCodec.decode(encoded, file: "re-encoded.json", form: form),
                                 "the re-encoded draft is refused")
        #expect(again == draft, "decode(encode(draft)) != draft")
        #expect(DraftCodec.encode(again, form: form) == encoded, "encoding is not stable")
        _ = Validator(form: form).validate(draft)
        _ = try? Exporter(form: form).export(draft, exportedAt: Timestamp(secondsSinceEpoch: 0))
    }

    /// The checks of Tests/Fuzz/Targets/FuzzForm.swift.
    @Test(arguments: inputs("form"))
    func form(_ name: String) throws {
        let bytes = try Self.bytes("form", name)
        let form: FormDefinition
        do {
            form = try FormReader.read(yaml: bytes, source: "fuzz.yaml")
        } catch {
            #expect(Self.hazard(in: error.description) == nil, "raw control in the message: \(error.description.debugDescription)")
            return
        }
        _ = ExportSchema(form: form).bytes()
        let now = Timestamp(secondsSinceEpoch: 0)
        let draft = Draft.new(form: form, committee: form.committees.first?.id ?? "x", documentID: "fuzz", now: now)
        let encoded = DraftCodec.encode(draft, form: form)
        let again = try #require(try? DraftCodec.decode(encoded, file: "new.json", form: form),
                                 "a new draft for an accepted form is refused")
        #expect(again == draft, "decode(encode(new draft)) != new draft")
        _ = Validator(form: form).validate(draft)
        _ = try? Exporter(form: form).export(draft, exportedAt: now)
    }

    /// The checks of Tests/Fuzz/Targets/FuzzPattern.swift, with the matcher's step budget in
    /// place of the clock.
    @Test(arguments: inputs("pattern"))
    func pattern(_ name: String) throws {
        let bytes = try Self.bytes("pattern", name)
        let split = bytes.firstIndex(of: 0x0A) ?? bytes.count
        let regex = String(decoding: bytes[..<split], as: UTF8.self)
        let value = String(decoding: bytes[min(split + 1, bytes.count)...], as: UTF8.self)
        let rule = "    maxChars: 120\n    pattern:\n      regex: '^[^@ ]+@[^@ ]+\\.[^@ ]+$'"
        let shipped = EmbeddedForms.files[0].1
        #expect(shipped.contains(rule), "the shipped form's e-mail rule changed: update FuzzPattern.swift and this test")
        let yaml = shipped.replacingOccurrences(of: rule, with: "    pattern:\n      regex: '\(regex.replacingOccurrences(of: "'", with: "''"))'")
        let form: FormDefinition
        do {
            form = try FormReader.read(yaml: Array(yaml.utf8), source: "pattern.yaml")
        } catch {
            #expect(Self.hazard(in: error.description) == nil, "raw control in the message: \(error.description.debugDescription)")
            return
        }
        if let compiled = try? FormPattern(regex) {
            let (_, steps) = compiled.matchWithSteps(value)
            #expect(steps <= compiled.stepBudget(length: value.unicodeScalars.count), "\(steps) steps")
        }
        var draft = Draft.new(form: form, committee: form.committees.first?.id ?? "x", documentID: "fuzz", now: Timestamp(secondsSinceEpoch: 0))
        draft.metadata["contactEmail"] = .text(value)
        _ = Validator(form: form).validate(draft)
    }
}
