extension PartialDate {
    /// The date as people read it, in both languages: in English as entered (with the Gregorian
    /// equivalent of a Solar Hijri date); in Persian with the Solar Hijri date beside the
    /// Gregorian one, written as Persian texts (and the study) print dates — year/month/day with
    /// slashes. Digits are Latin here: Persian output puts in Persian digits when it writes.
    ///
    /// `1972` → en "1972", fa "1972 (1350–1351)"; `1385-02-24 SH` → en "1385-02-24 SH (2006-05-14)",
    /// fa "1385/02/24 (2006/05/14)"; `2018-04-02` → fa "2018/04/02 (1397/01/13)".
    public var written: LocalizedText {
        let english: String
        if calendar == .solarHijri {
            english = "\(Self.plain(self)) SH (\(Self.written(other: self, in: .gregorian)))"
        } else {
            english = Self.plain(self)
        }
        let gregorian = Self.written(other: self, in: .gregorian).replacingOccurrences(of: "-", with: "/")
        let solarHijri = Self.written(other: self, in: .solarHijri).replacingOccurrences(of: "-", with: "/")
        let persian = calendar == .solarHijri ? "\(solarHijri) (\(gregorian))" : "\(gregorian) (\(solarHijri))"
        return LocalizedText(en: english, fa: persian)
    }

    /// The date as entered, in its own calendar only, for compact mentions ("Ramsar–Puerto Montt
    /// (2009)"): en "2009", "1385-02-24 SH"; fa "2009", "1385/02/24".
    public var brief: LocalizedText {
        LocalizedText(en: description, fa: Self.plain(self).replacingOccurrences(of: "-", with: "/"))
    }

    private static func plain(_ date: PartialDate) -> String {
        date.description.replacingOccurrences(of: " SH", with: "")
    }

    /// The date in `calendar`: exact where it maps to one year, month or day there, else the range of years.
    private static func written(other date: PartialDate, in calendar: PartialDate.CalendarSystem) -> String {
        if let converted = date.converted(to: calendar) {
            return plain(converted)
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
