import FeedbackModel

/// Paragraph- then word-level comparison of two texts. Paragraphs are separated by empty
/// lines; white space inside a paragraph is not compared.
enum TextComparer {
    /// Edit budgets: past these the comparison stays correct but coarse (see `EditScript`).
    static let maxParagraphEdits = 2000
    static let maxWordEdits = 2000

    struct Paragraph {
        var text: String
        var words: [Substring]
        var key: String
    }

    static func split(_ text: String) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var current: [Substring] = []
        func flush() {
            guard !current.isEmpty else { return }
            let joined = current.joined(separator: "\n")
            let words = words(of: joined)
            if !words.isEmpty { paragraphs.append(Paragraph(text: joined, words: words, key: words.joined(separator: " "))) }
            current = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.unicodeScalars.allSatisfy({ TextRules.isWhitespace($0.value) }) { flush() } else { current.append(line) }
        }
        flush()
        return paragraphs
    }

    /// Maximal runs of non-white-space (the counter's words).
    static func words(of text: String) -> [Substring] {
        text.split { $0.unicodeScalars.allSatisfy { TextRules.isWhitespace($0.value) } }
    }

    static func paragraphs(_ a: String, _ b: String) -> [ParagraphDiff] {
        let pa = split(a), pb = split(b)
        let ops = EditScript.between(pa.map(\.key), pb.map(\.key), maxEdits: maxParagraphEdits)
        var result: [ParagraphDiff] = []
        var i = 0, j = 0
        var removed: [Int] = [], added: [Int] = []
        func flushRun() {
            // Pair a removed paragraph with the added one at the same place in the run when
            // they share enough words: that is one changed paragraph, not two.
            var ai = 0, bi = 0
            while ai < removed.count || bi < added.count {
                if ai < removed.count, bi < added.count, similar(pa[removed[ai]].words, pb[added[bi]].words) {
                    let x = pa[removed[ai]], y = pb[added[bi]]
                    result.append(ParagraphDiff(change: .changed, before: removed[ai], after: added[bi], beforeText: x.text, afterText: y.text,
                                                words: wordSegments(x.words, y.words)))
                    ai += 1; bi += 1
                } else if ai < removed.count && (bi >= added.count || removed.count - ai >= added.count - bi) {
                    let x = pa[removed[ai]]
                    result.append(ParagraphDiff(change: .removed, before: removed[ai], after: nil, beforeText: x.text, afterText: nil,
                                                words: [WordSegment(op: .removed, text: x.words.joined(separator: " "))]))
                    ai += 1
                } else {
                    let y = pb[added[bi]]
                    result.append(ParagraphDiff(change: .added, before: nil, after: added[bi], beforeText: nil, afterText: y.text,
                                                words: [WordSegment(op: .added, text: y.words.joined(separator: " "))]))
                    bi += 1
                }
            }
            removed = []
            added = []
        }
        for op in ops {
            switch op {
            case .equal: flushRun(); i += 1; j += 1
            case .delete: removed.append(i); i += 1
            case .insert: added.append(j); j += 1
            }
        }
        flushRun()
        return result
    }

    /// At least a third of the longer paragraph's words are shared.
    static func similar(_ a: [Substring], _ b: [Substring]) -> Bool {
        var counts: [Substring: Int] = [:]
        for w in a { counts[w, default: 0] += 1 }
        var common = 0
        for w in b where (counts[w] ?? 0) > 0 {
            counts[w]! -= 1
            common += 1
        }
        return common * 3 >= max(a.count, b.count)
    }

    static func wordSegments(_ a: [Substring], _ b: [Substring]) -> [WordSegment] {
        let ops = EditScript.between(a, b, maxEdits: maxWordEdits)
        var segments: [WordSegment] = []
        var i = 0, j = 0
        func add(_ op: WordSegment.Op, _ word: Substring) {
            if let last = segments.last, last.op == op {
                segments[segments.count - 1].text += " " + word
            } else {
                segments.append(WordSegment(op: op, text: String(word)))
            }
        }
        // Within a run of changes, all removed words first, then all added ones.
        var pendingAdded: [Substring] = []
        for op in ops {
            switch op {
            case .equal:
                for w in pendingAdded { add(.added, w) }
                pendingAdded = []
                add(.same, b[j]); i += 1; j += 1
            case .delete: add(.removed, a[i]); i += 1
            case .insert: pendingAdded.append(b[j]); j += 1
            }
        }
        for w in pendingAdded { add(.added, w) }
        return segments
    }
}
