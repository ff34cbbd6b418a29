import Foundation

/// Python programs that handle receipts without this program's code: what an auditor (or a
/// forger) would write from docs/handing-in.md alone.
public enum ReceiptScripts {
    /// `python3 -c signedBytes RECEIPT MESSAGE SIGNATURE`: writes the bytes the board signed
    /// (the receipt without `signature.value`, RFC 8785 canonical JSON) and the raw signature.
    public static let signedBytes = """
        import base64, json, sys
        receipt = json.load(open(sys.argv[1], encoding="utf-8"))
        value = receipt["signature"].pop("value")
        open(sys.argv[2], "wb").write(json.dumps(receipt, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
        open(sys.argv[3], "wb").write(base64.b64decode(value))
        """

    /// `python3 -c forge RECEIPT OUT PUBLIC-KEY-OUT`: turns a receipt into an accepted one,
    /// signs it with a new key of the forger's, writes it as the board writes receipts and
    /// plants the forger's public key.
    public static let forge = """
        import base64, hashlib, json, sys
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives import serialization
        receipt = json.load(open(sys.argv[1], encoding="utf-8"))
        key = Ed25519PrivateKey.generate()
        raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        receipt["decision"] = "accepted"
        receipt["reasons"] = []
        receipt["signature"] = {"algorithm": "Ed25519", "keyId": hashlib.sha256(raw).hexdigest()[:16]}
        message = json.dumps(receipt, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        receipt["signature"]["value"] = base64.b64encode(key.sign(message)).decode("ascii")
        open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(receipt, indent=2, ensure_ascii=False) + "\\n")
        pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        open(sys.argv[3], "wb").write(pem)
        """

    /// `python3 -c pretty RECEIPT`: exit 0 when the receipt is written exactly as Python's
    /// `json.dumps(indent=2)` writes it (so the forgery above is byte-faithful).
    public static let pretty = """
        import json, sys
        text = open(sys.argv[1], encoding="utf-8").read()
        sys.exit(0 if json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\\n" == text else 1)
        """

    /// Whether python3 with `cryptography` is here.
    public static let pythonCryptography: Bool = {
        guard isInstalled("python3"), let result = try? run("/usr/bin/env", ["python3", "-c", "import cryptography"]) else { return false }
        return result.status == 0
    }()
}
