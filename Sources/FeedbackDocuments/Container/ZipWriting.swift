import Foundation
import ZIPFoundation

/// Writes a zip container with deterministic bytes: entries in the given order, every entry
/// dated 1980-01-01 00:00 (the zip format's first day; ZIPFoundation converts in UTC), the
/// same permissions, deflate compression.
enum ZipWriting {
    /// 1980-01-01T00:00:00Z.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    static func archive(_ entries: [(path: String, bytes: [UInt8])]) throws(DocumentError) -> [UInt8] {
        do {
            let archive = try Archive(accessMode: .create)
            for entry in entries {
                let data = Data(entry.bytes)
                try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: fixedDate, permissions: 0o644, compressionMethod: .deflate,
                                     provider: { position, size in
                                         data.subdata(in: Int(position)..<Int(position) + size)
                                     })
            }
            guard let data = archive.data else { throw DocumentError.writing("zip archive has no data") }
            return [UInt8](data)
        } catch let error as DocumentError {
            throw error
        } catch {
            throw DocumentError.writing("zip: \(error)")
        }
    }
}
