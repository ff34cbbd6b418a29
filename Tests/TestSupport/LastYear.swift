import FeedbackModel
import Foundation

/// Last year's round for tests: the 2027–2030 form (a test fixture, not in Forms/), a draft
/// made with it, and the export the program made of that draft.
public enum LastYear {
    public static let folder = Paths.root + "/Tests/FeedbackHistoryTests/Fixtures"
    public static let formFile = folder + "/pf-aterkoppling-2027.yaml"
    public static let draftFile = folder + "/draft-2027-hsn.json"
    public static let exportFile = folder + "/export-2027-hsn.json"
    /// The export time of the fixture export (2026-04-10T08:00:00Z).
    public static let exportedAt = Timestamp(secondsSinceEpoch: 1_775_808_000)

    public static func form() throws -> FormDefinition {
        try FormReader.read(yaml: FileStore.readLimited(path: formFile, limit: FormReader.maximumSize), source: formFile)
    }

    /// The embedded forms and the 2027–2030 form.
    public static func catalog() throws -> FormCatalog {
        var catalog = FormCatalog.embedded()
        catalog.add(try form())
        return catalog
    }

    public static func draft() throws -> Draft {
        try DraftCodec.decode(FileStore.readLimited(path: draftFile, limit: DraftCodec.maximumSize), file: draftFile, form: form())
    }

    public static func bytes(_ path: String) throws -> [UInt8] {
        try FileStore.readLimited(path: path, limit: DraftCodec.maximumSize)
    }
}
