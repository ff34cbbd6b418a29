/// Writes an export into a folder through the one save routine, never replacing a different
/// earlier export: the same content is left as it is; other content gets the next free name.
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
    }

    public enum Failure: Error, Sendable {
        case findings([Finding])
        case store(StoreError)
    }

    /// Where to write an export: its file name, or the next free `-N` name when a different
    /// export holds it; `unchanged` when an export with the same content is already there.
    private func place(_ result: Exporter.Result, folder: String) throws(Failure) -> (path: String, unchanged: Bool) {
        let base = String(result.fileName.dropLast(".json".count))
        for attempt in 1...1000 {
            let name = attempt == 1 ? result.fileName : "\(base)-\(attempt).json"
            let path = folder + "/" + name
            guard store.exists(path) else { return (path, false) }
            if existingHash(path) == result.contentSha256 { return (path, true) }
        }
        throw .store(StoreError(path: folder, operation: "write", kind: .other(17)))
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
        let (path, unchanged) = try place(result, folder: folder)
        if !unchanged {
            do { try store.save(result.bytes, to: path, newFileMode: 0o644) } catch { throw .store(error) }
        }
        return Outcome(path: path, contentSha256: result.contentSha256, unchanged: unchanged, warnings: result.warnings)
    }

    /// The content hash of an earlier export, recomputed (a file edited by hand does not
    /// count as the same content even if it kept its old hash).
    private func existingHash(_ path: String) -> String? {
        guard let bytes = try? store.read(path: path, limit: DraftCodec.maximumSize),
              case .object(let object)? = try? JSONParser.parse(bytes),
              let stored = object["contentSha256"]?.stringValue,
              Exporter.contentHash(of: object) == stored else { return nil }
        return stored
    }
}
