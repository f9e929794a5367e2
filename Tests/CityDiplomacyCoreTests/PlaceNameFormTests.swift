import Foundation
import Testing
@testable import CityDiplomacyCore

/// How a place's name is taken apart ("Vienna 1 – Innere Stadt", "Gmina X", "X (district)") no
/// longer goes through Foundation's string search and trimming, which were a few per cent of an
/// import; here the two replacements are held to Foundation's own answers.
@Suite("Place names are taken apart as Foundation's search and trimming would")
struct PlaceNameFormTests {
    static let names = [
        "", " ", "\t", "Tehran", " Tehran ", "\tTehran\u{00A0}", "\u{3000}Kyoto\u{2003}", "Vienna 1 – Innere Stadt",
        "a - b - c", "a - - b", " - ", "Prague - ", " – Tehran", "Zürich (Kreis 10)", "e\u{301} - x\u{301}",
        "Budapest XIII", "Prague  1", "Gmina  Stare", "São Paulo — Centro", "Tehran\n", "تهران - مرکز", "١ - ٢",
        // Marks Foundation's search and trimming treat in their own way: a zero-width space (white
        // space to Foundation, not Zs), a combining mark, joiner or variation selector on the
        // separator's last space, a prepended mark before its first.
        "\u{200B}ab\u{200B}", "Schwalm-Eder (\u{200B}district)", "\u{FEFF}x\u{180E}", "\u{85}y\u{2028}",
        "a - \u{301}b", "a - \u{301} - b", "Mitte - \u{200D}Berlin", "Mitte -\u{200C} Berlin", "x - \u{FE0F}y",
        "\u{0600} - b", "a\u{0600} - b", "e\u{301} - \u{0301}", " -  - ", "a\u{00A0}-\u{00A0}b",
    ]

    @Test("Trimming takes off what trimmingCharacters(in: .whitespaces) takes off")
    func trimming() {
        for name in Self.names {
            #expect(name.trimmingSpaces() == name.trimmingCharacters(in: .whitespaces), "\(name.unicodeScalars.map(\.value))")
            #expect(name.dropFirst(0).trimmingSpaces() == name.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test("A name splits once where components(separatedBy:) gives two parts, into those parts")
    func splitting() {
        for name in Self.names {
            for dash in [" – ", " — ", " - "] {
                let parts = name.components(separatedBy: dash)
                let split = PlaceNameForm.splitOnce(name, at: dash)
                if parts.count == 2 {
                    #expect(split.map { [String($0.before), String($0.after)] } == parts, "\(name)")
                } else {
                    #expect(split == nil, "\(name)")
                }
            }
        }
    }

    @Test("Forms of names", arguments: [
        ("Vienna 1 – Innere Stadt", PlaceNameForm.numbered(base: "Vienna", number: "1", district: "Innere Stadt")),
        ("Budapest XIII", .numbered(base: "Budapest", number: "XIII")),
        ("Gmina Stare Babice", .sameAs(core: "Stare Babice")),
        ("Schwalm-Eder (district)", .administrativeArea("district")),
        ("Mitte - Berlin", .qualified(core: "Berlin", qualifier: "Mitte", .dash)),
        ("a - b - c", .plain),
        ("Anenii Noi District", .administrativeArea("district")),
        ("Tehran", .plain),
    ])
    func forms(name: String, form: PlaceNameForm) {
        #expect(PlaceNameForm(name) == form)
    }

    /// Names made of pieces that the byte tests of ``PlaceNameForm/init(_:)`` must not misread:
    /// every mark a form looks for, spaces that a combining mark, joiner or prepended mark joins
    /// to another character, numbers just past their limits, area words in other cases and with
    /// the Kelvin sign, and letters outside ASCII.
    static let pieces = [
        "Budapest", "XIII", "1", "718", "1234", "IVXL", "District", "DISTRICT", "regional unit", "Gmina", "Gmina ",
        "(", ")", " - ", " – ", " — ", "-", ",", " ", "  ", "\u{301}", "\u{0600}", "\u{200D}", "\u{FE0F}", "\u{212A}",
        "é", "تهران", "١٢", "county", "city", "\t", "\r\n", "V", "\u{00A0}",
    ]

    /// Every name of up to three pieces, and 20,000 of four to seven drawn with a fixed seed.
    static func generatedNames() -> [String] {
        var names = [""]
        for first in pieces {
            names.append(first)
            for second in pieces {
                names.append(first + second)
                for third in pieces { names.append(first + second + third) }
            }
        }
        var random = SplitMix64(seed: 20_261_201)
        for _ in 0..<20_000 {
            names.append((0..<(4 + random.next(4))).map { _ in pieces[random.next(pieces.count)] }.joined())
        }
        return names
    }

    @Test("Names are given the form a reading by characters gives them, their bytes tested first")
    func bytesFirst() {
        var mismatches: [String] = []
        for name in Self.generatedNames() {
            if PlaceNameForm(name) != PlaceNameForm(characters: name)
                || PlaceNameForm.numberedBase(name) != PlaceNameForm.numberedBase(characters: name)
                || PlaceNameForm.areaWord(endingIn: name) != PlaceNameForm.areaWord(endingInCharacters: name) {
                mismatches.append(name)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).map { $0.unicodeScalars.map(\.value) })")
        // The generated names reach every form, so that each byte test has names to misread.
        let forms = Set(Self.generatedNames().map { "\(PlaceNameForm($0))".prefix(while: { $0 != "(" }) })
        #expect(forms == ["plain", "qualified", "numbered", "sameAs", "administrativeArea"])
    }
}
