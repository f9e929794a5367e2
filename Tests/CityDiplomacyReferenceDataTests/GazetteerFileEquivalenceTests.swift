@testable import CityDiplomacyCore
@testable import CityDiplomacyReferenceData
import Foundation
import Testing

/// The bundled gazetteer, read by the compact reader, against what the former reader and index
/// made of the same file: every place, every number and every search key.
@Suite("The bundled gazetteer reads and finds as it did before it was made compact")
struct GazetteerFileEquivalenceTests {
    /// The former reader: every line's fields decoded as strings, numbers read by `Int(String)`
    /// and `Double(String)`.
    static func formerEntries(_ bytes: [UInt8]) -> [GazetteerEntry] {
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var lines: [Range<Int>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(start..<offset)
            start = offset + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        let header = lines.firstIndex { !$0.isEmpty && bytes[$0.lowerBound] != UInt8(ascii: "#") }!
        return lines[(header + 1)...].compactMap { line -> GazetteerEntry? in
            guard !line.isEmpty, bytes[line.lowerBound] != UInt8(ascii: "#") else { return nil }
            var fields: [Range<Int>] = []
            var start = line.lowerBound
            for offset in line where bytes[offset] == UInt8(ascii: "\t") {
                fields.append(start..<offset)
                start = offset + 1
            }
            fields.append(start..<line.upperBound)
            var alternates: [String] = []
            var nameStart = fields[8].lowerBound
            for offset in fields[8] where bytes[offset] == UInt8(ascii: "|") {
                if offset > nameStart { alternates.append(text(nameStart..<offset)) }
                nameStart = offset + 1
            }
            if fields[8].upperBound > nameStart { alternates.append(text(nameStart..<fields[8].upperBound)) }
            return GazetteerEntry(
                geonameID: Int(text(fields[0]))!, name: text(fields[1]),
                coordinates: try! Coordinates(latitude: Double(text(fields[2]))!, longitude: Double(text(fields[3]))!),
                country: CountryCode(unchecked: text(fields[4])), admin1: text(fields[5]),
                population: Int(text(fields[6])) ?? 0, persianName: fields[7].isEmpty ? nil : text(fields[7]),
                alternateNames: alternates)
        }
    }

    static let bytes = Array(try! Data(contentsOf: BundledResource.url(named: "places1000.tsv", in: "gazetteer")))
    static let former = formerEntries(bytes)

    @Test("Every place of the bundled file comes out as the former reader read it")
    func samePlaces() throws {
        let gazetteer = try Gazetteer.bundled()
        #expect(gazetteer.entries.count == Self.former.count)
        var differences = 0
        for (entry, formerEntry) in zip(gazetteer.entries, Self.former) where entry != formerEntry {
            differences += 1
            if differences <= 5 { Issue.record("\(entry) is not \(formerEntry)") }
        }
        #expect(differences == 0)
    }

    @Test("Every search key of the bundled file (637,000 of them) finds the places the former index found")
    func sameKeys() throws {
        let gazetteer = try Gazetteer.bundled()
        let former = Self.former.concurrentMap { entry in
            var names: Set<String> = [PersianText.searchKey(entry.name)]
            if let persian = entry.persianName { names.insert(PersianText.searchKey(persian)) }
            for name in entry.alternateNames { names.insert(PersianText.searchKey(name)) }
            return names.filter { !$0.isEmpty }
        }
        var byKey: [String: [Int32]] = [:]
        for (position, keys) in former.enumerated() {
            for key in keys { byKey[key, default: []].append(Int32(position)) }
        }
        #expect(gazetteer.names.keyCount == byKey.count)
        var differences = 0
        for (key, places) in byKey where Array(gazetteer.names.places(key: key)) != places {
            differences += 1
            if differences <= 5 { Issue.record("'\(key)': \(Array(gazetteer.names.places(key: key))), formerly \(places)") }
        }
        #expect(differences == 0)
    }

    @Test("Numbers read from bytes are what Int(String) and Double(String) read", arguments: [
        "", "-", "+", ".", "1.", ".5", "-.5", "0", "-0", "-0.0", "+1", "+1.5", "007", "1e5", "1E-3", "nan", "inf", "-inf",
        "0x1p3", " 1", "1 ", "1,5", "1.2.3", "--1", "١٢", "123456789012345678", "1234567890123456789", "99999999999999999999",
        "0.1", "-33.98", "51.4300", "89.99999", "-179.999999", "123456789.123456", "1234567.12345678", "0.000000000000001",
        "12345678901234.5", "4.35", "-0.0001", "180.0000000",
    ])
    func numbers(text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { bytes in
            #expect(GazetteerNumber.integer(bytes, 0..<bytes.count) == Int(text))
            let double = GazetteerNumber.double(bytes, 0..<bytes.count)
            let expected = Double(text)
            #expect(double?.bitPattern == expected?.bitPattern || (double?.isNaN == true && expected?.isNaN == true), "\(text)")
        }
    }

    @Test("Random coordinates as the file writes them read as Double(String) reads them")
    func randomDoubles() {
        var state: UInt64 = 42
        for _ in 0..<200_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let digits = Int(state >> 59) % 16
            let value = Double(Int64(bitPattern: state) >> 20) / 1e10
            let text = String(format: "%.\(digits)f", value)
            let parsed = Array(text.utf8).withUnsafeBufferPointer { GazetteerNumber.double($0, 0..<$0.count) }
            #expect(parsed?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }
}
