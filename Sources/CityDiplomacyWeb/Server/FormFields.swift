import Foundation

/// Fields of a query string or of an `application/x-www-form-urlencoded` body.
///
/// One decoder for both, so that a filter form submitted by GET reads exactly as the same form
/// submitted by POST: `+` is a space (as browsers send it in forms), `%2B` a plus, `%D8%AA…` UTF-8
/// text, and a repeated name keeps every value in order. Kept rather than Hummingbird's
/// `URLEncodedFormDecoder` because the pages and filters need the raw pairs in order (the
/// language switch and paging write them back) and repeated names, not a `Decodable` struct.
struct FormFields: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    init(_ encoded: String?) {
        guard let encoded, !encoded.isEmpty else { return }
        for part in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            pairs.append((name, value))
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    // Names are matched by their bytes, not by `String`'s `==` or hashing: those put a name's
    // combining marks in canonical order first, in time that grows with the square of a run's
    // length, and a form is read before anyone is known to have signed in (see `CombiningMarks`).
    // The names a form is read by are ASCII, which bytes match exactly.

    /// The first value of `name`, trimmed; `nil` when absent or blank.
    subscript(_ name: String) -> String? {
        guard let value = pairs.first(where: { $0.name.utf8.elementsEqual(name.utf8) })?.value.trimmingCharacters(in: .whitespacesAndNewlines),
              !value.isEmpty else { return nil }
        return value
    }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name.utf8.elementsEqual(name.utf8) }.map(\.value)
    }

    /// Names present, in order of first appearance.
    var names: [String] {
        var seen: Set<[UInt8]> = []
        return pairs.map(\.name).filter { seen.insert(Array($0.utf8)).inserted }
    }
}
