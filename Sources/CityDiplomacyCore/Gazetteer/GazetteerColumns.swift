/// The places of a gazetteer as columns: numbers in arrays of their own, and every text as a span
/// of one UTF-8 buffer — for the bundled file, the file's own bytes.
///
/// A ``GazetteerEntry`` is made only when one is asked for. Holding 170,391 entries with their
/// 665,869 names as Swift strings and arrays was most of the load's allocations (perf: 14% of an
/// import's samples were the kernel zeroing freshly allocated pages); the columns and the file's
/// bytes take about 30 MB. An import of one row (the load alone) peaked at 223 MB resident with
/// the entries, 146 MB with the columns and ``GazetteerNameIndex``.
///
/// ```swift
/// var columns = GazetteerColumns(text: fileBytes)
/// columns.append(geonameID: 12, latitude: 32.06, longitude: 48.87, country: "IR", admin1: 40..<42,
///                population: 1266, name: 20..<35, persian: nil, alternates: [])
/// let gazetteer = Gazetteer(columns: columns)
/// ```
public struct GazetteerColumns: Sendable {
    /// Where a text lies in ``text``.
    struct Span: Sendable {
        var start: Int32
        var end: Int32

        /// A Persian name the place does not have (not the same as an empty one).
        static let absent = Span(start: -1, end: -1)
        var isAbsent: Bool { start < 0 }
        var range: Range<Int> { Int(start)..<Int(end) }
    }

    /// The UTF-8 text every span points into.
    let text: [UInt8]
    private(set) var geonameIDs: [Int] = []
    private(set) var latitudes: [Double] = []
    private(set) var longitudes: [Double] = []
    private(set) var countries: [CountryCode] = []
    /// Each place's country as a number (``countryKey(_:)``), compared without strings in the
    /// loops of nearest-place searches.
    private(set) var countryKeys: [UInt16] = []
    private(set) var populations: [Int] = []
    /// A place's spans are `spans[firstSpan[place]..<firstSpan[place + 1]]`: its name, its admin1,
    /// its Persian name (``Span/absent`` if none), then its alternate names.
    private(set) var firstSpan: [Int32] = [0]
    private(set) var spans: [Span] = []

    static let nameSpan = 0
    static let admin1Span = 1
    static let persianSpan = 2
    static let firstAlternateSpan = 3

    /// Columns whose texts lie in `text`.
    package init(text: [UInt8], reservingCapacity places: Int = 0) {
        self.text = text
        geonameIDs.reserveCapacity(places)
        latitudes.reserveCapacity(places)
        longitudes.reserveCapacity(places)
        countries.reserveCapacity(places)
        countryKeys.reserveCapacity(places)
        populations.reserveCapacity(places)
        firstSpan.reserveCapacity(places + 1)
        spans.reserveCapacity(places * 6)
    }

    /// Columns holding copies of the entries' texts.
    init(entries: [GazetteerEntry]) {
        var text: [UInt8] = []
        var spans: [[Range<Int>?]] = []
        spans.reserveCapacity(entries.count)
        func add(_ string: String) -> Range<Int> {
            let start = text.count
            text.append(contentsOf: string.utf8)
            return start..<text.count
        }
        for entry in entries {
            spans.append([add(entry.name), add(entry.admin1), entry.persianName.map(add)] + entry.alternateNames.map(add))
        }
        self.init(text: text, reservingCapacity: entries.count)
        for (entry, spans) in zip(entries, spans) {
            append(geonameID: entry.geonameID, latitude: entry.coordinates.latitude, longitude: entry.coordinates.longitude,
                   country: entry.country, admin1: spans[1]!, population: entry.population, name: spans[0]!,
                   persian: spans[2], alternates: spans.dropFirst(3).map { $0! })
        }
    }

    /// The number of places.
    public var count: Int { geonameIDs.count }

    /// A country code as a number: its two ASCII letters, or `UInt16.max` for any other code,
    /// which is then compared as text.
    static func countryKey(_ code: CountryCode) -> UInt16 {
        let bytes = code.rawValue.utf8
        guard bytes.count == 2, let first = bytes.first, let last = bytes.last, first < 0x80, last < 0x80 else { return .max }
        return UInt16(first) << 8 | UInt16(last)
    }

    /// Adds a place whose texts are the given ranges of ``text``. The coordinates must be valid
    /// (see ``Coordinates``): they are not checked again when an entry is made.
    package mutating func append(
        geonameID: Int, latitude: Double, longitude: Double, country: CountryCode, admin1: Range<Int>,
        population: Int, name: Range<Int>, persian: Range<Int>?, alternates: some Sequence<Range<Int>>
    ) {
        geonameIDs.append(geonameID)
        latitudes.append(latitude)
        longitudes.append(longitude)
        countries.append(country)
        countryKeys.append(Self.countryKey(country))
        populations.append(population)
        spans.append(Span(name))
        spans.append(Span(admin1))
        spans.append(persian.map(Span.init) ?? .absent)
        for alternate in alternates { spans.append(Span(alternate)) }
        firstSpan.append(Int32(spans.count))
    }

    /// Adds the places of other columns over the same ``text`` (parts of one file read apart).
    package mutating func append(contentsOf other: GazetteerColumns) {
        precondition(other.text.count == text.count, "columns of different texts")
        geonameIDs += other.geonameIDs
        latitudes += other.latitudes
        longitudes += other.longitudes
        countries += other.countries
        countryKeys += other.countryKeys
        populations += other.populations
        let offset = Int32(spans.count)
        firstSpan += other.firstSpan.dropFirst().map { $0 + offset }
        spans += other.spans
    }

    /// The spans of a place's texts (see ``firstSpan``).
    func spans(of place: Int) -> ArraySlice<Span> {
        spans[Int(firstSpan[place])..<Int(firstSpan[place + 1])]
    }

    func string(_ span: Span) -> String {
        String(decoding: text[span.range], as: UTF8.self)
    }

    /// The place as an entry, its texts decoded from ``text``.
    func entry(at place: Int) -> GazetteerEntry {
        let spans = spans(of: place)
        let first = spans.startIndex
        let persian = spans[first + Self.persianSpan]
        return GazetteerEntry(
            geonameID: geonameIDs[place], name: string(spans[first + Self.nameSpan]),
            // Checked when the place was added.
            coordinates: try! Coordinates(latitude: latitudes[place], longitude: longitudes[place]),
            country: countries[place], admin1: string(spans[first + Self.admin1Span]), population: populations[place],
            persianName: persian.isAbsent ? nil : string(persian),
            alternateNames: spans[(first + Self.firstAlternateSpan)...].map(string))
    }
}

extension GazetteerColumns.Span {
    init(_ range: Range<Int>) {
        self.init(start: Int32(range.lowerBound), end: Int32(range.upperBound))
    }
}
