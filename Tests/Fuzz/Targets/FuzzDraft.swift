// libFuzzer target: the draft reader (DraftCodec.decode) and everything that runs on a
// draft it accepted. Built by Tests/Fuzz/run.sh; the same checks are replayed without
// sanitizers by Tests/FeedbackModelTests/FuzzRegressionTests.swift (keep the two in step).
//
// Checks, for any input bytes:
//  - decode never crashes; a refusal's message (sv and en) holds no raw control, bidi or
//    format character (it is printed to a terminal);
//  - an accepted draft re-encodes to bytes that decode again, to an equal draft, and
//    encoding that gives the same bytes again;
//  - Validator.validate and Exporter.export (which may throw) never crash.
import FeedbackModel

private let catalog = FormCatalog.embedded()

/// A scalar that must never reach a terminal raw: C0 (TAB and LF too: messages are one
/// line), DEL, C1, and the bidi controls.
private func isHazard(_ v: UInt32) -> Bool {
    v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0x061C || v == 0x200E || v == 0x200F
        || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
}

private func requireSafe(_ message: String, _ what: String) {
    if let bad = message.unicodeScalars.first(where: { isHazard($0.value) }) {
        fatalError("\(what) holds the raw scalar U+\(String(bad.value, radix: 16, uppercase: true)): \(message.debugDescription)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let draft: Draft
    let form: FormDefinition
    do {
        (draft, form) = try DraftCodec.decode(bytes, file: "fuzz.json", catalog: catalog)
    } catch {
        requireSafe(error.message(.en), "DraftError.message(.en)")
        requireSafe(error.message(.sv), "DraftError.message(.sv)")
        return 0
    }
    let encoded = DraftCodec.encode(draft, form: form)
    let again: Draft
    do {
        again = try DraftCodec.decode(encoded, file: "re-encoded.json", form: form)
    } catch {
        fatalError("a re-encoded draft is refused: \(error.message(.en))")
    }
    if again != draft { fatalError("decode(encode(draft)) != draft") }
    if DraftCodec.encode(again, form: form) != encoded { fatalError("encoding is not stable") }
    _ = Validator(form: form).validate(draft)
    _ = try? Exporter(form: form).export(draft, exportedAt: Timestamp(secondsSinceEpoch: 0))
    return 0
}
