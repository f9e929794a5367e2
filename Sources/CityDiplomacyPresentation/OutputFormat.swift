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
    /// `iran-2018`, ISO codes — which must stay as they are to keep working, in numbers that
    /// follow a Latin word (`CC BY 4.0`, an English title's `for the year 2006`), which belong to it,
    /// and in numbers that open the text or a quotation before a Latin word (an English title's
    /// `1968 AFC Asian Cup`, also when quoted in a Persian sentence).
    public func digits(_ text: String) -> String {
        // Only ASCII digits are ever replaced: text without one is returned as it is, without
        // taking it apart into words (most of a page's labels; 9% of a warm Persian dashboard).
        guard language == .fa, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return text }
        // The words, each white-space character between them as a word of its own.
        var words: [String] = []
        var word = ""
        for character in text {
            if character.isWhitespace {
                if !word.isEmpty { words.append(word) }
                word = ""
                words.append(String(character))
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        func isSpace(_ word: String) -> Bool { word.first?.isWhitespace ?? true }
        func hasLetters(_ word: String) -> Bool { word.unicodeScalars.contains { $0.properties.isAlphabetic } }
        func isLatin(_ word: String) -> Bool { word.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic } }
        // A code span (`iran-2018`) or a message's placeholder ({count}) is not prose: a number
        // next to it is not part of it.
        // A closing guillemet (U+00BB) or quotation mark (U+201D) after the word's last Latin
        // letter, with or without punctuation after it: what follows is outside the quotation.
        func closesQuotation(_ word: String) -> Bool {
            let scalars = word.unicodeScalars
            guard let last = scalars.lastIndex(where: { $0.isASCII && $0.properties.isAlphabetic }) else { return false }
            return scalars[scalars.index(after: last)...].contains { $0 == "\u{00BB}" || $0 == "\u{201D}" }
        }
        func isLatinProse(_ word: String) -> Bool { isLatin(word) && !word.contains("`") && !word.contains("{") }
        // For each word, the next word with letters: found in one backward pass, so that a long
        // run of numbers costs linear time, not quadratic.
        var nextLettered = [String?](repeating: nil, count: words.count)
        var following: String?
        for index in words.indices.reversed() {
            nextLettered[index] = following
            if !isSpace(words[index]) && hasLetters(words[index]) { following = words[index] }
        }
        var result = ""
        var previousWordIsLatin = false
        var lettersSeen = false
        for (index, word) in words.enumerated() {
            guard !isSpace(word) else {
                result += word
                continue
            }
            let latin = isLatin(word)
            let letters = hasLetters(word)
            var keep = latin || (!letters && previousWordIsLatin)
            // A number that opens the text, or opens a quotation («1968 AFC Asian Cup»), before a
            // Latin word belongs to that English title.
            let opensQuotation = word.first.map { "«“\"(".contains($0) } ?? false
            if !keep, !letters, !lettersSeen || opensQuotation, let next = nextLettered[index] {
                keep = isLatinProse(next)
            }
            result += keep ? word : PersianText.persianDigits(word)
            if letters {
                // A closing quotation ends the Latin run it closes: after a quoted file name such
                // as sample.csv, the count of countries is the Persian sentence's.
                previousWordIsLatin = isLatinProse(word) && !closesQuotation(word)
                lettersSeen = true
            }
        }
        return result
    }

    public func number(_ value: Int) -> String {
        digits(String(value))
    }
}
