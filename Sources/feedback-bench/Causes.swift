import FeedbackInterface
import FeedbackModel

/// In-process timings of the pieces the misses are made of, so the causes are measured in
/// the same run as the symptoms (no targets here).
enum Causes {
    static func run(results: Results, quick: Bool) {
        let runs = quick ? 3 : 9
        let form = Drafts.form
        let megabyte = Swedish.text(bytes: 1 << 20, seed: 1)
        let typicalText = Swedish.text(words: 2_000, maxChars: 11_999, seed: 100)
        func time(_ body: () -> Void) -> Sample {
            var t: [Double] = []
            for _ in 0..<runs { t.append(measure(body) * 1000) }
            return Sample(t)
        }
        func add(_ name: String, _ s: Sample, baseline: (String, Double)? = nil, note: String? = nil) {
            results.add(Row(group: "causes", name: name, value: s.median, unit: "ms", runs: s.count,
                            baselineName: baseline?.0, baseline: baseline?.1, ratio: baseline.map { s.median / $0.1 }, note: note))
        }

        // 1. NFC: TextRules.nfc falls back to Foundation for any scalar ≥ U+0300 (e.g. "–" in "2028–2031").
        let hasDash = megabyte.unicodeScalars.contains { $0.value >= 0x300 }
        let nfc = time { blackHole(TextRules.nfc(megabyte).utf8.count) }
        #if compiler(>=6.2)
        let check = time {
            var span = megabyte.utf8Span
            blackHole(span.checkForNFC(quickCheck: true))
        }
        add("TextRules.nfc, 1 MB already-NFC text", nfc, baseline: ("stdlib NFC check", check.median),
            note: "the text is NFC; \(hasDash ? "it has scalars ≥ U+0300 (en dash)" : "ASCII/Latin-1 only"), so nfc() converts through Foundation; UTF8Span.checkForNFC(quickCheck:) proves it NFC in \(Format.value(check.median, unit: "ms"))")
        #else
        add("TextRules.nfc, 1 MB already-NFC text", nfc)
        #endif
        let typicalNFC = time { blackHole(TextRules.nfc(typicalText).utf8.count) }
        add("TextRules.nfc, typical heading (12 kB)", typicalNFC)

        // 2. The autosave snapshot taken inside App.handle: join + NFC of the whole text.
        var buffer = TextBuffer(megabyte)
        let join = time { blackHole(buffer.text.utf8.count) }
        add("TextBuffer.text (join), 1 MB in paragraphs", join, note: "the rest of EditorSession.currentDraft() besides nfc()")
        let oneMB = Drafts.withFirstHeading(form, text: megabyte)
        let encode = time { blackHole(DraftCodec.encode(oneMB, form: form).count) }
        add("DraftCodec.encode, draft with a 1 MB heading", encode, note: "what the shell then writes on each autosave (outside App.handle, same key's latency)")

        // 3. Per key on a 1 MB single line: the paragraph's stats and its wrap are recomputed whole.
        let line = Swedish.text(bytes: 1 << 20, seed: 1, separator: " ")
        let stats = time { blackHole(TextRules.stats(TextRules.nfc(line)).words) }
        add("stats(nfc(paragraph)) of a 1 MB line (per key)", stats, note: "TextBuffer.replace recomputes the edited paragraph's counts from scratch")
        var lineBuffer = TextBuffer(line)
        lineBuffer.setWrapWidth(55)
        var flip = 0
        let wrap = time {
            // An edit drops the paragraph's row cache; the next render re-wraps all of it.
            flip += 1
            let end = lineBuffer.end
            lineBuffer.replace(from: end, to: end, with: flip % 2 == 0 ? "a" : "b")
            blackHole(lineBuffer.rows(of: 0).count)
        }
        add("replace + rows(of:) of a 1 MB line (per key)", wrap, note: "includes the stats above; the re-wrap of the whole paragraph is the rest")

        // 4. Start-up and validate: the embedded YAML form is parsed on every run; a draft is decoded.
        let yaml = time { blackHole(FormCatalog.embedded().forms.count) }
        add("FormCatalog.embedded() (YAML form parse, every process)", yaml)
        let typicalBytes = DraftCodec.encode(Drafts.typical(form), form: form)
        let decode = time { blackHole(try? DraftCodec.decode(typicalBytes, file: "t", form: form)) }
        add("DraftCodec.decode, typical draft", decode, note: "feedback fill decodes the draft twice (Fill.openInterface's Drafts.load, then InterfaceRunner.open)")
        let typical = Drafts.typical(form)
        let session = time {
            blackHole(EditorSession(form: form, draft: typical, path: "/tmp/feedback-bench-unused/x.json", language: .sv, exportFolder: "/tmp"))
        }
        add("EditorSession.init, typical draft", session, note: "TextBuffer.init: Character split on \"\\n\" + stats(nfc()) per paragraph, six headings")
        _ = buffer.wrapAll()
    }
}
