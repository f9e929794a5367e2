import Foundation

/// A total order of texts, the same in every process: by the UTF-8 bytes of their NFC forms,
/// then, where those are equal, by their own bytes.
///
/// This is the order `String`'s `<` documents (the NFC forms' scalars, whose order is that of
/// their UTF-8 bytes), made total. Swift 6.3's `<` is not a total order for some texts in
/// decomposed form: "Hô\u{300} Chi\u{301} Minh" and "Hồ Chí Minh 3" (composed) are neither equal
/// nor either before the other, and other comparisons of that family are not transitive. A sort
/// by `<` then orders such texts as its input happens to be ordered — for the values of a
/// dictionary, by a hash seeded anew in every process — so a report sorted by `<` could differ
/// from run to run on one file. Sorting by this order cannot.
///
/// A text written only with scalars below U+0300 (UTF-8 bytes below 0xCC) is its own NFC form —
/// every such scalar is NFC and starts a segment — and is taken as it is, without Foundation.
///
/// ```swift
/// NFCOrder.precedes("fontaine", "e\u{301}tretat")      // true: as "étretat", after "f"
/// NFCOrder.precedes("Hô\u{300} Chi\u{301} Minh", "Hồ Chí Minh 3")   // true
/// ```
public enum NFCOrder {
    /// Appends the UTF-8 bytes of `text`'s NFC form to `bytes`.
    public static func appendBytes(of text: String, to bytes: inout [UInt8]) {
        if text.utf8.allSatisfy({ $0 < 0xCC }) {
            bytes.append(contentsOf: text.utf8)
        } else {
            bytes.append(contentsOf: text.precomposedStringWithCanonicalMapping.utf8)
        }
    }

    /// The UTF-8 bytes of `text`'s NFC form: the key this order compares first.
    public static func bytes(of text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        appendBytes(of: text, to: &bytes)
        return bytes
    }

    /// Whether `a` comes before `b`: by their NFC forms' bytes, then by their own.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        precedes(a, bytes(of: a), b, bytes(of: b))
    }

    /// Whether `a`, whose NFC bytes are `nfcA`, comes before `b`, whose NFC bytes are `nfcB`: for
    /// sorts that make each text's key once rather than twice a comparison.
    public static func precedes(_ a: String, _ nfcA: [UInt8], _ b: String, _ nfcB: [UInt8]) -> Bool {
        if nfcA != nfcB { return nfcA.lexicographicallyPrecedes(nfcB) }
        // Canonically equal texts written apart: their bytes as written, so that the order
        // never falls to the input's.
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

extension Sequence<String> {
    /// The texts in `NFCOrder`, each text's NFC bytes made once: for names a person typed
    /// (coders, say) listed in the same order in every process, whatever their normal form.
    ///
    /// ```swift
    /// ["zoe", "Zoë", "e\u{301}lise"].sortedInNFCOrder()   // ["Zoë", "zoe", "élise"]
    /// ```
    public func sortedInNFCOrder() -> [String] {
        map { (text: $0, key: NFCOrder.bytes(of: $0)) }
            .sorted { NFCOrder.precedes($0.text, $0.key, $1.text, $1.key) }
            .map(\.text)
    }
}
