import Crypto
import Foundation

/// The SHA-256 of bytes, in lower-case hex: what identifies a dataset's file (its `contentHash`),
/// so that loading or importing the same bytes again is recognised, and what gives imported
/// sources and symbol-only place names ids that stay the same from run to run.
///
/// ```swift
/// ContentHash.sha256Hex(of: Data("abc".utf8))
/// // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public enum ContentHash {
    public static func sha256Hex(of data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// A digest in lower-case hex, as ``sha256Hex(of:)`` writes it.
    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
