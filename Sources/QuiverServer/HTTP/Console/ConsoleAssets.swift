// The console's files, compiled into the binary as string constants (ConsolePage, ConsoleStyle,
// ConsoleScript*): nothing is read from disk or fetched from elsewhere, so the page runs under
// the server's strict Content-Security-Policy (scripts and styles from 'self' only).

/// The console's page, style sheet and scripts by file name.
enum ConsoleAssets {
  /// Each asset's media type and text.
  static let files: [String: (type: String, text: String)] = [
    "index.html": ("text/html; charset=utf-8", ConsolePage.html),
    "console.css": ("text/css; charset=utf-8", ConsoleStyle.css),
    "app.js": ("text/javascript; charset=utf-8", ConsoleAppScript.js),
    "editor.js": ("text/javascript; charset=utf-8", ConsoleEditorScript.js),
    "graph.js": ("text/javascript; charset=utf-8", ConsoleGraphScript.js),
    "views.js": ("text/javascript; charset=utf-8", ConsoleViewsScript.js),
  ]

  /// The asset `name`, or a 404.
  static func response(_ name: String) -> HTTPResponse {
    guard let file = files[name] else {
      return HTTPErrors.refused(404, "Neo.ClientError.Request.Invalid", "no console file named \(name)")
    }
    return HTTPResponse(status: 200, headers: [("Content-Type", file.type)], body: Array(file.text.utf8))
  }
}
