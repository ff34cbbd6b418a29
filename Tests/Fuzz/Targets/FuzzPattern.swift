// libFuzzer target: form files with patterns. The input is a pattern (its first line) and a
// value (the rest). The pattern goes into the shipped form as the contact e-mail's regex
// (without its length limit, so long values reach it), the form is read, and a draft with
// the value is validated. Built by Tests/Fuzz/run.sh; replayed without sanitizers (and
// without the clock) by Tests/FeedbackModelTests/FuzzRegressionTests.swift.
//
// Checks, for any input bytes:
//  - reading the form never crashes; a refused pattern's description holds no raw control;
//  - for an accepted pattern, matching the value stays within the matcher's step budget
//    (linear in the value: (length + 1) × (4 × states + 2));
//  - validating the draft takes less than the time budget per input (1 s under ASan, for
//    values up to libFuzzer's 64 KB): no pattern and no value may make validation slow.
import FeedbackModel
#if canImport(Glibc)
import Glibc
#endif

private func isHazard(_ v: UInt32) -> Bool {
    v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0x061C || v == 0x200E || v == 0x200F
        || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
}

private let shipped = EmbeddedForms.files[0].1
private let emailRule = "    maxChars: 120\n    pattern:\n      regex: '^[^@ ]+@[^@ ]+\\.[^@ ]+$'"

private func seconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.firstIndex(of: 0x0A) ?? bytes.count
    let regex = String(decoding: bytes[..<split], as: UTF8.self)
    let value = String(decoding: bytes[min(split + 1, bytes.count)...], as: UTF8.self)
    guard shipped.contains(emailRule) else { fatalError("the shipped form's e-mail rule changed: update FuzzPattern.swift") }
    let quoted = regex.replacingOccurrences(of: "'", with: "''")
    let yaml = shipped.replacingOccurrences(of: emailRule, with: "    pattern:\n      regex: '\(quoted)'")
    let form: FormDefinition
    do {
        form = try FormReader.read(yaml: Array(yaml.utf8), source: "pattern.yaml")
    } catch {
        if let bad = error.description.unicodeScalars.first(where: { isHazard($0.value) }) {
            fatalError("FormError.description holds the raw scalar U+\(String(bad.value, radix: 16)): \(error.description.debugDescription)")
        }
        return 0
    }
    if let pattern = try? FormPattern(regex) {
        let (_, steps) = pattern.matchWithSteps(value)
        let budget = pattern.stepBudget(length: value.unicodeScalars.count)
        if steps > budget { fatalError("\(steps) matcher steps for \(value.unicodeScalars.count) characters, over the budget of \(budget)") }
    }
    var draft = Draft.new(form: form, committee: form.committees.first?.id ?? "x", documentID: "fuzz", now: Timestamp(secondsSinceEpoch: 0))
    draft.metadata["contactEmail"] = .text(value)
    let start = seconds()
    _ = Validator(form: form).validate(draft)
    let took = seconds() - start
    if took > 1.0 { fatalError("validation took \(took) s, over the budget of 1 s per input") }
    return 0
}
