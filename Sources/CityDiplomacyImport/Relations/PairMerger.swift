import CityDiplomacyCore
import Foundation

/// The rows of an import merged into relations: one per pair of cities (in either order) and
/// kind, keeping every row it was read from and every source the rows cite; self-pairs and
/// domestic pairs flagged and counted.
struct PairMerger {
    /// A relation of the file is one pair of cities (in either order) and a kind, here by their
    /// numbers (``End/city``, ``kindNumber(_:)``): keyed by the cities' ids and the kind's name,
    /// hashing three strings a row was a fifth of the merging of a 1,000,000-row file (perf).
    private struct PairKey: Hashable {
        var low: Int32
        var high: Int32
        var kind: Int32

        init(_ city1: Int32, _ city2: Int32, kind: Int32) {
            (low, high) = city1 < city2 ? (city1, city2) : (city2, city1)
            self.kind = kind
        }
    }

    /// What merging needs of a place a row names, the same for every row that names it: made once
    /// per distinct place (``ends(of:cities:)``) rather than copying its whole resolution on each row.
    struct End {
        var cityID: String
        /// The city's number: the same for every place that became the same city.
        var city: Int32
        var country: CountryCode
        var isPlaced: Bool
        /// The city is a district of another (a relation of it may duplicate one of its city).
        var isDistrict: Bool
    }

    /// The end of each resolved place, by its number: its city numbered by its position among
    /// `cities`, which ``ImportedCities`` told each mention.
    static func ends(of mentions: [RelationImporter.ResolvedMention], cities: [City]) -> [End] {
        // Each mention read where it lies: `map` over the array copied each (its place, its
        // resolution's candidates, retained and released), a tenth of a second of a
        // 1,000,000-row import on the core that merges the rows after (perf).
        mentions.withUnsafeBufferPointer { mentions in
            cities.withUnsafeBufferPointer { cities in
                mentions.indices.map { index in
                    let number = mentions[index].cityNumber
                    precondition(cities.indices.contains(Int(number)), "every mention's city is among the cities")
                    return End(cityID: mentions[index].cityID, city: number, country: mentions[index].country, isPlaced: mentions[index].isPlaced,
                               isDistrict: cities[Int(number)].partOf != nil)
                }
            }
        }
    }

    private let datasetID: String
    /// The file itself, the first source of every relation.
    private let fileSource: SourceCitation
    private var relationIndex: [PairKey: Int] = [:]
    private(set) var relations: [BilateralRelation] = []
    /// The relations that have a district at an end, in their order: ``districtAndCityPairs(cities:)`` reads these.
    private var districtRelations: [Int] = []
    /// The kinds named so far, their numbers their positions: a file names one or a few.
    private var kinds: [String] = []
    private(set) var sources: [String: SourceCitation] = [:]
    private(set) var sourceOrder: [String] = []
    /// The source id of each source text a row gives.
    private var sourceIDs: [String: String] = [:]
    /// The sources of a row, one array for all the rows that cite the same (the file alone, or the
    /// file and one text), which the relations then share rather than each holding a copy: an
    /// array of its own for each of the 980,000 relations of the 1,000,000-row synthetic file
    /// was a quarter of a gigabyte.
    private var fileOnly: [SourceCitation] = []
    private var withText: [String: [SourceCitation]] = [:]
    private(set) var duplicatesMerged = 0
    private(set) var selfPairs: [ImportQualityReport.PairNote] = []
    private(set) var domesticPairs = 0
    private(set) var domesticByCountry: [String: Int] = [:]

    init(facts: RelationImporter.FileFacts) {
        datasetID = facts.datasetID
        relations.reserveCapacity(facts.rowsRead)
        relationIndex.reserveCapacity(facts.rowsRead)
        fileSource = SourceCitation(
            id: "\(facts.datasetID):file", title: facts.fileName, publisher: nil, language: nil,
            locator: "imported by citydip (\(facts.format.rawValue)); SHA-256 \(facts.contentHash.prefix(16))…")
        sources[fileSource.id] = fileSource
        sourceOrder = [fileSource.id]
        fileOnly = [fileSource]
    }

