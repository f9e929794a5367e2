@testable import CityDiplomacyApplication
@testable import CityDiplomacyImport
import CityDiplomacyPresentation
import Foundation
import Testing

@Suite("A quality report's places and names give their JSON themselves, as the encoder would make it")
struct QualityViewJSONTests {
    /// Encodes `value` through its `encode(to:)`, the encoder's containers, as every value was
    /// before it could give its JSON itself: the wrapper is no leaf, and hands the encoder on.
    struct ThroughContainers<Value: Encodable & Sendable>: Encodable, Sendable {
        var value: Value
        func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
    }

    /// Texts that JSON escapes or that a writer could get wrong: quotes, backslashes, slashes,
    /// control characters, Persian with a ZWNJ, combining accents, an emoji, the empty text.
    static let texts = ["Tehran", "", "Say \"hi\"", #"back\slash"#, "a/b", "tab\tnew\nline\r", "bell\u{07}esc\u{1B}",
                        "می‌خواهم", "Cafe\u{301}", "🇮🇷 flag", "\u{2028}\u{202E}rtl"]

    static var places: [ImportQualityReport.PlaceNote] {
        var places: [ImportQualityReport.PlaceNote] = []
        let statuses: [ImportQualityReport.PlaceNote.Status] = [.resolved, .partResolved, .part, .ambiguous, .unresolved]
        let kilometres: [Double?] = [nil, 0, 0.4, 3.25, 1e-7, 12_345.678, .infinity, .nan, -0.0]
        for (index, text) in texts.enumerated() {
            for (step, distance) in kilometres.enumerated() {
                let odd = (index + step) % 2 == 1
                places.append(.init(
                    name: text, country: odd ? nil : texts[(index + 3) % texts.count], city: "ds:\(index)-\(step)",
                    status: statuses[(index + step) % statuses.count], geonamesID: odd ? nil : index * 1000 + step,
                    matched: step % 3 == 0 ? nil : texts[(index + step) % texts.count], kilometres: distance,
                    partOf: odd ? "ds:\(text)" : nil, reason: texts[(index + 1) % texts.count],
                    candidates: Array(texts.prefix(step % 4))))
            }
        }
        return places
    }

    static var names: [ImportQualityReport.NameNote] {
        texts.indices.map { index in
            .init(name: texts[index], country: index % 2 == 0 ? nil : texts[(index + 5) % texts.count], occurrences: index * 7,
                  lines: Array(stride(from: 2, to: 2 + 3 * (index % 5), by: 3)), reason: texts[(index + 2) % texts.count],
                  candidates: Array(texts.suffix(index % 3)))
        }
    }

    /// `value`'s JSON value against its encoding through the containers: in a list, compact
    /// and pretty (a value encoded whole, as the root, encodes itself), and as values.
    func expectSameAsContainers(_ value: some JSONValueRepresentable & Sendable, _ note: some Any) throws {
        for pretty in [false, true] {
            let given = try OrderedJSONEncoder().text(of: [value], pretty: pretty)
            let encoded = try OrderedJSONEncoder().text(of: [ThroughContainers(value: value)], pretty: pretty)
            #expect(given == encoded, "\(note)")
        }
        #expect(try OrderedJSONEncoder().encode(ThroughContainers(value: value)) == value.jsonValue, "\(note)")
    }

    @Test("A place's JSON value is what its encode(to:) gives, text for text, compact and pretty")
    func places() throws {
        for note in Self.places { try expectSameAsContainers(ImportQualityView.Place(note), note) }
    }

    @Test("A name's JSON value is what its encode(to:) gives")
    func names() throws {
        for note in Self.names { try expectSameAsContainers(ImportQualityView.Name(note), note) }
    }

    @Test("A whole report written with the values given equals it written through containers")
    func wholeReport() throws {
        var report = try JSONDecoder().decode(ImportQualityReport.self, from: Data(QualityViewTests.stored.utf8))
        report.places = Self.places
        report.unresolvedNames = Self.names
        report.uncertainNames = Self.names.reversed()
        let view = ImportQualityView(report, places: PlaceSelection())
        #expect(view.places.items.count == Self.places.count)
        // The same view, each place and name through the containers.
        struct Plain: Encodable {
            var view: ImportQualityView
            enum CodingKeys: String, CodingKey { case places, unresolvedNames = "unresolved_names", uncertainNames = "uncertain_names" }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(view.unresolvedNames.map { ThroughContainers(value: $0) }, forKey: .unresolvedNames)
                try container.encode(view.uncertainNames.map { ThroughContainers(value: $0) }, forKey: .uncertainNames)
                try container.encode(PageView(total: view.places.total, limit: view.places.limit, offset: view.places.offset,
                                              items: view.places.items.map { ThroughContainers(value: $0) }), forKey: .places)
            }
        }
        let given = try OrderedJSONEncoder().encode(view)
        guard case let .object(fields) = given else { Issue.record("not an object"); return }
        let lists = try OrderedJSONEncoder().encode(Plain(view: view))
        guard case let .object(plain) = lists else { Issue.record("not an object"); return }
        for (key, value) in plain {
            let mine = try #require(fields.first { $0.0 == key }?.1, "\(key)")
            #expect(mine.serialized(pretty: true, indent: 1) == value.serialized(pretty: true, indent: 1), "\(key)")
        }
        #expect(try OrderedJSONEncoder().text(of: view, pretty: true) == given.serialized(pretty: true))
    }
}
