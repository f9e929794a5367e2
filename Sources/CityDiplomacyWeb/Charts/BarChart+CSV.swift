import CityDiplomacyPresentation

extension BarChart {
    /// The numbers behind the chart: a header in the chart's language, then each bar's whole
    /// label and count, in the order drawn.
    ///
    /// The file starts with a byte order mark, without which Excel reads UTF-8 as the local code
    /// page and shows Persian as mojibake; lines end in CRLF (RFC 4180). Counts are written in
    /// ASCII digits in either language, so that a spreadsheet reads them as numbers.
    var csv: String {
        let lines = [[categoryHeading, valueHeading]] + bars.map { [$0.label, String($0.value)] }
        return "\u{FEFF}" + lines.map { $0.map(CSVField.quote).joined(separator: ",") + "\r\n" }.joined()
    }
}
