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
///   names), into one buffer, and found again in an open-addressing table of those bytes.
///   Byte equality is string equality for these keys: a key of ASCII lowercase letters and digits
///   is canonically equivalent to no other string (no Unicode decomposition yields them).
/// - **Other names** are keyed by `searchKey` itself; a key that comes out ASCII ("Kāshān" →
///   "kashan") joins the ASCII table, the others (Arabic script) stay strings in a dictionary, so
///   that canonically equivalent keys meet as they did.
/// - **The places of each key** are one run of a single array (a key's places in the order the
///   places come, as the dictionary's appends left them), not an array per key.
///
/// ```swift
/// let index = GazetteerNameIndex(columns)
/// index.places(key: PersianText.searchKey("Urumqi"))   // positions of the places of that key
/// ```
struct GazetteerNameIndex: Sendable {
    /// Slots of the open-addressing table: 0 if empty, else the hash's upper half and the key's
    /// number + 1.
    private let slots: [UInt64]
    private let slotShift: UInt64
    /// The bytes of the ASCII keys: key number `k` is `asciiBytes[keyStart[k]..<keyStart[k] + keyLength[k]]`
    /// (empty for keys that are not ASCII).
    private let asciiBytes: [UInt8]
    private let keyStart: [Int32]
    private let keyLength: [Int32]
    /// Keys that are not ASCII, by number.
    private let otherKeys: [String: Int32]
    /// The places of key `k` are `places[firstPlace[k]..<firstPlace[k + 1]]`, in ascending order.
    private let firstPlace: [Int32]
    private let places: [Int32]

    /// The number of distinct keys.
    var keyCount: Int { firstPlace.count - 1 }

    /// The positions of the places one of whose names has this search key, in ascending order.
    func places(key: String) -> ArraySlice<Int32> {
        guard let number = number(of: key) else { return [] }
        return places[Int(firstPlace[number])..<Int(firstPlace[number + 1])]
    }

    private func number(of key: String) -> Int? {
        guard key.utf8.allSatisfy({ $0 < 0x80 }) else { return otherKeys[key].map(Int.init) }
        var ascii = key
        return ascii.withUTF8 { asciiNumber(of: $0, hash: Self.hash($0)) }
    }

