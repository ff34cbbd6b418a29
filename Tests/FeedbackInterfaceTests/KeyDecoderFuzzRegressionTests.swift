import Foundation
import Testing
import TestSupport
@testable import FeedbackInterface

/// Replays the saved fuzzing inputs (Tests/Fuzz/regressions/keys: crashes the fuzzer found,
/// and hand-made terminal byte sequences) through the same checks as
/// Tests/Fuzz/Targets/FuzzKeys.swift, without sanitizers. Keep the two in step.
@Suite struct KeyDecoderFuzzRegressionTests {
    static func inputs() -> [String] {
        let folder = Paths.root + "/Tests/Fuzz/regressions/keys"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    static func isControl(_ v: UInt32) -> Bool { v < 0x20 || (v >= 0x7F && v <= 0x9F) }

    static func isHazard(_ v: UInt32) -> Bool {
        isControl(v) || v == 0x061C || v == 0x200E || v == 0x200F
            || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
    }

    /// Inserts the text into a 40x10 editor, renders it and returns the cells holding a
    /// hazardous scalar.
    static func unsafeCells(_ text: String, typing: Bool) -> [String] {
        var editor = TextEditor(text: "")
        editor.setViewSize(width: 40, height: 10)
        editor.insert(text)
        editor.setViewSize(width: 40, height: 10)
        var grid = ScreenGrid(width: 40, height: 10)
        _ = editor.render(into: &grid, row: 0, column: 0, width: 40, height: 10)
        return grid.cells.enumerated().compactMap { index, cell in
            cell.text.unicodeScalars.contains { isHazard($0.value) } ? "\(index / 40),\(index % 40): \(cell.text.debugDescription)" : nil
        }
    }

    @Test func regressionFolderIsNotEmpty() {
        #expect(Self.inputs().count >= 5)
    }

    @Test(arguments: inputs())
    func keys(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Paths.root + "/Tests/Fuzz/regressions/keys/" + name)))
        let split = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
        var decoder = KeyDecoder()
        var keys = decoder.feed(Array(bytes[..<split]))
        keys += decoder.feed(Array(bytes[split...]))
        keys += decoder.timeout()
        #expect(!decoder.isAwaitingMore, "the decoder still waits after timeout()")
        var typed = ""
        for key in keys {
            switch key {
            case .paste(let text):
                #expect(Self.unsafeCells(text, typing: false) == [], "a pasted text reaches the screen raw")
            case .character(let c):
                #expect(!c.unicodeScalars.contains { Self.isControl($0.value) }, ".character key holds a control: \(c.debugDescription)")
                typed.append(c)
            default:
                break
            }
        }
        if !typed.isEmpty { #expect(Self.unsafeCells(typed, typing: true) == [], "typed text reaches the screen raw") }
    }
}
