import FeedbackModel

/// Paragraph- then word-level comparison of two texts. The paragraphs are the text's lines
/// with content (a paragraph or a bullet item, as the editor shows them: see `Paragraphs`);
/// white space inside a paragraph is not compared.
enum TextComparer {
    /// Edit budgets: past these the comparison stays correct but coarse (see `EditScript`).
    static let maxParagraphEdits = 2000
    static let maxWordEdits = 2000

    struct Paragraph {
        var text: String
        var words: [Substring]
        /// The words as numbers (equal words, equal numbers), and the paragraph's number.
        var ids: [Int]
        var id: Int
    }

    /// Numbers words and paragraphs, comparing their UTF-8 bytes: the texts are NFC, so
    /// equal bytes are equal text, without the cost of String's Unicode-aware hashing.
    struct Interner {
        var words: [WordKey: Int] = [:]
        var paragraphs: [[Int]: Int] = [:]

        mutating func id(_ word: Substring) -> Int {
            let key = WordKey(word: word)
            if let id = words[key] { return id }
            let id = words.count
            words[key] = id
            return id
        }

        mutating func id(_ paragraph: [Int]) -> Int {
            if let id = paragraphs[paragraph] { return id }
            let id = paragraphs.count
            paragraphs[paragraph] = id
            return id
        }
    }

    struct WordKey: Hashable {
        let word: Substring

        static func == (lhs: WordKey, rhs: WordKey) -> Bool { lhs.word.utf8.elementsEqual(rhs.word.utf8) }

        func hash(into hasher: inout Hasher) {
            let hashed: Void? = word.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            if hashed == nil { for byte in word.utf8 { hasher.combine(byte) } }
        }
    }

    /// The paragraphs (lines with content; a line feed, CR LF or lone CR ends one) and their
    /// words, in one pass over the scalars. A paragraph's text runs from its first word to
    /// its last.
    static func split(_ text: String, _ interner: inout Interner) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var words: [Substring] = []
        var paragraphStart: String.Index?
        var paragraphEnd = text.startIndex
        var wordStart: String.Index?
        func endWord(at index: String.Index) {
            guard let start = wordStart else { return }
            words.append(text[start..<index])
            paragraphEnd = index
            wordStart = nil
        }
        func endParagraph() {
            if let start = paragraphStart, !words.isEmpty {
                let ids = words.map { interner.id($0) }
                paragraphs.append(Paragraph(text: String(text[start..<paragraphEnd]), words: words, ids: ids, id: interner.id(ids)))
            }
            words = []
            paragraphStart = nil
        }
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let value = scalars[index].value
            if value == 0x0A || value == 0x0D {
                endWord(at: index)
                endParagraph()
            } else if TextRules.isWhitespace(value) {
                endWord(at: index)
            } else {
                if wordStart == nil { wordStart = index }
                if paragraphStart == nil { paragraphStart = index }
            }
            index = scalars.index(after: index)
        }
        endWord(at: text.endIndex)
        endParagraph()
        return paragraphs
    }

    /// Maximal runs of non-white-space (the counter's words), found scalar by scalar.
    static func words(of text: String) -> [Substring] {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let white = TextRules.isWhitespace(scalars[index].value)
            if white, let s = start {
                result.append(text[s..<index])
                start = nil
            } else if !white, start == nil {
                start = index
            }
            index = scalars.index(after: index)
        }
        if let s = start { result.append(text[s..<text.endIndex]) }
        return result
    }

    static func paragraphs(_ a: String, _ b: String) -> [ParagraphDiff] {
        var interner = Interner()
        let pa = split(a, &interner), pb = split(b, &interner)
        let ops = EditScript.between(pa.map(\.id), pb.map(\.id), maxEdits: maxParagraphEdits)
        var result: [ParagraphDiff] = []
        var i = 0, j = 0
        var removed: [Int] = [], added: [Int] = []
        func flushRun() {
            // Pair a removed paragraph with the added one at the same place in the run when
            // they share enough words: that is one changed paragraph, not two.
            var ai = 0, bi = 0
            while ai < removed.count || bi < added.count {
                if ai < removed.count, bi < added.count, similar(pa[removed[ai]].ids, pb[added[bi]].ids) {
                    let x = pa[removed[ai]], y = pb[added[bi]]
                    result.append(ParagraphDiff(change: .changed, before: removed[ai], after: added[bi], beforeText: x.text, afterText: y.text,
                                                words: wordSegments(x, y)))
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
    static func similar(_ a: [Int], _ b: [Int]) -> Bool {
        var counts: [Int: Int] = [:]
        for w in a { counts[w, default: 0] += 1 }
        var common = 0
        for w in b {
            if let n = counts[w], n > 0 {
                counts[w] = n - 1
                common += 1
            }
        }
        return common * 3 >= max(a.count, b.count)
    }

    static func wordSegments(_ x: Paragraph, _ y: Paragraph) -> [WordSegment] {
        let a = x.words, b = y.words
        let ops = EditScript.between(x.ids, y.ids, maxEdits: maxWordEdits)
        var runs: [(op: WordSegment.Op, words: [Substring])] = []
        var i = 0, j = 0
        func add(_ op: WordSegment.Op, _ word: Substring) {
            if let last = runs.last, last.op == op {
                runs[runs.count - 1].words.append(word)
            } else {
                runs.append((op, [word]))
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
        return runs.map { WordSegment(op: $0.op, text: $0.words.joined(separator: " ")) }
    }
}
