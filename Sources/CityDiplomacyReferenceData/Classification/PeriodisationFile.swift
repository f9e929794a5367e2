import CityDiplomacyCore
import Foundation

/// Reads a periodisation file (`citydiplomacy-periodisation/1`, YAML; see `Docs/scheme-format.md`).
///
/// Periods must be in order of their start days; only the first may have no start.
public enum PeriodisationFile {
    static let formatIdentifier = "citydiplomacy-periodisation/1"

    struct Document: Decodable {
        var format: String
        var id: String
        var title: LocalizedText
        var source: TextInBothLanguages
        var end: PartialDate?
        var periods: [PeriodEntry]

        enum CodingKeys: String, CodingKey, CaseIterable { case format, id, title, source, end, periods }

        struct PeriodEntry: Decodable {
            var id: String
            var start: PartialDate?
            var label: LocalizedText
            var headOfGovernment: LocalizedText?
            var name: LocalizedText?

            enum CodingKeys: String, CodingKey, CaseIterable {
                case id, start, label, name
                case headOfGovernment = "head_of_government"
            }
        }

        static let allowedKeys: [String: Set<String>] = [
            "": Set(CodingKeys.allCases.map(\.rawValue)),
            "periods": Set(PeriodEntry.CodingKeys.allCases.map(\.rawValue)),
        ]
    }

    public static func load(contentsOf url: URL) throws(DataFileError) -> Periodisation {
        try load(data: YAMLDocumentReader.read(contentsOf: url), fileName: url.lastPathComponent)
    }

    public static func load(data: Data, fileName: String) throws(DataFileError) -> Periodisation {
        let reader = try YAMLDocumentReader(data: data, fileName: fileName, expecting: "a periodisation")
        try reader.rejectUnknownKeys(allowed: Document.allowedKeys, localizedFields: ["title", "label", "head_of_government", "name", "source"])
        let document = try reader.decode(Document.self)
        guard document.format == formatIdentifier else {
            throw reader.error(at: [.key("format")], value: document.format, problem: "is not a format this version reads: expected \(formatIdentifier)")
        }
        guard !document.periods.isEmpty else {
            throw reader.error(at: [.key("periods")], value: nil, problem: "is empty: expected at least one period")
        }
        var periods: [Periodisation.Period] = []
        var previousStart: GregorianDay?
        for (index, entry) in document.periods.enumerated() {
            let path: [PathComponent] = [.key("periods"), .index(index)]
            var start: GregorianDay?
            if let date = entry.start {
                guard date.precision == .day else {
                    throw reader.error(at: path + [.key("start")], value: date.description, problem: "expected a day (YYYY-MM-DD): a period starts on the day a government took office")
                }
                start = date.gregorianDays.lowerBound
            } else if index > 0 {
                throw reader.error(at: path + [.key("start")], value: nil, problem: "is missing: only the first period may be open at its start")
            }
            if let start, let previousStart, start <= previousStart {
                throw reader.error(at: path + [.key("start")], value: entry.start?.description, problem: "is not after the previous period's start: periods must be in order")
            }
            guard !periods.contains(where: { $0.id == entry.id }) else {
                throw reader.error(at: path + [.key("id")], value: entry.id, problem: "is used by an earlier period: ids must be unique")
            }
            previousStart = start
            periods.append(Periodisation.Period(id: entry.id, label: entry.label, start: start, headOfGovernment: entry.headOfGovernment, name: entry.name))
        }
        return Periodisation(
            id: document.id, title: document.title, sourceNote: LocalizedText(en: document.source.en, fa: document.source.fa), periods: periods,
            end: document.end?.gregorianDays.lowerBound)
    }
}
