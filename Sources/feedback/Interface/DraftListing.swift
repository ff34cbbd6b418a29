import FeedbackInterface
import FeedbackModel
import Foundation

/// The drafts in the data folder, for the start screen.
enum DraftListing {
    /// The drafts in `folder`, each with where its last hand-in stands (`handIns`, by document id).
    static func summaries(in folder: String, catalog: FormCatalog, language: Language, handIns: [String: HandInNote] = [:]) -> [DraftSummary] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var result: [DraftSummary] = []
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let path = folder + "/" + name
            do {
                let bytes = try FileStore.readLimited(path: path, limit: DraftCodec.maximumSize)
                let (draft, form) = try DraftCodec.decode(bytes, file: path, catalog: catalog)
                var summary = DraftSummary.of(draft, form: form, path: path, language: language)
                summary.handIn = handIns[draft.documentID]
                result.append(summary)
            } catch let error as DraftError {
                result.append(DraftSummary(path: path, committee: "", status: "", modified: nil, done: 0, total: 0, problem: error.problem[language]))
            } catch let error as StoreError {
                result.append(DraftSummary(path: path, committee: "", status: "", modified: nil, done: 0, total: 0, problem: error.message(language)))
            } catch {
                continue
            }
        }
        return result
    }
}
