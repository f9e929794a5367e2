import Foundation

/// The places of a gazetteer by the ``PersianText/searchKey(_:)`` of each of their names (name,
/// Persian name, alternate names).
///
/// Built to give exactly what a `[String: [Int32]]` of those keys gave, at a fraction of the cost.
/// That dictionary made 637,000 key strings and as many one-element arrays at every load, and
/// hashed each key with Swift's string hashing: with the entries' own strings, about a quarter of
/// an import's samples (perf, 170,391 places). Here:
///
/// - **ASCII names are keyed from their bytes**, without a string (528,340 of the 665,869
///   names), into one buffer, and found again in open-addressing tables of those bytes.
/// - **Other names** are keyed from their bytes too, by ``PersianText/appendSearchKey(utf8:to:)``
///   (searchKey's rules without its strings: making three strings of each name was a fifth of the
///   load), or by `searchKey` itself for the few that need Foundation's folding. A key of ASCII
///   letters and digits and of Arabic letters (see ``comparesByBytes(_:)``) joins the tables of
///   bytes: for such keys byte equality is string equality. The few others (Latin letters such as
///   ø or ł, other scripts) stay strings in a dictionary, so that canonically equivalent keys meet
///   as they did. Hashing the Arabic-script keys as strings (through Unicode normalisation) was
///   14% of the load.
/// - **The places of each key** are one run of a single array (a key's places in the order the
///   places come, as the dictionary's appends left them), not an array per key.
/// - **The table is cut in 16 by hash**, each part built on its own core: one table of all keys
///   (8 MB) missed the cache at nearly every key, and filling it on one core took 0.13 s, 7% of
///   an import's samples (perf); a part's table (0.5 MB) stays in the core's cache.
///
/// ```swift
/// let index = GazetteerNameIndex(columns)
/// index.places(key: PersianText.searchKey("Urumqi"))   // positions of the places of that key
/// ```
struct GazetteerNameIndex: Sendable {
    /// Keys compared by their bytes, by the top bits of their hash (see ``shardBits``).
    private let shards: [ByteKeys]
    private let others: OtherKeys

    static let shardBits = 4

    /// The number of distinct keys.
    var keyCount: Int { shards.reduce(others.runs.keyCount) { $0 + $1.runs.keyCount } }

    /// The positions of the places one of whose names has this search key, in ascending order.
    func places(key: String) -> ArraySlice<Int32> {
        var utf8 = key
        let places = utf8.withUTF8 { bytes -> ArraySlice<Int32>? in
            guard Self.comparesByBytes(bytes) else { return nil }
            let hash = Self.hash(bytes)
            return shards[Int(hash >> UInt64(64 - Self.shardBits))].places(bytes, hash: hash)
        }
        return places ?? others.places(key)
    }

    /// Whether a key is made only of ASCII lowercase letters and digits and of Arabic-block
    /// letters that have no canonical decomposition and combine with nothing (U+0600–U+06FF of
    /// combining class 0, less the eight precomposed letters U+0622–U+0626, U+06C0, U+06C2 and U+06D3). No other string is
    /// canonically equivalent to such a key — no Unicode decomposition yields only these scalars
    /// but the scalars themselves — so comparing its bytes compares it as Swift's `==` does.
    static func comparesByBytes(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < key.count {
            let byte = key[offset]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                offset += 1
            case 0xD8...0xDB where offset + 1 < key.count:
                // Two bytes: U+0600–U+06FF.
                let scalar = (Int(byte & 0x1F) << 6 | Int(key[offset + 1] & 0x3F)) - 0x0600
                guard key[offset + 1] & 0xC0 == 0x80, arabicComparesByBytes[scalar] else { return false }
                offset += 2
            default:
                return false
            }
        }
        return true
    }

    /// U+0600–U+06FF: whether the scalar may be compared by its bytes (see ``comparesByBytes(_:)``).
    static let arabicComparesByBytes: [Bool] = (0x0600...0x06FF).map { value in
        let precomposed: Set<Int> = [0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x06C0, 0x06C2, 0x06D3]
        return Unicode.Scalar(UInt32(value))!.properties.canonicalCombiningClass == .notReordered && !precomposed.contains(value)
    }

    /// Keys every name of every place: the keys are made on every core, a run of places at a
    /// time; then each part of the table, and the other keys, are filled on every core.
    init(_ columns: GazetteerColumns) {
        let placeCount = columns.count
        let chunks = CoreRuns.cutting(placeCount).concurrentMap { places in KeyedNames(columns, places: places) }
        let shardCount = 1 << Self.shardBits
        let parts = Array(0...shardCount).concurrentMap { part -> Part in
            part < shardCount ? .bytes(ByteKeys(shard: part, of: chunks)) : .others(OtherKeys(chunks))
        }
        shards = parts.compactMap { if case let .bytes(keys) = $0 { keys } else { nil } }
        others = parts.compactMap { if case let .others(keys) = $0 { keys } else { nil } }[0]
    }

    private enum Part: Sendable {
        case bytes(ByteKeys)
        case others(OtherKeys)
    }

    /// FNV-1a, then MurmurHash3's finaliser, so that the top bits (the part) and the low bits (the
    /// slot) are both well mixed: keys are short, and hashing them is a small part of the load.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        hash = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        hash = (hash ^ (hash >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 33)
    }
}

