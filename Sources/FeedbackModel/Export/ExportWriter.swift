#if canImport(Glibc)
import Glibc
#endif

/// Writes an export into a folder through the one save routine, never replacing anything:
/// an export with the same content is left as it is; a different export of the user's own
/// gets the next free name (`-2`, `-3`, …); anything else under the name (a link, a FIFO,
/// another user's file) is refused. The file is created with `RENAME_NOREPLACE`, so two
/// exports at the same moment never take the same name.
public struct ExportWriter: Sendable {
    public let form: FormDefinition
    public let store: FileStore

    public init(form: FormDefinition, store: FileStore = FileStore()) {
        self.form = form
        self.store = store
    }

    public struct Outcome: Sendable, Equatable {
        public var path: String
        public var contentSha256: String
        /// True when an export with the same content was already there and was kept.
        public var unchanged: Bool
        /// The draft's warnings (errors would have stopped the export).
        public var warnings: [Finding] = []
        /// Files in the export folder that look like our temporary files but are not the
        /// user's own: left alone, worth telling.
        public var foreignFiles: [StoreError] = []
    }

    public enum Failure: Error, Sendable {
        case findings([Finding])
        case store(StoreError)
    }

    /// Validates, exports and writes. Throws the findings when the draft has errors; the
    /// outcome carries the warnings.
    public func write(_ draft: Draft, folder: String, exportedAt: Timestamp) throws(Failure) -> Outcome {
        // Exported (and so validated) before anything touches the disk: a refused export
        // creates no folder.
        let result: Exporter.Result
        do { result = try Exporter(form: form).export(draft, exportedAt: exportedAt) } catch {
            switch error { case .findings(let findings): throw .findings(findings) }
        }
        do { try store.makeDirectory(folder, mode: 0o755) } catch { throw .store(error) }
        // An exports folder another user made (or may change) could swap the exports.
        if let problem = Ownership.problem(folder, naming: false) {
            throw .store(StoreError(path: folder, operation: "write", kind: .untrusted(problem)))
        }
        let base = String(result.fileName.dropLast(".json".count))
        // Temporary files of an export killed half-way are removed; others' are reported.
        let foreign = store.removeStaleTemporaries(of: folder + "/" + result.fileName, now: Int64(time(nil))).foreign
        var attempt = 1
        var tries = 0
        while attempt <= 1000 && tries < 10_000 {
            tries += 1
            let name = attempt == 1 ? result.fileName : "\(base)-\(attempt).json"
            let path = folder + "/" + name
            switch try existing(path, hash: result.contentSha256) {
            case .free:
                do {
                    try store.saveNew(result.bytes, to: path, newFileMode: 0o644)
                    return Outcome(path: path, contentSha256: result.contentSha256, unchanged: false,
                                   warnings: result.warnings, foreignFiles: foreign)
                } catch where error.kind == .exists {
                    continue  // another export took the name a moment ago: look again at what it holds
                } catch {
                    throw .store(error)
                }
            case .same:
                return Outcome(path: path, contentSha256: result.contentSha256, unchanged: true,
                               warnings: result.warnings, foreignFiles: foreign)
            case .different:
                attempt += 1
            }
        }
        throw .store(StoreError(path: folder, operation: "write", kind: .exists))
    }

    private enum Existing { case free, same, different }

    /// What holds the name: nothing, an export with this content, or another export of the
    /// user's own. Anything else is refused, never followed or read.
    private func existing(_ path: String, hash: String) throws(Failure) -> Existing {
        guard let status = store.fileSystem.status(path, followLinks: false) else { return .free }
        if status.isSymlink {
            throw .store(StoreError(path: path, operation: "write", kind: .symbolicLink(owner: Account.name(of: status.owner))))
        }
        guard status.isRegular else { throw .store(StoreError(path: path, operation: "write", kind: .notRegular(status.kind))) }
        let bytes: [UInt8]?
        do { bytes = try store.readOwn(path: path, limit: Limits.standard.draftBytes) } catch {
            if case .foreign = error.kind, let theirs = try? store.read(path: path, limit: Limits.standard.draftBytes),
               existingHash(theirs) == hash {
                return .same  // a colleague exported exactly this already
            }
            throw .store(error)
        }
        guard let bytes else { return .free }  // gone since we looked
        return existingHash(bytes) == hash ? .same : .different
    }

    /// The content hash of an earlier export, recomputed (a file edited by hand does not
    /// count as the same content even if it kept its old hash).
    private func existingHash(_ bytes: [UInt8]) -> String? {
        guard case .object(let object)? = try? JSONParser.parse(bytes),
              let stored = object["contentSha256"]?.stringValue,
              Exporter.contentHash(of: object) == stored else { return nil }
        return stored
    }
}
