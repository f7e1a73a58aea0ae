// The HTTP server's defences, in one place: the headers every response carries (a strict
// Content-Security-Policy: only Quiver's own scripts, styles and connections), the Host check
// against DNS rebinding, the same-origin check on every state-changing request, and the
// session cookie's attributes.

/// Security checks and headers of the HTTP server.
enum HTTPSecurity {
  /// Scripts, styles and connections from this server only; no inline code, no frames, no forms
  /// posted elsewhere.
  static let contentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

  /// The name of the login cookie.
  static let cookieName = "quiver_session"
  /// The header the console sends with its CSRF token.
  static let csrfHeader = "x-quiver-csrf"

  /// Headers added to every response.
  static let headers: [(String, String)] = [
    ("Content-Security-Policy", contentSecurityPolicy),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("Cache-Control", "no-store"),
  ]

  /// Whether the request's Host names this server: on a loopback-only server it must be a
  /// loopback name, so a page whose own name was rebound to 127.0.0.1 cannot reach the server.
  static func hostAllowed(_ request: HTTPRequest, loopbackOnly: Bool) -> Bool {
    guard loopbackOnly else { return true }
    guard let host = request.header("host") else { return false }
    let name: Substring
    if host.hasPrefix("[") {
      name = host.dropFirst().prefix(while: { $0 != "]" })
    } else {
      name = host.prefix(while: { $0 != ":" })
    }
    return name == "localhost" || name == "::1" || name.hasPrefix("127.")
  }

  /// Why a state-changing request (anything but GET and HEAD) is refused, or nil when it may
  /// go on: an Origin other than this server's, a browser's cross-site fetch, or a body that
  /// is not JSON (which a cross-origin page could otherwise send without a preflight).
  static func crossOriginRefusal(_ request: HTTPRequest, tls: Bool) -> String? {
    if let origin = request.header("origin") {
      let own = "\(tls ? "https" : "http")://\(request.header("host") ?? "")"
      guard origin == own else { return "requests from origin \(origin) are refused" }
    }
    if let site = request.header("sec-fetch-site"), site != "same-origin", site != "none" {
      return "cross-site requests are refused"
    }
    if !request.body.isEmpty {
      let type = request.header("content-type")?.lowercased() ?? ""
      guard type.hasPrefix("application/json") || type.hasPrefix("application/vnd.neo4j.query") else {
        return "the body must be application/json"
      }
    }
    return nil
  }

  /// The Set-Cookie value that stores `token` (or, for nil, clears the cookie).
  static func cookie(_ token: String?, tls: Bool) -> String {
    var parts = ["\(cookieName)=\(token ?? "")", "Path=/", "HttpOnly", "SameSite=Strict"]
    if tls { parts.append("Secure") }
    if token == nil { parts.append("Max-Age=0") }
    return parts.joined(separator: "; ")
  }

  /// Constant-time comparison of two secrets.
  static func same(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for i in 0..<x.count { difference |= x[i] ^ y[i] }
    return difference == 0
  }
}
