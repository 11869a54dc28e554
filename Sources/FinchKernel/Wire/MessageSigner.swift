internal import CLibCrypto

/// Signs and verifies the four JSON frames of a Jupyter message (header, parent header, metadata,
/// content), as the connection file's `key` and `signature_scheme` ask.
///
/// "If the key is empty, authentication is disabled and the signature is the empty string"
/// (messaging spec, "The Wire Protocol"); that case is its own type, ``UnsignedScheme``.
public protocol MessageSigner: Sendable {
    /// The lowercase hex signature of `parts`, concatenated in order.
    func signature(of parts: [[UInt8]]) -> String
    /// Whether `signature` is the right one for `parts`, compared in constant time.
    func verify(_ signature: String, of parts: [[UInt8]]) -> Bool
}

/// Why a signer could not be made from a connection file.
public enum SignerError: Error, Equatable, CustomStringConvertible {
    /// The scheme is not `hmac-<digest>` with a digest OpenSSL knows.
    case unsupportedScheme(String)

    public var description: String {
        switch self {
        case .unsupportedScheme(let scheme): "unsupported signature_scheme '\(scheme)' (expected e.g. 'hmac-sha256')"
        }
    }
}

/// Makes the signer for a connection: ``UnsignedScheme`` for an empty key, else ``HMACSigner``.
public func makeSigner(key: String, scheme: String) throws(SignerError) -> any MessageSigner {
    if key.isEmpty { return UnsignedScheme() }
    return try HMACSigner(key: Array(key.utf8), scheme: scheme)
}

/// Authentication switched off: every signature is empty and any signature is accepted.
public struct UnsignedScheme: MessageSigner {
    /// The scheme for an empty key.
    public init() {}
    public func signature(of parts: [[UInt8]]) -> String { "" }
    public func verify(_ signature: String, of parts: [[UInt8]]) -> Bool { true }
}

/// HMAC over the message frames with a digest from libcrypto (`hmac-sha256` in practice).
public struct HMACSigner: MessageSigner {
    private let key: [UInt8]
    private let digestName: String

    /// A signer for `scheme` (`hmac-sha256`, `hmac-sha512`, …) with `key`.
    public init(key: [UInt8], scheme: String) throws(SignerError) {
        let prefix = "hmac-"
        guard scheme.hasPrefix(prefix), EVP_get_digestbyname(String(scheme.dropFirst(prefix.count))) != nil else {
            throw .unsupportedScheme(scheme)
        }
        self.key = key
        self.digestName = String(scheme.dropFirst(prefix.count))
    }

    public func signature(of parts: [[UInt8]]) -> String {
        let message = parts.flatMap { $0 }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBufferPointer { messageBytes in
                HMAC(EVP_get_digestbyname(digestName), keyBytes.baseAddress, Int32(key.count),
                     messageBytes.baseAddress, messageBytes.count, &digest, &length) != nil
            }
        }
        precondition(ok, "HMAC with a digest checked at init cannot fail")
        return hexString(digest.prefix(Int(length)))
    }

    public func verify(_ signature: String, of parts: [[UInt8]]) -> Bool {
        let expected = Array(self.signature(of: parts).utf8)
        let given = Array(signature.utf8)
        guard expected.count == given.count else { return false }
        return expected.withUnsafeBytes { lhs in
            given.withUnsafeBytes { rhs in CRYPTO_memcmp(lhs.baseAddress, rhs.baseAddress, lhs.count) == 0 }
        }
    }
}

/// Lowercase hex digits of `bytes`.
func hexString<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
}
