/// SHA-256 (FIPS 180-4), so the export's content hash needs no crypto dependency.
///
/// Feed bytes with `update(_:)` in as many pieces as convenient, then call `finalize()`
/// for the 32-byte digest. `finalize()` works on a copy of the running state, so it
/// may be called more than once (each call returns the digest of everything fed so
/// far) and feeding may continue afterwards.
public struct SHA256: Sendable {
    /// The eight working hash words H0...H7.
    struct State: Sendable {
        var a: UInt32 = 0x6a09_e667
        var b: UInt32 = 0xbb67_ae85
        var c: UInt32 = 0x3c6e_f372
        var d: UInt32 = 0xa54f_f53a
        var e: UInt32 = 0x510e_527f
        var f: UInt32 = 0x9b05_688c
        var g: UInt32 = 0x1f83_d9ab
        var h: UInt32 = 0x5be0_cd19
    }

    /// 64 bytes of inline storage for a partial block (no heap allocation).
    typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    private var state = State()
    /// Bytes of `pending` in use (always < 64 between calls).
    private var pendingCount = 0
    private var pending: Block = (0, 0, 0, 0, 0, 0, 0, 0)
    /// Total message length in bytes, modulo 2^64.
    private var byteCount: UInt64 = 0

    public init() {}

    /// Adds `bytes` to the message. Contiguous collections (`[UInt8]`, `ArraySlice`,
    /// `UnsafeBufferPointer`, `String.UTF8View` of a native string, `Data`, ...) are
    /// hashed straight from their storage.
    @inlinable
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            self.absorb(UnsafeRawBufferPointer(buffer))
        }
        if done == nil {
            updateSlowly(bytes)
        }
    }

    /// Non-contiguous collections: copy through a stack buffer, 4 KiB at a time.
    @inlinable
    mutating func updateSlowly<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { chunk in
            var used = 0
            for byte in bytes {
                chunk[used] = byte
                used &+= 1
                if used == 4096 {
                    absorb(UnsafeRawBufferPointer(chunk))
                    used = 0
                }
            }
            if used > 0 {
                absorb(UnsafeRawBufferPointer(start: chunk.baseAddress, count: used))
            }
        }
    }

    /// Returns the 32-byte digest of all bytes passed to `update` so far.
    public mutating func finalize() -> [UInt8] {
        var copy = self
        // Padding: 0x80, zeros to 56 mod 64, then the bit length as a big-endian UInt64.
        let bitLength = byteCount &* 8
        let zeros = (55 &- pendingCount) & 63  // pendingCount + 1 + zeros ≡ 56 (mod 64)
        var tail: (Block, Block) = ((0, 0, 0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 0, 0))
        let tailCount = 1 + zeros + 8
        withUnsafeMutableBytes(of: &tail) { raw in
            raw[0] = 0x80
            raw.storeBytes(of: bitLength.bigEndian, toByteOffset: 1 + zeros, as: UInt64.self)
            copy.absorb(UnsafeRawBufferPointer(rebasing: raw[0..<tailCount]))
        }
        precondition(copy.pendingCount == 0)
        let s = copy.state
        var digest = [UInt8](repeating: 0, count: 32)
        digest.withUnsafeMutableBytes { raw in
            for (i, word) in [s.a, s.b, s.c, s.d, s.e, s.f, s.g, s.h].enumerated() {
                raw.storeBytes(of: word.bigEndian, toByteOffset: i &* 4, as: UInt32.self)
            }
        }
        return digest
    }

    /// The 32-byte SHA-256 digest of `bytes`.
    @inlinable
    public static func hash<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The SHA-256 digest of `bytes` as 64 lowercase hexadecimal digits.
    @inlinable
    public static func hexDigest<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        hexString(hash(bytes))
    }

    /// Lowercase hex of a digest.
    @usableFromInline
    static func hexString(_ digest: [UInt8]) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: digest.count * 2) { out in
            digits.withUTF8Buffer { hex in
                for (i, byte) in digest.enumerated() {
                    out[2 &* i] = hex[Int(byte >> 4)]
                    out[2 &* i &+ 1] = hex[Int(byte & 0x0f)]
                }
            }
            return digest.count * 2
        }
    }

    // MARK: - Block processing

    /// Adds raw bytes: tops up the pending block, compresses whole blocks straight
    /// from `input`, and keeps the remainder pending.
    @usableFromInline
    mutating func absorb(_ input: UnsafeRawBufferPointer) {
        guard var source = input.baseAddress, input.count > 0 else { return }
        var remaining = input.count
        byteCount &+= UInt64(truncatingIfNeeded: remaining)

        if pendingCount > 0 {
            let take = min(64 &- pendingCount, remaining)
            let offset = pendingCount
            withUnsafeMutableBytes(of: &pending) { block in
                (block.baseAddress! + offset).copyMemory(from: source, byteCount: take)
            }
            pendingCount &+= take
            source += take
            remaining &-= take
            guard pendingCount == 64 else { return }
            let block = pending
            withUnsafeBytes(of: block) { raw in
                Self.compress(&state, raw.baseAddress!, blocks: 1)
            }
            pendingCount = 0
        }

        let whole = remaining >> 6
        if whole > 0 {
            Self.compress(&state, source, blocks: whole)
            source += whole &<< 6
            remaining &-= whole &<< 6
        }

        if remaining > 0 {
            let count = remaining
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.copyMemory(from: source, byteCount: count)
            }
            pendingCount = count
        }
    }

    /// Round constants: the first 32 bits of the fractional parts of the cube roots
    /// of the first 64 primes.
    static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    @inline(__always)
    static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &>> n) | (x &<< (32 &- n))
    }

    /// One round of FIPS 180-4 §6.2.2 step 3, written so that the caller rotates the
    /// variable roles: afterwards `d` is the new `e` and `h` is the new `a`.
    @inline(__always)
    static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
    ) {
        let sigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let choose = g ^ (e & (f ^ g))
        let t1 = h &+ sigma1 &+ choose &+ kw
        let sigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let majority = (a & b) | (c & (a | b))
        d &+= t1
        h = t1 &+ sigma0 &+ majority
    }

    /// Runs the compression function over `blocks` consecutive 64-byte blocks at `input`.
    static func compress(_ state: inout State, _ input: UnsafeRawPointer, blocks: Int) {
        roundConstants.withUnsafeBufferPointer { k in
            // w: the message schedule W0...W63; kw: Kt + Wt, ready for the rounds.
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { kw in
                    var s = state
                    var p = input
                    for _ in 0..<blocks {
                        for t in 0..<16 {
                            w[t] = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: t &<< 2, as: UInt32.self))
                        }
                        for t in 16..<64 {
                            let w15 = w[t &- 15], w2 = w[t &- 2]
                            let s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 &>> 3)
                            let s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 &>> 10)
                            w[t] = w[t &- 16] &+ s0 &+ w[t &- 7] &+ s1
                        }
                        for t in 0..<64 {
                            kw[t] = k[t] &+ w[t]
                        }

                        // Eight rounds per iteration, rotating the roles of the working
                        // variables instead of shuffling them.
                        var a = s.a, b = s.b, c = s.c, d = s.d
                        var e = s.e, f = s.f, g = s.g, h = s.h
                        var t = 0
                        while t < 64 {
                            round(a, b, c, &d, e, f, g, &h, kw[t])
                            round(h, a, b, &c, d, e, f, &g, kw[t &+ 1])
                            round(g, h, a, &b, c, d, e, &f, kw[t &+ 2])
                            round(f, g, h, &a, b, c, d, &e, kw[t &+ 3])
                            round(e, f, g, &h, a, b, c, &d, kw[t &+ 4])
                            round(d, e, f, &g, h, a, b, &c, kw[t &+ 5])
                            round(c, d, e, &f, g, h, a, &b, kw[t &+ 6])
                            round(b, c, d, &e, f, g, h, &a, kw[t &+ 7])
                            t &+= 8
                        }
                        s.a &+= a; s.b &+= b; s.c &+= c; s.d &+= d
                        s.e &+= e; s.f &+= f; s.g &+= g; s.h &+= h
                        p += 64
                    }
                    state = s
                }
            }
        }
    }
}
