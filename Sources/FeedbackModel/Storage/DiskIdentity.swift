/// Which file on disk a draft was read from, and in what state: device, inode, size and the
/// nanosecond times of the last content and inode change. Another program that replaces the
/// file (a new inode), appends to it or rewrites it in place changes at least one of them.
public struct DiskIdentity: Sendable, Equatable, CustomStringConvertible {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int
    public var modifiedNanoseconds: Int64
    public var changedNanoseconds: Int64

    public init(device: UInt64, inode: UInt64, size: Int, modifiedNanoseconds: Int64, changedNanoseconds: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedNanoseconds = changedNanoseconds
    }

    public init(_ status: FileStatus) {
        self.init(device: status.device, inode: status.inode, size: status.size,
                  modifiedNanoseconds: status.modifiedNanoseconds, changedNanoseconds: status.changedNanoseconds)
    }

    public var description: String {
        "dev \(device) ino \(inode), \(size) bytes, mtime \(modifiedNanoseconds) ns, ctime \(changedNanoseconds) ns"
    }
}
