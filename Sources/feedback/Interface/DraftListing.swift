import FeedbackInterface
import FeedbackModel
import Foundation

/// The drafts in the data folder, for the start screen.
enum DraftListing {
    static func summaries(in folder: String, catalog: FormCatalog, language: Language) -> [DraftSummary] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var result: [DraftSummary] = []
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let path = folder + "/" + name
            do {
                let bytes = try FileStore.readLimited(path: path, limit: DraftCodec.maximumSize)
                let (draft, form) = try DraftCodec.decode(bytes, file: path, catalog: catalog)
                result.append(DraftSummary.of(draft, form: form, path: path, language: language))
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
