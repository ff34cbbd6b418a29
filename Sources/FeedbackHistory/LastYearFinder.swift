import FeedbackModel
import Foundation

/// An earlier export or draft the start screen can offer as "start from last year".
public struct LastYearCandidate: Sendable, Equatable {
    public var path: String
    public var kind: PastFeedback.Kind
    public var formID: String
    public var formVersion: Int
    public var planPeriod: PlanPeriod?
    public var committeeID: String?
    public var revision: Int
    public var status: String?
    /// The status's label in the form it was written with (nil when that form is unknown).
    public var statusLabel: Localized?
    /// Whether the status is the decided option of the form it was written with.
    public var isDecided: Bool
    /// The export time, or the draft's last change.
    public var time: Timestamp?

    init(_ past: PastFeedback, form: FormDefinition?) {
        let option = form?.statusField?.options.first { $0.id == past.status }
        statusLabel = option?.label
        isDecided = option?.decided ?? false
        path = past.path
        kind = past.kind
        formID = past.formID
        formVersion = past.formVersion
        planPeriod = past.planPeriod
        committeeID = past.committeeID
        revision = past.revision
        status = past.status
        time = past.time
    }

    /// "Export 2027–2030, revision 5, beslutad, 2026-04-10 – pf-aterkoppling-2027_hsn_r5.json".
    /// The file name comes from the disk: print through `Sanitizer`.
    public func label(_ language: Language) -> String {
        let sv = language == .sv
        var parts = [kind == .export ? "Export" : (sv ? "Utkast" : "Draft")]
        parts[0] += " " + (planPeriod?.label ?? "\(formID) v\(formVersion)")
        parts.append("revision \(revision)")
        if let status {
            parts.append(statusLabel?[language] ?? status)
        }
        if let time { parts.append(time.date.description) }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return parts.joined(separator: ", ") + " – " + name
    }
}

/// Finds last year's feedback among the files in some folders (the drafts folder, the
/// export folder): exports and drafts of an earlier round than `form`'s, best first.
public enum LastYearFinder {
    /// At most this many files are opened per call.
    public static let maximumFiles = 500

    /// Candidates for `committee` (all committees when nil): an earlier plan period than the
    /// form's, or, when the period is unknown (a draft of a form this program does not
    /// have), another form id. Best first: the latest period, exports before drafts,
    /// decided before not, the highest revision, the newest. Unreadable files are skipped.
    public static func candidates(in folders: [String], for form: FormDefinition, committee: String?,
                                  catalog: FormCatalog) -> [LastYearCandidate] {
        var found: [LastYearCandidate] = []
        var seen = Set<String>()
        var opened = 0
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
                let path = (folder as NSString).appendingPathComponent(name)
                let resolved = (path as NSString).resolvingSymlinksInPath
                guard opened < maximumFiles, !seen.contains(resolved) else { continue }
                seen.insert(resolved)
                opened += 1
                guard let past = try? PastFeedbackReader.read(path: path, catalog: catalog) else { continue }
                if let committee, past.committeeID != committee { continue }
                let earlier: Bool
                if let period = past.planPeriod {
                    earlier = period.firstYear < form.planPeriod.firstYear
                } else {
                    earlier = past.formID != form.id
                }
                if earlier {
                    // Last year's status is read with last year's form; without it, with this
                    // year's (forms keep their option ids from year to year).
                    let pastForm = catalog.form(id: past.formID, version: past.formVersion) ?? form
                    found.append(LastYearCandidate(past, form: pastForm))
                }
            }
        }
        return found.sorted(by: better)
    }

    static func better(_ x: LastYearCandidate, _ y: LastYearCandidate) -> Bool {
        let px = x.planPeriod?.firstYear ?? Int.min, py = y.planPeriod?.firstYear ?? Int.min
        if px != py { return px > py }
        if x.kind != y.kind { return x.kind == .export }
        if x.isDecided != y.isDecided { return x.isDecided }
        if x.revision != y.revision { return x.revision > y.revision }
        let tx = x.time?.secondsSinceEpoch ?? 0, ty = y.time?.secondsSinceEpoch ?? 0
        if tx != ty { return tx > ty }
        return x.path < y.path
    }
}

/// The exports of one document, for "what has changed since the last export".
public enum ExportHistory {
    /// The newest export of the document (same `documentId`) in `folder`: the highest
    /// revision, then the latest export time. Nil when there is none.
    public static func latestExport(documentID: String, in folder: String, catalog: FormCatalog) -> PastFeedback? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        var best: PastFeedback?
        for name in names.sorted().prefix(LastYearFinder.maximumFiles * 4) where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let past = try? PastFeedbackReader.read(path: path, catalog: catalog), past.kind == .export,
                  past.documentID == documentID else { continue }
            if let current = best {
                let newer = (past.revision, past.time?.secondsSinceEpoch ?? 0) > (current.revision, current.time?.secondsSinceEpoch ?? 0)
                if newer { best = past }
            } else {
                best = past
            }
        }
        return best
    }
}
