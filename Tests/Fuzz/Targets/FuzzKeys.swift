// libFuzzer target: the key decoder (bytes from the terminal -> keys) and the text editor
// fed with what it decoded, rendered into a screen grid. Built by Tests/Fuzz/run.sh; the
// same checks are replayed without sanitizers by
// Tests/FeedbackInterfaceTests/KeyDecoderFuzzRegressionTests.swift.
//
// The input is fed in two parts, split at a position taken from its first byte, then the
// decoder times out. Checks:
//  - the decoder never crashes and is idle after timeout();
//  - a .character key never holds a control scalar (C0, DEL, C1);
//  - every paste, and the typed characters, inserted into a TextEditor (40x10) and rendered
//    into a ScreenGrid: no crash, and no cell holds a C0, DEL, C1 or bidi control scalar.
import FeedbackInterface

private func isControl(_ v: UInt32) -> Bool { v < 0x20 || (v >= 0x7F && v <= 0x9F) }

private func isHazard(_ v: UInt32) -> Bool {
    isControl(v) || v == 0x061C || v == 0x200E || v == 0x200F
        || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
}

private func renderChecked(_ text: String, typing: Bool) {
    var editor = TextEditor(text: "")
    editor.setViewSize(width: 40, height: 10)
    // As the session's edit funnel applies a paste (typed text is inserted as it comes).
    let end = editor.apply(at: editor.cursor, removed: "", inserted: typing ? text : TextEditor.insertable(text))
    editor.moveTo(end)
    editor.setViewSize(width: 40, height: 10)
    var grid = ScreenGrid(width: 40, height: 10)
    _ = editor.render(into: &grid, row: 0, column: 0, width: 40, height: 10)
    for (index, cell) in grid.cells.enumerated() {
        if let bad = cell.text.unicodeScalars.first(where: { isHazard($0.value) }) {
            fatalError("cell \(index / 40),\(index % 40) holds the raw scalar U+\(String(bad.value, radix: 16, uppercase: true)): \(cell.text.debugDescription)")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
    var decoder = KeyDecoder()
    var keys = decoder.feed(Array(bytes[..<split]))
    keys += decoder.feed(Array(bytes[split...]))
    keys += decoder.timeout()
    if decoder.isAwaitingMore { fatalError("the decoder still waits after timeout()") }
    var typed = ""
    for key in keys {
        switch key {
        case .paste(let text):
            renderChecked(text, typing: false)
        case .character(let c):
            if let bad = c.unicodeScalars.first(where: { isControl($0.value) }) {
                fatalError(".character key holds the control scalar U+\(String(bad.value, radix: 16, uppercase: true))")
            }
            typed.append(c)
        default:
            break
        }
    }
    if !typed.isEmpty { renderChecked(typed, typing: true) }
    return 0
}