    /// Adds a row: a new relation, or one more row of the relation its pair already has; its
    /// places are `ends[end1]` and `ends[end2]`. The row and its ends are read where they lie:
    /// passed as values, each row was copied (a dozen strings retained and released), and each
    /// end (its city's id retained and released, twice a row).
    mutating func add(_ records: UnsafeBufferPointer<ImportRecord>, at index: Int, _ ends: UnsafeBufferPointer<End>, _ end1: Int, _ end2: Int, coordinatesDisagree: Bool) {
        let record = Row(records: records, index: index)
        let recordSources = sources(of: record)
        let pairKey = PairKey(ends[end1].city, ends[end2].city, kind: kindNumber(record.kind.rawValue))
        if let existing = relationIndex[pairKey] {
            merge(record, into: existing, sources: recordSources, coordinatesDisagree: coordinatesDisagree)
            return
        }
        let (id1, id2) = (ends[end1].cityID, ends[end2].cityID)
        if ends[end1].isDistrict || ends[end2].isDistrict { districtRelations.append(relations.count) }
        var flags: [RelationFlag] = []
        if id1 == id2 {
            flags.append(.selfPair)
            selfPairs.append(.init(line: record.line, city1: record.city1.name, city2: record.city2.name))
        } else if ends[end1].country == ends[end2].country, ends[end1].country.rawValue != "ZZ" {
            flags.append(.domestic)
            domesticPairs += 1
            domesticByCountry[ends[end1].country.rawValue, default: 0] += 1
        }
        if !ends[end1].isPlaced || !ends[end2].isPlaced { flags.append(.unresolvedCity) }
        if coordinatesDisagree { flags.append(.coordinatesDisagree) }
        relationIndex[pairKey] = relations.count
        // Its id is written once every row is merged (``writeIDs()``).
        relations.append(BilateralRelation(
            id: "", datasetID: datasetID, cityID: id1, partnerID: id2, kind: record.kind, signed: record.date,
            sources: recordSources, position: relations.count, flags: flags, importRows: [record.line]))
    }

    /// Writes each relation's id, of its dataset, cities and kind, on every core. Rows are merged
    /// on one core while the other checks them for the quality report, which ends first: written
    /// row by row in ``add(_:at:_:_:coordinatesDisagree:)``, the ids were a part of the seconds a
    /// 1,000,000-row import spent on one core (perf, 2026-12-02).
    mutating func writeIDs() {
        let ids = Self.ids(of: relations, datasetID: datasetID)
        for (index, id) in ids.enumerated() { relations[index].id = id }
    }

    /// The ids, read by a copy of the array that ends as this returns, before ``writeIDs()``
    /// writes them, which then copies none of the relations.
    private static func ids(of relations: [BilateralRelation], datasetID: String) -> [String] {
        let prefix = datasetID.count + 1
        let byBytes = ByteID(datasetID: datasetID)
        // Each relation read where it lies, its ids' bytes where the strings keep them: copied
        // out of the array, the ids of a city's relations, one string shared by them all, were
        // retained and released from both cores at once (perf, 2026-12-04).
        return Array(relations.indices).concurrentMap { index in
            relations.withUnsafeBufferPointer { relations in
                byBytes?.id(relations[index].cityID, relations[index].partnerID, relations[index].kind.rawValue)
                    ?? "\(datasetID):\(relations[index].cityID.dropFirst(prefix))/\(relations[index].partnerID.dropFirst(prefix))/\(relations[index].kind.rawValue)"
            }
        }
    }

    /// A relation's id written byte by byte, where that is the same string as the id's
    /// interpolation (`dataset:city/partner/kind`, each city without its first `dataset:`
    /// characters): interpolated, dropping the prefix a character at a time and growing the
    /// string piece by piece, the ids of a 1,000,000-row file took 1.4 s of CPU (perf,
    /// 2026-12-02); written so, a third to two fifths of that.
    ///
    /// It is the same where the dataset id is ASCII without a carriage return, both cities' ids
    /// begin with the dataset's id and a colon, and the byte after that colon is ASCII (or there
    /// is none): every byte of that prefix is then a character of its own (a character of more
    /// than one byte holds a byte beyond ASCII, or is a carriage return and line feed), and so
    /// is the colon, which a following ASCII byte cannot join. Dropping the prefix's characters
    /// drops its bytes. Anything else is interpolated as before.
    struct ByteID {
        private let prefix: [UInt8]

        init?(datasetID: String) {
            prefix = Array(datasetID.utf8) + [UInt8(ascii: ":")]
            guard prefix.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return nil }
        }

        func id(_ city: String, _ partner: String, _ kind: String) -> String? {
            // Native strings lend their bytes where they lie; others are copied first.
            let lent = city.utf8.withContiguousStorageIfAvailable { city in
                partner.utf8.withContiguousStorageIfAvailable { partner in
                    kind.utf8.withContiguousStorageIfAvailable { kind in id(city, partner, kind) }
                }
            }
            if case let .some(.some(.some(id))) = lent { return id }
            var (city, partner, kind) = (city, partner, kind)
            return city.withUTF8 { city in partner.withUTF8 { partner in kind.withUTF8 { kind in id(city, partner, kind) } } }
        }