    private func asciiNumber(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        var slot = Self.slot(hash, shift: slotShift)
        let mask = slots.count - 1
        while slots[slot] != 0 {
            let value = slots[slot]
            if value >> 32 == hash >> 32 {
                let number = Int(value & 0xFFFF_FFFF) - 1
                if Self.equal(bytes, asciiBytes, start: Int(keyStart[number]), length: Int(keyLength[number])) { return number }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    // MARK: - Building

    /// Keys every name of every place: the keys are made on every core, a chunk of places at a
    /// time, then numbered and gathered in order on one.
    init(_ columns: GazetteerColumns) {
        let placeCount = columns.count
        let chunkCount = min(max(placeCount, 1), ProcessInfo.processInfo.activeProcessorCount * 4)
        let chunkSize = (placeCount + chunkCount - 1) / chunkCount
        let chunks = Array(0..<chunkCount).concurrentMap { chunk in
            KeyedNames(columns, places: min(chunk * chunkSize, placeCount)..<min((chunk + 1) * chunkSize, placeCount))
        }
        let asciiUpperBound = chunks.reduce(0) { $0 + $1.asciiKeyCount }
        // At most half full, so that a probe ends after one or two slots.
        var slotBits = 4
        while 1 << slotBits < asciiUpperBound * 2 { slotBits += 1 }
        var slots = [UInt64](repeating: 0, count: 1 << slotBits)
        let shift = UInt64(64 - slotBits)
        var asciiBytes: [UInt8] = []
        asciiBytes.reserveCapacity(chunks.reduce(0) { $0 + $1.bytes.count })
        var keyStart: [Int32] = [], keyLength: [Int32] = []
        keyStart.reserveCapacity(asciiUpperBound)
        keyLength.reserveCapacity(asciiUpperBound)
        var otherKeys: [String: Int32] = [:]
        // Each place once under each of its keys, however many of its names give that key.
        var lastPlace: [Int32] = []
        lastPlace.reserveCapacity(asciiUpperBound)
        var pairs: [(key: Int32, place: Int32)] = []
        pairs.reserveCapacity(chunks.reduce(0) { $0 + $1.keys.count })

        func newKey(start: Int, length: Int) -> Int32 {
            keyStart.append(Int32(start))
            keyLength.append(Int32(length))
            lastPlace.append(-1)
            return Int32(keyStart.count - 1)
        }
        for chunk in chunks {
            chunk.bytes.withUnsafeBufferPointer { chunkBytes in
                var key = 0
                for (offset, end) in chunk.keyEnds.enumerated() {
                    let place = Int32(chunk.places.lowerBound + offset)
                    while key < end {
                        let pending = chunk.keys[key]
                        key += 1
                        let number: Int32
                        if pending.length < 0 {
                            let text = chunk.otherKeys[Int(pending.start)]
                            if let known = otherKeys[text] {
                                number = known
                            } else {
                                number = newKey(start: 0, length: 0)
                                otherKeys[text] = number
                            }
                        } else {
                            let bytes = UnsafeBufferPointer(rebasing: chunkBytes[Int(pending.start)..<Int(pending.start + pending.length)])
                            var slot = Self.slot(pending.hash, shift: shift)
                            var found: Int32?
                            while slots[slot] != 0 {
                                let value = slots[slot]
                                if value >> 32 == pending.hash >> 32 {
                                    let candidate = Int(value & 0xFFFF_FFFF) - 1
                                    if Self.equal(bytes, asciiBytes, start: Int(keyStart[candidate]), length: Int(keyLength[candidate])) {
                                        found = Int32(candidate)
                                        break
                                    }
                                }
                                slot = (slot + 1) & (slots.count - 1)
                            }
                            if let found {
                                number = found
                            } else {
                                number = newKey(start: asciiBytes.count, length: bytes.count)
                                asciiBytes.append(contentsOf: bytes)
                                slots[slot] = (pending.hash & 0xFFFF_FFFF_0000_0000) | UInt64(number + 1)
                            }
                        }
                        if lastPlace[Int(number)] != place {
                            lastPlace[Int(number)] = place
                            pairs.append((number, place))
                        }
                    }
                }
            }
        }
        // The places of each key in one run, by counting: pairs come in ascending place order,
        // and a counting sort keeps it within each key.
        var firstPlace = [Int32](repeating: 0, count: keyStart.count + 1)
        for pair in pairs { firstPlace[Int(pair.key) + 1] += 1 }
        for key in 0..<keyStart.count { firstPlace[key + 1] += firstPlace[key] }
        var next = firstPlace
        var places = [Int32](repeating: 0, count: pairs.count)
        for pair in pairs {
            places[Int(next[Int(pair.key)])] = pair.place
            next[Int(pair.key)] += 1
        }
        self.slots = slots
        slotShift = shift
        self.asciiBytes = asciiBytes
        self.keyStart = keyStart
        self.keyLength = keyLength
        self.otherKeys = otherKeys
        self.firstPlace = firstPlace
        self.places = places
    }

    /// FNV-1a: keys are short, and hashing them is a small part of the load.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// A slot from the hash's bits spread by a multiplication (FNV's low bits are weak for short keys).
    private static func slot(_ hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ stored: [UInt8], start: Int, length: Int) -> Bool {
        guard bytes.count == length else { return false }
        return stored.withUnsafeBufferPointer { stored in
            length == 0 || memcmp(bytes.baseAddress!, stored.baseAddress! + start, length) == 0
        }
    }
}

/// The search keys of the names of a run of places, made without touching any shared state.
private struct KeyedNames: Sendable {
    /// A key: ASCII bytes at `bytes[start..<start + length]`, or (`length` < 0) the string
    /// `otherKeys[start]`.
    struct Key: Sendable {
        var hash: UInt64
        var start: Int32
        var length: Int32
    }

    let places: Range<Int>
    private(set) var bytes: [UInt8] = []
    private(set) var keys: [Key] = []
    /// The keys of the run's `i`-th place end at `keys[keyEnds[i]]`.
    private(set) var keyEnds: [Int] = []
    private(set) var otherKeys: [String] = []
    private(set) var asciiKeyCount = 0

    init(_ columns: GazetteerColumns, places: Range<Int>) {
        self.places = places
        keyEnds.reserveCapacity(places.count)
        keys.reserveCapacity(places.count * 5)
        bytes.reserveCapacity(places.count * 50)
        columns.text.withUnsafeBufferPointer { text in
            for place in places {
                let spans = columns.spans(of: place)
                for (index, span) in zip(spans.indices, spans) where index - spans.startIndex != GazetteerColumns.admin1Span && !span.isAbsent {
                    add(UnsafeBufferPointer(rebasing: text[span.range]))
                }
                keyEnds.append(keys.count)
            }
        }
    }

    /// The key of one name: ASCII names straight from their bytes (the rule of
    /// ``PersianText/searchKey(_:)`` for ASCII text: letters lowercased, digits, nothing else),
    /// other names by `searchKey` itself.
    private mutating func add(_ name: UnsafeBufferPointer<UInt8>) {
        let start = bytes.count
        for byte in name {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case 0x80...:
                bytes.removeSubrange(start...)
                addKey(PersianText.searchKey(String(decoding: name, as: UTF8.self)))
                return
            default: break
            }
        }
        addASCII(from: start)
    }

    private mutating func addKey(_ key: String) {
        guard !key.isEmpty else { return }
        if key.utf8.allSatisfy({ $0 < 0x80 }) {
            let start = bytes.count
            bytes.append(contentsOf: key.utf8)
            addASCII(from: start)
        } else {
            keys.append(Key(hash: 0, start: Int32(otherKeys.count), length: -1))
            otherKeys.append(key)
        }
    }

    /// Records the key just written at `bytes[start...]`, unless it is empty (names of
    /// punctuation alone have no key).
    private mutating func addASCII(from start: Int) {
        let length = bytes.count - start
        guard length > 0 else { return }
        let hash = bytes.withUnsafeBufferPointer { GazetteerNameIndex.hash(UnsafeBufferPointer(rebasing: $0[start...])) }
        keys.append(Key(hash: hash, start: Int32(start), length: Int32(length)))
        asciiKeyCount += 1
    }
}