/// The places of each key, by key number: key `k`'s are `places[firstPlace[k]..<firstPlace[k + 1]]`,
/// in ascending order.
private struct KeyRuns: Sendable {
    private let firstPlace: [Int32]
    private let places: [Int32]

    var keyCount: Int { firstPlace.count - 1 }

    /// From (key, place) pairs in ascending place order, by counting: the sort keeps that order
    /// within each key.
    init(keyCount: Int, pairs: [(key: Int32, place: Int32)]) {
        var firstPlace = [Int32](repeating: 0, count: keyCount + 1)
        for pair in pairs { firstPlace[Int(pair.key) + 1] += 1 }
        for key in 0..<keyCount { firstPlace[key + 1] += firstPlace[key] }
        var next = firstPlace
        var places = [Int32](repeating: 0, count: pairs.count)
        for pair in pairs {
            places[Int(next[Int(pair.key)])] = pair.place
            next[Int(pair.key)] += 1
        }
        self.firstPlace = firstPlace
        self.places = places
    }

    subscript(key: Int) -> ArraySlice<Int32> {
        places[Int(firstPlace[key])..<Int(firstPlace[key + 1])]
    }
}

/// One part of the keys compared by their bytes: an open-addressing table of those bytes.
private struct ByteKeys: Sendable {
    /// 0 if empty, else the hash's upper half and the key's number + 1.
    private let slots: [UInt64]
    /// Key `k` is `bytes[keyStart[k]..<keyStart[k + 1]]`.
    private let bytes: [UInt8]
    private let keyStart: [Int32]
    let runs: KeyRuns

