import Foundation
import Testing
import TestSupport
import FeedbackModel

/// `board receive --watch`: receipts appear without anyone running receive, a file still
/// being copied in is not taken half written, and SIGTERM ends it cleanly.
@Suite struct BoardWatchTests {
    func waitFor(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    @Test func receiptsFollowHandInsUntilStopped() throws {
        let round = BoardRound()
        let form = round.form
        #expect(try feedback(["board", "init", round.inbox]).status == 0)
        let watcher = Process()
        watcher.executableURL = URL(fileURLWithPath: Paths.binary)
        watcher.arguments = ["board", "receive", round.inbox, "--watch"]
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        watcher.environment = env
        let output = Pipe()
        watcher.standardOutput = output
        watcher.standardError = FileHandle.nullDevice
        try watcher.run()
        defer { if watcher.isRunning { watcher.terminate() } }

        let draft = try round.writeDraft(BoardSamples.draft(form, committee: "hsn", index: 1), name: "hsn.json")
        let submitted = try feedback(["submit", draft, "--inbox", round.inbox], environment: ["XDG_DATA_HOME": round.folder.file("data")])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        #expect(waitFor(15) { round.files("receipts").count == 1 }, "no receipt while watching")

        // A file copied in slowly: half, a pause, the rest. It must be received whole.
        let bytes = BoardSamples.export(BoardSamples.draft(form, committee: "run", index: 2), form: form)
        let path = round.inbox + "/incoming/run-kopia.json"
        let handle = try #require(FileHandle(forWritingAtPath: { FileManager.default.createFile(atPath: path, contents: nil); return path }()))
        handle.write(Data(bytes.prefix(bytes.count / 2)))
        usleep(500_000)
        handle.write(Data(bytes.dropFirst(bytes.count / 2)))
        try handle.close()
        #expect(waitFor(15) { round.files("receipts").count == 2 }, "the copied file was not received")
        let receipt = try JSONParser.parse(try FileStore.readLimited(path: round.inbox + "/receipts/run-kopia.json", limit: 1 << 20))
        #expect(receipt.objectValue?["decision"] == .string("accepted"), "\(receipt)")

        kill(watcher.processIdentifier, SIGTERM)
        #expect(waitFor(10) { !watcher.isRunning })
        watcher.waitUntilExit()
        #expect(watcher.terminationReason == .exit)
        #expect(watcher.terminationStatus == 0)
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.contains("godkänd  hsn r3"))
        #expect(printed.contains("godkänd  run r3  run-kopia.json"))
    }
}
