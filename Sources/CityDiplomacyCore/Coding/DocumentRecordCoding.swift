import Foundation

/// The JSON a backend keeps a document or a coded segment in, and the change log records them
/// as: keys sorted, dates as ISO 8601 to the second (the precision records keep, see
/// ``AgreementDocument/wholeSecond(_:)``), so that every backend writes the same bytes.
public enum DocumentRecordCoding {
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func decode<Value: Decodable>(_ type: Value.Type, from json: String) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(json.utf8))
    }
}
