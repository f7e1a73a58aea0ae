// `quiver serve` and `quiver user add`: argument parsing and wiring only. The Bolt and HTTP
// servers live in QuiverServer; the users file in the database directory (or --users for an
// in-memory one).
import ArgumentParser
import Foundation
import Quiver
import QuiverServer
import QuiverShellSupport

/// `quiver serve [DIR] [--listen HOST:PORT] [--http HOST:PORT] [--no-bolt] [--no-auth] [limits]
/// [--users FILE]`.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    _superCommandName: "quiver",
    abstract: "Serve a database over Bolt and HTTP, for Neo4j drivers, tools and the browser console.",
    discussion: """
      Listens on 127.0.0.1:7687 unless --listen says otherwise. Authentication is on by \
      default: users come from users.json in the database directory (add them with \
      'quiver user add NAME --db DIR') or from --users FILE; --no-auth turns it off and is \
      refused on a non-loopback address. Without a directory the database lives in memory. \
      --http HOST:PORT also serves Neo4j's Query API, the transactional HTTP endpoint and the \
      browser console (open http://HOST:PORT/); --no-bolt serves HTTP alone.

      EXAMPLES:
        quiver user add alice --db graph.quiver
        quiver serve graph.quiver
        quiver serve --no-auth --listen 127.0.0.1:7688
        quiver serve graph.quiver --http 127.0.0.1:7474
        quiver serve graph.quiver --listen 0.0.0.0:7687 --tls-cert cert.pem --tls-key key.pem
      """,
    version: QuiverCommand.version)

  @Argument(help: ArgumentHelp("The database directory (in memory when omitted).", valueName: "directory"))
  var directory: String?

  @Option(help: ArgumentHelp("The address to listen on.", valueName: "host:port"))
  var listen = "127.0.0.1:7687"

  @Option(help: ArgumentHelp("Also serve the HTTP API and the console on this address.", valueName: "host:port"))
  var http: String?

  @Flag(help: "Serve HTTP only (needs --http).")
  var noBolt = false

  @Flag(help: "Accept every client without credentials (loopback addresses only).")
  var noAuth = false

  @Option(help: ArgumentHelp("The users file (default: users.json in the database directory).", valueName: "file"))
  var users: String?

  @Option(help: ArgumentHelp("Connections served at once; more are closed.", valueName: "n"))
  var maxConnections = 256

  @Option(help: ArgumentHelp("The largest message (Bolt) or request body (HTTP) a client may send, in bytes.", valueName: "n"))
  var maxMessageBytes = 16 << 20

  @Option(help: ArgumentHelp("The longest a statement may run, in seconds (0: no limit).", valueName: "seconds"))
  var queryTimeout: Double = 0

  @Option(help: ArgumentHelp("Close a connection idle this long, in seconds (0: never).", valueName: "seconds"))
  var idleTimeout: Double = 3600

  @Option(
    name: .customLong("import-dir"),
    help: ArgumentHelp(
      "The directory LOAD CSV reads file:/// URLs in. (default: the database directory's import/; none in memory)",
      valueName: "directory"))
  var importDirectory: String?

  @Option(help: ArgumentHelp("A PEM certificate (chain) for TLS; needs --tls-key.", valueName: "file"))
  var tlsCert: String?

  @Option(help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "file"))
  var tlsKey: String?

  func validate() throws {
    for (name, seconds) in [("--query-timeout", queryTimeout), ("--idle-timeout", idleTimeout)]
    where seconds != 0 && SecondsArgument.duration(seconds) == nil {
      throw ValidationError("\(name) takes 0 (no limit) or \(SecondsArgument.requirement).")
    }
    if maxConnections < 1 { throw ValidationError("--max-connections takes a positive number.") }
    if maxMessageBytes < 1 { throw ValidationError("--max-message-bytes takes a positive number of bytes.") }
    if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("Give --tls-cert and --tls-key together.") }
    guard ServeAddress(listen) != nil else { throw ValidationError("--listen must be host:port, e.g. 127.0.0.1:7687.") }
    if noAuth && users != nil { throw ValidationError("Give either --no-auth or --users, not both.") }
    if let address = ServeAddress(listen), !address.isLoopback, noAuth, !noBolt {
      throw ValidationError("--no-auth is refused on the non-loopback address \(address.host); set up users instead.")
    }
    if let http {
      guard let address = ServeAddress(http) else { throw ValidationError("--http must be host:port, e.g. 127.0.0.1:7474.") }
      if !address.isLoopback, noAuth {
        throw ValidationError("--no-auth is refused on the non-loopback address \(address.host); set up users instead.")
      }
    }
    if noBolt && http == nil { throw ValidationError("--no-bolt needs --http HOST:PORT.") }
    if directory == nil && users == nil && !noAuth {
      throw ValidationError("An in-memory server needs --users FILE or --no-auth.")
    }
  }

  func run() throws {
    guard let address = ServeAddress(listen) else { throw ExitCode(2) }
    let database = try directory.map { try Database(path: $0) } ?? Database()
    if let importDirectory { database.importDirectory = importDirectory }
    var configuration = BoltServer.Configuration()
    configuration.host = address.host
    configuration.port = address.port
    configuration.maxConnections = maxConnections
    configuration.maxMessageBytes = maxMessageBytes
    configuration.queryTimeout = SecondsArgument.duration(queryTimeout)
    configuration.idleTimeout = SecondsArgument.duration(idleTimeout)
    configuration.tlsCertificatePath = tlsCert
    configuration.tlsKeyPath = tlsKey
    if !noAuth {
      let store = users.map(UserStore.init(path:)) ?? directory.map(UserStore.init(directory:))
      guard let store, store.hasUsers else {
        Console.error("quiver serve: no users in \(store?.path ?? "the users file"); add one with 'quiver user add NAME' or use --no-auth")
        throw ExitCode(2)
      }
      configuration.users = store
    }
    var bolt: BoltServer?
    if !noBolt {
      let server = try BoltServer(database: database, configuration: configuration)
      bolt = server
      let scheme = tlsCert == nil ? "bolt" : "bolt+s"
      Console.error("quiver serve: listening on \(scheme)://\(address.host):\(server.port)\(noAuth ? " (no authentication)" : "")")
    }
    var web: HTTPServer?
    if let http, let httpAddress = ServeAddress(http) {
      var options = HTTPServer.Configuration()
      options.host = httpAddress.host
      options.port = httpAddress.port
      options.users = configuration.users
      options.maxConnections = maxConnections
      options.maxBodyBytes = maxMessageBytes
      options.queryTimeout = configuration.queryTimeout
      options.tlsCertificatePath = tlsCert
      options.tlsKeyPath = tlsKey
      let server = try HTTPServer(database: database, configuration: options)
      let scheme = tlsCert == nil ? "http" : "https"
      Console.error("quiver serve: HTTP API and console on \(scheme)://\(httpAddress.host):\(server.port)/\(noAuth ? " (no authentication)" : "")")
      web = server
    }
    // Keep the HTTP server alive for as long as the Bolt server runs.
    if let bolt { try withExtendedLifetime(web) { try bolt.wait() } } else { try web?.wait() }
  }
}

