import Testing
@testable import FeedbackModel

@Suite("SHA-256")
struct SHA256Tests {
    /// FIPS 180-4 example vectors (NIST CSRC "Examples with intermediate values").
    static let nistVectors: [(message: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ]

    @Test("NIST vectors", arguments: 0..<nistVectors.count)
    func nistVector(_ index: Int) {
        let (message, digest) = Self.nistVectors[index]
        #expect(SHA256.hexDigest(message.utf8) == digest)
        #expect(SHA256.hexDigest(Array(message.utf8)) == digest)
    }

    @Test("One million 'a'")
    func millionA() {
        let digest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hexDigest([UInt8](repeating: 0x61, count: 1_000_000)) == digest)

        // The same message fed in pieces of 1, 2, ..., 137, 1, 2, ... bytes.
        var hasher = SHA256()
        var left = 1_000_000
        var piece = 1
        while left > 0 {
            let n = min(piece, left)
            hasher.update([UInt8](repeating: 0x61, count: n))
            left -= n
            piece = piece % 137 + 1
        }
        #expect(SHA256.hexString(hasher.finalize()) == digest)
    }

    /// Lengths around the padding boundaries (55/56 and 64 bytes), checked against hashlib.
    @Test(
        "Padding boundaries",
        arguments: [
            (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
            (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
            (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
            (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
            (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
            (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
        ]
    )
    func paddingBoundary(_ length: Int, _ digest: String) {
        #expect(SHA256.hexDigest([UInt8](repeating: 0x61, count: length)) == digest)
    }

    /// 10,000 bytes `(7i + 3) mod 256`, fed whole and split at odd boundaries, through both
    /// the contiguous fast path and the element-by-element path.
    @Test("Split updates match a one-shot hash")
    func splitUpdates() {
        let message = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let digest = "6e97d8601cb17906a4819e0fcc8d03150d3e4331353ecaa516c0084cadad54dd"
        #expect(SHA256.hexDigest(message) == digest)

        let splits: [[Int]] = [
            [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181],
            [63, 64, 65, 127, 129, 1000, 4097],
            [9_999],
            [1, 9_998],
            Array(stride(from: 0, to: 10_000, by: 61)),
        ]
        for cuts in splits {
            for contiguous in [true, false] {
                var hasher = SHA256()
                var start = 0
                for cut in cuts + [message.count] where cut >= start {
                    if contiguous {
                        hasher.update(message[start..<cut])
                    } else {
                        hasher.update(message[start..<cut].lazy.map { $0 })
                    }
                    start = cut
                }
                #expect(SHA256.hexString(hasher.finalize()) == digest, "cuts \(cuts), contiguous \(contiguous)")
            }
        }
    }

    @Test("finalize() reports the bytes so far and hashing may continue")
    func finalizeTwice() {
        var hasher = SHA256()
        hasher.update("ab".utf8)
        let first = hasher.finalize()
        #expect(first.count == 32)
        #expect(hasher.finalize() == first)
        #expect(first == SHA256.hash("ab".utf8))
        hasher.update("c".utf8)
        #expect(SHA256.hexString(hasher.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
