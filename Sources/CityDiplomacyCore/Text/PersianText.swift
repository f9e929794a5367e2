import Foundation

/// The rules by which Persian (and Arabic-script) text entered by people is made comparable.
///
/// The same city reaches the registry typed on a Persian keyboard (KEHEH, U+06A9), pasted from an
/// Arabic web page (KAF, U+0643), with or without a zero-width non-joiner (U+200C) inside a word, and with
/// digits in three scripts. ``normalized(_:)`` folds those variants into one spelling that is stored;
/// ``searchKey(_:)`` folds further (case, diacritics, punctuation, spaces) for matching names.
///
/// ```swift
/// PersianText.normalized("\u{0643}\u{064A}\u{0634} \u{06F1}\u{06F3}\u{06F9}\u{06F6}")  // Kish with Persian letters, "1396"
/// PersianText.searchKey("Ürümqi") == PersianText.searchKey("urumqi")   // true
/// ```
public enum PersianText {
    /// Letter variants folded to the Persian letter (Arabic yeh/alef maksura → Persian yeh, Arabic kaf → keheh).
    /// A switch rather than a dictionary: hashing every letter of every name into one was a tenth
    /// of keying the gazetteer's 137,000 names in Arabic script.
    private static func letterVariant(_ value: UInt32) -> Unicode.Scalar? {
        switch value {
        case 0x064A: "\u{06CC}"  // ARABIC LETTER YEH → FARSI YEH
        case 0x0649: "\u{06CC}"  // ARABIC LETTER ALEF MAKSURA → FARSI YEH
        case 0x0643: "\u{06A9}"  // ARABIC LETTER KAF → KEHEH
        case 0x06C0: "\u{0647}"  // HEH WITH YEH ABOVE → HEH (the hamza is orthographic)
        default: nil
        }
    }

