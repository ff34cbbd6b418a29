import Foundation
import Testing
@testable import FeedbackModel

/// Known answers: checks that the export hash is wired to swift-crypto's SHA-256 correctly.
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
        #expect(ContentDigest.sha256Hex(Array(message.utf8)) == digest)
    }

    @Test("One million 'a'")
    func millionA() {
        let digest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(ContentDigest.sha256Hex([UInt8](repeating: 0x61, count: 1_000_000)) == digest)
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
        #expect(ContentDigest.sha256Hex([UInt8](repeating: 0x61, count: length)) == digest)
    }

    /// 10,000 bytes `(7i + 3) mod 256`, as a whole and as slices (the `DataProtocol` path
    /// swift-crypto takes for non-array storage).
    @Test("Arrays, slices and Data give the same digest")
    func storageKinds() {
        let message = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let digest = "6e97d8601cb17906a4819e0fcc8d03150d3e4331353ecaa516c0084cadad54dd"
        #expect(ContentDigest.sha256Hex(message) == digest)
        #expect(ContentDigest.sha256Hex(Data(message)) == digest)
        #expect(ContentDigest.sha256Hex(message[0..<10_000]) == digest)
        #expect(ContentDigest.sha256Hex(message[1...]) != digest)
        #expect(ContentDigest.sha256(message).count == 32)
        #expect(ContentDigest.hex(ContentDigest.sha256(message)) == digest)
    }

    @Test("Hex digests are recognised")
    func hexDigestShape() {
        #expect(ContentDigest.isHexDigest(ContentDigest.sha256Hex([UInt8]())))
        #expect(!ContentDigest.isHexDigest(String(repeating: "A", count: 64)))
        #expect(!ContentDigest.isHexDigest(String(repeating: "a", count: 63)))
    }
}
