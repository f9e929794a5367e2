import Crypto
import Foundation

extension DatasetContent {
    /// A SHA-256 of the dataset's records — its cities, relations, networks, memberships, events,
    /// sources, documents and coded segments — in lower-case hex: the version a citation of the dataset names.
    ///
    /// The records are written in one canonical form (each kind sorted by id, keys sorted, no
    /// white space), so the hash changes when a record does and not when the registry hands the
    /// records back in another order. The dataset's own description (title, provenance, licence)
    /// is not part of it: it says what the records are, it is not one of them. ``Dataset/contentHash``
    /// is another thing, the hash of the file the dataset was loaded from.
    ///
    /// ```swift
    /// let version = content.recordsHash          // "9c1d…", 64 hex digits
    /// DatasetContent.shortVersion(version)       // "9c1d5e7a0b42"
    /// ```
    public var recordsHash: String {
        CanonicalRecords(self).sha256Hex()
    }

    /// The first twelve hex digits of a records hash: enough to tell versions apart in a citation.
    public static func shortVersion(_ hash: String) -> String {
        String(hash.prefix(12))
    }
}

/// A dataset's records in their canonical form, hashed as they are written.
///
/// The form is one JSON object, keys sorted, no white space, `/` not escaped, each kind of record
/// a list sorted by id — what `JSONEncoder` with `.sortedKeys` writes for a struct holding the
/// sorted lists (``DatasetContent/recordsHash`` was computed so until 2026-11-30, and a test holds
/// the two to the same bytes). It is written a record at a time into the digest: encoded whole,
/// the JSON encoder held a tree of every record and then the text (at a million relations the
/// first citation of a dataset took 55 s and 5.8 GB); a record at a time, the memory is one
/// record's, and the chunks are encoded on every core.
struct CanonicalRecords {
    /// The lists in the order of their sorted keys, each with its records' JSON made on demand;
    /// `documents` and `segments` are left out where the dataset has none, so that a dataset
    /// without documents keeps the version it had before documents were kept.
    private var lists: [(key: String, count: Int, encode: @Sendable (Range<Int>) throws -> [Data])] = []

    init(_ content: DatasetContent) {
        func add<Record: Encodable & Sendable>(_ key: String, _ records: [Record], id: @escaping (Record) -> String, always: Bool = true) {
            guard always || !records.isEmpty else { return }
            let sorted = records.sorted { id($0) < id($1) }
            lists.append((key, sorted.count, { range in
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                return try sorted[range].map { try encoder.encode($0) }
            }))
        }
        // Sorted keys: cities, documents, events, memberships, networks, relations, segments, sources.
        add("cities", content.cities, id: \.id)
        add("documents", content.documents, id: \.id, always: false)
        add("events", content.events, id: \.id)
        add("memberships", content.memberships, id: \.id)
        add("networks", content.networks, id: \.id)
        add("relations", content.relations, id: \.id)
        add("segments", content.segments, id: \.id, always: false)
        add("sources", content.sources, id: \.id)
    }

    /// Records encoded at once per chunk: large enough that a chunk's task costs little beside it,
    /// small enough that a chunk's JSON is a few megabytes.
    static let chunk = 8_192

    /// The SHA-256 of the canonical JSON, in lower-case hex. Every record type is Codable with
    /// plain values; should one fail to encode (a programming error), the hash is that of no bytes,
    /// as the whole document's was.
    func sha256Hex() -> String {
        var digest = SHA256()
        func write(_ text: String) { digest.update(data: Data(text.utf8)) }
        do {
            write("{")
            for (index, list) in lists.enumerated() {
                write((index == 0 ? "" : ",") + "\"" + list.key + "\":[")
                let ranges = stride(from: 0, to: list.count, by: Self.chunk).map { $0..<min($0 + Self.chunk, list.count) }
                // Two chunks at a time, one on each core, written in order.
                var first = true
                for pair in stride(from: 0, to: ranges.count, by: 2) {
                    let encode = list.encode
                    let results = Array(ranges[pair..<min(pair + 2, ranges.count)]).concurrentMap { range in Result { try encode(range) } }
                    for result in results {
                        for json in try result.get() {
                            if !first { write(",") }
                            first = false
                            digest.update(data: json)
                        }
                    }
                }
                write("]")
            }
            write("}")
        } catch {
            return ContentHash.sha256Hex(of: Data())
        }
        return ContentHash.hex(digest.finalize())
    }
}
