import Foundation

/// The positions of a list of texts, looked up by UTF-8 bytes as SQLite hands them out
/// (`sqlite3_column_text`), without making a `String` of each.
///
/// Hand-written for a measured reason: reading a million relations' ends into an analysis
/// snapshot, a `[String: Int32]` lookup of each end (a `String` made of the column, hashed, then
/// compared and released) was 45% of the CPU time (perf: dictionary probes 17%, `memcmp` 9%,
/// retains and releases 10%). Here the texts' bytes sit in one buffer and a lookup hashes the
/// column's bytes in place. Texts compare byte by byte, as SQLite's keys do (`TextKey`): two
/// canonically equivalent spellings are two ids.
///
/// ```swift
/// let positions = TextPositions(cities.map(\.id))
/// positions.position(of: pointer, count: length)   // 0, 1, … or nil
/// ```
struct TextPositions {
    private var bytes: [UInt8] = []
    private var starts: [Int] = []
    /// Open addressing, linear probing: a position, or -1 for an empty slot.
    private var slots: [Int32]
    private let mask: Int

    /// `texts` at their positions; a text given twice keeps its first position.
    init(_ texts: [String]) {
        var capacity = 16
        while capacity < texts.count * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        starts.reserveCapacity(texts.count + 1)
        for var text in texts {
            starts.append(bytes.count)
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
        starts.append(bytes.count)
        bytes.append(0)  // an address even when every text is empty
        for index in texts.indices {
            let (start, count) = (starts[index], starts[index + 1] - starts[index])
            let found = bytes.withUnsafeBytes { buffer in
                lookup(UnsafeRawPointer(buffer.baseAddress! + start), count: count)
            }
            if case .empty(let slot) = found { slots[slot] = Int32(index) }
        }
    }

    /// The position of the text of `count` bytes at `pointer`, or `nil` if it is not one of the texts.
    func position(of pointer: UnsafeRawPointer, count: Int) -> Int32? {
        if case .found(let position) = lookup(pointer, count: count) { return position }
        return nil
    }

    private enum Lookup { case found(Int32), empty(Int) }

    private func lookup(_ pointer: UnsafeRawPointer, count: Int) -> Lookup {
        var slot = Int(truncatingIfNeeded: Self.hash(pointer, count: count)) & mask
        return bytes.withUnsafeBytes { buffer in
            let base = buffer.baseAddress!
            while true {
                let position = slots[slot]
                if position < 0 { return .empty(slot) }
                let start = starts[Int(position)], length = starts[Int(position) + 1] - start
                if length == count && (count == 0 || memcmp(base + start, pointer, count) == 0) { return .found(position) }
                slot = (slot + 1) & mask
            }
        }
    }

    /// A multiply-and-rotate hash of the bytes, eight at a time.
    private static func hash(_ pointer: UnsafeRawPointer, count: Int) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var offset = 0
        while offset + 8 <= count {
            hash = (hash ^ pointer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash = (hash << 31) | (hash >> 33)
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<count { tail |= UInt64(pointer.load(fromByteOffset: index, as: UInt8.self)) << (8 * UInt64(index - offset)) }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 29)
    }
}
