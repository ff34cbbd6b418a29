import Foundation

/// The forms the program knows: the ones embedded in the binary, plus any read from a
/// forms folder (which replace an embedded form with the same id and version).
public struct FormCatalog: Sendable {
    public private(set) var forms: [FormDefinition]
    /// Problems met while reading form files: a broken file never hides the others.
    public private(set) var problems: [FormError]
    /// Forms that a later one with the same id and version replaced, by the winner's source.
    public private(set) var replaced: [String: [FormDefinition]] = [:]
    /// The form a new draft is written on when none is named: the round's form (from the
    /// inbox) or the `form` setting. Nil: the newest form.
    public var defaultForm: (id: String, version: Int?)?

    public init(forms: [FormDefinition], problems: [FormError] = []) {
        self.forms = forms
        self.problems = problems
    }

    /// Only the embedded forms. Reading them cannot fail: a test checks every embedded form.
    public static func embedded() -> FormCatalog {
        FormCatalog(forms: EmbeddedForms.definitions)
    }

    /// The embedded forms, then every `*.yaml` / `*.yml` file in `folder` (if it exists).
    public static func load(folder: String?) -> FormCatalog {
        load(folders: folder.map { [$0] } ?? [])
    }

    /// The embedded forms, then the forms of each folder in turn (missing folders are
    /// skipped); a later form replaces an earlier one with the same id and version.
    public static func load(folders: [String]) -> FormCatalog {
        var catalog = embedded()
        for folder in folders { catalog.addFiles(in: folder) }
        return catalog
    }

    mutating func addFiles(in folder: String) {
        // A forms folder or form another user could have planted is not read.
        if let problem = Ownership.problem(folder) {
            problems.append(FormError(file: folder, problem: problem.en))
            return
        }
        for file in Self.yamlFiles(in: folder) {
            if let problem = Ownership.problem(file) {
                problems.append(FormError(file: file, problem: problem.en))
                continue
            }
            do {
                let bytes = try FileStore.readLimited(path: file, limit: FormReader.maximumSize)
                // The shipped file, unchanged: reuse the embedded definition instead of parsing it again.
                if let index = EmbeddedForms.files.firstIndex(where: { Array($0.1.utf8) == bytes || Array(($0.1 + "\n").utf8) == bytes }),
                   index < EmbeddedForms.definitions.count {
                    var form = EmbeddedForms.definitions[index]
                    form.source = file
                    add(form)
                    continue
                }
                add(try FormReader.read(yaml: bytes, source: file))
            } catch let error as FormError {
                problems.append(error)
            } catch let error as StoreError {
                problems.append(FormError(file: file, problem: error.reason(.en)))
            } catch {
                problems.append(FormError(file: file, problem: "\(error)"))
            }
        }
    }

    static func yamlFiles(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
            .sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    public mutating func add(_ form: FormDefinition) {
        let earlier = forms.filter { $0.id == form.id && $0.version == form.version }
        if !earlier.isEmpty {
            replaced[form.source, default: []] += earlier.flatMap { [$0] + (replaced.removeValue(forKey: $0.source) ?? []) }
        }
        forms.removeAll { $0.id == form.id && $0.version == form.version }
        forms.append(form)
    }

    public func form(id: String, version: Int) -> FormDefinition? {
        forms.first { $0.id == id && $0.version == version }
    }

    /// The newest version of a form id; when `id` is nil, the default form (`defaultForm`),
    /// else the newest form of all: the latest plan period, then deadline, then version.
    public func latest(id: String? = nil) -> FormDefinition? {
        if let id { return forms.filter { $0.id == id }.max { $0.version < $1.version } }
        if let wanted = defaultForm {
            if let version = wanted.version { return form(id: wanted.id, version: version) }
            return latest(id: wanted.id)
        }
        return forms.max { a, b in
            (a.planPeriod.firstYear, a.deadline, a.version) < (b.planPeriod.firstYear, b.deadline, b.version)
        }
    }
}
