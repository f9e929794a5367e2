import CityDiplomacyCore

/// Candidate codings of a text from a codebook's keywords: every place a theme's English or
/// Persian word or phrase occurs, with the words that matched. Suggestions are never codings: a
/// coder accepts or rejects each. Matching folds letter variants, digits, harakat, case and ZWNJ
/// (see ``TextMatcher``), and offsets are Unicode scalars of the text as written.
///
/// ```swift
/// let codebook = try CodebookFile.bundled()
/// let suggestions = ThemeSuggestions(codebook: codebook).suggest(in: "Both cities will restore the old bazaar.")
/// suggestions.map(\.theme)   // ["heritage"]
/// ```
public struct ThemeSuggestions: Sendable {
    public struct Suggestion: Hashable, Sendable {
        public var theme: String
        /// Scalar offsets of the text as written.
        public var range: Range<Int>
        /// The keyword that matched, as the codebook gives it.
        public var keyword: String
        public var language: Language
    }

    public let codebook: Codebook

    public init(codebook: Codebook) {
        self.codebook = codebook
    }

    /// Every keyword hit, in the text's order; where two keywords of one theme overlap (`cultural
    /// week` and `cultural`), the longer is kept.
    public func suggest(in text: String) -> [Suggestion] {
        let matcher = TextMatcher(text)
        var hits: [Suggestion] = []
        for theme in codebook.themes {
            var own: [Suggestion] = []
            for language in Language.allCases {
                for keyword in theme.keywords[language] ?? [] {
                    own += matcher.ranges(of: keyword).map { Suggestion(theme: theme.id, range: $0, keyword: keyword, language: language) }
                }
            }
            // Longest first, then the first in the text; a hit overlapping a kept one is dropped.
            // The kept ranges are held in text order and a hit is checked against its two
            // neighbours found by binary search: a scan of all kept hits for each made a document
            // with tens of thousands of hits take minutes.
            own.sort { ($0.range.count, -$0.range.lowerBound) > ($1.range.count, -$1.range.lowerBound) }
            var kept: [Suggestion] = []
            for hit in own {
                var low = 0, high = kept.count
                while low < high {
                    let middle = (low + high) / 2
                    if kept[middle].range.lowerBound < hit.range.lowerBound { low = middle + 1 } else { high = middle }
                }
                if low > 0, kept[low - 1].range.overlaps(hit.range) { continue }
                if low < kept.count, kept[low].range.overlaps(hit.range) { continue }
                kept.insert(hit, at: low)
            }
            hits += kept
        }
        return hits.sorted { ($0.range.lowerBound, $0.theme) < ($1.range.lowerBound, $1.theme) }
    }
}
