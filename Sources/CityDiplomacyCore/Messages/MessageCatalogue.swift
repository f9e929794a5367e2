import Foundation

/// The one catalogue of words users read, in English and Persian side by side
/// (`Resources/messages.tsv`): Swift files name a message by its key and hold no Persian prose.
///
/// ```swift
/// LocalizedText.message("column.id")                                   // "Id", and its Persian
/// LocalizedText.message("count.title.relations", ["dimension": "kind"])
/// ```
public enum MessageCatalogue {
    /// Every message by key, read once from the bundled file.
    public static let messages: [String: LocalizedText] = {
        guard let url = Bundle.module.url(forResource: "messages", withExtension: "tsv", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        return parse(text)
    }()

    /// The messages of a catalogue file: `KEY<TAB>ENGLISH<TAB>PERSIAN` lines, `#` comments.
    ///
    /// Split on bytes, which for these ASCII separators gives the same lines and fields: splitting
    /// the text by `Character` ran the grapheme breaker over 170 KB of mostly Persian text, 16 ms
    /// of every command's start (perf, 2026-11-30), where this takes about a millisecond.
    public static func parse(_ text: String) -> [String: LocalizedText] {
        var messages: [String: LocalizedText] = [:]
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            messages[String(Substring(fields[0]))] = LocalizedText(en: String(Substring(fields[1])), fa: String(Substring(fields[2])))
        }
        return messages
    }
}

extension LocalizedText {
    /// The catalogue's message `key`, each `{name}` replaced by `values[name]` in both languages.
    /// A key the catalogue lacks is shown as the key itself (and a test checks none is used).
    public static func message(_ key: String, _ values: [String: String] = [:]) -> LocalizedText {
        guard var text = MessageCatalogue.messages[key] else { return LocalizedText(en: key) }
        for (name, value) in values {
            text.en = text.en.replacingOccurrences(of: "{\(name)}", with: value)
            text.fa = text.fa?.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }
}

extension LocalizedText {
    /// The catalogue's message `key` with values that differ by language (a list of names, say):
    /// each `{name}` takes the value's English in English and its Persian in Persian; `plain`
    /// values are the same in both.
    public static func message(_ key: String, localized values: [String: LocalizedText], _ plain: [String: String] = [:]) -> LocalizedText {
        var text = message(key, plain)
        for (name, value) in values {
            text.en = text.en.replacingOccurrences(of: "{\(name)}", with: value.en)
            text.fa = text.fa?.replacingOccurrences(of: "{\(name)}", with: value[.fa])
        }
        return text
    }

    /// Texts joined in each language by the catalogue's separator `separator` (`list.comma`,
    /// `list.semicolon`, `list.and`).
    public static func joined(_ items: [LocalizedText], separator: String) -> LocalizedText {
        let mark = message(separator)
        return LocalizedText(en: items.map(\.en).joined(separator: mark.en), fa: items.map { $0[.fa] }.joined(separator: mark[.fa]))
    }
}

extension Tabulation.Column {
    /// A column titled by the catalogue's `column.KEY` message (`share_percent` → `column.share-percent`).
    public static func titled(_ key: String) -> Tabulation.Column {
        Tabulation.Column(key: key, title: .message("column.\(key.replacingOccurrences(of: "_", with: "-"))"))
    }
}
