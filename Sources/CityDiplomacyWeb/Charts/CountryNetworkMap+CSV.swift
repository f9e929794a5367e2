import CityDiplomacyPresentation

extension CountryNetworkMap {
    /// The numbers behind the map: each edge drawn, most city pairs first, its two countries by
    /// code and name (in the map's language) and its city pairs. As a chart's CSV: a byte order
    /// mark, CRLF line ends, ASCII digits.
    var csv: String {
        let rows = edges.sorted { $0.pairs != $1.pairs ? $0.pairs > $1.pairs : ($0.a, $0.b) < ($1.a, $1.b) }.map { edge in
            [countries[edge.a].code, countries[edge.a].label, countries[edge.b].code, countries[edge.b].label, String(edge.pairs)]
        }
        return "\u{FEFF}" + ([csvHeader] + rows).map { $0.map(CSVField.quote).joined(separator: ",") + "\r\n" }.joined()
    }
}
