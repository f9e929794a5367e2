import CityDiplomacyCore

/// The formats tables and reports are written in.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Markdown, for people and papers.
    case md
    /// CSV (RFC 4180), for spreadsheets and scripts.
    case csv
    /// JSON, for scripts.
    case json
}

/// How text is written in one output language: Persian output uses Persian digits.
public struct OutputStyle: Sendable {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    /// Text for people in this language (Persian digits in Persian).
    public func text(_ value: LocalizedText) -> String {
        digits(value[language])
    }

    public func digits(_ text: String) -> String {
        language == .fa ? PersianText.persianDigits(text) : text
    }

    public func number(_ value: Int) -> String {
        digits(String(value))
    }
}
