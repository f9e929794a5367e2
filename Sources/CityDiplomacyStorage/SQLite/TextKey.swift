import Foundation

/// A string that is equal to another, ordered and hashed by its UTF-8 bytes, as SQLite compares
/// text (`BINARY`, `memcmp`): Swift's `==` on strings takes canonically equivalent ones (`é` and
/// `e` with a combining accent) as one, which SQLite's keys do not. What the store checks itself —
/// that references exist, which sources are cited, and, when a store fails, which relations
/// share an identity — is checked in SQLite's terms with it, and rows are put in the order of
/// SQLite's indexes with ``positions(inOrderOf:)``.
///
/// Comparisons go through `memcmp` on each string's contiguous bytes: the generic
/// `utf8.lexicographicallyPrecedes` was 5% of the CPU time of a 250,000-row import (perf).
struct TextKey: Hashable {
    var text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (lhs: TextKey, rhs: TextKey) -> Bool {
        compare(lhs.text, rhs.text) == 0
    }

    func hash(into hasher: inout Hasher) {
        // A native string's bytes where they lie; a copy made contiguous for any other.
        if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
        // The end of the text, as `String` marks it: keys of several texts ("ab", "c" and "a",
        // "bc") would otherwise hash alike, which a crafted file could use to slow the checks.
        hasher.combine(0xFF as UInt8)
    }

    /// Whether `a` comes before `b` in SQLite's order of text.
    static func precedes(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    /// Negative, zero or positive as `a` comes before, is, or comes after `b`, byte by byte.
    static func compare(_ a: String, _ b: String) -> Int32 {
        // Native strings lend their bytes where they lie; copies (retaining each string, and
        // made contiguous by `withUTF8`) only for the others.
        if let order = a.utf8.withContiguousStorageIfAvailable({ x in b.utf8.withContiguousStorageIfAvailable { y in compare(x, y) } }) ?? nil {
            return order
        }
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in compare(x, y) } }
    }

    private static func compare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int32 {
        let common = min(x.count, y.count)
        let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
        return order != 0 ? order : Int32(x.count) - Int32(y.count)
    }

    /// The positions of `texts` in SQLite's order of text, the order of its indexes on them: the
    /// bytes are laid out in one buffer first, so that the sort compares memory, with no
    /// reference counting of strings (sorting a million ids by `<` on strings took 3% of the CPU
    /// time of a 1,000,000-row import).
    static func positions(inOrderOf texts: [String]) -> [Int] {
        let packed = PackedTexts(texts)
        let (bytes, starts) = (packed.bytes, packed.starts)
        var order = Array(texts.indices)
        bytes.withUnsafeBufferPointer { buffer in
            starts.withUnsafeBufferPointer { starts in
                let base = buffer.baseAddress!
                order.sort { a, b in
                    let lengthA = starts[a + 1] - starts[a], lengthB = starts[b + 1] - starts[b]
                    let order = memcmp(base + starts[a], base + starts[b], min(lengthA, lengthB))
                    return order != 0 ? order < 0 : lengthA < lengthB
                }
            }
        }
        return order
    }
}

/// Texts laid out one after the other in one buffer of bytes, each found by where it starts, so
/// that they are compared (``TextKey/positions(inOrderOf:)``) and hashed (``TextIndex``) in
/// memory, with no reference counting of strings.
struct PackedTexts {
    /// Every text's UTF-8, one after the other, and a 0 after the last: an address even when
    /// every text is empty.
    let bytes: [UInt8]
    /// Where each text starts in `bytes`, and where the last ends.
    let starts: [Int]

    init(_ texts: [String]) {
        var bytes: [UInt8] = [], starts: [Int] = []
        starts.reserveCapacity(texts.count + 1)
        for var text in texts {
            starts.append(bytes.count)
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
        starts.append(bytes.count)
        bytes.append(0)
        self.bytes = bytes
        self.starts = starts
    }
}
