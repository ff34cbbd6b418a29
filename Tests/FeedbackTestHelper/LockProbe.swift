import FeedbackModel
import Foundation

/// `feedback-test-helper lock-probe DRAFT GO-FILE`: a helper of the lock race test. Waits until
/// GO-FILE exists (so many probes start at the same moment), takes the draft's lock exactly
/// as `feedback fill` does, prints `acquired` or `held` (or `refused`/`unavailable` with the
/// reason), and holds the lock until standard input ends.
enum LockProbe {
    static func run(arguments: [String]) -> Int32 {
        guard arguments.count == 2 else {
            FileHandle.standardError.write(Data("usage: feedback-test-helper lock-probe DRAFT GO-FILE\n".utf8))
            return 2
        }
        let draft = arguments[0]
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: arguments[1]) {
            if Date() > deadline { return 2 }
            usleep(500)
        }
        let store = FileStore()
        let outcome = DraftLock.acquire(for: store.resolvedTarget(draft), now: Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)), store: store)
        let line: String
        var held: DraftLock?
        switch outcome {
        case .acquired(let lock):
            held = lock
            line = "acquired"
        case .held(let holder, _): line = "held \(holder.pid)"
        case .refused(let error): line = "refused " + error.message(.en)
        case .unavailable(let error): line = "unavailable " + error.message(.en)
        }
        FileHandle.standardOutput.write(Data((Sanitizer.visible(line) + "\n").utf8))
        _ = FileHandle.standardInput.readDataToEndOfFile()
        held?.release()
        return 0
    }
}
