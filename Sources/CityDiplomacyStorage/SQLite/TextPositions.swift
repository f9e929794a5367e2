import Foundation

/// The positions of a list of texts, looked up by UTF-8 bytes as SQLite hands them out
/// (`sqlite3_column_text`), without making a `String` of each; or, built up text by text
/// (``intern(_:count:)``), the distinct texts a reader meets, numbered in the order met.
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
///
/// var met = TextPositions()
/// met.intern(pointer, count: length)                // 0 for the first text, 1 for the next new one, …
/// ```
struct TextPositions {
    /// The texts' bytes, one after the other: text `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// Open addressing, linear probing: a position, or -1 for an empty slot; never more than
    /// half full, so that a probe ends soon.
    private var slots: [Int32]
    private var mask: Int

    /// How many texts there are (those given twice counted each time).
    var count: Int { starts.count - 1 }

    /// No texts yet, room for `capacity` before the table grows.
    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// `texts` at their positions; a text given twice keeps its first position.
    init(_ texts: [String]) {
        self.init(capacity: texts.count)
        starts.reserveCapacity(texts.count + 1)
        for var text in texts {
            text.withUTF8 { bytes.append(contentsOf: $0) }
            starts.append(bytes.count)
        }
        for index in texts.indices { placeIfFirst(Int32(index)) }
    }

    /// The position of the text of `count` bytes at `pointer`, or `nil` if it is not one of the texts.
    func position(of pointer: UnsafeRawPointer, count: Int) -> Int32? {
        if case .found(let position) = lookup(pointer, count: count) { return position }
        return nil
    }

    /// The position of the text of `count` bytes at `pointer`, added at the end if it is not
    /// one of the texts yet.
    mutating func intern(_ pointer: UnsafeRawPointer, count: Int) -> Int32 {
        switch lookup(pointer, count: count) {
        case .found(let position):
            return position
        case .empty(let slot):
            let position = Int32(self.count)
            bytes.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: count))
            starts.append(bytes.count)
            slots[slot] = position
            if self.count * 2 > slots.count { grow() }
            return position
        }
    }

    /// ``intern(_:count:)`` of a text as a pointer and a count.
    mutating func intern(_ text: (pointer: UnsafeRawPointer, count: Int)) -> Int32 {
        intern(text.pointer, count: text.count)
    }

    /// Calls `body` with the bytes of the text at `position`.
    func withText<Result>(at position: Int32, _ body: (UnsafeRawPointer, Int) throws -> Result) rethrows -> Result {
        let start = starts[Int(position)], count = starts[Int(position) + 1] - start
        return try bytes.withUnsafeBytes { buffer in
            try body(buffer.baseAddress.map { $0 + start } ?? UnsafeRawPointer(bitPattern: 1)!, count)
        }
    }

    /// Twice the slots, every text placed again (a text given twice still at its first position).
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for position in 0..<count { placeIfFirst(Int32(position)) }
    }

    /// Puts the text at `position` in its slot, unless the same text is there already.
    private mutating func placeIfFirst(_ position: Int32) {
        let found = withText(at: position) { lookup($0, count: $1) }
        if case .empty(let slot) = found { slots[slot] = position }
    }

    private enum Lookup { case found(Int32), empty(Int) }

    private func lookup(_ pointer: UnsafeRawPointer, count: Int) -> Lookup {
        var slot = Int(truncatingIfNeeded: Self.hash(pointer, count: count)) & mask
        return bytes.withUnsafeBytes { buffer in
            while true {
                let position = slots[slot]
                if position < 0 { return .empty(slot) }
                let start = starts[Int(position)], length = starts[Int(position) + 1] - start
                // A text of some length has its bytes in the buffer, which then has an address.
                if length == count && (count == 0 || memcmp(buffer.baseAddress! + start, pointer, count) == 0) { return .found(position) }
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