        private func id(_ city: UnsafeBufferPointer<UInt8>, _ partner: UnsafeBufferPointer<UInt8>, _ kind: UnsafeBufferPointer<UInt8>) -> String? {
            guard startsWithPrefix(city), startsWithPrefix(partner) else { return nil }
            let partnerRest = UnsafeBufferPointer(rebasing: partner[prefix.count...])
            let count = city.count + 1 + partnerRest.count + 1 + kind.count
            return String(unsafeUninitializedCapacity: count) { (bytes: UnsafeMutableBufferPointer<UInt8>) -> Int in
                var end = bytes.initialize(fromContentsOf: city)
                bytes[end] = UInt8(ascii: "/")
                end = bytes[(end + 1)...].initialize(fromContentsOf: partnerRest)
                bytes[end] = UInt8(ascii: "/")
                end = bytes[(end + 1)...].initialize(fromContentsOf: kind)
                return end
            }
        }

        private func startsWithPrefix(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
            guard id.count >= prefix.count, id.prefix(prefix.count).elementsEqual(prefix) else { return false }
            return id.count == prefix.count || id[prefix.count] < 0x80
        }
    }

    private mutating func kindNumber(_ kind: String) -> Int32 {
        if let known = kinds.firstIndex(of: kind) { return Int32(known) }
        kinds.append(kind)
        return Int32(kinds.count - 1)
    }

    /// The fields of a row that merging reads, each read where the row lies.
    private struct Row {
        let records: UnsafeBufferPointer<ImportRecord>
        let index: Int

        var kind: RelationKind { records[index].kind }
        var line: Int { records[index].line }
        var date: PartialDate? { records[index].date }
        var source: String? { records[index].source }
        var city1: PlaceMention { records[index].city1 }
        var city2: PlaceMention { records[index].city2 }
    }

    /// A row of a pair already seen adds its line, its sources and, if the relation has none, its date.
    private mutating func merge(_ record: Row, into index: Int, sources recordSources: [SourceCitation], coordinatesDisagree: Bool) {
        duplicatesMerged += 1
        relations[index].importRows.append(record.line)
        if coordinatesDisagree, !relations[index].flags.contains(.coordinatesDisagree) {
            relations[index].flags.append(.coordinatesDisagree)
        }
        if relations[index].signed == nil { relations[index].signed = record.date }
        for source in recordSources where !relations[index].sources.contains(source) {
            relations[index].sources.append(source)
        }
    }

    /// The file, and the source the row gives if any: one source per distinct text, its id a hash
    /// of the text so that it is the same from run to run.
    private mutating func sources(of record: Row) -> [SourceCitation] {
        guard let text = record.source else { return fileOnly }
        if let shared = withText[text] { return shared }
        let sourceID: String
        if let known = sourceIDs[text] {
            sourceID = known
        } else {
            sourceID = "\(datasetID):source-\(ContentHash.sha256Hex(of: Data(text.utf8)).prefix(16))"
            sourceIDs[text] = sourceID
        }
        if sources[sourceID] == nil {
            sources[sourceID] = SourceCitation(id: sourceID, title: text, url: text.hasPrefix("http") ? text : nil)
            sourceOrder.append(sourceID)
        }
        let cited = [fileSource, sources[sourceID]!]
        withText[text] = cited
        return cited
    }

    /// Relations of a district whose partner also has one with the district's city, of the same
    /// kind (Savonlinna–Budavár (Budapest) and Savonlinna–Budapest): often one partnership that one
    /// page names by the district and another by the city. Both are kept, and counted as one when
    /// an analysis counts districts with their cities.
    func districtAndCityPairs(cities: ImportedCities) -> [ImportQualityReport.DistrictPairNote] {
        func named(_ id: String) -> City? { cities.positions[id].map { cities.all[Int($0)] } }
        var notes: [ImportQualityReport.DistrictPairNote] = []
        for relationIndex in districtRelations {
            let relation = relations[relationIndex]
            for (district, partner) in [(relation.cityID, relation.partnerID), (relation.partnerID, relation.cityID)] {
                guard let city = named(district)?.partOf, city != partner,
                      let cityNumber = cities.positions[city], let partnerNumber = cities.positions[partner],
                      let kind = kinds.firstIndex(of: relation.kind.rawValue),
                      let index = self.relationIndex[PairKey(cityNumber, partnerNumber, kind: Int32(kind))]
                else { continue }
                notes.append(.init(
                    line: relation.importRows.first ?? 0, partner: named(partner)?.name.en ?? partner,
                    district: named(district)?.name.en ?? district, city: named(city)?.name.en ?? city,
                    cityLine: relations[index].importRows.first ?? 0))
            }
        }
        return notes
    }
}
