import ArgumentParser
import CityDiplomacyWeb
import Foundation
import Hummingbird

/// `citydip serve`: the web observatory and its JSON API over the database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web observatory (pages in English and Persian) and the JSON API (/api/v1).",
        discussion: """
            Open http://127.0.0.1:8080 (or the --host and --port given). The API is described at \
            /api/v1/openapi.yaml. Reads are public.
            """
    )

    @Option(help: "The address to listen on (0.0.0.0 for every interface).")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw CLIError("invalid --port \(port): expected 1 to 65535") }
    }

    func run() async throws {
        let registry = try await database.open()
        let app = try await buildApplication(WebConfiguration(host: host, port: port), registry: registry)
        FileHandle.standardError.write(Data("citydip: serving \(database.path) at http://\(host):\(port)/ (Ctrl-C to stop)\n".utf8))
        try await app.runService()
    }
}
