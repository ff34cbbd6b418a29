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
    }

    public enum Failure: Error, Sendable {
        case findings([Finding])
        case store(StoreError)
    }

    /// The path the export of this draft would be written to now.
    public func plannedPath(for draft: Draft, folder: String, exportedAt: Timestamp) -> String {
        (try? place(draft, folder: folder, exportedAt: exportedAt).path) ?? folder + "/" + Exporter(form: form).fileName(for: draft)
    }

    private func place(_ draft: Draft, folder: String, exportedAt: Timestamp) throws(Failure) -> (path: String, result: Exporter.Result, unchanged: Bool) {
        let result: Exporter.Result
        do { result = try Exporter(form: form).export(draft, exportedAt: exportedAt) } catch {
            switch error { case .findings(let findings): throw .findings(findings) }
        }
        let base = String(result.fileName.dropLast(".json".count))
        for attempt in 1...1000 {
            let name = attempt == 1 ? result.fileName : "\(base)-\(attempt).json"
            let path = folder + "/" + name
            guard store.exists(path) else { return (path, result, false) }
            if existingHash(path) == result.contentSha256 { return (path, result, true) }
        }
        throw .store(StoreError(path: folder, operation: "write", kind: .other(17)))
    }

    /// Validates, exports and writes. Throws the findings when the draft has errors.
    public func write(_ draft: Draft, folder: String, exportedAt: Timestamp) throws(Failure) -> Outcome {
        // Validate before anything touches the disk: a refused export creates no folder.
        do { _ = try Exporter(form: form).export(draft, exportedAt: exportedAt) } catch {
            switch error { case .findings(let findings): throw .findings(findings) }
        }
        do { try store.makeDirectory(folder, mode: 0o755) } catch { throw .store(error) }
        let (path, result, unchanged) = try place(draft, folder: folder, exportedAt: exportedAt)
        if !unchanged {
            do { try store.save(result.bytes, to: path, newFileMode: 0o644) } catch { throw .store(error) }
        }
        return Outcome(path: path, contentSha256: result.contentSha256, unchanged: unchanged)
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
