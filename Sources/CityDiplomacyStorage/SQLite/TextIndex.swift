import Foundation

/// The texts of a list, each found by its UTF-8 bytes, as SQLite compares text (``TextKey``):
/// the position in the list of the first text of those bytes.
///
/// Written by hand rather than a `[TextKey: Int32]` because a store looks up the two ends of
/// every relation among the dataset's cities (two million lookups among 326,000 ids at a million
/// relations), and the dictionary compared each candidate key through a copy of its string,
/// retaining and releasing it: with both cores looking up, the atomic counts of the same keys'
/// strings made the lookups twice as costly as the hashing (perf, 2026-12-04). Here the bytes of
/// every text lie in one buffer, each slot of the open-addressed table holds a text's position
/// and a part of its hash, and a lookup compares memory only.
///
/// Hashed by `Hasher`, whose seed differs from process to process, so that a file cannot be
/// crafted to make its ids collide.
struct TextIndex: Sendable {
    /// Every text's bytes, one after the other, and where each starts (with the end of the last).
    private let bytes: [UInt8]
    private let starts: [Int]
    /// Each slot: 0 where empty, else the position + 1 in its low 32 bits and the hash's high 32
    /// bits above.
    private let slots: [UInt64]
    private let mask: Int

    /// The texts' positions, a text given twice found at its first.
    init(_ texts: [String]) {
        precondition(texts.count < Int(Int32.max), "fewer texts than positions of 32 bits")
        let packed = PackedTexts(texts)
        let (bytes, starts) = (packed.bytes, packed.starts)
        // At most half full, so that a probe ends soon.
        var capacity = 16
        while capacity < 2 * texts.count { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                for position in texts.indices {
                    let text = UnsafeBufferPointer(rebasing: bytes[starts[position]..<starts[position + 1]])
                    let hash = Self.hash(text)
                    var slot = hash & mask
                    while slots[slot] != 0 {
                        if Self.holds(slots[slot], hash: hash, text, bytes: bytes, starts: starts) { break }
                        slot = (slot + 1) & mask
                    }
                    if slots[slot] == 0 { slots[slot] = Self.tag(hash) << 32 | UInt64(position + 1) }
                }
            }
        }
        self.bytes = bytes
        self.starts = starts
        self.slots = slots
        self.mask = mask
    }

    /// The position of the first text of `text`'s bytes, if any.
    func position(of text: String) -> Int? {
        // A native string's bytes where they lie; a copy made contiguous for any other.
        if let found = text.utf8.withContiguousStorageIfAvailable({ position(ofBytes: $0) }) { return found }
        var text = text
        return text.withUTF8 { position(ofBytes: $0) }
    }

    private func position(ofBytes text: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(text)
        return bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                slots.withUnsafeBufferPointer { slots in
                    var slot = hash & mask
                    while slots[slot] != 0 {
                        if Self.holds(slots[slot], hash: hash, text, bytes: bytes, starts: starts) { return Int(slots[slot] & 0xFFFF_FFFF) - 1 }
                        slot = (slot + 1) & mask
                    }
                    return nil
                }
            }
        }
    }

    /// Whether the text of a full `slot` has `text`'s bytes (and so `hash`).
    @inline(__always)
    private static func holds(
        _ slot: UInt64, hash: Int, _ text: UnsafeBufferPointer<UInt8>, bytes: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int>
    ) -> Bool {
        guard slot >> 32 == tag(hash) else { return false }
        let position = Int(slot & 0xFFFF_FFFF) - 1
        let start = starts[position], count = starts[position + 1] - start
        return count == text.count && (count == 0 || memcmp(bytes.baseAddress! + start, text.baseAddress!, count) == 0)
    }

    private static func tag(_ hash: Int) -> UInt64 {
        UInt64(UInt(bitPattern: hash) >> 32)
    }

    private static func hash(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(text))
        return hasher.finalize()
    }
}
