// libFuzzer target: the form reader (FormReader.read, i.e. Yams plus the form checks) and
// what runs on a form it accepted. Built by Tests/Fuzz/run.sh; the same checks are
// replayed without sanitizers by Tests/FeedbackModelTests/FuzzRegressionTests.swift.
//
// Checks, for any input bytes:
//  - read never crashes; a refusal's description holds no raw control or bidi character;
//  - for an accepted form, ExportSchema(form:).bytes() never crashes;
//  - a new draft for the form (Draft.new) encodes to bytes that decode again with that form
//    to an equal draft, and validating and exporting it never crashes.
import FeedbackModel

private func isHazard(_ v: UInt32) -> Bool {
    v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0x061C || v == 0x200E || v == 0x200F
        || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let form: FormDefinition
    do {
        form = try FormReader.read(yaml: bytes, source: "fuzz.yaml")
    } catch {
        let message = error.description
        if let bad = message.unicodeScalars.first(where: { isHazard($0.value) }) {
            fatalError("FormError.description holds the raw scalar U+\(String(bad.value, radix: 16, uppercase: true)): \(message.debugDescription)")
        }
        return 0
    }
    _ = ExportSchema(form: form).bytes()

    let now = Timestamp(secondsSinceEpoch: 0)
    let committee = form.committees.first?.id ?? "x"
    let draft = Draft.new(form: form, committee: committee, documentID: "fuzz", now: now)
    let encoded = DraftCodec.encode(draft, form: form)
    do {
        let again = try DraftCodec.decode(encoded, file: "new.json", form: form)
        if again != draft { fatalError("decode(encode(new draft)) != new draft") }
    } catch {
        fatalError("a new draft for an accepted form is refused: \(error.message(.en))")
    }
    _ = Validator(form: form).validate(draft)
    _ = try? Exporter(form: form).export(draft, exportedAt: now)
    return 0
}
