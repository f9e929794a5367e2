/// Finds words and phrases in a text as people mean them, whatever the keyboard: Arabic and
/// Persian letter variants (Arabic yeh and kaf for Persian yeh and keheh), digits in three
/// scripts, harakat, case and runs of white space or ZWNJ are folded on both sides
/// (``PersianText/matchingFold(_:)``), and a match must start and end at a word's edge. Matches
/// are reported as offsets in Unicode scalars of the text as written, so that they can be stored
/// and shown on the original.
///
/// ```swift
/// let matcher = TextMatcher("\u{0647}\u{0645}\u{0643}\u{0627}\u{0631}\u{064A} cultural ties")  // Arabic kaf and yeh
/// matcher.ranges(of: "Cultural")   // [7..<15]
/// ```
public struct TextMatcher: Sendable {
    /// The folded scalars, and for each the offset of the scalar of the original it came from.
    private let folded: [Unicode.Scalar]
    private let origin: [Int]
    /// The number of scalars of the original text.
    public let length: Int

    public init(_ text: String) {
        var folded: [Unicode.Scalar] = []
        var origin: [Int] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            defer { offset += 1 }
            guard let fold = PersianText.matchingFold(scalar) else { continue }
            // A run of spaces is one space, at the run's first scalar.
            if fold == " ", folded.last == " " { continue }
            folded.append(fold)
            origin.append(offset)
        }
        self.folded = folded
        self.origin = origin
        length = offset
    }

    /// The phrase as it is matched: folded, its spaces single, trimmed.
    static func pattern(_ phrase: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for scalar in phrase.unicodeScalars {
            guard let fold = PersianText.matchingFold(scalar) else { continue }
            if fold == " ", result.isEmpty || result.last == " " { continue }
            result.append(fold)
        }
        while result.last == " " { result.removeLast() }
        return result
    }

    private func isWordScalar(_ index: Int) -> Bool {
        guard index >= 0, index < folded.count else { return false }
        let properties = folded[index].properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    /// Every place the phrase occurs as whole words, as scalar offsets of the original text.
    public func ranges(of phrase: String) -> [Range<Int>] {
        let needle = Self.pattern(phrase)
        guard !needle.isEmpty, needle.count <= folded.count else { return [] }
        var found: [Range<Int>] = []
        var start = 0
        while start + needle.count <= folded.count {
            if folded[start] == needle[0], !isWordScalar(start - 1), folded[start..<(start + needle.count)].elementsEqual(needle),
               !isWordScalar(start + needle.count) {
                let end = start + needle.count - 1
                found.append(origin[start]..<(origin[end] + 1))
                start += needle.count
            } else {
                start += 1
            }
        }
        return found
    }
}
