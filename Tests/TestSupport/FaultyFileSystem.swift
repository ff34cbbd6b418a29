import FeedbackModel
import Foundation

/// A file system that fails on purpose: an error on a chosen call, short writes, EINTR,
/// or a "crash" after N calls (every later call does nothing, like a process that died).
public final class FaultyFileSystem: FileSystem, @unchecked Sendable {
    public enum Call: String, Sendable { case open, write, read, fsync, fchmod, close, rename, unlink, mkdir, lock }

    private let real = PosixFileSystem()
    private let lock = NSLock()
    /// Fail this kind of call with this errno (from its `failAfter`-th occurrence on).
    public var failing: (call: Call, errno: Int32, after: Int)?
    /// Write at most this many bytes per call.
    public var shortWrites: Int?
    /// Return EINTR from every other write.
    public var interruptWrites = false
    /// After this many calls, nothing happens any more (a crash).
    public var crashAfter: Int?
    public private(set) var calls: [Call] = []
    private var counts: [Call: Int] = [:]
    private var interruptNext = true

    public init() {}

    /// Records a call; returns an errno to fail with, or -1 when crashed, or 0 to go on.
    private func gate(_ call: Call) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let crashAfter, calls.count >= crashAfter { return -1 }
        calls.append(call)
        counts[call, default: 0] += 1
        if let failing, failing.call == call, counts[call]! > failing.after { return failing.errno }
        return 0
    }

    public func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> (fd: Int32, code: Int32) {
        let g = gate(.open)
        if g != 0 { return (-1, g < 0 ? EIO : g) }
        return real.open(path, flags, mode)
    }

    public func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> (count: Int, code: Int32) {
        let g = gate(.write)
        if g != 0 { return (-1, g < 0 ? EIO : g) }
        if interruptWrites {
            lock.lock()
            interruptNext.toggle()
            let interrupt = !interruptNext
            lock.unlock()
            if interrupt { return (-1, EINTR) }
        }
        if let limit = shortWrites, buffer.count > limit {
            return real.write(fd, UnsafeRawBufferPointer(rebasing: buffer[0..<limit]))
        }
        return real.write(fd, buffer)
    }

    public func read(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> (count: Int, code: Int32) {
        let g = gate(.read)
        if g != 0 { return (-1, g < 0 ? EIO : g) }
        return real.read(fd, buffer)
    }

    public func fsync(_ fd: Int32) -> Int32 {
        let g = gate(.fsync)
        return g != 0 ? (g < 0 ? EIO : g) : real.fsync(fd)
    }

    public func fchmod(_ fd: Int32, _ mode: mode_t) -> Int32 {
        let g = gate(.fchmod)
        return g != 0 ? (g < 0 ? EIO : g) : real.fchmod(fd, mode)
    }

    public func close(_ fd: Int32) -> Int32 {
        let g = gate(.close)
        // A crashed process's descriptors are closed by the kernel.
        if g < 0 { _ = real.close(fd); return EIO }
        return g != 0 ? g : real.close(fd)
    }

    public func rename(_ from: String, _ to: String) -> Int32 {
        let g = gate(.rename)
        return g != 0 ? (g < 0 ? EIO : g) : real.rename(from, to)
    }

    public func unlink(_ path: String) -> Int32 {
        let g = gate(.unlink)
        return g != 0 ? (g < 0 ? EIO : g) : real.unlink(path)
    }

    public func mkdir(_ path: String, _ mode: mode_t) -> Int32 {
        let g = gate(.mkdir)
        return g != 0 ? (g < 0 ? EIO : g) : real.mkdir(path, mode)
    }

    // The calls relative to an open folder count as the calls they stand for.
    public func openAt(_ folder: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> (fd: Int32, code: Int32) {
        let g = gate(.open)
        if g != 0 { return (-1, g < 0 ? EIO : g) }
        return real.openAt(folder, name, flags, mode)
    }

    public func renameAt(_ folder: Int32, _ from: String, _ to: String, replace: Bool) -> Int32 {
        let g = gate(.rename)
        return g != 0 ? (g < 0 ? EIO : g) : real.renameAt(folder, from, to, replace: replace)
    }

    public func unlinkAt(_ folder: Int32, _ name: String) -> Int32 {
        let g = gate(.unlink)
        return g != 0 ? (g < 0 ? EIO : g) : real.unlinkAt(folder, name)
    }

    public func lock(_ fd: Int32, _ operation: FileLockOperation) -> Int32 {
        let g = gate(.lock)
        return g != 0 ? (g < 0 ? EIO : g) : real.lock(fd, operation)
    }

    public func status(_ path: String, followLinks: Bool) -> FileStatus? { real.status(path, followLinks: followLinks) }
    public func readLink(_ path: String) -> String? { real.readLink(path) }
}
