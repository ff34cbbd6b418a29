import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// Issue 9, defect 4: when two instances took over a stale lock at the same moment, both
/// could become editable (5 of 40 trials). Here 100 pairs of real processes (the binary's
/// `feedback-test-helper lock-probe`, which takes the lock exactly as `feedback fill` does) race for
/// 100 stale locks at once: in every pair exactly one may edit.
@Suite struct LockRaceTests {
    @Test func aHundredPairsTakingOverAStaleLockGiveOneEditorEach() throws {
        let folder = TemporaryFolder()
        var dead: Int32 = 4_000_000
        while DraftLock.processExists(dead) { dead -= 1 }
        let host = LockInfo.current(now: Timestamp(secondsSinceEpoch: 0)).host
        var drafts: [String] = []
        for i in 0..<100 {
            let draft = folder.file("utkast-\(i).json")
            try folder.write("utkast-\(i).json", "{}")
            // A stale lock: written by a process that has ended.
            let stale = LockInfo(user: Account.myName, host: host, pid: dead, since: Timestamp(secondsSinceEpoch: 0))
            try folder.write(bytes: JSONWriter.pretty(stale.json), ".utkast-\(i).json.lock")
            drafts.append(draft)
        }
        let go = folder.file("go")
        let pairs = try drafts.map { draft in
            (try Spawned([Paths.testHelper, "lock-probe", draft, go]), try Spawned([Paths.testHelper, "lock-probe", draft, go]))
        }
        FileManager.default.createFile(atPath: go, contents: nil)
        var bothEditable = 0
        var noneEditable = 0
        var staleNames = 0
        for (first, second) in pairs {
            let a = first.readLine(timeout: 120) ?? "no answer"
            let b = second.readLine(timeout: 120) ?? "no answer"
            let winners = [a, b].filter { $0 == "acquired" }.count
            if winners == 2 { bothEditable += 1 }
            if winners == 0 { noneEditable += 1 }
            let loser = a == "acquired" ? b : a
            #expect(winners != 1 || loser.hasPrefix("held "), "the other one said: \(loser)")
            // The loser names the winner, or (rarely, if it read the file before the winner
            // wrote its name) the ended process.
            let winner = a == "acquired" ? first.pid : second.pid
            if winners == 1, loser != "held \(winner)" { staleNames += 1 }
        }
        #expect(bothEditable == 0, "in \(bothEditable) of 100 pairs both could edit")
        #expect(noneEditable == 0, "in \(noneEditable) of 100 pairs neither could edit")
        if staleNames > 0 { print("note: in \(staleNames) pairs the second window named the ended holder") }
        for (first, second) in pairs {
            first.closeInput()
            second.closeInput()
            #expect(first.wait() == 0)
            #expect(second.wait() == 0)
        }
        // Every lock file went with its holder.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".lock") }
        #expect(left.isEmpty, "\(left.count) lock files left")
    }
}
