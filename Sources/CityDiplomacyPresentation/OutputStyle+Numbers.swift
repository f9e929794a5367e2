import CityDiplomacyCore
import Foundation

extension OutputStyle {
    /// `value` with `places` decimals: `12.5`, and in Persian the same in Persian digits with the
    /// Persian decimal separator (U+066B) and minus sign (``PersianText/persianDecimal(_:)``).
    public func decimal(_ value: Double, places: Int = 1) -> String {
        let text = String(format: "%.\(places)f", value)
        guard language == .fa else { return text }
        return PersianText.persianDigits(PersianText.persianDecimal(text))
    }

    /// `part` as a share of `total`, with one decimal: `43.5%`, in Persian with the Persian percent
    /// sign (U+066A); a share of nothing is 0.
    public func percent(_ part: Int, of total: Int) -> String {
        let share = total == 0 ? 0 : Double(part) * 100 / Double(total)
        return decimal(share) + (language == .fa ? String(PersianText.percentSign) : "%")
    }
}
