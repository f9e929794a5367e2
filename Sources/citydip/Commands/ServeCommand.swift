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
            /api/v1/openapi.yaml. Reads are public; writes (API and forms) need a token given by \
            --token NAME:TOKEN (repeatable) or $CITYDIP_TOKENS (NAME:TOKEN,NAME:TOKEN), tokens of at \
            least 16 characters. The change log records each write under the token's name. The server \
            speaks plain HTTP: to serve others, keep it on 127.0.0.1 behind a TLS proxy and use \
            --secure-cookies.
            """
    )

    @Option(help: "The address to listen on (0.0.0.0 for every interface).")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @Option(name: .customLong("token"), help: ArgumentHelp("A write token, as NAME:TOKEN. Repeatable.", valueName: "name:token"))
    var tokens: [String] = []

    @Option(name: .customLong("cache-seconds"), help: ArgumentHelp("Rendered pages and API answers are kept in memory until the data changes; this is how often the database is asked whether it has, so changes made by another process (an import) show after at most this long. 0 turns the cache off.", valueName: "seconds"))
    var cacheSeconds: Double = 2

    @Option(name: .customLong("cache-megabytes"), help: ArgumentHelp("The most memory, in megabytes, the cache of rendered answers may hold.", valueName: "megabytes"))
    var cacheMegabytes: Int = 64

    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp("Close a connection that has sent nothing — between requests or in the middle of one — for this long.", valueName: "seconds"))
    var idleTimeout: Double = 30

    @Option(name: .customLong("max-connections"), help: ArgumentHelp("The most connections served at once; more wait until one closes.", valueName: "count"))
    var maxConnections: Int = 512

    @Option(name: .customLong("request-head-timeout"), help: ArgumentHelp("Close a connection whose request line and headers have not all arrived this long after it opened, or after the previous answer on a kept-alive connection; a body has as long again, and the time its length takes at 32 KiB a second.", valueName: "seconds"))
    var requestHeadTimeout: Double = 10

    @Option(name: .customLong("max-connections-per-client"), help: ArgumentHelp("The most connections one client address may hold at once; more are closed at once. Connections from this machine (a reverse proxy on it) are not counted; behind a proxy elsewhere, every connection is the proxy's.", valueName: "count"))
    var maxConnectionsPerClient: Int = 64

    @Flag(help: "Mark the sign-in cookie Secure, so that browsers send it only over HTTPS: for an observatory behind a TLS proxy.")
    var secureCookies = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw CLIError("invalid --port \(port): expected 1 to 65535") }
        guard cacheSeconds >= 0, cacheSeconds.isFinite else { throw CLIError("invalid --cache-seconds \(cacheSeconds): expected 0 or more") }
        guard cacheMegabytes >= 0 else { throw CLIError("invalid --cache-megabytes \(cacheMegabytes): expected 0 or more") }
        guard (0.1...86_400).contains(idleTimeout) else { throw CLIError("invalid --idle-timeout \(idleTimeout): expected 0.1 to 86400 seconds") }
        guard maxConnections > 0 else { throw CLIError("invalid --max-connections \(maxConnections): expected 1 or more") }
        guard (0.1...86_400).contains(requestHeadTimeout) else {
            throw CLIError("invalid --request-head-timeout \(requestHeadTimeout): expected 0.1 to 86400 seconds")
        }
        guard maxConnectionsPerClient > 0 else { throw CLIError("invalid --max-connections-per-client \(maxConnectionsPerClient): expected 1 or more") }
    }

    func run() async throws {
        var specs = tokens
        if let environment = ProcessInfo.processInfo.environment["CITYDIP_TOKENS"], !environment.isEmpty {
            specs += environment.split(separator: ",").map(String.init)
        }
        let writeTokens: [String: String]
        do {
            writeTokens = try WebConfiguration.tokens(specs)
        } catch {
            throw CLIError("\(error)")
        }
        let opened = try await database.open()
        let registry = opened.registry
        let configuration = WebConfiguration(host: host, port: port, writeTokens: writeTokens, cacheLifetime: cacheSeconds, secureCookies: secureCookies,
            cacheBytes: cacheMegabytes * 1024 * 1024, idleTimeout: idleTimeout, maxConnections: maxConnections,
            requestHeadTimeout: requestHeadTimeout, maxConnectionsPerClient: maxConnectionsPerClient)
        if !WebConfiguration.isLoopback(host) {
            TerminalOutput.note(Self.clearTextWarning(host: host))
        }
        let access = writeTokens.isEmpty ? "read-only" : "writes allowed for \(Set(writeTokens.values).sorted().joined(separator: ", "))"
        let path = opened.location.description, host = host
        // Announced once the port is bound, so that the address printed is one that answers.
        let app = try await buildApplication(configuration, registry: registry, loadingReferenceDataFirst: true) { port in
            TerminalOutput.note("citydip: serving \(path) at http://\(host):\(port)/ ; \(access) (Ctrl-C to stop)\n")
        }
        do {
            try await runObservatory(app, configuration: configuration)
        } catch let error as ObservatoryStartError {
            throw CLIError(error.description)
        }
    }

    /// Said at start when the observatory listens beyond this machine: write tokens and the
    /// session cookie would otherwise cross the network unencrypted without anyone being told.
    static func clearTextWarning(host: String) -> String {
        """
        citydip: warning: listening on \(host), an address other machines can reach. This server speaks plain HTTP: \
        write tokens and sign-in cookies travel in clear text unless a TLS proxy is in front. To serve others, \
        listen on 127.0.0.1 and put a TLS-terminating reverse proxy (Caddy, nginx) in front, with --secure-cookies \
        (see README, "Serving to others").

        """
    }
}
