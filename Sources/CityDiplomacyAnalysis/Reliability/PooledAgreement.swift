import CityDiplomacyCore

/// Agreement of coders over several documents at once: the units of every document one after
/// another, each coder's marks where they coded the document and missing (`nil`) where they did
/// not — so that a coder who never read a document neither agrees nor disagrees there.
/// Krippendorff's alpha takes missing values; Cohen's kappa is given only where the same two
/// coders coded every document.
///
/// ```swift
/// let pooled = PooledAgreement.measure([
///     .init(id: "mou", length: 120, units: .characters, spans: spans, coders: ["ali", "sara"]),
///     .init(id: "news", length: 300, units: .characters, spans: more, coders: ["ali", "sara", "reza"]),
/// ])
/// pooled.overall.alpha
/// ```
public enum PooledAgreement {
    /// One document: its length, how it is cut into units, what was coded, and who coded it.
    public struct Document: Sendable {
        public var id: String
        public var length: Int
        public var units: UnitisedAgreement.Units
        public var spans: [UnitisedAgreement.CodedSpan]
        /// Who coded the document, including a coder who marked nothing in it.
        public var coders: [String]

        public init(id: String, length: Int, units: UnitisedAgreement.Units, spans: [UnitisedAgreement.CodedSpan], coders: [String]) {
            self.id = id
            self.length = length
            self.units = units
            self.spans = spans
            self.coders = coders
        }
    }

    public struct Result: Hashable, Sendable {
        public var coders: [String]
        public var themes: [String: UnitisedAgreement.Coefficients]
        public var overall: UnitisedAgreement.Coefficients
    }

    public static func measure(_ documents: [Document], themes given: [String]? = nil) -> Result {
        let coders = Set(documents.flatMap { $0.coders + $0.spans.map(\.coder) }).sortedInNFCOrder()
        let themes = given ?? Set(documents.flatMap { $0.spans.map(\.theme) }).sortedInNFCOrder()
        // rows[theme][coder] = the coder's mark of every unit of every document, nil where they did not code it.
        var rows: [String: [[Bool?]]] = Dictionary(uniqueKeysWithValues: themes.map { ($0, Array(repeating: [Bool?](), count: coders.count)) })
        for document in documents {
            let ranges = UnitisedAgreement(length: document.length, units: document.units).unitRanges
            let present = Set(document.coders + document.spans.map(\.coder))
            for theme in themes {
                for (index, coder) in coders.enumerated() {
                    guard present.contains(coder) else {
                        rows[theme]?[index] += Array(repeating: nil, count: ranges.count)
                        continue
                    }
                    rows[theme]?[index] += UnitisedAgreement.marks(document.spans.filter { $0.coder == coder && $0.theme == theme }.map(\.range), over: ranges)
                }
            }
        }
        let everyoneEverywhere = documents.allSatisfy { Set($0.coders + $0.spans.map(\.coder)) == Set(coders) }
        func coefficients(_ marks: [[Bool?]]) -> UnitisedAgreement.Coefficients {
            let count = marks.first?.count ?? 0
            var pairable = 0, agreeing = 0
            for unit in 0..<count {
                let values = marks.compactMap { $0[unit] }
                guard values.count >= 2 else { continue }
                pairable += 1
                if Set(values).count == 1 { agreeing += 1 }
            }
            let kappa: Double? = coders.count == 2 && everyoneEverywhere
                ? AgreementCoefficients.cohensKappa(marks[0].map { $0 ?? false }, marks[1].map { $0 ?? false }) : nil
            return UnitisedAgreement.Coefficients(
                kappa: kappa, alpha: AgreementCoefficients.krippendorffsAlpha(marks),
                percentAgreement: pairable == 0 ? 1 : Double(agreeing) / Double(pairable), units: pairable)
        }
        var perTheme: [String: UnitisedAgreement.Coefficients] = [:]
        for theme in themes { perTheme[theme] = coefficients(rows[theme] ?? []) }
        let overall = coders.indices.map { coder in themes.flatMap { rows[$0]?[coder] ?? [] } }
        return Result(coders: coders, themes: perTheme, overall: coefficients(overall))
    }
}

extension UnitisedAgreement {
    /// A text's sentences as scalar offsets covering it: each ends after `.`, `!`, `?`, the
    /// Arabic question mark or full stop, or a line break, with the spaces after it; the text's
    /// last stretch is a sentence too.
    public static func sentences(of text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0, offset = 0
        var ended = false
        func ends(_ scalar: Unicode.Scalar) -> Bool { [0x2E, 0x21, 0x3F, 0x061F, 0x06D4, 0x0A].contains(scalar.value) }
        for scalar in text.unicodeScalars {
            // A run of marks ("?!") ends one sentence; the next starts at the first other letter.
            if ended, !scalar.properties.isWhitespace, !ends(scalar) {
                ranges.append(start..<offset)
                start = offset
                ended = false
            }
            if ends(scalar) { ended = true }
            offset += 1
        }
        if offset > start { ranges.append(start..<offset) }
        return ranges
    }
}