/// `host:port` from --listen.
struct ServeAddress {
  let host: String
  let port: Int

  init?(_ text: String) {
    guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
      return nil
    }
    host = String(text[..<colon]).trimmingCharacters(in: ["[", "]"])
    self.port = port
    if host.isEmpty { return nil }
  }

  var isLoopback: Bool { host == "localhost" || host == "::1" || host.hasPrefix("127.") }
}

/// `quiver user add NAME (--db DIR | --users FILE)`: reads the password from the terminal
/// without echo, or from standard input when it is not a terminal.
struct UserCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "user",
    _superCommandName: "quiver",
    abstract: "Add a user who may log in to 'quiver serve' (or change their password).",
    version: QuiverCommand.version)

  @Argument(help: ArgumentHelp("Only 'add' for now.", valueName: "action"))
  var action: String

  @Argument(help: ArgumentHelp("The user's name.", valueName: "name"))
  var name: String

  @Option(name: .customLong("db"), help: ArgumentHelp("The database directory whose users.json to change.", valueName: "directory"))
  var databasePath: String?

  @Option(help: ArgumentHelp("The users file to change instead.", valueName: "file"))
  var users: String?

  func validate() throws {
    guard action == "add" else { throw ValidationError("Unknown action '\(action)'; the one action is 'add'.") }
    guard (databasePath == nil) != (users == nil) else { throw ValidationError("Give either --db DIR or --users FILE.") }
  }

  func run() throws {
    let password: String?
    if Console.inputIsTerminal {
      password = getpass("Password for \(name): ").map { String(cString: $0) }
    } else {
      password = readLine(strippingNewline: true)
    }
    guard let password, !password.isEmpty else {
      Console.error("quiver user: the password must not be empty")
      throw ExitCode(2)
    }
    if let databasePath { try FileManager.default.createDirectory(atPath: databasePath, withIntermediateDirectories: true) }
    let store = users.map(UserStore.init(path:)) ?? UserStore(directory: databasePath ?? ".")
    try store.add(name: name, password: password)
    Console.error("quiver user: \(name) can log in (\(store.path))")
  }
}
