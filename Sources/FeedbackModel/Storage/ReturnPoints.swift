import Foundation

/// Where each draft was left: its page and whether the guidance showed above the text, so a
/// draft reopens where the secretary was. Kept per user in the user's own state folder
/// (`$XDG_STATE_HOME/feedback/places.json`, beside the emergency copies), never in the
/// draft, its export or a shared folder: it is one person's place, not the committee's.
public struct ReturnPoints: Sendable {
    /// One draft's place.
    public struct Point: Sendable, Equatable {
        /// "details", or "SECTION/FIELD" (ids of the draft's form).
        public var page: String
        public var inlineGuidance: Bool

        public init(page: String, inlineGuidance: Bool) {
            self.page = page
            self.inlineGuidance = inlineGuidance
        }
    }

    /// The file.
    public let path: String
    let store: FileStore
    /// How many drafts are remembered (the most recently left).
    static let limit = 200

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, store: FileStore = FileStore()) {
        self.init(path: EmergencyStore.defaultFolder(environment: environment) + "/places.json", store: store)
    }

    public init(path: String, store: FileStore = FileStore()) {
        self.path = path
        self.store = store
    }

    /// Where the draft with this document id was left, when known.
    public func point(for documentID: String) -> Point? {
        guard case .object(let entry)? = all()[documentID], case .string(let page)? = entry["page"] else { return nil }
        let guidance: Bool
        if case .bool(let shown)? = entry["guidance"] { guidance = shown } else { guidance = true }
        return Point(page: page, inlineGuidance: guidance)
    }

    /// Remembers where a draft was left. Best effort: a place that cannot be written only
    /// means the draft opens on its first page next time.
    public func remember(_ point: Point, for documentID: String) {
        var members = all().members.filter { $0.key != documentID }.map { ($0.key, $0.value) }
        members.append((documentID, .object(JSONObject([("page", .string(point.page)), ("guidance", .bool(point.inlineGuidance))]))))
        if members.count > ReturnPoints.limit { members.removeFirst(members.count - ReturnPoints.limit) }
        do {
            try store.makeDirectory(FileStore.directory(of: path), mode: 0o700)
            try store.save(JSONWriter.pretty(.object(JSONObject(members))), to: path)
        } catch {}
    }

    private func all() -> JSONObject {
        guard let bytes = try? store.read(path: path, limit: 1 << 20), case .object(let object)? = try? JSONParser.parse(bytes) else {
            return JSONObject()
        }
        return object
    }
}
