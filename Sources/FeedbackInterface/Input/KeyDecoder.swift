/// Turns the bytes a terminal sends into keys: UTF-8 text, control keys, the escape
/// sequences of xterm, VT220, rxvt and the Linux console, and bracketed pastes. Pure and
/// total: any byte sequence gives keys, never a crash (it is a fuzz target).
public struct KeyDecoder: Sendable {
    /// Pastes larger than this are cut (the rest is dropped and the paste ends), so a runaway
    /// paste cannot exhaust memory.
    public static let maximumPaste = 64 * 1024 * 1024

    private var pending: [UInt8] = []
    private var pasting = false
    private var paste: [UInt8] = []

    public init() {}

    /// True when bytes are held back waiting for the rest of a sequence (a lone ESC, a
    /// partial UTF-8 character, an unfinished paste). Call `timeout()` if nothing follows.
    public var isAwaitingMore: Bool { !pending.isEmpty || pasting }

    /// True when the only thing held back is a lone ESC: the one case where a short wait
    /// (`ESCDELAY`) decides between the Escape key and a sequence. A sequence already begun
    /// (`ESC [ 1 ;`) or a partial character is worth waiting for much longer: on a loaded
    /// machine or a slow link its rest can be late, and giving up would type it as text.
    public var isAwaitingLoneEscape: Bool { pending == [0x1B] && !pasting }

    /// True while inside a bracketed paste.
    public var isPasting: Bool { pasting }

    public mutating func feed(_ bytes: [UInt8]) -> [Key] {
        var keys: [Key] = []
        pending.append(contentsOf: bytes)
        var i = 0
        let end = pending.count
        while i < end {
            if pasting {
                // Look for ESC [ 2 0 1 ~ ; everything before it is pasted text.
                guard let close = findPasteEnd(from: i) else {
                    // Keep a possible partial terminator at the end.
                    let keep = min(5, end - i)
                    appendPaste(pending[i..<(end - keep)])
                    i = end - keep
                    break
                }
                appendPaste(pending[i..<close])
                keys.append(.paste(String(decoding: paste, as: UTF8.self)))
                paste = []
                pasting = false
                i = close + 6
                continue
            }
            let b = pending[i]
            if b == 0x1B {
                guard let (key, length) = decodeEscape(at: i) else { break }  // incomplete: wait
                if key == .paste("") {
                    pasting = true
                    paste = []
                } else {
                    keys.append(key)
                }
                i += length
                continue
            }
            if b < 0x20 || b == 0x7F {
                keys.append(controlKey(b))
                i += 1
                continue
            }
            // UTF-8 text: decode one scalar at a time; group combining scalars with their base.
            guard let (scalar, length) = decodeUTF8(at: i) else { break }  // incomplete: wait
            i += length
            appendScalar(scalar, to: &keys)
        }
        pending.removeFirst(i)
        return keys
    }

    /// Nothing more arrived: a held ESC is the Escape key, held partial bytes are invalid.
    /// An unfinished paste is delivered as it stands.
    public mutating func timeout() -> [Key] {
        var keys: [Key] = []
        if pasting {
            // Paste bodies may pause; only a long silence ends them (the caller decides).
            appendPaste(pending[...])
            pending = []
            keys.append(.paste(String(decoding: paste, as: UTF8.self)))
            paste = []
            pasting = false
            return keys
        }
        guard !pending.isEmpty else { return [] }
        if pending[0] == 0x1B {
            if pending.count == 1 {
                keys.append(.escape)
            } else if pending.count == 2, pending[1] >= 0x20, pending[1] < 0x7F {
                keys.append(.alt(Character(UnicodeScalar(pending[1]))))
            } else {
                keys.append(.unknown)
            }
        } else {
            keys.append(.character("\u{FFFD}"))
        }
        pending = []
        return keys
    }

    private mutating func appendPaste(_ bytes: ArraySlice<UInt8>) {
        let room = KeyDecoder.maximumPaste - paste.count
        if room > 0 { paste.append(contentsOf: bytes.prefix(room)) }
    }

    private func findPasteEnd(from start: Int) -> Int? {
        var i = start
        let end = pending.count
        while i + 5 < end {
            if pending[i] == 0x1B && pending[i + 1] == 0x5B && pending[i + 2] == 0x32 && pending[i + 3] == 0x30
                && pending[i + 4] == 0x31 && pending[i + 5] == 0x7E { return i }
            i += 1
        }
        return nil
    }

    private func controlKey(_ b: UInt8) -> Key {
        switch b {
        case 0x09: return .tab
        case 0x0D, 0x0A: return .enter
        case 0x08, 0x7F: return .backspace
        case 0x00: return .control(" ")
        case 0x01...0x1A: return .control(Character(UnicodeScalar(b + 0x60)))
        default: return .unknown  // 0x1C–0x1F
        }
    }

