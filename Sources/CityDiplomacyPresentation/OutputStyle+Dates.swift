import CityDiplomacyCore

extension OutputStyle {
    /// A date for people (``PartialDate/written``): in English as entered, in Persian with the
    /// Solar Hijri date beside the Gregorian one and Persian digits.
    ///
    /// `1972` → en "1972", fa "1972 (1350–1351)" in Persian digits; `1385-02-24 SH` → en
    /// "1385-02-24 SH (2006-05-14)", fa "1385/02/24 (2006/05/14)" in Persian digits.
    public func date(_ date: PartialDate) -> String {
        text(date.written)
    }
}
