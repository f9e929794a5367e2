import CityDiplomacyCore

/// Agreement of coders who marked passages of one text with themes: the text is cut into units —
/// its characters, or its sentences — and each unit is, for each coder and theme, inside a passage
/// the coder gave that theme or not. Per theme, that is binary data for every coder over the same
/// units, and Cohen's kappa (two coders) and Krippendorff's alpha (any number) follow; overall,
/// every (unit, theme) pair is one item.
///
/// A sentence counts as coded when any of its characters is. Where coders disagree, the runs of
/// units they disagree on are listed with who marked them, for the coders to resolve.
///
/// ```swift
/// let coded = [CodedSpan(coder: "ali", theme: "culture", range: 0..<40),
///              CodedSpan(coder: "sara", theme: "culture", range: 10..<40)]
/// let result = UnitisedAgreement(length: 100, units: .characters).measure(coded)
/// result.themes["culture"]?.alpha   // alpha over 100 characters, two coders
/// ```
public struct UnitisedAgreement: Sendable {
    /// What a unit of the text is.
    public enum Units: Hashable, Sendable {
        case characters
        /// The sentences, as ranges of character offsets covering the text.
        case sentences([Range<Int>])

        public var name: String {
            switch self {
            case .characters: "character"
            case .sentences: "sentence"
            }
        }
    }

    /// One passage one coder marked with one theme.
    public struct CodedSpan: Hashable, Sendable {
        public var coder: String
        public var theme: String
        public var range: Range<Int>

        public init(coder: String, theme: String, range: Range<Int>) {
            self.coder = coder
            self.theme = theme
            self.range = range
        }
    }

    /// The coefficients for one theme, or for all of them together.
    public struct Coefficients: Hashable, Sendable {
        /// Cohen's kappa, with exactly two coders; else `nil`.
        public var kappa: Double?
        public var alpha: Double?
        /// Units on which every coder agrees, as a share of all units.
        public var percentAgreement: Double
        public var units: Int
    }

    /// A run of consecutive units that the coders marked differently for a theme.
    public struct Disagreement: Hashable, Sendable {
        public var theme: String
        /// Character offsets of the run (whole sentences when units are sentences).
        public var range: Range<Int>
        /// The coders who marked it with the theme; the others did not.
        public var markedBy: [String]

        public init(theme: String, range: Range<Int>, markedBy: [String]) {
            self.theme = theme
            self.range = range
            self.markedBy = markedBy
        }
    }

    public struct Result: Hashable, Sendable {
        public var coders: [String]
        public var units: Units
        public var themes: [String: Coefficients]
        public var overall: Coefficients
        public var disagreements: [Disagreement]
    }

    public var length: Int
    public var units: Units

    public init(length: Int, units: Units) {
        self.length = length
        self.units = units
    }

    /// The unit ranges in character offsets.
    var unitRanges: [Range<Int>] {
        switch units {
        case .characters: (0..<length).map { $0..<($0 + 1) }
        case let .sentences(ranges): ranges
        }
    }

    /// Which of `units` (in text order, each after the last) any of `spans` overlaps: for each
    /// span, the first unit it reaches by binary search and the units up to its end — the
    /// passages' length, not the text's times the passages'.
    static func marks(_ spans: [Range<Int>], over units: [Range<Int>]) -> [Bool] {
        var result = [Bool](repeating: false, count: units.count)
        for span in spans where !span.isEmpty {
            var low = 0, high = units.count
            while low < high {
                let middle = (low + high) / 2
                if units[middle].upperBound <= span.lowerBound { low = middle + 1 } else { high = middle }
            }
            var index = low
            while index < units.count, units[index].lowerBound < span.upperBound {
                if units[index].overlaps(span) { result[index] = true }
                index += 1
            }
        }
        return result
    }

    /// Measures the coders' agreement. `coders` are those who coded the text, including any who
    /// found no theme in it and so marked nothing (without them, such a coder's disagreement
    /// would vanish); those who marked a passage are added. Where a coder marked nothing, they
    /// found no theme there (not a missing value).
    public func measure(_ spans: [CodedSpan], coders named: [String] = []) -> Result {
        let coders = Set(spans.map(\.coder)).union(named).sortedInNFCOrder()
        let themes = Set(spans.map(\.theme)).sortedInNFCOrder()
        let ranges = unitRanges
        // marks[theme][coder][unit]
        var marks: [String: [[Bool]]] = [:]
        for theme in themes {
            marks[theme] = coders.map { coder in
                Self.marks(spans.filter { $0.coder == coder && $0.theme == theme }.map(\.range), over: ranges)
            }
        }
        func coefficients(_ rows: [[Bool]]) -> Coefficients {
            let unitCount = rows.first?.count ?? 0
            let agreeing = (0..<unitCount).filter { unit in Set(rows.map { $0[unit] }).count == 1 }.count
            return Coefficients(
                kappa: rows.count == 2 ? AgreementCoefficients.cohensKappa(rows[0], rows[1]) : nil,
                alpha: AgreementCoefficients.krippendorffsAlpha(rows.map { $0.map(Optional.some) }),
                percentAgreement: unitCount == 0 ? 1 : Double(agreeing) / Double(unitCount),
                units: unitCount)
        }
        var perTheme: [String: Coefficients] = [:]
        var disagreements: [Disagreement] = []
        for theme in themes {
            let rows = marks[theme] ?? []
            perTheme[theme] = coefficients(rows)
            var start: Int?
            var markedBy: [String] = []
            func close(at end: Int) {
                if let first = start { disagreements.append(Disagreement(theme: theme, range: ranges[first].lowerBound..<ranges[end - 1].upperBound, markedBy: markedBy)) }
                start = nil
            }
            for unit in ranges.indices {
                let who = coders.indices.filter { rows[$0][unit] }.map { coders[$0] }
                let disagree = !who.isEmpty && who.count < coders.count
                if disagree, start != nil, who != markedBy { close(at: unit) }
                if disagree, start == nil { start = unit; markedBy = who }
                if !disagree { close(at: unit) }
            }
            close(at: ranges.count)
        }
        // Overall: each (unit, theme) an item, themes one after another.
        let overallRows = coders.indices.map { coder in themes.flatMap { marks[$0]?[coder] ?? [] } }
        return Result(coders: coders, units: units, themes: perTheme, overall: coefficients(overallRows), disagreements: disagreements)
    }
}
