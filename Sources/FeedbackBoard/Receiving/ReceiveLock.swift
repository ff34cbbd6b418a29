import FeedbackModel
#if canImport(Glibc)
import Glibc
#endif

/// One receive at a time per inbox: a kernel lock (`flock`) on `private/receive.lock`,
/// released when the process ends however it ends.
struct ReceiveLock {
    let fd: Int32

    static func acquire(_ inbox: Inbox) throws(BoardError) -> ReceiveLock {
        let path = inbox.path + "/" + InboxLayout.receiveLock
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BoardError(StoreError(path: path, operation: "lock", errno: errno)) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(fd)
            throw BoardError(StoreError(path: path, operation: "lock", errno: code))
        }
        return ReceiveLock(fd: fd)
    }

    func release() {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }
}
