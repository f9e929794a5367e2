import Foundation

/// The fields of a `multipart/form-data` body (RFC 7578), as the add-document form sends a file
/// with its fields. Written here because the package has no multipart reader and the form needs
/// only this much: parts split at the boundary, each with its `name`, its `filename` if it is a
/// file, and its bytes.
struct MultipartForm {
    struct Part {
        var name: String
        var fileName: String?
        var data: Data
        var text: String? { String(data: data, encoding: .utf8) }
    }

    var parts: [Part] = []

    /// The boundary a `Content-Type: multipart/form-data; boundary=…` header names, if it is one.
    static func boundary(contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// Reads `body`; `nil` where it is not a multipart body with that boundary.
    init?(_ body: Data, boundary: String) {
        let delimiter = Data("--\(boundary)".utf8)
        var chunks: [Data] = []
        var searchFrom = body.startIndex
        var previous: Range<Data.Index>?
        while let found = body.range(of: delimiter, in: searchFrom..<body.endIndex) {
            if let previous { chunks.append(body[previous.upperBound..<found.lowerBound]) }
            previous = found
            searchFrom = found.upperBound
        }
        guard previous != nil else { return nil }
        for chunk in chunks {
            // Each part: CRLF, headers, a blank line, the bytes, and the CRLF before the next delimiter.
            guard let blank = chunk.range(of: Data("\r\n\r\n".utf8)) else { continue }
            let head = String(decoding: chunk[chunk.startIndex..<blank.lowerBound], as: UTF8.self)
            var data = Data(chunk[blank.upperBound...])
            if data.suffix(2) == Data("\r\n".utf8) { data.removeLast(2) }
            guard let disposition = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = Self.parameter("name", in: String(disposition)) else { continue }
            parts.append(Part(name: name, fileName: Self.parameter("filename", in: String(disposition)), data: data))
        }
    }

    /// A quoted parameter of a header line: `name="theme"`.
    private static func parameter(_ name: String, in line: String) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == name {
                var value = pair[1]
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                return value
            }
        }
        return nil
    }

    // Parts are found by their names' bytes, as `FormFields` finds fields, not by `String`'s `==`.

    /// The first part of that name, as text trimmed; `nil` when absent or blank.
    subscript(_ name: String) -> String? {
        guard let text = parts.first(where: { $0.name.utf8.elementsEqual(name.utf8) && $0.fileName == nil })?.text?.trimmingCharacters(in: .whitespacesAndNewlines),
              !text.isEmpty else { return nil }
        return text
    }

    /// The file sent under that name, if one with bytes was chosen.
    func file(_ name: String) -> Part? {
        parts.first { $0.name.utf8.elementsEqual(name.utf8) && $0.fileName?.isEmpty == false && !$0.data.isEmpty }
    }
}
