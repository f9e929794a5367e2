import Hummingbird
import NIOCore

/// An export sent as it is written, in chunks of about 64 KB, so that a large one never sits
/// whole in memory; it is not kept in the response cache for the same reason.
///
/// What the export selects is read before the answer starts, so that a bad filter is still a 400
/// with its JSON error rather than a broken file.
enum ExportStream {
    static let chunkSize = 64 * 1024

    static func response(contentType: String, _ write: @escaping @Sendable (Exports.Emit) async throws -> Void) -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: ResponseBody { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(chunkSize)
            try await write { piece in
                buffer.writeString(piece)
                if buffer.readableBytes >= chunkSize {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
            try await writer.finish(nil)
        })
    }
}