    /// Unicode's White_Space property, and the no-break space, spelt out: the property set is
    /// stable, and asking the property of every letter cost more than the rest of normalising.
    private static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// The folded form of each Latin letter with diacritics (U+00C0–U+024F, U+1E00–U+1EFF), made
    /// once with Foundation's folding so that keys stay exactly what the slow path gives.
    private static let latinFolds: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for range in [0x00C0...0x024F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let folded = String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
                table[UInt32(value)] = folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            }
        }
        return table
    }()

    /// The search key of normalised text, or `nil` where a scalar needs Foundation's folding.
    private static func fastSearchKey(_ text: String) -> String? {
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard appendKey(of: scalar, to: &key) else { return nil }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// The key of one scalar of normalised text, appended to `key` in UTF-8; `false` where the
    /// scalar needs Foundation's folding.
    private static func appendKey(of scalar: Unicode.Scalar, to key: inout [UInt8]) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x61...0x7A, 0x30...0x39: key.append(UInt8(value))
            case 0x41...0x5A: key.append(UInt8(value + 32))
            default: break
            }
        } else if value == 0x0345 || (0x0363...0x036F).contains(value) {
            return false  // marks Foundation's folding turns into letters (ypogegrammeni, Latin letter marks)
        } else if (0x0300...0x036F).contains(value) || value == 0x200C || value == 0x0621 {
            // combining marks, ZWNJ, a lone hamza
        } else if (0x0600...0x06FF).contains(value) {
            // Before the Latin table, which holds no Arabic letter: hashing every Arabic letter
            // into it too was another tenth of keying the gazetteer's names in Arabic script.
            if let letter = arabicFolds[Int(value - 0x0600)] { key.append(contentsOf: letter.utf8) }
        } else if let folded = latinFolds[value] {
            for letter in folded { key.append(contentsOf: letter.utf8) }
        } else if !scalar.properties.isAlphabetic, scalar.properties.numericType == nil, !(0x0300...0x036F).contains(value) {
            // punctuation, symbols and spaces (’ – ʻ …) are dropped from keys anyway
        } else {
            return false
        }
        return true
    }

    /// ``searchKey(_:)`` of a name in UTF-8 that is not all ASCII, appended to `key` without making
    /// a string: the letter rules of ``normalized(_:)``, then those of the key, scalar by scalar
    /// (normalising's rules for white space and ZWNJ do not change a key, which drops both).
    /// `false`, and `key` as it was, where the name needs Foundation's folding: then only
    /// `searchKey` gives its key. The gazetteer keys its 137,000 names in Arabic script so: making
    /// a string, a normalised string and a key string of each was a fifth of its load.
    static func appendSearchKey(utf8 name: UnsafeBufferPointer<UInt8>, to key: inout [UInt8]) -> Bool {
        let start = key.count
        var bytes = name.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&bytes) {
            case let .scalarValue(scalar):
                guard let letter = normalizedLetter(scalar) else { continue }
                if !appendKey(of: letter, to: &key) {
                    key.removeSubrange(start...)
                    return false
                }
            case .emptyInput:
                return true
            case .error:
                key.removeSubrange(start...)
                return false
            }
        }
    }

    /// Letters that spell the same name in Arabic and Persian usage and are folded for matching
    /// only (stored text keeps them): alef with madda, hamza or wasla → alef, teh marbuta → heh,
    /// waw with hamza → waw, yeh with hamza → Farsi yeh. Foundation's diacritic
    /// folding does not do this on every platform, so it is spelt out here.
    private static let searchLetterVariants: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{0622}": "\u{0627}", "\u{0623}": "\u{0627}", "\u{0625}": "\u{0627}", "\u{0671}": "\u{0627}",
        "\u{0629}": "\u{0647}", "\u{0624}": "\u{0648}", "\u{0626}": "\u{06CC}",
    ]

    /// The key letter of each scalar of the Arabic block (U+0600–06FF), or `nil` where keys drop
    /// it: the letter variants above, other letters and digits as they are, marks and punctuation
    /// dropped. Made once from the same rules, so that keying asks no Unicode property per letter.
    private static let arabicFolds: [Unicode.Scalar?] = (0x0600...0x06FF).map { value in
        let scalar = Unicode.Scalar(UInt32(value))!
        if let letter = searchLetterVariants[scalar] { return letter }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? scalar : nil
    }

    /// Tatweel (kashida) and the Arabic short-vowel and related marks, which carry no identity.
    static func isIgnorableMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0640: true                 // tatweel
        case 0x0610...0x061A: true        // honorific and Quranic signs above letters
        case 0x064B...0x065F: true        // fathatan … wavy hamza below (harakat)
        case 0x0670: true                 // superscript alef
        case 0x06D6...0x06ED: true        // Quranic annotation marks
        default: false
        }
    }

    /// Reads Persian (U+06F0–06F9) and Arabic-Indic (U+0660–0669) digits as ASCII digits.
    public static func asciiDigits(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x06F0...0x06F9: result.append(Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!)
            case 0x0660...0x0669: result.append(Unicode.Scalar(scalar.value - 0x0660 + 0x30)!)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// The Persian decimal separator (U+066B), as in 87.1 written in Persian.
    public static let decimalSeparator: Character = "\u{066B}"

    /// The Persian percent sign (U+066A), as in 43.5% written in Persian.
    public static let percentSign: Character = "\u{066A}"

    /// A decimal number written with ASCII digits (`-0.28`) as Persian writes it, digits aside:
    /// the Persian decimal separator, and a minus sign (U+2212) kept left of the digits by a
    /// left-to-right mark, where an ASCII hyphen reads as a dash after the number in a
    /// right-to-left line.
    public static func persianDecimal(_ text: String) -> String {
        var text = text.replacingOccurrences(of: ".", with: String(decimalSeparator))
        if text.hasPrefix("-") { text = "\u{200E}\u{2212}" + text.dropFirst() }
        return text
    }

    /// Writes ASCII digits as Persian digits, for Persian output.
    public static func persianDigits(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x30...0x39).contains(scalar.value) {
                result.append(Unicode.Scalar(scalar.value - 0x30 + 0x06F0)!)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// One scalar as text is matched: as ``normalized(_:)`` writes it, and in lower case — a
    /// white space, a ZWNJ or a joiner as a space, marks dropped (`nil`). Matching scalar by scalar
    /// keeps each position of the folded text tied to one of the text as written, so that a match
    /// is reported at the offsets a reader sees (see ``TextMatcher``).
    public static func matchingFold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x200C, 0x200D: return " "
        default: break
        }
        guard let letter = normalizedLetter(scalar) else { return nil }
        if letter.isASCII {
            return letter.value >= 0x41 && letter.value <= 0x5A ? Unicode.Scalar(letter.value + 0x20)! : letter
        }
        guard letter.properties.changesWhenLowercased else { return letter }
        let lower = letter.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : letter
    }

    /// One scalar as normalising writes it: Persian and Arabic-Indic digits as ASCII, white space
    /// as a space, letter variants folded; `nil` for tatweel and harakat, which are dropped.
    private static func normalizedLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x06F0...0x06F9: return Unicode.Scalar(value - 0x06F0 + 0x30)!
        case 0x0660...0x0669: return Unicode.Scalar(value - 0x0660 + 0x30)!
        case _ where isIgnorableMark(scalar): return nil
        case _ where isWhitespace(value): return " "
        default: return letterVariant(value) ?? scalar
        }
    }

    /// Whether ``normalized(_:)`` would give `text` back as it is: every scalar written as it is,
    /// no ZWNJ, no space first, last or after another.
    private static func isNormalized(_ text: String) -> Bool {
        var previousSpace = true
        for scalar in text.unicodeScalars {
            if scalar == " " {
                if previousSpace { return false }
                previousSpace = true
            } else if scalar == "\u{200C}" || normalizedLetter(scalar) != scalar {
                return false
            } else {
                previousSpace = false
            }
        }
        return !previousSpace
    }

    /// Whether `text` is printable ASCII (U+0020 to U+007E) with no space first, last or after
    /// another, or empty: text that ``normalized(_:)`` gives back as it is, and that holds no
    /// control character (``ControlCharacters``) and no combining mark (``CombiningMarks``). An
    /// import asks this of each value it reads and, for nearly every value of most files, skips
    /// the passes that take out controls and normalise (with the marks' measure, they were a
    /// quarter of the samples while a million-row file's rows were checked, perf); a value that
    /// is not settled is asked again by ``normalized(_:)``, which stops at its first byte that
    /// is not.
    public static func isSettledASCII(_ text: String) -> Bool {
        // Over the bytes where they lie (a short string's copied out once): stepping through
        // `utf8` asked the string's representation again for every byte, and this one pass was
        // a fifth of the samples while a million-row file's rows were checked (perf).
        text.utf8.withContiguousStorageIfAvailable(isSettledASCII) ?? isSettledASCII(text.utf8)
    }

    private static func isSettledASCII(_ bytes: some Sequence<UInt8>) -> Bool {
        var previousSpace = true  // a leading space counts as a doubled one
        var empty = true
        for byte in bytes {
            empty = false
            if byte == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else if byte >= 0x21, byte < 0x7F {
                previousSpace = false
            } else {
                return false
            }
        }
        return !previousSpace || empty
    }

    /// The stored form of text a person entered: letter variants folded to Persian letters,
    /// tatweel and harakat removed, digits read as ASCII, runs of white space collapsed.
    ///
    /// A zero-width non-joiner is kept where it separates two letters (it is part of Persian
    /// spelling), and dropped at word edges or when doubled, where it is only noise.
    public static func normalized(_ text: String) -> String {
        // ASCII text has none of the variants below; only its white space needs folding.
        if isSettledASCII(text) { return text }
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return text.split(separator: " ").joined(separator: " ")
        }
        // Most names outside ASCII are as normalising writes them ("Encarnación", "Chã Grande"):
        // found so in one pass over the scalars, they are not written again (a third of this
        // function's time in a million-row import, perf).
        if isNormalized(text) { return text }
        // One pass over the scalars, with the rules spelt out by value: looking letters up by
        // `Character` and asking Unicode properties of every Arabic letter made this a quarter of
        // the time of loading the gazetteer.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let letter = normalizedLetter(scalar) { scalars.append(letter) }
        }
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\u{200C}" {
                let previous = result.last
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let joinsLetters = previous.map { $0.properties.isAlphabetic } == true
                    && next.map { $0.properties.isAlphabetic } == true
                if !joinsLetters { continue }
            }
            if scalar == " ", result.last == " " || result.isEmpty { continue }
            result.append(scalar)
        }
        while result.last == " " { result.removeLast() }
        return String(result)
    }

    /// The search key of a name of ASCII bytes only: its letters and digits, in lower case; `nil`
    /// for a name with a byte beyond ASCII. Written in one pass into a temporary buffer and made a
    /// string once, given up at the first byte beyond ASCII: checked first, then built in an
    /// array and copied into a string, each key cost two passes and two allocations, and an
    /// import of a million rows keys some three million names (perf, 2026-12-04). A key of up to
    /// 15 bytes is kept inline in its string, with no allocation at all.
    static func asciiSearchKey(_ text: String) -> String? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(text.utf8.count, 1)) { key -> String? in
            var count = 0
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    key[count] = byte
                    count += 1
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    key[count] = byte + 32
                    count += 1
                case 0x80...:
                    return nil
                default: break
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: key[..<count]), as: UTF8.self)
        }
    }

    /// A key for comparing names: ``normalized(_:)``, then lower case, Latin diacritics removed
    /// (Ürümqi → urumqi), ZWNJ, spaces, hyphens, apostrophes and other punctuation dropped.
    ///
    /// "Shahr-e Rey" written in Persian with a space, with a ZWNJ or with neither shares one key;
    /// so do "Xi'an" and "Xian", "Saint-Petersburg" and "Saint Petersburg".
    public static func searchKey(_ text: String) -> String {
        // Most names are plain ASCII; they need none of the Unicode machinery below.
        if let key = asciiSearchKey(text) { return key }
        // Names in Latin script with diacritics, in Arabic script, or mixing them with ASCII are
        // keyed scalar by scalar from precomputed folds: Foundation's folding costs about ten times
        // as much on Linux, and the gazetteer keys some 700,000 names when it loads.
        if let key = fastSearchKey(normalized(text)) { return key }
        // Folding may decompose letters such as yeh with hamza into Arabic yeh + hamza, so the letter rules run again after it.
        let folded = normalized(
            normalized(text).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        )
        var result = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if let letter = searchLetterVariants[scalar] {
                result.append(letter)
                continue
            }
            if scalar == "\u{0621}" { continue }  // a lone hamza carries no identity for matching
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether the text is written in Latin letters (a name such as "Esfahan"), not in Persian script.
    public static func isLatinScript(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return !letters.isEmpty && letters.allSatisfy { $0.value < 0x0370 }
    }
}
