import CityDiplomacyCore

/// The formats tables and reports are written in.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Markdown, for people and papers.
    case md
    /// A standalone HTML page (right-to-left in Persian), for reading and printing.
    case html
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

    /// What separates the items of a list in this language: a comma, the Arabic-script one in Persian.
    public var comma: String {
        LocalizedText.message("list.comma")[language]
    }

    /// What separates the items of a list whose items hold commas: a semicolon, the Arabic-script one in Persian.
    public var semicolon: String {
        LocalizedText.message("list.semicolon")[language]
    }

    /// Text for people in this language (Persian digits in Persian).
    public func text(_ value: LocalizedText) -> String {
        digits(value[language])
    }

    /// Digits in Persian, except in words that also hold Latin letters — URLs, ids such as
    /// `iran-2018`, ISO codes — which must stay as they are to keep working, and in numbers that
    /// follow a Latin word (`CC BY 4.0`, an English title's `for the year 2006`), which belong to it.
    public func digits(_ text: String) -> String {
        guard language == .fa else { return text }
        var result = ""
        var word = ""
        var previousWordIsLatin = false
        func flush() {
            guard !word.isEmpty else { return }
            let latin = word.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
            let hasLetters = word.unicodeScalars.contains { $0.properties.isAlphabetic }
            let keep = latin || (!hasLetters && previousWordIsLatin)
            result += keep ? word : PersianText.persianDigits(word)
            // A code span (`iran-2018`) or a message's placeholder ({count}) is not prose: a
            // number after it is not part of it.
            if hasLetters { previousWordIsLatin = latin && !word.contains("`") && !word.contains("{") }
            word = ""
        }
        for character in text {
            if character.isWhitespace {
                flush()
                result.append(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return result
    }

    public func number(_ value: Int) -> String {
        digits(String(value))
    }
}
