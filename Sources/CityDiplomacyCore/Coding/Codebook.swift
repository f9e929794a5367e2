/// A codebook for coding agreement texts: themes in a hierarchy, each with its name, definition,
/// rules of inclusion and exclusion and examples in English and Persian, and the words and
/// phrases in each language that suggest it. Coders apply its themes to passages of documents;
/// its keywords only ever propose a theme, which a coder accepts or rejects.
///
/// Read from a YAML file (`citydiplomacy-codebook/1`, see `Docs/codebook.md`); the study's themes
/// are bundled as the first codebook.
///
/// ```swift
/// let codebook = try CodebookFile.bundled()          // the study's themes
/// codebook.theme("tourism")?.parent                  // "economy"
/// codebook.children(of: "culture").map(\.id)         // ["history", "heritage", "religion"]
/// ```
public struct Codebook: Hashable, Sendable {
    /// One theme: what it means, and how to tell a passage that has it.
    public struct Theme: Hashable, Sendable, Identifiable {
        public var id: String
        /// The theme it is a kind of; `nil` at the top.
        public var parent: String?
        public var name: LocalizedText
        public var definition: LocalizedText
        /// What a passage must say to be coded with it.
        public var include: LocalizedText?
        /// What, though close, is coded otherwise, and as what.
        public var exclude: LocalizedText?
        public var examples: [LocalizedText]
        /// Words and phrases that suggest the theme, in each language, matched on normalised text.
        public var keywords: [Language: [String]]

        public init(id: String, parent: String? = nil, name: LocalizedText, definition: LocalizedText, include: LocalizedText? = nil,
                    exclude: LocalizedText? = nil, examples: [LocalizedText] = [], keywords: [Language: [String]] = [:]) {
            self.id = id
            self.parent = parent
            self.name = name
            self.definition = definition
            self.include = include
            self.exclude = exclude
            self.examples = examples
            self.keywords = keywords
        }
    }

    public var id: String
    public var title: LocalizedText
    /// Where the themes come from (the study's section 5-1, say).
    public var source: LocalizedText?
    /// In the file's order: each parent before its children.
    public var themes: [Theme]

    public init(id: String, title: LocalizedText, source: LocalizedText? = nil, themes: [Theme]) {
        self.id = id
        self.title = title
        self.source = source
        self.themes = themes
    }

    public func theme(_ id: String) -> Theme? { themes.first { $0.id == id } }

    public func children(of id: String?) -> [Theme] { themes.filter { $0.parent == id } }

    /// The theme's ancestors, nearest first.
    public func ancestors(of id: String) -> [Theme] {
        var result: [Theme] = []
        var current = theme(id)?.parent
        while let parent = current, let found = theme(parent), !result.contains(found) {
            result.append(found)
            current = found.parent
        }
        return result
    }
}