    func places(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> ArraySlice<Int32> {
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let value = slots[slot]
            if value >> 32 == hash >> 32 {
                let number = Int(value & 0xFFFF_FFFF) - 1
                if Self.equal(key, bytes, Int(keyStart[number])..<Int(keyStart[number + 1])) { return runs[number] }
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        return []
    }

    /// The keys of part `shard` of every run of places, numbered as they first come.
    init(shard: Int, of chunks: [KeyedNames]) {
        let upperBound = chunks.reduce(0) { $0 + $1.byteKeys[shard].count }
        // At most half full, so that a probe ends after one or two slots.
        var slotCount = 16
        while slotCount < upperBound * 2 { slotCount *= 2 }
        let mask = slotCount - 1
        var slots = [UInt64](repeating: 0, count: slotCount)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(upperBound * 10)
        var keyStart: [Int32] = [0]
        keyStart.reserveCapacity(upperBound + 1)
        // Each place once under each of its keys, however many of its names give that key.
        var lastPlace: [Int32] = []
        lastPlace.reserveCapacity(upperBound)
        var pairs: [(key: Int32, place: Int32)] = []
        pairs.reserveCapacity(upperBound)
        for chunk in chunks {
            chunk.bytes.withUnsafeBufferPointer { chunkBytes in
                for pending in chunk.byteKeys[shard] {
                    let key = UnsafeBufferPointer(rebasing: chunkBytes[Int(pending.start)..<Int(pending.end)])
                    var slot = Int(truncatingIfNeeded: pending.hash) & mask
                    var number = -1
                    while slots[slot] != 0 {
                        let value = slots[slot]
                        if value >> 32 == pending.hash >> 32 {
                            let candidate = Int(value & 0xFFFF_FFFF) - 1
                            if Self.equal(key, bytes, Int(keyStart[candidate])..<Int(keyStart[candidate + 1])) {
                                number = candidate
                                break
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                    if number < 0 {
                        number = keyStart.count - 1
                        bytes.append(contentsOf: key)
                        keyStart.append(Int32(bytes.count))
                        lastPlace.append(-1)
                        slots[slot] = (pending.hash & 0xFFFF_FFFF_0000_0000) | UInt64(number + 1)
                    }
                    if lastPlace[number] != pending.place {
                        lastPlace[number] = pending.place
                        pairs.append((Int32(number), pending.place))
                    }
                }
            }
        }
        self.slots = slots
        self.bytes = bytes
        self.keyStart = keyStart
        runs = KeyRuns(keyCount: keyStart.count - 1, pairs: pairs)
    }

    private static func equal(_ key: UnsafeBufferPointer<UInt8>, _ stored: [UInt8], _ range: Range<Int>) -> Bool {
        guard key.count == range.count else { return false }
        return stored.withUnsafeBufferPointer { stored in
            range.isEmpty || memcmp(key.baseAddress!, stored.baseAddress! + range.lowerBound, range.count) == 0
        }
    }
}

/// Keys that cannot be compared by their bytes, as strings: Swift's string equality (canonical
/// equivalence) decides which are the same key, as it did in the dictionary they replace.
private struct OtherKeys: Sendable {
    private let numbers: [String: Int32]
    let runs: KeyRuns

    func places(_ key: String) -> ArraySlice<Int32> {
        numbers[key].map { runs[Int($0)] } ?? []
    }

    init(_ chunks: [KeyedNames]) {
        var numbers: [String: Int32] = [:]
        var lastPlace: [Int32] = []
        var pairs: [(key: Int32, place: Int32)] = []
        for chunk in chunks {
            for (key, place) in chunk.others {
                let number: Int32
                if let known = numbers[key] {
                    number = known
                } else {
                    number = Int32(lastPlace.count)
                    numbers[key] = number
                    lastPlace.append(-1)
                }
                if lastPlace[Int(number)] != place {
                    lastPlace[Int(number)] = place
                    pairs.append((number, place))
                }
            }
        }
        self.numbers = numbers
        runs = KeyRuns(keyCount: lastPlace.count, pairs: pairs)
    }
}

/// The search keys of the names of a run of places, made without touching any shared state.
private struct KeyedNames: Sendable {
    /// A key compared by its bytes, at `bytes[start..<end]`.
    struct Key: Sendable {
        var hash: UInt64
        var start: Int32
        var end: Int32
        var place: Int32
    }

    private(set) var bytes: [UInt8] = []
    /// The keys compared by their bytes, by part of the table (the top bits of their hash), in the
    /// order of the places.
    private(set) var byteKeys: [[Key]]
    /// The other keys, in the order of the places.
    private(set) var others: [(key: String, place: Int32)] = []

    init(_ columns: GazetteerColumns, places: Range<Int>) {
        let shardCount = 1 << GazetteerNameIndex.shardBits
        byteKeys = [[Key]](repeating: [], count: shardCount)
        for shard in 0..<shardCount { byteKeys[shard].reserveCapacity(places.count * 4 / shardCount) }
        bytes.reserveCapacity(places.count * 40)
        columns.text.withUnsafeBufferPointer { text in
            for place in places {
                let spans = columns.spans(of: place)
                for (index, span) in zip(spans.indices, spans) where index - spans.startIndex != GazetteerColumns.admin1Span && !span.isAbsent {
                    add(UnsafeBufferPointer(rebasing: text[span.range]), place: Int32(place))
                }
            }
        }
    }

    /// The key of one name, written from its bytes: ASCII names by the rule of
    /// ``PersianText/searchKey(_:)`` for ASCII text (letters lowercased, digits, nothing else),
    /// others by ``PersianText/appendSearchKey(utf8:to:)``, and the few that need Foundation's
    /// folding by `searchKey` itself.
    private mutating func add(_ name: UnsafeBufferPointer<UInt8>, place: Int32) {
        let start = bytes.count
        for byte in name {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case 0x80...:
                bytes.removeSubrange(start...)
                if PersianText.appendSearchKey(utf8: name, to: &bytes) {
                    addWrittenKey(from: start, place: place)
                } else {
                    let key = Array(PersianText.searchKey(String(decoding: name, as: UTF8.self)).utf8)
                    bytes.append(contentsOf: key)
                    addWrittenKey(from: start, place: place)
                }
                return
            default: break
            }
        }
        addByteKey(from: start, place: place)
    }

    /// Records the key just written at `bytes[start...]`: among the keys compared by their bytes
    /// if it is one, else as a string.
    private mutating func addWrittenKey(from start: Int, place: Int32) {
        let comparesByBytes = bytes.withUnsafeBufferPointer { GazetteerNameIndex.comparesByBytes(UnsafeBufferPointer(rebasing: $0[start...])) }
        if comparesByBytes {
            addByteKey(from: start, place: place)
        } else {
            others.append((String(decoding: bytes[start...], as: UTF8.self), place))
            bytes.removeSubrange(start...)
        }
    }

    /// Records the key just written at `bytes[start...]`, unless it is empty (names of
    /// punctuation alone have no key).
    private mutating func addByteKey(from start: Int, place: Int32) {
        guard bytes.count > start else { return }
        let hash = bytes.withUnsafeBufferPointer { GazetteerNameIndex.hash(UnsafeBufferPointer(rebasing: $0[start...])) }
        byteKeys[Int(hash >> UInt64(64 - GazetteerNameIndex.shardBits))].append(Key(hash: hash, start: Int32(start), end: Int32(bytes.count), place: place))
    }
}
