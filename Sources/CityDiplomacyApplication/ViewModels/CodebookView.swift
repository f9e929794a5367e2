import CityDiplomacyCore

/// A codebook as the API gives it and `citydip codebook --format json` prints it: every theme
/// with its parent, and its texts in both languages (a codebook is bilingual by definition: a
/// coder of Persian texts reads the English rules and the other way round).
///
/// ```swift
/// let view = CodebookView(try workspace.codebook())
/// print(try view.prettyJSON())
/// ```
public struct CodebookView: Encodable, Sendable {
    public struct Text: Encodable, Sendable {
        public var en: String
        public var fa: String?
        init(_ text: LocalizedText) { en = text.en; fa = text.fa }
    }

    public struct Theme: Encodable, Sendable {
        public var id: String
        public var parent: String?
        public var name: Text
        public var definition: Text
        public var include: Text?
        public var exclude: Text?
        public var examples: [Text]
        public var keywords: Keywords

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(parent, forKey: .parent)
            try container.encode(name, forKey: .name)
            try container.encode(definition, forKey: .definition)
            try container.encode(include, forKey: .include)
            try container.encode(exclude, forKey: .exclude)
            try container.encode(examples, forKey: .examples)
            try container.encode(keywords, forKey: .keywords)
        }

        enum CodingKeys: String, CodingKey { case id, parent, name, definition, include, exclude, examples, keywords }
    }

    /// A theme's keywords in each language, `en` then `fa`: a dictionary of them came out in hash
    /// order, so the JSON of one codebook differed from run to run.
    public struct Keywords: Encodable, Sendable {
        public var en: [String]
        public var fa: [String]
    }

    public var id: String
    public var title: Text
    public var source: Text?
    public var themes: [Theme]

    public init(_ codebook: Codebook) {
        id = codebook.id
        title = Text(codebook.title)
        source = codebook.source.map(Text.init)
        themes = codebook.themes.map { theme in
            Theme(id: theme.id, parent: theme.parent, name: Text(theme.name), definition: Text(theme.definition),
                  include: theme.include.map(Text.init), exclude: theme.exclude.map(Text.init), examples: theme.examples.map(Text.init),
                  keywords: Keywords(en: theme.keywords[.en] ?? [], fa: theme.keywords[.fa] ?? []))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(source, forKey: .source)
        try container.encode(themes, forKey: .themes)
    }

    enum CodingKeys: String, CodingKey { case id, title, source, themes }
}