    private mutating func appendScalar(_ scalar: Unicode.Scalar, to keys: inout [Key]) {
        // Combining marks and joiners arrive after their base: extend the last character typed
        // in this batch when the result is still one grapheme.
        // (A cluster already 32 scalars long takes no more: that keeps a flood of combining
        // marks linear.)
        if case .character(let last)? = keys.last, last.unicodeScalars.count < 32 {
            var combined = String(last)
            combined.unicodeScalars.append(scalar)
            if combined.count == 1 {
                keys[keys.count - 1] = .character(Character(combined))
                return
            }
        }
        if scalar.value >= 0x80 && scalar.value <= 0x9F {
            keys.append(.unknown)  // C1 controls are never text
            return
        }
        keys.append(.character(Character(scalar)))
    }

    /// One UTF-8 scalar at `i`, nil when incomplete, U+FFFD for invalid bytes.
    private func decodeUTF8(at i: Int) -> (Unicode.Scalar, Int)? {
        let b0 = pending[i]
        let length: Int
        switch b0 {
        case 0x00...0x7F: return (Unicode.Scalar(b0), 1)
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return ("\u{FFFD}", 1)
        }
        guard i + length <= pending.count else {
            // Incomplete only if what is there so far is a valid prefix.
            for k in 1..<(pending.count - i) where pending[i + k] & 0xC0 != 0x80 { return ("\u{FFFD}", 1) }
            return nil
        }
        var value = UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let b = pending[i + k]
            guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", k) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", length) }
        return (scalar, length)
    }

    /// An escape sequence at `i`: the key and its length, nil when incomplete.
    /// `.paste("")` marks the start of a bracketed paste.
    private func decodeEscape(at i: Int) -> (Key, Int)? {
        let end = pending.count
        guard i + 1 < end else { return nil }
        let b1 = pending[i + 1]
        if b1 == 0x5B {  // CSI
            // Parameters and intermediates until a final byte 0x40–0x7E.
            var j = i + 2
            while j < end {
                let b = pending[j]
                if b >= 0x40 && b <= 0x7E { break }
                if b < 0x20 || b > 0x7E { return (.unknown, j - i) }  // broken sequence
                if j - i > 32 { return (.unknown, j - i) }  // absurdly long: give up on it
                j += 1
            }
            guard j < end else { return nil }
            let params = String(decoding: pending[(i + 2)..<j], as: UTF8.self)
            let final = pending[j]
            return (csiKey(params: params, final: final), j - i + 1)
        }
        if b1 == 0x4F {  // SS3
            guard i + 2 < end else { return nil }
            let key: Key
            switch pending[i + 2] {
            case 0x41: key = .up
            case 0x42: key = .down
            case 0x43: key = .right
            case 0x44: key = .left
            case 0x48: key = .home
            case 0x46: key = .end
            case 0x50: key = .function(1)
            case 0x51: key = .function(2)
            case 0x52: key = .function(3)
            case 0x53: key = .function(4)
            case 0x4D: key = .enter
            default: key = .unknown
            }
            return (key, 3)
        }
        if b1 == 0x1B {
            // ESC ESC: the first is a lone Escape.
            return (.escape, 1)
        }
        if b1 >= 0x20 && b1 < 0x7F {
            return (.alt(Character(UnicodeScalar(b1))), 2)
        }
        if b1 == 0x7F || b1 == 0x08 { return (.alt("\u{8}"), 2) }
        if b1 == 0x0D { return (.alt("\r"), 2) }
        return (.escape, 1)
    }

    private func csiKey(params: String, final: UInt8) -> Key {
        let fields = params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        let modifier = fields.count >= 2 ? fields[1] : 1
        // xterm modifiers: 2 Shift, 3 Alt, 5 Ctrl, 6 Ctrl+Shift, 7 Ctrl+Alt.
        let byWord = modifier == 3 || modifier == 5 || modifier == 6 || modifier == 7
        switch final {
        case 0x41: return byWord ? .ctrlUp : .up
        case 0x42: return byWord ? .ctrlDown : .down
        case 0x43: return byWord ? .wordRight : .right
        case 0x44: return byWord ? .wordLeft : .left
        case 0x48: return byWord ? .ctrlHome : .home
        case 0x46: return byWord ? .ctrlEnd : .end
        case 0x5A: return .backTab
        case 0x50: return .function(1)
        case 0x51: return .function(2)
        case 0x52: return .function(3)
        case 0x53: return .function(4)
        case 0x7E:
            switch fields.first ?? 0 {
            case 1, 7: return byWord ? .ctrlHome : .home
            case 2: return .insert
            case 3: return .delete
            case 4, 8: return byWord ? .ctrlEnd : .end
            case 5: return .pageUp
            case 6: return .pageDown
            case 11: return .function(1)
            case 12: return .function(2)
            case 13: return .function(3)
            case 14: return .function(4)
            case 15: return .function(5)
            case 17: return .function(6)
            case 18: return .function(7)
            case 19: return .function(8)
            case 20: return .function(9)
            case 21: return .function(10)
            case 23: return .function(11)
            case 24: return .function(12)
            case 200: return .paste("")
            default: return .unknown
            }
        default:
            return .unknown
        }
    }
}
