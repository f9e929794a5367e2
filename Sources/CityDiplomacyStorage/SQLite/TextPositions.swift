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
    /// The texts one after the other, each as a record: its position and its length (four bytes
    /// each, in the machine's order), then its bytes. A slot points at a record, so that a lookup that finds its text
    /// reads two places in memory, the slot and the record. With the positions in one array and
    /// the texts' starts in another, it read three, and interning the ends of a million relations
    /// (a table far larger than a core's cache) waited on the third as long as on the other two
    /// (perf annotate: 44% of the lookup's samples on loading the start).
    private var records: [UInt8] = []
    /// Where text `i`'s record starts in ``records``.
    private var starts: [Int] = []
    /// Open addressing, linear probing, never more than half full: 0 for an empty slot, else a
    /// record's start plus one in the low 40 bits and the top 24 bits of its text's hash, so that
    /// a probe that meets another text seldom reads that text's record.
    private var slots: [UInt64]
    private var mask: Int
    private let hashing: Hashing
    private static let headerSize = 8, offsetBits: UInt64 = 40, offsetMask: UInt64 = 1 << 40 - 1

    /// How many texts there are (those given twice counted each time).
    var count: Int { starts.count }

    /// How texts are hashed.
    enum Hashing {
        /// The standard library's `Hasher` (see ``hash(_:count:)``): what every reader uses.
        case standard
        /// Every text the same hash, so that a lookup walks the run of slots from the first, past
        /// every text put in before, comparing lengths and bytes: for tests only (it makes
        /// interning quadratic), which with the standard hash would almost never get past the
        /// tags (24 bits of the hash), and so would pass with a broken comparison.
        case constant
    }

    /// No texts yet, room for `capacity` before the table grows.
    init(capacity: Int = 0, hashing: Hashing = .standard) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        self.hashing = hashing
    }

    /// `texts` at their positions; a text given twice keeps its first position.
    init(_ texts: [String], hashing: Hashing = .standard) {
        self.init(capacity: texts.count, hashing: hashing)
        starts.reserveCapacity(texts.count)
        for var text in texts {
            text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
        }
        for position in 0..<count {
            let found = withText(at: Int32(position)) { lookup($0, count: $1) }
            if case .empty(let slot, let tag) = found { slots[slot] = tag | UInt64(starts[position] + 1) }
        }
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
        case .empty(let slot, let tag):
            let position = Int32(self.count)
            append(UnsafeRawBufferPointer(start: pointer, count: count))
            slots[slot] = tag | UInt64(starts[Int(position)] + 1)
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
        let start = starts[Int(position)]
        return try records.withUnsafeBytes { buffer in
            // A record is never empty (its header), so the buffer has an address.
            let record = buffer.baseAddress! + start
            return try body(record + Self.headerSize, Int(record.loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
        }
    }

    /// Adds `text`'s record as the next position's.
    private mutating func append(_ text: UnsafeRawBufferPointer) {
        // SQLite's texts are under 2³¹ bytes; a String of 4 GB, or records of a terabyte, are not ids.
        precondition(text.count <= Int(UInt32.max) && starts.count < Int(Int32.max) && UInt64(records.count) < Self.offsetMask,
                     "TextPositions holds up to 2³¹ texts of up to 4 GB each")
        starts.append(records.count)
        withUnsafeBytes(of: UInt32(starts.count - 1)) { records.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(text.count)) { records.append(contentsOf: $0) }
        records.append(contentsOf: text)
    }

    /// Twice the slots, every slot's record placed again by its hash (the texts in slots are
    /// distinct, so none is compared).
    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        records.withUnsafeBytes { buffer in
            for entry in old where entry != 0 {
                let record = buffer.baseAddress! + Int(entry & Self.offsetMask - 1)
                let hash = self.hash(record + Self.headerSize, count: Int(record.loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = entry
            }
        }
    }

    private enum Lookup { case found(Int32), empty(Int, tag: UInt64) }

    private func lookup(_ pointer: UnsafeRawPointer, count: Int) -> Lookup {
        let hash = self.hash(pointer, count: count)
        let tag = hash & ~Self.offsetMask
        var slot = Int(truncatingIfNeeded: hash) & mask
        return records.withUnsafeBytes { buffer in
            slots.withUnsafeBufferPointer { slots in
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return .empty(slot, tag: tag) }
                    if entry & ~Self.offsetMask == tag {
                        // A slot in use points at a record, so the buffer has an address.
                        let record = buffer.baseAddress! + Int(entry & Self.offsetMask - 1)
                        if Int(record.loadUnaligned(fromByteOffset: 4, as: UInt32.self)) == count
                            && (count == 0 || memcmp(record + Self.headerSize, pointer, count) == 0) {
                            return .found(Int32(bitPattern: record.loadUnaligned(as: UInt32.self)))
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The bytes' hash by the standard library's `Hasher` (SipHash, seeded per process), or a
    /// constant where the tests ask for one (``Hashing/constant``). The texts
    /// are users' ids: with a fixed hash, or a seeded one whose mixing lets a difference cancel
    /// out (the multiply-and-rotate this replaced: flip the top bit of one eight-byte block and
    /// bit 30 of the next, and the hash is the same for any seed), ids could be chosen that all
    /// fall in one run of slots, and interning a dataset's ends would walk them all on every row.
    private func hash(_ pointer: UnsafeRawPointer, count: Int) -> UInt64 {
        if case .constant = hashing { return 0x5EED_0000_0000_0000 }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(start: pointer, count: count))
        return UInt64(UInt(bitPattern: hasher.finalize()))
    }
}
