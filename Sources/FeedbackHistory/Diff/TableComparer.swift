import FeedbackModel

/// Matches the rows of two versions of a table and lists what was added, removed and changed.
enum TableComparer {
    static func rows(_ a: [TableRow], _ b: [TableRow], columns: [ColumnDefinition]?) -> [RowDiff] {
        let keyColumn = self.keyColumn(columns: columns, rows: a + b)
        func key(_ row: TableRow) -> String? {
            guard let keyColumn, case .text(let s)? = row[keyColumn] else { return nil }
            return TextComparer.words(of: s.lowercased()).joined(separator: " ")
        }
        var pairs: [(Int, Int)] = []
        var usedB = Set<Int>()
        var unmatchedA: [Int] = []
        // 1. The same name (in order among rows of the same name).
        var byKey: [String: [Int]] = [:]
        for (j, row) in b.enumerated() { if let k = key(row) { byKey[k, default: []].append(j) } }
        for (i, row) in a.enumerated() {
            if let k = key(row), var candidates = byKey[k], !candidates.isEmpty {
                let j = candidates.removeFirst()
                byKey[k] = candidates
                pairs.append((i, j))
                usedB.insert(j)
            } else {
                unmatchedA.append(i)
            }
        }
        // 2. A renamed row: most of its other cells are the same.
        var removedRows: [Int] = []
        // (Bounded: with thousands of unmatched rows on both sides, they stay removed and added.)
        let searchLikeness = unmatchedA.count * (b.count - usedB.count) <= 1_000_000
        for i in unmatchedA {
            if searchLikeness, let j = b.indices.first(where: { !usedB.contains($0) && alike(a[i], b[$0]) }) {
                pairs.append((i, j))
                usedB.insert(j)
            } else {
                removedRows.append(i)
            }
        }
        let order = columnOrder(columns)
        var result: [RowDiff] = []
        for (i, j) in pairs.sorted(by: { $0.1 < $1.1 }) {
            let cells = changes(a[i], b[j], order: order)
            if !cells.isEmpty { result.append(RowDiff(change: .changed, before: i, after: j, key: name(b[j], keyColumn) ?? name(a[i], keyColumn), cells: cells)) }
        }
        for j in b.indices where !usedB.contains(j) {
            result.append(RowDiff(change: .added, before: nil, after: j, key: name(b[j], keyColumn), cells: changes(TableRow(), b[j], order: order)))
        }
        for i in removedRows {
            result.append(RowDiff(change: .removed, before: i, after: nil, key: name(a[i], keyColumn), cells: changes(a[i], TableRow(), order: order)))
        }
        return result
    }

    /// The first text column of the form, else the usual name columns, else none.
    static func keyColumn(columns: [ColumnDefinition]?, rows: [TableRow]) -> String? {
        if let columns { return columns.first { $0.kind == .shortText }?.id }
        return ["object", "risk", "parameter"].first { id in rows.contains { $0[id] != nil } }
    }

    static func name(_ row: TableRow, _ column: String?) -> String? {
        guard let column, case .text(let s)? = row[column] else { return nil }
        return s
    }

    /// Half or more of the cells (of either row) are equal.
    static func alike(_ a: TableRow, _ b: TableRow) -> Bool {
        let keys = Set(a.cells.keys).union(b.cells.keys)
        guard !keys.isEmpty else { return true }
        let equal = keys.filter { a[$0] == b[$0] }.count
        return equal * 2 >= keys.count
    }

    /// Column rank for ordering cells: the form's order, else by name.
    static func columnOrder(_ columns: [ColumnDefinition]?) -> [String: Int] {
        var order: [String: Int] = [:]
        for (index, column) in (columns ?? []).enumerated() { order[column.id] = index }
        return order
    }

    static func changes(_ a: TableRow, _ b: TableRow, order: [String: Int]) -> [CellChange] {
        let keys = Set(a.cells.keys).union(b.cells.keys).filter { a[$0] != b[$0] }
        let parsed = keys.map { key -> (column: String, year: Int?, key: String) in
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            if parts.count == 2, let year = Int(parts[1]) { return (parts[0], year, key) }
            return (key, nil, key)
        }
        return parsed.sorted { x, y in
            let rx = order[x.column] ?? Int.max, ry = order[y.column] ?? Int.max
            if rx != ry { return rx < ry }
            if x.column != y.column { return x.column < y.column }
            return (x.year ?? Int.min) < (y.year ?? Int.min)
        }.map { CellChange(column: $0.column, year: $0.year, before: a[$0.key], after: b[$0.key]) }
    }
}
