import Foundation
import Testing
import TestSupport
@testable import FeedbackConfiguration
import FeedbackModel

/// Hostile configuration files: each is refused with a clear message, quickly, and a
/// missing file is simply not there.
@Suite struct ConfigurationFileReaderTests {
    let folder = TemporaryFolder()
    let reader = ConfigurationFileReader()

    func refusal(_ path: String, by reader: ConfigurationFileReader? = nil) -> String? {
        do {
            _ = try (reader ?? self.reader).read(path)
            return nil
        } catch {
            return error.message(.en)
        }
    }

    /// Makes `path` (or the link itself) belong to another user: `nobody` when we are root,
    /// else a reader that trusts a user other than us.
    func ownedByAnother(_ path: String) -> ConfigurationFileReader {
        if geteuid() == 0 {
            lchown(path, 65534, 65534)
            return reader
        }
        return ConfigurationFileReader(trustedUser: geteuid() &+ 1)
    }

    @Test func aMissingFileIsNoFile() throws {
        #expect(try reader.read(folder.file("nothing")) == nil)
        #expect(try reader.read(folder.file("no/such/folder/config")) == nil)
    }

    @Test func aPlainFileIsRead() throws {
        try folder.write("config", "exports = /x\n")
        #expect(try reader.read(folder.file("config")) == Array("exports = /x\n".utf8))
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let path = folder.file("fifo")
        #expect(mkfifo(path, 0o600) == 0)
        let started = Date()
        #expect(refusal(path) == "\(path): is a FIFO (named pipe), not a regular file; it is not read")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func devicesFoldersAndSocketsAreRefused() throws {
        #expect(refusal("/dev/zero") == "/dev/zero: is a device, not a regular file; it is not read")
        #expect(refusal(folder.path)?.hasSuffix("is a folder, not a regular file; it is not read") == true)
    }

    @Test func aHugeFileIsRefused() throws {
        try folder.write(bytes: [UInt8](repeating: 0x23, count: ConfigurationFileReader.maximumSize + 1), "huge")
        #expect(refusal(folder.file("huge")) == "\(folder.file("huge")): is larger than 64 KiB; it is not read")
        // Exactly at the limit is fine.
        try folder.write(bytes: [UInt8](repeating: 0x23, count: ConfigurationFileReader.maximumSize), "big")
        #expect(try reader.read(folder.file("big"))?.count == ConfigurationFileReader.maximumSize)
    }

    @Test func aSymlinkOwnedByAnotherUserIsNotFollowed() throws {
        try folder.write("target", "exports = /x\n")
        let link = folder.file("config")
        #expect(symlink(folder.file("target"), link) == 0)
        #expect(try reader.read(link) != nil, "our own link is followed")
        let suspicious = ownedByAnother(link)
        let message = try #require(refusal(link, by: suspicious))
        #expect(message.hasPrefix("\(link): is a symbolic link owned by "))
        #expect(message.hasSuffix("not by you or root; it is not followed"))
    }

    @Test func aFileOwnedByAnotherUserOrWritableByAllIsRefused() throws {
        try folder.write("theirs", "exports = /x\n")
        let suspicious = ownedByAnother(folder.file("theirs"))
        #expect(refusal(folder.file("theirs"), by: suspicious)?.contains("not by you or root; it is not read") == true)
        try folder.write("open", "exports = /x\n")
        chmod(folder.file("open"), 0o666)
        #expect(refusal(folder.file("open")) == "\(folder.file("open")): can be changed by every user; it is not read (fix with chmod o-w)")
    }

    @Test func danglingAndLoopingLinksAreNamed() throws {
        let dangling = folder.file("dangling")
        #expect(symlink(folder.file("gone"), dangling) == 0)
        #expect(refusal(dangling) == "\(dangling): is a symbolic link to \(folder.file("gone")), which does not exist")
        #expect(symlink(folder.file("b"), folder.file("a")) == 0)
        #expect(symlink(folder.file("a"), folder.file("b")) == 0)
        #expect(refusal(folder.file("a")) == "\(folder.file("a")): too many symbolic links in a row")
    }

    @Test(.enabled(if: geteuid() != 0, "root reads every file"))
    func anUnreadableFileIsPermissionDenied() throws {
        try folder.write("secret", "exports = /x\n")
        chmod(folder.file("secret"), 0o000)
        #expect(refusal(folder.file("secret")) == "\(folder.file("secret")): permission denied")
    }
}
