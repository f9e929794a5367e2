import Foundation
import CityDiplomacyCore

/// Options typed on a Persian keyboard arrive with Persian digits; read them as ASCII.
enum PersianTextDigits {
    static func ascii(_ text: String) -> String {
        PersianText.asciiDigits(text).trimmingCharacters(in: .whitespaces)
    }
}

