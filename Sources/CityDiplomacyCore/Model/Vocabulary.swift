import Foundation

/// A term of an open vocabulary: a lower-case identifier (`sister_city`, `tourism`) with labels
/// in English and Persian for the terms the product knows.
///
/// Kinds of relation, statuses, themes, event kinds and membership roles are all vocabularies:
/// researchers meet new kinds of agreement, so a dataset may use a term the product does not
/// know yet. Such a term is kept as written and labelled by its identifier.
public protocol VocabularyTerm: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible
where RawValue == String {
    /// The terms the product knows, in display order, with their labels.
    static var knownTerms: [(term: Self, label: LocalizedText)] { get }
    /// What the vocabulary is called in messages (`kind`, `theme`).
    static var fieldName: String { get }
    init(unchecked rawValue: String)
}

extension VocabularyTerm {
    /// Accepts an identifier of lower-case letters, digits and underscores, starting with a
    /// letter; hyphens and spaces are read as underscores and case is folded.
    public init(validating text: String) throws(InvalidValue) {
        let folded = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        guard let first = folded.first, first.isASCII, first.isLetter,
            folded.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else {
            let known = Self.knownTerms.map(\.term.rawValue).joined(separator: ", ")
            throw InvalidValue(
                field: Self.fieldName, value: text,
                expected: "an identifier of lower-case letters, digits and underscores (known: \(known))"
            )
        }
        self.init(unchecked: folded)
    }

    public init?(rawValue: String) {
        try? self.init(validating: rawValue)
    }

    public var description: String { rawValue }

    /// Whether the product knows this term (has labels for it).
    public var isKnown: Bool { Self.knownTerms.contains { $0.term == self } }

    /// The term's label; an unknown term is labelled by its identifier with spaces.
    public var label: LocalizedText {
        Self.knownTerms.first { $0.term == self }?.label
            ?? LocalizedText(en: rawValue.replacingOccurrences(of: "_", with: " "))
    }

    /// Known terms in their display order, then unknown ones alphabetically.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        let order = knownTerms.map(\.term)
        switch (order.firstIndex(of: lhs), order.firstIndex(of: rhs)) {
        case let (l?, r?): return l < r
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return lhs.rawValue < rhs.rawValue
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(validating: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

