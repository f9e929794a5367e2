import CityDiplomacyCore
import Foundation
import Testing

@Suite("One message catalogue, English and Persian side by side")
struct MessageCatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    static func swiftFiles() throws -> [(path: String, text: String)] {
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var files: [(String, String)] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let path = String(url.path.dropFirst(sources.path.count + 1))
            files.append((path, try String(contentsOf: url, encoding: .utf8)))
        }
        return files
    }

    @Test("Every message has English and Persian, and a value is filled in both")
    func complete() {
        #expect(MessageCatalogue.messages.count >= 30)
        for (key, text) in MessageCatalogue.messages {
            #expect(!text.en.isEmpty, "\(key)")
            #expect(text.fa?.isEmpty == false, "\(key) has no Persian")
        }
        let title = LocalizedText.message("count.title.relations", ["dimension": "kind"])
        #expect(title.en == "Relations by kind")
        #expect(title.fa == "شمار روابط بر پایهٔ kind")
    }

    @Test("Every line of the catalogue file is a message: none is dropped, no key is given twice")
    func everyLineRead() throws {
        let file = Self.sources.appendingPathComponent("CityDiplomacyCore/Resources/messages.tsv")
        let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        for line in lines {
            #expect(line.components(separatedBy: "\t").count == 3, "not KEY<TAB>ENGLISH<TAB>PERSIAN: \(line)")
        }
        #expect(MessageCatalogue.messages.count == lines.count)
    }

    @Test("A catalogue's lines are split into key, English and Persian; comments and other lines are not messages")
    func parse() {
        let messages = MessageCatalogue.parse("# a comment\tx\ty\nlist.and\t and \t و \nempty.fa\tNone\t\nshort\tonly two\n\nzwnj\tRelations\tروابط\u{200C}ها\n")
        #expect(messages.count == 3)
        #expect(messages["list.and"] == LocalizedText(en: " and ", fa: " و "))
        #expect(messages["empty.fa"] == LocalizedText(en: "None", fa: ""))
        #expect(messages["zwnj"]?.fa == "روابط\u{200C}ها")
        #expect(messages["short"] == nil)
        #expect(messages["# a comment"] == nil)
    }

    @Test("Every key the sources use is in the catalogue")
    func keysExist() throws {
        let pattern = try Regex(#"(?:\.|\b)(message|titled|t)\("([a-z0-9._\-]+)""#)
        for (path, text) in try Self.swiftFiles() {
            for match in text.matches(of: pattern) where match.output[1].substring != "t" || match.output[2].substring?.contains(".") == true {
                let name = String(match.output[2].substring ?? "")
                let key = match.output[1].substring == "titled" ? "column." + name.replacingOccurrences(of: "_", with: "-") : name
                #expect(MessageCatalogue.messages[key] != nil, "\(path) uses '\(key)'")
            }
        }
        for noun in ["relations", "memberships", "events"] {
            #expect(MessageCatalogue.messages["count.title.\(noun)"] != nil)
            #expect(MessageCatalogue.messages["count.total.\(noun)"] != nil)
        }
    }

    @Test("No Swift file holds Persian text: every word users read is in the catalogue")
    func noPersianInSwift() throws {
        for (path, text) in try Self.swiftFiles() {
            let persian = text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
            #expect(!persian, "\(path) holds Persian text: put it in Resources/messages.tsv")
        }
    }
}
