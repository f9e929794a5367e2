import CityDiplomacyApplication
import CityDiplomacyCore
import Foundation
import Hummingbird
import NIOCore

/// How a country's cities' partners follow priorities posted as YAML text, for `/alignment` and
/// `/api/v1/alignment`. The server never reads a priorities file named by a request: the
/// priorities come in the body, and are named `priorities` in any message.
extension Observatory {
    /// The most bytes of a posted body: the priorities text, and on the page the other fields.
    static let alignmentBodyLimit = AlignmentRequest.maximumPrioritiesText

    /// The bundled example priorities (`examples/priorities-iran.yaml`) by name, read from the
    /// installation, never from the working directory.
    static func examplePriorities(_ name: String) throws(WebError) -> String {
        guard name == "iran" else { throw .badRequest("unknown example '\(name)': the example is iran", field: "example") }
        return try Assets.text("priorities-iran.yaml")
    }

    /// A request's body as UTF-8 text, held to `limit` bytes: a larger one is 413, bytes that are
    /// not UTF-8 a 400 (never replaced by U+FFFD, which would make the error read as a YAML one).
    static func body(_ request: Request, limit: Int = alignmentBodyLimit) async throws(WebError) -> String {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw WebError(.contentTooLarge, "the body is larger than \(limit) bytes", field: "priorities")
        } catch {
            throw .badRequest("the body could not be read", field: "priorities")
        }
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw .badRequest("the priorities are not UTF-8 text", field: "priorities")
        }
        return text
    }

    /// `focus` (required), `dataset` and `against` (repeatable), `draws` (at most
    /// ``AlignmentRequest/webMaximumDraws``) and `seed`.
    func alignmentRequest(priorities text: String, _ filters: Filters) throws(WebError) -> AlignmentRequest {
        guard let focus = filters.text("focus")?.trimmingCharacters(in: .whitespaces), !focus.isEmpty else {
            throw .badRequest("a focus is needed: country:IR, a code or a country's name", field: "focus")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .badRequest("no priorities were given: post a priorities file's text (citydiplomacy-priorities/1)", field: "priorities")
        }
        func ids(_ name: String) -> [String] {
            filters.fields.all(name).map { PersianText.normalized($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return AlignmentRequest(prioritiesText: text, focus: focus, datasets: ids("dataset"), against: ids("against"),
                                draws: try filters.integer("draws", in: 1...AlignmentRequest.webMaximumDraws) ?? 1_000,
                                seed: try filters.seed() ?? 2026)
    }

    func alignment(_ request: AlignmentRequest) async throws -> AlignmentResult {
        try await WebError.answering {
            // The focus named as the web spells it, before the priorities are read.
            _ = try workspace.country(named: request.focusCountry, field: "focus")
            return try await workspace.alignment(request)
        }
    }
}
