import CityDiplomacyCore

extension OutputStyle {
    /// A date for people: in English as entered (with the Gregorian equivalent of a Solar Hijri
    /// date), in Persian with the Solar Hijri date beside the Gregorian one, written as Persian
    /// texts (and the study) print dates: year/month/day with slashes, Persian digits.
    ///
    /// `1972` → en "1972", fa "۱۹۷۲ (۱۳۵۰–۱۳۵۱)"; `1385-02-24 SH` → en "1385-02-24 SH (2006-05-14)",
    /// fa "۱۳۸۵/۰۲/۲۴ (۲۰۰۶/۰۵/۱۴)"; `2018-04-02` → fa "۲۰۱۸/۰۴/۰۲ (۱۳۹۷/۰۱/۱۳)".
    public func date(_ date: PartialDate) -> String {
        switch language {
        case .en:
            let written = Self.written(date)
            guard date.calendar == .solarHijri else { return written }
            return "\(written) SH (\(Self.written(other: date, in: .gregorian)))"
        case .fa:
            let gregorian = Self.written(other: date, in: .gregorian).replacingOccurrences(of: "-", with: "/")
            let solarHijri = Self.written(other: date, in: .solarHijri).replacingOccurrences(of: "-", with: "/")
            let text = date.calendar == .solarHijri ? "\(solarHijri) (\(gregorian))" : "\(gregorian) (\(solarHijri))"
            return digits(text)
        }
    }

    private static func written(_ date: PartialDate) -> String {
        date.description.replacingOccurrences(of: " SH", with: "")
    }

    /// The date in `calendar`: exact where it maps to one year, month or day there, else the range of years.
    private static func written(other date: PartialDate, in calendar: PartialDate.CalendarSystem) -> String {
        if let converted = date.converted(to: calendar) {
            return written(converted)
        }
        let days = date.gregorianDays
        let years: ClosedRange<Int>
        if calendar == .gregorian {
            years = days.lowerBound.year...days.upperBound.year
        } else {
            let first = (try? PartialDate(calendar: .gregorian, year: days.lowerBound.year, month: days.lowerBound.month, day: days.lowerBound.day))?.converted(to: .solarHijri)?.year
            let last = (try? PartialDate(calendar: .gregorian, year: days.upperBound.year, month: days.upperBound.month, day: days.upperBound.day))?.converted(to: .solarHijri)?.year
            years = (first ?? 0)...(last ?? 0)
        }
        return years.lowerBound == years.upperBound ? "\(years.lowerBound)" : "\(years.lowerBound)–\(years.upperBound)"
    }
}
