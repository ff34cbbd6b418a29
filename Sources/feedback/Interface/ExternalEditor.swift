import FeedbackInterface
import FeedbackModel
import FeedbackTerminal
import Foundation

/// Opens a text in the user's `$VISUAL` / `$EDITOR` (else `vi`) and reads it back.
enum ExternalEditor {
    static func edit(_ text: String, terminal: Terminal, language: Language) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let folder = NSTemporaryDirectory()
        let path = folder + "/feedback-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt"
        do { try FileStore().save(Array(text.utf8) + [0x0A], to: path) } catch { return nil }
        defer { FileStore().remove(path) }
        terminal.suspend()
        defer { terminal.resume() }
        // Through the shell, so EDITOR may carry arguments ("code --wait", "nano -w").
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \(editor) \"$1\"", "feedback-editor", path]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return nil
        }
        guard process.terminationStatus == 0,
              let bytes = try? FileStore.readLimited(path: path, limit: DraftCodec.maximumSize) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
