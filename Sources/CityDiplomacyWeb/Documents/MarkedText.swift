/// A document's text cut at every boundary of its coded passages, so that a page can mark each
/// piece with the passages that cover it: overlapping and nested codings each keep their extent,
/// and the pieces joined are the text exactly (the coding script counts offsets in it).
///
/// ```swift
/// let pieces = MarkedText.pieces(of: "culture and tourism", ranges: [0..<7, 4..<19])
/// // "cult" [0], "ure" [0, 1], " and tourism" [1]
/// ```
enum MarkedText {
    struct Piece: Equatable {
        var text: String
        /// Indexes into the ranges given of those that cover the whole piece.
        var covering: [Int]
        /// Indexes of the ranges that end with this piece.
        var ending: [Int]
        /// Indexes of the ranges that start with this piece.
        var starting: [Int]
    }

    /// `text` in pieces between the bounds of `ranges` (Unicode-scalar offsets; parts outside the
    /// text are ignored), in the text's order, with no empty piece.
    static func pieces(of text: String, ranges: [Range<Int>]) -> [Piece] {
        let scalars = Array(text.unicodeScalars)
        var bounds: Set<Int> = [0, scalars.count]
        for range in ranges {
            bounds.insert(min(max(range.lowerBound, 0), scalars.count))
            bounds.insert(min(max(range.upperBound, 0), scalars.count))
        }
        let sorted = bounds.sorted()
        var pieces: [Piece] = []
        for (start, end) in zip(sorted, sorted.dropFirst()) where start < end {
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[start..<end])
            let covering = ranges.indices.filter { ranges[$0].lowerBound <= start && ranges[$0].upperBound >= end }
            pieces.append(Piece(text: String(piece), covering: covering,
                                ending: covering.filter { ranges[$0].upperBound == end },
                                starting: covering.filter { ranges[$0].lowerBound == start }))
        }
        return pieces
    }
}
